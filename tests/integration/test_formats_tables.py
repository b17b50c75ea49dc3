"""The 2025 plan as a table in every container gives the text file's items, row for row.

The documents are written here, from the text file (tests/fixtures/formats/tables.py), and
compared item by item: same id, same text, same lead and responsible units.
"""
from __future__ import annotations

import pytest

from tests.conftest import CORPUS
from tests.conftest import needs_cjk_font
from tests.fixtures.formats.tables import (DEADLINE, LEADER, identical_items, lay_out_table, plan_rows,
                                          write_docx_table, write_pdf_table)
from tests.integration.test_formats_pdf import records

REQUIRED = 0.98


@pytest.fixture(scope="module")
def text_items():
    return [i for i in records(CORPUS / "2025-plan-responsibility.txt") if i.number is not None]


def test_a_word_table_gives_every_item_with_its_units_and_fields(tmp_path, text_items):
    preamble, rows = plan_rows()
    path = tmp_path / "2025-plan-table.docx"
    write_docx_table(preamble, rows, path)
    found = [i for i in records(path) if i.number is not None]
    assert len(text_items) == 108
    assert len(identical_items(text_items, found)) >= REQUIRED * len(text_items)
    assert all(i.deadline == DEADLINE and i.leader == LEADER for i in found)
    assert not any(DEADLINE in i.text or LEADER in i.text for i in found)


@needs_cjk_font
def test_a_pdf_table_across_pages_gives_every_item_with_its_units(tmp_path, text_items):
    """Ruled cells wrapped at the column width, rows broken over pages, the header row repeated
    and a — N — footer on every page."""
    sheets = lay_out_table(*plan_rows())
    path = tmp_path / "2025-plan-table.pdf"
    write_pdf_table(sheets, path)
    assert len(sheets) >= 8
    found = [i for i in records(path) if i.number is not None]
    assert len(identical_items(text_items, found)) >= REQUIRED * len(text_items)
    assert all(i.deadline == DEADLINE and i.leader == LEADER for i in found)
    assert not any("序号" in i.text or "—" in i.text.removeprefix("——") for i in found)
