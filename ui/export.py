"""Downloads: Excel workbooks (openpyxl) and CSV files Excel opens with Chinese intact.

Document text goes into cells as text, never as a formula: a cell that starts with
`=` is stored as a string in .xlsx, and CSV cells that Excel would evaluate
(`=`, `+`, `@`, a non-numeric `-`) get a leading apostrophe.
"""

from __future__ import annotations

import io
import re
from datetime import datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
WIDE_COLUMNS = {
    "条目内容": 80,
    "答案": 80,
    "内容": 90,
    "标题路径": 40,
    "说明": 40,
    "来源": 34,
    "牵头单位": 28,
    "责任单位": 36,
    "条目编号": 36,
    "出处": 30,
    "领域": 34,
    "单位": 24,
    "单位名称": 28,
}
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
FORMULA_START = ("=", "+", "@", "\t", "\r")
NUMBER = re.compile(r"^-?\d+(\.\d+)?%?$")
LINK_COLUMNS = {"链接"}  # our own item addresses; document text is never made a link
WEB_ADDRESS = re.compile(r"^https?://[^\s\"'<>]+$")


def _cell_value(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        value = value.item()
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _sheet_title(name: str, used: set[str]) -> str:
    title = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "Sheet"
    base, n = title, 2
    while title in used:
        title = f"{base[:28]}_{n}"
        n += 1
    used.add(title)
    return title


def to_xlsx(sheets: dict[str, pd.DataFrame]) -> bytes:
    """One sheet per table: bold header, frozen first row, filters, wrapped long text."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for name, frame in sheets.items():
        sheet = workbook.create_sheet(_sheet_title(name, used))
        columns = [str(c) for c in frame.columns]
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(vertical="center")
        links = {i for i, c in enumerate(columns) if c in LINK_COLUMNS}
        for row in frame.itertuples(index=False, name=None):
            sheet.append([_cell_value(v) for v in row])
            for n, cell in enumerate(sheet[sheet.max_row]):
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text, even when it starts with '='
                    if n in links and WEB_ADDRESS.match(cell.value):
                        cell.hyperlink = cell.value  # a real link: one click opens the item
                        cell.style = "Hyperlink"
        for index, column in enumerate(columns, start=1):
            letter = get_column_letter(index)
            width = WIDE_COLUMNS.get(column)
            if width is None:
                values = frame.iloc[:, index - 1].head(200) if len(frame) else []
                longest = max([len(column)] + [len(str(v)) for v in values])
                width = min(max(8, longest * 1.6 + 2), 40)
            sheet.column_dimensions[letter].width = width
            if column in WIDE_COLUMNS:
                for cell in sheet[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        if len(frame):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(frame) + 1}"
    if not workbook.sheetnames:
        workbook.create_sheet("空")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_safe(value):
    if (
        isinstance(value, str)
        and value
        and (value.startswith(FORMULA_START) or (value.startswith("-") and not NUMBER.match(value)))
    ):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens Chinese text correctly."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(_csv_safe)
    return safe.to_csv(index=False).encode("utf-8-sig")


def file_stem(prefix: str, text: str = "") -> str:
    """`政策问答_哪些单位负责低空经济_20250101-1200`: safe on Windows, short enough for mail."""
    words = re.sub(r"[\\/:*?\"<>|\s？?，,。、；;：“”‘’（）()\[\]{}]+", "", text)[:24]
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    return "_".join(p for p in (prefix, words, stamp) if p)
