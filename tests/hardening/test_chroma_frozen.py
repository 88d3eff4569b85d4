"""Item 9, a Chroma server that freezes in the middle of a session: it answered while the
index was opened, then keeps its connections (a kept-alive one included) and never
answers again. Every call ends within FINNEWS_FETCH_TIMEOUT in one clear error, exit 3.

The server is a real `chroma run` behind a TCP relay on 127.0.0.1 that can stop relaying.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import numpy as np
import pytest

from assistant.config import Settings
from assistant.errors import ProviderError
from retrieval.chroma_index import ChromaIndex
from retrieval.index import Filters
from tests.hardening.conftest import finnews, finnews_env
from tests.retrieval.conftest import chroma_server  # noqa: F401 - the fixture

TIMEOUT = 1.0


class FreezingRelay:
    """Relays TCP to `upstream` until frozen, then swallows every byte in both directions
    (connections stay open, new ones are accepted). It freezes when `freeze()` is called,
    or when a request holds `trigger`."""

    def __init__(self, upstream: str, trigger: bytes | None = None) -> None:
        host, port = upstream.rsplit("//", 1)[1].split(":")
        self.upstream = (host, int(port))
        self.trigger = trigger
        self.frozen = threading.Event()
        self.requests_after_freeze = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.socks: list[socket.socket] = [self.sock]
        threading.Thread(target=self._accept, daemon=True).start()

    def freeze(self) -> None:
        self.frozen.set()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            self.socks += [client, server]
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, asking: bool) -> None:
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                return
            if not data:
                return
            if asking and self.trigger is not None and self.trigger in data:
                self.frozen.set()
            if self.frozen.is_set():
                self.requests_after_freeze += asking
                continue  # swallowed: the other side waits for ever
            try:
                dst.sendall(data)
            except OSError:
                return

    def stop(self) -> None:
        for sock in self.socks:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()


@pytest.fixture
def relay(chroma_server: str) -> Iterator[FreezingRelay]:  # noqa: F811 - the fixture
    relay = FreezingRelay(chroma_server)
    yield relay
    relay.stop()


def silent(url: str) -> str:
    return (
        f"the Chroma server at {url} did not answer within {TIMEOUT:g} s "
        "(FINNEWS_FETCH_TIMEOUT); start it (`chroma run --path DIR`) or unset FINNEWS_CHROMA_URL"
    )


def test_a_server_that_freezes_mid_session_is_an_error_in_time(relay: FreezingRelay) -> None:
    """Before: httpx.ReadTimeout escaped from the index (an "unexpected" exit 70)."""
    settings = Settings(FINNEWS_CHROMA_URL=relay.url, FINNEWS_FETCH_TIMEOUT=TIMEOUT)
    with ChromaIndex.from_settings(settings) as index:
        index.clear()
        assert index.count() == 0  # the connection is kept alive for the next call
        relay.freeze()
        calls = {
            "count": index.count,
            "query": lambda: index.query(np.ones(8, dtype=np.float32), 3, Filters()),
            "stats": index.stats,
        }
        for name, call in calls.items():
            start = time.monotonic()
            with pytest.raises(ProviderError) as err:
                call()
            assert time.monotonic() - start < 3 * TIMEOUT, name
            assert (name, str(err.value), err.value.retryable) == (name, silent(relay.url), True)
    assert relay.requests_after_freeze >= 3


def test_search_when_the_server_freezes_after_opening(chroma_server: str) -> None:  # noqa: F811
    """The index opens (heartbeat, collections), then the first count never comes back."""
    relay = FreezingRelay(chroma_server, trigger=b"/count?")
    try:
        env = finnews_env(FINNEWS_CHROMA_URL=relay.url, FINNEWS_FETCH_TIMEOUT=f"{TIMEOUT:g}")
        result = finnews("search", "IWM", env=env, timeout=120)
    finally:
        relay.stop()
    assert relay.frozen.is_set()  # it froze mid-session, not before
    assert (result.returncode, result.stdout, result.stderr) == (
        3,
        "",
        f"Error: {silent(relay.url)}\n",
    )
