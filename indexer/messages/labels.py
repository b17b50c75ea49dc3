"""The Chinese labels every view uses: kinds, roles, unit links, sources, years."""

from __future__ import annotations

import re

from ..records import DocKind, Item, Role, Source
from . import say

RELATION = {"renamed": "改名", "merged": "合并"}
LINK_MARKS = {
    "renamed:successor": "现名",
    "renamed:predecessor": "原名",
    "merged:successor": "合并后单位",
    "merged:predecessor": "合并前单位",
}
LINK_LABELS = {
    "renamed:successor": "现名{}",
    "renamed:predecessor": "原名{}",
    "merged:successor": "已并入{}",
    "merged:predecessor": "含原{}",
}
NO_PART = "（文首，未分章节）"


def kind_label(kind) -> str:
    try:
        return DocKind(kind).label
    except ValueError:
        return str(kind)


def role_label(role: Role) -> str:
    return Role(role).label


def year_label(year) -> str:
    return "全部年份" if year is None else f"{year}年"


def join(values) -> str:
    return "、".join(values)


def source_text(item: Item) -> str:
    """`2025-plan-responsibility.txt 第83行`, `2025-plan.pdf 第3页`; merged duplicates list every source."""
    return "；".join(f"{s.file} {place_label(s)}" for s in item.sources)


def source_place(source: Source) -> str:
    """The terminal's compact form: `file.txt:83`, with the page for paged files (`plan.pdf:24 第2页`)."""
    place = f"{source.file}:{source.line}"
    return place if source.page is None else f"{place} {say('source.page', page=source.page)}"


def place_label(source: Source) -> str:
    """Where in the file: the page when the format has pages (a PDF's line count means little
    to a reader holding the printout), else the line; a recognised scan says so, with its confidence."""
    place = say("source.page", page=source.page) if source.page is not None else say("source.line", line=source.line)
    if source.confidence is not None:
        place += f"（{say('source.ocr', confidence=f'{source.confidence:.2f}')}）"
    return place


def path_text(item: Item) -> str:
    return " › ".join(item.path)


def area_of(item: Item) -> str:
    """The area an item belongs to: its second heading, else its first, else none."""
    if len(item.path) > 1:
        return item.path[1]
    return item.path[0] if item.path else NO_PART


def unit_label(name: str, related: dict[str, str]) -> str:
    """`市科技创新局（原名市科技局）`: old names point to the current one and the other way round."""
    if not related:
        return name
    parts = [LINK_LABELS.get(relation, relation + " {}").format(other) for other, relation in related.items()]
    return f"{name}（{'，'.join(parts)}）"


def citation_label(item: Item) -> str:
    """The citation as staff read it: `2025年责任分解方案 二（一）第6项` → `2025年责任分解方案·二(一)·第6项`.

    The record's citation (ingest) is kept as is for the CLI; this only reformats it for display:
    segments joined by `·`, the section's full-width brackets made narrow, the item number apart.
    """
    text = " ".join((item.citation or item.title).split())
    text = re.sub(r"(第\d+[项段条])", r" \1", text)
    parts = [p for p in text.split(" ") if p]
    head, rest = parts[0], parts[1:]
    rest = [p if p.startswith("第") else p.replace("（", "(").replace("）", ")") for p in rest]
    page = item.sources[0].page if item.sources else None
    if page is not None:
        rest.append(say("source.page", page=page))
    return "·".join([head] + rest)


def source_label(item: Item) -> str:
    """Where the item stands in the source files, in words: `2025-plan-responsibility.txt，第98行`."""
    return "；".join(f"{s.file}，{place_label(s)}" for s in item.sources)


def summary_text(text: str, limit: int = 60) -> str:
    """The opening of an item's text for a table cell; the unit clause in brackets is left out."""
    text = " ".join(text.split())
    text = re.sub(r"[(（](牵头单位|责任单位)[:：].*?[)）]\s*$", "", text).strip() or text
    return text if len(text) <= limit else text[:limit] + "…"


def searched_label(searched: dict) -> str:
    """What a not-found answer looked through: `主题「南极科考站建设」；年份：全部年份；文件：全部文件`."""
    topic = searched.get("topic") or ""
    years = searched.get("years") or []
    kinds = searched.get("kinds") or []
    parts = [
        f"主题「{topic}」" if topic else "整句问题",
        "年份：" + ("、".join(f"{y}年" for y in years) if years else "全部年份"),
        "文件：" + ("、".join(kind_label(k) for k in kinds) if kinds else "全部文件"),
    ]
    return "；".join(parts)


KIND_MARKS = {DocKind.PLAN: "", DocKind.REPORT: "报告", DocKind.PROPOSAL: "建议案", DocKind.NOTICE: "通知"}
_SHORT = re.compile(r"第(\d+)([项段条])((?:（\d+/\d+）)?)")


def short_label(item: Item) -> str:
    """A table's item label, short enough to read whole: `2025·二(三)56` for a plan item,
    `2024报告·(七)12段(1/5)`, `2025建议案·二(一)1`, `2023通知·1段` (`2025建议案通知·1段`). The number is the item's own,
    so the label names the same item as its citation."""
    text = " ".join((item.citation or item.title).split())
    head, _, rest = text.partition(" ")
    section = "" if "·" in head else rest
    number = ""
    match = _SHORT.search(text)
    if match:
        section = section[: section.find(match.group(0))] if match.group(0) in section else section
        number = match.group(1) + ("" if match.group(2) == "项" else match.group(2)) + match.group(3)
    mark = KIND_MARKS.get(item.kind, "")
    if item.kind == DocKind.NOTICE and DocKind.PROPOSAL in item.doc_id:  # a proposal scheme's own notice
        mark = KIND_MARKS[DocKind.PROPOSAL] + mark
    label = f"{item.year}{mark}·{section}{number}".replace(" ", "")
    return label.replace("（", "(").replace("）", ")")
