"""The MarketData seam. Vendor frames never cross it: only these records do."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

PRICE_FIELDS = ("open", "high", "low", "close", "adj_close")


@dataclass(frozen=True)
class Bar:
    date: date
    open: float
    high: float
    low: float
    close: float
    adj_close: float
    volume: int = 0

    def get(self, name: str) -> float:
        if name not in PRICE_FIELDS:
            raise ValueError(f"unknown price field {name!r}")
        return float(getattr(self, name))


@dataclass(frozen=True)
class History:
    """Daily bars of one ticker, ascending by date, and where they came from."""

    ticker: str
    bars: list[Bar]
    source: str  # "snapshot", "yfinance", "cache"
    fetched_at: datetime | None = None

    def __bool__(self) -> bool:
        return bool(self.bars)


@dataclass(frozen=True)
class RatePoint:
    """Fed funds target range on one calendar day (FRED effective dates)."""

    date: date
    lower: float
    upper: float


@dataclass(frozen=True)
class SeriesPoint:
    date: date
    value: float


@dataclass
class Quote:
    """A quoted fundamental figure (e.g. forward P/E) with its source."""

    ticker: str
    as_of: date
    value: float
    name: str
    source: str
    extra: dict[str, str] = field(default_factory=dict)


class MarketData(Protocol):
    """What the verification engine needs. Raise MarketDataUnavailable when empty."""

    name: str

    def history(self, ticker: str, start: date, end: date) -> History:
        """Daily bars with start <= date <= end (inclusive)."""
        ...

    def fed_target(self, start: date, end: date) -> list[RatePoint]:
        """Daily Fed funds target range, effective dates, inclusive window."""
        ...

    def treasury(self, series: str, start: date, end: date) -> list[SeriesPoint]:
        """Daily Treasury yield in percent of a FRED series: DGS2, DGS10 or DGS30."""
        ...

    def forward_pe(self, ticker: str) -> list[Quote]:
        """Quoted forward P/E figures for an index, oldest first."""
        ...
