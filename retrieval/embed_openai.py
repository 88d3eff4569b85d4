"""OpenAI (or OpenAI-compatible) embeddings behind the Embedder seam.

Retry policy: timeouts, connection errors, 408, 409, 429 and 5xx answers are tried
again up to FINNEWS_LLM_RETRIES times, honouring Retry-After, by the LLM calls' policy
and time budget (assistant/llm/retry.py): each request ends within FINNEWS_LLM_TIMEOUT
seconds in total however the server drips, and the requests for one batch, retries
included, within twice that. What still fails becomes one FinnewsError that names the
fix and never holds the API key.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.errors import ConfigError, FinnewsError, ProviderError
from assistant.llm.errors_text import display_url, scrub, server_message, short
from assistant.llm.retry import Budget, RetryPolicy, parse_retry_after

if TYPE_CHECKING:
    from assistant.config import Settings

OPENAI_URL = "https://api.openai.com/v1"
KNOWN_DIMS = {"text-embedding-3-small": 1536, "text-embedding-3-large": 3072}


class OpenAIEmbedder:
    """Embeddings from the OpenAI API; the dimension is learned from the first answer."""

    def __init__(
        self,
        settings: Settings,
        *,
        batch_size: int = 256,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if settings.offline:
            raise ConfigError(
                "FINNEWS_EMBEDDER=openai needs the network; unset it or drop --offline"
            )
        if not settings.llm_configured:
            raise ConfigError(
                "FINNEWS_EMBEDDER=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL) to be set"
            )
        import openai

        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "none"
        self._secret = key if settings.openai_api_key else ""
        self._client_options: dict[str, Any] = {
            "api_key": key,
            "base_url": settings.openai_base_url,
            "timeout": settings.llm_timeout,
            "max_retries": 0,  # retried here, under one budget (see `_create`)
        }
        self._errors = (openai.OpenAIError, ValueError)
        self._timeout = settings.llm_timeout
        self._policy = policy or RetryPolicy(retries=settings.llm_retries)
        self._sleep = sleep
        self.endpoint = display_url(settings.openai_base_url or OPENAI_URL)
        self.model = settings.openai_embedding_model
        self.name = f"openai:{self.model}"
        # Another server may serve the same model name with other dimensions.
        self.dim = 0 if settings.openai_base_url else KNOWN_DIMS.get(self.model, 0)
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import openai

        from assistant.deadlines import DeadlineClient

        rows: list[list[float]] = []
        request_end = [0.0]  # when the request being made must be over (set by `_create`)
        # A client per call: its connections are closed when the call ends.
        with DeadlineClient(lambda: request_end[0], timeout=self._timeout) as http:
            # openai takes an httpx client too (its own stack is httpx2)
            options = {**self._client_options, "http_client": http}
            with openai.OpenAI(**options) as client:
                for lo in range(0, len(texts), self.batch_size):
                    batch = texts[lo : lo + self.batch_size]
                    rows.extend(self._embed_batch(client, batch, request_end))
        if not rows:
            return np.zeros((0, self.dim), dtype=np.float32)
        if len({len(r) for r in rows}) > 1:
            raise ProviderError(
                f"the embeddings server at {self.endpoint} answered vectors of different "
                "lengths; check OPENAI_BASE_URL and FINNEWS_EMBEDDING_MODEL"
            )
        out = np.asarray(rows, dtype=np.float32)
        self.dim = int(out.shape[1])
        out /= np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)
        return out

    def _embed_batch(
        self, client: Any, texts: Sequence[str], request_end: list[float]
    ) -> list[list[float]]:
        batch = [t or " " for t in texts]
        answer = self._create(client, batch, request_end)
        got = [item.embedding for item in sorted(answer.data, key=lambda d: d.index)]
        if len(got) != len(batch):
            raise ProviderError(
                f"the embeddings server at {self.endpoint} answered {len(got)} vectors "
                f"for {len(batch)} texts; check OPENAI_BASE_URL"
            )
        return got

    def _create(self, client: Any, batch: list[str], request_end: list[float]) -> Any:
        """The server's answer for one batch, tried again while the policy and the budget
        allow: each request within FINNEWS_LLM_TIMEOUT, all of them within twice that."""
        budget = Budget.for_timeout(self._timeout)
        retries = 0
        while True:
            started = time.monotonic()
            request_end[0] = started + (budget.next_request() or self._timeout)
            try:
                return client.embeddings.create(model=self.model, input=batch)
            except self._errors as exc:
                budget.charge(time.monotonic() - started)
                after = _retry_after(exc)
                delay = self._policy.delay(retries, after)
                why = _why_not_again(retries, after, delay, self._policy, budget)
                error = self._error(exc, why or "")
                retryable = isinstance(error, ProviderError) and error.retryable
                if delay is None or why is not None or not retryable:
                    raise error from None
            self._sleep(delay)
            retries += 1

    def _error(self, exc: Exception, retried: str) -> FinnewsError:
        """One clear error for what the client raised; `retried` says why it was not
        tried again (for the errors worth trying again)."""
        import openai

        where = f"the embeddings server at {self.endpoint}"
        if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
            return ConfigError(
                f"{where} rejected the API key (HTTP {exc.status_code}); "
                "set OPENAI_API_KEY to a valid key"
            )
        if isinstance(exc, openai.NotFoundError):
            return ConfigError(
                f"{where} does not serve embedding model {self.model!r} (HTTP 404); set "
                "FINNEWS_EMBEDDING_MODEL to a model it serves, or check OPENAI_BASE_URL"
            )
        if isinstance(exc, openai.RateLimitError):
            return ProviderError(
                f"{where} is rate limiting us (HTTP 429); {retried}; wait and run it again",
                retryable=True,
            )
        if isinstance(exc, openai.APIStatusError):
            code = exc.status_code
            if code in (408, 409) or code >= 500:
                return ProviderError(
                    f"{where} failed (HTTP {code}); {retried}; try again later", retryable=True
                )
            detail = scrub(short(server_message(exc)), self._secret)
            return ProviderError(f"{where} refused the request (HTTP {code}): {detail}")
        if isinstance(exc, openai.APITimeoutError):
            return ProviderError(
                f"{where} did not answer within {self._timeout:g} s (FINNEWS_LLM_TIMEOUT); "
                f"{retried}",
                retryable=True,
            )
        if isinstance(exc, openai.APIConnectionError):
            return ProviderError(
                f"cannot reach {where}; {retried}; check OPENAI_BASE_URL", retryable=True
            )
        detail = scrub(short(str(exc) or type(exc).__name__), self._secret)
        return ProviderError(f"{where} sent an answer that is not valid embeddings: {detail}")


def _retry_after(exc: Exception) -> float | None:
    """The wait an error answer asks for (Retry-After), if any."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    return parse_retry_after(headers, datetime.now(timezone.utc)) if headers else None


def _why_not_again(
    retries: int, after: float | None, delay: float | None, policy: RetryPolicy, budget: Budget
) -> str | None:
    """Why a failed request is not tried again (None: it is, after `delay` seconds)."""
    if delay is None and after is not None and retries < policy.retries:
        return f"gave up: it asks to wait {after:.0f} s, longer than we wait"
    if delay is None:
        return f"gave up after {retries} retries (FINNEWS_LLM_RETRIES)"
    if budget.next_request() is None:
        return (
            f"gave up after {retries} retries: they took {budget.spent:.0f} s, and one batch "
            f"may take {budget.total:g} s (twice FINNEWS_LLM_TIMEOUT)"
        )
    return None
