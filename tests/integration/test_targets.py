"""Targets against results on the real corpus: the 2023 plan against the 2024 report's review of 2023.

The expected values were read in the documents: 2023 plan 一-1 地区生产总值增长6.5%以上 / 2024 report
p3 全年增长5.7%; 一-2 城镇新增就业22万人以上 / p12 城镇新增就业29.26万人; 四-21 完成老旧小区改造260个 /
p5 完成老旧小区改造296个; 二-58 技术合同成交额达到1450亿元 / p7 技术合同成交额2198亿元.
"""

from __future__ import annotations

import pytest

from indexer import answer as answering
from indexer.answer import AnswerRequest
from indexer.answer.plan_diff import diff_plans
from indexer.answer.target_links import link_all
from indexer.ingest.targets import extract_outcomes, extract_targets
from indexer.records import LinkStatus


@pytest.fixture(scope="module")
def links(corpus):
    _, items, _ = corpus
    return link_all(extract_targets(items), extract_outcomes(items), 2023)


@pytest.mark.parametrize(
    "item_id, target_value, outcome_paragraph, outcome_value, status",
    [
        ("2023-plan-一-1", 6.5, "2024-report-p3", 5.7, LinkStatus.NOT_MET),
        ("2023-plan-一-2", 22, "2024-report-p12", 29.26, LinkStatus.MET),
        ("2023-plan-四-21", 260, "2024-report-p5", 296, LinkStatus.MET),
        ("2023-plan-二-83", 260, "2024-report-p5", 296, LinkStatus.MET),
        ("2023-plan-二-58", 1450, "2024-report-p7", 2198, LinkStatus.MET),
    ],
)
def test_known_targets_meet_their_results(links, item_id, target_value, outcome_paragraph, outcome_value, status):
    link = next(k for k in links if k.target.item_id == item_id and k.target.value == target_value)
    assert link.outcome is not None and link.outcome.item_id.split(".")[0] == outcome_paragraph
    assert link.outcome.value == outcome_value and link.status is status


def test_cpi_is_not_reported_and_results_are_only_from_the_review(links, corpus):
    cpi = next(k for k in links if k.target.item_id == "2023-plan-一-3")
    assert cpi.status is LinkStatus.NO_REPORT
    outcomes = extract_outcomes(corpus[1])
    assert {o.year for o in outcomes} == {2023}
    assert not any(o.item_id == "2024-report-p18" for o in outcomes)  # the 2024 targets (增长6%) are no result


def test_diff_2023_2025_continues_employment_and_labels_the_investment_bureau_rename(corpus):
    from indexer.ingest.rules import CorpusRules
    from tests.conftest import CORPUS

    _, items, _ = corpus
    diff = diff_plans(items, extract_targets(items), CorpusRules.load(CORPUS).units, 2023, 2025)
    by_id = {m.later.id: m for m in diff.matches}
    jobs = by_id["2025-plan-一-2"]
    assert [e.id for e in jobs.earlier] == ["2023-plan-一-2"] and [(v.before, v.after) for v in jobs.values] == [
        ("22万人", "25万人")
    ]
    invest = by_id["2025-plan-二-14"]
    assert [(u.before, u.after, u.relation) for u in invest.units] == [("市招商办", "市投资促进局", "改名")]
    assert by_id["2025-plan-二-72"].status == "新增"  # 高性能算力: no 2023 counterpart


def test_target_questions_answer_with_both_citations(engine):
    answer = answering.answer(engine, AnswerRequest("2023年地区生产总值增长目标完成了吗"))
    assert {h.item.id for h in answer.citations} == {"2023-plan-一-1", "2024-report-p3"}
    assert "6.5%" in answer.summary and "5.7%" in answer.summary and "未完成" in answer.summary
    charging = answering.answer(engine, AnswerRequest("2023年充电桩建了多少，完成目标没有"))
    assert "7.08万个" in charging.summary and "已完成" in charging.summary
    assert {"2023-plan-二-142", "2024-report-p5.1"} <= {h.item.id for h in charging.citations}


def test_unit_question_lists_what_the_unit_did_not_meet_or_cannot_settle(engine):
    answer = answering.answer(engine, AnswerRequest("市人社局2023年哪些目标没完成"))
    assert answer.intent == "target" and answer.summary.startswith("市人社局 2023 年牵头或负责的量化目标")
    cited = {h.item.id for h in answer.citations}
    assert cited and all(i.startswith(("2023-plan", "2024-report")) for i in cited)
    assert "已完成" not in answer.summary.split("\n", 2)[-1]  # the met ones are counted, not listed


def test_a_unit_asked_beside_an_indicator_gets_that_target_only(engine):
    answer = answering.answer(engine, AnswerRequest("市人社局2023年城镇新增就业目标完成了吗"))
    assert answer.intent == "target" and "已完成" in answer.summary
    assert {h.item.id for h in answer.citations} == {"2023-plan-一-2", "2024-report-p12.1"}
    district = answering.answer(engine, AnswerRequest("2023年城镇新增就业目标江夏区完成了没有"))
    assert not district.found and "江夏区" in district.summary  # a city-wide figure, no district's share


def test_a_districts_share_of_a_figure_is_not_the_figure(engine):
    answer = answering.answer(engine, AnswerRequest("29.26万城镇新增就业里新城区贡献了多少"))
    assert not answer.found and "新城区" in answer.summary  # 推动4个新城区… holds no part of 29.26万


def test_a_plan_figure_asked_beside_its_result_states_both(engine):
    answer = answering.answer(engine, AnswerRequest("2023年微循环道路计划和实际各建了多少条"))
    assert answer.intent == "target" and "100条" in answer.summary and "123条" in answer.summary
    assert {"2023-plan-二-91", "2024-report-p9.2"} <= {h.item.id for h in answer.citations}
    later = answering.answer(engine, AnswerRequest("2024年城镇新增就业实际完成了多少"))
    assert not later.found and not later.citations  # no report reviews 2024: not 2023's verdict


def test_a_later_years_plan_asked_beside_a_result_is_cited_from_that_years_plan(engine):
    answer = answering.answer(engine, AnswerRequest("老旧小区改造：2023年实际完成了多少个，2024年计划完成多少个？"))
    cited = [h.item for h in answer.citations]
    assert answer.intent == "target" and "296个" in answer.summary  # the 2023 result
    later = [i for i in cited if i.year == 2024 and engine.speaks_of(i) == 2024]
    assert later and "2024年：" in answer.summary  # the 2024 report's own plan, not its look back
    assert answer.years == [2023, 2024]
