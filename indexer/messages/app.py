"""The app's and the HTTP API's sentences (issue #26); the older `app.*` keys stay in core."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # app
    "app.feedback_reason": "哪里不对？（可选）",
    "app.feedback_reason_hint": "例如：漏了某个单位、条目不相关、年份不对",
    "app.feedback_reason_send": "提交说明",
    "app.feedback_reason_saved": "已记录您的说明，谢谢。",
    "app.history_empty": "还没有提问。",
    "app.history_title": "最近的问题",
    "app.history_clear": "清空记录",
    # HTTP API (python -m indexer serve)
    "api.bad_year": "参数 year 应为四位年份（如 2025），收到 {value}。",
    "api.bad_kind": "参数 kind 应为 {kinds} 之一，收到 {value}。",
    "api.bad_top_k": "参数 top_k 应为 1 到 100 之间的整数，收到 {value}。",
    "api.bad_parameter": "参数 {name} 无效：{detail}",
    "api.no_item": "没有这个条目：{item}。索引可能已更新，请重新检索。",
    "api.no_unit": "没有找到单位“{unit}”承担的条目。",
    "api.no_route": "没有这个接口：{path}。接口说明见 /docs。",
    "api.method": "接口 {path} 不支持 {method} 请求。",
    "api.serving": "政策问答接口已启动：http://{host}:{port}/ （接口说明 /docs；{mode}）",
    "api.mode_read_only": "只读",
    "api.mode_local": "仅本机访问",
    "api.title": "政策问答接口",
    "api.description": (
        "武汉市政府文件离线检索与问答。返回的 JSON 与命令行 `python -m indexer search --json`、"
        '`answer --json` 相同；出错时返回 {{"error": 中文说明, "key": 消息键}}。'
    ),
    # loading and building the index in the app
    "app.loading_index": "正在加载模型与索引（每次启动只需一次）… 1/2 读取索引",
    "app.loading_model": "正在加载模型与索引（每次启动只需一次）… 2/2 加载检索模型",
    "app.loading_done": "加载完成",
    "app.build_title": "正在建立索引…",
    "app.build_reason": "原因：{reason}",
    "app.build_explain": (
        "正在读取语料、计算全部条目的向量并写入索引，完成后自动进入系统。首次建立约需 1–3 分钟；之后启动只需几秒。"
    ),
    "app.build_preparing": "准备中…",
    "app.build_elapsed": "已用时 {seconds:.0f} 秒",
    "app.build_done": "完成，用时 {seconds:.0f} 秒",
    "app.build_complete": "索引已建立",
    "app.build_failed_label": "建立索引失败",
    "app.build_failed": "建立索引失败：{reason}",
    "app.build_by_other": "索引已由其他会话建好",
    "app.build_unloadable": "索引已重建但仍无法加载：{reason}",
}
