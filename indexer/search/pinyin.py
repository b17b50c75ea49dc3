"""Pinyin typed for the documents' words (gongye ruanjian yuan → 工业软件园), read as those words.

Staff type a name in pinyin when the input method is off, or copy a pinyin gloss. A run of Latin
words that are all pinyin syllables is read as the documents' words whose toneless pinyin spells it,
covered by as few words as possible (a name said whole beats its parts); a run the documents cannot
spell (English, or pinyin of something they never say) stays as typed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
FINAL = r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)"
SYLLABLES = re.compile(rf"(?:{INITIAL}{FINAL})+")
LATIN_RUN = re.compile(r"[A-Za-z]+(?:[ ']+[A-Za-z]+)*")
# A question with a lower-case run long enough to be read, typed whole (yinfa) or syllable by syllable (yin fa).
PINYIN_TYPED = re.compile(r"[a-z]{4}|[a-z]{2,}(?:[ '][a-z]+)+")
CONTEXT = 2  # Chinese characters beside a run that choose between words of one sound (yin fa 经济: 银发, not 印发)
CJK = re.compile(r"[\u4e00-\u9fff]")
CJK_TAIL = re.compile(r"[\u4e00-\u9fff]{1,8}$")
CJK_HEAD = re.compile(r"[\u4e00-\u9fff]{1,8}")
LONGEST = 8  # characters in a term: a name of up to four words
SHORTEST = 4  # letters in a run worth reading: one short syllable is any of a hundred characters


class PinyinReader:
    """The documents' words and runs of up to four of them, by their toneless pinyin."""

    def __init__(
        self,
        texts: Iterable[str],
        words: Callable[[str], list[str]],
        spell: Callable[[str], str],
        common: Callable[[str], bool] = lambda _: False,
    ):
        """`spell`: a word's toneless pinyin, read as a word (长江 changjiang, not zhangjiang); `common`: a word
        too widely used to narrow anything (Wuhan → 武汉 adds nothing an English question did not say)."""
        self._common = common
        self._spell = spell
        texts = list(texts)
        self._corpus = "\n".join(texts)
        counts: Counter[tuple[str, ...]] = Counter()
        for text in texts:
            run: list[str] = []
            for word in words(text) + [""]:
                if word and all("\u4e00" <= c <= "\u9fff" for c in word):
                    run.append(word)
                    continue
                for start in range(len(run)):
                    for end in range(start + 1, min(start + 4, len(run)) + 1):
                        if sum(map(len, run[start:end])) <= LONGEST:
                            counts[tuple(run[start:end])] += 1
                run = []
        self._spellings: dict[str, list[str]] = {}  # most used first: it wins, unless the neighbours choose
        for parts, _ in counts.most_common():
            self._spellings.setdefault("".join(map(spell, parts)), []).append("".join(parts))

    def read(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The text with each pinyin run the documents can spell replaced, and (typed, read) for each."""
        read: list[tuple[str, str]] = []
        for match in LATIN_RUN.finditer(text):
            typed = match.group(0)
            sound = re.sub(r"[ ']", "", typed.lower())
            if len(sound) < SHORTEST or not SYLLABLES.fullmatch(sound):
                continue
            if self._glosses(sound, text[: match.start()], text[match.end() :]):
                read.append((typed, ""))
                continue
            words = self._cover(sound)
            if words and len(words) == 1:
                words = [self._in_context(sound, words[0], text[: match.start()], text[match.end() :])]
            if words and not self._common("".join(words)):
                read.append((typed, "".join(words)))
        for typed, chinese in read:
            text = text.replace(typed, chinese or " ", 1)
        return text, tuple((typed, chinese) for typed, chinese in read if chinese)

    def _glosses(self, sound: str, before: str, after: str) -> bool:
        """The run spells the characters right beside it (jingxin 经信局, 万兆先锋 wanzhao xianfeng): a gloss of
        what the question already says, not a second term (jingxin read alone is 精心)."""
        left = CJK_TAIL.search(before.rstrip(" ()（）"))
        right = CJK_HEAD.match(after.lstrip(" ()（）"))
        sides = [left.group()[-n:] for n in range(1, len(left.group()) + 1)] if left else []
        sides += [right.group()[:n] for n in range(1, len(right.group()) + 1)] if right else []
        return any(self._spell(side) == sound for side in sides)

    def _cover(self, sound: str) -> list[str] | None:
        """The fewest documents' words whose sounds make up the whole run, or None."""
        best: list[list[str] | None] = [[]] + [None] * len(sound)
        for end in range(1, len(sound) + 1):
            for start in range(max(0, end - 6 * LONGEST), end):
                term = next(iter(self._spellings.get(sound[start:end], ())), None)
                before = best[start]
                if term and before is not None and (best[end] is None or len(before) + 1 < len(best[end] or ())):
                    best[end] = [*before, term]
        return best[-1]

    def _in_context(self, sound: str, term: str, before: str, after: str) -> str:
        """Of the words spelled by one sound, the first the documents say beside the question's own neighbouring
        characters (yin fa 经济: 银发经济 is said, 印发经济 never); with none, the most used."""
        left, right = "".join(CJK.findall(before))[-CONTEXT:], "".join(CJK.findall(after))[:CONTEXT]
        for spelling in self._spellings[sound]:
            if (right and spelling + right in self._corpus) or (left and left + spelling in self._corpus):
                return spelling
        return term
