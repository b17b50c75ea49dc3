"""评测: the latest eval results as tables and charts, and a button that runs the eval."""
from __future__ import annotations

import streamlit as st

from ui import common, evaluation
from ui.common import md

engine = common.get_engine()
path = evaluation.results_path()

st.markdown("##### 检索与答案质量评测")
st.caption("用标注好的问题集检验检索与单位答案：Recall@k 为正确条目出现在前 k 条的比例，MRR/nDCG 衡量排序，"
           "单位 F1 衡量答案中单位名单的准确与完整，延迟为每题用时。")

message = st.session_state.pop("eval_message", None)
if message:
    st.success(message)

results = evaluation.load_results(path)
if results is None:
    st.info(md(f"还没有评测结果（{path}）。点击下方“运行评测”，或在命令行运行 python -m eval。"))
else:
    facts = [f"评测时间 {results.get('date', '未知')}", f"模型 {results.get('model', '未知')}"]
    if results.get("questions"):
        facts.append(f"问题 {results['questions']} 道")
    facts.append(f"语料指纹 {results.get('corpus_fingerprint', '未知')}")
    st.caption(md(" · ".join(facts)))
    if results.get("corpus_fingerprint") not in (None, engine.config.get("corpus_fingerprint")):
        st.warning("这份结果是在另一版语料上得到的，与当前索引不一致，建议重新运行评测。")

    overall = evaluation.overall_table(results)
    st.markdown("**各配置总体表现**")
    st.dataframe(overall, hide_index=True, width="stretch")
    chart = evaluation.chart_frame(results)
    if not chart.empty:
        common.grouped_bars(chart.rename(index=lambda c: evaluation.CONFIG_LABELS.get(c, c)), "配置")

    configs = evaluation.configs_in(results)
    if configs:
        current = evaluation.current_config(engine)
        default = current if current in configs else ("hybrid" if "hybrid" in configs else configs[0])
        config = st.selectbox("按问题类型查看", configs, index=configs.index(default), key="eval_config",
                              format_func=lambda c: evaluation.CONFIG_LABELS.get(c, c))
        by_type = evaluation.type_table(results, config)
        st.dataframe(by_type, hide_index=True, width="stretch")
        if not by_type.empty:
            common.grouped_bars(by_type.set_index("问题类型")[["recall@1", "recall@5", "mrr@10", "unit_f1"]].T,
                                "指标", group_title="问题类型", height=260)

st.divider()
st.markdown("**运行评测**")
runnable = evaluation.runnable_configs(engine)
in_use = evaluation.current_config(engine)
chosen = st.multiselect("配置", runnable, default=runnable[:1], key="eval_run_configs",
                        format_func=lambda c: evaluation.CONFIG_LABELS.get(c, c) + ("（当前使用）" if c == in_use else ""),
                        help="使用当前已加载的索引；结果写入评测结果文件（同模型同语料时保留其他配置的行）。")
if st.button("运行评测", type="primary", icon=":material/play_arrow:", key="eval_run", disabled=not chosen):
    bar = st.progress(0.0, text="准备评测…")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"评测进度 {done}/{total}")

    try:
        fresh = evaluation.run(engine, chosen, progress=progress)
    except evaluation.EvalUnavailable as err:
        bar.empty()
        st.warning(f"{err}。评测模块就绪后即可在此运行；也可在命令行运行 python -m eval。")
    except Exception as err:  # a failed run is reported, the page keeps working
        bar.empty()
        st.error(f"评测失败：{err.__class__.__name__}: {err}")
    else:
        saved = evaluation.save(evaluation.merge(results, fresh), path)
        st.session_state.eval_message = f"评测完成：{fresh.get('questions', '')} 道问题 × {len(chosen)} 个配置，结果已写入 {saved}"
        st.rerun()
