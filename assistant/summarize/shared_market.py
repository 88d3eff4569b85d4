"""One MarketData shared by the summarize workers: a lock per ticker or series.

Calls about the same ticker (or the Fed target, or one Treasury series) wait for each
other, so the first fills the cache and the next reads it, and the cache never sees two
writers for one ticker. Calls about different tickers run at the same time: `--jobs 16`
fetches sixteen tickers at once, not one after another.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from assistant.market.base import History, MarketData, Quote, RatePoint, SeriesPoint

T = TypeVar("T")


class SharedMarketData:
    """`inner` behind one lock per (kind, ticker or series)."""

    def __init__(self, inner: MarketData) -> None:
        self.inner = inner
        self.name = inner.name
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._guard = threading.Lock()  # guards `_locks` only, never held during a call

    def _one_at_a_time(self, key: tuple[str, str], call: Callable[[], T]) -> T:
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            return call()

    def history(self, ticker: str, start: date, end: date) -> History:
        key = ("history", ticker.strip().upper())
        return self._one_at_a_time(key, lambda: self.inner.history(ticker, start, end))

    def fed_target(self, start: date, end: date) -> list[RatePoint]:
        return self._one_at_a_time(("fed", ""), lambda: self.inner.fed_target(start, end))

    def treasury(self, series: str, start: date, end: date) -> list[SeriesPoint]:
        key = ("treasury", series.strip().upper())
        return self._one_at_a_time(key, lambda: self.inner.treasury(series, start, end))

    def forward_pe(self, ticker: str) -> list[Quote]:
        key = ("forward_pe", ticker.strip().upper())
        return self._one_at_a_time(key, lambda: self.inner.forward_pe(ticker))
