"""A mistyped term read as the documents' term (独脚兽 → 独角兽, 万兆先峰 → 万兆先锋).

Staff type by sound, through a pinyin input method. A stretch of three to six whole words of the
question that no document holds and no dictionary knows, one homophone off a word that the documents
use and the dictionary knows (脚 jiao for 角 jiao), is read as that word; read as typed it finds
nothing, or an item that shares the rest (兽, 万兆). The first character stays, a different sound is
no slip (企业今 is not 企业家), nor is a joining word (工作时 is not 工作室), and only a single word of
the documents may fit: with two the question stays as typed. The answer says what was read for what.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

SHORTEST, LONGEST = 3, 6
# Words of one character that join or place (工作时, 体系和, 服务上): said on purpose, never a slip for 室, 化, 商.
FUNCTION = frozenset("的 了 是 时 和 上 下 给 在 与 及 等 中 里 对 为 有 也 都 就 把 被 从 向 或 并 且 而 之".split())
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")
MASK = "□"


class Respeller:
    """The documents' words of three to six characters, each indexed under every interior character masked."""

    def __init__(
        self,
        words: Iterable[str],
        is_word: Callable[[str], bool],
        texts: list[str],
        is_unit: Callable[[str], bool],
        cut: Callable[[str], list[str]],
    ):
        """`is_unit`: a stretch that names a unit (人才局) is the unit resolver's, never a slip for another (人社局);
        `cut`: the question's words, whose bounds a slip keeps (企业今年 holds no slip for 企业家)."""
        self._is_word = is_word
        self._cut = cut
        self._is_unit = is_unit
        self._corpus = "\n".join(texts)
        self._by_mask: dict[str, set[str]] = {}
        for word in {w for w in words if SHORTEST <= len(w) <= LONGEST and is_word(w) and not is_unit(w)}:
            for i in range(1, len(word)):
                self._by_mask.setdefault(masked(word, i), set()).add(word)

    def respell(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The text with each mistyped term replaced, and (typed, read) for each."""
        return read_slips(text, CJK_RUN, self._slips)

    def _slips(self, run: str) -> list[tuple[str, str]]:
        """Longest first, never overlapping: a stretch off one word of the documents by one character."""
        found: list[tuple[str, str]] = []
        taken: set[int] = set()
        bounds, fixed = {0}, set()
        for word in self._cut(run):
            if word in FUNCTION:
                fixed.add(max(bounds))
            bounds.add(max(bounds) + len(word))
        for size in range(min(LONGEST, len(run)), SHORTEST - 1, -1):
            for start in sorted(b for b in bounds if b + size in bounds):
                span = range(start, start + size)
                typed = run[start : start + size]
                if taken & set(span):
                    continue
                fits = {
                    w
                    for i in range(1, size)
                    if start + i not in fixed
                    for w in self._by_mask.get(masked(typed, i), ())
                    if sound(w[i]) == sound(typed[i])
                }
                if len(fits) == 1 and not self.typed_on_purpose(typed):
                    found.append((typed, fits.pop()))
                    taken |= set(span)
        return found

    def read_form_words(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """respell_form_words with the documents and the dictionary this respeller already holds."""
        return respell_form_words(text, self._cut, self._is_word, self._corpus)

    def typed_on_purpose(self, typed: str) -> bool:
        """The documents hold it, the dictionary knows it, or it names a unit: no slip."""
        return typed in self._corpus or self._is_word(typed) or self._is_unit(typed)


# The words a question asks with, typed by sound (配和, 工做, 牵投): read as meant, being no topic of the
# documents. Two characters, one of them off by sound, no word the dictionary knows (前头) or a count (十项),
# and no word of the question's cut reaching into them (收入分配和就业 holds 分配, no slip for 配合).
FORM_WORDS = ("牵头", "配合", "负责", "任务", "工作", "单位", "参与", "事项", "条目", "协办", "责任")


def respell_form_words(
    text: str, cut: Callable[[str], list[str]], is_word: Callable[[str], bool], corpus: str
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The text with each form word typed by sound read as the form word, and (typed, read) for each."""
    starts, at = set(), 0
    for word in cut(text):  # the cut leaves punctuation out: each word found where it stands
        at = max(text.find(word, at), at)
        if len(word) > 1:
            starts.add((at, at + len(word)))
        at += len(word)
    read: list[tuple[str, str]] = []
    for j in range(len(text) - 1):
        typed = text[j : j + 2]
        if typed in FORM_WORDS or not CJK_PAIR.fullmatch(typed) or NUMERAL.search(typed) or is_word(typed):
            continue
        if any(a < j + 2 and j < b and (a, b) != (j, j + 2) for a, b in starts) or (
            (j, j + 2) in starts and typed in corpus
        ):
            continue
        fits = [w for w in FORM_WORDS if _one_sound_off(typed, w)]
        if len(fits) == 1:
            read.append((typed, fits[0]))
    for typed, meant in read:
        text = text.replace(typed, meant)
    return text, tuple(read)


CJK_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
NUMERAL = re.compile(r"[一二三四五六七八九十百千两几]")  # 十项 is a count, never 事项


def _one_sound_off(typed: str, word: str) -> bool:
    differ = [i for i in range(2) if typed[i] != word[i]]
    return len(differ) == 1 and sound(typed[differ[0]]) == sound(word[differ[0]])


def read_slips(
    text: str, runs: re.Pattern[str], slips: Callable[[str], list[tuple[str, str]]]
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The text with the slips found in each run replaced by what was meant, and (typed, read) for each."""
    read: list[tuple[str, str]] = []
    for run in runs.findall(text):
        for typed, meant in slips(run):
            text = text.replace(typed, meant)
            read.append((typed, meant))
    return text, tuple(read)


def masked(word: str, at: int) -> str:
    return word[:at] + MASK + word[at + 1 :]


@lru_cache(maxsize=4096)
def sound(char: str) -> str:
    """A character's usual reading, toneless (角: jiao): a rare reading (和 hu) would make 体系和 体系化."""
    from pypinyin import Style, pinyin

    return str(pinyin(char, style=Style.NORMAL)[0][0])
