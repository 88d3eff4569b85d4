"""Time expressions in news text, resolved against the article's date. Pure functions."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

WindowKind = Literal["window", "day", "since", "trailing"]

MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "a": 1,
}  # fmt: skip
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}

_MONTH = r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501


def month_re(group: str) -> str:
    return _MONTH.format(g=group)


# "Nov 25", "November 25, 2024", "Nov. 25 2024", "2024-11-25"
DATE_RE = (
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})|"
    + month_re("m")
    + r"\s+(?P<d>\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d{2}))?)"
)


@dataclass(frozen=True)
class Window:
    """A resolved time expression: the days it covers, and how the metric uses them.

    kind "window": a period; a return runs from the last close before `start`
    to the last close on or before `end`. "day": one trading day. "since": from
    the close on `start` to `end`. "trailing": from the close on or before
    `start` to `end`.
    """

    start: date
    end: date
    kind: WindowKind
    label: str
    span: tuple[int, int]


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def resolve_month_day(month: int, day: int, year: int | None, as_of: date) -> date | None:
    """A month and day without a year is the most recent such day on or before as_of."""
    try:
        if year is not None:
            return date(year, month, day)
        candidate = date(as_of.year, month, day)
        if candidate > as_of:
            candidate = date(as_of.year - 1, month, day)
        return candidate
    except ValueError:
        return None


def parse_date_match(m: re.Match[str], as_of: date, prefix: str = "") -> date | None:
    """Turn a DATE_RE match (group names optionally prefixed) into a date."""
    g = m.groupdict()
    if g.get(prefix + "iso"):
        try:
            return date.fromisoformat(g[prefix + "iso"])
        except ValueError:
            return None
    if not g.get(prefix + "m"):
        return None
    month = MONTHS[_month_key(g[prefix + "m"])]
    year = int(g[prefix + "y"]) if g.get(prefix + "y") else None
    return resolve_month_day(month, int(g[prefix + "d"]), year, as_of)


def _month_key(word: str) -> str:
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return w
    return w[:3]


def _month_window(month: int, year: int | None, as_of: date) -> tuple[date, date]:
    if year is None:
        year = as_of.year if date(as_of.year, month, 1) <= as_of else as_of.year - 1
    return date(year, month, 1), min(last_day(year, month), as_of)


def _quarter_window(q: int, year: int | None, as_of: date) -> tuple[date, date]:
    first_month = 3 * (q - 1) + 1
    if year is None:
        year = as_of.year if date(as_of.year, first_month, 1) <= as_of else as_of.year - 1
    return date(year, first_month, 1), min(last_day(year, first_month + 2), as_of)


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


_YEAR = r"(?P<y>(?:19|20)\d{2})"
_PATTERNS: list[tuple[str, str]] = [
    ("between", r"\bbetween\s+" + DATE_RE + r"\s+and\s+" + DATE_RE.replace("?P<", "?P<b_")),
    ("since_date", r"\bsince\s+(?:its\s+|the\s+)?" + DATE_RE),
    ("since_part", r"\bsince\s+(?P<part>early|mid|late)[-\s]" + month_re("m")),
    ("since_month", r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?" + month_re("m") + r"(?:\s+" + _YEAR + r")?(?!\s+\d)"),
    ("ytd", r"\b(?:year[-\s]to[-\s]date|so\s+far\s+this\s+year|YTD|this\s+year|since\s+the\s+start\s+of\s+the\s+year)\b"),
    ("mtd", r"\b(?:this\s+month|month[-\s]to[-\s]date|so\s+far\s+this\s+month)\b"),
    ("last_month", r"\blast\s+month\b"),
    ("last_week", r"\blast\s+week\b"),
    ("this_week", r"\bthis\s+week\b"),
    ("last_year", r"\blast\s+year\b"),
    ("past_n", r"\b(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?P<u>years?|months?|weeks?)\b"),
    ("past_1", r"\b(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?P<u>year|month|week)\b"),
    ("quarter", r"\b(?:in|during|for|over)\s+the\s+(?P<q>first|second|third|fourth)\s+quarter(?:\s+of\s+" + _YEAR + r")?"),
    ("quarter_q", r"\b(?:in|during|for|over)\s+(?:the\s+)?Q(?P<q>[1-4])(?:\s+(?:of\s+)?" + _YEAR + r")?\b"),
    ("quarter_q", r"\bQ(?P<q>[1-4])\s+" + _YEAR + r"\b"),
    ("quarter_months", r"\b(?:in|during|for|over)\s+the\s+(?P<qm>january|april|july|october)[-\s](?:to[-\s])?(?:march|june|september|december)\s+quarter(?:\s+of\s+" + _YEAR + r")?"),
    ("day", r"\b(?:on|for)\s+(?:\w+day,?\s+)?" + DATE_RE),
    ("weekday", r"\b(?:on\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday)(?:'s)?\b"),
    ("month", r"\b(?:in|during|for|over|through(?:out)?)\s+(?:the\s+month\s+of\s+)?" + month_re("m") + r"(?:\s+" + _YEAR + r")?(?!\s*\d)"),
    ("year", r"\b(?:in|during|for|over|through(?:out)?)\s+(?:all\s+of\s+|calendar\s+(?:year\s+)?|the\s+year\s+)?" + _YEAR + r"\b"),
    ("bare_date", DATE_RE),
]  # fmt: skip
_COMPILED = [(name, re.compile(p, re.IGNORECASE)) for name, p in _PATTERNS]


def find_windows(text: str, as_of: date) -> list[Window]:
    """Every time expression in `text`, resolved; overlapping matches keep the first pattern."""
    found: list[Window] = []
    taken: list[tuple[int, int]] = []
    for name, rx in _COMPILED:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            w = _resolve(name, m, as_of)
            if w is None:
                continue
            found.append(w)
            taken.append(m.span())
    found.sort(key=lambda w: w.span)
    return found


def _resolve(name: str, m: re.Match[str], as_of: date) -> Window | None:  # noqa: C901
    span = m.span()
    label = m.group(0).strip().rstrip(".,")
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if name == "between":
        d1 = parse_date_match(m, as_of)
        d2 = parse_date_match(m, as_of, prefix="b_")
        if d1 and d2:
            return Window(d1, d2, "since", label, span)
        return None
    if name == "since_date":
        d = parse_date_match(m, as_of)
        return Window(d, as_of, "since", label, span) if d else None
    if name == "since_part":
        month = MONTHS[_month_key(g["m"])]
        start, end = _month_window(month, None, as_of)
        first = {"early": 1, "mid": 11, "late": 21}[g["part"].lower()]
        return Window(start.replace(day=first), as_of, "since", label, span)
    if name == "since_month":
        month = MONTHS[_month_key(g["m"])]
        start, _ = _month_window(month, year, as_of)
        return Window(start, as_of, "window", label, span)
    if name == "ytd":
        return Window(date(as_of.year, 1, 1), as_of, "window", label, span)
    if name == "mtd":
        return Window(as_of.replace(day=1), as_of, "window", label, span)
    if name == "last_month":
        prev = as_of.replace(day=1) - timedelta(days=1)
        return Window(prev.replace(day=1), prev, "window", label, span)
    if name == "last_week":
        monday = as_of - timedelta(days=as_of.weekday()) - timedelta(days=7)
        return Window(monday, monday + timedelta(days=4), "window", label, span)
    if name == "this_week":
        return Window(as_of - timedelta(days=as_of.weekday()), as_of, "window", label, span)
    if name == "last_year":
        y = as_of.year - 1
        return Window(date(y, 1, 1), date(y, 12, 31), "window", label, span)
    if name in ("past_n", "past_1"):
        raw = g.get("n") or "1"
        n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw.lower()]
        unit = g["u"].lower().rstrip("s")
        if unit == "year":
            start = _shift_months(as_of, -12 * n)
        elif unit == "month":
            start = _shift_months(as_of, -n)
        else:
            start = as_of - timedelta(weeks=n)
        return Window(start, as_of, "trailing", label, span)
    if name in ("quarter", "quarter_q", "quarter_months"):
        if g.get("qm"):
            q = {"january": 1, "april": 2, "july": 3, "october": 4}[g["qm"].lower()]
        else:
            q = int(g["q"]) if g["q"].isdigit() else QUARTER_WORDS[g["q"].lower()]
        start, end = _quarter_window(q, year, as_of)
        return Window(start, end, "window", label, span)
    if name in ("day", "bare_date"):
        d = parse_date_match(m, as_of)
        return Window(d, d, "day", label, span) if d else None
    if name == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        d = as_of - timedelta(days=(as_of.weekday() - wd) % 7)
        return Window(d, d, "day", label, span)
    if name == "month":
        month = MONTHS[_month_key(g["m"])]
        start, end = _month_window(month, year, as_of)
        return Window(start, end, "window", label, span)
    if name == "year":
        assert year is not None
        return Window(date(year, 1, 1), min(date(year, 12, 31), as_of), "window", label, span)
    return None
