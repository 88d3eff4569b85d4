"""Which market-data source served a run, and why an earlier one did not.

    data, log = traced(market)      # use `data` in place of `market`
    ...
    print(log.message())            # "Market data: the bundled snapshot for IWM, QQQ ..."

Online, finnews asks Yahoo Finance first and falls back to the bundled snapshot; the
fallback is silent by design (a report still gets written), so the caller says once,
at the end, where the prices came from.
"""

from __future__ import annotations

from datetime import date

from assistant.errors import MarketDataUnavailable, ProviderError
from assistant.market.base import History, MarketData, Quote, RatePoint, SeriesPoint
from assistant.market.providers import FallbackMarketData

SOURCE_NAMES = {
    "yfinance": "Yahoo Finance",
    "cache": "the local cache of Yahoo Finance prices",
    "snapshot": "the bundled snapshot",
}


class SourceLog:
    """Price series served, by source, and the first failure of each provider that failed."""

    def __init__(self) -> None:
        self.served: dict[str, list[str]] = {}
        self.failures: dict[str, str] = {}

    def record(self, history: History) -> None:
        tickers = self.served.setdefault(history.source, [])
        if history.ticker not in tickers:
            tickers.append(history.ticker)

    def fail(self, provider: str, reason: str) -> None:
        self.failures.setdefault(provider, reason)

    def message(self) -> str | None:
        """One line: which source served which prices and, after a fallback, why."""
        if not self.served:
            return None
        parts = [
            f"{SOURCE_NAMES.get(source, source)} for {', '.join(tickers)}"
            for source, tickers in self.served.items()
        ]
        line = "Market data: " + "; ".join(parts)
        fell_back = (
            [p for p in self.failures if p != "snapshot"] if "snapshot" in self.served else []
        )
        if fell_back:
            why = "; ".join(self.failures[p] for p in fell_back)
            line += f". The snapshot served because {why.rstrip('.')}"
        return line + "."


class _Recorded:
    """A provider whose answers and failures go to a SourceLog."""

    def __init__(self, inner: MarketData, log: SourceLog) -> None:
        self.inner = inner
        self.name = inner.name
        self.log = log

    def history(self, ticker: str, start: date, end: date) -> History:
        try:
            history = self.inner.history(ticker, start, end)
        except (MarketDataUnavailable, ProviderError) as exc:
            self.log.fail(self.name, str(exc))
            raise
        self.log.record(history)
        return history

    def fed_target(self, start: date, end: date) -> list[RatePoint]:
        return self.inner.fed_target(start, end)

    def treasury(self, series: str, start: date, end: date) -> list[SeriesPoint]:
        return self.inner.treasury(series, start, end)

    def forward_pe(self, ticker: str) -> list[Quote]:
        return self.inner.forward_pe(ticker)


def traced(market: MarketData) -> tuple[MarketData, SourceLog]:
    """`market` with every provider's price answers and failures logged."""
    log = SourceLog()
    if isinstance(market, FallbackMarketData):
        return FallbackMarketData([_Recorded(p, log) for p in market.providers]), log
    return _Recorded(market, log), log
