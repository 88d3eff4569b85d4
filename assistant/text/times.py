"""Time expressions in news text, resolved against the article's date. Pure functions."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from assistant.market.calendar import is_session, next_session, sessions_back
from assistant.text.events import FOMC_DECISIONS, FOMC_SCHEDULED, election_day, fomc_day

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
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}


def count_of(word: str) -> int:
    """A count told in digits or words: "3", "three", "a"."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


SOON = 21  # days: a month and day this close after the article's date is still this year's
_MONTH = r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"  # noqa: E501


def month_re(group: str) -> str:
    return _MONTH.format(g=group)


# a day's number is not the start of a figure: "finished April 62% higher", "April 2.5%"
_NOT_A_FIGURE = r"(?![\d%]|[.,]\d|\s*(?:%|percent\b|points?\b))"
# a month not followed by a day of it
_NO_DAY = r"(?!\.?\s*(?:3[01]|[12]\d|0?[1-9])" + _NOT_A_FIGURE + ")"
# "Nov 25", "November 25, 2024", "Nov. 25 2024", "2024-11-25"
DATE_RE = (
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})|"
    + month_re("m")
    + r"\s+(?P<d>3[01]|[12]\d|0?[1-9])"
    + _NOT_A_FIGURE
    + r"(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d{2}))?)"
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
        if (candidate - as_of).days > SOON:  # "the Fed meets March 21-22": days ahead
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
    month = MONTHS[month_key(g[prefix + "m"])]
    year = int(g[prefix + "y"]) if g.get(prefix + "y") else None
    return resolve_month_day(month, int(g[prefix + "d"]), year, as_of)


def month_key(word: str) -> str:
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return w
    return w[:3]


# present perfect or "so far": a period still under way
_ONGOING = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+){0,2}?(?:risen|rallied|gained|climbed|advanced|fallen|dropped|slid|"
    r"lost|added|shed|declined|been|surged|jumped|tumbled)\b(?:[^.;]|\.\d)*$|"
    r"\bso\s+far\b(?:[^.;]|\.\d)*$",
    re.IGNORECASE,
)


def month_window(month: int, year: int | None, as_of: date) -> tuple[date, date]:
    if year is None:
        year = as_of.year if date(as_of.year, month, 1) <= as_of else as_of.year - 1
        if year == as_of.year and month == as_of.month and early_in(as_of, "month"):
            year -= 1  # "in January" in a review dated Jan. 2 is last January
    return _upto(date(year, month, 1), last_day(year, month), as_of)


def _upto(start: date, end: date, as_of: date) -> tuple[date, date]:
    """A period cut at as_of; a period wholly after as_of (a forecast's) is left whole."""
    return (start, end) if start > as_of else (start, min(end, as_of))


def _quarter_window(q: int, year: int | None, as_of: date) -> tuple[date, date]:
    first_month = 3 * (q - 1) + 1
    if year is None:
        year = as_of.year if date(as_of.year, first_month, 1) <= as_of else as_of.year - 1
    return date(year, first_month, 1), min(last_day(year, first_month + 2), as_of)


def part_days(part: str, month_start: date) -> tuple[date, date]:
    """The days "early", "mid" and "late" a month take: the 1st-10th, 11th-20th, 21st-end."""
    end = last_day(month_start.year, month_start.month)
    first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, end.day)}[part.lower()]
    return month_start.replace(day=first), month_start.replace(day=last)


def quarter_start(d: date) -> date:
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def shift_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


_YEAR = r"(?P<y>(?:19|20)\d{2})"
# "a quarter in which", "March, the worst month of the quarter, in which": the clause's period
_IN_WHICH_AHEAD = r"\s*,?\s*(?:(?:the|its|their)\s[^,;\d]{1,50},\s*)?(?:in|during)\s+which\b"
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
# "last year's darlings", "this week's speakers": the period names the noun, not a move
_NOT_OF_A_NOUN = (
    r"(?!['\u2019]s\s+(?!(?:[\w.%-]+\s+){0,4}?(?:gain|loss|advance|decline|rally|drop|rise|fall|"
    r"return|slide|slump|surge|rebound|jump|climb|performance|sell-?off|rout|plunge|tumble|"
    r"increase|decrease|change|move|high|low|close|closing|peak|trough|bottom|level|record|"
    r"finish|end|start|open|run|streak|range|total|swing|retreat|pullback|correction|"
    r"session|trading)))"
)
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday)"
_A_CLOSE = r"(?:['\u2019]s)?(?:\s+clos(?:e|ing\s+level))?"  # "between the Feb. 27 close and"
# an event the calendars in events.py date: "Election Day", "the Fed's last cut in December"
_ELECTION = (
    r"(?:election\s+day(?:['\u2019]s\s+close)?|the\s+(?:(?P<pres>presidential)\s+|(?:midterm|u\.s\.|"
    r"november)\s+)?elections?\b(?!\s+(?:campaign|season|results?\s+(?:are|will)))|"
    r"(?:donald\s+)?(?P<trump>trump)['\u2019]s\s+(?:election\s+)?(?:victory|win))"
)
_FED_MOVE = (
    r"(?:(?P<ord>last|latest|most\s+recent|previous|prior|first)\s+)?(?:"
    + month_re("em")
    + r"\s+)?(?:policy\s+|(?:interest[-\s])?rate\s+)?(?P<ev>meeting|decision|announcement|cut|hike|"
    r"reduction|increase)(?!\s+(?:in|on|of)\s+(?:\w+\s+)?(?:rates|borrowing|the\s+\w+\s+rate))"
    r"(?:\s+in\s+" + month_re("em2") + r"(?!\s+\d))?"
)
_FED_EVENT = (
    r"(?:(?:the\s+)?(?:fed|federal\s+reserve|central\s+bank|fomc)['\u2019]s\s+"
    + _FED_MOVE
    + r"|the\s+(?:fed|federal\s+reserve|fomc)\s+(?:rate\s+|policy\s+)?(?P<ev2>meeting|decision|cut|"
    r"hike)|the\s+(?:(?P<ord2>last|latest|most\s+recent|previous|prior)\s+)?(?:"
    + month_re("em3")
    + r"\s+)?(?:rate|policy)\s+(?P<ev3>cut|hike|decision|meeting)|the\s+"
    + month_re("em4")
    + r"\s+(?P<ev4>meeting|decision|cut|hike)(?:\s+(?:of|by)\s+the\s+(?:fed|federal\s+reserve|"
    r"central\s+bank))?|"
    + month_re("em5")  # "since January's decision"
    + r"['\u2019]s\s+(?:(?:fed|fomc|policy|rate)\s+)?(?P<ev5>meeting|decision|cut|hike))"
    r"(?!\s+(?:on|at)\s+\d|\s+on\s+\w+\.?\s+\d)"
)
_EVENT = r"(?:" + _ELECTION + r"|" + _FED_EVENT + r")"
# a period a calendar dated ("since the Fed's last cut in December"): its day is known
EVENT_DATED = re.compile(r"(?i)" + _EVENT)
# the label of a day counted back within a sentence ("..., a day after jumping 1.6%"): such a
# day is weakly dated and dates nothing after it
COUNTED_BACK = "before the day told of"  # "the session before the day told of (Oct 13)"
# sessions counted back from a day long before the writing: "in the five sessions through July
# 16" (writers count such runs two ways, so a figure off by one session is no error we can call)
COUNTED_FROM = "counted back from"
# a year to date told in a review out after the period it reviews ("For 2023, the Dow is off
# 0.3%", out five days after an October recap's last close): through the period's end, or since
REVIEWED_OR_SINCE = "(through the period reviewed, or since)"
# the verbs that finish a period: "finished the month", "close out the quarter", "ends the year"
_FINISHES = (
    r"finish(?:ed|es|ing)?|end(?:ed|s|ing)?|clos(?:ed|es|e|ing)(?:\s+out)?|wrap(?:ped|s)?\s+up"
)
_PATTERNS: list[tuple[str, str]] = [
    # "on the year's first session", "in the first trading day of the year": that one session
    ("first_session", r"\b(?:on|in|during)\s+the\s+year['\u2019]s\s+(?:very\s+)?first\s+(?:trading\s+)?(?:session|day)\b"),
    ("first_session", r"\b(?:on|in|during)\s+the\s+(?:very\s+)?first\s+(?:trading\s+(?:session|day)|session)\s+of\s+the\s+year\b"),
    ("years_ago_today", r"\b(?P<n>one|two|three|four|five|\d)\s+years?\s+ago\s+today\b"),
    ("since_event", r"\bsince\s+(?:the\s+(?:close|end\s+of\s+trading|finish)\s+on\s+)?" + _EVENT),
    ("event_day", r"\b(?:on\s+)?(?:the\s+|a\s+)?(?P<rel>(?:day|session)\s+(?:after|before)|eve\s+of|day\s+of)\s+" + _EVENT),
    ("event_day", r"\bon\s+(?P<eday>election\s+day)\b"),
    ("months_span", r"\b(?:in|during)\s+" + month_re("m") + r"(?:\s*,\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)*\s*,?\s+and\s+" + month_re("m2") + _NO_DAY),
    ("months_span", r"\b(?:from|between)\s+" + month_re("m") + r"(?:\s+" + _YEAR + r")?\s+(?:through|to|until|into|and)\s+(?:the\s+(?:end|close)\s+of\s+)?" + month_re("m2") + r"(?:\s+(?P<y2>(?:19|20)\d{2}))?" + _NO_DAY),
    ("since_year_end", r"\b(?:since|from)\s+the\s+(?:(?:last|final)\s+)?(?:end|close|bell|session|trading\s+day)\s+of\s+(?:last\s+year|" + _YEAR + r")"),
    ("since_year_start", r"\b(?:since|from)\s+the\s+(?:start|beginning|first\s+(?:day|session|trading\s+day))\s+of\s+" + _YEAR),
    ("end_of_year", r"\b(?:the\s+)?(?:end|close)\s+of\s+(?:(?P<that>that|the\s+same)\s+year|(?P<ly>last)\s+year|" + _YEAR + r")\b"),
    ("year_end_day", r"\b(?:by|at|as\s+of)\s+the\s+(?:very\s+)?(?:end|close)\s+of\s+the\s+year\b"),
    ("that_year", r"\b(?:that|the\s+same)\s+year\b"),
    ("that_month", r"\b(?:that|the\s+same)\s+month\b"),
    ("that_week", r"\b(?:that|the\s+same)\s+week\b(?!['\u2019]s)"),
    ("holiday", r"\b(?:on\s+)?(?P<hol>new\s+year['\u2019]s\s+eve|christmas\s+eve|black\s+friday|the\s+day\s+after\s+(?:thanksgiving|christmas))\b"),
    ("final_session", r"\b(?:in\s+|on\s+)?(?:the|its|their)\s+(?:final|last)\s+(?:trading\s+)?(?:session|day)\s+of\s+(?:(?P<py>the\s+year|" + _YEAR + r")|(?P<pm>the\s+month|" + month_re("m") + r")|(?P<pq>the\s+quarter))"),
    ("final_bare", r"\b(?:in\s+|on\s+)?(?:the|its|their)\s+(?:final|last)\s+(?:trading\s+)?session\b(?!\s+of\b)"),
    ("week_ended", r"\b(?:in\s+|for\s+|during\s+)?the\s+(?:(?:best|worst|strongest|weakest|biggest|steepest|busiest|quietest|holiday-shortened|shortened|four-day|short)\s+)?week\s+(?:that\s+)?(?:ended|ending|through)\s+(?:(?:on\s+)?" + _WD + r"|" + DATE_RE.replace("?P<", "?P<e_") + r")"),
    ("rel_day", r"\b(?P<rel>on\s+the\s+(?:day|session)(?!\s+(?:after|before|when)\b|\s+of\s+(?!(?:the|that|its)\s+(?:low|high|peak|bottom|trough|record|top)\b))|that\s+(?:day|session)|the\s+same\s+(?:day|session)|the\s+(?:next|following)\s+(?:session|day|trading\s+day|morning)|a\s+day\s+later|the\s+(?:previous|prior)\s+(?:session|day|trading\s+day)|a\s+day\s+earlier|the\s+day\s+before)\b"),
    ("today", r"\b(?:now|currently|at\s+present|today|tonight|this\s+(?:morning|afternoon|session)|so\s+far\s+(?:today|in\s+the\s+session)|in\s+(?:morning|midday|afternoon|early|late)\s+trad(?:e|ing))\b"),
    ("yesterday", r"\b(?:yesterday|the\s+previous\s+session)\b"),
    ("weekday_nth", r"\b(?:on\s+)?" + _WD + r",?\s+the\s+(?P<dom>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"),
    ("on_the_nth", r"\bon\s+the\s+(?P<dom>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:straight|consecutive|time|anniversary|floor|day|session|week|month|year|place|percentile|largest|biggest))"),
    ("since_wd", r"(?:(?<=points\s)|(?<=point\s)|(?<=%\s)|(?<=bp\s))from\s+(?:late\s+|early\s+)?(?:last\s+)?" + _WD + r"\b(?!['\u2019]|\s+(?:to|through|until|and)\b(?!\s+[$]?\d))"),
    ("since_wd", r"\bsince\s+(?:last\s+)?" + _WD + r"(?:['\u2019]s\s+(?:close|finish|closing\s+level))?\b(?!['\u2019]s\s)"),
    # "since its Powell-fueled jump last Wednesday": since the close of that day's move
    ("since_wd", r"\bsince\s+(?:its|their|the)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:jump|rally|surge|spike|drop|plunge|slide|sell-?off|rout|tumble|bounce|rebound|gain|loss|advance|decline|close|finish)\s+(?:on\s+)?(?:last\s+)?" + _WD + r"\b(?!['\u2019]s\s)"),
    ("since_began", r"\b(?:than|from|since|above|below)\s+where\s+(?:it|they|the\s+[\w-]+)\s+(?:began|started|entered)\s+the\s+year\b"),
    ("since_ended", r"\b(?:than|from|since|above|below|under)\s+where\s+(?:it|they|the\s+[\w-]+)\s+(?:ended|finished|closed)\s+(?:" + month_re("m") + r"(?:\s+" + _YEAR + r")?|(?P<y2>(?:19|20)\d{2})|(?:the|last)\s+(?P<unit>year|month))\b"),
    ("entered_year", r"\b(?:entered|began|started|opened|kicked\s+off)\s+" + _YEAR + r"(?=\s+with\b)"),
    ("began_period", r"\b(?:began|begun|started|entered|beginning|starting)\s+(?:the\s+)?(?P<unit>year|month|quarter|week)\b"),
    ("since_wd", r"(?:\bfrom|(?<=%\s)(?:above|below|under)|\b(?:over|versus|vs\.?|than(?:\s+(?:it|they)\s+(?:was|were|stood)\s+at)?))\s+(?:its\s+|the\s+)?(?:last\s+)?" + _WD + r"['\u2019]s\s+(?:close|finish|closing\s+level|level)\b"),
    ("last_wd", r"\blast\s+" + _WD + r"\b"),
    ("season", r"\b(?:(?P<rel>last|this|past)\s+|(?:in|during|over|through)\s+the\s+)(?P<season>spring|summer|fall|autumn|winter)\b(?!\s+of\b)(?![-\s]+(?:semester|term|collection|season|meeting|forecast))"),
    ("season", r"\b(?:(?:in|during|over)\s+)?(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+" + _YEAR),
    ("its_year", r"\b(?:its|their|the)\s+" + _YEAR + r"\s+(?=(?:gain|loss|advance|decline|rally|drop|rise|fall|return|slide|slump|surge)s?\b)"),
    ("month_noun", r"\b" + month_re("m") + r"(?:['\u2019]s)?\s+(?=(?:(?!\d)[\w-]+\s+)?(?:gain|loss|advance|decline|rally|drop|rise|fall|slide|slump|surge|rebound|return)s?\b)"),
    ("month_meeting", r"\b(?<=the\s)(?<!since\sthe\s)(?<!from\sthe\s)(?<!day\sof\sthe\s)" + month_re("m") + r"(?:\s+" + _YEAR + r")?\s+(?:policy\s+)?(?:meeting|decision|gathering)\b"),
    # "The May hike took the range up a quarter point" (not "since the eve of the September cut")
    ("month_meeting", r"\b(?<=the\s)(?<!since\sthe\s)(?<!from\sthe\s)(?<!day\sof\sthe\s)(?<!eve\sof\sthe\s)(?<!ahead\sof\sthe\s)(?<!before\sthe\s)(?<!after\sthe\s)" + month_re("m") + r"(?:\s+" + _YEAR + r")?\s+(?:rate\s+)?(?:move|hike|cut|increase|reduction)\b"),
    ("month_noun", r"\b" + month_re("m") + r"['\u2019]s\s+(?=(?:[\w-]+\s+){0,2}(?:move|cut|hike|reduction|increase)s?\b)"),
    ("year", r"(?:(?<=['\u2019]s\s)|(?<=\bits\s)|(?<=\btheir\s)|(?<=\bthe\s))" + _YEAR + r"(?=\s+(?:[\w-]+\s+)?(?:gain|loss|advance|decline|rally|drop|rise|fall|slide|slump|surge|rebound|return)s?\b)"),
    ("finished_month", r"\b(?:finish(?:ed|es)?|end(?:ed|s)?|clos(?:ed|es?)(?:\s+out)?|wrap(?:ped|s)?\s+up|round(?:ed|s)?\s+out)\s+(?:a\s+\w+\s+|an?\s+)?(?:the\s+month\s+of\s+)?" + month_re("m") + r"(?:\s+" + _YEAR + r")?" + _NO_DAY),
    ("ago", r"\b(?:from|than|versus|vs\.?|over)\s+(?:(?:it|they)\s+(?:was|were|stood)\s+)?(?P<n>a|two|three|four|[2-9])\s+(?P<unit>week|month|year)s?\s+(?:earlier|ago|before)\b"),
    ("week_ago_day", r"(?<!\bfrom\s)(?<!\bthan\s)(?<!\bover\s)\b(?:a|one)\s+week\s+ago\b(?!\s+(?:mon|tues|wednes|thurs|fri)day)"),
    ("week_earlier_day", r"(?<=[\d%]\s)(?:a|one)\s+week\s+(?:earlier|before)\b(?!\s+(?:the|a|an|its|their)\b)"),  # "from 4.96% a week earlier"
    ("unit_ago_day", r"(?<=[\d%]\s)(?:a|one)\s+(?P<unit>month|year)\s+ago\b"),  # "from 4.37% a month ago"
    ("weeks_ago", r"\b(?P<n>two|three|four|five|six|\d)\s+weeks\s+ago\b"),
    ("in_review", r"\b" + _YEAR + r"\s+(?:in\s+review|review|in\s+markets)\b"),
    ("finished_year", r"\b(?:finish(?:es|ed)?|end(?:s|ed)?|clos(?:e|es|ed)\s+out|closed|wrap(?:s|ped)?\s+up|cap(?:s|ped)?|round(?:s|ed)?\s+out|clos(?:e|es|ed)\s+the\s+books\s+on)\s+(?:calendar\s+)?(?:the\s+year\s+)?" + _YEAR + r"\b"),
    ("closing_year", r"\b(?:clos(?:e|es|ed|ing)|wrap(?:s|ped|ping)?|round(?:s|ed|ing)?)\s+out\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?year\b(?!['\u2019]s|-)"),
    ("end_of_month", r"\b(?:at|by|as\s+of)\s+the\s+(?:end|close)\s+of\s+" + month_re("m") + r"(?:\s+" + _YEAR + r")?" + _NO_DAY),
    ("part_of_year", r"(?<!since\s)\b(?P<part>early|mid|late)[-\s]" + _YEAR + r"\b"),
    ("part_of_month", r"(?<!since\s)\b(?P<part>early|mid|late)[-\s]" + month_re("m") + r"(?:\s+" + _YEAR + r")?"),
    ("into_today", r"\b(?:began|begun|started|entered|entering|beginning|starting)\s+(?:the\s+|today's\s+)?(?:day|session|trading\s+day)\b(?!\s+at\s+[$]?\d)"),  # ("began the session at 5,726.01": the open)
    ("into_day", r"\b(?:(?:came|coming|going|heading|went|headed)\s+into|entered|entering)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday)\b"),
    ("since_month_end", r"\bsince\s+the\s+(?:end|close)\s+of\s+" + month_re("m") + r"(?:\s+" + _YEAR + r")?" + _NO_DAY),
    ("from_close", r"\bfrom\s+(?:its\s+|the\s+)?(?:(?P<prior>prior|previous)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday)|(?:" + month_re("m") + r"|(?:last\s+)?(?P<wd2>monday|tuesday|wednesday|thursday|friday))" + _NO_DAY + r"(?:'s|\u2019s)?\s+(?:close|finish|closing\s+level|level|end)|(?P<wd3>monday|tuesday|wednesday|thursday|friday)(?:'s|\u2019s)(?=\s+(?:[$]|\d(?![\d.,]*\s*(?:%|percent|points?\b)))))\b"),
    ("from_through", r"\bfrom\s+(?:its\s+|the\s+)?" + DATE_RE + r"\s+(?:(?:closing\s+|record\s+)?(?:close|low|high|level|bottom|trough|peak|record))?\s*(?:through|to|until)\s+(?:(?P<me>month-end|the\s+end\s+of\s+the\s+month|year-end|the\s+end\s+of\s+the\s+year|the\s+(?:last|final)\s+(?:close|session|trading\s+day|day)\s+of\s+the\s+(?:year|month))|(?:the\s+)?end\s+of\s+" + month_re("em") + r"(?:\s+(?P<ey>(?:19|20)\d{2}))?|" + DATE_RE.replace("?P<", "?P<t_") + r")"),
    # "up 9% this year through the end of October" (after "from ... through the end of")
    ("end_of_month", r"(?<=%\sto\s)the\s+(?:end|close)\s+of\s+" + month_re("m") + r"(?:\s+" + _YEAR + r")?" + _NO_DAY),  # "rallied 15.5% to the end of June"
    ("end_of_month", r"\b(?:through|thru|until)\s+the\s+(?:end|close)\s+of\s+" + month_re("m") + r"(?:\s+" + _YEAR + r")?" + _NO_DAY),
    ("from_date_close", r"(?:\bfrom|(?<=%\s)(?:above|below|under|beneath))\s+(?:its\s+|their\s+|the\s+)" + DATE_RE + r"(?:'s)?\s+(?:close|closing\s+(?:level|low|high|bottom|peak)|(?:low|high|record)\s+close|finish|level|settle)\b"),
    ("from_date_close", r"\bfrom\s+(?:its\s+|their\s+|the\s+)" + DATE_RE + r"(?:'s)?\s+(?:low|trough|bottom|peak|high|record)\b(?!\s+(?:to|through|and|until|of|close)\b)"),
    ("from_date_close", r"\bfrom\s+(?:its\s+|their\s+|the\s+)?close\s+on\s+" + DATE_RE),
    ("from_date_close", r"\bfrom\s+(?:its|the|their)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:low|high|close|bottom|trough|peak|level)\s+(?:on|of)\s+" + DATE_RE),
    ("from_date_close", r"(?:^|[,;]\s+|\b(?:months|weeks|years),\s+)(?i:from)\s+" + DATE_RE + r"(?=\s*,)"),
    # "down about 8 basis points from June 30.": a move since that day's close
    ("from_date_close", r"(?:(?<=%\s)|(?<=points\s)|(?<=point\s)|(?<=percent\s))from\s+" + DATE_RE + r"(?=\s*(?:[.;]|,\s+(?:and|but|while)\b|$))"),
    ("since_month_end", r"\b(?:from|since)\s+the\s+end\s+of\s+" + month_re("m") + r"(?:\s+" + _YEAR + r")?"),
    ("since_month_end", r"\bsince\s+" + month_re("m") + r"\s+ended\b"),
    ("two_days", r"\b(?:over|on|during|across)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday)\s+and\s+(?P<wd_b>monday|tuesday|wednesday|thursday|friday)\b"),
    ("ytd", r"\b(?:with\s+(?:one|a|two|\w+)\s+(?:weeks?|days?|sessions?|trading\s+days?)\s+(?:left|remaining)\s+in\s+the\s+year|since\s+the\s+(?:end|close)\s+of\s+(?:last\s+year|" + _YEAR + r"))"),
    ("quarter", r"\b(?:a|the)\s+(?:[\w-]+\s+)?(?P<q>first|second|third|fourth)\s+quarter(?=" + _IN_WHICH_AHEAD + r"|\s*,?\s+(?:that|which)\s+(?:ended|closed|finished)\b)"),
    # "made the second quarter the S&P 500's best since 2023": the quarter a superlative names
    ("quarter", r"\bthe\s+(?P<q>first|second|third|fourth)\s+quarter(?=\s+(?:was\s+|is\s+)?(?:the|its|their)\s+(?:[\w&.'\u2019-]+\s+){0,4}?(?:best|worst|strongest|weakest|biggest|steepest)\b)"),
    ("its_period", r"\b(?:a|the)\s+(?P<u>week|month|quarter)\s+(?:in|during)\s+which\b"),
    ("month", r"\b(?:a|an|the)\s+(?:[a-z-]+\s+)?" + month_re("m") + r"(?:\s+" + _YEAR + r")?(?=" + _IN_WHICH_AHEAD + ")"),
    ("its_period", r"\b(?:its|their)\s+(?:(?:best|worst|biggest|largest|steepest|sharpest|strongest|weakest|roughest|toughest|rockiest|bumpiest|wildest|ugliest|hardest|quietest|calmest|busiest|first|second|third|fourth|fifth|straight|consecutive|losing|winning)\s+){1,3}(?P<u>week|month|quarter)\b(?!\s+(?:ago|earlier|before))"),
    # "Apple had a week to forget, sliding 10.7%", "Nvidia's week ended with a gain of 8%"
    ("own_period", r"\b(?:had|has\s+had|enjoyed|endured|suffered)\s+(?:a|an|its|their|another)\s+(?:[a-z-]+\s+){0,2}(?P<u>week|month|quarter)\b(?!\s+(?:ago|earlier|before|ahead|of)\b)|(?<=\w['\u2019]s\s)(?P<u2>week|month)\b(?!\s+(?:ago|earlier|before|ahead|of)\b)"),
    ("its_month", r"\b(?:its|their)\s+(?:(?:best|worst|biggest|strongest|weakest)\s+){1,2}" + month_re("m") + _NO_DAY + r"(?=\s+(?:since|in\s+(?:\d|more|over|at)|on\s+record|ever)\b)"),
    ("for_week", r"\b(?:(?:for|on|over)\s+the\s+(?:holiday-shortened\s+|holiday\s+|shortened\s+|trading\s+)?|(?:in|during|over|for)\s+the\s+(?!(?:next|coming|following|previous|prior|past|last|same|first|second|third|fourth|fifth|final|preceding|earlier|latest)\b)[a-z]+(?:-[a-z]+)?\s+(?=week\b(?!['\u2019]s|\s+(?:of|ahead|before|after|ended|ending|through|earlier|prior|to\s+come)\b))|(?:ended|finished|closed|ending|finishing|closing|ends|finishes|closes)\s+the\s+)week\b|\bfor\s+a\s+week\s+(?=that\b|which\b|in\s+which\b)|(?<!last\s)(?<!previous\s)(?<!prior\s)\b(?:weekly(?!\s+(?:(?:win(?:ning)?|losing|loss|gains?|advances?|declines?)\s+)?(?:streak|run)s?\b)|week-to-date|week's)\b|\bweek\s+to\s+date\b"),
    ("for_month", r"\b(?:for|on|over|" + _FINISHES + r")\s+the\s+month\b|\bmonthly\b|\bmonth's\b"),
    ("for_quarter", r"\b(?:(?:for|on|over|in|during)\s+the\s+quarter(?!\s+(?:ahead|to\s+come|that\s+begins))|(?:" + _FINISHES + r")\s+the\s+quarter)\b|\bquarterly\b|\bquarter-to-date\b|\bthe\s+quarter['\u2019]s\b"),
    ("for_year", r"\b(?:for|on|over|" + _FINISHES + r")\s+the\s+year\b|\b(?:annual|yearly|full-year)(?=\s+(?:gain|loss|return|decline|advance|performance|rise|drop|change|increase|decrease|slide|rally)s?\b)|\b(?<!new\s)(?<!last\s)year's\b|\bso\s+far\s+in\s+" + _YEAR + r"\b"),
    # "over Dec. 17-18": those sessions (not a Fed meeting's days: no figure is told of one)
    ("day_range", r"\b(?:(?:over|on|in|during|across|from)\s+)?" + month_re("m") + r"\s+(?P<d>3[01]|[12]\d|0?[1-9])\s*[-\u2013]\s*(?P<d2>3[01]|[12]\d|0?[1-9])" + _NOT_A_FIGURE + r"(?:,?\s+" + _YEAR + r")?"),
    ("between", r"\bbetween\s+(?:the\s+|its\s+|their\s+)?" + DATE_RE + _A_CLOSE + r"\s+and\s+(?:the\s+)?" + DATE_RE.replace("?P<", "?P<b_") + _A_CLOSE),
    # "Between Feb. 2, the day before the jobs report, and Wednesday's close"
    ("between_wd", r"\bbetween\s+(?:the\s+|its\s+|their\s+)?" + DATE_RE + _A_CLOSE + r"(?:,\s+[^,;\d]{3,70},)?\s+and\s+(?:the\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday)(?:['\u2019]s)?(?:\s+close)?\b"),
    ("since_date", r"\bsince\s+(?:the\s+(?:close|end|finish)\s+(?:of|on)\s+|its\s+|the\s+|their\s+)?(?:[A-Z][\w.&-]*['\u2019]s\s+)?" + DATE_RE),
    ("since_part", r"\bsince\s+(?P<part>early|mid|late)[-\s]" + month_re("m") + r"(?:,?\s+" + _YEAR + r")?"),
    # "since the Fed's last meeting on Feb. 1": since that day
    ("since_date", r"\bsince\s+(?:the\s+|its\s+|their\s+)?(?:[\w'\u2019.&-]+\s+){1,4}?(?:meeting|decision|cut|hike|election|vote|low|high|peak|record|bottom|trough|close)\s+on\s+" + DATE_RE),
    ("since_date", r"(?:^|[,;]\s*)(?i:since)\s+(?:the\s+)?[A-Z](?:[^,;.:]|\.(?=\d)){2,70}?\s+(?:on|at\s+its\s+\w+\s+meeting\s+on)\s+" + DATE_RE),
    ("since_month", r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:(?P<last>last)\s+)?" + month_re("m") + r"(?:\s+" + _YEAR + r")?(?!\s+\d)"),
    ("ytd", r"\b(?:year[-\s]to[-\s]date|so\s+far\s+this\s+year|YTD|this\s+year|since\s+the\s+(?:start|beginning|turn)\s+of\s+the\s+year|since\s+the\s+year\s+(?:began|started|opened)|since\s+New\s+Year['\u2019]s(?:\s+Day)?)"),
    ("mtd", r"\b(?:this\s+month|month[-\s]to[-\s]date|so\s+far\s+this\s+month|since\s+the\s+(?:start|beginning)\s+of\s+the\s+month|since\s+the\s+month\s+(?:began|started|opened))\b"),
    ("last_month", r"\blast\s+month\b" + _NOT_OF_A_NOUN),
    ("last_week", r"(?<!the\s)\blast\s+week\b(?!\s+of\b)" + _NOT_OF_A_NOUN),
    ("this_week", r"\bthis\s+week\b" + _NOT_OF_A_NOUN),
    ("month", r"\b(?:in|during|for|over|through(?:out)?)\s+" + month_re("m") + r"\s+(?:of\s+)?(?P<ly>last|this)\s+year\b"),
    ("last_year", r"\blast\s+year\b" + _NOT_OF_A_NOUN),
    ("first_sessions", r"\b(?:in|over|during|across)\s+(?:the\s+|its\s+|their\s+)?first\s+(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:trading\s+)?(?:sessions|days)\s+of\s+(?P<of>the\s+(?:year|month)|" + _YEAR + r"|" + month_re("m") + r"(?:\s+(?:19|20)\d{2})?)\b"),
    ("week_of", r"(?<!since\s)\b(?:(?:over|in|during|across|for)\s+)?the\s+(?P<which>first|opening|last|final|closing)\s+(?P<full>full\s+)?(?:trading\s+)?week\s+of\s+(?P<of>the\s+(?:quarter|month|year)|" + month_re("m") + r"(?:\s+" + _YEAR + r")?)"),
    ("last_n_of", r"\b(?:over|in|during|across)\s+the\s+(?:last|final|closing)\s+(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<u>weeks|days|sessions|trading\s+days)\s+of\s+(?P<of>the\s+(?:quarter|month|year)|" + month_re("m") + r"(?:\s+" + _YEAR + r")?)"),
    ("past_sessions", r"\b(?:over|in|during|across)\s+(?:the\s+|its\s+|their\s+)?(?:past|last|previous|latest|final|closing)?\s*(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)(?P<half>\s+and\s+a\s+half)?\s+(?:(?:straight|consecutive)\s+)?(?:(?:winning|losing|up|down)\s+)?(?:sessions|trading\s+days|days)\b"),
    ("past_sessions", r"\b(?:finished|ended|closed|wrapped\s+up)\s+the\s+(?:past\s+|last\s+)?(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:sessions|trading\s+days)\b"),  # "finished the five sessions up 2.6%"
    ("past_sessions", r"\bfor\s+the\s+(?:past\s+|last\s+|previous\s+)?(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)(?P<half>\s+and\s+a\s+half)?\s+(?:(?:straight|consecutive)\s+)?(?:(?:winning|losing|up|down)\s+)?(?:sessions|trading\s+days)\b"),
    # "the Nasdaq's two-day loss of 3.4%": the sessions counted back (a streak may be one that
    # ended before the day told of, "snapping a three-day losing streak": not read)
    ("past_sessions", r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)[-\s](?:day|session)\s+(?:gain|rise|advance|rally|rebound|climb|surge|jump|decline|loss|drop|fall|slide|slump|tumble|plunge|selloff|sell-off|rout|retreat|skid|pullback)s?\b"),
    ("past_n", r"\b(?:over|in|during|finished|ended|closed|finishing|ending|closing|for(?=\s+the\s+(?:three|six|nine|twelve|\d+)\s+months\b))\s+(?:the\s+|its\s+|their\s+)?(?:past|last|previous)?\s*(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?P<u>years?|months?|weeks?)\b|\b(?P<n2>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)[-\s](?P<u2>year|month|week)\s+(?:gain|rise|advance|return|rally|decline|loss|drop|run|climb|surge|annualized|annualised|volatility|realized)s?\b"),
    ("past_1", r"\b(?:over|in|during)\s+the\s+(?:past|last|previous|preceding|prior)\s+(?P<u>year|month|week)\b"),
    ("rel_unit", r"\bthe\s+(?:(?:previous|prior|preceding)\s+(?P<u>week|month)|(?P<u2>week|month)\s+before)(?=\s*(?:[,.;:)]|$))"),
    # "The fourth quarter, when the S&P 500 gained 11.2%, was its best": a quarter as subject
    ("quarter", r"^\W*the\s+(?P<q>first|second|third|fourth|final)\s+quarter(?=\s*,\s+when\b|\s+(?:was|were|brought|saw|belonged)\b)"),
    ("quarter", r"\b(?:in|during|for|over|finish(?:ed|es)?|end(?:ed|s)?|clos(?:ed|es|e)(?:\s+out)?|wrap(?:ped|s)?\s+up)\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?(?P<q>first|second|third|fourth|final)[\s-]quarter(?:\s+of\s+" + _YEAR + r")?"),
    ("quarter", r"\b(?P<q>first|second|third|fourth)-quarter\s+(?=(?:[\w-]+\s+)?(?:gain|loss|rebound|rally|drop|decline|advance|return|slide|surge|jump|climb|performance|slump|selloff|sell-off|scorecard|review|recap|wrap|tumble|plunge|fall|rise|rout|retreat|skid|pullback)s?\b)"),
    ("first_months", r"\b(?:the\s+)?first\s+(?P<n>three|six|nine)\s+months(?:\s+of\s+(?:the\s+year|" + _YEAR + r"))?\b"),
    ("past_months", r"\b(?:the\s+)?(?P<n>three|six|nine|twelve)\s+months\s+(?:that\s+)?(?:ended|ending|through)\b"),
    ("half_bare", r"\b(?:(?:for|in|over|during)\s+the\s+half|(?:" + _FINISHES + r")\s+the\s+half(?=\s+(?:at|near|around)\b))(?:[\s-]year)?\b(?![\s-]+(?:hour|point|day|session|percent|percentage))"),
    ("half", r"\b(?:(?:in|during|for|over|through)\s+the\s+)?(?P<h>first|second)[\s-]half(?:\s+of\s+(?:the\s+year|" + _YEAR + r"))?(?=\s|[,.;:)]|$)(?![\s-]+(?:hour|session|day|point)s?\b)(?!\s+of\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|the\s+month|the\s+week|the\s+session))"),
    ("quarter_q", r"\b(?:in|during|for|over)\s+(?:the\s+)?Q(?P<q>[1-4])(?:\s+(?:of\s+)?" + _YEAR + r")?\b"),
    ("quarter_q", r"\bQ(?P<q>[1-4])\s+" + _YEAR + r"\b"),
    ("quarter_months", r"\b(?:in|during|for|over)\s+the\s+(?P<qm>january|april|july|october)[-\s](?:to[-\s])?(?:march|june|september|december)\s+quarter(?:\s+of\s+" + _YEAR + r")?"),
    ("day", r"\b(?:on|for)\s+(?:\w+day,?\s+)?" + DATE_RE),
    ("day", r"\b(?:at|as\s+of)\s+the\s+" + DATE_RE + r"\s+(?=close\b|finish\b)"),
    ("that_wd", r"\b(?:that|the\s+same|the\s+following|the\s+previous|the\s+next)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday)\b"),
    ("weekday_date", r"\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday)(?:'s)?,?\s+" + DATE_RE),
    ("week_start", r"\bto\s+(?:start|open|begin|kick\s+off)\s+the\s+(?:trading\s+)?week\b"),
    ("weekday", r"\b(?<!\bon\sa\s)(?:on\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday)(?:'s)?\b"),
    # "last September", "in March of last year": the year is the word's, not the latest
    ("month", r"\b(?:in\s+|during\s+)?(?P<last>last)\s+" + month_re("m") + _NO_DAY + r"(?!['\u2019]s)"),
    ("month", r"\b(?:in|during|for|over|throughout)\s+(?:the\s+month\s+of\s+)?" + month_re("m") + r"(?:\s+" + _YEAR + r")?" + _NO_DAY),
    # "July belonged to technology.", "September lived up to its reputation": a month as subject
    ("month", r"^\W*(?:[^,.;\d]{3,40},\s+)?(?:(?:and|but|then)\s+)?" + month_re("m") + r"(?:\s+" + _YEAR + r")?(?=\s+(?:(?:still|also|then|again)\s+)?(?:was|were|is|brought|belonged|saw|lived|delivered|proved|turned|marked|offered|gave|started|began|ended|finished|closed|holds|held|remains|remained|stands|stood|produced|posted|opened|took|undid|erased|reversed|handed|dealt|wiped|kicked|capped|added|pared)\b)"),
    # "a 6.5% gain that edged out January's 6.2%": a month's own figure
    ("month_noun", r"\b" + month_re("m") + r"['\u2019]s(?=\s+(?:about\s+|roughly\s+|nearly\s+)?[\d$+\-])"),
    ("year", r"(?:(?<=\blike\s)|(?<=\bwith\s)|(?<=\bthan\s)|(?<=\bversus\s)|(?<=\brecall\s)|(?<=\bto\s))" + _YEAR + r"(?=,\s+when\s)"),  # "nothing like 2022, when the Nasdaq lost 33.1%", "the lead dates to 2023, when"
    ("year", r"\b(?<!\bin\s)(?<!\bfor\s)(?i:calendar)\s+(?:year\s+)?" + _YEAR + r"\b"),  # "Calendar 2025 alone contributed"
    # "The Dow's standout was October, when it rallied 14%": the month of the clause after it
    ("month", r"(?:(?<=\bwas\s)|(?<=\bis\s)|(?<=\blike\s)|(?<=\bthan\s)|(?<=\bversus\s))" + month_re("m") + r"(?:\s+" + _YEAR + r")?(?=,\s+when\s)"),
    ("year", r"\b(?:in|during|for|over|through(?:out)?)\s+(?:all\s+of\s+|calendar\s+(?:year\s+)?|the\s+year\s+)?" + _YEAR + r"\b"),
    ("bare_date", DATE_RE),
]  # fmt: skip
_COMPILED = [(name, re.compile(p, re.IGNORECASE)) for name, p in _PATTERNS]
# the label a "finished_month" window carries: "finished June", "closed out March"
FINISHED_MONTH = re.compile(
    r"(?i)^(?:finish|end|clos|wrap|round)\w*(?:\s+(?:up|out))?\s+" + month_re("m")
)
_MONTH_WORDS = ("<month>",)  # a month's name, found by _TOKENS
_WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday")
_YEAR_DIGITS = ("19", "20")
# Words every match of a pattern contains (one of them, lower-cased): a sentence with none
# of a pattern's words is not searched with it. Most sentences name no time at all, and
# the search is most of what reading a sentence's times costs.
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "months_span": ("from", "and"),
    "since_year_end": ("since", "from"),
    "since_year_start": ("since", "from"),
    "end_of_year": ("end", "close"),
    "year_end_day": ("year",),
    "that_year": ("year",),
    "that_month": ("month",),
    "that_week": ("week",),
    "holiday": ("eve", "black", "after"),
    "final_session": ("final", "last"),
    "final_bare": ("final", "last"),
    "week_ended": ("week",),
    "rel_day": ("day", "session"),
    "today": ("now", "current", "present", "today", "tonight", "this", "far", "trad"),
    "yesterday": ("yesterday", "previous"),
    "weekday_nth": _WEEKDAY_WORDS,
    "on_the_nth": ("on",),
    "since_wd": ("since", "above", "below", "from", "over", "versus", "vs", "than"),
    "since_event": ("since",),
    "event_day": ("after", "before", "eve", "day of", "election day"),
    "since_began": ("where",),
    "since_ended": ("where",),
    "entered_year": ("enter", "began", "start", "open", "kick"),
    "began_period": ("began", "begun", "start", "enter", "beginning"),
    "last_wd": ("last",),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "its_year": _YEAR_DIGITS,
    "month_noun": _MONTH_WORDS,
    "month_meeting": _MONTH_WORDS,
    "finished_month": _MONTH_WORDS,
    "ago": ("earlier", "ago", "before"),
    "weeks_ago": ("ago",),
    "week_ago_day": ("ago",),
    "unit_ago_day": ("ago",),
    "week_earlier_day": ("earlier", "before"),
    "years_ago_today": ("ago",),
    "week_start": ("week",),
    "in_review": ("review", "markets"),
    "finished_year": _YEAR_DIGITS,
    "closing_year": ("out",),
    "end_of_month": _MONTH_WORDS,
    "part_of_year": ("early", "mid", "late"),
    "part_of_month": ("early", "mid", "late"),
    "into_today": ("began", "begun", "start", "enter", "beginning"),
    "into_day": _WEEKDAY_WORDS,
    "since_month_end": ("since", "from"),
    "from_close": ("from",),
    "from_through": ("from",),
    "from_date_close": ("from", "above", "below", "under", "beneath"),
    "two_days": _WEEKDAY_WORDS,
    "ytd": ("left", "remaining", "since", "year", "ytd"),
    "quarter": ("quarter",),
    "its_period": ("which", "its", "their"),
    "own_period": (
        "had",
        "enjoyed",
        "endured",
        "suffered",
        "'s week",
        "\u2019s week",
        "'s month",
        "\u2019s month",
    ),
    "its_month": ("its", "their"),
    "for_week": ("week",),
    "for_month": ("month",),
    "for_quarter": ("quarter",),
    "for_year": ("year", "annual", "far"),
    "between": ("between",),
    "between_wd": ("between",),
    "week_of": ("week",),
    "first_sessions": ("first",),
    "first_session": ("first",),
    "day_range": ("<month>",),
    "since_date": ("since",),
    "since_part": ("since",),
    "since_month": ("since",),
    "mtd": ("month",),
    "last_month": ("month",),
    "last_week": ("week",),
    "this_week": ("week",),
    "last_year": ("year",),
    "last_n_of": ("last", "final", "closing"),
    "past_sessions": ("session", "day"),
    "past_n": ("year", "month", "week"),
    "past_1": ("year", "month", "week"),
    "rel_unit": ("previous", "prior", "preceding", "before"),
    "first_months": ("months",),
    "past_months": ("months",),
    "half": ("half",),
    "half_bare": ("half",),
    "quarter_q": ("q1", "q2", "q3", "q4"),
    "quarter_months": ("quarter",),
    "day": ("<month>", "<iso>"),
    "that_wd": _WEEKDAY_WORDS,
    "weekday_date": _WEEKDAY_WORDS,
    "weekday": _WEEKDAY_WORDS,
    "month": _MONTH_WORDS,
    "year": _YEAR_DIGITS,
    "bare_date": ("<month>", "<iso>"),
}
_GATED = [(name, rx, frozenset(_TRIGGERS[name])) for name, rx in _COMPILED]
_TOKENS = {
    "<month>": re.compile(r"\b" + month_re("m"), re.IGNORECASE),
    "<iso>": re.compile(r"\d{4}-\d{2}-\d{2}"),
}
_TRIGGER_WORDS = sorted({w for words in _TRIGGERS.values() for w in words} - set(_TOKENS))


def _patterns_for(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns that can match somewhere in `text` (see _TRIGGERS)."""
    low = text.lower()
    present = {w for w in _TRIGGER_WORDS if w in low}
    present.update(t for t, rx in _TOKENS.items() if rx.search(text))
    return [(name, rx) for name, rx, words in _GATED if not words.isdisjoint(present)]


# patterns naming a calendar month or day, which an earlier year in the passage can date
_CALENDAR = frozenset(
    {"day", "bare_date", "weekday_date", "month", "from_date_close",
     "from_through", "between", "between_wd", "part_of_month", "end_of_month",
     "finished_month", "month_noun", "final_session", "months_span"}
)  # fmt: skip
# "In 2020, ...", "the 2022 low", "Jan. 3, 2022": a past year the passage is about
_PASSAGE_YEAR = re.compile(
    r"(?<!since\s)(?<!than\s)(?<!before\s)(?<!after\s)(?<!until\s)(?<!from\s)(?<!through\s)"
    r"(?<![\d-])(?P<y>(?:19[5-9]|20[0-4])\d)(?![\d-]|\s*(?:-|to)\s*\d)(?!\s+(?:and|or)\s+20)"
)


def passage_year(text: str, as_of: date) -> int | None:
    """The first past year `text` is about, if any (not one it measures from: "since 2020")."""
    for m in _PASSAGE_YEAR.finditer(text):
        y = int(m.group("y"))
        before = text[max(0, m.start() - 24) : m.start()]
        if _A_PEAKS_YEAR.match(text, m.end()) or re.search(r"%\s+(?:in|of|for)\s+$", before):
            continue  # "below its November 2021 record", "double the 13% of 2021": another time
        if y < as_of.year and not _MEASURED_FROM.search(before):
            return y
    return None


_A_PEAKS_YEAR = re.compile(
    r"(?i)\s+(?:(?:closing|intraday|all-time)\s+)?(?:record|peak|high|low|top|bottom|trough)s?\b"
)
_MEASURED_FROM = re.compile(
    r"\b(?:since|than|before|after|until|through|from|starting|beginning|"
    r"in\s+(?:more\s+than|over|nearly)|highest|lowest|best|worst|biggest|largest|first\s+time|"
    r"where\s+(?:it|they|the\s+[\w-]+)\s+(?:ended|finished|closed|began|started)|"
    r"(?:it|they)\s+(?:set|reached|hit|touched))\b[^,;.]*$",
    re.IGNORECASE,
)
_FROM_WHERE = re.compile(
    r"(?i)\bfrom\s+where\s+(?:it|they|the\s+[\w-]+)\s+(?:ended|closed|finished|stood)\b[^,;.\d]{0,25}$"
)
_LEAD_SPAN = re.compile(
    r"\W*(?:(?P<n>one|two|three|four|five|ten|\d{1,2})[\s-]+years?|(?P<y>(?:19|20)\d\d)):"
    r"(?=\s)",
    re.IGNORECASE,
)
_MEASURED_FROM_A_DAY = re.compile(
    r"(?i)\bmeasured\s+from\s+(?:its\s+|the\s+)?(?:close\s+(?:on|of)\s+)?$"
)
_MONTHS_OF_A_YEAR = re.compile(
    r"(?i)\b(?:in\s+|over\s+|during\s+)?the\s+(?P<which>final|last|first|closing|opening)\s+"
    r"(?P<n>three|3|six|6)\s+months\s+of\s+(?P<of>last\s+year|the\s+year|(?:19|20)\d\d)\b"
)
_WHERE_IT_BEGAN = re.compile(
    r"(?i)\bwhere\s+(?:it|they|the\s+[\w-]+)\s+(?:began|started|opened|entered)\s+"
    r"(?P<unit>the\s+(?:year|month|quarter)|" + month_re("m") + r")\b"
)
# "Since its close of 3,808.10 that Thursday": since that day's close
_SINCE_ITS_CLOSE = re.compile(
    r"(?i)\bsince\s+(?:its|their|the)\s+(?:close|finish|closing\s+level|low|high|peak|bottom|"
    r"trough)(?:\s+of\s+[$]?[\d,.]+)?\s+(?:on\s+)?$"
)
_REL_DAY = next(rx for name, rx in _COMPILED if name == "rel_day")


def _period_named(text: str, as_of: date) -> Window | None:
    """ "for the quarter", "in June 2024": the period alone (not through find_windows)."""
    for name, rx in _COMPILED:
        m = (
            rx.match(text)
            if name in ("for_month", "for_quarter", "for_year", "month", "year")
            else None
        )
        if m is not None and m.end() == len(text):
            return _resolve(name, m, as_of, as_of)
    return None


def find_windows(
    text: str,
    as_of: date,
    anchor: date | None = None,
    session: date | None = None,
    today: date | None = None,
    year: int | None = None,
) -> list[Window]:
    """Every time expression in `text`, resolved; overlapping matches keep the first pattern.

    `anchor` is the day that "that day" / "the next session" refer to (default as_of);
    `session` the one "on the day" means: the session the story reports (default `anchor`).
    `today` is the day of writing when it is later than as_of (a note written before the
    open reads as of the last close): "today" and its weekday name mean it.
    `year` is an earlier year the passage is about ("In 2020, ..."): a month or day named
    without one is taken in it, and its label says the year was inferred.
    """
    found: list[Window] = []
    taken: list[tuple[int, int]] = []
    lead = _LEAD_SPAN.match(text)  # "Three years: ...", "2023: Nasdaq-100 up 53.8%"
    if lead is not None:
        if lead.group("y"):
            y = int(lead.group("y"))
            found.append(Window(date(y, 1, 1), date(y, 12, 31), "window", f"in {y}", lead.span()))
        else:
            n = lead.group("n").lower()
            count = count_of(n)
            label = "over the past year" if count == 1 else f"over the past {n} years"
            start = shift_months(as_of, -12 * count)
            found.append(Window(start, as_of, "trailing", label, lead.span()))
        taken.append(lead.span())
    for name, rx in _patterns_for(text):
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if name == "rel_day":
                continue  # resolved last, against the days named before it
            w = _resolve(name, m, as_of, anchor or as_of)
            if name == "that_year" or (name == "end_of_year" and m.group("that")):
                if year is None:
                    continue
                if name == "that_year":
                    w = Window(date(year, 1, 1), date(year, 12, 31), "window",
                               f"{m.group(0)} ({year}, from the passage)", m.span())  # fmt: skip
                else:
                    end = last_weekday(date(year, 12, 31))
                    w = Window(end, end, "day", f"{m.group(0)} ({year}, from the passage)",
                               m.span())  # fmt: skip
            elif w is not None and year is not None and year < as_of.year and name in _CALENDAR:
                if not any(m.groupdict().get(k) for k in ("y", "iso", "last", "ly")):
                    hinted = _resolve(name, m, date(year, 12, 31), date(year, 12, 31))
                    if hinted is not None:  # a "since" window still runs to the article's day
                        end = w.end if hinted.kind in ("since", "trailing") else hinted.end
                        w = Window(hinted.start, end, hinted.kind,
                                   f"{hinted.label} ({year}, from the passage)", hinted.span)  # fmt: skip
            if w is not None and today is not None and today > as_of:
                w = _on_the_day_of_writing(name, m, w, today)
            if w is None:
                continue
            found.append(w)
            taken.append(m.span())
    for m in _REL_DAY.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        days = [w for w in found if w.kind == "day" and w.span[1] <= m.start()]
        if days and re.fullmatch(r",\s*", text[max(w.span[1] for w in days) : m.start()]):
            continue  # "on April 8, the day before the pause": what that day was, not another
        default = anchor or as_of
        on_the_day = re.match(r"(?i)on\s+the\s+(?:day|session)", m.group(0))
        if session is not None and on_the_day:
            default = session
        if on_the_day:  # "slid to 4.59% from 4.68% late Tuesday, 9 bp on the day": not Tuesday
            days = [w for w in days if not DATES_A_BASE.search(text[: w.span[0]])]
        here = max(days, key=lambda w: w.span).end if days else default
        since = [  # "from its April 8 close of 1,760.71, and ... from 4,982.77 on the same day"
            w
            for w in found
            if w.kind == "since" and re.search(r"\d", w.label) and w.span[1] <= m.start()
        ]
        if since and (not days or max(w.span for w in since) > max(w.span for w in days)):
            here = max(since, key=lambda w: w.span).start
        w = _resolve("rel_day", m, as_of, here)
        if w is not None:
            found.append(w)
    for m in _SINCE_THEN.finditer(text):  # "closed at $165 on April 19 ... since then"
        days = [w for w in found if w.kind == "day" and w.span[1] <= m.start()]
        if any(m.start() < e and s < m.end() for s, e in (w.span for w in found)):
            continue
        word = re.sub(r"(?i)^(?:has|have|had)\s+", "", m.group(0))  # "has since" reads "since"
        if days:
            events = [w for w in days if not MARK_AFTER.match(text, w.span[1])]
            last = max(events or days, key=lambda w: w.span)  # (not "its Feb. 19 record")
            end, span = as_of, m.span()
            to = next((w for w in found if w.kind == "day" and w.span[0] > m.end()), None)
            if (
                word.lower() == "from there"
                and to
                and re.fullmatch(r"\s+to\s+", text[m.end() : to.span[0]])
            ):
                found.remove(to)  # "From there to Monday, it has added 2.5%"
                end, span = to.end, (m.start(), to.span[1])
            found.append(Window(last.end, end, "since", f"{word} ({last.label})", span))
        elif anchor is not None and anchor < as_of:  # the day a sentence before named
            label = f"{word} ({anchor:%b} {anchor.day}, from the passage)"
            found.append(Window(anchor, as_of, "since", label, m.span()))
    for d in [w for w in found if w.kind == "day"]:  # "down 9.6% from where it ended the
        fr = (
            _FROM_WHERE.search(text[: d.span[0]])
            or _SINCE_ITS_CLOSE.search(text[: d.span[0]])
            or _MEASURED_FROM_A_DAY.search(text[: d.span[0]])
        )
        if fr is not None:
            found = [w for w in found if not fr.start() <= w.span[0] < d.span[1]]
            found.append(Window(d.end, as_of, "since", f"{fr.group(0)}{d.label}", (fr.start(),
                                d.span[1])))  # fmt: skip
    for b in _MONTHS_OF_A_YEAR.finditer(text):  # "the final three months of last year"
        of = b.group("of").lower()
        year = (
            as_of.year - 1 if of.startswith("last") else int(of) if of[0].isdigit() else as_of.year
        )
        months = 3 if b.group("n").lower() in ("three", "3") else 6
        first = b.group("which").lower() in ("first", "opening")
        start = date(year, 1 if first else 13 - months, 1)
        end = last_day(year, months if first else 12)
        found = [w for w in found if not (b.start() <= w.span[0] < b.end())]
        found.append(Window(start, end, "window", b.group(0), b.span()))
    for b in _WHERE_IT_BEGAN.finditer(text):  # "ended the week where it began January,
        unit = b.group("unit").lower()  # down 0.02%": since that period began
        if unit in ("the year", "january"):
            start = date(as_of.year, 1, 1)
        elif unit == "the month":
            start = as_of.replace(day=1)
        elif unit == "the quarter":
            start = quarter_start(as_of)
        else:
            month = MONTHS[unit[:3]]
            start = date(as_of.year if month <= as_of.month else as_of.year - 1, month, 1)
        found = [w for w in found if not (b.start() <= w.span[0] < b.end())]
        label = f"since the start of {b.group('unit')}"
        found.append(Window(start, as_of, "window", label, b.span()))
    found = [  # "since the last day of 2024": from that day's close, not that day's move
        Window(w.end, as_of, "since", f"since {w.label}", (w.span[0] - 6, w.span[1]))
        if w.kind == "day"
        and text[max(0, w.span[0] - 6) : w.span[0]].lower() == "since "
        and not (  # "since Monday's delivery numbers": since an event of that day
            w.label.endswith(("'s", "\u2019s"))
            and not re.match(r"\s+(?:close|finish|closing\s+level|level)\b", text[w.span[1] :])
        )
        else w
        for w in found
    ]
    found.sort(key=lambda w: w.span)
    found = _ended_on_a_named_day(text, as_of, found)
    found = _since_to_a_finished_period(text, as_of, found)
    found = _months_through_a_month(text, as_of, found)
    found = _the_month_named(found)
    found = _the_week_named(text, as_of, found)
    found = [  # "Aug. 5 of last year": the year belongs to the date before it
        w
        for w in found
        if not (
            re.fullmatch(r"(?i)(?:last|this)\s+year", w.label)
            and any(
                d.kind == "day" and re.fullmatch(r",?\s+(?:of\s+)?", text[d.span[1] : w.span[0]])
                for d in found
                if d.span[1] <= w.span[0]
            )
        )
    ]
    return found + _elided_quarters(text, as_of, found)


def _trailing_to(phrase: str, day: date) -> Window | None:
    """ "for the three months", counted back from `day` instead of the day of writing."""
    for name, rx in _COMPILED:
        if name in ("past_n", "past_1") and (m := rx.search(phrase)) is not None:
            return _resolve(name, m, day, day)
    return None


def _months_through_a_month(text: str, as_of: date, found: list[Window]) -> list[Window]:
    """ "In the three months through June", "the 12 months to May 2025": counted back from the
    end of that month, one window (not the months to date and the month apart)."""
    for w in list(found):
        m = _THROUGH_A_MONTH.match(text, w.span[1])
        if w.kind != "trailing" or not re.search(r"(?i)\b(?:months|years)\b", w.label) or not m:
            continue
        month = _period_named(f"in {m.group('when')}", as_of)
        if month is None or month.kind != "window" or (month.end - month.start).days > 30:
            continue
        again = _trailing_to(text[w.span[0] : w.span[1]], month.end)
        if again is None:
            continue
        label = f"{w.label} {m.group(0).strip()}"
        found = [o for o in found if not (w.span[1] <= o.span[0] < m.end())]
        found[found.index(w)] = Window(again.start, month.end, "trailing", label,
                                       (w.span[0], m.end()))  # fmt: skip
    return found


_THROUGH_A_MONTH = re.compile(
    r"(?i)\s+(?:through|to|ending|ended|until)\s+(?P<when>"
    + month_re("m")
    + r"(?:\s+"
    + _YEAR
    + r")?)\b(?![.,]?\s*\d)"
)


def _the_month_named(found: list[Window]) -> list[Window]:
    """ "in March, when ... dragged JPMorgan down 9.1% for the month": the month the
    sentence named before, not the current one."""
    months = [
        w for w in found
        if w.kind == "window" and w.start.day == 1 and w.end == last_day(w.start.year, w.start.month)
        and not re.search(r"(?i)month", w.label)
    ]  # fmt: skip
    out = []
    for w in found:
        before = [m for m in months if m.span[1] <= w.span[0]]
        if re.fullmatch(r"(?i)(?:for|over)\s+the\s+month", w.label) and len(before) == 1:
            m = before[0]
            w = Window(m.start, m.end, "window", f"{w.label} ({m.label})", w.span)
        out.append(w)
    return out


_THE_WEEK = re.compile(
    r"(?i)(?:(?:for|over|in|during)\s+the|(?:finish|end|clos|wrap|round)\w*(?:\s+out)?\s+the|"
    r"(?:its|their)\s+(?:[\w-]+\s+){1,2}?)\s*week"
)
_IN_N_SESSIONS = re.compile(
    r"(?i)in\s+(?:just\s+)?\w+\s+(?:straight\s+)?(?:trading\s+)?(?:sessions|days)"
)


def _the_week_named(text: str, as_of: date, found: list[Window]) -> list[Window]:
    """ "dropped 1.8% on March 9 and finished the week down 4.5%": the week of the one day the
    sentence named before, not the week of writing; and "..., leaving it 43 basis points
    lower in three trading days": sessions counted back from that day."""
    out = []
    for w in found:
        days = [
            d
            for d in found
            if d.kind == "day"
            and d.span[1] <= w.span[0]
            and not MARK_AFTER.match(text, d.span[1])  # "from the March 8 peak"
        ]
        day = days[0].end if len(days) == 1 else None
        if (
            day is None
            or day >= w.start
            or w.end != as_of
            or days[0].label.endswith(("'s", "\u2019s"))  # "from last Thursday's close"
            or re.search(r"(?i)\b(?:which|who|since|then|now|currently)\b", text[: w.span[0]])
        ):
            out.append(w)
        elif (
            w.kind == "window"
            and _THE_WEEK.fullmatch(w.label)
            and not re.search(r"(?i)\b(?:so\s+far|is|are|into|from)\b", text[: w.span[1]])
        ):  # (not "Heading into Friday, it is down 1% for the week")
            monday = day - timedelta(days=day.weekday())
            label = f"{w.label} (of {without_on(days[0].label.strip())})"
            out.append(Window(monday, monday + timedelta(days=4), w.kind, label, w.span))
        elif w.kind == "trailing" and _IN_N_SESSIONS.fullmatch(w.label):
            out.append(_sessions_to(w, day, days[0].label.strip(), as_of, weak=True))
        else:
            out.append(w)
    return out


_SINCE_THEN = re.compile(
    r"(?i)\bsince\s+then\b|\bsince(?=\s*[.;]|\s*$)|(?<=[\d%]\s)since(?=,)|\bfrom\s+there(?=\s+to\s)|"
    r"\bsince\s+(?:that|this)\s+(?:close|finish|"
    r"day|session|low|high|peak|bottom|trough|record)\b|"
    r"\bsince\s+(?:that|this)\s+(?:meeting|decision|announcement|report|speech|vote)"
    r"(?:['\u2019]s\s+(?:close|finish))?(?=\s*,)|"  # "Since that meeting's close, ..."
    r"\b(?:has|have|had)\s+since\b(?=\s+(?:\w+ly\s+)?(?:rallied|rebounded|recovered|climbed|"
    r"gained|added|risen|jumped|surged|soared|advanced|fallen|dropped|lost|slipped|slid|declined|"
    r"tumbled|sunk|sank|shed|given\s+back|pared|erased|trimmed|doubled|tripled|halved|edged|"
    r"retreated|bounced|eased|firmed|run\s+up|pulled\s+back)\b)"
)  # "... fallen 7.9% since.", "Since that close the index has given back 8.2%", "it has since
# rallied 24.3%"
# "its Feb. 19 record", "its Jan. 3 peak": the day of a mark the text measures from, not of
# an event
MARK_AFTER = re.compile(
    r"(?i)\s+(?:(?:all-time|record|closing|intraday)\s+)?(?:record|high|peak|"
    r"low|top|bottom|trough)s?\b"
)
_ENDS_AT = re.compile(
    r"(?i)(?:\b(?:through|thru|as\s+of|until|up\s+to|by)|\b(?:closed|ended|finished|settled|"
    r"wrapped\s+up)(?:\s+trading)?)\s+(?:on\s+)?$"
)
# "had closed at $217.97 on Wednesday ahead of the report, leaving it down 14% for 2024": the
# period ends on the day the close is told for
_CLOSED_AT_A_LEVEL = re.compile(
    r"(?i)(?<!which\s)(?<!that\s)(?<!which\shad\s)(?<!that\shad\s)\b(?:closed|ended|finished|settled)\s+at\s+"
    r"[$]?\d[\d,.]*%?\s+(?:on\s+)?$"
)
_LEAVING = re.compile(
    r"(?i)[^;.]{0,60}?,\s+(?:leaving|putting|bringing|taking)\s+(?:it|them|the\s+\w+)\b"
)


# a day that dates the level a move started from: "to 2.89% from 2.97% late Thursday"
DATES_A_BASE = re.compile(r"(?i)\bfrom\s+[$]?\d[\d,.]*%?\s+(?:(?:late|early)\s+)?(?:on\s+)?$")
_AT_A_DAYS_MARK = re.compile(
    r"(?i)(?:(?:^|[,;]\s*)\W*|(?:\d%(?:\s+(?:higher|lower))?|"
    r"\b(?:year|month|quarter|week|date))\s+)(?:at|as\s+of)\s+(?:the|its|their)?\s*$"
)  # "At the Oct. 28 peak, ...", "... was down 0.2% at Thursday's close"
_A_DAYS_MARK = re.compile(
    r"(?i)(?:['\u2019]s)?\s+(?:close|closing\s+(?:high|level)|peak|high|record(?:\s+close)?|"
    r"finish|top)\b\s*(?:,|[.;]|$)"
)
_NOW_CLAUSE = re.compile(
    r"(?i),\s+(?:and\s+)?(?:it|they|the\s+[\w-]+)\s+(?:is|are|remains?|sits?|stands?)\b"
)


def _since_to_a_finished_period(text: str, as_of: date, found: list[Window]) -> list[Window]:
    """ "ended the quarter at 4.15%, down about 8 basis points from June 30": a move since a
    day, told after the close of a period that ended before the day of writing, runs to it."""
    ended = [
        w
        for w in found
        if w.kind == "window"
        and w.end < last_weekday(as_of)
        and re.match(r"(?i)(?:ended|finished|closed|wrapped\s+up)\s+the\s+(?:week|month|quarter|year)$",
                     w.label)
    ]  # fmt: skip
    if len(ended) != 1:
        return found
    end = last_weekday(ended[0].end)
    return [
        Window(w.start, end, w.kind, f"{w.label} (to the end of the period)", w.span)
        if w.kind == "since"
        and w.end == as_of
        and w.span[0] > ended[0].span[1]
        and w.start < end
        and not re.search(r"[;]|\b(?:now|since\s+then|today)\b", text[ended[0].span[1] : w.span[0]])
        else w
        for w in found
    ]


def _ended_on_a_named_day(text: str, as_of: date, found: list[Window]) -> list[Window]:
    """'up 12.2% for 2025 through Wednesday', 'closed Wednesday down 19.2% for the year': a
    period to date ends on the day the sentence ends it on, not on the day of writing."""
    ends = [
        w for w in found
        if w.kind == "day" and w.end < last_weekday(as_of) and _ends_at(text, w)
    ]  # fmt: skip
    found = [_period_finished_on(text, w, found) for w in found]
    found = [_distance_on_a_named_day(text, as_of, w, found) for w in found]
    if not ends:  # "surged 10.3% in four sessions to 2,263.67 on July 16": sessions end there
        to_level = [
            w for w in found
            if w.kind == "day" and w.end < last_weekday(as_of)
            and _TO_A_LEVEL_ON.search(text[max(0, w.span[0] - 30) : w.span[0]])
        ]  # fmt: skip
        if len(to_level) == 1:
            day, named = to_level[0].end, to_level[0].label.strip()
            return [
                _sessions_to(w, day, named, as_of)
                if w.kind == "trailing" and w.end == as_of and w.span[1] <= to_level[0].span[0]
                and re.search(r"(?i)session|\bdays?\b", w.label) else w
                for w in found
            ]  # fmt: skip
    if len(ends) != 1:
        return found
    day, named = ends[0].end, ends[0].label.strip()
    named = without_on(re.sub(r"(?i)^(?:through|thru|by|as\s+of|until)\s+(?=the\s)", "", named))
    out = []
    for w in found:
        a, b = sorted((w.span, ends[0].span))
        prior = _FROM_PRIOR.match(w.label)
        if w.kind == "trailing" and prior is not None and w.end == as_of:
            # "closed Wednesday at 5.01%, up 14 bp from the prior Friday": the one before it
            base = last_named(day, WEEKDAYS[prior.group(1).lower()], before=True)
            out.append(Window(base, day, w.kind, f"{w.label} (to {named})", w.span))
            continue
        if (
            w.kind == "window"
            and day < w.start <= day + timedelta(days=7)
            and (w.end - w.start).days <= 6
            and re.search(r"(?i)\bweek", w.label)
            and re.search(r"(?i)\b(?:capp|end|clos|finish|wrap|seal|round)", text[a[1] : b[0]])
        ):  # "finished Friday at $455, capping a 5.8% weekly advance", told on Monday
            monday = day - timedelta(days=day.weekday())
            out.append(Window(monday, day, w.kind, f"{w.label} (to {named})", w.span))
            continue
        directly = (
            w.kind == "trailing"
            and re.fullmatch(  # "in the five sessions through
                r"(?i)\s+(?:through|to|ending|ended|until)\s+(?:on\s+)?", text[w.span[1] : b[0]]
            )
        )  # July 16": counted back from that day, however long ago
        if (
            w.end != as_of
            or (w.start >= day and not directly)
            or "(through " in w.label
            or _OWN_END.search(w.label)  # "before ending the month at 25.25": its own end
            or re.search(
                r"(?i)\b(?:before|after|then)\b|;|,\s+(?:and|but)\s+(?:its|their)\s",
                text[a[1] : b[0]],
            )
            or _NOW_CLAUSE.search(text[a[1] : b[0]])  # "..., it remains down 3.5% for the year"
        ):
            out.append(w)
        elif w.kind in ("window", "since"):
            out.append(Window(w.start, day, w.kind, f"{w.label} (through {named})", w.span))
        elif w.kind == "trailing" and re.search(r"(?i)session|\bdays?\b", w.label):
            out.append(
                _sessions_to(w, day, named, as_of, bool(directly and w.start >= day))
            )  # "By Tuesday's close ... surged
            # 11.5% in five sessions": five back from Tuesday
        elif w.kind == "trailing" and re.search(r"(?i)week|month|year", w.label):
            again = _trailing_to(text[w.span[0] : w.span[1]], day)  # "finished Tuesday ..., up
            start = again.start if again is not None else w.start  # 7.8% for the three months"
            out.append(Window(start, day, w.kind, f"{w.label} (through {named})", w.span))
        else:
            out.append(w)
    return out


_FROM_PRIOR = re.compile(r"(?i)from\s+(?:its\s+|the\s+)?(?:prior|previous)\s+(\w+day)\b")
_TO_A_LEVEL_ON = re.compile(
    r"(?i)\bto\s+(?:a\s+record\s+|an?\s+[\w-]+\s+)?[$]?\d[\d.,]*%?\s+(?:on\s+)?$"
)


def _counts_weekdays(label: str) -> bool:
    """ "the five days", "four and a half sessions": as writers count these, the weekdays;
    "the last three sessions" counts the exchange's sessions (a holiday skipped)."""
    return bool(re.search(r"(?i)\bdays$|\band\s+a\s+half\b", label))


def _sessions_to(w: Window, day: date, named: str, as_of: date, weak: bool = False) -> Window:
    """w's count of sessions (back from the day of writing, counted as w was), back from day
    instead; `weak` labels it as counted back from that day (an alarm on it abstains)."""
    weekdays = _counts_weekdays(w.label)
    n = sum(
        1
        for k in range((last_weekday(as_of) - w.start).days)
        if (w.start + timedelta(days=k + 1)).weekday() < 5
        if weekdays or is_session(w.start + timedelta(days=k + 1))
    )
    back = _weekday_back if weekdays else sessions_back
    named = without_on(named)
    label = f"{w.label} ({COUNTED_FROM} {named})" if weak else f"{w.label} (to {named})"
    return Window(back(day, n), day, w.kind, label, w.span)


_OWN_END = re.compile(r"(?i)\b(?:end|ending|ended|finish|finishing|finished|clos|wrap)")


def _ends_at(text: str, w: Window) -> bool:
    """Whether a day is where the sentence ends a period: "through Wednesday", "closed
    Wednesday", "At the Oct. 28 peak", but not "a run of gains that ended on Tuesday"."""
    before = text[max(0, w.span[0] - 30) : w.span[0]]
    if re.match(r"(?i)(?:by|as\s+of|through|thru|until)\s+the\s+(?:end|close)\s+of\s", w.label):
        return True  # "up 14.5% for the year through the end of June"
    if _AT_A_DAYS_MARK.search(before) and _A_DAYS_MARK.match(text, w.span[1]):
        return True  # "At the Oct. 28 peak, Microsoft was up 28.6% for the year"
    if _CLOSED_AT_A_LEVEL.search(before) and _LEAVING.match(text, w.span[1]):
        return True
    m = _ENDS_AT.search(before)
    if m is not None and re.match(r"(?i)by\b", m.group(0)) and w.label.endswith(("'s", "\u2019s")):
        if not re.match(
            r"\s+(?:close|closing|finish|end|settlement|final\s+bell)\b", text[w.span[1] :]
        ):
            return False  # "dragged down by Wednesday's chip selloff": what did it, not an end
    return m is not None and not re.search(
        r"(?i)\b(?:that|which|who)\s+(?:had\s+|has\s+)?\w+\s+(?:on\s+)?$", before
    )


def _distance_on_a_named_day(text: str, as_of: date, w: Window, found: list[Window]) -> Window:
    """ "On Oct. 27, the S&P 500 closed at 4,117.37, some 10.3% under its July 31 close": a
    distance from an earlier close, measured on the one day the sentence names."""
    if not (
        w.kind == "since"
        and w.end == as_of
        and re.match(r"(?i)(?:above|below|under|beneath)\b", w.label)
    ):
        return w
    days = [
        d
        for d in found
        if d.kind == "day"
        and w.start < d.end < as_of
        and not d.label.endswith(("'s", "\u2019s"))
        and not re.search(  # "its record close of $149.43, set on Jan. 6": the record's day
            r"(?i)\b(?:set|reached|hit|notched|posted|recorded)\s+$", text[: d.span[0]]
        )
    ]
    if len(days) != 1:
        return w
    return Window(w.start, days[0].end, w.kind, f"{w.label} (on {days[0].label.strip()})", w.span)


_FINISHED_WITH = re.compile(
    r"(?i)^\s*(?:trading\s+)?with\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:gain|loss|advance|decline|rise|"
    r"drop|increase|decrease|return)\s+of\b"
)


def _period_finished_on(text: str, w: Window, found: list[Window]) -> Window:
    """ "up 14.9% for the year; it finished Friday with a gain of 7.5%": the day a period
    named before it finished on, not that day's move."""
    if not (w.kind == "day" and _ends_at(text, w) and _FINISHED_WITH.match(text[w.span[1] :])):
        return w
    periods = [
        p for p in found
        if p.span[1] <= w.span[0] and p.kind in ("window", "since") and p.start < w.end <= p.end
    ]  # fmt: skip
    if not periods:
        return w
    p = periods[-1]
    base = re.sub(r"\s*\(through [^)]*\)$", "", p.label)
    return Window(p.start, w.end, p.kind, f"{base} (through {w.label})", w.span)


_ELIDED_Q = re.compile(
    r"\b(?:in|during|for)\s+the\s+(?P<q>first|second|third|fourth)\b(?![\s-]+(?:quarter|half|time|day|week|month|straight|consecutive))",
    re.IGNORECASE,
)


def _elided_quarters(text: str, as_of: date, found: list[Window]) -> list[Window]:
    """'rose 10.2% in the first quarter and another 3.9% in the second': the noun is left out."""
    quarters = [w for w in found if re.search(r"(?i)quarter", w.label)]
    if not quarters:
        return []
    out = []
    for m in _ELIDED_Q.finditer(text):
        if m.start() < quarters[0].span[1] or any(
            m.start() < e and s < m.end() for s, e in (w.span for w in found)
        ):
            continue
        q = QUARTER_WORDS[m.group("q").lower()]
        start, end = _quarter_window(q, quarters[0].start.year, as_of)
        out.append(Window(start, end, "window", m.group(0), m.span()))
    return out


def _on_the_day_of_writing(name: str, m: re.Match[str], w: Window, today: date) -> Window:
    wd = (m.groupdict().get("wd") or "").lower()
    if name == "today" and re.match(r"(?i)now|currently|at\s+present|so\s+far", m.group(0)):
        return w  # "is now up 0.7%": as things stood at the last close
    if name == "today" or (name == "weekday" and WEEKDAYS.get(wd) == today.weekday()):
        return Window(today, today, "day", w.label, w.span)
    if name in ("last_week", "last_month", "last_year"):  # Monday's note: the week just ended
        return _resolve(name, m, today, today) or w
    if name == "yesterday" and m.group(0).lower() == "yesterday":  # a note before the open
        day = _weekday_back(today)
        return Window(day, day, "day", w.label, w.span)
    return w


def last_named(as_of: date, weekday: int, before: bool = False) -> date:
    """The last such weekday on or before as_of ("Friday"), or strictly before it ("last
    Friday", "since Friday")."""
    return as_of - timedelta(days=(as_of.weekday() - weekday) % 7 or (7 if before else 0))


def _weekday_back(d: date, n: int = 1) -> date:
    """n weekdays before d (holidays are the verifier's business)."""
    while n:
        d -= timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def _last_year_of(month: int, as_of: date) -> int:
    """The year of "last September": told in July, the September before; told in November,
    this year's."""
    return as_of.year - (month >= as_of.month)


def without_on(label: str) -> str:
    """ "Oct. 27" for "on Oct. 27", to put the day's label inside another."""
    return re.sub(r"(?i)^on\s+", "", label)


def last_weekday(d: date) -> date:
    """d, or the Friday before when d falls on a weekend (holidays are the verifier's)."""
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def _weekday_forward(d: date) -> date:
    d += timedelta(days=1)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


# "gained 13% to close the year at 48,063.29": the move's result, not a goal ("on track to
# end the year", "could finish the year")
_TO_CLOSE_THE_YEAR = re.compile(
    r"(?i)(?<!track\s)(?<!poised\s)(?<!set\s)(?<!expected\s)(?<!likely\s)(?<!needs\s)"
    r"(?<!need\s)(?<!aims\s)(?<!hopes\s)\bto\s+(?:end|finish|close)(?:\s+out)?\s+the\s+year$"
)


def early_in(as_of: date, period: str) -> bool:
    """Too early in the month / year for "for the month/year" to mean this one."""
    if period == "month":
        return as_of.day <= 2 or (as_of.day <= 4 and as_of.weekday() <= as_of.day - 1)
    return as_of.month == 1 and as_of.day <= 4


def _resolve(  # noqa: C901
    name: str, m: re.Match[str], as_of: date, anchor: date
) -> Window | None:
    span = m.span()
    if name == "month" and m.start() == 0 and "," in m.string[: max(0, m.start("m"))]:
        span = (m.start("m"), m.end())  # "At the other end of the ledger, June still holds"
    label = m.string[span[0] : span[1]].strip().rstrip(".,")
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if name == "entered_year":  # "entered 2022 with rates near zero": at 2021's last close
        assert year is not None
        eve = last_weekday(date(year - 1, 12, 31))
        return Window(eve, eve, "day", label, span) if eve <= as_of else None
    if name in ("since_event", "event_day"):
        return _event_window(name, g, as_of, label, span)
    if name == "week_ended":
        if g.get("wd"):
            end = last_named(as_of, WEEKDAYS[g["wd"].lower()])
        else:
            got = parse_date_match(m, as_of, prefix="e_")
            if got is None:
                return None
            end = got
        return Window(end - timedelta(days=end.weekday()), end, "window", label, span)
    if name == "end_of_month":
        start, _ = month_window(MONTHS[month_key(g["m"])], year, as_of)
        eom = last_weekday(last_day(start.year, start.month))
        return Window(eom, eom, "day", label, span)
    if name == "part_of_year":  # "in early 2022": roughly its first four months
        y = int(g["y"])
        first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[g["part"].lower()]
        end = min(last_day(y, last), as_of)
        return (
            Window(date(y, first, 1), end, "window", label, span)
            if end >= date(y, first, 1)
            else None
        )
    if name == "part_of_month":
        start, end = month_window(MONTHS[month_key(g["m"])], year, as_of)
        part_start, part_end = part_days(g["part"], start)
        return Window(part_start, min(part_end, end), "window", label, span)
    if name == "into_today":  # "began the day 8% below its record": as of the last close
        prev = _weekday_back(as_of)
        return Window(prev, prev, "day", label, span)
    if name == "into_day":
        wd = WEEKDAYS[g["wd"].lower()]
        day = last_named(as_of, wd)
        prev = _weekday_back(day)
        return Window(prev, prev, "day", label, span)
    if name == "since_month_end":
        month = MONTHS[month_key(g["m"])]
        start, end = month_window(month, year, as_of)
        return Window(last_day(start.year, start.month), as_of, "trailing", label, span)
    if name == "from_date_close":
        d = parse_date_match(m, as_of)
        return Window(d, as_of, "since", label, span) if d else None
    if name == "from_through":
        d1 = parse_date_match(m, as_of)
        if d1 is None:
            return None
        if g.get("me"):
            me = g["me"].lower()
            d2 = last_day(d1.year, d1.month) if "month" in me else date(d1.year, 12, 31)
            d2 = min(d2, as_of)
        elif g.get("em"):  # "through the end of June"
            month = MONTHS[month_key(g["em"])]
            y2 = int(g["ey"]) if g.get("ey") else d1.year + (month < d1.month)
            d2 = min(last_day(y2, month), as_of)
            if d1 > d2 and (d1.month, d1.day) != (2, 29):  # "from the Oct. 27 close to the end
                # of December 2023": that year's
                d1 = d1.replace(year=d2.year - ((d1.month, d1.day) > (d2.month, d2.day)))
        else:
            got = parse_date_match(m, as_of, prefix="t_")
            if got is None:
                return None
            d2 = got
        return Window(d1, d2, "since", label, span)
    if name == "two_days":
        d1 = last_named(as_of, WEEKDAYS[g["wd"].lower()])
        d2 = last_named(as_of, WEEKDAYS[g["wd_b"].lower()])
        return Window(d1, d2, "window", label, span) if d1 <= d2 else None
    if name == "from_close":
        if g.get("wd") or g.get("wd2") or g.get("wd3"):
            wd = WEEKDAYS[(g.get("wd") or g.get("wd2") or g["wd3"]).lower()]
            # "the previous Friday", on a weekend: the one before the Friday just ended
            base = last_named(last_weekday(as_of) if g.get("prior") else as_of, wd, before=True)
        else:
            month_start, _ = month_window(
                MONTHS[month_key(g["m"])], None, as_of - timedelta(days=1)
            )
            base = last_day(month_start.year, month_start.month)
            if base >= as_of:
                return None
        return Window(base, as_of, "trailing", label, span)
    if name == "rel_day":
        rel = " ".join(g["rel"].lower().split())
        if any(w in rel for w in ("next", "following", "later")):
            d = _weekday_forward(anchor)
        elif any(w in rel for w in ("previous", "prior", "earlier", "before")):
            d = _weekday_back(anchor)
        else:
            d = anchor
        return Window(d, d, "day", label, span) if d <= as_of else None
    if name == "today":  # "now", written on a weekend: as of the last close
        d = last_weekday(as_of) if re.match(r"(?i)now|currently|at\s+present", label) else as_of
        return Window(d, d, "day", label, span)
    if name == "yesterday":
        d = _weekday_back(as_of)
        return Window(d, d, "day", label, span)
    if name == "season":  # four months, generously: reporters call a December cut "last fall"
        first = _SEASON_START[g["season"].lower()]

        def bounds(y: int) -> tuple[date, date]:
            end = shift_months(date(y, first, 1), 4) - timedelta(days=1)
            return date(y, first, 1), end

        if g.get("y"):
            y = int(g["y"])
        else:
            y = as_of.year if bounds(as_of.year)[0] <= as_of else as_of.year - 1
            if (g.get("rel") or "").lower() == "last" and bounds(y)[1] >= as_of:
                y -= 1  # "last fall", written in the fall: a year before
        return Window(*_upto(*bounds(y), as_of), "window", label, span)
    if name == "weekday_nth":  # "Wednesday the 14th": the latest such date in two months
        wd, nth = WEEKDAYS[g["wd"].lower()], int(g["dom"])
        first_of = as_of.replace(day=1)
        for _ in range(3):
            try:
                d = first_of.replace(day=nth)
            except ValueError:
                d = None
            if d is not None and d <= as_of and d.weekday() == wd:
                return Window(d, d, "day", label, span)
            first_of = (first_of - timedelta(days=1)).replace(day=1)
        return None
    if name == "on_the_nth":  # "the report on the 13th": that day of this month, or the last
        nth = int(g["dom"])
        first_of = as_of.replace(day=1)
        if nth > as_of.day:
            first_of = (first_of - timedelta(days=1)).replace(day=1)
        try:
            return Window(first_of.replace(day=nth), first_of.replace(day=nth), "day", label, span)
        except ValueError:
            return None
    if name == "since_wd":  # "since last Friday('s close)": from the last such day before
        wd = WEEKDAYS[g["wd"].lower()]
        d = last_named(as_of, wd, before=True)
        return Window(d, as_of, "since", label, span)
    if name == "since_began":  # "higher than where it began the year, up 24 basis points"
        d = _weekday_back(date(as_of.year, 1, 1))
        return Window(d, as_of, "since", label, span)
    if name == "since_ended":  # "4.1% below where it ended July": since July's last close
        if g.get("m"):
            _, end = month_window(MONTHS[month_key(g["m"])], year, as_of)
        elif g.get("y2"):
            end = date(int(g["y2"]), 12, 31)
        elif g["unit"].lower() == "year":
            end = date(as_of.year - 1, 12, 31)
        else:
            end = as_of.replace(day=1) - timedelta(days=1)
        if end >= as_of:
            return None
        d = last_weekday(end)
        return Window(d, as_of, "since", label, span)
    if name == "began_period":  # "it began the year near 1.5%": the close before the period
        unit = g["unit"].lower()
        if unit == "year":
            opening = date(as_of.year, 1, 1)
        elif unit == "month":
            opening = as_of.replace(day=1)
        elif unit == "quarter":
            opening, _ = _quarter_window((as_of.month - 1) // 3 + 1, as_of.year, as_of)
        else:
            opening = as_of - timedelta(days=as_of.weekday())
        d = _weekday_back(opening)
        return Window(d, d, "day", label, span)
    if name == "last_wd":
        wd = WEEKDAYS[g["wd"].lower()]
        d = last_named(as_of, wd, before=True)
        return Window(d, d, "day", label, span)
    if name == "weekday_date":
        d = parse_date_match(m, as_of)
        return Window(d, d, "day", label, span) if d else None
    if name == "month_meeting":  # "after the March meeting, when the Fed lifted rates": its own
        own = int(g["y"]) if g.get("y") else None  # its year only, never the passage's
        start, end = month_window(MONTHS[month_key(g["m"])], own, as_of)
        return Window(start, end, "window", label, span)
    if name in ("finished_month", "month_noun"):
        start, end = month_window(MONTHS[month_key(g["m"])], year, as_of)
        return Window(start, end, "window", label, span)
    if name == "ago":
        unit, session = g["unit"].lower(), last_weekday(as_of)  # on a Saturday: from Friday
        n = count_of(g["n"])
        back = (  # "down 32% from two weeks earlier"
            session - timedelta(days=7 * n)
            if unit == "week"
            else shift_months(session, -12 * n if unit == "year" else -n)
        )
        return Window(back, as_of, "trailing", label, span)
    if name == "unit_ago_day":  # "down from 4.37% a month ago": the same date a month back,
        back = shift_months(last_weekday(as_of), -12 if g["unit"].lower() == "year" else -1)
        d = last_weekday(back)  # though the writer may mean the month's end: counted back
        return Window(d, d, "day", f"{label} ({COUNTED_FROM} {as_of:%b} {as_of.day})", span)
    if name == "week_ago_day":  # "since closing above 45,000 for the first time a week ago"
        d = last_weekday(as_of - timedelta(days=7))
        return Window(d, d, "day", label, span)
    if name == "week_earlier_day":  # "down from 4.96% a week earlier": a week before the day
        d = last_weekday(last_weekday(anchor) - timedelta(days=7))
        return Window(d, d, "day", label, span)
    if name in ("finished_year", "its_year", "in_review"):
        assert year is not None
        return Window(date(year, 1, 1), min(date(year, 12, 31), as_of), "window", label, span)
    if name == "its_month":  # "rose 2%, its best September since 2019": this September
        start, end = month_window(MONTHS[month_key(g["m"])], None, as_of)
        return Window(start, end, "window", label, span)
    if name in ("its_period", "own_period"):  # "fell 4.5%, its worst week since September"
        unit = (g.get("u") or g["u2"]).lower()
        name = {"week": "for_week", "month": "for_month", "quarter": "for_quarter"}[unit]
        if not label.lower().startswith(("its", "their")):
            told = label.lower()
            label = f"for the {unit}"  # not "NVDA week" in a receipt
            if unit == "week" and told.startswith(("had", "enjoyed", "endured", "suffered")):
                if as_of.weekday() == 0:  # "bond buyers had a good week", on a Monday: the last
                    monday = as_of - timedelta(days=7)
                    return Window(monday, monday + timedelta(days=4), "window", label, span)
    # a completed period ("ended the month", "ends the year" in a review out after it)
    done = bool(
        re.match(
            r"(?i)(?:finish(?:ed|es)?|end(?:ed|s)?|clos(?:ed|es|e)|wrap(?:ped|s)?\s+up)\b", label
        )
    )
    if name == "for_week":
        if as_of.weekday() == 0 and 0 < (as_of - anchor).days <= 3:
            # a Monday wrap's line about Friday's session: "That left the S&P 500 down 0.2%
            # for the holiday-shortened week" is last week
            monday = anchor - timedelta(days=anchor.weekday())
            return Window(monday, monday + timedelta(days=4), "window", label, span)
        if done and as_of.weekday() < 3:  # "ended the week" written early in the next one
            monday = as_of - timedelta(days=as_of.weekday() + 7)
            return Window(monday, monday + timedelta(days=4), "window", label, span)
        return Window(as_of - timedelta(days=as_of.weekday()), as_of, "window", label, span)
    if name == "for_month":
        month_end = last_weekday(last_day(as_of.year, as_of.month))
        if early_in(as_of, "month") or (done and as_of < month_end):
            prev = as_of.replace(day=1) - timedelta(days=1)
            return Window(prev.replace(day=1), prev, "window", label, span)
        return Window(as_of.replace(day=1), as_of, "window", label, span)
    if name == "for_quarter":
        q_start = quarter_start(as_of)
        if as_of.month == q_start.month and as_of.day <= 7:
            # a review written in a quarter's first week is about the one just ended
            prev_end = q_start - timedelta(days=1)
            return Window(shift_months(q_start, -3), prev_end, "window", label, span)
        return Window(q_start, as_of, "window", label, span)
    if name in ("for_year", "closing_year"):
        if year is not None:
            return Window(date(year, 1, 1), min(date(year, 12, 31), as_of), "window", label, span)
        ended = (  # "ended the year up 16.4%", "rose 13% to close the year at ...", told before
            (  # this year's last session: last year's
                re.match(
                    r"(?i)(?:ended|finished|closed|wrapped\s+up)(?:\s+out)?\s+the\s+year$", label
                )
                or _TO_CLOSE_THE_YEAR.search(m.string[: m.end()])
            )
            and not re.match(r"['\u2019]s", m.string[m.end() :])  # ("ended the year's first half")
            and as_of < last_weekday(date(as_of.year, 12, 31))
        )
        if early_in(as_of, "year") or ended:
            y = as_of.year - 1
            return Window(date(y, 1, 1), date(y, 12, 31), "window", label, span)
        return Window(date(as_of.year, 1, 1), as_of, "window", label, span)
    if name == "day_range":
        d1 = parse_date_match(m, as_of)
        if d1 is None or int(g["d2"]) <= d1.day:
            return None
        try:
            return Window(d1, d1.replace(day=int(g["d2"])), "window", label, span)
        except ValueError:
            return None
    if name == "between":
        b1 = parse_date_match(m, as_of)
        b2 = parse_date_match(m, as_of, prefix="b_")
        if b1 and b2:
            return Window(b1, b2, "since", label, span)
        return None
    if name == "between_wd":
        b1 = parse_date_match(m, as_of)
        b2 = last_named(as_of, WEEKDAYS[g["wd"].lower()])
        return Window(b1, b2, "since", label, span) if b1 and b1 < b2 else None
    if name == "since_date":
        d = parse_date_match(m, as_of)
        return Window(d, as_of, "since", label, span) if d else None
    if name == "since_part":
        month = MONTHS[month_key(g["m"])]
        start, _ = month_window(month, int(g["y"]) if g.get("y") else None, as_of)
        return Window(part_days(g["part"], start)[0], as_of, "since", label, span)
    if name == "since_month":
        month = MONTHS[month_key(g["m"])]
        start, _ = month_window(
            month, _last_year_of(month, as_of) if g.get("last") else year, as_of
        )
        return Window(start, as_of, "window", label, span)
    if name == "ytd":
        return Window(date(as_of.year, 1, 1), as_of, "window", label, span)
    if name == "mtd":
        return Window(as_of.replace(day=1), as_of, "window", label, span)
    if name == "last_month":
        prev = as_of.replace(day=1) - timedelta(days=1)
        return Window(prev.replace(day=1), prev, "window", label, span)
    if name == "last_week":  # on a weekend, the week that just ended
        monday = as_of - timedelta(days=as_of.weekday()) - timedelta(days=7 * (as_of.weekday() < 5))
        return Window(monday, monday + timedelta(days=4), "window", label, span)
    if name == "this_week":
        return Window(as_of - timedelta(days=as_of.weekday()), as_of, "window", label, span)
    if name == "last_year":
        y = as_of.year - 1
        return Window(date(y, 1, 1), date(y, 12, 31), "window", label, span)
    if name == "first_months":  # "the first three months were rough": the first quarter
        y = year if year is not None else as_of.year - early_in(as_of, "year")
        months = count_of(g["n"])
        return Window(*_upto(date(y, 1, 1), last_day(y, months), as_of), "window", label, span)
    if name == "past_months":  # "the three months that ended Tuesday": a quarter's span
        n = count_of(g["n"])
        start = shift_months(as_of, -n) + timedelta(days=1)
        return Window(start, as_of, "window", label, span)
    if name == "past_sessions":  # "lost 7% over five sessions": from the close five sessions back
        n = count_of(g["n"])
        n += 1 if g.get("half") else 0  # "the four and a half sessions": a half day is one
        latest = last_weekday(as_of)  # written on a weekend: the week's sessions
        step_back = _weekday_back if _counts_weekdays(label) else sessions_back
        return Window(step_back(latest, n), as_of, "trailing", label, span)
    if name == "rel_unit":  # "its 3.9% surge the week before": the week before the story's
        if (g.get("u") or g["u2"]).lower() == "week":
            monday = anchor - timedelta(days=anchor.weekday() + 7)
            return Window(monday, monday + timedelta(days=4), "window", label, span)
        prev = anchor.replace(day=1) - timedelta(days=1)
        return Window(prev.replace(day=1), prev, "window", label, span)
    if name in ("past_n", "past_1"):
        raw = g.get("n") or g.get("n2") or "1"
        n = count_of(raw)
        unit = (g.get("u") or g.get("u2") or "year").lower().rstrip("s")
        friday = last_weekday(as_of)  # on a weekend, counted back from Friday's close
        following = friday + timedelta(days=3 if friday.weekday() == 4 else 1)
        if unit in ("year", "month") and following.month != friday.month:
            # told at a month's end, N months are whole months: "lost 29.5% in six months"
            # on June 30 is the first half (from the close of Dec. 31)
            months = n * (12 if unit == "year" else 1)
            start = shift_months(friday.replace(day=1), 1 - months) - timedelta(days=1)
            return Window(start, as_of, "trailing", label, span)
        if unit == "year":
            start = shift_months(friday, -12 * n)
        elif unit == "month":
            start = shift_months(friday, -n)
        else:
            start = friday - timedelta(weeks=n)
        return Window(start, as_of, "trailing", label, span)
    if name == "half_bare":  # "for the half": the half-year so far, or the one just ended
        y = as_of.year if as_of.month > 1 or as_of.day > 7 else as_of.year - 1
        second = as_of.month > 7 or (as_of.month == 7 and as_of.day > 7) or y < as_of.year
        start, end = (date(y, 7, 1), date(y, 12, 31)) if second else (date(y, 1, 1), date(y, 6, 30))
        return Window(*_upto(start, end, as_of), "window", label, span)
    if name == "half":
        y = year or (as_of.year if g["h"].lower() == "first" or as_of.month > 6 else as_of.year - 1)
        if (
            g["h"].lower() == "first"
            and year is None
            and as_of.month == 1
            and early_in(as_of, "year")
        ):
            y -= 1
        start = date(y, 1, 1) if g["h"].lower() == "first" else date(y, 7, 1)
        end = date(y, 6, 30) if g["h"].lower() == "first" else date(y, 12, 31)
        return Window(*_upto(start, end, as_of), "window", label, span)
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
    if name == "that_week":  # "its 2.1% drop that week": the week of the day named before
        monday = anchor - timedelta(days=anchor.weekday())
        return Window(monday, min(monday + timedelta(days=4), as_of), "window", label, span)
    if name == "that_month":  # "gained 2.3% that month": the month of the day named before
        opening = anchor.replace(day=1)
        end = min(last_day(opening.year, opening.month), as_of)
        return Window(opening, end, "window", label, span)
    if name == "that_wd":  # "that Friday": the one the passage is about, on or before its day
        wd = WEEKDAYS[g["wd"].lower()]
        d = last_named(anchor, wd)
        return Window(d, d, "day", label, span)
    if name == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        d = last_named(as_of, wd)
        return Window(d, d, "day", label, span)
    if name == "month":
        month = MONTHS[month_key(g["m"])]
        if g.get("last"):
            year = _last_year_of(month, as_of)
        elif g.get("ly"):
            year = as_of.year - (g["ly"].lower() == "last")
        start, end = month_window(month, year, as_of)
        if year is None and month == as_of.month and _ONGOING.search(m.string[: m.start()]):
            start, end = as_of.replace(day=1), as_of  # "has risen 1.7% in April": so far
        return Window(start, end, "window", label, span)
    if name == "first_session":  # "on the year's first session": this year's opening day
        whole = _period_named("for the year", as_of)
        if whole is None:
            return None
        day = whole.start if is_session(whole.start) else next_session(whole.start)
        return Window(day, day, "day", label, span) if day <= as_of else None
    if name == "first_sessions":  # "in the first two sessions of 2026": from its opening day
        whole = _period_named(
            ("for " if g["of"].lower().startswith("the") else "in ") + g["of"], as_of
        )
        if whole is None:
            return None
        n, opening = count_of(g["n"]), whole.start
        if g.get("m") and not re.search(r"\d", g["of"]):  # "the first two sessions of
            this = date(as_of.year, MONTHS[month_key(g["m"])], 1)  # October", out Oct. 3: this
            opening = this if this <= as_of else opening  # October's, if they have been
        for begin in dict.fromkeys((opening, whole.start)):
            end = begin if is_session(begin) else next_session(begin)
            for _ in range(n - 1):
                end = next_session(end)
            if end <= as_of:
                return Window(begin, end, "window", label, span)
        return None
    if name == "week_of":  # "the final full week of September": its last Monday to Friday
        whole = _period_named(
            ("for " if g["of"].lower().startswith("the") else "in ") + g["of"], as_of
        )
        if whole is None:
            return None
        if g["which"].lower() in ("first", "opening"):
            week_start = whole.start + timedelta(
                days=(7 - whole.start.weekday()) % 7 if g["full"] else 0
            )
            week_start = (
                week_start
                if week_start.weekday() < 5
                else week_start + timedelta(days=7 - week_start.weekday())
            )
            end = week_start + timedelta(days=4 - week_start.weekday())
        else:
            end = last_weekday(whole.end)
            if g["full"] and end.weekday() != 4:
                end -= timedelta(days=end.weekday() + 3)
            week_start = end - timedelta(days=end.weekday())
        if end > as_of:
            return None
        return Window(week_start, end, "window", label, span)
    if name == "last_n_of":  # "in the last two weeks of the quarter": ending with its end
        whole = _period_named(
            ("for " if g["of"].lower().startswith("the") else "in ") + g["of"], as_of
        )
        if whole is None:
            return None
        end = last_weekday(min(whole.end, as_of))
        n = count_of(g["n"])
        start = end - timedelta(days=7 * n - 1 if g["u"].lower() == "weeks" else n - 1)
        return Window(start, end, "window", label, span)
    if name == "months_span":  # "from April through June"
        span_start, _ = month_window(MONTHS[month_key(g["m"])], year, as_of)
        last_m = MONTHS[month_key(g["m2"])]
        y2 = span_start.year if last_m >= span_start.month else span_start.year + 1
        if g.get("y2") and g.get("y"):  # "between March 2022 and July 2023"
            y2 = int(g["y2"])
        return Window(span_start, min(last_day(y2, last_m), as_of), "window", label, span)
    if name == "since_year_start":  # "up 35% since the start of 2024": from 2023's last close
        if year is None or year > as_of.year:
            return None
        return Window(date(year, 1, 1), as_of, "window", label, span)
    if name == "since_year_end":  # "measured from the end of 2020": from that last close
        y = year if year is not None else as_of.year - 1
        return Window(date(y + 1, 1, 1), as_of, "window", label, span) if y < as_of.year else None
    if name == "year_end_day":  # "By the end of the year the VIX had sunk to 12.45"
        y = as_of.year - 1 if early_in(as_of, "year") else as_of.year
        end = last_weekday(date(y, 12, 31))
        return Window(end, end, "day", label, span) if end <= as_of else None
    if name == "end_of_year":
        if g.get("that"):
            return None  # "the end of that year": the passage's year decides (find_windows)
        year = as_of.year - 1 if g.get("ly") else year
        assert year is not None
        end = last_weekday(date(year, 12, 31))
        return Window(end, end, "day", label, span) if end <= as_of else None
    if name == "week_start":  # "gained 1.2% to start the week": that week's first session
        monday = anchor - timedelta(days=anchor.weekday())
        return Window(monday, monday, "day", label, span) if monday <= as_of else None
    if name == "years_ago_today":  # "Two years ago today, the S&P 500 closed at 3,577.03"
        n = count_of(g["n"])
        d = as_of.replace(year=as_of.year - n) if (as_of.month, as_of.day) != (2, 29) else (
            date(as_of.year - n, 2, 28))  # fmt: skip
        return Window(d, d, "day", label, span)
    if name == "weeks_ago":  # "Two weeks ago, the 10-year closed at 4.99%": that week, roughly
        n = count_of(g["n"])
        monday = as_of - timedelta(days=as_of.weekday() + 7 * n)
        return Window(monday, monday + timedelta(days=4), "window", label, span)
    if name == "holiday":
        d = _holiday(" ".join(g["hol"].lower().split()).replace("\u2019", "'"), as_of)
        return Window(d, d, "day", label, span) if d else None
    if name == "final_bare":  # "the final session" of the year a review covers
        end = last_weekday(date(as_of.year - 1, 12, 31) if early_in(as_of, "year") else as_of)
        return Window(end, end, "day", label, span)
    if name == "final_session":
        if g.get("pq"):  # "on the last day of the quarter": this one, or the one just ended
            q_start = quarter_start(as_of)
            if (as_of - q_start).days <= 7:
                end = q_start - timedelta(days=1)
            else:
                end = last_day(q_start.year, q_start.month + 2)
        elif g.get("pm"):
            if g.get("m"):
                opening, _ = month_window(MONTHS[month_key(g["m"])], None, as_of)
            else:
                opening = as_of.replace(day=1)
                if early_in(as_of, "month"):
                    opening = (opening - timedelta(days=1)).replace(day=1)
            end = last_day(opening.year, opening.month)
        else:
            y = year if year is not None else as_of.year - early_in(as_of, "year")
            end = date(y, 12, 31)
        end = last_weekday(end)
        return Window(end, end, "day", label, span) if end <= as_of else None
    if name == "year":
        assert year is not None
        return Window(*_upto(date(year, 1, 1), date(year, 12, 31), as_of), "window", label, span)
    return None


def _event_day(g: dict[str, str | None], as_of: date) -> date | None:
    """The day of the event a _EVENT match names (see events.py), or None."""
    ev = g.get("ev") or g.get("ev2") or g.get("ev3") or g.get("ev4") or g.get("ev5")
    if ev is None:  # an election
        return election_day(as_of, presidential=bool(g.get("pres") or g.get("trump")))
    named = g.get("em") or g.get("em2") or g.get("em3") or g.get("em4") or g.get("em5")
    month = MONTHS[month_key(named)] if named else None
    if month is None and (
        (g.get("ord") or "").lower() == "first"
        or as_of in FOMC_DECISIONS
        or as_of in FOMC_SCHEDULED
    ):
        return None  # "the Fed's first cut": of which cycle? a decision due today: no close yet
    ev = ev.lower()
    if ev in ("cut", "reduction"):
        return fomc_day(as_of, month=month, direction="cut")
    if ev in ("hike", "increase"):
        return fomc_day(as_of, month=month, direction="hike")
    return fomc_day(as_of, month=month)


def _event_window(
    name: str, g: dict[str, str | None], as_of: date, label: str, span: tuple[int, int]
) -> Window | None:
    """ "since Election Day": from that day's close; "the day after the Fed's decision": the
    next session."""
    day = _event_day(g, as_of)
    if day is None:
        return None
    if name == "since_event":
        return Window(day, as_of, "since", label, span)
    rel = " ".join((g.get("rel") or "day of").lower().split())
    if rel.endswith("after"):
        day = next_session(day)
    elif rel.endswith("before") or rel == "eve of":
        day = sessions_back(day, 1)
    return Window(day, day, "day", label, span) if day <= as_of else None


def _holiday(name: str, as_of: date) -> date | None:
    """The most recent such day on or before as_of (days the market is open around holidays)."""
    for year in (as_of.year, as_of.year - 1):
        if name == "new year's eve":
            d = date(year, 12, 31)
        elif name == "christmas eve":
            d = date(year, 12, 24)
        elif name in ("black friday", "the day after thanksgiving"):
            first = date(year, 11, 1)
            d = first + timedelta(days=(3 - first.weekday()) % 7 + 21 + 1)
        else:  # the day after christmas
            d = date(year, 12, 26)
        if d <= as_of:
            return d
    return None
