"""Reading a data question: which tickers, which metric, which window. Pure functions.

    parse_question("How did IJR do in November 2025?", as_of) -> DataQuery(return, IJR, Nov 2025)

Time expressions are read by the text toolkit (`assistant.text.times` for news-style
phrases, `assistant.text.periods` for question-style ones such as "one-year" or a
bare "December 2025").

A follow-up ("And QQQ?", "What about December 2025?", "How did it do in May?") is a
question that leaves out its subject or starts as one; it borrows only what it leaves
out from the previous data question. A question that names a subject of its own, even
one finnews has no data for, starts fresh.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal, TypeVar

from assistant.market.symbols import KNOWN_TICKERS, SYMBOLS, find_symbols
from assistant.text.periods import back, find_anchor, find_bare_periods, find_lookback
from assistant.text.times import MONTHS, Window, WindowKind, find_windows, last_day

Metric = Literal[
    "return", "volatility", "drawdown", "price", "extreme", "fed_move", "fed_level",
    "yield_level", "yield_change",
]  # fmt: skip
ExtremeSpan = Literal["day", "week", "month", "close"]
Direction = Literal["up", "down", "any"]
T = TypeVar("T")

# the metrics the LLM's compute_metric tool offers; the extremes are named in full
EXTREME_METRICS: dict[str, tuple[ExtremeSpan, Direction]] = {
    "biggest_daily_gain": ("day", "up"),
    "biggest_daily_drop": ("day", "down"),
    "best_week": ("week", "up"),
    "worst_week": ("week", "down"),
    "best_month": ("month", "up"),
    "worst_month": ("month", "down"),
    "highest_close": ("close", "up"),
    "lowest_close": ("close", "down"),
}
METRICS: tuple[str, ...] = (
    "return", "total_return", "volatility", "drawdown", "price", *EXTREME_METRICS,
    "fed_move", "fed_level", "yield_level", "yield_change",
)  # fmt: skip


@dataclass(frozen=True)
class Period:
    """The days a question is about; `kind` says how a return reads them (see times.Window)."""

    start: date
    end: date
    kind: WindowKind
    label: str


@dataclass(frozen=True)
class Extreme:
    """The extreme a question asks for: the biggest one-day drop, the best month ..."""

    span: ExtremeSpan
    direction: Direction

    @property
    def phrase(self) -> str:
        """'biggest one-day drop', 'best month', 'highest close'."""
        return _EXTREME_PHRASES[(self.span, self.direction)]


_EXTREME_PHRASES: dict[tuple[str, str], str] = {
    ("day", "up"): "biggest one-day gain",
    ("day", "down"): "biggest one-day drop",
    ("day", "any"): "biggest one-day move",
    ("week", "up"): "best week",
    ("week", "down"): "worst week",
    ("week", "any"): "biggest weekly move",
    ("month", "up"): "best month",
    ("month", "down"): "worst month",
    ("month", "any"): "biggest monthly move",
    ("close", "up"): "highest close",
    ("close", "down"): "lowest close",
    ("close", "any"): "highest close",
}


@dataclass(frozen=True)
class DataQuery:
    """A question market data can answer by computation."""

    metric: Metric
    tickers: tuple[str, ...] = ()
    period: Period | None = None
    direction: Literal["cut", "hike"] | None = None  # fed_move: which kind of move
    total_return: bool = False
    extreme: Extreme | None = None  # metric "extreme": which one


# -- lexicon -------------------------------------------------------------------------------
# An extreme is SUPERLATIVE [SPAN] MOVE, SUPERLATIVE SPAN, or SUPERLATIVE LEVEL:
# "biggest one-day drop", "worst month", "highest close". None: the other words decide.
SUPERLATIVES: dict[str, Direction | None] = {
    "biggest": None, "largest": None, "greatest": None, "sharpest": None, "steepest": None,
    "best": "up", "strongest": "up", "highest": "up", "top": "up", "record": "up",
    "worst": "down", "weakest": "down", "lowest": "down", "deepest": "down",
}  # fmt: skip
EXTREME_SPANS: dict[str, ExtremeSpan] = {
    "one-day": "day", "one day": "day", "1-day": "day", "single-day": "day", "daily": "day",
    "day": "day", "session": "day", "single-session": "day", "trading day": "day",
    "one-week": "week", "weekly": "week", "week": "week",
    "one-month": "month", "monthly": "month", "month": "month",
}  # fmt: skip
MOVES: dict[str, Direction] = {
    "gain": "up", "rise": "up", "jump": "up", "rally": "up", "advance": "up", "surge": "up",
    "increase": "up", "climb": "up", "pop": "up",
    "drop": "down", "fall": "down", "decline": "down", "loss": "down", "slide": "down",
    "plunge": "down", "selloff": "down", "sell-off": "down", "tumble": "down", "slump": "down",
    "move": "any", "swing": "any", "change": "any",
}  # fmt: skip
LEVELS: dict[str, Direction | None] = {
    "close": None, "closing price": None, "closing level": None, "closing": None,
    "price": None, "level": None, "high": "up", "low": "down",
}  # fmt: skip


def _norm(phrase: str) -> str:
    """'One-Day', 'one  day' -> 'one day': how lexicon entries are looked up."""
    return " ".join(re.split(r"[\s-]+", phrase.lower().strip()))


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of lexicon entries, longest first; spaces and hyphens alike."""
    parts = [r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", w))) for w in words]
    return "|".join(sorted(parts, key=len, reverse=True))


def _lookup(table: dict[str, T]) -> dict[str, T]:
    return {_norm(k): v for k, v in table.items()}


_SUPERLATIVES, _SPANS = _lookup(SUPERLATIVES), _lookup(EXTREME_SPANS)
_MOVES, _LEVELS = _lookup(MOVES), _lookup(LEVELS)
_SUP, _SPAN = _alternatives(SUPERLATIVES), _alternatives(EXTREME_SPANS)
_EXTREME_RE = re.compile(
    rf"\b(?P<sup>{_SUP})\s+(?:(?P<span>{_SPAN})\s+)?(?P<move>{_alternatives(MOVES)})(?:e?s)?\b"
    rf"(?:\s+in\s+(?:a\s+single|one|a)\s+(?P<in_span>day|session|week|month)\b)?"
    rf"|\b(?P<sup2>{_SUP})\s+(?P<span2>{_SPAN})s?\b"
    rf"|\b(?P<sup3>{_SUP})\s+(?P<level>{_alternatives(LEVELS)})s?\b",
    re.I,
)

_LONE_SUP_RE = re.compile(rf"\b(?:{_SUP})\b", re.I)

_FED_RE = re.compile(
    r"\b(?:fed|fomc|federal\s+reserve|fed(?:eral)?\s+funds|policy\s+rate|interest\s+rates?"
    r"|the\s+central\s+bank|powell)\b",
    re.I,
)
# words a passage about the Fed uses, for finding its sentences ("the Fed" in a question)
FED_WORDS = ("Federal Reserve", "FOMC", "policy rate", "rate cut", "Powell")
_RATES_RE = re.compile(r"\brates?\b", re.I)
_CUT_RE = re.compile(r"\b(?:cut|cuts|cutting|lower(?:ed|s)?|ease[ds]?|reduc\w*)\b", re.I)
_HIKE_RE = re.compile(r"\b(?:hike[ds]?|hiking|rais\w+|increas\w+|tighten\w*)\b", re.I)
_MOVE_RE = re.compile(r"\b(?:change[ds]?|move[ds]?|last\s+act\w*|decision)\b", re.I)
_VOL_RE = re.compile(r"\bvolatil\w*|\bstd\b|standard\s+deviation", re.I)
_DD_RE = re.compile(
    r"\bdrawdown|\b(?:from|below|off)\s+(?:its|the)\s+(?:\d+-week\s+)?(?:peak|high|top)\b", re.I
)
_PRICE_RE = re.compile(
    r"\b(?:clos(?:e|ed|ing)|price[ds]?|trad(?:e|ed|ing)\s+at|level|quote[ds]?|worth|cost)\b", re.I
)
_NOT_PRICE_RE = re.compile(r"\breturn|\bperform|\bchang|\bhappen", re.I)
_RETURN_RE = re.compile(
    r"\b(?:return\w*|perform\w*|do|doing|did|done|fare\w*|gain\w*|los[st]\w*|ris[ei]\w*|rose"
    r"|f[ae]ll\w*|drop\w*|chang\w*|mov\w*|up|down|compare\w*|vs\.?|versus|beat|better|worse"
    r"|happen\w*)\b",
    re.I,
)
_TOTAL_RE = re.compile(r"total\s+return|dividends?\s+reinvested|with\s+dividends", re.I)
_YIELD_CHANGE_RE = re.compile(r"\b(?:chang\w*|mov\w*|ris[ei]\w*|rose|f[ae]ll\w*|drop\w*)\b", re.I)
_NEWS_RE = re.compile(
    r"\b(?:why|reasons?|because|caus\w*|dr[oi]ve\w*|driv\w*|said|say|says|saying|news|article"
    r"|reports?|reported|headlines?|analysts?|expect\w*|outlook|according|story|stories"
    r"|who|opinion|think)\b",
    re.I,
)
# "What does the article say about ...": a question about what a text says
TEXT_NOUNS = ("article", "story", "piece", "report", "text", "news", "headline", "headlines",
              "author", "writer", "reporter", "passage", "passages")  # fmt: skip
TEXT_PRONOUNS = ("it", "this", "they")
TEXT_VERBS = ("say", "says", "said", "write", "writes", "wrote", "written", "mention",
              "mentions", "mentioned", "report", "reports", "reported", "claim", "claims",
              "tell", "tells", "told", "cover", "covers", "note", "notes", "noted",
              "describe", "describes", "explain", "explains", "argue", "argues")  # fmt: skip
_NOUN, _VERB = _alternatives(TEXT_NOUNS), _alternatives(TEXT_VERBS)
_TEXT_RE = re.compile(
    rf"\b(?:the|this|that)\s+(?:{_NOUN})\b(?:\s+\w+){{0,2}}?\s+(?:{_VERB})\b"
    rf"|\b(?:does|did|do)\s+(?:{_alternatives(TEXT_PRONOUNS)})\s+(?:{_VERB})\b"
    rf"|\baccording\s+to\s+(?:the|this|that)\s+(?:{_NOUN})\b"
    rf"|\bin\s+(?:the|this|that)\s+(?:article|story|piece|text)\b",
    re.I,
)
# A follow-up starts as one, points back, or names no subject at all.
FOLLOW_UP_OPENERS = ("and", "what about", "how about", "same for", "now", "also", "then",
                     "but", "ok", "okay")  # fmt: skip
_OPENER_RE = re.compile(rf"^\s*(?:{_alternatives(FOLLOW_UP_OPENERS)})\b", re.I)
_BACK_RE = re.compile(r"\b(?:it|its|it's|they|them|their|the\s+same|that\s+one|those)\b", re.I)
# Words that name no subject: what is left after them is a subject the question names.
FILLERS = frozenset(
    "a an the and or but what whats what's how hows how's why when where which who same for "
    "now also then too please instead of in on at to from by with about over during since "
    "until through vs versus did does do done doing was were is are be been being it its "
    "it's they them their that this those these there here so ok okay well just again one "
    "ones show tell give me us we i you my our your much many period time value number figure "
    "compare compared between happen happened happening go went look looked like get got last "
    "latest recent recently year years month months week weeks day days far date end start "
    "beginning".split()
)
_WORD_RE = re.compile(r"(?<![\w$^])([A-Za-z][A-Za-z'-]*)")
_TICKER_WORD_RE = re.compile(r"(?<![\w$^])([A-Za-z]{2,5})(?![\w])")
_PRICE_METRICS = ("return", "volatility", "drawdown", "price", "extreme")


def wants_news(question: str) -> bool:
    """True when the question asks what the news says (why, who, analysts ...)."""
    return bool(_NEWS_RE.search(question))


def asks_about_text(question: str) -> bool:
    """True for questions about what a text says: 'What does the article say about X?'."""
    return bool(_TEXT_RE.search(question))


def search_terms(question: str) -> str:
    """The question as a passage query: the words of 'what the article says' dropped,
    and the words passages use for the subjects it names added ('the Fed' -> 'Federal
    Reserve', 'IJR' -> its fund name)."""
    text = _TEXT_RE.sub(" ", question) if asks_about_text(question) else question
    extra: list[str] = []
    if _FED_RE.search(question):
        extra += FED_WORDS
    for ticker in find_price_tickers(question):
        sym = SYMBOLS.get(ticker)
        if sym is not None and sym.name not in extra:
            extra.append(sym.name)
    return " ".join([" ".join(text.split()), *extra]).strip()


def find_price_tickers(text: str) -> list[str]:
    """Priced tickers named in a question: $IJR, IJR, ijr, 'the Russell 2000', 'oil' ..."""
    return [t for t, _ in _price_mentions(text)]


def _price_mentions(text: str) -> list[tuple[str, tuple[int, int]]]:
    out: list[tuple[str, tuple[int, int]]] = []
    for s, e, sym in find_symbols(text):
        if sym.kind not in ("rate", "yield") and sym.ticker not in [t for t, _ in out]:
            out.append((sym.ticker, (s, e)))
    for m in _TICKER_WORD_RE.finditer(text):
        word = m.group(1)
        if word.islower() and word.upper() in KNOWN_TICKERS:
            if word.upper() not in [t for t, _ in out]:
                out.append((word.upper(), m.span()))
    return out


def find_extreme(text: str) -> tuple[Extreme, tuple[int, int]] | None:
    """'biggest one-day drop' -> Extreme('day', 'down'), with where it was written."""
    m = _EXTREME_RE.search(text)
    if m is None:
        return None
    g = m.groupdict()
    sup = _SUPERLATIVES[_norm(g["sup"] or g["sup2"] or g["sup3"])]
    if g["level"]:
        return Extreme("close", _LEVELS[_norm(g["level"])] or sup or "up"), m.span()
    span_word = g["span"] or g["span2"] or g["in_span"]
    span: ExtremeSpan = _SPANS[_norm(span_word)] if span_word else "day"
    move = _MOVES[_norm(g["move"])] if g["move"] else None
    direction: Direction = move if move and move != "any" else (sup or move or "any")
    return Extreme(span, direction), m.span()


def parse_period(text: str, as_of: date, *, trailing_default: bool = False) -> Period | None:
    """The window a question names: 'in November 2025', 'one-year ... at the end of 2025'.

    With `trailing_default`, an end day alone ('at the end of 2025') means the year to it.
    """
    anchor = find_anchor(text, as_of)
    lookback = find_lookback(text)
    if anchor or lookback:
        end = min(anchor.day, as_of) if anchor else as_of
        if lookback:
            label = f"{lookback.label} to {_day(end)}"
            return Period(back(end, lookback.n, lookback.unit), end, "trailing", label)
        if trailing_default:
            return Period(back(end, 1, "year"), end, "trailing", f"the year to {_day(end)}")
        return Period(date(end.year, 1, 1), end, "window", f"{end.year} through {_day(end)}")
    # a phrase news text uses too wins; else a bare "December 2025", never "Russell 2000"
    windows = find_windows(text, as_of) or find_bare_periods(_mask_symbols(text), as_of)
    if not windows:
        return None
    w = windows[0]
    return Period(w.start, w.end, w.kind, _label(w))


def _mask_symbols(text: str) -> str:
    for s, e, _ in find_symbols(text):
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def is_follow_up(question: str, as_of: date) -> bool:
    """Starts as a follow-up ('And ...', 'What about ...'), points back ('it'), or names
    no subject of its own ('In November?', 'What was the close?')."""
    if _OPENER_RE.search(question) or _BACK_RE.search(question):
        return True
    return not find_price_tickers(question) and not _subject_words(question, as_of)


def _subject_words(question: str, as_of: date) -> list[str]:
    """Words naming something other than tickers, times, metrics and question words."""
    text = question
    spans = [span for _, span in _price_mentions(text)]
    spans += [w.span for w in find_windows(text, as_of)]
    spans += [w.span for w in find_bare_periods(text, as_of)]
    found = find_extreme(text)
    if found:
        spans.append(found[1])
    for rx in (_VOL_RE, _DD_RE, _PRICE_RE, _RETURN_RE, _TOTAL_RE, _FED_RE, _LONE_SUP_RE):
        spans += [m.span() for m in rx.finditer(text)]
    for s, e in spans:
        text = text[:s] + " " * (e - s) + text[e:]
    return [w for w in _WORD_RE.findall(text) if w.lower() not in FILLERS]


def parse_question(
    question: str, as_of: date, previous: DataQuery | None = None, *, explicit: bool = False
) -> DataQuery | None:
    """The data question in `question`, or None when market data cannot answer it.

    `previous` is the last data question of the conversation, for a follow-up.
    `explicit`: only when the question names its window or metric (no defaults), as
    when the chat is scoped to an article and vaguer questions are about the article.
    """
    if asks_about_text(question):
        return None
    fed = _fed_query(question, as_of)
    if fed is not None:
        return fed
    named = [t for t in _symbol_tickers(question) if t in ("DGS10", "^TNX")]
    if named:
        period = parse_period(question, as_of)
        changed = period is not None and period.kind != "day" and _YIELD_CHANGE_RE.search(question)
        return DataQuery("yield_change" if changed else "yield_level", ("DGS10",), period)

    found = find_extreme(question)
    extreme = found[0] if found else None
    # the extreme's own words ("one-day") are not a window
    rest = question
    if found:
        s, e = found[1]
        rest = question[:s] + " " * (e - s) + question[e:]
    tickers = tuple(find_price_tickers(question))
    metric: Metric | None = "extreme" if extreme else _metric(rest)
    period = parse_period(rest, as_of, trailing_default=metric == "volatility")
    follow_up = (
        previous is not None
        and bool(previous.tickers)
        and previous.metric in _PRICE_METRICS
        and is_follow_up(question, as_of)
    )
    if not tickers:
        if not follow_up or _subject_words(question, as_of):
            return None
        assert previous is not None
        tickers = previous.tickers
    if explicit and metric is None and period is None:
        return None
    if metric is None and period is None and not _RETURN_RE.search(question):
        if not follow_up:
            return None
    if follow_up and previous is not None:
        lone = _LONE_SUP_RE.search(question)
        turned = SUPERLATIVES[_norm(lone.group(0))] if lone else None
        if metric is None and previous.extreme and turned:
            # "And the lowest?" after the highest close: the same extreme, turned around
            metric, extreme = "extreme", Extreme(previous.extreme.span, turned)
        if metric is None:
            metric, extreme = previous.metric, previous.extreme
        period = period or previous.period
    metric = metric or "return"
    if period is None:
        period = _default_period(metric, as_of)
    total = bool(_TOTAL_RE.search(question)) or (
        follow_up and previous is not None and previous.total_return and metric == "return"
    )
    return DataQuery(metric, tickers, period, total_return=total, extreme=extreme)


def _metric(question: str) -> Metric | None:
    if _VOL_RE.search(question):
        return "volatility"
    if _DD_RE.search(question):
        return "drawdown"
    if _PRICE_RE.search(question) and not _NOT_PRICE_RE.search(question):
        return "price"
    if _TOTAL_RE.search(question):
        return "return"
    return None


def _default_period(metric: Metric, as_of: date) -> Period:
    if metric == "price":
        return Period(as_of, as_of, "day", f"on or before {_day(as_of)}")
    if metric in ("volatility", "drawdown", "extreme"):
        return Period(back(as_of, 1, "year"), as_of, "trailing", f"the year to {_day(as_of)}")
    return Period(date(as_of.year, 1, 1), as_of, "window", f"{as_of.year} to date")


def _fed_query(question: str, as_of: date) -> DataQuery | None:
    fed = _FED_RE.search(question) or any(t == "FEDFUNDS" for t in _symbol_tickers(question))
    moved = _CUT_RE.search(question) or _HIKE_RE.search(question)
    if not fed and not (_RATES_RE.search(question) and moved):
        return None
    period = parse_period(question, as_of)
    cut, hike = _CUT_RE.search(question), _HIKE_RE.search(question)
    if cut or hike or _MOVE_RE.search(question):
        direction: Literal["cut", "hike"] | None = None
        if cut and not hike:
            direction = "cut"
        elif hike and not cut:
            direction = "hike"
        return DataQuery("fed_move", ("FEDFUNDS",), period, direction=direction)
    if re.search(r"\b(?:rate|range|target|level|where|what)\b", question, re.I):
        return DataQuery("fed_level", ("FEDFUNDS",), period)
    return None


def _symbol_tickers(text: str) -> list[str]:
    return [sym.ticker for _, _, sym in find_symbols(text)]


def _label(w: Window) -> str:
    """'in November 2025' -> 'November 2025'; 'in November' -> 'November 2025' (the year
    it resolved to); 'this year' -> '2026 to date'; 'over the past year' -> 'the past year'."""
    text = re.sub(r"^(?:in|during|for|over|through(?:out)?|on)\s+", "", w.label, flags=re.I)
    if re.search(r"\b(?:19|20)\d{2}\b", text) or w.kind != "window" or w.start.day != 1:
        return text
    names_month = any(word.lower() in MONTHS for word in re.findall(r"[A-Za-z]+", text))
    if (w.start.year, w.start.month) == (w.end.year, w.end.month):
        whole = names_month or w.end == last_day(w.end.year, w.end.month)
        return f"{w.start:%B} {w.start.year}" + ("" if whole else " to date")
    if w.start.month == 1 and w.start.year == w.end.year and not names_month:
        return f"{w.start.year}" + ("" if (w.end.month, w.end.day) == (12, 31) else " to date")
    return text


def _day(d: date) -> str:
    return f"{d:%b} {d.day}, {d.year}"


def describe(query: DataQuery) -> str:
    """A short label: 'IJR return, November 2025'."""
    what = " vs ".join(query.tickers) or query.metric
    metric = query.extreme.phrase if query.extreme else query.metric.replace("_", " ")
    period = f", {query.period.label}" if query.period else ""
    return f"{what} {metric}{period}"
