"""Ingestion over the real corpus: counts, ids, cleanliness, metadata, duplicates and units."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from indexer.foundation.text import BOILERPLATE, to_simplified

CJK_PUNCT = re.compile(r"[\u4e00-\u9fff]")


def numbers(items, doc_id, part):
    return sorted(i.number for i in items if i.doc_id == doc_id and i.id.split("-")[2] == part and i.number)


def test_plan_counts_follow_the_documents(corpus):
    _, items, _ = corpus
    assert numbers(items, "2023-plan", "一") == [1, 2, 3, 4, 5]
    assert numbers(items, "2023-plan", "二") == list(range(1, 242))
    assert numbers(items, "2023-plan", "三") == list(range(1, 8))
    assert numbers(items, "2023-plan", "四") == list(range(1, 70))
    assert numbers(items, "2025-plan", "一") == [1, 2, 3, 4, 5]
    assert numbers(items, "2025-plan", "二") == list(range(1, 104))


def test_proposal_has_nine_task_items(corpus):
    _, items, _ = corpus
    tasks = [i.id for i in items if i.doc_id == "2025-proposal" and i.number and i.kind == "proposal"]
    assert tasks == [f"2025-proposal-二-{a}-{n}" for a in "一二三" for n in (1, 2, 3)]


def test_counts_per_document_and_kind(corpus):
    _, items, _ = corpus
    counts = Counter((i.doc_id, i.kind) for i in {i.id.split(".")[0]: i for i in items}.values())
    assert counts[("2023-plan", "plan")] == 5 + 241 + 7 + 69
    assert counts[("2025-plan", "plan")] == 5 + 103
    assert counts[("2023-plan", "notice")] == 4
    assert counts[("2025-plan", "notice")] == 5
    assert counts[("2024-report", "report")] == 79  # paragraphs; long ones are split into pieces
    pieces = [i for i in items if i.id.startswith("2024-report-p12.")]
    assert len(pieces) > 1 and all(p.path == pieces[0].path for p in pieces)


def test_ids_are_unique_and_stable(corpus):
    from indexer.ingest import load_corpus
    from tests.conftest import CORPUS

    _, items, _ = corpus
    ids = [i.id for i in items]
    assert len(ids) == len(set(ids))
    assert ids == [i.id for i in load_corpus(CORPUS)[1]]


def test_no_gloss_traditional_mojibake_or_boilerplate(corpus):
    _, items, _ = corpus
    for item in items:
        text = " ".join([item.text, *item.path, *item.units])
        assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", text), item.id
        assert to_simplified(text) == text, item.id
        assert "?" not in text and "\ufffd" not in text and "zèng" not in text, item.id
        assert not any(p.search(item.text) for p in BOILERPLATE), item.id
        for marker in ("扫一扫", "浏览量", "联系人", "本文地址", "热门产品", ".pdf", "导航菜单"):
            assert marker not in item.text, (item.id, marker)


def test_mojibake_spots_are_repaired(items_by_id):
    assert "各领域专项人才,创建国家" in items_by_id["2025-plan-二-40"].text
    assert items_by_id["2025-plan-二-46"].text.startswith("推动东风云峰")
    assert "加速冲刺全国百强区" in items_by_id["2023-plan-二-65"].text
    assert "老旧燃气管网改造400公里" in items_by_id["2023-plan-二-100"].text
    assert "坚持工作向为民聚焦" in items_by_id["2023-plan-三-2"].text
    assert any("乱码已修复" in note for note in items_by_id["2023-plan-二-65"].notes)


def test_report_restores_cut_names_and_drops_site_text(corpus):
    _, items, _ = corpus
    report = " ".join(i.text for i in items if i.doc_id == "2024-report")
    assert "习近平新时代中国特色社会主义思想" in report and "习新时代" not in report
    for junk in ("沐鸣娱乐", "13800000000", "新闻资讯", "相关标签"):
        assert junk not in report


def test_document_metadata_is_read_from_content(corpus):
    documents, _, _ = corpus
    docs = {d.doc_id: d for d in documents}
    assert set(docs) == {"2023-plan", "2025-plan", "2024-report", "2025-proposal"}
    assert docs["2023-plan"].number == "武政办〔2023〕1号"
    assert docs["2023-plan"].issued == "2023-01-12"
    assert docs["2025-plan"].issued == "2025-01-16"
    assert docs["2024-report"].issued == "2024-01-18"
    assert docs["2025-proposal"].issued == "2025-05-05"
    assert docs["2025-proposal"].title == "市政协十四届四次会议2号建议案办理工作方案"
    assert docs["2025-plan"].title == "2025年市《政府工作报告》目标任务责任分解方案"


def test_partial_copy_items_are_one_record_with_both_sources(items_by_id, corpus):
    for number in range(63, 84):
        files = [s.file for s in items_by_id[f"2023-plan-二-{number}"].sources]
        assert files == ["2023-plan-responsibility.txt", "2023-plan-partial-copy.txt"]
    assert any("重复" in w for w in corpus[2].warnings)
    assert len(items_by_id["2023-plan-二-62"].sources) == 1


def test_numbering_restarts_are_kept_apart_by_part(items_by_id):
    assert items_by_id["2023-plan-二-12"].text.startswith("社会消费品零售总额增长10%")
    assert items_by_id["2023-plan-三-3"].path[0] == "三、建设人民满意的服务型政府"
    assert items_by_id["2023-plan-四-12"].text.startswith("新建大学生就业见习基地50个以上")


def test_citation_and_path(items_by_id):
    item = items_by_id["2025-plan-二-56"]
    assert item.citation == "2025年责任分解方案 二（三）第56项"
    assert item.path[1].startswith("(三)在发展新质生产力上争先善为")
    assert item.path[2] == "加快打造新时代制造强市"
    assert items_by_id["2025-plan-一-2"].citation == "2025年责任分解方案 一（二）"
    assert items_by_id["2023-plan-二-21"].path[-1] == "千方百计发展市场主体"  # '--' theme marker


def test_item_text_is_complete_with_every_clause(items_by_id):
    item = items_by_id["2025-plan-二-80"]
    assert item.text.count("牵头单位") == 3 and item.text.endswith("责任单位:各中心城区人民政府)")
    assert [c.lead_units for c in item.clauses] == [("市自然资源和城乡建设局",), ("市发改委",), ("市科技创新局",)]
    assert item.clauses[1].task == "建设一批特色总部经济、数字经济、楼宇经济集聚区"


@pytest.mark.parametrize(
    "item_id, lead, responsible",
    [
        ("2025-plan-二-52", ["市交通运输局"], ["市数据局"]),
        ("2025-plan-二-56", ["市发改委"], ["市发改委"]),
        (
            "2025-plan-二-92",
            ["市交通运输局"],
            ["长江新区管委会", "黄陂区人民政府", "江夏区人民政府", "新洲区人民政府", "武汉城发集团"],
        ),
        ("2025-plan-二-16", ["市商务局"], ["江汉区人民政府", "硚口区人民政府", "黄陂区人民政府"]),
        (
            "2025-plan-二-58",
            ["市经信局"],
            [
                "市发改委",
                "市科技创新局",
                "东湖高新区管委会",
                "武汉经开区管委会",
                "临空港开发区管委会",
                "江夏区人民政府",
            ],
        ),
        ("2025-plan-二-103", ["市农业农村局", "市水务局", "市发改委"], ["市农业农村局", "市水务局", "市发改委"]),
        ("2025-plan-二-80", ["市自然资源和城乡建设局", "市发改委", "市科技创新局"], ["各中心城区人民政府"]),
        ("2023-plan-二-49", ["市经信局", "市发改委"], ["市科技局", "市财政局", "市地方金融局", "各区人民政府"]),
        ("2023-plan-二-75", ["市乡村振兴局", "市水务局"], ["市乡村振兴局", "市水务局"]),
        ("2023-plan-二-193", ["市委宣传部(市文明办)"], ["各新城区人民政府"]),
        (
            "2025-proposal-二-三-2",
            ["市委金融办", "市科技创新局"],
            ["市财政局", "各区人民政府", "武汉金控集团", "武汉投控集团"],
        ),
        ("2025-plan-二-82", ["武汉经开区管委会"], ["市经信局", "市科技创新局", "各相关区人民政府"]),
    ],
)
def test_chosen_items_carry_exactly_their_units(items_by_id, item_id, lead, responsible):
    item = items_by_id[item_id]
    assert list(item.lead_units) == lead
    assert list(item.responsible_units) == responsible


def test_xia_tong_definition_is_kept_visible(items_by_id, corpus):
    item = items_by_id["2025-plan-一-1"]
    assert item.responsible_units == ("各区人民政府",)
    assert "各区人民政府: 含开发区、长江新区、风景区管委会" in item.notes
    assert "〈含开发区、长江新区、风景区管委会,下同〉" in item.text
    docs = {d.doc_id: d for d in corpus[0]}
    assert ("各区人民政府", "含开发区、长江新区、风景区管委会") in docs["2025-plan"].definitions


def test_unit_names_are_canonical(corpus):
    _, items, _ = corpus
    names = {u for item in items for u in item.units}
    assert all(not re.search(r"\s|下同|〈|[:;,、]", n) for n in names), sorted(names)
    assert "相关区人民政府" not in names and "各相关区人民政府" in names


def test_sources_point_at_the_raw_line(items_by_id):
    source = items_by_id["2025-plan-二-52"].sources[0]
    assert source.file == "2025-plan-responsibility.txt" and source.line == 79
    assert source.raw.startswith("52.")
