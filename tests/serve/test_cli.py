"""`finnews serve`: the command builds the app and hands it to uvicorn on the asked address."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.serve.conftest import LOCAL
from tests.support_cli import run_cli


def test_serve_starts_uvicorn_with_a_warm_local_app(home, capsys, monkeypatch) -> None:
    started: dict[str, Any] = {}

    def run(app: Any, **kwargs: Any) -> None:
        started.update(kwargs, app=app)

    monkeypatch.setattr("uvicorn.run", run)
    r = run_cli(["--offline", "serve", "--port", "8123"], capsys, monkeypatch)
    assert (r.exit_code, r.out) == (0, "")
    assert r.err == "finnews serve: http://127.0.0.1:8123/ (Ctrl-C stops it)\n"
    assert (started["host"], started["port"], started["log_level"]) == (
        "127.0.0.1",
        8123,
        "warning",
    )
    with TestClient(started["app"], base_url=LOCAL) as c:  # the app it built answers
        assert c.get("/api/articles").status_code == 200
        assert c.app.state.warm.offline is True  # type: ignore[attr-defined]
        assert c.get("/", headers={"host": "example.com"}).status_code == 403


def test_serve_on_a_public_address_needs_and_checks_the_token(home, capsys, monkeypatch) -> None:
    started: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: started.update(kw, app=app))
    monkeypatch.setenv("FINNEWS_SERVE_TOKEN", "0123456789abcdef-token")
    from assistant.config import get_settings

    get_settings.cache_clear()
    r = run_cli(["serve", "--host", "0.0.0.0", "--offline"], capsys, monkeypatch)
    assert r.exit_code == 0
    with TestClient(started["app"], base_url="http://192.0.2.1:8000") as c:
        assert c.get("/api/articles").status_code == 401
        ok = c.get("/api/articles", headers={"authorization": "Bearer 0123456789abcdef-token"})
        assert ok.status_code == 200
