"""Fixtures for the web app: an index of test articles (built once), each test's own
FINNEWS_HOME holding a copy, an ASGI client, a live server on 127.0.0.1 (port 0) and the
system Chromium driven by Playwright."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.cli.common import SAMPLE_ARTICLE
from assistant.config import Settings, get_settings
from assistant.market.snapshot import SnapshotMarketData
from assistant.serve import create_app
from assistant.serve.state import Warm
from tests.conftest import FIXTURES

DATA = Path(__file__).resolve().parent / "data"
HOSTILE = DATA / "hostile.md"
ARTICLES = [SAMPLE_ARTICLE, *sorted((FIXTURES / "articles").iterdir()), HOSTILE]
CHROMIUM = Path("/usr/bin/chromium")
LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir whose index holds the sample article, the fixture articles and a hostile one."""
    from retrieval.ingest import ingest

    home = tmp_path_factory.mktemp("serve-index") / "home"
    settings = Settings(_env_file=None, FINNEWS_HOME=home, FINNEWS_OFFLINE=True)  # type: ignore[call-arg]
    report = ingest([str(p) for p in ARTICLES], settings=settings)
    assert (report.new, report.failed) == (len(ARTICLES), 0)
    return home


@pytest.fixture(scope="session")
def market() -> SnapshotMarketData:
    return SnapshotMarketData()


@pytest.fixture
def home(built_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's FINNEWS_HOME, holding a copy of the built index."""
    target = tmp_path / "finnews-home"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(built_index, target)
    monkeypatch.setenv("FINNEWS_HOME", str(target))
    get_settings.cache_clear()
    return target


@pytest.fixture
def make_app(home: Path, market: SnapshotMarketData) -> Callable[..., Any]:
    """An app over this test's home and the bundled market data (offline unless the
    settings given point at an LLM)."""

    def make(settings: Settings | None = None, **kwargs: Any) -> Any:
        s = settings or get_settings()
        warm = Warm(s, offline=s.offline, market=market, **kwargs.pop("warm", {}))
        return create_app(s, warm=warm, **kwargs)

    return make


@pytest.fixture
def client(make_app: Callable[..., Any]) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    with TestClient(make_app(), base_url=LOCAL) as c:
        yield c


def sample_id(client: Any) -> str:
    """The id of the bundled sample article in the index."""
    items = client.get("/api/articles").json()
    return next(a["id"] for a in items if a["title"].startswith("Small caps sprint ahead"))


# -- a live server and a browser ------------------------------------------------------------
class LiveServer:
    """uvicorn serving an app in a thread, on 127.0.0.1 and a free port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="serve-test", daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        started = threading.Event()
        while not self.server.started and self.thread.is_alive():
            started.wait(0.02)
        assert self.server.started, "the test server did not start"
        return self

    @property
    def url(self) -> str:
        sock = self.server.servers[0].sockets[0]
        return f"{LOCAL}:{sock.getsockname()[1]}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture
def live(make_app: Callable[..., Any]) -> Callable[..., LiveServer]:
    """Start the app (made with the given arguments) on a live server for this test."""
    servers: list[LiveServer] = []

    def start(settings: Settings | None = None, **kwargs: Any) -> LiveServer:
        server = LiveServer(make_app(settings, **kwargs)).__enter__()
        servers.append(server)
        return server

    yield start  # type: ignore[misc]
    for server in servers:
        server.__exit__()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """The system Chromium, headless (no browser download: `.ci/run` installs chromium)."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), (
        f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
        "(`apt-get install chromium`; .ci/run installs it)"
    )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page; it records dialogs, console errors and CSP violations."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]

    def on_dialog(dialog: Any) -> None:
        pg.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))  # type: ignore[attr-defined]
    pg.on(
        "console",
        lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None,  # type: ignore[attr-defined]
    )
    yield pg
    context.close()
