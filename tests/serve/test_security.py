"""Issue 12 safety: local by default, a token beyond, POSTs only from the app's pages."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from assistant.cli.serve import serve_token
from tests.serve.conftest import LOCAL
from tests.support_cli import run_cli

TOKEN = "s3cret-token-for-tests-0123456789"


def test_local_app_answers_only_local_host_names(client: Any) -> None:
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert client.get("/", headers={"host": "[::1]:8000"}).status_code == 200
    rebound = client.get("/api/articles", headers={"host": "evil.example:8000"})
    assert (rebound.status_code, rebound.text) == (
        403, "This app answers only at 127.0.0.1 or localhost.\n"
    )  # fmt: skip


def test_post_from_another_site_is_refused(client: Any) -> None:
    response = client.post("/api/check", json={"text": "IWM rose 1% in November 2025."},
                           headers={"origin": "https://evil.example"})  # fmt: skip
    assert (response.status_code, response.text) == (
        403,
        "Requests from other sites are refused.\n",
    )
    same = client.post("/api/check", json={"text": "IWM rose 1% in November 2025."},
                       headers={"origin": LOCAL})  # fmt: skip
    assert same.status_code == 200


def test_declared_oversized_body_is_refused_before_it_is_read(client: Any) -> None:
    response = client.post("/api/check", content=b"{}", headers={
        "content-length": str(5 * 1024 * 1024), "content-type": "application/json"
    })  # fmt: skip
    assert response.status_code == 413


def test_token_is_checked_on_every_request(make_app) -> None:
    with TestClient(make_app(token=TOKEN), base_url="http://192.0.2.10:8000") as c:
        refused = c.get("/api/articles")
        assert refused.status_code == 401
        assert refused.text.startswith("A token is needed: open the app with ?token=")
        assert c.get("/api/articles", headers={"authorization": "Bearer wrong"}).status_code == 401
        bearer = c.get("/api/articles", headers={"authorization": f"Bearer {TOKEN}"})
        assert bearer.status_code == 200
        first = c.get("/", params={"token": TOKEN})
        assert first.status_code == 200
        assert first.headers["set-cookie"] == (
            f"finnews_token={TOKEN}; HttpOnly; SameSite=Strict; Path=/"
        )
        assert c.get("/check").status_code == 200  # the cookie carries it now
        c.cookies.clear()
        assert c.get("/check").status_code == 401


def test_serve_refuses_a_public_address_without_a_token(capsys, monkeypatch) -> None:
    r = run_cli(["serve", "--host", "0.0.0.0"], capsys, monkeypatch)
    assert (r.exit_code, r.out) == (2, "")
    assert r.err == (
        "Error: --host 0.0.0.0 lets other machines reach the app; set FINNEWS_SERVE_TOKEN to a "
        "secret of at least 16 characters first (every request must carry it), or keep the "
        "default --host 127.0.0.1\n"
    )
    monkeypatch.setenv("FINNEWS_SERVE_TOKEN", "short")
    from assistant.config import get_settings

    get_settings.cache_clear()
    r = run_cli(["serve", "--host", "0.0.0.0"], capsys, monkeypatch)
    assert (r.exit_code, r.err) == (
        2, "Error: FINNEWS_SERVE_TOKEN is too short; use at least 16 characters\n"
    )  # fmt: skip


def test_token_rules() -> None:
    assert serve_token("127.0.0.1", None) is None
    assert serve_token("localhost", None) is None
    assert serve_token("0.0.0.0", TOKEN) == TOKEN
