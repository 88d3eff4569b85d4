"""Feeds and article pages by URL, fetched with httpx from a real server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.config import Settings, get_settings
from retrieval import sources
from retrieval.embed import MiniLMEmbedder
from retrieval.index import open_index
from retrieval.ingest import IngestFailure, IngestReport, ingest
from tests.conftest import FIXTURES

WIRE = (FIXTURES / "feeds" / "wire_markets.xml").read_bytes()
ATOM = (FIXTURES / "feeds" / "notes_atom.xml").read_bytes()
SMALLCAPS = (FIXTURES / "articles" / "smallcaps_november.html").read_bytes()
LOGIN = b"<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in</body></html>"
STORY = (
    b"<!DOCTYPE html><html><head><title>Yields ease</title></head><body><article>"
    b"<h1>Yields ease</h1><p>The 10-year Treasury yield fell to 4.08% on Tuesday.</p>"
    b"</article></body></html>"
)
RSS, HTML = "application/rss+xml", "text/html; charset=utf-8"


def url_id(url: str) -> str:
    """The id an article with this canonical URL must get (written out, not imported)."""
    return hashlib.sha256(f"url:{url}".encode()).hexdigest()[:16]


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = RSS
    headers: dict[str, str] = field(default_factory=dict)
    hold: bool = False  # wait for the test to end before answering (a hung server)


class FeedServer:
    """A stdlib HTTP server on 127.0.0.1 serving fixed routes; records the paths asked for."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.paths: list[str] = []
        self.release = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}{path}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.release.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

            def handle(self) -> None:
                try:
                    super().handle()
                except OSError:  # a client that hung up (timeouts, closed keep-alive)
                    self.close_connection = True

            def do_GET(self) -> None:  # noqa: N802
                server.paths.append(self.path)
                route = server.routes.get(self.path, Route(404, b"not here", "text/plain"))
                if route.hold:
                    server.release.wait(10)
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Content-Length", str(len(route.body)))
                    for key, value in route.headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(route.body)
                except OSError:  # the client gave up first
                    self.close_connection = True

        return Handler


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    server = FeedServer()
    server.routes = {
        "/feed.xml": Route(body=WIRE),
        "/notes.atom": Route(body=ATOM, content_type="application/atom+xml"),
        "/untyped": Route(body=WIRE, content_type="application/octet-stream"),
        "/gone.xml": Route(404, b"<html><body>Not Found</body></html>", HTML),
        "/broken.xml": Route(500, b"oops", "text/plain"),
        "/slow.xml": Route(body=WIRE, hold=True),
        "/login.xml": Route(body=LOGIN, content_type=HTML),
        "/login-untyped.xml": Route(body=LOGIN, content_type="application/octet-stream"),
        "/moved.xml": Route(301, headers={"Location": "/feed.xml"}),
        "/loop.xml": Route(302, headers={"Location": "/loop.xml"}),
        "/smallcaps": Route(body=SMALLCAPS, content_type=HTML),
        "/story": Route(body=STORY, content_type=HTML),
        "/old-story?utm_source=rss": Route(302, headers={"Location": "/story?utm_source=rss"}),
        "/story?utm_source=rss": Route(body=STORY, content_type=HTML),
    }
    server.start()
    yield server
    server.stop()


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Online settings (the autouse fixture sets FINNEWS_OFFLINE=1); only 127.0.0.1 is used."""
    monkeypatch.setenv("FINNEWS_OFFLINE", "0")
    get_settings.cache_clear()
    return get_settings()


def counts(report: IngestReport) -> tuple[int, int, int, int]:
    return report.new, report.updated, report.unchanged, report.failed


def failures(report: IngestReport) -> list[tuple[str, str]]:
    return [(f.source, f.reason) for f in report.failures]


def stored_ids(settings: Settings) -> dict[str, str]:
    with open_index(settings) as index:
        return {s.article.id: s.article.url for s in index.articles()}


WIRE_IDS = {
    url_id("https://wire.example.com/2025/12/10/fed-cuts-quarter-point.html"),
    url_id("https://wire.example.com/2025/11/25/ijr-jumps.html"),
    url_id("https://wire.example.com/2025/11/20/oil-80.html"),
}


def test_feed_by_url_is_ingested_once_with_ids_from_item_urls(
    feeds: FeedServer, online: Settings, embedder: MiniLMEmbedder
) -> None:
    url = feeds.url("/feed.xml")
    first = ingest([url], settings=online, embedder=embedder)
    # 6 items: one has no words, one repeats item 1's URL with other tracking parameters.
    assert counts(first) == (4, 0, 1, 1)
    assert failures(first) == [(f"{url} item 5", "item has no title and no text")]
    ids = stored_ids(online)
    assert len(ids) == 4
    assert WIRE_IDS < set(ids)
    [no_url] = set(ids) - WIRE_IDS  # item 4 has neither link nor URL guid: id from its text
    assert ids[no_url] == ""
    assert ids[url_id("https://wire.example.com/2025/12/10/fed-cuts-quarter-point.html")] == (
        "https://wire.example.com/2025/12/10/fed-cuts-quarter-point.html"
        "?utm_source=rss&utm_campaign=markets"
    )

    second = ingest([url], settings=online, embedder=embedder)
    assert counts(second) == (0, 0, 5, 1)
    assert second.chunks == 0
    assert stored_ids(online) == ids
    assert feeds.paths == ["/feed.xml", "/feed.xml"]


def test_redirects_are_followed_and_land_on_the_same_articles(
    feeds: FeedServer, online: Settings, embedder: MiniLMEmbedder
) -> None:
    moved = ingest([feeds.url("/moved.xml")], settings=online, embedder=embedder)
    assert counts(moved) == (4, 0, 1, 1)
    moved_url = feeds.url("/moved.xml")
    assert failures(moved) == [(f"{moved_url} item 5", "item has no title and no text")]
    again = ingest([feeds.url("/feed.xml")], settings=online, embedder=embedder)
    assert counts(again) == (0, 0, 5, 1)
    assert feeds.paths == ["/moved.xml", "/feed.xml", "/feed.xml"]


def test_atom_and_untyped_feeds_are_recognized_by_their_bytes(
    feeds: FeedServer, online: Settings, embedder: MiniLMEmbedder
) -> None:
    report = ingest(
        [feeds.url("/notes.atom"), feeds.url("/untyped")], settings=online, embedder=embedder
    )
    assert counts(report) == (6, 0, 1, 1)
    ids = stored_ids(online)
    assert url_id("https://marketnotes.example.org/2025/12/01/november-mixed") in ids


def test_article_pages_by_url(
    feeds: FeedServer, online: Settings, embedder: MiniLMEmbedder
) -> None:
    report = ingest(
        [feeds.url("/smallcaps"), feeds.url("/story"), feeds.url("/old-story?utm_source=rss")],
        settings=online,
        embedder=embedder,
    )
    # /old-story redirects to /story?utm_source=rss: the same canonical URL as /story.
    assert counts(report) == (2, 0, 1, 0)
    ids = stored_ids(online)
    assert ids == {
        # the page names its canonical URL
        url_id("https://marketnotes.example.org/2025/12/01/small-caps-november"): (
            "https://marketnotes.example.org/2025/12/01/small-caps-november/"
        ),
        # no canonical link: the URL the page was fetched from
        url_id(feeds.url("/story")): feeds.url("/story"),
    }
    again = ingest([feeds.url("/story")], settings=online, embedder=embedder)
    assert counts(again) == (0, 0, 1, 0)


def test_fetch_failures_say_why_in_one_line(
    feeds: FeedServer, online: Settings, embedder: MiniLMEmbedder
) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/feed.xml"
    names = ["/gone.xml", "/broken.xml", "/slow.xml", "/login.xml", "/login-untyped.xml"]
    urls = [feeds.url(n) for n in names] + [feeds.url("/loop.xml"), closed]
    report = ingest(
        [*urls, feeds.url("/feed.xml")], settings=online, embedder=embedder, fetch_timeout=0.3
    )
    assert counts(report) == (4, 0, 1, 8)
    host = closed.split("/")[2]
    assert failures(report) == [
        (urls[0], "fetch failed: HTTP 404 Not Found"),
        (urls[1], "fetch failed: HTTP 500 Internal Server Error; try again later"),
        (urls[2], "fetch failed: no answer within 0.3 s"),
        (urls[3], "not a feed; the server sent an HTML page (text/html); check the feed URL"),
        (
            urls[4],
            "not a feed; the server sent an HTML page (application/octet-stream); "
            "check the feed URL",
        ),
        (urls[5], "fetch failed: too many redirects"),
        (urls[6], f"fetch failed: cannot connect to {host}"),
        (f"{feeds.url('/feed.xml')} item 5", "item has no title and no text"),
    ]
    assert all("\n" not in reason for _, reason in failures(report))


def test_offline_refuses_urls_without_contacting_the_server(
    feeds: FeedServer, embedder: MiniLMEmbedder
) -> None:
    url = feeds.url("/feed.xml")
    report = ingest([url], settings=Settings(FINNEWS_OFFLINE=True), embedder=embedder)
    assert failures(report) == [
        (url, "offline mode, not fetching; save it to a file and ingest that")
    ]
    assert feeds.paths == []


def test_oversized_response_is_refused(
    feeds: FeedServer, online: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_FEED_BYTES", 1000)
    url = feeds.url("/feed.xml")
    loaded = list(sources.load_sources([url], offline=False))
    assert [(x.label, x.error) for x in loaded] == [
        (url, "the response is larger than 1000 bytes; save it to a file and split it")
    ]


def test_cli_ingest_url(feeds: FeedServer, online: Settings) -> None:
    url = feeds.url("/feed.xml")
    result = CliRunner().invoke(cli, ["ingest", url], standalone_mode=False)
    assert result.exception is None, result.exception
    assert result.return_value == 0
    assert result.stdout.startswith("6 items: 4 new, 0 updated, 1 unchanged, 1 failed (")
    assert result.stderr == f"  failed: {url} item 5: item has no title and no text\n"

    result = CliRunner().invoke(cli, ["ingest", "--json", url], standalone_mode=False)
    report = IngestReport.model_validate_json(result.stdout)
    assert counts(report) == (0, 0, 5, 1)
    assert report.failures == [
        IngestFailure(source=f"{url} item 5", reason="item has no title and no text")
    ]

    gone = feeds.url("/gone.xml")
    result = CliRunner().invoke(cli, ["ingest", gone], standalone_mode=False)
    assert result.return_value == 2
    assert result.stdout.startswith("1 item: 0 new, 0 updated, 0 unchanged, 1 failed (")
    assert result.stderr == f"  failed: {gone}: fetch failed: HTTP 404 Not Found\n"


def test_fetch_timeout_setting_is_the_default(
    feeds: FeedServer, online: Settings, embedder: MiniLMEmbedder
) -> None:
    quick = online.model_copy(update={"fetch_timeout": 0.4})
    report = ingest([feeds.url("/slow.xml")], settings=quick, embedder=embedder)
    assert failures(report) == [(feeds.url("/slow.xml"), "fetch failed: no answer within 0.4 s")]
