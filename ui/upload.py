"""A document uploaded from the admin page: size, name and content checked before anything is kept.

Every format the corpus reads is accepted (text, Word, web page, PDF, OFD, scans); what a file
is comes from its content, as in the corpus, via the readers. Executables and archives are
refused by their first bytes, whatever the name says. The upload is written to a private
temporary folder for the preview; only a confirmed one is copied into the corpus, by the same
`indexer.manage.add_documents` the CLI uses. Streamlit's server.maxUploadSize caps the transfer;
MAX_BYTES is the limit the app itself enforces.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from indexer.errors import CorpusError, UploadRejected
from indexer.foundation.names import has_control, shown

MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = (".txt", ".docx", ".doc", ".wps", ".html", ".htm", ".pdf", ".ofd", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
REFUSED = {
    b"\x7fELF": "ELF 可执行文件",
    b"MZ": "Windows 可执行文件",
    b"\x1f\x8b": "gzip",
    b"Rar!": "RAR",
    b"7z\xbc\xaf": "7z",
    b"#!": "脚本",
}


def safe_name(name: str) -> str:
    """`../../etc/计划.DOCX` → `计划.docx`; anything but letters, digits, CJK, `-_.` becomes `_`."""
    if has_control(name):
        raise UploadRejected("upload.name", name=shown(name[:80]))
    base = Path(name.replace("\\", "/")).name.strip()
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in SUFFIXES:
        raise UploadRejected("upload.type", name=name[:80])
    stem = re.sub(r"[^\w\-.]", "_", stem).strip("._")
    if not stem:
        raise UploadRejected("upload.name", name=name[:80])
    return f"{stem[:100]}.{suffix.lower()}"


def check_content(data: bytes, name: str) -> None:
    if len(data) > MAX_BYTES:
        raise UploadRejected("upload.too_big", name=name, size=len(data) // 1024, limit=MAX_BYTES // 1024)
    if not data.strip():
        raise UploadRejected("upload.empty", name=name)
    for signature, kind in REFUSED.items():
        if data.startswith(signature):
            raise UploadRejected("upload.binary", name=name, kind=kind)


def stage_upload(name: str, data: bytes) -> Path:
    """The checked upload in a fresh private folder (the caller removes it), recognised by a reader."""
    from indexer.ingest.readers import reader_for

    clean = safe_name(name)
    check_content(data, clean)
    path = Path(tempfile.mkdtemp(prefix="polqa-upload-")) / clean
    path.write_bytes(data)
    try:
        reader_for(path)
    except CorpusError as err:
        raise UploadRejected("upload.unreadable", name=clean, detail=err.message) from err
    return path
