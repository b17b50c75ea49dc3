"""GET /targets and GET /diff: the JSON objects `python -m indexer targets|diff --json` prints, one list.

Both read the index folder through indexer/answer/target_data.py, as the CLI does, so the answers are
the same; the data is read once per published build (the link's target and the config's time).
"""

from __future__ import annotations

import os
import threading

from fastapi import FastAPI, Query

from ..answer.target_data import TargetData, load_target_data, plan_diff, select_links
from ..config import Settings
from ..errors import QueryError
from ..present.targets import diff_json, link_json
from ..records import LinkStatus
from . import params

STATUSES = tuple(s.value for s in LinkStatus)
NOT_FOUND = {"targets.no_year", "targets.no_unit"}  # a year or unit without targets: 404, like /units


class TargetCache:
    """One TargetData per published build; a new build is read on the next request."""

    def __init__(self, settings: Settings):
        self.settings, self._key = settings, ("", 0.0)
        self._data: TargetData | None = None
        self._lock = threading.Lock()

    def get(self) -> TargetData:
        folder = os.path.realpath(self.settings.index_folder)
        config = os.path.join(folder, "config.json")
        key = (folder, os.path.getmtime(config) if os.path.exists(config) else 0.0)
        with self._lock:
            if self._data is None or key != self._key:
                try:
                    self._data, self._key = load_target_data(self.settings), key
                except QueryError as err:
                    if err.key == "targets.none_in_index":
                        raise params.Unavailable(err.key) from err  # a rebuild fixes it
                    raise
            return self._data


def status_value(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if value.strip() not in STATUSES:
        raise params.BadParameter("api.bad_status", statuses="、".join(STATUSES), value=value)
    return value.strip()


def required_year(name: str, value: str | None) -> int:
    found = params.year(value)
    if found is None:
        raise params.BadParameter("api.need_year", name=name)
    return found


def checked(call):
    """The CLI's refusals with the API's statuses: a year or unit without targets is 404."""
    try:
        return call()
    except QueryError as err:
        if err.key in NOT_FOUND:
            raise params.NotFound(err.key, **err.fields) from err
        raise


def add_target_routes(app: FastAPI, settings: Settings) -> None:
    cache = TargetCache(settings)

    @app.get("/targets", summary="计划目标与次年报告结果对照（同 python -m indexer targets --json）")
    def targets(
        year: str | None = Query(None, description="计划年份（必填），如 2023"),
        unit: str | None = Query(None, description="牵头或责任单位（含改名前后的名称），如 市人社局"),
        status: str | None = Query(None, description="met / not_met / no_report / not_comparable"),
    ) -> list[dict]:
        y, u, s = required_year("year", year), params.text(unit) or None, status_value(status)
        return [link_json(k) for k in checked(lambda: select_links(cache.get(), y, u, s))]

    @app.get("/diff", summary="两年计划逐条对比（同 python -m indexer diff --json）")
    def diff(
        earlier: str | None = Query(None, description="较早的计划年份（必填），如 2023"),
        later: str | None = Query(None, description="较晚的计划年份（必填），如 2025"),
        unit: str | None = Query(None, description="单位名称，如 市投资促进局"),
    ) -> list[dict]:
        a, b, u = required_year("earlier", earlier), required_year("later", later), params.text(unit) or None
        return diff_json(checked(lambda: plan_diff(cache.get(), a, b, u)))
