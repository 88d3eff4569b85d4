"""The ChatModel seam: messages in, text (or a validated pydantic object) out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar, overload, runtime_checkable

from pydantic import BaseModel

Role = Literal["system", "user", "assistant"]
T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class Message:
    role: Role
    content: str

    @classmethod
    def system(cls, content: str) -> Message:
        return cls("system", content)

    @classmethod
    def user(cls, content: str) -> Message:
        return cls("user", content)

    @classmethod
    def assistant(cls, content: str) -> Message:
        return cls("assistant", content)


@runtime_checkable
class ChatModel(Protocol):
    """What every chat model offers. `complete(..., schema=X)` returns a validated X.

    Every implementation answers (none raises for being what it is). `is_offline` is
    True for the offline engine, which only quotes sentences and writes no JSON: callers
    that want written text or structured output ask it for extracts instead.
    """

    name: str
    is_offline: bool

    @overload
    def complete(self, messages: Sequence[Message], *, schema: None = None) -> str: ...

    @overload
    def complete(self, messages: Sequence[Message], *, schema: type[T]) -> T: ...

    def complete(
        self, messages: Sequence[Message], *, schema: type[T] | None = None
    ) -> str | T: ...

    def stream(self, messages: Sequence[Message]) -> Iterator[str]: ...
