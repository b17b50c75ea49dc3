"""A word or figure asked as written: every item holding it in its own words, or "not found" naming it."""

from __future__ import annotations

import pytest

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from indexer.answer.literal_asks import asked_literals


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("建议案中带“试点”两个字的工作是哪几项？", ["“试点”"]),
        ("“总部”这个词出现在哪几条任务", ["“总部”"]),
        ("哪些地方提到了“高质量”？", ["“高质量”"]),
        ("今年哪几个目标的数字是50家或50个？", ["“50家”", "“50个”"]),
        ("目标数是1000的 今年有几个", ["“1000”"]),
        ("“8家”这个数对应哪些事", ["“8家”"]),
        ("建议案定的指标里，按“家”来计数的有哪些？", ["以“家”计数的数字"]),
        ("方案里拿“台”当计量单位的几件事", ["以“台”计数的数字"]),
        ("数量写成“X座”的有哪些", ["以“座”计数的数字"]),
        ("方案里用“推动”两个字打头的几条", ["以“推动”开头"]),
        ("建议案里“高地”一词出现了几次？", ["“高地”"]),
        ("建议案里讲“供给”的地方，一处指技术供给，另一处指什么？", ["“供给”"]),
        ("规模增长写成“15%以上”的是哪几个产业", ["“15%以上”"]),  # a rate quoted as written is a figure too
        ("“超600家(次)”是今年哪件事的指标", ["“超600家(次)”"]),  # bounded and counted twice, as the plan writes it
        ("“有力有序有效推进”这句话，两份通知都有吗", ["“有力有序有效推进”"]),
    ],
)
def test_a_word_or_figure_asked_as_written_is_read_as_a_literal(question, shown):
    assert [lit.shown for lit in asked_literals(question)] == shown


@pytest.mark.parametrize(
    "question",
    [
        "“965”产业集群具体是指哪些产业？",  # a quoted name, not a figure asked
        "去年报告提到的“四下基层”，具体是哪四个下基层？",  # described, then its content asked
        "“无废城市”建设今年谁牵头",
        "人社局23年在“重点工作”这一大部分里带头负责哪几条？",  # 带头 is no 带“…”
    ],
)
def test_a_quoted_name_asked_about_is_no_literal(question):
    assert asked_literals(question) == ()


def test_a_figure_never_matches_inside_a_larger_number_or_a_date():
    (five,) = asked_literals("“5家”这个数出现在哪")
    assert five.pattern.search("建设概念验证中心5家以上") and not five.pattern.search("建设概念验证中心15家")
    (twenty,) = asked_literals("带“20”的指标有几项")
    assert twenty.pattern.search("部署20个垂直行业") and not twenty.pattern.search("每季度第1个月的20日前报送")
    assert not twenty.pattern.search("2025年")


def test_every_item_holding_the_word_in_its_own_text_is_listed_not_its_unit_clause(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2031年方案里带“数据”两个字的任务有哪几条"))
    ids = [h.item.id for h in answer.citations]
    assert answer.found and "数据" in answer.summary
    assert any("数据要素" in h.item.text for h in answer.citations)
    assert not any("无人机" in mini_engine.item(i).text for i in ids)  # 市数据局 is only in its unit clause
    assert answer.lead_units and all(
        u in {x for h in answer.citations for x in h.item.units} for u in answer.lead_units
    )


def test_a_word_asked_how_often_is_listed_and_a_figure_of_its_topic_is_not(mini_engine):
    counted = answer_of(mini_engine, AnswerRequest("2031年方案里数据要素这个词出现在几处"))
    assert counted.found and all("数据要素" in h.item.text for h in counted.citations)
    figure = answer_of(mini_engine, AnswerRequest("数据要素这个说法，交易额定的多少"))
    assert not (figure.found and "原文中含" in figure.summary)  # a figure of the topic, not a scan for the word


def test_a_figure_is_found_as_written_and_not_inside_another(mini_engine):
    fifty = answer_of(mini_engine, AnswerRequest("目标数是50个的是哪条"))
    assert fifty.found and all("50个" in h.item.text for h in fifty.citations)
    five = answer_of(mini_engine, AnswerRequest("“5家”这个数出现在哪几条"))
    assert not any("15家" in h.item.text and "5家" not in h.item.text.replace("15家", "") for h in five.citations)


def test_a_word_no_document_holds_is_not_found_and_named(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("带“共享单车”字样的任务有哪些"))
    assert not answer.found and answer.citations == [] and answer.lead_units == []
    assert "“共享单车”" in answer.summary and answer.summary.startswith("没有找到")


def test_asked_of_a_unit_only_its_items_in_the_role_asked_count(mini_engine):
    led = answer_of(mini_engine, AnswerRequest("市数据局牵头的任务里带“数据”两个字的是哪几条"))
    assert led.found and all("市数据局" in h.item.lead_units for h in led.citations)
    none = answer_of(mini_engine, AnswerRequest("市数据局牵头的任务里带“无人机”的是哪几条"))
    assert not none.found and "市数据局" in none.summary and "“无人机”" in none.summary


def test_a_unit_alone_gets_only_the_items_naming_no_other_unit(mini_engine):
    alone = answer_of(mini_engine, AnswerRequest("市数据局2031年一家负责、没写别的单位的任务有哪些"))
    assert alone.found and all(h.item.units == ("市数据局",) for h in alone.citations)
    assert "单独负责" in alone.summary
    everything = answer_of(mini_engine, AnswerRequest("市数据局2031年的任务有哪些"))
    assert len(everything.citations) > len(alone.citations)
    led = answer_of(mini_engine, AnswerRequest("2031年市发改委单独牵头的是哪几条"))
    assert all(h.item.lead_units == ("市发改委",) for h in led.citations)


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("报告里1020、917、464这三个数分别指什么", ["“1020”", "“917”", "“464”"]),
        ("185亿个和2.1万家在报告回顾里指的是什么", ["“185亿个”", "“2.1万家”"]),
        ("去年报告里的29个和23个，分别是哪两类技术攻关", ["“29个”", "“23个”"]),
        ("3.2万亿元在报告里指的是什么", ["“3.2万亿元”"]),  # 万亿 is one scale
        ("报告里新增512家说的是什么企业", ["“512家”"]),  # the verb it is said with
        ("640公里、12.5万个，报告开头这两个数分别是啥", ["“640公里”", "“12.5万个”"]),
        ("23年方案 30万人次 是啥指标", ["“30万人次”"]),  # where it is said, typed apart
    ],
)
def test_figures_asked_what_they_are_are_read_as_written(question, shown):
    assert [lit.shown for lit in asked_literals(question)] == shown


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("报告里两处提到70个，一个是示范村，另一个呢", ["“70个”"]),  # said more than once
        ("有两个8%，一个管投资，另一个管什么", ["“8%”"]),
        ("表里既有13个又有80个，各落在哪些事上", ["“13个”", "“80个”"]),
        ("哪几项定的是15个", ["“15个”"]),  # set as a target
        ("方案里数字是七个的是哪条", ["“7个”"]),  # a spoken figure in digits
        ("清单上整一百个的指标有哪些", ["“100个”"]),
        ("报告里一百五十处以上的两件事", ["“150处以上”"]),  # asked as the things it counts
        ("清单里‘1000家’对应的是哪两项", ["“1000家”"]),  # single quotes
        ("方案里点到“长江”的都是些什么事", ["“长江”"]),  # a word after the verb that points at it
        ("写了“合作”两字的有哪些", ["“合作”"]),
        ("跟“大学”有关的字眼出现在哪几条", ["“大学”"]),
        ("Where does the word 光电子 show up in the plan?", ["“光电子”"]),
        ("24年报告两处提到集成电路，分别放在什么语境下", ["“集成电路”"]),  # said unquoted, asked how often
        ("阳逻在去年报告里被点了两次，一次讲港口，一次讲什么", ["“阳逻”"]),
        ("报告说到元宇宙的地方有几个？", ["“元宇宙”"]),
        ("跟“街”有关的事一共几条", ["“街”"]),
        ("报告里“织密”后面跟的是哪两张网", ["“织密”"]),
        ("去年报告里两处用“可及”来形容幸福", ["“可及”"]),  # a quoted word asked where in the text
        ("用了“日益”的段落有哪些", ["“日益”"]),
        ("去年报告里讲“多重目标”的两段，分别在说什么", ["“多重目标”"]),
        ("去年那个报告哪里说到了梦想", ["“梦想”"]),
        ("英雄城市的提法，报告里前后出现在哪些段落", ["“英雄城市”"]),
        ("报告哪几段讲到地位（战略地位、主体地位）", ["“地位”"]),
        ("方案哪几条是“加快建设国”字打头的东西", ["“加快建设国”"]),
        ("“一网”开头的提法在方案里有哪两个", ["“一网”"]),
        ("车谷两个字在报告中落在哪些段落", ["“车谷”"]),  # named a word where it stands
        ("哪些段落点到汉阳这个地名", ["“汉阳”"]),
        ("风险这个词，条目正文里用在了哪几处", ["“风险”"]),
        ("报告里讲到汉南的是哪两处", ["“汉南”"]),
        ("work report 里 长江新区 一共在几段出现", ["“长江新区”"]),
    ],
)
def test_a_figure_or_word_said_unquoted_and_asked_as_such_is_read_as_written(question, shown):
    assert [lit.shown for lit in asked_literals(question)] == shown


@pytest.mark.parametrize(
    "question", ["高端酒店那5家分别落在哪几个区", "大健康6600亿这个数是按产值算吗", "今年调整10%的预算"]
)
def test_a_figure_counting_the_things_asked_about_is_no_literal(question):
    assert asked_literals(question) == ()


@pytest.mark.parametrize(
    "question",
    [
        "报告讲城市更新时，坚持哪几个字“并举”",
        "经信局在“城市极核”这一节里全是帮别人干的，具体哪几条",  # a heading, quoted
        "规划管控里要科学管控的“三条线”是哪三条",  # what the three are
        "讲“武汉英才”计划时，两份方案的着眼点有何不同",
        "马拉松这类品牌赛事，报告分别在哪段说的",  # where a sentence is said: no word
        "二五年文旅局在服务业那一节被点到两回吧",  # a unit's items in a year
    ],
)
def test_a_quote_not_asked_as_a_word_is_no_literal(question):
    assert asked_literals(question) == ()


def test_a_measure_bounded_by_yishang_is_asked_with_its_bound():
    (bounded,) = asked_literals("前年分解方案里，哪几条的量是按“户以上”来卡的")
    assert bounded.pattern.search("改造1.2万户以上") and not bounded.pattern.search("改造1.2万户")


def test_a_gap_in_a_quoted_word_stands_for_a_few_words_of_one_clause():
    (gapped,) = asked_literals("方案中说要“加大…支持力度”的，是对哪两方面加大")
    assert gapped.pattern.search("加大对民营经济的支持力度")
    assert not gapped.pattern.search("加大投入。提升支持力度")


def test_a_figure_of_a_named_topic_is_asked_of_the_topic():
    assert asked_literals("新增上市企业8家以上是什么意思") == ()


def test_the_item_holding_the_figures_asked_answers_what_they_are(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("15家和50个分别指什么"))
    texts = [h.item.text for h in answer.citations]
    assert answer.found and any("15家" in t for t in texts) and any("50个" in t for t in texts)


def test_two_units_asked_together_get_the_items_naming_both_and_each_asked_their_own(mini_engine):
    both = answer_of(mini_engine, AnswerRequest("2031年市交通运输局和市数据局都参与的任务有哪些"))
    assert both.found and all({"市交通运输局", "市数据局"} <= set(h.item.units) for h in both.citations)
    assert "同时" in both.summary
    each = answer_of(mini_engine, AnswerRequest("2031年市交通运输局和市数据局各自参与的任务有哪些"))
    assert len(each.citations) > len(both.citations)
    listed = answer_of(mini_engine, AnswerRequest("2031年市交通运输局和市数据局写在同一条里的，分别是哪条"))
    assert [h.item.id for h in listed.citations] == [h.item.id for h in both.citations]  # 分别是哪条 lists them
    framed = answer_of(mini_engine, AnswerRequest("市交通运输局和市数据局2031年同框的任务各有哪些"))
    assert [h.item.id for h in framed.citations] == [h.item.id for h in both.citations]  # 各 of the years, not units


def test_two_units_each_given_a_role_get_the_items_where_they_play_them(mini_engine):
    """交通运输局牵头、数据局配合: the first leads and the second is among the 责任单位, on one item."""
    paired = answer_of(mini_engine, AnswerRequest("2031年交通运输局牵头、数据局配合的任务有哪些"))
    assert [h.item.id for h in paired.citations] == ["2031-plan-二-2"]
    assert (paired.lead_units, paired.responsible_units) == (["市交通运输局"], ["市数据局"])
    reversed_roles = answer_of(mini_engine, AnswerRequest("2031年数据局牵头、交通运输局配合的任务有哪些"))
    assert not reversed_roles.found


def test_who_asked_of_the_item_two_units_share_lists_that_items_units(mini_engine):
    both = answer_of(mini_engine, AnswerRequest("2031年市交通运输局和市数据局一块儿出现的是哪条，谁牵头"))
    named = {u for h in both.citations for u in h.item.units}
    assert both.found and set(both.lead_units) | set(both.responsible_units) == named
    assert set(both.lead_units) == {u for h in both.citations for u in h.item.lead_units}


def test_a_wording_compared_across_documents_of_different_years_is_listed_from_each(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("“数据要素”这个说法，2031年方案和2030年方案里分别用在什么地方？"))
    assert answer.found and all("数据要素" in h.item.text for h in answer.citations)


def test_who_coined_a_quoted_phrase_is_no_question_about_its_words(mini_engine):
    from indexer.answer.literal import literal_answer

    question = mini_engine.understand("“低空经济”这个提法是哪位领导最早提出来的")
    assert literal_answer(mini_engine, question, (), None) is None
    assert literal_answer(mini_engine, mini_engine.understand("带“低空经济”的任务有哪些"), (), None) is not None


def test_units_said_to_stand_on_one_item_point_at_it(mini_engine):
    from indexer.answer.pointing import pointed_units

    together = mini_engine.understand("市交通运输局、市数据局都出现在低空经济那条里吗，谁牵头")
    assert together.intent == "topic_units" and len(pointed_units(mini_engine, together)) == 2
    assert pointed_units(mini_engine, mini_engine.understand("低空经济由哪些单位负责")) == []


def test_a_unit_answer_limited_to_a_kind_of_document_names_it(mini_engine):
    """The count is of the documents searched (建议案 only, 分解方案 only), so the sentence says which."""
    answer = answer_of(mini_engine, AnswerRequest("2031年分解方案里市数据局牵头哪些任务"))
    assert answer.found and "责任分解方案中牵头的任务共" in answer.summary


def test_a_units_own_part_of_a_task_is_not_stated_by_the_list_of_its_units(mini_engine):
    """低空经济那条里数据局具体负责什么: the item lists 市数据局 among its units, never its share of the work."""
    part = answer_of(mini_engine, AnswerRequest("2031年低空经济那条里市数据局具体负责什么"))
    assert not part.found and "2031-plan-二-2" in [h.item.id for h in part.related]
    assert answer_of(mini_engine, AnswerRequest("2031年市数据局具体负责什么")).found  # its tasks: no item named


def test_a_part_named_by_its_heading_holds_the_scan_unless_set_aside():
    from indexer.answer.literal import in_named_part
    from indexer.records import DocKind, Item

    def item(n: int, top: str) -> Item:
        return Item(f"p-{n}", "2030-plan", 2030, DocKind.PLAN, DocKind.PLAN, "方案", (top, "(一)小节"), n, f"任务{n}")

    items = [item(1, "二、重点工作"), item(2, "四、民生实事")]
    assert [i.id for i in in_named_part("民生实事里按“家”计数的", items)] == ["p-2"]
    assert [i.id for i in in_named_part("除了民生实事，带“试点”的", items)] == ["p-1", "p-2"]
    assert [i.id for i in in_named_part("带“试点”的", items)] == ["p-1", "p-2"]


def test_a_measure_counted_by_and_its_extreme_are_read():
    assert [lit.shown for lit in asked_literals("按座算的那几件，哪件数量最大")] == ["以“座”计数的数字"]
    assert [lit.shown for lit in asked_literals("论长度（公里）最短的一项工程是什么")] == ["以“公里”计数的数字"]
    assert [lit.shown for lit in asked_literals("按场次算的活动，哪一项场数最多")] == ["以“场”计数的数字"]


def test_the_largest_or_smallest_figure_in_a_measure_is_the_answer(mini_engine):
    largest = answer_of(mini_engine, AnswerRequest("2031年方案里按“个”计数的指标，哪个最大"))
    assert largest.found and [h.item.id for h in largest.citations] == ["2031-plan-二-4"]  # 2万个, 万 read
    assert "20000个" in largest.summary
    smallest = answer_of(mini_engine, AnswerRequest("2031年方案里按“个”计数的指标，哪个最少"))
    assert [h.item.id for h in smallest.citations] == ["2031-plan-二-5"] and "10个" in smallest.summary


def test_quotes_read_only_because_the_question_asks_where_are_loose():
    """A scan finding none of them gives way to the topic (前年“创建”、今年“建成”: two items, one word each)."""
    loose = asked_literals("前年“创建”、今年“建成”，两条各落在方案哪个小标题底下")
    assert [lit.shown for lit in loose] == ["“创建”", "“建成”"] and all(lit.loose for lit in loose)
    assert not any(lit.loose for lit in asked_literals("报告里“织密”后面跟的是哪两张网"))


def test_the_words_a_task_opens_with_are_asked_of_the_items_not_the_documents_opening(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2031年方案里以“建设”开头的任务有哪些"))
    assert answer.found and answer.citations and all(h.item.text.startswith("建设") for h in answer.citations)
