"""Who may administer: decided from the real listening socket, trusted proxies and a rate-limited
password (indexer/access.py, shared by the app and the HTTP API)."""

from __future__ import annotations

import logging
import socket
from dataclasses import replace

import pytest

from indexer import access
from indexer.config import Settings

BASE = replace(Settings(), readonly=None, admin_password="", admin_header="", trusted_proxies=())


@pytest.fixture
def listening():
    """Open a listening socket on (host, free port); yields a function, closes them all after."""
    opened = []

    def listen(host: str, family=socket.AF_INET) -> int:
        server = socket.socket(family, socket.SOCK_STREAM)
        server.bind((host, 0))
        server.listen()
        opened.append(server)
        return server.getsockname()[1]

    yield listen
    for server in opened:
        server.close()


def test_the_listening_socket_is_read_from_the_kernel(listening):
    anywhere = listening("0.0.0.0")
    local = listening("127.0.0.1")
    assert access.listening_addresses(anywhere) == ["0.0.0.0"]
    assert access.listening_addresses(local) == ["127.0.0.1"]
    assert not access.loopback_only(access.listening_addresses(anywhere))
    assert access.loopback_only(access.listening_addresses(local))
    assert access.listening_addresses(1) == [] and not access.loopback_only([])  # nothing found: not local


def test_an_ipv6_wildcard_is_not_loopback(listening):
    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")
    try:
        port = listening("::", socket.AF_INET6)
    except OSError:
        pytest.skip("IPv6 disabled")
    assert access.listening_addresses(port) == ["::"] and not access.loopback_only(["::"])
    assert access.is_loopback("::1") and access.is_loopback("::ffff:127.0.0.1")


def test_read_only_beyond_loopback_whatever_the_configuration_says():
    assert access.read_only(BASE, loopback=False)
    assert not access.read_only(BASE, loopback=True)
    assert access.read_only(replace(BASE, readonly=True), loopback=True)
    assert not access.is_admin(BASE, loopback=False, peer="10.0.0.5", headers={}, logged_in=False)
    assert access.is_admin(BASE, loopback=True, peer="127.0.0.1", headers={}, logged_in=False)


def test_a_proxy_on_this_machine_does_not_make_its_visitors_local():
    """Loopback-only server, no password: a request relayed by a local proxy (forwarding headers, or a
    peer the server rewrote from X-Forwarded-For) is not admin."""
    assert not access.is_admin(BASE, True, "127.0.0.1", {"X-Forwarded-For": "203.0.113.9"}, logged_in=False)
    assert not access.is_admin(BASE, True, "127.0.0.1", {"Forwarded": "for=203.0.113.9"}, logged_in=False)
    assert not access.is_admin(BASE, True, "203.0.113.9", {}, logged_in=False)


def test_admin_beyond_loopback_without_a_password_or_proxy_list_refuses_to_start():
    refusal, _ = access.startup_problems(replace(BASE, readonly=False), ["0.0.0.0"])
    assert refusal and "0.0.0.0" in refusal and "POLQA_ADMIN_PASSWORD" in refusal
    assert access.startup_problems(replace(BASE, readonly=False, admin_password="s"), ["0.0.0.0"])[0] is None
    assert access.startup_problems(replace(BASE, readonly=False, trusted_proxies=("10.0.0.1",)), ["0.0.0.0"])[0] is None
    assert access.startup_problems(BASE, ["0.0.0.0"])[0] is None  # read-only: fine
    assert access.startup_problems(replace(BASE, readonly=False), ["127.0.0.1"])[0] is None


def test_the_admin_header_counts_only_from_a_trusted_proxy_and_never_replaces_the_password():
    proxied = replace(BASE, readonly=False, admin_header="X-Forwarded-User", trusted_proxies=("10.0.0.0/24",))
    headers = {"x-forwarded-user": "zhang"}
    assert access.is_admin(proxied, False, "10.0.0.7", headers, logged_in=False)
    assert not access.is_admin(proxied, False, "192.168.1.9", headers, logged_in=False)  # a browser sent it
    assert not access.is_admin(proxied, True, "127.0.0.1", headers, logged_in=False)  # even on loopback
    assert not access.is_admin(proxied, False, "10.0.0.7", {"x-forwarded-user": " "}, logged_in=False)
    with_password = replace(proxied, admin_password="s3cret")
    assert not access.is_admin(with_password, False, "10.0.0.7", headers, logged_in=False)
    assert access.is_admin(with_password, False, "10.0.0.7", headers, logged_in=True)
    _, warnings = access.startup_problems(proxied, ["0.0.0.0"])
    assert warnings and "X-Forwarded-User" in warnings[0] and "10.0.0.0/24" in warnings[0]
    _, warnings = access.startup_problems(replace(BASE, admin_header="X-User"), ["127.0.0.1"])
    assert warnings and "一律不认可" in warnings[0]


def test_a_forwarded_client_is_believed_only_from_a_trusted_proxy():
    proxied = replace(BASE, trusted_proxies=("10.0.0.1",))
    headers = {"X-Forwarded-For": "203.0.113.9, 10.0.0.1, 198.51.100.4"}
    assert access.client_address(proxied, "10.0.0.1", headers) == "198.51.100.4"
    assert access.client_address(proxied, "192.168.1.9", headers) == "192.168.1.9"


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_failed_logins_back_off_then_lock_out_and_are_logged_with_the_client(caplog):
    settings = replace(
        BASE, admin_password="s3cret", login_backoff_after=3, login_lockout_after=5, login_lockout_seconds=900
    )
    clock = Clock()
    guard = access.LoginGuard(settings, clock=clock)
    with caplog.at_level(logging.WARNING, logger="polqa.access"):
        for _ in range(3):
            assert guard.attempt("203.0.113.9", "guess") == (False, "口令不正确。")
    assert "203.0.113.9" in caplog.text and "第 3 次" in caplog.text
    ok, message = guard.attempt("203.0.113.9", "s3cret")  # during the back-off: not even checked
    assert not ok and "秒后再试" in message
    assert guard.attempt("198.51.100.4", "s3cret") == (True, None)  # another address is not held back
    clock.now += 2.5
    guard.attempt("203.0.113.9", "guess")  # 4th
    clock.now += 4.5
    guard.attempt("203.0.113.9", "guess")  # 5th: locked out
    clock.now += 600
    ok, message = guard.attempt("203.0.113.9", "s3cret")
    assert not ok and "过多" in message
    clock.now += 301
    assert guard.attempt("203.0.113.9", "s3cret") == (True, None)  # the window ends; success clears it
    assert guard.wait("203.0.113.9") == 0
