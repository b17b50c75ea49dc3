"""The trained verifier on the real corpus: it answers a refused paraphrase it is sure of, records its
reading of one it is not, never reads an attribute no item holds, and without it the rules stand alone
(dev questions only)."""

from __future__ import annotations

from dataclasses import replace

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from indexer.answer.verifier import load_verifier
from indexer.config import VERIFIER
from indexer.search import Engine

PARAPHRASE = "24年家里燃气灶那边装安全报警的东西要装多少户"  # dev z021: 燃气安全装置 in the 2024 report
UNSURE = "网上直播卖货的聚集区今年打算弄几个"  # dev a012: 直播电商集聚区, read at p ≈ 0.44


def test_the_shipped_verifier_loads_with_its_threshold():
    verifier = load_verifier(VERIFIER)
    assert verifier is not None and 0.0 < verifier.threshold < 1.0


def test_a_paraphrase_with_no_document_word_is_answered_and_says_so(engine):
    answer = answer_of(engine, AnswerRequest(PARAPHRASE))
    assert answer.found and answer.citations[0].item.id.startswith("2024-report-p44")
    assert answer.grounding.verified is not None and answer.grounding.verified >= load_verifier(VERIFIER).threshold
    assert any("燃气灶" in note and "核对模型" in note for note in answer.notes)


def test_a_reading_below_the_threshold_leaves_the_refusal_and_is_recorded(engine):
    answer = answer_of(engine, AnswerRequest(UNSURE))
    assert not answer.found and answer.citations == []
    assert answer.grounding.verified is not None and answer.grounding.verified < load_verifier(VERIFIER).threshold


def test_an_attribute_no_item_holds_is_never_read(engine):
    answer = answer_of(engine, AnswerRequest("武汉出租车起步价是多少"))
    assert not answer.found and answer.grounding.verified is None


def test_without_the_verifier_the_rules_refuse_the_paraphrase(engine):
    rules = Engine.load(replace(engine.settings, verifier_file=None))
    answer = answer_of(rules, AnswerRequest(PARAPHRASE))
    assert not answer.found and answer.grounding.verified is None


def test_a_question_the_judge_refused_though_hits_hold_its_words_is_read_too(engine):
    answer = answer_of(engine, AnswerRequest("建议案提出要绘制哪两张图？"))  # dev e056: the judge's p is low
    assert answer.found and answer.citations[0].item.id == "2025-proposal-二-一-2"
    assert any("检索评分" in note and "核对模型" in note for note in answer.notes)
    far = answer_of(engine, AnswerRequest("我的快递到哪了"))  # dev du080: read, at p ≈ 0.03
    assert not far.found and far.citations == []


def test_what_is_asked_of_a_topic_in_words_no_document_uses_is_the_verifiers_call(engine):
    # 急救站 named, 救护车 nowhere; dev av045 asks 几辆 of it, which the count rule refuses before the verifier
    question = "新增急救站怎么配救护车"
    refused = answer_of(engine, AnswerRequest(question))
    assert not refused.found and refused.citations == []
    assert "急救站" in refused.summary and "救护车" in refused.summary
    rules = Engine.load(replace(engine.settings, verifier_file=None))
    assert answer_of(rules, AnswerRequest(question)).found  # the rules alone answer it from the 急救站 item
    counted = answer_of(engine, AnswerRequest("新增急救站配几辆救护车"))
    assert not counted.found and counted.citations == [] and "急救站" in counted.summary
    kept = answer_of(
        engine, AnswerRequest("学校一放长假双职工家的娃没人带，23年在社区弄了多少间托管的屋子")
    )  # dev av027
    assert kept.found and kept.citations[0].item.id == "2023-plan-四-6"
