"""Neighbouring windows of a claim's window, for the misdated search. Pure functions."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta

from assistant.i18n.formats import record_date as fmt_date
from assistant.models import Claim


def shift_months(d: date, months: int) -> date:
    """The first day of the month `months` away from d's month."""
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, 1)


def shift_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def _month_aligned(start: date, end: date, as_of: date) -> bool:
    month_end = end.day == calendar.monthrange(end.year, end.month)[1]
    return start.day == 1 and (month_end or end == as_of)


def shifted_windows(claim: Claim, as_of: date) -> Iterator[tuple[str, date, date]]:
    """(label, start, end) of windows of the same shape before and after the claimed one.

    Calendar months, quarters and years move by whole months (and a month also to
    the same month a year earlier); other periods move by whole weeks; "since"
    windows move their first day by up to three days. Nothing ends after as_of.
    """
    assert claim.start and claim.end
    start, end = claim.start, claim.end
    if claim.window == "window" and _month_aligned(start, end, as_of):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        steps = [-1, 1, -2, 2] + ([-12] if months == 1 else [])
        for k in steps:
            s = shift_months(start, k * months)
            e = shift_months(s, months) - timedelta(days=1)
            if e <= as_of:
                yield (
                    (f"in {s:%B %Y}" if months == 1 else f"from {fmt_date(s)} to {fmt_date(e)}"),
                    s,
                    e,
                )
    elif claim.window == "window":
        weeks = max(1, -(-((end - start).days + 1) // 7))
        for k in (-1, 1, -2, 2):
            s, e = start + timedelta(weeks=k * weeks), end + timedelta(weeks=k * weeks)
            if e <= as_of:
                yield f"from {fmt_date(s)} to {fmt_date(e)}", s, e
    elif claim.window in ("since", "trailing"):
        for k in (-1, 1, -2, 2, -3, 3):
            s = start + timedelta(days=k)
            yield f"since {fmt_date(s)}", s, end
