"""问答 page state: the question history (session and browser cookie) and the address that carries the
question and its filters, so an answer can be shared."""

from __future__ import annotations

import streamlit as st

from indexer.messages import say
from indexer.records import DocKind

from . import browser, common

MAX_QUESTION = 2000  # characters, as in the CLI's batch mode
HISTORY = 8  # questions kept (in a cookie: 8 of 40 characters fit its 4 KB)


def remember(question: str) -> None:
    history = [q for q in load_history() if q != question]
    st.session_state.history = [question] + history[: HISTORY - 1]


def load_history() -> list[str]:
    """This browser's recent questions: from its cookie on a new session (a reload), then the session's."""
    if "history" not in st.session_state:
        st.session_state.history = browser.history_from_cookie(HISTORY, MAX_QUESTION)
        st.session_state._history_saved = list(st.session_state.history)
    return st.session_state.history


def clear_history() -> None:
    st.session_state.history = []


def ask() -> None:
    st.session_state.asked = " ".join(st.session_state.get("question", "").split())
    common.close_item()


def pick_example() -> None:
    choice = st.session_state.get("example")
    if choice:
        st.session_state.question = choice
        st.session_state.asked = choice
    st.session_state.example = None


def ask_again(question: str) -> None:
    st.session_state.question = question
    st.session_state.asked = question
    common.close_item()


def url_state() -> tuple[str, str, str, str]:
    p = st.query_params
    return (p.get("q", ""), p.get("year", ""), p.get("kind", ""), p.get("unit", ""))


def apply_url(engine) -> None:
    """A shared address fills the question and filters once; after that the page writes the address."""
    current = url_state()
    if current == st.session_state.get("_url_applied"):
        return
    st.session_state._url_applied = current
    q, year, kind, unit = current
    question = " ".join(q.split())
    if not question:
        return
    st.session_state.question = question
    st.session_state.asked = question
    st.session_state.f_year, st.session_state.f_kind = filters_from_url(engine, year, kind)
    st.session_state.f_unit = unit if unit in engine.catalog.names else None


def filters_from_url(engine, year: str, kind: str) -> tuple[int | None, DocKind | None]:
    """The year and kind an address gives (问答 and 单位 pages); one the corpus does not have is named
    in `url_warning`, shown once by the page, and ignored."""
    chosen_year, chosen_kind = None, None
    if year:
        if year.isdigit() and int(year) in engine.years:
            chosen_year = int(year)
        else:
            st.session_state.url_warning = say("app.bad_year", year=year)
    if kind:
        if kind in {k.value for k in common.kind_options(engine)}:
            chosen_kind = DocKind(kind)
        else:
            st.session_state.url_warning = say("app.bad_kind", kind=kind)
    return chosen_year, chosen_kind


def filter_params(year, kind, unit) -> dict[str, str]:
    """The filters as address parameters, only those chosen: {"year": "2025", "unit": "市数据局"}."""
    params = {"year": str(year) if year else "", "kind": DocKind(kind).value if kind else "", "unit": unit or ""}
    return {k: v for k, v in params.items() if v}


def write_url(question: str, year, kind, unit) -> None:
    want = {"q": question, **filter_params(year, kind, unit)}
    if "item" in st.query_params:
        want["item"] = st.query_params["item"]
    if dict(st.query_params.to_dict()) != want:
        st.query_params.from_dict(want)
    st.session_state._url_applied = url_state()
