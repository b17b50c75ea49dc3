"""Question understanding: years, units (old or new names), intent and the topic words.

Questions are normalised like the documents first, so traditional characters,
full-width punctuation and stray spaces read the same as clean input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..ingest.normalise import normalise_query
from ..ingest.rules import UnitLinks
from ..records import DocKind, Intent

YEAR = re.compile(r"(?<!\d)(20[1-3]\d)(?:\s*年|(?![\d.%场个万亿家条座人所项]))")
ENGLISH = {"ai": "人工智能", "lead": "牵头", "leader": "牵头", "drone": "无人机", "low-altitude": "低空经济",
           "low altitude": "低空经济", "data": "数据", "startup": "创业", "jobs": "就业", "job": "就业",
           "housing": "住房", "elderly": "养老", "investment": "投资", "target": "目标", "gdp": "地区生产总值",
           "cpi": "居民消费价格", "ev": "新能源汽车"}
KIND_WORDS = ((DocKind.PROPOSAL, re.compile(r"\d*号建议案|建议案办理|建议案")),
              (DocKind.NOTICE, re.compile(r"印发通知|通知里|通知中|的通知")),
              (DocKind.REPORT, re.compile(r"政府工作报告(?!目标任务)(?!.*分解方案)|工作报告|报告里|报告中|报告提出")),
              (DocKind.PLAN, re.compile(r"责任分解方案|分解方案")))
RELATIVE_YEARS = {"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上一年": -1, "前年": -2}
COMPARE = re.compile(r"对比|比较|变化|区别|不同|异同|相比|变了|差异|调整")
WHO = re.compile(r"哪些单位|哪个单位|哪些部门|哪个部门|哪家|哪几|谁|由谁|什么单位|什么部门|牵头单位|责任单位|who", re.I)
UNIT_TASKS = re.compile(r"牵头|负责|承担|参与|任务|干什么|做什么|管什么|哪些事|哪些工作|工作|事项|lead", re.I)
FACT = re.compile(r"多少|目标|几个|几家|几条|几座|数量|比例|增长|指标|规模|达到|%|万|亿|是什么|what", re.I)
QUESTION_WORDS = re.compile(
    r"哪些单位|哪个单位|哪些部门|哪个部门|什么单位|什么部门|牵头单位|责任单位|谁来?牵头|谁来?负责|由谁|谁|"
    r"负责|牵头|承担|参与|有哪些|哪些|是多少|多少|有什么变化|有何变化|什么变化|变化|的分工|分工|对比|比较|"
    r"请问|告诉我|一下|相关|任务|工作|方面|在抓|在管|归哪|落在|落到|配合单位|配合|都有|都是|是谁|干什么|做什么|"
    r"管什么|提出了?什么|有什么|什么|怎么样|怎样|如何|呢|吗|吧|\?|？|。|,|，|!|！")


@dataclass(frozen=True)
class Question:
    raw: str
    text: str
    intent: Intent
    years: tuple[int, ...]
    units: tuple[str, ...]
    lead_only: bool             # 牵头 asked, not 参与/责任/配合
    topic: str
    kinds: tuple[DocKind, ...] = ()  # documents the question names (建议案 → proposal)


class UnitCatalog:
    """Every unit name in the corpus plus the short forms staff type (数据局 for 市数据局)."""

    def __init__(self, names: list[str], links: UnitLinks = UnitLinks()):
        names = set(names) | links.names
        self.names = sorted(names)
        forms: dict[str, str] = {}
        for name in self.names:
            forms[name] = name
            base = re.sub(r"\(.*\)$", "", name)
            forms.setdefault(base, name)
            if base.startswith("市") and len(base) >= 4:
                forms.setdefault(base[1:], name)
            for suffix, short in (("区人民政府", ("区政府", "区")), ("管委会", ("",))):
                if base.endswith(suffix) and not base.startswith(("各", "相关")):
                    stem = base[: -len(suffix)]
                    for tail in short:
                        if len(stem + tail) >= 3:
                            forms.setdefault(stem + tail, name)
        self._forms = sorted(forms.items(), key=lambda kv: -len(kv[0]))

    def find(self, text: str) -> tuple[tuple[str, ...], str]:
        """Units mentioned (longest match first) and the text with them cut out."""
        found = []
        for form, name in self._forms:
            if form in text:
                found.append(name)
                text = text.replace(form, " ")
        return tuple(dict.fromkeys(found)), text


def translate_english(text: str) -> str:
    """Staff mix a few English words into Chinese questions; map the common ones."""
    for word, chinese in sorted(ENGLISH.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(rf"(?i)(?<![a-z]){re.escape(word)}(?![a-z])", chinese, text)
    return text


def find_years(text: str, latest: int) -> tuple[tuple[int, ...], str]:
    years = [int(y) for y in YEAR.findall(text)]
    for word, offset in RELATIVE_YEARS.items():
        if word in text:
            years.append(latest + offset)
            text = text.replace(word, " ")
    return tuple(sorted(set(years))), YEAR.sub(" ", text)


def detect_intent(text: str, years: tuple[int, ...], units: tuple[str, ...]) -> Intent:
    if COMPARE.search(text) or (len(years) >= 2 and not units):
        return Intent.COMPARE
    if units and UNIT_TASKS.search(text) and not WHO.search(text):
        return Intent.UNIT_ITEMS
    if WHO.search(text):
        return Intent.TOPIC_UNITS
    if FACT.search(text):
        return Intent.FACT
    if units:
        return Intent.UNIT_ITEMS
    return Intent.SEARCH


def tidy_topic(text: str) -> str:
    """Drop function characters left stranded once the question words are cut out."""
    text = re.sub(r"(?:(?<=\s)|^)[的由是和与在都把被对要将这些那些]+(?=\s|$)", " ", text)
    text = re.sub(r"[由是的在都]+(?=\s|$)", " ", text)
    return re.sub(r"\s+", " ", text).strip(" 的和与在上年")


def find_kinds(text: str) -> tuple[tuple[DocKind, ...], str]:
    kinds = []
    for kind, pattern in KIND_WORDS:
        if pattern.search(text):
            kinds.append(kind)
            text = pattern.sub(" ", text)
    return tuple(kinds), text


def understand(raw: str, catalog: UnitCatalog, latest_year: int) -> Question:
    text = translate_english(normalise_query(raw))
    years, rest = find_years(text, latest_year)
    kinds, rest = find_kinds(rest)
    units, rest = catalog.find(rest)
    intent = detect_intent(text, years, units)
    lead_only = "牵头" in text and not re.search(r"参与|责任单位|配合", text)
    topic = tidy_topic(QUESTION_WORDS.sub(" ", rest))
    return Question(raw, text, intent, years, units, lead_only, topic, kinds)
