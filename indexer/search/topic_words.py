"""The words of a question that ask, and the topic left when they are dropped.

A question says what it asks about in a few content words and how it asks in many others
(哪些单位, 负责, 帮我查一下); only the first are searched for and grounded. Filler is dropped as whole
tokens, never as substrings, so 归哪些单位管 loses 归/哪些/单位/管 and keeps nothing stranded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# Measure words: after a number (300家) the count ends, though jieba glues the next word on (家文旅).
MEASURE_WORDS = frozenset("个家条座处台张户项所名位批辆套间栋场亩人种类")
# Whole words that ask, not what is asked about.
FILLER = frozenset(
    """
小标题 标题 小节 一小节 那一小节 这一小节 那一 这一 section 那段话 这段话 底下 排在 放在 归在 归到 归进 划进 划到 划入 归入 放进 哪一部分 哪类 哪一类
的 了 在 中 里 内 上 是 由 都 和 与 及 跟 把 被 对 要 将 给 从 这些 那些 这个 那个 哪些 哪个 哪家 哪几 哪几个 哪 些
什么 为什么 为啥 干什么 做什么 管什么 是什么 有什么 有哪些 是多少 啥 多少 几 几个 谁 谁来 吗 呢 吧 啊 呀 么 请问 告诉 我 我们 你 帮 一下 相关 有关 方面 情况 工作 任务 事项 哪项 哪一项 哪几项
事情 事 单位 部门 机构 负责 牵头 承担 参与 配合 主抓 抓 管 归 干 做 干啥 怎么 怎么样 如何 怎样 有 有没有 是否
都有 分别 具体 主要 变化 分工 对比 比较 区别 不同 差异 调整 相比 提出 提到 说 说了 讲 写 列 安排 哪里 方案 文件 里面
这 那 这件 那件 件 这块 那块 块 一块 这事 那事 搞 弄 来 去 能 会 想 可以 活 活儿 嘛 哦 哈 呗 这一块
条目 当 这项 那项 出现 哪条 哪一条 哪几条 就一条 这条 那条 该项 这一项 他们 她们 它们 咱们 大家 自己 份 这份 那份 打算
清单 职责 责任清单 任务清单 工作清单 改名 更名 改名后 更名后 定 定了 列出 列举 一共 总共 共有 作为 担任 分到 分配 派 派了 交给 找 涉及 主管 局 局管
列进 单位名单 点到 点到名 被点 到名 点名 被点名 或者 只是 别人 给别人 跟谁 单子 那张单子 明确 挂 挂在 挂名 各是 名字 写明 写着 找到 能找到 表里 任务表 两版 各版 两年 各 比一比 一样 不一样 一致 还 提 提的 东西 部分 这部分 那部分 第一部分 第二部分 第三部分 第四部分 第五部分 大部分 一大部分 板块 那个板块 各有 市里 查 查下 查一下 看下 看一下 一起 名下 出力 一栏 那一栏 栏 摊到 摊了 一并 两份 跟着
竟然 居然 前后 进 写进 写进去 列进去 拉进 拉进来 进来 掏钱 出钱 所有 全部 台账 对账 算 都算 需要 比如 例如 譬如 分给 分了 这回 这次 本次 这一次 这一回 参加 表上 进去 没有 是不是 也 就是 也就是
""".split()
)
# English question words and function words staff mix in (who leads …, what does … do, how many …).
ENGLISH_FILLER = frozenset(
    """
who whom whose which what when how many much is are was were be been the a an of for in on at to by from with and or
does do did doing has have had this that these those there its it their please tell me show list about any all
responsible charge department departments unit units agency agencies bureau task tasks work plan plans will should
build built rebuilt building construct constructed add added complete completed upgrade upgraded main major key get got
support supporting supports role roles either both vs pls plz item items entry entries listed named appear appears
""".split()
)
LONGEST_FILLER = max(map(len, FILLER))
# A partner country's initial after 中 names a joint project (中法生态示范城, 中德国际产业园): jieba cuts off the
# 中, which alone is filler (方案中), and leaves the initial alone.
PARTNER = frozenset("法德欧日韩俄英非")
ASKED_TAIL = "方面"  # a dictionary word glued to it (管理方面) is the word, asked about in one respect


# A verb asked as V不V (算不算, 补不补, 能不能): it asks whether, and names nothing the documents hold.
ASKED_WHETHER = re.compile(r"([\u4e00-\u9fa5])[不没]\1")


def is_filler(word: str) -> bool:
    """A filler word, or a token jieba glued together from filler words only (谁来管, 这事, 在抓)."""
    if word in FILLER or word.lower() in ENGLISH_FILLER or ASKED_WHETHER.fullmatch(word):
        return True
    ends = {0}
    for end in range(1, len(word) + 1):
        if any(
            end - size in ends and word[end - size : end] in FILLER for size in range(1, min(LONGEST_FILLER, end) + 1)
        ):
            ends.add(end)
    return len(word) in ends


def topic_of(text: str, words: Callable[[str], list[str]]) -> str:
    """What remains of the question once years, kinds and units are cut and its filler words dropped. Names
    listed with 、 (锐科、长飞、小米) stay apart: one run across them is a string no document holds."""
    return " ".join(filter(None, (_topic_of(part, words) for part in LISTED.split(text))))


LISTED = re.compile(r"[、]")


def _topic_of(text: str, words: Callable[[str], list[str]]) -> str:
    runs, run, last = [], "", ""
    for word in _partners_joined(words(text)):
        if len(word.strip()) >= 2 and word == last:  # a term said twice (tourism 文旅 → 文旅 文旅)
            continue
        if last.isdigit() and len(word) > 1 and word[0] in MEASURE_WORDS:  # 首店300家 | 文旅, not 300 家文旅
            runs.append(run + word[0])
            run, word = "", word[1:]
        last = word if word.strip() else last
        head = word[: -len(ASKED_TAIL)] if word.endswith(ASKED_TAIL) and len(word) >= len(ASKED_TAIL) + 2 else ""
        if is_filler(word) or head:
            runs.append(run + head)
            run = ""
        else:
            latin = run[-1:].isascii() and run[-1:].isalnum() and word[:1].isascii() and word[:1].isalnum()
            run += (" " if latin else "") + word
    runs.append(run)
    return " ".join(_once(r) for r in runs if r.strip(" 年"))


def _partners_joined(words: list[str]) -> list[str]:
    """中 | 法 | 生态 → 中法 | 生态: the pair's name kept whole, never 中 | 法规 (方案中法规)."""
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] == "中" and word in PARTNER:
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def _once(run: str) -> str:
    """A run said twice over (养老服务养老服务, from elderly care 养老服务) once."""
    half = len(run) // 2
    return run[:half] if half >= 2 and len(run) % 2 == 0 and run[:half] == run[half:] else run


@lru_cache(maxsize=1)
def plain_words() -> Callable[[str], list[str]]:
    from ..store.tokenize import Tokenizer

    return Tokenizer().whole_words
