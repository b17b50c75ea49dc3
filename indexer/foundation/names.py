"""File names from outside (add, upload, a corpus listing) may carry control characters that
forge terminal lines or escape sequences: refused where a file comes in, escaped wherever printed."""

from __future__ import annotations

import unicodedata


def is_control(ch: str) -> bool:
    """C0/C1 controls and the Unicode format characters that reorder text (bidi overrides)."""
    return unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u200b\u200c\u200d"


def has_control(name: str) -> bool:
    return any(is_control(ch) for ch in name)


def shown(text: str) -> str:
    """Text safe to print on one terminal line: each control character as its \\x.. or \\u.... escape
    (a warning's own newlines included, so a message stays one line)."""
    return "".join(ch.encode("unicode_escape").decode("ascii") if is_control(ch) else ch for ch in text)
