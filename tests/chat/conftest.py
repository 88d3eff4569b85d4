"""Chat fixtures: a news index built once from small test articles, and an LLM server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.support.openai_server import OpenAIServer

DATA = Path(__file__).resolve().parent / "data"
ARTICLES = [
    DATA / "small_caps.md",
    DATA / "oil.md",
    FIXTURES / "articles" / "fed_cut_2025-12-10.md",
]


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """Environment of a `python -m assistant` child: isolated home, no keys, no stray config."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "FINNEWS_"))}
    env.update(
        FINNEWS_HOME=str(home),
        FINNEWS_OFFLINE="1",
        PYTHONPATH=str(ROOT),
        TERM="xterm",
        PROMPT_TOOLKIT_NO_CPR="1",
        NO_COLOR="1",
        COLUMNS="200",
        LINES="50",
    )
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir whose index holds the test articles (built once, by the real CLI)."""
    home = tmp_path_factory.mktemp("chat-index") / "home"
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "ingest", "-q", *map(str, ARTICLES)],
        env=child_env(home),
        cwd=home.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("3 items: 3 new"), proc.stdout
    return home


@pytest.fixture
def home(built_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's FINNEWS_HOME, holding a copy of the built index."""
    target = tmp_path / "finnews-home"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(built_index, target)
    monkeypatch.setenv("FINNEWS_HOME", str(target))
    return target


def tool_results(server: OpenAIServer) -> list[str]:
    """The tool messages the chat sent back to the server, in order."""
    out: list[str] = []
    for request in server.completion_requests:
        for m in request.messages:
            if m.get("role") == "tool" and m["content"] not in out:
                out.append(m["content"])
    return out


@pytest.fixture
def llm_env(openai_server: OpenAIServer, monkeypatch: pytest.MonkeyPatch) -> OpenAIServer:
    """The chat's settings pointed at the test server: online, model 'test-model', no retries."""
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("FINNEWS_OFFLINE", "0")
    monkeypatch.setenv("FINNEWS_MODEL", "test-model")
    monkeypatch.setenv("FINNEWS_LLM_RETRIES", "0")
    return openai_server
