"""How far a question reaches, beside what it is about: a part added to a unit's items (含收入目标), and two
things told apart (揭榜挂帅跟定向委托有啥区别) rather than two years or documents compared.
"""

from __future__ import annotations

import re

from .kinds import named_kinds
from .years import find_years

# A part added to a unit's items (含收入目标, 目标也算, 连建议案): more of them, not a narrower topic.
INCLUDED = re.compile(
    r"[（(](?:含|包括|包含|连同?)(?!哪|什么|啥)[^，,。？?）)]{1,8}[）)]|[\u4e00-\u9fa5]{1,6}也算(?:上|进来|进去)?|连同?[\u4e00-\u9fa5]{2,6}$"
)
# Two things told apart (揭榜挂帅跟定向委托有啥区别, 科学城和科学中心是一回事吗): what each is, which the plans never
# define; a difference asked of two years or documents (两版方案有啥不一样) is a comparison.
TOLD_APART = re.compile(
    r"区别|(?:怎么|如何|怎样|咋|难以|不好|很难|加以|进行|能)区分|区分(?:开|清|一下)|不一样|(?:什么|啥|何)不同|一回事|差别|分得清"
)  # never the 区分 of 新城区分别
OVER_TIME = re.compile(r"两版|两份|两年|前后|两次|历年|这几年|每年|今年|去年|前年|明年|往年|以前|之前|现在")


def told_apart(text: str) -> bool:
    """Two things asked apart, not two years or documents (which COMPARE reads). Years relative to now (去年) are
    OVER_TIME's, so the latest year given to find_years does not matter."""
    named = find_years(text, 0)[0]
    spans = len(named) >= 2 or len(named_kinds(text)) >= 2 or OVER_TIME.search(text)
    return bool(TOLD_APART.search(text)) and not spans


# No district government on the item (哪几件压根没让区政府掺和, 不用区里参与, 名单上不见区里): the unit's items without one.
_DISTRICTS = r"(?:(?:各|任何|一个)?(?:区政府|区人民政府|区里)|各区)"
NO_DISTRICT = re.compile(
    rf"(?:没(?:有|让|拉上|带)?|不(?:用|带|需要|见)|无需|找不着)[^，,。？?]{{0,4}}?{_DISTRICTS}[^，,。？?]{{0,8}}|"
    rf"(?<!只有)(?<!仅有)(?<![只仅])(?<!只是){_DISTRICTS}[^，,。？?、]{{0,8}}?(?:都没|没(?:进|出现|份|有|写)|不在|不沾边|沾不上边|没关系|一个都没)[^，,。？?]{{0,6}}"
)


MARK = "※"  # where the filter was said, so that its clause can be cut once the units are read
MARKED_CLAUSE = re.compile(rf"[^，,。？?、；;\s]*{MARK}[^，,。？?、；;\s]*")


def is_district(unit: str) -> bool:
    """A district government, one or all of them (各区人民政府, 洪山区人民政府); a zone's 管委会 is none."""
    return unit.endswith("区人民政府")
