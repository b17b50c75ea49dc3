"""PDF and OFD readers, and the page layout step they share: no OCR model needed."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from indexer.errors import CorpusError
from indexer.ingest.readers import reader_for
from indexer.ingest.readers.layout import PlacedLine, assemble, rows
from indexer.ingest.readers.ofd import OfdReader
from indexer.ingest.readers.pdf import PdfReader
from indexer.ingest.readers.text import TextReader
from indexer.messages.labels import citation_label, source_label
from indexer.records import DocKind, Item, Source
from tests.conftest import needs_cjk_font

FORMATS = Path(__file__).resolve().parent.parent / "fixtures" / "formats"


def page(number: int, body: list[tuple[str, float]]) -> list[PlacedLine]:
    """A page with a running header, the body lines (text, right edge) and a `- N -` footer."""
    lines = [PlacedLine("2025年责任分解方案", number, 150, 400, 40, 9)]
    lines += [PlacedLine(text, number, 72, right, 100 + 20 * i, 12) for i, (text, right) in enumerate(body)]
    return lines + [PlacedLine(f"- {number} -", number, 280, 310, 800, 9)]


def test_layout_drops_running_header_and_page_numbers_and_joins_wraps():
    lines = (
        page(
            1,
            [
                ("1.加快创建国际消费中心城市，推动", 523),
                ("消费升级。(责任单位:市商务局)", 300),
                ("2.培育“领跑者”企业50家。", 250),
            ],
        )
        + page(
            2,
            [
                ("3.壮大外贸主体，新增进出口实绩企业", 523),
                ("300家以上。(责任单位:市商务局)", 310),
                ("——培育外贸新动能", 200),
            ],
        )
        + page(3, [("4.拓展新兴市场，组织企业境外参展超", 523), ("600家。(责任单位:市商务局)", 300)])
    )
    texts = [(line.text, line.page) for line in assemble(lines)]
    assert texts == [
        ("1.加快创建国际消费中心城市，推动消费升级。(责任单位:市商务局)", 1),
        ("2.培育“领跑者”企业50家。", 1),
        ("3.壮大外贸主体，新增进出口实绩企业300家以上。(责任单位:市商务局)", 2),
        ("——培育外贸新动能", 2),
        ("4.拓展新兴市场，组织企业境外参展超600家。(责任单位:市商务局)", 3),
    ]


def test_layout_joins_an_item_across_a_page_break_but_not_a_new_item():
    lines = (
        page(1, [("5.积极拓展数字消费、服务", 523)])
        + page(2, [("消费。(责任单位:市商务局)", 300)])
        + page(3, [("6.新增数据中心，推进数字经济", 523), ("7.下一项。", 200)])
    )
    texts = [line.text for line in assemble(lines)]
    assert texts == ["5.积极拓展数字消费、服务消费。(责任单位:市商务局)", "6.新增数据中心，推进数字经济", "7.下一项。"]


@pytest.mark.parametrize("number", ["- 3 -", "第3页", "3/12", "第 3 页 共 12 页", "—3—"])
def test_page_number_lines_are_dropped_at_the_page_edge(number):
    lines = [PlacedLine("正文一行。", 1, 72, 200, 100, 12), PlacedLine(number, 1, 280, 310, 800, 9)]
    assert [line.text for line in assemble(lines)] == ["正文一行。"]


def test_rows_read_table_cells_left_to_right_and_keep_row_order():
    boxes = [
        ("市商务局", 300, 360, 102, 114),
        ("1", 72, 80, 100, 112),
        ("国际消费中心", 100, 250, 101, 113),
        ("2", 72, 80, 130, 142),
        ("市经信局", 300, 360, 131, 143),
        ("低空飞行器", 100, 230, 130, 142),
    ]
    placed = rows(boxes, page=4, confidence=[0.9, 1.0, 0.8, 1.0, 1.0, 1.0])
    assert [line.text for line in placed] == ["1 国际消费中心 市商务局", "2 低空飞行器 市经信局"]
    assert placed[0].page == 4 and placed[0].confidence == pytest.approx(0.9)


def test_text_pdf_keeps_pages_and_drops_the_running_header():
    lines = PdfReader().read(FORMATS / "2025-plan.pdf")
    assert lines[0].text == "各区人民政府，市人民政府各部门，各有关单位：" and lines[0].page == 1
    assert not any("- " in line.text and line.text.strip("- ").isdigit() for line in lines)
    assert sum(line.text.startswith("2025年市《政府工作报告》目标任务责任分解方案") for line in lines) == 0
    item_one = next(line for line in lines if line.text.startswith("1.加快创建国际消费中心城市"))
    assert item_one.page == 2 and item_one.text.endswith("各区人民政府）") and item_one.confidence is None
    assert max(line.page for line in lines) == 10


def test_pdf_lines_do_not_depend_on_installed_fonts():
    """The fixture's font is not embedded; wrapped lines are joined with or without a CJK font
    on this machine (pdfium may drop a closing bracket alone on a line when there is none)."""
    pdf = [line.text for line in PdfReader().read(FORMATS / "2025-plan.pdf")]
    ofd = [line.text for line in OfdReader().read(FORMATS / "2025-plan.ofd")]
    assert len(pdf) == len(ofd)
    assert all(p == o or p + "）" == o for p, o in zip(pdf, ofd, strict=False))


@needs_cjk_font
def test_ofd_reads_the_same_lines_as_the_pdf():
    pdf = [(line.text, line.page) for line in PdfReader().read(FORMATS / "2025-plan.pdf")]
    ofd = [(line.text, line.page) for line in OfdReader().read(FORMATS / "2025-plan.ofd")]
    assert ofd == pdf


def test_readers_are_chosen_by_content_not_name(tmp_path):
    for source, name, expected in [
        ("2025-plan.pdf", "plan.txt", "pdf"),
        ("2025-plan.ofd", "plan.zip", "ofd"),
        ("2025-plan-scan.pdf", "scan.png", "pdf"),
    ]:
        target = tmp_path / name
        target.write_bytes((FORMATS / source).read_bytes())
        assert reader_for(target).name == expected
    uncompressed = tmp_path / "plain.bin"
    uncompressed.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n")  # no NUL: the text reader alone would take it
    assert reader_for(uncompressed).name == "pdf"


@pytest.mark.parametrize(
    "head",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 /Filter /FlateDecode >>\x00",
    ],
)
def test_text_reader_refuses_binary_heads(head):
    assert not TextReader().accepts(head)


def test_damaged_pdf_is_a_corpus_error_naming_the_file(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((FORMATS / "2025-plan.pdf").read_bytes()[:3000])
    with pytest.raises(CorpusError) as err:
        PdfReader().read(broken)
    assert err.value.key == "corpus.pdf_damaged" and "broken.pdf" in err.value.message and "损坏" in err.value.message


def test_encrypted_pdf_is_a_corpus_error_saying_so(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    locked = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(locked), encrypt="secret")
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 700, "1.保密条目。")
    pdf.save()
    with pytest.raises(CorpusError) as err:
        PdfReader().read(locked)
    assert err.value.key == "corpus.pdf_encrypted" and "locked.pdf" in err.value.message and "加密" in err.value.message


def _ofd(entries: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def test_ofd_text_objects_are_sorted_by_position(tmp_path):
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    content = (
        f"<ofd:Page {ns}><ofd:Content><ofd:Layer>"
        '<ofd:TextObject Boundary="20 40 50 5"><ofd:TextCode X="0" Y="4">2.第二项。</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject Boundary="20 30 50 5"><ofd:TextCode X="0" Y="4">1.第一项。</ofd:TextCode></ofd:TextObject>'
        "</ofd:Layer></ofd:Content></ofd:Page>"
    )
    data = _ofd(
        {
            "OFD.xml": f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
            "Doc_0/Document.xml": f'<ofd:Document {ns}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'
            "</ofd:Pages></ofd:Document>",
            "Doc_0/Pages/Page_0/Content.xml": content,
        }
    )
    assert OfdReader().accepts(data[:8192])
    target = tmp_path / "two.ofd"
    target.write_bytes(data)
    assert [(line.text, line.page) for line in OfdReader().read(target)] == [("1.第一项。", 1), ("2.第二项。", 1)]


def test_ofd_without_its_document_is_damaged(tmp_path):
    target = tmp_path / "half.ofd"
    target.write_bytes(_ofd({"OFD.xml": "<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>"}))
    with pytest.raises(CorpusError) as err:
        OfdReader().read(target)
    assert err.value.key == "corpus.ofd_damaged" and "half.ofd" in err.value.message


def _item(*sources: Source) -> Item:
    return Item(
        id="2025-plan-二-6",
        doc_id="2025-plan",
        year=2025,
        kind=DocKind.PLAN,
        doc_kind=DocKind.PLAN,
        title="t",
        path=("二、重点工作",),
        number=6,
        text="6.加快开发。",
        sources=sources,
        citation="2025年责任分解方案 二（一）第6项",
    )


def test_labels_show_the_page_and_the_ocr_confidence():
    item = _item(Source("2025-plan-scan.pdf", 7, "6.加快开发。", page=3, confidence=0.934))
    assert citation_label(item) == "2025年责任分解方案·二(一)·第6项·第3页"
    assert source_label(item) == "2025-plan-scan.pdf，第3页（OCR 识别，置信度 0.93）"
    text_item = _item(Source("2025-plan-responsibility.txt", 20, "x"))
    assert citation_label(text_item) == "2025年责任分解方案·二(一)·第6项"
    assert source_label(text_item) == "2025-plan-responsibility.txt，第20行"


def test_items_written_before_pages_still_load_and_new_ones_round_trip():
    item = _item(Source("2025-plan.pdf", 12, "raw", page=2, confidence=0.5))
    data = json.loads(json.dumps(item.to_json(), ensure_ascii=False))
    assert Item.from_json(data) == item
    for source in data["sources"]:
        del source["page"], source["confidence"]
    assert Item.from_json(data).sources == (Source("2025-plan.pdf", 12, "raw"),)


def test_a_responsibility_table_in_a_pdf_is_read_one_item_per_row(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    table = tmp_path / "table.pdf"
    pdf = canvas.Canvas(str(table))
    pdf.setFont("STSong-Light", 11)
    rows_ = [
        ("序号", "任务", "牵头单位"),
        ("1", "加快创建国际消费中心城市", "市商务局"),
        ("2", "发展银发经济", "市发改委"),
    ]
    for r, cells in enumerate(rows_):
        for x, cell in sorted(zip((72, 120, 400), cells, strict=False), key=lambda c: -c[0]):  # right to left
            pdf.drawString(x, 700 - 24 * r, cell)
    pdf.save()
    assert [line.text for line in PdfReader().read(table)] == [
        "1.加快创建国际消费中心城市（牵头单位：市商务局）",
        "2.发展银发经济（牵头单位：市发改委）",
    ]


def test_a_damaged_image_is_a_corpus_error_naming_the_file(tmp_path):
    from indexer.ingest.readers.ocr import ImageReader

    broken = tmp_path / "scan.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    assert reader_for(broken).name == "image"
    with pytest.raises(CorpusError) as err:
        ImageReader().read(broken)
    assert err.value.key == "corpus.image_damaged" and "scan.png" in err.value.message


def test_an_ofd_text_object_holding_two_lines_gives_two_lines(tmp_path):
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    content = (
        f'<ofd:Page {ns}><ofd:Content><ofd:Layer><ofd:TextObject Boundary="20 30 60 12" Size="4">'
        '<ofd:TextCode X="0" Y="10">2.第二项。</ofd:TextCode><ofd:TextCode X="0" Y="4">1.第一项。</ofd:TextCode>'
        "</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"
    )
    target = tmp_path / "multi.ofd"
    target.write_bytes(
        _ofd(
            {
                "OFD.xml": f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
                "Doc_0/Document.xml": f'<ofd:Document {ns}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'
                "</ofd:Pages></ofd:Document>",
                "Doc_0/Pages/Page_0/Content.xml": content,
            }
        )
    )
    assert [line.text for line in OfdReader().read(target)] == ["1.第一项。", "2.第二项。"]


def test_the_scan_fixture_is_two_pages_of_images_without_a_text_layer():
    import pypdfium2 as pdfium

    from indexer.ingest.readers.pdf import text_layer

    scan = pdfium.PdfDocument(FORMATS / "2025-plan-scan.pdf")
    assert len(scan) == 2
    assert all(text_layer(scan[i], i + 1) == [] for i in range(len(scan)))


def test_a_right_aligned_signature_is_not_joined_to_its_date_nor_a_wrapped_line_split():
    from indexer.ingest.readers.layout import PlacedLine, join_wrapped

    full = [
        PlacedLine(
            "各牵头单位要切实发挥统筹抓总作用，提高站位、强化领导，主动担当、整体推进，", 1, 72, 523, 100 + 20 * n, 12
        )
        for n in range(4)
    ]
    tail = PlacedLine("与责任单位建立常态化沟通协商机制。", 1, 72, 300, 180, 12)
    signature = PlacedLine("武汉市人民政府", 1, 430, 523, 220, 12)
    date = PlacedLine("2025年1月16日", 1, 440, 523, 240, 12)
    title = PlacedLine("2025年市《政府工作报告》目标任务", 1, 190, 400, 280, 12)
    texts = [line.text for line in join_wrapped(full + [tail, signature, date, title])]
    assert texts[1:] == ["武汉市人民政府", "2025年1月16日", "2025年市《政府工作报告》目标任务"]
    assert texts[0].endswith("机制。")


def test_a_line_opening_with_a_unit_clause_continues_the_item_even_after_an_early_break():
    from indexer.ingest.readers.layout import PlacedLine, join_wrapped

    lines = [
        PlacedLine("1.推动中心城区转型做优，高水平建设“两江四岸”核心区，推动老汉口地区", 1, 72, 523, 100, 12),
        PlacedLine("转型和汉江两岸联动发展。", 1, 72, 480, 120, 12),
        PlacedLine("（牵头单位：市自然资源和城乡建设局）", 1, 72, 300, 140, 12),
        PlacedLine("（二）区域协调", 1, 72, 200, 160, 12),
    ]
    assert [line.text for line in join_wrapped(lines)] == [
        "1.推动中心城区转型做优，高水平建设“两江四岸”核心区，推动老汉口地区转型和汉江两岸联动发展。"
        "（牵头单位：市自然资源和城乡建设局）",
        "（二）区域协调",
    ]


def test_ocr_boxes_are_turned_back_by_the_pages_measured_turn():
    import math

    from indexer.ingest.readers.ocr import _unturn

    turn = math.radians(-1.0)  # the right-hand end of each text line sits higher
    quads = []
    for y in (100.0, 200.0, 300.0):
        x0, x1 = 100.0, 400.0
        top = [(x0, y + x0 * math.tan(turn)), (x1, y + x1 * math.tan(turn))]
        quads.append([top[0], top[1], (x1, top[1][1] + 20), (x0, top[0][1] + 20)])
    cos, sin = _unturn(quads)
    assert math.isclose(math.atan2(sin, cos), turn, abs_tol=1e-6)
    straight = [[(0, 0), (300, 0), (300, 20), (0, 20)]] * 3
    assert _unturn(straight) == (1.0, 0.0)


def test_a_table_row_wrapped_over_lines_and_a_page_break_is_one_item():
    def line(y: float, *cells: tuple[str, float]) -> list:
        return [(text, x, x + 10 * len(text), y, y + 10) for text, x in cells]

    header = line(60, ("序号", 40), ("工作任务", 100), ("牵头单位", 300), ("责任单位", 400))
    page1 = (
        header
        + line(70, ("——做强消费主引擎的持续支撑作用", 40))
        + line(80, ("1", 40), ("加快创建国际消费", 100), ("市商务局", 300), ("市发改委、市经", 400))
        + line(95, ("中心城市。", 100), ("信局、", 400))
        + line(800, ("— 1 —", 250))
    )
    page2 = (
        header
        + line(75, ("市财政局", 400))
        + line(90, ("2", 40), ("扩大有效投资。", 100), ("市发改委", 300), ("各区人", 400))
        + line(105, ("民政府", 400))
        + line(800, ("— 2 —", 250))
    )
    lines = assemble(rows(page1, 1) + rows(page2, 2))
    assert [line.text for line in lines] == [
        "——做强消费主引擎的持续支撑作用",
        "1.加快创建国际消费中心城市。（牵头单位：市商务局；责任单位：市发改委、市经信局、市财政局）",
        "2.扩大有效投资。（牵头单位：市发改委；责任单位：各区人民政府）",
    ]
    assert [line.page for line in lines] == [1, 1, 2]
