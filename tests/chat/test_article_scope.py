"""Issue 9.5: with --article, a question about what the article says is answered from the
article's passages, not with computed data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.chat.questions import asks_about_text, parse_question
from tests.conftest import FIXTURES
from tests.support.openai_server import OpenAIServer
from tests.support_cli import run_cli

FED_ARTICLE = FIXTURES / "articles" / "fed_cut_2025-12-10.md"
QUESTION = "What does the article say about the Fed?"


@pytest.mark.parametrize(
    ("question", "about_text"),
    [
        (QUESTION, True),
        ("Does the story mention IJR?", True),
        ("According to the article, how did IJR do?", True),
        ("What does it say about rates?", True),
        ("What did the Fed say about rates?", False),
        ("What did analysts say about falling Treasury yields?", False),
        ("How did IJR do in November 2025?", False),
    ],
)
def test_questions_about_what_a_text_says(question: str, about_text: bool) -> None:
    assert asks_about_text(question) is about_text


def test_what_the_article_says_is_no_data_question() -> None:
    from datetime import date

    assert parse_question(QUESTION, date(2025, 12, 10), explicit=True) is None


def test_article_question_quotes_the_article(home: Path, capsys, monkeypatch) -> None:
    r = run_cli(["chat", "--article", str(FED_ARTICLE), "--once", QUESTION, "--json"],
                capsys, monkeypatch)  # fmt: skip
    assert r.exit_code == 0, r.err
    data = json.loads(r.out)
    assert (data["kind"], data["receipts"], data["flagged"]) == ("news", [], [])
    assert data["text"] == (
        "From this article (offline mode: quoted sentences, no language model):\n"
        '- "The Federal Reserve lowered its benchmark rate by 25 basis points on Wednesday, '
        'leaving the federal funds target range at 3.50%-3.75%." [1]\n'
        '- "It was the third straight quarter-point cut, and three officials dissented." [1]'
    )
    assert [c["title"] for c in data["citations"]] == [
        "Fed trims its policy rate by a quarter point for the third meeting in a row"
    ]


def test_article_question_gives_the_llm_passages_and_no_data(
    home: Path, openai_server: OpenAIServer, capsys, monkeypatch
) -> None:
    for name, value in (
        ("OPENAI_BASE_URL", openai_server.base_url),
        ("FINNEWS_OFFLINE", "0"),
        ("FINNEWS_MODEL", "test-model"),
        ("FINNEWS_LLM_RETRIES", "0"),
    ):
        monkeypatch.setenv(name, value)  # fmt: skip
    openai_server.enqueue("It says the Fed cut by 25 basis points [1].")
    args = ["chat", "--article", str(FED_ARTICLE), "--snapshot", "--once", QUESTION, "--json"]
    data = json.loads(run_cli(args, capsys, monkeypatch).out)
    assert (data["text"], data["receipts"]) == ("It says the Fed cut by 25 basis points [1].", [])
    prompt = openai_server.completion_requests[0].messages[1]["content"]
    assert "<data>\n(no computed data)\n</data>" in prompt
    assert "[1] Fed trims its policy rate" in prompt
