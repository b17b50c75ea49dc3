"""Every sentence a user reads, in one Chinese catalog.

Code raises errors and builds answers with a key and fields; the CLI and the app
render them through `say`. Nothing parses message text, and English stays in code,
logs and `--help`. Each area keeps its sentences in its own module here; the
catalog is their union, and a key may be defined only once.
"""

from __future__ import annotations

from . import answer, app, core, daily_work, layout, safety, targets, units

AREAS = (core, answer, app, layout, safety, targets, units, daily_work)


def _merge() -> dict[str, str]:
    catalog: dict[str, str] = {}
    for area in AREAS:
        clash = catalog.keys() & area.MESSAGES.keys()
        if clash:
            raise RuntimeError(f"message keys defined twice: {sorted(clash)}")
        catalog.update(area.MESSAGES)
    return catalog


CATALOG: dict[str, str] = _merge()


def say(key: str, **fields: object) -> str:
    """The catalog sentence for key, filled in; an unknown key is a programming error."""
    return CATALOG[key].format(**fields)
