"""Names an item lists beyond those the question gives: what answers 是哪几个 / 哪两个 / 叫什么.

An enumeration (A、B、C等12个) answers a question for names only with a name the question does not
already give, and not when it lists the topic beside its siblings (十大名菜 among 十大伴手礼、十大名点).
"""

from __future__ import annotations

import re

# A name may carry a bracketed place: 武汉(汉口北)商品交易会
NAME_CHAR = r"(?:[\u4e00-\u9fa5“”()（）A-Za-z+]|\d+[A-Za-z])"  # and a Latin name: “5G+工业互联网”融合应用试点城市
NAMES = re.compile(rf"{NAME_CHAR}{{2,}}(?:、{NAME_CHAR}{{2,}})+(?:等\d)?|[\u4e00-\u9fa5”]{{2,}}等\d")
BRACKETS = re.compile(r"[()（）]")  # 特色街区(小镇) is asked as 特色街区（小镇）: the brackets say nothing
LIST_END = re.compile(r"等\d*$")  # 范湖立交、常青立交等12个: the list closes on its last name
QUOTED = re.compile(r"“([^”“]{2,12})”")
CLASS_AFTER = re.compile(r"等(?:\d+[个家项条座所种类])?([\u4e00-\u9fa5]{2,8})$")  # …艺术节等品牌活动
A_NAME_ASKED = re.compile(r"叫什么|什么名字|名称是|哪(?:两|几|一)?个字|(?:什么|哪(?:两|几)个)(?:说法|提法|词)")
JOINED = re.compile(r"[和与及]")
CJK_KIND = re.compile(r"[\u4e00-\u9fa5]+")
# The verbs a facility's name follows (建设…大走廊, 打造…品牌): what stands between one and the term names it.
NAME_VERB = re.compile(
    r"新?改?扩建|改造|建设|建成|打造|推进|加快|支持|实施|创建|开展|举办|培育|发展|提升|完善|做强|新建|启动|推动|争创|筹建|办好|[,，:：;；]"
)
NAME_END = "、和与及等的,，。;；()（）"
NAME_LEAST = 3  # characters of a name the question does not give: 分管 (副市长) names no one
PAIR = re.compile(
    rf"([\u4e00-\u9fa5]{{2,8}}){JOINED.pattern}([\u4e00-\u9fa5]{{2,8}})"
)  # 耕地和种子, 全景图和招商路线图


def new_pair(clause: str, question: str) -> bool:
    """Two names joined by 和/与/及 that the question does not give: 哪两个要害 is answered by 抓住耕地和种子两个要害;
    the last two of a longer list (…、生态环保设施和优质公共服务配套) are not a pair."""
    return any(
        m.group(1)[-2:] not in question and m.group(2)[:2] not in question and clause[max(m.start() - 1, 0)] != "、"
        for m in PAIR.finditer(clause)
    )


def new_names(clause: str, question: str, terms: tuple[str, ...] = (), given: tuple[str, ...] = ()) -> bool:
    """An enumeration in the clause with a name the question does not already give. One that lists the
    topic itself (十大伴手礼、十大名菜、十大名点 for 十大名菜 是哪十道) names its siblings, not its members;
    a member the question sets aside (除了额头湾) is given in its full name too (额头湾立交)."""
    for pieces in (p for match in NAMES.finditer(clause) for p in _lists(match.group(0))):
        closed = bool(LIST_END.search(pieces[-1]))
        kind = CLASS_AFTER.search(pieces[-1])  # A、B、C等品牌活动: the members of a class the question names
        members = kind is not None and any(t in kind.group(1) for t in terms if len(t) >= 2)
        if kind is not None and members:
            pieces[-1] = pieces[-1][: kind.start()]
        names = [BRACKETS.sub("", LIST_END.sub("", n)).strip("“”") for n in pieces]
        if not members and _lists_topic(_unglued(names, terms, closed=closed), terms):
            continue
        if any(len(n) >= 2 and n[-3:] not in question and not any(g in n for g in given) for n in names):  # 培育百步亭
            return True
    if not A_NAME_ASKED.search(question):  # 具体是哪几家 asks members, which a quoted class (“小巨人”) does not give
        return False
    return any(  # a name the documents quote (搭建“武创通”科创服务平台, 牢记政府前面“人民”二字)
        quoted not in question and not any(t in quoted for t in terms if len(t) >= 2)
        for quoted in QUOTED.findall(clause)
    ) or any(_named_before(clause, question, t) for t in terms if len(t) >= 2)


def _named_before(clause: str, question: str, term: str) -> bool:
    """One thing's name asked (那条大走廊叫什么): the item names it where words the question does not give
    stand between the last verb and the term (加快建设车谷产业创新大走廊); a figure after the term counts
    things of a kind (建成体育公园10个) and names none, and a name ends on the term (公园绿地 is no 公园's name)."""
    at = clause.find(term)
    end = at + len(term)
    if end < len(clause) and clause[end] not in NAME_END:
        return False
    modifier = NAME_VERB.split(clause[:at])[-1].lstrip("的和与及、") if at > 0 else ""
    return len(modifier) >= NAME_LEAST and sum(ch not in question for ch in modifier) >= NAME_LEAST


def of_class(clause: str, kinds: str, count: int) -> bool:
    """A list in an item on the topic as long as the count asked, whose last name is of the kind asked
    (哪三个中心: …登记中心、全国碳市场中心、全国碳金融中心), answers it a clause away from the topic's words;
    with no kind given, any list as long as the count (the caller asks a topic word beside it)."""
    heads = [kinds[:k] for k in range(len(kinds), 1, -1)]
    lists = [m.group(0).split("、") for m in NAMES.finditer(clause)]
    return any(len(names) == count and (not kinds or any(h in names[-1] for h in heads)) for names in lists)


def _lists(enumeration: str) -> list[list[str]]:
    """The lists run together in one enumeration: a list ends at the name closed by 等 (天河空铁枢纽、航天新城等
    重点板块 | 聚人气、聚产业、聚要素)."""
    pieces = enumeration.split("、")
    lists, start = [], 0
    for i, piece in enumerate(pieces[:-1]):
        if "等" in piece and i > start:
            lists.append(pieces[start : i + 1])
            start = i + 1
    rest = pieces[start:]  # a single name left after the last 等 is no list
    return [*lists, rest] if len(rest) > 1 or not lists else lists


def _unglued(names: list[str], terms: tuple[str, ...], closed: bool = False) -> list[str]:
    """The names without the words glued to the ends of the list up to a topic word (擦亮光谷、…、药谷名片
    → 光谷 … 药谷; a heading may run into the first name). A list closed by 等 ends on a name."""
    terms = tuple(t for t in terms if len(t) >= 2)
    first = next((_after(names[0], t) for t in terms if t in names[0]), names[0])
    last = names[-1] if closed else next((_before(names[-1], t) for t in terms if t in names[-1]), names[-1])
    return [first, *names[1:-1], last] if len(names) > 1 else [first]


def _after(name: str, term: str) -> str:
    """What follows the topic word in the list's first name; the word itself when it ends the name (推广武汉十大伴手礼)."""
    return term if name.endswith(term) else name.split(term, 1)[1]


def _before(name: str, term: str) -> str:
    """What precedes the topic word in the list's last name; the word itself when it starts the name."""
    return term if name.startswith(term) else name.rsplit(term, 1)[0]


def _lists_topic(names: list[str], terms: tuple[str, ...]) -> bool:
    return any(t in n for t in terms if len(t) >= 2 for n in names)


def named_of_class(body: str, kind: str, question: str) -> bool:
    """Two names or more of the kind asked (哪几个工程: 数字基础设施扩容工程, 数字核心产业提升工程), each said in its
    own sentence, that the question does not give."""
    if len(kind) < 2 or not CJK_KIND.fullmatch(kind):
        return False
    found = {
        m.group(1)
        for m in re.finditer(
            rf"(?:实施|建设|打造|推进|开展|启动|创建)([\u4e00-\u9fa5]{{2,10}}?){re.escape(kind)}", body
        )
    }
    return len({name for name in found if name not in question}) >= 2
