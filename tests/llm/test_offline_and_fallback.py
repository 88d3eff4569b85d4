"""The offline engine (exact extracts), with_fallback, and the retry policy's pure parts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

import pytest

from assistant.errors import ConfigError, ModelOutputError
from assistant.llm import (
    AnalysisDraft,
    ChatModel,
    Extract,
    LangChainChatModel,
    Message,
    OfflineEngine,
    RetryPolicy,
    parse_retry_after,
    with_fallback,
)
from tests.support.openai_server import OpenAIServer

TEXT = (
    "The Federal Reserve cut its benchmark rate by a quarter-point on Wednesday, "
    "to a range of 3.50%-3.75%.\n"
    "It was the third cut this year. Officials were split.\n"
    "Small caps rallied: the Russell 2000 gained 1.3% and IWM closed at $251.20, while the "
    "10-year Treasury yield fell 4 basis points to 4.13%.\n"
    "Analysts said more cuts may come in 2026.\n"
    '"We are well positioned," Chair Jerome Powell told reporters.'
)
FIRST = (
    "The Federal Reserve cut its benchmark rate by a quarter-point on Wednesday, "
    "to a range of 3.50%-3.75%."
)
THIRD = (
    "Small caps rallied: the Russell 2000 gained 1.3% and IWM closed at $251.20, while the "
    "10-year Treasury yield fell 4 basis points to 4.13%."
)
NOW = datetime(2025, 11, 26, 12, 0, 0, tzinfo=timezone.utc)


def test_offline_summary_quotes_the_most_informative_sentences_in_order() -> None:
    engine = OfflineEngine()
    assert engine.summarize(TEXT, max_sentences=2) == [
        Extract(FIRST, (0, 102), 4.75),
        Extract(THIRD, (157, 295), 4.75),
    ]
    for extract in engine.summarize(TEXT, max_sentences=5):
        assert TEXT[extract.span[0] : extract.span[1]] == extract.text
    assert engine.summarize("", 3) == []


def test_offline_answer_picks_sentences_sharing_the_question_words() -> None:
    passages = [TEXT, "The Russell 2000 is an index of small companies."]
    answer = OfflineEngine().answer("What did the Russell 2000 do?", passages, max_sentences=3)
    assert answer == [
        Extract(THIRD, (157, 295), 4.375, 0),
        Extract("The Russell 2000 is an index of small companies.", (0, 48), 2.875, 1),
    ]
    assert OfflineEngine().answer("Bitcoin?", passages) == []


def test_offline_engine_is_a_chat_model_that_answers_by_quoting() -> None:
    """Before: complete/stream raised ConfigError, so the seam held a model that could not
    answer. Now it answers with the conversation's own sentences, verbatim."""
    engine = OfflineEngine()
    assert (engine.name, engine.is_offline) == ("offline", True)
    assert isinstance(engine, ChatModel)
    question = [Message.system(TEXT), Message.user("What did the Russell 2000 do?")]
    assert engine.complete(question) == THIRD
    assert list(engine.stream(question)) == [THIRD]
    # nothing earlier to quote: the message's own most informative sentence
    assert engine.complete([Message.user(TEXT)]).startswith(FIRST)
    assert engine.complete([Message.system("no question")]) == ""
    assert list(engine.stream([Message.system("no question")])) == []
    with pytest.raises(ModelOutputError, match="cannot answer as AnalysisDraft"):
        engine.complete(question, schema=AnalysisDraft)


def test_fallback_finishes_offline_when_the_llm_keeps_failing(
    openai_server: OpenAIServer, make_model: Callable[..., LangChainChatModel]
) -> None:
    for _ in range(2):
        openai_server.enqueue(status=503)
    model = make_model(FINNEWS_LLM_RETRIES=1)
    outcome = with_fallback(
        model,
        lambda llm: llm.complete([Message.user("summarize")]),
        lambda offline: " ".join(x.text for x in offline.summarize(TEXT, 1)),
    )
    assert outcome.value == FIRST
    assert (outcome.engine, outcome.offline, outcome.fell_back) == ("offline", True, True)
    assert outcome.fallback_reason == (
        f"test-model failed (The LLM server at {openai_server.base_url} failed (HTTP 503). "
        "Giving up: 2 attempts failed. Try again later.); finished in offline mode"
    )


def test_fallback_uses_the_llm_when_it_answers(
    openai_server: OpenAIServer, make_model: Callable[..., LangChainChatModel]
) -> None:
    openai_server.enqueue("An LLM summary.")
    outcome = with_fallback(
        make_model(), lambda llm: llm.complete([Message.user("x")]), lambda offline: "offline"
    )
    assert (outcome.value, outcome.engine, outcome.offline) == (
        "An LLM summary.",
        "test-model",
        False,
    )
    assert outcome.fallback_reason is None


def test_fallback_does_not_hide_a_wrong_key(
    openai_server: OpenAIServer, make_model: Callable[..., LangChainChatModel]
) -> None:
    openai_server.enqueue(status=401)
    with pytest.raises(ConfigError):
        with_fallback(
            make_model(), lambda llm: llm.complete([Message.user("x")]), lambda offline: "offline"
        )


def test_fallback_with_an_offline_primary_runs_only_the_offline_task() -> None:
    def llm_task(llm: ChatModel) -> str:
        raise AssertionError("the LLM task must not run offline")

    outcome = with_fallback(OfflineEngine(), llm_task, lambda offline: offline.name)
    assert (outcome.value, outcome.offline, outcome.fell_back) == ("offline", True, False)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"Retry-After": "Wed, 26 Nov 2025 12:01:00 GMT"}, 60.0),
        ({"Retry-After": "Wed, 26 Nov 2025 11:00:00 GMT"}, 0.0),
        ({"Retry-After": "soon"}, None),
        ({}, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(headers, NOW) == expected


def test_retry_policy_delays() -> None:
    policy = RetryPolicy(retries=3, base=0.5, cap=1.0, max_retry_after=60, random=lambda: 0.0)
    assert [policy.delay(a, None) for a in range(4)] == [0.25, 0.5, 0.5, None]
    assert policy.delay(0, 60.0) == 60.0
    assert policy.delay(0, 61.0) is None
    assert policy.delay(3, 1.0) is None


def test_offline_engine_quotes_sentences_not_table_rows() -> None:
    text = (
        "The S&P 500 rose 1.7% for the week to a record, led by chipmakers.\n\n"
        "| S&P 500 | 5,088.80 | +1.7% | +83.23 | +6.7% |\n\n"
        "| Russell 2000 | 2,016.69 | -1.4% | -28.45 | -0.5% |"
    )
    engine = OfflineEngine()
    assert [e.text for e in engine.summarize(text, max_sentences=3)] == [
        "The S&P 500 rose 1.7% for the week to a record, led by chipmakers."
    ]
    assert [e.text for e in engine.answer("How did the Russell 2000 do?", [text])] == []
