"""A mistyped term read as the documents' term: the respeller's rules on hand-made words (no model)."""

from __future__ import annotations

from indexer.search.respell import Respeller, respell_form_words, sound

TEXTS = ["新增独角兽培育企业10家", "争创万兆先锋城市", "培育企业家队伍", "(牵头单位:市人社局)", "新增投资和投入"]
WORDS = ["独角兽", "万兆先锋", "企业家", "市人社局", "人社局", "培育"]


def respeller(is_unit=lambda s: s.endswith("局"), cut=list):
    return Respeller(WORDS, lambda w: w in WORDS, TEXTS, is_unit, cut)


def test_a_homophone_slip_reads_as_the_documents_word():
    assert respeller().respell("独脚兽企业今年新增几家") == ("独角兽企业今年新增几家", (("独脚兽", "独角兽"),))
    assert respeller().respell("万兆先峰城市谁负责")[1] == (("万兆先峰", "万兆先锋"),)


def test_another_sound_is_no_slip():
    assert respeller().respell("培育企业今年新增") == ("培育企业今年新增", ())  # 今 jin is not 家 jia
    assert sound("脚") == sound("角") and sound("今") != sound("家")


def test_a_joining_word_is_said_on_purpose():
    rooms = Respeller(["工作室"], lambda w: w == "工作室", ["工作室"], lambda s: False, lambda r: ["工作", "时"])
    assert rooms.respell("工作时")[1] == ()  # 时 shi sounds as 室 shi, but joins


def test_a_unit_name_is_never_read_as_another_unit():
    assert respeller().respell("人才局今年牵头什么")[1] == ()  # 人社局 is one character off, but 人才局 is a unit
    assert respeller(is_unit=lambda s: False).respell("人才局")[1] == ()  # 才 cai is not 社 she


def test_a_slip_keeps_the_questions_word_bounds():
    cut = lambda run: ["独脚", "兽企", "业"] if run == "独脚兽企业" else list(run)  # noqa: E731
    assert respeller(cut=cut).respell("独脚兽企业") == ("独脚兽企业", ())  # 兽 is half of a word


def test_what_the_documents_hold_or_the_dictionary_knows_stays():
    assert respeller().respell("独角兽企业")[1] == ()
    known = Respeller(WORDS + ["独脚兽"], lambda w: w in WORDS + ["独脚兽"], TEXTS, lambda s: False, list)
    assert known.respell("独脚兽")[1] == ()


def test_two_words_that_fit_leave_the_question_as_typed():
    two = Respeller(["独角兽", "独脚手"], lambda w: True, ["独角兽", "独脚手"], lambda s: False, list)
    assert two.respell("独脚授")[1] == ()  # 授 shou fits 兽 and 手 alike


def _cut(words: list[str]):
    return lambda text: words


def test_a_form_word_typed_by_sound_reads_as_meant():
    typed = "文旅局财政局都是协办单位的工做"
    cut = _cut(["文旅局", "财政局", "都", "是", "协办", "单位", "的", "工做"])
    assert respell_form_words(typed, cut, lambda w: False, "") == (typed[:-2] + "工作", (("工做", "工作"),))
    assert respell_form_words("谁牵投", _cut(["谁", "牵投"]), lambda w: False, "")[1] == (("牵投", "牵头"),)


def test_a_word_the_question_holds_or_the_dictionary_knows_stays():
    assert respell_form_words("收入分配和就业", _cut(["收入", "分配", "和", "就业"]), lambda w: False, "")[1] == ()
    assert respell_form_words("跑在最前头", _cut(["跑", "在", "最", "前头"]), lambda w: w == "前头", "")[1] == ()
    assert respell_form_words("一共十项", _cut(["一共", "十项"]), lambda w: False, "")[1] == ()  # a count
