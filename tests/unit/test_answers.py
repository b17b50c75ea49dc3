"""Answer-quality mechanics on the mini corpus: tokens, scope, not-found, comparisons, facts."""

from __future__ import annotations

import json

import pytest

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from indexer.present.serialise import answer_json
from indexer.records import DocKind, Intent


@pytest.mark.parametrize("question", ["南极科考站建设由哪些单位负责", "比特币监管谁牵头", "qwertyuiop"])
def test_nothing_in_the_corpus_gives_not_found_with_empty_lists(mini_engine, question):
    answer = answer_of(mini_engine, AnswerRequest(question))
    data = json.loads(json.dumps(answer_json(answer), ensure_ascii=False))
    assert data["found"] is False and answer.summary.startswith("没有找到")
    assert data["citations"] == [] and data["lead_units"] == [] and data["responsible_units"] == []
    assert len(data["related"]) <= 3 and data["searched"]["topic"]


def test_a_found_answer_says_so_and_cites(mini_engine):
    data = answer_json(answer_of(mini_engine, AnswerRequest("老旧小区改造谁牵头")))
    assert data["found"] is True and data["related"] == [] and data["lead_units"] == ["市房管局"]


def test_a_kind_the_corpus_lacks_is_not_found_naming_the_documents_there_are(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年政府工作报告里市数据局牵头哪些任务"))
    assert not answer.found and answer.citations == [] and answer.lead_units == []
    assert "没有2030年政府工作报告" in answer.summary and "2030年责任分解方案" in answer.summary


def test_a_year_the_corpus_lacks_is_stated_and_never_replaced(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2035年充电桩谁负责"))
    assert not answer.found and answer.citations == [] and answer.lead_units == []
    assert any("2035年" in note for note in answer.notes)
    assert answer.related  # what other years say is offered, labelled as related


def test_comparison_of_a_topic_absent_in_one_year_reports_absence_not_changes(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年和2031年社区食堂的分工有什么变化"))
    c = answer.comparison
    assert c.absent == (2031,) and c.added == () and c.dropped == ()
    assert "2031年的文件中没有这一主题" in answer.summary


def test_fact_answer_leads_with_the_sentence_holding_the_figure(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年城镇新增就业目标是多少"))
    assert answer.intent is Intent.FACT
    assert answer.summary.startswith("2030年：城镇新增就业25万人以上") and "2030年责任分解方案" in answer.summary


def test_question_words_go_as_whole_tokens_and_the_topic_stays_whole(mini_engine):
    q = mini_engine.understand("低空经济归哪些单位管")
    assert q.topic == "低空经济" and q.intent is Intent.TOPIC_UNITS


def test_a_trailing_clause_naming_the_plan_does_not_filter_a_unit_question_away(mini_engine):
    q = mini_engine.understand("市数据局在2031年政府工作报告目标任务中承担了哪些工作？")
    assert q.units == ("市数据局",) and q.years == (2031,) and q.kinds == (DocKind.PLAN,) and q.topic == ""
    answer = answer_of(mini_engine, AnswerRequest("市数据局在2031年政府工作报告目标任务中承担了哪些工作？"))
    assert {h.item.id for h in answer.citations} == {"2031-plan-二-2", "2031-plan-二-3"}


@pytest.mark.parametrize("question, year", [("30年老旧小区改造谁牵头", 2030), ("31年的低空经济谁负责", 2031)])
def test_two_digit_years(mini_engine, question, year):
    assert mini_engine.understand(question).years == (year,)


def test_english_words_map_to_the_documents_terms_from_the_vocabulary_file(mini_engine):
    assert mini_engine.understand("AI产业谁 lead").topic == "人工智能产业"
    assert mini_engine.understand("charging piles谁负责").topic == "充电桩"


def test_a_unit_the_corpus_never_names_gets_not_found_and_no_other_units(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("市档案局今年牵头哪些任务"))
    data = answer_json(answer)
    assert data["found"] is False and "市档案局" in answer.summary and "没有" in answer.summary
    assert data["citations"] == [] and data["lead_units"] == [] and data["responsible_units"] == []
    assert data["searched"]["units"] == ["市档案局"] and len(data["related"]) <= 3


@pytest.mark.parametrize("question", ["老旧小区改造谁牵头", "数据要素由哪些单位负责", "哪些单位负责低空经济"])
def test_every_listed_unit_is_named_by_a_cited_item(mini_engine, question):
    """The lists follow from the cited items only: staff forward them as they are."""
    answer = answer_of(mini_engine, AnswerRequest(question))
    cited = {u for h in answer.citations for u in h.item.units}
    assert answer.found and answer.lead_units
    assert set(answer.lead_units) | set(answer.responsible_units) <= cited


def test_an_attribute_of_a_unit_its_items_never_state_is_not_found(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("市数据局在公共数据授权运营收费方面负责哪些任务"))
    assert answer.intent is Intent.UNIT_ITEMS and not answer.found and answer.citations == []
    assert answer_of(mini_engine, AnswerRequest("市数据局在公共数据授权运营方面负责哪些任务")).found


@pytest.mark.parametrize("question", ["2030年实际完成老旧小区改造多少个", "2030年完成了多少个老旧小区改造"])
def test_a_result_asked_is_answered_by_the_review_not_by_the_plans_target(mini_engine, question):
    answer = answer_of(mini_engine, AnswerRequest(question))
    assert [h.item.id for h in answer.citations] == ["2031-report-p1"]  # 完成…210个, not the plan's 200个
    aim = answer_of(mini_engine, AnswerRequest("2030年老旧小区改造目标是多少"))
    assert [h.item.id for h in aim.citations] == ["2030-plan-二-4"]


def test_a_plan_asked_is_not_a_result_asked():
    from indexer.answer.scope import asks_plan

    assert asks_plan("2023年计划新增多少个停车泊位") and asks_plan("2023年的增长目标是多少")
    assert not asks_plan("2023年实际新增了多少个停车泊位") and not asks_plan("2023年新增了多少个停车泊位")


@pytest.mark.parametrize("question", ["你是谁开发的？", "你好", "您能做什么"])
def test_a_question_to_the_tool_is_not_answered_from_the_documents(mini_engine, question):
    answer = answer_of(mini_engine, AnswerRequest(question))
    assert not answer.found and answer.citations == [] and "问答工具" in answer.summary


@pytest.mark.parametrize(
    "question", ["帮我写一份2031年充电桩建设的汇报稿", "把这段话翻译成英文：老旧小区改造", "起草一封通知"]
)
def test_a_text_to_write_or_translate_is_declined_whatever_the_documents_say(mini_engine, question):
    answer = answer_of(mini_engine, AnswerRequest(question))
    assert not answer.found and answer.citations == [] and "不代写" in answer.summary


def test_a_question_about_what_the_documents_write_is_no_writing_request():
    from indexer.answer.declined import declined

    assert declined("2031年方案里写了哪些充电桩任务") is None and declined("老旧小区改造写进了哪一份文件") is None


def test_a_greeting_before_a_question_leaves_the_question():
    from indexer.answer.declined import TO_THE_TOOL

    assert not TO_THE_TOOL.search("你好，低空经济谁牵头")


def test_a_numbered_part_of_a_document_is_answered_with_the_items_under_its_heading(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年方案第一部分讲的是什么"))
    assert answer.found and answer.citations
    assert all(h.item.path and h.item.path[0].startswith("一、") for h in answer.citations)


def test_two_runs_of_a_topic_said_in_different_items_but_never_together_are_apart(mini_engine):
    from indexer.answer.grounding import apart
    from indexer.answer.model import Grounding
    from indexer.search.retrieve import Hit

    def held(word):
        return next(Hit(i, 1.0) for i in mini_engine.items if word in i.text)

    grounding = Grounding(("社区食堂", "算力中心"), ())
    question = "社区食堂里有多少个算力中心"
    hits = [held("社区食堂"), held("算力中心")]
    assert apart(mini_engine, "社区食堂 算力中心", grounding, hits, question) == ("社区食堂", "算力中心")
    assert apart(mini_engine, "社区食堂 算力中心", grounding, hits, "社区食堂和算力中心有多少个") == ()  # alternatives
    assert apart(mini_engine, "社区食堂 养老床位", Grounding(("社区食堂", "养老床位"), ()), hits, "x") == ()


def test_a_scheme_number_in_chinese_numerals_is_the_same_number():
    from indexer.answer.scope import numeral

    assert [numeral(n) for n in ("2", "二", "十", "十二", "二十三", "三四")] == [2, 2, 10, 12, 23, -1]


def test_two_documents_asked_each_the_same_thing_are_compared_side_by_side(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("概念验证中心，2030年方案和政府工作报告里分别是多少家"))
    cited = {h.item.id for h in answer.citations}
    assert answer.intent == Intent.COMPARE and answer.years == [2030, 2031]  # the report's year, not only 2030
    assert "2030-plan-二-1" in cited and any(i.startswith("2031-report") for i in cited)


def test_documents_named_outright_are_counted_once_each():
    from indexer.search.kinds import named_kinds
    from indexer.search.question import detect_intent

    assert named_kinds("2024年政府工作报告和2号建议案") == (DocKind.PROPOSAL, DocKind.REPORT)
    assert named_kinds("23年方案和2号建议案") == (DocKind.PROPOSAL, DocKind.PLAN)
    assert named_kinds("2025年政府工作报告目标任务分解方案") == (DocKind.PLAN,)  # the report is the plan's parent
    assert detect_intent("政府工作报告目标任务分解方案里分别由谁牵头", (), ()) != Intent.COMPARE
    assert detect_intent("政府工作报告和建议案里分别是怎么说的", (), ()) == Intent.COMPARE


def test_a_count_of_what_was_set_asks_the_plan_and_of_what_was_done_the_result():
    from indexer.answer.scope import asks_done

    assert asks_done("2023年办理了几件") and asks_done("去年开了多少家")
    assert not asks_done("断头路打通，2023年定了几条") and not asks_done("2023年安排了多少个")
    assert not asks_done("2023年定下了几个目标")


def test_how_far_the_work_has_got_with_no_year_is_a_result_of_now_which_no_document_reviews(mini_engine):
    now = answer_of(mini_engine, AnswerRequest("老旧小区改造现在进度怎么样了"))
    assert not now.found and now.citations == [] and "回顾" in now.summary
    then = answer_of(mini_engine, AnswerRequest("2030年老旧小区改造完成得怎么样"))
    assert then.found and [h.item.id for h in then.citations] == ["2031-report-p1"]


def test_two_documents_of_one_year_are_compared_with_each_other_not_with_another_year(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("低空经济，2031年分解方案和政府工作报告里分别怎么说"))
    cited = {h.item.id for h in answer.citations}
    assert answer.intent == Intent.COMPARE and answer.years == [2031]
    assert "2031-plan-二-2" in cited and any(i.startswith("2031-report") for i in cited)
    assert not any(i.startswith("2030") for i in cited) and "2031年责任分解方案" in answer.summary


def test_a_plan_named_through_its_report_is_no_report_missing(mini_engine):
    from indexer.answer.scope import named_absent

    assert named_absent(mini_engine, "2030年的政府工作报告分解方案里低空经济谁牵头") == ""
    assert "2030年" in named_absent(mini_engine, "2030年的政府工作报告里低空经济怎么说")


def test_a_units_items_with_only_the_named_units_beside_it(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("市发改委2031年牵头、配合方只有各区人民政府的任务"))
    assert [h.item.id for h in answer.citations] == ["2031-plan-一-1"]  # not 二-2, where 市数据局 is beside it
    assert "各区人民政府" in answer.summary


def test_a_person_asked_of_a_unit_is_not_answered_with_the_units_tasks(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("市数据局现在的局长叫什么名字"))
    assert not answer.found and answer.citations == [] and answer.lead_units == []  # the mini 市数据局 has tasks


def test_a_target_asked_by_its_quoted_figure_is_the_item_holding_it_not_the_framing(mini_engine):
    from indexer.answer import document_aspect

    q = mini_engine.understand("今年方案里带“8家”的那个目标是什么")
    answer = answer_of(mini_engine, AnswerRequest("今年方案里带“8家”的那个目标是什么"))
    assert document_aspect(mini_engine, q) is not None  # 目标 of 方案 alone would ask the framing
    assert answer.searched.get("literal") == ["“8家”"]
