"""The latency probe times only questions the engine can search; ？？？ is refused before any encoding."""

from __future__ import annotations

from bench.probes import _answerable_input


def test_input_with_nothing_to_search_for_is_left_out_of_the_timing(mini_engine):
    assert _answerable_input(mini_engine, "哪些单位负责低空经济")
    assert not _answerable_input(mini_engine, "？？？")
