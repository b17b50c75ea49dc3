"""Query parameters as the CLI checks them, each refusal a 400 with the Chinese message."""

from __future__ import annotations

from ..errors import PolqaError
from ..records import DocKind

KINDS = tuple(k.value for k in DocKind)


class BadParameter(PolqaError):
    """A query parameter the API cannot use: answered with HTTP 400."""


class NotFound(PolqaError):
    """An item or unit the index does not hold: answered with HTTP 404."""


class Unavailable(PolqaError):
    """The index lacks what was asked (built before targets existed): HTTP 503, like a missing index."""


def year(value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not value.isdigit() or not 1949 <= int(value) <= 2100:
        raise BadParameter("api.bad_year", value=value)
    return int(value)


def kind(value: str | None) -> DocKind | None:
    if value is None or not value.strip():
        return None
    if value.strip() not in KINDS:
        raise BadParameter("api.bad_kind", kinds="、".join(KINDS), value=value)
    return DocKind(value.strip())


def top_k(value: str | None, default: int = 10) -> int:
    if value is None or not value.strip():
        return default
    if not value.strip().isdigit() or not 1 <= int(value) <= 100:
        raise BadParameter("api.bad_top_k", value=value)
    return int(value)


def text(value: str | None) -> str:
    """The question or unit as given; empty is left to the engine, which says 请输入问题."""
    return (value or "").strip()
