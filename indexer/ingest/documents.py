"""Read a document's year, kind, title, issue date and number from its own text.

File names are not trusted; a sidecar `corpus/manifest.json` may override any field
detection gets wrong: {"file.txt": {"year": 2023, "kind": "plan", "title": "…"}}.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import CorpusError
from ..records import DocKind

DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号")
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
SIGNED = re.compile(r"([\u4e00-\u9fff]{2}[市省](人民政府(办公厅|办公室)?)?)?\d{4}年\d{1,2}月\d{1,2}日$")
DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
KIND_RULES = (
    (DocKind.PLAN, re.compile(r"分解方案")),
    (DocKind.PROPOSAL, re.compile(r"(建议案|提案).*方案")),
    (DocKind.REPORT, re.compile(r"政府工作报告")),
)


@dataclass(frozen=True)
class DocMeta:
    year: int | None
    kind: DocKind | None
    title: str
    issued: str | None
    number: str | None


def iso_date(match: re.Match) -> str:
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def detect_kind(title: str) -> DocKind | None:
    return next((kind for kind, rule in KIND_RULES if rule.search(title)), None)


def clean_title(title: str) -> str:
    """Drop a site's region prefix and a speaker/date suffix; keep the document's own name."""
    title = re.sub(r"^\((湖北省|武汉市)\)", "", title)
    title = DOC_NUMBER.sub("", title)  # a red header's number run into the title
    title = SIGNED.sub("", title)  # a signature and date run into it
    title = re.sub(r"\(\d{4}年\d{1,2}月\d{1,2}日[^()]*\)$", "", title)
    return title.strip("《》 ")


def detect_meta(title_lines: list[str], head: list[str], issued_line: str | None) -> DocMeta:
    """title_lines: the body title; head: the first lines, where numbers and dates sit."""
    raw_title = "".join(title_lines)
    title = clean_title(raw_title)
    number = next((m.group(0) for line in head for m in [DOC_NUMBER.search(line)] if m), None)
    date = DATE.search(issued_line or "") or DATE.search(raw_title)
    issued = iso_date(date) if date else None
    year_in_title = re.search(r"(\d{4})年", title)
    year = int(year_in_title.group(1)) if year_in_title else (int(issued[:4]) if issued else None)
    return DocMeta(year=year, kind=detect_kind(title), title=title, issued=issued, number=number)


MANIFEST_KINDS = tuple(str(k) for k in DocKind.of_documents())
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_manifest(corpus_dir: Path) -> dict[str, dict]:
    """The manifest, checked field by field before anything is built: a bad value stops the build
    with the file and field named, so it can never replace a good index with a broken one."""
    path = corpus_dir / "manifest.json"
    if not path.exists():
        return {}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise CorpusError("corpus.manifest_json", path.name, line=getattr(err, "lineno", 1)) from err
    if not isinstance(manifest, dict):
        raise CorpusError("corpus.manifest_field", path.name, field="（整个文件）", expected="以文件名为键的对象")
    for name, entry in manifest.items():
        check_manifest_entry(path.name, name, entry)
    return manifest


def check_manifest_entry(file: str, name: str, entry) -> None:
    def bad(field: str, expected: str):
        raise CorpusError("corpus.manifest_field", file, field=f"{name} → {field}", expected=expected)

    if not isinstance(entry, dict):
        bad("（整条）", '一个对象，如 {"year": 2026, "kind": "plan"}')
    unknown = set(entry) - set(DocMeta.__dataclass_fields__)
    if unknown:
        bad("、".join(sorted(unknown)), "year、kind、title、issued、number 之一")
    year = entry.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1949 <= year <= 2100):
        bad("year", "1949 到 2100 之间的整数年份")
    if "kind" in entry and entry["kind"] not in MANIFEST_KINDS:
        bad("kind", " / ".join(MANIFEST_KINDS))
    for field in ("title", "number"):
        if field in entry and not (isinstance(entry[field], str) and entry[field].strip()):
            bad(field, "非空文字")
    if "issued" in entry and not (isinstance(entry["issued"], str) and ISO_DATE.match(entry["issued"])):
        bad("issued", "日期，如 2026-01-15")


def apply_manifest(meta: DocMeta, override: dict | None) -> DocMeta:
    if not override:
        return meta
    fields = {k: v for k, v in override.items() if k in DocMeta.__dataclass_fields__}
    if "kind" in fields:
        fields["kind"] = DocKind(fields["kind"])
    return replace(meta, **fields)


NAME_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
NAME_KINDS = (
    (DocKind.PLAN, re.compile(r"plan|分解方案|责任分解", re.IGNORECASE)),
    (DocKind.PROPOSAL, re.compile(r"proposal|cppcc|建议案|提案", re.IGNORECASE)),
    (DocKind.REPORT, re.compile(r"report|政府工作报告", re.IGNORECASE)),
)


def meta_from_name(meta: DocMeta, name: str) -> tuple[DocMeta, list[tuple[str, str]]]:
    """A last resort: year and kind the text did not give, taken from the file name (a scan whose
    pages name no year, 2025年责任分解方案.pdf). Returns what was taken, so the user is told."""
    taken: list[tuple[str, str]] = []
    if meta.year is None and (year := NAME_YEAR.search(name)):
        meta = replace(meta, year=int(year.group(1)))
        taken.append(("年份", year.group(1)))
    if meta.kind is None:
        kind = detect_kind(name) or next((k for k, rule in NAME_KINDS if rule.search(name)), None)
        if kind is not None:
            meta = replace(meta, kind=kind)
            taken.append(("文件类型", kind.label))
    return meta, taken
