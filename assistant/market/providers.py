"""Choosing a market-data provider: the snapshot offline, Yahoo then snapshot online."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from assistant.config import Settings
from assistant.errors import MarketDataUnavailable, ProviderError
from assistant.market.base import History, MarketData, Quote, RatePoint, SeriesPoint
from assistant.market.cache import PriceCache
from assistant.market.snapshot import SnapshotMarketData

T = TypeVar("T")


class FallbackMarketData:
    """Asks each provider in turn; the History names the one that answered."""

    def __init__(self, providers: Sequence[MarketData]) -> None:
        if not providers:
            raise ValueError("FallbackMarketData needs at least one provider")
        self.providers = list(providers)
        self.name = "+".join(p.name for p in self.providers)

    def _first(self, what: str, call: Callable[[MarketData], T]) -> T:
        reasons: list[str] = []
        for provider in self.providers:
            try:
                return call(provider)
            except (MarketDataUnavailable, ProviderError) as exc:
                reasons.append(f"{provider.name}: {exc}")
        raise MarketDataUnavailable(f"no {what} from any source ({'; '.join(reasons)})")

    def history(self, ticker: str, start: date, end: date) -> History:
        return self._first(f"{ticker} bars", lambda p: p.history(ticker, start, end))

    def fed_target(self, start: date, end: date) -> list[RatePoint]:
        return self._first("Fed funds target", lambda p: p.fed_target(start, end))

    def treasury(self, series: str, start: date, end: date) -> list[SeriesPoint]:
        return self._first(f"{series} yield", lambda p: p.treasury(series, start, end))

    def forward_pe(self, ticker: str) -> list[Quote]:
        return self._first(f"{ticker} forward P/E", lambda p: p.forward_pe(ticker))


def get_market_data(
    settings: Settings,
    offline: bool = False,
    *,
    notify: Callable[[str], None] | None = None,
) -> MarketData:
    """Snapshot when offline (flag or FINNEWS_OFFLINE); else Yahoo with snapshot fallback.

    `notify` hears about a damaged price cache being replaced (default: a notice on
    stderr); each Yahoo request ends within FINNEWS_FETCH_TIMEOUT seconds in total.
    """
    snapshot = SnapshotMarketData()
    if offline or settings.offline:
        return snapshot
    from assistant.lock import say
    from assistant.market.yahoo import YahooMarketData

    cache = PriceCache.in_dir(settings.data_dir, notify=notify or say)
    yahoo = YahooMarketData(cache, snapshot=snapshot, timeout=settings.fetch_timeout)
    return FallbackMarketData([yahoo, snapshot])
