"""Pure metric functions over bars and series points: values in, receipts out.

Bars and points must be ascending by date. A metric that cannot be computed from
the given data raises MarketDataUnavailable naming what is missing.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal, Protocol, TypeVar

from assistant.errors import MarketDataUnavailable
from assistant.market.base import Bar, RatePoint

TRADING_DAYS = 252
_Date = date  # RateChange has a field named `date`


def fmt(value: float) -> str:
    """A number as written in formulas: up to 6 decimals, no trailing zeros."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def pct_formula(start: float, end: float) -> str:
    return f"({fmt(end)} / {fmt(start)} - 1) * 100"


# -- point-in-time lookups ------------------------------------------------------
def _idx_right(items: Sequence[_Dated], d: date) -> int:
    return bisect.bisect_right(items, d, key=lambda x: x.date)


class _Dated(Protocol):
    @property
    def date(self) -> _Date: ...


_D = TypeVar("_D", bound=_Dated)


def dated_index(items: Sequence[_Dated], d: date) -> int | None:
    """Where the item dated exactly d is (items ascending by date), else None."""
    i = bisect.bisect_left(items, d, key=lambda x: x.date)
    return i if i < len(items) and items[i].date == d else None


def dated_on(items: Sequence[_D], d: date) -> _D | None:
    """The item (a bar, a series point) dated exactly d, else None."""
    i = dated_index(items, d)
    return None if i is None else items[i]


def dated_on_or_before(items: Sequence[_D], d: date) -> _D | None:
    """The last item (a bar, a series point) dated d or before."""
    i = _idx_right(items, d)
    return items[i - 1] if i else None


def dated_before(items: Sequence[_D], d: date) -> _D | None:
    """The last item dated strictly before d."""
    i = bisect.bisect_left(items, d, key=lambda x: x.date)
    return items[i - 1] if i else None


bar_on = value_on = dated_on
bar_on_or_before = value_on_or_before = dated_on_or_before


def bar_before(bars: list[Bar], d: date) -> Bar | None:
    """The last bar strictly before d."""
    i = bisect.bisect_left(bars, d, key=lambda b: b.date)
    return bars[i - 1] if i else None


def _in_window(bars: list[Bar], start: date, end: date) -> list[Bar]:
    lo = bisect.bisect_left(bars, start, key=lambda b: b.date)
    return bars[lo : _idx_right(bars, end)]


# -- price changes --------------------------------------------------------------
@dataclass(frozen=True)
class PriceChange:
    """A percentage move from one bar's field to another's."""

    start_bar: Bar
    end_bar: Bar
    start_field: str
    end_field: str
    pct: float
    formula: str
    method: str  # window_return, change_between, one_day_move, low_to_high, high_to_low

    @property
    def start_value(self) -> float:
        return self.start_bar.get(self.start_field)

    @property
    def end_value(self) -> float:
        return self.end_bar.get(self.end_field)

    @property
    def dates(self) -> list[date]:
        return [self.start_bar.date, self.end_bar.date]

    @property
    def fields(self) -> list[str]:
        return [self.start_field, self.end_field]

    @property
    def values(self) -> list[float]:
        return [self.start_value, self.end_value]

    @property
    def points(self) -> float:
        """The change in points (or dollars): end minus start."""
        return self.end_value - self.start_value

    @property
    def points_formula(self) -> str:
        return f"{fmt(self.end_value)} - {fmt(self.start_value)}"


def price_change(a: Bar, fa: str, b: Bar, fb: str, method: str) -> PriceChange:
    """The percentage change from bar a's field fa to bar b's field fb."""
    va, vb = a.get(fa), b.get(fb)
    if va == 0:
        raise MarketDataUnavailable(f"the {fa} on {a.date} is 0; no percentage change")
    return PriceChange(a, b, fa, fb, (vb / va - 1) * 100, pct_formula(va, vb), method)


def window_return(bars: list[Bar], start: date, end: date, field: str = "close") -> PriceChange:
    """Change from the last bar before `start` to the last bar on or before `end`.

    field='adj_close' gives the total return (dividends reinvested).
    """
    base = bar_before(bars, start)
    if base is None:
        raise MarketDataUnavailable(f"no bar before {start} to start the window from")
    last = bar_on_or_before(bars, end)
    if last is None or last.date < start:
        raise MarketDataUnavailable(f"no bar between {start} and {end}")
    return price_change(base, field, last, field, "window_return")


def change_between(bars: list[Bar], d1: date, field1: str, d2: date, field2: str) -> PriceChange:
    """Change from bar d1's field1 to bar d2's field2 (both dates exact)."""
    a, b = bar_on(bars, d1), bar_on(bars, d2)
    for d, bar in ((d1, a), (d2, b)):
        if bar is None:
            raise MarketDataUnavailable(f"no bar on {d} (not a trading day, or outside the data)")
    assert a is not None and b is not None
    return price_change(a, field1, b, field2, "change_between")


def one_day_move(bars: list[Bar], d: date, field: str = "close") -> PriceChange:
    """Bar d's field against the previous trading day's close."""
    bar = bar_on(bars, d)
    if bar is None:
        raise MarketDataUnavailable(f"no bar on {d} (not a trading day, or outside the data)")
    prev = bar_before(bars, d)
    if prev is None:
        raise MarketDataUnavailable(f"no bar before {d} to compare with")
    return price_change(prev, "close", bar, field, "one_day_move")


def window_change(bars: list[Bar], kind: str, start: date, end: date, field: str) -> PriceChange:
    """The percentage change a window of the given kind describes: one session's move
    (`day`), from a base close to a last one (`since`, `trailing`), or the window's return."""
    if kind == "day":
        return one_day_move(bars, start, field if field != "adj_close" else "close")
    if kind in ("since", "trailing"):
        base = bar_on_or_before(bars, start)
        last = bar_on_or_before(bars, end)
        if base is None or last is None or last.date <= base.date:
            raise MarketDataUnavailable(f"no bars to measure from {start} to {end}")
        # "opened 16% above Wednesday's close", "at its high up 19% from Monday": the
        # session's open, high or low against a close
        base_field = "close" if field in ("open", "high", "low") else field
        return price_change(base, base_field, last, field, "since")
    return window_return(bars, start, end, field)


def _window_or_raise(bars: list[Bar], start: date, end: date) -> list[Bar]:
    window = _in_window(bars, start, end)
    if not window:
        raise MarketDataUnavailable(f"no bars between {start} and {end}")
    return window


def window_low_to_high(bars: list[Bar], start: date, end: date) -> PriceChange:
    """Lowest low in the window, then the highest high on or after that day."""
    window = _window_or_raise(bars, start, end)
    i = min(range(len(window)), key=lambda k: (window[k].low, k))
    j = max(range(i, len(window)), key=lambda k: (window[k].high, -k))
    return price_change(window[i], "low", window[j], "high", "low_to_high")


def window_high_to_low(bars: list[Bar], start: date, end: date) -> PriceChange:
    """Highest high in the window, then the lowest low on or after that day."""
    window = _window_or_raise(bars, start, end)
    i = max(range(len(window)), key=lambda k: (window[k].high, -k))
    j = min(range(i, len(window)), key=lambda k: (window[k].low, k))
    return price_change(window[i], "high", window[j], "low", "high_to_low")


# -- volatility -----------------------------------------------------------------
@dataclass(frozen=True)
class Volatility:
    """Annualized volatility in percent, and the convention that produced it."""

    method: Literal["daily", "monthly"]
    convention: str
    pct: float
    stdev: float  # of the periodic returns, as a fraction
    periods_per_year: int
    dates: list[date] = field(repr=False)  # dates of the closes used (base first)
    closes: list[float] = field(repr=False)
    formula: str

    @property
    def n_returns(self) -> int:
        return len(self.closes) - 1


def annualized_volatility(
    bars: list[Bar],
    start: date,
    end: date,
    method: Literal["daily", "monthly"] = "daily",
    field: str = "close",
) -> Volatility:
    """Sample stdev (ddof=1) of returns, annualized.

    daily: log returns of consecutive closes x sqrt(252); monthly: simple returns of
    month-end closes x sqrt(12). The last close before `start` is the first base when
    present, so a calendar window gets a return for each of its periods.
    """
    window = _window_or_raise(bars, start, end)
    base = bar_before(bars, start)
    if method == "monthly":
        ends: dict[tuple[int, int], Bar] = {}
        for b in window:
            ends[(b.date.year, b.date.month)] = b
        used = list(ends.values())
    elif method == "daily":
        used = list(window)
    else:
        raise ValueError(f"unknown volatility method {method!r}")
    if base is not None:
        used.insert(0, base)
    closes = [b.get(field) for b in used]
    if len(closes) < 3:
        raise MarketDataUnavailable(
            f"{method} volatility needs at least 2 returns; {start}..{end} gives {len(closes) - 1}"
        )
    if method == "daily":
        rets = [math.log(b / a) for a, b in zip(closes, closes[1:], strict=False)]
        periods, label = TRADING_DAYS, "daily log returns"
    else:
        rets = [b / a - 1 for a, b in zip(closes, closes[1:], strict=False)]
        periods, label = 12, "month-end simple returns"
    sd = statistics.stdev(rets)
    pct = sd * math.sqrt(periods) * 100
    convention = f"sample stdev (ddof=1) of {len(rets)} {label} x sqrt({periods})"
    formula = f"stdev({len(rets)} {label}) {fmt(sd)} * sqrt({periods}) * 100"
    return Volatility(
        method=method,
        convention=convention,
        pct=pct,
        stdev=sd,
        periods_per_year=periods,
        dates=[b.date for b in used],
        closes=closes,
        formula=formula,
    )


# -- drawdown -------------------------------------------------------------------
@dataclass(frozen=True)
class Drawdown:
    """Declines from the window's peak close (and the worst peak-to-trough decline)."""

    peak: Bar
    trough: Bar  # lowest close on or after the peak
    last: Bar
    max_drawdown_pct: float  # peak -> trough
    current_drawdown_pct: float  # peak -> last
    worst_peak: Bar  # the largest decline anywhere in the window
    worst_trough: Bar
    worst_pct: float
    formula_max: str
    formula_current: str

    @property
    def dates(self) -> list[date]:
        return [self.peak.date, self.trough.date, self.last.date]

    @property
    def values(self) -> list[float]:
        return [self.peak.close, self.trough.close, self.last.close]


def drawdown(bars: list[Bar], start: date, end: date) -> Drawdown:
    """Peak close in the window; % from it to the lowest later close and to the last close."""
    window = _window_or_raise(bars, start, end)
    p = max(range(len(window)), key=lambda k: (window[k].close, -k))
    t = min(range(p, len(window)), key=lambda k: (window[k].close, k))
    peak, trough, last = window[p], window[t], window[-1]
    run_peak, worst = window[0], (window[0], window[0], 0.0)
    for b in window:
        if b.close > run_peak.close:
            run_peak = b
        dd = (b.close / run_peak.close - 1) * 100
        if dd < worst[2]:
            worst = (run_peak, b, dd)
    return Drawdown(
        peak=peak,
        trough=trough,
        last=last,
        max_drawdown_pct=(trough.close / peak.close - 1) * 100,
        current_drawdown_pct=(last.close / peak.close - 1) * 100,
        worst_peak=worst[0],
        worst_trough=worst[1],
        worst_pct=worst[2],
        formula_max=pct_formula(peak.close, trough.close),
        formula_current=pct_formula(peak.close, last.close),
    )


# -- Fed funds target -----------------------------------------------------------
@dataclass(frozen=True)
class RateChange:
    """A change of the target range. `date` is FRED's effective date."""

    date: _Date
    old_lower: float
    old_upper: float
    new_lower: float
    new_upper: float
    bp: int  # signed: -25 is a quarter-point cut

    @property
    def direction(self) -> Literal["cut", "hike"]:
        return "cut" if self.bp < 0 else "hike"

    @property
    def announced(self) -> _Date:
        """FOMC decision day: FRED dates changes from 2017 on the day after the decision."""
        return self.date - timedelta(days=1) if self.date.year >= 2017 else self.date

    @property
    def formula(self) -> str:
        return f"({fmt(self.new_upper)} - {fmt(self.old_upper)}) * 100 = {self.bp} bp"


def target_on(points: list[RatePoint], d: date, *, announced: bool = False) -> RatePoint | None:
    """The target range in effect on d (None outside the data).

    announced=True also counts a decision made on d that FRED shows from d + 1.
    """
    if not points or d > points[-1].date:
        return None
    i = _idx_right(points, d)
    cur = points[i - 1] if i else None
    if announced and i < len(points):
        nxt = points[i]
        if (
            nxt.date == d + timedelta(days=1)
            and nxt.date.year >= 2017
            and (cur is None or (nxt.lower, nxt.upper) != (cur.lower, cur.upper))
        ):
            return RatePoint(d, nxt.lower, nxt.upper)
    return cur


_LOWER, _UPPER = operator.attrgetter("lower"), operator.attrgetter("upper")


def target_changes(points: list[RatePoint]) -> list[RateChange]:
    """Every change of the range between consecutive points, oldest first."""
    # The points are daily and the range changes a few times a year: the days of a change
    # are found by comparing the bounds in C (map), and only those are visited in Python.
    lows = list(map(_LOWER, points))
    highs = list(map(_UPPER, points))
    moved = map(operator.or_, map(operator.ne, lows, lows[1:]), map(operator.ne, highs, highs[1:]))
    out: list[RateChange] = []
    for i in itertools.compress(range(1, len(points)), moved):
        a, b = points[i - 1], points[i]
        bp = round(((b.lower + b.upper) - (a.lower + a.upper)) / 2 * 100)
        out.append(RateChange(b.date, a.lower, a.upper, b.lower, b.upper, bp))
    return out


MEETING_GAP_DAYS = 63  # scheduled FOMC meetings are at most ~8 weeks apart


def consecutive_moves(
    changes: list[RateChange],
    upto: date,
    *,
    by: Literal["announced", "effective"] = "announced",
    max_gap_days: int | None = MEETING_GAP_DAYS,
) -> tuple[int, Literal["cut", "hike"] | None, list[RateChange]]:
    """The run of same-direction moves ending with the last change on or before `upto`.

    "Straight" moves: more than `max_gap_days` between two moves means a meeting
    passed without one, which ends the run (None: only a reversal ends it).
    Dates compare by FOMC decision day by default (`by="effective"` for FRED dates).
    Returns (count, "cut"/"hike", the changes oldest first); (0, None, []) if none.
    """

    def when(c: RateChange) -> date:
        return c.announced if by == "announced" else c.date

    past = [c for c in changes if when(c) <= upto]
    if not past:
        return 0, None, []
    direction = past[-1].direction
    run: list[RateChange] = []
    for c in reversed(past):
        if c.direction != direction:
            break
        if run and max_gap_days is not None and (run[-1].date - c.date).days > max_gap_days:
            break
        run.append(c)
    run.reverse()
    return len(run), direction, run
