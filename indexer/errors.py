"""Errors are values with reasons: each carries a catalog key and the fields its message needs.

The CLI prints `error.message` and exits non-zero; the app shows it. Callers branch on
the type or on `reason`, never on message text.
"""

from __future__ import annotations

from enum import StrEnum

from .messages import say


class PolqaError(Exception):
    """Anything a user can cause or fix: a bad question, a missing index, an unreadable file."""

    def __init__(self, key: str, **fields):
        self.key, self.fields = key, fields
        super().__init__(say(key, **fields))

    @property
    def message(self) -> str:
        return str(self)


class Reason(StrEnum):
    MISSING = "missing"
    DAMAGED = "damaged"
    FORMAT = "format"
    CORPUS_CHANGED = "corpus_changed"
    MODEL_MISMATCH = "model_mismatch"
    UNREACHABLE = "unreachable"


class IndexUnavailable(PolqaError):
    """The index cannot answer: missing, damaged, or built for another corpus or model."""

    def __init__(self, reason: Reason, key: str, **fields):
        self.reason = reason
        super().__init__(key, **fields)


class CorpusError(PolqaError):
    """A corpus file or field we cannot use; `file` (and `field`, when known) name it."""

    def __init__(self, key: str, file: str, **fields):
        self.file = file
        super().__init__(key, file=file, **fields)


class QueryError(PolqaError):
    """A question we cannot search for (empty, only symbols)."""


class ModelUnavailable(PolqaError):
    """An embedding model that is not installed or cannot run on this machine."""


class UploadRejected(PolqaError):
    """A file uploaded in the app that cannot go into the corpus (size, type, content, name)."""
