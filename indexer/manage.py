"""Adding and removing corpus documents from the command line, each followed by a rebuild.

`add` copies a file into the corpus after checking it is new (by content), readable and
placeable (year and kind read from its text, as the build would, or given by the
caller and then kept in manifest.json so every later build agrees). `remove` deletes a
document's files. Both rebuild the index; the embedding cache means only new texts
are embedded.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .config import Settings
from .errors import CorpusError
from .foundation.atomic import atomic_write_text, sha256_file
from .foundation.names import has_control, shown
from .ingest import limits
from .ingest.corpus import DATA_FILES, corpus_files, detected_meta, parse_file, read_document
from .ingest.documents import DocMeta, load_manifest, meta_from_name
from .ingest.pending import PENDING, STAGED, finish_pending
from .ingest.rules import CorpusRules
from .messages import say
from .records import BuildReport, DocKind

MANIFEST = "manifest.json"
PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # where `python -m indexer.preview_worker` is found


@dataclass(frozen=True)
class Placed:
    """A document checked for adding: its name in the corpus and what was said about it."""

    source: Path
    name: str
    doc_id: str
    items: int
    override: dict
    notes: tuple[str, ...]
    title: str = ""
    year: int | None = None
    kind: str | None = None
    first_items: tuple[str, ...] = ()  # a preview for whoever confirms the addition


def file_hash(path: Path) -> str:
    return sha256_file(path)


def check_new(path: Path, corpus_dir: Path, known: dict[str, str]) -> None:
    """Refuse a missing file, a name the corpus reserves or already holds, and a copy of a corpus
    file (by content, under any name)."""
    if has_control(path.name):
        raise CorpusError("names.control", shown(path.name))
    if not path.is_file():
        raise CorpusError("manage.not_a_file", path.name)
    if path.name in DATA_FILES or path.name.startswith("."):
        raise CorpusError("manage.reserved_name", path.name)
    same = known.get(file_hash(path))
    if same:
        raise CorpusError("manage.duplicate", path.name, existing=same)
    if (corpus_dir / path.name).exists():
        raise CorpusError("manage.name_taken", path.name)


def place(path: Path, rules: CorpusRules, year: int | None, kind: str | None, cache_dir: Path | None = None) -> Placed:
    """Read the file as the build will; the caller's year and kind replace what detection found
    (or could not find), and the user is told which."""
    meta = detect(path, rules, cache_dir)
    override = {f: v for f, v in (("year", year), ("kind", kind)) if v is not None and v != getattr(meta, f)}
    for field, label in (("year", "年份"), ("kind", "文件类型")):
        if getattr(meta, field) is None and field not in override:
            raise CorpusError("manage.no_meta", path.name, field=label)
    notes = []
    if override:
        key = "manage.overridden" if meta.year is not None and meta.kind is not None else "manage.given_meta"
        notes.append(
            say(
                key,
                file=path.name,
                detected=_label(meta.year, meta.kind),
                given=_label(year if "year" in override else meta.year, kind if "kind" in override else meta.kind),
            )
        )
    report = BuildReport()
    with limits.applied(rules_limits()):
        doc, items = read_document(path, override or None, report, rules, cache_dir)
    notes += report.warnings  # the year taken from the file name, a reading that looks like fragments
    first = tuple(f"{i.citation or i.id}　{i.text[:80]}" for i in items[:5])
    return Placed(
        path, path.name, doc.doc_id, len(items), override, tuple(notes), doc.title, doc.year, str(doc.kind), first
    )


def preview(settings: Settings, path: Path, year: int | None = None, kind: str | None = None) -> Placed:
    """What adding this file would do, checked as `add` checks it, without touching the corpus."""
    corpus_dir = settings.corpus_dir
    known = {file_hash(p): p.name for p in corpus_files(corpus_dir, BuildReport())}
    check_new(path, corpus_dir, known)
    return place(path, CorpusRules.load(corpus_dir), year, kind, settings.cache_folder)


def preview_in_worker(settings: Settings, path: Path, year: int | None = None, kind: str | None = None) -> Placed:
    """`preview` in a child process capped at Settings.limits.preview_memory_mb (indexer/preview_worker.py)."""
    import subprocess
    import sys

    from .config import LIMIT_ENV

    env = {
        **os.environ,
        "POLQA_CORPUS": str(settings.corpus_dir),
        "POLQA_INDEX": str(settings.index_dir),
        **{variable: str(getattr(settings.limits, name)) for name, variable in LIMIT_ENV.items()},
    }
    command = [sys.executable, "-m", "indexer.preview_worker", str(path), str(year or ""), kind or ""]
    try:
        done = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            cwd=PACKAGE_ROOT,
            timeout=settings.limits.ocr_seconds + 120,
        )
        answer = json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else None
    except (subprocess.TimeoutExpired, ValueError) as err:
        raise CorpusError("limits.preview_failed", shown(path.name), detail=type(err).__name__) from err
    if answer is None:
        raise CorpusError("limits.preview_memory", shown(path.name), limit=settings.limits.preview_memory_mb)
    if "error" in answer:
        raise CorpusError("limits.preview_said", shown(path.name), detail=answer["error"])
    return Placed(
        **{
            **answer,
            "source": Path(answer["source"]),
            "notes": tuple(answer["notes"]),
            "first_items": tuple(answer["first_items"]),
        }
    )


def detect(path: Path, rules: CorpusRules, cache_dir: Path | None = None) -> DocMeta:
    """Year, kind and title as the build reads them from the text (None where it finds none)."""
    with limits.applied(rules_limits()):
        _, parsed = parse_file(path, rules, cache_dir)
    return meta_from_name(detected_meta(parsed), path.name)[0]


def _label(year: int | None, kind: str | None) -> str:
    parts = [f"{year}年" if year else "年份未识别", DocKind(kind).label if kind else "类型未识别"]
    return "".join(parts) if year and kind else "、".join(parts)


def add_documents(settings: Settings, paths: list[Path], year: int | None = None, kind: str | None = None) -> list[str]:
    """Check every file first, so a bad one leaves the corpus untouched; then copy them in.
    Returns what to tell the user; the caller rebuilds."""
    corpus_dir = settings.corpus_dir
    finish_pending(corpus_dir)
    rules = CorpusRules.load(corpus_dir)
    known = {file_hash(p): p.name for p in corpus_files(corpus_dir, BuildReport())}
    placed: list[Placed] = []
    for path in paths:
        check_new(path, corpus_dir, known)
        known[file_hash(path)] = path.name
        placed.append(place(path, rules, year, kind, settings.cache_folder))
    publish_added(corpus_dir, placed)
    messages: list[str] = []
    for p in placed:
        messages.extend(p.notes)
        messages.append(say("manage.added", file=p.name, doc=p.doc_id, items=p.items))
    return messages


def rules_limits():
    """The limits of the settings in force (Settings reads them from the environment)."""
    return Settings().limits


def publish_added(corpus_dir: Path, placed: list[Placed]) -> None:
    """Stage every copy and the new manifest as hidden files, write the list of renames (the commit
    point), then rename. Killed before the list: only hidden files, removed by the next add. Killed
    after: the next add or build finishes the renames. Never a half-copied or unlisted document."""
    renames: dict[str, str] = {}
    for p in placed:
        staged = corpus_dir / f"{STAGED}{p.name}"
        with p.source.open("rb") as source, staged.open("wb") as out:
            shutil.copyfileobj(source, out)
            out.flush()
            os.fsync(out.fileno())
        renames[staged.name] = p.name
    manifest = load_manifest(corpus_dir)
    for p in placed:
        if p.override:
            manifest[p.name] = {**manifest.get(p.name, {}), **p.override}
    if any(p.override for p in placed):
        atomic_write_text(corpus_dir / f"{STAGED}{MANIFEST}", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
        renames[f"{STAGED}{MANIFEST}"] = MANIFEST
    atomic_write_text(corpus_dir / PENDING, json.dumps(renames, ensure_ascii=False))
    finish_pending(corpus_dir)


def remove_document(settings: Settings, doc: str) -> list[str]:
    """Delete every file of the document (`2025-plan`) or the one file named; refuse to empty the corpus."""
    from .ingest import load_corpus

    corpus_dir = settings.corpus_dir
    finish_pending(corpus_dir)
    with limits.applied(settings.limits):
        documents, _ = load_corpus(corpus_dir, BuildReport(), settings.cache_folder)
    files = next((d.files for d in documents if d.doc_id == doc), None)
    if files is None and (corpus_dir / doc).is_file() and doc not in DATA_FILES:
        files = (doc,)
    if files is None:
        raise CorpusError("manage.unknown_doc", doc, known="、".join(d.doc_id for d in documents) or "无")
    if len(documents) == 1 and set(files) == set(documents[0].files):
        raise CorpusError("manage.last_doc", doc)
    for name in files:
        (corpus_dir / name).unlink()
        _set_manifest(corpus_dir, name, None)
    return [say("manage.removed", doc=doc, files="、".join(files))]


def _set_manifest(corpus_dir: Path, name: str, entry: dict | None) -> None:
    """Write (or with None drop) one file's entry; the manifest is checked on load as always."""
    manifest = load_manifest(corpus_dir)
    if entry is None and name not in manifest:
        return
    if entry is None:
        manifest.pop(name)
    else:
        manifest[name] = {**manifest.get(name, {}), **entry}
    if not manifest:
        (corpus_dir / MANIFEST).unlink()
        return
    atomic_write_text(corpus_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
