"""Issue 12 pages through the ASGI client: marked claims, escaping, limits, fallbacks."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from assistant.cli.common import SAMPLE_ARTICLE
from tests.serve.conftest import LOCAL, sample_id
from tests.support.openai_server import OpenAIServer, server_settings

SAMPLE = SAMPLE_ARTICLE.read_text(encoding="utf-8")
MARK = re.compile(r'<mark class="claim v-(\w+)" tabindex="0"')


def hostile_id(client: Any) -> str:
    items = client.get("/api/articles").json()
    return next(a["id"] for a in items if a["title"].startswith("<script>"))


def test_article_page_marks_every_claim_in_place(client: Any) -> None:
    html = client.get(f"/articles/{sample_id(client)}").text
    marks = MARK.findall(html)
    assert len(marks) == 25
    assert marks.count("contradicted") == 2 and marks.count("misdated") == 4
    assert '<span class="receipt" role="tooltip" id="receipt-c1">' in html
    assert "Engine: offline mode" in html
    assert '<script src="/static/chart/lightweight-charts.js"></script>' in html
    assert '<li id="p2">[2] ' in html and '<li id="d1">[D1] ' in html
    assert '<a class="cite" href="#p2">[2]</a>' in html
    assert "<script>" not in html.replace('<script type="application/json"', "")


def test_check_page_with_a_pasted_article(client: Any) -> None:
    html = client.post("/check", data={"text": SAMPLE}).text
    assert len(MARK.findall(html)) == 25
    assert '<span class="badge v-contradicted">2 contradicted</span>' in html


def test_check_page_upload_and_its_size_limit(make_app) -> None:
    with TestClient(make_app(max_body=20_000), base_url=LOCAL) as c:
        ok = c.post("/check", files={"file": ("wrap.md", SAMPLE.encode(), "text/markdown")})
        assert len(MARK.findall(ok.text)) == 25
        big = c.post("/check", data={"text": SAMPLE * 12})
        assert (big.status_code, big.text) == (
            413,
            "The text or file is larger than 19 kB, the most this app checks at once; check "
            "a shorter piece, or use `finnews check FILE` for long files.\n",
        )


def test_check_page_says_what_is_wrong(client: Any) -> None:
    nothing = client.post("/check", data={"text": ""})
    assert nothing.status_code == 400
    assert "paste an article, choose a file, or give a URL" in nothing.text
    offline_url = client.post("/check", data={"url": "https://example.com/story"})
    assert "offline: URLs are not fetched; paste the article or upload it" in offline_url.text


def test_hostile_article_is_shown_as_text(client: Any) -> None:
    html = client.get(f"/articles/{hostile_id(client)}").text
    assert "window.__pwned" in html  # it is on the page ...
    assert "<script>window" not in html  # ... but only as text
    assert "&lt;script&gt;window.__pwned = &#39;title&#39;&lt;/script&gt;" in html
    assert "<img" not in html and "<b onmouseover" not in html
    assert "javascript:" not in html.replace("javascript:window.pwned", "")
    assert 'href="javascript' not in html
    news = client.get("/").text
    assert "<script>window" not in news and "&lt;script&gt;" in news


def test_news_list_search_and_filters(client: Any) -> None:
    listed = client.get("/").text
    assert listed.count('<tr class="article-row">') == 5
    only = client.get("/", params={"source": "example wire"}).text
    assert only.count('<tr class="article-row">') == 1
    dated = client.get("/", params={"since": "2025-12-10", "until": "2025-12-11"}).text
    assert re.findall(r'<a href="/articles/\w+">([^<]+)</a>', dated) == [
        "Fed trims its policy rate by a quarter point for the third meeting in a row"
    ]
    found = client.get("/", params={"q": "quarter point cut"}).text
    titles = re.findall(r'<li class="hit">\s*<a href="/articles/\w+">([^<]+)</a>', found)
    assert (
        titles[0] == "Fed trims its policy rate by a quarter point for the third meeting in a row"
    )
    none = client.get("/", params={"q": "oil", "source": "nobody"}).text
    assert '<p class="empty">' in none


def test_paging_keeps_the_filters(make_app, monkeypatch) -> None:
    monkeypatch.setattr("assistant.serve.pages.PAGE_SIZE", 2)
    with TestClient(make_app(), base_url=LOCAL) as c:
        first = c.get("/", params={"ticker": ""}).text
        assert first.count('<tr class="article-row">') == 2
        assert '<a href="/?page=2" rel="next">next</a>' in first
        last = c.get("/", params={"page": 3}).text
        assert last.count('<tr class="article-row">') == 1
        assert '<a href="/?page=2" rel="prev">previous</a>' in last and 'rel="next"' not in last


def test_slow_llm_leaves_the_page_to_the_offline_engine(
    make_app, openai_server: OpenAIServer
) -> None:
    openai_server.default = openai_server.enqueue(text="late", latency=3.0)
    settings = server_settings(openai_server, FINNEWS_LLM_RETRIES=0)
    app = make_app(settings, warm={"page_llm_seconds": 0.5})
    with TestClient(app, base_url=LOCAL) as c:
        html = c.get(f"/articles/{sample_id(c)}").text
    assert '<p class="engine offline fallback">Engine: offline mode' in html
    assert "finished in offline mode" in html
    assert len(MARK.findall(html)) == 25


def test_check_page_fetches_a_url_when_online(make_app, tmp_path) -> None:
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from assistant.config import Settings

    (tmp_path / "story.md").write_text(SAMPLE, encoding="utf-8")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(tmp_path))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as site:
        threading.Thread(target=site.serve_forever, daemon=True).start()
        online = Settings(FINNEWS_OFFLINE=False)  # type: ignore[call-arg]
        try:
            with TestClient(make_app(online), base_url=LOCAL) as c:
                form = c.get("/check").text
                assert '<input type="url" name="url"' in form
                url = f"http://127.0.0.1:{site.server_address[1]}/story.md"
                html = c.post("/check", data={"url": url}).text
        finally:
            site.shutdown()
    assert len(MARK.findall(html)) == 25
