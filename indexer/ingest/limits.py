"""What one corpus file may cost, checked by small functions the readers call at the costly steps.

A file beyond a limit raises `CorpusError` naming the limit and its setting, so the build
skips that file and says why. The limits in force are set per read with `applied()` (the
build and `add` pass `Settings.limits`); outside that, the record's defaults hold.
"""

from __future__ import annotations

import re
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from ..errors import CorpusError
from ..records import Limits

_ACTIVE: ContextVar[Limits] = ContextVar("polqa_limits", default=Limits())  # noqa: B039  (Limits is frozen)
_FILE: ContextVar[FileBudget | None] = ContextVar("polqa_file_budget", default=None)
CHUNK = 1 << 20


@dataclass
class FileBudget:
    """What the file being read has spent so far."""

    name: str
    ocr_started: float | None = None
    inflated: dict[str, int] = field(default_factory=dict)


def active() -> Limits:
    return _ACTIVE.get()


@contextmanager
def applied(limits: Limits) -> Iterator[None]:
    token = _ACTIVE.set(limits)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


@contextmanager
def reading(name: str) -> Iterator[None]:
    """One file's budget (OCR clock), opened by the reader dispatcher."""
    token = _FILE.set(FileBudget(name))
    try:
        yield
    finally:
        _FILE.reset(token)


def _over(name: str, what: str, found: object, limit: object, setting: str) -> CorpusError:
    return CorpusError("limits.exceeded", name, what=what, found=found, limit=limit, setting=setting)


def check_lines(texts: list[str], name: str) -> None:
    longest = max((len(t) for t in texts), default=0)
    if longest > active().line_chars:
        raise _over(name, "单行字符数", longest, active().line_chars, "POLQA_MAX_LINE_CHARS")


def check_pages(count: int, name: str) -> None:
    if count > active().pages:
        raise _over(name, "页数", count, active().pages, "POLQA_MAX_PAGES")


TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*?(/?)>")
# elements that close themselves or that pages often leave open: not counted as nesting
UNNESTED = frozenset(
    "area base br col embed hr img input link meta source track wbr p li td th tr option dt dd".split()
)


def check_nesting(html: str, name: str) -> str:
    """The page's element depth from one linear scan of its tags, before the parser sees it."""
    depth = deepest = 0
    for closing, tag, self_closing in TAG.findall(html):
        if tag.lower() in UNNESTED or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    if deepest > active().nesting:
        raise _over(name, "网页嵌套层数", deepest, active().nesting, "POLQA_MAX_NESTING")
    return html


def check_pixels(width: float, height: float, name: str) -> None:
    """Before decoding or rendering: the size comes from the header or the page box."""
    pixels = int(width) * int(height)
    if pixels > active().pixels:
        raise _over(name, "图像像素", f"{int(width)}×{int(height)}", active().pixels, "POLQA_MAX_PIXELS")


def check_ocr_time(name: str) -> None:
    """Called before each OCR'd page: the file's OCR clock starts at its first page."""
    budget = _FILE.get()
    if budget is None:
        return
    now = time.monotonic()
    if budget.ocr_started is None:
        budget.ocr_started = now
    spent = now - budget.ocr_started
    if spent > active().ocr_seconds:
        raise _over(name, "文字识别用时（秒）", f"{spent:.0f}", f"{active().ocr_seconds:.0f}", "POLQA_OCR_SECONDS")


def check_archive(archive: zipfile.ZipFile, name: str) -> None:
    """The sizes the zip declares, before any member is inflated."""
    declared = sum(info.file_size for info in archive.infolist())
    if declared > active().archive_bytes:
        raise _over(name, "解压后字节数", declared, active().archive_bytes, "POLQA_MAX_ARCHIVE_BYTES")


def read_member(archive: zipfile.ZipFile, member: str, name: str | None = None) -> bytes:
    """One member, counted while it inflates: the file's members together stop at the limit."""
    budget = _FILE.get()
    name = name or (budget.name if budget else member)
    spent = sum(budget.inflated.values()) if budget else 0
    parts, size = [], 0
    with archive.open(member) as stream:
        for block in iter(lambda: stream.read(CHUNK), b""):
            size += len(block)
            if spent + size > active().archive_bytes:
                raise _over(name, "解压后字节数", f">{spent + size}", active().archive_bytes, "POLQA_MAX_ARCHIVE_BYTES")
            parts.append(block)
    if budget is not None:
        budget.inflated[member] = size
    return b"".join(parts)


def failure(err: BaseException, name: str) -> CorpusError:
    """Any reader's exception as a skip message with a reason a person can act on."""
    from ..messages import say

    kind = type(err).__name__
    if isinstance(err, MemoryError):
        detail = say("limits.memory")
    elif isinstance(err, RecursionError):
        detail = say("limits.recursion")
    elif kind == "DecompressionBombError":
        detail = say("limits.bomb")
    else:
        text = " ".join(str(err).split())[:160]
        detail = f"{kind}: {text}" if text else kind
    return CorpusError("limits.failed", name, detail=detail)
