"""Atomic file and folder writes: a reader sees the old version or the new one, never half."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def publish(staging: Path, link: Path, keep: int = 2) -> Path:
    """Make a fully written build the index with one atomic rename, and tidy up.

    `link` (embeddings/index) is a symbolic link to a folder under `builds/`; the new
    link is made beside it and renamed over it, so a kill at any instant leaves either
    the old index or the new one, never none. Older builds beyond `keep` are removed
    (a reader that resolved the old link keeps reading the previous one).
    """
    builds = link.parent / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    os.chmod(staging, 0o755)
    final = builds / staging.name.removeprefix(".staging-")
    os.replace(staging, final)
    if link.exists() and not link.is_symlink():  # an index from before builds/ existed
        os.replace(link, builds / f"legacy-{time.strftime('%Y%m%d%H%M%S')}")
    pointer = link.with_name(f".{link.name}.new")
    pointer.unlink(missing_ok=True)
    os.symlink(os.path.relpath(final, link.parent), pointer)
    os.replace(pointer, link)
    for old in sorted((b for b in builds.iterdir() if b != final), key=lambda b: b.stat().st_mtime)[
        : -(keep - 1) or None
    ]:
        shutil.rmtree(old, ignore_errors=True)
    return final


def remove_leftovers(index_dir: Path) -> list[Path]:
    """Staging folders and half-made links of builds that were killed; call under the build lock."""
    leftovers = list(index_dir.glob(".staging-*")) + list(index_dir.glob(".*.new"))
    for path in leftovers:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return leftovers


class LockBusy(TimeoutError):
    """The build lock stayed taken for the whole wait; `holder` is what its holder wrote."""

    def __init__(self, holder: dict, waited: float):
        self.holder, self.waited = holder, waited
        super().__init__(f"build lock held by {holder} for {waited:.0f} s")


def lock_holder(handle) -> dict:
    """The pid and start time the holder wrote into the lock file ({} when it wrote none)."""
    handle.seek(0)
    try:
        found = json.loads(handle.read() or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


@contextmanager
def build_lock(index_dir: Path, on_wait=None, timeout: float | None = None):
    """One build at a time per index folder; a second one waits for the first (on_wait is told who
    holds it) for at most `timeout` seconds, then raises LockBusy naming the holder."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".build.lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait(lock_holder(handle))
            _wait_for(handle, timeout)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "since": time.strftime("%Y-%m-%d %H:%M:%S")}))
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


def _wait_for(handle, timeout: float | None) -> None:
    if timeout is None:
        fcntl.flock(handle, fcntl.LOCK_EX)
        return
    started = time.monotonic()
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() - started >= timeout:
                raise LockBusy(lock_holder(handle), time.monotonic() - started) from None
            time.sleep(0.2)


def file_checksums(folder: Path) -> dict[str, str]:
    """sha256 of every file in a build folder but config.json, which records them."""
    return {p.name: sha256_file(p) for p in sorted(folder.iterdir()) if p.is_file() and p.name != "config.json"}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
