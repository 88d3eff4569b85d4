"""Checks in worker processes: `POST /api/check` on every core.

A check is pure Python from start to end (reading the claims, then the market data), and
one Python process runs Python on one core at a time. `finnews serve` therefore hands
each check to a small pool of worker processes, started (spawned, not forked: the app's
process runs threads) when the app warms up. A worker opens its own market data (as the
settings say) and nothing else: the news index stays with the app's process, its one
owner.

A worker returns the JSON text `finnews check --json` prints, so the app's process only
passes text along. A worker's FinnewsError (a bad date, unreadable input) reaches the
caller as it is; when the pool itself breaks, the caller checks in its own process.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import TYPE_CHECKING

from assistant.config import Settings

if TYPE_CHECKING:
    from assistant.market.base import MarketData

log = logging.getLogger("finnews.serve")

# A short text with a claim: reading it loads the claim reader (no market data is asked).
WARM_UP_TEXT = "The S&P 500 rose 1.2% on Monday."

_market: MarketData | None = None  # each worker's own market data (set by _start)


def _start(settings: Settings, offline: bool) -> None:
    global _market
    from assistant.market.providers import get_market_data

    _market = get_market_data(settings, offline=offline)
    parent = multiprocessing.parent_process()
    if parent is not None:  # an app killed outright leaves no worker behind
        threading.Thread(target=_end_with, args=(parent.sentinel,), daemon=True).start()


def _end_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


def _warm_up() -> None:
    from assistant.claims import extract_claims
    from assistant.serve.api import check_json  # noqa: F401 - what every check imports

    extract_claims(WARM_UP_TEXT, date(2025, 12, 1))


def _check_in_worker(text: str, day: date | None) -> str:
    from assistant.serve.api import check_json

    assert _market is not None, "the worker was not started by CheckPool"
    return check_json(_market, text, day)


class CheckPool:
    """Worker processes that run checks; `close()` ends them."""

    def __init__(self, settings: Settings, *, offline: bool, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(settings, offline),
        )

    def warm_up(self) -> None:
        """Start every worker and load what a check needs, before the first request."""
        if self._pool is None:
            return
        futures = [self._pool.submit(_warm_up) for _ in range(self.workers)]
        for f in futures:
            f.result()

    async def check_json(self, text: str, day: date | None) -> str | None:
        """The JSON of a check, made by a worker; None when the pool is closed or broken
        (the caller then checks in its own process)."""
        pool = self._pool
        if pool is None:
            return None
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(pool, _check_in_worker, text, day)
        except BrokenProcessPool:
            log.warning("the check workers stopped; checks run in the app's process now")
            self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)
            return None

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
