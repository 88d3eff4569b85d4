"""What stands between a computed value and a verdict: data coverage, bounds, the session
an article was written in, and readings the text leaves open.

A false alarm (a true claim called contradicted or misdated) is the worst thing the
checker can do, so a claim whose window, subject or field was inferred rather than
written is called wrong only when no other sensible reading of the same words is true.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from assistant.errors import MarketDataUnavailable
from assistant.i18n.formats import record_date as fmt_date
from assistant.market import metrics as M
from assistant.market.calendar import last_session, sessions_between
from assistant.market.symbols import SYMBOLS, find_symbols
from assistant.models import Claim
from assistant.text.times import (
    COUNTED_BACK,
    COUNTED_FROM,
    FINISHED_MONTH,
    REVIEWED_OR_SINCE,
    find_windows,
    month_re,
    part_days,
    shift_months,
)
from assistant.verify.grading import Outcome, unit_of
from assistant.verify.lookup import Lookup, label
from assistant.verify.prices import nearest_first

Check = Callable[[Claim, Lookup], Outcome]
CHANGE_KINDS = ("pct_change", "point_change")
LEVEL_KINDS = ("price", "index_level")
YIELD_KINDS = ("yield_level", "yield_change")


def stale_reason(claim: Claim, lookup: Lookup) -> str | None:
    """The data stops before the claim's window ends: never judge a truncated window."""
    if claim.kind not in (*CHANGE_KINDS, *LEVEL_KINDS, "drawdown", "volatility", "gap"):
        return None
    if not claim.ticker or claim.end is None:
        return None
    end = min(claim.end, lookup.as_of)
    try:
        hist, data_ticker, _ = lookup.history(claim.ticker, claim.start or end)
    except MarketDataUnavailable:
        return None
    last = hist.bars[-1].date
    if last >= end:
        return None
    if sessions_between(last + timedelta(days=1), end):
        return f"the {data_ticker} data ends {fmt_date(last)}, before {fmt_date(end)}"
    return None


def check_bound(claim: Claim, lookup: Lookup, check: Check) -> Outcome:
    """'closed above 6,800', 'fell more than 4%': true when the value is on that side."""
    plain = claim.model_copy(update={"bound": None, "approximate": False})
    inner = check(plain, lookup)
    if inner.computed is None:
        return inner
    value = inner.computed
    if claim.kind in CHANGE_KINDS:  # a bound on the size of a move in the stated direction
        if value * claim.value < 0:
            return Outcome("contradicted", value, f"wrong direction; {inner.explanation}",
                           inner.evidence)  # fmt: skip
        value, claimed = abs(value), abs(claim.value)
    else:
        claimed = claim.value
    ok = value > claimed if claim.bound == "above" else value < claimed
    if not ok and inner.verdict == "unverifiable":
        return inner  # another reading of the words holds, or the date is not the text's own
    side = "above" if claim.bound == "above" else "below"
    if not ok and claim.kind in YIELD_KINDS:  # two sources: one on the stated side will do
        for ev in inner.evidence:
            other = ev.result
            if other is not None and (other > claimed if side == "above" else other < claimed):
                text = f"is {side} {claimed:g} by {ev.ticker} ({other:g}): {inner.explanation}"
                return Outcome("supported", other, text, inner.evidence)
    if (
        not ok
        and claim.kind in LEVEL_KINDS
        and claim.start
        and claim.end
        and claim.start < claim.end
    ):
        some = _some_close(claim, lookup, claimed, side)
        if some is not None:  # "spent a few days in February above 50,000": on some of them
            span = f"{fmt_date(claim.start)} and {fmt_date(claim.end)} ({some})"
            why = (
                f"above {claimed:g} at a close between {span}, not at the last: {inner.explanation}"
                if side == "above"
                else f"below {claimed:g} at a close between {span}, not at the last: "
                f"{inner.explanation}"
            )
            return Outcome("unverifiable", inner.computed, why, inner.evidence)
    text = f"{'is' if ok else 'is not'} {side} {claimed:g}: {inner.explanation}"
    if not ok and claim.unit == "%":  # "within 1.6% of its record" at 1.61%: as written, 1.6%
        slack = unit_of(claim) / 2 + (0.1 * abs(claimed) if claim.approximate else 0.0)
        if abs(value - claimed) <= slack:
            said = f"{side} {claimed:g} as rounded: {inner.explanation}"
            if claim.approximate:
                return Outcome("approximate", inner.computed, said, inner.evidence)
            return Outcome("supported", inner.computed, said, inner.evidence)
    return Outcome("supported" if ok else "contradicted", inner.computed, text, inner.evidence)


def _some_close(claim: Claim, lookup: Lookup, claimed: float, side: str) -> str | None:
    """The first close within the claim's period on the bound's side, as text."""
    if claim.ticker is None or claim.start is None or claim.end is None:
        return None
    try:
        bars = lookup.bars(claim.ticker, claim.end)
    except MarketDataUnavailable:
        return None
    for bar in bars:
        if claim.start <= bar.date <= claim.end:
            close = bar.get("close")
            if close is not None and (close > claimed if side == "above" else close < claimed):
                return f"{fmt_date(bar.date)} close {close:,.2f}"
    return None


def session_range(
    claim: Claim, lookup: Lookup, computed: float | None = None
) -> tuple[float, float] | None:
    """The session's low..high of the quantity the claim states, or None; a distance from a
    peak needs the one `computed` at the close."""
    if not claim.ticker or claim.end is None:
        return None
    ticker = claim.ticker
    if claim.kind in ("yield_level", "yield_change"):  # the day's range: the market's series
        ticker = {"DGS10": "^TNX", "^TNX": "^TNX", "^FVX": "^FVX"}.get(ticker, "")
        if not ticker:
            return None
    bars = lookup.bars(ticker, claim.start or claim.end)
    bar = M.bar_on(bars, claim.end)
    prev = M.bar_before(bars, claim.end)
    if claim.start and claim.window in ("since", "trailing"):
        prev = M.bar_on_or_before(bars, claim.start)  # "up 1.2% from its Wednesday close"
    elif claim.start and claim.window == "window":
        prev = M.bar_before(bars, claim.start)
    if bar is None or prev is None:
        return None
    low, high = bar.low, bar.high
    last = M.bar_before(bars, claim.end)
    if last is not None and (
        (claim.start and claim.start < claim.end and last.date > prev.date)
        or claim.kind == "drawdown"
    ):
        # "still up 6.3% for the year" in a midday note: often as of the last close
        low, high = min(low, last.close), max(high, last.close)
    if claim.kind == "pct_change":
        return (low / prev.close - 1) * 100, (high / prev.close - 1) * 100
    if claim.kind == "point_change":
        return low - prev.close, high - prev.close
    if claim.kind == "yield_change":  # in basis points
        return (low - prev.close) * 100, (high - prev.close) * 100
    if claim.kind in (*LEVEL_KINDS, "yield_level"):
        return bar.low, bar.high
    if claim.kind == "drawdown" and computed is not None:  # "has fallen 5.5% from its high"
        peak = bar.close / (1 + computed / 100)
        return (low / peak - 1) * 100, (high / peak - 1) * 100
    return None


def check_intraday(claim: Claim, lookup: Lookup, outcome: Outcome) -> Outcome:
    """An article written during the session: its figures were true at some moment of it."""
    if outcome.verdict == "supported" or claim.kind not in (
        *CHANGE_KINDS,
        *LEVEL_KINDS,
        "yield_level",
        "yield_change",
        "drawdown",
    ):
        return outcome
    if claim.field == "open" and claim.field_explicit:
        return outcome  # "opened at $192.75": the open is known once the session starts
    if claim.field in ("peak", "trough"):
        return outcome  # "its record close of 4,796.56": a past close, not this session's
    rng = session_range(claim, lookup, outcome.computed)
    if rng is None:
        if outcome.verdict in ("contradicted", "misdated"):
            return Outcome("unverifiable", outcome.computed,
                           f"written during the session, and no intraday range is held for "
                           f"{claim.ticker}; {outcome.explanation}", outcome.evidence)  # fmt: skip
        return outcome
    lo, hi = rng
    u = unit_of(claim)
    when = fmt_date(claim.end) if claim.end else "that day"
    text = f"written during the {when} session, whose range was {lo:,.2f} to {hi:,.2f}"
    if (
        claim.kind in (*LEVEL_KINDS, "yield_level", *CHANGE_KINDS)
        and min(abs(claim.value - lo), abs(claim.value - hi)) <= u / 2
    ):  # "briefly traded at 5,689.75", "at its worst was off 859 points", "came into the day
        # up 19.1% for the year": the session's extreme, or where it started, to the last digit
        high = abs(claim.value - hi) <= abs(claim.value - lo)
        said = f"{text}: {claim.value:,.2f} is its {'high' if high else 'low'}"
        return Outcome("supported", hi if high else lo, said, outcome.evidence)
    if claim.kind == "drawdown" and lo - u <= claim.value <= hi + u:
        why = (
            f"written during the {when} session, whose range was {lo:,.2f} to {hi:,.2f}: as far "
            "from the peak as the figure at some moment of it, or at the last close; which one "
            f"the text means is not known; {outcome.explanation}"
        )
        return Outcome("unverifiable", outcome.computed, why, outcome.evidence)
    if lo - u <= claim.value <= hi + u:
        return Outcome("approximate", outcome.computed, f"{text} (intraday); {outcome.explanation}",
                       outcome.evidence)  # fmt: skip
    return Outcome("contradicted", outcome.computed, f"outside the range: {text}",
                   outcome.evidence)  # fmt: skip


# windows the reader fell back on that name no base for a change
_NO_BASE = ("the day of publication", "now", "now (present tense)", "currently", "at present")


_TO_DATE = ("the week to date", "the month to date", "the year to date")


def _to_date(claim: Claim, alt: Claim, name: str) -> bool:
    """A change told with no period at all ("the S&P 500 is up 15.8%") holds for a period to
    date: the usual sense of such a figure, the day's being the other."""
    return (
        name in _TO_DATE
        and alt.ticker == claim.ticker
        and claim.subject_source != "carried"
        and claim.kind in CHANGE_KINDS
        and (claim.period or "").lower() in _NO_BASE[1:]  # (not "the day of publication")
        and not claim.forecast
        and not _AHEAD.search(claim.text)
    )


def _the_days_move(claim: Claim, alt: Claim, name: str, got: Outcome) -> bool:
    """A move told in a sentence that names no time ("Tesla jumped 5.5% to $233"), which the
    reader gave the story's longer period or an earlier sentence's, and which is the day's
    move to the figure's last digit: in a story about that day, the day's. One too big for a
    day that is the year's to date ("the Nasdaq soared 43.4%", in a year review told on its
    last session) is the year's."""
    return (
        (
            name == "the day of publication"
            or (name == "the year to date" and _too_big_for_a_day(claim))
        )
        and got.verdict == "supported"
        and alt.ticker == claim.ticker
        and claim.window_source in ("default", "carried", "section")
        and claim.subject_source != "carried"
        and claim.kind in (*CHANGE_KINDS, "yield_change")
        and not claim.forecast
        and not claim.intraday
        and alt.end is not None
        and not find_windows(claim.text, alt.end)
        and not _AHEAD.search(claim.text)
    )


# a figure about what may come: "a gain of about 5% from here", "the target implies"
_AHEAD = re.compile(
    r"(?i)\b(?:from\s+here|from\s+current\s+levels|targets?|forecasts?|expect\w*|project\w*|"
    r"would|could|will|might)\b"
)


def _weak(claim: Claim) -> list[str]:
    """What the reader inferred instead of reading it."""
    weak = []
    if claim.window_source in ("default", "carried", "section"):
        weak.append("window")
    if claim.subject_source == "carried":
        weak.append("subject")
    if not claim.field_explicit:
        weak.append("field")
    return weak


# a day named by month and day alone ("on Sept. 30"): its year is the reader's guess
_NO_YEAR_DAY = re.compile(r"(?i)\b" + month_re("m") + r"\s+\d{1,2}(?!\d|,?\s+\d{4})")
_SAME_DAY_BEFORE = "the same day of an earlier year"
_SINCE_MONTH = re.compile(r"(?i)since\s+" + month_re("m") + r"(?:\s+(?:19|20)\d{2})?$")
_FROM_MONTH_END = "the period from that month's end"
_TO_MONTH_END = "the year through the end of the previous month"  # where a month's recap stops
_AT_MONTH_END = "the year through that month's end"  # "finished June up 5.5%": for the year?
_WEEK_BEFORE = "the same weekday of the week before"
_LAST_WEEKDAY = re.compile(r"(?i)\blast\s+(?:monday|tuesday|wednesday|thursday|friday)\b")


def _alternatives(claim: Claim, lookup: Lookup) -> Iterator[tuple[str, Claim]]:
    """Other sensible readings of the same words: other windows, subjects and fields."""
    as_of = lookup.as_of
    day = last_session(
        min(claim.end, as_of) if claim.end else as_of
    )  # a morning note: the close before
    prev = last_session(day - timedelta(days=1))
    if claim.kind in ("drawdown", "rate_level", "yield_level", *LEVEL_KINDS):
        days = [("the day of publication", day), ("the session before", prev)]
        if claim.start and claim.end and claim.start < claim.end:  # "in late March"
            d = claim.start
            while d <= claim.end:
                days.append((fmt_date(d), d))
                d += timedelta(days=1)
        for name, d in days:
            if d != claim.end:
                yield name, claim.model_copy(update={"end": d, "start": d, "period": name})
    if claim.kind == "rate_count" and claim.window_source == "carried" and claim.end != as_of:
        # "The Oct. 29 cut ..., and a second on Dec. 10 ... That was the third straight
        # reduction": the day carried may not be the move counted
        yield "the day of publication", claim.model_copy(update={"end": as_of})
    if claim.kind in (*CHANGE_KINDS, "yield_change", "gap"):
        month_start = day.replace(day=1)
        week_start = day - timedelta(days=day.weekday())
        last_month_end = month_start - timedelta(days=1)
        windows = [
            ("the day of publication", day, day, "day"),
            ("the session before", prev, prev, "day"),
            ("the week to date", week_start, day, "window"),
            ("the month to date", month_start, day, "window"),
            ("the year to date", date(day.year, 1, 1), day, "window"),
            ("the previous month", last_month_end.replace(day=1), last_month_end, "window"),
            (
                "the previous week",
                week_start - timedelta(days=7),
                week_start - timedelta(days=3),
                "window",
            ),  # fmt: skip
            ("the previous year", date(day.year - 1, 1, 1), date(day.year - 1, 12, 31), "window"),
        ]
        q_start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        h_start = date(day.year, 1 if day.month < 7 else 7, 1)
        if (day - q_start).days <= 7:  # "Alphabet gained 30.4%", in a half-year review out
            windows.append(  # on July 1: the quarter or half just ended
                ("the previous quarter", shift_months(q_start, -3), q_start - timedelta(days=1),
                 "window"))  # fmt: skip
        if (day - h_start).days <= 7:
            windows.append(
                ("the previous half", shift_months(h_start, -6), h_start - timedelta(days=1),
                 "window"))  # fmt: skip
        if last_session(shift_months(q_start, 3) - timedelta(days=1)) == day:
            # a story of a quarter's last session: "Apple lost 7.6%" may be the quarter's
            windows.append(("the quarter to date", q_start, day, "window"))
        pub = last_session(as_of)
        if pub > day:  # a story day before the day of publication: the week (month) up to it
            windows += [
                ("the week to date", pub - timedelta(days=pub.weekday()), pub, "window"),
                ("the month to date", pub.replace(day=1), pub, "window"),
                ("the year to date", date(pub.year, 1, 1), pub, "window"),
            ]
            before_pub = last_session(pub - timedelta(days=1))
            if before_pub > day:  # out before the open: the year through the last close
                windows.append(("the year to date", date(pub.year, 1, 1), before_pub, "window"))
        if claim.start and claim.window == "window" and _SINCE_MONTH.match(claim.period or ""):
            # "up 83 basis points since June", in a third-quarter review: since June ended
            after = shift_months(claim.start, 1)
            if after <= day and claim.end:
                windows.append((_FROM_MONTH_END, after, claim.end, "window"))
            if after < q_start and (day - q_start).days <= 7:  # "finished the half at 4.94%,
                # up 46 basis points since December", out a week after: to the quarter's end
                windows.append((_FROM_MONTH_END, after, q_start - timedelta(days=1), "window"))
        sessions_after = len(
            sessions_between(
                last_month_end + timedelta(days=1), min(day, last_month_end + timedelta(days=7))
            )
        )
        if claim.start == date(day.year, 1, 1) == last_month_end.replace(month=1, day=1) and (
            sessions_after <= 1
        ):
            # "up only 1.4% for the year", in a recap of February out on March 2
            windows.append((_TO_MONTH_END, claim.start, last_month_end, "window"))
        if (
            claim.start
            and claim.end
            and claim.start.month > 1
            and FINISHED_MONTH.match(claim.period or "")
        ):  # "the S&P 500 finished June up 5.5%": June's change, or the year's at its end
            windows.append((_AT_MONTH_END, date(claim.start.year, 1, 1), claim.end, "window"))
        if claim.start and claim.window in ("since", "window", "trailing") and claim.end == day:
            period = re.sub(r"(?i)^(?:for|in|over)\s+", "", claim.period or "the period")
            windows.append((f"{period} through the session before", claim.start, prev,
                            claim.window))  # fmt: skip
        for name, s, e, kind in windows:
            if (s, e) == (claim.start, claim.end):
                continue
            yield (
                name,
                claim.model_copy(update={"start": s, "end": e, "window": kind, "period": name}),
            )
    if claim.end and _NO_YEAR_DAY.search(claim.period or ""):
        for back in (1, 2):  # "made its low on Sept. 30", in a story told of two years ago
            try:
                end = claim.end.replace(year=claim.end.year - back)
                first = claim.start.replace(year=claim.start.year - back) if claim.start else None
            except ValueError:  # Feb. 29
                continue
            yield (
                f"{_SAME_DAY_BEFORE} ({fmt_date(end)})",
                claim.model_copy(update={"start": first, "end": end, "period": fmt_date(end)}),
            )
    if (
        claim.start
        and claim.window == "since"
        and _LAST_WEEKDAY.search(claim.period or "")
        and claim.start.weekday() < lookup.as_of.weekday()
        and (lookup.as_of - claim.start).days < 7
    ):  # "since last Thursday's close", said on a Friday: yesterday's, or the week before's?
        before = claim.start - timedelta(days=7)
        yield (
            _WEEK_BEFORE,
            claim.model_copy(update={"start": before, "period": f"since {fmt_date(before)}"}),
        )
    if claim.ticker and claim.kind not in ("yield_level", "yield_change", "rate_level"):
        seen = {claim.ticker}
        for _, _, sym in find_symbols(claim.text):
            if sym.ticker in seen or sym.kind in ("rate", "other", "yield"):
                continue
            seen.add(sym.ticker)
            yield label(sym.ticker), claim.model_copy(update={"ticker": sym.ticker})
    if claim.kind in (*LEVEL_KINDS, "yield_level"):  # "had touched 4.89%": the high?
        for fld in ("close", "high", "low", "open"):
            if fld != claim.field or not claim.field_explicit:
                yield f"the {fld}", claim.model_copy(update={"field": fld})
    if (
        claim.window_source in ("default", "section")
        and claim.window == "window"
        and claim.kind in CHANGE_KINDS
        and claim.start is not None
        and claim.end is not None
        and (claim.end - claim.start).days <= 100
    ):  # "The Dow lost 1,008.38 points", undated, in a recap of the month (or under a header
        # "How last week played out"): on a day of it?
        for d in sessions_between(claim.start, claim.end):
            update = {"start": d, "end": d, "window": "day", "period": fmt_date(d)}
            yield fmt_date(d), claim.model_copy(update=update)


# a move no index or fund of ours makes in one session ("rose 34.6%" with no period named)
_DAY_CAP = {"index": 12.0, "etf": 12.0, "stock": 35.0}


def _too_big_for_a_day(claim: Claim) -> bool:
    sym = SYMBOLS.get(claim.ticker or "")
    cap = _DAY_CAP.get(sym.kind) if sym is not None and sym.ticker != "^VIX" else None
    return (
        cap is not None
        and claim.kind == "pct_change"
        and claim.start == claim.end
        and abs(claim.value) > cap
    )


def _far_beyond_the_day(claim: Claim, outcome: Outcome) -> bool:
    """A one-day reading of a move at least four times that day's (in percent, 5% or more):
    the figure is more likely a longer period's ("Microsoft lost 9.3%" in a quarter's
    review, "the Dow added 1,917.05 points" in a two-week recap)."""
    big = abs(claim.value) >= 5 if claim.kind == "pct_change" else claim.kind == "point_change"
    return (
        big
        and claim.start == claim.end
        and not claim.intraday  # (a session's range settles a figure written during it)
        and outcome.computed is not None
        and abs(claim.value) >= 4 * abs(outcome.computed)
    )


def _far_beyond_the_period(claim: Claim, outcome: Outcome) -> bool:
    """A reading, for the week or month a story reports, of a move of 10% or more that is
    at least four times that period's ("Three years: the Nasdaq-100 rose 110.5%", in a
    column about the week): a longer period's, which the text did not name."""
    return (
        claim.kind == "pct_change"
        and abs(claim.value) >= 10
        and claim.start is not None
        and claim.end is not None
        and 0 < (claim.end - claim.start).days <= 31
        and outcome.computed is not None
        and abs(claim.value) >= 4 * abs(outcome.computed)
    )


# how far a level may sit from the close of the day it is read for before that reading is
# taken to be about another time ("from 6,978.60 on Jan. 27 to 6,343.72", in a May column)
_FAR = {"index": 0.05, "etf": 0.05, "stock": 0.2}


def _far_from_the_day(claim: Claim, outcome: Outcome) -> bool:
    sym = SYMBOLS.get(claim.ticker or "")
    far = _FAR.get(sym.kind) if sym is not None and sym.ticker != "^VIX" else None
    return (
        far is not None
        and claim.kind in LEVEL_KINDS
        and claim.window_source in ("default", "section", "carried")
        and claim.bound is None
        and outcome.computed is not None
        and claim.value > 0
        and abs(outcome.computed / claim.value - 1) > far
    )


# words that put a price at some moment of a session rather than at its close
_TOUCHED = re.compile(
    r"(?i)\b(?:touch(?:ed|ing)?|reach(?:ed|ing)?|hit|traded|trading|changed\s+hands|"
    r"as\s+(?:high|low|much)\s+as|intraday|during\s+(?:the\s+)?(?:session|trading|day)|"
    r"at\s+(?:its|the)\s+(?:best|worst|high|low|peak|lowest|highest)|(?:low|high|peak)\s+of)\b"
)
_OPENED = re.compile(r"(?i)\b(?:open(?:ed|ing)?\s+at|at\s+the\s+open(?:ing\s+bell)?)\b")


def _to_the_cent(claim: Claim, lookup: Lookup, check: Check) -> Outcome | None:
    """A price the words put at some moment of the session ("touched $143.49 in the first
    hour", "opened at") that equals, to the cent, that day's high, low or open: that field."""
    if (
        claim.kind not in LEVEL_KINDS
        or claim.decimals < 2
        or claim.approximate
        or claim.bound is not None
    ):
        return None
    written = f"{claim.value:,.2f}"
    at = claim.text.find(written)
    if at < 0:
        at = claim.text.find(f"{claim.value:.2f}")
    # the words since the figure before: "opened at $142.25 and touched $143.49"
    head = re.split(r"[;]|\d", claim.text[max(0, at - 80) : at])[-1] if at >= 0 else ""
    fields = (["high", "low"] if _TOUCHED.search(head) else []) + (
        ["open"] if _OPENED.search(head) else []
    )  # (not "fell 430.97 points to 4,216.45", the close: a low of the same value is an error)
    if claim.field_explicit and not fields:
        return None
    for fld in fields:
        if fld == (claim.field or "close"):
            continue
        alt = claim.model_copy(update={"field": fld, "field_explicit": True})
        try:
            got = check(alt, lookup)
        except (MarketDataUnavailable, AssertionError):
            continue
        if (
            got.verdict == "supported"
            and got.computed is not None
            and (abs(got.computed - claim.value) < 0.005)
        ):
            return Outcome("supported", got.computed, f"read as the {fld}: {got.explanation}",
                           got.evidence)  # fmt: skip
    return None


# "its own low of 10,213.29, reached on Dec. 28": a low over many days, which is a close
_ITS_TROUGH_OF = re.compile(
    r"\b(?:its|their)\s+(?:own\s+)?(?:closing\s+|\w+\s+)?(?:low|bottom|trough|high|peak)\s+"
    r"(?:of|at)\s+[$]?$",
    re.IGNORECASE,
)


def _a_trough_to_the_cent(claim: Claim, alt: Claim, got: Outcome) -> bool:
    """A low (or high) named as the subject's own that equals that day's close to the cent."""
    if alt.field not in (None, "close") or claim.decimals < 2 or got.verdict != "supported":
        return False
    if got.computed is None or abs(got.computed - claim.value) >= 0.005:
        return False
    at = claim.text.find(f"{claim.value:,.2f}")
    return at > 0 and bool(_ITS_TROUGH_OF.search(claim.text[max(0, at - 40) : at]))


_INTRADAY_WORDS = re.compile(r"(?i)\b(?:intraday|session|during\s+(?:the\s+)?(?:day|trading))\b")


def _an_extreme_at_the_close(claim: Claim, lookup: Lookup, check: Check) -> Outcome | None:
    """ "fell as low as 14.77 on Feb. 14", "after peaking at 4.25% on Oct. 24": a low or high
    told for a day with no word of the session, that equals the day's close (in a yield, any
    source's): the lowest or highest close."""
    if (
        claim.kind not in (*LEVEL_KINDS, "yield_level")
        or claim.field not in ("high", "low")
        or claim.bound is not None
        or claim.end is None
        or claim.intraday
    ):
        return None
    at = claim.text.find(f"{claim.value:,.{claim.decimals}f}")
    head = claim.text[max(0, at - 60) : at] if at >= 0 else claim.text
    if _INTRADAY_WORDS.search(head):
        return None
    try:
        got = check(claim.model_copy(update={"field": "close", "field_explicit": True}), lookup)
    except (MarketDataUnavailable, AssertionError):
        return None
    if got.verdict != "supported":
        return None
    return Outcome("supported", got.computed, f"read as the close: {got.explanation}", got.evidence)


_CENTS = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})*\.\d{2}(?![\d%])")


def _levels_told_before(claim: Claim, as_of: date) -> list[float]:
    """The levels to the cent told before a change that runs to the day of writing ("at
    46,397.89, it finished the quarter at a record; it has gained 9.1% since New Year's
    Eve"): the change may end there instead."""
    if claim.window != "since" or claim.end is None or claim.end < last_session(as_of):
        return []
    at = claim.text.find(f"{abs(claim.value):,.{claim.decimals}f}")
    return [float(m.group().replace(",", "")) for m in _CENTS.finditer(claim.text, 0, max(at, 0))]


def _ends_at_another_close(
    claim: Claim, told: list[float], lookup: Lookup, outcome: Outcome, check: Check
) -> Outcome | None:
    """A change told with the level it ends at ("fell 5.5% to 4,967.23 on April 18"), or
    beside a level of another day ("at 46,397.89, it finished the quarter at a record; it has
    gained 9.1% since New Year's Eve", out days later), where one of those levels (`told`) is
    a nearby session's close, not the told day's: the end is in doubt, so when the change
    holds to the level's day, abstain."""
    if (
        not told
        or claim.kind not in ("pct_change", "point_change")
        or claim.ticker is None
        or claim.start is None
        or claim.end is None
    ):
        return None
    bars = lookup.bars(claim.ticker, claim.start)
    i = bisect.bisect_right(bars, claim.end, key=lambda b: b.date) - 1
    for k in (k for k in nearest_first(i, len(bars)) if abs(k - i) <= 5):
        day = bars[k].date
        level = next((v for v in told if abs(bars[k].close - v) <= 0.005), None)
        if day == claim.end or day <= claim.start or level is None:
            continue
        update: dict[str, object] = {"end": day, "period": f"through {fmt_date(day)}"}
        if claim.window == "day":
            update.update(start=day, period=f"on {fmt_date(day)}")
        try:
            got = check(claim.model_copy(update=update), lookup)
        except (MarketDataUnavailable, AssertionError):
            return None
        if got.verdict in ("supported", "approximate"):
            return Outcome(
                "unverifiable",
                outcome.computed,
                f"it ends at {level:,.2f}, the {fmt_date(day)} close, not "
                f"{fmt_date(claim.end)}'s; to that day {got.explanation}; as read, "
                f"{outcome.explanation}",
                outcome.evidence + got.evidence,
            )
        return None
    return None


_SESSIONS_TOLD = re.compile(
    r"(?i)\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:straight\s+)?"
    r"(?:sessions|trading\s+days)\b"
)


def _counted_back(claim: Claim, outcome: Outcome) -> Outcome:
    """An alarm on a day or run of sessions counted back within the sentence abstains."""
    return Outcome(
        "unverifiable",
        outcome.computed,
        f"the date is counted back within the sentence ({claim.period}), and read so "
        f"{outcome.explanation}",
        outcome.evidence,
    )


def _some_day_of_the_period(
    claim: Claim, lookup: Lookup, outcome: Outcome, check: Check
) -> Outcome | None:
    """A level told as of a period ("down from 5.11% in October"): it held on some day of
    it. Supported when a close in the period matches; otherwise the day is not known."""
    if (
        claim.kind not in (*LEVEL_KINDS, "yield_level")
        or claim.bound
        or claim.start is None
        or claim.end is None
        or claim.start >= claim.end
        or claim.field not in (None, "close")
    ):
        return None
    for day in reversed(sessions_between(claim.start, claim.end)):
        try:
            got = check(claim.model_copy(update={"start": None, "end": day}), lookup)
        except MarketDataUnavailable:
            continue
        if got.verdict == "supported":
            why = f"on a day {claim.period}: {got.explanation}"
            return Outcome("supported", got.computed, why, got.evidence)
    return Outcome(
        "unverifiable",
        outcome.computed,
        f"a level on some day {claim.period}, and the text does not say which; at the end, "
        f"{outcome.explanation}",
        outcome.evidence,
    )


_SINCE_PART = re.compile(r"(?i)\bsince\s+(early|mid|late)[-\s]")


def _some_start_in_the_part(claim: Claim, lookup: Lookup, check: Check) -> Outcome | None:
    """A change "since mid-October": it holds from some close of those days."""
    part = _SINCE_PART.search(claim.period or "")
    if part is None or claim.window != "since" or claim.start is None or claim.end is None:
        return None
    _, last = part_days(part.group(1), claim.start.replace(day=1))
    for day in sessions_between(claim.start, min(last, claim.end)):
        try:
            got = check(claim.model_copy(update={"start": day}), lookup)
        except MarketDataUnavailable:
            continue
        if got.verdict == "supported":
            return Outcome("supported", got.computed, f"from a close {claim.period}: "
                           f"{got.explanation}", got.evidence)  # fmt: skip
    return None


def _through_publication(claim: Claim, lookup: Lookup, check: Check) -> Outcome | None:
    """A year to date in a review out after the period it reviews, false through the period's
    end: does it hold through the last close before publication (or, out before the open, the
    one before that)?"""
    if not (claim.period or "").endswith(REVIEWED_OR_SINCE) or claim.end is None:
        return None
    last = last_session(lookup.as_of)
    told = (claim.period or "").removesuffix(REVIEWED_OR_SINCE).strip()
    for day in (last, last_session(last - timedelta(days=1))):
        if day <= claim.end:
            continue
        try:
            period = f"{told} through {fmt_date(day)}"
            got = check(claim.model_copy(update={"end": day, "period": period}), lookup)
        except MarketDataUnavailable:
            continue
        if got.verdict in ("supported", "approximate"):
            why = f"read through a close after the period reviewed: {got.explanation}"
            return Outcome(got.verdict, got.computed, why, got.evidence)
    return None


def ambiguity(claim: Claim, lookup: Lookup, outcome: Outcome, check: Check) -> Outcome:
    """Abstain when a reading the words allow, other than the one taken, is true."""
    if outcome.verdict not in ("contradicted", "misdated"):
        if outcome.verdict == "unverifiable" and outcome.computed is not None:
            return _some_start_in_the_part(claim, lookup, check) or outcome
        return outcome
    exact = _to_the_cent(claim, lookup, check)
    if exact is not None:
        return exact
    at_close = _an_extreme_at_the_close(claim, lookup, check)
    if at_close is not None:
        return at_close
    own_end = [] if claim.end_value is None else [claim.end_value]
    elsewhere = _ends_at_another_close(claim, own_end, lookup, outcome, check)
    if elsewhere is not None:
        return elsewhere
    some_day = _some_day_of_the_period(claim, lookup, outcome, check)
    if some_day is not None:
        return some_day
    some_start = _some_start_in_the_part(claim, lookup, check)
    if some_start is not None:  # "up 91.3% since mid-October 2020": from Oct. 13, say
        return some_start
    since = _through_publication(claim, lookup, check)
    if since is not None:
        return since
    told = _levels_told_before(claim, lookup.as_of)
    elsewhere = _ends_at_another_close(claim, told, lookup, outcome, check)
    if elsewhere is not None:
        return elsewhere
    weak = _weak(claim)
    if COUNTED_FROM in (claim.period or ""):  # writers count such runs of sessions two ways
        return _counted_back(claim, outcome)
    if "subject" in weak and claim.kind not in ("rate_level", "rate_count"):
        return Outcome(
            "unverifiable",
            outcome.computed,
            f"the subject is inferred from an earlier sentence ({claim.subject or 'a pronoun'}), "
            f"and read so {outcome.explanation}",
            outcome.evidence,
        )
    if outcome.verdict == "misdated" and _SESSIONS_TOLD.search(claim.period or ""):
        return _counted_back(claim, outcome)  # "over the five sessions": counted two ways
    if outcome.verdict == "misdated":
        if "window" not in weak and "field" not in weak:
            return outcome  # the date is the text's own: the number belongs elsewhere
        if (
            "window" not in weak
        ):  # "the Dec. 16 high of 20,173.89": a record close, or the bar's high?
            for name, alt in _alternatives(claim, lookup):
                if alt.field == claim.field or alt.end != claim.end:
                    continue
                try:
                    got = check(alt.model_copy(update={"field_explicit": True}), lookup)
                except (MarketDataUnavailable, AssertionError):
                    continue
                if _a_trough_to_the_cent(claim, alt, got):
                    why = f"read as the close: {got.explanation}"
                    return Outcome("supported", got.computed, why, got.evidence)
                if got.verdict in ("supported", "approximate"):
                    return Outcome("unverifiable", outcome.computed,
                                   f"ambiguous: read as {name} the figure holds "
                                   f"({got.explanation}); as read, {outcome.explanation}",
                                   outcome.evidence + got.evidence)  # fmt: skip
            return outcome
        return Outcome(
            "unverifiable",
            outcome.computed,
            f"the text does not pin down the date; {outcome.explanation}",
            outcome.evidence,
        )
    for name, alt in _alternatives(claim, lookup):
        alt = alt.model_copy(update={"window_source": "explicit", "subject_source": "explicit",
                                     "field_explicit": True})  # fmt: skip
        sym = SYMBOLS.get(alt.ticker or "")
        if sym is not None and sym.kind == "yield" and alt.kind not in YIELD_KINDS:
            continue
        try:
            got = check(alt, lookup)
        except (MarketDataUnavailable, AssertionError):
            continue
        if got.verdict in ("supported", "approximate") and got.computed is not None:
            if _to_date(claim, alt, name):
                return Outcome(got.verdict, got.computed,
                               f"the text names no period: read for {name}, {got.explanation}",
                               got.evidence)  # fmt: skip
            if _the_days_move(claim, alt, name, got):
                return Outcome(got.verdict, got.computed,
                               f"the sentence names no time of its own: read for {name}, "
                               f"{got.explanation}", got.evidence)  # fmt: skip
            if (
                alt.ticker != claim.ticker
                or "window" in weak
                or "field" in weak
                or name in (_FROM_MONTH_END, _TO_MONTH_END, _AT_MONTH_END, _WEEK_BEFORE)
                or name.startswith(_SAME_DAY_BEFORE)
                or (claim.intraday and claim.window != "day")  # Monday's "over the week"
                or (  # "last month it closed 10.1% below its record": on which day of it?
                    claim.kind == "drawdown"
                    and claim.start is not None
                    and claim.end is not None
                    and claim.start < claim.end
                )
            ):
                return Outcome(
                    "unverifiable",
                    outcome.computed,
                    f"ambiguous: read for {name} the figure holds ({got.explanation}); "
                    f"as read, {outcome.explanation}",
                    outcome.evidence + got.evidence,
                )
    if _far_from_the_day(claim, outcome):
        return Outcome(
            "unverifiable",
            outcome.computed,
            f"a level far from that day's, and the text does not date it: {outcome.explanation}",
            outcome.evidence,
        )
    if claim.window_source == "default" and _too_big_for_a_day(claim):
        return Outcome(
            "unverifiable",
            outcome.computed,
            f"too large for one day's move, and the text names no period for it; read as "
            f"{claim.period}, {outcome.explanation}",
            outcome.evidence,
        )
    if (
        claim.window_source == "default"
        and (claim.period or "").lower() in _NO_BASE
        and claim.kind not in ("rate_level", "rate_count", "rate_change")  # the latest decision
    ):
        return Outcome(
            "unverifiable",
            outcome.computed,
            f"the text names no date or period for this figure; read as the day of publication, "
            f"{outcome.explanation}",
            outcome.evidence,
        )
    if claim.window_source == "default" and _far_beyond_the_day(claim, outcome):
        return Outcome(
            "unverifiable",
            outcome.computed,
            f"far larger than that day's move, and the text names no period for it; read as "
            f"{claim.period}, {outcome.explanation}",
            outcome.evidence,
        )
    if claim.window_source == "default" and _far_beyond_the_period(claim, outcome):
        return Outcome(
            "unverifiable",
            outcome.computed,
            f"far larger than the move over {claim.period}, and the text names no period for "
            f"it; {outcome.explanation}",
            outcome.evidence,
        )
    if claim.window_source == "carried" and (
        claim.kind not in ("rate_level", "rate_count") or "from the passage" in (claim.period or "")
    ):
        if COUNTED_BACK in (claim.period or ""):
            return _counted_back(claim, outcome)
        return Outcome(
            "unverifiable",
            outcome.computed,
            f"the date is inferred from an earlier sentence ({claim.period}), and read so "
            f"{outcome.explanation}",
            outcome.evidence,
        )
    if claim.window_source == "default":
        return Outcome(
            outcome.verdict,
            outcome.computed,
            f"{outcome.explanation} (no date in the sentence: read as {claim.period})",
            outcome.evidence,
        )
    return outcome
