"""The endpoints: each returns exactly what the CLI prints with --json, built by present/serialise."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from ..answer import AnswerRequest
from ..answer import answer as ask
from ..config import Settings
from ..errors import IndexUnavailable, ModelUnavailable, PolqaError
from ..foundation.text import normalise_query
from ..messages import say
from ..present.serialise import answer_json, hit_json, item_json, unit_task_json
from . import access, params
from .targets import add_target_routes

log = logging.getLogger("polqa.api")


class Engines:
    """One engine per published index build, loaded on first use; a build published while the
    server runs is picked up by the next request, and a failed load is retried, not remembered."""

    def __init__(self, settings: Settings, engine=None):
        self.settings, self._engine, self._fixed = settings, engine, engine is not None
        self._key = ""
        self._lock = threading.Lock()

    def get(self):
        if self._fixed:
            return self._engine
        key = os.path.realpath(self.settings.index_folder)
        with self._lock:
            if self._engine is None or key != self._key:
                from ..search import Engine

                self._engine, self._key = Engine.load(self.settings), key
            return self._engine


def status_of(err: PolqaError) -> int:
    if isinstance(err, (IndexUnavailable, ModelUnavailable, params.Unavailable)):
        return 503
    return 404 if isinstance(err, params.NotFound) else 400


def error(status: int, key: str, **fields) -> JSONResponse:
    return JSONResponse({"error": say(key, **fields), "key": key}, status_code=status)


def create_app(settings: Settings | None = None, engine=None, host: str = "127.0.0.1") -> FastAPI:
    """The API for settings' index (or a ready engine, in tests); host is where the server listens."""
    app = FastAPI(title=say("api.title"), description=say("api.description"), docs_url=None, redoc_url=None)
    engines = Engines(settings or Settings(), engine)
    app.state.read_only = access.read_only(host)
    app.state.engines = engines
    _add_docs(app)
    _add_errors(app)
    _add_routes(app, engines)
    add_target_routes(app, engines.settings)
    return app


def _add_docs(app: FastAPI) -> None:
    """Swagger UI from the swagger-ui-bundle wheel: the page works offline (no CDN)."""
    import swagger_ui_bundle

    app.mount("/docs-static", StaticFiles(directory=Path(swagger_ui_bundle.swagger_ui_path)), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=say("api.title"),
            swagger_js_url="/docs-static/swagger-ui-bundle.js",
            swagger_css_url="/docs-static/swagger-ui.css",
            swagger_favicon_url="/docs-static/favicon-32x32.png",
        )


def _add_errors(app: FastAPI) -> None:
    @app.exception_handler(PolqaError)
    def polqa(request: Request, err: PolqaError) -> JSONResponse:
        return JSONResponse({"error": err.message, "key": err.key}, status_code=status_of(err))

    @app.exception_handler(HTTPException)
    def http(request: Request, err: HTTPException) -> JSONResponse:
        if err.status_code == 405:
            return error(405, "api.method", path=request.url.path, method=request.method)
        return error(404, "api.no_route", path=request.url.path)

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, err: RequestValidationError) -> JSONResponse:
        first = (err.errors() or [{}])[0]
        name = ".".join(str(p) for p in first.get("loc", ())[1:]) or "?"
        return error(400, "api.bad_parameter", name=name, detail=first.get("type", ""))

    @app.exception_handler(Exception)
    def internal(request: Request, err: Exception) -> JSONResponse:
        log.exception("request failed: %s", request.url.path)
        return error(500, "app.internal")


def _add_routes(app: FastAPI, engines: Engines) -> None:
    @app.get("/", summary="服务与索引概况")
    def index() -> dict:
        engine = engines.get()
        return {
            "title": say("api.title"),
            "docs": "/docs",
            "read_only": app.state.read_only,
            "stale": engine.stale,
            "years": engine.years,
            "documents": len(engine.documents),
            "items": len(engine.items),
        }

    @app.get("/search", summary="检索条目（同 python -m indexer search --json）")
    def search(
        q: str = Query("", description="检索词"),
        top_k: str = Query("10", description="1–100"),
        year: str | None = Query(None, description="年份，如 2025"),
        kind: str | None = Query(None, description="plan / report / proposal / notice"),
        unit: str | None = Query(None, description="单位名称"),
    ) -> list[dict]:
        k, y, t = params.top_k(top_k), params.year(year), params.kind(kind)
        hits = engines.get().search(params.text(q), top_k=k, year=y, kind=t, unit=params.text(unit) or None)
        return [hit_json(h) for h in hits]

    @app.get("/answer", summary="回答问题（同 python -m indexer answer --json）")
    def answer(
        q: str = Query("", description="问题"),
        year: str | None = Query(None, description="年份"),
        kind: str | None = Query(None, description="plan / report / proposal / notice"),
        unit: str | None = Query(None, description="单位名称（问答接入 #22 后生效）"),
    ) -> dict:
        y, t, u = params.year(year), params.kind(kind), params.text(unit)
        request = AnswerRequest(
            params.text(q), years=(y,) if y else (), kinds=(t,) if t else (), units=(u,) if u else ()
        )
        return answer_json(ask(engines.get(), request))

    @app.get("/items/{item_id}", summary="一个条目（同 python -m indexer items --json 的一行）")
    def item(item_id: str) -> dict:
        engine = engines.get()
        if item_id not in engine.by_id:
            raise params.NotFound("api.no_item", item=item_id)
        return item_json(engine.item(item_id))

    @app.get("/units/{name}/items", summary="一个单位牵头或负责的全部条目（含改名前后的名称）")
    def unit_items(
        name: str,
        year: str | None = Query(None, description="年份"),
        kind: str | None = Query(None, description="plan / report / proposal / notice"),
    ) -> dict:
        y, t = params.year(year), params.kind(kind)
        engine = engines.get()
        unit = resolve_unit(engine, name)
        tasks = engine.unit_items(unit, years=(y,) if y else None, kinds=(t,) if t else None) if unit else []
        if not tasks:
            raise params.NotFound("api.no_unit", unit=name)
        return {"unit": unit, "count": len(tasks), "items": [unit_task_json(t) for t in tasks]}


def resolve_unit(engine, name: str) -> str:
    """The catalog's name for what was asked (an abbreviation finds the full name), or ""."""
    name = params.text(name)
    if name in engine.catalog.names:
        return name
    found, _ = engine.catalog.find(normalise_query(name))
    return found[0] if found else ""
