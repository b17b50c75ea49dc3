"""Who may do what: read-only deployments and the admin area (rebuild, eval, upload).

- Read-only is the default when the server listens beyond this machine (`server.address`
  or POLQA_HOST other than localhost); POLQA_READONLY=1/0 forces it either way.
- Admin actions need, when set, the password in POLQA_ADMIN_PASSWORD or a non-empty
  trusted header named by POLQA_ADMIN_HEADER (set by a reverse proxy that authenticates).
  Without either, admin is open on a localhost-only server (the single-user default).
"""
from __future__ import annotations

import hmac
import os

import streamlit as st

from indexer.messages import say

LOCAL = {"127.0.0.1", "localhost", "::1", ""}
TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


def bind_host() -> str:
    host = os.environ.get("POLQA_HOST")
    if host is None:
        try:
            host = st.get_option("server.address") or ""
        except Exception:     # outside a server (tests): the config default
            host = "127.0.0.1"
    return host.strip()


def read_only() -> bool:
    forced = os.environ.get("POLQA_READONLY", "").strip().lower()
    if forced in TRUE:
        return True
    if forced in FALSE:
        return False
    return bind_host() not in LOCAL


def trusted_header(headers=None) -> bool:
    """The reverse proxy's header names an authenticated user. Only safe behind a proxy that
    sets it and strips any copy the browser sends (see docs/app.md)."""
    name = os.environ.get("POLQA_ADMIN_HEADER", "").strip()
    if not name:
        return False
    if headers is None:
        try:
            headers = st.context.headers
        except Exception:      # outside a session
            return False
    return bool((headers.get(name) or "").strip())


def admin_needs_login() -> bool:
    return bool(os.environ.get("POLQA_ADMIN_PASSWORD") or os.environ.get("POLQA_ADMIN_HEADER"))


def is_admin() -> bool:
    if read_only():
        return False
    if not admin_needs_login():
        return True
    return trusted_header() or bool(st.session_state.get("_admin_ok"))


def require_admin() -> None:
    """Stop the page unless admin actions are allowed; offers the password form when one is set."""
    if read_only():
        st.info(say("app.read_only"))
        st.stop()
    if is_admin():
        return
    password = os.environ.get("POLQA_ADMIN_PASSWORD", "")
    if password:
        with st.form("admin_login"):
            given = st.text_input(say("app.admin_password"), type="password", key="admin_password")
            if st.form_submit_button("登录"):
                if hmac.compare_digest(given.encode(), password.encode()):
                    st.session_state._admin_ok = True
                    st.rerun()
                st.error(say("app.admin_denied"))
    else:
        st.info(say("app.admin_header_needed"))
    st.stop()
