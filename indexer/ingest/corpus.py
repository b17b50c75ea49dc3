"""Read every file in corpus/ into item records: the one entry point for ingestion.

A bad file is reported by name and skipped; the rest of the corpus is still read.
Files that describe the same document (a partial web copy) are merged so that each
item is one record listing every source it was seen in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from ..errors import CorpusError
from ..foundation.text import is_boilerplate, normalise_line
from ..messages import say
from ..records import BuildReport, DocKind, Document, Item, Source
from .documents import DocMeta, apply_manifest, detect_meta, load_manifest, meta_from_name
from .limits import failure
from .parse import Block, Draft, Line, ParsedDocument, parse_document
from .quality import cleanliness, reading_problems
from .readers import read_lines
from .rules import RENAMES, REPAIRS, CorpusRules
from .units import NO_ALIASES, find_definitions, item_units, split_clauses

CHUNK_SIZE = 180
CHUNK_OVERLAP = 30
SEPARATORS = ["\n\n", "\n", "。", "!", "?", ";", ",", "、", ""]
DATA_FILES = {"manifest.json", REPAIRS, RENAMES}  # the corpus's rules, not documents


def parse_file(path: Path, rules: CorpusRules, cache_dir: Path | None = None) -> tuple[list[Line], ParsedDocument]:
    """The file's clean lines and their parse; a file with no text left is a CorpusError."""
    lines = clean_lines(path, rules, cache_dir)
    if not lines:
        raise CorpusError("corpus.empty", path.name)
    return lines, parse_document(lines)


def detected_meta(parsed: ParsedDocument) -> DocMeta:
    """Year, kind, title, issue date and number as the text says them (None where it does not)."""
    return detect_meta(parsed.title_lines, parsed.head, parsed.issued_line)


def clean_lines(path: Path, rules: CorpusRules, cache_dir: Path | None = None) -> list[Line]:
    lines = []
    for number, source in enumerate(read_lines(path, cache_dir), start=1):
        raw = source.text
        text, notes = normalise_line(raw, rules.repairs)
        if text and not is_boilerplate(text):
            lines.append(Line(number, raw, text, tuple(notes), source.page, source.confidence, source.fields))
    return lines


def load_corpus(
    corpus_dir: Path, report: BuildReport | None = None, cache_dir: Path | None = None
) -> tuple[list[Document], list[Item]]:
    """`cache_dir`: where what the readers extracted is kept by content hash (readers/cache.py)."""
    report = report if report is not None else BuildReport()
    manifest = load_manifest(corpus_dir)
    rules = CorpusRules.load(corpus_dir)
    parsed: list[tuple[Document, list[Item]]] = []
    for path in corpus_files(corpus_dir, report):
        try:
            parsed.append(read_document(path, manifest.get(path.name), report, rules, cache_dir))
        except CorpusError as err:
            report.skipped_files.append(path.name)
            report.warn(err.message)
        except OSError as err:
            report.skipped_files.append(path.name)
            report.warn(CorpusError("corpus.unreadable", path.name, detail=err.strerror or type(err).__name__).message)
        except Exception as err:  # parsing a strange file: skipped and named, never the end of the build
            report.skipped_files.append(path.name)
            report.warn(failure(err, path.name).message)
    return merge_documents(parsed, report)


def corpus_files(corpus_dir: Path, report: BuildReport) -> list[Path]:
    """The documents to read: every entry but the rules files and hidden ones, whatever its name (the
    reader is chosen by content). One that cannot be read (a folder, a broken link) is named in a
    warning, never skipped silently."""
    files = []
    for path in sorted(p for p in corpus_dir.iterdir() if p.name not in DATA_FILES and not p.name.startswith(".")):
        if path.is_file():
            files.append(path)
            continue
        key = "corpus.broken_link" if path.is_symlink() and not path.exists() else "corpus.folder"
        report.skipped_files.append(path.name)
        report.warn(CorpusError(key, path.name).message)
    return files


def read_document(
    path: Path,
    override: dict | None,
    report: BuildReport,
    rules: CorpusRules = CorpusRules(),
    cache_dir: Path | None = None,
) -> tuple[Document, list[Item]]:
    lines, parsed = parse_file(path, rules, cache_dir)
    meta = apply_manifest(detected_meta(parsed), override)
    meta, taken = meta_from_name(meta, path.name)
    for field, value in taken:
        report.warn(say("layout.meta_from_name", file=path.name, field=field, value=value))
    if meta.year is None or meta.kind is None:
        raise CorpusError("corpus.no_meta", path.name, field="年份" if meta.year is None else "文件类型")
    if not any(d.role.numbered for d in parsed.drafts):
        report.warn(CorpusError("corpus.no_items", path.name).message)
    aliases = rules.units.aliases
    definitions = tuple(dict.fromkeys(d for line in lines for d in find_definitions(line.text, aliases)))
    doc = Document(
        doc_id=f"{meta.year}-{meta.kind}",
        year=meta.year,
        kind=meta.kind,
        title=meta.title,
        issued=meta.issued,
        number=meta.number,
        files=(path.name,),
        definitions=definitions,
    )
    items = build_items(doc, parsed, path.name, aliases)
    problems = reading_problems(doc.kind, items)
    if problems:
        report.warn(say("layout.suspect", file=path.name, problems="；".join(problems)))
    return doc, items


def build_items(
    doc: Document, parsed: ParsedDocument, file: str, aliases: Mapping[str, str] = NO_ALIASES
) -> list[Item]:
    items: list[Item] = []
    restarts = _parts_with_restarting_numbers(parsed.drafts)
    counters: dict[str, int] = {}
    for draft in parsed.drafts:
        item_id = _item_id(doc, draft, restarts, counters)
        items.extend(_records(doc, draft, item_id, file, aliases))
    return items


def _parts_with_restarting_numbers(drafts: list[Draft]) -> set[str | None]:
    seen: dict[str | None, set[int | None]] = {}
    restarts = set()
    for d in drafts:
        if d.role is Block.ITEM:
            key = d.part[0] if d.part else None
            if d.number in seen.setdefault(key, set()):
                restarts.add(key)
            seen[key].add(d.number)
    return restarts


def _item_id(doc: Document, draft: Draft, restarts: set, counters: dict[str, int]) -> str:
    part = draft.part[0] if draft.part else None
    if draft.role.numbered:
        pieces = [doc.doc_id, part or "正文"]
        if part in restarts and draft.area:
            pieces.append(draft.area[0])
        return "-".join(pieces + [str(draft.number)])
    prefix = f"{doc.doc_id}-notice" if draft.role is Block.NOTICE else "-".join(filter(None, [doc.doc_id, part]))
    counters[prefix] = counters.get(prefix, 0) + 1
    return f"{prefix}-p{counters[prefix]}"


def _records(doc: Document, draft: Draft, item_id: str, file: str, aliases) -> list[Item]:
    clauses = split_clauses(draft.text, aliases) if draft.role.numbered else []
    lead, resp = item_units(clauses)
    notes = list(draft.line.notes)
    if draft.line.confidence is not None:
        notes.append(say("source.ocr", confidence=f"{draft.line.confidence:.2f}"))
    notes += [f"{unit}: {body}" for unit, body in doc.definitions if unit in lead + resp]
    base = Item(
        id=item_id,
        doc_id=doc.doc_id,
        year=doc.year,
        kind=DocKind.NOTICE if draft.role is Block.NOTICE else doc.kind,
        doc_kind=doc.kind,
        title=doc.title,
        path=draft.path,
        number=draft.number,
        text=draft.text,
        lead_units=lead,
        responsible_units=resp,
        clauses=tuple(clauses),
        sources=(Source(file, draft.line.number, draft.line.raw, draft.line.page, draft.line.confidence),),
        notes=tuple(notes),
        deadline=dict(draft.line.fields).get("deadline"),
        leader=dict(draft.line.fields).get("leader"),
    )
    base = replace(base, citation=citation(base, draft))
    if draft.role.numbered or len(draft.text) <= CHUNK_SIZE:
        return [base]
    pieces = _splitter().split_text(draft.text)
    return [
        replace(base, id=f"{item_id}.{i}", text=piece, citation=f"{base.citation}（{i}/{len(pieces)}）")
        for i, piece in enumerate(pieces, start=1)
    ]


def _splitter():
    from langchain_text_splitters import RecursiveCharacterTextSplitter  # 0.6 s import, only when splitting

    return RecursiveCharacterTextSplitter(
        chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP, separators=SEPARATORS, keep_separator="end"
    )


def citation(item: Item, draft: Draft) -> str:
    """A reference staff can paste: 2025年责任分解方案 二（三）第56项."""
    label = f"{item.year}年{item.doc_kind.label}"
    paragraph = item.id.rsplit("-p", 1)[-1]
    if item.kind is DocKind.NOTICE:
        return f"{label}·印发通知 第{paragraph}段"
    where = (draft.part[0] if draft.part else "") + (f"（{draft.area[0]}）" if draft.area else "")
    if draft.role is Block.TARGET and draft.number is not None:  # a target always has its numeral
        return f"{label} {where}（{cn_numeral(draft.number)}）"
    if draft.role is Block.ITEM:
        return f"{label} {where}第{draft.number}项"
    return " ".join(filter(None, [label, where, f"第{paragraph}段"]))


def cn_numeral(number: int) -> str:
    digits = "零一二三四五六七八九"
    tens, ones = divmod(number, 10)
    if tens == 0:
        return digits[ones]
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def merge_documents(
    parsed: list[tuple[Document, list[Item]]], report: BuildReport
) -> tuple[list[Document], list[Item]]:
    """Fold copies of one document into the fullest one; match items by their text."""
    by_doc: dict[str, list[tuple[Document, list[Item]]]] = {}
    for doc, items in parsed:
        by_doc.setdefault(doc.doc_id, []).append((doc, items))
    documents, records = [], []
    for copies in by_doc.values():
        by_length = sorted(copies, key=lambda c: -len(c[1]))
        copies = sorted(by_length, key=lambda c: cleanliness(c[0].kind, c[1]), reverse=True)
        doc, items = copies[0]
        if copies[0] is not by_length[0]:
            report.warn(
                say(
                    "layout.copy_primary",
                    file=doc.files[0],
                    other=by_length[0][0].files[0],
                    items=cleanliness(doc.kind, items)[0],
                )
            )
        for other_doc, other_items in copies[1:]:
            doc = replace(doc, files=doc.files + other_doc.files)
            items = _merge_items(items, other_items, other_doc.files[0], report)
        documents.append(doc)
        records.extend(items)
    return documents, records


def _fingerprint(text: str) -> str:
    return re.sub(r"\W", "", text)


def _merge_items(primary: list[Item], copy: list[Item], file: str, report: BuildReport) -> list[Item]:
    index = {_fingerprint(item.text): i for i, item in enumerate(primary)}
    numbered = {item.id: i for i, item in enumerate(primary) if item.number is not None}
    merged = list(primary)
    ids = {item.id for item in primary}
    unmatched = 0
    for item in copy:
        at = index.get(_fingerprint(item.text))
        if at is None and item.number is not None:
            at = numbered.get(item.id)  # the same item read differently (OCR): the cleaner copy's text stands
        if at is not None:
            merged[at] = replace(merged[at], sources=merged[at].sources + item.sources)
            continue
        unmatched += 1
        new_id = item.id if item.id not in ids else f"{item.id}@{Path(file).stem}"
        merged.append(replace(item, id=new_id))
        ids.add(new_id)
    matched = len(copy) - unmatched
    report.warn(say("corpus.merged", file=file, matched=matched, added=unmatched))
    return merged
