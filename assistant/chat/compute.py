"""Answering data questions by computation: a DataQuery in, receipts [Dn] out.

Every figure in a statement comes from the metric functions over point-in-time data
(`Lookup`), and the receipt says which bars, fields and formula produced it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from assistant.chat.extremes import extreme_close, extreme_move
from assistant.chat.models import AnswerReceipt
from assistant.chat.questions import DataQuery, Extreme, Period
from assistant.errors import MarketDataUnavailable
from assistant.i18n.formats import record_date
from assistant.market import metrics as M
from assistant.market.symbols import SYMBOLS
from assistant.models import Evidence
from assistant.receipts import (
    DGS10_SOURCE,
    closes_evidence,
    rate_change_evidence,
    rate_range_evidence,
)
from assistant.verify.lookup import Lookup

_ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]


def compute(query: DataQuery, lookup: Lookup, first_id: int = 1) -> list[AnswerReceipt]:
    """Receipts D{first_id}, D{first_id+1} ... answering `query`."""
    items: list[tuple[str, str, float | None, str, Period | None, Evidence]] = []
    if query.metric == "fed_move":
        items.append(_fed_move(query, lookup))
    elif query.metric == "fed_level":
        items.append(_fed_level(query, lookup))
    elif query.metric in ("yield_level", "yield_change"):
        items.append(_yield(query, lookup))
    else:
        assert query.period is not None
        for ticker in query.tickers:
            items.append(_priced(query, ticker, query.period, lookup))
        if query.metric == "return" and len(items) == 2:
            items.append(_difference(items[0], items[1], query.period))
    out = []
    for n, (label, statement, value, unit, period, ev) in enumerate(items, start=first_id):
        statement = statement[:1].upper() + statement[1:]
        out.append(
            AnswerReceipt(
                id=f"D{n}",
                label=label,
                statement=statement,
                value=None if value is None else round(value, 4),
                unit=unit,
                start=period.start if period else None,
                end=period.end if period else None,
                evidence=ev,
            )
        )
    return out


_Item = tuple[str, str, float | None, str, Period | None, Evidence]


def name_of(ticker: str) -> str:
    """'IJR', or 'the S&P SmallCap 600 (^SML)' for an index."""
    sym = SYMBOLS.get(ticker)
    if sym and sym.kind == "index":
        return f"the {sym.name} ({ticker})"
    return ticker


def _money(ticker: str, value: float) -> str:
    sym = SYMBOLS.get(ticker)
    if ticker.startswith("^") or (sym and sym.kind in ("index", "yield", "rate")):
        return f"{value:,.2f}"
    return f"${value:,.2f}"


def _pct(value: float) -> str:
    return f"{value:+.2f}%"


def _in(label: str) -> str:
    """'in November 2025', but 'since March', 'from ... to ...' and 'year to date' as they
    are."""
    label = label.strip().rstrip(".")
    if re.match(r"(?i)(?:since|from|between|through|over|during|for|on|in)\b", label):
        return label
    if re.search(r"(?i)\bto\s+date\b", label):
        return label
    return f"in {label}"


def _via(ev: Evidence) -> str:
    return f" (computed on its ETF proxy {ev.ticker})" if ev.proxy_for else ""


def _priced(query: DataQuery, ticker: str, period: Period, lookup: Lookup) -> _Item:
    if period.start > lookup.as_of:
        raise MarketDataUnavailable(f"{period.label} is after {record_date(lookup.as_of)}")
    sym = SYMBOLS.get(ticker)
    try:
        lookup.history(ticker, period.start)
    except MarketDataUnavailable as exc:
        if sym is not None and sym.kind == "other":
            raise MarketDataUnavailable(f"no bundled series for {sym.name} ({ticker})") from exc
        raise
    if query.metric == "extreme":
        assert query.extreme is not None
        return _extreme(ticker, period, query.extreme, lookup)
    if query.metric == "volatility":
        return _volatility(ticker, period, lookup)
    if query.metric == "drawdown":
        return _drawdown(ticker, period, lookup)
    if query.metric == "price":
        return _price(ticker, period, lookup)
    return _return(ticker, period, lookup, total=query.total_return)


def _return(ticker: str, period: Period, lookup: Lookup, *, total: bool) -> _Item:
    hist, data_ticker, _ = lookup.history(ticker, period.start)
    fld = "adj_close" if total else "close"
    change = M.window_change(hist.bars, period.kind, period.start, period.end, fld)
    ev = lookup.receipt(ticker, change, start=period.start)
    kind = "total return, adjusted closes with dividends reinvested" if total else "price return"
    a, b = change.start_bar, change.end_bar
    name = name_of(ticker)
    if period.kind == "day":
        statement = (
            f"{name} moved {_pct(change.pct)} on {record_date(b.date)}{_via(ev)} ({kind}: close "
            f"{_money(data_ticker, a.get(fld))} on {record_date(a.date)} to "
            f"{_money(data_ticker, b.get(fld))} on {record_date(b.date)})."
        )
    else:
        statement = (
            f"{name} returned {_pct(change.pct)} {_in(period.label)}{_via(ev)} ({kind}: "
            f"{_money(data_ticker, a.get(fld))} at the {record_date(a.date)} close to "
            f"{_money(data_ticker, b.get(fld))} at the {record_date(b.date)} close)."
        )
    label = f"{ticker} {'total' if total else 'price'} return, {period.label}"
    used = Period(a.date, b.date, period.kind, period.label)
    return label, statement, change.pct, "%", used, ev


def _difference(first: _Item, second: _Item, period: Period) -> _Item:
    (_, _, v1, _, p1, e1), (_, _, v2, _, _, e2) = first, second
    assert v1 is not None and v2 is not None
    t1, t2 = e1.proxy_for or e1.ticker, e2.proxy_for or e2.ticker
    diff = v1 - v2
    lead, lag = (t1, t2) if diff >= 0 else (t2, t1)
    statement = (
        f"{lead} did better than {lag} {_in(period.label)} by {abs(diff):.2f} percentage points "
        f"({_pct(v1)} for {t1} against {_pct(v2)} for {t2})."
    )
    ev = Evidence(
        ticker=f"{t1} vs {t2}",
        source=e1.source,
        fetched_at=e1.fetched_at,
        dates=list(e1.dates),
        fields=["return", "return"],
        values=[round(v1, 4), round(v2, 4)],
        formula=f"{M.fmt(round(v1, 6))} - ({M.fmt(round(v2, 6))})",
        result=round(diff, 4),
    )
    return f"{t1} minus {t2} return, {period.label}", statement, diff, "pts", p1, ev


def _volatility(ticker: str, period: Period, lookup: Lookup) -> _Item:
    hist, data_ticker, proxy_for = lookup.history(ticker, period.start)
    # a trailing window starts from the close on or before its first day
    start = period.start + timedelta(days=1) if period.kind == "trailing" else period.start
    vol = M.annualized_volatility(hist.bars, start, period.end, "daily")
    ends = [(vol.dates[0], vol.closes[0]), (vol.dates[-1], vol.closes[-1])]
    ev = closes_evidence(hist, data_ticker, proxy_for, ends, vol.formula, round(vol.pct, 4))
    first, last = vol.dates[0], vol.dates[-1]
    statement = (
        f"{name_of(ticker)}'s annualized volatility over {period.label} was {vol.pct:.2f}%"
        f"{_via(ev)} (sample standard deviation of {vol.n_returns} daily log returns from the "
        f"{record_date(first)} close to the {record_date(last)} close, times the square root of "
        f"{vol.periods_per_year})."
    )
    used = Period(first, last, period.kind, period.label)
    return f"{ticker} annualized volatility, {period.label}", statement, vol.pct, "%", used, ev


def _drawdown(ticker: str, period: Period, lookup: Lookup) -> _Item:
    hist, data_ticker, proxy_for = lookup.history(ticker, period.start)
    dd = M.drawdown(hist.bars, period.start, period.end)
    change = M.price_change(dd.peak, "close", dd.last, "close", "drawdown")
    ev = lookup.receipt(ticker, change, start=period.start)
    statement = (
        f"{name_of(ticker)} closed at {_money(data_ticker, dd.last.close)} on "
        f"{record_date(dd.last.date)}{_via(ev)}, {_pct(dd.current_drawdown_pct)} from its highest "
        f"close {_in(period.label)}, {_money(data_ticker, dd.peak.close)} on "
        f"{record_date(dd.peak.date)}; the deepest fall from a peak in that window was "
        f"{_pct(dd.worst_pct)}."
    )
    peak, trough = dd.worst_peak, dd.worst_trough
    extra = closes_evidence(
        hist,
        data_ticker,
        proxy_for,
        [(peak.date, peak.close), (trough.date, trough.close)],
        M.pct_formula(peak.close, trough.close),
        round(dd.worst_pct, 4),
    )
    ev = ev.model_copy(update={"formula": f"{ev.formula}; worst: {extra.formula}"})
    used = Period(dd.peak.date, dd.last.date, period.kind, period.label)
    label = f"{ticker} drawdown, {period.label}"
    return label, statement, dd.current_drawdown_pct, "%", used, ev


def _price(ticker: str, period: Period, lookup: Lookup) -> _Item:
    hist, data_ticker, _ = lookup.history(ticker, period.start)
    bar = M.bar_on_or_before(hist.bars, period.end)
    if bar is None:
        raise MarketDataUnavailable(f"no {data_ticker} bars up to {period.end}")
    if period.kind != "day" and bar.date < period.start:
        raise MarketDataUnavailable(
            f"no {data_ticker} close {_in(period.label)}: the data ends {record_date(bar.date)}"
        )
    ev = lookup.bar_receipt(ticker, bar, "close")
    note = ""
    if bar.date < period.end - timedelta(days=7):
        note = f" (the latest close in the data up to {record_date(period.end)})"
    elif period.kind == "day" and bar.date != period.end:
        note = f" (no trading on {record_date(period.end)}; the last close before it)"
    elif period.kind != "day":
        note = f" (the last close of {period.label})"
    statement = (
        f"{name_of(ticker)} closed at {_money(data_ticker, bar.close)} on "
        f"{record_date(bar.date)}{note}{_via(ev)}."
    )
    used = Period(bar.date, bar.date, "day", period.label)
    return f"{ticker} close, {record_date(bar.date)}", statement, bar.close, "$", used, ev


_UNITS = {"day": "sessions", "week": "weeks", "month": "months"}


def _extreme(ticker: str, period: Period, extreme: Extreme, lookup: Lookup) -> _Item:
    hist, data_ticker, proxy_for = lookup.history(ticker, period.start)
    name, phrase = name_of(ticker), extreme.phrase
    end = min(period.end, lookup.as_of)
    label = f"{ticker} {phrase}, {period.label}"
    if extreme.span == "close":
        found = extreme_close(hist.bars, period.start, end, extreme.direction)
        bar = found.bar
        formula = (
            f"{'min' if extreme.direction == 'down' else 'max'}(close) over "
            f"{found.first}..{found.last} ({found.count} closes)"
        )
        ev = closes_evidence(
            hist, data_ticker, proxy_for, [(bar.date, bar.close)], formula, bar.close
        )
        statement = (
            f"{_whose(name, phrase)} {_in(period.label)} was {_money(data_ticker, bar.close)} on "
            f"{record_date(bar.date)}{_via(ev)} (the {phrase.split()[0]} of {found.count} daily "
            f"closes from {record_date(found.first)} to {record_date(found.last)})."
        )
        used = Period(bar.date, bar.date, "day", period.label)
        return label, statement, bar.close, "$", used, ev
    inclusive = period.kind in ("window", "day")
    move = extreme_move(
        hist.bars, period.start, end, extreme.span, extreme.direction, inclusive=inclusive
    )
    change = move.change
    ev = lookup.receipt(ticker, change, start=period.start)
    a, b = change.start_bar, change.end_bar
    if extreme.span == "day":
        when = f"on {record_date(b.date)}"
    elif extreme.span == "week":
        when = f"in the week to {record_date(b.date)}"
    else:
        when = f"in {b.date:%B} {b.date.year}"
    units = _UNITS[extreme.span]
    compared = (
        f"{move.count} {units if move.count != 1 else units[:-1]} compared, to "
        f"{record_date(move.last)}"
    )
    prices = (
        f"price return: {_money(data_ticker, a.close)} at the {record_date(a.date)} close to "
        f"{_money(data_ticker, b.close)} at the {record_date(b.date)} close; {compared}"
    )
    wrong_way = (extreme.direction == "down" and change.pct >= 0) or (
        extreme.direction == "up" and change.pct <= 0
    )
    if wrong_way:
        verb = "fall" if extreme.direction == "down" else "rise"
        least = "weakest" if extreme.direction == "down" else "strongest"
        statement = (
            f"{name} did not {verb} in any of the {units} of {period.label}{_via(ev)}; its "
            f"{least} was {_pct(change.pct)} {when} ({prices})."
        )
    else:
        statement = (
            f"{_whose(name, phrase)} {_in(period.label)} was {_pct(change.pct)} {when}{_via(ev)} "
            f"({prices})."
        )
    used = Period(a.date, b.date, "since", period.label)
    return label, statement, change.pct, "%", used, ev


def _whose(name: str, phrase: str) -> str:
    """ "QQQ's best month"; "the best month of the S&P SmallCap 600 (^SML)"."""
    return f"the {phrase} of {name}" if name.endswith(")") else f"{name}'s {phrase}"


def _upto(query: DataQuery, lookup: Lookup) -> date:
    return min(query.period.end, lookup.as_of) if query.period else lookup.as_of


def _fed_move(query: DataQuery, lookup: Lookup) -> _Item:
    upto = _upto(query, lookup)
    changes = [c for c in lookup.fed_changes() if c.announced <= upto]
    if query.direction:
        changes = [c for c in changes if c.direction == query.direction]
    if query.period and query.period.kind != "day":
        start = query.period.start
        inside = [c for c in changes if c.announced >= start]
        if not inside:
            what = {"cut": "cut", "hike": "raised"}.get(query.direction or "", "changed")
            raise MarketDataUnavailable(f"the Fed {what} no rates {_in(query.period.label)}")
    if not changes:
        raise MarketDataUnavailable(f"no Fed {query.direction or 'rate'} move up to {upto}")
    c = changes[-1]
    points = lookup.fed()
    through = min(points[-1].date, upto)
    count, direction, _ = M.consecutive_moves(lookup.fed_changes(), c.announced)
    verb = "cut" if c.bp < 0 else "raised"
    run = ""
    if direction == c.direction and 1 < count < len(_ORDINALS):
        run = f"; it was the {_ORDINALS[count]} {c.direction} in a row"
    statement = (
        f"The Fed last {verb} rates on {record_date(c.announced)}, by {abs(c.bp)} bp, from "
        f"{c.old_lower:.2f}-{c.old_upper:.2f}% to {c.new_lower:.2f}-{c.new_upper:.2f}% "
        f"(the FOMC decision day; FRED dates the new range from {record_date(c.date)}){run}; "
        f"the target range data runs through {record_date(through)}."
    )
    ev = rate_change_evidence(c)
    period = Period(c.announced, c.announced, "day", record_date(c.announced))
    return f"Fed funds target: last {c.direction}", statement, float(c.bp), "bp", period, ev


def _fed_level(query: DataQuery, lookup: Lookup) -> _Item:
    day = _upto(query, lookup)
    point = M.target_on(lookup.fed(), day, announced=True)
    if point is None:
        point = lookup.fed()[-1] if lookup.fed() and lookup.fed()[-1].date <= day else None
    if point is None:
        raise MarketDataUnavailable(f"no Fed funds target data for {day}")
    shown = min(day, max(point.date, lookup.fed()[-1].date))
    statement = (
        f"The Fed funds target range on {record_date(shown)} was "
        f"{point.lower:.2f}-{point.upper:.2f}%."
    )
    ev = rate_range_evidence(point, shown)
    period = Period(shown, shown, "day", record_date(shown))
    return f"Fed funds target range, {record_date(shown)}", statement, point.upper, "%", period, ev


def _yield(query: DataQuery, lookup: Lookup) -> _Item:
    points = lookup.treasury()
    end = _upto(query, lookup)
    last = M.value_on_or_before(points, end)
    if last is None:
        raise MarketDataUnavailable(f"no 10-year yield data up to {end}")
    name = "The 10-year Treasury yield"
    if query.metric == "yield_change" and query.period:
        base = M.value_on_or_before(points, query.period.start - timedelta(days=1))
        if base is None:
            raise MarketDataUnavailable(f"no 10-year yield before {query.period.start}")
        bp = round((last.value - base.value) * 100)
        statement = (
            f"{name} moved {bp:+d} bp {_in(query.period.label)}, from {base.value:.2f}% on "
            f"{record_date(base.date)} to {last.value:.2f}% on {record_date(last.date)}."
        )
        ev = Evidence(
            ticker="DGS10",
            source=DGS10_SOURCE,
            dates=[base.date, last.date],
            fields=["value", "value"],
            values=[base.value, last.value],
            formula=f"({M.fmt(last.value)} - {M.fmt(base.value)}) * 100",
            result=float(bp),
        )
        period = Period(base.date, last.date, "since", query.period.label)
        label = f"10-year yield change, {query.period.label}"
        return label, statement, float(bp), "bp", period, ev
    statement = f"{name} was {last.value:.2f}% on {record_date(last.date)}."
    ev = Evidence(
        ticker="DGS10",
        source=DGS10_SOURCE,
        dates=[last.date],
        fields=["value"],
        values=[last.value],
        formula=f"DGS10 on {last.date}",
        result=last.value,
    )
    period = Period(last.date, last.date, "day", record_date(last.date))
    return f"10-year yield, {record_date(last.date)}", statement, last.value, "%", period, ev
