"""Pinyin typed for the documents' words is read as those words; English and unknown pinyin stay as typed."""

from __future__ import annotations

from indexer.search.pinyin import PinyinReader

SOUNDS = {
    "工业": "gongye",
    "软件园": "ruanjianyuan",
    "软件": "ruanjian",
    "园": "yuan",
    "高端": "gaoduan",
    "装备": "zhuangbei",
}


def reader() -> PinyinReader:
    texts = ["建设工业软件园", "推动高端装备产业发展", "工业软件"]
    cut = {
        "建设工业软件园": ["建设", "工业", "软件园"],
        "推动高端装备产业发展": ["推动", "高端", "装备", "产业", "发展"],
    }
    return PinyinReader(texts, lambda t: cut.get(t, ["工业", "软件"]), lambda w: SOUNDS.get(w, "x" + w))


def test_a_pinyin_run_is_read_as_the_documents_words_said_whole():
    text, read = reader().read("gongye ruanjian yuan 谁负责")
    assert text == "工业软件园 谁负责" and read == (("gongye ruanjian yuan", "工业软件园"),)
    assert reader().read("gao duan zhuang bei 2500亿")[0] == "高端装备 2500亿"


def test_english_and_pinyin_the_documents_cannot_spell_stay_as_typed():
    for question in ["who leads the plan", "shuangnianzhan 谁牵头", "Wuhan 2025"]:
        assert reader().read(question) == (question, ())


def test_a_pinyin_gloss_of_the_characters_beside_it_is_dropped_not_read_again():
    text, read = reader().read("gongye 工业软件园 谁负责")
    assert text.split() == ["工业软件园", "谁负责"] and read == ()
    assert reader().read("高端 (gaoduan)") == ("高端 ( )", ())
    assert reader().read("gongye 高端装备")[0] == "工业 高端装备"  # not a gloss: read as the word it spells


def test_a_word_too_common_to_narrow_anything_is_left_as_typed():
    common = PinyinReader(
        ["建设工业软件园"],
        lambda t: ["建设", "工业", "软件园"],
        lambda w: "jianshe" if w == "建设" else SOUNDS.get(w, "x" + w),
        lambda t: t == "建设",
    )
    assert common.read("jianshe 谁负责") == ("jianshe 谁负责", ())


def test_of_two_words_with_one_sound_the_one_the_documents_say_beside_the_next_characters_is_read():
    texts = ["印发方案", "印发通知", "印发意见", "发展银发经济"]
    cut = {"印发方案": ["印发", "方案"], "印发通知": ["印发", "通知"], "印发意见": ["印发", "意见"]}
    sounds = {"印发": "yinfa", "银发": "yinfa", "经济": "jingji", "发展": "fazhan"}
    homophones = PinyinReader(texts, lambda t: cut.get(t, ["发展", "银发", "经济"]), lambda w: sounds.get(w, "x" + w))
    assert homophones.read("yin fa 经济 谁牵头")[0] == "银发 经济 谁牵头"
    assert homophones.read("yinfa 的时间")[0] == "印发 的时间"  # no neighbour chooses: the most used


def test_pinyin_typed_syllable_by_syllable_is_noticed():
    from indexer.search.pinyin import PINYIN_TYPED

    assert PINYIN_TYPED.search("yin fa 经济") and PINYIN_TYPED.search("yinfa") and not PINYIN_TYPED.search("5G 网络")
