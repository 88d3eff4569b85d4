"""Checkers for claims about prices: moves, levels, volatility and drawdowns."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import date, timedelta

from assistant.errors import MarketDataUnavailable
from assistant.i18n.formats import record_date as fmt_date
from assistant.i18n.formats import record_value as fmt_value
from assistant.market import metrics as M
from assistant.market.base import PRICE_FIELDS, Bar
from assistant.market.metrics import window_change as compute_change
from assistant.market.symbols import SYMBOLS
from assistant.models import Claim, Evidence
from assistant.text.times import month_re
from assistant.verify.grading import Outcome, grade, matches, tolerance_text
from assistant.verify.lookup import RELATED, Lookup, label
from assistant.verify.windows import shift_years, shifted_windows

NEARBY_TRADING_DAYS = 10
SEARCH_FIELDS = ("close", "high", "low", "open")


_PHRASES = {
    "weekly": "for the week",
    "week's": "for the week",
    "week-to-date": "for the week to date",
    "monthly": "for the month",
    "month's": "for the month",
    "annual": "for the year",
    "yearly": "for the year",
    "year's": "for the year",
    "full-year": "for the year",
    "quarterly": "for the quarter",
}


def period_phrase(period: str | None) -> str:
    """A time expression as it reads after a name: "on Friday", "for the week", "in 2025"."""
    text = (period or "").strip()
    low = text.lower()
    if low in _PHRASES:
        return _PHRASES[low]
    text = re.sub(r"['\u2019]s$", "", text)
    if re.fullmatch(r"(?:monday|tuesday|wednesday|thursday|friday)", text, re.IGNORECASE):
        return f"on {text.capitalize()}"
    if re.fullmatch(r"[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?", text):
        return f"on {text}"
    if re.fullmatch(month_re("m") + r"(?:,?\s+\d{4})?", text, re.IGNORECASE):
        return f"in {text}"  # "July belonged to technology": a month as the sentence's subject
    if re.match(month_re("m") + r"\b", text) or text[:2] == text[:2].upper():
        return text  # "July 31 to Oct. 27" keeps its capital
    return text[:1].lower() + text[1:]


def _pct(x: float) -> str:
    return fmt_value(x, "%")


def check_one_day(claim: Claim, lookup: Lookup) -> Outcome:
    """'a 17% one-day plunge in January': some session of the window moved that much."""
    ticker = claim.ticker
    assert ticker and claim.start and claim.end
    bars = lookup.bars(ticker, claim.start)
    moves = []
    for b in bars:
        if claim.start <= b.date <= min(claim.end, lookup.as_of):
            try:
                moves.append(M.one_day_move(bars, b.date))
            except MarketDataUnavailable:
                continue
    if not moves:
        raise MarketDataUnavailable(f"no {ticker} sessions in {claim.period or 'the window'}")
    tol = tolerance_text(claim)
    best = min(moves, key=lambda ch: abs(ch.pct - claim.value))
    ev = [lookup.receipt(ticker, best, tolerance=tol, start=claim.start)]
    day = fmt_date(best.end_bar.date)
    verdict = grade(claim.value, best.pct, claim)
    if verdict:
        return Outcome(
            verdict, round(best.pct, 4), f"{label(ticker)} moved {_pct(best.pct)} on {day}", ev
        )
    extreme = (
        max(moves, key=lambda ch: ch.pct) if claim.value > 0 else min(moves, key=lambda ch: ch.pct)
    )
    return Outcome(
        "contradicted",
        round(extreme.pct, 4),
        f"no session {claim.period or ''} moved {_pct(claim.value)}; the biggest "
        f"{'gain' if claim.value > 0 else 'drop'} was {_pct(extreme.pct)} "
        f"on {fmt_date(extreme.end_bar.date)}",
        [lookup.receipt(ticker, extreme, tolerance=tol, start=claim.start)],
    )


def check_from_trough(claim: Claim, lookup: Lookup) -> Outcome:
    """'up 12% since its late-October low': from the period's lowest close to the close of the
    claim's day; a figure that holds only from the lowest intraday price abstains."""
    ticker = claim.ticker
    assert ticker and claim.peak_start and claim.peak_end and claim.end
    bars = lookup.bars(ticker, claim.peak_start)
    span = [b for b in bars if claim.peak_start <= b.date <= claim.peak_end]
    last = M.bar_on_or_before(bars, min(claim.end, lookup.as_of))
    if not span or last is None:
        raise MarketDataUnavailable(f"no {ticker} bars for the peak window")
    low = min(span, key=lambda b: b.close)
    change = M.price_change(low, "close", last, "close", "pct_change")
    tol = tolerance_text(claim)
    ev = [lookup.receipt(ticker, change, tolerance=tol, start=low.date)]
    text = (
        f"{label(ticker)} closed {fmt_date(last.date)} at {last.close:g}, {_pct(change.pct)} from "
        f"its lowest close from {fmt_date(claim.peak_start)} to {fmt_date(claim.peak_end)}, "
        f"{low.close:g} ({fmt_date(low.date)})"
    )
    computed = round(change.pct, 4)
    verdict = grade(claim.value, change.pct, claim)
    if verdict:
        return Outcome(verdict, computed, text, ev)
    bottom = min(span, key=lambda b: b.low)
    alt = M.price_change(bottom, "low", last, "close", "pct_change")
    if matches(claim.value, alt.pct, claim):
        ev.append(lookup.receipt(ticker, alt, tolerance=tol, start=bottom.date))
        why = f"{_pct(alt.pct)} is measured from the intraday low; {text}"
        return Outcome("unverifiable", computed, why, ev)  # which low the text meant is open
    market = _from_the_markets_low(claim, lookup, span, last)
    if market is not None and _ITS.search(claim.period or ""):
        why = f"ambiguous: read for the market's low the figure holds ({market.explanation}); "
        return Outcome("unverifiable", computed, why + f"as read, {text}", ev + market.evidence)
    if market is not None:
        return market
    return Outcome("contradicted", computed, text, ev)


MARKET = "^GSPC"  # whose low "the October 2022 low" names, for a stock
_ITS = re.compile(r"(?i)\b(?:its|their)\b")


def _from_the_markets_low(
    claim: Claim, lookup: Lookup, span: list[Bar], last: Bar
) -> Outcome | None:
    """A stock 'up 1,538% since the October 2022 low': the market's low (the S&P 500's
    lowest close of the window), not the stock's own, when the words do not say 'its'. With
    'its' ("a 35% rebound from its April low"), a figure that holds only from the market's
    low day abstains: writers date a stock's low by the market's."""
    ticker = claim.ticker
    sym = SYMBOLS.get(ticker or "")
    if not ticker or sym is None or sym.kind not in ("stock", "etf", "index") or ticker == MARKET:
        return None  # (also an index's: "From the October 2022 low the Russell has gained")
    try:
        bars = lookup.bars(MARKET, span[0].date)
    except MarketDataUnavailable:
        return None
    index = [b for b in bars if span[0].date <= b.date <= span[-1].date]
    if not index:
        return None
    day = min(index, key=lambda b: b.close).date
    start = next((b for b in span if b.date == day), None)
    if start is None:
        return None
    change = M.price_change(start, "close", last, "close", "pct_change")
    verdict = grade(claim.value, change.pct, claim)
    if not verdict:
        return None
    tol = tolerance_text(claim)
    text = (
        f"{label(ticker)} closed {fmt_date(last.date)} at {last.close:g}, {_pct(change.pct)} from "
        f"its close of {start.close:g} on {fmt_date(day)}, the day of {label(MARKET)}'s lowest "
        f"close from {fmt_date(span[0].date)} to {fmt_date(span[-1].date)}"
    )
    ev = [lookup.receipt(ticker, change, tolerance=tol, start=day)]
    return Outcome(verdict, round(change.pct, 4), text, ev)


def check_pct_change(claim: Claim, lookup: Lookup) -> Outcome:
    if claim.field == "one_day":
        return check_one_day(claim, lookup)
    if claim.start_field == "trough" and claim.peak_start and claim.peak_end:
        return check_from_trough(claim, lookup)
    ticker = claim.ticker
    assert ticker and claim.start and claim.end and claim.window
    fld = claim.field or "close"
    bars = lookup.bars(ticker, claim.start)
    change = compute_change(bars, claim.window, claim.start, claim.end, fld)
    tol = tolerance_text(claim)
    ev = [lookup.receipt(ticker, change, tolerance=tol, start=claim.start)]
    name = label(ticker)
    what = f"{name} {period_phrase(claim.period)}".strip()
    computed = round(change.pct, 4)
    verdict = grade(claim.value, change.pct, claim)
    if verdict:
        first, last = change.start_bar.date, change.end_bar.date
        expl = f"{what}: {_pct(change.pct)} ({fmt_date(first)} {change.start_field} "
        expl += f"{change.start_value:g} to {fmt_date(last)} {change.end_value:g})"
        return Outcome(verdict, computed, expl, ev)
    # a different convention of the same quantity
    other = "close" if fld == "adj_close" else "adj_close"
    alt = compute_change(bars, claim.window, claim.start, claim.end, other)
    if matches(claim.value, alt.pct, claim):
        conv = "total return" if other == "adj_close" else "price return"
        mine = "price return" if other == "adj_close" else "total return"
        ev.append(lookup.receipt(ticker, alt, tolerance=tol, start=claim.start))
        return Outcome(
            "approximate",
            computed,
            f"{_pct(alt.pct)} is the {conv}; the {mine} of {what} was {_pct(change.pct)}",
            ev,
        )
    found = _misdated_change(claim, lookup, bars, fld)
    if found:
        where, alt_change, alt_ticker = found
        ev.append(lookup.receipt(alt_ticker, alt_change, tolerance=tol, start=claim.start))
        a, b = change.start_bar.date, change.end_bar.date
        if (
            alt_ticker == ticker
            and _sessions_told(claim)
            and alt_change.end_bar.date == b
            and not any(alt_change.start_bar.date < x.date < a for x in bars)
        ):
            return Outcome("supported", alt_change.pct,
                           f"{what} {_INCLUSIVE}: {_pct(alt_change.pct)}", ev[-1:])  # fmt: skip
        if (
            alt_ticker == ticker
            and (b - a).days >= 20
            and abs((alt_change.start_bar.date - a).days) <= 5
            and abs((alt_change.end_bar.date - b).days) <= 5
        ):  # "fell 4.6% over the three months", of the quarter that ended two days before
            holds = f"{_pct(alt_change.pct)} is {where}"
            as_read = f"{what} was {_pct(change.pct)}"
            span = "nearly the same span"
            why = f"ambiguous: read for {span} the figure holds ({holds}); as read, {as_read}"
            return Outcome("unverifiable", computed, why, ev)
        return Outcome(
            "misdated",
            computed,
            f"{_pct(alt_change.pct)} is {where}; {what} was {_pct(change.pct)}",
            ev,
        )
    flip = " (wrong direction)" if claim.value * change.pct < 0 else ""
    return Outcome("contradicted", computed, f"{what} was {_pct(change.pct)}{flip}", ev)


def _points_receipt(
    lookup: Lookup, ticker: str, change: M.PriceChange, tol: str, start: date
) -> Evidence:
    """The receipt of a change in points: end minus base."""
    ev = lookup.receipt(ticker, change, tolerance=tol, start=start)
    return ev.model_copy(
        update={"formula": change.points_formula, "result": round(change.points, 4)}
    )


def check_point_change(claim: Claim, lookup: Lookup) -> Outcome:
    """'The Dow rose 412.30 points': end minus base over the claim's window."""
    ticker = claim.ticker
    assert ticker and claim.start and claim.end and claim.window
    bars = lookup.bars(ticker, claim.start)
    fld = claim.field if claim.field in ("high", "low") and claim.window == "day" else "close"
    change = compute_change(bars, claim.window, claim.start, claim.end, fld)
    tol = tolerance_text(claim)
    ev = _points_receipt(lookup, ticker, change, tol, claim.start)
    what = f"{label(ticker)} {period_phrase(claim.period)}".strip()
    first, last = change.start_bar.date, change.end_bar.date
    detail = f"({fmt_date(first)} close {change.start_value:,.2f} to {fmt_date(last)} "
    detail += f"{change.end_value:,.2f})"
    verdict = grade(claim.value, change.points, claim)
    computed = round(change.points, 4)
    if verdict:
        return Outcome(verdict, computed, f"{what}: {change.points:+,.2f} points {detail}", [ev])
    if claim.window == "day":
        i = bisect.bisect_left(bars, claim.start, key=lambda b: b.date)
        for k in nearest_first(i, len(bars)):
            try:
                other = M.one_day_move(bars, bars[k].date)
            except MarketDataUnavailable:
                continue
            if other.end_bar.date <= lookup.as_of and matches(claim.value, other.points, claim):
                return Outcome(
                    "misdated",
                    computed,
                    f"{other.points:+,.2f} points was {label(ticker)}'s move on "
                    f"{fmt_date(other.end_bar.date)}; {what} was {change.points:+,.2f} {detail}",
                    [ev],
                )
    else:  # a period of the same shape nearby: "the Dow gave up 3,910.46 points" a week off
        for where, s, e in shifted_windows(claim, lookup.as_of):
            try:
                other = compute_change(bars, claim.window, s, e, "close")
            except MarketDataUnavailable:
                continue
            if matches(claim.value, other.points, claim):
                if _sessions_told(claim) and (s, e) == (claim.start - timedelta(days=1), claim.end):
                    got = _points_receipt(lookup, ticker, other, tol, s)
                    return Outcome("supported", other.points, f"{label(ticker)} {_INCLUSIVE}: "
                                   f"{other.points:+,.2f} points", [got])  # fmt: skip
                return Outcome(
                    "misdated",
                    computed,
                    f"{other.points:+,.2f} points was {label(ticker)}'s change {where}; "
                    f"{what} was {change.points:+,.2f} {detail}",
                    [ev],
                )
    flip = " (wrong direction)" if claim.value * change.points < 0 else ""
    return Outcome(
        "contradicted", computed, f"{what} was {change.points:+,.2f} points{flip} {detail}", [ev]
    )


_INCLUSIVE = "counted over the sessions told, from the close before the first"


def _sessions_told(claim: Claim) -> bool:
    """ "Over its nine straight gains, from Dec. 7 through Tuesday, the Dow added 1,503.49
    points": the sessions from Dec. 7 on, which a writer may count from the close before."""
    return bool(
        claim.window == "since"
        and claim.start is not None
        and claim.window_source == "explicit"
        and re.fullmatch(
            r"(?i)(?:from\s+)?[\w.]+\s+\d{1,2}\s+(?:through|thru|to)\s+[\w.]+", claim.period or ""
        )
    )


def check_gap(claim: Claim, lookup: Lookup) -> Outcome:
    """'Small caps outpaced the S&P 500 by 3 percentage points': the difference of two changes."""
    a, b = claim.ticker, claim.field
    assert a and b and claim.start and claim.end and claim.window
    ca = compute_change(lookup.bars(a, claim.start), claim.window, claim.start, claim.end, "close")
    cb = compute_change(lookup.bars(b, claim.start), claim.window, claim.start, claim.end, "close")
    gap = ca.pct - cb.pct
    tol = tolerance_text(claim)
    ev = [
        lookup.receipt(a, ca, tolerance=tol, start=claim.start),
        lookup.receipt(b, cb, tolerance=tol, start=claim.start),
    ]
    text = (
        f"{label(a)} {_pct(ca.pct)} vs {label(b)} {_pct(cb.pct)} "
        f"{claim.period or ''}: a gap of {gap:+.2f} percentage points"
    )
    verdict = grade(claim.value, gap, claim)
    return Outcome(verdict or "contradicted", round(gap, 4), text, ev)


def _misdated_change(
    claim: Claim, lookup: Lookup, bars: list[Bar], fld: str
) -> tuple[str, M.PriceChange, str] | None:
    assert claim.ticker and claim.start and claim.end
    ticker = claim.ticker
    name = label(ticker)
    if claim.window == "day":
        i = bisect.bisect_left(bars, claim.start, key=lambda b: b.date)
        for k in nearest_first(i, len(bars)):
            try:
                ch = M.one_day_move(bars, bars[k].date)
            except MarketDataUnavailable:
                continue
            if matches(claim.value, ch.pct, claim):
                return f"{name}'s move on {fmt_date(bars[k].date)}", ch, ticker
    else:
        for where, s, e in shifted_windows(claim, lookup.as_of):
            try:
                ch = compute_change(bars, claim.window or "window", s, e, fld)
            except MarketDataUnavailable:
                continue
            if matches(claim.value, ch.pct, claim):
                return f"{name}'s change {where}", ch, ticker
        if claim.window == "window":
            try:
                intraday = [
                    M.window_low_to_high(bars, claim.start, claim.end),
                    M.window_high_to_low(bars, claim.start, claim.end),
                ]
            except MarketDataUnavailable:
                intraday = []
            for ch in intraday:
                if matches(claim.value, ch.pct, claim):
                    return (
                        f"the intraday move from {name}'s {fmt_date(ch.start_bar.date)} "
                        f"{ch.start_field} to its {fmt_date(ch.end_bar.date)} {ch.end_field}, "
                        "not the close-to-close change",
                        ch,
                        ticker,
                    )
    for other in RELATED.get(ticker, ()):
        try:
            obars = lookup.bars(other, claim.start)
            ch = compute_change(obars, claim.window or "window", claim.start, claim.end, fld)
        except MarketDataUnavailable:
            continue
        if matches(claim.value, ch.pct, claim):
            return f"{label(other)}'s change over the same window", ch, other
    return None


def nearest_first(i: int, n: int) -> Iterator[int]:
    """Indices of bars around index i, the nearest first (up to NEARBY_TRADING_DAYS)."""
    for k in range(1, NEARBY_TRADING_DAYS + 1):
        for j in (i - k, i + k - 1, i + k):
            if 0 <= j < n:
                yield j


def check_level(
    claim: Claim, lookup: Lookup, ticker: str, day: date | None, fld: str, claimed: float
) -> Outcome:
    """A price or index level on a day (or the window's extreme for high/low)."""
    tol = tolerance_text(claim)
    bars = lookup.bars(ticker, day or lookup.as_of)
    name = label(ticker)
    money = "$" if claim.unit == "$" or claim.kind == "move" else ""
    dec = max(2, claim.decimals) if claim.kind != "move" else 2

    def show(v: float) -> str:
        return f"{money}{v:,.{dec}f}"

    assumed = ""
    if day is None:
        last = M.bar_on_or_before(bars, lookup.as_of)
        if last is None:
            raise MarketDataUnavailable(f"no {ticker} bars up to {lookup.as_of}")
        day, assumed = last.date, " (no date given: the article's date is assumed)"
    bar = _window_bar(claim, bars, fld) if claim.window == "window" else M.bar_on(bars, day)
    if bar is None and re.search(r"(?i)\b(?:end|close)\s+of\b", claim.period or ""):
        bar = M.bar_on_or_before(bars, day)  # "at the end of March" 2024: Thursday the 28th
    extreme = fld in ("peak", "trough")  # the period's highest (lowest) close
    if bar is not None:
        read = "close" if extreme else fld
        computed = bar.get(read)
        verdict = grade(claimed, computed, claim)
        ev = [lookup.bar_receipt(ticker, bar, read, tolerance=tol)]
        if extreme and claim.start is not None:  # a number that names a period's peak
            tip_fld = "low" if fld == "trough" else "high"
            if (
                verdict != "supported"
                and (tip := _window_bar(claim, bars, tip_fld)) is not None
                and grade(claimed, tip.get(tip_fld), claim) == "supported"
            ):  # "bottomed at 3,491.58 in October 2022": the intraday low
                which = "lowest intraday low" if fld == "trough" else "highest intraday high"
                text = (
                    f"{name}'s {which} from {fmt_date(claim.start)} to {fmt_date(day)} was "
                    f"{show(tip.get(tip_fld))} ({fmt_date(tip.date)})"
                )
                tip_ev = [lookup.bar_receipt(ticker, tip, tip_fld, tolerance=tol)]
                return Outcome("supported", tip.get(tip_fld), text, tip_ev)
            text = (
                f"{name}'s {'highest' if fld == 'peak' else 'lowest'} close from "
                f"{fmt_date(claim.start)} to {fmt_date(day)} was {show(computed)} "
                f"({fmt_date(bar.date)})"
            )
            return Outcome(verdict or "contradicted", computed, text, ev)
        if verdict:
            text = f"{name}'s {fmt_date(bar.date)} {fld} was {show(computed)}{assumed}"
            return Outcome(verdict, computed, text, ev)
    hit = _find_price(bars, day, claimed, claim)
    if hit is None:
        for other in RELATED.get(ticker, ()):
            try:
                obars = lookup.bars(other, day)
            except MarketDataUnavailable:
                continue
            hit = _find_price(obars, day, claimed, claim, same_day_only=True)
            if hit:
                ticker, name = other, label(other)
                break
    if bar is None:
        if hit is None:
            raise MarketDataUnavailable(
                f"{fmt_date(day)} was not a trading day for {label(ticker)}"
            )
        hb, hf = hit
        return Outcome(
            "misdated",
            None,
            f"{show(claimed)} is {name}'s {fmt_date(hb.date)} {hf}; "
            f"{fmt_date(day)} was not a trading day",
            [lookup.bar_receipt(ticker, hb, hf, tolerance=tol)],
        )
    computed = bar.get(fld)
    ev = [lookup.bar_receipt(claim.ticker or ticker, bar, fld, tolerance=tol)]
    if hit:
        hb, hf = hit
        ev.append(lookup.bar_receipt(ticker, hb, hf, tolerance=tol))
        if fld == "high" and hf == "close" and hb.date == bar.date and _a_closing_peak(bars, hb):
            return Outcome(  # "peaked at 16,057.44 on Nov. 19": the peak close, not the high
                "supported",
                hb.close,
                f"{show(claimed)} is {name}'s {fmt_date(hb.date)} close, its highest close in a "
                f"year: a closing peak (that day's high was {show(computed)})",
                ev[1:],
            )
        return Outcome(
            "misdated",
            computed,
            f"{show(claimed)} is {name}'s {fmt_date(hb.date)} {hf}; "
            f"{label(claim.ticker or ticker)}'s {fmt_date(bar.date)} {fld} was {show(computed)}",
            ev,
        )
    return Outcome(
        "contradicted",
        computed,
        f"{label(claim.ticker or ticker)}'s {fmt_date(bar.date)} {fld} was "
        f"{show(computed)}{assumed}",
        ev,
    )


def _a_closing_peak(bars: list[Bar], bar: Bar) -> bool:
    """The bar's close is the highest of the year up to it."""
    year = [b.close for b in bars if 0 <= (bar.date - b.date).days <= 365]
    return len(year) > 200 and bar.close >= max(year)


def _window_bar(claim: Claim, bars: list[Bar], fld: str) -> Bar | None:
    assert claim.start and claim.end
    window = [b for b in bars if claim.start <= b.date <= claim.end]
    if not window:
        return None
    if fld == "high":
        return max(window, key=lambda b: b.high)
    if fld == "low":
        return min(window, key=lambda b: b.low)
    if fld == "peak":  # the period's highest close
        return max(window, key=lambda b: b.close)
    if fld == "trough":
        return min(window, key=lambda b: b.close)
    return window[-1]


def _find_price(
    bars: list[Bar], day: date, claimed: float, claim: Claim, same_day_only: bool = False
) -> tuple[Bar, str] | None:
    """The nearest bar and field whose value matches the claimed price."""
    i = bisect.bisect_left(bars, day, key=lambda b: b.date)
    order = [i] if same_day_only else [i, *list(nearest_first(i, len(bars)))]
    for k in order:
        if not 0 <= k < len(bars):
            continue
        for f in SEARCH_FIELDS:
            if matches(claimed, bars[k].get(f), claim):
                if bars[k].date == day and f == (claim.field or "close") and not same_day_only:
                    continue
                return bars[k], f
    return None


def check_price(claim: Claim, lookup: Lookup) -> Outcome:
    assert claim.ticker
    fld = claim.field if claim.field in (*PRICE_FIELDS, "peak", "trough") else "close"
    return check_level(claim, lookup, claim.ticker, claim.end, fld, claim.value)


def check_move(claim: Claim, lookup: Lookup) -> Outcome:
    """Every part of 'rose X% from its D1 close to its D2 high of $Y', and the arithmetic."""
    assert claim.ticker and claim.start and claim.end
    ticker, f1, f2 = claim.ticker, claim.start_field or "close", claim.end_field or "close"
    bars = lookup.bars(ticker, claim.start)
    change = M.change_between(bars, claim.start, f1, claim.end, f2)
    tol = tolerance_text(claim)
    ev = [lookup.receipt(ticker, change, tolerance=tol, start=claim.start)]
    parts: list[Outcome] = []
    price_claim = claim.model_copy(update={"unit": "$", "decimals": 2, "approximate": False})
    for d, f, v in ((claim.start, f1, claim.start_value), (claim.end, f2, claim.end_value)):
        if v is not None:
            price_claim = price_claim.model_copy(update={"decimals": _decimals(v)})
            parts.append(check_level(price_claim, lookup, ticker, d, f, v))
    computed = round(change.pct, 4)
    pct_verdict = grade(claim.value, change.pct, claim)
    if pct_verdict:
        parts.append(Outcome(pct_verdict, computed, "", []))
    elif alt := _other_start(claim, bars, change):
        start = f"{fmt_date(alt.start_bar.date)} {alt.start_field} ({alt.start_value:g})"
        what = f"from {ticker}'s {start}"
        parts.append(
            Outcome(
                "misdated",
                computed,
                f"{_pct(alt.pct)} is the move {what}; from the stated "
                f"{f1} it was {_pct(change.pct)}",
                [lookup.receipt(ticker, alt, tolerance=tol, start=claim.start)],
            )
        )
    else:
        parts.append(Outcome("contradicted", computed, f"the move was {_pct(change.pct)}", []))
    if claim.start_value is not None and claim.end_value is not None:
        implied = (claim.end_value / claim.start_value - 1) * 100
        if not grade(claim.value, implied, claim):
            parts.append(
                Outcome(
                    "contradicted",
                    computed,
                    f"the stated prices imply {_pct(implied)}, not {_pct(claim.value)}",
                    [],
                )
            )
    for p in parts:
        ev.extend(e for e in p.evidence if e not in ev)
    order = ("misdated", "contradicted", "approximate", "supported")
    worst = min(parts, key=lambda p: order.index(p.verdict))
    summary = (
        f"{label(ticker)} {fmt_date(change.start_bar.date)} {f1} {change.start_value:g} to "
        f"{fmt_date(change.end_bar.date)} {f2} {change.end_value:g}: {_pct(change.pct)}"
    )
    notes = "; ".join(p.explanation for p in parts if p.verdict == worst.verdict and p.explanation)
    return Outcome(worst.verdict, computed, f"{notes}; {summary}" if notes else summary, ev)


def _other_start(claim: Claim, bars: list[Bar], change: M.PriceChange) -> M.PriceChange | None:
    """The start (another field that day, or a nearby day) the claimed move really has."""
    end_bar, end_field = change.end_bar, change.end_field
    i = bisect.bisect_left(bars, change.start_bar.date, key=lambda b: b.date)
    candidates = [(i, f) for f in SEARCH_FIELDS if f != change.start_field]
    candidates += [(k, change.start_field) for k in nearest_first(i, len(bars)) if abs(k - i) <= 5]
    for k, f in candidates:
        if bars[k].date >= end_bar.date:
            continue
        alt = M.price_change(bars[k], f, end_bar, end_field, "change_between")
        if matches(claim.value, alt.pct, claim):
            return alt
    return None


def _decimals(v: float) -> int:
    text = f"{v:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def check_volatility(claim: Claim, lookup: Lookup) -> Outcome:
    assert claim.ticker
    start = claim.start or shift_years(lookup.as_of, -1)
    end = claim.end or lookup.as_of
    bars = lookup.bars(claim.ticker, start)
    method = "monthly" if claim.field == "monthly" else "daily"
    vol = M.annualized_volatility(bars, start, end, method)  # type: ignore[arg-type]
    hist, data_ticker, proxy_for = lookup.history(claim.ticker, start)
    ev = [
        Evidence(
            ticker=data_ticker,
            proxy_for=proxy_for,
            source=hist.source,
            fetched_at=hist.fetched_at,
            dates=[vol.dates[0], vol.dates[-1]],
            fields=["close"],
            values=[vol.closes[0], vol.closes[-1]],
            formula=vol.formula,
            result=round(vol.pct, 4),
            tolerance=tolerance_text(claim),
        )
    ]
    what = f"{label(claim.ticker)}'s annualized volatility {claim.period or 'over the past year'}"
    verdict = grade(claim.value, vol.pct, claim)
    if not verdict and abs(claim.value / vol.pct - 1) <= 0.03:
        verdict = "approximate"  # conventions (log or simple returns, 250 or 252 days, the
        # count of sessions in "a year") move the figure by a few percent of itself
    if verdict:
        return Outcome(verdict, round(vol.pct, 4), f"{what}: {vol.pct:.2f}% ({vol.convention})", ev)
    other = "daily" if method == "monthly" else "monthly"
    try:
        alt = M.annualized_volatility(bars, start, end, other)  # type: ignore[arg-type]
    except MarketDataUnavailable:
        alt = None
    if alt and matches(claim.value, alt.pct, claim):
        return Outcome(
            "approximate",
            round(vol.pct, 4),
            f"{alt.pct:.2f}% uses {alt.convention}; with {vol.convention} it is {vol.pct:.2f}%",
            ev,
        )
    return Outcome(
        "contradicted", round(vol.pct, 4), f"{what} was {vol.pct:.2f}% ({vol.convention})", ev
    )


def check_drawdown(claim: Claim, lookup: Lookup) -> Outcome:
    assert claim.ticker
    end = claim.end or lookup.as_of
    if claim.field == "52-week":
        bars = lookup.bars(claim.ticker, shift_years(end, -1))
    else:
        bars = lookup.bars(claim.ticker, date(1990, 1, 2))
    last = M.bar_on_or_before(bars, end)
    if last is None:
        raise MarketDataUnavailable(f"no {claim.ticker} bars up to {end}")
    i = bisect.bisect_right(bars, last.date, key=lambda b: b.date)
    if claim.peak_start is not None and claim.peak_end is not None:
        a = bisect.bisect_left(bars, claim.peak_start, key=lambda b: b.date)
        b = bisect.bisect_right(bars, claim.peak_end, key=lambda b: b.date)
        peak_window = bars[a : min(b, i)]
        what = f"its highest close from {fmt_date(claim.peak_start)} to {fmt_date(claim.peak_end)}"
    elif claim.field == "52-week":
        peak_window = bars[max(0, i - 252) : i]
        what = "its 52-week closing high"
    else:
        peak_window = bars[:i]
        what = "its record close"
    if not peak_window:
        raise MarketDataUnavailable(f"no {claim.ticker} bars for the peak window")
    peak = max(peak_window, key=lambda b: b.close)
    change = M.price_change(peak, "close", last, "close", "drawdown")
    tol = tolerance_text(claim)
    ev = [lookup.receipt(claim.ticker, change, tolerance=tol, start=peak.date)]
    text = (
        f"{label(claim.ticker)} closed {fmt_date(last.date)} at {last.close:g}, {_pct(change.pct)} "
        f"from {what} of {peak.close:g} ({fmt_date(peak.date)})"
    )
    verdict = grade(claim.value, change.pct, claim)
    if verdict:
        return Outcome(verdict, round(change.pct, 4), text, ev)
    intraday = max(peak_window, key=lambda b: b.high)
    alt = M.price_change(intraday, "high", last, "close", "drawdown")
    if matches(claim.value, alt.pct, claim):
        ev.append(lookup.receipt(claim.ticker, alt, tolerance=tol, start=intraday.date))
        return Outcome(
            "approximate",
            round(change.pct, 4),
            f"{_pct(alt.pct)} is measured from the intraday high; {text}",
            ev,
        )
    return Outcome("contradicted", round(change.pct, 4), text, ev)
