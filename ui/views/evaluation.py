"""评测: saved eval runs as tables and charts (dev and test side by side), and a button that runs the eval.

Runs are read from and written to eval/runs/ (POLQA_EVAL_RUNS in tests) through the
same report module `python -m eval` uses; a run from the app is a new file.
"""

from __future__ import annotations

import streamlit as st

from eval import report
from eval.evaluator import CONFIGS, Evaluator, load_splits
from ui import access, common, loading
from ui.common import md

# the eval's metric names stay in eval/ (they are the CLI's JSON keys); the page shows them in Chinese
METRIC_LABELS = {
    "recall@1": "前1条召回率",
    "recall@5": "前5条召回率",
    "recall@10": "前10条召回率",
    "mrr@10": "MRR（前10条）",
    "ndcg@10": "nDCG（前10条）",
    "unit_precision": "单位准确率",
    "unit_recall": "单位召回率",
    "unit_f1": "单位F1",
    "citation_precision": "引用准确率",
    "answered": "作答比例",
    "refused": "正确拒答比例",
}


def chinese(table):
    """Chinese column names, and a dash where a metric does not apply (never "None"). Every cell becomes
    text, so a column mixing figures and dashes still renders (Arrow refuses mixed columns)."""
    shown = table.rename(columns=METRIC_LABELS).astype(object)
    return shown.where(table.notna().to_numpy(), None).map(
        lambda v: "—" if v is None else f"{v:g}" if isinstance(v, float) else str(v)
    )


access.require_admin()
engine = loading.get_engine()

st.markdown("##### 检索与答案质量评测")
st.caption(
    "开发集用于调参，测试集从不用于调参。Recall@k 为正确条目出现在前 k 条的比例，MRR/nDCG 衡量排序，"
    "单位 F1 衡量答案中单位名单的准确与完整，延迟为每题用时。"
)

message = st.session_state.pop("eval_message", None)
if message:
    st.success(message)

runs = report.list_runs()
if not runs:
    st.info(md(f"还没有评测结果（{report.runs_folder()}）。点击下方“运行评测”，或在命令行运行 python -m eval。"))
else:
    path = st.selectbox("评测记录", runs, format_func=lambda p: p.stem.removeprefix("eval-"), key="eval_run_pick")
    run = report.load_run(path)
    if run is None:
        st.warning("这份评测记录无法读取。")
    else:
        facts = [
            f"评测时间 {common.local_time(run.get('date', ''))}",
            f"模型 {run.get('model', '未知')}",
            f"语料指纹 {run.get('corpus_fingerprint', '未知')}",
        ]
        st.caption(md(" · ".join(facts)))
        if run.get("corpus_fingerprint") != engine.config.get("corpus_fingerprint"):
            st.warning("这份结果是在另一版语料上得到的，与当前索引不一致，建议重新运行评测。")
        st.markdown("**各配置总体表现**")
        st.dataframe(chinese(report.frame(run, type="overall")), hide_index=True, width="stretch")
        configs = report.configs_in(run)
        config = st.selectbox(
            "按问题类型查看", configs, key="eval_config", format_func=lambda c: report.CONFIG_LABELS.get(c, c)
        )
        st.dataframe(chinese(report.frame(run, config=config)), hide_index=True, width="stretch")

st.divider()
st.markdown("**运行评测**")
runnable = [c for c, retrievers in CONFIGS.items() if set(retrievers) <= set(engine.stores) | {"bm25"}]
chosen = st.multiselect(
    "配置",
    runnable,
    default=runnable[:1],
    key="eval_run_configs",
    format_func=lambda c: report.CONFIG_LABELS.get(c, c),
    help="使用当前已加载的索引；每次运行另存为一份新的评测记录。",
)
if st.button("运行评测", type="primary", icon=":material/play_arrow:", key="eval_run", disabled=not chosen):
    bar = st.progress(0.0, text="准备评测…")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"评测进度 {done}/{total}")

    fresh = Evaluator(load_splits(), chosen)(engine, progress=progress)
    saved = report.save_run(fresh)
    st.session_state.eval_message = f"评测完成：{len(chosen)} 个配置，结果已写入 {saved.name}"
    st.rerun()
