"""Responsibility tables in every container: where a table stops, and tables without a 序号 column.

The same small table (two rows, each wrapped over two lines, then a closing remark, a 附件 line and a
signature under it) is written as a PDF, an OFD, OCR boxes of a scan, a Word file and a web page.
The closing lines sit inside the table's columns, so only the spacing tells them from a row's lines.
"""

from __future__ import annotations

import io
import random
import zipfile

import docx

from indexer.ingest.readers import read_lines
from indexer.ingest.readers.layout import assemble, rows
from indexer.ingest.readers.ofd import OfdReader
from indexer.ingest.readers.pdf import PdfReader

SIZE = 10.0
# (text, x, top): a header, two rows of two lines each, then what follows the table
TABLE = [
    ("序号", 40, 100),
    ("工作任务", 90, 100),
    ("牵头单位", 300, 100),
    ("责任单位", 400, 100),
    ("1", 40, 120),
    ("加快创建国际消费", 90, 120),
    ("市商务局", 300, 120),
    ("市发改委、市经", 400, 120),
    ("中心城市。", 90, 133),
    ("信局", 400, 133),
    ("2", 40, 156),
    ("扩大有效投资，", 90, 156),
    ("市发改委", 300, 156),
    ("各区人民政府", 400, 156),
    ("稳住基本盘。", 90, 169),
]
AFTER = [
    ("请认真贯彻执行。", 120, 195),
    ("附件：督办名单", 120, 215),
    ("市人民政府", 400, 245),
    ("2025年1月16日", 400, 260),
]
EXPECTED = [
    "1.加快创建国际消费中心城市。（牵头单位：市商务局；责任单位：市发改委、市经信局）",
    "2.扩大有效投资，稳住基本盘。（牵头单位：市发改委；责任单位：各区人民政府）",
    "请认真贯彻执行。",
    "附件：督办名单",
    "市人民政府",
    "2025年1月16日",
]


def boxes(placed: list[tuple[str, float, float]]) -> list[tuple[str, float, float, float, float]]:
    return [(text, x, x + SIZE * len(text), top, top + SIZE) for text, x, top in placed]


def texts(lines) -> list[str]:
    return [line.text for line in lines]


def test_text_after_a_pdf_table_is_not_part_of_its_last_row(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "table.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("STSong-Light", SIZE)
    for text, x, top in TABLE + AFTER:
        pdf.drawString(x, 842 - top - SIZE, text)
    pdf.save()
    assert texts(PdfReader().read(path)) == EXPECTED


def test_text_after_an_ofd_table_is_not_part_of_its_last_row(tmp_path):
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    objects = "".join(
        f'<ofd:TextObject Boundary="{x} {top} {SIZE * len(text)} {SIZE}" Size="{SIZE}">'
        f'<ofd:TextCode X="0" Y="{SIZE}">{text}</ofd:TextCode></ofd:TextObject>'
        for text, x, top in TABLE + AFTER
    )
    entries = {
        "OFD.xml": f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f'<ofd:Document {ns}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'
        "</ofd:Pages></ofd:Document>",
        "Doc_0/Pages/Page_0/Content.xml": f"<ofd:Page {ns}><ofd:Content><ofd:Layer>{objects}</ofd:Layer>"
        "</ofd:Content></ofd:Page>",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    path = tmp_path / "table.ofd"
    path.write_bytes(buffer.getvalue())
    assert texts(OfdReader().read(path)) == EXPECTED


def test_text_after_a_scanned_table_is_not_part_of_its_last_row():
    """OCR boxes wobble: each box a little off in height and place, with its confidence."""
    rng = random.Random(4)
    shaken = [
        (text, x0 + rng.uniform(-1, 1), x1 + rng.uniform(-1, 1), top + rng.uniform(-1, 1), bottom + rng.uniform(-1, 1))
        for text, x0, x1, top, bottom in boxes(TABLE + AFTER)
    ]
    scores = [rng.uniform(0.85, 0.99) for _ in shaken]
    lines = assemble(rows(shaken, 1, scores))
    assert texts(lines) == EXPECTED
    assert all(line.confidence is not None for line in lines)


def test_a_table_ends_on_the_first_page_that_does_not_repeat_its_header():
    header = [text for text in TABLE if text[2] == 100]
    page1 = boxes(TABLE[:14])  # row 2's first line ends the page
    page2 = boxes(header + [("稳住基本盘。", 90, 120)])
    page3 = boxes([("请认真贯彻执行。", 120, 100)])
    lines = assemble(rows(page1, 1) + rows(page2, 2) + rows(page3, 3))
    assert texts(lines) == EXPECTED[:3]
    assert [line.page for line in lines] == [1, 1, 3]


def test_a_closing_remark_in_a_bigger_font_right_under_the_last_row_is_text():
    big = [("请认真贯彻执行。", 120, 182)]
    placed = boxes(TABLE) + [(t, x, x + 16 * len(t), top, top + 16) for t, x, top in big]
    assert texts(assemble(rows(placed, 1))) == EXPECTED[:3]


def test_text_after_a_word_table_is_a_line_of_its_own(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    cells = [
        ["序号", "工作任务", "牵头单位", "责任单位"],
        ["1", "加快创建国际消费中心城市。", "市商务局", "市发改委、市经信局"],
    ]
    cells.append(["2", "扩大有效投资，稳住基本盘。", "市发改委", "各区人民政府"])
    for row, texts_ in zip(table.rows, cells, strict=False):
        for cell, text in zip(row.cells, texts_, strict=False):
            cell.text = text
    for text, _, _ in AFTER:
        document.add_paragraph(text)
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert texts(read_lines(path)) == EXPECTED


def test_text_after_a_web_table_is_a_line_of_its_own(tmp_path):
    page = (
        "<html><body><table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>责任单位</th></tr>"
        "<tr><td>1</td><td>加快创建国际消费中心城市。</td><td>市商务局</td><td>市发改委、市经信局</td></tr>"
        "<tr><td>2</td><td>扩大有效投资，稳住基本盘。</td><td>市发改委</td><td>各区人民政府</td></tr>"
        "</table>请认真贯彻执行。<p>附件：督办名单</p><div>市人民政府<br>2025年1月16日</div></body></html>"
    )
    path = tmp_path / "table.html"
    path.write_text(page, encoding="utf-8")
    assert texts(read_lines(path)) == EXPECTED


# --- tables without a 序号 column: rows numbered in order ----------------------------------------

UNNUMBERED = [
    ["工作任务", "牵头单位", "责任单位"],
    ["一、重点工作", "", ""],
    ["加快创建国际消费中心城市。", "市商务局", "市发改委"],
    ["发展银发经济。", "市民政局", ""],
    ["二、改革开放", "", ""],
    ["深化国资国企改革。", "市国资委", "各区人民政府"],
]
COUNTED = [
    "一、重点工作",
    "1.加快创建国际消费中心城市。（牵头单位：市商务局；责任单位：市发改委）",
    "2.发展银发经济。（牵头单位：市民政局）",
    "二、改革开放",
    "1.深化国资国企改革。（牵头单位：市国资委；责任单位：各区人民政府）",
]


def test_a_word_table_without_a_number_column_numbers_its_rows(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=len(UNNUMBERED), cols=3)
    for row, cells in zip(table.rows, UNNUMBERED, strict=True):
        if not cells[1]:
            row.cells[0].merge(row.cells[2]).text = cells[0]  # a heading spanning the table
            continue
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert texts(read_lines(path)) == COUNTED


def test_a_web_table_without_a_number_column_numbers_its_rows(tmp_path):
    body = "".join(
        f"<tr><td colspan='3'>{cells[0]}</td></tr>"
        if not cells[1]
        else "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for cells in UNNUMBERED
    )
    path = tmp_path / "table.html"
    path.write_text(f"<html><body><table>{body}</table></body></html>", encoding="utf-8")
    assert texts(read_lines(path)) == COUNTED


def test_a_table_with_neither_numbers_nor_a_task_column_is_not_numbered(tmp_path):
    path = tmp_path / "table.html"
    path.write_text(
        "<html><body><table><tr><th>指标</th><th>牵头单位</th></tr><tr><td>甲</td><td>市商务局</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    assert texts(read_lines(path)) == ["甲（牵头单位：市商务局）"]


def unnumbered_page() -> list[tuple[str, float, float]]:
    """(text, x, top): rows two lines apart by line spacing, further apart between rows; a part
    heading crossing the columns; the last row broken over the page."""
    return [
        ("工作任务", 60, 100),
        ("牵头单位", 300, 100),
        ("责任单位", 400, 100),
        ("一、重点工作——消费与投资并举，稳住经济基本盘", 45, 123),
        ("加快创建国际消费", 60, 146),
        ("市商务局", 300, 146),
        ("市发改委、市经", 400, 146),
        ("中心城市。", 60, 159),
        ("信局", 400, 159),
        ("发展银发经济。", 60, 182),
        ("市民政局", 300, 182),
        ("扩大有效投资，", 60, 205),
        ("市发改委", 300, 205),
        ("各区人民政府", 400, 205),
    ]


def test_positioned_rows_without_a_number_column_are_told_apart_by_their_spacing():
    header = unnumbered_page()[:3]
    page2 = header + [("稳住基本盘。", 60, 120), ("办好民生实事。", 60, 143), ("市民政局", 300, 143)]
    lines = assemble(rows(boxes(unnumbered_page()), 1) + rows(boxes([(t, x, y) for t, x, y in page2]), 2))
    assert texts(lines) == [
        "一、重点工作——消费与投资并举，稳住经济基本盘",
        "1.加快创建国际消费中心城市。（牵头单位：市商务局；责任单位：市发改委、市经信局）",
        "2.发展银发经济。（牵头单位：市民政局）",
        "3.扩大有效投资，稳住基本盘。（牵头单位：市发改委；责任单位：各区人民政府）",
        "4.办好民生实事。（牵头单位：市民政局）",
    ]


def test_a_pdf_table_without_a_number_column_gives_one_item_per_row(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "table.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("STSong-Light", SIZE)
    for text, x, top in unnumbered_page():
        pdf.drawString(x, 842 - top - SIZE, text)
    pdf.save()
    assert texts(PdfReader().read(path)) == [
        "一、重点工作——消费与投资并举，稳住经济基本盘",
        "1.加快创建国际消费中心城市。（牵头单位：市商务局；责任单位：市发改委、市经信局）",
        "2.发展银发经济。（牵头单位：市民政局）",
        "3.扩大有效投资，（牵头单位：市发改委；责任单位：各区人民政府）",
    ]


def test_a_closing_line_ends_the_table_at_a_rows_spacing_but_a_cell_line_opening_with_the_word_does_not():
    closing = boxes(TABLE + [("附件：督办名单", 120, 182)])
    assert texts(assemble(rows(closing, 1)))[-1] == "附件：督办名单"
    wrapped = boxes(TABLE + [("附件要求办理。", 90, 182)])
    assert texts(assemble(rows(wrapped, 1)))[-1] == (
        "2.扩大有效投资，稳住基本盘。附件要求办理。（牵头单位：市发改委；责任单位：各区人民政府）"
    )


def test_a_task_cell_that_numbers_itself_keeps_its_number_and_is_not_counted(tmp_path):
    rows_ = [
        ["工作任务", "牵头单位"],
        ["（一）地区生产总值增长6%左右。", "市发改委"],
        ["加快创建国际消费中心城市。", "市商务局"],
    ]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>" for cells in rows_)
    path = tmp_path / "table.html"
    path.write_text(f"<html><body><table>{body}</table></body></html>", encoding="utf-8")
    assert texts(read_lines(path)) == [
        "（一）地区生产总值增长6%左右。（牵头单位：市发改委）",
        "1.加快创建国际消费中心城市。（牵头单位：市商务局）",
    ]
