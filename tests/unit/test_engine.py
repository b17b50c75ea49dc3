"""The whole pipeline on the mini corpus, with the hashing embedder and BM25: no model involved."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from indexer.build import build_index
from indexer.errors import IndexUnavailable, QueryError, Reason
from indexer.records import DocKind, Intent, Role
from indexer.search import Engine
from tests.unit.conftest import MINI, mini


def test_topic_question_lists_the_units_of_the_matching_items(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年哪些单位负责低空经济？"))
    assert answer.intent is Intent.TOPIC_UNITS
    assert "2030-plan-二-2" in [h.item.id for h in answer.citations[:3]]
    assert answer.lead_units == ["市交通运输局"]
    assert set(answer.responsible_units) == {"市发改委", "市数据局"}


def test_unit_question_lists_every_task_of_the_unit(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2031年市数据局牵头哪些任务"))
    assert answer.intent is Intent.UNIT_ITEMS
    assert [h.item.id for h in answer.citations] == ["2031-plan-二-3"]
    answer = answer_of(mini_engine, AnswerRequest("数据局2031年负责什么工作"))
    assert {h.item.id for h in answer.citations} == {"2031-plan-二-2", "2031-plan-二-3"}


def test_unit_items_follow_renames_both_ways(mini_engine):
    tasks = mini_engine.unit_items("市科技创新局")
    assert [(t.item.id, t.role, t.named_as, t.relation) for t in tasks] == [
        ("2030-plan-二-1", Role.LEAD, "市科技局", "renamed:predecessor"),
        ("2031-plan-二-1", Role.LEAD, "市科技创新局", ""),
    ]
    assert [t.item.id for t in mini_engine.unit_items("市科技局", years=[2031])] == ["2031-plan-二-1"]
    assert [t.item.id for t in mini_engine.unit_items("市财政局", role=Role.LEAD)] == []


def test_a_unit_asked_for_a_year_before_its_name_says_whose_items_answer(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("市科技创新局2030年牵头哪些任务"))
    assert [h.item.id for h in answer.citations] == ["2030-plan-二-1"]
    assert answer.summary.startswith("2030年的文件中没有市科技创新局这个名称。原名市科技局（改名）")
    assert "市科技局在2030年牵头的任务共 1 项" in answer.summary
    both = answer_of(mini_engine, AnswerRequest("市科技创新局牵头哪些任务"))
    assert "没有市科技创新局这个名称" not in both.summary and "原名市科技局" in both.summary


def test_comparison_reports_added_dropped_and_renamed_units(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年和2031年概念验证中心的分工有什么变化"))
    c = answer.comparison
    assert answer.intent is Intent.COMPARE and c.years == (2030, 2031)
    assert "2030-plan-二-1" in c.items[2030] and "2031-plan-二-1" in c.items[2031]
    assert any(r.old == "市科技局" and r.new == "市科技创新局" for r in c.renamed)


def test_filters_never_leak_other_years_or_kinds(mini_engine):
    assert {h.item.year for h in mini_engine.search("充电桩", year=2031)} == {2031}
    assert {h.item.kind for h in mini_engine.search("概念验证中心", kind="report")} == {DocKind.REPORT}
    assert all("市数据局" in h.item.units for h in mini_engine.search("数据", unit="数据局"))


def test_fact_question_puts_the_target_first(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年城镇新增就业目标是多少"))
    assert answer.intent is Intent.FACT and answer.citations[0].item.id == "2030-plan-一-2"


def test_a_question_without_words_is_refused(mini_engine):
    with pytest.raises(QueryError, match="请输入"):
        answer_of(mini_engine, AnswerRequest("？？ ！"))


def test_missing_index_is_refused_and_a_changed_corpus_still_answers_marked_stale(mini_settings, tmp_path):
    with pytest.raises(IndexUnavailable) as missing:
        Engine.load(replace(mini_settings, index_dir=tmp_path / "none"))
    assert missing.value.reason is Reason.MISSING and "python -m indexer build" in missing.value.message
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    settings = mini(tmp_path / "idx", corpus_dir=corpus)
    build_index(settings, progress=False)
    assert not Engine.load(settings).stale
    (corpus / "2031-report.txt").write_text("武汉市政府工作报告(2031年1月8日)\n(一)改了。\n", encoding="utf-8")
    stale = Engine.load(settings)
    assert stale.stale and answer_of(stale, AnswerRequest("老旧小区改造谁牵头")).lead_units == ["市房管局"]


def test_renames_come_from_the_corpus_folder_in_use(mini_engine):
    """The mini corpus brings its own unit_renames.tsv; the repo's corpus/ is never read."""
    assert mini_engine.links.related("市科技局") == {"市科技创新局": "renamed:successor"}
    assert mini_engine.links.related("市招商办") == {}  # a rename only the real corpus has


def test_a_task_that_optimises_and_adjusts_is_no_comparison():
    from indexer.search.question import detect_intent

    assert detect_intent("2023年优化调整的30个精细化路口是哪些路口", (2023,), ()) is not Intent.COMPARE
    assert detect_intent("两年的分工有什么调整", (), ()) is Intent.COMPARE


def test_a_reports_review_is_about_the_year_before_and_its_plan_about_its_own(mini_engine):
    years = {item.id: mini_engine.speaks_of(item) for item in mini_engine.items if item.doc_id == "2031-report"}
    assert years == {"2031-report-p1": 2030, "2031-report-p2": 2031}


def test_a_units_supporting_tasks_leave_out_those_it_leads(mini_engine):
    supporting = mini_engine.unit_items("市数据局", role=Role.RESPONSIBLE)
    leading = mini_engine.unit_items("市数据局", role=Role.LEAD)
    assert supporting and leading and all(t.role is Role.RESPONSIBLE for t in supporting)
    assert not {t.item.id for t in supporting} & {t.item.id for t in leading}
    answer = answer_of(mini_engine, AnswerRequest("市数据局只作为责任单位、不牵头的任务有哪些"))
    assert answer.found and answer.lead_units == [] and answer.responsible_units == ["市数据局"]


def test_a_part_of_a_document_asked_beside_a_unit_is_read_run_by_run(mini_engine):
    from indexer.answer.units import section_terms

    # 牵头或配合 leaves 或 behind as its own run: the heading is still read (normalising had joined the runs)
    assert section_terms(mini_engine, "持续改善民生 或") == ("持续改善民生",)


def test_the_review_asked_of_a_report_puts_its_review_paragraphs_first(mini_engine):
    from indexer.answer.reviews import review_first
    from indexer.search.retrieve import Hit

    report = [Hit(item, 1.0) for item in mini_engine.items if item.doc_id == "2031-report"][::-1]
    assert [h.item.id for h in review_first(mini_engine, "2031年报告回顾里低空经济怎么说", report)][
        0
    ] == "2031-report-p1"
    assert review_first(mini_engine, "2031年报告里低空经济怎么说", report) == report


def test_two_common_words_beside_a_unit_still_narrow_its_items(mini_engine):
    from indexer.answer.units import common_words

    assert common_words(mini_engine, "同时") == ()
    assert common_words(mini_engine, "科技创新") == ("科技", "创新")
