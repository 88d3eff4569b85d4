"""The REPL end to end in a pseudo-terminal (pexpect): offline, and against an LLM server."""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from tests.chat.conftest import child_env, tool_results
from tests.support.openai_server import OpenAIServer

PROMPT = "finnews>"
SCOPED_PROMPT = r"finnews \[[0-9a-f]{8}\]>"
TIMEOUT = 90


def spawn(home: Path, *args: str, **env: str) -> pexpect.spawn:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "assistant", "chat", "--as-of", "2026-01-05", *args],
        env=child_env(home, **env),
        cwd=str(home.parent),
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(50, 200),
        preexec_fn=_interruptible,
    )
    return child


def _interruptible() -> None:
    """Ctrl-C reaches the child as in a terminal, even when the suite itself runs in the
    background (which leaves SIGINT ignored, and so for every child it starts)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def closing() -> Iterator[list[pexpect.spawn]]:
    children: list[pexpect.spawn] = []
    yield children
    for child in children:
        if child.isalive():
            child.terminate(force=True)


def ask(child: pexpect.spawn, line: str) -> None:
    child.send(line + "\r")


def wait_until(condition, what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_offline_session(home: Path, closing: list[pexpect.spawn]) -> None:
    child = spawn(home)
    closing.append(child)
    child.expect_exact("finnews chat · offline engine")
    child.expect_exact("market data: snapshot")
    child.expect_exact(PROMPT)

    # a data question, answered by computation with its receipt
    ask(child, "How did IJR do in November 2025?")
    child.expect_exact(
        "IJR returned +2.61% in November 2025 (price return: $117.80 at the Oct 31, 2025 close "
        "to $120.87 at the Nov 28, 2025 close) [D1]."
    )
    child.expect_exact("[D1] IJR price return, November 2025 · snapshot")
    child.expect_exact(PROMPT)
    ask(child, "/sources")
    child.expect_exact("2025-10-31 close 117.8")
    child.expect_exact("2025-11-28 close 120.87")
    child.expect_exact("formula: (120.87 / 117.8 - 1) * 100 = 2.6061")
    child.expect_exact(PROMPT)

    # a follow-up borrows the window from memory; input continued over two lines
    ask(child, "And QQQ\\")
    ask(child, "please?")
    child.expect_exact("QQQ returned -1.56% in November 2025")
    child.expect_exact(PROMPT)

    # a news question: quoted passages, clearly labelled
    ask(child, "What did analysts say about falling Treasury yields?")
    child.expect_exact("From the indexed news (offline mode: quoted sentences, no language model):")
    child.expect_exact(
        '- "Analysts said falling Treasury yields drove the move into smaller companies." [1]'
    )
    child.expect_exact("[1] Small caps lead the November rebound · Test Desk · 2025-12-01")
    child.expect_exact(PROMPT)

    # scope to the cited article, ask about it, then clear the scope
    ask(child, "/article 1")
    child.expect_exact("Scoped to article ")
    child.expect_exact(": Small caps lead the November rebound (Test Desk, 2025-12-01)")
    child.expect(SCOPED_PROMPT)
    ask(child, "What happened to QQQ?")
    child.expect_exact("From this article (offline mode: quoted sentences, no language model):")
    child.expect_exact(
        '- "IJR, the iShares small-cap fund, rose 2.6% over the month, while QQQ slipped 1.6%." [1]'
    )
    child.expect(SCOPED_PROMPT)
    ask(child, "Who won the World Cup final?")
    child.expect_exact("This article and the market data do not answer this.")
    child.expect(SCOPED_PROMPT)
    ask(child, "/article")
    child.expect_exact("Article scope cleared: questions go to all indexed news.")
    child.expect_exact(PROMPT)

    # nothing indexed answers it: say so, never invent
    ask(child, "Who won the World Cup final?")
    child.expect_exact("The indexed news and market data do not answer this.")
    child.expect_exact(PROMPT)
    ask(child, "/sources")
    child.expect_exact("The last answer used no passages and no market data.")
    child.expect_exact(PROMPT)

    # /verify and /ticker
    ask(child, "/verify IJR rose 7.6% in November 2025.")
    child.expect_exact('- contradicted: "IJR rose 7.6% in November 2025.": IJR in November 2025 '
                       "was +2.61% [D1]")  # fmt: skip
    child.expect_exact(PROMPT)
    ask(child, "/ticker iwm November 2025")
    child.expect_exact("IWM closed at $252.73 on Jan 5, 2026 [D1].")
    child.expect_exact("IWM returned +1.02% in November 2025")
    child.expect_exact(PROMPT)

    # Tab completes slash commands; /exit leaves
    child.send("/hel")
    child.expect_exact("/hel")
    child.send("\t")
    child.expect_exact("p")  # the completion is drawn
    child.send("\r")
    child.expect_exact("Ctrl-C cancels the answer in progress; Ctrl-D or /exit leaves.")
    child.expect_exact(PROMPT)
    ask(child, "/exit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    # the history file persists in the data dir; Ctrl-D leaves too
    history = (home / "chat_history").read_text(encoding="utf-8")
    assert "+How did IJR do in November 2025?" in history
    assert "+And QQQ\n+please?" in history
    again = spawn(home)
    closing.append(again)
    again.expect_exact(PROMPT)
    again.sendcontrol("d")
    again.expect_exact("Bye.")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0


def test_llm_session_with_tools_cancel_sources_and_article(
    home: Path, openai_server: OpenAIServer, closing: list[pexpect.spawn]
) -> None:
    server = openai_server
    child = spawn(
        home,
        "--snapshot",
        OPENAI_BASE_URL=server.base_url,
        FINNEWS_OFFLINE="0",
        FINNEWS_MODEL="test-model",
        FINNEWS_LLM_RETRIES="0",
    )
    closing.append(child)
    child.expect_exact("finnews chat · LLM test-model · market data: snapshot")
    child.expect_exact(PROMPT)

    # a data question: the receipt is computed first and given to the model
    server.enqueue("IJR rose 2.61% in November 2025 [D1]. Before that it fell 4.4% [D1].")
    ask(child, "How did IJR do in November 2025?")
    child.expect_exact("IJR rose 2.61% in November 2025 [D1]. Before that it fell ⚠4.4%[unchecked] "
                       "[D1].")  # fmt: skip
    child.expect_exact("[D1] IJR price return, November 2025 · snapshot")
    child.expect_exact("⚠ 1 number traced to no cited source:")
    child.expect_exact(PROMPT)
    data = server.completion_requests[0].messages[1]["content"]
    assert "<data>\n[D1] IJR returned +2.61% in November 2025 (price return:" in data

    # Ctrl-C cancels a slow answer, not the session
    server.enqueue("This answer arrives too late [1].", latency=30)
    ask(child, "What did analysts say about falling Treasury yields?")
    wait_until(lambda: len(server.completion_requests) == 2, "the slow request to reach the server")
    child.sendintr()
    child.expect_exact("[answer cancelled]")
    child.expect_exact(PROMPT)

    # the session goes on: a news question with passages and /sources
    server.enqueue("Analysts tied the move to falling Treasury yields [1].")
    ask(child, "What did analysts say about falling Treasury yields?")
    child.expect_exact("Analysts tied the move to falling Treasury yields [1].")
    child.expect_exact("[1] Small caps lead the November rebound · Test Desk · 2025-12-01")
    child.expect_exact(PROMPT)
    ask(child, "/sources")
    child.expect_exact("Sources of: What did analysts say about falling Treasury yields?")
    child.expect_exact("| Small-cap stocks rallied in November")
    child.expect_exact(PROMPT)
    history = server.completion_requests[-1].messages[1]["content"]
    assert "User: How did IJR do in November 2025?" in history  # memory of the session

    # scope to the article: the model sees only that article's passages
    ask(child, "/article 1")
    child.expect(SCOPED_PROMPT)
    server.enqueue("The article says QQQ slipped 1.6% [1].")
    ask(child, "What happened to QQQ?")
    child.expect_exact("The article says QQQ slipped 1.6% [1].")
    child.expect(SCOPED_PROMPT)
    scoped = server.completion_requests[-1].messages[1]["content"]
    assert "[1] Small caps lead the November rebound" in scoped
    assert "[2]" not in scoped
    ask(child, "/article")
    child.expect_exact(PROMPT)

    # no answer in the index: the search tool finds nothing and the model says so
    server.enqueue(tool_calls=[{"name": "search_news", "arguments": {"query": "World Cup"}}])
    server.enqueue("The indexed news does not say who won the World Cup final.")
    ask(child, "Who won the World Cup final?")
    child.expect_exact("The indexed news does not say who won the World Cup final.")
    child.expect_exact(PROMPT)
    assert tool_results(server)[-1] == "No indexed passage is relevant to this query."
    ask(child, "/sources")
    child.expect_exact("The last answer used no passages and no market data.")
    child.expect_exact(PROMPT)

    ask(child, "/exit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
