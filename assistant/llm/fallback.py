"""Finish with the offline engine when the LLM keeps failing, and say so in the result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from assistant.errors import ModelOutputError, ProviderError
from assistant.llm.base import ChatModel
from assistant.llm.offline import OfflineEngine

R = TypeVar("R")

FALLBACK_ERRORS: tuple[type[Exception], ...] = (ProviderError, ModelOutputError)


@dataclass(frozen=True)
class EngineResult(Generic[R]):
    """A result and the engine that made it; `fallback_reason` says why the LLM was dropped."""

    value: R
    engine: str
    offline: bool
    fallback_reason: str | None = None

    @property
    def fell_back(self) -> bool:
        return self.fallback_reason is not None


def with_fallback(
    primary: ChatModel,
    llm_task: Callable[[ChatModel], R],
    offline_task: Callable[[OfflineEngine], R],
    *,
    offline: OfflineEngine | None = None,
) -> EngineResult[R]:
    """Run `llm_task(primary)`; on a provider or model-output error run `offline_task`.

    When `primary` is already the offline engine, only `offline_task` runs. Config
    errors (a wrong key) are not hidden: they propagate so the user can fix them.
    """
    engine = offline or (primary if isinstance(primary, OfflineEngine) else OfflineEngine())
    if primary.is_offline:
        return EngineResult(offline_task(engine), engine.name, offline=True)
    try:
        return EngineResult(llm_task(primary), primary.name, offline=False)
    except FALLBACK_ERRORS as exc:
        reason = f"{primary.name} failed ({exc}); finished in offline mode"
        return EngineResult(offline_task(engine), engine.name, offline=True, fallback_reason=reason)
