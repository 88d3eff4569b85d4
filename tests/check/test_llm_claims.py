"""LLM claim extraction through the real openai/LangChain client, merged by span."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest

from assistant.check import verify_article
from assistant.claims.llm_extract import anchor, llm_claims
from assistant.config import Settings
from assistant.llm.openai_chat import LangChainChatModel
from assistant.llm.retry import RetryPolicy
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article, Claim
from tests.support.openai_server import OpenAIServer
from tests.support_cli import run_cli

TEXT = (
    "IWM rose 1.0% in November. "
    "The Russell 2000 fund ended November with a gain of a hundredth, or 1 in 100."
)
SECOND = "The Russell 2000 fund ended November with a gain of a hundredth, or 1 in 100."


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


FED = (
    "The Fed cut rates by a quarter point on Wednesday, to a range of 3.50%-3.75%. "
    "The Russell 2000 rose 1.2% on the day, and the Dow added 497.46 points. "
    "Ten-year yields have fallen half a percentage point since May."
)
FIRST, SECOND_FED, THIRD = (
    "The Fed cut rates by a quarter point on Wednesday, to a range of 3.50%-3.75%.",
    "The Russell 2000 rose 1.2% on the day, and the Dow added 497.46 points.",
    "Ten-year yields have fallen half a percentage point since May.",
)


def at(text: str, part: str) -> list[int]:
    """The [start, end] of the first `part` in `text`."""
    start = text.index(part)
    return [start, start + len(part)]


def test_each_llm_claim_is_anchored_on_the_exact_span_of_its_number(
    server: OpenAIServer,
) -> None:
    claims = [
        # a span with no number in it: the number is found in the copied sentence
        llm_claim(kind="rate_change", text=FIRST, span=[0, 3], value=-25.0, unit="bp"),
        # a span on another number ("2000" of the index name): moved to "1.2%"
        llm_claim(text=SECOND_FED, span=at(FED, "2000"), value=1.2, decimals=0),
        # the whole clause as the span: narrowed to the number
        llm_claim(
            kind="point_change",
            text="",
            span=at(FED, "the Dow added 497.46 points"),
            value=497.46,
            unit="pts",
            decimals=2,
        ),
        # the same quantity in another unit: half a percentage point is 50 bp, or 0.5%
        llm_claim(kind="yield_change", text=THIRD, span=[0, 0], value=-0.5, decimals=1),
        # the high end of the range, from a span holding both ends
        llm_claim(
            kind="rate_level", text=FIRST, span=at(FED, "3.50%-3.75%"), value=3.75, decimals=2
        ),
        # a number the text does not write: dropped, although its span holds a digit
        llm_claim(text=SECOND_FED, span=at(FED, "1.2%"), value=2.5),
        # a sentence that is not in the article, with no span: dropped
        llm_claim(text="The Russell 2000 rose 1.2% on Friday.", span=[900, 910], value=1.2),
    ]
    server.enqueue(json={"claims": claims})
    found = llm_claims(FED, date(2025, 12, 12), model_for(server))
    assert [(FED[c.span[0] : c.span[1]], c.text, c.value, c.unit, c.decimals) for c in found] == [
        ("quarter point", FIRST, -25.0, "bp", 0),
        ("1.2%", SECOND_FED, 1.2, "%", 1),
        ("497.46 points", SECOND_FED, 497.46, "pts", 2),
        ("half a percentage point", THIRD, -0.5, "%", 1),
        ("3.75%", FIRST, 3.75, "%", 2),
    ]


def test_cli_llm_claims_json_spans_point_at_numbers(
    server: OpenAIServer, capsys, monkeypatch, tmp_path
) -> None:
    article = tmp_path / "fed.md"
    article.write_text(f"---\ntitle: Fed day\npublished: 2025-12-12\n---\n{FED}\n")
    wrong_span = llm_claim(text=SECOND_FED, span=at(FED, "2000"), value=1.2)
    server.enqueue(json={"claims": [wrong_span]})
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("FINNEWS_OFFLINE", "0")
    monkeypatch.setenv("FINNEWS_LLM_RETRIES", "0")
    r = run_cli(["check", str(article), "--llm-claims", "--json"], capsys, monkeypatch)
    report = json.loads(r.out)
    assert report["notes"] == ["claims also extracted by gpt-4o-mini"]
    spans = [FED[c["span"][0] : c["span"][1]] for c in report["claims"]]
    assert "2000" not in spans and spans.count("1.2%") == 1


REPEATED = "IWM rose 1% on Monday. It rose 1% again on Tuesday, to $250.10."


@pytest.mark.parametrize(
    ("over", "expected"),
    [
        # a copied text found twice and no usable span: the first one
        ({"text": "rose 1%", "span": [500, 600]}, ((9, 11), "IWM rose 1% on Monday.")),
        # a span on the second "1%": that one
        ({"text": "", "span": [31, 36]}, ((31, 33), None)),
        # the copied sentence decides when the span is unusable
        ({"text": "It rose 1% again on Tuesday, to $250.10.", "span": [0, 0]}, ((31, 33), None)),
        # the sentence around a span that misses the number
        ({"text": "", "span": [23, 30], "value": 250.1, "unit": "$"}, ((55, 62), None)),
        # no copied text and no usable span: nothing to anchor on
        ({"text": "", "span": [500, 600]}, None),
        # 2 is not written at all
        ({"text": REPEATED, "span": [0, 3], "value": 2.0}, None),
    ],
)
def test_anchor_prefers_the_proposed_span_then_the_copied_sentence(
    over: dict[str, object], expected: tuple[tuple[int, int], str | None] | None
) -> None:
    claim = Claim.model_validate(llm_claim(**over))
    anchored = anchor(claim, REPEATED)
    if expected is None:
        assert anchored is None
        return
    assert anchored is not None
    span, text = expected
    assert anchored.span == span
    assert anchored.text == (text or "It rose 1% again on Tuesday, to $250.10.")
