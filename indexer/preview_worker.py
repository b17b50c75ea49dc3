"""The upload preview in a separate process with a memory cap, so a hostile file (a decompression
bomb, a huge page) exhausts the worker, never the app server.

Run by `manage.preview_in_worker`: `python -m indexer.preview_worker FILE [YEAR] [KIND]` with the
settings in the environment; it caps its own address space (RLIMIT_AS) before reading anything
and prints one JSON object: the preview, or {"error": message}. No pickle crosses the pipe.
"""

from __future__ import annotations

import json
import resource
import sys
from dataclasses import asdict
from pathlib import Path


def cap_memory(megabytes: int) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main(argv: list[str]) -> int:
    from .config import Settings

    settings = Settings()
    cap_memory(settings.limits.preview_memory_mb)
    given = (argv + ["", ""])[:3]
    path, year, kind = Path(given[0]), int(given[1]) if given[1] else None, given[2] or None
    try:
        from .errors import PolqaError
        from .manage import preview
        from .messages import say

        try:
            placed = preview(settings, path, year, kind)
        except PolqaError as err:
            return _answer({"error": err.message}, 2)
        except MemoryError:
            return _answer(
                {"error": say("limits.preview_memory", file=path.name, limit=settings.limits.preview_memory_mb)}, 2
            )
    except MemoryError:
        return 3
    return _answer({**asdict(placed), "source": str(placed.source)}, 0)


def _answer(payload: dict, code: int) -> int:
    print(json.dumps(payload, ensure_ascii=False))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
