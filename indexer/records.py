"""The records every stage speaks in: a document, a unit clause and an item.

Items are frozen so that a record handed to the index, the answer builder and the
app is the same value everywhere; JSON round-trips keep the index folder free of
pickle.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

KIND_LABELS = {
    "plan": "责任分解方案",
    "report": "政府工作报告",
    "proposal": "建议案办理工作方案",
    "notice": "印发通知",
}


@dataclass(frozen=True)
class Document:
    doc_id: str                # "2023-plan": year and kind, unique in a corpus
    year: int
    kind: str                  # plan / report / proposal
    title: str
    issued: str | None = None  # ISO date of issue or delivery
    number: str | None = None  # 武政办〔2023〕1号
    files: tuple[str, ...] = ()
    definitions: tuple[tuple[str, str], ...] = ()  # (unit, definition) from 下同 notes


@dataclass(frozen=True)
class Clause:
    """One unit clause with the sub-task it governs; an item may carry several."""
    task: str
    lead_units: tuple[str, ...]
    responsible_units: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    file: str
    line: int
    raw: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    doc_id: str
    year: int
    kind: str                       # plan / report / proposal / notice
    title: str                      # the document title
    path: tuple[str, ...]           # headings from part down to theme
    number: int | None
    text: str                       # simplified, cleaned, complete with unit clauses
    lead_units: tuple[str, ...] = ()
    responsible_units: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()     # definitions and repairs a reader should see
    citation: str = ""

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.lead_units + self.responsible_units))

    def to_json(self) -> dict:
        data = asdict(self)
        data["path"] = list(self.path)
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Item":
        return cls(
            id=data["id"], doc_id=data["doc_id"], year=int(data["year"]), kind=data["kind"],
            title=data["title"], path=tuple(data["path"]), number=data["number"], text=data["text"],
            lead_units=tuple(data["lead_units"]), responsible_units=tuple(data["responsible_units"]),
            clauses=tuple(Clause(c["task"], tuple(c["lead_units"]), tuple(c["responsible_units"]))
                          for c in data.get("clauses", ())),
            sources=tuple(Source(s["file"], int(s["line"]), s.get("raw", "")) for s in data["sources"]),
            notes=tuple(data.get("notes", ())), citation=data.get("citation", ""),
        )


@dataclass
class BuildReport:
    """What ingestion noticed: shown by the CLI, never silently dropped."""
    warnings: list[str] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        self.warnings.append(message)
