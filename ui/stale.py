"""The index is out of date when the corpus changed after the build: the app still answers
from the index (as the CLI does) and says so, with the rebuild command."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from indexer.config import Settings
from indexer.messages import say


@st.cache_data(max_entries=8, show_spinner=False)
def _corpus_fingerprint(corpus: str, stamp: tuple) -> str:
    from indexer.store.layout import corpus_fingerprint

    return corpus_fingerprint(Path(corpus))


def _corpus_stamp(corpus: Path) -> tuple:
    """Names, sizes and change times of the corpus files: cheap to read on every page load,
    and the fingerprint (which reads every file) is only recomputed when they change."""
    try:
        return tuple(
            sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(corpus) if e.is_file())
        )
    except OSError:
        return ()


def index_is_stale(engine) -> bool:
    """The corpus changed since this index was built (also after the engine was loaded)."""
    if engine.stale:
        return True
    corpus = Settings().corpus_dir
    return engine.config.get("corpus_fingerprint") != _corpus_fingerprint(str(corpus), _corpus_stamp(corpus))


def warn_if_stale(engine) -> None:
    if index_is_stale(engine):
        st.warning(say("app.stale"), icon=":material/update:")
