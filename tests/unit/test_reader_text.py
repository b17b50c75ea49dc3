"""The text reader's encodings: byte-order marks first, then UTF-8, then charset-normalizer."""

from __future__ import annotations

import codecs

import pytest

from indexer.errors import CorpusError
from indexer.ingest.readers import decode, read_lines, reader_for

TEXT = (
    "2025年市《政府工作报告》目标任务责任分解方案\n一、经济社会发展主要预期目标\n"
    "(一)地区生产总值增长6%左右。(牵头单位:市发改委;责任单位:各区人民政府)\n"
    "1.加快创建国际消费中心城市。(牵头单位:市商务局;责任单位:市发改委、市卫健委、市文旅局,各区人民政府)\n"
    "2.实施传统消费提升行动。加力扩围实施消费品以旧换新政策,促进绿色消费,持续释放汽车、家电、家居等大宗消费潜能。\n"
)
TRADITIONAL = "強化責任意識,科學制訂辦理方案。市《政府工作報告》是市人民政府向全市人民作出的鄭重承諾。\n" * 3


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.encode("utf-16"),  # BOM of the machine's order
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16", "utf16-le", "utf16-be", "utf32-le"],
)
def test_every_supported_encoding_gives_the_same_text(data, tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    assert reader_for(path).name == "text"
    assert [line.text for line in read_lines(path)] == TEXT.splitlines()


def test_traditional_characters_in_gbk_are_not_mistaken_for_big5():
    assert decode(TRADITIONAL.encode("gbk"), "t.txt") == TRADITIONAL


def test_gb18030_only_characters_survive():
    text = TEXT + "㐀䶵 €\n"  # outside GBK, inside GB18030
    assert decode(text.encode("gb18030"), "x.txt") == text


def test_nul_bytes_without_a_bom_are_binary():
    with pytest.raises(CorpusError, match="x.bin") as err:
        decode(TEXT.encode("utf-16-le"), "x.bin")  # UTF-16 without its BOM
    assert err.value.key == "corpus.binary"


def test_a_bom_followed_by_garbage_is_refused():
    with pytest.raises(CorpusError, match="bad.txt") as err:
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "bad.txt")  # a lone surrogate, odd length
    assert err.value.key == "corpus.encoding"


def test_declared_encoding_is_used_when_the_bytes_are_not_utf8():
    assert decode(TEXT.encode("gb18030"), "x.html", declared="gb2312") == TEXT
    big5 = "這是繁體中文的網頁內容，用大五碼儲存。\n" * 3
    assert decode(big5.encode("big5"), "x.html", declared="big5") == big5


def test_valid_utf8_wins_over_a_stale_declaration():
    """A page saved by a browser is UTF-8 but may keep its original <meta charset=gb2312>."""
    assert decode(TEXT.encode("utf-8"), "x.html", declared="gb2312") == TEXT


def test_an_unknown_declared_encoding_falls_back_to_detection():
    assert decode(TEXT.encode("gb18030"), "x.html", declared="no-such-codec") == TEXT
