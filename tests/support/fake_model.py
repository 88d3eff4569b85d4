"""A fast fake ChatModel for unit tests, like simonw/llm's MockModel: answers come from a
queue (`enqueue`), every call is kept in `history`. No server, no thread, no network.

    model = FakeChatModel().enqueue("IWM rose 4% [1].")
    model.complete([Message.user("...")])            # "IWM rose 4% [1]."
    model.enqueue({"claims": []})                     # a dict/JSON/model for schema=...
    model.enqueue(ProviderError("down"))              # an exception is raised
    model.enqueue(["Looking. ", ToolCall("c1", "search_news", {"query": "IWM"})])

It is a `ChatModel` and a `ToolModel` (`stream_tools`), so `with_fallback`, the
summarizer and, through `LangChainToolStreamer(model)`, the chat session run on it.
Integration tests keep the real local server (`tests/support/openai_server.py`).
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, overload

from pydantic import BaseModel

from assistant.errors import ModelOutputError
from assistant.llm.base import Message
from assistant.llm.tool_calling import ToolCall, ToolSpec, Turn

T = TypeVar("T", bound=BaseModel)
Answer = str | dict[str, Any] | BaseModel | Exception | list[str | ToolCall]


@dataclass(frozen=True)
class FakeCall:
    """One call the fake answered: how it was called and what it was given."""

    kind: str  # complete, stream, tools
    messages: list[Message] | list[Turn]
    schema: type[BaseModel] | None = None
    tools: tuple[str, ...] = ()


class FakeChatModel:
    """Answers in the order they were enqueued; an empty queue is a test error."""

    is_offline = False

    def __init__(self, name: str = "fake-model", *, chunk_size: int = 8) -> None:
        self.name = name
        self.chunk_size = chunk_size
        self.queue: deque[Answer] = deque()
        self.history: list[FakeCall] = []

    def enqueue(self, *answers: Answer) -> FakeChatModel:
        self.queue.extend(answers)
        return self

    def _next(self) -> Answer:
        if not self.queue:
            raise AssertionError("FakeChatModel: no answer enqueued for this call")
        answer = self.queue.popleft()
        if isinstance(answer, Exception):
            raise answer
        return answer

    @overload
    def complete(self, messages: Sequence[Message], *, schema: None = None) -> str: ...

    @overload
    def complete(self, messages: Sequence[Message], *, schema: type[T]) -> T: ...

    def complete(self, messages: Sequence[Message], *, schema: type[T] | None = None) -> str | T:
        self.history.append(FakeCall("complete", list(messages), schema))
        answer = self._next()
        if schema is None:
            return _text(answer)
        if isinstance(answer, schema):
            return answer
        data = answer.model_dump() if isinstance(answer, BaseModel) else answer
        try:
            if isinstance(data, str):
                return schema.model_validate_json(data)
            return schema.model_validate(data)
        except ValueError as exc:
            raise ModelOutputError(f"The model's answer does not fit {schema.__name__}.") from exc

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        self.history.append(FakeCall("stream", list(messages)))
        text = _text(self._next())
        size = max(1, self.chunk_size)
        return iter([text[i : i + size] for i in range(0, len(text), size)])

    def stream_tools(
        self, turns: Sequence[Turn], tools: Sequence[ToolSpec]
    ) -> Iterator[str | ToolCall]:
        self.history.append(FakeCall("tools", list(turns), tools=tuple(t.name for t in tools)))
        answer = self._next()
        return iter(answer if isinstance(answer, list) else [_text(answer)])


def _text(answer: Answer) -> str:
    if isinstance(answer, str):
        return answer
    if isinstance(answer, BaseModel):
        return answer.model_dump_json()
    if isinstance(answer, dict):
        return json.dumps(answer)
    return "".join(a for a in answer if isinstance(a, str))
