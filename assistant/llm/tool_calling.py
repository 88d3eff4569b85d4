"""Tool calling over LangChain `ChatOpenAI`, streamed, beside the model adapter it extends.

Text pieces and tool calls come out as plain records (`str`, `ToolCall`); LangChain
messages never leave this module. Errors are classified and retried, and deadlines and
the waiting notice applied, by the same rules as `LangChainChatModel` (retries only
before the first piece of text).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)

from assistant.deadlines import Wait
from assistant.errors import ModelOutputError, ProviderError
from assistant.llm.openai_chat import LangChainChatModel, message_text
from assistant.llm.retry import Budget


@dataclass(frozen=True)
class ToolSpec:
    """A tool the model may call: name, description and JSON-schema parameters."""

    name: str
    description: str
    parameters: dict[str, Any]


@dataclass(frozen=True)
class ToolCall:
    id: str
    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True)
class Turn:
    """One message of a tool-calling conversation."""

    role: Literal["system", "user", "assistant", "tool"]
    content: str
    tool_calls: tuple[ToolCall, ...] = field(default=())
    tool_call_id: str | None = None


class ToolStreamer(Protocol):
    """Streams one model turn: text pieces (str), then the tool calls it asks for."""

    name: str

    def stream(
        self, turns: Sequence[Turn], tools: Sequence[ToolSpec]
    ) -> Iterator[str | ToolCall]: ...


class LangChainToolStreamer:
    """`ToolStreamer` over the LangChain chat model of `get_chat_model()`."""

    def __init__(self, model: LangChainChatModel) -> None:
        self.model = model
        self.name = model.name

    def stream(self, turns: Sequence[Turn], tools: Sequence[ToolSpec]) -> Iterator[str | ToolCall]:
        wait = self.model.begin_wait()
        try:
            yield from self.model.guard.stream(self._stream(turns, tools, wait))
        finally:
            wait.end()

    def _stream(
        self, turns: Sequence[Turn], tools: Sequence[ToolSpec], wait: Wait
    ) -> Iterator[str | ToolCall]:
        messages = [_to_langchain(t) for t in turns]
        llm = self.model._llm
        runnable = llm.bind_tools([_openai_tool(t) for t in tools]) if tools else llm
        budget = Budget.for_timeout(self.model.timeout)
        attempt = 0
        while True:
            produced = False
            started = time.monotonic()
            seconds = budget.next_request() or self.model.timeout
            try:
                total: AIMessageChunk | None = None
                finish = None
                with self.model.request_deadline(seconds):
                    for chunk in runnable.stream(messages):
                        if not isinstance(chunk, AIMessageChunk):
                            continue
                        total = chunk if total is None else total + chunk
                        finish = chunk.response_metadata.get("finish_reason") or finish
                        piece = message_text(chunk)
                        if piece:
                            wait.end()
                            produced = True
                            yield piece
            except Exception as exc:  # noqa: BLE001 - classified by the model's own rules
                budget.charge(time.monotonic() - started)
                failure = self.model._classify(exc, seconds)
                if produced and failure.retryable:
                    raise self.model.cut_off(failure) from exc
                self.model._wait_or_raise(failure, attempt, exc, budget)
                attempt += 1
                continue
            wait.end()
            if finish is None:
                raise ProviderError(
                    f"The LLM server at {self.model.endpoint} ended its stream early.",
                    retryable=True,
                )
            if total is not None and total.invalid_tool_calls:
                bad = total.invalid_tool_calls[0]
                raise ModelOutputError(
                    f"The model called tool {bad.get('name')!r} with arguments that are not "
                    f"valid JSON: {str(bad.get('args'))[:120]}"
                )
            for n, call in enumerate(total.tool_calls if total is not None else []):
                yield ToolCall(call.get("id") or f"call_{n}", call["name"], dict(call["args"]))
            return


def _openai_tool(spec: ToolSpec) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": spec.name,
            "description": spec.description,
            "parameters": spec.parameters,
        },
    }


def _to_langchain(turn: Turn) -> BaseMessage:
    if turn.role == "system":
        return SystemMessage(content=turn.content)
    if turn.role == "user":
        return HumanMessage(content=turn.content)
    if turn.role == "tool":
        return ToolMessage(content=turn.content, tool_call_id=turn.tool_call_id or "")
    calls = [
        {"name": c.name, "args": c.arguments, "id": c.id, "type": "tool_call"}
        for c in turn.tool_calls
    ]
    return AIMessage(content=turn.content, tool_calls=calls)


def dumps(value: Any) -> str:
    """Tool results as compact JSON text."""
    return json.dumps(value, ensure_ascii=False, default=str)
