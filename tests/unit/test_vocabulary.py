"""The reviewed vocabulary (search/vocabulary.tsv): its rows are safe to apply by substitution."""

from __future__ import annotations

import pytest

from indexer.answer.asks import asked_details
from indexer.search.topic_words import plain_words
from indexer.search.vocabulary import translate_english, vocabulary

CHINESE = [(term, means) for term, means in vocabulary() if not term.isascii()]
# What staff ask of a thing: an everyday word swapped for the documents' term must not change the ask.
ASKING = ["{}是哪些", "{}有哪些", "{}有多少", "{}在哪里", "{}什么时候建成", "{}要多少钱", "哪家公司做{}", "{}名单"]


def test_there_are_everyday_chinese_rows():
    assert len(CHINESE) > 50


@pytest.mark.parametrize("asking", ASKING)
def test_a_substituted_word_never_changes_what_a_question_asks(asking):
    changed = [t for t, m in CHINESE if asked_details(asking.format(t)) != asked_details(asking.format(m))]
    assert changed == []


def test_no_term_is_a_word_the_documents_use_or_part_of_another_rows_term():
    terms = {t for t, _ in CHINESE}
    assert not [t for t, m in CHINESE if t in m]  # a replacement would set itself off again
    assert not [(t, m) for t, m in CHINESE for other in terms if other != t and other in m]


def test_everyday_words_become_the_documents_terms():
    words = plain_words()
    assert "燃气" in translate_english("家里煤气管道老化谁管", words)
    assert translate_english("城市书房建在哪", words) == "城市书房建在哪"  # a document word stays as typed
    assert translate_english("按去年报告，马路牙子改成跟路面平齐", words) == "按去年报告，缘石改成跟路面平齐"


def test_a_whole_row_is_read_only_where_the_question_holds_it_whole():
    words = plain_words()
    kept = ["建议案里分别怎么说", "寒暑假托管室有几个", "尝尝招牌菜"]  # 里分, 暑假托管, 招牌 cut across words
    assert [translate_english(t, words) for t in kept] == kept
    assert "缘石" not in translate_english("马路牙子改成跟路面平齐")  # a `whole` row needs the question's words


def test_english_names_of_regions_and_companies_become_the_documents_terms():
    assert "长三角" in translate_english("cooperation with the Yangtze River Delta")
    assert "长江" not in translate_english("the Yangtze River Delta")  # the longer entry first
    assert "领导小组" in translate_english("who is on the leading group")
    assert "集团" in translate_english("which group company helps")
    assert "港口" not in translate_english("talent support")  # a whole word only (support)


def test_places_are_held_by_their_regions_and_never_rewrite_a_question():
    from indexer.search.vocabulary import places

    rows = places()
    assert len(rows) > 20 and all(place != region for place, region in rows)
    assert translate_english("武汉到上海的高铁多少钱") == "武汉到上海的高铁多少钱"  # 上海 is not rewritten to 长三角
