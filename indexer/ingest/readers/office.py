"""Old Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice, then read as Word.

Both are OLE2 compound files, which no permissive pure-Python library reads well
enough (numbering, tables); LibreOffice does. Without it the file is skipped with a
message saying how to install it or how to save the file as .docx instead.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ...errors import CorpusError
from .base import TextLine
from .docx import DocxReader

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PROGRAMS = ("soffice", "libreoffice")
TIMEOUT_S = 120


def office_program() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    return next(filter(None, (shutil.which(p) for p in PROGRAMS)), None)


class OfficeReader:
    name = "office"

    def accepts(self, head: bytes) -> bool:
        return head.startswith(OLE2_MAGIC)

    def read(self, path: Path) -> list[TextLine]:
        program = office_program()
        if program is None:
            raise CorpusError("corpus.no_office", path.name)
        with tempfile.TemporaryDirectory(prefix="polqa-office-") as tmp:
            converted = convert_to_docx(program, path, Path(tmp))
            return DocxReader().read(converted)


def convert_to_docx(program: str, path: Path, tmp: Path) -> Path:
    """Run LibreOffice headless on a copy (its own profile, so a running LibreOffice is not disturbed)."""
    suffix = path.suffix.lower() if path.suffix.lower() in (".doc", ".wps") else ".doc"
    source = tmp / f"source{suffix}"
    shutil.copyfile(path, source)
    command = [
        program,
        f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "docx",
        "--outdir",
        str(tmp / "out"),
        str(source),
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as err:
        raise CorpusError("corpus.convert_failed", path.name, detail=f"超过 {TIMEOUT_S} 秒") from err
    except OSError as err:
        raise CorpusError("corpus.convert_failed", path.name, detail=err.strerror or type(err).__name__) from err
    converted = tmp / "out" / "source.docx"
    if not converted.exists():
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [f"退出码 {result.returncode}"]
        raise CorpusError("corpus.convert_failed", path.name, detail=detail[0][:200])
    return converted
