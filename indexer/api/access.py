"""Who may do what over HTTP: the app's rules (ui/access.py), without Streamlit.

Read-only unless the server listens on this machine only; POLQA_READONLY=1/0 forces it either
way. The API has no admin endpoint yet, so `admin_allowed` is always False; when issue #25's
framework-free `indexer/access.py` lands, both functions become calls into it (the listening
socket's loopback check, trusted proxies, password, login rate limit).
"""
from __future__ import annotations

import os

LOCAL = {"127.0.0.1", "localhost", "::1", ""}
TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


def read_only(host: str) -> bool:
    """host: the address the server is bound to."""
    forced = os.environ.get("POLQA_READONLY", "").strip().lower()
    if forced in TRUE:
        return True
    if forced in FALSE:
        return False
    return host.strip() not in LOCAL


def admin_allowed(host: str, headers) -> bool:
    """No endpoint changes anything yet; anything that will must ask here first."""
    return False
