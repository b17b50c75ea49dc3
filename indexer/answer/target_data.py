"""Targets against results and plan diffs straight from a built index folder: what the CLI's
`targets` / `diff` commands and the HTTP API's /targets and /diff both return, so they cannot differ.

No model loads: items, unit links, targets, outcomes and plan items' vectors are read from the folder,
checksums verified.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..config import Settings
from ..errors import QueryError
from ..records import DocKind, Item, Outcome, Target, UnitLinks
from ..store.layout import read_config, read_records, verify_checksums
from ..store.targets import read_plan_vectors, read_targets
from .plan_diff import PlanDiff, diff_plans
from .target_links import TargetLink, link_all


@dataclass(frozen=True)
class TargetData:
    items: list[Item]
    links: UnitLinks
    targets: list[Target]
    outcomes: list[Outcome]
    plan_years: tuple[int, ...]
    meaning: dict[str, np.ndarray] = field(default_factory=dict)  # plan item id → dense vector


def load_target_data(settings: Settings | None = None) -> TargetData:
    """The index as built; refused (with the rebuild command) when it predates targets.jsonl."""
    folder = (settings or Settings()).index_folder
    config = read_config(folder)
    verify_checksums(folder, config)
    if "targets.jsonl" not in config.get("checksums", {}):
        raise QueryError("targets.none_in_index")
    documents, items, links = read_records(folder)
    targets, outcomes = read_targets(folder)
    years = tuple(sorted({d.year for d in documents if d.kind is DocKind.PLAN}))
    return TargetData(items, links, targets, outcomes, years, read_plan_vectors(folder))


def select_links(data: TargetData, year: int, unit: str | None = None, status: str | None = None) -> list[TargetLink]:
    years = sorted({t.year for t in data.targets})
    if year not in years:
        raise QueryError("targets.no_year", year=year, years="、".join(map(str, years)) or "无")
    links = link_all(data.targets, data.outcomes, year)
    if unit:
        names = {unit} | set(data.links.related(unit))  # 市科技创新局 finds the 2023 plan's 市科技局
        links = [k for k in links if names & set(k.target.lead_units + k.target.responsible_units)]
        if not links:
            raise QueryError("targets.no_unit", year=year, unit=unit)
    return [k for k in links if status is None or k.status == status]


def plan_diff(data: TargetData, earlier: int, later: int, unit: str | None = None) -> PlanDiff:
    if earlier >= later or earlier not in data.plan_years or later not in data.plan_years:
        raise QueryError("diff.bad_years", earlier=earlier, later=later, years="、".join(map(str, data.plan_years)))
    return diff_plans(data.items, data.targets, data.links, earlier, later, unit=unit, meaning=data.meaning)
