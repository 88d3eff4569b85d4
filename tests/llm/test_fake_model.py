"""The fast fake ChatModel (tests/support/fake_model.py) and what runs on it: the fallback,
the chat session's tool loop, and the tool schemas derived from typed functions."""

from __future__ import annotations

from datetime import date

import pytest
from langchain_core.utils.function_calling import convert_to_openai_tool

from assistant.chat.questions import METRICS
from assistant.chat.session import Session
from assistant.chat.tools import ChatTools
from assistant.config import get_settings
from assistant.errors import ModelOutputError, ProviderError
from assistant.llm import AnalysisDraft, ChatModel, Message, with_fallback
from assistant.llm.tool_calling import LangChainToolStreamer, ToolCall
from assistant.market.snapshot import SnapshotMarketData
from tests.chat.test_passage_checks import PUBLISHED, OnePassage, _passage
from tests.support.fake_model import FakeCall, FakeChatModel

DRAFT = {"analysis": "IWM rose [1].", "key_insights": [], "risks": [], "opportunities": []}


def test_the_fake_is_a_chat_model_that_answers_from_its_queue() -> None:
    model = FakeChatModel(chunk_size=4).enqueue("Hello there.", DRAFT, '{"analysis": 1}')
    assert isinstance(model, ChatModel)
    messages = [Message.user("Hi")]
    assert model.complete(messages) == "Hello there."
    assert model.complete(messages, schema=AnalysisDraft) == AnalysisDraft(**DRAFT)
    with pytest.raises(ModelOutputError, match="does not fit AnalysisDraft"):
        model.complete(messages, schema=AnalysisDraft)
    model.enqueue("abcdefghij")
    assert list(model.stream(messages)) == ["abcd", "efgh", "ij"]
    assert model.history == [
        FakeCall("complete", messages),
        FakeCall("complete", messages, AnalysisDraft),
        FakeCall("complete", messages, AnalysisDraft),
        FakeCall("stream", messages),
    ]
    with pytest.raises(AssertionError, match="no answer enqueued"):
        model.complete(messages)


def test_a_failing_model_falls_back_to_the_offline_engine() -> None:
    model = FakeChatModel().enqueue(ProviderError("the server is down"))
    outcome = with_fallback(model, lambda m: m.complete([]), lambda offline: offline.name)
    assert (outcome.value, outcome.engine, outcome.offline) == ("offline", "offline", True)
    assert (
        outcome.fallback_reason
        == "fake-model failed (the server is down); finished in offline mode"
    )


def test_tool_schemas_are_derived_from_the_typed_tool_functions() -> None:
    """Before: four JSON schemas written by hand beside the functions (chat/tools.py)."""
    tools = ChatTools(SnapshotMarketData(), date(2026, 1, 5), lambda q, k, t: [], None)  # type: ignore[arg-type]
    schemas = {s.name: convert_to_openai_tool(s.function)["function"] for s in tools.specs}
    assert list(schemas) == ["search_news", "price_history", "compute_metric", "verify_claim"]
    metric = schemas["compute_metric"]["parameters"]
    assert metric["required"] == ["metric"]
    assert metric["properties"]["metric"] == {"enum": list(METRICS), "type": "string"}
    assert schemas["price_history"]["parameters"]["required"] == ["ticker", "start", "end"]
    assert schemas["search_news"]["parameters"]["properties"]["ticker"]["description"] == (
        "Optional filter."
    )
    assert schemas["verify_claim"]["description"] == (
        "Check the numeric claims in a sentence against market data. Returns receipts [Dn]."
    )


def test_the_chat_session_runs_its_tool_loop_on_the_fake() -> None:
    model = FakeChatModel().enqueue(
        ["Let me compute.", ToolCall("c1", "compute_metric", {"metric": "return",
                                                              "tickers": ["IJR"],
                                                              "period": "November 2025"})],
        "IJR returned +2.61% in November 2025 [D2].",
    )  # fmt: skip
    session = Session(settings=get_settings(), market=SnapshotMarketData(),
                      news=OnePassage(_passage(PUBLISHED)),
                      streamer=LangChainToolStreamer(model), as_of=date(2026, 1, 5))  # fmt: skip
    answer = session.ask("Tell me about the market.")
    assert answer.text == "Let me compute. IJR returned +2.61% in November 2025 [D2]."
    assert [(r.id, r.label) for r in answer.receipts] == [
        ("D1", "passage [1]: 7.6% contradicted"),  # the passage's own claim check
        ("D2", "IJR price return, November 2025"),  # the tool's answer
    ]
    first, second = model.history
    assert first.tools == ("search_news", "price_history", "compute_metric", "verify_claim")
    tool_turn = second.messages[-1]
    assert (tool_turn.role, tool_turn.tool_call_id) == ("tool", "c1")
    assert tool_turn.content == (
        "[D2] IJR returned +2.61% in November 2025 (price return: $117.80 at the Oct 31, 2025 "
        "close to $120.87 at the Nov 28, 2025 close). (formula: (120.87 / 117.8 - 1) * 100; "
        "source: snapshot)"
    )
