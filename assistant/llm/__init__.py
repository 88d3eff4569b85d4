"""The LLM seam: `ChatModel` (LangChain/OpenAI-compatible or the offline engine).

    model = get_chat_model(settings)            # offline engine unless a key or base URL is set
    text = model.complete([Message.user("...")])
    draft = model.complete(messages, schema=AnalysisDraft)

`LangChainChatModel` is imported lazily so that importing this package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.config import Settings, get_settings
from assistant.llm.base import ChatModel, Message, Role
from assistant.llm.fallback import EngineResult, with_fallback
from assistant.llm.offline import OFFLINE_NOTE, Extract, OfflineEngine
from assistant.llm.retry import RetryPolicy, parse_retry_after
from assistant.llm.schemas import AnalysisDraft, ExtractedClaims

if TYPE_CHECKING:
    from assistant.llm.openai_chat import LangChainChatModel
    from assistant.llm.tool_calling import ToolStreamer

__all__ = [
    "OFFLINE_NOTE",
    "AnalysisDraft",
    "ChatModel",
    "ExtractedClaims",
    "Extract",
    "LangChainChatModel",
    "Message",
    "OfflineEngine",
    "EngineResult",
    "RetryPolicy",
    "Role",
    "get_chat_model",
    "get_tool_streamer",
    "parse_retry_after",
    "with_fallback",
]


def get_chat_model(
    settings: Settings | None = None, offline: bool = False, quiet: bool = False
) -> ChatModel:
    """The LLM when OPENAI_API_KEY or OPENAI_BASE_URL is set and not offline; else offline.
    `quiet`: no "waiting for the model" notice on stderr (--json and --quiet runs)."""
    settings = settings or get_settings()
    if not _llm_wanted(settings, offline):
        return OfflineEngine()
    from assistant.llm.openai_chat import LangChainChatModel

    if quiet:
        return LangChainChatModel(settings, notice=None)
    return LangChainChatModel(settings)


def get_tool_streamer(
    settings: Settings | None = None, offline: bool = False, quiet: bool = False
) -> ToolStreamer | None:
    """What streams the chat's tool-calling turns: the LLM's, or None (offline quotes).
    `quiet`: no wait notice on stderr (--json runs)."""
    settings = settings or get_settings()
    if not _llm_wanted(settings, offline):
        return None
    from assistant.llm.tool_calling import LangChainToolStreamer

    model = get_chat_model(settings, quiet=quiet)
    return LangChainToolStreamer(model)  # type: ignore[arg-type]


def _llm_wanted(settings: Settings, offline: bool) -> bool:
    return not (offline or settings.offline or not settings.llm_configured)


def __getattr__(name: str) -> Any:
    if name == "LangChainChatModel":
        from assistant.llm.openai_chat import LangChainChatModel

        return LangChainChatModel
    raise AttributeError(name)
