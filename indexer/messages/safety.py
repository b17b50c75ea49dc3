"""Sentences of sharing the tool safely: limits per file, access to the admin area, the cache, feedback."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # limits (indexer/ingest/limits.py)
    "limits.exceeded": "{file}：{what} {found} 超过上限 {limit}（可用 {setting} 调整），已跳过。",
    "limits.failed": "{file}：读取失败（{detail}），已跳过。",
    "limits.memory": "内存不足",
    "limits.recursion": "结构嵌套过深",
    "limits.bomb": "图像像素过多（解压炸弹防护）",
    "limits.lock_timeout": "等待另一次建立索引超过 {seconds:.0f} 秒（持有者：进程 {pid}，开始于 {since}），"
    "本次未建立。可稍后重试，或用 POLQA_LOCK_WAIT_SECONDS 调整等待时间。",
    "limits.lock_holder": "另一次建立索引正在进行（进程 {pid}，开始于 {since}），等待其完成…",
    "limits.preview_failed": "{file}：预览失败（{detail}）。",
    "limits.preview_said": "预览未通过：{detail}",
    "limits.preview_memory": "{file}：预览超过内存上限 {limit} MB（可用 POLQA_PREVIEW_MEMORY_MB 调整）。",
    "cli.unexpected": "内部错误（{kind}），已中止；索引和语料未改动。",
    # file names
    "names.control": "文件名含控制字符，已拒绝：{file}",
    # embedding cache
    "cache.discarded": "向量缓存 {file} 与其清单不符（{detail}），已丢弃并重新计算。",
    # access (indexer/access.py)
    "access.refuse": "拒绝启动管理功能：服务监听在本机以外的地址（{addresses}），且 POLQA_READONLY=0，"
    "但既未设置 POLQA_ADMIN_PASSWORD 也未设置 POLQA_TRUSTED_PROXIES。请设置其一，或去掉 POLQA_READONLY=0 以只读方式共享。",
    "access.header_warning": "已设置 POLQA_ADMIN_HEADER={header}：仅当请求来自 POLQA_TRUSTED_PROXIES（{proxies}）时才认可该请求头；"
    "设置了密码时仍须输入密码。",
    "access.header_ignored": "已设置 POLQA_ADMIN_HEADER={header}，但 POLQA_TRUSTED_PROXIES 为空：该请求头一律不认可。",
    "access.login_failed": "管理登录失败：来自 {client}，连续第 {count} 次。",
    "access.locked": "登录失败次数过多，请 {seconds:.0f} 秒后再试。",
    "access.wait": "请 {seconds:.0f} 秒后再试。",
    "access.no_index": "索引尚未建立或无法加载（{reason}）。请管理员在本机运行 `python -m indexer build`，或在“索引维护”页重建。",
    "access.retry_build": "重新建立索引",
    "access.build_failed": "上次建立索引失败：{reason}。不会在每次打开页面时重试；请管理员修复后在“索引维护”页重建。",
    # feedback
    "feedback.too_many": "本会话的反馈次数已达上限（{limit} 次），感谢参与。",
    "feedback.full": "反馈文件已达容量上限，暂不再记录。",
}
