"""Issue 12: the JSON API answers as the commands do, from one warm app."""

from __future__ import annotations

import json
from typing import Any

import pytest

from assistant.analysis import analyze_article
from assistant.cli.common import SAMPLE_ARTICLE
from assistant.config import get_settings
from assistant.llm import OfflineEngine
from assistant.render.report import render_json
from retrieval.articles import load_article
from tests.serve.conftest import LOCAL, sample_id
from tests.support.openai_server import OpenAIServer, server_settings
from tests.support_cli import run_cli

SAMPLE = SAMPLE_ARTICLE.read_text(encoding="utf-8")
IWM_NOVEMBER = (
    "IWM returned +1.02% in November 2025 (price return: $246.23 at the Oct 31, 2025 close "
    "to $248.75 at the Nov 28, 2025 close) [D1]."
)


def test_check_returns_what_check_json_prints(client: Any, capsys, monkeypatch) -> None:
    cli = run_cli(["check", "-", "--json", "--offline"], capsys, monkeypatch, SAMPLE.encode())
    response = client.post("/api/check", json={"text": SAMPLE})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.text == cli.out.rstrip("\n")
    assert len(response.json()["claims"]) == 25


def test_check_date_overrides_front_matter(client: Any, capsys, monkeypatch) -> None:
    cli = run_cli(["check", "-", "--json", "--offline", "--date", "2025-12-10"], capsys,
                  monkeypatch, SAMPLE.encode())  # fmt: skip
    response = client.post("/api/check", json={"text": SAMPLE, "date": "2025-12-10"})
    assert response.text == cli.out.rstrip("\n")
    assert response.json()["as_of"] == "2025-12-10"


def test_check_rejects_bad_input_with_a_message(client: Any) -> None:
    bad_date = client.post("/api/check", json={"text": SAMPLE, "date": "12/10/2025"})
    assert bad_date.status_code == 422
    assert bad_date.json()["detail"][0]["loc"] == ["body", "date"]
    far = client.post("/api/check", json={"text": SAMPLE, "date": "1850-01-02"})
    assert far.status_code == 400
    assert far.json()["detail"].startswith("date '1850-01-02' ")
    empty = client.post("/api/check", json={"text": "   "})
    assert (empty.status_code, empty.json()) == (400, {"detail": "<text>: file is empty"})
    extra = client.post("/api/check", json={"text": SAMPLE, "lang": "en"})
    assert extra.status_code == 422


def test_oversized_paste_is_refused_with_text(client: Any) -> None:
    big = "The S&P 500 rose 1% on Monday. " * 40_000  # 1.24 MB
    response = client.post("/api/check", json={"text": big})
    assert response.status_code == 413
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.text == (
        "The text or file is larger than 1024 kB, the most this app checks at once; check a "
        "shorter piece, or use `finnews check FILE` for long files.\n"
    )


def test_articles_newest_first_with_verdict_counts(client: Any) -> None:
    items = client.get("/api/articles").json()
    assert [(a["title"][:30], a["published"]) for a in items] == [
        ("Small caps sprint ahead as the", "2025-12-12T21:30:00Z"),
        ("<script>window.__pwned = 'titl", "2025-12-12T21:00:00Z"),
        ("Fed trims its policy rate by a", "2025-12-10T19:30:00Z"),
        ("Small caps had their best mont", "2025-12-01T08:15:00Z"),
        ("Weekly wrap", None),  # undated: last
    ]
    assert items[0]["verdicts"] == {
        "contradicted": 2, "misdated": 4, "approximate": 1, "unverifiable": 2, "supported": 16
    }  # fmt: skip


def test_article_and_its_analysis(client: Any, market) -> None:
    ident = sample_id(client)
    article = client.get(f"/api/articles/{ident}").json()
    assert article["text"] == load_article(SAMPLE_ARTICLE).text
    analysis = client.get(f"/api/articles/{ident}/analysis").json()
    expected = analyze_article(
        load_article(SAMPLE_ARTICLE), settings=get_settings(), market=market, model=OfflineEngine()
    )
    assert analysis == json.loads(render_json(expected))
    missing = client.get("/api/articles/0000000000000000")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "no indexed article has the id '0000000000000000'"}


def test_search_is_the_hybrid_search(client: Any) -> None:
    hits = client.get("/api/search", params={"q": "Fed quarter point cut", "k": 2}).json()
    assert [h["title"] for h in hits] == [
        "Fed trims its policy rate by a quarter point for the third meeting in a row",
        "Small caps sprint ahead as the Fed delivers a third cut",
    ]
    only = client.get("/api/search", params={"q": "small caps", "source": "Example Wire"}).json()
    assert {h["source"] for h in only} == {"Example Wire"}
    assert client.get("/api/search", params={"q": ""}).status_code == 422


def test_ask_answers_scoped_to_the_article(client: Any) -> None:
    ident = sample_id(client)
    response = client.post("/api/ask", json={"question": "How did IWM do in November?",
                                             "article_id": ident})  # fmt: skip
    answer = response.json()
    assert answer["text"].split("\n")[0] == IWM_NOVEMBER
    assert (answer["article_id"], answer["engine"], answer["as_of"]) == (
        ident,
        "offline",
        "2025-12-12",
    )
    session = response.headers["X-Finnews-Session"]
    follow = client.post("/api/ask", json={"question": "And in October?", "article_id": ident,
                                           "session": session})  # fmt: skip
    assert follow.headers["X-Finnews-Session"] == session
    assert follow.json()["text"].split("\n")[0] == (
        "IWM returned +1.76% in October 2025 (price return: $241.96 at the Sep 30, 2025 close "
        "to $246.23 at the Oct 31, 2025 close) [D1]."
    )


def events(body: str) -> list[tuple[str, Any]]:
    out = []
    for block in body.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.split("\n"))
        out.append((lines["event"], json.loads(lines["data"])))
    return out


def test_ask_streams_server_sent_events(client: Any) -> None:
    ident = sample_id(client)
    with client.stream("POST", "/api/ask/stream", json={
        "question": "How did IWM do in November?", "article_id": ident
    }) as response:  # fmt: skip
        assert response.headers["content-type"] == "text/event-stream; charset=utf-8"
        body = response.read().decode()
    got = events(body)
    assert [kind for kind, _ in got] == ["session", "text", "answer"]
    assert got[1][1] == got[2][1]["text"]
    assert got[2][1]["text"].split("\n")[0] == IWM_NOVEMBER


def test_ask_about_an_unknown_article_is_an_error_event(client: Any) -> None:
    with client.stream("POST", "/api/ask/stream", json={
        "question": "What happened?", "article_id": "nope"
    }) as response:  # fmt: skip
        body = response.read().decode()
    assert events(body) == [("error", "no indexed article has the id 'nope'")]


def test_openapi_schema_names_the_models(client: Any) -> None:
    schema = client.get("/api/openapi.json").json()
    assert sorted(schema["paths"]) == [
        "/api/articles", "/api/articles/{article_id}", "/api/articles/{article_id}/analysis",
        "/api/ask", "/api/ask/stream", "/api/check", "/api/search",
    ]  # fmt: skip
    check = schema["paths"]["/api/check"]["post"]
    ok = check["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/CheckReport"}
    assert {"AnalysisReport", "Answer", "Article", "CheckRequest", "AskRequest"} <= set(
        schema["components"]["schemas"]
    )


@pytest.mark.parametrize("path", ["/", "/check", "/chat", "/api/articles"])
def test_every_response_carries_the_security_headers(client: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    )
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_llm_answer_streams_in_pieces_through_the_number_check(
    make_app, openai_server: OpenAIServer
) -> None:
    from fastapi.testclient import TestClient

    said = "IWM rose 1.0% in November [1]. Then it rose 7.7% more. The rally held."
    openai_server.enqueue(text=said, chunk_size=8)
    with TestClient(make_app(server_settings(openai_server, FINNEWS_LLM_RETRIES=0)),
                    base_url=LOCAL) as c:  # fmt: skip
        ident = sample_id(c)
        with c.stream("POST", "/api/ask/stream", json={
            "question": "What does the article say about IWM?", "article_id": ident
        }) as response:  # fmt: skip
            got = events(response.read().decode())
    kinds = [kind for kind, _ in got]
    assert kinds[0] == "session" and kinds[-1] == "answer"
    pieces = [data for kind, data in got if kind == "text"]
    assert len(pieces) == 3
    answer = got[-1][1]
    assert "".join(pieces).strip() == answer["text"]
    assert answer["engine"] == "test-model"
    assert [f["text"] for f in answer["flagged"]] == ["7.7%"]
