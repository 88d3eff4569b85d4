"""Time phrases of questions, resolved with the calendar rules of `times`. Pure functions.

News text says "in November"; a question also says "one-year volatility", "at the
end of 2025", "What about December 2025?" or "And November?". `times.find_windows`
reads the first kind; this module reads the rest:

    find_lookback("SPY's one-year volatility")          -> Lookback(1, "year", (6, 14))
    find_anchor("at the end of 2025", as_of)             -> Anchor(date(2025, 12, 31), ...)
    find_bare_periods("What about December 2025?", as_of) -> [Window(2025-12-01 .. 2025-12-31)]
    back(date(2025, 12, 31), 1, "year")                  -> date(2024, 12, 31)

A month named without a year is the most recent one at or before `as_of`, as in
`times`; a year named alone covers that calendar year up to `as_of`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from assistant.text.times import (
    DATE_RE,
    MONTHS,
    NUMBER_WORDS,
    Window,
    count_of,
    last_day,
    month_key,
    month_re,
    month_window,
    parse_date_match,
    shift_months,
)

LookbackUnit = Literal["year", "month", "week", "day", "session"]

# unit words of a lookback ("3-month", "two years", "5 sessions") and what they count
UNIT_WORDS: dict[str, LookbackUnit] = {
    "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "month": "month", "months": "month",
    "week": "week", "weeks": "week",
    "day": "day", "days": "day",
    "session": "session", "sessions": "session",
}  # fmt: skip
SESSIONS_PER_WEEK = 5

_N = r"(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")"
_UNIT = r"(?P<u>" + "|".join(sorted(UNIT_WORDS, key=len, reverse=True)) + r")"
_LOOKBACK_RE = re.compile(
    r"\b" + _N + r"[-\s]" + _UNIT + r"(?:[-\s]long)?\b"
    r"(?!\s+(?:ago|before|later|earlier))(?![-\s](?:treasury|yield|note|bond|tenor))",
    re.I,
)
_Y = r"(?P<y>(?:19|20)\d{2})"
_ANCHOR_RES = [
    re.compile(
        r"\b(?:at\s+|by\s+)?(?:the\s+)?end\s+of\s+(?:" + month_re("m") + r"\s+)?" + _Y + r"\b",
        re.I,
    ),
    re.compile(r"\b(?:at\s+)?(?:the\s+)?(?:year[-\s]end|end[-\s])\s*" + _Y + r"\b", re.I),
    re.compile(r"\b" + _Y + r"\s+year[-\s]end\b", re.I),
    re.compile(r"\b(?:as\s+of|at)\s+" + DATE_RE, re.I),
]
# "December 2025", "November": a month with no day after it ("Dec 20" is a date)
_BARE_MONTH_RE = re.compile(r"\b" + month_re("m") + r"(?:\s+" + _Y + r")?(?![\s,]*\d)", re.I)
# month names that are also ordinary words: taken as months only when capitalized
_WORD_MONTHS = frozenset({"may", "march", "mar", "jan", "dec", "sept"})
# "2024", "of 2025": a year on its own (not a tenor, a count or part of a date)
_BARE_YEAR_RE = re.compile(r"(?<![\w$.,/-])" + _Y + r"(?![\w%/-]|\.\d|,\d)")


@dataclass(frozen=True)
class Lookback:
    """'one-year', '3-month', 'five sessions': a span counted back from an end day."""

    n: int
    unit: LookbackUnit
    span: tuple[int, int]

    @property
    def label(self) -> str:
        """'the year', 'the 3 months'."""
        return f"the {self.unit}" if self.n == 1 else f"the {self.n} {self.unit}s"


@dataclass(frozen=True)
class Anchor:
    """The day a question measures up to: 'at the end of 2025', 'as of Nov 28'."""

    day: date
    label: str
    span: tuple[int, int]


def find_lookback(text: str) -> Lookback | None:
    """The first lookback span in `text`, or None."""
    m = _LOOKBACK_RE.search(text)
    if m is None:
        return None
    return Lookback(count_of(m.group("n")), UNIT_WORDS[m.group("u").lower()], m.span())


def find_anchor(text: str, as_of: date) -> Anchor | None:
    """The first end-day phrase in `text`, or None ('the end of 2025' is Dec 31, 2025)."""
    for rx in _ANCHOR_RES:
        for m in rx.finditer(text):
            groups = m.groupdict()
            if groups.get("iso") or groups.get("d"):
                day = parse_date_match(m, as_of)
            else:
                month = MONTHS[month_key(groups["m"])] if groups.get("m") else 12
                day = last_day(int(m.group("y")), month)
            if day is not None:
                return Anchor(day, m.group(0).strip(), m.span())
    return None


def back(end: date, n: int, unit: LookbackUnit) -> date:
    """The day `n` units before `end` (a session counts as 7/5 of a calendar day)."""
    if unit == "year":
        return shift_months(end, -12 * n)
    if unit == "month":
        return shift_months(end, -n)
    if unit == "week":
        return end - timedelta(weeks=n)
    if unit == "session":
        return end - timedelta(days=round(n * 7 / SESSIONS_PER_WEEK))
    return end - timedelta(days=n)


def find_bare_periods(text: str, as_of: date) -> list[Window]:
    """Months and years named with no preposition: 'What about December 2025?', 'And 2024?'."""
    found: list[Window] = []
    for m in _BARE_MONTH_RE.finditer(text):
        word = m.group("m")
        if word.lower().rstrip(".") in _WORD_MONTHS and not word[0].isupper():
            continue
        year = int(m.group("y")) if m.group("y") else None
        start, end = month_window(MONTHS[month_key(word)], year, as_of)
        if start > as_of:
            continue
        label = f"{start:%B} {start.year}"
        found.append(Window(start, end, "window", label, m.span()))
    taken = [w.span for w in found]
    for m in _BARE_YEAR_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        year = int(m.group("y"))
        if year > as_of.year:
            continue
        start, end = date(year, 1, 1), min(date(year, 12, 31), as_of)
        found.append(Window(start, end, "window", str(year), m.span()))
    found.sort(key=lambda w: w.span)
    return found
