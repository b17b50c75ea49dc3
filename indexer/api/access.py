"""Who may do what over HTTP: the same policy as the app (indexer/access.py), without Streamlit.

uvicorn binds exactly the address it is given, so that address is the listening socket: read-only
unless it is loopback; POLQA_READONLY=1/0 forces it either way. The API has no admin endpoint yet, so
`admin_allowed` is always False; one that changes anything must ask indexer.access.is_admin first.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import access as policy
from ..config import Settings


def read_only(host: str) -> bool:
    """host: the address the server is bound to ("localhost" binds the loopback address)."""
    bound = "127.0.0.1" if host.strip() == "localhost" else host.strip()
    return policy.read_only(Settings(), policy.loopback_only([bound]))


def admin_allowed(host: str, headers: Mapping[str, str]) -> bool:
    """No endpoint changes anything yet; anything that will must ask here first."""
    return False
