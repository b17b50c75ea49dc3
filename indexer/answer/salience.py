"""Which of a topic's words an answer must be about: its salient terms.

A term is a topic word of two or more characters that is not generic in the corpus (in more than
GENERIC of the items: 武汉, 建设, 推进 say nothing about the topic), not a word that asks (filler, aspect
words such as 目标/要求, yes/no words), and not a word that only says how something is asked: a pronoun,
conjunction or particle by jieba's part-of-speech tag, or a locality word, adverb or count no document
uses (这种, 手上). A count said of a thing (游客量) is a term for the thing the documents count.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..search.engine import Engine

from ..foundation.text import normalise_query
from ..search.engine import COMMON_SHARE as GENERIC  # a word in more of the items does not name a topic
from ..search.topic_words import is_filler

# Negations and yes/no words ask whether, never what (没有写牵头单位的任务): never a topic term.
NOT_TOPIC = frozenset("没有 有无 能否 可否 不是 是不是 有没有 没能 会不会 能不能 不能 不会 不要 要不要".split())
# A number, a letter, or a count (两张, 几个): the size of the answer, never its topic.
QUESTION_ONLY = re.compile(r"^(?:\d+|[a-z]|[一二两三四五六七八九十几]+[个张条项家座所件处批名位种类])$", re.I)
CJK = re.compile(r"[\u4e00-\u9fff]")
ENOUGH_CHINESE = 4  # Chinese characters a mixed question needs before its English words are left out
ENGLISH_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z'-]*(?![A-Za-z0-9])")
GLUE = frozenset("由的了在把被将给从和与及对等")
MODAL = frozenset("要会能想该可前后")  # glued to a verb no document uses (要建, 能拿, 几号前交)
# Pronouns, conjunctions, prepositions, particles (jieba's tags) say how something is asked, never what
# about; so do locality, place, time words, adverbs and counts the documents never use (手上, 到底): jieba tags
# single words loosely (高速 as an adverb, 路口 as a place), so a word the documents use stays a term.
FUNCTION_TAGS = frozenset("r c p u uj ul uz ud ug uv y e o".split())
MAYBE_FUNCTION = frozenset("f s d q m t".split())
ASKING_TAGS = FUNCTION_TAGS | MAYBE_FUNCTION  # 这张 (r + q): a pointer with a measure word
# Words that ask about an aspect of the topic (its target, timing, measures, wording), not the topic:
# 低空经济的目标 is answered by an item on 低空经济 that states a target in its own words.
ASPECT = frozenset(
    """
目标 计划 要求 部署 举措 措施 内容 时间 时候 期限 截止 数量 面积 总数 比重 比例 占比 提法 说法 表述 全称 名称 意思 含义
一样 相同 一致 指出 实际 回顾 关于 及其 其 落到 落实 设在 超过 达到 完成 新增 安排 重点 主题 总体 怎么 定 分别 三年 两年
哪年 当年 之前 以前 以后 时 期间 阶段 进展 成效 效果 情况 举办 报 全年 今后 未来几年 个 家 条 项 幅度 增长幅度 增幅 涨幅
报告 方案 通知 文件 背景 类型 角色 身份 定位 作用 做法 思路 方式 开头 结尾 收尾 末尾 开篇 回头 回头看
""".split()
)


def salient_terms(engine: Engine, topic: str) -> tuple[str, ...]:
    """The topic words an answer must be about, in question order."""
    return tuple(dict.fromkeys(w for phrase in phrases(engine, topic) for w in phrase[1]))


def phrases(engine: Engine, topic: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(a run of the topic, its salient words): a run spelled in an item is one term (生活性服务业
    is not 生产性服务业), else its words are the terms. Asked several times per answer: read once."""
    return _phrases(engine, topic)


@lru_cache(maxsize=2048)
def _phrases(engine: Engine, topic: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    found: list[tuple[str, tuple[str, ...]]] = []
    chinese = bool(CJK.search(topic))
    for run in (normalise_query(part) for part in topic.split()):  # a removed question word parts two runs
        words = tuple(
            dict.fromkeys(
                w
                for w in map(partial(counted, engine), read_words(engine, run))
                if salient(engine, w) and not (chinese and _foreign(engine, w))
            )
        )
        if words:
            found.append((run.strip(" 年"), words))
    return tuple(found)


def read_words(engine: Engine, run: str) -> list[str]:
    """The run's words, where a word jieba guessed (in neither its dictionary nor any document) around a filler
    word is read as the dictionary's pieces: cutting 建议案 from 建议案里点到 or 多少 from 能产多少光模块 leaves
    guesses (里点, 能产光) no one typed. A guess with no filler in it (快充, 东本) is a name and stays whole."""
    tokenizer = engine.tokenizer
    words: list[str] = []
    for word in tokenizer.whole_words(run):
        pieces = tokenizer.dictionary_cut(word) if len(word) >= 2 and not tokenizer.is_word(word) else [word]
        guessed = len(pieces) > 1 and not engine.share(word) and any(is_filler(p) for p in pieces)
        words.extend(pieces if guessed else [word])
    return words


def counted(engine: Engine, word: str) -> str:
    """游客量 and 企业数 are 游客 and 企业 counted: the documents give the count beside the thing."""
    stem = word[:-1]
    if word.endswith(("量", "数")) and len(stem) >= 2 and not engine.share(word) and engine.share(stem):
        return stem
    return word


def _foreign(engine: Engine, word: str) -> bool:
    """An English word the glossary left untranslated and no document uses: beside Chinese words
    (Who leads 十年禁渔), only the Chinese can be held by these documents."""
    return word.isascii() and document_share(engine, word) == 0


def without_foreign(engine: Engine, text: str) -> str:
    """The text without the English words no document uses, when it has Chinese ones to search by:
    they only lower every item's coverage (Which bureau leads … (十年禁渔))."""
    if len(CJK.findall(text)) < ENOUGH_CHINESE:  # zhongyiyao产业园: the pinyin is half the topic
        return text
    kept = ENGLISH_WORD.sub(lambda m: m.group() if document_share(engine, m.group().lower()) else " ", text)
    return kept if sum(ch.isalnum() for ch in kept) >= 2 else text


def salient(engine: Engine, word: str) -> bool:
    word = word.strip(" 年")
    if len(word) < 2 or is_filler(word) or word in ASPECT or word in NOT_TOPIC or QUESTION_ONLY.match(word):
        return False
    if len(word) == 2 and (word[0] in GLUE or word[1] in GLUE):  # jieba glued a function word on (化由, 由谁)
        return False
    if len(word) == 2 and word[0] in MODAL and not engine.share(word):  # 要建, 能拿, 前交: glued to a verb
        return False
    tags = engine.tokenizer.tags(word)
    if all(t in FUNCTION_TAGS for t in tags) or all(t in ASKING_TAGS for t in tags) and not engine.share(word):
        return False  # 这种, 手上, 这张: how it is asked, not what about
    return document_share(engine, word) <= GENERIC


def asks_only_whether(engine: Engine, topic: str) -> bool:
    """A topic left with only negations or yes/no words (没有): the question's own words are the search."""
    words = engine.tokenizer.whole_words(normalise_query(topic))
    return bool(words) and all(w in NOT_TOPIC or is_filler(w) for w in words)


def document_share(engine: Engine, word: str) -> float:
    return float(engine.share(word))
