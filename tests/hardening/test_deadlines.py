"""Deadlines (issue 10, item 9): every call to the outside ends within its setting in total,
however slowly the other side drips bytes, and a long wait for the model is shown.

Real local servers play the slow side: the scripted OpenAI-compatible server dripping its
answer (`trickle`), an HTTP server dripping a page or its headers, a TCP server that
accepts and never answers. Each test bounds the time taken by 3x the deadline at stake.
"""

from __future__ import annotations

import io
import re
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.config import get_settings
from assistant.deadlines import DeadlineClient, DeadlineExceeded, WaitNotice
from assistant.errors import ProviderError
from assistant.llm import LangChainChatModel, Message
from assistant.llm.retry import RetryPolicy
from assistant.llm.schemas import AnalysisDraft
from assistant.llm.tool_calling import LangChainToolStreamer, ToolCall, Turn
from assistant.market.cache import PriceCache
from assistant.market.providers import FallbackMarketData
from assistant.market.snapshot import SnapshotMarketData
from assistant.market.yahoo import YahooMarketData
from retrieval.embed_openai import OpenAIEmbedder
from retrieval.health import check_chroma_server
from retrieval.sources import fetch_url
from tests.hardening.conftest import SilentServer
from tests.support.openai_server import OpenAIServer, server_settings
from tests.support_cli import run_cli

MESSAGES = [Message.system("You are terse."), Message.user("Say hello.")]
ANSWER = "IWM rose 2% in November, the best month for small caps this year."
DRIP = 0.02  # seconds between bytes: a full answer takes several seconds to arrive


class Clock:
    """Seconds since the test started: what the deadline is measured against."""

    def __init__(self) -> None:
        self.start = time.monotonic()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.start


def model(server: OpenAIServer, timeout: float, **kwargs: Any) -> LangChainChatModel:
    """A model on `server` that waits nothing between retries (the requests' time counts)."""
    settings = server_settings(server, FINNEWS_LLM_TIMEOUT=timeout, FINNEWS_LLM_RETRIES=3)
    policy = RetryPolicy(retries=3, random=lambda: 0.5)
    kwargs.setdefault("notice", None)
    return LangChainChatModel(settings, policy=policy, sleep=lambda s: None, **kwargs)


def given_up(server: OpenAIServer, seconds: float, attempts: int, total: float) -> str:
    return (
        f"The LLM server at {server.base_url} did not finish its answer within {seconds:g} s "
        f"(FINNEWS_LLM_TIMEOUT). Giving up: {attempts} attempts took {total:.0f} s, and one "
        f"call may take {total:g} s (twice FINNEWS_LLM_TIMEOUT). Try again later."
    )


# -- the LLM ---------------------------------------------------------------------------
def test_a_dripping_answer_ends_within_twice_the_timeout(openai_server: OpenAIServer) -> None:
    """Before: each attempt lasted as long as the server dripped (FINNEWS_LLM_TIMEOUT bounds
    one read, and a byte came every 20 ms), four attempts in all."""
    openai_server.default = openai_server.enqueue(ANSWER, trickle=DRIP)
    clock = Clock()
    with pytest.raises(ProviderError) as err:
        model(openai_server, timeout=0.5).complete(MESSAGES)
    assert clock.elapsed < 3 * 1.0  # the budget: twice FINNEWS_LLM_TIMEOUT
    assert str(err.value) == given_up(openai_server, 0.5, 2, 1)
    assert len(openai_server.completion_requests) == 2


def test_structured_output_has_the_deadline_too(openai_server: OpenAIServer) -> None:
    """LangChain makes this request in a worker thread; the deadline goes along."""
    openai_server.default = openai_server.enqueue(ANSWER, trickle=DRIP)
    clock = Clock()
    with pytest.raises(ProviderError) as err:
        model(openai_server, timeout=0.5).complete(MESSAGES, schema=AnalysisDraft)
    assert clock.elapsed < 3 * 1.0
    assert str(err.value) == given_up(openai_server, 0.5, 2, 1)


def test_a_dripping_stream_ends_within_twice_the_timeout(openai_server: OpenAIServer) -> None:
    openai_server.default = openai_server.enqueue(ANSWER, trickle=DRIP)  # 8 s to the 1st piece
    clock = Clock()
    with pytest.raises(ProviderError) as err:
        list(model(openai_server, timeout=0.5).stream(MESSAGES))
    assert clock.elapsed < 3 * 1.0
    assert str(err.value) == given_up(openai_server, 0.5, 2, 1)


def test_a_stream_still_dripping_at_its_deadline_is_cut_off(openai_server: OpenAIServer) -> None:
    # about 160 bytes an event, 2 ms a byte: a piece every 0.3 s, the whole answer in 5 s
    openai_server.enqueue(ANSWER, chunk_size=4, trickle=0.002)
    pieces: list[str] = []
    clock = Clock()
    with pytest.raises(ProviderError) as err:
        for piece in model(openai_server, timeout=2.0).stream(MESSAGES):
            pieces.append(piece)
    assert clock.elapsed < 3 * 2.0
    assert str(err.value) == (
        f"The LLM server at {openai_server.base_url} did not finish its answer within 2 s "
        "(FINNEWS_LLM_TIMEOUT). The answer was cut off mid-answer; raise FINNEWS_LLM_TIMEOUT "
        "for a slow model."
    )
    text = "".join(pieces)
    assert text and ANSWER.startswith(text) and text != ANSWER
    assert len(openai_server.completion_requests) == 1  # text was shown: no second try


def test_the_tool_streamer_has_the_same_deadline(openai_server: OpenAIServer) -> None:
    openai_server.default = openai_server.enqueue(
        tool_calls=[{"name": "search_news", "arguments": {"query": "IWM"}}], trickle=DRIP
    )
    streamer = LangChainToolStreamer(model(openai_server, timeout=0.5))
    clock = Clock()
    with pytest.raises(ProviderError) as err:
        list(streamer.stream([Turn("user", "IWM news?")], []))
    assert clock.elapsed < 3 * 1.0
    assert str(err.value) == given_up(openai_server, 0.5, 2, 1)


def test_a_quick_answer_is_untouched_by_the_deadline(openai_server: OpenAIServer) -> None:
    openai_server.enqueue(ANSWER, chunk_size=100)
    openai_server.enqueue(tool_calls=[{"name": "search_news", "arguments": {"query": "IWM"}}])
    llm = model(openai_server, timeout=0.5)
    assert list(llm.stream(MESSAGES)) == [ANSWER]
    assert list(LangChainToolStreamer(llm).stream([Turn("user", "IWM?")], [])) == [
        ToolCall("call_0", "search_news", {"query": "IWM"})
    ]


@pytest.fixture
def llm_online(openai_server: OpenAIServer, monkeypatch: pytest.MonkeyPatch) -> OpenAIServer:
    """The CLI online against `openai_server` (FINNEWS_LLM_TIMEOUT=1), with no network for
    market data."""

    def no_network(ticker: str, start: date, end: date) -> Any:
        raise ConnectionError("network is unreachable")

    monkeypatch.setattr("assistant.market.yahoo.yfinance_fetch", no_network)
    for name, value in {
        "FINNEWS_OFFLINE": "0",
        "OPENAI_BASE_URL": openai_server.base_url,
        "FINNEWS_MODEL": "test-model",
        "FINNEWS_LLM_TIMEOUT": "1",
    }.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    return openai_server


def test_chat_once_against_a_dripping_server(
    llm_online: OpenAIServer, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """Before: 152 s with FINNEWS_LLM_TIMEOUT=10 (the probe); here 1 s per request, 2 s per call."""
    llm_online.default = llm_online.enqueue(ANSWER, trickle=DRIP)
    clock = Clock()
    result = run_cli(["chat", "--once", "How did IWM do in November 2025?"], capsys, monkeypatch)
    assert clock.elapsed < 3 * 2.0 + 2.0  # the call's budget, plus backoff between its tries
    assert result.exit_code == 0, result.err
    assert len(llm_online.completion_requests) == 2


def test_analyze_against_a_dripping_server_finishes_offline(
    llm_online: OpenAIServer, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """Before: over 400 s (the probe); here the model's one call, then the offline engine."""
    llm_online.default = llm_online.enqueue(ANSWER, trickle=DRIP)
    clock = Clock()
    result = run_cli(["analyze"], capsys, monkeypatch)
    assert clock.elapsed < 3 * 2.0 + 2.0
    assert result.exit_code == 0, result.err
    assert "did not finish its answer within 1 s (FINNEWS_LLM_TIMEOUT)" in " ".join(
        result.out.split()
    )


# -- saying that the model is awaited ------------------------------------------------------
class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


NOTICE = re.compile(r"^waiting for the model \(\d+ s\)\.\.\.$")


def test_a_slow_answer_shows_that_the_model_is_awaited(openai_server: OpenAIServer) -> None:
    log = io.StringIO()
    notice = WaitNotice("the model", after=0.1, every=0.2, stream=lambda: log)
    openai_server.enqueue(ANSWER, latency=1.5)
    assert model(openai_server, timeout=5.0, notice=notice).complete(MESSAGES) == ANSWER
    lines = log.getvalue().splitlines()
    assert len(lines) >= 2 and all(NOTICE.match(line) for line in lines), lines
    assert lines[0] == "waiting for the model (0 s)..."


def test_on_a_terminal_the_notice_is_one_line_erased_before_the_answer(
    openai_server: OpenAIServer,
) -> None:
    screen: list[str] = []
    terminal = Terminal()
    notice = WaitNotice("the model", after=0.1, every=0.2, stream=lambda: terminal)
    openai_server.enqueue(ANSWER, latency=1.0, chunk_size=100)
    for piece in model(openai_server, timeout=5.0, notice=notice).stream(MESSAGES):
        screen.append(terminal.getvalue())
        screen.append(piece)
    shown = screen[0]
    width = len("waiting for the model (0 s)...")
    assert shown.startswith("\rwaiting for the model (0 s)...")
    assert shown.endswith("\r" + " " * width + "\r")  # erased before the first piece
    assert "\n" not in shown
    assert screen[1:] == [ANSWER]


def test_a_quick_answer_says_nothing(openai_server: OpenAIServer) -> None:
    log = io.StringIO()
    notice = WaitNotice("the model", after=1.0, stream=lambda: log)
    openai_server.enqueue(ANSWER)
    assert model(openai_server, timeout=5.0, notice=notice).complete(MESSAGES) == ANSWER
    assert log.getvalue() == ""


def test_chat_once_shows_the_wait_on_stderr(
    llm_online: OpenAIServer, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """The default notice: after 2 s, on stderr (here a pipe: a line every 10 s)."""
    llm_online.enqueue("It rose [D1].", latency=3.5)
    monkeypatch.setenv("FINNEWS_LLM_TIMEOUT", "30")
    get_settings.cache_clear()
    result = run_cli(["chat", "--once", "How did IWM do in November 2025?"], capsys, monkeypatch)
    assert result.exit_code == 0, result.err
    waits = [line for line in result.err.splitlines() if line.startswith("waiting")]
    assert len(waits) == 1 and re.match(r"^waiting for the model \([23] s\)\.\.\.$", waits[0])


# -- embeddings ------------------------------------------------------------------------------
def test_a_dripping_embeddings_answer_is_cut(openai_server: OpenAIServer) -> None:
    settings = server_settings(
        openai_server,
        FINNEWS_EMBEDDER="openai",
        FINNEWS_EMBEDDING_MODEL="test-embed",
        FINNEWS_LLM_RETRIES=0,
        FINNEWS_LLM_TIMEOUT=0.5,
    )
    openai_server.enqueue_embedding(trickle=DRIP)
    clock = Clock()
    with pytest.raises(ProviderError) as err:
        OpenAIEmbedder(settings).embed(["IWM rose 2%"])
    assert clock.elapsed < 3 * 0.5
    assert str(err.value) == (
        f"the embeddings server at {openai_server.base_url} did not answer within 0.5 s "
        "(FINNEWS_LLM_TIMEOUT); gave up after 0 retries (FINNEWS_LLM_RETRIES)"
    )


def test_embedding_retries_share_one_budget(openai_server: OpenAIServer) -> None:
    """Before: the openai client's own retries gave each of 4 attempts the whole timeout
    (and slept between them): over 2 s for a 0.5 s setting, with 4 requests."""
    settings = server_settings(
        openai_server,
        FINNEWS_EMBEDDER="openai",
        FINNEWS_EMBEDDING_MODEL="test-embed",
        FINNEWS_LLM_RETRIES=3,
        FINNEWS_LLM_TIMEOUT=0.5,
    )
    for _ in range(4):
        openai_server.enqueue_embedding(trickle=DRIP)
    waits: list[float] = []
    policy = RetryPolicy(retries=3, random=lambda: 0.5)
    clock = Clock()
    with pytest.raises(ProviderError) as err:
        OpenAIEmbedder(settings, policy=policy, sleep=waits.append).embed(["IWM rose 2%"])
    assert clock.elapsed < 3 * 0.5
    assert str(err.value) == (
        f"the embeddings server at {openai_server.base_url} did not answer within 0.5 s "
        "(FINNEWS_LLM_TIMEOUT); gave up after 1 retries: they took 1 s, and one batch may "
        "take 1 s (twice FINNEWS_LLM_TIMEOUT)"
    )
    assert (len(openai_server.embedding_requests), waits) == (2, [0.375])


def test_embeddings_honour_retry_after_within_the_policy(openai_server: OpenAIServer) -> None:
    settings = server_settings(
        openai_server, FINNEWS_EMBEDDER="openai", FINNEWS_EMBEDDING_MODEL="test-embed"
    )
    openai_server.enqueue_embedding(status=429, retry_after="7")
    openai_server.enqueue_embedding(status=503, retry_after="500")
    waits: list[float] = []
    with pytest.raises(ProviderError) as err:
        OpenAIEmbedder(settings, sleep=waits.append).embed(["IWM rose 2%"])
    assert str(err.value) == (
        f"the embeddings server at {openai_server.base_url} failed (HTTP 503); gave up: it "
        "asks to wait 500 s, longer than we wait; try again later"
    )
    assert (len(openai_server.embedding_requests), waits) == (2, [7.0])


# -- pages and feeds -------------------------------------------------------------------------
class DripServer:
    """HTTP/1.1 on 127.0.0.1 that drips: the body of /page a byte at a time, or, for
    /headers, the status line and headers themselves; /quick answers at once and keeps the
    connection open. `peers` records who asked, request by request."""

    def __init__(self, delay: float = 0.05, size: int = 4000) -> None:
        self.delay = delay
        self.body = (b"<html><body><p>" + b"IWM rose 2%. " * size)[:size]
        self.stopped = threading.Event()
        self.peers: list[tuple[str, int]] = []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def drip(self, out: Any, data: bytes) -> None:
        for i in range(len(data)):
            if self.stopped.wait(self.delay):
                return
            out.write(data[i : i + 1])
            out.flush()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

            def do_GET(self) -> None:  # noqa: N802
                server.peers.append(self.client_address)
                try:
                    if self.path == "/quick":
                        self.send_response(200)
                        self.send_header("Content-Length", "2")
                        self.end_headers()
                        self.wfile.write(b"ok")
                        return
                    if self.path == "/headers":
                        head = (
                            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + "X-Pad: x\r\n" * 200
                        )
                        server.drip(self.wfile, head.encode())
                        return
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(len(server.body)))
                    self.end_headers()
                    self.wfile.flush()
                    server.drip(self.wfile, server.body)
                except OSError:
                    return  # the client hung up, as it should

        return Handler

    def stop(self) -> None:
        self.stopped.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def drip() -> Iterator[DripServer]:
    server = DripServer()
    yield server
    server.stop()


def test_a_dripping_page_is_cut_at_the_fetch_timeout(drip: DripServer) -> None:
    """Before: the page arrived after 200 s, each byte well within the 1 s per read."""
    url = drip.url("/page")
    clock = Clock()
    with pytest.raises(ProviderError) as err:
        fetch_url(url, offline=False, timeout=1.0)
    assert clock.elapsed < 3 * 1.0
    assert str(err.value) == f"{url}: fetch failed: no answer within 1 s"


def test_dripping_headers_are_cut_too(drip: DripServer) -> None:
    url = drip.url("/headers")
    clock = Clock()
    with pytest.raises(ProviderError) as err:
        fetch_url(url, offline=False, timeout=1.0)
    assert clock.elapsed < 3 * 1.0
    assert str(err.value) == f"{url}: fetch failed: no answer within 1 s"


def test_dripping_headers_on_a_kept_alive_connection_are_cut(drip: DripServer) -> None:
    """Before: the watchdog learnt a connection only when it was made, so headers dripped
    on a reused one met only the read timeout (each byte starts it again): 150 s here."""
    with DeadlineClient(lambda: time.monotonic() + 0.5, timeout=5.0) as client:
        assert client.get(drip.url("/quick")).text == "ok"
        clock = Clock()
        with pytest.raises(DeadlineExceeded):
            client.get(drip.url("/headers"))
        assert clock.elapsed < 3 * 0.5
    assert len(drip.peers) == 2 and drip.peers[0] == drip.peers[1]  # one connection, reused


def test_ingest_of_a_dripping_url_ends_at_the_fetch_timeout(
    drip: DripServer, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("FINNEWS_OFFLINE", "0")
    monkeypatch.setenv("FINNEWS_FETCH_TIMEOUT", "1")
    get_settings.cache_clear()
    url = drip.url("/page")
    clock = Clock()
    result = run_cli(["ingest", url], capsys, monkeypatch)
    assert clock.elapsed < 3 * 1.0 + 2.0  # plus loading the embedder
    assert f"{url}: fetch failed: no answer within 1 s" in result.err
    assert "unexpected" not in result.err


def test_the_deadline_client_cuts_a_body_and_spares_a_kept_connection(drip: DripServer) -> None:
    with DeadlineClient(lambda: time.monotonic() + 0.5, timeout=5.0) as client:
        clock = Clock()
        with pytest.raises(DeadlineExceeded):
            client.get(drip.url("/page"))
        assert clock.elapsed < 3 * 0.5
    quick = OpenAIServer()
    with quick, DeadlineClient(lambda: time.monotonic() + 0.3, timeout=5.0) as client:
        models = f"{quick.base_url}/models"
        assert client.get(models).status_code == 200
        time.sleep(0.5)  # past the first request's deadline: its watchdog must be gone
        assert client.get(models).status_code == 200


def test_a_streamed_response_is_cut_while_it_is_read(drip: DripServer) -> None:
    with DeadlineClient(lambda: time.monotonic() + 0.5, timeout=5.0) as client:
        clock = Clock()
        with client.stream("GET", drip.url("/page")) as response:
            assert response.status_code == 200
            with pytest.raises(httpx.ReadTimeout):
                for _ in response.iter_bytes():
                    pass
        assert clock.elapsed < 3 * 0.5


# -- Yahoo Finance ------------------------------------------------------------------------------
def test_a_yahoo_request_that_never_ends_is_given_up(tmp_path: Path) -> None:
    released = threading.Event()

    def hanging(ticker: str, start: date, end: date) -> Any:
        released.wait(60)
        raise ConnectionError("released at the end of the test")

    yahoo = YahooMarketData(PriceCache(tmp_path / "m.sqlite"), fetch=hanging, timeout=0.5)
    try:
        clock = Clock()
        with pytest.raises(ProviderError) as err:
            yahoo.history("IWM", date(2024, 11, 22), date(2024, 11, 26))
        assert clock.elapsed < 3 * 0.5
        assert str(err.value) == (
            "Yahoo Finance did not answer for IWM within 0.5 s (FINNEWS_FETCH_TIMEOUT); retry "
            "later or use --offline for the bundled snapshot"
        )
        served = FallbackMarketData([yahoo, SnapshotMarketData()])
        history = served.history("IWM", date(2024, 11, 22), date(2024, 11, 26))
        assert history.source == "snapshot"
    finally:
        released.set()


# -- a Chroma server ------------------------------------------------------------------------------


def test_a_frozen_chroma_server_is_an_error_not_a_hang(silent: SilentServer) -> None:
    clock = Clock()
    with pytest.raises(ProviderError) as err:
        check_chroma_server(silent.url, 0.5)
    assert clock.elapsed < 3 * 0.5
    assert str(err.value) == (
        f"the Chroma server at {silent.url} did not answer within 0.5 s (FINNEWS_FETCH_TIMEOUT); "
        "start it (`chroma run --path DIR`) or unset FINNEWS_CHROMA_URL"
    )
    assert err.value.retryable


def test_a_chroma_server_that_is_not_there() -> None:
    with socket.socket() as unused:  # a port nobody listens on
        unused.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{unused.getsockname()[1]}"
    with pytest.raises(ProviderError) as err:
        check_chroma_server(url, 0.5)
    assert str(err.value) == (
        f"cannot reach the Chroma server at {url} (ConnectError); start it (`chroma run --path "
        "DIR`) or unset FINNEWS_CHROMA_URL"
    )


def test_a_chroma_server_that_answers_passes(openai_server: OpenAIServer) -> None:
    check_chroma_server(f"http://127.0.0.1:{openai_server.port}", 0.5)  # any HTTP answer


def test_a_quiet_model_has_no_wait_notice(openai_server: OpenAIServer) -> None:
    """--json and --quiet runs build their model without the stderr notice."""
    from assistant.llm import get_chat_model

    settings = server_settings(openai_server)
    assert get_chat_model(settings).notice is not None  # type: ignore[attr-defined]
    assert get_chat_model(settings, quiet=True).notice is None  # type: ignore[attr-defined]


def test_chat_once_json_waits_without_a_notice(
    llm_online: OpenAIServer, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    llm_online.enqueue("It rose [D1].", latency=2.5)
    monkeypatch.setenv("FINNEWS_LLM_TIMEOUT", "30")
    get_settings.cache_clear()
    argv = ["chat", "--once", "How did IWM do in November 2025?", "--json"]
    result = run_cli(argv, capsys, monkeypatch)
    assert result.exit_code == 0, result.err
    assert [line for line in result.err.splitlines() if line.startswith("waiting")] == []
