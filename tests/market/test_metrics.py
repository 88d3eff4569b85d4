"""Pure metrics: exact values from the snapshot CSVs, synthetic checks, properties."""

from __future__ import annotations

import math
import statistics
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.errors import MarketDataUnavailable
from assistant.market import metrics as m
from assistant.market.base import Bar, RatePoint, SeriesPoint
from assistant.market.snapshot import SnapshotMarketData

SNAP = SnapshotMarketData()
IJR = SNAP.bars("IJR")
IWM = SNAP.bars("IWM")
GSPC = SNAP.bars("^GSPC")
FED = SNAP.fed_target(date(2008, 1, 1), date(2030, 1, 1))
D0 = date(2024, 1, 1)


def flat(closes: list[float], first: date = D0) -> list[Bar]:
    """Bars on consecutive calendar days whose OHLC all equal the close."""
    return [Bar(first + timedelta(days=i), c, c, c, c, c) for i, c in enumerate(closes)]


# -- lookups --------------------------------------------------------------------
def test_bar_lookups() -> None:
    assert m.bar_on(IJR, date(2025, 11, 29)) is None  # Saturday
    assert m.bar_on(IJR, date(2025, 11, 28)).close == 120.87  # type: ignore[union-attr]
    assert m.bar_on_or_before(IJR, date(2025, 11, 30)).date == date(2025, 11, 28)  # type: ignore[union-attr]
    assert m.bar_before(IJR, date(2025, 12, 1)).date == date(2025, 11, 28)  # type: ignore[union-attr]
    assert m.bar_before(IJR, date(2025, 11, 28)).date == date(2025, 11, 26)  # type: ignore[union-attr]
    assert m.bar_before(IJR, date(2015, 1, 2)) is None
    assert m.bar_on_or_before(IJR, date(2014, 12, 31)) is None


# -- changes --------------------------------------------------------------------
def test_window_return_ijr_november_2025() -> None:
    r = m.window_return(IJR, date(2025, 11, 1), date(2025, 11, 30))
    assert r.dates == [date(2025, 10, 31), date(2025, 11, 28)]
    assert r.values == [117.8, 120.87]
    assert r.fields == ["close", "close"]
    assert r.formula == "(120.87 / 117.8 - 1) * 100"
    assert r.pct == (120.87 / 117.8 - 1) * 100
    assert round(r.pct, 4) == 2.6061
    assert r.method == "window_return"


def test_window_return_total_return_uses_adj_close() -> None:
    r = m.window_return(IJR, date(2025, 11, 1), date(2025, 11, 30), field="adj_close")
    assert r.values == [117.070358, 120.121346]
    assert r.formula == "(120.121346 / 117.070358 - 1) * 100"
    assert round(r.pct, 4) == 2.6061


def test_price_vs_total_return_for_2025() -> None:
    price = m.window_return(IJR, date(2025, 1, 1), date(2025, 12, 31))
    total = m.window_return(IJR, date(2025, 1, 1), date(2025, 12, 31), field="adj_close")
    assert price.formula == "(120.18 / 115.22 - 1) * 100"
    assert total.formula == "(119.990372 / 113.315216 - 1) * 100"
    assert (round(price.pct, 4), round(total.pct, 4)) == (4.3048, 5.8908)


def test_window_return_needs_a_base_bar() -> None:
    with pytest.raises(MarketDataUnavailable, match="no bar before 2015-01-02"):
        m.window_return(IJR, date(2015, 1, 2), date(2015, 1, 31))


def test_window_return_empty_window() -> None:
    with pytest.raises(MarketDataUnavailable, match="no bar between 2025-11-29 and 2025-11-30"):
        m.window_return(IJR, date(2025, 11, 29), date(2025, 11, 30))


def test_change_between_close_to_high() -> None:
    r = m.change_between(IWM, date(2024, 11, 22), "close", date(2024, 11, 25), "high")
    assert r.values == [238.77, 244.98]
    assert r.formula == "(244.98 / 238.77 - 1) * 100"
    assert round(r.pct, 4) == 2.6008


def test_change_between_missing_day() -> None:
    with pytest.raises(MarketDataUnavailable, match="no bar on 2024-11-23"):
        m.change_between(IWM, date(2024, 11, 23), "close", date(2024, 11, 25), "close")


def test_one_day_move_sp500() -> None:
    r = m.one_day_move(GSPC, date(2025, 11, 26))
    assert r.dates == [date(2025, 11, 25), date(2025, 11, 26)]
    assert r.formula == "(6812.61 / 6765.88 - 1) * 100"
    assert round(r.pct, 4) == 0.6907
    high = m.one_day_move(GSPC, date(2025, 11, 26), field="high")
    assert high.fields == ["close", "high"]
    assert high.values == [6765.88, 6831.44]


def test_low_to_high_and_high_to_low_iwm() -> None:
    up = m.window_low_to_high(IWM, date(2024, 11, 15), date(2024, 11, 29))
    assert up.dates == [date(2024, 11, 19), date(2024, 11, 25)]
    assert up.values == [226.4, 244.98]
    assert up.formula == "(244.98 / 226.4 - 1) * 100"
    assert round(up.pct, 4) == 8.2067
    down = m.window_high_to_low(IWM, date(2024, 11, 15), date(2024, 11, 29))
    assert down.dates == [date(2024, 11, 25), date(2024, 11, 26)]
    assert down.values == [244.98, 239.43]
    assert round(down.pct, 4) == -2.2655


# -- drawdown -------------------------------------------------------------------
def test_drawdown_ijr_april_2025() -> None:
    dd = m.drawdown(IJR, date(2025, 4, 1), date(2025, 4, 10))
    assert dd.dates == [date(2025, 4, 2), date(2025, 4, 8), date(2025, 4, 10)]
    assert dd.values == [106.35, 90.56, 94.22]
    assert dd.formula_max == "(90.56 / 106.35 - 1) * 100"
    assert round(dd.max_drawdown_pct, 4) == -14.8472
    assert round(dd.current_drawdown_pct, 4) == -11.4057
    assert (dd.worst_peak.date, dd.worst_trough.date) == (date(2025, 4, 2), date(2025, 4, 8))


def test_drawdown_worst_decline_can_precede_the_peak() -> None:
    dd = m.drawdown(flat([100, 50, 120, 110]), D0, D0 + timedelta(days=3))
    assert dd.peak.close == 120 and dd.trough.close == 110
    assert round(dd.max_drawdown_pct, 4) == -8.3333
    assert dd.worst_pct == -50.0
    assert (dd.worst_peak.close, dd.worst_trough.close) == (100, 50)


# -- volatility -----------------------------------------------------------------
def test_daily_volatility_matches_statistics() -> None:
    closes = [100.0, 101.0, 99.0, 102.0, 103.0, 101.5]
    bars = flat(closes)
    v = m.annualized_volatility(bars, D0 + timedelta(days=1), D0 + timedelta(days=5))
    logs = [math.log(b / a) for a, b in zip(closes, closes[1:], strict=False)]
    assert v.pct == pytest.approx(statistics.stdev(logs) * math.sqrt(252) * 100, rel=1e-12)
    assert v.n_returns == 5  # the close before the window is the first base
    assert v.convention == "sample stdev (ddof=1) of 5 daily log returns x sqrt(252)"
    assert v.method == "daily"


def test_monthly_volatility_uses_month_end_closes() -> None:
    # closes on the 15th and month ends; only the month ends count
    pts = [
        (date(2024, 12, 31), 100.0),
        (date(2025, 1, 15), 500.0),
        (date(2025, 1, 31), 110.0),
        (date(2025, 2, 14), 1.0),
        (date(2025, 2, 28), 99.0),
        (date(2025, 3, 31), 104.0),
    ]
    bars = [Bar(d, c, c, c, c, c) for d, c in pts]
    v = m.annualized_volatility(bars, date(2025, 1, 1), date(2025, 3, 31), method="monthly")
    assert v.dates == [date(2024, 12, 31), date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31)]
    rets = [110 / 100 - 1, 99 / 110 - 1, 104 / 99 - 1]
    assert v.pct == pytest.approx(statistics.stdev(rets) * math.sqrt(12) * 100, rel=1e-12)
    assert v.convention == "sample stdev (ddof=1) of 3 month-end simple returns x sqrt(12)"


def test_volatility_needs_two_returns() -> None:
    with pytest.raises(MarketDataUnavailable, match="needs at least 2 returns"):
        m.annualized_volatility(flat([100, 101]), D0, D0 + timedelta(days=1))


def test_volatility_ijr_2025_daily() -> None:
    v = m.annualized_volatility(IJR, date(2025, 1, 1), date(2025, 12, 31))
    assert v.n_returns == 250  # 250 trading days in 2025, based on the 2024-12-31 close
    assert v.dates[0] == date(2024, 12, 31)
    closes = [b.close for b in IJR if date(2024, 12, 31) <= b.date <= date(2025, 12, 31)]
    logs = [math.log(b / a) for a, b in zip(closes, closes[1:], strict=False)]
    assert v.pct == pytest.approx(statistics.stdev(logs) * math.sqrt(252) * 100, rel=1e-12)
    assert round(v.pct, 2) == 22.63


# -- Fed funds ------------------------------------------------------------------
def test_target_changes_december_2025_cut() -> None:
    changes = m.target_changes(FED)
    dec = changes[-1]
    assert dec == m.RateChange(date(2025, 12, 11), 3.75, 4.0, 3.5, 3.75, -25)
    assert dec.announced == date(2025, 12, 10)
    assert dec.direction == "cut"
    assert dec.formula == "(3.75 - 4) * 100 = -25 bp"
    assert [c.bp for c in changes if c.date.year == 2024] == [-50, -25, -25]
    assert len(changes) == 31
    # before 2017 FRED dates the change on the decision day
    assert changes[0].date == changes[0].announced == date(2015, 12, 16)


def test_consecutive_cuts_at_the_december_2025_meeting() -> None:
    changes = m.target_changes(FED)
    count, direction, run = m.consecutive_moves(changes, date(2025, 12, 10))
    assert (count, direction) == (3, "cut")
    assert [c.date for c in run] == [date(2025, 9, 18), date(2025, 10, 30), date(2025, 12, 11)]
    # the day before the decision only two had happened
    assert m.consecutive_moves(changes, date(2025, 12, 9))[0] == 2
    # by FRED effective dates, Dec 10 still sees two
    assert m.consecutive_moves(changes, date(2025, 12, 10), by="effective")[0] == 2
    # without the pause rule the 2024 cuts join the run
    assert m.consecutive_moves(changes, date(2025, 12, 10), max_gap_days=None)[0] == 6


def test_consecutive_hikes_2022_2023() -> None:
    changes = m.target_changes(FED)
    assert m.consecutive_moves(changes, date(2023, 5, 3))[:2] == (10, "hike")
    assert m.consecutive_moves(changes, date(2023, 7, 26))[:2] == (1, "hike")  # June skip
    assert m.consecutive_moves(changes, date(2015, 1, 1)) == (0, None, [])


def test_target_on() -> None:
    assert m.target_on(FED, date(2025, 12, 10)) == RatePoint(date(2025, 12, 10), 3.75, 4.0)
    assert m.target_on(FED, date(2025, 12, 10), announced=True) == RatePoint(
        date(2025, 12, 10), 3.5, 3.75
    )
    assert m.target_on(FED, date(2025, 12, 9), announced=True) == RatePoint(
        date(2025, 12, 9), 3.75, 4.0
    )
    assert m.target_on(FED, date(2030, 1, 1)) is None
    assert m.target_on(FED, date(2000, 1, 1)) is None


# -- series ---------------------------------------------------------------------
def test_value_on_and_before() -> None:
    pts = SNAP.treasury("DGS10", date(2025, 12, 1), date(2025, 12, 31))
    assert m.value_on(pts, date(2025, 12, 10)) == SeriesPoint(date(2025, 12, 10), 4.13)
    assert m.value_on(pts, date(2025, 12, 13)) is None  # Saturday
    assert m.value_on_or_before(pts, date(2025, 12, 14)) == SeriesPoint(date(2025, 12, 12), 4.19)
    assert m.value_on_or_before(pts, date(2025, 11, 1)) is None


def test_fmt() -> None:
    assert m.fmt(6812.63) == "6812.63"
    assert m.fmt(4.0) == "4"
    assert m.fmt(-0.0000001) == "0"
    assert m.pct_formula(6765.88, 6812.63) == "(6812.63 / 6765.88 - 1) * 100"


# -- properties -----------------------------------------------------------------
prices = st.lists(
    st.floats(min_value=1.0, max_value=1e5, allow_nan=False, allow_infinity=False),
    min_size=3,
    max_size=40,
)


@given(prices)
def test_reversed_path_undoes_the_return(closes: list[float]) -> None:
    start, end = D0 + timedelta(days=1), D0 + timedelta(days=len(closes) - 1)
    fwd = m.window_return(flat(closes), start, end)
    back = m.window_return(flat(closes[::-1]), start, end)
    assert (1 + fwd.pct / 100) * (1 + back.pct / 100) == pytest.approx(1.0, rel=1e-9)


@given(st.floats(min_value=0.01, max_value=1e6, allow_nan=False), st.integers(3, 60))
def test_constant_prices_have_zero_volatility(price: float, n: int) -> None:
    bars = flat([price] * n)
    v = m.annualized_volatility(bars, D0, D0 + timedelta(days=n - 1))
    assert v.pct == 0.0
    dd = m.drawdown(bars, D0, D0 + timedelta(days=n - 1))
    assert dd.max_drawdown_pct == 0.0 and dd.worst_pct == 0.0


@given(prices)
def test_low_to_high_is_never_negative_and_high_to_low_never_positive(closes: list[float]) -> None:
    bars = flat(closes)
    end = D0 + timedelta(days=len(closes) - 1)
    assert m.window_low_to_high(bars, D0, end).pct >= 0
    assert m.window_high_to_low(bars, D0, end).pct <= 0
    dd = m.drawdown(bars, D0, end)
    assert dd.worst_pct <= dd.max_drawdown_pct <= 0
