"""A chat answer's computed parts in the reader's language: receipt labels and statements.

The chat computes its answers in English (`assistant.chat.compute`: "IJR returned +2.61%
in November 2025 (...)", labelled "IJR price return, November 2025"); records and
prompts keep them so. Outside English a receipt's label is read through `LABELS` and its
statement rebuilt from the receipt's value and evidence:
`IJR 价格回报，2025年11月：+2.61%（2025年10月31日 收盘价 117.8，2025年11月28日 收盘价
120.87）`."""

from __future__ import annotations

import re
from datetime import date

from babel.dates import format_date

from assistant.i18n import N_, _, current, pgettext
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
PERIOD_WORDS = {
    w: w
    for w in (
        N_("the last trading day"),
        N_("the past week"),
        N_("the past month"),
        N_("the past year"),
        N_("cut"),
        N_("hike"),
    )
}
_MONTHS = "January February March April May June July August September October November December"
_MONTH_YEAR = re.compile(rf"({'|'.join(_MONTHS.split())}) (\d{{4}})")
_YEAR_TO_DATE = re.compile(r"(\d{4}) to date")
_QUARTER = re.compile(r"Q([1-4]) (\d{4})")
_PAST = re.compile(r"the past (\d+) (months|years)")


def period_text(label: str) -> str:
    """A period's label as the reader reads it ("November 2025", "2025年11月"); a label
    of another shape stays as it is."""
    if label in PERIOD_WORDS:
        return _(PERIOD_WORDS[label])
    day = day_value(label)
    if day is not None:
        return day
    if m := _MONTH_YEAR.fullmatch(label):
        first = date(int(m.group(2)), _MONTHS.split().index(m.group(1)) + 1, 1)
        # Translators: a CLDR date pattern for a month of a year.
        return format_date(first, pgettext("date pattern", "MMMM y"), locale=current().locale)
    if label.isdigit() and len(label) == 4:
        return _("{year}").format(year=label)
    if m := _YEAR_TO_DATE.fullmatch(label):
        return _("{year} to date").format(year=m.group(1))
    if m := _QUARTER.fullmatch(label):
        return _("Q{quarter} {year}").format(quarter=m.group(1), year=m.group(2))
    if m := _PAST.fullmatch(label):
        n = m.group(1)
        return (
            _("the past {n} months") if m.group(2) == "months" else _("the past {n} years")
        ).format(n=n)
    return label


def _fill(key: str, value: str) -> str:
    if key in ("period", "direction"):
        return period_text(value)
    return value


def answer_label(r: AnswerReceipt) -> str:
    """A chat receipt's label in the active language (a label of another shape as it is)."""
    if current().catalog == "en":
        return r.label
    return LABELS.show(r.label, _fill) or r.label


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
