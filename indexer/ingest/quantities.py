"""Quantities in plan and report sentences: a number, its unit of measure, what it counts, how it binds.

Plans and reports write the same indicator in two orders (完成260个老旧小区改造 / 完成老旧小区改造296个)
and list several in one clause (新增城市骨干道路58公里、停车泊位15.2万个); a clause is cut at 、
and a part without a number is joined to the next one (新改扩建公办幼儿园、中小学89所 is one part).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Comparator, Measure

UNITS = (
    "平方公里",
    "万平方米",
    "平方米",
    "万千瓦",
    "千瓦",
    "万标箱",
    "标箱",
    "立方米",
    "万人次",
    "人次",
    "批次",
    "公里",
    "公顷",
    "万亩",
    "亩",
    "万人",
    "人",
    "万户",
    "户",
    "万个",
    "个",
    "万家",
    "家",
    "亿元",
    "万元",
    "万套",
    "套",
    "万辆",
    "辆",
    "万张",
    "张",
    "万台",
    "台",
    "万件",
    "件",
    "万吨",
    "吨",
    "条",
    "所",
    "处",
    "座",
    "场",
    "项",
    "栋",
    "盏",
    "名",
    "%",
)
# 万 / 亿 scale any unit (185亿个 as well as 1.2万个)
QUANTITY = re.compile(r"(\d+(?:\.\d+)?)((?:万|亿)?(?:" + "|".join(map(re.escape, UNITS)) + r"))")
# 50万燃气用户: the classifier is the noun's last character (户, 人), not beside the number; read as 50万户燃气用户
SPREAD = re.compile(
    r"(\d+(?:\.\d+)?)([万亿])(?![余多]|" + "|".join(map(re.escape, UNITS)) + r")([\u4e00-\u9fff]{1,3}?)([户人])(?!次)"
)
BARE = re.compile(r"^\s*" + QUANTITY.pattern + r"(以上|左右|以内|以下)?\s*$")  # a piece that is only a quantity
SCALES = {"万": 1e4, "亿": 1e8}

ADDED_WORDS = ("新增", "新建", "新改建", "新改扩建", "新开工", "净增", "新签约", "新引进", "新开业")
TOTAL_WORDS = ("总量", "总数", "累计", "总里程", "保有量", "拥有量", "总额达")
LEVEL_WORDS = ("涨幅", "占比", "比重", "下降", "压减", "提标")
LEADING = re.compile(
    r"^(力争|确保|全年|年内|共|再|实现|滚动|组织实施|加快|推进|推动|深入|持续|全面|累计|"
    r"新改扩建|新改建|改扩建|新增|新建|新开工|开工建设|开工|建成投产|建成|新签约|签约|新引进|引进|"
    r"净增|完成|建设筹集|筹集建设|建设|筹集|打造|培育|创建|实施|开展|举办|提升|整治|改造|修复|"
    r"修缮|发放|配置|认定|设立|开业|推出|发布|更新|消除|打通|畅通|优化完善|优化调整|优化|维护|"
    r"整理和提升|整理|招引|获批|入选|为|在|达到|达|突破|超过|超|增至|提升到|提高到|总量|有)+"
)
BINDING = re.compile(r"(增长|达到|突破|超过|增至|提升到|提高到|控制在|达|超|约|为|了)+$")
PERIODS = re.compile(r"^(一季度|二季度|三季度|四季度|上半年|下半年|前三季度|\d+[-—至]\d+月)")
GENERIC = {"", "总量", "全年", "规模", "总数", "年", "分别", "均", "共"}


@dataclass(frozen=True)
class Quantity:
    indicator: str
    value: float
    unit: str
    measure: Measure
    comparator: Comparator
    text: str  # the part of the clause the quantity was read from


def scaled(value: float, unit: str) -> tuple[float, str]:
    """(value in the base unit, base unit): 1.2万个 → (12000, 个); 亿元 → 元; 2万亿元 → (2e12, 元)."""
    while len(unit) > 1 and unit[0] in SCALES:
        value, unit = value * SCALES[unit[0]], unit[1:]
    return value, unit


def clauses(text: str) -> list[str]:
    return [c for c in re.split(r"[，,；;。:：]", text) if c.strip()]


def sentences(text: str) -> list[str]:
    return [s + "。" for s in re.split(r"。", text) if s.strip()]


def parts(clause: str) -> list[str]:
    """The clause cut at 、 with number-less parts joined to the part after them; a respective list
    (标识注册量、接入企业数突破185亿个、2.1万家) is paired name by name instead."""
    paired = respective(clause)
    if paired:
        return paired
    out, pending = [], ""
    for piece in pieces(clause):
        pending = f"{pending}、{piece}" if pending else piece
        if QUANTITY.search(pending):
            out.append(pending)
            pending = ""
    if pending and out:
        out[-1] = f"{out[-1]}、{pending}"
    return out


def pieces(clause: str) -> list[str]:
    """Cut at 、, and at 和/及 between two quantities (10个科技重大专项和80个重点研发计划项目):
    a 和 inside one name (软件和信息技术服务业) has a quantity on one side only."""
    out = []
    for piece in clause.split("、"):
        halves = re.split(r"[和及]", piece, maxsplit=1)
        if len(halves) == 2 and all(QUANTITY.search(h) for h in halves):
            out += halves
        else:
            out.append(piece)
    return out


def respective(clause: str) -> list[str]:
    """A、B（分别）突破X、Y: names and values paired in order, each name given the binding words; [] when the
    clause is not such a list (its trailing bare values and the names before them differ in number)."""
    items = clause.split("、")
    k = 0
    while k < len(items) - 1 and BARE.match(items[-1 - k]):
        k += 1
    head = items[-1 - k] if k else ""
    last = list(QUANTITY.finditer(head))
    if not k or not last or head[last[-1].end() :].strip() not in ("", "以上", "左右", "以内", "以下"):
        return []
    first = last[-1]
    binding = re.search(r"(分别)?(增长|达到|突破|超过|增至|为|达|超)?$", head[: first.start()])
    assert binding is not None  # every part of the pattern is optional
    values = [head[first.start() :]] + [v.strip() for v in items[len(items) - k :]]
    names = items[: len(items) - 1 - k] + [head[: binding.start()]]
    if len(names) < len(values) or any(QUANTITY.search(n) for n in names[-len(values) :]):
        return []
    verb = binding.group(0).replace("分别", "")
    lead = "、".join(names[: len(names) - len(values)])  # names beyond the values' number stay with the first
    paired = zip(names[-len(values) :], values, strict=True)
    return [(f"{lead}、" if lead and n == 0 else "") + name + verb + value for n, (name, value) in enumerate(paired)]


def read_quantities(sentence: str) -> list[Quantity]:
    """Every quantity of a sentence; an indicator the clause leaves out (全年增长5.7%, 总量达1.45万家)
    is taken from the clause before it that names one."""
    found: list[Quantity] = []
    subject = ""
    for clause in clauses(SPREAD.sub(r"\1\2\4\3\4", sentence)):
        if "分别" in clause and not respective(clause):  # 分别 without a list to pair
            continue
        if not QUANTITY.search(clause):
            subject = subject or clean_indicator(clause)
            continue
        lead = clause[:4]
        for part in parts(clause):
            quantity = read_part(part, lead, subject)
            if quantity is None:
                continue
            found.append(quantity)
            if quantity.indicator not in GENERIC:
                subject = quantity.indicator
    return found


def read_part(part: str, lead: str, subject: str) -> Quantity | None:
    """The last quantity of a part is its value; earlier ones qualify it (50亿元以上项目150个)."""
    matches = list(QUANTITY.finditer(part))
    if not matches or PERIODS.match(part):
        return None
    last = matches[-1]
    before, after = part[: last.start()], part[last.end() :]
    comparator = comparator_of(before, after)
    measure = measure_of(part, before, lead, last.group(2))
    after = re.sub(r"^(以上|左右|以内|以下|余|多)", "", after)
    indicator = clean_indicator(re.sub(r"^.*等", "", BINDING.sub("", before)) + after)
    if indicator in GENERIC:
        indicator = subject
    if not indicator:
        return None
    return Quantity(indicator, float(last.group(1)), last.group(2), measure, comparator, part)


def comparator_of(before: str, after: str) -> Comparator:
    if after.startswith("左右"):
        return Comparator.ABOUT
    if after.startswith(("以内", "以下")) or before.endswith("控制在"):
        return Comparator.AT_MOST
    if before.endswith(("突破", "超过", "超")):
        return Comparator.EXCEED
    if before.endswith(("达到", "达", "提升到", "提高到", "增至")):
        return Comparator.REACH
    return Comparator.AT_LEAST


def measure_of(part: str, before: str, lead: str, unit: str) -> Measure:
    """新增 words make an added amount; 总量 words, or a level reached (达到 / 突破 / 超过 / 增至) without
    them, a stock; anything else stays unmarked."""
    if unit == "%":
        return Measure.GROWTH if re.search(r"增长(了|约)?$", before) else Measure.LEVEL
    if any(w in part for w in TOTAL_WORDS):
        return Measure.TOTAL
    if any(w in part or lead.startswith(w) for w in ADDED_WORDS):
        return Measure.ADDED
    if re.search(r"(达到|达|突破|超过|超|增至)$", before):
        return Measure.TOTAL
    return Measure.AMOUNT


def clean_indicator(text: str) -> str:
    """What is counted, without verbs, quotes, brackets or numbers: 完成260个老旧小区改造 → 老旧小区改造."""
    text = re.sub(r"[(（〈][^)）〉]*[)）〉]", "", text)
    text = re.sub(r"[“”\"'《》()（）〈〉]", "", text)
    text = LEADING.sub("", text.strip())
    text = re.sub(r"\d+(\.\d+)?", "", text).replace("以上", "").replace("以下", "")
    return re.sub(r"^(个|家|所|条|项|座|处)", "", text).strip("、 ")
