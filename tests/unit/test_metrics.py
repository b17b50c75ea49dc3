"""Metric code against values computed by hand on a tiny fixed example."""

from __future__ import annotations

import math

import pytest

from eval.metrics import (
    base_id,
    dedupe,
    evaluate_rankings,
    ndcg_at_k,
    percentile,
    recall_at_k,
    reciprocal_rank,
    unit_scores,
)

# 3 queries; relevant sets and rankings chosen so every number can be done on paper.
RANKINGS = {"q1": ["a", "b", "c", "d", "e"], "q2": ["x", "y", "b", "z", "c"], "q3": ["n", "m"]}
RELEVANT = {"q1": {"a", "c"}, "q2": {"c"}, "q3": {"a"}}


def test_recall_is_capped_by_the_number_of_relevant_items():
    assert recall_at_k(RANKINGS["q1"], RELEVANT["q1"], 1) == 1.0  # 1 of min(1, 2)
    assert recall_at_k(RANKINGS["q1"], RELEVANT["q1"], 2) == 0.5  # {a} of min(2, 2)
    assert recall_at_k(RANKINGS["q2"], RELEVANT["q2"], 3) == 0.0
    assert recall_at_k(RANKINGS["q2"], RELEVANT["q2"], 5) == 1.0


def test_reciprocal_rank():
    assert reciprocal_rank(RANKINGS["q1"], RELEVANT["q1"]) == 1.0
    assert reciprocal_rank(RANKINGS["q2"], RELEVANT["q2"]) == 0.2  # c at rank 5
    assert reciprocal_rank(RANKINGS["q3"], RELEVANT["q3"]) == 0.0


def test_ndcg():
    # q1: gains at ranks 1 and 3 -> 1 + 1/log2(4) = 1.5; ideal 1 + 1/log2(3)
    assert ndcg_at_k(RANKINGS["q1"], RELEVANT["q1"]) == pytest.approx(1.5 / (1 + 1 / math.log2(3)))
    # q2: one gain at rank 5 -> 1/log2(6); ideal 1
    assert ndcg_at_k(RANKINGS["q2"], RELEVANT["q2"]) == pytest.approx(1 / math.log2(6))


def test_means_over_queries():
    m = evaluate_rankings(RANKINGS, RELEVANT, ks=(1, 5))
    assert m["recall@1"] == pytest.approx(1 / 3)  # (1 + 0 + 0) / 3
    assert m["recall@5"] == pytest.approx((1 + 1 + 0) / 3)
    assert m["mrr@10"] == pytest.approx((1 + 0.2 + 0) / 3)


def test_unit_scores():
    s = unit_scores({"A", "B", "C"}, {"A", "B", "D", "E"})
    assert (s["unit_precision"], s["unit_recall"]) == (pytest.approx(2 / 3), 0.5)
    assert s["unit_f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))  # 4/7
    assert unit_scores(set(), set())["unit_f1"] == 1.0
    assert unit_scores(set(), {"A"})["unit_f1"] == 0.0


def test_pieces_count_as_their_paragraph():
    assert base_id("2024-report-p12.2") == "2024-report-p12"
    assert base_id("2025-plan-二-56") == "2025-plan-二-56"
    assert dedupe(["2024-report-p12.2", "2024-report-p12.1", "a"]) == ["2024-report-p12", "a"]


def test_percentile_nearest_rank():
    assert percentile([1, 2, 3, 4], 50) == 2 and percentile([1, 2, 3, 4], 95) == 4
    assert percentile([], 50) == 0.0


def test_docstring_example_runs():
    import doctest

    import eval.metrics

    assert doctest.testmod(eval.metrics).failed == 0
