"""Retrieval and answers over the real corpus, model and FAISS index."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from indexer.answer import AnswerRequest, RenamedUnit
from indexer.answer import answer as answer_of
from indexer.errors import QueryError


def test_low_altitude_question_names_its_items_and_units(engine):
    answer = answer_of(engine, AnswerRequest("哪些单位负责低空经济"))
    cited = [h.item.id for h in answer.citations[:5]]
    assert {"2025-plan-二-52", "2025-plan-二-56"} <= set(cited)
    units = set(answer.lead_units) | set(answer.responsible_units)
    assert {"市发改委", "市交通运输局", "市数据局", "市经信局"} <= units
    assert not units & {"市人社局", "市民政局", "市农业农村局"}  # unrelated bureaus stay out


def test_unit_question_returns_exactly_that_units_items_for_the_year(engine):
    answer = answer_of(engine, AnswerRequest("市数据局今年牵头哪些任务？"))
    expected = {i.id for i in engine.items if i.year == 2025 and "市数据局" in i.lead_units}
    assert {h.item.id for h in answer.citations} == expected
    assert expected == {
        "2025-plan-二-71",
        "2025-plan-二-76",
        "2025-plan-二-77",
        "2025-plan-二-78",
        "2025-proposal-二-三-3",
    }
    assert answer.lead_units == ["市数据局"] and answer.years == [2025]


def test_renamed_predecessor_is_included_and_marked(engine):
    answer = answer_of(engine, AnswerRequest("市科技创新局2023年牵头哪些任务"))
    assert answer.citations and all("市科技局" in h.item.lead_units for h in answer.citations)
    linked = [e for e in answer.unit_entries if e.unit == "市科技局"]
    assert linked and "原名" in linked[0].link and "改名" in linked[0].link


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_year_filter_never_leaks_another_year(engine, year):
    for question in ("招商引资", "老旧小区改造", "科技创新", "就业"):
        hits = engine.search(question, top_k=30, year=year)
        assert hits and {h.item.year for h in hits} == {year}


def test_kind_and_unit_filters(engine):
    assert {h.item.kind for h in engine.search("产业", kind="proposal", top_k=20)} == {"proposal"}
    hits = engine.search("数据", unit="数据局", top_k=20)
    assert hits and all("市数据局" in h.item.units for h in hits)


def test_comparison_shows_both_years_and_the_rename(engine):
    answer = answer_of(engine, AnswerRequest("2023年和2025年在招商引资上的分工有什么变化？"))
    assert answer.intent == "compare" and answer.comparison.years == (2023, 2025)
    assert "2023-plan-二-15" in answer.comparison.items[2023]
    assert "2025-plan-二-14" in answer.comparison.items[2025]
    assert RenamedUnit("市招商办", "市投资促进局", "renamed") in answer.comparison.renamed


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        ("去年的政府工作报告跟2号建议案对楼宇经济怎么提的", {"2024-report", "2025-proposal"}),
        ("前年的分解方案跟2号建议案对总部经济怎么提的", {"2023-plan", "2025-proposal"}),
    ],
)
def test_documents_of_different_years_are_read_each_in_its_own_year(engine, question, sides):
    """The year said belongs to one document; the other is read in its own year, and only it (not the 2025 plan)."""
    answer = answer_of(engine, AnswerRequest(question))
    assert answer.found and answer.intent == "compare"
    assert {"-".join(h.item.id.split("-")[:2]) for h in answer.citations} == sides


def test_fact_question_puts_the_target_first(engine):
    answer = answer_of(engine, AnswerRequest("2025年城镇新增就业目标是多少？"))
    assert answer.citations[0].item.id == "2025-plan-一-2" and "25万人" in answer.summary


@pytest.mark.parametrize("retrievers", [("dense",), ("e5",), ("bm25",), ("dense", "bm25"), ("e5", "bm25")])
def test_every_retriever_finds_the_obvious_item(engine, retrievers):
    hits = engine.rank("建设充电桩6万个", None, retrievers)
    assert hits[0].item.id == "2023-plan-二-142"
    assert set(hits[0].ranks) == set(retrievers)


def test_eight_threads_get_the_same_answers_as_one(engine):
    questions = [
        "哪些单位负责低空经济",
        "老旧小区改造谁牵头",
        "市数据局今年牵头哪些任务",
        "充电桩",
        "2025年城镇新增就业目标是多少",
        "武汉英才计划",
        "2号建议案 数据要素",
        "垃圾分类",
    ]
    alone = [[h.item.id for h in answer_of(engine, AnswerRequest(q)).citations] for q in questions]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(
            pool.map(lambda q: [h.item.id for h in answer_of(engine, AnswerRequest(q)).citations], questions * 2)
        )
    assert together == alone * 2


@pytest.mark.parametrize("query", ["", "   ", "\u3000\t", "？？？", "🙂🙂", "\x00\x07"])
def test_empty_queries_get_a_clear_message(engine, query):
    with pytest.raises(QueryError, match="请输入"):
        engine.search(query)


@pytest.mark.parametrize("query", ["充电桩" * 3400, "充电桩🚗\x07建设", "charging piles", "充電樁建設"])
def test_odd_queries_still_get_a_sensible_answer(engine, query):
    answer = answer_of(engine, AnswerRequest(query))
    assert answer.citations and answer.summary


def test_traditional_question_matches_the_simplified_one(engine):
    simplified = [h.item.id for h in answer_of(engine, AnswerRequest("哪些单位负责低空经济")).citations]
    assert [h.item.id for h in answer_of(engine, AnswerRequest("哪些單位負責低空經濟？")).citations] == simplified


def test_items_with_two_lead_units_are_listed_whole(engine):
    answer = answer_of(engine, AnswerRequest("2号建议案里由两家单位联合牵头的任务有哪些"))
    expected = {i.id for i in engine.items if i.doc_kind == "proposal" and len(i.lead_units) == 2}
    assert answer.found and {h.item.id for h in answer.citations} == expected and len(expected) >= 2


def test_a_body_listed_under_two_names_counts_once_when_asked_with_another(engine):
    """市委宣传部 is also listed as 市委宣传部(市文明办); asked with 市委外办, items naming either form and 市委外办."""
    answer = answer_of(engine, AnswerRequest("市委宣传部跟市委外办同时出现的任务有哪些"))
    both = {i.id for i in engine.items if "市委外办" in i.units and any(u.startswith("市委宣传部") for u in i.units)}
    assert answer.found and both and {h.item.id for h in answer.citations} == both


def test_a_work_slogan_takes_every_item_under_the_part_its_noun_heads(engine):
    """稳投资 names the part headed 夯实投资硬支撑: the unit's items there count, whatever their own words."""
    answer = answer_of(engine, AnswerRequest("2025年市发改委在稳投资方面牵头哪些任务"))
    under = {
        i.id for i in engine.items if i.year == 2025 and i.path and "投资" in i.path[-1] and "市发改委" in i.lead_units
    }
    assert answer.found and len(under) >= 2 and under <= {h.item.id for h in answer.citations}


def test_a_line_of_work_asked_of_the_report_is_its_topic_not_a_unit(engine):
    """The 2024 report names no units: 体育这块 there is what the paragraph is about, not 市体育局's tasks."""
    answer = answer_of(engine, AnswerRequest("去年报告讲体育这块时，体育公园要新改扩建几个"))
    assert answer.found and answer.citations[0].item.id.startswith("2024-report-p66")
