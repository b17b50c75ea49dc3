"""The answer layer's sentences: summaries, what was not found and why, notes on scope."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # not found
    "answer.not_found": "没有找到相关条目。",
    "answer.opinion": "没有找到相关条目：文件只写任务、单位和目标，不评价或推荐具体的机构、商品或去处。",
    "answer.to_the_tool": "没有找到相关条目：这是一个政策文件问答工具，只回答文件里写了的事项，请问文件中的任务、单位或目标。",
    "answer.nothing_to_search": "没有找到相关条目：问题里没有可以查找的内容，请写出要查的事项。",
    "answer.not_mentioned": "没有找到相关条目：文件提到了{matched}（{where}），但没有提到{missing}。",
    "answer.never_mentioned": "没有找到相关条目：文件中没有提到{missing}。",
    "answer.terms_apart": "没有找到相关条目：文件分别提到了{terms}，但没有哪一条同时说到它们。",
    "answer.detail_unstated": "没有找到相关条目：文件提到了{matched}（{where}），但没有写明{details}。",
    "answer.year_aim_unstated": "没有找到相关条目：文件没有写明{years}的这项目标或计划；相关内容（见下方“相关条目”）说的是别的年份。",
    "answer.the_topic": "这一主题",
    "detail.money": "金额",
    "detail.length": "长度",
    "detail.area": "面积",
    "detail.time": "时间",
    "detail.day": "具体日期或钟点",
    "detail.meaning": "具体含义",
    "detail.place": "地点",
    "detail.company": "具体企业",
    "detail.procedure": "办理方式或标准",
    "detail.names": "具体名称或名单",
    "detail.penalty": "处罚规定",
    "detail.age": "年龄范围",
    "detail.person": "具体人员",
    "detail.outcome": "结果（是否已经做到）",
    "detail.choice": "是其中哪一种",
    "detail.number": "具体数字",
    "answer.unit_topic_absent": "没有找到相关条目：{units}在{span}{role}的任务中没有{topic}方面的。",
    "answer.respelled": "问题中的{pairs}。",
    "answer.respelled_pair": "“{typed}”按文件中的“{read}”理解",
    "answer.unit_words_unused": "问题中的{words}不是文件里的用语，没有用作筛选条件。",
    "answer.no_year_document": "没有找到相关条目：没有{years}的文件。现有文件：{have}。",
    "answer.no_review": "没有找到相关条目：没有文件回顾{years}的实际完成情况（{reviews}）。",
    "answer.verified": "以下条目没有问题里的{missing}这些原词，由核对模型按意思判断为相符，请核对原文。",
    "answer.verified_judged": "检索评分认为以下条目不够相关，由核对模型按意思判断为相符，请核对原文。",
    "answer.scope_term_absent": "没有找到相关条目：{span}的文件没有提到{missing}（{elsewhere}提到过）。",
    "answer.kind_names_no_units": "没有找到相关条目：{kinds}不列牵头单位和责任单位；单位见各年的责任分解方案和建议案办理工作方案。",
    "answer.no_document": "没有找到相关条目：没有{asked}。现有文件：{have}。",
    # summaries
    "answer.fact": "{year}年：{sentence}（{citation}）",
    "answer.units_by_year": "{year}年：牵头 {lead}；参与 {responsible}",
    "answer.units_one_year": "（只有{year}年的文件有相关条目。）",
    "answer.none": "无",
    "answer.best_item": "最相关的是 {citation}。",
    "answer.renamed_now": "{old}（现{new}）",
    "answer.compare_absent": "“{topic}”：{absent}的文件中没有这一主题，无法比较单位变化；{counts}。",
    "answer.compare_unitless": "“{topic}”：{counts}（{years}的文件不列单位，只比较条目）。",
    "answer.compare_count": "{year}年 {count} 项",
    "answer.compare": (
        "“{topic}”：{first}年 {first_count} 项，{last}年 {last_count} 项；"
        "新增单位 {added} 个，不再出现 {dropped} 个，改名或合并 {renamed} 个。"
    ),
    "answer.document": "{citation}写道：{text}",
    # notes
    "answer.years_present": "现有文件的年份：{years}。",
    "answer.no_year": "语料中没有{year}年的文件。",
    "answer.report_only": "{year} 年只有政府工作报告，报告不列责任单位。",
    "answer.unit_filter": "已按单位筛选：{units}（含改名前后的名称），摘要、单位名单和引用条目只含涉及该单位的条目。",
}
