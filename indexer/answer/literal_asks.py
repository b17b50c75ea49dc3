"""What a question asks the documents for as written: a quoted word, a figure, a measure, an opening.

Staff ask for words and figures themselves (带“试点”两个字的工作, “8家”这个数对应哪些事, 两处提到70个,
按“家”计数的指标, 用“新增”开头写的): each is read here into a pattern that an item's own text holds or not;
literal.py scans the items with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..foundation.text import normalise_query
from ..messages import say
from .figure_asks import SPOKEN_NUMBER, in_digits

MEASURES = (
    "%|家次|人次|家|个|项|件|名|人|座|所|场|次|台|辆|条|处|户|套|间|张|批|篇|吨|亩|公顷|元|平方公里|公里|平方米|米"
)
NUMBER = r"\d+(?:\.\d+)?"
FIGURE = rf"{NUMBER}(?:万亿|万|亿)?(?:{MEASURES})?(?:以上|左右)?"
QUOTE = r"[“\"「『‘]([^”\"」』“‘’]{1,12})[”\"」』’]"
# A quoted word asked as a word, the cue right beside it (带“试点”, 提到了“高质量”, 点到“长江”的, 挂着“世界”的, “总部”这个词,
# “高地”一词, “融合”二字, 写了“合作”两字, 讲“供给”的地方, 跟“大学”有关的字眼,
# 跟“街”有关的事, “一网”开头的提法, “织密”后面跟的, 讲“集聚”的, 说要“加大…支持力度”的);
# 提到的“四下基层” describes it and asks what it is, and “深入推进…”一节 names a section.
BEFORE = r"(?:(?:带|含|包含|提到|提及|提|写到|写有|用到|说到|讲到|点到|点|挂|出现|用)(?:了|有|着)?|写(?:了|着))"
AFTER = (
    r"(?:这个|这一|此|一)?(?:词|说法|提法|表述|字样|字眼|数字?|[两三四五六几]个?字|二字)|的(?:说法|提法|表述|字样|地方)|(?:这|那)(?:句话|句)|"
    r"(?:有关|相关|沾边)的(?:字眼|词|说法|提法|表述|写法|事项?|条目)|字?(?:开头|打头)的(?:词|说法|提法|表述|东西)|后面(?:跟|接)|来?(?:形容|修饰)|"
    r"(?:在|于)?(?:文件|建议案|方案|报告)?(?:里|中)?(?:出现|提到|提及)"
)
SET_ASIDE_AFTER = r"(?!的?(?:不算|除外|不要|不计))"  # 写“各区人民政府”的不算: a unit set aside, no word asked
CUED = re.compile(
    rf"{BEFORE}{QUOTE}{SET_ASIDE_AFTER}|{QUOTE}(?={AFTER})|(?:讲|说要)(?:了|要)?{QUOTE}(?=的(?:[，,两几三哪]|地方|段|条|句))"
)
# A quoted word in a question that asks where in the text (哪两处, 哪几条, 两段, 段落) is asked as a word wherever it stands.
WHERE_ASKED = re.compile(
    r"(?<![那这是了第哪几])(?:[哪几]?[两三四五几些]|哪)(?:条|处|段|个地方)(?=[里中，,。？?\s]|$|任务|条目|说|提|讲|写|用|都|分别|各|出现)|段落"
)  # 是哪三条 asks what they are, 第三条 names one, 那几条 points back at a part
PART_NAMED = re.compile(
    r"[”\"」』’](?:这|那)?一?(?:大|小)?(?:部分|节|块|段|章|板块|方面)"
)  # “城市极核”这一节: a heading
SHORT = 4  # a longer quote asked where is a heading or a task named (“夯实投资硬支撑”那几条), not a word
# A gap or a placeholder inside the quote (“加大…支持力度”, “推动国家××”, “规模突破×××亿元”): any words stand there.
GAP = re.compile(r"…+|\.{3,}|[×xX]{2,}|某")
# A word said unquoted and named a word where it stands (带有智能字样, 车谷两个字在报告哪几段, 点到汉阳这个地名的段落,
# 风险这个词用在哪几处): at the clause's head or after the verb that points at it.
_HEAD = r"(?:^|[，,。？?\s]|(?:点到|提到|说到|讲到|写到|用到)了?)"
UNQUOTED_WORD = re.compile(
    r"(?:带|含)(?:有|着)?([\u4e00-\u9fff]{2,6}?)(?:这?[两三四五六几]个字|二字|字样|字眼)|"
    rf"{_HEAD}([\u4e00-\u9fff]{{2,6}}?)(?:这?[两三四五六]个字|二字|这个(?:词|地名|字眼|提法|说法))|"
    r"^([\u4e00-\u9fff]{2,6}?)的(?:提法|说法)(?=[，,][^。？?]{0,12}(?:出现|哪些段|哪几段|哪几处|哪几条))|"  # 英雄城市的提法，…出现在哪些段落
    r"(?i:\bthe\s+(?:word|term|phrase)s?)\s*([\u4e00-\u9fff]{2,8})"  # Where does the word 光电子 show up
)
# A word said unquoted and asked by how often it is said (两处提到集成电路, 阳逻在报告里被点了两次, 说到元宇宙的地方有
# 几个): its occurrences are the answer. The word stands alone in its clause, or opens the question.
_TIMES = r"(?:两|几|三)(?:处|次|回|遍)"
WORD_SAID = re.compile(
    r"(?:哪里|哪儿|哪[两几三些]?(?:条|处|段))(?:说到|提到|讲到|写到|点到|说要)了?([\u4e00-\u9fff]{2,6})(?=[，,。？?\s(（]|$)|"
    rf"{_TIMES}(?:都)?(?:提到|提及|说到|写到|讲到|出现)了?([\u4e00-\u9fff]{{2,6}})(?=[，,。？?\s]|$)|"
    rf"(?:^|[，,。？?\s])([\u4e00-\u9fff]{{2,6}}?)(?:在[^，。？?]{{0,10}}?)?被?(?:点|提|说|写|讲)到?了?{_TIMES}|"
    r"(?:说到|提到|讲到|写到|点到)([\u4e00-\u9fff]{2,6}?)的(?:地方|段落|是?(?:哪|几)[两三几]?(?:处|段))|"
    rf"(?:^|[，,。？?\s])[里中]?((?:(?![里中的])[\u4e00-\u9fff]){{2,6}}?)\s*(?:一共|总共)?"
    r"(?:在(?:哪|几)[两三几些]?段(?:里|中)?(?:出现|提到)|出现在(?:哪|几)[两三几些]?段)"
)
# A figure asked as a figure (目标数是1000的, 数字是50家或50个).
FIGURE_ASKED = re.compile(
    rf"(?:数字?|数目|数值|目标数)(?:刚好|正好|恰好)?(?:是|为|等于)({FIGURE}(?:[、或和及/]{FIGURE})*)"
)
# Figures asked what they are (1020、917、464这三个数分别指什么, 185亿个和2.1万家在报告里指的是什么): the
# figures open the question or follow where they are said (报告里, 的); 企业8家以上是什么 asks of a topic.
FIGURES_MEANT = re.compile(
    rf"((?:{FIGURE})(?:[、和及与跟,，](?:{FIGURE}))*)\s*(?:这[几两三四五六]?个[\u4e00-\u9fff]{{0,2}})?\s*[，,]?"
    r"(?:[^，。？?\d]{0,8}?这[几两三四五六]?个数字?)?(?:在[^，。？?]{0,12}?(?:里|中))?\s*"
    r"(?:分别|各)?(?:是|指|对应|说的是|讲的是|说的|指的)(?:的是)?[^，。？?]{0,3}?(?:什么|哪|啥)"
)
# A figure said unquoted, and asked as a figure by the words around it: said more than once (两处提到70个, 有两个8%,
# 两次提到13个, 既有13个又有80个, which targets say 30家), set as a target (定的是15个), named a number (数字4个,
# 数字是七个, 整一百个), or asked as the things it counts (一百处以上的两件事). Chinese numerals need a measure. A figure
# before 分别 or 这个数 counts the things asked about (那5家分别落在哪, 6600亿这个数是按产值算吗): the topic's, not a
# figure looked up.
SPOKEN_FIGURE = rf"(?:{NUMBER}|[{SPOKEN_NUMBER}]+(?=(?:万|亿)?(?:{MEASURES})))(?:万|亿)?(?:{MEASURES})?(?:以上|左右)?(?![A-Za-z\d.])"
FIGURE_SAID = re.compile(
    rf"(?:{_TIMES}(?:都)?(?:提到|写了?|写着|出现)了?|(?:有|提到|写了|写着|出现)(?:两|几|三)个|既有|又有|"
    rf"定的是|定为|数字(?:是|为)?|数值(?:是|为)?|(?<![调治修改完规平统])整|(?i:\bsays?|\bmentions?))\s*({SPOKEN_FIGURE})"
)
FIGURE_BEFORE_ASK = re.compile(rf"({SPOKEN_FIGURE})(?:的(?:两|几|三)(?:件事|件|项|条|处)|对应(?:的是)?(?:哪|什么|啥))")
SAID_IN = "里的中说是："
# Where a figure is said (报告里, 23年方案) or the verb it is said with (新增612家, 突破600家), before the figure asked.
SAID_WHERE = re.compile(r"(?:报告|方案|建议案|通知|回顾)(?:里|中)?$")
SAID_WITH = re.compile(r"(?:新增|增加|达到|达|突破|超过|增至|累计)$")
# A measure asked as the way a target counts (按“家”来计数, 以“家”为单位, 拿“条”当计量单位, 写成“X处”), or bounds it
# (按“户以上”来卡的: figures in 户 said with 以上).
_COUNTED_BY = r"(?:按|以|用|拿|论)(?:长度|面积|数量|个数|规模|场次)?"
MEASURE_ASKED = re.compile(
    rf"{_COUNTED_BY}[“\"「（(]?((?:{MEASURES}|场次)(?:以上)?)[”\"」)）]?(?:来|作|做|为|当)?"
    r"(?:计数|计算|计量|计(?![划算])|为单位|作单位|做单位|当单位|单位|算(?!法)|卡|定量|框定?|限定?)|"
    rf"{_COUNTED_BY}[（(]({MEASURES})[)）]|"  # 论长度（公里）最短的
    rf"(?:写成|写作|记为|记作|表述为)[“\"「]?(?:[Xx×某几]|多少)({MEASURES})[”\"」]?"
)
SAID_AS = {"场次": "场"}  # 按场次算: the documents count 场
# The words an item's text opens with, asked (用“新增”开头写的, 以“新改扩建”打头的, 开头写「新改建」的).
OPENING_ASKED = re.compile(
    r"(?:以|用|拿)[“\"「]?([\u4e00-\u9fff]{1,5}?)(?:……|…)?[”\"」]?(?:两个字|二字)?(?:来)?(?:开头|打头|起头)|"
    r"开头(?:写着?|是)[“\"「]([\u4e00-\u9fff]{1,5}?)(?:……|…)?[”\"」]"
)
BOUND = re.compile(r"^(?:超过?|达到?|近|约|不少于|不低于)|[(（][次人][)）]$")  # said around a quoted figure
FIGURE_PARTS = re.compile(rf"({NUMBER})(万|亿)?((?:{MEASURES})?)")


@dataclass(frozen=True)
class Literal:
    shown: str  # as the answer names it: “试点”, “8家”, 以“家”计数的数字
    pattern: re.Pattern[str]
    figure: bool = False  # figures asked are alternatives (50家或50个); words asked must all be held
    measure: str = ""  # a measure asked (按“家”计数: 家), whose figures can be compared
    loose: bool = False  # read from a quote in a question asking where, no cue beside it: the scan may find nothing
    opening: bool = False  # the words a task opens with (以“加快培育”开头的任务), not the document's opening


@lru_cache(maxsize=1024)
def asked_literals(question: str) -> tuple[Literal, ...]:
    """The words, figures or measures the question asks the documents for, or none; read once per question
    (answer() asks whether a figure or an opening is asked before literal_answer scans for them)."""
    found: dict[str, Literal] = {}
    for measure in (SAID_AS.get(m, m) for groups in MEASURE_ASKED.findall(question) for m in groups if m):
        found[measure] = Literal(
            say("answer.literal_measure", measure=measure), _measure_pattern(measure), True, measure
        )
    for opening in (a or b for a, b in OPENING_ASKED.findall(question)):
        found[opening] = Literal(
            say("answer.literal_opening", words=opening), re.compile("^" + re.escape(opening)), opening=True
        )
    asked = [m.group(1) for m in FIGURE_ASKED.finditer(question)]
    asked += [m.group(1) for m in FIGURES_MEANT.finditer(question) if _opens(question, m.start())]
    asked += [in_digits(m.group(1)) for pattern in (FIGURE_SAID, FIGURE_BEFORE_ASK) for m in pattern.finditer(question)]
    for figure in (f for figures in asked for f in re.findall(FIGURE, figures)):
        found.setdefault(figure, Literal(f"“{figure}”", _figure_pattern(figure), True))
    cued = [next(filter(None, groups), "") for groups in CUED.findall(question)]
    where = WHERE_ASKED.search(question) and not PART_NAMED.search(question)
    loose = not cued
    cued = cued or [w for w in re.findall(QUOTE, question) if len(w) <= SHORT] * bool(where)
    for said in re.findall(QUOTE, question):  # “8家”, “4000亿元”: a figure with its measure is asked as written
        quoted = BOUND.sub("", said)  # “超600家(次)” is 600家 bounded and counted twice over
        if re.fullmatch(FIGURE, quoted) and (said in cued or FIGURE_PARTS.match(quoted).group(3)):  # type: ignore[union-attr]
            found.setdefault(quoted, Literal(f"“{said}”", _figure_pattern(quoted), True))
    if found:
        return tuple(found.values())
    words = [w for w in cued if not re.fullmatch(FIGURE, w)]
    if words:
        return tuple(Literal(f"“{w}”", _word_pattern(w), loose=loose) for w in dict.fromkeys(words))
    words = [
        next(filter(None, m.groups())) for pattern in (UNQUOTED_WORD, WORD_SAID) for m in pattern.finditer(question)
    ]
    words = [w for w in words if "年" not in w]  # 二五年文旅局…被点到两回: a unit's items in a year, no word
    return tuple(Literal(f"“{w}”", _word_pattern(w)) for w in dict.fromkeys(words))


def _word_pattern(word: str) -> re.Pattern[str]:
    """The word as the items spell it; a gap in it (加大…支持力度, 推动国家××) stands for a few words of one clause."""
    pieces = [re.escape(normalise_query(p).lower()) for p in GAP.split(word)]
    return re.compile(r"[^，,。；;]{1,16}?".join(p for p in pieces if p) if len(pieces) > 1 else pieces[0])


def _opens(question: str, at: int) -> bool:
    """Nothing but where it is said stands before the figure: no topic word it would be a figure of."""
    before = SAID_WITH.sub("", question[:at].rstrip()).rstrip()
    return (
        not before or not "\u4e00" <= before[-1] <= "\u9fff" or before[-1] in SAID_IN or bool(SAID_WHERE.search(before))
    )


def _figure_pattern(figure: str) -> re.Pattern[str]:
    """8家 in 推动8家湖北实验室 and 8家以上, never in 18家 or 8.5家; a bare 20 never in a date (20日)."""
    number, scale, measure = FIGURE_PARTS.match(figure).groups()  # type: ignore[union-attr]
    after = rf"(?:多|余)?{measure}" if measure else r"(?![\d.]|[日号月年时])"
    return re.compile(rf"(?<![\d.第]){re.escape(number)}{scale or ''}{after}")


def _measure_pattern(measure: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.第]){NUMBER}(?:万|亿)?(?:多|余)?{measure}")
