"""The test server itself, driven by the raw openai client (other areas reuse it)."""

from __future__ import annotations

import json
from typing import Any

import openai
import pytest
from openai.types.chat import ChatCompletionMessageFunctionToolCall

from tests.support.openai_server import OpenAIServer, Reply


def client(server: OpenAIServer) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.base_url, api_key="k", max_retries=0, timeout=5)


def test_completion_stream_models_and_embeddings(openai_server: OpenAIServer) -> None:
    c = client(openai_server)
    openai_server.enqueue("Hello")
    reply = c.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    assert reply.choices[0].message.content == "Hello"
    openai_server.enqueue("Hello world", chunk_size=6)
    chunks = c.chat.completions.create(
        model="m", messages=[{"role": "user", "content": "hi"}], stream=True
    )
    assert [ch.choices[0].delta.content for ch in chunks] == ["", "Hello ", "world", None]
    assert [m.id for m in c.models.list()] == ["test-model"]
    vectors = c.embeddings.create(model="e", input=["abc", "abc", "xyz"]).data
    assert len(vectors[0].embedding) == 8
    assert vectors[0].embedding == vectors[1].embedding != vectors[2].embedding
    assert [r.path for r in openai_server.requests] == [
        "/v1/chat/completions",
        "/v1/chat/completions",
        "/v1/models",
        "/v1/embeddings",
    ]
    assert openai_server.requests[0].messages == [{"role": "user", "content": "hi"}]


def test_tool_calls_and_json_replies(openai_server: OpenAIServer) -> None:
    openai_server.enqueue(tool_calls=[{"name": "lookup", "arguments": {"ticker": "IWM"}}])
    openai_server.enqueue(json={"a": 1})
    c = client(openai_server)
    first = c.chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}])
    [call] = first.choices[0].message.tool_calls or []
    assert isinstance(call, ChatCompletionMessageFunctionToolCall)
    assert (call.function.name, json.loads(call.function.arguments)) == (
        "lookup",
        {"ticker": "IWM"},
    )
    assert first.choices[0].finish_reason == "tool_calls"
    second = c.chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}])
    assert second.choices[0].message.content == '{"a": 1}'


def test_faults_reach_the_client(openai_server: OpenAIServer) -> None:
    c = client(openai_server)
    openai_server.enqueue(status=429, retry_after="4")
    with pytest.raises(openai.RateLimitError) as err:
        c.chat.completions.create(model="m", messages=[])
    assert err.value.response.headers["retry-after"] == "4"
    openai_server.enqueue(status=500)
    with pytest.raises(openai.InternalServerError):
        c.chat.completions.create(model="m", messages=[])
    openai_server.enqueue(drop=True)
    with pytest.raises(openai.APIConnectionError):
        c.chat.completions.create(model="m", messages=[])
    openai_server.enqueue(malformed=True)
    with pytest.raises(json.JSONDecodeError):
        c.chat.completions.create(model="m", messages=[])


def test_empty_queue_uses_responder_then_default_then_500(openai_server: OpenAIServer) -> None:
    c = client(openai_server)
    with pytest.raises(openai.InternalServerError, match="no scripted response left"):
        c.chat.completions.create(model="m", messages=[])
    openai_server.default = Reply("default")
    assert c.chat.completions.create(model="m", messages=[]).choices[0].message.content == "default"
    openai_server.responder = lambda req: Reply(f"echo {len(req.messages)}")
    messages: list[Any] = [{"role": "user", "content": "a"}, {"role": "user", "content": "b"}]
    reply = c.chat.completions.create(model="m", messages=messages)
    assert reply.choices[0].message.content == "echo 2"
    assert openai_server.pending == 0
