"""A count of lead units asked (两个部门一块儿挂帅的): read from the wording alone."""

from __future__ import annotations

import pytest

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from indexer.answer.shared_leads import asked_leads, listed_most_answer


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("哪些任务是两家单位一起牵头的", (2, False)),
        ("牵头单位列了三个的有哪些", (3, False)),
        ("由多个部门挑头的工作", (2, True)),
        ("建议案里联合牵头的任务", (2, True)),
        ("牵头单位不止一家的条目", (2, True)),
    ],
)
def test_a_count_of_leads_is_read(question, asked):
    assert asked_leads(question) == asked


@pytest.mark.parametrize("question", ["市数据局今年牵头哪些任务", "两江四岸由谁牵头", "三家医院扩建谁负责"])
def test_no_count_of_leads_where_none_is_asked(question):
    assert asked_leads(question) is None


def test_the_longest_list_of_a_role_is_asked_of_the_items(mini_engine):
    most = answer_of(mini_engine, AnswerRequest("2031年方案里哪一条列的牵头单位最多"))
    assert most.found and [h.item.id for h in most.citations] == ["2031-plan-二-2"] and "2 家" in most.summary
    assert listed_most_answer(mini_engine, mini_engine.understand("每家单位最多能补多少钱"), (), None) is None


def test_the_items_of_a_part_written_without_a_lead_are_listed(mini_engine):
    """建设充电桩1万个 lists only 责任单位: the notice has them lead, the question asks where no lead was named."""
    answer = answer_of(mini_engine, AnswerRequest("2030年“持续改善民生”那节里，哪几条没写牵头单位、只列了责任单位"))
    assert answer.found and [h.item.text[:8] for h in answer.citations] == ["建设充电桩1万个"]
    rule = answer_of(mini_engine, AnswerRequest("没写牵头单位的事项由谁牵头"))
    assert "只列了责任单位" not in rule.summary  # the notice's rule is asked, not the items


def test_the_items_of_a_part_another_unit_leads_are_listed(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2031年“加快建设科技创新中心”那节里，不归数据局牵头的是哪几条"))
    texts = [h.item.text for h in answer.citations]
    assert answer.found and len(texts) == 2 and not any("数据要素" in t for t in texts)


def test_the_helpers_of_a_units_lead_items_are_those_items_lists(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2031年交通运输局牵头的那几件事，都拉了哪些单位来配合"))
    assert answer.found and all("市交通运输局" in h.item.lead_units for h in answer.citations)
    assert "市数据局" in answer.responsible_units  # the items' own list, not the unit alone


def test_a_documents_items_a_unit_is_not_on_are_listed(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2031年分解方案里数据局压根没出现的是哪几项"))
    assert answer.found and answer.citations
    assert all("市数据局" not in h.item.units for h in answer.citations)
