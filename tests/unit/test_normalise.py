"""The normaliser on small hand-made lines, and a property: no Chinese character is lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.foundation.text import (
    is_boilerplate,
    normalise_line,
    normalise_query,
    repair_mojibake,
    strip_glosses,
    to_simplified,
    unify_punctuation,
)


def test_glosses_go_and_traditional_becomes_simplified():
    assert normalise_line("各區(qū)人民政府,各有關(guān)單位")[0] == "各区人民政府,各有关单位"


def test_a_real_parenthesis_is_not_a_gloss():
    assert strip_glosses("自動體外除顫儀(AED)800臺") == "自動體外除顫儀(AED)800臺"
    assert strip_glosses("城市(郊)鐵路") == "城市(郊)鐵路"


def test_known_mojibake_is_repaired_and_noted():
    repairs = (("?gòu)?qiáng)", "強"), ("?zèng)_", "沖"))  # as corpus/repairs.tsv has them
    text, notes = repair_mojibake("加速?zèng)_刺全國百?gòu)?qiáng)區", repairs)
    assert text == "加速沖刺全國百強區" and len(notes) == 2


def test_unknown_mojibake_is_removed_and_flagged():
    text, notes = repair_mojibake("推進?xyz)項目")
    assert "?" not in text and notes and notes[0].startswith("疑似乱码")


def test_trailing_question_marks_after_a_clause_go():
    assert repair_mojibake("(責任單位:各區人民政府)??")[0] == "(責任單位:各區人民政府)"


def test_width_and_dash_variants_unify():
    assert unify_punctuation("（牽頭單位：市發改委；責任單位：各區）") == "(牽頭單位:市發改委;責任單位:各區)"
    assert unify_punctuation("--千方百計") == unify_punctuation("——千方百計") == "——千方百計"
    assert unify_punctuation("  市 發改委  ") == "市發改委"


def test_queries_fold_like_documents():
    assert normalise_query("哪些單位負責低空經濟？") == "哪些单位负责低空经济?"
    assert normalise_query("  老旧小区\u200b改造\x07 谁牵头  ") == "老旧小区改造谁牵头"


def test_boilerplate_lines():
    for line in (
        "【 打印 】 【 扫一扫 】",
        "浏览量: 时间:2024-01-10 21:15:53",
        "联系人: 张生",
        "热门产品",
        "武政办〔2023〕1号—市人民政府办公厅关于印发…的通知.pdf",
        "武汉市人民政府微信公众号",
    ):
        assert is_boilerplate(line), line
    for line in ("一、工作目标", "63.深化实施“武汉英才”计划", "打造“读书之城”。(牵头单位:市文旅局)"):
        assert not is_boilerplate(line), line


STABLE = [
    c
    for c in "政府工作报告市区县局委办牵头责任单位推进建设发展经济城市产业创新科技数据低空交通运输人民生态环境"
    if to_simplified(c) == c
]
GLOSSES = ["(qū)", "(guān)", "(zhèng)", "(wù)", "(lǐng)", "(chǎn)"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(STABLE),
            st.one_of(st.none(), st.sampled_from(GLOSSES)),
            st.sampled_from(["", "", "、", ",", "。", " ", "(", ")", "--", "1", "a"]),
        ),
        max_size=60,
    )
)
def test_normaliser_never_loses_a_chinese_character(pieces):
    raw = "".join(ch + (gloss or "") + sep for ch, gloss, sep in pieces)
    text, _ = normalise_line(raw)
    assert [c for c in text if "\u4e00" <= c <= "\u9fff"] == [ch for ch, _, _ in pieces]
