"""Dates and numbers in the active language, formatted by Babel (CLDR patterns).

In English they read as finnews always wrote them: `Dec 11, 2025`, `+10.83%`,
`$244.98`, `6,765.88`, `-25 bp`; in Chinese `2025年12月11日`, `US$244.98`,
`-25个基点`. Values go to Babel as exact decimals, so rounding matches Python's.

`record_date` and `record_value` are the fixed English forms that records, receipts and
prompts carry whatever the reader's language (evidence labels, explanations): written
without Babel, as `fmt_date`/`fmt_value` write them in English (a test holds the two
together)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from assistant.i18n import _, current, pgettext

_LEVEL_KINDS = frozenset({"rate_level", "yield_level", "volatility"})


def _digits(decimals: int) -> str:
    return "0." + "0" * decimals if decimals > 0 else "0"


def fmt_date(d: date) -> str:
    """A day in prose: `Dec 11, 2025`, `2025年12月11日`."""
    return format_date(d, "medium", locale=current().locale)


def fmt_day(d: date) -> str:
    """A day in a compact header or list: `2025-12-11` in English, `2025年12月11日` in
    Chinese (the pattern is the catalog's)."""
    # Translators: a CLDR date pattern for a day in headers and lists.
    return format_date(d, pgettext("date pattern", "yyyy-MM-dd"), locale=current().locale)


def fmt_number(value: float, decimals: int = 2, grouped: bool = True) -> str:
    """`6,765.88`; `grouped=False` writes `6765.88`."""
    pattern = ("#,##" if grouped else "#") + _digits(decimals)
    return format_decimal(Decimal(value), pattern, locale=current().locale)


def fmt_int(value: int) -> str:
    return format_decimal(value, "#,##0", locale=current().locale)


def fmt_percent(value: float, decimals: int = 2, signed: bool = True) -> str:
    """A value in percent (4.91, not 0.0491): `+4.91%`, or `4.91%` unsigned."""
    body = "#" + _digits(decimals) + "%"
    pattern = f"+{body};-{body}" if signed else body
    return format_percent(Decimal(value) / 100, pattern, locale=current().locale)


def fmt_dollars(value: float, decimals: int = 2) -> str:
    body = "#,##" + _digits(decimals)
    return format_currency(
        Decimal(value),
        "USD",
        format=f"¤{body};¤-{body}",
        locale=current().locale,
        currency_digits=False,
    )


def fmt_value(value: float | None, unit: str, decimals: int = 2) -> str:
    """A number as a reader expects it: +10.83%, $244.98, 6,765.88, -25 bp, 16.50x."""
    if value is None:
        return _("n/a")
    if unit == "%":
        return fmt_percent(value, decimals)
    if unit == "$":
        return fmt_dollars(value, decimals)
    if unit == "bp":
        signed = format_decimal(Decimal(value), "+#0;-#0", locale=current().locale)
        return _("{value} bp").format(value=signed)
    if unit == "x":
        return _("{value}x").format(value=fmt_number(value, decimals, grouped=False))
    if unit == "count":
        return fmt_number(value, 0, grouped=False)
    return fmt_number(value, decimals)


def value_text(
    value: float | None,
    unit: str,
    kind: str | None = None,
    decimals: int = 2,
    low: float | None = None,
) -> str:
    """A claimed or computed value as its reader expects it: a change signed (+4.91%,
    -25 bp), a level as a level (a yield 4.14%, a range 3.50%-3.75%), a price unsigned."""
    if value is None:
        return _("n/a")
    if unit == "%" and kind in _LEVEL_KINDS:
        level = fmt_percent(value, decimals, signed=False)
        if low is not None and low < value:
            return f"{fmt_percent(low, decimals, signed=False)}-{level}"
        return level
    return fmt_value(value, unit, decimals)


def record_date(d: date) -> str:
    """A day as records carry it, in every language: `Dec 11, 2025`."""
    return f"{d:%b} {d.day}, {d.year}"


def record_value(value: float | None, unit: str, decimals: int = 2) -> str:
    """A value as records carry it, in every language: 10.83%, $244.98, 6,765.88, -25 bp."""
    if value is None:
        return "n/a"
    if unit == "%":
        return f"{value:+.{decimals}f}%"
    if unit == "$":
        return f"${value:,.{decimals}f}"
    if unit == "bp":
        return f"{value:+.0f} bp"
    if unit == "x":
        return f"{value:.{decimals}f}x"
    if unit == "count":
        return f"{value:.0f}"
    return f"{value:,.{decimals}f}"
