"""A chat answer's computed parts in the reader's language: receipt labels and statements.

The chat computes its answers in English (`assistant.chat.compute`: "IJR returned +2.61%
in November 2025 (...)", labelled "IJR price return, November 2025"); records and
prompts keep them so. Outside English a receipt's label is read through `LABELS` and its
statement rebuilt from the receipt's value and evidence:
`IJR 价格回报，2025年11月：+2.61%（2025年10月31日 收盘价 117.8，2025年11月28日 收盘价
120.87）`."""

from __future__ import annotations

import re
from datetime import date, datetime

from babel.dates import format_date, get_day_names, get_month_names

from assistant.i18n import N_, _, current, pgettext
from assistant.i18n.claims import VERDICT_NAMES, verdict_name
from assistant.i18n.formats import fmt_day, fmt_number, value_text
from assistant.i18n.notes import field_name
from assistant.i18n.templates import Templates, day_value
from assistant.market.metrics import fmt
from assistant.receipts import AnswerReceipt

LABELS = Templates(
    [
        N_("{ticker} price return, {period}"),
        N_("{ticker} total return, {period}"),
        N_("{first} minus {second} return, {period}"),
        N_("{ticker} annualized volatility, {period}"),
        N_("{ticker} drawdown, {period}"),
        N_("{ticker} close, {period}"),
        N_("Fed funds target: last {direction}"),
        N_("Fed funds target range, {period}"),
        N_("10-year yield change, {period}"),
        N_("10-year yield, {period}"),
    ]
)
# The extremes a chat answer computes (`chat.questions.Extreme.phrase`).
EXTREMES = {
    w: w
    for w in (
        N_("biggest one-day gain"),
        N_("biggest one-day drop"),
        N_("biggest one-day move"),
        N_("best week"),
        N_("worst week"),
        N_("biggest weekly move"),
        N_("best month"),
        N_("worst month"),
        N_("biggest monthly move"),
        N_("highest close"),
        N_("lowest close"),
    )
}
_EXTREME_RE = re.compile(rf"(\S+) ({'|'.join(map(re.escape, EXTREMES))}), (.+)", re.DOTALL)
# What a data question asks for (`chat.questions.describe`: the metric, "_" as a space).
METRICS = {
    w: w
    for w in (
        N_("return"),
        N_("total return"),
        N_("volatility"),
        N_("drawdown"),
        N_("price"),
        N_("fed move"),
        N_("fed level"),
        N_("yield level"),
        N_("yield change"),
    )
}
# Periods of one or a few words, as the chat labels them.
PERIOD_WORDS = {
    w: w
    for w in (
        N_("the last trading day"),
        N_("the past week"),
        N_("the past month"),
        N_("the past year"),
        N_("cut"),
        N_("hike"),
        N_("today"),
        N_("yesterday"),
        N_("this week"),
        N_("last week"),
        N_("week to date"),
        N_("this month"),
        N_("last month"),
        N_("month to date"),
        N_("this year"),
        N_("last year"),
        N_("year to date"),
    )
}
# Periods the chat writes around other periods, days and numbers; each value is a period
# again ("since March 2025", "the 3 months to Oct 8, 2026", "from Jan 5 to Feb 3, 2026").
PERIODS = Templates(
    [
        N_("{period} to date"),
        N_("in {period}"),
        N_("since {period}"),
        N_("from {start} to {end}"),
        N_("{year} through {day}"),
        N_("the year to {day}"),
        N_("the month to {day}"),
        N_("the week to {day}"),
        N_("the day to {day}"),
        N_("the session to {day}"),
        N_("the {n} years to {day}"),
        N_("the {n} months to {day}"),
        N_("the {n} weeks to {day}"),
        N_("the {n} days to {day}"),
        N_("the {n} sessions to {day}"),
        N_("the past {n} years"),
        N_("the past {n} months"),
        N_("the past {n} weeks"),
        N_("the past {n} days"),
        N_("the first quarter of {year}"),
        N_("the second quarter of {year}"),
        N_("the third quarter of {year}"),
        N_("the fourth quarter of {year}"),
        N_("the first half of {year}"),
        N_("the second half of {year}"),
        N_("early {year}"),
        N_("late {year}"),
        N_("last {weekday}"),
    ]
)
_MONTHS = "January February March April May June July August September October November December"
_MONTH_NAMES = _MONTHS.split()
_MONTH_YEAR = re.compile(rf"({'|'.join(_MONTH_NAMES)}) (\d{{4}})")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FROM_DAY = re.compile(r"from ([A-Z][a-z]{2,8} \d{1,2}) to ([A-Z][a-z]{2,8} \d{1,2}, (\d{4}))")
_YEAR_TO_DATE = re.compile(r"(\d{4}) to date")
_QUARTER = re.compile(r"Q([1-4]) (\d{4})")


def period_text(label: str) -> str:
    """A period's label as the reader reads it ("November 2025", "2025年11月"); a label
    of another shape stays as it is."""
    if current().catalog == "en":
        return label
    if label in PERIOD_WORDS:
        return _(PERIOD_WORDS[label])
    day = day_value(label) or _long_day(label)
    if day is not None:
        return day
    if m := _MONTH_YEAR.fullmatch(label):
        first = date(int(m.group(2)), _MONTH_NAMES.index(m.group(1)) + 1, 1)
        # Translators: a CLDR date pattern for a month of a year.
        return format_date(first, pgettext("date pattern", "MMMM y"), locale=current().locale)
    if label in _MONTH_NAMES:
        return get_month_names("wide", locale=current().locale)[_MONTH_NAMES.index(label) + 1]
    if label in _WEEKDAYS:
        return get_day_names("wide", locale=current().locale)[_WEEKDAYS.index(label)]
    if label.isdigit() and len(label) == 4:
        return _("{year}").format(year=label)
    if m := _YEAR_TO_DATE.fullmatch(label):
        return _("{year} to date").format(year=m.group(1))
    if m := _QUARTER.fullmatch(label):
        return _("Q{quarter} {year}").format(quarter=m.group(1), year=m.group(2))
    if m := _FROM_DAY.fullmatch(label):  # "from Jan 5 to Feb 3, 2026": both days of 2026
        label = f"from {m.group(1)}, {m.group(3)} to {m.group(2)}"
    return PERIODS.show(label, _period_value) or label


def _long_day(label: str) -> str | None:
    """`December 10, 2025` or `Sep 5, 2025` in the reader's format."""
    for pattern in ("%B %d, %Y", "%b %d, %Y"):
        try:
            return fmt_day(datetime.strptime(label, pattern).date())
        except ValueError:
            continue
    return None


def _period_value(key: str, value: str) -> str:
    return value if key in ("n", "year") else period_text(value)


def _fill(key: str, value: str) -> str:
    if key in ("period", "direction"):
        return period_text(value)
    return value


def answer_label(r: AnswerReceipt) -> str:
    """A chat receipt's label in the active language (a label of another shape as it is)."""
    if current().catalog == "en":
        return r.label
    if m := _CHECKED.fullmatch(r.label):  # a claim /verify checked: "supported: IWM rose ..."
        return _("{label}: {value}").format(
            label=verdict_name(m.group(1)), value=_('"{text}"').format(text=m.group(2))
        )
    if m := _EXTREME_RE.fullmatch(r.label):  # "SPY highest close, 2025": no close of "SPY highest"
        return _("{ticker} {extreme}, {period}").format(
            ticker=m.group(1), extreme=_(EXTREMES[m.group(2)]), period=period_text(m.group(3))
        )
    return LABELS.show(r.label, _fill) or r.label


def query_label(tickers: list[str], metric: str, period: str | None) -> str:
    """What a data question asks, as `chat.questions.describe` writes it ("IJR return,
    November 2025"), in the active language."""
    words = metric.replace("_", " ")
    if current().catalog == "en":
        return f"{' vs '.join(tickers) or metric} {words}" + (f", {period}" if period else "")
    name = _(METRICS[words]) if words in METRICS else _(EXTREMES.get(words, words))
    what = " vs ".join(tickers) or name
    if period is None:
        return _("{what} {metric}").format(what=what, metric=name)
    return _("{what} {metric}, {period}").format(what=what, metric=name, period=period_text(period))


_CHECKED = re.compile(rf"({'|'.join(VERDICT_NAMES)}): (.+)", re.DOTALL)
_LEVELS = ("Fed funds target range,", "10-year yield,", "annualized volatility,")


def _kind(r: AnswerReceipt) -> str | None:
    """`yield_level` for a level in percent (read unsigned), else None (a change)."""
    return "yield_level" if r.unit == "%" and any(w in r.label for w in _LEVELS) else None


def answer_statement(r: AnswerReceipt) -> str:
    """A computed result in one sentence: the English statement, else rebuilt from the
    receipt: its label, its value and the data it was read from."""
    if current().catalog == "en":
        return r.statement
    ev = r.evidence
    if len(ev.dates) == len(ev.fields):
        read = [
            f"{fmt_day(d)} {field_name(f)} {fmt(v)}"
            for d, f, v in zip(ev.dates, ev.fields, ev.values, strict=False)
        ]
    else:  # one day, several fields: the target range's lower and upper bound
        read = [f"{field_name(f)} {fmt(v)}" for f, v in zip(ev.fields, ev.values, strict=False)]
        read[:1] = [f"{fmt_day(ev.dates[0])} {read[0]}"] if ev.dates and read else read[:1]
    low = ev.values[ev.fields.index("lower")] if "lower" in ev.fields else None
    value = value_text(r.value, r.unit, _kind(r), low=low)
    if r.unit == "pts" and r.value is not None:  # a difference of two returns [Dn], [Dn+1]
        value, read = _("{value} pt").format(value=fmt_number(r.value)), []
    text = _("{label}: {value}").format(label=answer_label(r), value=value)
    if ev.proxy_for:
        text += _(" (computed on its ETF proxy {ticker})").format(ticker=ev.ticker)
    if read:
        text = _("{text} ({detail})").format(text=text, detail=_(", ").join(read))
    return text
