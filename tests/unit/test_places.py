"""A district the question narrows its topic to: named by the cited item, or the answer is not found."""

from __future__ import annotations

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from indexer.answer.places import names_place, narrowing_places


def test_a_district_typed_with_its_qu_narrows_the_topic():
    assert narrowing_places("新增的300家外贸实绩企业，硚口区头上摊几家") == ("硚口区",)
    assert narrowing_places("新开的便利店，新城区那边要布点多少家") == ("新城区",)
    assert narrowing_places("江岸区和江汉区各自的产业定位是什么") == ("江岸区", "江汉区")
    assert narrowing_places("6%的GDP增速分解到东湖高新区是多少") == ("东湖高新区",)  # a development zone


def test_a_district_as_an_office_or_no_district_at_all_narrows_nothing():
    assert narrowing_places("我是硚口区政府办的，今年方案里写明要硚口干的是哪条") == ()
    assert narrowing_places("青山区人民政府负责哪些任务") == ()
    assert narrowing_places("践行绿水青山就是金山银山有哪些任务") == ()  # 青山 without 区
    assert narrowing_places("武汉新城区域的规划怎么写的") == ()  # 武汉新城, not a 新城区


def test_a_district_is_named_alone_or_in_a_list_sharing_one_qu():
    assert names_place("江夏区", "(责任单位:黄陂、江夏、新洲区人民政府)")
    assert names_place("硚口区", "支持江汉、硚口、武昌等区") and names_place("青山区", "青山区人民政府")
    assert not names_place("青山区", "践行绿水青山就是金山银山")
    assert names_place("中心城区", "推进中心城区更新") and not names_place("新城区", "推进中心城区更新")
    assert names_place("临空港经开区", "(责任单位:临空港开发区管委会)") and names_place(
        "长江新区", "支持长江新区加快建设"
    )


def test_a_city_wide_figure_is_no_answer_for_one_districts_share(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2031年建设充电桩2万个，青山区要建几个"))
    assert not answer.found and answer.citations == [] and answer.lead_units == []
    assert "青山区" in answer.summary


def test_a_district_the_item_names_keeps_the_answer(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年老旧小区改造，江夏区也有份吗"))
    assert answer.found and "2030-plan" in answer.citations[0].item.id


def test_every_districts_share_is_held_only_by_figures_set_district_by_district():
    assert narrowing_places("964个十亿元级项目落到各区各多少个") == ("各区",)
    assert narrowing_places("各区人民政府负责什么") == ()
    assert names_place("各区", "江汉区10个、硚口区8个、武昌区12个")
    assert not names_place("各区", "储备实施964个十亿元级项目。(责任单位:各区人民政府)")
    assert not names_place("各区", "支持东湖高新区、武汉经开区建设国家级开发区")  # named, no figure each
    assert narrowing_places("7.5万亩分摊到各新城区各是多少亩")[-1] == "各区"
