"""The answer verifier's plumbing, with no model: what it reads, how pairs are cut, when it is off, which
hits it accepts, and how its threshold is chosen on held-out questions."""

from __future__ import annotations

from pathlib import Path

from tokenizers import Tokenizer
from tokenizers.models import WordLevel
from tokenizers.pre_tokenizers import Split

from eval.train_verifier import FLOOR, choose_threshold
from indexer.answer.verifier import (
    ITEM_CHARS,
    MAX_LENGTH,
    accepted,
    encode_pairs,
    load_tokenizer,
    load_verifier,
    pair_text,
)
from indexer.records import DocKind, Item


def plan_item(text: str) -> Item:
    return Item("2030-plan-二-1", "2030-plan", 2030, DocKind.PLAN, DocKind.PLAN, "方案", ("(一)民生",), 1, text)


def char_tokenizer(tmp_path: Path) -> Tokenizer:
    """A character-level tokenizer saved and loaded the way the packaged one is."""
    vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3} | {ch: 4 + i for i, ch in enumerate("问题条目文字")}
    tokenizer = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = Split("", "isolated")
    path = tmp_path / "tokenizer.json"
    tokenizer.save(str(path))
    return load_tokenizer(path)


def test_the_verifier_reads_the_task_without_its_unit_clauses_and_cut_to_length():
    text = "推进老旧小区改造。(牵头单位:市房管局;责任单位:各区人民政府)" + "完成改造。" * 60
    read = pair_text(plan_item(text))
    assert "市房管局" not in read and read.startswith("(一)民生：推进老旧小区改造")
    assert len(read) == ITEM_CHARS


def test_a_long_item_is_cut_never_the_question(tmp_path):
    tokenizer = char_tokenizer(tmp_path)
    inputs = encode_pairs(tokenizer, ["问题问题", "问题"], ["条目" * 200, "文字"])
    assert inputs["input_ids"].shape == (2, MAX_LENGTH)
    first = inputs["input_ids"][0].tolist()
    assert first[:5] == [4, 5, 4, 5, 6]  # no [CLS] here: the question whole, then the item
    assert inputs["attention_mask"][1].sum() < MAX_LENGTH  # the short pair is padded, not filled


def test_without_its_model_file_the_verifier_is_off(tmp_path):
    assert load_verifier(tmp_path / "verifier.onnx") is None


def test_the_hits_accepted_are_those_at_the_threshold_or_above_in_rank_order():
    assert accepted([0.2, 0.9, 0.5], 0.5) == [1, 2]
    assert accepted([0.49, 0.1], 0.5) == []


def test_the_threshold_answers_the_most_held_questions_within_the_loss_and_keeps_the_margin():
    answerable = [(True, False, p / 100) for p in (30, 45, 60, 90)]
    unanswerable = [(False, False, 0.22), (False, False, 0.27), (False, False, 0.52)]
    threshold, report = choose_threshold(answerable + unanswerable, unanswerable=200)  # one may be answered
    assert threshold == FLOOR  # the held questions allow 0.3 (0.25 answers two unanswerable); the floor stands above
    assert report["by_threshold"][0.3] == {"read": 7, "answerable_answered": 4, "unanswerable_answered": 1}
    tied = [(True, False, 0.9), (False, False, 0.22)]
    assert choose_threshold(tied, unanswerable=50)[0] == 0.9  # the highest safe threshold, above the floor


def test_when_no_threshold_keeps_the_held_unanswerable_questions_refused_it_answers_nothing():
    threshold, _ = choose_threshold([(False, False, 0.99), (False, False, 0.995)], unanswerable=50)
    assert threshold == 1.0
