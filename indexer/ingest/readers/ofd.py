"""OFD (GB/T 33190), China's fixed-layout format: a zip of XML, read with the standard library.

OFD.xml names the document root (Document.xml), which lists the pages in order; each
page's Content.xml holds TextObjects with a Boundary (x y w h, in millimetres, y down)
and TextCode runs. Text objects are placed on the page and handed to the same layout
step as PDF, so headers, page numbers and wrapped lines are treated alike.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ...errors import CorpusError
from ..limits import check_archive, check_pages, read_member
from .base import TextLine
from .layout import PlacedLine, assemble, rows

ZIP_MAGIC = b"PK\x03\x04"
ROOT_ENTRY = b"OFD.xml"


class OfdReader:
    name = "ofd"

    def accepts(self, head: bytes) -> bool:
        """A zip whose entries include OFD.xml (it is the first entry in every writer we know,
        but any local header in the first bytes counts)."""
        return head.startswith(ZIP_MAGIC) and ROOT_ENTRY in head

    def read(self, path: Path) -> list[TextLine]:
        try:
            with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
                check_archive(archive, path.name)
                check_pages(len(entries := page_entries(archive)), path.name)
                placed = [
                    line for number, entry in enumerate(entries, start=1) for line in page_lines(archive, entry, number)
                ]
        except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, ValueError) as err:
            raise CorpusError("corpus.ofd_damaged", path.name, detail=_reason(err)) from err
        lines = assemble(placed)
        if not lines:
            raise CorpusError("corpus.scan_blank", path.name)
        return lines


def _reason(err: Exception) -> str:
    if isinstance(err, zipfile.BadZipFile):
        return "压缩包无法解开"
    if isinstance(err, ElementTree.ParseError):
        return "XML 无法解析"
    if isinstance(err, KeyError):
        return "缺少文件 " + str(err.args[0] if err.args else "")
    return "数值无法解析"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str):
    return [e for e in element.iter() if _local(e.tag) == name]


def _xml(archive: zipfile.ZipFile, name: str):
    return ElementTree.fromstring(read_member(archive, name.lstrip("/")))


def page_entries(archive: zipfile.ZipFile) -> list[str]:
    """Content.xml of every page, in the order Document.xml lists them."""
    root = _xml(archive, "OFD.xml")
    doc_roots = [e.text.strip() for e in _children(root, "DocRoot") if e.text]
    if not doc_roots:
        raise KeyError("DocRoot")
    document_path = doc_roots[0].lstrip("/")
    base = posixpath.dirname(document_path)
    document = _xml(archive, document_path)
    return [
        posixpath.normpath(posixpath.join(base, page.get("BaseLoc", "")))
        for page in _children(document, "Page")
        if page.get("BaseLoc")
    ]


def page_lines(archive: zipfile.ZipFile, entry: str, number: int) -> list[PlacedLine]:
    boxes = []
    for obj in _children(_xml(archive, entry), "TextObject"):
        boxes.extend(text_boxes(obj))
    return rows(boxes, number)


def text_boxes(obj) -> list[tuple[str, float, float, float, float]]:
    """One box per TextCode line. A TextCode's X/Y (baseline) are relative to the object's Boundary;
    codes on one baseline are one run, codes on another baseline are another line."""
    x, y, w, h = (float(v) for v in obj.get("Boundary", "0 0 0 0").split()[:4])
    size = float(obj.get("Size", h or 1))
    runs: dict[float, list[tuple[float, str]]] = {}
    for code in _children(obj, "TextCode"):
        if code.text and code.text.strip():
            runs.setdefault(float(code.get("Y", size)), []).append((float(code.get("X", 0)), code.text))
    if len(runs) == 1:  # the usual case: the Boundary is the line's box
        ((_, parts),) = runs.items()
        return [("".join(t for _, t in sorted(parts)), x, x + w, y, y + h)]
    boxes = []
    for baseline, parts in sorted(runs.items()):
        parts.sort()
        text = "".join(t for _, t in parts)
        left = x + parts[0][0]
        boxes.append((text, left, min(x + w, left + size * len(text)), y + baseline - size, y + baseline))
    return boxes
