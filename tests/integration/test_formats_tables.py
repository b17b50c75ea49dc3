"""The 2025 plan as a table in every container gives the text file's items, row for row.

The documents are written here, from the text file (tests/fixtures/formats/tables.py, paper.py), and
compared item by item: same id, same text, same lead and responsible units.
"""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS, needs_cjk_font
from tests.fixtures.formats.paper import (
    lay_out_table,
    lay_out_two_columns,
    plan_lines,
    write_pdf_table,
    write_scan_table,
)
from tests.fixtures.formats.tables import (
    CLOSING,
    DEADLINE,
    HEADER,
    LEADER,
    identical_items,
    plan_rows,
    write_docx_table,
    write_html_table,
)
from tests.integration.test_formats_pdf import records

REQUIRED = 0.98
REQUIRED_SCAN = 0.90  # identical units; OCR may misread a character of the text
SCAN_PAGES = (4, 5, 6)  # OCR is ~10 s a page on two cores: three pages of the table, rows broken at both breaks


def closing_apart(all_records: list) -> bool:
    """The paragraphs under the table are records of their own, in no item (normalised: half-width
    punctuation)."""
    closing = [line.replace("，", ",").replace("：", ":") for line in CLOSING]
    items = [i.text for i in all_records if i.number is not None]
    paragraphs = [i.text for i in all_records if i.number is None]
    return all(line in paragraphs and not any(line[:6] in text for text in items) for line in closing)


@pytest.fixture(scope="module")
def text_items():
    return [i for i in records(CORPUS / "2025-plan-responsibility.txt") if i.number is not None]


def test_a_word_table_gives_every_item_with_its_units_and_fields(tmp_path, text_items):
    preamble, rows = plan_rows()
    path = tmp_path / "2025-plan-table.docx"
    write_docx_table(preamble, rows, path, CLOSING)
    all_records = records(path)
    found = [i for i in all_records if i.number is not None]
    assert closing_apart(all_records)
    assert len(text_items) == 108
    assert len(identical_items(text_items, found)) >= REQUIRED * len(text_items)
    assert all(i.deadline == DEADLINE and i.leader == LEADER for i in found)
    assert not any(DEADLINE in i.text or LEADER in i.text for i in found)


@needs_cjk_font
def test_a_pdf_table_across_pages_gives_every_item_with_its_units(tmp_path, text_items):
    """Ruled cells wrapped at the column width, rows broken over pages, the header row repeated
    and a — N — footer on every page."""
    sheets = lay_out_table(*plan_rows(), CLOSING)
    path = tmp_path / "2025-plan-table.pdf"
    write_pdf_table(sheets, path)
    assert len(sheets) >= 8
    all_records = records(path)
    found = [i for i in all_records if i.number is not None]
    assert closing_apart(all_records)
    assert len(identical_items(text_items, found)) >= REQUIRED * len(text_items)
    assert all(i.deadline == DEADLINE and i.leader == LEADER for i in found)
    assert not any("序号" in i.text or "—" in i.text.removeprefix("——") for i in found)


def test_a_word_table_without_a_number_column_gives_every_item_in_order(tmp_path, text_items):
    """No 序号 column: rows numbered in order from the part heading spanning the table; a target's
    （一） written in its task cell is its own number."""
    path = tmp_path / "2025-plan-unnumbered.docx"
    write_docx_table(*plan_rows(), path, CLOSING, numbered=False)
    all_records = records(path)
    found = [i for i in all_records if i.number is not None]
    assert len(identical_items(text_items, found)) >= REQUIRED * len(text_items)
    assert closing_apart(all_records)


@needs_cjk_font
def test_a_pdf_table_without_a_number_column_gives_every_item_in_order(tmp_path, text_items):
    """No 序号 column: rows told apart by their spacing, numbered in order from the part heading."""
    path = tmp_path / "2025-plan-unnumbered.pdf"
    write_pdf_table(lay_out_table(*plan_rows(), CLOSING, numbered=False), path)
    all_records = records(path)
    found = [i for i in all_records if i.number is not None]
    assert len(identical_items(text_items, found)) >= REQUIRED * len(text_items)
    assert closing_apart(all_records)


@needs_cjk_font
def test_a_scan_of_the_table_gives_its_items_with_their_units(tmp_path):
    """150 dpi, turned 1°, with specks; three pages whose rows break over both page breaks; read by
    OCR, the table from the OCR boxes. The scan holds no part heading, so items are matched by number."""
    sheets = lay_out_table(*plan_rows())
    text_pdf, scan = tmp_path / "table.pdf", tmp_path / "scan.pdf"
    write_pdf_table(sheets, text_pdf)
    write_scan_table(sheets, scan, SCAN_PAGES)
    header_inks = len(HEADER)
    assert [sheets[n - 1].inks[header_inks].text.isdigit() for n in SCAN_PAGES] == [True, False, False]
    on_pages = [i for i in records(text_pdf) if i.number is not None and i.sources[0].page in SCAN_PAGES]
    expected = on_pages[:-1]  # the last row runs on to the page after the scan
    found = {i.number: i for i in records(scan, {"year": 2025, "kind": "plan"}) if i.number is not None}
    same_units = [
        i
        for i in expected
        if i.number in found
        and (found[i.number].lead_units, found[i.number].responsible_units) == (i.lead_units, i.responsible_units)
    ]
    assert len(expected) >= 20 and all(i.id.startswith("2025-plan-二-") for i in expected)
    assert len(same_units) >= REQUIRED_SCAN * len(expected)


@needs_cjk_font
def test_a_two_column_page_is_read_column_by_column(tmp_path, text_items):
    """Left column, then right: an item never takes the units of the item beside it."""
    sheets = lay_out_two_columns(*plan_lines())
    path = tmp_path / "2025-plan-gazette.pdf"
    write_pdf_table(sheets, path)
    found = {i.id: i for i in records(path) if i.number is not None}
    expected = {i.id: i for i in text_items}
    assert len(identical_items(text_items, list(found.values()))) >= REQUIRED * len(text_items)
    assert [i for i in found.values() if i.id in expected and set(i.units) - set(expected[i.id].units)] == []


def test_a_web_table_gives_every_item_and_no_portal_furniture(tmp_path, text_items):
    path = tmp_path / "2025-plan-table.html"
    write_html_table(*plan_rows(), path, CLOSING)
    all_records = records(path)
    assert closing_apart(all_records)
    found = [i for i in all_records if i.number is not None]
    assert len(identical_items(text_items, found)) >= REQUIRED * len(text_items)
    assert all(i.deadline == DEADLINE and i.leader == LEADER for i in found)
    assert not any("无障碍" in i.text or "打印本页" in i.text for i in all_records)
