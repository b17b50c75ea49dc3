"""Chinese tokens for BM25: jieba with every unit name and domain term as one word.

Without the user dictionary jieba cuts 市发改委 or 一刻钟便民生活圈 into pieces that
match far too much; with it, a unit or a named programme is one exact token.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

import jieba
import jieba.posseg

PUNCT = re.compile(r"^[\W_]+$")
STOPWORDS = set(
    "的 了 和 与 及 等 在 是 有 为 对 把 被 将 从 向 上 中 下 个 哪些 什么 多少 怎么 如何 吗 呢 吧 啊 谁 "
    "单位 负责 牵头 责任 哪个 部门 任务 工作 今年 去年 年 方面 有关 相关 关于 一下 请问 告诉 我".split()
)
MAX_TAGGED = 50_000  # words whose tags are kept, and texts whose cut is
QUOTED = re.compile(r"“([^”]{2,14})”")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


class Tokenizer:
    """A private jieba instance, so our dictionary never leaks into other users of jieba."""

    def __init__(self, words: Iterable[str] = ()):
        jieba.setLogLevel(60)
        self._jieba = jieba.Tokenizer()
        self._lock = threading.Lock()
        self._pos = jieba.posseg.POSTokenizer(self._jieba)
        self._tags: dict[str, tuple[str, ...]] = {}
        self._words: dict[str, tuple[str, ...]] = {}
        self.words = sorted(set(words))
        for word in self.words:
            self._jieba.add_word(word, freq=50_000)

    def is_word(self, word: str) -> bool:
        """A word of jieba's dictionary (财政, 公安) or ours; 发改 is none."""
        with self._lock:
            self._jieba.check_initialized()
            return bool(self._jieba.FREQ.get(word, 0) > 0)  # jieba is untyped

    def dictionary_cut(self, word: str) -> list[str]:
        """The word cut by the dictionary alone, without jieba's guesses at new words (里点 → 里 点)."""
        with self._lock:
            return [p for p in self._jieba.cut(word.lower(), HMM=False) if p.strip()]

    def tags(self, word: str) -> tuple[str, ...]:
        """jieba's part-of-speech tag of each piece of the word (这种 → r, 之间 → f, 起步价 → n)."""
        if word not in self._tags:
            with self._lock:
                if len(self._tags) >= MAX_TAGGED:  # a long-running server meets words without end
                    self._tags.clear()
                self._tags[word] = tuple(str(p.flag) for p in self._pos.cut(word, HMM=True))
        return self._tags[word]

    def whole_words(self, text: str) -> list[str]:
        """Whole jieba words, punctuation and spaces dropped: what question analysis works on. One answer
        cuts the same topic and runs many times over, so each text is cut once (a copy is returned)."""
        if text not in self._words:
            with self._lock:
                if len(self._words) >= MAX_TAGGED:  # a long-running server meets texts without end
                    self._words.clear()
                pieces = list(self._jieba.cut(text.lower(), HMM=True))
            self._words[text] = tuple(p for p in (p.strip() for p in pieces) if p and not PUNCT.match(p))
        return list(self._words[text])

    def __call__(self, text: str) -> list[str]:
        """jieba words plus character bigrams: bigrams keep exact phrases such as 国际消费中心城市
        ahead of items that share only the common words 消费 and 城市."""
        with self._lock:  # jieba initialises its dictionary lazily and not thread-safely
            pieces = list(self._jieba.cut_for_search(text.lower(), HMM=True))
        words = [p for p in (p.strip() for p in pieces) if p and not PUNCT.match(p) and p not in STOPWORDS]
        return words + bigrams(text)


def bigrams(text: str) -> list[str]:
    return [f"_{run[i : i + 2]}" for run in CJK_RUN.findall(text) for i in range(len(run) - 1)]


def domain_terms(texts: list[str]) -> list[str]:
    """Named programmes and slogans are quoted in the sources (“学子聚汉”, “965”)."""
    return sorted({m.group(1) for text in texts for m in QUOTED.finditer(text)})
