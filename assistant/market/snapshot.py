"""The bundled market-data snapshot: a real provider over CSV files, and the offline default."""

from __future__ import annotations

import bisect
import csv
from datetime import date
from pathlib import Path

from assistant.errors import MarketDataUnavailable
from assistant.market.base import Bar, History, Quote, RatePoint, SeriesPoint

SNAPSHOT_DIR = Path(__file__).resolve().parent / "snapshot"
FED_FILE = "fed_funds_target.csv"
FORWARD_PE_FILE = "forward_pe.csv"
# FRED constant-maturity Treasury yields: series id -> what it is
TREASURY_SERIES = {
    "DGS2": "2-year Treasury yield",
    "DGS10": "10-year Treasury yield",
    "DGS30": "30-year Treasury yield",
}
CALENDAR_FILE = "nyse_calendar.csv"
_NOT_PRICES = {FED_FILE, FORWARD_PE_FILE, CALENDAR_FILE} | {f"{s}.csv" for s in TREASURY_SERIES}


def normalize_ticker(ticker: str) -> str:
    """`$ijr` -> `IJR`; index tickers keep their caret."""
    return ticker.strip().lstrip("$").upper()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _window(items: list, start: date, end: date) -> list:
    """Items (with a .date, ascending) with start <= date <= end."""
    lo = bisect.bisect_left(items, start, key=lambda x: x.date)
    hi = bisect.bisect_right(items, end, key=lambda x: x.date)
    return items[lo:hi]


class SnapshotMarketData:
    """Reads `assistant/market/snapshot/*.csv` lazily and keeps each file in memory."""

    name = "snapshot"

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory else SNAPSHOT_DIR
        self._bars: dict[str, list[Bar]] = {}
        self._fed: list[RatePoint] | None = None
        self._treasury: dict[str, list[SeriesPoint]] = {}
        self._forward_pe: list[dict[str, str]] | None = None

    # -- prices ---------------------------------------------------------------
    def tickers(self) -> list[str]:
        """Tickers with a price file, sorted."""
        return sorted(p.stem for p in self.directory.glob("*.csv") if p.name not in _NOT_PRICES)

    def bars(self, ticker: str) -> list[Bar]:
        """Every bar of one ticker, ascending (cached after the first read)."""
        t = normalize_ticker(ticker)
        if t in self._bars:
            return self._bars[t]
        path = self.directory / f"{t}.csv"
        if t == "" or path.name in _NOT_PRICES or not path.is_file():
            held = ", ".join(self.tickers())
            raise MarketDataUnavailable(
                f"no bars for {t or repr(ticker)} in the bundled snapshot (it holds {held}); "
                "run online (without --offline / FINNEWS_OFFLINE) to fetch it from Yahoo"
            )
        bars = [
            Bar(
                date=date.fromisoformat(r["date"]),
                open=float(r["open"]),
                high=float(r["high"]),
                low=float(r["low"]),
                close=float(r["close"]),
                adj_close=float(r["adj_close"] or r["close"]),
                volume=int(float(r["volume"] or 0)),
            )
            for r in _rows(path)
        ]
        bars.sort(key=lambda b: b.date)
        self._bars[t] = bars
        return bars

    def coverage(self, ticker: str) -> tuple[date, date]:
        """First and last bar dates held for a ticker."""
        bars = self.bars(ticker)
        if not bars:
            t = normalize_ticker(ticker)
            raise MarketDataUnavailable(f"the snapshot file for {t} is empty")
        return bars[0].date, bars[-1].date

    def history(self, ticker: str, start: date, end: date) -> History:
        t = normalize_ticker(ticker)
        all_bars = self.bars(t)
        window = _window(all_bars, start, end)
        if not window:
            raise MarketDataUnavailable(_empty_reason(t, all_bars, start, end))
        return History(ticker=t, bars=window, source=self.name)

    # -- macro series ---------------------------------------------------------
    def fed_target(self, start: date, end: date) -> list[RatePoint]:
        if self._fed is None:
            self._fed = [
                RatePoint(date.fromisoformat(r["date"]), float(r["lower"]), float(r["upper"]))
                for r in _rows(self.directory / FED_FILE)
            ]
            self._fed.sort(key=lambda p: p.date)
        points = _window(self._fed, start, end)
        if not points:
            raise MarketDataUnavailable(_series_reason("Fed funds target", self._fed, start, end))
        return points

    def treasury(self, series: str, start: date, end: date) -> list[SeriesPoint]:
        if series not in TREASURY_SERIES:
            raise MarketDataUnavailable(f"no Treasury series {series!r} in the snapshot")
        if series not in self._treasury:
            points = [
                SeriesPoint(date.fromisoformat(r["date"]), float(r["value"]))
                for r in _rows(self.directory / f"{series}.csv")
                if r["value"] not in ("", ".")
            ]
            points.sort(key=lambda p: p.date)
            self._treasury[series] = points
        held = self._treasury[series]
        points = _window(held, start, end)
        if not points:
            label = f"{TREASURY_SERIES[series]} ({series})"
            raise MarketDataUnavailable(_series_reason(label, held, start, end))
        return points

    def forward_pe(self, ticker: str) -> list[Quote]:
        wanted = ticker.strip().lstrip("$").lower()
        seen: set[tuple[str, str, str]] = set()
        quotes: list[Quote] = []
        if self._forward_pe is None:
            self._forward_pe = _rows(self.directory / FORWARD_PE_FILE)
        for r in self._forward_pe:
            if wanted not in (r["ticker"].lower(), r["index"].lower()):
                continue
            key = (r["as_of"], r["forward_pe"], r["source_url"])
            if key in seen:
                continue
            seen.add(key)
            quotes.append(
                Quote(
                    ticker=r["ticker"],
                    as_of=date.fromisoformat(r["as_of"]),
                    value=float(r["forward_pe"]),
                    name=f"{r['index']} forward P/E",
                    source=r["source_url"],
                )
            )
        if not quotes:
            raise MarketDataUnavailable(f"no quoted forward P/E for {ticker} in the snapshot")
        quotes.sort(key=lambda q: q.as_of)
        return quotes


def _empty_reason(ticker: str, bars: list[Bar], start: date, end: date) -> str:
    if not bars:
        return f"the snapshot holds no bars for {ticker}"
    first, last = bars[0].date, bars[-1].date
    if end < first:
        return f"no {ticker} bars before {first} in the snapshot"
    if start > last:
        return f"no {ticker} bars after {last} in the snapshot"
    if start > end:
        return f"empty window {start}..{end} for {ticker}"
    return f"no {ticker} bars between {start} and {end} (a market holiday or weekend?)"


def _series_reason(label: str, points: list, start: date, end: date) -> str:
    if not points:
        return f"the snapshot holds no {label} data"
    first, last = points[0].date, points[-1].date
    if end < first:
        return f"no {label} data before {first} in the snapshot"
    if start > last:
        return f"no {label} data after {last} in the snapshot"
    return f"no {label} data between {start} and {end} in the snapshot"
