"""Turn a web copy's line into the clean simplified text we search and show.

Order matters: pinyin glosses go first (their brackets would otherwise be unified
with real ones), then the hand-checked mojibake repairs (keyed on gloss-free
text), then width folding and traditional-to-simplified conversion.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from opencc import OpenCC

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
GLOSS = re.compile(rf"\((?=[a-zü{TONED}]*[{TONED}])[a-zü{TONED}]{{1,7}}\)")
CJK = r"\u3400-\u9fff"
SUSPECT = re.compile(rf"\?[a-zü{TONED}]|[{TONED}]|(?<=[{CJK}])\?|\?(?=[{CJK}])|\ufffd")
STRAY_TAIL = re.compile(r"(?<=[)）。])\s*\?+\s*$")
DASHES = re.compile(r"^(-{2,}|—{1,2}|─{2})\s*")
SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{CJK}，。、；：“”（）])\s+(?=[{CJK}，。、；：“”（）])")

BOILERPLATE = [
    re.compile(p)
    for p in (
        r"^(新闻资讯|NEWS|联系我们|Contact us|行业资讯|热门产品|导航菜单)$",
        r"^(相关标签|验证码|留言与评论)",
        r"^(联系人|手机|电话|邮箱|地址|传真)\s*:",
        r"^作者\s*:.*(点击|发布时间)",
        r"^浏览量\s*:",
        r"^(本文由|本文地址)\s*:",
        r"^本文仅代表作者观点",
        r"^(【\s*(打印|收藏|扫一扫|关闭|返回顶部)\s*】\s*)+$",
        r"^扫一扫在手机上查看",
        r"微信公众号$",
        r"^\S{0,200}\.(pdf|docx?|wps|ofd)$",
    )
]


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    return OpenCC("t2s")


def strip_glosses(text: str) -> str:
    return GLOSS.sub("", text)


def repair_mojibake(text: str, repairs: tuple[tuple[str, str], ...] = ()) -> tuple[str, list[str]]:
    """Apply known repairs; remove what is still garbled and say so in the notes."""
    notes: list[str] = []
    for broken, fixed in repairs:
        if broken in text:
            text = text.replace(broken, fixed)
            notes.append(f"乱码已修复: {broken} → {fixed}")
    text = STRAY_TAIL.sub("", text)
    if SUSPECT.search(text):
        notes.append(f"疑似乱码已删除: {text}")
        text = SUSPECT.sub("", text)
    return text, notes


def to_simplified(text: str) -> str:
    return _converter().convert(text)


def unify_punctuation(text: str) -> str:
    """Fold full-width forms to one width and the theme dash to ——, so both spellings match."""
    text = unicodedata.normalize("NFKC", text)
    text = DASHES.sub("——", text.strip())
    text = SPACE_BETWEEN_CJK.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def normalise_line(raw: str, repairs: tuple[tuple[str, str], ...] = ()) -> tuple[str, list[str]]:
    """Clean one source line; the notes record every repair or deletion made."""
    text, notes = repair_mojibake(strip_glosses(raw), repairs)
    return to_simplified(unify_punctuation(text)), notes


@lru_cache(maxsize=1024)
def normalise_query(text: str) -> str:
    """Questions go through the same folding as documents, without the repair table. Cached: one
    answer folds its question and its topic's words a dozen times over."""
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    return to_simplified(unify_punctuation(strip_glosses(text)))


def is_boilerplate(line: str) -> bool:
    return any(p.search(line) for p in BOILERPLATE)
