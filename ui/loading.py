"""The engine behind every page: loaded once per server process and index build, rebuilt on
request with a progress bar, never rebuilt in a loop after a failure."""

from __future__ import annotations

import logging
import math
import os
import threading
import time

import streamlit as st

from indexer.config import Settings
from indexer.errors import IndexUnavailable, PolqaError
from indexer.messages import say

from .common import md

log = logging.getLogger("polqa.app")

BUILD_SCALE = 45  # seconds; a cold build (models + every embedding) takes ~1-3 min on two cores


@st.cache_resource(show_spinner=False)
def _build_lock() -> threading.Lock:
    return threading.Lock()


@st.cache_resource(show_spinner=False)
def _load_index(folder: str):
    """Step one of loading: the index files (records, vectors, BM25), checked."""
    from indexer.search import Engine

    return Engine.load(Settings())


@st.cache_resource(show_spinner=False)
def _load_engine(folder: str):
    """One engine per index folder and server process; the query model is loaded up front."""
    engine = _load_index(folder)
    engine.warm_up()
    return engine


_READY: set[str] = set()  # folders whose engine this process has loaded (no loading message then)


def _index_key() -> str:
    """The build the index link points at now: a build published by `python -m indexer build`
    while the app runs is a new key, so the next page load uses it (the old engine is dropped)."""
    key = os.path.realpath(Settings().index_folder)
    if _LAST_KEY and _LAST_KEY[-1] != key:
        log.info("index changed: %s -> %s", _LAST_KEY[-1], key)
        _load_index.clear()
        _load_engine.clear()
        _READY.clear()
    _LAST_KEY[:] = [key]
    return key


_LAST_KEY: list[str] = []


def _load_with_progress(folder: str):
    """The first visit after a start shows what is loading instead of a blank page."""
    if folder in _READY:
        return _load_engine(folder)
    slot = st.empty()
    with slot.container():
        bar = st.progress(0.05, text=say("app.loading_index"))
        _load_index(folder)
        bar.progress(0.45, text=say("app.loading_model"))
        engine = _load_engine(folder)
        bar.progress(1.0, text=say("app.loading_done"))
    slot.empty()
    _READY.add(folder)
    return engine


_FAILED: dict[str, str] = {}  # index folder → why its last build failed: not retried on every page load


def get_engine():
    """The engine; builds the index first (with a progress bar) when it is missing or stale, but
    only for an admin, and not again after a failed build until an admin asks."""
    from . import access

    try:
        return _load_with_progress(_index_key())
    except IndexUnavailable as err:
        reason = err.message
    except PolqaError as err:  # the model is not installed
        st.error(err.message)
        st.stop()
    key, admin = _index_key(), access.is_admin()
    if key in _FAILED:
        st.error(say("access.build_failed", reason=_FAILED[key]))
        if admin and st.button(say("access.retry_build"), key="retry_build"):
            _FAILED.pop(key, None)
            st.rerun()
        st.stop()
    if not admin:
        st.error(say("access.no_index", reason=reason.split("请运行")[0].strip()))
        st.stop()
    build_with_progress(reason)
    try:
        return _load_with_progress(_index_key())
    except PolqaError as err:
        st.error(say("app.build_unloadable", reason=err.message))
        st.stop()


def build_with_progress(reason: str) -> None:
    """Run build_index in a worker thread while a progress bar shows the elapsed time."""
    from indexer.build import build_index
    from indexer.search import Engine

    outcome: dict = {}

    def work():
        try:
            with _build_lock():
                try:  # another session may have built it meanwhile
                    Engine.load(Settings())
                    outcome["summary"] = say("app.build_by_other")
                    return
                except IndexUnavailable:
                    pass
                outcome["summary"] = build_index(Settings(), progress=False).describe()
        except PolqaError as err:  # shown to the user below, never swallowed
            outcome["error"] = err.message
        except Exception:  # unexpected: logged in full, a short line for the user
            log.exception("index build failed")
            outcome["error"] = say("app.internal")

    with st.status(say("app.build_title"), expanded=True) as status:
        st.text(say("app.build_reason", reason=reason.split("请运行")[0].strip()))
        st.text(say("app.build_explain"))
        bar = st.progress(0.0, text=say("app.build_preparing"))
        worker = threading.Thread(target=work, name="polqa-build", daemon=True)
        started = time.monotonic()
        worker.start()
        while worker.is_alive():
            elapsed = time.monotonic() - started
            # the build reports no steps: the bar follows the elapsed time and never claims to be done
            bar.progress(
                min(1 - math.exp(-elapsed / BUILD_SCALE), 0.97), text=say("app.build_elapsed", seconds=elapsed)
            )
            worker.join(0.5)
        if "error" in outcome:
            _FAILED[_index_key()] = outcome["error"]
            status.update(label=say("app.build_failed_label"), state="error")
            st.error(md(say("app.build_failed", reason=outcome["error"])))
            st.stop()
        bar.progress(1.0, text=say("app.build_done", seconds=time.monotonic() - started))
        st.text(outcome["summary"])
        status.update(label=say("app.build_complete"), state="complete", expanded=False)
    _load_index.clear()
    _load_engine.clear()
    _READY.clear()


def rebuild_index() -> str:
    """Rebuild on request (corpus updated); other sessions keep answering from the old index."""
    from indexer.build import build_index

    with _build_lock():
        summary = build_index(Settings(), progress=False)
    _FAILED.clear()
    _load_index.clear()
    _load_engine.clear()
    _READY.clear()
    return summary.describe().splitlines()[0]
