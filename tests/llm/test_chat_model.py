"""LangChainChatModel (real ChatOpenAI + openai client) against the scripted local server."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from assistant.config import Settings
from assistant.errors import ConfigError, ModelOutputError, ProviderError
from assistant.llm import (
    AnalysisDraft,
    ExtractedClaims,
    LangChainChatModel,
    Message,
    OfflineEngine,
    get_chat_model,
)
from tests.support.openai_server import OpenAIServer, server_settings

MakeModel = Callable[..., LangChainChatModel]
MESSAGES = [Message.system("You are terse."), Message.user("Say hello.")]
KEY = "sk-test-SECRET-4242"

DRAFT: dict[str, Any] = {
    "analysis": "IWM rose 4.0% [1][D1].",
    "key_insights": ["Small caps led [1]."],
    "risks": ["Rates may stay high [2]."],
    "opportunities": ["Cheaper valuations [D2]."],
}


def test_plain_completion_sends_messages_and_model(
    openai_server: OpenAIServer, make_model: MakeModel
) -> None:
    openai_server.enqueue("Hello there.")
    model = make_model()
    assert model.complete(MESSAGES) == "Hello there."
    [request] = openai_server.requests
    assert request.path == "/v1/chat/completions"
    assert request.body["model"] == "test-model"
    assert request.body["messages"] == [
        {"role": "system", "content": "You are terse."},
        {"role": "user", "content": "Say hello."},
    ]
    assert request.headers["authorization"] == "Bearer not-needed"
    assert model.name == "test-model"
    assert model.endpoint == openai_server.base_url
    assert model.is_offline is False


def test_key_goes_in_the_header_only(openai_server: OpenAIServer, make_model: MakeModel) -> None:
    openai_server.enqueue("ok")
    make_model(OPENAI_API_KEY=KEY).complete(MESSAGES)
    [request] = openai_server.requests
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert KEY not in str(request.body)


def test_streaming_yields_pieces_in_order(
    openai_server: OpenAIServer, make_model: MakeModel
) -> None:
    openai_server.enqueue("The Fed cut rates.", chunk_size=5)
    pieces = list(make_model().stream(MESSAGES))
    assert pieces == ["The F", "ed cu", "t rat", "es."]
    assert openai_server.requests[0].body["stream"] is True


def test_structured_output_json_schema(openai_server: OpenAIServer, make_model: MakeModel) -> None:
    openai_server.enqueue(json=DRAFT)
    draft = make_model().complete(MESSAGES, schema=AnalysisDraft)
    assert draft == AnalysisDraft.model_validate(DRAFT)
    response_format = openai_server.requests[0].body["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["name"] == "AnalysisDraft"
    assert response_format["json_schema"]["strict"] is False
    assert response_format["json_schema"]["schema"]["required"] == [
        "analysis",
        "key_insights",
        "risks",
        "opportunities",
    ]


def test_structured_output_claims_in_code_fence(
    openai_server: OpenAIServer, make_model: MakeModel
) -> None:
    claim = {
        "kind": "pct_change",
        "text": "The Russell 2000 gained 10.8% in November.",
        "span": [24, 29],
        "subject": "Russell 2000",
        "ticker": "^RUT",
        "value": 10.8,
        "unit": "%",
        "decimals": 1,
        "start": "2025-11-01",
        "end": "2025-11-30",
    }
    openai_server.enqueue("```json\n" + json.dumps({"claims": [claim]}) + "\n```")
    result = make_model().complete(MESSAGES, schema=ExtractedClaims)
    [parsed] = result.claims
    assert (parsed.kind, parsed.value, parsed.span, parsed.ticker) == (
        "pct_change",
        10.8,
        (24, 29),
        "^RUT",
    )
    assert str(parsed.end) == "2025-11-30"


def test_structured_output_json_mode(openai_server: OpenAIServer, make_model: MakeModel) -> None:
    openai_server.enqueue(json=DRAFT)
    draft = make_model(structured_method="json_mode").complete(MESSAGES, schema=AnalysisDraft)
    assert draft.analysis == "IWM rose 4.0% [1][D1]."
    body = openai_server.requests[0].body
    assert body["response_format"] == {"type": "json_object"}
    assert body["messages"][-1]["content"].startswith("Answer with one JSON object")


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ({"text": "{not json"}, "does not fit AnalysisDraft"),
        ({"json": {"analysis": "x"}}, "does not fit AnalysisDraft (3 errors; key_insights"),
        ({"json": {**DRAFT, "extra": 1}}, "extra: Extra inputs are not permitted"),
        ({"malformed": True}, "sent a response that is not valid JSON"),
    ],
)
def test_unusable_output_is_a_model_output_error_without_retry(
    openai_server: OpenAIServer,
    make_model: MakeModel,
    sleeps: list[float],
    reply: dict,
    message: str,
) -> None:
    openai_server.enqueue(**reply)
    with pytest.raises(ModelOutputError) as err:
        make_model().complete(MESSAGES, schema=AnalysisDraft)
    assert message in str(err.value)
    assert len(openai_server.requests) == 1
    assert sleeps == []


def test_429_honours_retry_after_seconds(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    openai_server.enqueue(status=429, retry_after="7")
    openai_server.enqueue("after the wait")
    assert make_model().complete(MESSAGES) == "after the wait"
    assert sleeps == [7.0]
    assert len(openai_server.requests) == 2


def test_429_honours_retry_after_http_date(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    openai_server.enqueue(status=429, retry_after="Wed, 26 Nov 2025 12:00:30 GMT")
    openai_server.enqueue("ok")
    assert make_model().complete(MESSAGES) == "ok"
    assert sleeps == [30.0]


def test_429_without_retry_after_backs_off(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    openai_server.enqueue(status=429)
    openai_server.enqueue("ok")
    assert make_model().complete(MESSAGES) == "ok"
    assert sleeps == [0.375]


def test_429_asking_for_an_hour_gives_up_at_once(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    openai_server.enqueue(status=429, retry_after="3600")
    with pytest.raises(ProviderError) as err:
        make_model().complete(MESSAGES)
    assert err.value.retryable is True
    assert "asks to wait 3600 s" in str(err.value)
    assert sleeps == []
    assert len(openai_server.requests) == 1


def test_5xx_then_success_backs_off_exponentially(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    for status in (500, 502, 503):
        openai_server.enqueue(status=status)
    openai_server.enqueue("finally")
    assert make_model().complete(MESSAGES) == "finally"
    assert sleeps == [0.375, 0.75, 1.5]


def test_retries_exhausted_is_a_retryable_provider_error(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    for _ in range(3):
        openai_server.enqueue(status=500)
    with pytest.raises(ProviderError) as err:
        make_model(FINNEWS_LLM_RETRIES=2).complete(MESSAGES)
    assert err.value.retryable is True
    assert str(err.value) == (
        f"The LLM server at {openai_server.base_url} failed (HTTP 500). "
        "Giving up: 3 attempts failed. Try again later."
    )
    assert sleeps == [0.375, 0.75]
    assert len(openai_server.requests) == 3


def test_zero_retries_means_one_attempt(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    openai_server.enqueue(status=503)
    with pytest.raises(ProviderError):
        make_model(FINNEWS_LLM_RETRIES=0).complete(MESSAGES)
    assert sleeps == []
    assert len(openai_server.requests) == 1


def test_connection_drop_is_retried(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    openai_server.enqueue(drop=True)
    openai_server.enqueue("reconnected")
    assert make_model().complete(MESSAGES) == "reconnected"
    assert sleeps == [0.375]


def test_timeout_is_retried(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    # the first answer comes after the per-request deadline; the retry has the rest of the
    # call's budget (twice the timeout), ample for a local answer even on a loaded machine
    openai_server.enqueue("too late", latency=4.0)
    openai_server.enqueue("in time")
    assert make_model(FINNEWS_LLM_TIMEOUT=1.0).complete(MESSAGES) == "in time"
    assert sleeps == [0.375]


def test_stream_cut_before_any_text_is_retried(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    openai_server.enqueue("lost", truncate_after=1)
    openai_server.enqueue("whole answer", chunk_size=100)
    assert list(make_model().stream(MESSAGES)) == ["whole answer"]
    assert sleeps == [0.375]


def test_stream_without_finish_reason_is_retried(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    openai_server.enqueue("", finish_reason=None)
    openai_server.enqueue("second try", chunk_size=100)
    assert list(make_model().stream(MESSAGES)) == ["second try"]
    assert sleeps == [0.375]


def test_stream_cut_mid_answer_is_an_error_after_the_pieces(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    openai_server.enqueue("abcdefghijkl", chunk_size=4, truncate_after=3)
    pieces: list[str] = []
    with pytest.raises(ProviderError) as err:
        for piece in make_model().stream(MESSAGES):
            pieces.append(piece)
    assert pieces == ["abcd", "efgh"]
    assert err.value.retryable is True
    assert "cut off mid-answer" in str(err.value)
    assert sleeps == []


def test_401_is_a_config_error_that_never_shows_the_key(
    openai_server: OpenAIServer, make_model: MakeModel, sleeps: list[float]
) -> None:
    body = {"error": {"message": f"Incorrect API key provided: {KEY}", "type": "auth"}}
    openai_server.enqueue(status=401, error_body=body)
    with pytest.raises(ConfigError) as err:
        make_model(OPENAI_API_KEY=KEY).complete(MESSAGES)
    message = str(err.value)
    assert "OPENAI_API_KEY" in message and "OPENAI_BASE_URL" in message
    assert "HTTP 401" in message
    assert KEY not in message and "SECRET" not in message
    assert sleeps == []


def test_400_is_not_retried_and_the_key_is_scrubbed(
    openai_server: OpenAIServer, make_model: MakeModel
) -> None:
    body = {"error": {"message": f"bad request for key {KEY}", "type": "invalid"}}
    openai_server.enqueue(status=400, error_body=body)
    with pytest.raises(ProviderError) as err:
        make_model(OPENAI_API_KEY=KEY).complete(MESSAGES)
    assert err.value.retryable is False
    assert str(err.value) == (
        f"The LLM server at {openai_server.base_url} refused the request (HTTP 400): "
        "bad request for key ***"
    )


def test_404_names_the_model_setting(openai_server: OpenAIServer, make_model: MakeModel) -> None:
    openai_server.enqueue(status=404)
    with pytest.raises(ConfigError) as err:
        make_model().complete(MESSAGES)
    assert "does not serve model 'test-model'" in str(err.value)
    assert "FINNEWS_MODEL" in str(err.value)


def test_get_chat_model_picks_the_llm_only_when_configured(openai_server: OpenAIServer) -> None:
    assert isinstance(get_chat_model(Settings()), OfflineEngine)  # FINNEWS_OFFLINE=1 in tests
    assert isinstance(get_chat_model(Settings(FINNEWS_OFFLINE=False)), OfflineEngine)
    online = server_settings(openai_server)
    assert isinstance(get_chat_model(online, offline=True), OfflineEngine)
    model = get_chat_model(online)
    assert isinstance(model, LangChainChatModel)
    assert (model.name, model.is_offline) == ("test-model", False)


def test_unconfigured_llm_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as err:
        LangChainChatModel(Settings(FINNEWS_OFFLINE=False))
    assert "OPENAI_API_KEY" in str(err.value) and "OPENAI_BASE_URL" in str(err.value)


def test_endpoint_hides_credentials_in_the_base_url() -> None:
    settings = Settings(OPENAI_BASE_URL="http://user:pw@127.0.0.1:9/v1", FINNEWS_OFFLINE=False)
    assert LangChainChatModel(settings).endpoint == "http://127.0.0.1:9/v1"
