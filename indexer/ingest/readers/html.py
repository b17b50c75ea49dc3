"""Web pages saved from a government site: the document's text without the site around it.

Navigation, headers, footers, share bars, scripts and styles go; every block element
(p, div, li, h1–h6, …) and <br> ends a line; a table is read row by row (rows.py).
The encoding comes from the byte-order mark, then the page's meta charset, then
charset-normalizer (text.decode).
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import CorpusError
from ..limits import check_nesting
from .base import TextLine
from .rows import table_lines
from .text import bom_encoding, decode

MAGIC = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html)[\s>]", re.I | re.S)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
DROPPED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "nav",
    "aside",
    "footer",
    "button",
    "select",
    "object",
)
# a class or id naming site furniture, as whole words: top-nav, breadcrumb, share-bar, copyright, and the
# 当前位置 bar Chinese government sites call position, location or dqwz (当前位置 in pinyin initials)
FURNITURE = re.compile(
    r"(?:^|[\s_-])(nav\w*|menu\w*|footer\w*|foot|breadcrumbs?|crumbs?|share\w*|bdshare\w*|"
    r"copyright|sidebar|toolbar|pager|pagination|skip|position|location|dqwz|related\w*)"
    r"(?:$|[\s_-])",
    re.I,
)
PORTAL_LINE = re.compile(
    r"^(无障碍(浏览|阅读)?|长者模式|适老化?(模式|服务)?|关怀版|简体|繁體|English|\s|[|｜/])+$"
    r"|^(【\s*(打印本页|打印|关闭窗口|关闭|收藏|分享|保存|返回顶部)\s*】\s*)+$"
    r"|^(字号|字体)\s*[:：]?\s*(大|中|小|\s|[|｜])+$"
)
METADATA_ROW = re.compile(
    r"^(索引号|主题分类|发文机关|成文日期|发布日期|发文字号|主题词|有效性|公文种类|信息来源)\s*[:：]?"
)
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号")
BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "center",
    "hr",
    "caption",
    "body",
    "html",
    "tr",
    "table",
}


def _text_head(head: bytes) -> bytes:
    """The head as ASCII-compatible bytes, so the magic can be seen in a UTF-16 page too."""
    encoding = bom_encoding(head)
    if encoding and encoding != "utf-8-sig":
        return head.decode(encoding, errors="ignore").encode("utf-8", errors="ignore")
    return head.removeprefix(b"\xef\xbb\xbf")


class HtmlReader:
    name = "html"

    def accepts(self, head: bytes) -> bool:
        return bool(MAGIC.match(_text_head(head)))

    def read(self, path: Path) -> list[TextLine]:
        from selectolax.lexbor import LexborHTMLParser  # only when a page is read

        tree = LexborHTMLParser(check_nesting(page_text(path.read_bytes(), path.name), path.name))
        body = tree.body
        if body is None:
            raise CorpusError("corpus.empty", path.name)
        fields: dict[str, tuple] = {}
        return [
            TextLine(line, fields=fields.get(line, ())) for line in without_portal(block_lines(body, fields=fields))
        ]


def without_portal(lines: list[str]) -> list[str]:
    """Lines of the portal rather than the document: accessibility switches, print and close
    links, and the metadata block (索引号 / 发文机关 / 发文字号 …). The metadata's document number
    is kept as a line of its own (the parser knows a number line), everything else of it goes."""
    kept: list[str] = []
    for line in lines:
        if PORTAL_LINE.search(line):
            continue
        if METADATA_ROW.match(line):
            kept.extend(m.group(0) for m in [DOC_NUMBER.search(line)] if m and "发文字号" in line)
            continue
        kept.append(line)
    return kept


def page_text(data: bytes, name: str) -> str:
    declared = None
    if not bom_encoding(data):
        match = META_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii", errors="ignore") if match else None
    return decode(data, name, declared)


def is_furniture(node, in_article: bool) -> bool:
    """Whether the element belongs to the site rather than the document. Skipped while walking
    (not removed from the tree, which would leave dangling nodes inside removed ones). A <header>
    inside an <article> or <main> is the document's own and holds its title."""
    if node.tag in DROPPED_TAGS or (node.tag == "header" and not in_article):
        return True
    attributes = node.attributes
    return bool(FURNITURE.search(f"{attributes.get('class') or ''} {attributes.get('id') or ''}"))


def block_lines(root, in_article: bool = False, fields: dict | None = None) -> list[str]:
    """The visible text, one line per block; whitespace inside a block collapses as a browser does.
    `fields` collects a table row's extra columns (deadline, leader) by the row's line."""
    pieces: list[str] = []
    _walk(root, pieces, in_article, fields if fields is not None else {})
    lines = (re.sub(r"[ \t\r\f\v\u00a0\u3000]+", " ", line).strip() for line in "".join(pieces).split("\n"))
    return [line for line in lines if line]


def _walk(node, pieces: list[str], in_article: bool, fields: dict) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            pieces.append(re.sub(r"\s+", " ", child.text(deep=False) or ""))
        elif tag.startswith("-") or is_furniture(child, in_article):
            continue
        elif tag == "br":
            pieces.append("\n")
        elif tag == "table":
            lines = table_lines(_rows(child, in_article))
            fields.update((line.text, line.fields) for line in lines if line.fields)
            pieces.append("\n" + "\n".join(line.text for line in lines) + "\n")
        else:
            inside = in_article or tag in ("article", "main")
            block = "\n" if tag in BLOCKS else ""
            pieces.append(block)
            _walk(child, pieces, inside, fields)
            pieces.append(block)


def _rows(table, in_article: bool) -> list[list[str]]:
    """Cells of each row of this table (not of tables nested in it) by column, each cell's lines joined."""
    rows = []
    for tr in table.css("tr"):
        if _owning_table(tr).mem_id != table.mem_id:
            continue
        cells: list[str] = []
        for cell in tr.iter():
            if cell.tag in ("td", "th"):
                cells.extend(["\n".join(block_lines(cell, in_article))] + [""] * (_colspan(cell) - 1))
        rows.append(cells)
    return rows


def _colspan(cell) -> int:
    value = cell.attributes.get("colspan") or "1"
    return min(int(value), 50) if value.strip().isdigit() and int(value) > 0 else 1


def _owning_table(node):
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent
