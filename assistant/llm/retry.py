"""Retry decisions for LLM calls, as pure functions: Retry-After parsing and backoff."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime


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
