"""Tests never touch the network, a real key, or the user's data dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import get_settings
from tests.support.openai_server import OpenAIServer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def openai_server() -> Iterator[OpenAIServer]:
    """A scripted OpenAI-compatible server on 127.0.0.1 (see tests/support/openai_server.py)."""
    with OpenAIServer() as server:
        yield server


@pytest.fixture
def sleeps() -> list[float]:
    """The delays a retry loop asked for, in order (nobody really sleeps)."""
    return []


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    for name in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "FINNEWS_CHROMA_URL",
        "FINNEWS_MODEL",
        "FINNEWS_EMBEDDER",
        "FINNEWS_LANG",
    ):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "finnews-home"
    monkeypatch.setenv("FINNEWS_HOME", str(home))
    monkeypatch.setenv("FINNEWS_OFFLINE", "1")
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
