"""Who may do what, for any front end (the Streamlit app, the HTTP API): plain functions of the
listening socket, the client address, the request headers and Settings; no web framework here.

- Read-only unless the server's listening socket is loopback-only, read at run time from the
  kernel (/proc/net/tcp{,6}, this process's sockets), not from configuration text. POLQA_READONLY=1
  forces read-only; POLQA_READONLY=0 enables admin beyond loopback, and then a password or a
  trusted-proxy list is required or the server refuses (`startup_problems`).
- POLQA_ADMIN_HEADER counts only on a request whose socket peer is in POLQA_TRUSTED_PROXIES, and
  never replaces the password when one is set.
- Failed logins are counted per client address: after a few, each try waits longer; after more,
  the address is locked out for a while (`LoginGuard`). Each failure is logged with the address.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .config import Settings
from .messages import say

log = logging.getLogger("polqa.access")
LISTEN = "0A"  # TCP_LISTEN in /proc/net/tcp
PROC_NET = (Path("/proc/net/tcp"), Path("/proc/net/tcp6"))


# --------------------------------------------------------------------------- the listening socket


def _own_socket_inodes() -> set[str]:
    inodes = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def _decode_address(hex_address: str) -> str:
    """/proc/net's little-endian hex address (per 32-bit word) to the usual text form."""
    raw = bytes.fromhex(hex_address)
    words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    return str(ipaddress.ip_address(words))


def listening_addresses(port: int, proc_files: tuple[Path, ...] = PROC_NET) -> list[str]:
    """Addresses this process listens on at `port` (an empty list when it listens on none)."""
    inodes, found = _own_socket_inodes(), []
    for table in proc_files:
        try:
            rows = table.read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            local, state, inode = fields[1], fields[3], fields[9]
            address, _, port_hex = local.rpartition(":")
            if state == LISTEN and int(port_hex, 16) == port and inode in inodes:
                found.append(_decode_address(address))
    return found


def is_loopback(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_loopback


def loopback_only(addresses: list[str]) -> bool:
    """No socket found counts as not loopback: when in doubt, read-only."""
    return bool(addresses) and all(is_loopback(a) for a in addresses)


# --------------------------------------------------------------------------- decisions


def read_only(settings: Settings, loopback: bool) -> bool:
    if settings.readonly is not None:
        return settings.readonly
    return not loopback


def startup_problems(settings: Settings, addresses: list[str]) -> tuple[str | None, list[str]]:
    """(a refusal, warnings) for the operator at start: admin beyond loopback needs a password or
    a trusted-proxy list; a configured admin header is always worth a warning."""
    refusal, warnings = None, []
    beyond = not loopback_only(addresses)
    if beyond and settings.readonly is False and not (settings.admin_password or settings.trusted_proxies):
        refusal = say("access.refuse", addresses="、".join(addresses) or "未知")
    if settings.admin_header:
        key = "access.header_warning" if settings.trusted_proxies else "access.header_ignored"
        warnings.append(say(key, header=settings.admin_header, proxies="、".join(settings.trusted_proxies)))
    return refusal, warnings


def from_trusted_proxy(settings: Settings, peer: str | None) -> bool:
    """The socket peer (never a forwarded header) is one of POLQA_TRUSTED_PROXIES (address or network)."""
    if not peer:
        return False
    try:
        ip = ipaddress.ip_address(peer.strip("[]"))
    except ValueError:
        return False
    for entry in settings.trusted_proxies:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def header_admin(settings: Settings, peer: str | None, headers: Mapping[str, str]) -> bool:
    """The proxy's header names a user, and the request really comes from that proxy."""
    if not settings.admin_header or not from_trusted_proxy(settings, peer):
        return False
    value = next((v for k, v in headers.items() if k.lower() == settings.admin_header.lower()), "")
    return bool((value or "").strip())


def is_admin(settings: Settings, loopback: bool, peer: str | None, headers: Mapping[str, str], logged_in: bool) -> bool:
    """Admin actions allowed for this request. A password, when set, is always needed."""
    if read_only(settings, loopback):
        return False
    if settings.admin_password:
        return logged_in
    if settings.admin_header or settings.trusted_proxies:
        return header_admin(settings, peer, headers)
    return loopback and is_loopback(peer or "") and not forwarded(headers)


FORWARDING = ("x-forwarded-for", "forwarded", "x-real-ip")


def forwarded(headers: Mapping[str, str]) -> bool:
    """A request relayed by a proxy: a proxy on this machine would otherwise make every visitor
    look local to a loopback-only server."""
    return any(k.lower() in FORWARDING for k in headers)


def needs_password(settings: Settings) -> bool:
    return bool(settings.admin_password)


def password_ok(settings: Settings, given: str) -> bool:
    return bool(settings.admin_password) and hmac.compare_digest(given.encode(), settings.admin_password.encode())


def client_address(settings: Settings, peer: str | None, headers: Mapping[str, str]) -> str:
    """Who to name in the log: the forwarded client when a trusted proxy says so, else the peer."""
    if from_trusted_proxy(settings, peer):
        forwarded = next((v for k, v in headers.items() if k.lower() == "x-forwarded-for"), "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return peer or "127.0.0.1"


# --------------------------------------------------------------------------- failed logins


@dataclass
class Failures:
    count: int = 0
    last: float = 0.0


class LoginGuard:
    """Failed logins per client address, shared by every session of one server process."""

    def __init__(self, settings: Settings, clock=time.monotonic):
        self.settings, self.clock = settings, clock
        self._failures: dict[str, Failures] = {}
        self._lock = threading.Lock()

    def wait(self, client: str) -> float:
        """Seconds before this client may try again (0: now)."""
        with self._lock:
            failures = self._failures.get(client)
        if failures is None or failures.count < self.settings.login_backoff_after:
            return 0.0
        if failures.count >= self.settings.login_lockout_after:
            pause = self.settings.login_lockout_seconds
        else:
            pause = 2.0 ** (failures.count - self.settings.login_backoff_after + 1)
        return max(0.0, failures.last + pause - self.clock())

    def locked_out(self, client: str) -> bool:
        with self._lock:
            failures = self._failures.get(client)
        return bool(failures and failures.count >= self.settings.login_lockout_after and self.wait(client) > 0)

    def attempt(self, client: str, given: str) -> tuple[bool, str | None]:
        """(accepted, a message for the user when refused); a try during the wait is refused unchecked."""
        pause = self.wait(client)
        if pause > 0:
            key = "access.locked" if self.locked_out(client) else "access.wait"
            return False, say(key, seconds=max(pause, 1))
        if password_ok(self.settings, given):
            with self._lock:
                self._failures.pop(client, None)
            return True, None
        with self._lock:
            failures = self._failures.setdefault(client, Failures())
            if failures.count >= self.settings.login_lockout_after:  # the lockout ended: start again
                failures.count = 0
            failures.count += 1
            failures.last = self.clock()
            count = failures.count
        log.warning(say("access.login_failed", client=client, count=count))
        return False, say("app.admin_denied")
