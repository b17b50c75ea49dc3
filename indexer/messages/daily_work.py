"""Issue 26's last sentences: the 单位 page's filters, /targets and /diff over HTTP, and the
reasons a 👎 carries as `python -m eval.feedback` shows them."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # the HTTP API's targets and plan diff
    "api.bad_status": "参数 status 应为 {statuses} 之一，收到 {value}。",
    "api.need_year": "缺少参数 {name}：请给出计划年份，如 2023。",
    # the 单位 page
    "units_page.title": "单位任务",
    "units_page.hint": (
        "选择单位（可输入名称搜索，新旧名称均可），查看其牵头和参与的全部条目；年份、文件类型筛选同时作用于"
        "统计、表格和导出，并写入地址栏，可直接转发。"
    ),
    "units_page.linked": "已包含改名或合并前后的单位：{names}",
    "units_page.none": "{scope}文件中没有列出{unit}的任务。",
    "units_page.table": "{unit}的任务（{count} 项）",
    "units_page.bad_unit": "地址中的单位“{unit}”不在文件中，已显示默认单位。",
    "units_page.back": "返回单位任务",
    # eval.feedback: what a 👎 said was wrong
    "feedback.reasons_head": "👎 后填写的说明 {count} 条（相同说明合并计数）：",
    "feedback.reason_line": "  {count} 次：{reason}",
    "feedback.reason_note": "用户说明：{reasons}。",
    "feedback.no_reasons": "反馈中没有 👎 说明。",
}
