"""A unit the asker believes does a task is corrected by the task's own units; a plain question is not."""

from __future__ import annotations

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of


def test_a_checked_belief_about_a_unit_is_answered_with_the_units_the_task_has(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年老旧小区改造应该是市发改委牵头的吧"))
    assert answer.found and "2030-plan" in answer.citations[0].item.id
    assert "市房管局" in answer.lead_units and "市发改委" not in answer.lead_units
    assert any("市发改委" in note for note in answer.notes)


def test_a_plain_question_whether_a_unit_has_a_task_stays_not_found(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年老旧小区改造，市发改委是不是牵头单位"))
    assert not answer.found and answer.citations == [] and answer.lead_units == []


def test_a_checked_belief_that_holds_keeps_the_units_own_answer(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("2030年老旧小区改造应该是市房管局牵头的吧"))
    assert answer.found and not any("没有市房管局" in note for note in answer.notes)
