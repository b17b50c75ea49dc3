"""`python -m indexer serve`: the API under uvicorn, this machine only unless --host says otherwise."""

from __future__ import annotations

import logging

from ..config import Settings
from ..messages import say
from . import access

log = logging.getLogger("polqa.api")


def serve(host: str = "127.0.0.1", port: int = 8000) -> int:
    """Load the index and the query model before listening, so the first caller waits no longer than
    the rest; an index that cannot load does not stop the server (each request answers 503 until a build)."""
    import uvicorn

    from ..errors import PolqaError
    from .routes import create_app

    engine_app = create_app(Settings(), host=host)
    try:
        engine_app.state.engines.get().warm_up()
    except PolqaError as err:
        print(say("cli.warning", message=err.message), flush=True)
    mode = say("api.mode_read_only") if access.read_only(host) else say("api.mode_local")
    print(say("api.serving", host=host, port=port, mode=mode), flush=True)
    uvicorn.run(engine_app, host=host, port=port, log_level="warning")
    return 0
