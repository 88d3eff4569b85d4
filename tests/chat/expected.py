"""Expected values computed here, independently of finnews, straight from the snapshot CSVs."""

from __future__ import annotations

import calendar
import csv
import math
import statistics
from datetime import date

from tests.conftest import ROOT

SNAPSHOT = ROOT / "assistant" / "market" / "snapshot"


def closes(ticker: str) -> list[tuple[date, float]]:
    with (SNAPSHOT / f"{ticker}.csv").open(newline="") as fh:
        return [(date.fromisoformat(r["date"]), float(r["close"])) for r in csv.DictReader(fh)]


def period_return(ticker: str, first: date, last: date) -> tuple[float, date, float, date, float]:
    """% change from the last close before `first` to the last close on or before `last`."""
    rows = closes(ticker)
    d0, c0 = [r for r in rows if r[0] < first][-1]
    d1, c1 = [r for r in rows if r[0] <= last][-1]
    return (c1 / c0 - 1) * 100, d0, c0, d1, c1


def trailing_volatility(ticker: str, base_day: date, last: date) -> tuple[float, int]:
    """Annualized stdev of daily log returns from the close on `base_day` to `last`, in %."""
    rows = [c for d, c in closes(ticker) if base_day <= d <= last]
    rets = [math.log(b / a) for a, b in zip(rows, rows[1:], strict=False)]
    return statistics.stdev(rets) * math.sqrt(252) * 100, len(rets)


def fed_changes() -> list[tuple[date, float, float, float, float]]:
    """(effective day, old lower, old upper, new lower, new upper) of each target change."""
    with (SNAPSHOT / "fed_funds_target.csv").open(newline="") as fh:
        rows = [(date.fromisoformat(r["date"]), float(r["lower"]), float(r["upper"]))
                for r in csv.DictReader(fh)]  # fmt: skip
    return [
        (b[0], a[1], a[2], b[1], b[2])
        for a, b in zip(rows, rows[1:], strict=False)
        if (a[1], a[2]) != (b[1], b[2])
    ]


def data_through() -> date:
    """The last day any bundled price file holds."""
    ends = []
    for path in SNAPSHOT.glob("*.csv"):
        with path.open(newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or "adj_close" not in reader.fieldnames:
                continue  # the Fed range, yields, P/Es and the calendar are not prices
            ends.append(max(date.fromisoformat(r["date"]) for r in reader))
    return max(ends)


def day_moves(ticker: str, first: date, last: date) -> list[tuple[float, date, float, date, float]]:
    """(% change, previous day, previous close, day, close) of each session first..last."""
    rows = closes(ticker)
    out = []
    for (d0, c0), (d1, c1) in zip(rows, rows[1:], strict=False):
        if first <= d1 <= last:
            out.append(((c1 / c0 - 1) * 100, d0, c0, d1, c1))
    return out


def month_moves(ticker: str, year: int) -> list[tuple[float, date, float, date, float]]:
    """(% change, base day, base close, last day, last close) of each month of `year`."""
    return [
        period_return(ticker, date(year, m, 1), date(year, m, calendar.monthrange(year, m)[1]))
        for m in range(1, 13)
    ]
