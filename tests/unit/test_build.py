"""Build-time caches: an unchanged corpus re-embeds and re-tokenises nothing."""

from __future__ import annotations

import json

from indexer.build import cached_tokens
from indexer.store.tokenize import Tokenizer

TEXTS = ["建设充电桩6万个。(牵头单位:市停车场及新能源汽车配套设施建设工作领导小组)", "加快创建国际消费中心城市"]
WORDS = ["市停车场及新能源汽车配套设施建设工作领导小组", "国际消费中心城市"]


def test_token_cache_matches_fresh_tokens_and_is_reused(tmp_path):
    fresh = [Tokenizer(WORDS)(t) for t in TEXTS]
    assert cached_tokens(TEXTS, WORDS, tmp_path) == fresh
    files = list(tmp_path.glob("tokens-*.json"))
    assert len(files) == 1 and len(json.loads(files[0].read_text(encoding="utf-8"))) == 2
    files[0].write_text(json.dumps({k: ["from-cache"] for k in json.loads(files[0].read_text())}), encoding="utf-8")
    assert cached_tokens(TEXTS, WORDS, tmp_path) == [["from-cache"], ["from-cache"]]
    assert "国际消费中心城市" in fresh[1]  # the user dictionary keeps the phrase whole


def test_another_dictionary_gets_its_own_cache(tmp_path):
    cached_tokens(TEXTS, WORDS, tmp_path)
    cached_tokens(TEXTS, WORDS[:1], tmp_path)
    assert len(list(tmp_path.glob("tokens-*.json"))) == 2
