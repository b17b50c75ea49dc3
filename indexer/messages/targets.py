"""Sentences of targets against results (目标完成情况) and plan-to-plan changes (计划对比)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "targets.none_in_index": "索引中没有目标与结果数据（targets.jsonl）。请运行 `python -m indexer build` 重建索引。",
    "targets.no_year": "没有 {year} 年计划的量化目标。有目标的年份：{years}。",
    "targets.no_unit": "{year} 年的目标中没有单位“{unit}”。",
    "targets.rule": "判定规则：{rule}",
    "targets.line": "[{status}] {target}（{item}，牵头：{lead}）\n    结果：{outcome}",
    "targets.no_outcome": "报告未提及",
    "targets.outcome": "{text}（见 {item}）",
    "targets.count": "{year} 年目标 {n} 项：已完成 {met}，未完成 {not_met}，报告未提及 {no_report}，口径不同 {not_comparable}。",
    "diff.bad_years": "计划对比需要两个不同的计划年份（早的在前），收到 {earlier} 和 {later}；有计划的年份：{years}。",
    "diff.continued": "延续 {later} ← {earlier}：{text}",
    "diff.added": "新增 {later}：{text}",
    "diff.dropped": "不再列出 {earlier}：{text}",
    "diff.value": "    {indicator}：由 {before} 改为 {after}",
    "diff.unit": "    牵头 {before} → {after}{relation}",
    "diff.count": "{later} 年计划 {n} 条：延续 {continued}，新增 {added}；{earlier} 年计划不再列出 {dropped} 条。",
    "answer.target_verdict": "{year}年目标“{target}”（{target_item}）；{report_year}年政府工作报告：“{outcome}”（{outcome_item}）。结论：{status}。",
    "answer.target_later_year": "{year}年：“{text}”（{item}）。",
    "answer.target_no_report": "{year}年目标“{target}”（{target_item}）；{report_year}年政府工作报告的回顾部分未提及这一指标。结论：报告未提及。",
    "answer.target_unit_summary": (
        "{unit} {year} 年牵头或负责的量化目标 {n} 项：已完成 {met}，未完成 {not_met}，"
        "报告未提及 {no_report}，口径不同 {not_comparable}。"
    ),
    "answer.target_unit_open": "未完成或无法判定的目标：",
    "answer.target_none": "没有找到 {year} 年与问题相符的量化目标。",
}
