"""Which figure answers a figure asked: a place in a ranking for 排第几, a rate for 占比, an ordinal for
第几次, a sum in 亿 for 多少亿, the measure named for 多少辆; any figure otherwise.

A rank asked (在副省级城市里排第几, 第几名) is answered by a stated place in a ranking, not by any figure.

The documents state a rank in the clause after the figure it ranks (国家技术创新示范企业增至27家,居副省级
城市第1), and a ranking's own number (中国企业500强) is no place in it. The field ranked in (副省级城市) is
the ranking's, not the topic's: a clause naming it alone says nothing of the topic's place.
"""

from __future__ import annotations

import re

from .asks import ORDINAL_ASKED
from .figure_asks import MEASURE_ASKED, RATE_ASKED
from .spelling import spelled_in

RATE = re.compile(r"\d+(?:\.\d+)?\s*%|百分之|[\d一二三四五六七八九]成")
COUNTERS = ("个", "家", "座", "所", "处", "间", "栋")  # places and bodies are counted with any of these
ORDINAL = re.compile(
    r"[二两三四五六七八九十]+连(?:增|涨|升|降|冠|胜)|第[一二两三四五六七八九十\d]+(?:次|批|届|轮)"
)  # 十九连增
PEOPLE = ("名", "人", "位")  # 多少名 is answered by 8000人
HUNDRED_MILLIONS = re.compile(r"(?:多少|几)(?:万)?亿(?!元)")

RANK_ASKED = re.compile(r"排(?:到|在|名)?(?:全国|全球|全省)?第几|第几(?:名|位)")
RANK = re.compile(
    r"(?:居|位居|位列|排名|排)[^，,。；;]{0,14}?(?:首位|榜首|第[一二两三四五六七八九十\d]+)|第[一二两三四五六七八九十\d]+(?:名|位)|"
    r"(?:全国|全球|全省|世界|中部|副省级城市|省会城市)[^，,。；;]{0,4}?第[一二两三四五六七八九十\d]+"
)
PERIOD_ASKED = re.compile(r"(?:前三|第?[一二三四1-4])季度|上半年|下半年")
FIELD = re.compile(r"在([^，,。？?]{2,12}?)(?:里|中|内|当中)?(?:排|名列|位列)")  # 在副省级城市里排第几


def rank_asked(question: str) -> bool:
    return bool(RANK_ASKED.search(question))


def outside_field(terms: tuple[str, ...], question: str) -> tuple[str, ...]:
    """The topic's terms without those naming the field ranked in (副省级城市 of 在副省级城市里排第几)."""
    field = FIELD.search(question)
    kept = tuple(t for t in terms if not (field and spelled_in(t, field.group(1))))
    return kept or terms


def measured_figure(question: str) -> re.Pattern[str] | None:
    """多少万辆 is answered by a figure in 辆, not by a growth rate: the measure the question names. A part of
    the year asked (一季度要跑到多少) is answered by a figure said of that part, not by the year's target."""
    if rank_asked(question):
        return RANK
    if periods := PERIOD_ASKED.findall(question):  # 一季度4.5%、上半年5%，四季度呢: the last one said is asked
        return re.compile(rf"{periods[-1]}[^，,。；;]{{0,12}}?\d")
    if RATE_ASKED.search(question):
        return RATE
    if ORDINAL_ASKED.search(question):
        return ORDINAL
    if HUNDRED_MILLIONS.search(question):  # 定了多少亿: a sum in 亿, not a growth rate
        return re.compile(r"\d[\d.]*\s*(?:多|余)?(?:万)?亿")
    asked = MEASURE_ASKED.search(question)
    if asked is None:
        return None
    kinds = next((k for k in (COUNTERS, PEOPLE) if asked.group(1) in k), (re.escape(asked.group(1)),))
    measures = "|".join(kinds)
    # 50万燃气用户 answers 多少户: a few characters may name what is counted between figure and measure;
    # 连续上调了多少次 is answered by 十九连增 too
    ordinal = f"|{ORDINAL.pattern}" if asked.group(1) == "次" else ""
    return re.compile(
        rf"(?:\d[\d.]*|[一二两三四五六七八九十百千]+)\s*(?:多|余)?(?:万|亿)?[\u4e00-\u9fa5]{{0,4}}?(?:{measures}){ordinal}"
    )
