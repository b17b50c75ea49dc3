"""The Word reader on small hand-made documents: numbering formats and restarts, tables, bad files."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml

from indexer.errors import CorpusError
from indexer.ingest.readers import read_lines, reader_for
from indexer.ingest.readers.numbering import chinese_numeral, format_number

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def add_table(document, rows: list[list[str]]):
    """A table holding these rows of cell texts."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=False):
        for cell, text in zip(row.cells, cells, strict=False):
            cell.text = text
    return table


def lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
    )


def numbering(abstracts: dict[int, str], nums: dict[int, tuple[int, dict[int, int]]]) -> str:
    """abstracts: id → <w:lvl>s; nums: numId → (abstractNumId, {ilvl: startOverride})."""
    parts = [f'<w:abstractNum w:abstractNumId="{a}">{levels}</w:abstractNum>' for a, levels in abstracts.items()]
    for num_id, (abstract, overrides) in nums.items():
        extra = "".join(
            f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>' for i, s in overrides.items()
        )
        parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{extra}</w:num>')
    return f'<w:numbering xmlns:w="{W_NS}">{"".join(parts)}</w:numbering>'


def add(document, text: str, num_id: int | None = None, ilvl: int = 0):
    paragraph = document.add_paragraph(text)
    if num_id is not None:
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
        )
    return paragraph


def save(document, tmp_path, numbering_xml: str | None = None, name: str = "doc.docx"):
    if numbering_xml:
        document.part.numbering_part._element = parse_xml(numbering_xml)
    path = tmp_path / name
    document.save(path)
    return path


def texts(path) -> list[str]:
    return [line.text for line in read_lines(path)]


HEADINGS = lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCountingThousand", "（%2）") + lvl(2, "decimal", "%3.")


def test_multilevel_headings_and_items_get_their_labels(tmp_path):
    document = docx.Document()
    add(document, "主要目标", 1, 0)
    add(document, "重点工作", 1, 0)
    add(document, "扩大内需", 1, 1)
    add(document, "加快建设消费中心城市。", 1, 2)
    add(document, "实施消费提升行动。", 1, 2)
    add(document, "科技创新", 1, 1)
    add(document, "建设实验室。", 1, 2)  # level 2 restarts under the new level 1
    add(document, "正文没有编号。")
    path = save(document, tmp_path, numbering({0: HEADINGS}, {1: (0, {})}))
    assert reader_for(path).name == "docx"
    assert texts(path) == [
        "一、主要目标",
        "二、重点工作",
        "（一）扩大内需",
        "1.加快建设消费中心城市。",
        "2.实施消费提升行动。",
        "（二）科技创新",
        "1.建设实验室。",
        "正文没有编号。",
    ]


def test_num_ids_of_one_list_share_its_count_and_a_start_override_restarts_it(tmp_path):
    """As Word shows it: numIds on one abstractNum continue one sequence; "restart at" is a new numId
    with a startOverride, which restarts where it first appears; another abstractNum counts alone."""
    document = docx.Document()
    for text, num_id in (
        ("甲项", 1),
        ("乙项", 1),
        ("同一列表的新编号", 2),
        ("重新编号", 3),
        ("接着", 3),
        ("回到第一个编号", 1),
        ("另一列表", 4),
        ("第一列表继续", 1),
    ):
        add(document, text, num_id)
    nums = {1: (0, {}), 2: (0, {}), 3: (0, {0: 21}), 4: (1, {})}
    abstracts = {0: lvl(0, "decimal", "%1."), 1: lvl(0, "decimal", "%1)")}
    path = save(document, tmp_path, numbering(abstracts, nums))
    assert texts(path) == [
        "1.甲项",
        "2.乙项",
        "3.同一列表的新编号",
        "21.重新编号",
        "22.接着",
        "23.回到第一个编号",
        "1)另一列表",
        "24.第一列表继续",
    ]


def test_start_value_and_other_formats(tmp_path):
    document = docx.Document()
    for num_id in (1, 1, 2, 3, 4, 5):
        add(document, "条目", num_id)
    abstracts = {
        0: lvl(0, "decimal", "%1、", start=9),
        1: lvl(0, "ideographTraditional", "%1."),
        2: lvl(0, "decimalEnclosedCircle", "%1"),
        3: lvl(0, "bullet", "•"),
        4: lvl(0, "chineseCounting", "第%1条", start=11),
    }
    nums = {1: (0, {}), 2: (1, {}), 3: (2, {}), 4: (3, {}), 5: (4, {})}
    path = save(document, tmp_path, numbering(abstracts, nums))
    assert texts(path) == ["9、条目", "10、条目", "甲.条目", "①条目", "条目", "第十一条条目"]


def test_numbering_from_a_paragraph_style(tmp_path):
    document = docx.Document()
    style = document.styles["Heading 1"]
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    )
    document.add_paragraph("总体要求", style="Heading 1")
    document.add_paragraph("重点任务", style="Heading 1")
    path = save(document, tmp_path, numbering({0: lvl(0, "chineseCounting", "%1、")}, {1: (0, {})}))
    assert texts(path) == ["一、总体要求", "二、重点任务"]


@pytest.mark.parametrize(
    "n, expected",
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (35, "三十五"),
        (99, "九十九"),
        (100, "一百"),
        (103, "一百零三"),
        (110, "一百一十"),
        (1005, "一千零五"),
    ],
)
def test_chinese_numerals(n, expected):
    assert chinese_numeral(n) == expected


def test_number_formats():
    assert [format_number(n, "upperRoman") for n in (4, 9, 14)] == ["IV", "IX", "XIV"]
    assert format_number(27, "lowerLetter") == "aa"
    assert format_number(3, "decimalFullWidth") == "３"
    assert format_number(12, "chineseLegalSimplified") == "壹拾贰"
    assert format_number(5, "someFutureFormat") == "5"


def test_table_rows_become_item_lines(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    rows = [
        ["序号", "工作任务", "牵头单位", "责任单位"],
        ["1", "加快创建国际消费中心城市。", "市商务局", "市发改委、市文旅局"],
        ["2", "培育领跑者企业50家。", "", "市商务局"],
        ["", "", "", ""],
    ]
    for row, cells in zip(table.rows, rows, strict=False):
        for cell, text in zip(row.cells, cells, strict=False):
            cell.text = text
    path = save(document, tmp_path)
    assert texts(path) == [
        "1.加快创建国际消费中心城市。（牵头单位：市商务局；责任单位：市发改委、市文旅局）",
        "2.培育领跑者企业50家。（责任单位：市商务局）",
    ]


def test_vertically_merged_unit_cell_applies_to_each_row(tmp_path):
    document = docx.Document()
    table = add_table(document, [["序号", "任务", "牵头单位"], ["1", "甲任务", "市数据局"], ["2", "乙任务", ""]])
    table.cell(1, 2).merge(table.cell(2, 2))
    path = save(document, tmp_path)
    assert texts(path) == ["1.甲任务（牵头单位：市数据局）", "2.乙任务（牵头单位：市数据局）"]


def test_table_without_a_unit_header_is_read_row_by_row(tmp_path):
    document = docx.Document()
    document.add_paragraph("附表")
    add_table(document, [["指标", "目标"], ["地区生产总值", "增长6%左右"]])
    document.add_paragraph("表后文字")
    path = save(document, tmp_path)
    assert texts(path) == ["附表", "指标 目标", "地区生产总值 增长6%左右", "表后文字"]


def test_auto_numbered_number_column(tmp_path):
    document = docx.Document()
    table = add_table(document, [["序号", "任务", "责任单位"], ["", "甲任务", "市数据局"], ["", "乙任务", "市商务局"]])
    for r in (1, 2):
        table.cell(r, 0).paragraphs[0]._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
        )
    path = save(document, tmp_path, numbering({0: lvl(0, "decimal", "%1.")}, {1: (0, {})}))
    assert texts(path) == ["1.甲任务（责任单位：市数据局）", "2.乙任务（责任单位：市商务局）"]


def test_line_breaks_inside_a_paragraph_split_lines(tmp_path):
    document = docx.Document()
    paragraph = add(document, "第一行", 1)
    paragraph.add_run().add_break()
    paragraph.add_run("第二行")
    path = save(document, tmp_path, numbering({0: lvl(0, "decimal", "%1.")}, {1: (0, {})}))
    assert texts(path) == ["1.第一行", "第二行"]


def test_empty_docx_is_refused_by_name(tmp_path):
    path = save(docx.Document(), tmp_path, name="空白.docx")
    with pytest.raises(CorpusError, match="空白.docx") as err:
        read_lines(path)
    assert err.value.key == "corpus.docx_empty"


def _zip(tmp_path, name: str, entries: dict[str, str]):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for entry, text in entries.items():
            package.writestr(entry, text)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return path


def test_a_zip_that_is_not_a_docx(tmp_path):
    plain = _zip(tmp_path, "notes.docx", {"notes.txt": "不是 Word 文档"})
    with pytest.raises(CorpusError, match="notes.docx") as err:
        read_lines(plain)
    assert err.value.key == "corpus.binary"
    no_body = _zip(tmp_path, "parts.docx", {"[Content_Types].xml": "<Types/>", "word/styles.xml": "<w/>"})
    with pytest.raises(CorpusError, match="parts.docx") as err:
        read_lines(no_body)
    assert err.value.key == "corpus.not_docx"


def test_a_truncated_docx_is_named_as_damaged(tmp_path):
    whole = save(docx.Document(), tmp_path)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole.read_bytes()[:2000])
    with pytest.raises(CorpusError, match="cut.docx") as err:
        read_lines(cut)
    assert err.value.key == "corpus.docx_damaged"


def test_a_text_box_is_read_once_not_with_its_legacy_copy(tmp_path):
    document = docx.Document()
    paragraph = add(document, "正文")
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    paragraph._p.append(
        parse_xml(
            f'<w:r xmlns:w="{W_NS}" xmlns:mc="{mc}"><mc:AlternateContent>'
            f'<mc:Choice Requires="wps"><w:t>框内文字</w:t></mc:Choice>'
            f"<mc:Fallback><w:t>框内文字</w:t></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    path = save(document, tmp_path)
    assert texts(path) == ["正文框内文字"]


def test_a_wide_cell_keeps_the_columns_aligned(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, ["序号", "工作任务", "备注", "责任单位"], strict=False):
        cell.text = text
    wide = table.cell(1, 1).merge(table.cell(1, 2))
    table.cell(1, 0).text, wide.text, table.cell(1, 3).text = "5", "跨两列的任务。", "市商务局"
    path = save(document, tmp_path)
    assert texts(path) == ["5.跨两列的任务。（责任单位：市商务局）"]


def test_legal_numbering_writes_every_level_in_digits(tmp_path):
    document = docx.Document()
    add(document, "总则", 1, 0)
    add(document, "适用范围", 1, 1)
    legal = lvl(1, "decimal", "%1.%2").replace("<w:numFmt", "<w:isLgl/><w:numFmt")
    path = save(document, tmp_path, numbering({0: lvl(0, "chineseCounting", "第%1章") + legal}, {1: (0, {})}))
    assert texts(path) == ["第一章总则", "1.1适用范围"]


def test_a_list_style_lends_its_levels(tmp_path):
    """Word's "define new list style": the list's abstractNum only links to the style's own."""
    document = docx.Document()
    add(document, "总体要求", 1)
    add(document, "重点任务", 1)
    styled = f'<w:styleLink w:val="PolicyList"/>{lvl(0, "chineseCounting", "%1、")}'
    linking = '<w:numStyleLink w:val="PolicyList"/>'
    path = save(document, tmp_path, numbering({0: styled, 1: linking}, {1: (1, {}), 2: (0, {})}))
    assert texts(path) == ["一、总体要求", "二、重点任务"]


def test_out_of_range_levels_and_spans_do_not_stop_the_reading(tmp_path):
    document = docx.Document()
    paragraph = add(document, "层级写错的条目")
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="12"/><w:numId w:val="1"/></w:numPr>')
    )
    bad = add(document, "层级不是数字", 1)
    bad._p.pPr.numPr.ilvl.set(f"{{{W_NS}}}val", "x")  # read as absent: level 0
    path = save(document, tmp_path, numbering({0: lvl(0, "decimal", "%1.") + lvl(8, "decimal", "(%9)")}, {1: (0, {})}))
    assert texts(path) == ["(1)层级写错的条目", "1.层级不是数字"]


def test_unit_cells_keep_bracketed_notes_paragraphs_and_extra_columns_apart(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=5)
    for cell, name in zip(table.rows[0].cells, ("序号", "工作任务", "牵头单位", "责任单位", "完成时限"), strict=False):
        cell.text = name
    cells = table.rows[1].cells
    cells[0].text, cells[1].text, cells[4].text = "3", "建设数据中心。", "2025年底前"
    cells[2].text = "市自然资源和城乡建设局"
    cells[2].add_paragraph("市发改委")
    cells[3].text = "各区人民政府（含开发区、长江新区、风景区管委会，下同）"
    path = tmp_path / "table.docx"
    document.save(str(path))
    [line] = read_lines(path)
    assert line.text == (
        "3.建设数据中心。（牵头单位：市自然资源和城乡建设局，市发改委；"
        "责任单位：各区人民政府〈含开发区、长江新区、风景区管委会，下同〉）"
    )
    assert line.fields == (("deadline", "2025年底前"),)
