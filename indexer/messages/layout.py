"""Sentences about how a document was read: its layout, the file-name fallback, the quality check."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "layout.meta_from_name": "{file}：正文中没有找到{field}，按文件名取为“{value}”；如不对，请在 corpus/manifest.json 中注明。",
    "layout.suspect": "{file}：读取结果可疑（{problems}），可能是版式（表格、分栏、扫描）没有读对，请核对原文件。",
    "layout.no_units": "{bad}/{total} 条没有责任单位",
    "layout.glued_numbers": "{count} 条中编号或数字与单位名粘连",
    "layout.fragments": "{fragments} 段零散文字、只有 {items} 条编号条目",
    "layout.copy_primary": "{file}：与 {other} 是同一文档，{file} 更完整（{items} 条有单位的条目），作为主副本。",
    "layout.pruned_reads": "  读取缓存：清除 {count} 个已不在语料中的文件的条目",
}
