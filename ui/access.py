"""The Streamlit side of indexer/access.py: where this server listens, who the client is, the
login form. Every decision is made by indexer.access, which the HTTP API shares.

Where the app listens is read from the kernel for the server's own port, never from
configuration text: started from any folder with any config, a server reachable beyond
loopback is read-only unless POLQA_READONLY=0, and then it needs a password or a trusted proxy.
"""

from __future__ import annotations

import logging

import streamlit as st

from indexer import access
from indexer.config import Settings
from indexer.messages import say

log = logging.getLogger("polqa.app")
_WARNED: set[str] = set()
_GUARDS: dict[tuple, access.LoginGuard] = {}


def _session_client():
    """The browser connection of this session; None when the script runs in-process (AppTest runs
    it under a stand-in runtime, not a `Runtime`, and no socket is involved)."""
    try:
        from streamlit.runtime import Runtime, get_instance
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        runtime, ctx = get_instance(), get_script_run_ctx()
        if ctx is None or not issubclass(type(runtime), Runtime):  # AppTest: a MagicMock(spec=Runtime)
            return None
        return runtime.get_client(ctx.session_id)
    except Exception:  # no runtime at all: a bare script or a test
        return None


def served_addresses() -> list[str]:
    try:
        port = int(st.get_option("server.port"))
    except Exception:
        return []
    return access.listening_addresses(port)


def loopback() -> bool:
    """Loopback-only when this process's listening socket on the server port says so. A session
    with no browser connection and no socket is a script run in-process (tests): nothing listens."""
    addresses = served_addresses()
    if not addresses and _session_client() is None:
        return True
    return access.loopback_only(addresses)


def read_only() -> bool:
    return access.read_only(Settings(), loopback())


def _peer_and_headers() -> tuple[str | None, dict]:
    client = _session_client()
    context = getattr(client, "client_context", None)
    peer = getattr(context, "remote_ip", None) if client is not None else "127.0.0.1"
    try:
        headers = dict(st.context.headers)
    except Exception:  # outside a session
        headers = {}
    return peer, headers


def check_start() -> None:
    """Refuse to serve when admin is enabled beyond loopback with nothing guarding it; warn (once
    per process, in the log and on the page of a local admin) about an admin header."""
    settings = Settings()
    addresses = served_addresses()
    if not addresses and _session_client() is None:
        addresses = ["127.0.0.1"]
    refusal, warnings = access.startup_problems(settings, addresses)
    for warning in warnings:
        if warning not in _WARNED:
            _WARNED.add(warning)
            log.warning(warning)
    if refusal:
        log.error(refusal)
        st.error(refusal)
        st.stop()


def is_admin() -> bool:
    peer, headers = _peer_and_headers()
    return access.is_admin(Settings(), loopback(), peer, headers, bool(st.session_state.get("_admin_ok")))


def _guard(settings: Settings) -> access.LoginGuard:
    key = (
        settings.admin_password,
        settings.login_backoff_after,
        settings.login_lockout_after,
        settings.login_lockout_seconds,
    )
    return _GUARDS.setdefault(key, access.LoginGuard(settings))


def require_admin() -> None:
    """Stop the page unless admin actions are allowed; offers the password form when one is set."""
    if read_only():
        st.info(say("app.read_only"))
        st.stop()
    if is_admin():
        return
    settings = Settings()
    if access.needs_password(settings):
        with st.form("admin_login"):
            given = st.text_input(say("app.admin_password"), type="password", key="admin_password")
            if st.form_submit_button("登录"):
                peer, headers = _peer_and_headers()
                ok, problem = _guard(settings).attempt(access.client_address(settings, peer, headers), given)
                if ok:
                    st.session_state._admin_ok = True
                    st.rerun()
                st.error(problem)
    else:
        st.info(say("app.admin_header_needed"))
    st.stop()
