"""Point-in-time access to market data for one verification run."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import overload

from assistant.errors import MarketDataUnavailable
from assistant.market.base import Bar, History, MarketData, RatePoint, SeriesPoint
from assistant.market.metrics import PriceChange, RateChange, target_changes
from assistant.market.symbols import SYMBOLS, Symbol
from assistant.models import Evidence

LOOKBACK_DAYS = 420  # enough for a 52-week peak before the earliest window day

# Index <-> ETF pairs: a number that belongs to one is often printed for the other.
RELATED: dict[str, tuple[str, ...]] = {
    "^RUT": ("IWM",),
    "IWM": ("^RUT",),
    "^GSPC": ("SPY",),
    "SPY": ("^GSPC",),
    "^SML": ("VIOO",),
    "IJR": ("VIOO",),
    "VIOO": ("IJR",),
    "^NDX": ("QQQ",),
    "QQQ": (),
    "^DJI": (),
}


class Lookup:
    """Fetches each series once per run and never returns data after `as_of`."""

    def __init__(self, market: MarketData, as_of: date) -> None:
        self.market = market
        self.as_of = as_of
        self._hist: dict[str, tuple[date, History]] = {}  # per ticker: first day asked, bars
        self._fed: list[RatePoint] | None = None
        self._fed_changes: list[RateChange] | None = None
        self._treasury: dict[str, list[SeriesPoint]] = {}

    @staticmethod
    def data_ticker(ticker: str) -> tuple[str, str | None]:
        """The series to read for a ticker, and the index it stands in for (or None)."""
        sym: Symbol | None = SYMBOLS.get(ticker)
        if sym and sym.proxy:
            return sym.proxy, ticker
        return ticker, None

    def history(self, ticker: str, start: date) -> tuple[History, str, str | None]:
        """Bars of `ticker` (or its proxy) from well before `start` up to as_of."""
        data_ticker, proxy_for = self.data_ticker(ticker)
        begin = start - timedelta(days=LOOKBACK_DAYS)
        held = self._hist.get(data_ticker)
        if held is None or begin < held[0]:  # fetch once, again only to reach further back
            held = (begin, self.market.history(data_ticker, begin, self.as_of))
            self._hist[data_ticker] = held
        hist = held[1]
        if not hist.bars:
            raise MarketDataUnavailable(f"no {data_ticker} bars up to {self.as_of}")
        return hist, data_ticker, proxy_for

    def bars(self, ticker: str, start: date) -> list[Bar]:
        return self.history(ticker, start)[0].bars

    def fed(self) -> list[RatePoint]:
        """Target range points; one extra day so a decision announced on as_of counts."""
        if self._fed is None:
            self._fed = self.market.fed_target(date(2008, 12, 16), self.as_of + timedelta(days=1))
        return self._fed

    def fed_changes(self) -> list[RateChange]:
        """The target range's changes up to as_of (+1 day), oldest first; callers do not
        change the list."""
        if self._fed_changes is None:
            self._fed_changes = target_changes(self.fed())
        return self._fed_changes

    def closes(self, ticker: str, start: date) -> Sequence[SeriesPoint]:
        """The daily closes of `ticker` (as `bars`) read as series points, ascending."""
        return Closes(self.bars(ticker, start))

    def treasury(self, series: str = "DGS10") -> list[SeriesPoint]:
        if series not in self._treasury:
            self._treasury[series] = self.market.treasury(series, date(2000, 1, 1), self.as_of)
        return self._treasury[series]

    def receipt(
        self,
        ticker: str,
        change: PriceChange,
        *,
        tolerance: str = "",
        start: date | None = None,
    ) -> Evidence:
        hist, data_ticker, proxy_for = self.history(ticker, start or change.start_bar.date)
        return Evidence(
            ticker=data_ticker,
            proxy_for=proxy_for,
            source=hist.source,
            fetched_at=hist.fetched_at,
            dates=change.dates,
            fields=change.fields,
            values=change.values,
            formula=change.formula,
            result=round(change.pct, 4),
            tolerance=tolerance,
        )

    def bar_receipt(self, ticker: str, bar: Bar, fld: str, *, tolerance: str = "") -> Evidence:
        hist, data_ticker, proxy_for = self.history(ticker, bar.date)
        return Evidence(
            ticker=data_ticker,
            proxy_for=proxy_for,
            source=hist.source,
            fetched_at=hist.fetched_at,
            dates=[bar.date],
            fields=[fld],
            values=[bar.get(fld)],
            formula=f"{fld} on {bar.date}",
            result=bar.get(fld),
            tolerance=tolerance,
        )


class Closes(Sequence[SeriesPoint]):
    """Bars read as their closes (`SeriesPoint(bar.date, bar.close)`), made on access: a
    yield index's bars since 2000 are thousands, and a check reads a handful."""

    def __init__(self, bars: list[Bar]) -> None:
        self._bars = bars

    def __len__(self) -> int:
        return len(self._bars)

    @overload
    def __getitem__(self, i: int) -> SeriesPoint: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[SeriesPoint]: ...

    def __getitem__(self, i: int | slice) -> SeriesPoint | Sequence[SeriesPoint]:
        if isinstance(i, slice):
            return Closes(self._bars[i])
        bar = self._bars[i]
        return SeriesPoint(bar.date, bar.close)


def label(ticker: str) -> str:
    """A readable name for a ticker in explanations."""
    sym = SYMBOLS.get(ticker)
    if sym and sym.proxy:  # an index read through a fund that tracks it
        return f"{sym.name} (via {sym.proxy})"
    if sym and sym.kind == "index":
        return f"{sym.name} ({ticker})"
    return ticker
