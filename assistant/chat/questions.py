"""Reading a data question: which tickers, which metric, which window. Pure functions.

    parse_question("How did IJR do in November 2025?", as_of) -> DataQuery(return, IJR, Nov 2025)

A follow-up ("And QQQ?", "What about December 2025?") borrows what it leaves out
from the previous data question of the session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from assistant.market.symbols import KNOWN_TICKERS, find_symbols
from assistant.text.times import (
    DATE_RE,
    MONTHS,
    NUMBER_WORDS,
    WindowKind,
    find_windows,
    last_day,
    month_re,
    parse_date_match,
)
from assistant.verify.windows import shift_years

Metric = Literal[
    "return", "volatility", "drawdown", "price", "fed_move", "fed_level", "yield_level",
    "yield_change",
]  # fmt: skip
METRICS: tuple[str, ...] = (
    "return", "total_return", "volatility", "drawdown", "price", "fed_move", "fed_level",
    "yield_level", "yield_change",
)  # fmt: skip


@dataclass(frozen=True)
class Period:
    """The days a question is about; `kind` says how a return reads them (see timeexpr)."""

    start: date
    end: date
    kind: WindowKind
    label: str


@dataclass(frozen=True)
class DataQuery:
    """A question market data can answer by computation."""

    metric: Metric
    tickers: tuple[str, ...] = ()
    period: Period | None = None
    direction: Literal["cut", "hike"] | None = None  # fed_move: which kind of move
    total_return: bool = False


_FED_RE = re.compile(
    r"\b(?:fed|fomc|federal\s+reserve|fed(?:eral)?\s+funds|policy\s+rate|interest\s+rates?"
    r"|the\s+central\s+bank|powell)\b",
    re.I,
)
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
_RETURN_RE = re.compile(
    r"\b(?:return\w*|perform\w*|do|doing|did|done|fare\w*|gain\w*|los[st]\w*|ris[ei]\w*|rose"
    r"|f[ae]ll\w*|drop\w*|chang\w*|mov\w*|up|down|compare\w*|vs\.?|versus|beat|better|worse)\b",
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
_FOLLOW_UP_RE = re.compile(r"^\s*(?:and|what\s+about|how\s+about|same\s+for|now)\b", re.I)
_WORD_RE = re.compile(r"(?<![\w$^])([A-Za-z]{2,5})(?![\w])")

_N = r"(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")"
_LOOKBACK_RE = re.compile(
    r"\b" + _N + r"[-\s](?P<u>years?|yrs?|months?|weeks?|days?|sessions?)(?:[-\s]long)?\b"
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


_BARE_MONTH_YEAR = re.compile(
    r"(?<!\bin )(?<!\bduring )(?<!\bfor )(?<!\bover )(?<!\bthrough )(?<!\bof )\b"
    + month_re("m")
    + r"\s+(?:19|20)\d{2}\b",
    re.I,
)


def wants_news(question: str) -> bool:
    """True when the question asks what the news says (why, who, analysts ...)."""
    return bool(_NEWS_RE.search(question))


def find_price_tickers(text: str) -> list[str]:
    """Priced tickers named in a question: $IJR, IJR, ijr, 'the Russell 2000' ..."""
    out: list[str] = []
    for _, _, sym in find_symbols(text):
        if sym.kind not in ("rate", "yield") and sym.ticker not in out:
            out.append(sym.ticker)
    for m in _WORD_RE.finditer(text):
        word = m.group(1)
        if word.islower() and word.upper() in KNOWN_TICKERS and word.upper() not in out:
            out.append(word.upper())
    return out


def parse_period(
    text: str, as_of: date, *, default_lookback: timedelta | None = None
) -> Period | None:
    """The window a question names: 'in November 2025', 'one-year ... at the end of 2025'."""
    anchor: tuple[date, str] | None = None
    for rx in _ANCHOR_RES:
        m = rx.search(text)
        if m is None:
            continue
        if m.groupdict().get("iso") or m.groupdict().get("d"):
            day = parse_date_match(m, as_of)
            if day:
                anchor = (day, m.group(0).strip())
        else:
            year = int(m.group("y"))
            month = MONTHS[_month_key(m.group("m"))] if m.groupdict().get("m") else 12
            anchor = (last_day(year, month), m.group(0).strip())
        if anchor:
            break
    lookback = _LOOKBACK_RE.search(text)
    if anchor or lookback:
        end = min(anchor[0], as_of) if anchor else as_of
        if lookback:
            start = _minus(end, lookback.group("n"), lookback.group("u"))
            label = f"{_span_words(lookback.group('n'), lookback.group('u'))} to {_day(end)}"
            return Period(start, end, "trailing", label)
        if default_lookback is not None:
            return Period(shift_years(end, -1), end, "trailing", f"the year to {_day(end)}")
        return Period(date(end.year, 1, 1), end, "window", f"{end.year} through {_day(end)}")
    # "What about December 2025?": a bare month and year is a month, not "December 20"
    text = _BARE_MONTH_YEAR.sub(lambda m: f"in {m.group(0)}", text)
    windows = find_windows(text, as_of)
    if not windows:
        return None
    w = windows[0]
    return Period(w.start, w.end, w.kind, _label(w.label))


def parse_question(
    question: str, as_of: date, previous: DataQuery | None = None, *, explicit: bool = False
) -> DataQuery | None:
    """The data question in `question`, or None when market data cannot answer it.

    `explicit`: only when the question names its window or metric (no defaults), as
    when the chat is scoped to an article and vaguer questions are about the article.
    """
    fed = _fed_query(question, as_of)
    if fed is not None:
        return fed
    named = [t for t in _symbol_tickers(question) if t in ("DGS10", "^TNX")]
    if named:
        period = parse_period(question, as_of)
        changed = period is not None and period.kind != "day" and _YIELD_CHANGE_RE.search(question)
        return DataQuery("yield_change" if changed else "yield_level", ("DGS10",), period)

    tickers = tuple(find_price_tickers(question))
    metric = _metric(question)
    vol = metric == "volatility"
    period = parse_period(question, as_of, default_lookback=timedelta(days=365) if vol else None)
    follow_up = previous is not None and previous.tickers and previous.metric in _PRICE_METRICS
    if not tickers:
        if follow_up and previous and (period or metric or _FOLLOW_UP_RE.search(question)):
            tickers = previous.tickers
        else:
            return None
    if explicit and metric is None and period is None:
        return None
    if metric is None and period is None and not _RETURN_RE.search(question):
        if not (follow_up and _FOLLOW_UP_RE.search(question)):
            return None
    if follow_up and previous:
        metric = metric or previous.metric
        period = period or previous.period
    metric = metric or "return"
    if period is None:
        period = _default_period(metric, as_of)
    return DataQuery(metric, tickers, period, total_return=bool(_TOTAL_RE.search(question)))


_PRICE_METRICS = ("return", "volatility", "drawdown", "price")


def _metric(question: str) -> Metric | None:
    if _VOL_RE.search(question):
        return "volatility"
    if _DD_RE.search(question):
        return "drawdown"
    if _PRICE_RE.search(question) and not re.search(r"\breturn|\bperform|\bchang", question, re.I):
        return "price"
    if _TOTAL_RE.search(question):
        return "return"
    return None


def _default_period(metric: Metric, as_of: date) -> Period:
    if metric == "price":
        return Period(as_of, as_of, "day", f"on or before {_day(as_of)}")
    if metric in ("volatility", "drawdown"):
        return Period(shift_years(as_of, -1), as_of, "trailing", f"the year to {_day(as_of)}")
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


def _minus(end: date, n_raw: str, unit_raw: str) -> date:
    n = int(n_raw) if n_raw.isdigit() else NUMBER_WORDS[n_raw.lower()]
    unit = unit_raw.lower().rstrip("s")
    if unit in ("year", "yr"):
        return shift_years(end, -n)
    if unit == "month":
        y, m = divmod(end.month - 1 - n, 12)
        year, month = end.year + y, m + 1
        return min(end.replace(year=year, month=month, day=1) + timedelta(days=end.day - 1),
                   last_day(year, month))  # fmt: skip
    if unit == "week":
        return end - timedelta(weeks=n)
    if unit == "session":
        return end - timedelta(days=round(n * 7 / 5))
    return end - timedelta(days=n)


def _month_key(word: str) -> str:
    w = word.lower().rstrip(".")
    return w if w in MONTHS else w[:3]


def _span_words(n_raw: str, unit_raw: str) -> str:
    """'one', 'year' -> 'the year'; '3', 'months' -> 'the 3 months'."""
    n = int(n_raw) if n_raw.isdigit() else NUMBER_WORDS[n_raw.lower()]
    unit = unit_raw.lower().rstrip("s").replace("yr", "year")
    return f"the {unit}" if n == 1 else f"the {n} {unit}s"


def _label(text: str) -> str:
    """'in November 2025' -> 'November 2025'; 'over the past year' -> 'the past year'."""
    return re.sub(r"^(?:in|during|for|over|through(?:out)?|on)\s+", "", text, flags=re.I)


def _day(d: date) -> str:
    return f"{d:%b} {d.day}, {d.year}"


def describe(query: DataQuery) -> str:
    """A short label: 'IJR return, November 2025'."""
    what = " vs ".join(query.tickers) or query.metric
    period = f", {query.period.label}" if query.period else ""
    return f"{what} {query.metric.replace('_', ' ')}{period}"
