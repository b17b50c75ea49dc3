"""Parts of the answer box besides the engine's own summary: the optional generated summary
(indexer/answer/summary.py, only when POLQA_LLM_URL is set) and the 👍/👎 vote."""

from __future__ import annotations

import streamlit as st

from indexer.answer import summary as generated
from indexer.errors import PolqaError
from indexer.messages import say

from . import common, feedback


def show_generated_summary(answer, hits) -> None:
    """A model's short summary of the cited items, once per answer; nothing when off or discarded."""
    if not generated.enabled() or not answer.found or not hits:
        return
    items = [h.item for h in hits]
    cache = st.session_state.setdefault("summaries", {})
    key = (answer.question, tuple(i.id for i in items))
    if key not in cache:
        with st.spinner(say("app.summary_running")):
            cache[key] = generated.summarise(answer.question, items)
    if cache[key]:
        with st.container(key="generated_summary"):
            st.caption(say("app.summary_label"))
            st.text(cache[key])  # model output is plain text, never Markdown


def show_feedback(answer, year, kind, unit=None) -> None:
    key = f"feedback_{abs(hash((answer.question, year, kind, unit)))}"
    done = f"{key}_saved"

    def save(rating: str, reason: str = "") -> None:
        try:
            feedback.record(answer, rating, year=year, kind=kind, unit=unit, reason=reason, session=st.session_state)
            # a reason says so in words of its own, so neither the user nor a test takes the vote's
            # acknowledgment for the reason's
            st.session_state[done] = say("app.feedback_reason_saved" if reason else "app.feedback_saved")
        except PolqaError as err:  # this session's share is used up, or the file is full
            st.session_state[done] = err.message
        except OSError as err:
            common.log.exception("feedback not saved")
            st.session_state[done] = say("app.feedback_failed", detail=err.__class__.__name__)

    def vote() -> None:
        value = st.session_state.get(key)
        if value is not None:
            save("up" if value == 1 else "down")

    def explain() -> None:
        reason = st.session_state.get(f"{key}_reason", "").strip()
        if reason:
            save("reason", reason)
            st.session_state[f"{key}_explained"] = True

    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.caption(say("app.feedback_ask"))
        st.feedback("thumbs", key=key, on_change=vote)
        if st.session_state.get(done):
            st.caption(st.session_state[done])
    if st.session_state.get(key) == 0 and not st.session_state.get(f"{key}_explained"):
        with st.form(f"{key}_why", border=False, clear_on_submit=True):
            st.text_input(
                say("app.feedback_reason"),
                key=f"{key}_reason",
                max_chars=feedback.MAX_REASON,
                placeholder=say("app.feedback_reason_hint"),
            )
            st.form_submit_button(say("app.feedback_reason_send"), on_click=explain)
