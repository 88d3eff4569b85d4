"""The one retry policy of LLM calls: Retry-After parsing, backoff and the time budget
of one call are pure functions here; `call_with_retries` runs them on tenacity."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TypeVar

from tenacity import RetryCallState, Retrying, retry_if_exception_type

from assistant.errors import FinnewsError, ProviderError

R = TypeVar("R")


def parse_retry_after(headers: Mapping[str, str], now: datetime) -> float | None:
    """Seconds to wait from `retry-after-ms`, or `Retry-After` (seconds or an HTTP date)."""
    lowered = {k.lower(): v for k, v in headers.items()}
    millis = lowered.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000.0)
        except ValueError:
            pass
    value = (lowered.get("retry-after") or "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


@dataclass(frozen=True)
class RetryPolicy:
    """At most `retries` retries; backoff `base * 2**attempt` capped, times a jitter in [0.5, 1).

    A Retry-After is honoured as given unless it exceeds `max_retry_after`, when the
    call gives up instead of hanging.
    """

    retries: int = 3
    base: float = 0.5
    cap: float = 20.0
    max_retry_after: float = 120.0
    random: Callable[[], float] = field(default=random.random, compare=False)

    def backoff(self, attempt: int) -> float:
        """Delay before retry number `attempt + 1` (attempt counts from 0)."""
        return min(self.cap, self.base * 2.0**attempt) * (0.5 + self.random() / 2.0)

    def delay(self, attempt: int, retry_after: float | None) -> float | None:
        """Seconds to sleep before the next try, or None when the policy says stop."""
        if attempt >= self.retries:
            return None
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        return self.backoff(attempt)


# The requests of one call (its retries included) may take this many times
# FINNEWS_LLM_TIMEOUT together; the waits between them follow the RetryPolicy.
BUDGET_FACTOR = 2.0
# A retry is worth making only with at least this share of a full request's time left.
MIN_SHARE = 0.25


@dataclass
class Budget:
    """Time the requests of one call may take: each at most `per_request` seconds, all of
    them together at most `total` (waiting between them is not counted)."""

    per_request: float
    total: float
    spent: float = 0.0

    @classmethod
    def for_timeout(cls, timeout: float) -> Budget:
        return cls(per_request=timeout, total=BUDGET_FACTOR * timeout)

    def next_request(self) -> float | None:
        """Seconds the next request may take, or None when too little is left for one."""
        left = self.total - self.spent
        if self.spent and left < self.per_request * MIN_SHARE:
            return None
        return max(0.0, min(self.per_request, left))

    def charge(self, seconds: float) -> None:
        self.spent += max(0.0, seconds)


class Retryable(Exception):
    """An attempt failed in a way another attempt may fix; `error` says how."""

    def __init__(self, error: FinnewsError, retry_after: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after
        self.decided = False
        self.delay: float | None = None  # before the next attempt; None: give up
        self.why = ""  # why the policy gave up


def call_with_retries(
    call: Callable[[], R],
    policy: RetryPolicy,
    budget: Budget,
    sleep: Callable[[float], None],
) -> R:
    """`call()`, tried again after each `Retryable` while `policy` and `budget` allow.

    Other exceptions pass through at once. Giving up raises a retryable ProviderError
    that says why (attempts spent, a Retry-After longer than we wait, or the budget).
    """

    def decide(state: RetryCallState) -> Retryable:
        """The failed attempt, its next delay (None: give up) and why, decided once."""
        failure = state.outcome.exception() if state.outcome else None
        assert isinstance(failure, Retryable)
        if failure.decided:
            return failure
        failure.decided = True
        attempt = state.attempt_number - 1
        failure.delay = policy.delay(attempt, failure.retry_after)
        if failure.delay is None:
            if failure.retry_after is not None and attempt < policy.retries:
                failure.why = f"it asks to wait {failure.retry_after:.0f} s, longer than we wait"
            else:
                failure.why = f"{attempt + 1} attempts failed"
        elif budget.next_request() is None:
            failure.delay = None
            failure.why = (
                f"{attempt + 1} attempts took {budget.spent:.0f} s, and one call may take "
                f"{budget.total:g} s (twice FINNEWS_LLM_TIMEOUT)"
            )
        return failure

    def stop(state: RetryCallState) -> bool:
        return decide(state).delay is None

    def wait(state: RetryCallState) -> float:
        return decide(state).delay or 0.0

    retrying = Retrying(
        retry=retry_if_exception_type(Retryable),
        stop=stop,
        wait=wait,
        sleep=sleep,
        reraise=True,
    )
    try:
        return retrying(call)
    except Retryable as failure:
        msg = f"{failure.error} Giving up: {failure.why}. Try again later."
        raise ProviderError(msg, retryable=True) from failure.__cause__
