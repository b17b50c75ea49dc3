"""The structure parser on small hand-made documents, and a fuzz test that loses no line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.foundation.text import normalise_line
from indexer.ingest.parse import Line, cn_to_int, parse_document, split_notice

PLAN = """各区人民政府,市人民政府各部门:
现将《2030年市〈政府工作报告〉目标任务责任分解方案》印发给你们。
武汉市人民政府
2030年1月2日
2030年市《政府工作报告》目标任务
责任分解方案
一、经济社会发展主要预期目标
(一)地区生产总值增长6%左右。(牵头单位:市发改委;责任单位:各区人民政府)
二、重点工作
(一)着力扩大内需
--提振消费
1.第一项。(牵头单位:市商务局;责任单位:各区人民政府)
2.第二项。(责任单位:市商务局)
三、服务型政府
(一)坚持政治建设
1.重新编号。(责任单位:各区人民政府)"""


def lines(text):
    cleaned = [(n, raw, normalise_line(raw)[0]) for n, raw in enumerate(text.splitlines(), 1)]
    return [Line(n, raw, text) for n, raw, text in cleaned if text]


def test_notice_title_parts_areas_themes_items():
    doc = parse_document(lines(PLAN))
    assert doc.issued_line == "2030年1月2日"
    assert doc.title_lines == ["2030年市《政府工作报告》目标任务", "责任分解方案"]
    roles = [(d.role, d.number, d.path) for d in doc.drafts]
    assert roles[0][0] == roles[1][0] == "notice"
    assert roles[2] == ("target", 1, ("一、经济社会发展主要预期目标",))
    assert roles[3] == ("item", 1, ("二、重点工作", "(一)着力扩大内需", "提振消费"))
    assert roles[5] == ("item", 1, ("三、服务型政府", "(一)坚持政治建设"))


def test_numbering_restart_inside_a_part_puts_the_area_in_the_id(tmp_path):
    from indexer.ingest import load_corpus

    text = (
        "市政协2号建议案办理工作方案\n二、工作任务\n(一)甲领域\n1.甲一。(牵头单位:市甲局)\n"
        "(二)乙领域\n1.乙一。(牵头单位:市乙局)\n"
    )
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    (tmp_path / "manifest.json").write_text('{"p.txt": {"year": 2031}}', encoding="utf-8")
    _, items = load_corpus(tmp_path)
    assert [i.id for i in items] == ["2031-proposal-二-一-1", "2031-proposal-二-二-1"]


def test_report_paragraphs_take_their_area_heading():
    text = "武汉市政府工作报告(2030年1月5日 某某)\n(一)坚持扩内需稳增长。突出稳字当头,推动政策向稳增长聚焦。\n着力增强创新能力。加快光谷科学岛建设。"
    doc = parse_document(lines(text))
    assert [d.role for d in doc.drafts] == ["paragraph", "paragraph"]
    assert doc.drafts[1].path == ("(一)坚持扩内需稳增长", "着力增强创新能力")


def test_chinese_numerals():
    assert [cn_to_int(n) for n in ("一", "九", "十", "十一", "二十", "二十三")] == [1, 9, 10, 11, 20, 23]


MARKERS = st.sampled_from(["", "一、", "(二)", "--", "——", "3.", "12.", "(牵头单位:市甲局)"])
BODY = st.text(alphabet="市局推进建设发展。,甲乙丙2025年1月2日", min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(MARKERS, BODY), min_size=1, max_size=25))
def test_parser_keeps_every_body_line_somewhere(rows):
    doc_lines = lines("\n".join(m + b for m, b in rows))
    doc = parse_document(doc_lines)
    _, body, _ = split_notice(doc_lines)
    kept = " ".join(doc.title_lines + [d.text for d in doc.drafts] + [" ".join(d.path) for d in doc.drafts])
    for line in body:
        content = line.text.lstrip("一二三四五六七八九十、()0123456789.—")
        assert content.rstrip("。") in kept, line.text


def test_the_title_stops_at_the_issuing_body_and_the_date():
    """Uploaded files whose title sits above the office or a dated line (no notice before it)."""
    scheme = (
        "2031年市《政府工作报告》目标任务\n责任分解方案\n武汉市人民政府办公厅\n"
        "一、主要目标\n(一)地区生产总值增长5%左右。(牵头单位:市发改委)"
    )
    assert parse_document(lines(scheme)).title_lines == ["2031年市《政府工作报告》目标任务", "责任分解方案"]
    report = (
        "政府工作报告\n——2031年1月5日在武汉市第十六届人民代表大会第一次会议上\n"
        "一、过去一年工作回顾\n过去一年,全市经济稳中有进。"
    )
    assert parse_document(lines(report)).title_lines == ["政府工作报告"]
