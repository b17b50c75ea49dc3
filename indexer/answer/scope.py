"""Which documents a question may be answered from: every constraint at once, never relaxed.

A question may name a year and a kind the corpus lacks (2023年市政协建议案: the only
proposal scheme is 2025's). Answering from another document with a note puts words in
a document that does not exist; the answer is "not found", naming the documents there are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ingest.parse import cn_to_int
from ..messages import say
from ..messages.labels import kind_label
from ..records import DocKind
from ..search.engine import Engine
from ..store import Filter


@dataclass
class Scope:
    where: Filter | None
    notes: list[str] = field(default_factory=list)
    missing_years: tuple[int, ...] = ()  # asked for, and in no document at all
    reason: str = ""  # why nothing is left ("" when something is)

    @property
    def nothing_left(self) -> bool:
        return bool(self.reason)


def document_years(engine: Engine, review: bool) -> set[int]:
    """Years a question can be about: a document's year, and with review the year a report reviews."""
    years = {d.year for d in engine.documents}
    if review:
        years |= {d.year - 1 for d in engine.documents if d.kind == "report"}
    return years


# A numbered scheme (1号建议案) names one document; another number is another document.
NUMBERED = re.compile(r"((?:\d+|[一二三四五六七八九十]+)号)建议案")
# Asks what was achieved (实际增长了多少, 建了多少, 完成情况): only a report's review of that year says.
# 报送完成情况 asks how progress is reported, not what was achieved: only past-tense results count.
# How far the work has got (进度怎么样, 推进得如何) asked with no year: a result of now, which no document reviews.
PROGRESS = re.compile(
    r"(?:进度|进展)(?:怎么样|如何|怎样)|(?:完成|推进|落实|建设)得(?:怎么样|如何|怎样)|完成情况(?:怎么样|如何|怎样)"
)
ACHIEVED = re.compile(
    r"实际|到现在|截至目前|目前为止|迄今|完成了|实现了|达到了|增长了|下降了|建了|建成了|(?:最终|最后)[\u4e00-\u9fa5]{0,4}了"
)
# 办理了几件, 开了多少家: a count of what was done, which a review states before any plan does; a year no
# report reviews is still answered from its own documents (2024年启动了几个试点: the 2024 report's plan).
DONE_COUNT = re.compile(
    r"[\u4e00-\u9fa5](?<!定)(?<!定下)(?<!安排)(?<!计划)(?<!部署)(?<!提出)(?<!明确)(?<!要求)了(?:一共|总共|共)?(?:几|多少)"
)  # 定了几条, 安排了多少: what was set, the plan's
# A year said of the report itself (去年的政府工作报告, 2024年报告): what it says was achieved is of the year before.
YEARS_REPORT = re.compile(r"(20\d\d|\d\d|今|去|前)年(?:的|度)?(?:市)?(?:政府)?(?:工作)?报告(?!目标|责任|任务|分解)")
SAID_YEAR = {"今": 0, "去": 1, "前": 2}
# 2023年计划新增多少: the year's plan, not the next year's report looking back on it.
PLANNED = re.compile(r"计划|目标")


def asks_plan(question: str) -> bool:
    return bool(PLANNED.search(question)) and not ACHIEVED.search(question)


# A year's document named outright (2025年的政府工作报告); 2023年政府工作报告目标任务 is the 2023 plan.
NAMED_DOCUMENT = (
    (DocKind.REPORT, re.compile(r"(20\d\d)年(?:的|度)?(?:市)?(?:政府)?工作报告(?!目标|责任|任务|分解)")),
    (DocKind.PLAN, re.compile(r"(20\d\d)年(?:的|度)?(?:责任|任务)?分解方案")),
)


def absent_document(engine: Engine, question: str) -> str:
    """A document the question names by year and kind that the corpus does not have, or ""."""
    have = {(d.year, d.kind) for d in engine.documents}
    for kind, pattern in NAMED_DOCUMENT:
        for match in pattern.finditer(question):
            if (int(match.group(1)), kind) not in have:
                return f"{match.group(1)}年{kind_label(kind)}"
    return ""


def named_absent(engine: Engine, question: str) -> str:
    """Why no document can answer a question that names one the corpus lacks, or ""."""
    if named := absent_numbered(engine, question) or absent_document(engine, question):
        return say("answer.no_document", asked=named, have=documents_list(engine))
    return ""


def report_years(engine: Engine, question: str) -> set[int]:
    """The years said of a report (去年的政府工作报告 is 2024's, as 今年 is the latest document's)."""
    latest = max((d.year for d in engine.documents), default=0)
    said = (m.group(1) for m in YEARS_REPORT.finditer(question))
    return {latest - SAID_YEAR[y] if y in SAID_YEAR else int(y if len(y) == 4 else f"20{y}") for y in said}


def reviewed_years(engine: Engine) -> set[int]:
    """Years some report looks back on (the 2024 report reviews 2023)."""
    return {d.year - 1 for d in engine.documents if d.kind == DocKind.REPORT}


def asks_achieved(question: str) -> bool:
    return bool(ACHIEVED.search(question))


def asks_done(question: str) -> bool:
    """A result asked, outright (实际), as a count of what was done (办理了几件) or as how far it got."""
    return asks_achieved(question) or bool(DONE_COUNT.search(question) or PROGRESS.search(question))


def absent_numbered(engine: Engine, question: str) -> str:
    """The numbered document the question names that no document is (1号建议案), or ""."""
    held = {numeral(m.group(1)[:-1]) for d in engine.documents for m in NUMBERED.finditer(d.title)}
    for match in NUMBERED.finditer(question):
        if numeral(match.group(1)[:-1]) not in held:
            return str(match.group(0))
    return ""


def numeral(text: str) -> int:
    """2, 二 and 十二 as numbers: 二号建议案 (typed in traditional characters, 二號) is the 2号建议案; -1 for
    numerals the parser's reading does not cover (三四)."""
    if text.isdigit():
        return int(text)
    try:
        return cn_to_int(text)
    except KeyError:
        return -1


def outside_scope(engine: Engine, where: Filter | None, terms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Terms no item in scope holds that other documents do, with those documents (老旧小区 in 2025:
    only 2023's plan and the 2024 report): the year or kind asked has no such item."""
    if where is None or not terms:
        return {}
    inside = engine.columns.mask(where)
    texts = engine.texts
    found: dict[str, tuple[str, ...]] = {}
    for term in terms:
        rows = [r for r, text in enumerate(texts) if term in text]
        if rows and not any(inside[r] for r in rows):
            docs = sorted({(engine.items[r].year, engine.items[r].doc_kind) for r in rows})
            found[term] = tuple(f"{y}年{kind_label(k)}" for y, k in docs)
    return found


def documents_list(engine: Engine) -> str:
    """The documents there are, by year and kind (2023年责任分解方案、2024年政府工作报告…)."""
    return "、".join(f"{y}年{kind_label(k)}" for y, k in sorted({(d.year, d.kind) for d in engine.documents}))


def scope(
    engine: Engine,
    years: tuple[int, ...],
    kinds: tuple[DocKind, ...] | None,
    review: bool,
    units: tuple[str, ...] = (),
    question: str = "",
) -> Scope:
    years = tuple(years or ())
    progress = not years and engine.documents and PROGRESS.search(question)
    now = (max(d.year for d in engine.documents),) if progress else ()
    achieved = years if asks_achieved(question) else now
    reports = report_years(engine, question)  # 去年的政府工作报告说前一年完成了…: the year it reviews
    achieved = tuple(y - 1 if y in reports else y for y in achieved)
    if achieved and not set(achieved) & reviewed_years(engine):
        reviews = "、".join(
            f"{d.year}年{kind_label(d.kind)}回顾{d.year - 1}年" for d in engine.documents if d.kind == DocKind.REPORT
        )
        asked = "、".join(f"{y}年" for y in achieved)
        return Scope(None, [], (), say("answer.no_review", years=asked, reviews=reviews or say("answer.none")))
    missing = tuple(y for y in years if y not in document_years(engine, review))
    if years and len(missing) == len(years):
        have = "、".join(f"{y}年" for y in sorted({d.year for d in engine.documents}))
        asked = "、".join(f"{y}年" for y in years)
        return Scope(
            None,
            [say("answer.years_present", years=have)],
            missing,
            say("answer.no_year_document", years=asked, have=documents_list(engine)),
        )
    present = tuple(y for y in years if y not in missing)
    back = review and not (asks_plan(question) and set(present) <= document_years(engine, False))
    where = Filter.where(present, kinds, units or None, with_review=back, by_document=review)
    in_kinds = Filter.where(present, kinds, with_review=back, by_document=review)  # the units aside
    if where is not None and kinds and in_kinds is not None and not engine.columns.mask(in_kinds).any():
        span = "、".join(f"{y}年" for y in present)
        asked = span + "、".join(kind_label(k) for k in kinds)
        return Scope(None, [], missing, say("answer.no_document", asked=asked, have=documents_list(engine)))
    return Scope(where, [], missing)
