"""The trained verifier on the real corpus: it answers a refused paraphrase, never an attribute no item
holds, and without it the rules stand alone (dev questions only)."""

from __future__ import annotations

from dataclasses import replace

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from indexer.answer.verifier import load_verifier
from indexer.config import VERIFIER
from indexer.search import Engine

PARAPHRASE = "网上直播卖货的聚集区今年打算弄几个"  # dev a012: 直播电商集聚区 in the 2025 plan


def test_the_shipped_verifier_loads_with_its_threshold():
    verifier = load_verifier(VERIFIER)
    assert verifier is not None and 0.0 < verifier.threshold < 1.0


def test_a_paraphrase_with_no_document_word_is_answered_and_says_so(engine):
    answer = answer_of(engine, AnswerRequest(PARAPHRASE))
    assert answer.found and answer.citations[0].item.id == "2025-plan-二-4"
    assert answer.grounding.verified is not None and answer.grounding.verified >= load_verifier(VERIFIER).threshold
    assert any("卖货" in note and "核对模型" in note for note in answer.notes)


def test_a_paraphrase_of_a_word_only_another_year_uses_is_read_too(engine):
    answer = answer_of(engine, AnswerRequest("城市数字底座应用标准化今年谁牵头"))  # dev y011: 底座 only in 2024
    assert answer.found and answer.citations[0].item.id == "2025-plan-二-69"
    assert "市城市数字公共基础设施建设工作领导小组办公室(市公安局)" in answer.lead_units


def test_an_attribute_no_item_holds_is_never_read(engine):
    answer = answer_of(engine, AnswerRequest("武汉出租车起步价是多少"))
    assert not answer.found and answer.grounding.verified is None


def test_without_the_verifier_the_rules_refuse_the_paraphrase(engine):
    rules = Engine.load(replace(engine.settings, verifier_file=None))
    answer = answer_of(rules, AnswerRequest(PARAPHRASE))
    assert not answer.found and answer.grounding.verified is None
