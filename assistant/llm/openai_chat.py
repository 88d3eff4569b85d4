"""LangChain `ChatOpenAI` behind the ChatModel seam: OpenAI or any OpenAI-compatible server.

The only module that imports openai or langchain. Retries are ours (the client's own
are off): 429 honours Retry-After, 5xx / timeouts / dropped connections back off
exponentially with jitter, at most `settings.llm_retries` times.

Deadlines: one request, streamed or not, ends within FINNEWS_LLM_TIMEOUT seconds in
total (a server that drips bytes is cut off), and the requests of one call, retries
included, within `BUDGET_FACTOR` times that. While a call waits longer than a couple of
seconds for its answer, "waiting for the model (12 s)..." shows on stderr.
"""

from __future__ import annotations

import atexit
import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Literal, TypeVar, overload

import httpx
import openai
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from pydantic import BaseModel, SecretStr, ValidationError

from assistant.config import Settings
from assistant.deadlines import DeadlineClient, Wait, WaitNotice
from assistant.errors import ConfigError, FinnewsError, ModelOutputError, ProviderError
from assistant.llm.base import Message
from assistant.llm.errors_text import display_url, scrub, server_message, short
from assistant.llm.retry import Budget, RetryPolicy, parse_retry_after
from assistant.safety import SecretGuard, secrets_of

T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")

OPENAI_URL = "https://api.openai.com/v1"
NO_KEY = "not-needed"  # local servers ignore the key but the client wants one
KEY_HELP = (
    "Set OPENAI_API_KEY to a valid OpenAI key, or OPENAI_BASE_URL to an OpenAI-compatible "
    "server (Ollama, vLLM, llama.cpp, LM Studio), or run with --offline."
)
MODEL_WAIT = WaitNotice("the model")  # on stderr, once a call has waited 2 s
DEFAULT_TIMEOUT = 60.0  # only for a request made outside `request_deadline` (none is)


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


# The deadline of the request being made. A context variable, not a thread-local:
# LangChain runs parts of a structured-output call in worker threads that copy the context.
_request_end: ContextVar[float | None] = ContextVar("finnews_request_end", default=None)


def _request_deadline() -> float:
    end = _request_end.get()
    return end if end is not None else time.monotonic() + DEFAULT_TIMEOUT


@lru_cache(maxsize=1)
def _http_client() -> DeadlineClient:
    """One connection pool for every model in the process, as LangChain keeps its own;
    closed at exit so that no socket is left for the interpreter to find open."""
    client = DeadlineClient(_request_deadline, timeout=DEFAULT_TIMEOUT, follow_redirects=True)
    atexit.register(client.close)
    return client


@dataclass(frozen=True)
class _Failure:
    error: FinnewsError
    retryable: bool
    retry_after: float | None = None
    timed_out: bool = False


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
        notice: WaitNotice | None = MODEL_WAIT,
    ) -> None:
        if not settings.llm_configured:
            raise ConfigError(f"No LLM is configured. {KEY_HELP}")
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        self._secret = key
        self.guard = SecretGuard(secrets_of(settings))  # every text the model sends passes it
        self.name = model or settings.openai_model
        self.endpoint = display_url(settings.openai_base_url or OPENAI_URL)
        self.policy = policy or RetryPolicy(retries=settings.llm_retries)
        self.structured_method = structured_method
        self.timeout = settings.llm_timeout
        self.notice = notice
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
            http_client=_http_client(),
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
            return self.guard.redact(message_text(reply))
        return self.guard.redact_model(self._structured(lc_messages, schema))

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        """Text pieces as they arrive, secrets removed. Retries only before the first piece."""
        return self.guard.stream(self._stream(messages))

    def _stream(self, messages: Sequence[Message]) -> Iterator[str]:
        lc_messages = _to_langchain(messages)
        budget = Budget.for_timeout(self.timeout)
        wait = self.begin_wait()
        try:
            attempt = 0
            while True:
                produced = False
                started = time.monotonic()
                seconds = budget.next_request() or self.timeout
                try:
                    with self.request_deadline(seconds):
                        finish = None
                        for chunk in self._llm.stream(lc_messages):
                            finish = chunk.response_metadata.get("finish_reason") or finish
                            piece = message_text(chunk)
                            if piece:
                                wait.end()
                                produced = True
                                yield piece
                        if finish is None:
                            raise _Truncated()
                        return
                except Exception as exc:  # noqa: BLE001 - classified below
                    budget.charge(time.monotonic() - started)
                    failure = self._classify(exc, seconds)
                    if produced and failure.retryable:
                        raise self.cut_off(failure) from exc
                    self._wait_or_raise(failure, attempt, exc, budget)
                    attempt += 1
        finally:
            wait.end()

    # -- deadlines ------------------------------------------------------------------------
    def begin_wait(self) -> Wait:
        """The stderr notice for one call; `end()` it before printing (silent without one)."""
        return Wait(self.notice)

    @contextmanager
    def request_deadline(self, seconds: float) -> Iterator[None]:
        """Requests made inside the block (in this context) end within `seconds` in total."""
        previous = _request_end.get()
        _request_end.set(time.monotonic() + seconds)
        try:
            yield
        finally:
            _request_end.set(previous)

    def cut_off(self, failure: _Failure) -> ProviderError:
        """The error for a stream that failed after some of its text was shown."""
        if failure.timed_out:
            msg = (
                f"{failure.error} The answer was cut off mid-answer; raise FINNEWS_LLM_TIMEOUT "
                "for a slow model."
            )
        else:
            msg = f"The LLM stream from {self.endpoint} was cut off mid-answer; try again."
        return ProviderError(msg, retryable=True)

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
        budget = Budget.for_timeout(self.timeout)
        wait = self.begin_wait()
        try:
            attempt = 0
            while True:
                started = time.monotonic()
                seconds = budget.next_request() or self.timeout
                try:
                    with self.request_deadline(seconds):
                        return call()
                except Exception as exc:  # noqa: BLE001 - classified below
                    budget.charge(time.monotonic() - started)
                    self._wait_or_raise(self._classify(exc, seconds), attempt, exc, budget)
                    attempt += 1
        finally:
            wait.end()

    def _wait_or_raise(
        self, failure: _Failure, attempt: int, exc: BaseException, budget: Budget
    ) -> None:
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
        if budget.next_request() is None:
            why = (
                f"{attempt + 1} attempts took {budget.spent:.0f} s, and one call may take "
                f"{budget.total:g} s (twice FINNEWS_LLM_TIMEOUT)"
            )
            msg = f"{failure.error} Giving up: {why}. Try again later."
            raise ProviderError(msg, retryable=True) from exc
        self._sleep(delay)

    def _classify(self, exc: BaseException, seconds: float | None = None) -> _Failure:
        where = f"The LLM server at {self.endpoint}"
        if isinstance(exc, (openai.APITimeoutError, httpx.TimeoutException)):
            within = round(seconds if seconds is not None else self.timeout, 1)
            msg = f"{where} did not finish its answer within {within:g} s (FINNEWS_LLM_TIMEOUT)."
            return _Failure(ProviderError(msg), retryable=True, timed_out=True)
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
