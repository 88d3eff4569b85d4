"""Tool calling as plain records: the tools a model may call, its calls, the turns.

No vendor type crosses this seam: a tool is a typed Python function (its name,
docstring and annotations are its JSON schema, derived by the adapter), a call is a
`ToolCall`, a conversation is a list of `Turn`s. `LangChainChatModel.stream_tools`
is the adapter that speaks to a server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol


@dataclass(frozen=True)
class ToolSpec:
    """A tool the model may call: a typed function whose docstring says what it does.

    The JSON schema the model sees is derived from the signature (see
    `langchain_core.utils.function_calling.convert_to_openai_tool`), never written by hand.
    """

    function: Callable[..., str]

    @property
    def name(self) -> str:
        return self.function.__name__


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

    def as_dict(self) -> dict[str, Any]:
        """The OpenAI-style message dict (what `convert_to_messages` reads)."""
        out: dict[str, Any] = {"role": self.role, "content": self.content}
        if self.tool_calls:
            out["tool_calls"] = [
                {"id": c.id, "name": c.name, "args": c.arguments, "type": "tool_call"}
                for c in self.tool_calls
            ]
        if self.tool_call_id is not None:
            out["tool_call_id"] = self.tool_call_id
        return out


class ToolStreamer(Protocol):
    """Streams one model turn: text pieces (str), then the tool calls it asks for."""

    name: str

    def stream(
        self, turns: Sequence[Turn], tools: Sequence[ToolSpec]
    ) -> Iterator[str | ToolCall]: ...


class ToolModel(Protocol):
    """A chat model that can also call tools (`LangChainChatModel`, the test fakes)."""

    name: str

    def stream_tools(
        self, turns: Sequence[Turn], tools: Sequence[ToolSpec]
    ) -> Iterator[str | ToolCall]: ...


class LangChainToolStreamer:
    """`ToolStreamer` over a model's `stream_tools` (kept for callers of the old name)."""

    def __init__(self, model: ToolModel) -> None:
        self.model = model
        self.name = model.name

    def stream(self, turns: Sequence[Turn], tools: Sequence[ToolSpec]) -> Iterator[str | ToolCall]:
        return self.model.stream_tools(turns, tools)
