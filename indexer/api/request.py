"""The one place the app and the API ask the answer stage a question: every filter the user set goes
into one AnswerRequest, so the page, `answer --json` and `GET /answer` say the same for the same filters."""

from __future__ import annotations

from ..answer import AnswerRequest
from ..answer import answer as ask

__all__ = ["AnswerRequest", "ask"]
