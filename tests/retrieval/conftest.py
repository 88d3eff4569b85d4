"""Fixtures for the index tests: one embedder per session, a real `chroma run` server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest

from assistant.config import Settings
from retrieval.embed import MiniLMEmbedder
from retrieval.index import NewsIndex, open_index


@pytest.fixture(scope="session")
def embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Chroma server on 127.0.0.1 and a free port, stopped after the session."""
    exe = shutil.which("chroma")
    assert exe, "the `chroma` CLI comes with chromadb and must be on PATH"
    path = tmp_path_factory.mktemp("chroma-server")
    port = _free_port()
    log = (path / "server.log").open("wb")
    proc = subprocess.Popen(
        [exe, "run", "--path", str(path / "data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert proc.poll() is None, (path / "server.log").read_text(errors="replace")
        assert time.monotonic() < deadline, "chroma server did not start in 60 s"
        time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


@pytest.fixture(params=["embedded", "server"])
def settings(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings for each index mode; the server's collections start empty for each test."""
    if request.param == "server":
        url = request.getfixturevalue("chroma_server")
        monkeypatch.setenv("FINNEWS_CHROMA_URL", url)
        s = Settings()
        with open_index(s) as index:
            index.clear()
        return s
    return Settings()


class HashEmbedder:
    """A tiny deterministic embedder (bag of hashed words) to test model switches."""

    name = "test-hash-8"
    dim = 8

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                out[i, sum(map(ord, word)) % self.dim] += 1.0
            out[i] /= max(float(np.linalg.norm(out[i])), 1e-9)
        return out


def chunk_counts(index: NewsIndex) -> tuple[int, int]:
    """(articles, chunks) and a check that every article's chunks are all there."""
    arts = list(index.articles())
    return len(arts), sum(a.n_chunks for a in arts)


def write_articles(root: Path, n: int, *, words: int = 120) -> None:
    root.mkdir(parents=True, exist_ok=True)
    names = ["IJR", "IWM", "SPY", "QQQ"]
    for i in range(n):
        body = " ".join(
            f"Sentence {j} of note {i} says {names[(i + j) % 4]} moved {j % 9}.{i % 10}%."
            for j in range(words // 8)
        )
        (root / f"note_{i:04d}.md").write_text(
            f"---\ntitle: Note {i}\npublished: 2025-11-{1 + i % 28:02d}\nsource: Bulk Desk\n---\n"
            f"{body}\n",
            encoding="utf-8",
        )
