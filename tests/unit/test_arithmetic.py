"""Sums, differences and ratios of two figures: how the operation and its operands are read (no model)."""

from __future__ import annotations

from indexer.answer.arithmetic import Operation, _computed, _figure, asked_operation


def test_the_operation_and_both_operands_are_read():
    operation, first, second = asked_operation("23年配的除颤仪台数是新建急救站个数的几倍")  # type: ignore[misc]
    assert operation is Operation.RATIO and first.said == "23年配的除颤仪台数" and second.said == "新建急救站个数"
    assert second.asked == "新建急救站个数是多少"
    assert asked_operation("公交线路和地铁线路两样加起来多少条")[0] is Operation.SUM  # type: ignore[index]
    assert asked_operation("120个项目在900个项目里算占比多少")[0] is Operation.SHARE  # type: ignore[index]
    _, part, whole = asked_operation("十亿级项目1050个，占亿元以上在推项目总数的几成")  # type: ignore[misc]
    assert (part.said, whole.said) == ("十亿级项目1050个", "亿元以上在推项目总数")
    assert asked_operation("光电子盘子大约顶几个高端装备盘子")[0] is Operation.RATIO  # type: ignore[index]
    assert asked_operation("1100场展会节事活动里，国际性展会占多少场") is None  # a part of a whole: no second figure


def test_the_context_before_a_comma_is_asked_with_each_operand():
    _, first, second = asked_operation("前年定目标时，经济增长要比物价多涨多少个百分点")  # type: ignore[misc]
    assert (first.said, second.said) == ("经济增长", "物价")
    assert second.asked == "前年定目标时，物价是多少"


def test_a_ratio_or_comparison_word_is_no_operation():
    assert asked_operation("民生支出占比78.8%，比上一年高了多少") is None  # 占比: no 比 of two operands
    assert asked_operation("这个比例跟南京比起来高还是低") is None
    assert asked_operation("新建急救站多少个") is None
    assert asked_operation("今年分工里跟“街”有关的事一共几条") is None  # items counted, no figures summed


def test_a_figure_is_taken_only_where_it_is_one():
    assert _figure("除颤仪台数", "配置除颤仪800台,培训10000人") == (800.0, "台")
    assert _figure("急救站个数", "新增急救站10个,救护车20辆") == (10.0, "个")
    assert _figure("项目个数", "新开工300个,投产200个") is None  # two figures in the measure: not guessed
    assert _figure("300个新开工项目", "新开工300个,投产200个") == (300.0, "个")  # the operand quotes it


def test_the_result_is_computed_only_from_clear_figures():
    assert "800台 ÷ 10个 = 80" in _computed(Operation.RATIO, (800.0, "台"), (10.0, "个"))
    assert "= 3.5个百分点" in _computed(Operation.DIFFERENCE, (6.5, "%"), (3.0, "%"))
    assert "= 32.26%" in _computed(Operation.SHARE, (300.0, "个"), (930.0, "个"))
    assert "没有直接给出" in _computed(Operation.RATIO, (800.0, "台"), None)
    assert "没有直接给出" in _computed(Operation.RATIO, (800.0, "台"), (0.0, "个"))
