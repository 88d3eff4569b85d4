"""LangChain `ChatOpenAI` behind the ChatModel seam: OpenAI or any OpenAI-compatible server.

The only chat module that imports openai or langchain (the other adapters are
`retrieval/embed_openai.py` for embeddings and `retrieval/langchain_retriever.py`, a
retriever for LangChain users; tests/llm/test_seam.py keeps the list). Plain text,
structured output and tool calling all run through one retry loop (`llm/retry.py`,
on tenacity; the client's own retries are off): 429 honours Retry-After, 5xx /
timeouts / dropped connections back off exponentially with jitter, at most
`settings.llm_retries` times; a stream is retried only before its first piece.

Deadlines: one request, streamed or not, ends within FINNEWS_LLM_TIMEOUT seconds in
total (a server that drips bytes is cut off), and the requests of one call, retries
included, within `BUDGET_FACTOR` times that. While a call waits longer than a couple of
seconds for its answer, "waiting for the model (12 s)..." shows on stderr.
"""

from __future__ import annotations

import atexit
import json
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
from langchain_core.messages import AIMessageChunk, BaseMessage, SystemMessage, convert_to_messages
from langchain_core.runnables import Runnable
from langchain_core.utils.function_calling import convert_to_openai_tool
from langchain_openai import ChatOpenAI
from pydantic import BaseModel, SecretStr, ValidationError

from assistant.config import Settings, data_location
from assistant.deadlines import DeadlineClient, Wait, WaitNotice
from assistant.errors import ConfigError, FinnewsError, ModelOutputError, ProviderError
from assistant.llm.base import Message
from assistant.llm.errors_text import display_url, scrub, server_message, short
from assistant.llm.log import Audit, CallLog, log_path
from assistant.llm.retry import Budget, Retryable, RetryPolicy, call_with_retries, parse_retry_after
from assistant.llm.tool_calling import ToolCall, ToolSpec, Turn
from assistant.safety import SecretGuard, secrets_of

T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")
X = TypeVar("X")
_END = object()  # an iterator that ended before its first item

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
    """A ChatModel over `langchain_openai.ChatOpenAI`; it also calls tools (`stream_tools`)."""

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
        self.log: CallLog | None = CallLog(log_path(data_location(settings)))
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
        audit = self._audit("complete" if schema is None else "structured", _dicts(messages))
        wait = self.begin_wait()
        try:
            if schema is None:
                reply = self._retried(lambda _: self._llm.invoke(lc_messages))
                audit.usage(getattr(reply, "usage_metadata", None))
                text = self.guard.redact(message_text(reply))
                audit.done(text)
                return text
            out = self._structured(lc_messages, schema)
        except FinnewsError as exc:
            audit.done("", exc)
            raise
        finally:
            wait.end()
        raw = out.get("raw") if isinstance(out, dict) else None
        audit.usage(getattr(raw, "usage_metadata", None))
        try:
            parsed = parsed_output(schema, out)
        except ModelOutputError as exc:
            audit.done(message_text(raw or ""), exc)
            raise
        audit.done(message_text(raw or ""))
        return self.guard.redact_model(parsed)

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        """Text pieces as they arrive, secrets removed. Retries only before the first piece."""
        lc_messages = _to_langchain(messages)
        audit = self._audit("stream", _dicts(messages))
        pieces = self._streamed(lambda: self._text_pieces(lc_messages, audit))
        return audit.watch(self.guard.stream(pieces))

    def stream_tools(
        self, turns: Sequence[Turn], tools: Sequence[ToolSpec]
    ) -> Iterator[str | ToolCall]:
        """One turn of a tool-calling conversation: text pieces, then the calls it asks for.

        Each tool's JSON schema comes from its typed function (`convert_to_openai_tool`)."""
        lc_messages = convert_to_messages([t.as_dict() for t in turns])
        specs = [convert_to_openai_tool(t.function) for t in tools]
        runnable = self._llm.bind_tools(specs) if specs else self._llm
        audit = self._audit("tools", [t.as_dict() for t in turns])
        pieces = self._streamed(lambda: self._tool_pieces(runnable, lc_messages, audit))
        return audit.watch(self.guard.stream(pieces), _said)

    def _audit(self, kind: str, messages: list[dict[str, Any]]) -> Audit:
        return Audit(
            self.log, self.guard, model=self.name, endpoint=self.endpoint, kind=kind,
            messages=messages,
        )  # fmt: skip

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
    def _structured(self, lc_messages: list[BaseMessage], schema: type[BaseModel]) -> Any:
        """The output of `with_structured_output(include_raw=True)`: raw, parsed, error."""
        runnable: Runnable[Any, Any]
        if self.structured_method == "json_mode":
            hint = "Answer with one JSON object that follows this JSON schema:\n"
            hint += json.dumps(schema.model_json_schema())
            lc_messages = [*lc_messages, SystemMessage(content=hint)]
            runnable = self._llm.with_structured_output(
                schema, method="json_mode", include_raw=True
            )
        else:
            # a dict spec, so that strict stays off (our schemas have defaults) and a
            # fenced JSON answer still parses; the parsed dict is validated below
            spec = {"name": schema.__name__, "schema": schema.model_json_schema(), "strict": False}
            runnable = self._llm.with_structured_output(
                spec, method="json_schema", include_raw=True
            )
        return self._retried(lambda _: runnable.invoke(lc_messages))

    # -- the one retry loop -----------------------------------------------------------------
    def _retried(self, call: Callable[[float], R]) -> R:
        """`call(seconds)` under the retry policy; each attempt's requests end within
        `seconds`, and all attempts together within the call's budget."""
        budget = Budget.for_timeout(self.timeout)

        def attempt() -> R:
            seconds = budget.next_request() or self.timeout
            started = time.monotonic()
            try:
                with self.request_deadline(seconds):
                    return call(seconds)
            except Exception as exc:  # noqa: BLE001 - classified below
                budget.charge(time.monotonic() - started)
                failure = self._classify(exc, seconds)
                if failure.retryable:
                    raise Retryable(failure.error, failure.retry_after) from exc
                raise failure.error from exc

        return call_with_retries(attempt, self.policy, budget, self._sleep)

    def _streamed(self, start: Callable[[], Iterator[X]]) -> Iterator[X]:
        """The items of `start()`; attempts are retried until the first item arrives,
        a failure after it ends the stream with a `cut_off` error."""
        wait = self.begin_wait()

        def opened(seconds: float) -> tuple[Iterator[X], object, float]:
            items = start()
            return items, next(items, _END), seconds

        items: Iterator[X] | None = None
        try:
            items, first, seconds = self._retried(opened)
            if first is _END:
                return
            wait.end()
            yield first  # type: ignore[misc]
            try:
                yield from items
            except Exception as exc:  # noqa: BLE001 - classified below
                failure = self._classify(exc, seconds)
                raise (self.cut_off(failure) if failure.retryable else failure.error) from exc
        finally:
            wait.end()
            close = getattr(items, "close", None)
            if close is not None:
                close()

    def _text_pieces(self, lc_messages: list[BaseMessage], audit: Audit) -> Iterator[str]:
        finish = None
        for chunk in self._llm.stream(lc_messages):
            audit.usage(getattr(chunk, "usage_metadata", None))
            finish = chunk.response_metadata.get("finish_reason") or finish
            piece = message_text(chunk)
            if piece:
                yield piece
        if finish is None:
            raise _Truncated()

    def _tool_pieces(
        self, runnable: Runnable[Any, Any], lc_messages: list[BaseMessage], audit: Audit
    ) -> Iterator[str | ToolCall]:
        total: AIMessageChunk | None = None
        finish = None
        for chunk in runnable.stream(lc_messages):
            if not isinstance(chunk, AIMessageChunk):
                continue
            audit.usage(chunk.usage_metadata)
            total = chunk if total is None else total + chunk
            finish = chunk.response_metadata.get("finish_reason") or finish
            piece = message_text(chunk)
            if piece:
                yield piece
        if finish is None:
            raise _Truncated()
        if total is not None and total.invalid_tool_calls:
            bad = total.invalid_tool_calls[0]
            raise ModelOutputError(
                f"The model called tool {bad.get('name')!r} with arguments that are not "
                f"valid JSON: {str(bad.get('args'))[:120]}"
            )
        for n, call in enumerate(total.tool_calls if total is not None else []):
            yield ToolCall(call.get("id") or f"call_{n}", call["name"], dict(call["args"]))

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


def parsed_output(schema: type[T], out: Any) -> T:
    """The `parsed` answer of `with_structured_output(include_raw=True)` as `schema`,
    or a ModelOutputError that says where it does not fit."""
    parsed = out.get("parsed") if isinstance(out, dict) else out
    error = out.get("parsing_error") if isinstance(out, dict) else None
    if error is None and isinstance(parsed, schema):
        return parsed
    cause = error if isinstance(error, ValidationError) else getattr(error, "__cause__", None)
    try:
        if isinstance(cause, ValidationError):
            raise cause
        if error is not None or not isinstance(parsed, dict):
            msg = f"The model's answer does not fit {schema.__name__} (it is not a JSON object)."
            raise ModelOutputError(msg) from error
        return schema.model_validate(parsed)
    except ValidationError as exc:
        errors = exc.errors()
        where = ".".join(str(p) for p in errors[0]["loc"]) if errors else ""
        what = errors[0]["msg"] if errors else "invalid"
        msg = (
            f"The model's answer does not fit {schema.__name__} ({exc.error_count()} errors; "
            f"{where or 'the answer'}: {what})."
        )
        raise ModelOutputError(msg) from exc


def _dicts(messages: Sequence[Message]) -> list[dict[str, Any]]:
    return [{"role": m.role, "content": m.content} for m in messages]


def _to_langchain(messages: Sequence[Message]) -> list[BaseMessage]:
    return convert_to_messages(_dicts(messages))


def _said(item: str | ToolCall) -> str:
    """A streamed item as the log keeps it."""
    if isinstance(item, str):
        return item
    return f"\n[tool call {item.name} {json.dumps(item.arguments, ensure_ascii=False)}]"


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
