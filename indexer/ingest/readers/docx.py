"""Word documents (.docx): paragraphs and tables in reading order, automatic numbers written out.

An item typed as `1.加快…` and one numbered by Word look alike on screen but only the
first has its number in the text; the second gets it here (numbering.py), so both
reach the parser as the same line. A table row becomes one line (rows.py).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from ...errors import CorpusError
from ..limits import check_archive
from .base import TextLine
from .numbering import LEVELS, Counter, W, parse_numbering
from .rows import table_lines

ZIP_MAGIC = b"PK\x03\x04"
DOCUMENT_PART = "word/document.xml"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


class DocxReader:
    name = "docx"

    def accepts(self, head: bytes) -> bool:
        """A zip whose first entries are a Word package's (word/… parts, media included)."""
        return head.startswith(ZIP_MAGIC) and b"word/" in head

    def read(self, path: Path) -> list[TextLine]:
        document = open_document(path)
        lines = document_lines(document)
        if not any(line.text.strip() for line in lines):
            raise CorpusError("corpus.docx_empty", path.name)
        return lines


def open_document(path: Path):
    """The python-docx Document, or a CorpusError saying why the file is not a readable Word file."""
    import docx  # lxml-based, 0.2 s to import: only when a Word file is read
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    broken = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, XMLSyntaxError, PackageNotFoundError)
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            check_archive(package, path.name)  # python-docx's zipfile inflates no member beyond its declared size
        if DOCUMENT_PART not in names:
            raise CorpusError("corpus.not_docx", path.name)
        return docx.Document(str(path))
    except broken as err:
        raise CorpusError("corpus.docx_damaged", path.name, detail=type(err).__name__) from err


def document_lines(document) -> list[TextLine]:
    """The body's paragraphs and table rows in order, each paragraph with its Word number."""
    numbering = NumberingLookup(document)
    lines: list[TextLine] = []
    for block in _blocks(document.element.body):
        if block.tag == W + "p":
            lines.extend(TextLine(text) for text in paragraph_lines(block, numbering))
        else:
            lines.extend(table_lines(_rows(block, numbering)))
    return lines


def _blocks(container):
    """Paragraphs and tables, looking inside content controls (w:sdt) that wrap them."""
    for child in container.iterchildren():
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _blocks(content)


def paragraph_lines(p, numbering: NumberingLookup, bare_label: bool = False) -> list[str]:
    """A paragraph's text, split at its manual line breaks; the number goes before the first line.
    An empty numbered paragraph is dropped, except in a table's number column (bare_label)."""
    label = numbering.label(p)
    pieces = paragraph_text(p).split("\n")
    if not "".join(pieces).strip():
        return [label] if bare_label and label else []
    pieces[0] = label + pieces[0].lstrip()
    return [piece for piece in pieces if piece.strip()]


def paragraph_text(p) -> str:
    """Visible text: runs (also inside hyperlinks, fields and insertions), tabs and breaks; deleted text left out."""
    out: list[str] = []
    has_fallback = next(p.iter(MC_FALLBACK), None) is not None  # a text box's legacy copy of its text
    for node in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen"):
        if has_fallback and next(node.iterancestors(MC_FALLBACK), None) is not None:
            continue
        if node.tag == W + "t":
            out.append(node.text or "")
        elif node.tag == W + "tab":
            out.append("\t")
        elif node.tag == W + "noBreakHyphen":
            out.append("-")
        elif node.get(W + "type") in (None, "textWrapping"):
            out.append("\n")
    return "".join(out)


def _rows(table, numbering: NumberingLookup) -> list[list[str]]:
    """Each row's cells by grid column (a wide cell's text once, then blanks), a vertically merged
    cell repeating the text above it (one unit cell shared by several items), nested tables flattened."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    for tr in table.iterchildren(W + "tr"):
        cells, column = [], 0
        for tc in tr.iterchildren(W + "tc"):
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(W + "val") in (None, "continue"):
                text = above.get(column, "")
            else:
                text = "\n".join(
                    [piece for p in tc.iter(W + "p") for piece in paragraph_lines(p, numbering, bare_label=True)]
                )
            span = _span(tc)
            cells.extend([text] + [""] * (span - 1))  # one entry per grid column, as the header has
            above[column] = text
            column += span
        rows.append(cells)
    return rows


def _span(tc) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    return max(_small_int(span.get(W + "val"), 1), 1) if span is not None else 1


class NumberingLookup:
    """(numId, ilvl) of a paragraph, from its own properties or its style's, turned into a label."""

    def __init__(self, document):
        part = document.part
        try:
            root = part.numbering_part.element
        except (NotImplementedError, KeyError):
            root = None
        self.counter = Counter(parse_numbering(root))
        self.styles = _style_numbering(document)

    def label(self, p) -> str:
        num_pr = p.find(f"{W}pPr/{W}numPr")
        style = p.find(f"{W}pPr/{W}pStyle")
        num_id, ilvl = self.styles.get(style.get(W + "val") if style is not None else "", (None, 0))
        if num_pr is not None:
            num_id = _attr(num_pr, "numId") or num_id
            ilvl = _small_int(_attr(num_pr, "ilvl"), ilvl)
        return self.counter.label(num_id, min(max(ilvl, 0), LEVELS - 1)) if num_id else ""


def _small_int(value: str | None, default):
    """A count or level from the XML; a value Word would not write is treated as absent."""
    return int(value) if value is not None and value.isdigit() and len(value) < 4 else default


def _attr(num_pr, tag: str) -> str | None:
    child = num_pr.find(W + tag)
    return child.get(W + "val") if child is not None else None


def _style_numbering(document) -> dict[str, tuple[str, int]]:
    """Styles that number their paragraphs (a heading style tied to a list), following basedOn."""
    styles = document.styles.element
    own: dict[str, tuple[str | None, int | None, str | None]] = {}
    for style in styles.iterchildren(W + "style"):
        num_pr = style.find(f"{W}pPr/{W}numPr")
        based = style.find(W + "basedOn")
        num_id = _attr(num_pr, "numId") if num_pr is not None else None
        ilvl_text = _attr(num_pr, "ilvl") if num_pr is not None else None
        own[style.get(W + "styleId")] = (
            num_id,
            _small_int(ilvl_text, None),
            based.get(W + "val") if based is not None else None,
        )
    resolved = {}
    parent: str | None
    for style_id in own:
        num_id, ilvl, parent, seen = None, None, style_id, set()
        while parent in own and parent not in seen and (num_id is None or ilvl is None):
            seen.add(parent)
            p_num, p_ilvl, next_parent = own[parent]
            num_id, ilvl = num_id or p_num, ilvl if ilvl is not None else p_ilvl
            parent = next_parent
        if num_id:
            resolved[style_id] = (num_id, ilvl or 0)
    return resolved
