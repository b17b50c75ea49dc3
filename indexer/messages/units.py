"""Sentences about units: the renames file, unit answers, names that are unclear or unknown."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # the reviewed renames file (corpus/unit_renames.tsv)
    "units.bad_relation": "{file}：“{old}”一行的关系“{relation}”不对，应为 {allowed} 之一。本次不建索引，原索引保持不变。",
    "units.bad_link": "{file}：“{old}”一行缺少新名称，或新旧名称相同（“{new}”）。本次不建索引，原索引保持不变。",
    # how a linked name is named beside the unit asked about
    "units.relation.renamed": "改名",
    "units.relation.merged": "合并",
    "units.direction.successor": "现名",
    "units.direction.predecessor": "原名",
    "units.link": "{direction}{other}（{relation}），与{unit}为同一职能",
    # a merge joins several bodies: the merged one is part of the new one, not the same body
    "units.link.merged:successor": "已并入{other}（合并）",
    "units.link.merged:predecessor": "{other}已并入{unit}（合并）",
    # unit answers
    "units.span_all": "各年度",
    "units.role_lead": "牵头",
    "units.role_any": "牵头或参与",
    "units.role_alone_lead": "单独牵头",
    "units.role_alone": "单独负责（没有其他单位）",
    "units.role_beside": "{role}（其他单位只有{beside}）",
    "units.role_together": "同时{role}",
    "units.role_paired": "同时出现（{pairs}）",
    "units.role_crossed": "同时出现、一家牵头一家配合",
    "units.role_support": "配合",
    "units.role_responsible": "参与（不牵头）",
    "units.found": "{units}在{span}{role}的任务共 {count} 项。",
    "units.none": "{span}的文件中没有找到{units}{role}的任务。",
    "units.found_in": "{units}在{span}{kinds}中{role}的任务共 {count} 项。",
    "units.none_in": "{span}{kinds}中没有找到{units}{role}的任务。",
    "units.with_links": " 已包含改名或合并前后的单位：{links}。",
    "units.only_linked": "{span}的文件中没有{units}这个名称。{links}；{others}在{span}{role}的任务共 {count} 项。",
    "units.unknown": "没有找到相关条目：文件中没有{units}这个单位（牵头单位、责任单位中都没有）。",
    "units.unclear": "“{typed}”可能指以下单位：{candidates}。请说明是哪个单位。",
}
