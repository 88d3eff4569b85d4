"""Summarize workers fetch different tickers at the same time (a lock per ticker), and
the same ticker one call at a time (so the cache fills once)."""

from __future__ import annotations

import threading
from datetime import date

from assistant.config import Settings
from assistant.llm import OfflineEngine
from assistant.market.base import History
from assistant.market.snapshot import SnapshotMarketData
from assistant.summarize import SharedMarketData, summarize_articles
from tests.analyze.test_summarize import TICKERS, make_articles

WAIT = 10.0  # seconds a fetch waits for the others before giving up


class SlowFetcher(SnapshotMarketData):
    """Snapshot bars, but each history call waits until `expect` calls are in flight (or
    WAIT passes), and the most calls ever in flight at once are counted."""

    def __init__(self, expect: int, wait: float = WAIT) -> None:
        super().__init__()
        self.expect = expect
        self.wait = wait
        self.active = 0
        self.most = 0
        self._lock = threading.Lock()
        self._all_in = threading.Event()

    def history(self, ticker: str, start: date, end: date) -> History:
        with self._lock:
            self.active += 1
            self.most = max(self.most, self.active)
            if self.active >= self.expect:
                self._all_in.set()
        try:
            self._all_in.wait(self.wait)
            return super().history(ticker, start, end)
        finally:
            with self._lock:
                self.active -= 1


def test_distinct_tickers_are_fetched_at_the_same_time() -> None:
    """Before: LockedMarketData held one lock for every call, so at most 1 was in flight."""
    fetcher = SlowFetcher(expect=len(TICKERS))
    report = summarize_articles(
        make_articles(len(TICKERS)), settings=Settings(), market=fetcher,
        model=OfflineEngine(), jobs=len(TICKERS),
    )  # fmt: skip
    assert (report.summarized, report.failed) == (4, 0)
    assert fetcher.most == 4


def test_one_ticker_is_fetched_one_call_at_a_time() -> None:
    fetcher = SlowFetcher(expect=2, wait=0.5)  # the first call waits for a second one
    shared = SharedMarketData(fetcher)
    threads = [
        threading.Thread(target=shared.history, args=(name, date(2025, 11, 3), date(2025, 11, 28)))
        for name in ("IWM", "iwm", "IWM ", "IWM")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fetcher.most == 1
