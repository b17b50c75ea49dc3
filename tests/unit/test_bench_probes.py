"""The latency probe times only questions the engine can search; ？？？ is refused before any encoding."""

from __future__ import annotations

from bench.probes import _answerable_input, spread


def test_input_with_nothing_to_search_for_is_left_out_of_the_timing(mini_engine):
    assert _answerable_input(mini_engine, "哪些单位负责低空经济")
    assert not _answerable_input(mini_engine, "？？？")


def test_the_timed_sample_spreads_over_the_whole_file():
    questions = [f"q{i}" for i in range(10)]
    assert spread(questions, 5) == ["q0", "q2", "q4", "q6", "q8"]
    assert spread(questions, 3) == ["q0", "q3", "q6"]


def test_a_sample_of_zero_or_more_than_the_file_times_every_question():
    questions = ["a", "b", "c"]
    assert spread(questions, 0) == questions
    assert spread(questions, 7) == questions
