"""Document kinds a question names: 建议案, 报告, 分解方案, a year's 方案, and a kind said as included beside the rest.

A plan is often named through the report it breaks down (政府工作报告目标任务分解方案), and 方案 after a year is
either the plan or the proposal's scheme, so the words are read here together, apart from units and topic.
"""

from __future__ import annotations

import re

from ..records import DocKind

# A plan is named through its parent: 政府工作报告目标任务(责任)分解 is the plan, not the report.
PLAN_WORDS = re.compile(
    r"(?:责任|任务)?分解(?:方案|表)?|分工(?:方案|表)|目标任务|(?i:\b(?:responsibility|task)\s+plan\b)"
)
# A report or notice right after its year (24年报告是怎么提的), once the year is cut.
AFTER_YEAR = re.compile(r"(?<=\s)(?:的)?(?:那份|这份)?(?:政府工作报告|工作报告|报告|通知)")
# A year's 方案 is its plan or the scheme for a proposal (2025年方案): both are 方案.
SCHEME_WORDS = re.compile(r"(?<=年)(?:的|那份|这份)?方案")
KIND_WORDS = (
    (
        DocKind.PROPOSAL,
        re.compile(
            r"(?:市)?(?:政协)?(?:\d*|[一二三四五六七八九])号建议案|(?:市)?(?:政协)?(?:\d+|[一二三四五六七八九])号案|(?:市)?政协\d+号(?:方案|建议)|建议案办理|建议案|(?:市)?政协(?:那份|这份|那个|的)?(?:建议案(?:办理)?(?:工作)?(?:方案)?|建议(?:的)?(?:办理|落实)?方案|办理方案|建议|方案)|(?i:\bproposal\b)|(?:市)?政协(?=那份|这份)"
        ),
    ),
    (
        DocKind.NOTICE,
        re.compile(r"印发通知|通知里|通知中|的通知|(?<=年)通知|(?<=[两二俩几]份)通知|通知(?=对|要求|提出|规定|说)"),
    ),
    # 市政府和政协建议案的清单: the government's plan beside the proposal
    (DocKind.PLAN, re.compile(rf"{PLAN_WORDS.pattern}|市政府(?=(?:和|与|、|跟)(?:市)?政协)")),
    (
        DocKind.REPORT,
        re.compile(
            r"政府工作报告|工作报告|报告里|报告中|报告提出|报告(?:说|讲|写|提到)|(?<=年)(?:的)?报告|(?i:\b(?:gov(?:ernment)?\s+)?(?:work\s+)?report\b)"
        ),
    ),
)
REPORT_AS_PARENT = re.compile(r"报告(?:的)?(?:目标任务|重点任务|责任|任务|分解)")  # the plan named by its report
PARENT_REPORT = re.compile(r"报告(?:的)?(?:目标任务|重点任务)?(?:责任|任务)?分解")
PARENT_NAMED = re.compile(r"(?:政府)?(?:工作)?报告(?=(?:的)?(?:目标任务|重点任务)?(?:责任|任务)?分解)")


def named_kinds(text: str) -> tuple[DocKind, ...]:
    """The kinds of document the question names outright (报告, 建议案, 分解方案); the report named as the plan's
    parent (政府工作报告目标任务分解方案) is the plan alone."""
    kinds = tuple(kind for kind, pattern in KIND_WORDS if pattern.search(text))
    if SCHEME_WORDS.search(text) and DocKind.PLAN not in kinds:  # 23年方案和2号建议案: a year's 方案 is a document too
        kinds += (DocKind.PLAN,)
    if PARENT_REPORT.search(text):
        kinds = tuple(k for k in kinds if k is not DocKind.REPORT)
    return kinds


INCLUDING = re.compile(r"含|包括|包含|连同|连(?!续)|算上|加上")  # a kind said as included beside the rest
# 建议案里的也算上, 建议案那份也算上, 连政协建议案的一起列, 建议案里的也要: the kind beside the rest, never alone
INCLUDED = re.compile(
    r"(?:里|中|那份|这份|那个)?的?(?:(?:也|都)?(?:算上|算进来|算进去|包括进来|一起算|也算|加上|带上)|(?:也|都)?(?:一起|一并)(?:列|算|加|带)"
    r"|(?:也|都)要(?=[，。？?！!、\s]|$)|(?:也|都)(?:列上|列出来|列进来))"
)


def find_kinds(text: str, said: str = "") -> tuple[tuple[DocKind, ...], str]:
    """Kinds named in `said` (the question with its years, so 25年方案 is named), cut from `text`."""
    said = said or text
    kinds: list[DocKind] = []
    included: list[DocKind] = []
    text = PARENT_NAMED.sub(" ", text)  # 报告分解: the plan's name, no topic
    named = [m.span() for _, pattern in KIND_WORDS for m in pattern.finditer(text)]  # each read in the whole text
    named += [m.span() for m in AFTER_YEAR.finditer(text)]  # 24年报告: the year is cut already, its 年 with it
    for kind, pattern in KIND_WORDS:
        if match := pattern.search(said):
            if INCLUDING.search(said[max(match.start() - 4, 0) : match.start()]) or INCLUDED.match(said, match.end()):
                included.append(kind)  # (含2号建议案): beside the rest, never alone
            elif not (
                kind is DocKind.REPORT and DocKind.PLAN in kinds and REPORT_AS_PARENT.search(said)
            ):  # 报告目标任务
                kinds.append(kind)
    text = _cut(text, named)
    if included and not kinds and not SCHEME_WORDS.search(said):
        return (), text  # 今年在哪些条目里挂名（含2号建议案）: every kind of the year
    kinds.extend(k for k in included if k not in kinds)
    if SCHEME_WORDS.search(said) and kinds in ([], [DocKind.REPORT]):  # 2023年的方案; 23年方案和24年报告
        kinds = [DocKind.PLAN, DocKind.PROPOSAL, *kinds]
    elif SCHEME_WORDS.search(said) and DocKind.PLAN not in kinds:  # 2023年的方案和建议案: the year's plan beside it
        kinds = [DocKind.PLAN, *kinds]
    return tuple(kinds), text


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each run of spanned characters one space."""
    covered = {i for start, end in spans for i in range(start, end)}
    return re.sub("\0+", " ", "".join("\0" if i in covered else ch for i, ch in enumerate(text)))
