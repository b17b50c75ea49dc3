"""Issue #22's examples on the real corpus and model: found only when the documents say it."""

from __future__ import annotations

import pytest

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of


@pytest.mark.parametrize(
    "question",
    [
        "最低工资标准调整到多少",
        "武汉明天天气怎么样",
        "武汉出租车起步价是多少",
        "共享单车乱停放归哪个部门管",
        "武汉房价限购政策",
        "公积金贷款额度是多少",
    ],
)
def test_near_domain_questions_are_not_found(engine, question):
    answer = answer_of(engine, AnswerRequest(question))
    assert not answer.found and answer.citations == [] and answer.lead_units == []
    assert len(answer.related) <= 3


def test_a_found_false_names_what_is_missing(engine):
    answer = answer_of(engine, AnswerRequest("公积金贷款额度是多少"))
    assert "公积金" in answer.grounding.missing and "没有提到“公积金”" in answer.summary


def test_unit_and_topic_hold_at_once(engine):
    answer = answer_of(engine, AnswerRequest("2025年市教育局牵头负责哪些低空经济方面的任务"))
    assert not answer.found and "市教育局" in answer.summary and "低空经济" in answer.summary
    aid = answer_of(engine, AnswerRequest("市民宗委在对口援疆工作中承担哪些任务"))
    assert not any("援藏" in h.item.text and "援疆" not in h.item.text for h in aid.citations)


def test_a_document_that_does_not_exist_is_named_absent(engine):
    answer = answer_of(engine, AnswerRequest("2023年市政协建议案办理工作方案有哪些任务"))
    assert not answer.found and answer.citations == [] and "现有文件" in answer.summary


def test_summary_by_year_labels_renames(engine):
    answer = answer_of(engine, AnswerRequest("哪些单位负责数字经济"))
    assert answer.summary.startswith("2025年：牵头") and "2023年：牵头" in answer.summary
    assert "市政务服务大数据局（现" in answer.summary or "市政务服务大数据局" not in answer.summary


@pytest.mark.parametrize(
    "question, near, other",
    [("武汉新城建设谁负责", "武汉新城", "军山新城"), ("生活性服务业由哪些单位负责", "生活性服务业", "生产性服务业")],
)
def test_unit_lists_come_only_from_items_on_the_topic(engine, question, near, other):
    answer = answer_of(engine, AnswerRequest(question))
    basis = [engine.item(i) for i in answer.basis_ids]
    assert answer.found and basis and all(near in " ".join([*i.path, i.text]) for i in basis)
    assert not any(other in i.text and near not in i.text for i in basis)


def test_an_attribute_no_document_states_is_named_missing(engine):
    answer = answer_of(engine, AnswerRequest("武汉出租车起步价是多少"))
    assert not answer.found and "起步价" in answer.summary and "出租车" in answer.grounding.matched


def test_an_item_on_one_conjunct_gives_the_units(engine):
    answer = answer_of(engine, AnswerRequest("城市书房与武汉图书馆新馆由哪个单位牵头"))
    assert answer.found and "市文旅局" in answer.lead_units


@pytest.mark.parametrize(
    ("question", "detail", "said"),
    [
        ("二七过江通道哪天建成？", "day", "没有写明具体日期或钟点"),
        ("二七过江通道什么时候建成？", "time", "没有写明时间"),
        ("15个城市书房的建设资金是多少钱", "money", "没有写明金额"),
    ],
)
def test_a_detail_no_item_on_the_topic_states_is_not_found(engine, question, detail, said):
    answer = answer_of(engine, AnswerRequest(question))
    assert not answer.found and answer.citations == [] and answer.lead_units == []
    assert [str(d) for d in answer.grounding.unstated] == [detail] and said in answer.summary


@pytest.mark.parametrize(
    ("question", "cited"),
    [
        ("2号建议案办理落实阶段是什么时间", "2025-proposal-三-p2"),
        ("2023年充电桩要建多少个", "2023-plan-二-142"),
    ],
)
def test_a_detail_an_item_states_is_answered(engine, question, cited):
    answer = answer_of(engine, AnswerRequest(question))
    assert answer.found and cited in [h.item.id for h in answer.citations[:3]]


def test_a_result_for_a_year_no_report_reviews_is_not_found(engine):
    answer = answer_of(engine, AnswerRequest("2025年城镇新增就业实际完成了多少"))
    assert not answer.found and answer.citations == [] and "回顾2023年" in answer.summary


def test_a_numbered_scheme_that_does_not_exist_is_named_absent(engine):
    answer = answer_of(engine, AnswerRequest("3号建议案由谁牵头"))
    assert not answer.found and "没有3号建议案" in answer.summary
    assert answer_of(engine, AnswerRequest("2号建议案由谁牵头")).found


def test_a_topic_only_other_years_hold_names_them(engine):
    answer = answer_of(engine, AnswerRequest("2025年老旧小区改造谁牵头"))
    assert not answer.found and answer.lead_units == []
    assert "2025年的文件没有提到" in answer.summary and "2023年责任分解方案" in answer.summary


def test_a_part_of_a_document_narrows_a_units_items(engine):
    welfare = answer_of(engine, AnswerRequest("市民政局2023年负责哪些民生实事"))
    assert welfare.found and all(h.item.id.startswith("2023-plan-四-") for h in welfare.citations)
    assert not answer_of(engine, AnswerRequest("市民宗委2023年牵头哪些民生实事")).found


def test_a_document_named_by_year_and_kind_that_does_not_exist_is_named_absent(engine):
    answer = answer_of(engine, AnswerRequest("2025年的政府工作报告对新增就业怎么说"))
    assert not answer.found and "没有2025年政府工作报告" in answer.summary
    plan = answer_of(engine, AnswerRequest("2023年政府工作报告目标任务责任分解中新增消防站由谁负责"))
    assert plan.found  # the 2023 plan, named through the report it breaks down


def test_names_beyond_those_the_question_gives_are_not_in_the_documents(engine):
    answer = answer_of(engine, AnswerRequest("华工正源一期之外，武汉新城中轴线的标志性项目还有哪些？"))
    assert not answer.found and [str(d) for d in answer.grounding.unstated] == ["names"]


def test_a_plan_year_compares_with_a_report_year_by_items_not_units(engine):
    answer = answer_of(engine, AnswerRequest("充电桩建设目标，2023年方案和2024年报告各是多少个？"))
    kinds = {h.item.year: h.item.doc_kind for h in answer.citations}
    assert answer.found and kinds.get(2024) == "report" and kinds.get(2023) == "plan"
    assert answer.comparison is not None and answer.comparison.dropped == () and "不列单位" in answer.summary


def test_an_enumerated_topic_beside_a_unit_takes_either_part(engine):
    answer = answer_of(engine, AnswerRequest("2025年市交通运输局在高铁、高速公路这些交通项目上承担了哪些任务？"))
    assert answer.found and answer.citations
    assert all(("高铁" in h.item.text or "高速公路" in h.item.text) for h in answer.citations)


def test_units_asked_of_a_report_are_not_in_it(engine):
    answer = answer_of(engine, AnswerRequest("2024年政府工作报告里建设城市书房由哪个部门牵头？"))
    assert not answer.found and answer.lead_units == [] and "不列牵头单位" in answer.summary


def test_a_units_only_task_is_found_when_the_question_names_no_topic(engine):
    answer = answer_of(engine, AnswerRequest("2025年市检察院参与了哪项任务？"))
    assert answer.found and answer.citations


def test_how_progress_is_reported_is_not_a_result_asked(engine):
    answer = answer_of(engine, AnswerRequest("2025年各牵头单位每季度报送完成情况时用哪个附表？"))
    assert answer.found and "回顾" not in answer.summary


def test_a_notice_states_who_leads_when_no_unit_is_named(engine):
    answer = answer_of(engine, AnswerRequest("2023年印发通知说，没写牵头单位的任务由谁来牵头？"))
    assert answer.found and "不列牵头单位" not in answer.summary


def test_a_mixed_english_question_is_answered_by_its_chinese(engine):
    answer = answer_of(engine, AnswerRequest("Which bureau leads the 长江十年禁渔 work in 2023?"))
    assert answer.found and "市农业农村局" in answer.lead_units


def test_a_notices_numbered_points_are_its_requirements(engine):
    answer = answer_of(engine, AnswerRequest("2023年的通知提出了哪几方面的要求"))
    cited = {h.item.id.split(".")[0] for h in answer.citations}
    assert answer.found and {"2023-plan-notice-p2", "2023-plan-notice-p3", "2023-plan-notice-p4"} <= cited


def test_an_enumeration_that_lists_the_topic_beside_its_siblings_names_none_of_its_members(engine):
    answer = answer_of(engine, AnswerRequest("武汉十大名点分别是哪几种点心"))
    assert not answer.found and "names" in [str(d) for d in answer.grounding.unstated]


def test_a_units_item_the_corpus_ranks_first_for_the_topic_is_on_it_in_other_words(engine):
    answer = answer_of(engine, AnswerRequest("住更局今年在促消费方面参与哪些任务？"))
    cited = [h.item.id for h in answer.citations]
    assert answer.found and "2025-plan-二-3" in cited  # 促消费活动, said
    assert "2025-plan-二-2" in cited  # 传统消费提升行动: the topic in other words


def test_a_units_items_none_of_whose_words_match_are_on_the_topic_when_the_corpus_ranks_them_first(engine):
    answer = answer_of(engine, AnswerRequest("2025年市交通运输局在航空运输方面负责哪些任务？"))
    cited = {h.item.id for h in answer.citations}
    assert answer.found and {"2025-plan-二-52", "2025-plan-二-99"} <= cited
    assert not answer_of(engine, AnswerRequest("市公安局的罚单怎么交")).found  # a fee asked: no item states one


def test_asked_a_figure_the_items_that_state_it_are_cited_not_those_beside_them(engine):
    answer = answer_of(engine, AnswerRequest("2025年固定资产投资增长目标是多少？"))
    assert answer.found and [h.item.id for h in answer.citations] == ["2025-plan-二-12"]


def test_a_years_plan_asked_is_answered_from_that_plan_not_the_report_looking_back(engine):
    answer = answer_of(engine, AnswerRequest("2023年计划整理多少平方公里工业净地"))
    assert answer.found and {h.item.doc_id for h in answer.citations} == {"2023-plan"}
    looking_back = answer_of(engine, AnswerRequest("2023年实际整理了多少平方公里工业净地"))
    assert any(h.item.doc_id == "2024-report" for h in looking_back.citations)


def test_a_documents_title_words_beside_a_unit_name_the_document_not_a_topic(engine):
    answer = answer_of(engine, AnswerRequest("武汉投控集团在2号建议案办理中承担了哪些工作？"))
    assert answer.found and answer.citations
    assert all(h.item.doc_id == "2025-proposal" for h in answer.citations)


def test_a_units_tasks_compared_across_years_are_its_items_of_each_year_under_each_name(engine):
    answer = answer_of(engine, AnswerRequest("市数据局2023年和2025年的任务有什么不同"))
    assert answer.found and {h.item.year for h in answer.citations} == {2023, 2025}
    names = {u for h in answer.citations for u in h.item.units}
    assert {"市数据局", "市政务服务大数据局"} <= names


def test_a_units_figure_is_answered_only_by_an_item_that_names_the_unit(engine):
    answer = answer_of(engine, AnswerRequest("数据局今年的预算是多少"))
    assert not answer.found and "市数据局" in answer.summary
    named = answer_of(engine, AnswerRequest("市交通运输局的低空航线目标是多少"))
    assert named.found and "市交通运输局" in named.citations[0].item.units


def test_a_reports_review_answers_for_the_year_it_reviews_and_its_plan_for_its_own_year(engine):
    plan = answer_of(engine, AnswerRequest("2024年数字经济规模占地区生产总值比重要达到多少？"))
    assert plan.found and {h.item.id.split(".")[0] for h in plan.citations} == {"2024-report-p28"}
    review = answer_of(engine, AnswerRequest("2023年武汉地区生产总值增长了多少"))
    assert review.found and review.summary.startswith("2023年")


def test_the_unit_lists_follow_from_the_items_cited(engine):
    answer = answer_of(engine, AnswerRequest("老字号振兴工作由哪些部门负责"))
    assert answer.found and "市商务局" in answer.lead_units
    assert set(answer.lead_units) <= {u for h in answer.citations for u in h.item.lead_units}


def test_a_rename_said_in_the_question_is_no_topic(engine):
    answer = answer_of(engine, AnswerRequest("市城投公司在2023年和改名后的市城投集团在2025年各承担哪些任务"))
    assert answer.found and {h.item.year for h in answer.citations} == {2023, 2025}


def test_a_compound_held_whole_only_in_another_year_is_absent_from_the_year_asked(engine):
    answer = answer_of(engine, AnswerRequest("数据资产化工作2023年是哪个单位牵头的"))
    assert not answer.found and "数据资产" in answer.summary and "2025年" in answer.summary
    now = answer_of(engine, AnswerRequest("数据资产化工作2025年是哪个单位牵头的"))
    assert now.found and "市数据局" in now.lead_units


def test_a_who_question_cites_the_items_that_name_units(engine):
    answer = answer_of(engine, AnswerRequest("哪些单位负责低空经济？"))
    assert answer.found and answer.citations
    assert all(h.item.lead_units or h.item.responsible_units for h in answer.citations)


def test_each_of_two_things_asked_apart_is_cited_from_its_own_item(engine):
    answer = answer_of(engine, AnswerRequest("前年新增上市公司和专精特新小巨人分别定了多少"))
    assert answer.found and {"2023-plan-二-22", "2023-plan-二-23"} <= {h.item.id for h in answer.citations}
    joined = answer_of(engine, AnswerRequest("中碳登和重点流域横向补偿这两件绿色的事，25年分别谁挑头"))
    assert {"2025-plan-二-61", "2025-plan-二-94"} <= {h.item.id for h in joined.citations}


def test_a_kind_added_to_the_rest_does_not_narrow_a_units_items(engine):
    answer = answer_of(engine, AnswerRequest("人社局25年给别家打下手、自己不挑头的条目有哪些，建议案那份也算上"))
    kinds = {h.item.id.split("-")[1] for h in answer.citations}
    assert {"plan", "proposal"} <= kinds


def test_units_that_point_at_an_item_find_it_and_its_whole_list(engine):
    answer = answer_of(engine, AnswerRequest("武汉城发集团也挂在上面的那条交通任务，除了交通运输局还有哪些单位"))
    assert answer.found and [h.item.id for h in answer.citations] == ["2025-plan-二-92"]
    assert answer.lead_units == ["市交通运输局"] and "黄陂区人民政府" in answer.responsible_units


def test_where_a_task_sits_is_answered_with_its_headings(engine):
    result = answer_of(engine, AnswerRequest("实现5G网络村村通那条，23年分解方案放在哪一节"))
    assert result.found and result.citations[0].item.id == "2023-plan-二-182"
    assert any("扎实推进乡村建设" in note for note in result.notes)  # the heading under (八), in words


def test_two_figures_given_apart_are_cited_and_computed(engine):
    result = answer_of(engine, AnswerRequest("2023年配置AED的台数是新增急救站数量的几倍"))
    assert result.found and [h.item.id for h in result.citations] == ["2023-plan-四-23", "2023-plan-四-24"]
    assert "800台 ÷ 10个 = 80" in result.summary


def test_an_operand_with_no_figure_makes_the_ratio_not_found(engine):
    result = answer_of(engine, AnswerRequest("2023年新增急救站数量是全市救护车司机人数的几倍"))
    assert not result.found and not result.citations and "全市救护车司机人数" in result.summary
