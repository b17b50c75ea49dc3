"""A count the question names its set by (244项重大项目) must be held by the item that answers it."""

from __future__ import annotations

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from indexer.answer.counts import asked_counts, holds_count


def test_a_count_before_the_thing_counted_names_the_set():
    assert asked_counts("武汉都市圈244项重大项目具体有哪些") == ("244项",)
    assert asked_counts("2024年启动建设的10万亩国家储备林主要种什么树") == ("10万亩",)
    assert asked_counts("组织企业出境参展600家次，一家企业跑三个展按三次计吗") == ("600家",)


def test_years_rates_names_and_bare_figures_name_no_set():
    assert asked_counts("2023年新建了多少个公园") == ()
    assert asked_counts("其中4050人员有多少") == ()
    assert asked_counts("优良率要达到62.4%吗") == ()


def test_a_figure_the_question_checks_is_answered_by_the_true_one():
    assert asked_counts("建议案是不是说要建30家中试平台？我记得是这个数") == ()
    assert asked_counts("新建30家中试平台，对吗") == ()


def test_an_item_holds_the_count_as_the_same_digits_or_a_small_numeral():
    assert holds_count("扎实推进244项重大项目和十大重点工程", ("244项",))
    assert holds_count("新建中试平台30个", ("30家",))
    assert not holds_count("打造300家首店", ("30家",)) and not holds_count("新建30.5公里", ("30公里",))
    assert holds_count("提档升级汉正街等三个特色街区", ("3个",)) and holds_count("提档升级3个特色街区", ("3个",))
    assert not holds_count("提档升级十三个特色街区", ("3个",))
    assert not holds_count("修缮改造延庆里、民众乐园等4处特色里份", ("4个",))


def test_an_item_with_another_count_is_no_answer_for_the_set_asked_about(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("那300个老旧小区改造由哪个单位牵头"))
    assert not answer.found and answer.citations == [] and answer.lead_units == []
    assert "“300个”" in answer.summary


def test_the_item_holding_the_count_is_the_answer(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("那200个老旧小区改造由哪个单位牵头"))
    assert answer.found and all("200个" in c.item.text for c in answer.citations)


def test_a_count_the_asker_only_remembers_names_no_set():
    assert asked_counts("新增上市企业今年定的是10家吧") == ()
    assert asked_counts("我印象里是新增30家中试平台") == ()
    assert asked_counts("规上高企 今年目标 3000家对唔对") == ()
