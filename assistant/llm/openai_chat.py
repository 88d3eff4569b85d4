"""LangChain `ChatOpenAI` behind the ChatModel seam: OpenAI or any OpenAI-compatible server.

The only module that imports openai or langchain. Retries are ours (the client's own
are off): 429 honours Retry-After, 5xx / timeouts / dropped connections back off
exponentially with jitter, at most `settings.llm_retries` times.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal, TypeVar, overload

import httpx
import openai
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from pydantic import BaseModel, SecretStr, ValidationError

from assistant.config import Settings
from assistant.errors import ConfigError, FinnewsError, ModelOutputError, ProviderError
from assistant.llm.base import Message
from assistant.llm.errors_text import display_url, scrub, server_message, short
from assistant.llm.retry import RetryPolicy, parse_retry_after

T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")

OPENAI_URL = "https://api.openai.com/v1"
NO_KEY = "not-needed"  # local servers ignore the key but the client wants one
KEY_HELP = (
    "Set OPENAI_API_KEY to a valid OpenAI key, or OPENAI_BASE_URL to an OpenAI-compatible "
    "server (Ollama, vLLM, llama.cpp, LM Studio), or run with --offline."
)


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class _Failure:
    error: FinnewsError
    retryable: bool
    retry_after: float | None = None


class _Truncated(Exception):
    """The stream ended without a finish reason."""


class LangChainChatModel:
    """A ChatModel over `langchain_openai.ChatOpenAI`."""

    is_offline = False

    def __init__(
        self,
        settings: Settings,
        *,
        model: str | None = None,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], datetime] = _utcnow,
        structured_method: Literal["json_schema", "json_mode"] = "json_schema",
        temperature: float | None = 0.0,
    ) -> None:
        if not settings.llm_configured:
            raise ConfigError(f"No LLM is configured. {KEY_HELP}")
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        self._secret = key
        self.name = model or settings.openai_model
        self.endpoint = display_url(settings.openai_base_url or OPENAI_URL)
        self.policy = policy or RetryPolicy(retries=settings.llm_retries)
        self.structured_method = structured_method
        self._sleep = sleep
        self._now = now
        self._llm = ChatOpenAI(
            model=self.name,
            api_key=SecretStr(key or NO_KEY),
            base_url=settings.openai_base_url,
            timeout=settings.llm_timeout,
            max_retries=0,
            temperature=temperature,
            use_responses_api=False,
        )

    # -- the seam -----------------------------------------------------------------------
    @overload
    def complete(self, messages: Sequence[Message], *, schema: None = None) -> str: ...

    @overload
    def complete(self, messages: Sequence[Message], *, schema: type[T]) -> T: ...

    def complete(self, messages: Sequence[Message], *, schema: type[T] | None = None) -> str | T:
        """One answer; with `schema`, the answer parsed and validated as that model."""
        lc_messages = _to_langchain(messages)
        if schema is None:
            reply = self._with_retries(lambda: self._llm.invoke(lc_messages))
            return message_text(reply)
        return self._structured(lc_messages, schema)

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        """Text pieces as they arrive. Retries only before the first piece."""
        lc_messages = _to_langchain(messages)
        attempt = 0
        while True:
            produced = False
            try:
                finish = None
                for chunk in self._llm.stream(lc_messages):
                    finish = chunk.response_metadata.get("finish_reason") or finish
                    piece = message_text(chunk)
                    if piece:
                        produced = True
                        yield piece
                if finish is None:
                    raise _Truncated()
                return
            except Exception as exc:  # noqa: BLE001 - classified below
                failure = self._classify(exc)
                if produced and failure.retryable:
                    msg = f"The LLM stream from {self.endpoint} was cut off mid-answer; try again."
                    raise ProviderError(msg, retryable=True) from exc
                self._wait_or_raise(failure, attempt, exc)
                attempt += 1

    # -- structured output ----------------------------------------------------------------
    def _structured(self, lc_messages: list[BaseMessage], schema: type[T]) -> T:
        if self.structured_method == "json_mode":
            hint = "Answer with one JSON object that follows this JSON schema:\n"
            hint += json.dumps(schema.model_json_schema())
            lc_messages = [*lc_messages, SystemMessage(content=hint)]
            runnable = self._llm.with_structured_output(
                schema, method="json_mode", include_raw=True
            )
        else:
            spec = {"name": schema.__name__, "schema": schema.model_json_schema(), "strict": False}
            runnable = self._llm.with_structured_output(
                spec, method="json_schema", include_raw=True
            )
        out = self._with_retries(lambda: runnable.invoke(lc_messages))
        raw = out["raw"] if isinstance(out, dict) else out
        return validate_output(schema, message_text(raw))

    # -- retries ----------------------------------------------------------------------------
    def _with_retries(self, call: Callable[[], R]) -> R:
        attempt = 0
        while True:
            try:
                return call()
            except Exception as exc:  # noqa: BLE001 - classified below
                self._wait_or_raise(self._classify(exc), attempt, exc)
                attempt += 1

    def _wait_or_raise(self, failure: _Failure, attempt: int, exc: BaseException) -> None:
        if not failure.retryable:
            raise failure.error from exc
        delay = self.policy.delay(attempt, failure.retry_after)
        if delay is None:
            if failure.retry_after is not None and attempt < self.policy.retries:
                why = f"it asks to wait {failure.retry_after:.0f} s, longer than we wait"
            else:
                why = f"{attempt + 1} attempts failed"
            msg = f"{failure.error} Giving up: {why}. Try again later."
            raise ProviderError(msg, retryable=True) from exc
        self._sleep(delay)

    def _classify(self, exc: BaseException) -> _Failure:
        where = f"The LLM server at {self.endpoint}"
        if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
            msg = f"{where} rejected the credentials (HTTP {exc.status_code}). {KEY_HELP}"
            return _Failure(ConfigError(msg), retryable=False)
        if isinstance(exc, openai.NotFoundError):
            msg = (
                f"{where} does not serve model {self.name!r} (HTTP 404). Set FINNEWS_MODEL to "
                "a model it serves, or check OPENAI_BASE_URL (it usually ends in /v1)."
            )
            return _Failure(ConfigError(msg), retryable=False)
        if isinstance(exc, openai.RateLimitError):
            retry_after = parse_retry_after(dict(exc.response.headers), self._now())
            error = ProviderError(f"{where} is rate limiting us (HTTP 429).")
            return _Failure(error, retryable=True, retry_after=retry_after)
        if isinstance(exc, openai.APIStatusError):
            code = exc.status_code
            if code in (408, 409) or code >= 500:
                return _Failure(ProviderError(f"{where} failed (HTTP {code})."), retryable=True)
            detail = scrub(short(server_message(exc)), self._secret)
            msg = f"{where} refused the request (HTTP {code}): {detail}"
            return _Failure(ProviderError(msg), retryable=False)
        if isinstance(exc, openai.APITimeoutError):
            return _Failure(ProviderError(f"{where} did not answer in time."), retryable=True)
        if isinstance(exc, (openai.APIConnectionError, httpx.TransportError)):
            return _Failure(
                ProviderError(f"Could not reach the LLM server at {self.endpoint}."), retryable=True
            )
        if isinstance(exc, _Truncated):
            return _Failure(ProviderError(f"{where} ended its stream early."), retryable=True)
        if isinstance(exc, (openai.APIResponseValidationError, ValueError)):
            detail = scrub(short(str(exc)), self._secret)
            msg = f"{where} sent a response that is not valid JSON: {detail}"
            return _Failure(ModelOutputError(msg), retryable=False)
        raise exc


def validate_output(schema: type[T], text: str) -> T:
    """Parse a model's JSON answer (code fences allowed) into `schema`, or ModelOutputError."""
    body = text.strip()
    fenced = re.match(r"^```(?:json)?\s*(.*?)\s*```$", body, re.DOTALL)
    if fenced:
        body = fenced.group(1)
    try:
        return schema.model_validate_json(body)
    except ValidationError as exc:
        errors = exc.errors()
        where = ".".join(str(p) for p in errors[0]["loc"]) if errors else ""
        what = errors[0]["msg"] if errors else "invalid"
        msg = (
            f"The model's answer does not fit {schema.__name__} ({exc.error_count()} errors; "
            f"{where or 'the answer'}: {what})."
        )
        raise ModelOutputError(msg) from exc


def _to_langchain(messages: Sequence[Message]) -> list[BaseMessage]:
    kinds: dict[str, type[BaseMessage]] = {
        "system": SystemMessage,
        "user": HumanMessage,
        "assistant": AIMessage,
    }
    return [kinds[m.role](content=m.content) for m in messages]


def message_text(message: Any) -> str:
    """The text of a LangChain message or chunk (string or content blocks)."""
    content = getattr(message, "content", message)
    if isinstance(content, str):
        return content
    parts = []
    for block in content or []:
        if isinstance(block, str):
            parts.append(block)
        elif isinstance(block, dict) and block.get("type") == "text":
            parts.append(str(block.get("text", "")))
    return "".join(parts)
