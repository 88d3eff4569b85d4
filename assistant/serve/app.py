"""The web app: `create_app()` builds it around one `Warm` (market data, index, embedder,
LLM), with the guard in front, the JSON API, the pages and their static files.

    app = create_app(settings, offline=True)          # local use
    app = create_app(settings, token="...")           # listening beyond this machine
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles

from assistant import __version__
from assistant.config import Settings
from assistant.errors import BadInputError, FinnewsError, ProviderError
from assistant.render.chart import LIBRARY, LIBRARY_FILE
from assistant.safety import printable
from assistant.serve import api, pages
from assistant.serve.security import MAX_BODY, Guard
from assistant.serve.state import ArticleNotFound, Warm

log = logging.getLogger("finnews.serve")

# The chart's library and drawing script are the HTML report's own files, served as is.
CHART_FILES = {
    "lightweight-charts.js": (f"vendor/{LIBRARY}", LIBRARY_FILE),
    "chart.js": ("", "chart.js"),
}


@cache
def _render_file(folder: str, name: str) -> bytes:
    base = resources.files("assistant.render")
    path = base.joinpath(*folder.split("/"), name) if folder else base.joinpath(name)
    return path.read_bytes()


def create_app(
    settings: Settings,
    *,
    offline: bool = False,
    token: str | None = None,
    warm: Warm | None = None,
    max_body: int = MAX_BODY,
    warm_up: bool = False,
    check_workers: int | None = None,
) -> FastAPI:
    """The app. `token` None: only local requests (Host 127.0.0.1/localhost) are served.

    `warm_up`: open everything at start-up, as `finnews serve` does. `check_workers`:
    processes that run `/api/check` (see `assistant.serve.workers`); by default one per
    CPU when warming up, none otherwise (checks then run in this process's threads)."""
    if check_workers is None:
        check_workers = (os.cpu_count() or 1) if warm_up else 0
    warm = warm or Warm(settings, offline=offline, check_workers=check_workers)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            warm.warm_up()
        try:
            yield
        finally:
            warm.close()

    app = FastAPI(
        title="finnews",
        version=__version__,
        description="Every number in financial news, computed and checked.",
        docs_url=None,  # the interactive docs load their script from a CDN
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.warm = warm
    app.state.max_body = max_body
    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("assistant.serve").joinpath("static")
    app.mount("/static/app", StaticFiles(directory=str(static)), name="static")

    @app.get("/static/chart/{name}", include_in_schema=False)
    def chart_file(name: str) -> Response:
        if name not in CHART_FILES:
            return PlainTextResponse("no such file", status_code=404)
        return Response(
            _render_file(*CHART_FILES[name]),
            media_type="text/javascript",
            headers={"Cache-Control": "max-age=3600"},
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    app.add_exception_handler(FinnewsError, _finnews_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
    app.add_middleware(Guard, token=token, max_body=max_body)  # type: ignore[arg-type]
    return app


def status_of(exc: FinnewsError) -> int:
    if isinstance(exc, ArticleNotFound):
        return 404
    if isinstance(exc, BadInputError):
        return 400
    if isinstance(exc, ProviderError):
        return 502
    return 503 if exc.exit_code == 3 else 400


async def _finnews_error(request: Request, exc: FinnewsError) -> Response:
    message = printable(str(exc))
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status_of(exc))
    return pages.error_page(request, status_of(exc), message)


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    errors = [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
        for e in exc.errors()
    ]
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": errors}, status_code=422)
    lines = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in errors)
    return pages.error_page(request, 422, printable(lines))


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path)
    message = f"unexpected {type(exc).__name__}; this is a bug in finnews"
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=500)
    return pages.error_page(request, 500, message)
