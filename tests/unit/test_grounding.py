"""Grounding and constraints on the mini corpus: spelling rules, found:false naming what is missing,
unit + topic, a kind no document has, the summary by year. No model: the mini engine's hashing embedder."""

from __future__ import annotations

import pytest

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from indexer.answer.grounding import (
    asked_whether,
    by_conjunct,
    comparable,
    conjuncts,
    term_groups,
    unheld_attributes,
    variant,
)
from indexer.answer.model import Grounding
from indexer.answer.salience import asks_only_whether
from indexer.answer.spelling import spelled_in, split_in, variant_in
from indexer.answer.topic import OFF_TOPIC_P, cited_items
from indexer.present.serialise import answer_json
from indexer.search.retrieve import Hit


def test_a_term_is_spelled_exactly_through_the_glossary_or_as_a_close_variant():
    assert spelled_in("低空经济", "推动低空经济发展")
    assert spelled_in("新能源车", "推广新能源汽车充电桩")  # one character between
    assert not spelled_in("武汉新城", "建设军山新城")  # a different word sharing a part
    assert not spelled_in("生活性服务业", "发展生产性服务业")
    assert spelled_in("ai", "加快人工智能产业发展")  # vocabulary.tsv: ai → 人工智能


def test_a_variant_may_hold_a_figure_or_a_modifier_but_never_reaches_over_a_clause():
    assert variant_in("突破关键核心技术", "突破20项关键核心技术")  # a figure and its measure word
    assert not variant_in("突破关键核心技术", "突破一批重要的关键核心技术")  # five words are no variant
    assert not variant_in("新能源车", "新能源,汽车")  # a comma ends the phrase
    assert split_in("发挥作用", "发挥统筹抓总作用") and not split_in("发挥作用", "发挥统筹、抓总作用")
    assert not split_in("发挥作用", "发挥政府统筹抓总的作用")  # more than four characters between


def test_a_place_is_held_by_the_region_the_documents_name_but_never_alone():
    cooperation = "完善长江中游城市群四省会城市常态化会商机制"
    assert spelled_in("长沙", cooperation) and spelled_in("安徽", cooperation)  # places.tsv
    assert spelled_in("上海", "强化与京津冀、长三角、粤港澳大湾区等区域合作")
    assert not spelled_in("上海", "推进与长株潭、合肥、南昌都市圈联动发展")
    assert not spelled_in("成都", cooperation)


def test_the_items_phrase_in_a_runs_place_ends_at_punctuation():
    assert variant("低空经济", ("低空", "经济"), "开通低空航线,发展通用航空") == "低空航线"
    assert variant("都市田园综合体建设", ("都市", "田园"), "推进都市田园综合体,发展休闲农业") == "都市田园综合体"
    assert variant("农业产业化", ("产业化",), "强化科技兴农,推进产业化经营") == "推进产业化"
    assert variant("武汉新城", ("新城",), "建设军山新城") == "军山新城"
    assert variant("武汉新城", ("光谷",), "建设军山新城") is None


def test_a_term_no_document_uses_is_not_found_and_named(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("出租车起步价是多少"))
    assert not answer.found and answer.citations == [] and answer.lead_units == []
    assert "起步价" in answer.summary and "起步价" in answer.grounding.missing
    assert answer_json(answer)["grounding"]["missing"] == list(answer.grounding.missing)


def test_a_grounded_answer_lists_its_matched_terms(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("老旧小区改造谁牵头"))
    assert answer.found and answer.lead_units == ["市房管局"]
    assert answer.grounding.missing == ()


def test_a_unit_asked_about_a_topic_it_has_no_task_in_is_not_found(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年市房管局牵头哪些人工智能方面的任务"))
    assert not answer.found and answer.citations == []
    assert "市房管局" in answer.summary and "人工智能" in answer.summary


def test_words_no_document_uses_beside_a_unit_say_how_it_is_asked_not_what_about(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年市房管局手头的活不管牵头配合都列出来"))
    assert answer.found and answer.citations
    assert any("手头" in note for note in answer.notes)


def test_a_unit_and_a_topic_it_has_keep_only_the_items_on_the_topic(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年市数据局牵头哪些人工智能方面的任务"))
    assert answer.found and answer.citations
    assert all("人工智能" in h.item.text for h in answer.citations)


def test_a_user_kind_filter_no_document_meets_is_strict(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("低空经济谁负责", years=(2030,), kinds=("report",)))
    assert not answer.found and answer.citations == []
    assert "现有文件" in answer.summary


def test_the_unit_summary_goes_year_by_year(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("哪些单位负责低空经济"))
    years = sorted({h.item.year for h in answer.citations if h.item.units}, reverse=True)
    assert answer.found and years
    assert answer.summary.startswith(f"{years[0]}年：牵头")


def test_a_question_with_nothing_to_search_for_is_not_found(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年哪些单位牵头"))
    assert not answer.found and answer.citations == [] and "没有可以查找的内容" in answer.summary


def test_a_unit_filter_keeps_only_items_naming_the_unit(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("低空经济谁负责", units=("数据局",)))
    assert answer.found and answer.citations
    assert all("市数据局" in h.item.units for h in answer.citations)


@pytest.mark.parametrize("question", ["2031年政府工作报告的主题是什么", "2031年政府工作报告是以什么身份作的"])
def test_a_question_about_a_document_is_answered_from_its_framing_paragraphs(mini_engine, question):
    answer = answer_of(mini_engine, AnswerRequest(question))
    opening = next(i for i in mini_engine.items if i.doc_id == answer.citations[0].item.doc_id and i.number is None)
    assert answer.found and answer.citations[0].item == opening and answer.citations[0].item.year == 2031
    assert opening.text[:10] in answer.summary


def test_terms_joined_by_a_conjunction_are_grounded_one_conjunct_at_a_time(mini_engine):
    parts = conjuncts(mini_engine, "图书馆新馆和城市书房建设谁来干")
    assert len(parts) == 2 and "新馆" in parts[0] and "书房" in parts[1]
    assert by_conjunct({"图书馆", "新馆", "书房"}, parts) == [{"图书馆", "新馆"}, {"书房"}]
    assert by_conjunct({"图书馆", "新馆"}, parts) == [{"图书馆", "新馆"}]  # one conjunct: the group whole
    assert conjuncts(mini_engine, "社会和谐稳定") == ["社会和谐稳定"]  # 和 inside a word joins nothing


def test_an_attribute_no_hit_holds_is_named_and_refuses():
    assert unheld_attributes(Grounding(("出租车",), ("起步价",))) == ("起步价",)
    assert unheld_attributes(Grounding(("停车位",), ("收费", "天气"))) == ("收费", "天气")
    assert unheld_attributes(Grounding(("快速化改造",), ("主线", "限速"))) == ("限速",)
    assert unheld_attributes(Grounding(("冷链", "设施"), ("总库容",))) == ("总库容",)
    assert unheld_attributes(Grounding(("立交", "改造"), ("工期",))) == ("工期",)
    assert unheld_attributes(Grounding(("图书馆",), ("书房",))) == ()
    assert unheld_attributes(Grounding(("充电桩",), ("额定功率",))) == ("额定功率",)  # a specification
    assert unheld_attributes(Grounding(("码头",), ("日均客流量", "建设"))) == ("日均客流量",)
    assert unheld_attributes(Grounding(("护理员",), ("工资",))) == ("工资",)


def test_a_topic_of_only_negations_is_searched_with_the_whole_question(mini_engine):
    assert asks_only_whether(mini_engine, "没有")
    assert not asks_only_whether(mini_engine, "低空经济 没有")


def test_an_item_off_the_topic_is_cited_beside_items_on_it_only_when_the_judge_is_surer(mini_engine):
    on, near, sure = (Hit(item, 1.0) for item in mini_engine.items[:3])
    p = {on.item.id: 0.9, near.item.id: OFF_TOPIC_P / 2, sure.item.id: OFF_TOPIC_P}
    assert cited_items([on, near, sure], {on.item.id}, p) == [on, sure]
    assert cited_items([near, sure], set(), p) == [near, sure]  # nothing on the topic: the judge's choice


def test_a_four_character_term_may_carry_a_short_modifier_between_its_words():
    assert spelled_in("发挥作用", "各牵头单位要切实发挥统筹抓总作用,提高站位")
    assert not spelled_in("发挥作用", "发挥优势,形成合力的作用")  # not across a clause
    assert not spelled_in("发挥作用", "发挥了政府投资在稳增长中的带动作用")  # too far apart


def test_a_removed_question_word_parts_the_topics_runs(mini_engine):
    from indexer.answer.salience import phrases

    runs = [run for run, _ in phrases(mini_engine, "新增 托育 托位")]
    assert not any("托育" in run and "托位" in run for run in runs)  # 多少家托育机构、多少个托位: two things


def test_asked_who_is_responsible_a_paragraph_naming_no_unit_is_not_cited_beside_items_that_do(mini_engine):
    from indexer.answer.topic import with_units

    named = [Hit(i, 1.0) for i in mini_engine.items if i.lead_units or i.responsible_units][:2]
    bare = [Hit(i, 1.0) for i in mini_engine.items if not (i.lead_units or i.responsible_units)][:1]
    assert named and bare
    assert with_units([bare[0], *named]) == named
    assert with_units(bare) == bare  # nothing names units: the paragraphs stand


def test_another_city_missing_from_the_hits_is_never_answered_by_wuhans_documents():
    from indexer.answer.grounding import unheld_attributes
    from indexer.answer.model import Grounding

    assert unheld_attributes(Grounding(("生产总值",), ("北京市",))) == ("北京市",)
    assert unheld_attributes(Grounding(("招商",), ("周边城市",))) == ()


def test_a_run_that_asks_a_detail_is_no_topic_an_item_can_hold_alone(mini_engine):
    from indexer.answer.grounding import term_groups
    from indexer.answer.salience import phrases

    topic = "公共数据授权运营 总投资"
    runs = [run for run, _ in phrases(mini_engine, topic)]
    assert len(runs) == 2  # the question word parts them: two groups, either of which would do
    terms = tuple(w for _, words in phrases(mini_engine, topic) for w in words)
    alone = term_groups(mini_engine, topic, terms)
    asked = term_groups(mini_engine, topic, terms, asking=("总投资是多少",))
    assert len(alone) == 2 and len(asked) == 1 and not any("投资" in t for t in asked[0])
    assert term_groups(mini_engine, "总投资", ("投资",), asking=("总投资是多少",)) == [{"投资"}]  # nothing else


def test_a_years_aim_asked_is_not_answered_by_another_years_result(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2031年老旧小区改造的目标是多少"))
    assert not answer.found and answer.citations == []
    assert "2031年" in answer.summary and answer.related


def test_the_words_that_ask_a_detail_are_no_topic_a_clause_must_name():
    from indexer.answer.topic import topic_words

    grounding = Grounding(("公交", "地铁", "免费"), ())
    assert topic_words(grounding, "老人坐公交地铁免费吗") == ("公交", "地铁")
    names = Grounding(("生产性服务业", "12个重点行业"), ())
    assert topic_words(names, "生产性服务业的12个重点行业是哪些") == names.matched  # names asked hold the topic


def test_a_figure_inside_a_phrase_keeps_it_spelled():
    assert spelled_in("突破关键核心技术", "力争突破20项关键核心技术")
    assert not spelled_in("突破关键核心技术", "突破一批卡脖子难题,攻关核心技术")


def test_a_document_kind_named_is_no_topic_term(mini_engine):
    from indexer.answer.salience import salient_terms

    assert "报告" not in salient_terms(mini_engine, "报告 突破关键核心技术")


def test_a_word_inside_the_words_that_ask_is_no_topic_word(mini_engine):
    # 哪家公司 asks a company: an item naming some 上市公司 is not on the topic for holding 公司
    terms = ("公司", "开通")
    asked = term_groups(mini_engine, "公司开通", terms, "低空航线是哪家公司开通的", ("哪家公司",))
    assert asked == [{"开通"}]
    assert term_groups(mini_engine, "公司开通", terms, "低空航线是哪家公司开通的") == [{"公司", "开通"}]


def test_pronouns_and_place_words_no_document_uses_are_no_terms(mini_engine):
    from indexer.answer.salience import salient_terms

    assert salient_terms(mini_engine, "这种 起步价 手上") == ("起步价",)  # a noun no document uses stays
    assert salient_terms(mini_engine, "起步价 达到 效果") == ("起步价",)  # the effect asked is an aspect, like 成效


def test_a_modal_glued_to_a_verb_no_document_uses_is_no_term(mini_engine):
    from indexer.answer.salience import salient_terms

    assert "要建" not in salient_terms(mini_engine, "之间要建 起步价")


def test_where_to_reach_a_thing_and_rules_no_document_sets_are_attributes():
    assert unheld_attributes(Grounding(("产业链全景图",), ("网站", "下载"))) == ("网站",)
    assert unheld_attributes(Grounding(("新能源汽车",), ("摇号",))) == ("摇号",)
    assert unheld_attributes(Grounding(("生产总值",), ("长沙地区",))) == ("长沙地区",)  # GDP → 地区生产总值 glued on


def test_a_count_of_a_thing_the_documents_name_is_grounded_on_the_thing(mini_engine):
    from indexer.answer.salience import counted

    assert counted(mini_engine, "充电桩数") == "充电桩"
    assert counted(mini_engine, "起步价") == "起步价"  # no count suffix: the word stays


def test_only_phrases_near_the_runs_length_and_sharing_a_third_of_it_are_compared():
    assert comparable("低空经济", "低空航线")
    assert not comparable("总部经济", "总部")  # much shorter than the run
    assert not comparable("五大优势产业规模目标", "色化布局目标")  # shares two of ten characters


def test_a_yes_no_question_asks_whether_its_thing_is_there_which_no_cited_item_holds():
    grounding = Grounding(matched=("直播电商",), missing=("主播", "补助"))
    assert asked_whether(grounding, "直播电商集聚区里的主播有没有补助") == ("补助",)
    assert asked_whether(Grounding(matched=("书房",), missing=("闭馆",)), "城市书房周一闭馆吗？") == ("闭馆",)
    assert asked_whether(grounding, "直播电商集聚区的主播补助是多少") == ()  # no yes/no word
    assert asked_whether(Grounding(matched=(), missing=("建委",)), "牵头的是卫建委吗") == ()  # which one, not whether


def test_an_alternative_listed_beside_one_the_year_holds_does_not_make_the_year_absent(mini_engine):
    """城中村、老旧小区: 2031's plan holds the first; the second only in 2030's is another thing listed, not a part
    of the topic the year lacks."""
    answer = answer_of(mini_engine, AnswerRequest("2031年城中村、老旧小区改造谁负责"))
    assert answer.found and "2031-plan-二-5" in [h.item.id for h in answer.citations]


def test_whether_a_unit_is_among_a_topics_units_is_asked_of_its_items(mini_engine):
    absent = answer_of(mini_engine, AnswerRequest("2031年无人机起降点那条，市住房和城市更新局算不算责任单位"))
    assert not absent.found and absent.citations == [] and "市住房和城市更新局" in absent.summary
    there = answer_of(mini_engine, AnswerRequest("2031年无人机起降点那条，市数据局算不算责任单位"))
    assert there.found and [h.item.id for h in there.citations] == ["2031-plan-二-2"]


def test_an_attribute_glued_inside_the_topic_is_grounded_all_the_same(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("无人机起降点建好以后运维人员年薪大概多少"))
    assert not answer.found and "年薪" in answer.grounding.missing
