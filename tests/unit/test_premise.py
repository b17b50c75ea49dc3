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


def test_a_guessed_short_list_of_a_units_tasks_is_answered_with_the_whole_list(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("市数据局2030年的任务就是人工智能那一条吧"))
    assert answer.found
    assert {c.item.id for c in answer.citations} == {"2030-plan-二-2", "2030-plan-二-3"}


def test_the_words_stating_a_belief_are_no_part_of_the_topic(mini_engine):
    from indexer.answer.premise import unbelieved

    question = mini_engine.understand("老旧小区改造应该是市发改委牵头的吧")
    assert "应该" not in unbelieved(question).topic and "老旧小区" in unbelieved(question).topic
