"""A document uploaded from the admin page into the corpus: size, name and content checked first.

The corpus reader takes plain text (UTF-8 or GBK), so an upload must be one: the first bytes
may not be the signature ("magic bytes") of a known binary format (PDF, Office/ZIP, images,
executables, archives), there may be no NUL bytes, and the whole file must decode. The name
is reduced to a plain file name ending in .txt, and an existing corpus file is never replaced.
Streamlit's server.maxUploadSize (.streamlit/config.toml) caps the transfer; MAX_BYTES here
is the smaller limit the app itself enforces.
"""
from __future__ import annotations

import re
from pathlib import Path

from indexer.errors import UploadRejected

MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt",)
SIGNATURES = {b"%PDF": "PDF", b"PK\x03\x04": "Office/ZIP", b"\xd0\xcf\x11\xe0": "Office 97-2003",
              b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF8": "GIF", b"\x7fELF": "ELF",
              b"MZ": "Windows 可执行文件", b"\x1f\x8b": "gzip", b"Rar!": "RAR", b"7z\xbc\xaf": "7z",
              b"{\\rtf": "RTF", b"OFD": "OFD", b"II*\x00": "TIFF", b"MM\x00*": "TIFF"}


def safe_name(name: str) -> str:
    """`../../etc/计划.TXT` → `计划.txt`; anything but letters, digits, CJK, `-_.` becomes `_`."""
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
    head = data.lstrip(b"\xef\xbb\xbf")[:8]
    for signature, kind in SIGNATURES.items():
        if head.startswith(signature):
            raise UploadRejected("upload.binary", name=name, kind=kind)
    if b"\x00" in data:
        raise UploadRejected("upload.binary", name=name, kind="二进制")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            data.decode(encoding)
            return
        except UnicodeDecodeError:
            continue
    raise UploadRejected("upload.encoding", name=name)


def save_upload(name: str, data: bytes, corpus: Path) -> Path:
    """The checked file written into the corpus folder; never over an existing file."""
    clean = safe_name(name)
    check_content(data, clean)
    target = corpus / clean
    if target.exists():
        raise UploadRejected("upload.exists", name=clean)
    corpus.mkdir(parents=True, exist_ok=True)
    with target.open("xb") as out:          # "x": fails rather than replaces, even in a race
        out.write(data)
    return target
