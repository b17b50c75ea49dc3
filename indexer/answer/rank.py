"""A rank asked (在副省级城市里排第几, 第几名): answered by a stated place in a ranking, not by any figure.

The documents state a rank in the clause after the figure it ranks (国家技术创新示范企业增至27家,居副省级
城市第1), and a ranking's own number (中国企业500强) is no place in it. The field ranked in (副省级城市) is
the ranking's, not the topic's: a clause naming it alone says nothing of the topic's place.
"""

from __future__ import annotations

import re

from .spelling import spelled_in

RANK_ASKED = re.compile(r"排(?:到|在|名)?(?:全国|全球|全省)?第几|第几(?:名|位)")
RANK = re.compile(
    r"(?:居|位居|位列|排名|排)[^，,。；;]{0,14}?(?:首位|榜首|第[一二两三四五六七八九十\d]+)|第[一二两三四五六七八九十\d]+(?:名|位)|"
    r"(?:全国|全球|全省|世界|中部|副省级城市|省会城市)[^，,。；;]{0,4}?第[一二两三四五六七八九十\d]+"
)
FIELD = re.compile(r"在([^，,。？?]{2,12}?)(?:里|中|内|当中)?(?:排|名列|位列)")  # 在副省级城市里排第几


def rank_asked(question: str) -> bool:
    return bool(RANK_ASKED.search(question))


def outside_field(terms: tuple[str, ...], question: str) -> tuple[str, ...]:
    """The topic's terms without those naming the field ranked in (副省级城市 of 在副省级城市里排第几)."""
    field = FIELD.search(question)
    kept = tuple(t for t in terms if not (field and spelled_in(t, field.group(1))))
    return kept or terms
