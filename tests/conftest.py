"""Shared fixtures: the real corpus, and one real index and model per test session."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from indexer.config import Settings
from indexer.ingest import load_corpus
from indexer.records import BuildReport

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def cjk_font_installed() -> bool:
    """pdfium draws a font the PDF does not embed with one of this machine's; without a CJK
    font it drops a character alone on a line (see indexer/ingest/readers/pdf.py)."""
    if not shutil.which("fc-list"):
        return False
    listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=30).stdout
    return bool(listed.strip())


needs_cjk_font = pytest.mark.skipif(
    not cjk_font_installed(), reason="没有安装中文字体（apt-get install fonts-noto-cjk；make test 会安装）"
)


@pytest.fixture(scope="session")
def corpus():
    report = BuildReport()
    documents, items = load_corpus(CORPUS, report)
    return documents, items, report


@pytest.fixture(scope="session")
def items_by_id(corpus):
    return {item.id: item for item in corpus[1]}


@pytest.fixture(scope="session")
def settings(tmp_path_factory) -> Settings:
    """The real corpus and models with the default retrievers; a private index folder."""
    return replace(Settings(), index_dir=tmp_path_factory.mktemp("index"))


@pytest.fixture(scope="session")
def engine(settings):
    """An index holding every retriever (both embedders and BM25), answering with the defaults."""
    from indexer.build import build_index
    from indexer.search import Engine

    build_index(replace(settings, retrievers=("dense", "e5", "bm25")), progress=False)
    return Engine.load(settings)
