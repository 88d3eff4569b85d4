"""Deterministic extraction of numeric claims from text (no LLM).

Each sentence is first scanned for the shapes with a fixed form (a dated move,
rate ranges, Fed basis points and counts, ratios, volatility, drawdowns); the
rest of its quantities are read as statements (`statements.py`): changes in
percent or points, levels, bounds, yields, gaps. A span used once is not reused.

The article is read in order, carrying context from sentence to sentence: the
subject ("the index", "it"), the last day named ("on the day", "the next
session") and a section header's window ("For the week:"). A claim's window is
the nearest time expression in its sentence, else the section's, else the day
carried from the sentence before, else the publication day; the claim records
which (`window_source`) so the verifier never calls a claim wrong on a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

from assistant.claims import patterns as P
from assistant.claims.gaps import read_gaps
from assistant.claims.statements import (
    COMPARED_BEFORE,
    VERB_FIRST,
    Reading,
    Statement,
    as_claim,
    asides,
    direction_at,
    is_year,
    not_compared,
    noun_phrase,
    read_statements,
    typed_mentions,
)
from assistant.claims.tables import find_tables, table_claims
from assistant.market.calendar import (
    is_session,
    last_session,
    next_session,
    session_hours,
    sessions_back,
    sessions_between,
)
from assistant.market.symbols import SYMBOLS, Symbol, find_symbols
from assistant.models import Claim
from assistant.text.quantities import find_quantities, to_float
from assistant.text.sentences import split_sentences
from assistant.text.times import (
    COUNTED_BACK,
    COUNTED_FROM,
    DATE_RE,
    DATES_A_BASE,
    EVENT_DATED,
    FINISHED_MONTH,
    MARK_AFTER,
    MONTHS,
    NUMBER_WORDS,
    REVIEWED_OR_SINCE,
    WEEKDAYS,
    Window,
    count_of,
    find_windows,
    last_day,
    last_named,
    last_weekday,
    month_key,
    month_re,
    month_window,
    parse_date_match,
    passage_year,
    without_on,
)
from assistant.text.zh_numbers import mostly_chinese

MAX_CLAIMS = 2000
_RETURN_NOUN = re.compile(r"\breturns?\b[^%]*$", re.IGNORECASE)
_WITH_ABSOLUTE = re.compile(r"(?i),\s+with\s+[^,;\d]{3,50}$")
_PRESENT = re.compile(
    r"\b(?:is|are|sits|stands|remains|trades|now|(?:has|have)(?=\s+(?:\w+ly\s+)?(?:gained|risen|"
    r"climbed|added|advanced|rallied|jumped|surged|soared|returned|fallen|dropped|lost|slipped|"
    r"declined|slid|shed|tumbled|sunk|sagged)\b))\b"
    r"(?![^,;]*\b(?:was|were|had|ended|closed|finished)\b)",
    re.IGNORECASE,
)
# "15% below its Jan. 3 record", "21.8% off its November peak": a distance, as it stands now
_DISTANCE_NOW = re.compile(
    r"[\d.,]+\s*(?:%|percent)\s+(?:below|off|under|short\s+of|from)\s+(?:its|their|the)\s+"
    r"(?:[\w.,-]+\s+){0,3}?(?:record|peak|high|all-time\s+high)\b",
    re.IGNORECASE,
)
_HEAD_LABEL = re.compile(r"^[^:]{0,30}:\s+(?=[A-Z])|^")  # "For the year: The S&P 500 ..."
_JOINS = re.compile(r"[,;]|\b(?:and|but|while|then|before|after|as)\b", re.IGNORECASE)
# "closed above 17,000 for the first time on Tuesday, as Nvidia surged 7%": at the same time
_AS_AT_THE_TIME = re.compile(r"(?i),\s+as\s+[^,;]{3,60}$")
_PARTICIPLE = re.compile(
    r"^\s*(?:set|reached|hit|notched|posted|recorded|marked|touched|logged)\b", re.IGNORECASE
)
_SUBCLAUSE = re.compile(
    r"\b(?:as|because|amid|while|whereas|though|although|after|following)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[a-z][\w-]*\s+){0,2}?(?:investors|traders|the\s+\w+|it|they|[a-z]+s)\b|"
    r"\b(?:after|following|ahead\s+of|amid)\s+(?:a|an|the|its|their)\s+|"  # "ahead of its results"
    r"\b(?:after|before|while|until)\s+(?:\w+ly\s+)?[a-z]{3,}ing\b|"  # "before slipping again"
    r"\bto\s+(?:extend|cap|deepen|add\s+to|pare|trim)\b",  # "dropped 1.9% to extend a stretch"
    re.IGNORECASE,
)
_TO_LEVEL = re.compile(
    r"\s+(?:basis\s+points?|points?|percentage\s+points?)?\s*,?\s*(?:to|at)\s+(?:a\s+record\s+)?"
    r"[$]?[\d,]+(?:\.\d+)?%?\s+",
    re.IGNORECASE,
)
_PERIOD_NOUN_OF = re.compile(
    r"(?:['\u2019]s)?\s*(?:[\w-]+\s+)?(?:gain|loss|advance|decline|rally|drop|rise|fall|slide|surge|"
    r"jump|climb|rebound|return|slump|increase|decrease)s?\s+of\s+(?:about\s+|roughly\s+|nearly\s+|"
    r"almost\s+|more\s+than\s+)?[$+\-\u2212]?",
    re.IGNORECASE,
)


_FROM_A_DAYS_MARK = re.compile(
    r"(?i)from\s+(?:its|the|their)\s+(.+?)\s+(?:close|closing\s+level|finish)"
)


def _the_time_itself(w: Window, as_of: date) -> Window | None:
    """ "May 18" for "since May 18": the day or period itself, not the span since it."""
    mark = _FROM_A_DAYS_MARK.fullmatch(w.label)  # "from its Aug. 5 close, when ...": Aug. 5
    if not w.label.lower().startswith("since ") and mark is None:
        return w
    inner = mark.group(1) if mark is not None else w.label[6:]
    for said in (inner, f"in {inner}"):  # "May 18"; "September 2023" is read as "in ..."
        own = find_windows(said, as_of)
        if own and own[0].span == (0, len(said)):
            return replace(own[0], label=inner, span=w.span)
    return None


def _is_from(w: Window) -> bool:
    """A window from one time to the article's date: "from its July 31 close"."""
    return w.kind in ("since", "trailing") and w.label.lower().startswith("from")


def _from_to(start: Window, day: Window) -> Window:
    """The move from one window's start to the day a later phrase names."""
    base = re.sub(r"\s*\(through [^)]*\)$", "", start.label)  # (the same day, named twice)
    return Window(
        start.start, day.end, start.kind, f"{base} to {without_on(day.label)}", start.span
    )


_WHILE_CLAUSE = re.compile(r"(?i)^[^;.]*?,\s+while\s+[^,;]*$")
_TO_CLOSE_ON = re.compile(r"(?i)\s+to\s+(?:close|finish|end|settle)\s+(?:on\s+)?")
_CLAUSE_BREAK = re.compile(r";|\.\s(?!\d)")  # (not "Dec. 16")


# "Following its July 31 report it rose 2.5%": a move in the session after a dated report
_AFTER_A_REPORT = re.compile(
    r"(?i)\b(?:after|following)\s+(?:its|their|the\s+company's)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+"
    r"(?:quarterly\s+)?(?:report|results|earnings)\b"
)
# "higher than it was then": measured from the day an earlier sentence named
_THAN_THEN = re.compile(
    r"(?i)\s+(?:higher|lower|above|below)\s+than\s+(?:it|they|the\s+[\w-]+)\s+"
    r"(?:was|were|stood)\s+(?:back\s+)?then\b"
)
# "over the three months", "in the quarter": a quarter another phrase may name
_THE_THREE_MONTHS = re.compile(
    r"(?i)(?:in|for|over|during)\s+the\s+quarter|(?:in|for|over|during|finished|ended|closed|"
    r"finishing|ending|closing)\s+the\s+(?:three|3)\s+months"
)


_THE_SIX_MONTHS = re.compile(r"(?i)(?:in|for|over|during)\s+(?:the\s+)?(?:six|6)\s+months")
_THE_TWELVE_MONTHS = re.compile(r"(?i)(?:in|for|over|during)\s+the\s+(?:twelve|12)\s+months")


def _quarter_long(w: Window) -> bool:
    return 80 <= (w.end - w.start).days <= 92


# "capping a holiday-shortened week up 3.4%": the week (month) the day named before ends
_CAPPING_A = re.compile(
    r"(?i)\b(?:capping|capped|ending|ended|closing\s+out|closed\s+out|rounding\s+out|"
    r"wrapping\s+up|finishing|finished|to\s+end|to\s+cap)\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(week|month)\s+(?:up|down|higher|lower|with\s+an?\s+(?:gain|loss|rise|decline|drop|"
    r"advance)\s+of)\s+(?:about\s+|nearly\s+|roughly\s+|almost\s+)?[+\-]?$"
)


# "the year's best day": the period a record is set in, not the period of a figure
_RECORD_DAY = re.compile(
    r"(?i)\s+(?:single\s+)?(?:best|worst|biggest|largest|steepest|sharpest|strongest|weakest)\s+"
    r"(?:one-day\s+|single\s+|trading\s+)?(?:day|session)\b"
)
_ITS_OWN_BASE = re.compile(r"(?i)\b(?:earlier|ago)$")  # "from a year earlier", "than a week ago"
_N_SESSIONS = re.compile(  # "in four sessions", "over the past five trading days"
    r"(?i)\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:trading\s+)?(?:sessions|days)\b"
)
# "its best weekly performance": the week (month) another time in the sentence names
_UNIT_ADJECTIVE = re.compile(
    r"(?i)\b(week|month)ly\b|\b(?:its|their)\s+(?:best|worst|biggest|strongest|weakest)\s+"
    r"(?P<u>week|month)$"
)  # "its best weekly gain", "..., its best week of the year": the week the sentence names
# the label of a period a verb closed: "closed September", "ended the week"
_CLOSED_A_PERIOD = re.compile(r"(?i)(?:closed|ended|finished|wrapped\s+up)\s+\w")
# "began the year at 4.58% and finished at 4.18%": a later verb with a time of its own
_THEN_ENDED = re.compile(
    r"(?i)\b(?:and|but|before|then)\s+(?:[a-z]+\s+)?(?:finished|ended|closed|settled)\b"
)
# a header over what is still to come, in a weekend column
_AHEAD_HEAD = re.compile(
    r"(?i)\b(?:ahead|preview|watch|coming|next|calendar|schedule|report|reports|due|expected)\b"
)
# "began the year at 4.58%": the close before the period, in a review the review's period
_BEGAN_THE = re.compile(r"(?i)\b(?:began|started|entered|opened)\s+the\s+(month|quarter|year)\b")
# "for the year", "ends the year": the story's own period when it is a whole one just ended
_THE_PERIOD = re.compile(
    r"(?i)(?:(?:for|in|on|over|during|ended|finished|closed|ending|finishing|closing|ends|"
    r"finishes|closes)\s+the|(?:its|their)(?:\s+[a-z]+){1,3}?)\s+(?P<u>month|quarter|year)"
)  # "lost 2.6% on the month", "The Dow's 4.2% drop was its worst month": which month?


def _unit_start(unit: str, day: date) -> date:
    """The first day of the week (Monday) or month that `day` falls in."""
    return day - timedelta(days=day.weekday()) if unit == "week" else day.replace(day=1)


def _calendar_unit(w: Window) -> str | None:
    """ "month" for a whole calendar month (March 2026), "week" or "quarter" likewise."""
    days = (w.end - w.start).days
    if w.kind != "window":
        return None
    if 3 <= days <= 6 and w.start.weekday() == 0:
        return "week"
    if w.start.day == 1 and 27 <= days <= 30:
        return "month"
    if w.start.day == 1 and w.start.month in (1, 4, 7, 10) and 88 <= days <= 91:
        return "quarter"
    if (w.start.month, w.start.day, w.end.month, w.end.day) == (1, 1, 12, 31):
        return "year"
    return None


def _unit_of(w: Window) -> str:
    """The calendar unit a period window spans: "month" for September 2023."""
    days = (w.end - w.start).days
    return "month" if days <= 31 else "quarter" if days <= 92 else "year"


# "... to 4,117.37 on Oct. 27", "... to an Aug. 16 close of 4,305.20": the day a move ended
_TO_THE_DAY = re.compile(
    r"^[^;%]*?\b(?:to|through|until)\s+(?:(?:an?|its|the)\s+)?(?:(?:record|closing|close)\s+)?"
    r"(?:(?:of\s+)?[$]?\d[\d,]*(?:\.\d+)?\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)
_RESULT_OF_LAST = re.compile(
    r"(?i)^\W*(?:that|this|which|the\s+move|the\s+decision)\s+(?:left|leaves|put|puts|brought|took|"
    r"pushed|lifted|set)\b"
)
_AGAINST = re.compile(r"(?i)\s*,?\s*(?:against|versus|vs\.?|compared\s+(?:with|to))\s+[^,;]{0,30}$")
_ENDING_BEFORE = re.compile(r"(?i)\b(?:ending|closing|finishing|settling)\s+$")
# "The Dow first closed above 49,000 on Jan. 6": an adverb, not a figure before the day
_FIRST_DID = re.compile(r"(?i)first\s+[a-z]+ed\b")
# "the Dow ended up with what it made on Friday alone, while the S&P 500 was off 0.1%":
# a day inside a "what it made" clause dates that clause only
_WHAT_IT_DID = re.compile(
    r"(?i)\bwhat\s+(?:it|they|the\s+[\w-]+)\s+(?:had\s+)?(?:made|gained|added|lost|shed|did|"
    r"earned|rose|fell|dropped|climbed)\s+$"
)
# "up 2.9%, or 184.80 points, on March 31": the day after both figures is both's
_OR_THEN = re.compile(
    r"(?i)\s*,?\s*or\s+(?:about\s+|nearly\s+|roughly\s+)?[+\-]?\d[\d.,]*\s*(?:%|percent|points?|"
    r"basis\s+points?)\s*,?\s*(?:on\s+|in\s+)?"
)
_OR_PARTNER = re.compile(r"\s*,?\s*or\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+)?[+\-\u2212]?")
_COUNT_AFTER = re.compile(  # "its third straight quarterly decline", "for the first time"
    r"\s+(?:straight|consecutive|successive|time|(?:week|month|quarter)ly)\b", re.IGNORECASE
)
_EVENT_NOUN_BEFORE = re.compile(
    r"(?i)\b(?:rate\s+)?(?:cut|cuts|hike|hikes|reduction|decision|meeting|vote|election|auction|"
    r"conference|speech|testimony|report|release)\s+(?:(?:in|on|at|this|next|later\s+in)\s+)?$"
)
_SESSION_EXTREME = re.compile(
    r"(?i)\b(?:the\s+)?(?:session|day)['\u2019]s\s+(worst|best|low|lowest|high|highest)\b"
)
_RANKED_CALL = re.compile(
    r"(?i)\bthe\s+(?:most|least)\s+(?:bullish|bearish|cautious|optimistic|pessimistic|"
    r"aggressive|conservative)\b[^;]*$"
)
_OTHER_RATE = re.compile(
    r"(?i)\b(?:savings|deposit|money[-\s]market|CDs?|certificates?|mortgages?|loans?|credit\s+cards?|"
    r"APY|annual\s+percentage|bonds?\s+funds?|dividend|coupon)\b[^.;]*$"
)
_HIGHER_THAN_BEFORE = re.compile(
    r"(?i)\s*(?:basis\s+points?\s+|bps?\s+|points?\s+)?(?:higher|lower)\s*(?:[.;,]|$)"
)
_BACK_REFERENCE = re.compile(r"(?i)\b(?:the|its|their)\s+(?:rest\s+of\s+the\s+)?$")
_PERFECT = re.compile(
    r"(?i)\b(?:has|have)\s+(?:now\s+|since\s+|already\s+)?(?:[a-z]+ed|risen|fallen|grown|"
    r"shrunk|sunk|slid)\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+)?[$]?$"
)
# "..., before rebounding 15.5%", "and then recovered 4%": a move that follows the one before
_THEN_VERB = r"(?i)\b(?:before|then|only\s+to)\s+(?:\w+ly\s+)?[a-z]{3,}(?:ing|ed)"
_THEN_MOVED = re.compile(
    _THEN_VERB + r"\s+(?:(?:by|about|nearly|roughly|some|another|almost)\s+)*[$]?$"
)
_THEN_A_MOVE = re.compile(_THEN_VERB + r"\b")
# "Monday's drop", "Friday's 2.3% rally": a move a day owns
_OWNED_MOVE = re.compile(
    r"(?i)\s+(?:[\w.%-]+\s+){0,2}?(?:drop|drops|decline|loss|losses|slide|slump|selloff|"
    r"sell-off|rout|plunge|tumble|gain|gains|rally|rebound|jump|surge|advance|rise|bounce|"
    r"retreat|swoon)\b"
)
# "closed at a record on Feb. 2 and then shed 16%": a move from the day a clause before named
_THEN_FROM_A_DAY = re.compile(
    r"(?i)\bthen\s+(?:\w+ly\s+)?[a-z]{3,}(?:\s+(?:back|up|down|off|on))?\s+"
    r"(?:(?:by|about|nearly|roughly|some|another|almost|more\s+than)\s+)*[$]?$"
)
_LEADING_WHEN = re.compile(r"^\W*when\b[^,;]*,", re.IGNORECASE)
# "on Sept. 13, when ...", "on Feb. 22, the day after Nvidia's report, when ..."
_WHEN = re.compile(
    r"\s*,\s+(?:the\s+(?:day|session)\s+[^,;\d]{3,60},\s+|[\d,]+\s+(?:trading\s+)?"
    r"(?:sessions|days|weeks|months)\s+(?:after|since|before|from)\s+[^,;\d]{3,40},\s+)?when\b",
    re.IGNORECASE,
)
_WHEN_ENDS = re.compile(r";|,\s+(?:and|but|while|though|although)\b|\.\s(?!\d)", re.IGNORECASE)
_NOUN_THEN_DATE = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:reduction|cut|hike|increase|decrease|move|gain|loss|drop|decline|"
    r"advance|rally|plunge|surge|jump|slide|rise|fall)s?\s*(?:on|in)?\s*",
    re.IGNORECASE,
)
# "a quarter in which", "March, the quarter's worst month, in which": the clause's period
_IN_WHICH = re.compile(
    r"[\s,]*(?:(?:the|its|their|a|an)\s[^,;\d]{1,50},\s*)?(?:in|during)\s+which\b",
    re.IGNORECASE,
)
# a coordinated verb phrase without a number of its own: "... and is essentially flat for"
_OWN_CLAUSE = re.compile(
    r"\s*,?\s*(?:and|but)\s+(?:(?:is|was|are|were|has|had|remains|remained|stays|stayed|"
    r"ended|finished|closed|sits|sat|stands|stood|set|hit|reached|notched|posted|marked|logged|"
    r"became|becomes|turned|turns|flipped|flips|went|goes)\b)"  # "and turned negative for 2025"
    r"[^\d%;]{0,50}?\s*",
    re.IGNORECASE,
)
# "Nvidia, the darling of the first half, slipped 1.7%": a description, not the claim's time
_APPOSITIVE_NP = re.compile(
    r"^\s*(?:[a-z]+ly\s+)?(?:the|a|an|its|their)\s+(?:[\w'&.-]+\s+){0,5}?(?:of|in|for|since)\s+"
    r"[^,;]{0,40},?\s*$|^\s*(?:[a-z]+ly\s+)?(?:its|their)\s+[\w'-]+(?:\s+[\w'-]+){0,3},?\s*$",
    re.IGNORECASE,
)
_CLAUSE_VERB = re.compile(
    r"(?:ended|finished|closed|wrapped|capped|rounded|posted|logged|notched)\b", re.IGNORECASE
)
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+\w+(?:\s+\w+)?\s*$", re.IGNORECASE)
_BASE_OF = re.compile(r"\s+(?:of|at)\s+(?:about\s+)?[$]?", re.IGNORECASE)
_APPOSITIVE = re.compile(
    r"^[\s,]*(?:(?:also|again|now|still)\s+)?(?:its|their)\s+[\w\s-]{0,30}?\b(?:week(?:ly)?|month(?:ly)?|quarter(?:ly)?|"
    r"(?:best|worst|biggest|strongest|weakest)\s+" + month_re("m") + r")\b",
    re.I,
)  # "down 5.3%, its third straight quarterly decline", "up 2%, its best September since 2019"
# "late March", "last fall": which days, exactly?
_PART_OF = re.compile(  # (and "the last two weeks of the quarter": roughly that stretch)
    r"\b(?:early|mid|late|spring|summer|fall|autumn|winter)\b|"
    r"\b(?:last|final|closing)\s+\w+\s+(?:weeks|days)\s+of\b|"
    r"\b(?:last|final|closing|first|opening)\s+(?:trading\s+)?week\s+of\b|"  # (not "full")
    r"^(?:its|their)\s+(?:\w+\s+){1,3}(?:month|quarter)$",  # "its worst quarter": which one?
    re.IGNORECASE,
)
_SEASON = re.compile(r"spring|summer|fall|autumn|winter", re.IGNORECASE)  # a window's label
_RELATIVE = re.compile(
    r"\b(?:earlier|later|next|previous|prior|following|before|that|same|identical|ago)\b|"
    r"\bon\s+the\s+(?:day|session)\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:in|over|during)\s+(?:recent|the\s+past\s+few|the\s+last\s+few|several)\s+"
    r"(?:days|weeks|months|sessions|years)\b|\blately\b|\bof\s+late\b|\brecently\b|"
    r"\b(?:over|in|during)\s+the\s+(?:next|following|ensuing|subsequent)\s+(?:\w+\s+)?"
    r"(?:days|weeks|months|sessions|trading\s+days)\b|\ba\s+few\s+(?:days|weeks|months)\s+"
    r"(?:after|before|later|earlier|ago)\b|\bby\s+the\s+(?:day|time|session)\s+(?:it|they|the)\b|"
    r"\b(?:in|over|during)\s+the\s+(?:\w+\s+)?(?:days?|weeks?|months?|sessions?)\s+(?:that\s+)?"
    r"followed\b",  # "rose about 50 basis points in the week that followed": after what?
    re.IGNORECASE,
)
_ASIDE = re.compile(
    r"^\s*(?:which|who|whose|that|after|before|when|as|despite|following|compared|since|"
    r"having|up|down|its|their)\b",
    re.IGNORECASE,
)


def decimals_of(raw: str) -> int:
    raw = raw.replace(",", "")
    return len(raw.split(".")[1]) if "." in raw else 0


@dataclass
class _Sentence:
    text: str
    offset: int
    as_of: date
    symbols: list[tuple[int, int, Symbol]]
    windows: list[Window]
    fallback_subject: tuple[str, Symbol] | None
    whens: list[Window] = field(default_factory=list)  # "since May 18, when": May 18 itself
    taken: list[tuple[int, int]] = field(default_factory=list)
    fallback: tuple[Window, str] | None = None  # a section's or an earlier sentence's window
    story: Window | None = None  # the day or period the article reports, when its lede names one
    reviewed: Window | None = None  # the period a review reports, also in a lede of its last day
    fed_context: bool = False  # the Fed was named in this or the two sentences before
    guessed: set[tuple[int, int]] = field(default_factory=set)  # "the stock": from context
    opened_with: Window | None = None  # "July belonged to technology.": the sentence before's

    def resolve(self, w: Window | None, pos: int | None = None) -> tuple[Window, str]:
        """The window to use and where it came from (see Claim.window_source).

        With no time expression, a statement in the present tense ("IWM is 28% below its
        peak") is about the day of publication."""
        if w is not None:
            weak = (
                _RELATIVE.search(w.label)
                or _PART_OF.search(w.label)
                or "from the passage" in w.label
                or COUNTED_FROM in w.label
            )
            return w, "carried" if weak else "explicit"
        present = pos is not None and bool(_PRESENT.search(self.text[max(0, pos - 50) : pos]))
        absolute = _WITH_ABSOLUTE.search(self.text[:pos]) if pos is not None else None
        if absolute is not None and not present:  # "The Dow and the Nasdaq have gained 4.4%
            # and 3.3%, with the tech-heavy index about 1.1% below its high": the clause's tense
            before = self.text[max(0, absolute.start() - 80) : absolute.start()]
            present = bool(_PRESENT.search(before))
        if pos is not None and not present:
            opening = self.topic()
            if (
                opening is not None
                and opening.kind == "day"
                and opening.span[1] <= pos
                and not _EVENT_NOUN_BEFORE.search(self.text[: opening.span[0]][-40:])
            ):
                return opening, "carried"  # "The next morning ... ; the S&P closed up 2.6%"
        if self.fallback is not None and not (
            pos is not None
            and present
            and (
                (self.fallback[1] == "carried" and _DISTANCE_NOW.match(self.text, pos))
                or (  # "The S&P 500 began the day 8% below its record. Apple is up 5.9%.": now
                    self.fallback[0].kind == "day"
                    and self.fallback[0].end < last_weekday(self.as_of)
                )
            )
        ):  # (but "April was its worst month. The index sits 15% below its record.": now)
            return self.fallback
        day = last_session(self.as_of)  # (out on a weekend or a market holiday: the last)
        if present:
            return Window(day, day, "day", _PRESENT_LABEL, (0, 0)), "explicit"
        if self.story is not None:
            return self.story, "default"
        return Window(day, day, "day", "the day of publication", (0, 0)), "default"

    def free(self, s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in self.taken)

    def take(self, s: int, e: int) -> None:
        self.taken.append((s, e))

    def subject(self, pos: int) -> tuple[str | None, Symbol | None]:
        """Nearest symbol before pos in the sentence, else after, else the carried subject."""
        before = not_compared(self.text, [m for m in self.symbols if m[1] <= pos], pos)
        if before:
            s, e, sym = before[-1]
            return self.text[s:e], sym
        if (
            self.fallback_subject
            and (
                P.PRONOUN_START.search(self.text)
                or VERB_FIRST.match(self.text)
                or _PRONOUN_CLAUSE.search(self.text[:pos])  # "..., and it now sits 3.7% below"
                or any(  # "On Friday it closed 23.3% above that low"
                    len(self.text[: w.span[0]].split()) <= 2  # (and "Even after Thursday it")
                    and re.match(r",?\s+(?:it|they)\s", self.text[w.span[1] :])
                    for w in self.windows
                )
            )
        ):  # "They sit 15.6% below the record, behind the S&P 500", "- Ended up 1,612.45 points"
            return self.fallback_subject
        after = [m for m in self.symbols if m[0] >= pos]
        if after:
            s, e, sym = after[0]
            return self.text[s:e], sym
        return noun_phrase(self.text[:pos]), None

    @cached_property
    def asides(self) -> list[tuple[int, int]]:
        return asides(self.text, self.symbols)

    @cached_property
    def two_dated_ends(self) -> Window | None:
        return _two_dated_ends(self)

    def when_clause(self, pos: int, any_length: bool = False) -> Window | None:
        """The day or period a "when" clause at pos tells about: "since May 18, when it sank
        4%" (May 18), "its worst since September 2023, when it fell 4.9%" (that month). A
        month before it counts only as a record's ("its worst month since") unless
        `any_length`: "after the March meeting, when the Fed lifted rates" (one move a month)."""
        lead = _LEADING_WHEN.match(self.text)
        if lead is not None and pos >= lead.end():
            # "When policymakers held rates on May 7, the 10-year stood at 4.26%": May 7's
            inside = [w for w in self.windows if w.span[1] <= lead.end()]
            own = [w for w in self.windows if w.span[0] >= lead.end()]
            if inside and not own and inside[-1].kind == "day":
                return inside[-1]
            return None
        for w in sorted(self.windows + self.whens, key=lambda w: -w.span[1]):
            ws, we = w.span
            if we > pos or _ITS_OWN_BASE.search(w.label):
                continue  # (with prices "up 8.3% from a year earlier": that figure's base)
            m = _WHEN.match(self.text, we)
            if m is None and MARK_AFTER.match(self.text, we):
                continue  # "on June 13, 111 sessions after its January peak, when ...": June 13
            if m is None or m.end() > pos:
                return None  # the window nearest before the number frames no when clause
            ends = _WHEN_ENDS.search(self.text, m.end())
            if ws <= 3:  # "Since March 28, when it closed at a record, the S&P 500 has given
                ends = re.compile(r",").search(self.text, m.end()) or ends  # up 5.5%": main clause
            clause = (m.end(), ends.start() if ends else len(self.text))
            if pos >= clause[1]:
                return None  # "..., when it sank 4%, and it came on the heels of ..."
            if any(
                clause[0] <= o.span[0] < clause[1]
                and not _UNIT_ADJECTIVE.search(o.label)
                and not _ITS_OWN_BASE.search(o.label)
                and not (o.kind == "day" and MARK_AFTER.match(self.text, o.span[1]))
                for o in self.windows
            ):  # (but "..., when it closed 10% below its Feb. 10 record" is the clause's day)
                return None  # "..., when the report pushed the yield 23 bp higher on Monday"
            itself = _the_time_itself(w, self.as_of)  # "since Friday, when": Friday
            if itself is None:
                return None
            if itself.kind != "day" and w not in self.whens and not any_length:
                if (itself.end - itself.start).days > 62:  # "in 2023, when the Nasdaq-100
                    return replace(itself, label=f"{itself.label} (from the passage)")  # soared
                return None  # "in July 2015, when a 16% surge ...": a day within the month
            return itself
        return None

    def window(self, pos: int, end: int) -> Window | None:
        """The time expression a number at pos..end is attached to, or None; a move "from"
        one time whose clause ends it "to" a named day runs between the two ("slid 10.3% from
        its July 31 close of 4,588.96 to 4,117.37 on Oct. 27", "From the end of June, the S&P
        500 rallied 13.7% to an Aug. 16 close of 4,305.20")."""
        w = self._window_of(pos, end)
        if (
            w is not None
            and w.kind == "day"
            and re.fullmatch(
                r"(?:\s+(?:higher|lower))?\s+(?:at|as\s+of)\s+(?:the\s+)?",
                self.text[end : w.span[0]],
            )
        ):  # "For the year, the S&P 500 was down 0.2% at Thursday's close": the year through it
            to_it = [
                o
                for o in self.windows
                if o.kind == "window" and o.start < o.end == w.end and "(through " in o.label
            ]
            if to_it:
                return to_it[0]
        if w is not None and w.kind == "since":
            # "By last Friday's close, the S&P 500 had fallen 10.3% from its July 31 finish"
            for by in self.windows:
                if by.kind == "day" and _BY_OPENS.fullmatch(self.text[: by.span[0]]):
                    if w.start < by.end < w.end and by.span[1] <= pos:
                        return Window(w.start, by.end, "since", f"{w.label} ({by.label})", w.span)
                    break
        if (
            w is not None
            and w.kind == "since"
            and w.start < w.end
            and _A_STREAK_HAD.search(self.text[:pos])
        ):  # "fell 2.1%, ending a winning streak that had lifted it 2.9% since last Thursday"
            before = sessions_back(last_session(w.end), 1)
            if w.start < before:
                return Window(
                    w.start, before, "since", f"{w.label} (before the streak ended)", w.span
                )
        if (
            w is not None
            and w.kind == "day"
            and w.span[1] <= pos
            and _AFTER_A_REPORT.search(self.text[max(0, w.span[0] - 30) : w.span[1] + 40])
        ):  # "Following its July 31 report it rose 2.5%": the session after, as read (weakly)
            day = w.end + timedelta(days=1)
            while not is_session(day) and day < self.as_of:
                day += timedelta(days=1)
            label = f"the session after {w.label} (from the passage)"
            return Window(day, day, "day", label, w.span)
        if w is not None and re.fullmatch(r"(?i)(?:for|on)\s+the\s+year|this\s+year", w.label):
            closed = [  # "closed September up 20.8% for the year": the year through September;
                o  # "On Oct. 27 the Russell 2000 was down 7.1% for the year": through Oct. 27
                for o in self.windows
                if o.span[1] <= w.span[0]
                and (
                    (o.kind == "window" and _CLOSED_A_PERIOD.match(o.label))
                    or (o.kind == "day" and not self.text[: o.span[0]].strip())
                )
                and w.start <= o.end < w.end
                and not _PRESENT.search(self.text[o.span[1] : pos])  # "..., it remains down"
            ]
            closed += [  # "rebounded 8.1% in the second quarter, leaving it down 2.5% for the
                o  # year": the year through that quarter
                for o in self.windows
                if o.kind in ("window", "day")
                and w.start <= o.end < w.end
                and _LEAVING_IT.fullmatch(self.text[o.span[1] : pos])
            ]
            if closed:
                through = re.sub(r"(?i)^(?:in|during|over)\s+", "", without_on(closed[-1].label))
                label = f"{w.label} (through {through})"
                return Window(w.start, closed[-1].end, w.kind, label, w.span)
        then = self.fallback[0] if self.fallback is not None else None
        if then is not None and then.kind == "day" and _THAN_THEN.match(self.text, end):
            day = last_weekday(self.as_of)  # "... 10 basis points higher than it was then"
            return Window(then.end, day, "since", f"since then ({then.label})", (end, end))
        capped = _CAPPING_A.search(self.text[:pos])
        if capped is not None and (w is None or w.span[1] <= capped.start()):
            days = [d for d in self.windows if d.kind == "day" and d.span[1] <= capped.start()]
            if not days:
                return None  # "ending a choppy week up 2%": which week? (left unsettled)
            day = days[-1].end  # "up 0.7% on Thursday, capping a holiday-shortened week up 3.4%"
            label = f"the {capped.group(1)} through {without_on(days[-1].label)}"
            return Window(_unit_start(capped.group(1), day), day, "window", label, capped.span())
        if w is None:
            colon = self.text.rfind(":", 0, pos)
            named = [o for o in self.windows if o.span[1] <= colon]
            if not (colon > 0 and named and _IT_AFTER_A_COLON.match(self.text, colon + 1)):
                return None
            w = named[-1]  # "... made the second quarter its best since 2023: it rose 10.6%"
        if (adj := _UNIT_ADJECTIVE.search(w.label)) is not None:
            named = [  # "began last week, when ... the Dow jumped 3.7%, its best weekly gain"
                o
                for o in self.windows
                if o.span != w.span and _calendar_unit(o) == (adj.group(1) or adj["u"]).lower()
            ]
            if len(named) == 1:
                return replace(named[0], label=f"{w.label} ({named[0].label})", span=w.span)
            prior = self.opened_with  # "September was worse still. The benchmark fell 9.3%,
            unit = (adj.group(1) or adj["u"]).lower()
            if not named and prior is not None and _calendar_unit(prior) == unit:
                label = f"{w.label} ({prior.label}, from the passage)"  # its biggest monthly drop"
                return replace(prior, label=label, span=w.span)
        unit_of_move = re.match(r"\s*(?:[\w-]+\s+)?(week|month)ly\b", self.text[end:]) or re.search(
            r"\b(week|month)ly\s+(?:[\w-]+\s+){0,2}?of\s+(?:about\s+|nearly\s+|roughly\s+)?$",
            self.text[:pos],
        )
        if w.kind == "day" and unit_of_move is not None:
            day = w.end  # "since Friday, when it capped a 4.2% weekly drop": that Friday's week
            unit = unit_of_move.group(1)
            return Window(_unit_start(unit, day), day, "window", f"the {unit} to {w.label}", w.span)
        sessions = _N_SESSIONS.search(w.label) if w.kind == "trailing" else None
        if sessions is not None:
            after = [
                d
                for d in self.windows
                if (
                    d.kind == "day"
                    and d.span[1] <= pos
                    and re.search(r"(?i)\b(?:after|following)\b[^;]{0,80}$", self.text[: d.span[0]])
                )  # "After the duties of April 2, it lost 12.1% in four sessions"
                or (
                    d.kind == "since"
                    and re.match(r"(?i)from\b", d.label)
                    and not self.text[w.span[1] : d.span[0]].strip()
                )  # "a 5% climb over eight sessions from its Jan. 10 close"
            ]
            if after:  # those after that day
                n = (
                    int(sessions.group(1))
                    if sessions.group(1).isdigit()
                    else NUMBER_WORDS.get(sessions.group(1).lower(), 0)
                )
                day = after[-1].start if after[-1].kind == "since" else after[-1].end
                last = day
                for _ in range(n):
                    last = next_session(last)
                if last <= self.as_of:
                    base = without_on(after[-1].label)
                    joined = " " if after[-1].kind == "since" else " after "
                    label = f"{w.label}{joined}{base}"
                    return Window(day, last, "since", label, w.span)
        story = self.reviewed or self.story
        began = _BEGAN_THE.search(w.label)
        if (
            began is not None
            and story is not None
            and _calendar_unit(story) == began.group(1).lower()
            and story.end <= w.end
        ):  # "began the year at 4.58%", in a review of 2025 out on Jan. 5, 2026: Dec. 31, 2024
            day = last_weekday(story.start - timedelta(days=1))
            return Window(day, day, "day", f"{w.label} ({story.label})", w.span)
        told = _THE_PERIOD.fullmatch(w.label)
        if (
            told is not None
            and story is not None
            and _calendar_unit(story) == told.group("u").lower()
            and story.end < w.start
        ):  # "The benchmark rate ends the year at ...", in a review of 2025 out on Jan. 5, 2026
            return replace(story, label=f"{w.label} ({story.label})", span=w.span)
        if told is not None and told.group("u").lower() in ("month", "quarter"):
            unit = told.group("u").lower()  # "In July the Dow barely moved, finishing the month"
            named = [
                o
                for o in self.windows
                if o.span[1] <= w.span[0]
                and _calendar_unit(o) == unit
                and not any(a <= o.span[0] < b for a, b in self.asides)  # ", which ... in March,"
                and not _NEW_SUBJECT_CLAUSE.search(self.text[o.span[1] : w.span[0]])
            ]  # (not "prices up 4.2% in March, and the 10-year yield ... 4 bp on the month")
            near = named[-1] if named else self.opened_with
            if near is None and self.fallback is not None and self.fallback[1] == "section":
                near = self.fallback[0]  # "**March, on its own** ... lost 5.1% for the month"
            elif near is None and self.fallback is not None and re.match(r"(?i)its|their", w.label):
                near = self.fallback[0]  # "... lost 2.6% on the month. The Dow's 4.2% drop was
                # its worst month": that month
            elif (
                near is None
                and unit == "month"
                and self.fallback is not None
                and self.fallback[0].kind in ("day", "since")
                and self.fallback[0].end < self.as_of
            ):  # (or a run from one day to another: "From its March 28 record ... to April 19")
                day = self.fallback[0].end  # "The day after the election, ... For the month,
                first, last = month_window(day.month, day.year, self.as_of)  # ...": that month
                near = Window(first, last, "window", f"{day:%B %Y}", (0, 0))
            if near is not None and _calendar_unit(near) == unit and near.end < w.start:
                return replace(near, label=f"{w.label} ({near.label})", span=w.span)
        if _is_from(w):
            clause_end = next(
                (m.start() for m in _CLAUSE_BREAK.finditer(self.text) if m.start() > end),
                len(self.text),
            )
            for d in self.windows:
                if (
                    d.kind == "day"
                    and end <= d.span[0] < clause_end
                    and d.end > w.start
                    and _TO_THE_DAY.search(self.text[end : d.span[0]])
                ):
                    return _from_to(w, d)
        elif (
            w.kind == "day" and w.span[0] >= end and _TO_THE_DAY.search(self.text[end : w.span[0]])
        ):
            start_of = max((m.end() for m in _CLAUSE_BREAK.finditer(self.text[:pos])), default=0)
            for f in self.windows:
                if _is_from(f) and start_of <= f.span[0] < pos and f.start < w.end:
                    return _from_to(f, w)
        return w

    def _window_of(self, pos: int, end: int) -> Window | None:
        """The time expression a number at pos..end is attached to, or None.

        A time expression belongs to the nearest number on its side: one with another
        number between it and this one, one after it in a later clause, and one inside a
        relative clause the number is not in ("which had climbed 1.1% on Thursday") do not
        count.
        """
        segments = _segments(self.text)
        mine = next((sg for sg in segments if sg[0] <= pos < sg[1]), (0, len(self.text)))
        numbers = [
            q.span
            for q in find_quantities(self.text)
            if not (pos <= q.start < end)
            and not (q.unit == "ord" and _COUNT_AFTER.match(self.text, q.end))
            and not (is_year(q) and _MONTH_BEFORE.search(self.text[: q.start]))
            # ("from its December 2024 peak by early April": the peak's month)
        ]  # "down 5.3%, its third straight quarterly decline": a count, not a figure
        names = [w.span for w in self.windows] + [(m[0], m[1]) for m in find_symbols(self.text)]
        numbers = [(a, b) for a, b in numbers if not any(s <= a < e for s, e in names)]

        def blocked(a: int, b: int) -> bool:
            return any(
                a <= qa and qb <= b and not _BASE_OF.fullmatch(self.text[a:qa])
                for qa, qb in numbers
            )  # "from its Oct. 27 close of 32,417.59, ... rallied 7,600 points": a base

        for w in self.windows:  # "a half-point reduction on Sept. 18, 2024"
            if w.span[0] >= end and _NOUN_THEN_DATE.fullmatch(self.text[end : w.span[0]]):
                return w
            if w.span[0] >= end and _REST_OF_A_LIST.fullmatch(self.text[end : w.span[0]]):
                return w  # "up 2.2%, 2.3% and 1.9%, respectively, so far this week"
        when = self.when_clause(pos)
        if when is not None:  # "since May 18, when it sank 4%": May 18's
            return when
        for w in self.windows:  # a window the number's own phrase names (the outermost)
            phrase = self.text[w.span[1] : pos]
            if w.span[1] <= pos and (
                _PERIOD_NOUN_OF.fullmatch(phrase)
                or (
                    (m := _IN_WHICH.match(phrase)) is not None
                    and not any(w.span[1] + m.end() <= o.span[0] < pos for o in self.windows)
                )
            ):  # "its October advance of 11.2%", "a quarter in which it went nowhere, up 0.1%",
                return w  # "March, the worst month of the quarter, in which it dropped 5.8%"
        best: tuple[int, Window] | None = None
        for w in self.windows:
            ws, we = w.span
            if _possessive(w.label) and _RECORD_DAY.match(self.text, we):
                continue  # "the year's best day, a 9.5% surge": a day's move, not the year's
            if any(a <= ws and we <= b and not a <= pos < b for a, b in self.asides):
                continue  # "The Nasdaq, heavy with the stocks that led this year's retreat, sank"
            if (
                _PART_OF_IT.search(self.text[max(0, ws - 30) : ws])
                and not mine[0] <= ws < mine[1]
                and not re.match(r"\s*,?\s*when\b", self.text[we:pos])  # ("..., nearly all
            ):  # of it in July, when it surged 10.1%": July's) "a 40% quarterly gain, most of it
                continue  # in September, and Alphabet rose 38%": not September's
            if ws >= end:
                if ";" in self.text[end:ws]:
                    continue  # "rising 5.3% to $259.60 ...; it had closed Tuesday at $251.60"
                if _TO_CLOSE_ON.fullmatch(self.text[end:ws]) and any(
                    o.kind != "day" and o.span[1] <= pos and not self.text[: o.span[0]].strip()
                    for o in self.windows
                ):
                    continue  # "For the week, the Nasdaq rose 2.1% to close Friday at ...": the
                    # level's day; the week told first is the change's
                if _compared(self.text, w):
                    continue  # "fell 1.5%, a hair less than on Jan. 10": the compared day
                if _WHERE_IT_WAS.search(self.text[max(0, ws - 40) : ws]) and not re.match(
                    r"\s*where\b", self.text[end:]
                ):  # "at 5,406.96 it was back to where it had finished last Friday" (but
                    continue  # "the 31.20 where it finished on Friday" is Friday's)
                nxt_num = min((a for a, _ in numbers if a >= we), default=None)
                if (
                    nxt_num is not None
                    and nxt_num < mine[1]
                    and nxt_num - we < ws - end
                    and _JOINS.search(self.text[end:ws])
                ):
                    continue  # "... and closed out the first quarter 4.6% lower": that one's
                later = ws >= mine[1]
                if later:  # "... record close of $207.04, set on Oct. 29"
                    nxt = next((sg for sg in segments if sg[0] <= ws < sg[1]), mine)
                    piece = self.text[nxt[0] : nxt[1]]
                    later = not (
                        nxt[0] == mine[1]
                        and (
                            _PARTICIPLE.match(piece)
                            or _APPOSITIVE.match(piece)
                            or _OR_THEN.fullmatch(self.text[end:ws])
                            or (  # "cut three times, in September, October and December,"
                                not self.text[nxt[0] : ws].strip()
                                and ";" not in self.text[end:ws]
                                and not any(ws <= a < _end_of(segments, we) for a, _ in numbers)
                            )
                        )
                    )  # "... dropped 4.5%, its worst week since September"
                ahead = min((a for a, _ in numbers if a >= we), default=None)
                if _OWN_CLAUSE.fullmatch(self.text[end:ws]):
                    continue  # "rose 0.2% and is essentially flat for 2024": that clause's period
                if _IN_WHICH.match(self.text, we):
                    continue  # "rose 7 bp, capping an April in which it added 48": April's figure
                # "... and ended the week": a clause of its own, with no figure of its own
                own_clause = _CLAUSE_VERB.match(w.label) and (ahead is None or ahead >= mine[1])
                if own_clause and re.fullmatch(r"\s*,?\s*but\s+", self.text[end:ws], re.I):
                    continue  # "rose 1.9% but finished the week sharply lower": the week's
                if re.fullmatch(r"\s*,?\s*and\s+(?:[a-z]+\s+)?", self.text[end:ws], re.I) and (
                    (ahead is not None and ahead - we <= 20) or (ws - end <= 6 and own_clause)
                ):
                    continue  # "fell 1.5% and ended the week down 1.9%": the week is the 1.9%'s;
                    # "tumbled 3.5% and ended the week with its sharpest loss": a clause of its own
                if _SUBCLAUSE.search(self.text[end:ws]):
                    continue  # "climbed to 4.11% as investors reversed last week's rush"
                if (
                    _possessive(w.label)
                    and re.match(r"\s*(?:about\s+|roughly\s+)?[\d$]", self.text[we:])
                    and not re.search(r"(?i)\b(?:from|since|than|versus|vs\.?)\s+$", self.text[:ws])
                    and not re.match(r"(?i)(?:from|since)\b", w.label)
                ):  # "a 6.5% gain that edged out January's 6.2%": January owns the 6.2% (but
                    continue  # "fell roughly 10% from Wednesday's 26.09" is measured from it)
                if re.match(r"(?i)\s+despite\s+\w[^,;\d]{0,50}$", self.text[end:ws]) or (
                    w.kind != "day"
                    and re.match(
                        r"(?i)\s+(?:after|following)(?:\s+\w[^,;\d]{0,50})?\s+$", self.text[end:ws]
                    )
                ):
                    continue  # "slipped 0.5% despite a blowout report in July": the report's
                if _FROM_ITS_LEVEL.fullmatch(self.text[end:ws]):
                    continue  # "rose to 3.43% from its level late Tuesday": the base's time
                if _BESIDE_A_MARK.search(self.text[end:ws]) and MARK_AFTER.match(self.text, we):
                    continue  # "down 0.5% and well below its Aug. 12 record close": the record's
                if _AGAINST.match(self.text[end:ws]):
                    continue  # "a range of 4.25%-4.50%, against near zero a year ago": zero's
                if _possessive(w.label) and re.search(
                    r"(?i)\b(?:before|ahead\s+of|after|until|since)\s+$", self.text[end:ws]
                ):
                    continue  # "..., with one session left before Friday's options expiration"
                if later or (
                    blocked(end, ws)
                    and not _TO_LEVEL.fullmatch(self.text[end:ws])
                    and not _OR_THEN.fullmatch(self.text[end:ws])
                ):
                    continue  # "jumped 11 basis points to 5.11% on Thursday": both that day
                dist = ws - end
            elif we <= pos:
                if ";" in self.text[we:pos]:
                    continue
                if _WHAT_IT_DID.search(self.text[:ws]) and not mine[0] <= ws < mine[1]:
                    continue  # "... what it made on Friday alone, while the Nasdaq lost 2%"
                if _DATES_A_MARK.search(self.text[:ws]):
                    continue  # "below the record it had set in December 2024, while the Russell
                    # 2000 was 28% under its peak": the record's day, not the next figure's
                if _BEGAN_THE.search(w.label) and _THEN_ENDED.search(self.text[we:pos]):
                    continue  # "began the year at 4.58% and finished at 4.18%": not the start
                if (
                    _ENDING_BEFORE.search(self.text[:ws])
                    and re.match(r"\s+at\s+[$]?\d", self.text[we:])
                    and pos - we > 20
                ):
                    continue  # "..., ending Friday at 4.43%, and the 2-year climbed 29 bp"
                if _possessive(w.label) and re.search(
                    r"(?i)\banother\s+(?:[a-z]+\s+)?$", self.text[we:pos]
                ):
                    continue  # "building on Wednesday's leap, up another 3%": a new move
                owned = _OWNED_MOVE.match(self.text, we) if _possessive(w.label) else None
                if (
                    owned is not None
                    and owned.end() <= pos
                    and "," in self.text[owned.end() : pos]
                    and not re.match(r"\s*,\s*when\b", self.text[owned.end() :])
                ):  # (but "Friday's rout, when the Nasdaq tumbled 4.2%": Friday's)
                    continue  # "recovering part of Monday's drop, after ... climbing as much
                    # as 0.6%": Monday owns the drop, not the figure in a later clause
                seg_w = next((sg for sg in segments if sg[0] <= ws < sg[1]), mine)
                if (
                    seg_w != mine
                    and w.end < last_weekday(self.as_of)
                    and w.kind in ("day", "window")
                    and not _is_from(w)
                    and not re.match(r"(?i)since|from", w.label)
                    and not re.search(r"(?i)\b(?:since|from)\s+(?:its\s+|the\s+)?$", self.text[:ws])
                    and re.search(
                        r"(?i)\b(?:is|are|sits|stands|remains|now)\b", self.text[mine[0] : pos]
                    )
                ):
                    continue  # "..., making up for its slide in 2022, yet it still sits 6.6%"
                trailing = [b for a, b in numbers if seg_w[0] <= a and b <= ws]
                contrast = (  # "The Russell 2000 rose 8.9% in the third quarter, while the
                    seg_w != mine  # Nasdaq-100 ... managed just 1.9%": the same quarter
                    and bool(trailing)
                    and _WHILE_THE_OTHER.match(self.text, we) is not None
                    and not re.match(r"\W*[a-z]+ing\b", self.text[seg_w[0] : ws])
                    and not re.search(  # ("fell to 3.52% from 3.61% late Wednesday, while the
                        r"(?i)\b(?:from|than|versus)\s+[$]?[\d.,]+%?\s+(?:late\s+|early\s+|on\s+)?$",
                        self.text[:ws],
                    )  # 10-year eased to 4.14%": Wednesday dates the base, not the clause)
                    and not blocked(we, pos)
                    and not _PRESENT.search(self.text[we:pos])
                )
                if (
                    not contrast
                    and seg_w != mine
                    and trailing
                    and not _AS_AT_THE_TIME.match(self.text, we, pos)
                ):
                    continue  # "... a 17% one-day plunge in January, and JPM gained 34.4%"
                if (
                    seg_w != mine
                    and (_looks_back(w) or re.match(r"\W*[a-z]+ing\b", self.text[seg_w[0] : ws]))
                    and re.match(r"(?i)\W*and\b", self.text[mine[0] : mine[1]])
                ):
                    continue  # "..., building on Thursday's huge rally, and Meta rebounded",
                    # "..., wiping out a gain of the same size on Thursday, and Tesla fell 4.8%"
                if (
                    trailing
                    and not contrast
                    and ws - max(trailing) <= 25
                    and not _JOINS.search(self.text[max(trailing) : ws])
                    and not _OR_PARTNER.fullmatch(self.text[we:pos])
                    and not _AS_AT_THE_TIME.match(self.text, we, pos)
                    and not (
                        w.kind == "day" and re.fullmatch(r"\s*,?\s*at\s+[$]?", self.text[we:pos])
                    )
                ):
                    continue  # "added 177,000 workers in April, lifted the S&P 500 by 1.5%"
                    # (but "shed 305.87 points on Friday, or 0.7%": both Friday's; so is
                    # "closed above 6,000 on Nov. 11, at 6,001.35": one close told twice)
                if seg_w != mine and re.search(
                    r"(?i)\bwhere\s+(?:it|they|the\s+[\w-]+)\s+$", self.text[max(0, ws - 30) : ws]
                ):
                    continue  # "... from where it began the quarter, and the five-year ended at"
                in_relative = _RELATIVE_BEFORE.search(self.text[max(0, ws - 30) : ws])
                if in_relative and "," in self.text[we:pos]:
                    continue  # "earners that held up in 2022, rose only 2.8%": the clause's year
                head = _HEAD_LABEL.match(self.text)
                opener = (
                    not trailing
                    and ws <= 12 + (head.end() if head else 0)
                    and not any(
                        o is not w
                        and (o.kind == "day" or (o.kind == w.kind == "window" and o.start > w.end))
                        and we <= o.span[0] < pos
                        and not _WHAT_IT_DID.search(self.text[: o.span[0]])
                        for o in self.windows
                    )
                )  # "For most of this year ..., and on Tuesday ... 3.5%": Tuesday's, not the year's
                # ("In 2023 ..., and in 2024 it was 10% against 23.3%": 2024's)
                if blocked(we, pos) and seg_w != mine and not opener:
                    # across another number, a time expression reaches this one only when
                    # it frames a clause of its own ("came on Aug. 5, when ... 3% and ... 65")
                    between = [(a, b) for a, b in numbers if we <= a and b <= pos]
                    in_mine = all(mine[0] <= a < mine[1] for a, _ in between)
                    own = any(seg_w[0] <= a < seg_w[1] for a, _ in numbers)
                    if not in_mine or own:
                        continue
                elif blocked(we, pos) and any(qb <= ws for _, qb in numbers):
                    continue  # it trails another number: it dates that one
                seg = next((sg for sg in segments if sg[0] <= ws < sg[1]), mine)
                if (
                    seg != mine
                    and seg[0] > 0
                    and (
                        _ASIDE.match(self.text[seg[0] : seg[1]])
                        or _APPOSITIVE_NP.match(self.text[seg[0] : seg[1]])
                    )
                ):
                    continue
                dist = pos - we
            else:
                dist = 0
            if w.label.lower() in ("now", "currently", "at present"):
                dist += 80  # "has now climbed 3.3% since the start of the month"
            if best is None or dist < best[0]:
                best = (dist, w)
        return best[1] if best else None

    def topic(self) -> Window | None:
        """A window that frames the whole sentence: in its opening clause before any number."""
        segments = _segments(self.text)
        if not segments or not self.windows:
            return None
        first = segments[0]
        numbers = [  # (not the 2000 of "The Russell 2000 bottomed on Oct. 27", nor the
            q.start  # ordinal of "The Dow first closed above 49,000 on Jan. 6, at ...")
            for q in find_quantities(self.text)
            if not any(s <= q.start < e for s, e, _ in self.symbols)
            and not (q.unit == "ord" and _FIRST_DID.match(self.text, q.start))
        ]
        opening = [
            w
            for w in self.windows
            if first[0] <= w.span[0] < first[1]
            and not any(n < w.span[0] for n in numbers)
            and not _looks_back(w)
        ]  # "Stocks extended Wednesday's losses, ...": the losses are Wednesday's
        if opening and _possessive(opening[0].label):
            day = next((w for w in opening if w.kind == "day" and not _possessive(w.label)), None)
            if day is not None:  # "The quarter's defining session came on Nov. 10": that day
                return day
        return opening[0] if opening else None

    def hedged(self, pos: int) -> bool:
        return bool(P.HEDGES.search(self.text[max(0, pos - 25) : pos]))

    def forecast(self, start: int, end: int | None = None) -> bool:
        return _forecast(self.text, start, start if end is None else end)


NEW_YORK = ZoneInfo("America/New_York")
_PRESENT_LABEL = "now (present tense)"
_OFF_HOURS = re.compile(
    r"\b(?:after[-\s]hours|extended\s+trading|extended-hours|pre-?market|before\s+the\s+(?:opening\s+)?"
    r"bell|overnight|late\s+trading|indicated\s+(?:up|down|higher|lower))\b",
    re.IGNORECASE,
)
# periods named relative to the article's date, which a passage about 2022 may not mean
_RELATIVE_PERIOD = re.compile(
    r"\b(?:for|on|over)\s+the\s+(?:year|month|quarter|week)\b|\bthis\s+(?:year|month)\b|"
    r"\b(?:year|month)[-\s]to[-\s]date\b",
    re.IGNORECASE,
)
_VAGUE_SPAN = re.compile(
    r"\s*(?:in|over|within)\s+(?:about|roughly|just|less\s+than|nearly|under|more\s+than|around)\s+"
    r"(?:a|an|one|two|three|four|five|six|\d+)\s+(?:month|week|day|session|year)s?\b",
    re.IGNORECASE,
)
# "fell 5% in a week", "the last time it fell 5% in a week was in March": some week
_A_SPAN = re.compile(r"(?i)\s*(?:in|over|within)\s+(?:a|one|a\s+single)\s+(?:week|month|year)\b")
_THE_LAST_TIME = re.compile(r"(?i)\b(?:the\s+last\s+time|not\s+since|the\s+first\s+time)\b")
# "briefly traded above 5% a few days later": which day?
_WITHIN_OPENS = re.compile(
    r"(?i)^\W*(?:and\s+|but\s+)?within\s+(?:a|an|one|two|three|four|five|six|\d+|a\s+few|"
    r"several)\s+(?:days?|sessions?|weeks?|months?)\b"
)
# "closed above 40,000 for the first time a week earlier", "up from 19.08 the Friday before":
# earlier than which day?
_VAGUE_LATER = re.compile(
    r"\s*(?:(?:for\s+the\s+first\s+time\s+)?(?:a\s+few|several|some|a\s+couple\s+of|many)\s+"
    r"(?:days|sessions|weeks|months)|for\s+the\s+first\s+time\s+(?:a|one|two|three)\s+"
    r"(?:weeks?|months?)|the\s+(?:mon|tues|wednes|thurs|fri)day)\s+(?:later|earlier|before|after)\b",
    re.IGNORECASE,
)
_EVENT_TIME = re.compile(
    r"\bon\s+the\s+eve\s+of\b|\b(?:the\s+)?(?:day|week|session)\s+(?:before|after)\s+(?:the|its|their)\s+"
    r"(?!close\b|open\b)[a-z]|"
    r"\bthe\s+(?:day|session)\s+(?:before|after)\s+(?!" + month_re("ev_m") + r")"
    r"(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)['\u2019]s\s|"
    r"\bon\s+the\s+(?:day|session|(?:mon|tues|wednes|thurs|fri)day)\s+(?:that\s+|when\s+)?"
    r"(?:the|its|their|it|they)\s+(?!close\b|open\b)|"  # "on the Friday the Dow bottomed"
    r"\bthe\s+(?:day|session)\s+of\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:low|high|peak|bottom|"
    r"trough|record|crash|selloff|sell-off|rout)\b",  # "on the day of the low"
    re.IGNORECASE,
)
# "By last Friday's close, ...": a day the sentence opens with, which ends a fall told after it
_BY_OPENS = re.compile(r"(?i)\W*by\s+(?:the\s+)?")
# "ending a winning streak that had lifted it 2.9% since last Thursday": up to the day before
_A_STREAK_HAD = re.compile(
    r"(?i)\b(?:end(?:s|ed|ing)?|snap(?:s|ped|ping)?|break(?:s|ing)?|broke)\s+(?:a|an|its|their|the)\s+"
    r"(?:[\w-]+\s+){0,3}streak\s+(?:that|which)\s+had\s+[^,;.]*$"
)
_A_DRAG_ON = re.compile(
    r"(?i)\b(?:(?:drag|weight|pressure)\s+on|weigh(?:ed|ing|s)?\s+on|(?:boost|lift)\s+(?:to|for))"
    r"\s+(?:the\s+)?$"
)
_MONTH_BEFORE = re.compile(r"(?i)\b" + month_re("mb") + r"\s+$")
_DATES_A_MARK = re.compile(
    r"(?i)\b(?:record|peak|high|top|low|bottom|trough)(?:\s+close)?\s+(?:(?:it|they)\s+(?:had\s+)?)?"
    r"(?:set|reached|hit|notched|made|touched)\s+$"
)
_REST_OF_A_LIST = re.compile(
    r"(?i)(?:\s*(?:,|and|%|percent|basis\s+points?|points?|[$]?\d[\d,.]*))*\s*,?\s*"
    r"respectively,?\s+(?:so\s+far\s+(?:in\s+)?)?"
)
# "a 4.4% jump the day after its report": the event right after a figure dates it, whatever
# period the sentence opened with
_RIGHT_BEFORE = re.compile(r"(?i)\s*(?:[a-z-]+\s+){0,2}")
# "a gain of 11%, including a 4.4% jump the day after its report", "closed at 24.66, up from
# 15.27 on the day of the record": an event after another clause's figure dates that one
_LATER_FIGURES_EVENT = re.compile(
    r"(?i)[^;]*?[,;]\s+(?:and|but|while|including|compared\s+with|against|versus|up\s+from|"
    r"down\s+from|well|more|less|nearly|almost|far)\b[^;]*\d"
)
# "on Sept. 18, the day after the Fed's decision": the event dated by the words before it
_DATE_BESIDE = re.compile(r"(?i)\b(?:on|by)\s+" + DATE_RE + r",\s+$")
# "Since the close on Election Day, ...", "... since the day of the cut": since an event the
# sentence does not date; _SINCE_EVENT below is the same with a time after the event ("since
# the Fed's last cut in December"), which dates the event only roughly
_SINCE_AN_EVENT = re.compile(
    r"(?i)\bsince\s+(?:the\s+)?(?:[a-z'\u2019]+\s+){0,3}(?:vote|election|election\s+day|"
    r"decision|announcement|report|meeting|selloff|crash|low|peak|bottom|top|cut|hike|"
    r"reduction|increase|downgrade|upgrade|deal|speech|testimony|results|release|minutes|"
    r"shock|ruling|verdict|day\s+of\s+the\s+[a-z]+)\b"
)
_SINCE_EVENT = re.compile(
    r"(?i)\bsince\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:cut|hike|decision|meeting|move|"
    r"election|vote|announcement|selloff|sell-off|crash|low|peak|bottom|top)s?\s+"
    r"(?:in|on|of|at)\s+[\w.,\s]{3,20}|"
    r"\bsince\s+(?:the\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2}?\s+(?:began|started|first)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:in|on)\s+[\w.,\s]{3,20}"  # "since the Fed began raising rates in March"
)
_FED_EVENT = re.compile(r"(?i)\b(?:fed|decision|meeting|cut|hike|statement|policymakers)\b")
_EVENT_TIME_WHY = "dated by an event the text does not date ('on the eve of ...')"
# a pattern across years, not a fact about one period: "... has been positive in most years"
# (but "small companies that tend to fall hardest" describes them, and dates nothing)
_PATTERN_OF_YEARS = re.compile(
    r"\b(?:in\s+most\s+years|in\s+years\s+when|whenever|history\s+(?:shows|suggests|offers)|"
    r"(?<!that\s)(?<!which\s)tends?\s+to\s+(?:rise|fall|gain|lose|rally|climb)|on\s+average)\b",
    re.IGNORECASE,
)
# a relative clause hung on another day's move: "that was Friday's advance, which capped"
# a day named in an "after ..." phrase dates that event; a figure in the next clause, with
# its own subject, may belong to the story's period instead
# (a main clause first: not "Even after the exemption was widened on Thursday, sellers ...")
_AFTER_AN_EVENT = re.compile(
    r"(?i)\w[^,;]*?\s\w+\s+(?:after|following)\s+[^,;]{3,90}$|(?:^|,\s+)(?:helped|hurt|driven|"
    r"fueled|spurred|boosted|lifted|buoyed|pressured|dragged|weighed)\s+(?:down\s+)?by\s+[^,;]{3,90}$"
)  # (", helped by results from Microsoft late Tuesday, and the S&P 500 was ahead 1.4%")
# the other side of a contrast: "rose 8.9% in the quarter, while the Nasdaq-100 ... managed"
_WHILE_THE_OTHER = re.compile(r"(?i)\s*,\s+(?:while|whereas)\s+(?!(?:it|they)\b)")
_ANOTHER_CLAUSE = re.compile(r"(?i)[^,;]{0,40},\s+(?:and|while|but|as)\s+[^,;]{2,60}$")
_OWNED_CLAUSE = re.compile(
    r"\b\w+day['\u2019]s\s+(?:[\w-]+\s+){0,2}?(?:advance|gain|rise|rally|drop|decline|loss|slide|"
    r"move|jump|surge|selloff|sell-off|bounce|rebound),\s+(?:which|that)\b[^.;]*$",
    re.IGNORECASE,
)
_WHEN_AFTER_RELATIVE = re.compile(
    r"\b(?:(?:very\s+)?(?:next|following|previous|prior|same)\s+(?:session|day|week|month)|"
    r"(?:a|one|two|three|the)\s+(?:days?|sessions?|weeks?)\s+(?:later|earlier|before|after)|"
    r"the\s+day\s+(?:after|before))\s*,\s+when\b[^;]*$",
    re.IGNORECASE,
)
_SEEN_ELSEWHEN = re.compile(
    r"\s+(?:(?:last|first)\s+)?(?:seen|set|reached|hit|recorded|touched)\s+(?:during|in|on|at|back\s+in|"
    r"earlier|before)\b",
    re.IGNORECASE,
)
# "April's tariff-pause rally, when it rocketed 8.7%": a move within the month, not the month's
_WHEN_OF_A_PERIODS_EVENT = re.compile(
    r"\b(?:" + month_re("pm") + r"|(?:19|20)\d{2}|last\s+(?:year|month|quarter))['\u2019]s\s+"
    r"(?:[\w-]+\s+){0,3}?(?:rally|sell-?off|rout|plunge|crash|surge|rebound|bounce|slide|swoon|"
    r"meltdown|drop|jump|spike|tumble)s?,\s+when\b[^;]*$",
    re.IGNORECASE,
)
# "bigger than the 14.1% pop of April 2015": a move on some day of a month or year named
_MOVE_OF_A_PERIOD = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:pop|jump|surge|spike|plunge|drop|gain|loss|rally|slide|"
    r"tumble|decline|advance|rise|fall|leap|sell-?off|rout|crash|collapse|rebound|bounce)s?\s+"
    r"(?:of|in|during|back\s+in)\s+(?:(?:early|mid|late)[-\s])?(?:"
    + month_re("m")
    + r"(?:\s+(?:19|20)\d{2})?|(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_DAY_AFTER = re.compile(
    r"\b(?:one|a)\s+(?:day|session)\s+after\b|\b(?:two|three|four|five|\d)\s+(?:trading\s+)?"
    r"(?:days|sessions)\s+(?:earlier|before|later|after)\b",
    re.IGNORECASE,
)  # "Only two days earlier, the composite had been 21.6% below": counted from which day?
_DAY_AFTER_WHY = "told as what came before another day ('a day after it ...'): which day, as read?"
_VAGUE_SPAN_WHY = "over a span the text gives only roughly ('in about a month')"
_THE_DAY_AFTER_AN_EVENT = re.compile(
    r"(?i)(?:\s+\w+){0,2}?\s+(?:on\s+)?the\s+(?:morning|day|session|afternoon|week)\s+after\s+"
    r"(?:the\s+)?(?:vote|election|decision|announcement|meeting|ruling|report|verdict)\b"
)
# within one clause: no stop but a decimal point or an abbreviation's ("Jul. 16", "No. 3")
_NO_STOP = r"(?:[^.;]|\.(?=\d)|\.(?=\s+\d))"
_AN_ANCHOR_BEFORE = re.compile(  # "After peaking at 6,144.15 on Feb. 19, ..."
    r"(?i)\b(?:after|since|from)\b" + _NO_STOP + r"*?\b(?:on|in)\s+" + month_re("m") + r"\.?\s+\d"
)
_AN_ELAPSED_SPAN = re.compile(
    r"(?i)in\s+(?:about\s+|nearly\s+|just\s+|only\s+)?(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|\d+)\s+(?:weeks|days|months|sessions|trading\s+days)"
)
_COUNTED_FROM_WHY = (
    "told as earlier or later than a day the text does not name ('the Friday before')"
)
_AT_THE_CLOSE = re.compile(
    r"(?i)\b(?:close|closed|closing|finish|finished|end|ended|settle|settled)\b"
)  # "did not close above 7,000": a denial a day's close settles
_DENIED_WHY = "a bound the text denies ('never traded below', 'never closed above in 2025')"
_WHICH_PERIOD_WHY = "a move over a week or month the text does not date ('capping a choppy week')"
_INTRADAY_CUE = re.compile(
    r"\b(?:(?:late|early|midday|mid-day|afternoon|morning)\s+(?:in\s+the\s+)?(?:session|trading|trade)|"
    r"(?:was|were|is|are)\s+trading\s+(?:at|near|around|up|down)|on\s+(?:course|track)\s+for\s+(?:a|its)|"
    r"in\s+(?:early|late|afternoon|midday|morning)\s+trad(?:e|ing)|"
    r"in\s+the\s+(?:morning|afternoon)|earlier\s+in\s+the\s+(?:day|session)|"
    r"(?:within|in)\s+the\s+first\s+(?:hour|half[-\s]hour|minutes|few\s+minutes)|"
    r"in\s+the\s+(?:hour|half[-\s]hour|minutes|moments)\s+(?:before|after|leading\s+up\s+to))\b",
    re.IGNORECASE,
)
# "nearly all of it on a 9.6% pop on the month's last day", "6.8% in December's first two
# sessions", "the two sessions together added 6.8%": a part of a period the text does not date
_PART_OF_A_PERIOD = re.compile(
    r"(?i)^[^.;]{0,40}?\b(?P<part>(?:on|in|over|during)\s+(?:the\s+)?(?:month|week|quarter|year|"
    + month_re("pm")
    + r")['\u2019]s\s+(?:first|last|final|opening|closing)\s+(?:day|session|trading\s+day|"
    r"(?:two|three|four|five|\d)\s+(?:sessions|trading\s+days|days)))\b"
)


def _the_part_told(c: Claim, part: re.Match[str], day: date) -> Claim:
    """ "in November's first four sessions", "on the month's last day": those sessions of the
    month named (or of the claim's month), when all of them have traded; else unsettled."""
    told = part.group("part")
    run = re.search(
        r"(?i)(first|last|final|opening|closing)\s+(\w+)\s+(?:sessions|trading\s+days|days)$", told
    )
    month = None
    if part.group("pm") and MONTHS[month_key(part.group("pm"))] == day.month:
        month = Window(day.replace(day=1), day, "window", "", (0, 0))  # the month so far
    elif part.group("pm"):
        found = find_windows(f"in {part.group('pm')}", day)
        month = found[0] if found else None
    elif c.start is not None and c.end is not None and 27 <= (c.end - c.start).days <= 31:
        month = Window(c.start, c.end, "window", "", (0, 0))
    count = 1 if run is None else count_of(run.group(2))
    if month is None or not count:
        return c.model_copy(update={"unsettled": _RUN_DAY_WHY if run else _ONE_DAY_WHY})
    first, last = month.start.replace(day=1), last_day(month.start.year, month.start.month)
    sessions = sessions_between(first, min(last, day))
    early = re.search(r"(?i)\b(?:first|opening)\b", told)
    if len(sessions) < count or (not early and last_session(last) > day):
        return c.model_copy(update={"unsettled": _RUN_DAY_WHY if run else _ONE_DAY_WHY})
    picked = sessions[:count] if early else sessions[-count:]
    kind = "day" if count == 1 else "window"
    label = told.removeprefix("on ")
    return c.model_copy(update={"start": picked[0], "end": picked[-1], "window": kind,
                                "period": label, "window_source": "explicit",
                                "unsettled": None})  # fmt: skip


_SESSIONS_TOGETHER = re.compile(
    r"(?i)\bthe\s+(?:two|three|four|five|\d)\s+(?:sessions|days)\s+(?:together|combined)\s+"
    r"(?:\w+\s+){0,2}?$"
)
# "At its worst, the Dow had given up 313 points; it finished with a loss of 107": the
# session's extreme, in the clause that says so
_AT_ITS_WORST = re.compile(
    r"(?i)(?<!closed\s)(?<!ended\s)(?<!finished\s)(?<!settled\s)"  # (not "closed at its low")
    r"\bat\s+(?:its|their|the\s+day['\u2019]s|the\s+session['\u2019]s)\s+(?:worst|best|lowest|"
    r"highest|low|high|peak|bottom)\b"
    r"(?!\s+(?:close|finish|level|since|of\s+the\s+(?:year|month|week)))"
)
# "lost 0.30 points to end at 6,890.89, after touching a record in the morning", "closed up
# 1.7% at 5,375.86, a gain of 98.10 points": the close, whatever the session did before it
_TOLD_AT_THE_CLOSE = re.compile(
    r"(?i)\b(?:end(?:ed|ing|s)?|clos(?:e|ed|ing|es)|finish(?:ed|ing|es)?|settl(?:e|ed|ing|es))"
    r"(?:\s+(?:the\s+)?(?:day|session))?\s+(?:(?:up|down|higher|lower)\s+(?:by\s+)?|at\s+|"
    r"(?:up|down|higher|lower)\s+[\d.,]+%?\s+at\s+[\d.,]+,\s+(?:a\s+(?:gain|loss|drop|rise)\s+of\s+))"
    r"(?:about\s+|roughly\s+|nearly\s+)?[$]?$"
)
# "already in the green before the 2 p.m. statement, with the S&P 500 up about 0.6%": a
# standing at a moment of the session, not at its close
_BEFORE_A_CLOCK = re.compile(
    r"(?i)\b(?:before|ahead\s+of|by|until|as\s+of)\s+(?:the\s+)?(?:(?:9|10|11)(?::\d\d)?\s*a|"
    r"(?:12|[1-3])(?::\d\d)?\s*p)\.?\s?m\b"
)  # (not "as of 4 p.m.": the close)
_OF_A_CLOSE = re.compile(r"(?i)\b(?:clos(?:e|ed|ing)|end(?:ed)?|finish(?:ed)?|settled)\b")
# "had tumbled 3.4% shortly after the opening bell", "had been down 2.6% before turning
# around to close 1.5% higher": a move at some moment of the session, not at its close
_A_MOMENT_AFTER = re.compile(
    r"(?:\s*(?:points?|percent))?[^;.\d]{0,30}?\b(?:(?:shortly|soon|right|just|minutes)\s+after\s+the\s+"
    r"(?:opening\s+)?(?:bell|open)\b|before\s+(?:turning|reversing|bouncing|rebounding|"
    r"recovering|rallying|paring|clawing|swinging|flipping|fighting)\b)",
    re.IGNORECASE,
)
# a level at some moment of the session: "briefly traded at", "touched ... in the final hour"
_INTRADAY_LEVEL = re.compile(
    r"\b(?:briefly|touch(?:ed|ing)|at\s+one\s+point|intraday|"
    r"in\s+the\s+(?:morning|afternoon|(?:final|first|last)\s+(?:half\s+)?hour)|"
    r"at\s+its\s+(?:peak|low|high|best|worst)\s+of\s+the\s+(?:day|session|morning|afternoon)|"
    r"shortly\s+after\s+the\s+(?:open|opening\s+bell|statement))\b",
    re.IGNORECASE,
)
_SESSION_KINDS = ("price", "index_level", "pct_change", "point_change")
_RATE_IS_NOW = re.compile(  # "the federal funds rate sits in a range of"
    r"(?i)\b(?:rate|range|benchmark)\s+(?:now\s+)?(?:sits|is|stands|remains|rests)\b[^,;\d]*$"
)
# a time that dates part of a figure told before it: "a 40% gain, most of it in September"
_PART_OF_IT = re.compile(
    r"(?i)\b(?:most|much|all|part|half|some|nearly\s+all)\s+of\s+(?:it|that|them|which)\s+"
    r"(?:(?:came|coming|arrived)\s+)?$"
)
_FROM_A_CLOSE_OF = re.compile(
    r"(?i)\bfrom\s+(?:its|their|the)\s+(?:closing\s+)?(?:close|finish|level|low|high)\s+of\s+"
    r"[$]?\d[\d,.]*,?\s+(?:on\s+)?$"
)
_FROM_MONTH_END = re.compile(r"(?i)(?:from|since)\s+the\s+(?:end|close)\s+of\s+")
_AND_THEN = re.compile(r"(?i)[,;]?\s+(?:and|but|while)\s+$")  # ", and in 2024 it was ..."
_PRONOUN_CLAUSE = re.compile(
    r"(?i)(?:^|[,;]\s+)(?:(?:and|but|while|yet)\s+)?(?:it|they)\s+[^,;\d]*$"
)
_NO_BASE_WHY = "a standing on entering a day, from a base the text does not give"
_OFF_HOURS_WHY = "a move outside regular trading hours: daily closes cannot settle it"
_SINCE_OPEN_WHY = "a move since the session's open: daily closes cannot settle it"
_SINCE_THE_OPEN = re.compile(
    r"(?i)[^.;,]{0,25}?\b(?:since|from)\s+(?:the|its|their)\s+(?:opening\s+)?(?:bell|open)\b"
    r"(?!\s+(?:on|of)\b)"
)
_FED_KINDS = ("rate_level", "rate_change", "rate_count")
_INTO_DAY = re.compile(
    r"(?:came|coming|going|heading|went|headed)\s+into|entered|entering|began|begun|started|"
    r"beginning|starting",
    re.I,
)
_NOW = re.compile(r"now(?: \(present tense\))?|currently|at present", re.IGNORECASE)
_SESSION = (time(9, 30), time(16, 0))
_HEADER = re.compile(
    r"^\W*(?:on|for|in|over)\s+(?:the\s+)?[\w.,\s]{2,30}:\W*$|^\W*(?:year|week|month)[-\s]to[-\s]date:\W*$",
    re.IGNORECASE,
)
_PERIOD_HEAD = re.compile(
    r"^\W*(?:the\s+)?(week|month|quarter)\b(?!\s+ahead|-(?:by|to|over|on)-)", re.IGNORECASE
)  # (not "**The month-by-month ledger**")
# "**March, on its own**", "September 2023: the slide": a header that names a month
_MONTH_HEAD = re.compile(
    r"^\W*(" + month_re("m") + r"(?:\s+(?:19|20)\d{2})?)\b(?!\s*\d)", re.IGNORECASE
)
# a paragraph that opens by pointing back at the move the one before told of
_AFTER_THAT_MOVE = re.compile(
    r"(?i)^\W*(?:even\s+)?(?:after|despite|following)\s+(?:that|this|the\s+latest)\s+"
    r"(?:[\w-]+\s+)?(?:slide|drop|decline|selloff|sell-off|rally|gain|advance|surge|plunge|rout|"
    r"loss|bounce|rebound|jump|tumble)\b"
)
_LAST_SESSION = re.compile(r"(?i)\b(?:final|last)\s+(?:trading\s+)?(?:session|day)\b")
_THAT_DAY = re.compile(  # "The S&P 500 sank 4.3% that day", "The next morning ...": of the last
    r"\b(?:that|the\s+same)\s+(?:day|session)\b|\bthe\s+(?:next|following)\s+(?:morning|day|"
    r"session|trading\s+day)\b|\ba\s+day\s+later\b",
    re.IGNORECASE,
)
_CARRY_KINDS = ("index", "etf", "stock", "yield")


def in_session(published: datetime | None) -> bool:
    """True when a timestamp falls inside the New York Stock Exchange session of its day
    (early closes included)."""
    if published is None or published.tzinfo is None:
        return False
    local = published.astimezone(NEW_YORK)
    if local.weekday() >= 5 or not _SESSION[0] <= local.time() < _SESSION[1]:
        return False
    hours = session_hours(local.date())
    return hours is not None and hours[0] <= published <= hours[1]


@dataclass
class _Discourse:
    """What the article has said so far that later sentences lean on."""

    as_of: date
    intraday: bool
    subject: tuple[str, Symbol] | None = None
    recent: list[Symbol] = field(default_factory=list)  # subjects named, oldest first
    day: Window | None = None  # the last single day named
    last_day: Window | None = None  # the last one named in an earlier paragraph
    told_day: Window | None = None  # the day of the last one-day figure ("Tuesday's 1.4% drop")
    previous: Window | None = None  # the last window of the sentence before, same paragraph
    opened_with: Window | None = None  # a period the sentence before opened with ("July ...")
    section: Window | None = None  # from a header line such as "For the week:"
    section_lines: int = 0
    pre_open: bool = False  # a live blog's entry stamped before the day's open
    year: int | None = None  # an earlier year this paragraph is about ("In 2020, ...")
    section_year: int | None = None  # one a subhead names ("2020: the fast crash")
    fed_seen: int = -1  # sentences left in which "the range" still means the Fed's
    stamp_day: date | None = None  # the day a live blog's entry stamp names, if in session
    month: Window | None = None  # the last month named ("since December", "on Dec. 18")
    month_ended: Window | None = None  # the month just ended, named in the sentence before
    span_before: Window | None = None  # the period of the last figure of the sentence before
    low: Window | None = None  # the day of the last low named ("its Oct. 12 low")
    # the dated levels of the sentence before, same paragraph: what "That works out to a
    # drop of 5.7%" sums up
    told_levels: list[tuple[tuple[str, Symbol], Window]] = field(default_factory=list)
    figures: bool = False  # this paragraph has had a figure


# "since" after a superlative dates a record, not a change: "its best day since April"
_SINCE_RECORD = re.compile(
    r"\b(?:highest|lowest|best|worst|biggest|largest|strongest|weakest|sharpest|steepest|"
    r"first\s+time|most|least|level|longest)\b[^,;.]{0,40}$",
    re.IGNORECASE,
)
# "Thursday's finish", "February's close": a reference level, not the time of a claim
_REFERENCE_POINT = re.compile(r"^\s+(?:close|closing\s+level|finish|level|settle)\b", re.IGNORECASE)
_COMPARED_TO = re.compile(
    r"\b(?:from|since|than|below|above|under|over|versus|vs\.?|with)\s+(?:its\s+|the\s+)?$",
    re.IGNORECASE,
)


def _possessive(label: str) -> bool:
    """ "Tuesday's", "Friday’s": a day that owns a figure, not one that frames a story."""
    return label.endswith(("'s", "\u2019s"))


_SAME_SPAN = re.compile(
    r"(?i)\b(?:over|in|during|for|across)\s+(?:the\s+same|the\s+identical|that|this)\s+(?:span|stretch|period|"
    r"time\s+frame|timeframe|window|interval)\b"
)
# ", and the 10-year yield eased ...": a clause with a subject of its own
_NEW_SUBJECT_CLAUSE = re.compile(r"(?i)[,;]\s+(?:and|while|but|whereas)\s+(?:the|a|an)\s")
_THAT_MONTH = re.compile(r"(?i)(?:that|the\s+same)\s+month")
_A_MONTH = re.compile(r"(?i)\b" + month_re("m") + r"\b")


def _that_month(
    windows: list[Window], month: Window | None, as_of: date
) -> tuple[list[Window], Window | None]:
    """ "That month" is the last month named before it, in this sentence or an earlier one
    ("where it has sat since December. That month's cut ..."); and the month last named."""
    out = []
    for w in windows:
        if _THAT_MONTH.fullmatch(w.label) and month is not None:
            w = Window(month.start, month.end, "window", f"{w.label} ({month.label})", w.span)
        elif w.kind == "day" or (_A_MONTH.search(w.label) and w.start.day == 1):
            first = w.end if w.kind == "day" else w.start
            start, end = month_window(first.month, first.year, as_of)
            month = Window(start, end, "window", f"{first:%B %Y}", (0, 0))
        out.append(w)
    return out, month


_OVER_THE_MONTH = re.compile(r"(?i)(?:over|for|in|during|across)\s+the\s+month")
_A_MONTH_WORD = re.compile(r"(?i)\b" + month_re("m") + r"\b(?!\.?\s+\d)")


def _the_month_named(
    sentence: str,
    windows: list[Window],
    ended: Window | None,
    as_of: date,
    story: Window | None,
) -> tuple[list[Window], Window | None]:
    """ "The week built on a July that was already kind to bondholders. Over the month the
    2-year yield fell 42 basis points", early in August: "the month" is the July just named,
    not August so far (in a story that is not itself a month's review). Returns the windows
    and the month just ended that this sentence names."""
    if as_of.day > 7 or (story is not None and 27 <= (story.end - story.start).days <= 31):
        return windows, None
    if ended is not None:
        windows = [
            Window(ended.start, ended.end, "window", f"{w.label} ({ended.label})", w.span)
            if _OVER_THE_MONTH.fullmatch(w.label)
            else w
            for w in windows
        ]
    before = as_of.replace(day=1) - timedelta(days=1)
    named = [
        m
        for m in _A_MONTH_WORD.finditer(sentence)
        if MONTHS[month_key(m.group("m"))] == before.month
    ]
    if not named or any(
        w.span[0] <= named[-1].start() < w.span[1] and w.kind == "day" for w in windows
    ):
        return windows, None
    start, end = month_window(before.month, before.year, as_of)
    return windows, Window(start, end, "window", f"{before:%B %Y}", (0, 0))


# "Since that low, the index has climbed 43%", "on the day of the low": the low a sentence
# before dated ("its Oct. 12 low", "sank to 1,760.71 on April 8, the bottom of the selloff")
_THAT_LOW = re.compile(
    r"(?i)\b(?:since|from|off|above)\s+(?:that|this)\s+(?:low|bottom|trough)\b|"
    r"\bon\s+the\s+day\s+of\s+the\s+low\b"
)
_A_LOW = re.compile(r"(?i)\b(?:low|bottom|bottomed|trough)\b(?![-\w])")
_NOT_A_CLOSE = re.compile(r"(?i)\bintraday\b|\bsession\s+low|\blows?\s+of\s+the\s+(?:day|session)")
THE_LOW_OF = "the low of"


_FINAL_SESSIONS = re.compile(
    r"(?i)(?:over|in|during|across)\s+(?:the|its|their)\s+(?:final|last|closing)\s+\w+\s+"
    r"(?:trading\s+)?(?:sessions|days)"
)


_TRAILING_THREE = re.compile(
    r"(?i)(?:in|for|over|during|across)\s+the\s+(?:past\s+|last\s+)?(?:three|3)\s+months"
)


def _months_to(story: Window, n: int, w: Window) -> Window:
    """The `n` calendar months that end with the month a review reports."""
    first = story.start
    for _ in range(n - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    label = f"{w.label} (the {n} months to {story.end:%B %Y})"
    return Window(first, story.end, "window", label, w.span)


def _recounted(w: Window, day: date) -> Window | None:
    """The run of sessions `w` names ("over the final two sessions"), counted back from `day`."""
    return next((t for t in find_windows(w.label, day) if t.kind == w.kind), None)


def _at_the_periods_end(w: Window, story: Window) -> Window:
    """The same run of sessions, counted back from the end of the period a review reports."""
    again = _recounted(w, story.end)
    if again is None:
        return w
    label = f"{w.label} ({story.label.removeprefix('the period the article reports ')})"
    return Window(again.start, again.end, w.kind, label, w.span)


# "the Friday close of 4,117.37": the close of a Friday the sentence has named
_THE_WEEKDAY = re.compile(r"(?i)\bthe\s+$")
_WEEKDAY_THING = re.compile(r"(?i)\s+(?:close|finish|session|high|low|peak|bottom)\b")


def _that_weekday(sentence: str, windows: list[Window]) -> list[Window]:
    """ "Between Oct. 11 and Oct. 27 the S&P 500 lost almost 6%, and the Friday close of
    4,117.37 ...": that Friday is Oct. 27, a date named before it, not the last Friday."""
    out: list[Window] = []
    for w in windows:
        wd = WEEKDAYS.get(w.label.lower())
        if (
            wd is not None
            and w.kind == "day"
            and _THE_WEEKDAY.search(sentence[: w.span[0]])
            and _WEEKDAY_THING.match(sentence, w.span[1])
        ):
            named = [
                o.end
                for o in out
                if o.span[1] <= w.span[0]
                and o.end.weekday() == wd
                and o.end < w.end
                and (w.end - o.end).days <= 31
                and re.search(r"\d", o.label)
            ]
            if named:
                d = named[-1]
                w = Window(d, d, "day", f"{w.label} ({d:%b} {d.day}, {d.year})", w.span)
        out.append(w)
    return out


def _that_low(
    sentence: str, windows: list[Window], low: Window | None, as_of: date
) -> list[Window]:
    """The sentence's windows with "that low" read as the low dated before (weakly: an alarm
    on it abstains); unchanged when no low was dated."""
    if low is None:
        return windows
    for m in _THAT_LOW.finditer(sentence):
        windows = [w for w in windows if not (m.start() < w.span[1] and w.span[0] < m.end())]
        label = f"{m.group(0)} ({THE_LOW_OF} {low.end:%b} {low.end.day}, from the passage)"
        if m.group(0).lower().startswith("on"):
            windows.append(Window(low.end, low.end, "day", label, m.span()))
        else:
            windows.append(Window(low.end, as_of, "since", label, m.span()))
    return sorted(windows, key=lambda w: w.span)


def _low_named(sentence: str, windows: list[Window], low: Window | None) -> Window | None:
    """The day of a closing low the sentence dates ("its Oct. 12 low", "sank to 1,760.71 on
    April 8, the bottom of the selloff"), else the one dated before."""
    names_a_low = any(  # (not "since that low": that names no new one)
        not re.search(r"(?i)\b(?:that|this)\s+$", sentence[: m.start()])
        for m in _A_LOW.finditer(sentence)
    )
    days = [w for w in windows if w.kind == "day" and not _possessive(w.label)]
    if not names_a_low or not days or _NOT_A_CLOSE.search(sentence):
        return low
    for w in days:  # "its Oct. 12 low"
        if re.match(r"\s+(?:closing\s+)?(?:low|bottom|trough)\b", sentence[w.span[1] :]):
            return w
    return days[0] if len(days) == 1 else low


# "finished the month up 10.1%": the period to its own last close, whatever day came before
_FINISHED_THE = re.compile(
    r"(?i)(?:finish|end|clos|wrap|round)\w*\s+(?:out\s+)?the\s+(?:week|month|quarter|half|year)$"
)
_BESIDE_A_MARK = re.compile(
    r"(?i)(?:,|\band\b)[^,;\d]*\b(?:below|above|under|beneath|off|short\s+of)\s+(?:its|their|the)\s+$"
)
_FROM_ITS_LEVEL = re.compile(
    r"(?i)\s+from\s+(?:(?:its|their|the)\s+(?:level|close|finish|mark|reading|perch)s?\s+"
    r"(?:(?:late|early)\s+)?(?:on\s+)?|(?:late|early)\s+(?:on\s+)?)"
)
_OF_RESULTS_AFTER = re.compile(
    r"(?i)\s+(?:sales|revenues?|results|earnings|profits?|reports?|dividends?|deliveries|"
    r"shipments|guidance|numbers|figures|filings?)\b"
)
_PERIOD_ADJECTIVE = re.compile(
    r"(?i)(?:quarterly|monthly|weekly|annual|yearly|(?:first|second|third|fourth)[- ]quarter|"
    r"(?:first|second)[- ]half)"
)


def _of_results(sentence: str, w: Window) -> bool:
    """ "quarterly sales of $35.7 billion", "fourth-quarter results": the results' period."""
    return bool(
        _PERIOD_ADJECTIVE.fullmatch(w.label) and _OF_RESULTS_AFTER.match(sentence, w.span[1])
    )


# "ahead of quarterly results on Friday", "before Thursday's jobs report": an event awaited
_AWAITED = re.compile(
    r"(?i)\b(?:ahead\s+of|before|awaiting|await(?:s|ed)?)\s+(?:[\w'\u2019-]+\s+){0,4}?"
    r"(?:results|earnings|report|reports|data|decision|meeting|speech|testimony|release|auction)"
    r"\s+(?:(?:due|scheduled|expected|set)\s+(?:for\s+)?)?(?:on\s+)?$"
)


_LOOMING = re.compile(
    r"(?i)\s+(?:[\w-]+\s+){0,2}(?:election|vote|report|decision|meeting|data|results|earnings|"
    r"speech|release)\s+(?:looming|ahead|approaching|nearing|coming)\b"
)


def _awaited(sentence: str, w: Window) -> bool:
    """ "Banks lagged ahead of quarterly results on Friday", "with Tuesday's election
    looming": the day of an event still to come, not the figure's."""
    return w.kind == "day" and bool(
        _AWAITED.search(sentence[: w.span[0]]) or _LOOMING.match(sentence, w.span[1])
    )


def _looks_back(w: Window) -> bool:
    """A possessive day inside a sentence ("extended Wednesday's slide"): it names what that
    day did; only one opening the sentence ("Thursday's session was ...") frames it."""
    return _possessive(w.label) and w.span[0] > 3


def _reference_point(sentence: str, w: Window) -> bool:
    """ "below Thursday's finish": a level compared with, not the time of a claim."""
    return (
        _possessive(w.label)
        and bool(_REFERENCE_POINT.match(sentence[w.span[1] :]))
        and bool(_COMPARED_TO.search(sentence[max(0, w.span[0] - 20) : w.span[0]]))
    )


_SEGMENT = re.compile(r",(?=\s)|[;()\u2014\u2013]|:(?=\s)|\s-\s")
_CONTINUES = re.compile(
    r"^\s*(?:or|to|at|from|respectively)\b[^,;]{0,12}?(?:[$\d]|$)", re.IGNORECASE
)
_OTHER_CENTRAL_BANK = re.compile(
    r"\b(?:European\s+Central\s+Bank|ECB|Bank\s+of\s+(?:England|Japan|Canada)|BOE|BOJ|"
    r"People['\u2019]s\s+Bank|PBOC|Swiss\s+National\s+Bank|Reserve\s+Bank\s+of\s+\w+|"
    r"Riksbank|Norges\s+Bank|Bundesbank|loan\s+prime\s+rates?|(?:Germany|Japan|Britain|China|"
    r"Canada|Australia|India|Brazil|Mexico|Turkey|Russia|Korea|Switzerland|Sweden|Norway|"
    r"Europe)['\u2019]s\s+central\s+bank|(?:German|Japanese|British|Chinese|Canadian|"
    r"Australian|Indian|Brazilian|Mexican|Turkish|Russian|Korean|Swiss|European)\s+central\s+"
    r"bank)\b"
)  # ("China's central bank cut its five-year loan prime rate by 15 basis points")
_THE_FED = re.compile(r"\bFed\b|Federal\s+Reserve|FOMC|Powell", re.IGNORECASE)


def _another_central_bank(text: str) -> bool:
    return bool(_OTHER_CENTRAL_BANK.search(text)) and not _THE_FED.search(text)


def extract_claims(
    text: str, as_of: date, published: datetime | None = None, title: str = ""
) -> list[Claim]:
    """Every numeric claim in `text`, with subject and window resolved against as_of.

    `published` (timezone-aware) tells whether the article was written during the session
    of as_of: its "today" figures are then read against the session's range. The `title`
    helps find the day or period the story reports.
    """
    if mostly_chinese(text):  # Chinese news: its own lexicon, the same Claim records
        from assistant.claims.zh import extract_zh_claims

        return extract_zh_claims(text, as_of, published, title)
    claims: list[Claim] = []
    today = as_of
    if before_open(published, as_of):  # a morning note: the last close is the session before
        as_of = previous_session(as_of)
    ctx = _Discourse(as_of, in_session(published) or _stamped_in_session(text, as_of))
    story = None if ctx.intraday else _story(title, text, as_of, today=today)
    year_reviewed = _reviewed(title, as_of, late=13)  # (a year's may come out a week or two
    if year_reviewed is not None and (year_reviewed.end - year_reviewed.start).days < 360:
        year_reviewed = None  # into the next)
    session_day = (
        story
        if story is None or story.kind == "day"
        else _story(title, text, as_of, ("day",), today=today)
    )  # the session "on the day" means, also in a review of a longer period
    session = session_day.end if session_day is not None else None
    lede_end = 0  # a review whose lede tells of the last session: its opening paragraphs do too
    if (
        story is not None
        and session_day is not None
        and session_day is not story
        and (story.end - story.start).days > 7  # a month's or a year's review, not a week's
    ):
        breaks = [m.start() for m in re.finditer(r"\n\s*\n", text.strip() + "\n\n")]
        lede_end = breaks[1] if len(breaks) > 1 else len(text)
    in_title = {m[2] for m in find_symbols(title) if m[2].kind == "stock"}
    title_focus = in_title.pop() if len(in_title) == 1 else None  # "Nvidia slides ...": "the
    focus = title_focus  # stock"
    prev_end = 0
    one_off: tuple[bool, date | None] | None = None  # the session state a sentence set aside
    tables = find_tables(text)
    in_table = [t.span for t in tables]
    sentences = _bounded(text, split_sentences(text))
    for s, e in sentences:
        if any(a <= s and e <= b for a, b in in_table):
            continue  # a table row: read by its columns below
        sentence = text[s:e]
        gap = text[prev_end:s]
        prev_end = e
        if one_off is not None:
            ctx.intraday, ctx.stamp_day = one_off
            one_off = None
        stamp = _ENTRY_STAMP.match(sentence)
        if stamp is not None:  # a live blog's entry: its stamp dates what follows it
            ctx.intraday = _in_session_at(stamp, as_of)
            ctx.stamp_day = _stamp_day(stamp, as_of) if ctx.intraday else None
            ctx.pre_open = not ctx.intraday and _before_the_open(stamp, as_of)
        elif _OFF_SESSION_ENTRY.match(sentence):  # "**Before the open — where things stood**"
            if len(sentence.split()) > 6:  # "Before the bell, futures were down 1%.": that one
                one_off = (ctx.intraday, ctx.stamp_day)
            ctx.intraday, ctx.stamp_day = False, None
        if _HEADER.match(sentence):
            heads = find_windows(sentence, as_of, ctx.day.end if ctx.day else None, today=today)
            ctx.section = _section_window(heads)
            ctx.section_lines = 0
            continue
        if _heading(text, s, e):  # "**S&P 500**", "Megacap scorecard (weekly change)"
            ctx.section_year = passage_year(sentence, as_of)  # "2020: the fast crash"
            heads = find_windows(sentence, as_of, today=today)
            unit = _PERIOD_HEAD.match(sentence)
            if not heads and unit:  # "**The quarter, index by index**"
                heads = find_windows(f"for the {unit.group(1).lower()}", as_of, today=today)
            month = _MONTH_HEAD.match(sentence)
            if not heads and month:  # "**March, on its own**"
                heads = find_windows(f"in {month.group(1)}", as_of, today=today)
            if heads and today.weekday() >= 5 and _AHEAD_HEAD.search(sentence):
                heads = []  # "**Thursday: the giants report**" in a Sunday column: next Thursday
            ctx.section = _section_window(heads, sentence)
            ctx.section_lines = 0
            heads_of = [m for m in find_symbols(sentence) if m[2].kind in _CARRY_KINDS]
            ctx.subject = (
                (sentence[heads_of[0][0] : heads_of[0][1]], heads_of[0][2]) if heads_of else None
            )
            _named(ctx, heads_of)  # "**Microsoft**" over "The software maker soared"
            stocks = {m[2] for m in heads_of if m[2].kind == "stock"}
            rest = _blanked(sentence, [(a, b) for a, b, _ in heads_of])
            # "**Tesla**": "the stock" under it is Tesla, not the title's; under the next
            # heading, the title's again
            one = len(stocks) == 1 and len(re.findall(r"[A-Za-z]{2,}", rest)) <= 2
            focus = stocks.pop() if one else title_focus
            ctx.previous, ctx.told_levels = None, []
            continue
        if "\n" in gap:
            # a new paragraph; in a month's or a year's review, one that only told of a day in
            # it ("Powell spoke on Friday, Aug. 26.") dates the figures after it, weakly
            narrated = (
                ctx.day
                if not ctx.figures
                and ctx.day is not None
                and lede_end  # (a review)
                and story is not None
                and story.start <= ctx.day.end <= story.end
                else None
            )
            ctx.previous, ctx.opened_with, ctx.figures = narrated, None, False
            ctx.told_levels = []
            ctx.last_day = ctx.day or ctx.last_day
            ctx.day = None
            ctx.year = None
            if ctx.section is not None:
                ctx.section_lines += 1
                if ctx.section_lines > 8 or len(sentence) > 220:
                    ctx.section = None
        anchor = ctx.day.end if ctx.day else None
        if anchor is None and ctx.last_day is not None and _THAT_DAY.search(sentence):
            anchor = ctx.last_day.end  # "The S&P 500 sank 4.3% that day" opening a paragraph
        names = find_symbols(sentence)  # "Russell 2000" names no year
        own_year = passage_year(_blanked(sentence, [(s, e) for s, e, _ in names]), as_of)
        this_year = bool(re.search(r"(?i)\bthis\s+year\b|\bso\s+far\s+in\b", sentence))
        windows, whens = [], []
        for w in find_windows(
            sentence,
            as_of,
            anchor,
            session,
            today,
            None if this_year else own_year or ctx.year or ctx.section_year,
        ):
            if _reference_point(sentence, w) or _of_results(sentence, w) or _awaited(sentence, w):
                continue  # ("quarterly sales of $35.7 billion": the results' period)
            if w.kind == "day" and _LAST_SESSION.search(w.label) and not is_session(w.end):
                day = last_session(w.end)  # "the final session" before Good Friday: Thursday
                w = Window(day, day, "day", w.label, w.span)
            record = _SINCE_RECORD.search(sentence[: w.span[0]])
            if w.label.lower().startswith("since") and record:
                # "its worst day since May 18" dates a record, not a change; but in "..., when
                # it sank 4%" that day (or month, for "its worst month since") is the clause's
                itself = _the_time_itself(w, as_of) if _WHEN.match(sentence, w.span[1]) else None
                if itself is not None and (
                    itself.kind == "day"
                    or _unit_of(itself) in sentence[max(0, w.span[0] - 80) : w.span[0]].lower()
                ):  # "its first monthly loss since October and its worst since September 2023"
                    whens.append(itself)
                continue
            windows.append(w)
        windows = _that_weekday(sentence, windows)
        windows, ctx.month = _that_month(windows, ctx.month, as_of)
        windows, ctx.month_ended = _the_month_named(
            sentence, windows, ctx.month_ended, as_of, story
        )
        windows = _that_low(sentence, windows, ctx.low, as_of)
        ctx.low = _low_named(sentence, windows, ctx.low)
        month_first = _MONTH_HEAD.match(sentence)
        if month_first and not any(w.span[0] <= month_first.end(1) for w in windows):
            named = find_windows(f"in {month_first.group(1)}", as_of, today=today)
            if named:  # "October carried the quarter. The S&P 500 gained 2.3% that month"
                ctx.month = named[0]
        if ctx.span_before is not None:  # "The Dow was up 5.3% over the same span."
            sb = ctx.span_before
            windows += [
                Window(sb.start, sb.end, sb.kind, f"{m.group(0)} ({sb.label})", m.span())
                for m in _SAME_SPAN.finditer(sentence)
                if not any(m.start() < w.span[1] and w.span[0] < m.end() for w in windows)
            ]
        quarters = [w for w in windows if "quarter" in w.label.lower() and _quarter_long(w)]
        named_q = ctx.previous if ctx.previous is not None and _quarter_long(ctx.previous) else None
        windows = [  # "The first three months were rough. The S&P 500 lost 4.6% in the quarter",
            # "Tesla surged 32.2% in the quarter, and Meta finished the three months 13.5% higher"
            Window(q.start, q.end, "window", "the quarter named before", w.span)
            if _THE_THREE_MONTHS.fullmatch(w.label)
            and (q := next((o for o in reversed(quarters) if o.span[1] <= w.span[0]), named_q))
            is not None
            else w
            for w in windows
        ]
        if (
            story is not None
            and 27 <= (story.end - story.start).days <= 31
            and story.end < last_weekday(as_of)
        ):  # "rose 7% over the three months", in August's review out Sept. 4: June to August
            windows = [_months_to(story, 3, w) if _TRAILING_THREE.fullmatch(w.label) else w
                       for w in windows]  # fmt: skip
        if story is not None and 170 <= (story.end - story.start).days <= 185:
            windows = [  # "soaring 189.5% in six months", in a review out after the half
                Window(story.start, story.end, "window", f"{w.label} (the half reviewed)", w.span)
                if _THE_SIX_MONTHS.fullmatch(w.label) and story.end < last_weekday(as_of)
                else w
                for w in windows
            ]
        if year_reviewed is not None:
            windows = [  # "up 16.4% for the twelve months", in a review out after the year
                replace(year_reviewed, label=f"{w.label} (the year reviewed)", span=w.span)
                if _THE_TWELVE_MONTHS.fullmatch(w.label)
                else w
                for w in windows
            ]
        if story is not None and story.kind == "window" and story.end < last_weekday(as_of):
            windows = [  # "fell 12 basis points over the final two sessions", in a review of
                # March out on Apr. 2: March's last two
                _at_the_periods_end(w, story) if _FINAL_SESSIONS.fullmatch(w.label) else w
                for w in windows
            ]
        if story is not None and _quarter_long(story) and story.end < last_weekday(as_of):
            windows = [  # "rising 6.7% over the three months", in a review out after the quarter
                Window(
                    story.start, story.end, "window", f"{w.label} (the quarter reviewed)", w.span
                )
                if _THE_THREE_MONTHS.fullmatch(w.label) and w.start != story.start
                else w
                for w in windows
            ]
        if not find_quantities(sentence) and not _fed_count_told(sentence, ctx.fed_seen >= 0):
            # "the small-cap index has ground to make up" (but "the Fed cut three times")
            typed = typed_mentions(sentence, names, ctx.recent, SYMBOLS, set(), topic=_topic(ctx))
            _carry(ctx, sentence, sorted(names + typed), windows)
            if _A_FED_DECISION.search(sentence):  # "The Fed held rates steady on Wednesday."
                ctx.fed_seen = 2
            continue
        symbols = [
            m
            for m in names
            if not _COMPANIES_AFTER.match(sentence[m[1] :])
            and not _DERIVATIVE_ON.search(sentence[: m[0]])
            and not (  # "Nvidia - The chipmaker was the heaviest drag on the Nasdaq, down 6.3%"
                _A_DRAG_ON.search(sentence[: m[0]])
                and any(o[1] <= m[0] for o in names)
                and re.match(r",\s+(?:down|up|off|lower|higher)\b", sentence[m[1] :])
            )
        ]
        guessed: set[tuple[int, int]] = set()
        symbols = sorted(
            symbols
            + typed_mentions(sentence, symbols, ctx.recent, SYMBOLS, guessed, focus, _topic(ctx))
        )
        fallback = None
        if ctx.previous is not None:  # the paragraph's own last window outranks its header's
            fallback = (ctx.previous, "carried")
            if (
                _RESULT_OF_LAST.match(sentence)
                and ctx.day is not None
                and ctx.day.end > ctx.previous.end
            ):  # "... to 50 basis points on Dec. 14. That left the rate at 4.25%-4.50%"
                fallback = (ctx.day, "carried")
        elif ctx.section is not None:
            fallback = (ctx.section, "section")
        sent = _Sentence(
            text=sentence,
            offset=s,
            as_of=as_of,
            symbols=symbols,
            windows=windows,
            whens=whens,
            fallback_subject=ctx.subject,
            fallback=fallback,
            story=session_day if s < lede_end else story,
            reviewed=story,
            fed_context=ctx.fed_seen >= 0,
            guessed=guessed,
            opened_with=ctx.opened_with,
        )
        ctx.opened_with = None
        ctx.fed_seen = 2 if P.FED_CONTEXT.search(sentence) else ctx.fed_seen - 1
        ctx.year = own_year or ctx.year
        before = len(claims)
        for finder in _FINDERS:
            claims.extend(finder(sent))
        claims.extend(_statements(sent, ctx))
        passage = bool(own_year or ctx.year or ctx.section_year)  # about an earlier year
        day = ctx.stamp_day or as_of  # the session a figure "touched" during is that day's
        claims[before:] = [_qualified(c, sentence, s, day, passage) for c in claims[before:]]
        claims[before:] = _still_after_a_told_close(claims[before:])
        claims[before:] = _now_after_the_period(claims[before:], story, as_of)
        claims[before:] = _a_list_of_owned_figures(claims[before:], sentence, s)
        if ctx.intraday:  # "has fallen 5.5% from its July 31 high", at midday: at some moment
            claims[before:] = [
                c.model_copy(update={"intraday": True})
                if c.kind == "drawdown" and c.end in (as_of, ctx.stamp_day)
                else c
                for c in claims[before:]
            ]
        if ctx.pre_open:  # "9:05 a.m.: ... the Nasdaq is down 18.7% for the year": as of when?
            claims[before:] = [
                c.model_copy(update={"window_source": "carried"})
                if c.end == as_of
                and c.window in ("window", "since", "trailing")
                and c.window_source == "explicit"
                else c
                for c in claims[before:]
            ]
        found = claims[before:]
        ctx.figures = ctx.figures or bool(found)
        timed = [
            c
            for c in found
            if c.window_source in ("explicit", "carried")
            and c.end
            and not _NOW.fullmatch(c.period or "")
        ]
        if timed:
            tail = max(timed, key=lambda c: c.span)
            ctx.span_before = Window(tail.start or tail.end, tail.end, tail.window or "day",  # type: ignore[arg-type]
                                     tail.period or "", (0, 0))  # fmt: skip
        told = [c for c in found if c.window == "day" and c.end and c.window_source != "default"]
        if told and told[-1].end is not None:
            ctx.told_day = Window(told[-1].end, told[-1].end, "day", told[-1].period or "", (0, 0))
        _carry(ctx, sentence, sent.symbols, [])
        topic = sent.topic()
        named = [
            w
            for w in sent.windows
            if w.kind == "day"
            and not _possessive(w.label)
            and not MARK_AFTER.match(sentence, w.span[1])
        ]  # ("25.4% under its Jan. 3 peak": the day of a mark, not the one the story is on)
        if named:
            ctx.day = named[-1]
        dated = sorted(
            (
                c
                for c in found
                if c.window_source in ("explicit", "carried")  # "that day" carries on, weakly
                and c.window == "day"
                and c.end
                and not _possessive(c.period or "")
                and COUNTED_BACK not in (c.period or "")
                and sent.when_clause(c.span[0] - s) is None
                and not _BACK_REFERENCE.search(sentence[max(0, c.span[0] - s - 30) : c.span[0] - s])
            ),
            key=lambda c: c.span,
        )  # "recovering part of Tuesday's 4.7% drop" and "the 4.6% jump it had on Tuesday" look
        # back, and "..., when it jumped 1.7%" tells of another time: none dates what follows
        if not found and topic is not None and _possessive(topic.label):
            topic = None  # "Monday's close also ended a third quarter in which ...": the quarter
        if topic is not None:
            if not found and topic.kind == "window" and topic.span[0] <= 4:
                ctx.opened_with = topic  # "October 2023 was the opposite."
            ctx.previous = topic
            if topic.kind == "day":
                ctx.day = topic
        elif dated and dated[0].end:
            last = dated[0].end
            ctx.previous = Window(last, last, "day", dated[0].period or "", (0, 0))
        elif not _sets_the_time(ctx, sentence, sent.windows):  # ("Then, on April 9, came a
            # 90-day pause": no figure of its own, so it dates the next); "dropped 4.5%, its
            # worst week since September, and the Dow gave up 1,481 points"
            spans = {
                (c.start, c.end, c.window, c.period)
                for c in found
                if c.window_source == "explicit"
                and (
                    (
                        c.window == "window"
                        and (c.period or "").lower().startswith(("its ", "their "))
                    )
                    or (
                        c.window == "trailing"
                        and found
                        and all(f.period == c.period for f in found)
                    )
                    or (
                        c.window == "window"
                        and len(found) > 1
                        and c.start is not None
                        and c.end is not None
                        and _calendar_unit(Window(c.start, c.end, "window", "", (0, 0)))
                        in ("month", "quarter")
                        and all((f.start, f.end) == (c.start, c.end) for f in found)
                    )  # "Tesla surged 32.2% in the quarter, and Meta finished the three months
                )  # 13.5% higher."
            }  # only a period the sentence sums itself up with, or the one all its figures share
            # ("Meta lost 4.8% over the five days, Alphabet 4.3% and Amazon 2.5%.")
            spans = set({x[:3]: x for x in sorted(spans, key=str)}.values())  # one per period
            if len(spans) == 1:
                a, b, kind, period = spans.pop()
                if a and b and kind:
                    ctx.previous = Window(a, b, kind, period or "", (0, 0))  # type: ignore[arg-type]
        if len(claims) >= MAX_CLAIMS:
            break
    claims.sort(key=lambda c: c.span)
    claims.extend(read_gaps(text, sentences, claims))
    for table in tables:
        claims.extend(
            table_claims(
                text,
                table,
                as_of,
                story,
                lambda line, day: (
                    extract_claims(line, today, published)
                    if day is None
                    else extract_claims(line, day)
                ),
            )
        )
    claims.sort(key=lambda c: c.span)
    if today != as_of:
        claims = [_not_yet_traded(c, today) for c in claims]
    if _UPDATED.search(text[:600]):
        claims = [_maybe_as_first_published(c, as_of) for c in claims]
    return claims[:MAX_CLAIMS]


# "This story was first published Wednesday evening and has been updated with Thursday's
# trading": its figures to date may be as of either day
_UPDATED = re.compile(r"(?i)\bfirst\s+published\b|\b(?:has\s+been|was|been)\s+updated\s+with\b")


def _maybe_as_first_published(c: Claim, as_of: date) -> Claim:
    """A period's figure to date in an updated story is weakly dated: the verifier also
    reads it through the session before (see verify.guards)."""
    if (
        c.window in ("since", "window", "trailing")
        and c.end == as_of
        and c.start is not None
        and c.window_source == "explicit"
    ):
        return c.model_copy(update={"window_source": "carried"})
    return c


# "has drifted lower since it first closed above 40,000": the milestone's day, not the story's
_FIRST_PAST_A_MARK = re.compile(
    r"(?i)\b(?:since|when|after|before)\s+(?:it|they|the\s+[\w-]+(?:\s+[\w-]+)?)\s+first\s+"
    r"(?:closed|finished|ended|settled|topped|crossed|rose|climbed|traded|broke)\s+"
    r"(?:above|below|over|past|through|under)?\s*$"
)
_N_AFTER = re.compile(r"(?i)(?P<n>one|a|two|three)\s+(?:trading\s+)?(?:day|session)s?\s+after\s+")


def _the_day_before(c: Claim, sentence: str, at: int, rel_start: int, day: date) -> Claim | None:
    """ "The S&P 500 slipped 0.3%, a day after jumping 1.6%": the figure in the after clause is
    the session's before the day the sentence tells of (weakly dated: an alarm abstains)."""
    m = _N_AFTER.match(sentence, at)
    if m is None or re.search(
        r"[,;:]|\b(?:and|but|while|when|then)\b", sentence[m.end() : rel_start]
    ):
        return None  # the figure is not in the after clause
    if find_windows(sentence[m.end() :], day):
        return None  # "a day after it had slid 2.1% on Monday": the clause dates itself
    named = [w for w in find_windows(sentence[:at], day) if w.kind == "day"]
    if len(named) > 1 or (named and named[-1].end > day):
        return None
    n = {"a": 1, "one": 1, "two": 2, "three": 3}[m.group("n").lower()]
    told = {1: "the session", 2: "two sessions", 3: "three sessions"}[n]
    d = sessions_back(named[-1].end if named else day, n)
    start = d if c.kind in ("pct_change", "point_change", "yield_change") else c.start
    period = f"{told} {COUNTED_BACK} ({d:%b} {d.day})"
    return c.model_copy(
        update={
            "start": start,
            "end": d,
            "window": "day",
            "period": period,
            "window_source": "carried",
        }
    )


def _qualified(c: Claim, sentence: str, offset: int, day: date, passage: bool) -> Claim:
    """A claim as the rest of its sentence qualifies it: dated by an event, over a rough
    span, a price at some moment of the session, a period a passage about an earlier year
    may not mean, a move outside regular hours."""
    rel_start, rel = c.span[0] - offset, c.span[1] - offset
    if not c.forecast and _PATTERN_OF_YEARS.search(sentence):
        c = c.model_copy(update={"forecast": True})  # "when it has risen 20% by September, ..."
    if c.start_field == "trough":
        return c  # "since its October low": the words date it
    if (
        c.kind in ("rate_level", "yield_level")
        and c.window_source in ("default", "carried", "section")
        and not c.unsettled
        and re.search(
            r"(?i)\b(?:up|down|higher|lower)\s+from\s+(?:about\s+|roughly\s+|nearly\s+)?$",
            sentence[:rel_start],
        )
        and re.match(r"(?i)\s+(?:when|as)\s+(?:the|it|they)\b", sentence[rel:])
    ):  # "sits in a range of 3%-3.25%, up from 1.5%-1.75% when the quarter began": when?
        c = c.model_copy(update={"unsettled": _START_LEVEL_WHY})
    part = _PART_OF_A_PERIOD.match(sentence[rel:])
    if part is not None and c.unsettled in (None, _ONE_DAY_WHY, _RUN_DAY_WHY):
        c = _the_part_told(c, part, day)  # "on a 9.6% pop on the month's last day": which day?
    if not c.unsettled and _SESSIONS_TOGETHER.search(sentence[max(0, rel_start - 50) : rel_start]):
        c = c.model_copy(update={"unsettled": _SUMS_UP_WHY})  # "the two sessions together
        # added 6.8%"
    if (
        not c.unsettled
        and c.window_source != "explicit"
        and _THE_DAY_AFTER_AN_EVENT.match(sentence, rel)
    ):  # "which jumped 3.6% the morning after the vote": which day?
        c = c.model_copy(update={"unsettled": _EVENT_TIME_WHY})
    if (
        not c.unsettled
        and c.kind in ("pct_change", "point_change")
        and _AN_ELAPSED_SPAN.fullmatch(c.period or "")
        and (c.period or "") in sentence[rel:]
        and _AN_ANCHOR_BEFORE.search(sentence[:rel_start])
        and not re.search(r"(?i)\b(?:has|have|is|are)\s+(?:\w+\s+)?$", sentence[:rel_start][-30:])
    ):  # "After peaking on Feb. 19, the S&P 500 lost nearly 19% in seven weeks": from that
        # peak, not the seven weeks to the day of writing
        c = c.model_copy(update={"unsettled": _VAGUE_SPAN_WHY})
    if (
        not c.unsettled
        and c.window_source != "explicit"
        and _CAPPING_A.search(sentence[:rel_start])
    ):  # "The Dow ended a choppy week up 2%": which week?
        c = c.model_copy(update={"unsettled": _WHICH_PERIOD_WHY})
    if (
        not c.unsettled
        and c.kind == "rate_count"
        and not re.search(r"(?i)\b(?:straight|consecutive)\b", sentence[rel_start:rel])
        and re.search(
            r"(?i)\bsince\s+(?:the\s+)?(?:fed|central\s+bank|policymakers|officials|it|they)\s+"
            r"(?:began|started|first)\b",
            sentence[rel_start : rel + 60],
        )
    ):  # "the sixth since the central bank began easing in September 2024": since that event
        c = c.model_copy(update={"unsettled": _EVENT_TIME_WHY})
    if (
        not c.unsettled
        and c.window_source != "explicit"
        and c.kind not in _FED_KINDS
        and re.search(
            r"(?i)\bsince\s+[^,;]{1,40},\s+when\b(?:(?!,\s+(?:and|but)\b)[^;])*$",
            sentence[:rel_start],
        )
    ):  # "its best showing since November, when it gained 5.7%": which November, which span?
        c = c.model_copy(update={"unsettled": _ELSEWHEN_WHY})
    if not c.unsettled and c.window == "day" and c.end != day and c.period:
        at = sentence.rfind(c.period, 0, rel_start)
        if (
            at > 0
            and _AFTER_AN_EVENT.search(sentence[:at])
            and _ANOTHER_CLAUSE.match(sentence[at + len(c.period) : rel_start])
        ):  # "slid after a ratings agency downgraded them on Aug. 7, and JPMorgan lost 7.4%"
            c = c.model_copy(update={"unsettled": _ELSEWHEN_WHY})
    owned = _OWNED_CLAUSE.search(sentence[:rel_start])
    if owned is not None and not c.unsettled and not re.search(r"\d", c.period or ""):
        c = c.model_copy(update={"unsettled": _ELSEWHEN_WHY})  # "Friday's advance, which capped"
    if (
        not c.unsettled
        and c.window_source != "explicit"
        and c.kind != "drawdown"  # "10% below the record set at the start of 2022"
        and _SEEN_ELSEWHEN.match(sentence[rel:])
    ):  # "well short of the levels above 30 seen during the May sell-off"
        c = c.model_copy(update={"unsettled": _ELSEWHEN_WHY})
    if (
        not c.unsettled
        and c.kind in ("yield_change", "point_change", "pct_change")
        and _HIGHER_THAN_BEFORE.match(sentence[rel:])
        and re.search(r",\s*(?:about|roughly|nearly|some|almost|just)?\s*$", sentence[:rel_start])
        and len(re.findall(r"\d%|\d,\d{3}", sentence[:rel_start])) >= 2
    ):  # "was 3.90% on the day of the low and ended Friday at 4.05%, 15 basis points higher"
        c = c.model_copy(update={"unsettled": _COMPARED_WHY})
    if (
        not c.unsettled
        and c.window_source != "explicit"
        and _WHEN_AFTER_RELATIVE.search(sentence[:rel_start])
    ):  # "escaped the very next session, when a 2.1% rally left it 8.2% below the peak"
        c = c.model_copy(update={"unsettled": _ELSEWHEN_WHY})
    lead = _LEADING_WHEN.match(sentence)
    if (
        lead is not None
        and not c.unsettled
        and rel_start >= lead.end()
        and not find_windows(sentence[: lead.end()], day)
        and not re.search(r"\d", c.period or "")
        and c.window != "day"
    ):  # "When Silicon Valley Bank failed, the S&P 500 fell 3.4% in three sessions": when?
        c = c.model_copy(update={"unsettled": _EVENT_TIME_WHY})
    if not c.unsettled and _WHEN_OF_A_PERIODS_EVENT.search(sentence[:rel_start]):
        c = c.model_copy(update={"unsettled": _ELSEWHEN_WHY})
    if not c.unsettled and _DEFINITION.search(sentence[max(0, rel_start - 80) : rel_start]):
        c = c.model_copy(update={"unsettled": _DEFINITION_WHY})
    if (
        c.window_source != "explicit"
        and not c.unsettled
        and _MOVE_OF_A_PERIOD.match(sentence[rel:])
    ):
        c = c.model_copy(update={"unsettled": _ELSEWHEN_WHY})
    since_event = _SINCE_EVENT.search(sentence)
    if (
        since_event is not None
        and not c.unsettled
        and c.kind not in _FED_KINDS
        and c.window_source == "explicit"
        and (c.period or "").strip().lower() in since_event.group(0).lower()
        and not EVENT_DATED.search(c.period or "")
        and not re.search(r"\bon\s+\w+\.?\s+\d", c.period or "")  # "... meeting on Feb. 1"
    ):  # "has dropped 83 basis points since the Fed's last cut in December": which day?
        c = c.model_copy(update={"unsettled": _EVENT_TIME_WHY})
    event_since = _SINCE_AN_EVENT.search(sentence)
    if (
        c.window_source != "explicit"
        and not c.unsettled
        and c.kind not in _FED_KINDS
        and THE_LOW_OF not in (c.period or "")
        and not re.match(r"(?i)since\s+th(?:at|is)\b.*from the passage", c.period or "")
        and event_since is not None
        and (  # before the number, or after it with no other figure between
            event_since.start() < rel_start
            or not re.search(r"\d", sentence[rel : event_since.start()])
        )
    ):  # "Since the close on Election Day, the Russell 2000 has climbed 7.2%": since when?
        c = c.model_copy(update={"unsettled": _EVENT_TIME_WHY})
    own_since = _SINCE_AN_EVENT.search(sentence, rel)
    if (
        own_since is not None
        and not c.unsettled
        and c.kind not in _FED_KINDS
        and own_since.start() - rel <= 20
        and not re.search(r"\d|[,;]", sentence[rel : own_since.start()])
        and (c.period or "\0") in sentence[:rel_start]  # (an opening's time, not the event's)
    ):  # "Measured from Wednesday's close, ..., and it has climbed 35% since its previous
        # report in July": the figure's own start, an event, not the opening's close
        c = c.model_copy(update={"unsettled": _EVENT_TIME_WHY})
    if not c.unsettled and re.match(
        r"(?i)\s+(?:from|below|above|under|off)\s+(?:that|this|the\s+same)\s+"
        r"(?:mark|level|peak|high|record|low|trough|point)\b",
        sentence[rel:],
    ):  # "was down 27.9% from that mark": the peak a sentence before named, on which day?
        c = c.model_copy(update={"unsettled": _FROM_EXTREME_WHY})
    if (
        not c.unsettled
        and c.kind in ("price", "point_change")  # (a percent is the same on either basis)
        and _UNADJUSTED.search(sentence)
    ):  # "On an unadjusted basis, Tesla had finished Wednesday at $891.29"
        c = c.model_copy(update={"unsettled": _UNADJUSTED_WHY})
    if not c.unsettled and re.search(
        r"(?i)\b(?:peak|top|high)[-\s]to[-\s](?:trough|bottom|low)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:of\s+)?(?:about\s+|roughly\s+|nearly\s+|almost\s+|some\s+)?[$]?$",
        sentence[max(0, rel_start - 60) : rel_start],
    ):  # "hit bottom on Oct. 12, a peak-to-trough loss of 25.4%": from which peak?
        c = c.model_copy(update={"unsettled": _FROM_EXTREME_WHY})
    if (
        c.kind == "yield_change"
        and c.window_source in ("section", "carried", "default")
        and not c.unsettled
        and re.match(r"(?i)\s+(?:basis\s+points?\s+|bp\s+)?from\s+\d", sentence[rel:])
    ):  # "up 264 basis points from 1.85%", under a header: from the day it stood there
        c = c.model_copy(update={"unsettled": _START_LEVEL_WHY})
    base = _FROM_A_TOLD_BASE.match(sentence, rel)
    if (
        base is not None
        and c.kind in ("yield_change", "pct_change", "point_change")
        and not c.unsettled
        and sentence.find(c.period or "\0") < base.end()
        and not find_windows(sentence[base.end() :], day)  # "... it fetched on April 22"
    ):  # "up 78 basis points from the 3.70% it closed at on the day of the first cut"
        c = c.model_copy(update={"unsettled": _START_LEVEL_WHY})
    if (
        c.kind in ("index_level", "price")
        and not c.unsettled
        and re.search(r"(?i)\bfrom\s+[$]?$", sentence[:rel_start])
        and re.match(r"\s+to\s+[$]?\d", sentence[rel:])
    ):  # "from 50,188.14 to 45,616.60 on March 27": the date is the second level's
        c = c.model_copy(update={"unsettled": _START_LEVEL_WHY})
    since = sentence.find(c.period or "\0")
    if (
        not c.unsettled
        and since >= 0
        and (c.period or "").lower().startswith("since")
        and (when := re.match(r",?\s+when\b", sentence[since + len(c.period or "") :]))
        and since < rel_start
        and not (  # "Since March 28, when it closed at a record, the S&P 500 has given up 5.5%":
            since <= 3  # the main clause after the when clause runs since then
            and "," in sentence[since + len(c.period or "") + when.end() : rel_start]
        )
    ):  # "Not since July 2015, when a 16% surge followed ...": that time's figure
        c = c.model_copy(update={"unsettled": _ELSEWHEN_WHY})
    if not c.unsettled and c.bound and _FIRST_PAST_A_MARK.search(sentence[:rel_start]):
        c = c.model_copy(update={"unsettled": _EVENT_TIME_WHY})  # "since it first closed above"
    after = _DAY_AFTER.search(sentence)
    if after is not None and after.end() <= rel_start and not c.unsettled:
        before = _the_day_before(c, sentence, after.start(), rel_start, day)
        c = before or c.model_copy(update={"unsettled": _DAY_AFTER_WHY})  # "..., a day after it
        # fell 2%, and it ended the week ...": the week's end counted from which day?
    elif (
        (event := _EVENT_TIME.search(sentence))
        and not (  # "rocketed 20.3% ..., a day after the company posted results": today's
            event.start() >= rel
            and re.match(r"(?i)(?:day|session|week)\s+(?:after|before)\b", event.group(0))
            and re.search(
                r"(?i)\b(?:an?|one|(?:less|more)\s+than\s+a|just\s+a)\s+$",
                sentence[: event.start()],
            )
            and c.window_source == "default"
        )
        and (
            c.window_source != "explicit"
            or (c.period or "").strip().lower() in event.group(0).lower()
            or (
                _RIGHT_BEFORE.fullmatch(sentence, rel, event.start()) is not None
                and event.group(0).strip().lower() not in (c.period or "").lower()
            )  # (not when the event is the period read: "the day after the election")
        )  # "topped out at 31.05 on the Friday the Dow bottomed": which Friday?
        and not _LATER_FIGURES_EVENT.match(sentence[rel : event.start()])
        and not _DATE_BESIDE.search(sentence[: event.start()])
        and not c.unsettled
        and (c.kind not in _FED_KINDS or not _FED_EVENT.search(event.group(0)))
        and c.field != "one_day"  # "its strongest session of the year": some day of the window
        and THE_LOW_OF not in (c.period or "")  # "On the day of the low": the one just dated
    ):  # "on the eve of the SVB failure it had stood at 5.05%": which day?
        c = c.model_copy(update={"unsettled": _EVENT_TIME_WHY})
    elif (
        c.kind in ("price", "index_level")
        and not c.field_explicit
        and (extreme := _SESSION_EXTREME.search(sentence[:rel_start])) is not None
    ):  # "At the session's worst it was down 2.6%, touching $202.41": the day's low
        low = extreme.group(1).lower() in ("worst", "low", "lowest")
        c = c.model_copy(update={"field": "low" if low else "high", "field_explicit": True})
    elif (
        not c.unsettled
        and (
            _VAGUE_SPAN.match(sentence[rel : rel + 40])
            or (c.window == "since" and _WITHIN_OPENS.match(sentence))  # "Within two weeks ... had
            # rallied 7.1% from the Aug. 5 close": it ended some day in those weeks
            or (
                (c.window_source != "explicit" or _THE_LAST_TIME.search(sentence[:rel_start]))
                and _A_SPAN.match(sentence[rel : rel + 40])
            )
        )
    ):
        c = c.model_copy(update={"unsettled": _VAGUE_SPAN_WHY})  # "in about a month"
    elif not c.unsettled and _VAGUE_LATER.match(sentence[rel : rel + 40]):
        c = c.model_copy(update={"unsettled": _COUNTED_FROM_WHY})  # "19.08 the Friday before"
    elif (
        not c.intraday
        and c.end == day
        and c.kind in _SESSION_KINDS
        and not _TOLD_AT_THE_CLOSE.search(sentence[max(0, rel_start - 40) : rel_start])
        and not re.match(  # "rose 401.37 points to end at 39,512.13"
            r"(?i)\s*(?:points?|percent)?,?\s+to\s+(?:end|close|finish|settle)\b", sentence[rel:]
        )
        and not (c.field in ("high", "low") and c.field_explicit)  # "peaked at $38.52": the high
        and (
            _INTRADAY_CUE.search(sentence)
            or _AT_ITS_WORST.search(
                re.split(r";|,\s+(?:and|but|while)\s", sentence[:rel_start])[-1]
            )
            or (_BEFORE_A_CLOCK.search(sentence) and not _OF_A_CLOSE.search(sentence))
            or (c.kind in ("pct_change", "point_change") and _A_MOMENT_AFTER.match(sentence, rel))
            or (
                c.kind in ("price", "index_level")
                and c.field not in ("high", "low", "open")  # "an intraday high of $258.01"
                and _moment_of_session(sentence, c, offset)
            )
        )
        and is_session(day)
    ):  # "trading at $171.10 late in the session": a price at some moment of it
        c = c.model_copy(update={"intraday": True})
    if (
        passage
        and c.window_source in ("explicit", None)
        and _RELATIVE_PERIOD.search(c.period or "")
    ):
        c = c.model_copy(update={"window_source": "carried"})
    if (
        _off_hours(sentence, rel_start)  # "up 13% in extended trading"
        and (c.window in ("day", "since", "trailing", None) or c.window_source != "explicit")
        and c.kind not in _FED_KINDS
        and not c.unsettled
    ):
        c = c.model_copy(update={"unsettled": _OFF_HOURS_WHY})
    if (
        not c.unsettled
        and c.kind in ("pct_change", "point_change")
        and _SINCE_THE_OPEN.match(sentence, rel)
    ):  # "has tacked on roughly 0.8% since the bell": from the open, not the last close
        c = c.model_copy(update={"unsettled": _SINCE_OPEN_WHY})
    return _level_of_a_peak(c, sentence, offset, day)


# "topping the 2,442.74 closing peak it set in November 2021": the number names a peak
_PEAK_NOUN = re.compile(
    r"^\s*(?:(?:closing|intraday|all-time|record|previous|prior|old)\s+){0,2}"
    r"(?P<n>peak|high|top|record|low|bottom|trough)\b",
    re.IGNORECASE,
)


# "Meta bottomed at $88.91 in November 2022": the verb names the period's extreme
_PEAKED_AT = re.compile(
    r"\b(?:(?P<low>bottomed|bottoming|troughed|hit\s+(?:its|their|a)\s+(?:low|bottom))|"
    r"peaked|peaking|topped\s+out|topping\s+out|hit\s+(?:its|their|a)\s+(?:peak|high))\s+"
    r"(?:out\s+)?(?:at|near|around)\s+[$]?$",
    re.IGNORECASE,
)


def _level_of_a_peak(c: Claim, sentence: str, offset: int, day: date) -> Claim:
    """A level named as the peak (or trough) of a period the sentence names is that
    period's highest (lowest) close, whatever the verb before it says of today."""
    m = _PEAK_NOUN.match(sentence[c.span[1] - offset :])
    verb = _PEAKED_AT.search(sentence[max(0, c.span[0] - offset - 40) : c.span[0] - offset])
    if (m is None and verb is None) or c.kind not in ("index_level", "price"):
        return c
    if not c.period or c.unsettled:
        return c
    period = [w for w in find_windows(sentence, day) if w.label == c.period]
    if not period or period[0].kind != "window":
        return c
    if m is not None:
        low = m.group("n").lower() in ("low", "bottom", "trough")
    else:
        low = bool(verb and verb.group("low"))
    return _as_extreme_of(c, period[0], low=low)


def _as_extreme_of(c: Claim, w: Window, *, low: bool, **more: object) -> Claim:
    """The claim read as the highest (lowest) close of the period `w`: see verify.prices."""
    return c.model_copy(
        update={"start": w.start, "end": w.end, "window": "window", "bound": None,
                "field": "trough" if low else "peak", "field_explicit": True, **more}
    )  # fmt: skip


def _clause_of(sentence: str, pos: int) -> str:
    """The piece of the sentence around pos, between semicolons."""
    start = sentence.rfind(";", 0, pos) + 1
    end = sentence.find(";", pos)
    return sentence[start : end if end >= 0 else len(sentence)]


# where one clause hands over to another with its own subject or time
_OWN_TIME = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri)day|regular\s+session|that\s+day|on\s+the\s+day)\b"
)
_CLAUSE_TURN = re.compile(r",\s+(?:and|but|while|whereas|after|as|even\s+as)\s+", re.IGNORECASE)


def _off_hours(sentence: str, pos: int) -> bool:
    """ "up 13% in extended trading", "In premarket trading, Apple rose 1.2%, and ...": an
    off-hours cue in the figure's own clause, or in a phrase that opens the sentence. A cue in
    another clause ("a deal announced before the bell Monday, and the Russell 2000 slid 2.1%
    on Tuesday") leaves a session's move alone."""
    clause = _clause_of(sentence, pos)
    at = pos - (sentence.rfind(";", 0, pos) + 1)
    start = max((m.end() for m in _CLAUSE_TURN.finditer(clause, 0, at)), default=0)
    turn = _CLAUSE_TURN.search(clause, at)
    end = turn.start() if turn else len(clause)
    if _OFF_HOURS.search(clause, start, end):
        return True
    opening = clause.split(",", 1)[0] if "," in clause[:at] else ""
    if re.match(r"\s*(?:in|during|before|after|overnight)\b", opening, re.I) and _OFF_HOURS.search(
        opening
    ):
        return True
    return bool(_OFF_HOURS.search(clause)) and not _OWN_TIME.search(clause, start, end)


def _moment_of_session(sentence: str, c: Claim, offset: int) -> bool:
    """ "briefly traded at 5,689.75", "touched 6,789.05 in the final half hour": a level at
    some moment of the session (its cue right before the number, or right after it)."""
    s, e = c.span[0] - offset, c.span[1] - offset
    before, after = sentence[max(0, s - 45) : s], sentence[e : e + 30]
    cue = list(_INTRADAY_LEVEL.finditer(before))
    if cue and not re.search(r"(?i)\bclos(?:e|ed|ing)\b|[;.]", before[cue[-1].end() :]):
        return True
    m = _INTRADAY_LEVEL.search(after)
    return m is not None and not re.search(r"[,;.]|\bclos", after[: m.start()])


def before_open(published: datetime | None, day: date) -> bool:
    """True when a timestamp on `day` falls before that day's session opened."""
    if published is None or published.tzinfo is None:
        return False
    local = published.astimezone(NEW_YORK)
    hours = session_hours(day)
    return local.date() == day and hours is not None and published < hours[0]


def previous_session(day: date) -> date:
    """The last trading day before `day`."""
    return last_session(day - timedelta(days=1))


def _not_yet_traded(c: Claim, today: date) -> Claim:
    """A figure dated the day of a note written before the open: no close can settle it."""
    if c.end is None or c.end < today or c.kind in _FED_KINDS:
        return c
    return c.model_copy(
        update={"unsettled": f"written before the {today} session opened: no close to check yet"}
    )


_STAMP = re.compile(
    r"\b(?P<h>\d{1,2}):(?P<m>\d{2})\s*(?P<ap>a\.?m\.?|p\.?m\.?)\s*(?:ET|EDT|EST|New\s+York\s+time)\b",
    re.IGNORECASE,
)


LONGEST_SENTENCE = 1200  # characters; real sentences are far shorter


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans, a run-on "sentence" (a table dumped on one line, a hostile input)
    cut at clause breaks so that reading stays linear in the size of the text."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > LONGEST_SENTENCE:
            cut = max(
                text.rfind(", ", s, s + LONGEST_SENTENCE), text.rfind("; ", s, s + LONGEST_SENTENCE)
            )
            if cut <= s:
                cut = text.rfind(" ", s, s + LONGEST_SENTENCE)
            cut = cut if cut > s else s + LONGEST_SENTENCE
            out.append((s, cut))
            s = cut
            while s < e and text[s] in ", ;":
                s += 1
        if e > s:
            out.append((s, e))
    return out


_ENTRY_STAMP = re.compile(
    r"^\W{0,4}(?:(?:as\s+of|at|updated?:?|by)\s+)?"
    r"(?:(?P<wd>monday|tuesday|wednesday|thursday|friday),?\s+)?(?=\d{1,2}:\d{2})"
    + _STAMP.pattern.replace(  # "### Thursday, 11:10 a.m. — Selling picks up": no zone
        r"\s*(?:ET|EDT|EST|New\s+York\s+time)\b",
        r"(?:\s*(?:ET|EDT|EST|New\s+York\s+time)\b|(?=\s*(?:[-|:\u2013\u2014]|$)))",
    ),
    re.IGNORECASE,
)


def _heading(text: str, s: int, e: int) -> bool:
    """A line of its own that names things but states nothing: a subhead over a list."""
    line = text[s:e].strip(" *#_\t")
    return (
        (s == 0 or text[s - 1] == "\n")
        and (e == len(text) or text[e : e + 1] == "\n")
        and 0 < len(line) <= 60
        and line[-1] not in ".!"
        and not line.startswith(("-", "\u2022"))
        and not [q for q in find_quantities(line) if not is_year(q)]
        and not _STAMP.search(line)
    )


def _stamped_in_session(text: str, as_of: date) -> bool:
    """An update stamped in its opening lines with a time during that day's session
    ("1:20 p.m. ET")."""
    m = _STAMP.search(text[:400])
    return m is not None and _in_session_at(m, as_of)


_OFF_SESSION_ENTRY = re.compile(
    r"(?i)^\W{0,4}(?:(?:before\s+the\s+(?:open|opening\s+bell|bell)|pre-?market|"
    r"after\s+the\s+(?:close|closing\s+bell|bell)|after[-\s]hours|overnight|"
    r"closing\s+(?:update|bell|wrap))\b|(?:update\s+)?at\s+the\s+(?:close|closing\s+bell|bell)\W*$)"
)


def _stamp_day(m: re.Match[str], as_of: date) -> date:
    """The day of a stamp: the weekday it names ("Wednesday, 3:10 p.m."), else as_of."""
    named = m.groupdict().get("wd")
    return last_named(as_of, WEEKDAYS[named.lower()]) if named else as_of


def _clock(m: re.Match[str]) -> time:
    """A stamp's clock time ("1:20 p.m." -> 13:20)."""
    hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
    return time(hour, int(m.group("m")))


def _in_session_at(m: re.Match[str], as_of: date) -> bool:
    """Whether a stamp's clock time falls inside the session of its day (as_of, or the
    weekday the stamp names)."""
    hours = session_hours(_stamp_day(m, as_of))
    return hours is not None and hours[0].time() <= _clock(m) < hours[1].time()


def _before_the_open(m: re.Match[str], as_of: date) -> bool:
    hours = session_hours(_stamp_day(m, as_of))
    return hours is not None and _clock(m) < hours[0].time()


_EDITORIAL = re.compile(
    r"^\W*(?:originally\s+|this\s+(?:story|article|report)\s+(?:was\s+|is\s+)?(?:first\s+)?)?"
    r"(?:updated|published|posted|last\s+updated|corrected|editor)",
    re.I,
)


# a title that names the period a review covers: "April in review", "October's toll",
# "2024 in the rearview", "Wall Street slinks out of 2022", "Halftime report", "Looking back
# at 2023"
_REVIEW_TITLE = re.compile(
    r"(?i)\b(?P<p>" + month_re("m") + r"(?:\s+(?:19|20)\d\d)?(?:['\u2019]s)?|"
    r"(?:19|20)\d\d(?:['\u2019]s)?|"
    r"halftime|midyear|six\s+months|the\s+first\s+half|the\s+second\s+half|(?:the\s+)?(?:first|second|third|"
    r"fourth|final)\s+quarter|Q[1-4])"
    r"(?:\s+in\s+(?:review|the\s+rearview|retrospect|numbers)|\s+(?:recap|toll|scorecard|"
    r"report|review|by\s+the\s+numbers|wrap|ledger|tally|roundup|round-up)\b|(?P<colon>(?:\s+for\s+(?:[\w&'-]+\s+){0,3}"
    r"[\w&'-]+|,\s+(?:[\w&'-]+\s+){0,3}[\w&'-]+)?\s*:))|"  # "Third quarter: the summer",
    # "The third quarter for the megacaps:", "Six months, two markets:"
    r"\b(?:out\s+of|closes?\s+out|ends?|wraps?\s+up|"
    r"look(?:ing)?\s+back\s+(?:at|on)|farewell\s+to|goodbye\s+to)\s+(?P<y>(?:19|20)\d\d)\b"
)


_IT_REACHED_THEN = re.compile(
    r"(?i)\b(?:it|they|that|which)\s+(?:had\s+)?(?:set|reached|hit|touched|notched|posted|"
    r"recorded|marked)\b[^,;.\d]{0,30}$"
)
# a title about a week ("The week on Wall Street", "Weekend wrap", "Rates Weekly")
_WEEK = re.compile(r"(?i)\bweek(?:ly|end)?\b")
_A_YEAR = re.compile(r"(?i)\b(?:(?:19|20)\d\d|year)\b")
_LAST_WEEK = re.compile(r"(?i)\b(?:last|this\s+past|the\s+past)\s+week\b(?!['\u2019]s)")


def _reviewed(title: str, as_of: date, late: int = 6) -> Window | None:
    """The period a review's title names ("April in review", "2024 in the rearview"), when
    it ended at most `late` days before the story came out."""
    review = _REVIEW_TITLE.search(title)
    if review is None or (review.group("colon") and title[: review.start()].strip()):
        return None  # a period opens the title of a review ("2023: the year ..."), or none
    said = (review.group("p") or review.group("y")).rstrip("'\u2019s")
    said = {"halftime": "the first half", "midyear": "the first half"}.get(said.lower(), said)
    if re.fullmatch(r"(?i)six\s+months?", said):  # "Six months, two markets:", out in July
        half = "first" if as_of.month <= 7 else "second"
        said = f"the {half} half of {as_of.year if as_of.month >= 7 else as_of.year - 1}"
    if re.match(r"(?i)(?:first|second|third|fourth|final)\s", said):
        said = f"the {said}"  # "Fourth quarter in review"
    for w in find_windows(f"in {said}", as_of):
        longer = late + 2 if (w.end - w.start).days > 80 else late  # (a quarter's or a half's
        # review may come out on the weekend after the week that followed it)
        if (
            w.kind == "window"
            and 0 <= (as_of - w.end).days <= longer
            and (w.end - w.start).days > 26
        ):
            return Window(w.start, w.end, "window", f"the period the article reports "
                          f"({review.group(0).strip().rstrip(':')})", (0, 0))  # fmt: skip
    return None


def _story(title: str, text: str, as_of: date, kinds: tuple[str, ...] = ("day", "window"),
           today: date | None = None) -> Window | None:  # fmt: skip
    """The session or period a news story reports, when its opening sentences name one
    ("on Wednesday", "in November", "for the week") that ended within the week before
    publication."""
    reviewed = _reviewed(title, as_of) if "window" in kinds else None
    if reviewed is not None:  # "April in review", "2024 in the rearview"
        return reviewed
    if (
        today is not None
        and today.weekday() >= 5
        and "window" in kinds
        and (_WEEK.search(title) or _LAST_WEEK.search(text[:300].split("\n\n")[0]))
        and not _A_YEAR.search(title)  # ("a weekend ledger of 2025": the year's review)
    ):  # (or whose lede tells of "last week": "For three days last week, ...")
        for w in find_windows("for the week", as_of):  # a weekend wrap or a week-ahead column:
            label = "the period the article reports (the week)"  # the week just ended
            return Window(w.start, w.end, "window", label, (0, 0))
    updated = bool(_UPDATED.search(text[:600]))
    sentences = [text[s:e] for s, e in split_sentences(text)[: 8 if updated else 4]]
    opening = [title] + [t for t in sentences if not _EDITORIAL.match(t)][: 7 if updated else 3]
    for sentence in opening:
        named = find_windows(sentence, as_of)
        for w in named:
            if not 0 <= (as_of - w.end).days <= 6 or w.kind not in kinds:
                continue
            if (
                _looks_back(w)
                or _of_results(sentence, w)
                or (w.span[0] > 3 and re.match(r"['\u2019]s\b", sentence[w.span[1] :]))
            ):  # "Treasuries extended Wednesday's slide": the slide was Wednesday's; so was
                continue  # "snuffs out last week's rebound"
            if (
                sentence is title
                and w.kind == "day"
                and today is not None
                and today != as_of
                and w.end.weekday() == today.weekday()
            ):
                continue  # "The Monday Open", out before Monday's bell: the day it is sent
            before = sentence[: w.span[0]]
            if re.search(r"\b(?:from|than|versus|after|before)\s+[^,;]{0,24}$", before):
                continue  # "to 4.19% from 4.15% on Thursday" dates the base, not the story
            if re.search(r"\b(?:set|reached|hit|notched|posted|recorded|marked)\s*$", before) or (
                _IT_REACHED_THEN.search(before)
            ):  # "the record close it set on Wednesday", "the peak it reached at the end of
                continue  # last week": the mark's time, not the story's
            if w.kind != "day" and re.search(
                r"(?i)\b(?:high|low|record|peak|best|worst|close)\s+$", before
            ):
                continue  # "a new closing high for the year": the record's span, not the story's
            if re.search(r"(?i)\b(?:a\s+few|several|some|two|three)\s+(?:days|weeks)\s+$", before):
                continue  # "For a few weeks in April it looked as if ...": part of it, told back
            if P.FORECAST.search(re.split(r"[;,]", before)[-1]) or re.search(
                r"(?i)\b(?:rate\s+)?(?:cuts?|hikes?|increases?|reductions?)\s+$", before
            ):  # "officials still expect three cuts this year", "sticks with two cuts this
                continue  # year": the period of moves foreseen, not the story's
            if re.search(r"(?i)\b(?:due|scheduled|slated|set|planned)\s+(?:for\s+|on\s+)?$",
                         before):  # fmt: skip
                continue  # "China duties still due Tuesday": a day to come, not the story's
            if re.search(
                r"(?i)\b(?:revenue|sales|earnings|profits?|income|results|guidance|EPS|margins?|"
                r"bookings|shipments|deliveries)\b[^,;.]{0,30}$",
                before,
            ):
                continue  # "Revenue for the quarter ended in January": the company's quarter
            if _IN_WHICH.match(sentence, w.span[1]):
                continue  # "capping an April in which it added 48 bp": the clause's period
            if w.kind != "day" and _RELATIVE.search(w.label):
                continue  # "that month": the month of something said before, not the story's
            if w.kind != "day" and any(
                o.kind == "day" and o.end > w.end and 0 <= (as_of - o.end).days <= 6 for o in named
            ):  # "The banking scare that began last week found a new address on Wednesday"
                continue
            if re.search(r"(?i)\b(?:first|second|third)\s+(?:time|move|cut|hike)\s*$", before):
                continue  # "trims rates for the first time this year": not the story's year
            if w.kind == "day" and not is_session(w.end) and w.end <= as_of:
                continue  # "With markets closed on Thursday for Juneteenth": no session's story
            if w.kind == "day":
                # a story first published one day and updated with the next: the first
                later = _names_day(opening, as_of) if w.end < as_of and not updated else None
                day = later or w.end  # "On Thursday it touched 40,051 ... On Friday it held"
                return Window(day, day, "day", "the day the article reports", (0, 0))
            if (
                (w.end - w.start).days >= 4
                and not re.match(r"(?i)(?:since|from|over|between|through)\b", w.label)
                and not _SEASON.search(w.label)
            ):  # a calendar week, month, quarter or year (a season is too rough)
                if (
                    as_of.weekday() < 5
                    and w.end == as_of
                    and re.match(r"(?i)(?:ended|closed|finished|wrapped\s+up|capped)\b", w.label)
                    and re.match(r"\s+with\s+[^\d.;]*(?:[.;]|$)", sentence[w.span[1] :])
                ):  # "US stocks ended a brutal April with another lurch lower", out that day
                    return Window(as_of, as_of, "day", "the day the article reports", (0, 0))
                return Window(w.start, w.end, "window", f"the period the article reports "
                              f"({w.label})", (0, 0))  # fmt: skip
    return None


def _section_window(heads: list[Window], header: str = "") -> Window | None:
    """The window a header sets for the lines under it ("Thursday and Friday: the crash"
    spans both days); a season ("This spring, side by side") is too rough to date them."""
    if not heads or _SEASON.search(heads[0].label):
        return None
    a, b = heads[0], heads[-1]
    if (
        len(heads) == 2
        and a.kind == b.kind == "day"
        and a.end < b.start
        and re.fullmatch(r"(?i)\s*(?:and|through|to|-|\u2013)\s*", header[a.span[1] : b.span[0]])
    ):
        return Window(a.start, b.end, "window", f"{a.label} and {b.label}", a.span)
    return heads[0]


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the spans replaced by spaces (offsets kept)."""
    for s, e in spans:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _names_day(opening: list[str], as_of: date) -> date | None:
    """as_of, when the opening names it as a day of its own (not as a base or a record's)."""
    for sentence in opening:
        for w in find_windows(sentence, as_of):
            if (
                w.kind == "day"
                and w.end == as_of
                and re.search(r"(?i)\d|[a-z]+day\b", w.label)
                and not re.search(r"(?i)\bthe\s+(?:day|session)|that\s+day", w.label)
            ):
                before = sentence[: w.span[0]]
                if not re.search(
                    r"\b(?:from|than|versus|after|before|ahead\s+of)\s+[^,;]{0,24}$", before
                ):
                    return as_of
    return None


# "its deepest since the financial crisis in 2008": a time a record is measured from
_AFTER_SINCE = re.compile(r"(?i)\bsince\b[^.;,]{0,30}$")
# a time that names an event rather than telling when: "minutes from the Fed's late-April meeting"
_NAMES_AN_EVENT = re.compile(
    r"(?i)\s+(?:policy\s+|jobs\s+|inflation\s+)?(?:meeting|minutes|report|speech|testimony|"
    r"decision|announcement|release|auction|hearing|conference|gathering|summit)\b"
)


# "Nvidia's 77% and Meta's 25%": figures owned by names, one after another
_OWNED_FIGURE = re.compile(
    r"(?<![\w'\u2019])(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)(?:[A-Z][\w&.-]*\s+){0,2}"
    r"[A-Z][\w&.-]*['\u2019]s\s+(?:about\s+|roughly\s+|nearly\s+)?$"
)


def _a_list_of_owned_figures(found: list[Claim], sentence: str, offset: int) -> list[Claim]:
    """ "behind only Nvidia's 77% and Meta's 25%": each figure of such a list is told over
    the period of the first (not of a clause before the list)."""
    out = list(found)
    for i, c in enumerate(out):
        start = c.span[0] - offset
        name = _OWNED_FIGURE.search(sentence[:start])
        joined = name and re.search(r"(?:,|\band|\bor)\s+$", sentence[: name.start()])
        if c.kind != "pct_change" or not name or not joined:
            continue
        first = next(
            (
                p
                for p in reversed(out[:i])
                if p.kind == c.kind
                and p.ticker != c.ticker
                and _OWNED_FIGURE.search(sentence[: p.span[0] - offset])
                and not sentence[p.span[1] - offset : joined.start()].strip(" ,")
            ),
            None,
        )
        if first is not None and (first.start, first.end) != (c.start, c.end):
            keep = ("start", "end", "window", "period", "window_source")
            out[i] = c.model_copy(update={k: getattr(first, k) for k in keep})
    return out


def _still_after_a_told_close(found: list[Claim]) -> list[Claim]:
    """ "rose 2.6% to 2,287.69, and it is still 6.3% below the record": the distance "now" or
    at the close the sentence told, in a story out after that close (the reader's guess)."""
    told = [
        (c.ticker, c.end, c.span[0]) for c in found if c.kind in ("index_level", "price") and c.end
    ]
    return [
        c.model_copy(update={"window_source": "carried"})
        if c.kind == "drawdown"
        and c.period == _PRESENT_LABEL
        and any(t == c.ticker and c.end and end < c.end and at < c.span[0] for t, end, at in told)
        else c
        for c in found
    ]


_THE_MONTH = re.compile(r"(?i)(?:for|in|over|during)\s+the\s+month")
# a rise told in the present ("has now rallied", "is up 24% since"), not in the past
_NOW_SINCE = re.compile(r"(?i)\b(?:now|has|have|is|are|stands?|sits?)\b")


def _now_after_the_period(found: list[Claim], story: Window | None, as_of: date) -> list[Claim]:
    """A review of a period that ended before the session it is out on ("the third quarter",
    out Oct. 2): "Apple is now 12.8% below its record" may be told at the period's end, or
    on any session since; so may "For 2025 so far, the S&P 500 is up 13.7%"."""
    day = last_session(as_of)
    if story is None or story.end >= day:  # (also a day, told days later: "By June 30, ...")
        return found
    out = []
    for c in found:
        if c.kind == "drawdown" and c.end == day and _NOW.fullmatch(c.period or ""):
            c = c.model_copy(update={"start": last_session(story.end)})
        elif (
            c.kind == "pct_change"
            and c.window == "window"
            and c.window_source == "explicit"
            and c.start == date(day.year, 1, 1)
            and c.end in (day, as_of)
            and story.end.year == day.year
        ) or (
            c.kind in ("pct_change", "point_change")
            and c.window == "since"
            and c.window_source == "explicit"
            and c.start is not None
            and c.start < story.end
            and c.end in (day, as_of)
            and _NOW_SINCE.search(c.text)
        ):  # (the year to date, or "From its Aug. 1 close, the Nasdaq has now rallied 9.7%",
            # told in a review out after the period: through which day?)
            period = f"{c.period} {REVIEWED_OR_SINCE}"
            update = {"window_source": "carried", "period": period, "end": story.end}
            c = c.model_copy(update=update)
        elif (
            c.kind in ("pct_change", "point_change")
            and _THE_MONTH.fullmatch(c.period or "")
            and c.start is not None
            and c.start > story.end
        ):  # "For the month, the S&P 500 fell 4.2%", in a review of the half out in July: the
            c = c.model_copy(update={"window_source": "carried"})  # month told of, or this one?
        out.append(c)
    return out


def _compared(text: str, w: Window) -> bool:
    """ "a hair less than on Jan. 10": the day a figure is compared with, not its own."""
    return bool(re.search(r"(?i)\b(?:than|as)\s+(?:at\s+|on\s+|in\s+)?$", text[: w.span[0]]))


def _figureless(sentence: str, windows: list[Window]) -> bool:
    """No number but the day of a date and a span's length ("on April 9, came a 90-day
    pause"): a sentence that only sets the time for the next."""
    loose = [
        q
        for q in find_quantities(sentence)
        if not any(w.span[0] <= q.start < w.span[1] for w in windows)
        and not (_AFTER_SINCE.search(sentence[: q.start]) and q.unit == "num")  # "since June 2020"
        and not re.match(r"-(?:day|week|month|year|session)s?\b", sentence[q.end :])
    ]
    if not loose:
        return True
    names = [(a, b) for a, b, _ in find_symbols(sentence)]  # "The S&P 500's fall on May 18"
    return all(any(a <= q.start < b for a, b in names) for q in loose)


def _topic(ctx: _Discourse) -> Symbol | None:
    return ctx.subject[1] if ctx.subject is not None else None


def _carry(
    ctx: _Discourse, sentence: str, symbols: list[tuple[int, int, Symbol]], windows: list[Window]
) -> None:
    subjects = [m for m in symbols if m[2].kind in _CARRY_KINDS]
    keep = ctx.subject is not None and bool(re.match(r"\s*(?:it|its|they|their)\b", sentence, re.I))
    if subjects:
        first = subjects[0]
        if not keep:  # "It is up 4.8%, against 17.1% for the S&P 500": "it" stays the topic
            ctx.subject = (sentence[first[0] : first[1]], first[2])
        _named(ctx, subjects)
    elif any(m[2].kind == "other" for m in symbols):
        ctx.subject = None
    _sets_the_time(ctx, sentence, windows)  # "Treasuries extended Wednesday's slide."


def _named(ctx: _Discourse, subjects: list[tuple[int, int, Symbol]]) -> None:
    """The subjects named last are the first a description ("the software maker") refers to."""
    for _, _, sym in subjects:
        if sym in ctx.recent:
            ctx.recent.remove(sym)
        ctx.recent.append(sym)


def _sets_the_time(ctx: _Discourse, sentence: str, windows: list[Window]) -> bool:
    """A sentence with no figure of its own dates the next one by its last time expression
    ("Treasuries extended Wednesday's slide." does not: the slide looks back)."""
    own = [
        w
        for w in windows
        if not _looks_back(w)
        and not _AFTER_SINCE.search(sentence[: w.span[0]])
        and not (  # "minutes from the Fed's late-April meeting" (but "Friday's jobs report")
            _NAMES_AN_EVENT.match(sentence, w.span[1]) and not _possessive(w.label)
        )
        and not _in_an_aside(sentence, w)  # "Chip stocks, which had the worst since July, led"
        and not (  # "Wall Street is starting the week in a better mood": today, as told
            re.match(r"(?i)(?:starting|beginning|entering)\b", w.label)
            and re.search(r"(?i)\b(?:is|are)\s+$", sentence[: w.span[0]])
        )
    ]
    if not own or not _figureless(sentence, own) or _after_the_close(sentence, own[-1]):
        return False
    ctx.previous = own[-1]
    ctx.opened_with = own[-1] if own[-1].span[0] <= 4 and own[-1].kind == "window" else None
    if own[-1].kind == "day":
        ctx.day = own[-1]
    return True


_ASIDE_OPENS = re.compile(r"(?i),\s+(?:which|who)\b[^,;]*$")


def _in_an_aside(sentence: str, w: Window) -> bool:
    """A time inside ", which ... ," told about the subject in passing, the main verb after."""
    return bool(
        _ASIDE_OPENS.search(sentence[: w.span[0]])
        and re.match(r"[^,;]*,\s+\w", sentence[w.span[1] :])
    )


def _after_the_close(sentence: str, w: Window) -> bool:
    """ "reported results on Tuesday evening", "after the bell on Tuesday": what follows
    came in the next session, not on the day named."""
    before, after = sentence[: w.span[0]], sentence[w.span[1] :]
    return bool(
        re.match(r"\s*(?:evening|night)\b", after, re.I)
        or re.search(
            r"\b(?:after\s+the\s+(?:close|bell|closing\s+bell)|late)\s+(?:on\s+)?$", before, re.I
        )
        or re.match(r"\s*after\s+the\s+(?:close|bell|closing\s+bell)\b", after, re.I)
    )


def _end_of(segments: list[tuple[int, int]], pos: int) -> int:
    """The end of the segment a span ending at pos ends in."""
    return next((b for a, b in segments if a < pos <= b), pos)


def _segments(text: str) -> list[tuple[int, int]]:
    """Clause-like pieces of a sentence; a piece that continues a statement ("or 0.9%",
    "to 45,120.08", "respectively") is joined to the one before it."""
    cuts = [0] + [m.end() for m in _SEGMENT.finditer(text)] + [len(text)]
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        if out and _CONTINUES.match(text[a:b]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_LEVEL_AFTER_CHANGE = re.compile(
    r"\b(?:to|at)\s+(?:(?:end|finish|close|settle)\s+(?:at|above|below|under|over)\s+)?(?:an?\s+"
    r"(?:record|new|fresh|all-time)\s+(?:high\s+|low\s+|close\s+)?(?:of\s+)?)?(?:about\s+|"
    r"roughly\s+)?[$]?\s*$",
    re.IGNORECASE,
)


# not followed by its day ("its low on Oct. 12", "its closing low of the year on Oct. 27")
_UNDATED = r"(?!\s+(?:close\s+)?(?:of\s+(?:the|this)\s+year\s+)?(?:on|of)\s+(?:\w+\.?\s+)?\d)"
# "up only about 3% from its November 2021 peak": measured from a day the text does not give
_FROM_EXTREME = re.compile(
    r"(?:,\s+or\s+(?:about\s+|roughly\s+|nearly\s+|some\s+)?[$]?[\d.,]*\d(?:%|\s+points?)?,)?"
    r"(?:,(?=\s+from\s))?"  # "down 11.82 points, or about 40%, from its closing high"
    r"(?:\s+(?:for|in)\s+(?:the\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z0-9][\w&.'-]*){0,2})?"  # "for the Dow"
    r"\s*(?:from|off|since)\s+(?:its|their|the)\s+(?:[\w.'-]+(?:,(?=\s+\d))?\s+){0,4}?(?:peak|record|"
    r"high|low|"
    r"trough|bottom|top)s?\b"
    + _UNDATED
    +
    # "4.7% below its July 16 peak and the Nasdaq was down 7.9% from its own": which one?
    r"|\s*(?:from|off|below|under)\s+(?:its|their)\s+own\b(?!\s+[a-z])",
    re.IGNORECASE,
)
_RECORD_OF = re.compile(
    r"\b(?:its|their|the)\s+(?:[\w.,'-]+\s+){0,3}?(?:record|peak|all-time\s+high|"
    r"(?:all-time\s+)?closing\s+(?:high|low)|low|trough|bottom|highest|lowest)\s+"
    r"(?:close\s+|closing\s+level\s+)?of\s+(?:about\s+)?[$]?$"
    r"|\b(?:its|their|the)\s+(?:[\w'-]+\s+){0,2}?(?:record|all-time\s+high)\s+[$]?$"  # "shy of
    # the record 2,442.74 it set three years ago"
    # "its closing high for the year is 4.98%", "between a closing high of 4.62% and a low of"
    r"|\b(?:its|their|the|a)\s+(?:[\w.,'\u2019-]+\s+){0,4}?(?:closing\s+)?(?:high|low|peak)\s+"
    r"(?:for|of)\s+the\s+(?:year|month|quarter|half)\s+(?:is|was|stands\s+at)\s+(?:about\s+)?[$]?$"
    r"|\ba\s+closing\s+(?:high|low)\s+of\s+(?:about\s+)?[$]?$"
    r"|\bbetween\s+(?:a|its|the)\s+(?:closing\s+)?(?:high|low)\s+of\s+[$]?[\d.,]+%?\s+and\s+"
    r"(?:a|its|the)\s+(?:closing\s+)?(?:high|low)\s+of\s+(?:about\s+)?[$]?$",
    re.IGNORECASE,
)
_RECORD_OF_WHY = "the level of a record set on a day the text does not give"
_FIRST_DAY = date(1990, 1, 1)  # before any bundled series starts: "its record" is since then
_SET_ON = re.compile(
    r"[,\s]*(?:(?:which|that)\s+)?(?:(?:it|they)\s+)?(?:(?:was|were|had)\s+)?"
    r"(?:set|reached|hit|notched|posted|recorded|marked|touched)?\s*"
    r"(?:on|in|from|during|back\s+in)?\s*",
    re.IGNORECASE,
)


def _period_of_record(sent: _Sentence, near: int, start: int, end: int) -> Window | None:
    """The day or period a record's own words give it: inside the phrase ("its July record
    close of", "its Feb. 2 peak of") or right after the number (", set on Jan. 6", "from
    November 2021"); None for an intraday record or none named."""
    if re.search(r"(?i)intraday", sent.text[near : end + 40]):
        return None
    head = re.search(r"(?i)\b(?:its|their|the)\s+((?:(?!\b(?:its|their|the)\s).)*)$",
                     sent.text[near:start])  # fmt: skip
    tail = sent.text[end : end + 60]
    verb = _SET_ON.match(tail)
    pieces = [head.group(1)] if head else []
    if verb is not None and verb.group(0).strip(" ,"):
        pieces.append(re.split(r"[,;.](?:\s|$)", tail[verb.end() :])[0])
    for piece in pieces:
        if re.search(r"(?i)\bago\b", piece):
            continue  # "set two years ago this month": not this month
        found = _peak_period(piece, sent.as_of, sent.as_of)
        if found is not None:
            return Window(found[0], found[1], "window", piece.strip(), (0, 0))
    return None


_END_ONLY_WHY = "a change up to a day the text names, from a start it does not"
_COUNT_SINCE_WHY = "a count of Fed moves since a time the text does not date"
_SINCE_AFTER = re.compile(r"(?i)" + _NO_STOP + r"{0,60}?\bsince\s+(?:the|its|their|it|they)\b")
_ROUND_MARK = re.compile(r"\s+(?:mark|level|threshold|milestone|barrier|line)\b", re.IGNORECASE)
_FROM_EXTREME_BEFORE = re.compile(
    r"\bfrom\s+(?:the|its|their|that|this)\s+(?:[A-Za-z-]+\s+){0,2}?(?:low|high|peak|trough|bottom)s?\b"
    + _UNDATED,
    re.IGNORECASE,
)
_FROM_EXTREME_WHY = "measured from a peak or trough whose day the text does not give"
_UNADJUSTED_WHY = "a price on another basis than the split-adjusted data (before a stock split)"
# "On an unadjusted basis, Tesla had finished Wednesday at $891.29": not the adjusted series
_UNADJUSTED = re.compile(
    r"(?i)\b(?:un-?adjusted|pre-?split|before\s+(?:the|its)\s+(?:stock\s+)?split|"
    r"not\s+adjusted\s+for\s+(?:the\s+)?split)\b"
)
# "up 12% since its late-October low", "Since the October low, the index has climbed 12%"
_NAMED_LOW = re.compile(
    r"(?i)\b(?:from|off|since)\s+(?:its|their|the)\s+(?P<p>(?:[\w.,'\u2019-]+\s+){0,3}?)"
    r"(?:closing\s+)?(?:low|trough|bottom)s?\b(?!\s+(?:close\s+)?(?:on|of|in)\s)"
)


_RISE_NOUN = re.compile(
    r"(?i)(?:rebound|rally|rise|gain|climb|advance|recovery|bounce|jump|surge|run)\s+(?=from\b)"
)
# "from its closing low of 3,577.03 last October": that month's lowest close
_LOW_OF_A_PERIOD = re.compile(
    r"(?i)\b(?:from|off|since)\s+(?:its|their|the)\s+(?:closing\s+)?(?:low|trough|bottom)\s+of\s+"
    r"(?:about\s+|roughly\s+)?[$]?\d[\d.,]*%?\s+(?P<p>(?:(?:last|in|this)\s+)?"
    + month_re("m")
    + r"(?:\s+(?:19|20)\d\d)?|in\s+(?:19|20)\d\d)\b(?!\s+\d)"
)


def _end_of_rise(sent: _Sentence, low: tuple[int, int], pos: int) -> date | None:
    """The day a rise from a named low runs to: the one its words name ("to Friday's close",
    "By Aug. 16 ..."), else the day of writing; None for an end named in words not read
    ("to the last close of the year")."""
    outside = [w for w in sent.windows if not low[0] <= w.span[0] < low[1]]
    if re.match(r"\s+(?:to|through|until|into)\s", sent.text[low[1] :]):
        to = next((w for w in outside if w.span[0] >= low[1]), None)
        if to is None or to.span[0] - low[1] > 12:
            return None
        return to.end
    days = [w for w in outside if w.kind == "day" and w.span[1] <= pos]
    if days:
        return days[-1].end
    through = [  # "Since its October 2023 low, the S&P 500 has risen 33% through the end of June"
        w
        for w in outside
        if w.kind == "day"
        and re.match(r"(?i)(?:through|thru|until)\s", w.label)
        and 0 <= w.span[0] - pos <= 25
        and not re.search(r"[,;]", sent.text[pos : w.span[0]])
    ]
    if through:
        return through[0].end
    story = sent.story
    if (
        story is not None
        and story.kind == "window"
        and story.end < last_weekday(sent.as_of)
        and not _NOW_TENSE.search(sent.text)
    ):  # a review of 2025, out in January: "even after a 35% rebound from its April low"
        return story.end
    return sent.as_of


_NOW_TENSE = re.compile(r"(?i)\b(?:has|have|is|are|now|so\s+far|still)\b")


def _named_low(sent: _Sentence, start: int, end: int) -> tuple[date, date, tuple[int, int]] | None:
    """The period whose lowest close a rise is measured from, when the words name one right
    after the figure or in a phrase leading its clause; with its span."""
    rest = sent.text[end:]
    at = end + len(rest) - len(rest.lstrip())
    noun = _RISE_NOUN.match(sent.text, at)  # "a 35% rebound from its April low"
    at = noun.end() if noun else at
    found = _NAMED_LOW.match(sent.text, at) or _LOW_OF_A_PERIOD.match(sent.text, at)
    if found is None:
        lead = _NAMED_LOW.match(sent.text)  # "From its October low, the index climbed 15.8%"
        if (
            lead is not None
            and not re.search(  # (no other figure between)
                r"\d\s*(?:%|percent|points?\b)", sent.text[lead.end() : start]
            )
        ):
            found = lead
    if found is None or not found.group("p").strip():
        return None
    period = _peak_period(found.group("p"), sent.as_of, sent.as_of)
    if period is None:
        return None
    return period[0], period[1], found.span()


_COMPARISON = re.compile(r"\b(?:against|versus|vs\.?|compared|than|while|whereas)\b", re.I)
_BELOW_PEAK = re.compile(
    r"\bbelow\s+(?:its|their|the)\s+[\w\s-]{0,30}?\b(?:record|peak|all-time\s+high|high)\b", re.I
)
# "since March 2022, when the Fed lifted its rate off a floor of 0%-0.25%": that time's range
_ELSEWHEN_WHY = "a figure in a clause about another time the text does not date"
_START_LEVEL_WHY = "the level a move started from, on a day the text does not give"
_RUN_END_WHY = "the range a run of moves ended at, on a day the text does not give"
_FROM_A_TOLD_BASE = re.compile(  # "... from the 3.70% it closed at": the base's own day
    r"(?i)\s*(?:basis\s+points?\s+|bp\s+|points?\s+)?from\s+(?:the\s+|its\s+)?(?:about\s+)?"
    r"[$]?\d[\d,.]*%?\s+(?:it|they)\s+(?:closed|ended|finished|settled|stood|hit|reached|touched|"
    r"was|traded|fetched|yielded)\b"
)
_OWN_BASE_LEVEL = re.compile(
    r"(?i)\s+(?:points?\s+)?from\s+(?:the\s+|its\s+)?(?:about\s+|roughly\s+)?[$]?\d"
)
_ONE_DAY_WHY = "a one-day move whose day the text does not give"
_LOW_POINT_WHY = "a past low point whose day the text does not give"
_RUN_DAY_WHY = "a run of sessions ending on a day the text does not give"
_AT_THE_BOTTOM = re.compile(
    r"(?i)\bat\s+(?:the|its|their)\s+(?:bottom|low|lows|trough|worst)\b(?!\s+of\s+the\s+(?:day|session))"
)
# "down 31.1% for the year at the April low", "a 45.1% year-to-date loss in April": as of
# some day the text does not give
_AT_THE_BOTTOM_AFTER = re.compile(
    r"(?i)(?:\s+(?:for\s+the\s+year|year[-\s]to[-\s]date))?\s+at\s+(?:the|its|their)\s+"
    r"(?:[A-Z][a-z]+\s+)?(?:bottom|low|lows|trough)\b"
    r"|\s+year[-\s]to[-\s]date\s+(?:loss|gain|decline|drop|rise|advance|slump)\s+(?:in|during)\s+"
    + month_re("m")
    + r"\b"
)
_SESSIONS_ADJECTIVE = re.compile(
    r"(?i)(?:\d+|two|three|four|five|six|seven|eight|nine|ten)[-\s](?:day|session)\s"
)
_THAT_TIME_OF_DAY = re.compile(r"(?i)\bthat\s+(?:afternoon|morning|evening)\b")
_COMPARED_WHY = "a figure set against another whose period the text does not give"
_SOME_DAY_OF = re.compile(
    r"(?i)(?:(?:back|earlier|early|late)\s+)?(?:in|during)\s|(?:last|this)\s+" + month_re("m")
)
_REACHED = re.compile(
    r"(?i)\b(?:from|hit|hitting|reached|reaching|touched|touching|topped|topping|peaked\s+at|"
    r"bottomed\s+at|as\s+(?:high|low)\s+as|(?:level|reading)\s+of)\s+(?:the\s+)?(?:about\s+|roughly\s+|nearly\s+|"
    r"around\s+)?[$]?$"
)
_IT_REACHED = re.compile(
    r"(?i)\s+(?:it|they)\s+(?:hit|reached|touched|set|fetched|made|marked|struck)\b"
)
_LEAVING_IT = re.compile(
    r"(?i),\s+(?:leaving|putting)\s+(?:it|them|the\s+[\w&-]+(?:\s+[\w&-]+){0,2})\s+"
    r"(?:up|down|higher|lower)\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|just\s+)?"
)
_COMPARED_FOR = re.compile(  # "against 17.1% for the S&P 500", "against a 19% advance for ..."
    r"\s+(?:(?:gain|advance|rise|increase|climb|jump|loss|drop|decline|fall|slide|return)\s+)?"
    r"(?:for|in)\s+(?:the\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z0-9][\w&.'-]*){0,3}\s*(?:[,;.)]|and\b|$)"
)
_COMPARED_POSSESSIVE = re.compile(
    r"\b(?:ahead\s+of|behind|versus|vs\.?|compared\s+with|than|against|outpacing|trailing|lagging)"
    r"\s+(?:the\s+)?[^,;%]{0,40}['\u2019]s\s+(?:(?:gain|rise|advance|increase|loss|drop|decline|"
    r"return|slide)\s+of\s+)?(?:about\s+|roughly\s+|nearly\s+)?$",
    re.IGNORECASE,
)
_APPOSITIVE_CHANGE = re.compile(
    r",\s*(?:a|an)\s+(?:[\w-]+\s+)?(?:gain|drop|decline|loss|rise|fall|slide|advance|jump|"
    r"plunge|surge|climb|increase|decrease)\s+of\s+(?:about\s+|roughly\s+|nearly\s+)?[$]?$",
    re.IGNORECASE,
)
_A_RISE_OF = re.compile(
    r"(?i)\s*,\s*(?:a|an)\s+(?:[\w-]+\s+)?(?:rise|gain|increase|climb|jump|advance|decline|drop|"
    r"fall|slide|retreat)\s+of\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|some\s+)?|"
    r"\s*,\s*(?:up|down|higher|lower)\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+)?"
)
_CHANGE_AFTER_LEVEL = re.compile(
    r"(?:\s*,\s*(?:(?:up|down|off|higher|lower)\s+)?|\s+(?:after|on|with)\s+(?:a|an)\s+)"
    r"(?:about\s+|roughly\s+|nearly\s+|almost\s+)?[$]?",
    re.IGNORECASE,
)  # "ended the week at 3.70%, down 27 basis points", "closed at 20,675.38 after a 1.1% advance"
_DATED_CLOSE = re.compile(
    r"\b(?P<when>(?:monday|tuesday|wednesday|thursday|friday)|" + DATE_RE + r")(?:['\u2019]s)?\s+"
    r"(?:close|closing\s+(?:level|low|high|bottom|peak)|finish|settle|settlement|record(?:\s+close)?)"
    r"\s+(?:of|at)\s+"
    r"(?:about\s+|around\s+)?"
    r"[$]?\s*$",
    re.IGNORECASE,
)


_WHEN_AT = re.compile(
    r",\s*when\s+(?:it|they|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:closed|ended|finished|stood|settled|"
    r"was)\s+(?:at\s+)?(?:about\s+|around\s+)?[$]?$",
    re.IGNORECASE,
)


def _when_clause(sent: _Sentence, pos: int) -> Window | None:
    """'since the end of 2024, when it closed at 17.35': the level of the moment the
    time expression before it starts from."""
    m = _WHEN_AT.search(sent.text[max(0, pos - 60) : pos])
    if m is None:
        return None
    at = max(0, pos - 60) + m.start()
    before = [w for w in sent.windows if w.span[1] <= at and at - w.span[1] <= 3]
    if not before:
        return None
    w = before[-1]
    day = w.end if w.kind == "day" else w.start
    if w.kind == "window":
        day = last_weekday(w.start - timedelta(days=1))
    return Window(day, day, "day", w.label, w.span)


_CLAUSE_JOIN = re.compile(r",|;|\b(?:and|but)\b")  # "on Feb. 2 and then ...": a new clause
_THEN_AT = re.compile(r"(?i)\bthen\s+(?:\w+ly\s+)?[a-z]{3,}\b[^,;\d]{0,30}[$]?$")


def _then_after(sent: _Sentence, start: int, w: Window | None) -> bool:
    """A level reached in a clause led by "then", after a clause the day `w` dates."""
    then = _THEN_AT.search(sent.text[:start])
    return (
        then is not None
        and w is not None
        and w.kind == "day"
        and w.span[1] <= then.start()
        and bool(_CLAUSE_JOIN.search(sent.text[w.span[1] : then.start()]))
    )


_HAD_MOVED = re.compile(
    r"(?i)\bhad\s+(?:\w+ly\s+)?(?:[a-z]+ed|risen|fallen|sunk|slid|run\s+up)\s+(?:about\s+|"
    r"nearly\s+|roughly\s+|some\s+|almost\s+|more\s+than\s+)?$"
)


def _run_before(sent: _Sentence, start: int, w: Window | None) -> Window | None:
    """ "The S&P 500, which had climbed 6.1% over four straight sessions, dropped 2.4% on
    Thursday": a run told in the pluperfect ended the session before the day told of."""
    if (
        w is None
        or w.kind != "trailing"
        or not _HAD_MOVED.search(sent.text[max(0, start - 40) : start])
        or re.search(r"(?i)\b(?:through|to|ended|ending|before|since)\b|\(", w.label)
    ):  # ("had run up 11.5% in the five sessions through Tuesday": its own end)
        return w
    again = _recounted(w, previous_session(w.end))
    if again is None:
        return w
    return Window(again.start, again.end, "trailing", f"{w.label} (before {w.end:%b} "
                  f"{w.end.day})", w.span)  # fmt: skip


_A_MARKS_DAY = re.compile(
    r"(?i)\b(?:close|record|high|low|peak|level)(?:\s+of\s+[$]?\d[\d,.]*%?)?\s+(?:of|from|set\s+on)\s+$"
)
_AT_THAT_POINT = re.compile(r"(?i)\b(?:at\s+that\s+point|by\s+then|by\s+that\s+point)\b")


def _at_that_point(sent: _Sentence, w: Window | None) -> Window | None:
    """ "... closed at a record on Feb. 19. At that point the index was up 4.5% for the year":
    the period up to the day named before (in the sentence, else the one before it)."""
    point = _AT_THAT_POINT.search(sent.text)
    if point is None or w is None or w.kind != "window":
        return w
    days = [
        d
        for d in sent.windows
        if d.kind == "day"
        and d.span[1] <= point.start()
        and not _A_MARKS_DAY.search(sent.text[: d.span[0]])
    ]  # (not "the $122.44 close of June 5": the day of a mark it is measured against)
    day = days[-1] if days else sent.fallback[0] if sent.fallback is not None else None
    if day is None or day.kind != "day" or not w.start <= day.end < w.end:
        return w
    return Window(w.start, day.end, "window", f"{w.label} (to {without_on(day.label)})", w.span)


def _day_of_the_main_clause(sent: _Sentence, pos: int) -> Window | None:
    """ "... a 245.41-point slide on Tuesday, led by Apple, which lost 3.5% after a downgrade,
    and ...": a move in a relative clause with no time of its own is the main clause's day's."""
    inside = [(a, b) for a, b in sent.asides if a <= pos < b]
    if not inside or not re.match(r",\s+which\b", sent.text[inside[0][0] :]):
        return None
    days = [d for d in sent.windows if d.kind == "day" and d.span[1] <= inside[0][0]]
    if not days or _possessive(days[-1].label):
        return None
    return replace(days[-1], span=(pos, pos))


def _then_from_a_day(sent: _Sentence, start: int, end: int, w: Window | None) -> Window | None:
    """ "Alphabet closed at a record on Feb. 2 and then shed 16% by the end of March": from
    that day's close to the end the figure names, else to now."""
    then = _THEN_FROM_A_DAY.search(sent.text[:start])
    if then is None or (w is not None and then.start() <= w.span[0] < start):
        return None  # ("then on March 3 fell 2%": its own day)
    if (
        w is not None
        and w.span[0] >= end
        and not (w.kind == "day" and re.match(r"(?i)(?:by|through|until|to)\b", w.label))
    ):
        return None  # "then gave back 8.4% in December alone", "then dropped 2.3% on Thursday"
    days = [d for d in sent.windows if d.kind == "day" and d.span[1] <= then.start()]
    if not days:
        return None
    day = days[-1]
    between = sent.text[day.span[1] : then.start()]
    if not _CLAUSE_JOIN.search(between) or any(
        day.span[1] <= q.start < start for q in find_quantities(sent.text) if q.unit in ("%", "pts")
    ):  # ("on Tuesday it then rose 2%": Tuesday's; "fell 1% on Monday and then 2%": another's)
        return None
    after = w is not None and w.kind == "day" and w.span[0] >= end and w.end > day.end
    last = w.end if after and w is not None else sent.as_of
    label = f"since {without_on(day.label)}, then"
    return Window(day.end, last, "since", label, (start, start))


def _dated_close(sent: _Sentence, pos: int) -> Window | None:
    """The day a level is the close of, when the words right before it name it."""
    m = _DATED_CLOSE.search(sent.text[max(0, pos - 50) : pos])
    if m is None:
        return None
    at = max(0, pos - 50) + m.start()
    told = [  # as the sentence read it ("the Friday close", after a Friday it named: that one)
        w for w in sent.windows if w.kind == "day" and w.span == (at, at + len(m.group("when")))
    ]
    days = told or [w for w in find_windows(m.group("when"), sent.as_of) if w.kind == "day"]
    if len(days) != 1:
        return None
    return Window(days[0].end, days[0].end, "day", days[0].label, (at, at + len(m.group("when"))))


def _two_dated_ends(sent: _Sentence) -> Window | None:
    """'from $268.56 on Nov. 21 to $286.19 on Dec. 2, a gain of 6.6%': the move between them."""
    days = [d for d in sent.windows if d.kind in ("day", "since")]
    if len(days) != 2:
        return None
    a, b = days
    first = a.start if a.kind == "since" else a.end
    between = re.search(r"(?i)\bbetween\b[^,;]{0,30}$", sent.text[: a.span[0]])
    if not (
        (
            a.kind == "since"
            or re.search(r"(?i)\bfrom\b[^,;]{0,30}$", sent.text[: a.span[0]])
            or between
        )
        and b.kind == "day"
        and re.search(
            r"(?i)\b(?:and|to|by|through|until|till)\b[^,;]{0,12}$"
            if between
            else r"(?i)\b(?:to|(?<!ed\s)(?<!en\s)by|through|until|till)\b[^,;]{0,12}$",
            sent.text[a.span[1] : b.span[0]],
        )  # ("between its July 31 high and its Oct. 27 low"; not "helped by Thursday's jump")
        and first < b.end
    ):
        return None
    return Window(first, b.end, "since", f"{a.label} to {b.label}", (a.span[0], b.span[1]))


# a period the words name but finnews cannot place: "in election week", "during the selloff"
_A_PERIOD_PHRASE = re.compile(
    r"(?i)\b(?:in|during|over|for|across|throughout)\s+(?:the\s+|that\s+|this\s+)?"
    r"(?:[\w'-]+\s+){0,2}?(?:week|month|quarter|stretch|span|rally|sell-?off|rout|period|slump|"
    r"crash|panic|meltdown|run-up)\b"
)


def _unplaced(sent: _Sentence) -> bool:
    """The sentence opens with a period finnews cannot place ("In election week alone, ...")."""
    m = _A_PERIOD_PHRASE.match(sent.text, len(sent.text) - len(sent.text.lstrip()))
    return m is not None and not any(w.span[0] < m.end() for w in sent.windows)


_JOINED_DAYS = re.compile(
    r"(?i)(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday)(?:\s*,\s*(?:monday|tuesday|"
    r"wednesday|thursday|friday))*,?\s+and\s+(?:monday|tuesday|wednesday|thursday|friday)"
)


def _days_respectively(sent: _Sentence, statements: list[Statement]) -> dict[int, Window]:
    """ "gains of 0.8% and 1.5% on Tuesday and Wednesday, respectively": each figure its day,
    by the position of the figure (its start) before the coordinated days."""
    m = re.search(r"(?i),?\s+respectively\b", sent.text)
    if m is None:
        return {}
    run: list[Window] = []
    joined = [w for w in sent.windows if w.kind != "day" and _JOINED_DAYS.fullmatch(w.label)]
    if joined and re.fullmatch(r"[\s,]*", sent.text[joined[-1].span[1] : m.start()]):
        w = joined[-1]  # "on Wednesday and Thursday, respectively": one window, two days
        for part in re.split(
            r"(?i)\s*,\s*(?:and\s+)?|\s+and\s+", re.sub(r"(?i)^on\s+", "", w.label)
        ):
            run += [
                replace(d, span=w.span)
                for d in find_windows(f"on {part}", sent.as_of)
                if d.kind == "day"
            ]
    else:  # the days joined by "and" / commas right before "respectively"
        days = [w for w in sent.windows if w.kind == "day" and w.span[1] <= m.start()]
        for w in sorted(days, key=lambda w: w.span, reverse=True):
            end = run[0].span[0] if run else m.start()
            if not re.fullmatch(
                r"(?i)\s*(?:,\s*)?(?:and\s+)?(?:on\s+)?", sent.text[w.span[1] : end]
            ):
                break
            run.insert(0, w)
    figures = (
        [st for st in statements if st.role in ("pct", "pts") and st.q.end <= run[0].span[0]]
        if run
        else []
    )
    if len(run) < 2 or len(figures) < len(run):
        return {}
    return {st.q.start: w for st, w in zip(figures[-len(run) :], run, strict=True)}


# "That works out to a decline of 10.2%", "That's a 5.7% drop": a change that sums up the
# levels the sentence before told
_SUMS_UP_OPENS = (
    r"(?i)^\W*(?:that|this)(?:\s+(?:works\s+out\s+to|amounts\s+to|comes\s+to|adds\s+up\s+to|"
    r"is|was|represents|marks|means)|['\u2019]s)\s+(?:a|an)\s+(?:[\w-]+\s+)?"
)
_HEDGED = r"(?:about\s+|roughly\s+|nearly\s+|almost\s+|some\s+|just\s+(?:over|under)\s+)?[$]?"
_SUMS_UP_HEAD = re.compile(_SUMS_UP_OPENS + _HEDGED)  # "That's a 10.2% drop"
_SUMMED_CHANGE = (
    r"(?:gain|drop|decline|loss|rise|fall|slide|advance|jump|climb|increase|decrease|retreat|"
    r"pullback|rebound|slump|selloff|sell-off)"
)
_SUMS_UP = re.compile(_SUMS_UP_OPENS + _SUMMED_CHANGE + r"\s+of\s+" + _HEDGED + "$")
_SUMS_UP_NOUN_AFTER = re.compile(r"(?i)\s*(?:points?\s+)?" + _SUMMED_CHANGE + r"\b")
_TO_A_PEAK = re.compile(
    r"(?i)\b(?:to|until|through)\s+(?:the|its|their)\s+(?:[\w.]+\s+){0,2}?(?:record|peak|high|top|"
    r"low|bottom|trough)s?\b"
)
_TO_EXTREME_WHY = "a change up to a peak or trough whose day the text does not give"
_STANDS_NOW = re.compile(r"(?i)\b(?:is|are)\s+(?:now\s+|still\s+)?(?:up|down|off|higher|lower)\b")
_SUMS_UP_WHY = "a change that sums up figures told before, between days the text does not give"


_A_SPAN_OF_YEARS = re.compile(
    r"(?i)\s+(?:in|over|across)\s+(?:a\s+little\s+|just\s+|roughly\s+|about\s+|nearly\s+|"
    r"almost\s+)?(?:under|over|more\s+than|less\s+than)?\s*(?:\w+|\d+)\s+(?:years|months)\b"
)


def _between_told_levels(
    told: list[tuple[tuple[str, Symbol], Window]],
) -> tuple[tuple[str, Symbol], Window] | None:
    """The subject and span between the last two dated levels the sentence before told,
    when both are the same subject's on different days."""
    if len(told) < 2:
        return None
    (subject, a), (other, b) = told[-2], told[-1]
    if subject[1].ticker != other[1].ticker or not a.end < b.end:
        return None
    return other, Window(a.end, b.end, "since", f"from {without_on(a.label)} to "
                         f"{without_on(b.label)}", (0, 0))  # fmt: skip


def _between_levels(levels: list[tuple[str | None, Window]], st: Statement) -> Window | None:
    """The span between the last two dated levels of the figure's subject, when they are on
    different days: the change an appositive after them ("a fall of 23.1%") sums up."""
    ticker = st.subject[1].ticker if st.subject else None
    mine = [w for t, w in levels if t == ticker and ticker is not None]
    if len(mine) < 2 or not mine[-2].end < mine[-1].end:
        return None
    a, b = mine[-2], mine[-1]
    return Window(a.end, b.end, "since", f"{a.label} to {b.label}", (a.span[0], b.span[1]))


# "finished flat after a 7.3% plunge on Aug. 1": a figure in an adjunct of the main clause
_IN_ADJUNCT = re.compile(
    r"(?i)\b(?:after|following|despite|before|since)\s+(?:a|an|its|their|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:about\s+|nearly\s+|roughly\s+)?[$]?$"
)
_COORDINATED = re.compile(r"^[\s,]*(?:and|while|but|whereas|with)\b", re.IGNORECASE)


def _AT_CLOSE_OF(text: str, d: Window) -> bool:  # noqa: N802 - reads like the phrase
    """ "At Tuesday's close", "by the close on April 8": a day whose close the sentence's
    figures are measured at."""
    before, after = text[: d.span[0]], text[d.span[1] :]
    return bool(
        re.search(r"(?i)\b(?:by|at|as\s+of)\s+the\s+close\s+(?:(?:on|of)\s+)?$", before)
        or re.search(  # "By the time the books closed on Tuesday, March 31, ..."
            r"(?i)^\W*by\s+the\s+time\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:closed|ended|"
            r"finished|shut)\s+(?:on\s+)?$",
            before,
        )
        or (
            _possessive(d.label)
            and re.search(r"(?i)\b(?:by|at|as\s+of)\s+$", before)
            and re.match(r"(?i)\s+(?:close|finish)\b", after)
        )
    )


def _aside_of_another(text: str, at: int, pos: int) -> bool:
    """True when `at` lies in a relative clause ("Apple, which had lost a fifth of its value
    through Friday, is up 5.9%") that the number at pos is not in."""
    segments = _segments(text)
    seg = next((sg for sg in segments if sg[0] <= at < sg[1]), None)
    return (
        seg is not None
        and not seg[0] <= pos < seg[1]
        and bool(re.match(r"\s*(?:which|who|whose)\b", text[seg[0] : seg[1]], re.I))
    )


_A_MOVE_VERB = re.compile(r"\s*(?:" + P.MOVE_WORDS + r")\b", re.IGNORECASE)


def _listed_clause(sent: _Sentence, pos: int) -> bool:
    """ "rallied 1.7% over the week, the Nasdaq jumped 1.6% and the Dow climbed 2.3%": a
    clause in a list of like clauses (a subject, then its verb of change) after a comma."""
    start = _segment_start(sent.text, pos)
    if start == 0 or sent.text[start - 1] != ",":
        return False
    names = [m for m in sent.symbols if start <= m[0] < pos]
    return bool(
        names
        and re.fullmatch(r"\s*(?:the\s+)?", sent.text[start : names[0][0]])
        and _A_MOVE_VERB.match(sent.text, names[0][1])
        and re.search(r"\band\b", sent.text[names[0][1] :])  # a list: "... and the Dow"
    )


def _segment_start(text: str, pos: int) -> int:
    return next((a for a, b in _segments(text) if a <= pos < b), 0)


# "down 34 basis points from 4.57% at the end of last year": the base level and its day
_FROM_A_LEVEL_AT = re.compile(
    r"\s+(?:from|since)\s+(?:the\s+|its\s+|their\s+)?"
    # "from its 2023 closing low of 1,718.81 on May 4"
    r"(?:(?:[\w-]+\s+){0,3}?(?:low|high|close|bottom|trough|peak|record|finish)\s+of\s+)?"
    r"(?:about\s+|roughly\s+)?[$]?\d[\d.,]*\s*%?"
    r"\s+(?:(?:close|closing\s+level|level|finish)\s+)?"
    # "bounced 82% from the $108.10 it fetched on Jan. 3": from that day's close
    r"(?:(?:it|they)\s+(?:fetched|hit|reached|set|touched|closed\s+at|ended\s+at)\s+)?"
    r"(?:(?:at|on|as\s+of)\s+)?",
    re.IGNORECASE,
)


_IT_AFTER_A_COLON = re.compile(r"(?i)\s*(?:it|they)\s+(?!will\b|would\b|could\b|may\b)\w+")
# "the emergency cut of a full percentage point": one move of that size (March 2020 had one)
_ONE_MOVE_OF = re.compile(r"(?i)\b(?:cut|hike|increase|reduction|move)\s+of\s+(?:a\s+)?$")


def _base_day_after(sent: _Sentence, end: int) -> Window | None:
    """The day of the base level named right after a change, if any."""
    for d in sent.windows:
        if (
            d.kind == "day"
            and d.span[0] > end
            and _FROM_A_LEVEL_AT.fullmatch(sent.text[end : d.span[0]])
        ):
            return d
    return None


def _statements(sent: _Sentence, ctx: _Discourse) -> list[Claim]:
    if not re.search(r"\b[a-z]{2,}\b", sent.text) and not re.match(
        r"^\W{0,3}(?:[-\u2022*]\s+[A-Z][\w&.' -]*:\s|(?:[-\u2022*]\s+)?[A-Z][\w&.' -]*"
        r"\(\s*[-+\u2212]\d)",  # "- Meta Platforms: +7.5%", "Meta Platforms (+46.2%)"
        sent.text,
    ):
        return []  # a ticker strip or a table row, not a statement ("- Meta Platforms: +7.5%" is)
    words = [w.span for w in sent.windows] + [(m[0], m[1]) for m in find_symbols(sent.text)]
    quantities = [
        q
        for q in find_quantities(sent.text)
        if not any(q.start < we and ws < q.end for ws, we in words)
    ]
    reading = Reading(
        text=sent.text,
        offset=sent.offset,
        symbols=sent.symbols,
        windows=sent.windows,
        quantities=quantities,
        carried=ctx.subject,
        carried_window=ctx.section,
        taken=list(sent.taken),
        guessed=sent.guessed,
    )
    out = []
    last_change: tuple[Window, str] | None = None
    last_end = 0  # where the last change's figure ends
    last_window: tuple[Window, str] | None = None
    first_window: tuple[Window, str] | None = None
    level_end: int | None = None
    level_ticker: str | None = None  # whose level that was
    level_window: tuple[Window, str] | None = None
    began_at: Window | None = None  # "began the year at 3.88%": where a later change starts
    period_of_level: Window | None = None
    change_subject: str | None = None  # the ticker of the last change (a level after it is its)
    levels: list[tuple[str | None, Window]] = []  # the dated levels so far, with their tickers
    told_before, ctx.told_levels = ctx.told_levels, []
    statements = read_statements(reading)
    each_day = _days_respectively(sent, statements)
    for st in statements:
        w = each_day.get(st.q.start) or sent.window(st.q.start, st.q.end)
        if w is None and st.role in ("pct", "pts"):
            w = _day_of_the_main_clause(sent, st.q.start)
        if w is not None and _EVENT_NOUN_BEFORE.search(sent.text[: w.span[0]][-40:]):
            w = None  # "hopes of a rate cut in September, and the S&P 500 rose 0.8%": the cut's
        if (
            w is not None
            and w.kind == "day"
            and st.role in ("pct", "pts", "yield_bp")
            and (sent.as_of - w.end).days > 7
            and _PERFECT.search(sent.text[max(0, st.q.start - 40) : st.q.start])
        ):  # "The Dow, whose low came on Sept. 30, 2022, has gained 58.3%": since that day
            w = Window(w.end, sent.as_of, "since", f"since {without_on(w.label)}", w.span)
        if (
            st.role in ("pct", "pts")
            and last_change is not None
            and last_change[0].kind in ("since", "window")
            and last_change[0].end < last_weekday(sent.as_of)
            and (w is None or (w.kind == "day" and w.end >= last_weekday(sent.as_of)))
            and _THEN_MOVED.search(sent.text[last_end : st.q.start])
        ):  # "lost 10.3% through Oct. 27, ..., before rebounding 15.5%": from Oct. 27 on
            day = last_change[0].end
            w = Window(day, sent.as_of, "since", f"since {day:%b} {day.day} (the move before)",
                       (st.q.start, st.q.start))  # fmt: skip
        if st.role in ("pct", "pts"):
            w = _then_from_a_day(sent, st.q.start, st.q.end, w) or w
            w = _run_before(sent, st.q.start, w)
            w = _at_that_point(sent, w)
        summed = (
            st.role in ("pct", "pts")
            and (
                _SUMS_UP.search(sent.text[: st.q.start])
                or _SUMS_UP_NOUN_AFTER.match(sent.text, st.q.end)
                and _SUMS_UP_HEAD.fullmatch(sent.text[: st.q.start])
            )
            is not None
            and not any(d.span[0] < st.q.end + 30 for d in sent.windows)
        )  # (not "That is a gain of 3% for the week": its own period)
        sums = _between_told_levels(told_before) if summed else None
        if sums is not None and _A_SPAN_OF_YEARS.match(sent.text, st.q.end):
            sums = None  # "That is a gain of 117.7% in a little under four years": not the
            # span between the last two levels told (Thursday's and Friday's)
        if sums is not None:  # "... finished Friday at 5,344.16. That amounts to a drop of 5.7%"
            st.subject, w = sums[0], replace(sums[1], span=(st.q.start, st.q.start))
        compared = (
            st.role == "pct"
            and w is None
            and bool(COMPARED_BEFORE.search(sent.text[max(0, st.q.start - 90) : st.q.start]))
            and bool(_COMPARED_FOR.match(sent.text[st.q.end :]))
        )  # "up 4.8% in 2024, against 17.1% for the S&P 500": the same period
        when = None
        if st.role in ("level", "yield_level") and _then_after(sent, st.q.start, w):
            w = None  # "a touch below where it settled on Tuesday, then climbed as high as"
        if st.role in ("level", "yield_level"):
            w = _dated_close(sent, st.q.start) or w  # "up from Friday's close of 14.85"
            when = _when_clause(sent, st.q.start)
        gap_window = last_change if st.role == "gap" else None
        own_base = st.gapped and bool(_OWN_BASE_LEVEL.match(sent.text, st.q.end))
        if (
            gap_window is not None
            and w is not None
            and w is not gap_window[0]
            and 0 <= w.span[0] - st.q.end <= 12
        ):  # "beating the S&P 500 by 7.6 points in December alone": the gap's own period
            gap_window = (w, "explicit")
        if st.role in ("pct", "pts"):  # "from a record on Feb. 12 ... 37.1% by the March 23 close"
            two = sent.two_dated_ends
            if (
                two is not None
                and (w is None or two.span[0] <= w.span[0] <= two.span[1])
                and not any(  # "fell 1.3%, extending a slide that cut 15.2% between ...": 15.2%'s
                    st.q.end <= o.start < two.span[0] or two.span[1] <= o.start < st.q.start
                    for o in find_quantities(sent.text)
                    if o.unit in ("%", "bp")
                )
            ):
                w = two
        if st.one_day and (w is None or w.kind != "day"):
            days = [d for d in sent.windows if d.kind == "day" and not _compared(sent.text, d)]
            before = [d for d in days if d.span[1] <= st.q.start]  # ("..., and it peaked the
            w = days[0] if len(days) == 1 else before[0] if len(before) == 1 else w  # next day")
        base_day = (
            _base_day_after(sent, st.q.end) if st.role in ("pct", "pts", "yield_bp") else None
        )
        same = (
            _SAME_SPAN.match(sent.text, st.q.end + 1)
            if st.role in ("pct", "pts", "yield_bp")
            and last_change is not None
            and last_change[1] == "explicit"  # (not "The Nasdaq was up 10.1% and the Dow 5.3%
            else None  # over the same span": both the span of the sentence before)
        )
        if when is not None:
            w, source = when, "carried"  # "since the end of 2024, when it closed at 17.35"
        elif (
            st.role in ("pct", "pts", "yield_bp")
            and last_change is not None
            and last_change[0].kind != "day"
            and last_change[1] == "explicit"
            and (
                (
                    w is not None
                    and w.kind == "day"
                    and w.span[1] <= st.q.start
                    and re.search(
                        r"(?i)(?:^|[,;]\s*)by\s+$", sent.text[max(0, w.span[0] - 6) : w.span[0]]
                    )
                )  # "By Friday the 2-year had settled at 4.66%, up 25 bp on the week, while
                # the 10-year rose 15 bp": as of Friday (not "capped by Friday's 10% tumble")
                or (
                    w is None
                    and _WHILE_CLAUSE.search(sent.text[last_end : st.q.start])
                    and not re.search(r",\s+\w+ing\b[^;]*$", sent.text[: last_change[0].span[0]])
                )  # "..., up about 8 bp on the week, while the 2-year slipped 2 bp" (but not
                # after "..., bringing its loss for the week to 3.6%": an aside's period)
            )
        ):  # a change in a later clause with no time of its own: over the period told before
            w, source = last_change
        elif same is not None and last_change is not None:
            # "fell 5.5% from its March 28 record ..., while the Nasdaq-100 slid 6.7% over the
            # same stretch": the first figure's span, which the second only borrows
            was = last_change[0]
            label = f"{same.group(0)} ({was.label})"
            w, source = Window(was.start, was.end, was.kind, label, same.span()), "carried"
        elif base_day is not None:  # "ended June at 4.23%, down 34 bp from 4.57% at the end
            # of last year": from that day to the level's
            mark = (
                level_window is not None
                and level_end is not None
                and level_end <= st.q.start
                and level_ticker == (st.subject[1].ticker if st.subject else None)
            )  # (another index's level before it says nothing of this change's end)
            end = level_window[0].end if mark and level_window else sent.as_of
            label = "from " + re.sub(r"(?i)^(?:on|at|as\s+of)\s+", "", base_day.label)
            w, source = Window(base_day.end, end, "since", label, base_day.span), "explicit"
        elif (
            st.role in ("pct", "pts", "yield_bp")
            and began_at is not None
            and level_end is not None
            and level_window is not None
            and level_window[0].end > began_at.end
            and 0 <= level_end - level_window[0].span[0] <= 40  # its own: "ended September at"
            and _A_RISE_OF.fullmatch(sent.text[level_end : st.q.start])
        ):  # "began the year at 3.88%, ended September at 4.57%, a rise of roughly 70 bp"
            label = f"{began_at.label}, then {level_window[0].label}"
            w, source = (
                Window(began_at.end, level_window[0].end, "since", label, w.span if w else (0, 0)),
                "explicit",
            )
        elif gap_window is not None:
            w, source = gap_window  # a gap is measured over the change it compares
        elif (
            st.role == "pct"
            and level_end is not None
            and _APPOSITIVE_CHANGE.search(sent.text[max(0, st.q.start - 40) : st.q.start])
            and (between := _between_levels(levels, st)) is not None
        ):  # "which closed at $242.40 that day, ended Thursday at $186.48, a fall of 23.1%"
            w, source = between, "explicit"
        elif (
            st.gapped
            and last_change is not None
            and (
                w is None
                or (w.span == last_change[0].span and st.q.start not in each_day)
                or w.span[1] <= last_change[0].span[0]  # "After Monday's losses, ... is up
            )  # 1.9% for 2025 and the Nasdaq just 0.4%": the year's, not Monday's
            and not own_base  # (not "and 14.5% from the 1,649.84 it hit in June")
        ):  # "up 18% since January and the Nasdaq roughly 19%"; "has risen 90 bp since
            w, source = last_change  # Sept. 18 and the 2-year 66": the window the first took
        elif (
            st.role in ("pts", "pct")
            and last_change is not None
            and re.search(r"(?i),?\s+or\s+(?:about\s+|roughly\s+)?$", sent.text[: st.q.start])
            and (st.role == "pts" or w is None or last_change[0].span[0] > w.span[0])
        ):
            w, source = last_change  # "gained 24.2% for the year, or 930.33 points", "ended
            # August down 175.29 points, or 4.2%"
        elif (
            st.role in ("level", "yield_level")
            and not st.base
            and last_change is not None
            and change_subject == (st.subject[1].ticker if st.subject else None)
            and _LEVEL_AFTER_CHANGE.search(sent.text[max(0, st.q.start - 30) : st.q.start])
            and (w is None or w.span[0] < last_change[0].span[0])
        ):
            change_w, source = last_change  # "fell 10 bp over the month to end at 4.18%"
            day = last_session(change_w.end)  # "over the week", written on Saturday
            w = Window(day, day, "day", change_w.label, change_w.span)
            period_of_level = change_w
        elif (
            st.base
            and last_window is None
            and (period := w or sent.story) is not None
            and period.kind == "window"
            and st.role in ("level", "yield_level")
        ):  # "In 2022, the 10-year yield climbed from 1.51% to 3.88%": where 2022 began
            day = last_weekday(period.start - timedelta(days=1))
            label = f"before {without_on(period.label)}"
            w, source = Window(day, day, "day", label, period.span), "carried"
        elif st.base and last_window is not None and (w is None or w is last_window[0]):
            main, main_source = last_window
            day = main.start if main.kind != "day" else main.end
            day = last_weekday(day - timedelta(days=1))
            label = f"before {without_on(main.label)}"
            w, source = Window(day, day, "day", label, main.span), "carried"
        elif (
            w is None
            and st.role in ("pct", "pts", "yield_bp")
            and level_end is not None
            and level_window is not None
            and _CHANGE_AFTER_LEVEL.fullmatch(sent.text[level_end : st.q.start])
        ):
            w, source = level_window  # "ended the week at 3.70%, down 27 basis points"
        elif (
            w is not None
            and (
                w.kind == "since"
                or w.label.lower().startswith(("since the end", "since the close"))
            )
            and st.role in ("pct", "pts", "yield_bp")
            and level_end is not None
            and level_window is not None
            and w.start < level_window[0].end < w.end
            and _CHANGE_AFTER_LEVEL.fullmatch(sent.text[level_end : st.q.start])
        ):  # "ended the quarter at 4.31%, about 12 basis points above where it began the year"
            at = level_window[0]
            through = f"{at.end:%b} {at.end.day}, {at.end.year}"
            w = Window(w.start, at.end, w.kind, f"{w.label} (through {through})", w.span)
        elif (
            w is None
            and first_window is not None
            and first_window[1] in ("explicit", "carried")
            and (
                _COORDINATED.match(sent.text[_segment_start(sent.text, st.q.start) :])
                or _listed_clause(sent, st.q.start)
            )
        ):
            w, source = first_window  # a coordinated clause shares the main clause's date
            later = [
                d
                for d in sent.windows
                if w.span[1] <= d.span[0] < st.q.start and _AND_THEN.search(sent.text[: d.span[0]])
            ]
            if later and source == "explicit":  # "..., and in 2024 it was 10% against 23.3%"
                w = later[-1]
        elif (
            st.role == "pct"
            and last_change is not None
            and (w is None or w.span[1] <= last_change[0].span[0])
            and (
                _COMPARED_POSSESSIVE.search(sent.text[max(0, st.q.start - 60) : st.q.start])
                or (
                    compared
                    and last_change[1] == "explicit"
                    and not _NOW.fullmatch(last_change[0].label)
                )
            )
        ):
            w, source = last_change  # "up 2.2% in 2025, well ahead of the Nasdaq's 1.1%"
            compared = False  # it has the period of the figure it is compared with
        elif (
            w is None
            and st.role in ("pct", "pts")
            and last_change is not None
            and _APPOSITIVE_CHANGE.search(sent.text[max(0, st.q.start - 40) : st.q.start])
        ):
            w, source = last_change  # "... 19% off the price since April 11, a drop of $32.55"
        elif ctx.intraday and w is None and ctx.section is None and sent.fallback is None:
            day = last_weekday(ctx.as_of)  # written during the session: "today"
            w, source = Window(day, day, "day", "the session it was written in", (0, 0)), "default"
        else:
            w, source = sent.resolve(w, st.q.start)
        that_time = source == "default" and bool(_THAT_TIME_OF_DAY.search(sent.text))
        if w.kind in ("since", "trailing", "window") and _FROM_MONTH_END.match(w.label):
            ended = [
                d
                for d in sent.windows
                if d.kind == "window"
                and FINISHED_MONTH.match(d.label)
                and w.start <= d.end < w.end
                and d.span[1] <= st.q.start
            ]
            if ended:  # "finished March at 22.28, up 2.65 points from the end of February"
                w = Window(
                    w.start, ended[-1].end, w.kind, f"{w.label} to {ended[-1].label}", w.span
                )
        base = next(
            (
                d
                for d in sent.windows
                if d.kind == "day"
                and d.span[1] <= st.q.start
                and _FROM_A_CLOSE_OF.search(sent.text[: d.span[0]])
            ),
            None,
        )
        if (
            base is not None
            and st.role in ("pct", "pts")
            and (w.span == base.span or _NOW.fullmatch(w.label))
            and not any(base.span[1] <= o.span[0] < st.q.start for o in sent.windows)
        ):  # "Measured from its close of $88.91 on Nov. 3, 2022, ... it has gained 434%"
            label = f"from {without_on(base.label)}"
            w, source = Window(base.start, sent.as_of, "since", label, base.span), "explicit"
        if (
            st.role in ("pct", "pts", "yield_bp")
            and w.kind == "day"
            and w.end < sent.as_of
            and DATES_A_BASE.search(sent.text[: w.span[0]])
            and not re.search(r"(?i)\b(?:when|that\s+day)\b", sent.text[w.span[1] : st.q.start])
        ):  # "fell to 2.89% from 2.97% late Thursday, a drop of 8 basis points": since then
            # (not "up from 4.53% on Monday, when it fell about 10 basis points": Monday's)
            day = last_session(sent.as_of)
            if next_session(w.end) == day:  # (one session: that day's move)
                w = Window(day, day, "day", f"the session after {without_on(w.label)}", w.span)
            else:
                w = Window(w.end, sent.as_of, "since", f"from {without_on(w.label)}", w.span)
            source = "explicit"
        into = next(
            (
                d
                for d in sent.windows
                if _INTO_DAY.match(d.label)
                or (
                    d.kind == "day"
                    and re.search(r"(?i)\b(?:through|as\s+of)\s+$", sent.text[: d.span[0]])
                )
            ),
            None,
        )  # "entered Tuesday down 21.6% for the year", "Through Wednesday, ... for the year"
        if (
            into is None
            and ctx.told_day is not None
            and _AFTER_THAT_MOVE.match(sent.text)
            and not any(d.kind == "day" and not _NOW.fullmatch(d.label) for d in sent.windows)
        ):  # "Even after that slide, it remained up 12% since January": as of that slide's day
            into = ctx.told_day
        closing = into or next(
            (d for d in sent.windows if d.kind == "day" and _AT_CLOSE_OF(sent.text, d)), None
        )  # "At Tuesday's close ...", "By the close on April 8, ..."
        if into is None and closing is not None and w.kind != "day":
            into = closing  # it dates a period's figure, not another day's
        if (
            into is not None
            and into.span[1] <= st.q.start
            and (w.end > into.end or (source != "explicit" and w.kind == "day"))
            and not (w.kind == "day" and w.end > into.end and w.span[0] > st.q.end)
            # (not "down 14.3% for the year as of April 19, before a 7.3% jump on June 11")
            and not _FINISHED_THE.match(w.label)  # "..., and it finished the month up 10.1%"
            and not _aside_of_another(sent.text, into.span[0], st.q.start)
            and ";" not in sent.text[into.span[1] : st.q.start]
            and not _THEN_A_MOVE.search(sent.text[into.span[1] : st.q.start])  # "before rebounding"
            and not re.search(  # "not far from where it began the quarter": a base, not a day
                r"(?i)\bwhere\s+(?:it|they|the\s+[\w-]+)\s+$",
                sent.text[max(0, into.span[0] - 30) : into.span[0]],
            )
        ):
            # "entered Tuesday down 21.6% for the year", "began the day 8% below its record":
            # as of the close before that day
            start = w.start if w.kind != "day" else into.end
            if w.kind == "trailing":  # "over the three months", counted back from that day
                again = _recounted(w, into.end)
                start = again.start if again is not None else start
            w = Window(start, into.end, w.kind, w.label, w.span)
        no_base = False
        if into is not None and w.span == into.span and st.role in ("pct", "pts"):
            # "down 5% since Dec. 31 after entering Friday off more than 10%": the standing on
            # entering Friday, counted from the base the sentence names; with none, no base
            bases = [
                d
                for d in sent.windows
                if d.kind != "day"
                and d.start < into.end
                and not (  # (not "added 1.1% through Friday ..., lifting its 2025 gain to 14.2%")
                    d.span[0] > st.q.end
                    and re.search(r"\d[^;]*,\s+[a-z]+ing\b", sent.text[st.q.end : d.span[0]])
                )
            ]
            base = min(  # the nearest before the figure, else the nearest after it
                bases,
                key=lambda d: (d.span[0] > st.q.start, abs(d.span[0] - st.q.start)),
                default=None,
            )
            if base is not None:
                w = Window(base.start, into.end, base.kind, base.label, base.span)
            else:
                no_base = True
        if st.role in ("pct", "pts") and w.kind in ("since", "trailing") and source == "explicit":
            until = next(
                (
                    d
                    for d in sent.windows
                    if d.kind == "day"
                    and d.span[0] > st.q.end
                    and w.start < d.end < w.end
                    and re.fullmatch(r"(?i)\s+to\s+[^;]{0,45}", sent.text[st.q.end : d.span[0]])
                ),
                None,
            )
            if until is not None:  # "From the end of July, slid 10.3% to a close of ... on Oct. 27"
                w = Window(w.start, until.end, w.kind, f"{w.label} to {until.label}", w.span)
        if (
            source == "explicit"
            and w.kind == "window"
            and (w.end - w.start).days > 300
            and any(28 <= (o.end - o.start).days <= 31 and o is not w for o in sent.windows)
        ):  # "lost 9.3% in September 2022 ... last year with a 2% gain": last year's September?
            source = "carried"
        if (
            st.role in ("pct", "pts", "yield_bp")
            and source == "explicit"
            and _NOW.fullmatch(w.label)
        ):  # "is now up 0.7%": now, but since when? A change needs a base the words do not give
            source = "default"
        if not st.base:
            last_window = (w, source)
            if not _IN_ADJUNCT.search(sent.text[max(0, st.q.start - 40) : st.q.start]):
                first_window = first_window or (w, source)  # (not "flat after a 7.3% plunge")
        if st.role in ("pct", "pts", "yield_bp"):
            last_change, last_end = (w, source), st.q.end
            change_subject = st.subject[1].ticker if st.subject else None
        level_end = st.q.end if st.role in ("level", "yield_level") and not st.base else None
        if level_end is not None:
            level_ticker = st.subject[1].ticker if st.subject else None
        if st.role == "level" and w.kind == "day":
            levels.append((st.subject[1].ticker if st.subject else None, w))
            if st.subject is not None:
                ctx.told_levels.append((st.subject, w))
        level_window = (period_of_level or w, source) if level_end is not None else None
        if level_end is not None and w.kind == "day" and _BEGAN_THE.search(w.label):
            began_at = w
        period_of_level = None
        if source == "explicit" and w.kind == "day":
            ctx.day = w
        named_day = w.kind == "day"
        period_start = w.start if w.kind == "window" else None
        if st.role in ("level", "yield_level") and w.kind != "day":
            last = last_session(w.end)  # "ended the week at 14.74", written on Saturday: Friday
            w = Window(last, last, "day", w.label, w.span)
        claim = as_claim(st, reading, w, source, ctx.as_of)
        if st.negated and claim.bound is not None:
            if named_day and _AT_THE_CLOSE.search(sent.text[max(0, st.q.start - 40) : st.q.start]):
                # "did not close above 7,000 on Wednesday": it closed at or below
                claim = claim.model_copy(
                    update={"bound": "below" if claim.bound == "above" else "above"}
                )
            else:  # "never managed a close above 7,000 in 2025": on no day of it
                claim = claim.model_copy(update={"unsettled": _DENIED_WHY})
        if period_start is not None and (
            (st.bound and st.role == "level")
            or (
                st.role in ("level", "yield_level")
                and _SOME_DAY_OF.match(w.label)
                and (
                    _REACHED.search(sent.text[max(0, st.q.start - 30) : st.q.start])
                    or _IT_REACHED.match(sent.text, st.q.end)  # "the 1,649.84 it hit in June"
                )
            )
        ):  # "above 50,000 in February", "down from 5.11% in October": on some day of it
            claim = claim.model_copy(update={"start": period_start})
        if (
            st.one_day
            and (st.role == "pts" or st.role == "yield_bp" and w.kind != "day")
            and (w.kind != "day" or source != "explicit")
            and not claim.unsettled
        ):
            # "jumped 2,962.86 points, its biggest one-session gain", "10 basis points, the
            # largest one-day rise since April": which session? (a percent move is looked for
            # among the period's sessions instead)
            claim = claim.model_copy(update={"unsettled": _ONE_DAY_WHY})
        if that_time and not claim.unsettled:  # "and the S&P 500 fell 2.9% that afternoon":
            claim = claim.model_copy(update={"unsettled": _ONE_DAY_WHY})  # which day's?
        if own_base and base_day is None and not claim.unsettled:
            # "..., and 14.5% from the 1,649.84 it hit in June of last year": from which day?
            claim = claim.model_copy(update={"unsettled": _START_LEVEL_WHY})
        if no_base and not claim.unsettled:  # "entered Friday up 6.2%": up since when?
            claim = claim.model_copy(update={"unsettled": _NO_BASE_WHY})
        if compared:  # "a return of 925%, against 164% for the S&P 500": since when?
            claim = claim.model_copy(update={"unsettled": _COMPARED_WHY})
        near = max(0, st.q.start - 60)
        if (
            st.role in ("level", "yield_level")
            and _RECORD_OF.search(sent.text[near : st.q.start])
            and not (
                source == "explicit"
                and named_day
                and w.span[0] >= near
                and not re.search(r"\d", sent.text[w.span[1] : st.q.start])
            )  # (but "closed Friday at $118.04, 7.3% below its record of $127.38": not Friday's)
        ):  # "its record close of 45,014.04": which day?
            period = _period_of_record(sent, near, st.q.start, st.q.end)
            if st.role == "yield_level":  # "its closing high for the year is 4.98%": which day?
                claim = claim.model_copy(update={"unsettled": _RECORD_OF_WHY})
            elif period is not None:  # "its December record of 45,014.04", "..., set on Jan. 6"
                low = bool(re.search(r"(?i)\b(?:low|lowest|trough|bottom)\b",
                                     sent.text[near : st.q.start]))  # fmt: skip
                claim = _as_extreme_of(claim, period, low=low, period=period.label,
                                       window_source="explicit")  # fmt: skip
            elif re.search(r"(?i)\b(?:record|all-time)\b", sent.text[near : st.q.start]) and not (
                re.search(r"(?i)\b(?:low|lowest|trough|bottom)\b", sent.text[near : st.q.start])
            ):  # "its record close of 4,796.56": the highest close up to the day told, if it is
                # that (else which record, or of when, is not known)
                told = Window(_FIRST_DAY, last_session(w.end), "window", "", w.span)
                claim = _as_extreme_of(claim, told, low=False, window_source="carried",
                                       period=f"its record (up to {w.label})")  # fmt: skip
            else:
                claim = claim.model_copy(update={"unsettled": _RECORD_OF_WHY})
        if (
            st.role in ("pct", "pts")
            and w.kind == "day"
            and w.span[0] > 0
            and (
                re.search(r"(?i)\b(?:through|as\s+of|by)\s+$", sent.text[: w.span[0]])
                or re.match(r"(?i)by\s+the\s+(?:end|close)\s+of\s", w.label)
            )
            and not (_possessive(w.label) and w.span[1] <= st.q.start <= w.span[1] + 12)
        ):  # "was up 9.5% through Wednesday", "a gain of 10.1% by the end of September": from
            # when? (not "capped by Friday's 10% tumble")
            claim = claim.model_copy(update={"unsettled": _END_ONLY_WHY})
        if (
            st.role == "level"
            and _ROUND_MARK.match(sent.text[st.q.end :])
            and re.search(r"(?i)\b(?:of|toward|towards|near|to)\s+the\s+$", sent.text[: st.q.start])
        ):
            continue  # "within about 27 points of the 6,000 mark": a round number, not a level
        trough = _named_low(sent, st.q.start, st.q.end) if st.role == "pct" else None
        if trough is not None and source == "explicit" and w.kind != "day":
            if not trough[2][0] <= w.span[0] < trough[2][1] and not (
                w.span[1] <= st.q.start and trough[2][0] >= st.q.end
            ):  # (but "up 18.6% this year, and 27.3% from its low of ... last October")
                trough = None  # "and gained 9.1% in July alone": that month's figure
        rise_end = (
            _end_of_rise(sent, trough[2], st.q.start)
            if trough is not None and claim.kind == "pct_change" and claim.value > 0
            else None
        )
        if trough is not None and rise_end is not None:
            claim = claim.model_copy(  # "up 12% since its late-October low"
                update={
                    "start_field": "trough",
                    "peak_start": trough[0],
                    "peak_end": min(trough[1], rise_end),
                    "start": trough[0],
                    "end": rise_end,
                    "window": "since",
                    "window_source": "explicit",
                    "period": sent.text[trough[2][0] : trough[2][1]],
                }
            )
        elif st.role in ("pct", "pts", "yield_bp") and (
            _FROM_EXTREME.match(sent.text[st.q.end :])
            or _FROM_EXTREME_BEFORE.search(sent.text[: st.q.start])
        ):
            claim = claim.model_copy(update={"unsettled": _FROM_EXTREME_WHY})
        head = sent.text[: st.q.start]
        if st.role == "pct" and _APPOSITIVE_CHANGE.search(head[-40:]) and _BELOW_PEAK.search(head):
            claim = claim.model_copy(  # "two-thirds below their 2021 record, a decline of 65.4%"
                update={
                    "kind": "drawdown",
                    "value": -abs(claim.value),
                    "field": "record",
                    "start": None,
                    "window": None,
                }  # fmt: skip
            )
        if ctx.intraday and w.end in (ctx.as_of, ctx.stamp_day):
            claim = claim.model_copy(update={"intraday": True})
        claim = claim.model_copy(update={"forecast": _forecast(sent.text, st.q.start, st.q.end)})
        if (_VAGUE.search(sent.text) and source != "explicit") or (
            source == "default" and _unplaced(sent)
        ):  # ("In election week alone it had jumped 8.6%": which week is that?)
            claim = claim.model_copy(update={"note": "the text names no definite period"})
        elif _SESSIONS_ADJECTIVE.match(w.label) and any(
            d.kind == "day" and d.span[1] <= w.span[0] for d in sent.windows
        ):  # "jumped 3.1% on Oct. 3 and added to it the next day, for a two-day gain of 5.7%":
            # the sessions count back from a day the sentence told, not from the last close
            claim = claim.model_copy(update={"unsettled": _RUN_DAY_WHY})
        if (
            st.role in ("pct", "pts")
            and w.kind == "day"
            and re.search(r"(?i)\bafter\s+$", sent.text[max(0, w.span[0] - 8) : w.span[0]])
            and _STANDS_NOW.search(sent.text[w.span[1] : st.q.start])
            and not claim.unsettled
        ):  # "After Friday it is up 17.9%": where it stands since some start, not Friday's move
            claim = claim.model_copy(update={"unsettled": _ELSEWHEN_WHY})
        if (
            st.role in ("pct", "pts")
            and w.kind in ("since", "trailing")
            and _TO_A_PEAK.search(sent.text[w.span[1] : max(w.span[1], st.q.start)])
            and not claim.unsettled
        ):  # "From its close on April 8 ... to the October record, it rallied about 53%"
            claim = claim.model_copy(update={"unsettled": _TO_EXTREME_WHY})
        if summed and sums is None:
            claim = claim.model_copy(update={"unsettled": _SUMS_UP_WHY})
        if (
            st.role in ("pct", "pts")
            and w.kind != "day"
            and (
                _AT_THE_BOTTOM.search(sent.text[max(0, st.q.start - 60) : st.q.start])
                or _AT_THE_BOTTOM_AFTER.match(sent.text, st.q.end)
            )
            and not claim.unsettled
        ):  # "at the bottom the S&P 500 was down 7.3% for the year": on which day?
            claim = claim.model_copy(update={"unsettled": _LOW_POINT_WHY})
        out.append(claim)
    return _paired(_ending_levels(out, sent), sent)


# "fell 5.5% to 4,967.23", "lost 430.97 points to close at 4,216.45": the level a change ends at
_TO_ITS_LEVEL = re.compile(
    r"(?i)\s+to\s+(?:(?:a\s+)?close\s+(?:of\s+|at\s+)?|(?:end|finish|settle)\s+at\s+)?[$]?"
)


def _ending_levels(claims: list[Claim], sent: _Sentence) -> list[Claim]:
    """A change told with the level it ends at keeps that level (`end_value`): when the
    level is another day's close, the date told for both is in doubt."""
    out = list(claims)
    for i, (change, level) in enumerate(zip(claims, claims[1:], strict=False)):
        if (
            change.kind in ("pct_change", "point_change")
            and level.kind in ("index_level", "price")
            and level.ticker == change.ticker
            and level.end == change.end
            and level.bound is None
            and _TO_ITS_LEVEL.fullmatch(
                sent.text[change.span[1] - sent.offset : level.span[0] - sent.offset]
            )
        ):
            out[i] = change.model_copy(update={"end_value": level.value})
    return out


def _distance_bound(head: str) -> str | None:
    """ "more than 20% below its peak" (at least that far: "more"), "less than 5% under its
    record" (at most that far: "less"), or None."""
    m = re.search(
        r"(?i)\b(?:(?P<more>more\s+than|over|at\s+least|upwards\s+of|north\s+of)|"
        r"(?P<less>less\s+than|under|no\s+more\s+than|not\s+even))\s+$",
        head[-25:],
    )
    return None if m is None else "more" if m.group("more") else "less"


def _paired(claims: list[Claim], sent: _Sentence) -> list[Claim]:
    """'Up 1,190.30 points, or 23.9%, from its April 8 closing low': the two figures of one
    move share the window the text gives either of them."""
    for i in range(len(claims) - 1):
        a, b = claims[i], claims[i + 1]
        if {a.kind, b.kind} != {"point_change", "pct_change"} or a.ticker != b.ticker:
            continue
        between = sent.text[a.span[1] - sent.offset : b.span[0] - sent.offset]
        firm = [c.window_source == "explicit" and c.period != _PRESENT_LABEL for c in (a, b)]
        if not re.fullmatch(r"[\s,]*(?:or\s+|\(\s*)", between) or firm.count(True) != 1:
            continue
        src, dst = (a, i + 1) if firm[0] else (b, i)
        keep = ("start", "end", "window", "period", "window_source")
        claims[dst] = claims[dst].model_copy(update={k: getattr(src, k) for k in keep})
    return claims


# "Futures tied to the S&P 500 rose 0.4%": the contract's move, not the index's
_DERIVATIVE_ON = re.compile(
    r"(?i)\b(?:futures|options|contracts|e-minis?)\s+(?:(?:tied|linked|pegged)\s+to|on|tracking)\s+"
    r"(?:the\s+)?$|"
    r"\b(?:version|variant|cousin|twin|edition|slice|subset|tracker)\s+of\s+(?:the\s+)?$"
)  # ("an equal-weighted version of the S&P 500": another index)
_COMPANIES_AFTER = re.compile(
    r"^['\u2019]?s?\s+(?:companies|firms|members|constituents|components|earnings|revenue|"
    r"sales|profits?|margins?|futures|options|e-minis?|e-mini\s+futures|reconstitution|"
    r"rebalanc\w+|addition|inclusion)\b",
    re.IGNORECASE,
)


# words of a forecast used of the past or of something else: "a hotter-than-expected report",
# "ahead of its own earnings next week", "the unwinding of bets", "the Fed held its target at"
_NO_CUE = re.compile(
    r"(?i)\b(?:[a-z]+[-\s]than[-\s](?:had\s+been\s+)?expected|as\s+(?:had\s+been\s+)?expected|"
    r"(?:ahead\s+of|before)\s+(?:its|their|the)\s+[^,;.]{0,40}?next\s+(?:week|month|quarter)|"
    r"of\s+bets\b|(?:held|kept|left|holds|keeps|leaves|lowered|raised|cut)\s+(?:its|the|their)\s+"
    r"(?:benchmark\s+)?target\b|"
    # "Worries that a strong economy would keep the Fed on hold sent the Dow down 1.5%": the
    # worry is the forecast, the move is not
    r"(?:worries|fears|concerns|hopes|bets|expectations|speculation|signs|doubts)\s+that\s+"
    r"[^,;.]{0,80}?\b(?:would|could|might|will|may)\b[^,;.]{0,60}?(?=\s+(?:sent|pushed|drove|"
    r"knocked|lifted|dragged|hit|weighed\s+on)\b))"
)
_CURRENT = re.compile(
    r"(?i)\b(?:current(?:ly)?|existing|present|today['\u2019]s)\s+(?:(?:target\s+)?range\s+of\s+|"
    r"level\s+of\s+)?$"
)
_SUBORDINATE = re.compile(
    r"\b(?:after|as|because|following|despite|amid|while|since|when|though|although|"
    r"on\s+(?:bets|hopes|fears|worries|concerns|expectations|speculation|optimism)\s+that)\b",
    re.IGNORECASE,
)
_MODAL = re.compile(
    r"\b(?:could|(?-i:may)(?!\.?\s+\d)|might|will|would|should|expected\s+to|likely\s+to|set\s+to|"
    r"poised\s+to|by\s+(?:the\s+end\s+of\s+)?(?:next|this)\s+(?:year|quarter|month)|by\s+year[-\s]end|"
    r"next\s+(?:year|quarter|month|week)|if|unless|priced|pricing|(?:was|is|were|are)\s+(?:un)?likely|"
    r"(?:is|are|was|were|been)\s+(?:widely\s+|largely\s+|"
    r"broadly\s+|generally\s+|fully\s+)?(?:expected|anticipated|forecast|projected|priced\s+in))\b",
    re.IGNORECASE,
)


# "pushed for a bigger, half-point reduction": what someone wanted, not what happened
_PREFERENCE = re.compile(
    r"\b(?:push(?:ed|es|ing)?\s+(?:again\s+|also\s+|instead\s+)?for|prefer(?:s|red|ring)?|favou?r(?:s|ed|ing)?|argu(?:es|ed|ing)\s+"
    r"for|call(?:s|ed|ing)?\s+for|advocat(?:es|ed|ing)|in\s+favou?r\s+of|wanted|"
    r"back(?:s|ed|ing)\s+(?:another|a|an))\b[^.;:]*$",
    re.IGNORECASE,
)


# "... usually defined as a decline of at least 10%": a threshold, not a measurement
_DEFINITION = re.compile(
    r"(?:\b(?:defined|considered|regarded|classified)\s+as|\bthe\s+(?:term|definition|"
    r"threshold|label)\s+(?:for|of)|\bby\s+(?:the\s+|a\s+)?(?:common|usual|standard|"
    r"traditional|widely\s+used)\s+definition)\b[^.;:]*$",
    re.IGNORECASE,
)
_DEFINITION_WHY = "a threshold in a definition, not a measurement"
# "lifted their targets, some to 5,500", "a target of 7,000, about 5% above Tuesday's
# close": the clause carries on the one before it
_ELLIPTIC = re.compile(
    r"^\W*(?:(?:and\s+|with\s+)?(?:some|one|several|many|most|a\s+few|others?|the\s+highest|"
    r"the\s+lowest|the\s+most\s+\w+)\s+(?:of\s+them\s+)?(?:(?:now|already|even)\s+)?"
    r"(?:to|at|as\s+(?:high|low)\s+as|"
    r"near|around)|(?:about|roughly|some|nearly|around|almost|just|near|close\s+to|"
    r"somewhere\s+(?:near|around|close\s+to))?)\s*$",
    re.IGNORECASE,
)


def _forecast(text: str, start: int, end: int) -> bool:
    """A forecast marker before the number in its clause, or a modal verb after it before
    any subordinate clause ("a break below 6,300 could open the door", but not "fell 2.3%
    after a cautious outlook")."""
    if _CURRENT.search(text[max(0, start - 40) : start]):
        return False  # "would lift the rate from its current 4.50%-4.75% range": today's range
    text = _NO_CUE.sub(lambda m: " " * len(m.group(0)), text)  # offsets kept
    segments = _segments(text)
    mine = next((seg for seg in segments if seg[0] <= start < seg[1]), (0, len(text)))
    before = text[max(0, start - 45) : start]
    if P.FORECAST.search(text[mine[0] : start]) or _PREFERENCE.search(before):
        return True
    if _RANKED_CALL.search(text[:start]):  # "the most cautious, from a large lender, sits at"
        return True
    head = text[mine[0] : start]  # a clause that goes on from the one(s) before it: the last
    back = 1 if _ELLIPTIC.match(head) else 2 if re.match(r"\W*(?:of|for)\s", head) else 0
    prior = [seg for seg in segments if seg[1] <= mine[0]][-back:] if back else []
    if prior and P.FORECAST.search(text[prior[0][0] : prior[-1][1]]):
        return True  # one, or past an aside ("even odds, about 50%, of a first cut")
    after = text[end : mine[1]]
    sub = _SUBORDINATE.search(after)
    return bool(_MODAL.search(after[: sub.start()] if sub else after))


def _claim(sent: _Sentence, span: tuple[int, int], **kw: object) -> Claim:
    return Claim(
        text=sent.text,
        span=(sent.offset + span[0], sent.offset + span[1]),
        **kw,  # type: ignore[arg-type]
    )


def _direction(sent: _Sentence, start: int, end: int) -> int | None:
    raw = sent.text[start:end].lstrip()
    signed = -1 if raw.startswith(("-", "\u2212")) else 1 if raw.startswith("+") else 0
    return direction_at(sent.text, start, end, signed)


def _subject_fields(sent: _Sentence, pos: int) -> dict[str, object]:
    raw, sym = sent.subject(pos)
    named = [m for m in sent.symbols if m[2] is sym]
    carried = (
        sym is not None
        and (  # from an earlier sentence, a guessed "the stock", or a
            not named  # comparison's ("volatility of 23.2%, against 19.9% for SPY")
            or all(
                (s, e) in sent.guessed or (s >= pos and _COMPARISON.search(sent.text[pos:s]))
                for s, e, _ in named
            )
        )
    )
    return {
        "subject": raw,
        "ticker": sym.ticker if sym else None,
        "subject_source": "carried" if carried else "explicit",
    }


FED: dict[str, object] = {"subject": "fed funds target range", "ticker": "FEDFUNDS"}
DGS10: dict[str, object] = {"subject": "10-year Treasury yield", "ticker": "DGS10"}


def _day_fields(w: Window | None) -> dict[str, object]:
    """A level's date: the last day of the nearest time expression."""
    return {"end": w.end, "period": w.label} if w else {}


def _window_fields(w: Window | None) -> dict[str, object]:
    if w is None:
        return {}
    return {"start": w.start, "end": w.end, "period": w.label, "window": w.kind}


def find_moves(sent: _Sentence) -> list[Claim]:
    """'rose X% from its D1 close (of $A) to its D2 high (of $B)', in any order."""
    out = []
    for fm in P.MOVE_FROM.finditer(sent.text):
        tm = P.MOVE_TO.search(sent.text, fm.end())
        if tm is None:
            continue
        pcts = [
            m
            for m in re.finditer(P.PCT, sent.text, re.IGNORECASE)
            if sent.free(*m.span()) and _direction(sent, m.start(), m.end()) is not None
        ]
        if not pcts:
            continue
        pm = min(pcts, key=lambda m: min(abs(m.start() - fm.start()), abs(m.start() - tm.end())))
        span = (min(pm.start(), fm.start()), max(pm.end(), tm.end()))
        if not sent.free(*span):
            continue
        sign = _direction(sent, pm.start(), pm.end()) or 1
        d1 = parse_date_match(fm, sent.as_of, prefix="a_")
        d2 = parse_date_match(tm, sent.as_of, prefix="b_")
        if d1 and d2 and d2 < d1 and d2.replace(year=d2.year + 1) <= sent.as_of:
            d2 = d2.replace(year=d2.year + 1)
        raw = pm.group("num").lstrip("+-")
        verb = P.DIRECTION_BEFORE.search(sent.text[max(0, pm.start() - 60) : pm.start()])
        if verb and fm.start() > pm.start():
            span = (min(span[0], pm.start() - len(verb.group(0))), span[1])
        sent.take(*span)
        out.append(
            _claim(
                sent,
                span,
                kind="move",
                value=sign * abs(to_float(raw)),
                unit="%",
                decimals=decimals_of(raw),
                approximate=sent.hedged(pm.start()),
                start=d1,
                end=d2,
                period=f"{fm.group(0).strip()} {tm.group(0).strip()}",
                window="since",
                start_field=P.norm_field(fm.group("a_f")),
                end_field=P.norm_field(tm.group("b_f")),
                start_value=to_float(fm.group("a_v")) if fm.group("a_v") else None,
                end_value=to_float(tm.group("b_v")) if tm.group("b_v") else None,
                forecast=sent.forecast(span[0]),
                **_subject_fields(sent, span[0]),
            )
        )
    return out


_PRIOR_AFTER = re.compile(
    r"\b(?:had\s+been|going\s+into|before|previously|had\s+stood)\b", re.IGNORECASE
)
_LATER_MOVE = re.compile(
    r"(?i)\b(?:cut|lowered|raised|lifted|hiked|reduced|trimmed)\b[^;]*\bto\s+$"
)
# "where it had finished last Friday": the time of a comparison's other side
_WHERE_IT_WAS = re.compile(
    r"(?i)\bwhere\s+(?:it|they|the\s+[\w-]+)\s+(?:had\s+)?(?:finished|ended|closed|stood|started|"
    r"began|been|traded)\s+$"
)
_PRIOR_RANGE = re.compile(
    r"\b(?:from|had\s+(?:been|stood|sat|remained|stayed|rested|hovered)|going\s+into|before|"
    r"prior|previous|previously|old|was\s+at)\b",
    re.IGNORECASE,
)


def find_rate_levels(sent: _Sentence) -> list[Claim]:
    if _another_central_bank(sent.text):
        return []
    here = bool(P.FED_CONTEXT.search(sent.text))
    if not (
        here
        or (
            sent.fed_context
            and re.search(r"\b(?:range|target|rates?|benchmark|set|stood|held)\b", sent.text)
        )
    ):
        return []
    out = []
    for m in P.RATE_RANGE.finditer(sent.text):
        if not sent.free(*m.span()):
            continue
        lo, hi = to_float(m.group("lo")), to_float(m.group("hi"))
        if not 0 <= lo < hi <= 25:
            continue
        if not here and _OTHER_RATE.search(sent.text[max(0, m.start() - 60) : m.start()]):
            continue  # "online savings accounts are paying around 4.5% to 5%"
        sent.take(*m.span())
        own = sent.window(m.start(), m.end())
        if own is not None and re.search(
            r"(?i)\b(?:starting|beginning)\s+$", sent.text[max(0, own.span[0] - 12) : own.span[0]]
        ):  # "cut rates three times starting in September, leaving its range at": after them
            own = None
        if own is None and _RATE_IS_NOW.search(sent.text[max(0, m.start() - 60) : m.start()]):
            # "After three reductions, the federal funds rate sits in a range of 4.25%-4.50%":
            # now, not the month a sentence before named
            own = Window(sent.as_of, sent.as_of, "day", "now (present tense)", (0, 0))
        w, source = sent.resolve(own)
        before = re.split(r"\d", sent.text[max(0, m.start() - 40) : m.start()])[-1]
        after = re.split(r"\d", sent.text[m.end() : m.end() + 30])[0]
        # "to 4.75%-5.00%, down from 5.25%-5.50%": the "from" is the next range's
        later_move = any(  # "has since raised it to 5.25%-5.50%, ..., and last month cut by
            # 50 basis points to 4.75%-5.00%": not the range now
            o.start() > m.end() and _LATER_MOVE.search(sent.text[m.end() : o.start()])
            for o in P.RATE_RANGE.finditer(sent.text)
        )
        prior = bool(
            later_move
            or _PRIOR_RANGE.search(before)
            or _PRIOR_AFTER.search(after)
            or re.match(r"\W*(?:before|prior\s+to|until)\b", sent.text[: m.start()], re.IGNORECASE)
        ) and not _CURRENT.search(
            before
        )  # "would lift the rate from its current 4.50%-4.75% range"
        rel = re.search(r"(?i)\b(?:when|which|of\s+which)\b[^.;]*$", sent.text[: m.start()])
        elsewhere = (
            rel is not None
            and (w.span == (0, 0) or w.span[0] < rel.start())
            and not _CURRENT.search(before)  # "which would lift it from its current range of"
        )
        run_end = (
            source != "explicit"
            and any(  # "That took the target from A to B": B's day?
                o.end() <= m.start()
                and re.fullmatch(
                    r"(?i)\s+to\s+(?:a\s+range\s+of\s+)?", sent.text[o.end() : m.start()]
                )
                and re.search(r"(?i)\bfrom\s+(?:a\s+range\s+of\s+)?$", sent.text[: o.start()])
                for o in P.RATE_RANGE.finditer(sent.text)
            )
        )
        out.append(
            _claim(
                sent,
                m.span(),
                kind="rate_level",
                unsettled=_ELSEWHEN_WHY if elsewhere else _RUN_END_WHY if run_end else None,
                **FED,
                value=hi,
                start_value=lo,
                unit="%",
                decimals=max(decimals_of(m.group("lo")), decimals_of(m.group("hi"))),
                field="prior" if prior else None,
                end=w.end,
                period=w.label,
                window_source=source,
                forecast=bool(sent.forecast(m.start()) or _A_PEAK_OF.search(before)),
            )
        )
    return out


# "said a peak of 5% to 5.25% looked reasonable", "a terminal rate of": where rates may end up
_A_PEAK_OF = re.compile(
    r"(?i)(?<!\bto\s)(?<!\bat\s)\ba\s+(?:peak|terminal|ceiling|top|high)\s+(?:rate\s+|range\s+|"
    r"level\s+)?"  # (not "kept raising it ... to a peak of 5.50%-5.75% in July 2023": a fact)
    r"(?:of\s+|at\s+|around\s+)(?:about\s+)?$"
)


_POLICY_MOVE = re.compile(
    r"(?i)\b(?:cut|cuts|hike|hikes|reduction|increase|rates?|Fed|central\s+bank|policymakers|"
    r"target)\b"
)
_ALTERNATIVE_SIZES = re.compile(
    r"(?i)\b(?:between|whether|either)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+(?:and|or)\s+(?:a\s+|an\s+)?)?$"
)


# "a quarter-point increase", "a half-point rate cut": the move the size is of
_MOVE_NOUN_AFTER = re.compile(
    r"(?i)[\s-]+(?:(?:interest[\s-])?rate\s+)?(?:(?P<cut>cuts?|reductions?|decreases?)|"
    r"increases?|hikes?|raises?)\b"
)


_EXPECTED = re.compile(
    r"(?i)\b(?:odds|certain|expect\w*|bets?|betting|pric(?:ed|ing)\s+in|futures|traders|"
    r"would|could|will|(?-i:may)|might|likely|probab\w*|chances?|hopes?|anticipat\w*|forecast\w*|"
    r"wager\w*|penciled|pencilled|projected|next|coming|upcoming|consider\w*|debat\w*|backed|"
    r"favou?r\w*|want\w*|support\w*|slow\w*|possib\w*|options?)\b"
)


def find_basis_points(sent: _Sentence) -> list[Claim]:
    """The size of a Fed move: "a quarter point", "half a percentage point", "25 basis points"."""
    if not (P.FED_CONTEXT.search(sent.text) or sent.fed_context) or _another_central_bank(
        sent.text
    ):
        return []
    out = []
    for q in find_quantities(sent.text):
        if q.unit not in ("bp", "pp") or not sent.free(*q.span):
            continue
        owner = [sym for _, e, sym in sent.symbols if e <= q.start]
        if owner and owner[-1].kind in ("yield", "other", "index", "etf", "stock"):
            continue  # a yield's or another central bank's move
        told = sent.subject(q.start)[1]
        if (
            not owner
            and told is not None
            and told.kind == "yield"
            and not _POLICY_MOVE.search(sent.text)
        ):
            continue  # "It ... ended Friday at 4.98%, a weekly rise of 11 basis points": its
        if _ALTERNATIVE_SIZES.search(sent.text[max(0, q.start - 60) : q.start]) or re.match(
            r"(?i)[\w-]*\s+or\s+(?:a\s+|an\s+)?(?:quarter|half|three-quarter|full|\d)",
            sent.text[q.end :],
        ):
            continue  # "the choice between a quarter-point and a half-point reduction"
        near = sent.text[max(0, q.start - 80) : q.end + 40]
        value = q.value * (100 if q.unit == "pp" else 1)
        total = bool(
            _SUM_OF_MOVES.search(sent.text[max(0, q.start - 30) : q.start])
            or re.match(r"(?i)\W*in\s+all\b", sent.text)
            or value > 100  # "raised rates by 5.25 percentage points": no single move
            or (value == 100 and not _ONE_MOVE_OF.search(sent.text[max(0, q.start - 30) : q.start]))
            or (
                re.search(
                    r"(?i)\b(?:has|have|had)\s+(?:now\s+)?(?:cut|lowered|reduced|raised|lifted|"
                    r"hiked|increased)\s+(?:[\w-]+\s+){0,3}?by\s+(?:a\s+|about\s+|some\s+)?$",
                    sent.text[max(0, q.start - 60) : q.start],
                )
                and any(
                    w.kind == "since" or w.label.lower().startswith("since") for w in sent.windows
                )
            )  # "has now cut rates by a full percentage point since September"
        )
        if total and _EACH_MOVE.search(near):
            total = False  # "by a quarter point at each meeting": one move's size
        vague = re.match(
            r"(?i)\s+(?:percentage\s+points?|basis\s+points?|points?)?\s*since\s+then\b|"
            r"\s+(?:in|over)\s+(?:just\s+)?(?:over\s+|more\s+than\s+|about\s+|less\s+than\s+)?"
            r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:months|years)",
            sent.text[q.end :],
        )  # "by 5 percentage points since then", "5 points in just over 14 months"
        if vague and not total:
            continue
        lead = sent.text[_segment_start(sent.text, q.start) : q.start][-60:]
        other = list(_NOT_POLICY_RATE.finditer(lead))
        if other and not _POLICY_RATE.search(lead[other[-1].end() :]):
            continue  # "agreed to cut some tariffs on Chinese goods by 10 percentage points"
        noun = _MOVE_NOUN_AFTER.match(sent.text, q.end)
        if (
            noun is not None
            and not _EXPECTED.search(sent.text)
            and not re.match(r"(?i)\s+since\b", sent.text[noun.end() :])
        ):
            # "a quarter-point increase in March": the noun's direction (but not in "traders are
            # all but certain of a half-point increase this time")
            sign: int | None = -1 if noun.group("cut") else 1
        else:
            sign = _rate_direction(sent.text, q.start, near)
        if sign is None or re.search(
            r"(?i)\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(?:the\s+|a\s+|an\s+)?$",
            sent.text[max(0, q.start - 30) : q.start],
        ):
            continue  # "by half a point instead of the three-quarter-point steps": not this move
        w = sent.window(q.start, q.end) or sent.when_clause(q.start, any_length=True)
        why = None
        if _SEVERAL_MOVES.match(sent.text[q.end :]):
            why = "several moves of this size: the text does not say which"
        elif total and (vague or w is None or w.kind not in ("since", "window")):
            why = "a sum of moves over a period the text does not give"
        sent.take(*q.span)
        out.append(
            _claim(
                sent,
                q.span,
                kind="rate_change",
                **FED,
                value=sign * value,
                unit="bp",
                decimals=max(0, q.decimals - (2 if q.unit == "pp" else 0)),
                approximate=sent.hedged(q.start),
                forecast=_forecast(sent.text, q.start, q.end),
                unsettled=why,
                field="total" if total else None,
                **_window_fields(w),
            )
        )
    return out


_COUNTED_NOUN = re.compile(
    r"(?i)\s*(?:(?:trading|winning|losing|weekly|monthly|daily)\s+)?(?:sessions?|days?|weeks?|"
    r"months?|quarters?|years?|gains?|loss(?:es)?|declines?|advances?|rall(?:y|ies)|drops?|"
    r"rises?|records?|closes?|finish(?:es)?|falls?|streaks?)\b"
)


def find_rate_counts(sent: _Sentence) -> list[Claim]:
    if not (P.FED_CONTEXT.search(sent.text) or sent.fed_context) or _another_central_bank(
        sent.text
    ):
        return []
    out = _counts_by_kind(sent)
    for m in P.RATE_COUNT.finditer(sent.text):
        if not sent.free(*m.span()):
            continue
        if m.group("ord"):
            count = P.ORDINALS[m.group("ord").lower()]
        else:
            raw = m.group("cnt").lower()
            count = int(raw) if raw.isdigit() else P.COUNT_WORDS[raw]
        what = (m.group("what") or m.group("what2") or "").lower()
        before = _NOT_A_COUNT.search(sent.text[max(0, m.start() - 30) : m.start()])
        if (before and not _after_a_run(before, m.groupdict())) or (
            count == 1 and what.endswith("s")
        ):
            continue  # "two days before that first cut", "around first cuts": no count claimed
        context = sent.text[max(0, m.start() - 60) : m.end() + 40]
        if what in ("meeting", "time", "") and _HELD.search(context):
            continue
        if not what and _COUNTED_NOUN.match(sent.text, m.end()):
            continue  # "lifted equities for a fifth straight session": not the Fed's count
        if what.startswith(("hike", "increase")) or (
            not what.startswith(("cut", "reduction", "decrease"))
            and P.RATE_HIKE_WORDS.search(context)
            and not P.RATE_CUT_WORDS.search(context)
        ):
            sign = 1
        elif what.startswith(("cut", "reduction", "decrease")) or P.RATE_CUT_WORDS.search(context):
            sign = -1
        else:
            continue
        out.append(_count_claim(sent, m, count, sign, "_before" if before else ""))
    return out


def _rate_direction(text: str, start: int, near: str) -> int | None:
    """-1 for a cut, +1 for a hike: the verb nearest before the number in its clause wins
    ("eased off the accelerator, raising its rate by half a point"), else any in `near`."""
    head = text[_segment_start(text, start) : start][-80:]
    cuts = [m.end() for m in P.RATE_CUT_WORDS.finditer(head)]
    hikes = [m.end() for m in P.RATE_HIKE_WORDS.finditer(head)]
    if cuts or hikes:
        return -1 if max(cuts, default=-1) > max(hikes, default=-1) else 1
    if P.RATE_CUT_WORDS.search(near):
        return -1
    if P.RATE_HIKE_WORDS.search(near):
        return 1
    return None


# what else is cut or raised by percentage points in a Fed story
_NOT_POLICY_RATE = re.compile(
    r"\b(?:tariffs?|dut(?:y|ies)|tax(?:es)?|lev(?:y|ies)|prices?|forecasts?|estimates?|outlook|"
    r"guidance|stakes?|workforce|jobs|staff|headcount|margins?|spending|budget|unemployment|"
    r"inflation|growth|GDP)\b",
    re.IGNORECASE,
)
_POLICY_RATE = re.compile(r"\b(?:rates?|range|benchmark|funds|borrowing\s+costs)\b", re.IGNORECASE)
# "a string of three-quarter-point increases": several moves, none of them dated
_SEVERAL_MOVES = re.compile(
    r"^[\s-]*(?:(?:interest[-\s])?rate\s+)?(?:increases|hikes|cuts|reductions|moves|raises|"
    r"steps|increments)\b",
    re.IGNORECASE,
)
_EACH_MOVE = re.compile(r"(?i)\b(?:at\s+each|each\s+time|apiece|every\s+meeting|at\s+a\s+time)\b")
_SUM_OF_MOVES = re.compile(
    r"\b(?:combined|cumulative|total(?:ing)?|in\s+all|altogether)\s+(?:of\s+)?$"
    r"|\btotal\b[^.;%\d]{0,30}?\bto\s+(?:about\s+|nearly\s+)?$",  # "the total since ... to"
    re.IGNORECASE,
)
_NOT_A_COUNT = re.compile(
    r"\b(?:before|after|since|until|around|ahead\s+of|following|brac(?:e|es|ed|ing)\s+for|"
    r"await(?:s|ed|ing)?|(?:wait|hope|hoping|pray|bet|betting|look)(?:s|ed|ing)?\s+for|"
    r"anticipat(?:e|es|ed|ing)|expect(?:s|ed|ing)?|pric(?:e|es|ed|ing)\s+in|eve\s+of|"
    r"(?:day|days|week|weeks|session|morning|afternoon|aftermath|run-up)\s+of)\s+"
    r"(?:that|the|this|its|a)?\s*(?:(?:Fed|Federal\s+Reserve|central\s+bank|FOMC)['\u2019]s\s+)?$",
    re.IGNORECASE,
)
# "held them steady for a second meeting in a row": meetings without a move, not moves
_HELD = re.compile(
    r"\b(?:held|hold(?:s|ing)?|kept|keep(?:s|ing)?|left|leav(?:es|ing)|paus(?:e|es|ed|ing)|"
    r"unchanged|steady|on\s+hold|stood\s+pat|stand(?:s|ing)?\s+pat|sat\s+still)\b",
    re.IGNORECASE,
)


def _counts_by_kind(sent: _Sentence) -> list[Claim]:
    """Counts read as a run ("in a row", "of a new cycle") or within a year ("this year",
    "cut three times"); a bare "its third cut" may be either."""
    out = []
    found = [
        *P.RATE_COUNT2.finditer(sent.text),
        *P.RATE_COUNT3.finditer(sent.text),
        *(
            m
            for m in P.RATE_COUNT_ELLIPSIS.finditer(sent.text)
            if _move_told_before(sent.text, m.start())
        ),  # "July's increase, the fourth of the year" (a move told before it)
    ]
    for m in found:
        if not sent.free(*m.span()):
            continue
        g = m.groupdict()
        raw = g.get("ord2") or g.get("cnt2") or g.get("cnt3") or g.get("cnt5") or g.get("cnt6")
        raw = (raw or "").lower()
        if g.get("twice"):
            count = 2
        elif raw in P.ORDINALS:
            count = P.ORDINALS[raw]
        elif raw == "first":
            count = 1
        elif raw.isdigit():
            count = int(raw)
        else:
            count = P.COUNT_WORDS.get(raw, 0)
        if not count:
            continue
        plural = re.search(r"(?:cut|hike|increase|reduction|move)s\b", m.group(0), re.IGNORECASE)
        before = _NOT_A_COUNT.search(sent.text[max(0, m.start() - 30) : m.start()])
        if (before and not _after_a_run(before, g)) or (count == 1 and plural):
            continue  # "two days before that first cut", "around first cuts": no count claimed
        what = g.get("what3") or g.get("what4") or g.get("what6") or g.get("verb") or g.get("mverb")
        what = (what or "").lower()
        if m.re is P.RATE_COUNT_ELLIPSIS:  # the move told before it: "increase, the fourth"
            what = (_move_told_before(sent.text, m.start()) or "").lower()
        context = sent.text[max(0, m.start() - 60) : m.end() + 40]
        if what.startswith(("hike", "increase", "raise", "lift")):
            sign = 1
        elif what.startswith(("cut", "reduc", "decrease", "lower", "trim")):
            sign = -1
        elif P.RATE_CUT_WORDS.search(context):
            sign = -1
        elif P.RATE_HIKE_WORDS.search(context):
            sign = 1
        else:
            continue
        tail = (g.get("tail") or "").lower()
        since: Window | None = None  # the time a count runs from, when told
        if before is not None:  # "after three straight cuts": the run before the time told
            scope = "_before"
        elif g.get("verb") or g.get("what4") or "year" in tail or re.search(r"\d{4}", tail):
            scope = "_year"
        elif g.get("cnt6") and not _A_RUN_TOLD.search(
            m.group(0) + sent.text[m.end() : m.end() + 12]
        ):
            # "the last of 11 increases that began in March 2022": counted from then, not a
            # run (with no start told, no claim)
            since = _run_began(sent, m)
            if since is None:
                continue
            scope = "_window"
        elif "row" in tail or "cycle" in tail or "since" in tail or g.get("mverb") or g.get("cnt6"):
            scope = ""
        else:
            scope = "_any"
        told = re.search(r"(?:19|20)\d\d", tail)
        after = _COUNT_YEAR_AFTER.match(sent.text, m.end()) if g.get("verb") else None
        year = told.group(0) if told else after.group("y") if after else None
        if tail.strip() == "since" and count > 1:  # "the 11th since March 2022": counted from
            since = next((d for d in sent.windows if m.start() <= d.span[0] <= m.end()), None)
        claim = _count_claim(sent, m, count, sign, scope, int(year) if year else None, since)
        if after is not None and after.group("part"):  # "twice in the closing months of 2024"
            claim = claim.model_copy(update={"unsettled": _VAGUE_SPAN_WHY})
        elif (
            claim.field
            and claim.field.endswith("_year")
            and not year
            and _SINCE_AFTER.match(sent.text, m.end())
        ):  # "has now delivered six cuts totaling 1.75 points since the range stood at ..."
            claim = claim.model_copy(update={"unsettled": _COUNT_SINCE_WHY})
        out.append(claim)
    return out


# a move told before a count with its noun left out ("July's increase, the fourth of the year")
_MOVE_BEFORE = re.compile(
    r"(?i)\b(?:increases?|hikes?|cuts?|reductions?|moves?|raised|lowered|hiked|trimmed|lifted)\b"
)


def _move_told_before(text: str, pos: int) -> str | None:
    """The last move word in the 60 characters before pos ("July's increase, the fourth")."""
    found = list(_MOVE_BEFORE.finditer(text[max(0, pos - 60) : pos]))
    return found[-1].group(0) if found else None


# "the bar for a fourth cut", "the case for a third straight hike": a move that may come
_FOR_A_MOVE = re.compile(r"(?i)\b(?:for|of|on|toward|towards|against|about)\s+(?:a|an|another)\s+$")
# a sentence that tells of a Fed decision: the next one's "cut" or "range" is the Fed's
_A_FED_DECISION = re.compile(
    r"(?i)\b(?:fed|federal\s+reserve|central\s+bank|fomc|policymakers)\b[^.;]{0,40}?\b(?:held|kept|"
    r"left|cut|lowered|reduced|trimmed|raised|hiked|lifted|paused|stood\s+pat)\b"
)


def _fed_count_told(sentence: str, fed_before: bool = False) -> bool:
    """A count of Fed moves in words, the sentence's only number ("cut three times"), in a
    sentence that names the Fed or follows one that did ("Its December cut was the last of
    three cuts in a row")."""
    return bool(
        (P.RATE_COUNT.search(sentence) or P.RATE_COUNT2.search(sentence))
        and (fed_before or P.FED_CONTEXT.search(sentence))
    )


def _after_a_run(before: re.Match[str], g: dict[str, str | None]) -> bool:
    """ "after three straight cuts", "following 10 consecutive increases": a count of moves
    before the time told (a cardinal; "after its third cut" tells no count of its own)."""
    return bool(
        re.match(r"(?i)(?:after|following)\b", before.group(0).strip())
        and (g.get("cnt") or g.get("cnt2") or g.get("cnt3") or g.get("cnt6"))
    )


# "cut rates three times in 2025", "... in the closing months of 2025": the year counted in
_COUNT_YEAR_AFTER = re.compile(
    r"(?i)\s+(?:in|during|over|across)\s+(?P<part>the\s+(?:[\w-]+\s+){1,3}?of\s+)?"
    r"(?P<y>(?:19|20)\d\d)\b"
)


def _count_claim(
    sent: _Sentence,
    m: re.Match[str],
    count: int,
    sign: int,
    scope: str,
    year: int | None = None,
    since: Window | None = None,
) -> Claim:
    """A count of Fed moves: in a row (scope ""), within a year ("_year"), or either; with
    `since`, the moves from that time to the move told ("the July hike, the 11th since March
    2022")."""
    sent.take(*m.span())
    began = _run_began(sent, m) if since is None else None
    if began is not None and scope not in ("", "_before"):
        since = began  # "raised rates 11 times starting in March 2022": counted from then
    if since is not None:
        told = [d for d in sent.windows if d.span[1] <= m.start()]
        end = min(told[-1].end, sent.as_of) if told else sent.as_of
        label = f"{since.label} to {told[-1].label}" if told else since.label
        return _claim(sent, m.span(), kind="rate_count", **FED, value=float(count),
                      field=("cut" if sign < 0 else "hike") + "_window", unit="count",
                      start=since.start, end=end, period=label, window_source="explicit",
                      forecast=sent.forecast(m.start()))  # fmt: skip
    named = _through_the_latest(sent.window(m.start(), m.end()), sent.as_of)
    until = _UNTIL_A_MONTH.match(sent.text, m.end())
    if until is not None and (found := find_windows(f"in {until.group('when')}", sent.as_of)):
        named = replace(found[0], span=until.span("when"))  # "10 straight increases through
        # May 2023": the run up to that month's end
    if (
        named is not None
        and began is not None
        and began.span[0] - 4 <= named.span[0] < began.span[1]
    ):
        named = None  # "a string of 10 straight hikes that started in March 2022": its start
    if named is not None and re.search(
        r"(?i)\bsince\b[^.;]{0,60}$", sent.text[m.start() : named.span[0]]
    ):  # "the third straight cut since easing resumed in September": the run up to now
        named = None
    if named is None:  # "The Fed on Dec. 18 lowered ... to 4.25%-4.50%, its third straight cut"
        days = [d for d in sent.windows if d.kind == "day" and d.span[1] <= m.start()]
        named = days[-1] if days else None
    w, source = sent.resolve(named)
    start = None
    if (
        scope == "_year"
        and not year
        and named is not None
        and named.kind == "window"
        and (
            _SEASON.search(named.label)
            or re.match(r"(?i)(?:early|late|mid)\b", named.label)
            or (  # "twice during the quarter" (not "its fourth of the year in July")
                (named.end - named.start).days < 300
                and _right_after(sent.text, m, named)
                and "year" not in m.group(0).lower()
            )
        )
    ):  # "cut three times last fall", "... in late 2025", "twice during the quarter": there
        scope, start, w, source = "_window", named.start, named, "explicit"
    elif scope == "_year":  # counted over the year: up to the article's date
        if year:
            end = min(date(year, 12, 31), sent.as_of)
        elif named is not None and named.kind == "window" and (named.end - named.start).days >= 364:
            end = named.end  # "lowered rates three times in a row late last year": that year
        elif named is not None and (
            named.kind == "day" or (named.kind == "window" and _right_after(sent.text, m, named))
        ):  # "on Dec. 10, when the third reduction of the year ...", "its third cut of the
            # year in December": that day's year (not "raised seven times starting in March")
            end = named.end
        elif sent.as_of.month == 1 and sent.as_of.day <= 25:
            # a year-end review, or any story out before the Fed's first meeting of the year
            end = date(sent.as_of.year - 1, 12, 31)
        else:
            end = sent.as_of
        w, source = Window(end, end, "day", w.label, w.span), "explicit"
    segment = _segment_start(sent.text, m.start())
    sized = (
        _OF_ONE_SIZE.match(sent.text[m.end() : m.end() + 50])
        or _A_SIZE.search(m.group(0))  # "its third straight 75-basis-point increase"
        or (
            not _A_MOVE_NOUN.search(m.group(0))  # ("a cut of 25 basis points that was its
            # third consecutive reduction": reductions of any size)
            and any(q.unit in ("bp", "pp") for q in find_quantities(sent.text[segment : m.start()]))
        )
    )  # "raised by three-quarters of a point for the second meeting in a row": of that size
    first_since = count == 1 and (
        re.search(r"(?i)\bsince\b", m.group(0))
        or re.match(
            r"(?i)\s+(?:(?:increase|hike|cut|reduction|move)\s+)?since\b", sent.text[m.end() :]
        )
    )  # "its first cut since March 2020": a gap since then, not a count (but "its first cut
    # of the year after holding steady since December" counts the year's)
    return _claim(
        sent,
        m.span(),
        kind="rate_count",
        **FED,
        value=float(count),
        field=("cut" if sign < 0 else "hike") + scope,
        unit="count",
        start=start,
        end=w.end,
        period=w.label,
        window_source=source,
        forecast=sent.forecast(m.start())
        or bool(
            (a_move := _FOR_A_MOVE.search(sent.text[max(0, m.start() - 30) : m.start()]))
            and (m.groupdict().get("ord2") or m.groupdict().get("ord"))
            and (
                not re.search(r"(?i)\b(?:straight|consecutive|row|time|meeting)\b", m.group(0))
                or re.match(r"(?i)\W*(?:about|against|toward|towards)\b", a_move.group(0))
            )  # ("wary about a third straight reduction": one that may come)
        )  # (but "cut rates for a third straight meeting" and "for a total of three cuts")
        or bool(  # "... will cut on Wednesday, its first reduction of the year": the move's
            re.match(r"(?i)(?:its|their|the)\b", sent.text[segment:].lstrip(" ,"))
            and P.FORECAST.search(sent.text[:segment])
        ),
        unsettled="a count of moves of one size: finnews counts moves of any size"
        if sized
        else "the first move since an earlier time: a gap finnews does not measure"
        if first_since
        else None,
    )


# "... that began in March 2022", "going back to March of last year", "Counting from March
# 2022, ...": the month a run or a count of Fed moves starts from
_BEGAN_AT = re.compile(
    r"(?i)\s*,?\s*(?:(?:that|which)\s+)?(?:began|begun|started|starting|beginning|from|since|"
    r"(?:dating|going|reaching)\s+back\s+to|back\s+to)(?:\s+(?:in|on|with))?\s+"
    r"(?P<when>" + month_re("m") + r"(?:\s+(?:of\s+)?(?:last\s+year|(?:19|20)\d\d))?)\b"
)
_UNTIL_A_MONTH = re.compile(
    r"(?i)\s+(?:through|until|till)\s+(?P<when>" + month_re("m") + r"(?:\s+(?:19|20)\d\d)?)\b"
)
_COUNTING_FROM = re.compile(
    r"(?i)\bcounting\s+from\s+(?P<when>" + month_re("m") + r"(?:\s+(?:of\s+)?"
    r"(?:last\s+year|(?:19|20)\d\d))?)\b"
)


def _run_began(sent: _Sentence, m: re.Match[str]) -> Window | None:
    """The month told as where a count of Fed moves starts, right after it or as "Counting
    from March 2022" before it; its span is where the month is written."""
    told = _BEGAN_AT.match(sent.text, m.end())
    if told is None:
        told = next((c for c in _COUNTING_FROM.finditer(sent.text[: m.start()])), None)
    if told is None:
        return None
    found = find_windows(f"in {told.group('when')}", sent.as_of)
    if not found:
        return None
    return replace(found[0], span=told.span("when"))


_A_RUN_TOLD = re.compile(
    r"(?i)\b(?:run|string|streak|straight|consecutive|successive|in\s+a\s+row)\b"
)
_THROUGH_A_MONTH = re.compile(r"(?i)\b(?:through|to|until|into)\s+" + month_re("m") + r"\.?$")


def _through_the_latest(w: Window | None, as_of: date) -> Window | None:
    """ "10 straight increases from March 2022 through May", told in June 2023: the latest
    May (the month told without a year takes the start's year when read as a time)."""
    m = _THROUGH_A_MONTH.search(w.label) if w is not None and w.kind == "window" else None
    if w is None or m is None:
        return w
    month = MONTHS[month_key(m.group("m"))]
    year = as_of.year if month <= as_of.month else as_of.year - 1
    end = min(last_day(year, month), as_of)
    return w if end <= w.end else Window(w.start, end, w.kind, w.label, w.span)


def _right_after(text: str, m: re.Match[str], w: Window) -> bool:
    """The period told right after a count: "twice in the quarter" (not "seven times
    starting in March")."""
    return (
        w.span[0] >= m.end()
        and not text[m.end() : w.span[0]].strip()
        and bool(re.match(r"(?i)(?:in|during|over|across)\s", text[w.span[0] :]))
    )


# "its fourth straight hike of that size", "the third 75-basis-point increase in a row"
_OF_ONE_SIZE = re.compile(
    r"^\s*(?:in\s+a\s+row\s+)?of\s+(?:that|this|the\s+same|similar)\s+(?:size|magnitude)|"
    r"^\s*(?:in\s+a\s+row\s+)?of\s+(?:(?!(?:19|20)\d\d\b)\d+|a\s+quarter|half|three-quarters)",
    re.IGNORECASE,
)  # (not "its fifth increase of 2022")
_A_SIZE = re.compile(
    r"(?i)(?:quarter|half)[-\s](?:percentage[-\s])?point|basis[-\s]point|\d\s*bp\b"
)
_A_MOVE_NOUN = re.compile(r"(?i)\b(?:cut|reduction|hike|increase|decrease|move)s?\b")


def find_ratios(sent: _Sentence) -> list[Claim]:
    out = []
    for m in P.PE.finditer(sent.text):
        raw = m.group("num") or m.group("num2")
        if not raw or not sent.free(*m.span()):
            continue
        sent.take(*m.span())
        forward = bool(m.group("fwd") or m.group("fwd2"))
        w = sent.window(m.start(), m.end())
        out.append(
            _claim(
                sent,
                m.span(),
                kind="ratio",
                value=to_float(raw),
                unit="x",
                decimals=decimals_of(raw),
                approximate=sent.hedged(m.start()) or "about" in m.group(0).lower(),
                field="forward_pe" if forward else "pe",
                **_day_fields(w),
                forecast=sent.forecast(m.start()),
                **_subject_fields(sent, m.start()),
            )
        )
    return out


def find_volatility(sent: _Sentence) -> list[Claim]:
    out = []
    for m in P.VOL.finditer(sent.text):
        key = "num" if m.group("num") else "num2"
        if not sent.free(*m.span()):
            continue
        sent.take(*m.span())
        w = sent.window(m.start(), m.end())
        source = "explicit" if w is not None else None
        unsettled = None
        moved_to = r"\b(?:fell|rose|dropped|climbed|declined|increased|eased|jumped|slid)\s+to\s+"
        if re.search(moved_to, sent.text[max(0, m.start() - 30) : m.end()], re.IGNORECASE):
            unsettled = "a volatility compared across periods the text does not both name"
        elif w is None:  # the period is the story's or a section's, else the text gives none
            got, _ = sent.resolve(None, m.start())
            if got.kind == "window" and got.start < got.end:
                w, source = got, "carried"  # the story's period: a guess
            else:
                unsettled = "the text gives no period for this volatility figure"
        out.append(
            _claim(
                sent,
                m.span(),
                unsettled=unsettled,
                kind="volatility",
                value=to_float(m.group(key)),
                unit="%",
                decimals=decimals_of(m.group(key)),
                approximate=sent.hedged(m.start(key))
                or bool(re.search(r"about|roughly|around", m.group(0), re.IGNORECASE)),
                field="monthly" if "monthly" in sent.text.lower() else "daily",
                forecast=sent.forecast(m.start()),
                window_source=source,
                **_window_fields(w),
                **_subject_fields(sent, m.start()),
            )
        )
    if out:
        out.extend(_compared_volatility(sent, out[-1]))
    return out


# "... was 12.7%, versus 18.1% for the Nasdaq", "up from 12.7% in 2024", "the S&P 500's 12.3%"
_VOL_COMPARED = re.compile(
    r"\b(?:versus|vs\.?|against|compared\s+(?:with|to)|(?:up|down)\s+from|from|than|and|times)\s+"
    r"(?:(?:about|roughly|around|nearly|just|only|the)\s+)*"
    r"(?:(?P<owner>[\w&.' -]{2,40}?)['\u2019]s\s+"
    r"(?:to\s+)?(?:(?:about|roughly|around|nearly)\s+)?)?(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s?%",
    re.IGNORECASE,
)


def _compared_volatility(sent: _Sentence, main: Claim) -> list[Claim]:
    """Volatility figures set against the one read: each takes a subject and a period named
    beside it, else the main figure's."""
    out = []
    for m in _VOL_COMPARED.finditer(sent.text, main.span[1] - sent.offset):
        span = (m.start("num"), m.end())
        if not sent.free(*span):
            continue
        after = sent.text[m.end() : m.end() + 40]
        named = [
            (a, b, sym)
            for a, b, sym in sent.symbols
            if (m.group("owner") and m.start("owner") <= a < m.end("owner"))
            or (
                m.end() < a
                and re.fullmatch(r"\s+(?:for|in|of)\s+(?:the\s+)?", sent.text[m.end() : a])
            )
        ]
        in_owner = [n for n in named if m.group("owner") and m.start("owner") <= n[0]]
        if m.group("owner") and not in_owner:
            continue  # "and even after Friday's 1.5% drop": no series owns the figure
        if m.group(0).lower().startswith("and") and not in_owner:
            continue  # "and" joins a volatility only as "and QQQ's to about 15%"
        own = [
            w
            for w in sent.windows
            if w.span[0] >= m.end() and not after[: w.span[0] - m.end()].strip(" ,")
        ]
        own = own or [
            w
            for w in sent.windows
            if m.end() < w.span[0]
            and re.fullmatch(r"\s+(?:for|in)\s+[\w&.' -]{1,30}?\s+", sent.text[m.end() : w.span[0]])
        ]
        sent.take(*span)
        w = own[0] if own else None
        fields: dict[str, object] = (
            _window_fields(w) | {"window_source": "explicit"}
            if w is not None
            else {
                "start": main.start,
                "end": main.end,
                "period": main.period,
                "window": main.window,
                "window_source": main.window_source,
            }  # fmt: skip
        )
        subject = (
            {
                "subject": sent.text[named[0][0] : named[0][1]],
                "ticker": named[0][2].ticker,
                "subject_source": "explicit",
            }  # fmt: skip
            if named
            else {"subject": main.subject, "ticker": main.ticker, "subject_source": "carried"}
        )
        out.append(
            _claim(
                sent,
                span,
                kind="volatility",
                value=to_float(m.group("num")),
                unit="%",
                decimals=decimals_of(m.group("num")),
                approximate=sent.hedged(m.start("num")),
                field=main.field,
                forecast=main.forecast,
                unsettled=None if w is not None or main.unsettled is None else main.unsettled,
                **fields,
                **subject,
            )
        )
    return out


_THAN_ITS_COLON = re.compile(r"(?i)\bthan\s+(?:the\s+)?[^,;:]{1,40}['\u2019]s?\s*:\s*$")


def _clause_opening_day(sent: _Sentence, pos: int) -> Window | None:
    """ "Losses followed, and on Oct. 12 the S&P 500 closed 25.4% below its Jan. 3 record":
    the day that opens the figure's clause."""
    opened = [
        d
        for d in sent.windows
        if d.kind == "day"
        and d.span[1] <= pos
        and not _possessive(d.label)
        and re.search(r"(?i)[,;]\s*(?:and|but|then|while)?\s*(?:on\s+)?$", sent.text[: d.span[0]])
        and not re.search(r"[;]|\d\s*%", sent.text[d.span[1] : pos])
    ]
    return opened[-1] if opened else None


def find_drawdowns(sent: _Sentence) -> list[Claim]:
    """'8.7% below its record', 'down 12% from its peak', 'within 1% of its high'.

    Measured at the close the clause dates (a time expression after the peak words dates
    the peak, not the measurement), from the highest close up to then (52 weeks back
    when the text says "52-week").
    """
    out = []
    for rx in (P.DRAWDOWN, P.DRAWDOWN2):
        for m in rx.finditer(sent.text):
            if not sent.free(*m.span()):
                continue
            if _THAN_ITS_COLON.search(sent.text[: m.start()]):
                continue  # "Its slide was deeper than the S&P 500's: 11.2% from a Jan. 22 high"
            key = "num" if m.groupdict().get("num") else "num2"
            if (m.groupdict().get("rel") or "").lower() == "from" and re.search(
                r"\b(?:up|higher|above|gained|rose|risen|climbed|rallied)\s+(?:\w+\s+){0,3}$",
                sent.text[max(0, m.start() - 40) : m.start()],
                re.IGNORECASE,
            ):
                continue  # "up only about 3% from its 2021 peak": above it, not below
            raw = m.group(key).lstrip("+-")
            what = (m.groupdict().get("what") or m.groupdict().get("what2") or "peak").lower()
            w = sent.window(m.start(), m.start(key) + len(m.group(key)))
            if (
                w is not None
                and w.span[0] >= m.end(key)
                and not re.search(r"(?i)\bby\s+(?:the\s+)?$", sent.text[: w.span[0]])
            ):  # (but "had lost 54% from its December peak by early April": then)
                # "... the record close it set on Jan. 27" dates the peak; "At the Aug. 5
                # close, ... 8.5% below its July 16 record": the opening dates the fall, or
                # a close told before it ("On April 4 ... and by the close on April 8 it stood
                # at 4,982.77, or 18.9% below its Feb. 19 record close")
                told = [
                    d
                    for d in sent.windows
                    if d.kind == "day"
                    and d.span[1] <= m.start()
                    and _AT_CLOSE_OF(sent.text, d)
                    and ";" not in sent.text[d.span[1] : m.start()]
                ]
                left = [  # "rebounded 8.1% in the second quarter, leaving it down 2.5% for the
                    o  # year and roughly 11% below the record": where that quarter left it
                    for o in sent.windows
                    if o.span[1] <= m.start()
                    and o.end < sent.as_of
                    and _LEAVING_IT.match(sent.text, o.span[1])
                    and ";" not in sent.text[o.span[1] : m.start()]
                ]
                if told:
                    w = told[-1]
                elif left:
                    day = last_session(left[-1].end)
                    w = Window(day, day, "day", left[-1].label, left[-1].span)
                else:
                    w = sent.topic() or _clause_opening_day(sent, m.start())
            elif w is None:  # "At the Aug. 5 close, ..., and the Nasdaq was down 13% from"
                topic = sent.topic()
                w = topic if topic is not None and topic.kind == "day" else None
            two = sent.two_dated_ends
            if w is not None and two is not None and w.end == two.start and two.span[1] < m.start():
                # "From its July 31 peak to its Oct. 27 low, it fell 10.3%, ... 14.2% under
                # its record": where the move left it, on the later day
                w = Window(two.end, two.end, "day", two.label.split(" to ")[-1], two.span)
            when = _when_clause(sent, m.start()) or _when_clause(sent, m.start(key))
            if when is not None:  # "From its March 30 close, when it stood 9% below its record"
                w, source = when, "carried"
            elif w is None and _RESULT_OF_LAST.match(sent.text):
                w, source = sent.resolve(None, m.start())[0], "carried"  # "... ended 2023 at
                # 4,769.83. That left it 0.6% below its record": when the sentence before told of
            else:
                w, source = sent.resolve(w, m.start())
            if m.groupdict().get("that"):
                source = "carried"  # "8.5% below that peak": the one a sentence before named
            span = m.span()  # ("0.2% shy of the 6,001.35 record": the level is a claim too)
            if re.search(r"\d,\d{3}|\d\.\d", m.groupdict().get("what") or ""):
                span = (m.start(), m.start("what"))
            sent.take(*span)
            within = key == "num2"
            plain = _blanked(sent.text, [(a, b) for a, b, _ in sent.symbols])  # "Russell 2000"
            year = passage_year(plain, sent.as_of)  # "In the 2025 shock, ... its February peak"
            peak = _peak_period(what, w.end, w.end, year)  # "its mid-July high"
            local = peak is None and (
                re.search(
                    r"(?i)\b(?:summer|spring|fall|autumn|winter|year['\u2019]s|month['\u2019]s|"
                    r"week['\u2019]s)\b",
                    what,
                )
                and not re.search(r"(?i)record|all-time", what)
            )  # "its summer high": not the record
            sank = (
                local
                or source != "explicit"
                and re.search(
                    r"\b(?:sank|sunk|fell|dropped|slid|plunged|tumbled|slumped)\s+(?:as\s+much\s+as\s+|to\s+)"
                    r"(?:about\s+|nearly\s+|almost\s+)?$",
                    sent.text[max(0, m.start() - 40) : m.start()],
                    re.IGNORECASE,
                )
            ) or (
                source == "default"
                and year is not None
                and year < sent.as_of.year
                and str(year) in plain[: m.start()]
            )  # "After the April tariff announcements, SPY sank to 19% below its high": when?
            # "In the 2025 shock, the S&P 500 fell 18.9% from its February peak": at the low
            sank = sank or bool(
                re.match(
                    r"(?i)\s+(?:at|near)\s+(?:the|its|their)\s+(?:low|lows|bottom|trough|worst)\b",
                    sent.text[m.end() :],
                )
            )  # "24.3% below its December peak at the low": which day was the low?
            deepest = re.search(
                r"\b(?:never|at\s+no\s+point|at\s+most|no\s+more\s+than|biggest|largest|deepest|"
                r"worst|maximum)\b[^.;]{0,40}$",
                sent.text[max(0, m.start() - 50) : m.start()],
                re.IGNORECASE,
            )  # "never fell more than 5.5% from a peak": the deepest fall within a period
            bounded = None if deepest else _distance_bound(sent.text[: m.start()])
            dd = _claim(
                sent,
                span,
                kind="drawdown",
                value=-abs(to_float(raw)),
                unit="%",
                decimals=decimals_of(raw),
                approximate=sent.hedged(m.start()) and not (within or bounded),
                bound="above" if within or bounded == "less" else bounded and "below",
                field="52-week" if "52" in what else "record",
                peak_start=peak[0] if peak else None,
                peak_end=peak[1] if peak else None,
                start=w.start if w.start != w.end else None,
                end=w.end,
                period=w.label,
                window_source=source,
                forecast=sent.forecast(m.start()),
                unsettled=(
                    "measured from a peak within a period, not the record"
                    if local
                    else _LOW_POINT_WHY
                    if sank
                    else "the deepest fall from a peak within a period: finnews measures "
                    "one day's distance from the record"
                    if deepest
                    else None
                ),  # fmt: skip
                **_subject_fields(sent, m.start()),
            )
            out.append(dd)
            out.extend(_gapped_drawdowns(sent, dd, m.end()))
    return out


# "..., the Dow 4.6% and the Nasdaq about 7%": a distance from a peak, its words left out
_GAPPED_PCT = re.compile(
    r"\s+(?P<hedge>(?:about|roughly|nearly|almost|around|some|just|only)\s+)?"
    r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s?(?:%|percent\b)"
    r"(?=\s*(?:[,;]|\.(?!\d)|and\b|while\b|$))",
    re.IGNORECASE,
)


def _gapped_drawdowns(sent: _Sentence, first: Claim, end: int) -> list[Claim]:
    """The figures that follow a distance from a peak with its verb and peak left out, each
    with its own subject and the first one's day and peak."""
    out: list[Claim] = []
    for a, b, sym in sorted(s for s in sent.symbols if s[0] >= end):
        if not re.fullmatch(r"[\s,]*(?:and|while)?\s*(?:the\s+)?", sent.text[end:a], re.I):
            break
        m = _GAPPED_PCT.match(sent.text, b)
        if m is None or not sent.free(*m.span("num")):
            break
        span = (m.start("num"), m.end())
        sent.take(*span)
        raw = m.group("num")
        out.append(
            first.model_copy(
                update={
                    "span": (sent.offset + span[0], sent.offset + span[1]),
                    "value": -abs(to_float(raw)),
                    "decimals": decimals_of(raw),
                    "approximate": bool(m.group("hedge")) and first.bound is None,
                    "subject": sent.text[a:b],
                    "ticker": sym.ticker,
                    "subject_source": "explicit",
                }
            )
        )
        end = m.end()
    return out


_ABOVE_A_LOW = re.compile(
    P.PCT + r"\s+above\s+(?:its|their|the|that|this)\s+(?P<what>(?:[\w.'-]+\s+){0,3}?)"
    r"(?:closing\s+)?(?:low|bottom|trough)s?\b(?!\s+(?:of|for)\s+the\s+(?:day|session))"
    # "its closing low of the year on Oct. 27"
    r"(?:\s+of\s+(?:the|this)\s+year)?(?:,?\s+on\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b)?",
    re.IGNORECASE,
)


def find_rises_from_lows(sent: _Sentence) -> list[Claim]:
    """ "closed 20% above its Oct. 12 low", "stands 24.4% above that low", "22% above its
    October low": the rise from that low's close (from the lowest close of a month named),
    measured on the day the clause dates."""
    out = []
    for m in _ABOVE_A_LOW.finditer(sent.text):
        if not sent.free(*m.span()):
            continue
        own = [w for w in sent.windows if m.end("num") < w.span[1] and w.span[0] < m.end()]
        days = [w for w in own if w.kind in ("day", "since")]
        own = days or own  # "its closing low of the year on Oct. 27": that day
        low_day = days[0] if days else None
        period = None  # the month or period whose lowest close it is ("its October low")
        if not own:
            period = _peak_period(m.group("what"), sent.as_of, sent.as_of)
        elif own[0].kind == "window":
            period = (own[0].start, own[0].end)
        if low_day is not None:
            start = low_day.start
        elif period is not None:
            start = period[0]
        else:
            continue  # "above its low": which one?
        w = sent.window(m.start(), m.end("num"))
        if w is not None and own and w.span == own[0].span:
            topic = sent.topic()
            w = topic if topic is not None and topic.span != own[0].span else None
        w, source = sent.resolve(w, m.start())
        if low_day is not None and THE_LOW_OF in low_day.label:
            source = "carried"  # "that low": the one a sentence before dated
        if w.end <= start:
            continue
        sent.take(*m.span())
        bounded = _distance_bound(sent.text[: m.start()])
        raw = m.group("num").lstrip("+-")
        if low_day is not None and low_day.kind == "since":  # "above that low (the low of ...)"
            label = f"{w.label}, {low_day.label}"
        else:
            low = re.sub(r"(?i)^on\s+", "", low_day.label) if low_day else m.group("what").strip()
            label = f"{w.label}, from {low}"
        out.append(
            _claim(
                sent,
                m.span(),
                kind="pct_change",
                value=to_float(raw),
                unit="%",
                decimals=decimals_of(raw),
                approximate=sent.hedged(m.start()) and not bounded,
                bound="above" if bounded == "more" else "below" if bounded else None,
                start=start,
                end=w.end,
                window="since",
                period=label,
                window_source=source,
                forecast=sent.forecast(m.start()),
                **(
                    {"start_field": "trough", "peak_start": period[0], "peak_end": period[1]}
                    if low_day is None and period is not None
                    else {}
                ),
                **_subject_fields(sent, m.start()),
            )
        )
    return out


def _peak_period(
    what: str, as_of: date, end: date, year: int | None = None
) -> tuple[date, date] | None:
    """The period a peak's own words name ("mid-July high", "October peak", "July 16
    record", "2021 peak"), the latest before as_of (in `year`, a passage's earlier year),
    cut at the day measured; None when they name none."""
    if "52" in what:
        return None
    found = find_windows(what, as_of, year=year) or find_windows("in " + what, as_of, year=year)
    w = next((w for w in found if w.kind in ("window", "day")), None)
    if w is None or w.start > end:
        return None
    return w.start, min(w.end, end)


# "its highest close of the year was 4.98% on Oct. 19, and Friday's finish left it 37 basis
# points below that mark", "closed at a record 45,014.04 on Dec. 4 and now sits 2.6% below it":
# a distance from the peak the sentence told with its day and level
_BELOW_TOLD_PEAK = re.compile(
    r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s?(?P<unit>%|percent\b|basis\s+points?\b|bps?\b)\s+"
    r"(?:below|under|beneath|shy\s+of|short\s+of|off)\s+"
    r"(?:it|that|this|(?:that|this|the)\s+(?:mark|level|peak|high|record|top|close))"
    r"(?=\s*(?:[,;:)]|\.(?!\d)|$)|\s+(?:and|while|but|when|as|after)\b)",
    re.IGNORECASE,
)
_TOLD_PEAK = re.compile(
    r"(?i)\b(?:record|peak|(?:closing\s+)?high|highest\s+(?:close|level|finish)|best\s+close)\b"
)
_NOT_A_CLOSING_PEAK = re.compile(
    r"(?i)\b(?:intraday|session\s+high|during\s+the\s+(?:day|session)|at\s+one\s+point|"
    r"touched|traded|low|lows|bottom|trough)\b"
)


def find_told_peak_distances(sent: _Sentence) -> list[Claim]:
    """A distance from a peak told earlier in the sentence with its day and level, for the
    same subject: a yield's basis points from that day's close, a price's percent below it."""
    out = []
    for m in _BELOW_TOLD_PEAK.finditer(sent.text):
        head = sent.text[: m.start()]
        peak = _TOLD_PEAK.search(head)
        if not sent.free(*m.span()) or peak is None or _NOT_A_CLOSING_PEAK.search(head):
            continue
        levels = [
            x.start
            for x in find_quantities(head)
            if abs(x.start - peak.start()) <= 40
            and not any(w.span[0] <= x.start < w.span[1] for w in sent.windows)
        ]
        if not levels:
            continue
        days = [  # the peak's day: told beside its level ("4.98%, from Jan. 14")
            w
            for w in sent.windows
            if w.kind in ("day", "since")
            and w.span[1] <= m.start()
            and min(abs(w.span[0] - x) for x in levels) <= 30
        ]
        if not days:
            continue
        told = days[0]
        later = [w for w in sent.windows if w.kind == "day" and w.span[0] >= told.span[1]
                 and w.span[1] <= m.start()]  # fmt: skip
        w, source = sent.resolve(later[-1] if later else None, m.start())
        ended = [  # "... before pulling back Thursday, ended the week 0.6% short of that mark"
            o
            for o in sent.windows
            if o.kind == "window"
            and o.span[0] >= max([told.span[1]] + [d.span[1] for d in later])
            and o.span[1] <= m.start()
            and _CLOSED_A_PERIOD.match(o.label)
        ]
        if ended:
            day = last_session(min(ended[-1].end, sent.as_of))
            w, source = Window(day, day, "day", ended[-1].label, ended[-1].span), "explicit"
        if w.kind != "day" or source == "default" or w.end <= told.start:
            continue
        subject = _subject_fields(sent, m.start())
        ticker = subject["ticker"]
        sym = SYMBOLS.get(str(ticker)) if ticker else None
        others = [t for s, _, t in sent.symbols if peak.start() < s < m.start() and t is not sym]
        if sym is None or others or _subject_fields(sent, peak.start())["ticker"] != ticker:
            continue
        bp = not m.group("unit").lower().startswith(("%", "percent"))
        if bp != (sym.kind == "yield"):
            continue
        sent.take(*m.span())
        raw = m.group("num")
        bounded = _distance_bound(head)
        fields: dict[str, object] = (
            {"kind": "yield_change", "unit": "bp", "start": told.start, "window": "since"}
            if bp
            else {
                "kind": "drawdown",
                "unit": "%",
                "field": "record",
                "peak_start": told.start,
                "peak_end": told.start,
            }  # fmt: skip
        )
        out.append(
            _claim(
                sent,
                m.span(),
                value=-to_float(raw),
                decimals=decimals_of(raw),
                approximate=sent.hedged(m.start()) and not bounded,
                bound="above" if bounded == "more" else "below" if bounded else None,
                end=w.end,
                period=f"{w.label} (from the peak: {told.label.strip(' ,')})",
                window_source=source,
                forecast=sent.forecast(m.start()),
                **fields,
                **subject,
            )
        )
    return out


# "17% below where it stood at the end of July", "100 basis points above where it began the
# year": the move since that time
_FROM_WHERE_IT = re.compile(
    r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>%|percent\b|basis\s+points?\b|bps?\b)\s+"
    r"(?P<dir>above|below|under|over|higher\s+than|lower\s+than)\s+where\s+"
    r"(?:it|they|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:had\s+)?"
    r"(?P<said>(?P<verb>stood|closed|ended|finished|began|started|settled|was|were|sat)\b"
    r"[^,;.()]{0,50})",
    re.IGNORECASE,
)


def _where_it_was(said: str, verb: str, as_of: date) -> Window | None:
    """The day whose close "where it stood at the end of July" names (or "began 2025")."""
    year = re.match(r"(?i)(?:began|started)\s+((?:19|20)\d\d)\b", said)
    if year:
        day = last_weekday(date(int(year.group(1)), 1, 1) - timedelta(days=1))
        return Window(day, day, "day", said, (0, 0))
    said = re.sub(r"(?i)^started\b", "began", said)
    found = [w for w in find_windows(said, as_of) if not re.search(r"\d[\d,]*\.\d", w.label)]
    if len(found) != 1:
        return None
    w = found[0]
    if w.kind == "day" and not re.search(r"(?i)\bwhen\b", said):
        return w
    if w.kind == "window" and verb.lower() in ("ended", "finished", "closed"):
        day = last_session(w.end)
        return Window(day, day, "day", w.label, w.span)
    return None


def find_moves_from_where_it_was(sent: _Sentence) -> list[Claim]:
    """ "8.6% below where it stood at the end of July": the move since that close."""
    out = []
    for m in _FROM_WHERE_IT.finditer(sent.text):
        if not sent.free(*m.span()):
            continue
        w = sent.window(m.start(), m.end("num"))
        if w is not None and w.span[0] >= m.start("said"):
            w = sent.topic()  # (not the time of the phrase itself)
        w, source = sent.resolve(w, m.start())
        base = _where_it_was(m.group("said").strip(), m.group("verb"), w.end)
        if base is None or w.end <= base.end:
            continue
        subject = _subject_fields(sent, m.start())
        sym = SYMBOLS.get(str(subject["ticker"])) if subject["ticker"] else None
        bp = not m.group("unit").startswith(("%", "percent"))
        if bp and (sym is None or sym.kind != "yield"):
            continue
        sent.take(*m.span("num"))
        sign = -1 if re.match(r"(?i)below|under|lower", m.group("dir")) else 1
        raw = m.group("num")
        bounded = _distance_bound(sent.text[: m.start()])
        out.append(
            _claim(
                sent,
                (m.start("num"), m.end("unit")),
                kind="yield_change" if bp else "pct_change",
                value=sign * to_float(raw),
                unit="bp" if bp else "%",
                decimals=decimals_of(raw),
                approximate=sent.hedged(m.start()) and not bounded,
                bound="above" if bounded == "more" else "below" if bounded else None,
                start=base.end,
                end=w.end,
                window="since",
                period=w.label
                if "where" in w.label
                else f"since where it {m.group('said').strip()} (to {without_on(w.label)})",
                window_source=source,
                forecast=sent.forecast(m.start()),
                **subject,
            )
        )
    return out


_FINDERS = (
    find_moves_from_where_it_was,
    find_moves,
    find_rate_levels,
    find_rate_counts,
    find_basis_points,
    find_ratios,
    find_volatility,
    find_drawdowns,
    find_rises_from_lows,
    find_told_peak_distances,
)
