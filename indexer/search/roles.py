"""The role a question asks a unit in: 牵头 (lead), 配合 (responsible only), or either.

Staff say the roles in their own words (挂帅, 打下手, 跟着干, 主办协办一起, 被写成责任单位); the documents
write only 牵头单位 and 责任单位. These patterns read the role and mark the words that only say it,
so they are no topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..records import Role
from .unit_names import bare_place

HELPS = r"打[过了]?下手"  # 打下手, 打过下手: the support role in staff's words

# 在哪些工作里是责任单位: the role the unit plays, said of it; not a question of who.
ROLE_STATED = re.compile(
    r"(?:是|作为|同为|均为|皆为|担任|当|列为|列成|列入|列作|算作|写成|写为|写作|定为)(?:\d{4}年(?:的)?)?(?:哪些|哪几项|哪项|什么)?(?:任务|工作|事项)?的?(?:牵头|责任|配合|参与)单位|(?:任务|工作|事项)(?:是|当)(?:牵头|责任|配合|参与)单位|"
    r"(?:给|帮|替|配合)(?:别的|其他|其它|别家)?(?:牵头)?(?:单位|部门)|"  # 给别的牵头单位打下手: the unit's own role
    r"(?:牵头|责任)单位(?:一栏|那一栏|栏)?(?:里|中)?写(?:的|着|的是|了)"  # 牵头单位一栏写的是市生态环境局
)
# 牵头单位是谁 / 是责任单位 name the role asked about, and 责任 left behind would read as a topic word;
# 牵头单位和责任单位之间的协同 is a topic.
ROLE_WORDS = re.compile(
    r"(?:牵头|责任|配合|参与|主责)(?:单位|部门|主体)(?=[是有为都分各呢吗写里中栏被？?，,。（(\s]|$)"
)
# The lead unit in other words (第一责任单位, 主责单位): the role 牵头单位, said the documents' way.
LEAD_UNIT_SAID = re.compile(
    r"第一责任单位|主责单位|主责部门|第一责任部门|(?<=作为)第一责任人"
)  # 当…第一责任人: the notice's word
LEAD_SAID = re.compile(
    r"挑过?头|领头|带头|带队|当头|打头(?!阵)|唱主角|当家(?!人)|[挑扛](?:起|了)?(?:大梁|重担|担子)|挑[^，。？?]{1,10}?担子|(?<!揭榜)(?<!揭膀)挂帅|领衔|主抓|抓总|牵总|拿总|(?:担|负|扛|承担)(?:起)?主责|"
    r"打头阵(?=的|干|做|负责|抓|办|[、，,])|主办(?=的?(?:任务|事|工作|事项|项目|条目|哪))|(?:以|作为)主办(?:方|单位)?的?(?:身份|角色)|"
    r"(?<=[是当为])主办(?=的)|主导(?=[、，,的\s]|$)"  # 是主办的有几条; 科创局主导、发改委配合 (never 主导产业)
)  # how staff say 牵头; the documents never use these words (打头阵 and 揭榜挂帅 they use of other things)
# The roles in other offices' words (主办单位, 协办方, 挂名配合), said the documents' way before anything reads them.
ROLE_SYNONYMS = (
    (re.compile(r"主办(?:单位|部门)"), "牵头单位"),  # never 主办方
    (re.compile(r"协办(?:单位|部门)|协作单位"), "责任单位"),
    (re.compile(r"挂名(?=配合|参与)"), ""),
)
# An event's host (会展合作论坛谁当主办单位, 华创会的主办方): who runs the event, which no task's lead unit says.
EVENT_HOST = re.compile(r"(?:会|论坛|展|赛|节|活动)的?由?(?:谁|哪个单位|哪家|哪个部门)?(?:当|是|来当|担任|做)?主办")
# The support role added to the lead one (连只写了责任单位的也算, 协办的也算上): either role is asked, said as
# 配合 beside the rest, which asked_role reads as any role and which names no topic.
ROLE_ADDED = re.compile(
    r"连?只?(?:写了?|列了?|是|作为|当)?(?:责任单位|配合单位|配合|参与|协办)的?(?:任务|条目)?(?:也|都)(?:算|要|列)(?:上|进来|进去)?"
)
# Both roles said together (主办协办一起, 无论主办还是协办): any role is asked, and the words name no topic.
BOTH_ROLES = re.compile(
    r"(?:无论|不管|不论)?(?:主办|挂帅|领衔)(?:或者|还是|和|与|、|或|及|跟)?(?:协办|协助|协同)(?:一起|都算|都要|都列|一并)?"
)

# Both roles asked side by side (牵头的和打下手的分别有哪些, 牵头的有几条、作为协办的有几条): any role, each
# item says which.
_EACH_ASK = r"(?:任务|事|工作|活)?(?:有几条|有几项|有哪些|是哪些|有多少条?)?"
_JOIN = r"(?:和|与|及|以及|、|，|,|跟|还有)"
BOTH_ASKED = re.compile(
    rf"(?<!不)牵头的?{_EACH_ASK}{_JOIN}(?:作为|当|是)?(?:配合|参与|{HELPS}|协办|协助|责任单位|跟着(?:干|做|办|搞))|"
    rf"(?:配合|参与|{HELPS}|协办|协助)的?{_EACH_ASK}{_JOIN}(?:自己)?(?:作为|当|是)?牵头"
)
# Which of the two roles (各自是挑头还是帮忙): any role, each item says which.
ROLE_CHOICE = re.compile(rf"牵头(?:的)?还是(?:作为|当|是)?(?:配合|参与|{HELPS}|协办|协助|帮忙|帮手|责任单位)")
# Which of a unit's items it leads, asked beside the rest (哪条它挂帅、哪条只是跟着; 有名字的活，哪条是它领头; 名下有
# 哪几条？哪条归它挑大梁): every item naming it, each saying its role.
WHICH_LEADS = re.compile(
    r"哪(?:条|项|件|些|几条|几项)[^，,。？?]{0,4}?牵头[、，,]\s*哪(?:条|项|件|些|几条|几项)|"
    r"(?:有(?:它的?)?名字|出现|挂名|被点名|点到名|有份|名下)[^。？?]{0,10}?[，,、？?\s]?\s*"
    r"(?:哪(?:条|项|件|些|几条|几项)(?:是|归)?(?:它|其)?牵头|牵头(?:的是)?哪(?:条|项|件|个|几条))"
)
# Only the tasks a unit supports (只作为责任单位、不牵头, 配合别人做的): 牵头 there is what is excluded.
# The support role set aside (自己牵头的，不算配合的): the lead role alone is asked.
LEAD_ONLY = re.compile(rf"不(?:算|含|包括|是|当)(?:配合|参与|责任单位|{HELPS})|只(?:作为|当|是)?牵头|自己牵头")
# The support role set aside in so many words (协办的不要, 配合的不算, 去掉参与的): the lead role alone is asked.
# Read before SUPPORT_ONLY, whose words (协办, 配合的) these phrases hold.
SUPPORT_SET_ASIDE = re.compile(
    rf"(?:配合|参与|协办|协助|{HELPS}|责任单位)(?:别人|别家|他人|其他单位)?的?(?:任务|事|条目|活)?(?:都|就)?(?:不要|不算|除外|不用|不列|不计|去掉|排除)|"
    rf"(?<!要)(?:不要|不算|除去|去掉|排除)(?:那些)?(?:配合|参与|协办|协助|{HELPS})"
)
SUPPORT_ONLY = re.compile(
    r"不牵头|非牵头|(?<!是)不是牵头|不算牵头|不当牵头|不包括牵头|不含[^，。？?]{0,6}牵头|只(?:作为|当|是)?被?(?:列为|列作|算作)?(?:责任单位|配合)|"
    rf"(?:作为|当|是|同为|均为|皆为|列为|列成|列入|写成|写为|写作|定为)(?:责任单位|配合单位|配合方|协办方)|配合单位|(?<!不是)(?<!不算)(?:配合(?:别人|别家|别的(?:单位|部门|局))|{HELPS}|协办(?!单位|方)|协助(?:办理)?(?=的|了|哪|干|做|办)|跟着(?:干|做|办|搞))|"
    r"(?<!不是)(?<!不算)(?<!牵头)(?<!牵头和)(?<!牵头或)(?<!牵头、)配合的(?=事项|任务|事|工作|条目|活|清单|分解任务)|"
    r"(?:双双|一齐|一起|一块儿?|同时|共同|都)(?:做|当|打|作为|是)?(?:配合|协办|协助)(?!单位|方|的?还有|[^，。？?]{0,4}吗)|"
    r"(?:给|帮|替)(?:别的|其他|其它|别家|别人)的?(?:单位|部门|局|委|家)?(?:打配合|打下手|配合|帮忙|搭把手)|(?<![不没])(?:当|作为)配合(?=的|角色)|"
    r"(?:当|做)配角|陪跑"
)  # 双双配合, 一齐做配合, 都协办: both in the support role


# A unit with no other unit beside it on an item (一家单独扛, 没写别的单位, 没配合单位, 自己一家负责), or
# (ALONE_LEAD, read after LEAD_SAID made 挑头 牵头) the only lead (单独牵头, 一家牵头): a filter on the unit lists,
# never a topic; 没配合单位 is no question of the support role.
ALONE = re.compile(
    r"(?:它|自己)?(?:一家|单独|独自|独立)(?:单独)?(?:扛|负责|承担|干|办|完成)(?:下来)?|自己一家|(?:一个人|一家)?单干|"
    r"(?:没(?:有)?(?:写|列|安排|带)?|不(?:带|拉|找|叫|喊))(?:别的|其他|其它|其余)的?(?:单位|部门)|(?:没有?|无|不需要|不用)(?:任何)?(?:配合|责任)单位|"
    r"(?:不需要|不用|无需|没有?)(?:别人|别的单位|其他单位|他人)(?:来)?(?:配合|参与)|就它(?:自己|一家)|只有它(?:自己|一家)|"
    r"只(?:挂|写|列)了?(?:它|自己)?(?:一个|一家)(?:单位)?(?:的)?(?:名字)?|"
    r"唱独角戏|光杆司令|包圆|(?:一个|任何)(?:配合|责任)?单位都没(?:写|列|挂|有)|没挂(?:配合|责任)?单位|"
    r"只(?:挂|写|列|出现|有)了?[^，,。？?]{1,10}?(?:这)?(?:一个|一家)(?:名字|单位)|(?i:\bsolo\b|zero co-?units?|no co-?units?)"
)  # 唱独角戏, 当光杆司令, 只挂了城建局一个名字
# The only other units on the unit's items, named (配合方只有各区政府, 只拉上各区政府一起干): a filter on the unit
# lists like ALONE, the units in `who` read as those allowed beside the asked one.
ONLY_SAID = r"(?:配合(?:方|单位|部门|的)?|责任单位|参与的?)?(?:只有|仅有|就只有|只拉上|只带上|只带|只剩)"
ONLY_BESIDE = re.compile(rf"{ONLY_SAID}(?P<who>[\u4e00-\u9fa5]{{2,10}}?)(?=一起|一块|配合|参与|[，,、。？?的]|$)")
# 没有别的局: what ONLY_BESIDE says, said again
NO_OTHER = re.compile(rf"没有?(?:别的|其他|其它)的?(?:局|委|委办局|单位|部门)|{ONLY_SAID}|唯一(?:一条|一项|一件)?")
ALONE_LEAD = re.compile(r"(?:自己)?(?:一家|单独|独自|独家|唯一)(?:单独)?牵头")


def led_by_other(text: str, names: list[str], units: tuple[str, ...]) -> bool:
    """Every 牵头 said follows a district the question does not ask about (临空产业 黄陂挂帅 发改委干啥):
    the role is that district's, not the asked unit's."""
    places = {bare_place(n) for n in names if n.endswith("区人民政府") and n not in units}
    places |= {p + "区" for p in places}
    leads = [m.start() for m in re.finditer("牵头", text)]
    return bool(leads) and all(any(text[:at].rstrip("的 ").endswith(p) for p in places) for at in leads)


# The helpers of the items a unit leads, asked (投促局挑头的那几件事，都拉了哪些单位来配合): its lead items, their lists.
HELPERS_OF_LEAD = re.compile(
    r"(?:牵头|当主角|唱主角)(?:抓|干|做)?的[^，,。？?]{0,8}?(?:事|工作|任务|项目|活)"
    rf"(?=[^。？?]{{0,20}}?(?:配合|跟着|协办|帮忙|{HELPS}))(?=[^。？?]{{0,24}}?(?:谁|哪些|哪几|有啥))"
)


def helpers_of_lead(text: str) -> bool:
    """Said of the unit asked: never of another's items it helps in (在发改委牵头的事里配合的), nor denied (没有牵头的活)."""
    text = plain_roles(text)
    match = HELPERS_OF_LEAD.search(text)
    before = re.split(r"[，,。？?；;]", text[: match.start()])[-1] if match else ""
    return bool(match) and "在" not in before and not before.endswith(("没有", "没", "不"))


def asked_role(text: str) -> Role | None:
    """The role the question asks the unit in: 牵头 alone asks lead, 不牵头/只配合 the others, else any."""
    text = ALONE.sub(" ", text)
    if helpers_of_lead(text):
        return Role.LEAD
    if SUPPORT_SET_ASIDE.search(text) and not BOTH_ASKED.search(text):
        return Role.LEAD
    if SUPPORT_ONLY.search(text):
        return None if BOTH_ASKED.search(text) else Role.RESPONSIBLE
    if LEAD_ONLY.search(text):
        return Role.LEAD
    if (
        "牵头" in text
        and not re.search(r"参与|责任单位|配合", text)
        and not (WHICH_LEADS.search(text) or ROLE_CHOICE.search(text))
    ):
        return Role.LEAD
    return None


def plain_roles(text: str) -> str:
    """The roles as the documents say them: 主办单位 is 牵头单位, 协办方 配合单位, 挂帅 牵头, and both roles said
    together or one added to the other no role at all."""
    text = BOTH_ROLES.sub(" ", text)
    for pattern, plain in ROLE_SYNONYMS[1:] if EVENT_HOST.search(text) else ROLE_SYNONYMS:
        text = pattern.sub(plain, text)
    text = ROLE_ADDED.sub("，配合，", text)
    return LEAD_SAID.sub("牵头", LEAD_UNIT_SAID.sub("牵头单位", text))


# Each of two units given its own role (商务局牵头、财政局配合, 科创局主办、经信局协办, 数据局牵头的任务中发改委参与,
# 园林局给发改委打下手): the items the first leads with the second among its 责任单位. Read after plain_roles made
# 挑头, 主办, 领衔 牵头.
_LEADS = r"牵头|主办|为主|主责|挂头"
_SUPPORTS = (
    rf"(?:跟[着著])?(?:打)?配合|协办|协助|协作|协同|{HELPS}|跟[着著](?:干|做|办|搞)?|参与|参加|为辅|搭把手|"
    r"帮忙(?:做|干|办)?|(?:当|做)?帮手|(?:当|作为|是)?(?:责任|配合)单位|负责落地|(?:也要)?出力|跟进|帮衬|落实|打辅助|辅助|"
    r"(?:只)?排在[^，,。？?]{0,8}?配合(?:名单|单位)?里?"
)
_CLAUSE = r"[^，,、。？?；;\s]"
_AMONG = r"(?:事|任务|工作|活|事项|条目|项目)(?:里面|里头|当中|里|中)"  # a unit inside another's tasks helps there
PAIRED = re.compile(rf"(?P<who>{_CLAUSE}{{2,16}}?)\s?(?:来|负责)?(?P<role>{_LEADS}|{_SUPPORTS})")  # 经信局 lead
# The helper said first, the one helped after (园林局给发改委打下手, 民政局跟着发改委干, 林业局配合生态局的活).
HELPING = re.compile(
    rf"(?P<helper>{_CLAUSE}{{2,12}}?)(?:给|帮|替|跟[着著]|配合|协助|跟在|当)(?P<helped>{_CLAUSE}{{2,12}}?)"
    rf"(?:后面|后头|身后)?(?:打配合|打下手|搭把手|帮忙|干|做|办|出力|的帮手|帮手|助手|的)|"
    rf"(?P<within>{_CLAUSE}{{2,12}}?)在(?P<leader>{_CLAUSE}{{2,12}}?)(?:牵头|主办)的?(?:[^，,。？?]{{0,8}}?(?:配合|责任单位|参与|{HELPS})|{_AMONG})|"
    rf"(?P<host>{_CLAUSE}{{2,12}}?)(?:牵头|主办)的{_AMONG}[，,]?(?P<inside>{_CLAUSE}{{2,12}})"
)  # 房管局在发改委牵头的事项里当配合单位; 公安局在经信局牵头的事里管哪块; 商务局牵头的事里城投集团干什么
# Two units each in either role (互相牵头配合, 互为主办协办, 你牵头我配合): the items one leads and the other supports.
CROSSED = re.compile(r"互相|相互|互为|彼此|轮流|交替|你(?:牵头|主办)我(?:配合|协办)|我(?:牵头|主办)你(?:配合|协办)")


def crossed_roles(text: str) -> bool:
    return bool(CROSSED.search(text) and re.search(_LEADS, text) and re.search(_SUPPORTS, text))


# The other unit of two, said as 它 (卫健委哪些活是发改委领头、它来配合的): its role, given to the unit not yet given one.
PRONOUN_ROLE = re.compile(rf"(?:它|其|自己|自家|该局|该单位|人家)(?:来|去|负责)?(?P<role>{_LEADS}|{_SUPPORTS})")
PAIRED_SAID = re.compile(rf"(?:由|要|当|做|作为|给|帮)?(?:{_LEADS}|{_SUPPORTS})|跟在|后面|后头|身后|反过来")  # no topic


def paired_roles(
    text: str, read: Callable[[str], tuple[str, ...]], asked: tuple[str, ...] = ()
) -> tuple[tuple[str, Role], ...]:
    """(unit, role) for each unit said with a role of its own, when two units are given different roles."""
    said: dict[str, Role] = {}
    for match in HELPING.finditer(text):
        helper = read(match["helper"] or match["within"] or match["inside"])
        helped = read(match["helped"] or match["leader"] or match["host"])
        if len(helper) == 1 and len(helped) == 1 and helper != helped:
            said.setdefault(helper[0], Role.RESPONSIBLE)
            said.setdefault(helped[0], Role.LEAD)
    for match in PAIRED.finditer(text):
        if unit := _next_to(match.group("who"), read):
            said.setdefault(unit, _role_of(match.group("role")))
    others = [u for u in asked if u not in said]
    if len(said) == 1 and len(asked) == 2 and len(others) == 1 and (pronoun := PRONOUN_ROLE.search(text)):
        said.setdefault(others[0], _role_of(pronoun.group("role")))
    return tuple(said.items()) if len(said) >= 2 and len(set(said.values())) == 2 else ()


def _role_of(word: str) -> Role:
    return Role.LEAD if re.fullmatch(_LEADS, word) else Role.RESPONSIBLE


def _next_to(who: str, read: Callable[[str], tuple[str, ...]]) -> str | None:
    """The one unit the role word is said of: the longest end of `who` naming exactly one unit (房管局在发改委
    牵头 → 市发改委); none where units are joined before it (卫健委和文旅局都配合: the role is both's)."""
    whole = read(who)
    if len(whole) == 1:
        return whole[0]
    if len(whole) > 1 and JOINED.search(who):
        return None
    for start in range(1, len(who) - 1):  # read once per end, the whole already read
        if len(units := read(who[start:])) == 1:
            return units[0]
    return None


JOINED = re.compile(r"和|与|及|跟|同|&|以及")
