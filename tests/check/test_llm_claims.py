"""LLM claim extraction through the real openai/LangChain client, merged by span."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest

from assistant.check import verify_article
from assistant.config import Settings
from assistant.llm.openai_chat import LangChainChatModel
from assistant.llm.retry import RetryPolicy
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from tests.support.openai_server import OpenAIServer
from tests.support_cli import run_cli

TEXT = (
    "IWM rose 1.0% in November. "
    "The Russell 2000 fund ended November with a gain of one percent, or 1 in 100."
)
SECOND = "The Russell 2000 fund ended November with a gain of one percent, or 1 in 100."


def llm_claim(**over: object) -> dict[str, object]:
    claim: dict[str, object] = {
        "kind": "pct_change",
        "text": SECOND,
        "span": [999, 1005],  # wrong on purpose: re-anchored from the sentence
        "subject": "The Russell 2000 fund",
        "ticker": "IWM",
        "value": 1.0,
        "unit": "%",
        "decimals": 0,
        "start": "2025-11-01",
        "end": "2025-11-30",
        "period": "November",
        "window": "window",
    }
    claim.update(over)
    return claim


@pytest.fixture
def server() -> Iterator[OpenAIServer]:
    with OpenAIServer() as s:
        yield s


def model_for(server: OpenAIServer) -> LangChainChatModel:
    settings = Settings(
        OPENAI_BASE_URL=server.base_url, FINNEWS_OFFLINE=False, FINNEWS_LLM_RETRIES=1
    )
    return LangChainChatModel(settings, policy=RetryPolicy(retries=1), sleep=lambda s: None)


def test_llm_claims_are_anchored_merged_and_checked(server: OpenAIServer) -> None:
    duplicate = llm_claim(text="IWM rose 1.0% in November.", span=[9, 13], value=1.0)
    unanchorable = llm_claim(text="A sentence that is not in the article.", span=[500, 510])
    server.enqueue(json={"claims": [duplicate, llm_claim(), unanchorable]})
    article = Article(id="a1", text=TEXT)
    report = verify_article(
        article, SnapshotMarketData(), as_of=date(2025, 12, 5), model=model_for(server)
    )
    assert [TEXT[c.span[0] : c.span[1]] for c in report.claims] == ["1.0%", "1"]
    assert [(c.verdict, c.computed) for c in report.claims] == [
        ("supported", 1.0234),
        ("supported", 1.0234),
    ]
    assert report.notes == ["claims also extracted by gpt-4o-mini"]
    body = json.dumps(server.requests[0].body)
    assert "<article>" in body and "IWM rose 1.0% in November." in body


def test_llm_failure_falls_back_to_deterministic_claims(server: OpenAIServer) -> None:
    server.enqueue(status=500)
    server.enqueue(status=500)
    article = Article(id="a1", text=TEXT)
    report = verify_article(
        article, SnapshotMarketData(), as_of=date(2025, 12, 5), model=model_for(server)
    )
    assert [c.claimed for c in report.claims] == [1.0]
    assert report.notes[0].startswith("LLM claim extraction failed (")
    assert report.notes[0].endswith("); deterministic extraction only")


def test_cli_flag_needs_an_llm(capsys, monkeypatch) -> None:
    r = run_cli(["check", "--llm-claims"], capsys, monkeypatch)
    assert (r.exit_code, r.err.strip()) == (
        2,
        "Error: --llm-claims needs an LLM: set OPENAI_API_KEY or OPENAI_BASE_URL, "
        "and do not run offline",
    )
