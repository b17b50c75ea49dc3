"""The Chinese labels every view uses: kinds, roles, unit links, sources, years."""
from __future__ import annotations

from ..records import DocKind, Item, Role

RELATION = {"renamed": "改名", "merged": "合并"}
LINK_MARKS = {"renamed:successor": "现名", "renamed:predecessor": "原名",
              "merged:successor": "合并后单位", "merged:predecessor": "合并前单位"}
LINK_LABELS = {"renamed:successor": "现名{}", "renamed:predecessor": "原名{}",
               "merged:successor": "已并入{}", "merged:predecessor": "含原{}"}
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
    """`2025-plan-responsibility.txt 第83行`; merged duplicates list every source."""
    return "；".join(f"{s.file} 第{s.line}行" for s in item.sources)


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
