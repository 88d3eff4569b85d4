"""Yahoo Finance adapter (the only module that imports yfinance), behind the price cache.

DataFrames stop here: `frame_to_bars` turns them into `Bar`s at the seam.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

from assistant.deadlines import CallTimedOut, run_with_deadline
from assistant.errors import MarketDataUnavailable, ProviderError
from assistant.market.base import Bar, History, Quote, RatePoint, SeriesPoint
from assistant.market.cache import PriceCache
from assistant.market.snapshot import SnapshotMarketData, normalize_ticker

# Empty answers or errors in a row before we stop asking: yfinance returns an empty
# frame, not an error, when Yahoo cannot be reached.
UNREACHABLE_AFTER = 2

# Seconds one Yahoo request may take in total, unless the caller says (FINNEWS_FETCH_TIMEOUT).
FETCH_TIMEOUT = 30.0

# fetch(ticker, start, end_inclusive) -> a yfinance-shaped pandas DataFrame
Fetch = Callable[[str, date, date], Any]


def yfinance_fetch(ticker: str, start: date, end: date) -> Any:
    """Daily unadjusted bars from Yahoo; yfinance's `end` is exclusive, ours inclusive."""
    import yfinance  # imported here so that offline runs never load it

    logging.getLogger("yfinance").setLevel(logging.CRITICAL)  # we report failures ourselves
    return yfinance.Ticker(ticker).history(
        start=start.isoformat(),
        end=(end + timedelta(days=1)).isoformat(),
        interval="1d",
        auto_adjust=False,
        actions=False,
    )


def _num(value: Any) -> float | None:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


def frame_to_bars(frame: Any) -> list[Bar]:
    """yfinance DataFrame (DatetimeIndex; Open High Low Close [Adj Close] Volume) -> bars.

    Rows with a missing price are dropped; a missing Adj Close falls back to Close.
    """
    if frame is None or len(frame) == 0:
        return []
    missing = [c for c in ("Open", "High", "Low", "Close") if c not in frame.columns]
    if missing:
        raise ProviderError(f"Yahoo returned a frame without {', '.join(missing)} columns")
    has_adj = "Adj Close" in frame.columns
    has_vol = "Volume" in frame.columns
    out: dict[date, Bar] = {}
    for ts, row in frame.iterrows():
        o, h, lo, c = (_num(row[col]) for col in ("Open", "High", "Low", "Close"))
        if o is None or h is None or lo is None or c is None:
            continue
        adj = _num(row["Adj Close"]) if has_adj else None
        vol = _num(row["Volume"]) if has_vol else None
        day = ts.date() if hasattr(ts, "date") else date.fromisoformat(str(ts)[:10])
        out[day] = Bar(
            date=day,
            open=o,
            high=h,
            low=lo,
            close=c,
            adj_close=adj if adj is not None else c,
            volume=int(vol) if vol is not None else 0,
        )
    return [out[d] for d in sorted(out)]


class YahooMarketData:
    """Prices from Yahoo through the cache; Fed, Treasury yields and P/E from the snapshot.

    Each fetch ends within `timeout` seconds in total (yfinance's own timeout bounds
    each of its requests, not the several it may make), else it counts as a failure; the
    abandoned request ends on its own timeout, its answer unused.
    """

    name = "yfinance"

    def __init__(
        self,
        cache: PriceCache,
        fetch: Fetch | None = None,
        snapshot: SnapshotMarketData | None = None,
        today: Callable[[], date] = date.today,
        timeout: float = FETCH_TIMEOUT,
    ) -> None:
        self.cache = cache
        self.timeout = timeout
        self.fetch = fetch or yfinance_fetch
        self.snapshot = snapshot or SnapshotMarketData()
        self.today = today
        self.fetch_count = 0
        self.failures_in_a_row = 0

    def history(self, ticker: str, start: date, end: date) -> History:
        t = normalize_ticker(ticker)
        cached = self.cache.get(t, start, end)
        if cached is not None:
            if not cached.bars:
                raise MarketDataUnavailable(
                    f"Yahoo had no {t} bars between {start} and {end} (cached answer)"
                )
            return cached
        if self.failures_in_a_row >= UNREACHABLE_AFTER:
            raise ProviderError(
                f"Yahoo Finance looks unreachable ({self.failures_in_a_row} failed requests in "
                "a row); not asking again in this run",
                retryable=True,
            )
        self.fetch_count += 1
        try:
            frame = run_with_deadline(
                lambda: self.fetch(t, start, end), self.timeout, name="Yahoo request"
            )
        except CallTimedOut:
            self.failures_in_a_row += 1
            raise ProviderError(
                f"Yahoo Finance did not answer for {t} within {self.timeout:g} s "
                "(FINNEWS_FETCH_TIMEOUT); retry later or use --offline for the bundled snapshot",
                retryable=True,
            ) from None
        except Exception as exc:  # noqa: BLE001 - any vendor failure is a provider error
            self.failures_in_a_row += 1
            raise ProviderError(
                f"Yahoo Finance request for {t} failed ({type(exc).__name__}: {exc}); "
                "retry later or use --offline for the bundled snapshot",
                retryable=True,
            ) from exc
        bars = [b for b in frame_to_bars(frame) if start <= b.date <= end]
        if not bars:
            self.failures_in_a_row += 1
            raise MarketDataUnavailable(
                f"Yahoo returned no {t} bars for {start}..{end} "
                "(unknown ticker, market closed, or Yahoo unreachable)"
            )
        self.failures_in_a_row = 0
        fetched_at = datetime.now(timezone.utc)
        # Only days that are over are final: today's bar may still change.
        covered_end = min(end, self.today() - timedelta(days=1))
        self.cache.put(t, bars, start, covered_end, source=self.name, fetched_at=fetched_at)
        return History(ticker=t, bars=bars, source=self.name, fetched_at=fetched_at)

    def fed_target(self, start: date, end: date) -> list[RatePoint]:
        return self.snapshot.fed_target(start, end)

    def treasury(self, series: str, start: date, end: date) -> list[SeriesPoint]:
        return self.snapshot.treasury(series, start, end)

    def forward_pe(self, ticker: str) -> list[Quote]:
        return self.snapshot.forward_pe(ticker)
