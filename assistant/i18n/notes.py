"""finnews's own fixed sentences and records, shown in the active language.

Some English text is stored in records (the report's disclaimer, the offline engine's
note, the window's note); it is translated where it is shown, by its English text.
Receipts are rebuilt from their evidence outside English, and quotes of the article
are marked as quotes (the catalog decides how: English shows them as they are)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from babel.numbers import format_decimal

from assistant.disclaimers import REPORT
from assistant.i18n import N_, _, current, pgettext
from assistant.i18n.claims import receipt_brief
from assistant.i18n.formats import fmt_day, value_text

if TYPE_CHECKING:
    from assistant.receipts import ReportReceipt as Receipt

# The fixed notes a record may hold, by their English text (`analysis.models.DISCLAIMER`,
# `llm.offline.OFFLINE_NOTE`, `analysis.sources.choose_window`'s notes).
NOTES = {
    note: note
    for note in (
        N_("offline mode: extractive sentences quoted from the sources, no language model"),
        N_("the span of the article's price claims"),
        N_("the month up to the article"),
        REPORT,
    )
}
FIELDS = {
    "close": N_("close"),
    "open": N_("open"),
    "high": N_("high"),
    "low": N_("low"),
    "value": N_("value"),
    "lower": N_("lower"),
    "upper": N_("upper"),
    "upper (before)": N_("upper (before)"),
    "upper (after)": N_("upper (after)"),
    "return": N_("return"),
    "forward_pe": N_("forward P/E"),
    "bp": N_("bp"),
}
SOURCES = {
    "snapshot": N_("snapshot"),
    "cache": N_("cache"),
    "fred snapshot": N_("fred snapshot"),
    "effective dates": N_("effective dates"),
}
# The names of series (`market.symbols`) that are no company's or fund's own name, as
# charts, receipts, digest headings and messages show them.
SERIES = {
    name: name
    for name in (
        N_("10-year Treasury yield"),
        N_("2-year Treasury yield"),
        N_("5-year Treasury yield"),
        N_("30-year Treasury yield"),
        N_("3-month Treasury yield"),
        N_("13-week Treasury bill yield"),
        N_("CBOE 10-Year Treasury Yield Index"),
        N_("Fed funds target range"),
        N_("30-year mortgage rate"),
        # indexes known by a name of their own in other languages
        N_("S&P 500"),
        N_("Russell 2000"),
        N_("S&P SmallCap 600"),
        N_("S&P MidCap 400"),
        N_("Nasdaq-100"),
        N_("Nasdaq Composite"),
        N_("Dow Jones Industrial Average"),
        N_("Dow Jones Transportation Average"),
        N_("Cboe Volatility Index"),
        N_("STOXX Europe 600"),
        N_("FTSE 100"),
        N_("Nikkei 225"),
        N_("Hang Seng"),
        N_("Shanghai Composite"),
        # commodities, currencies and the like (`market.symbols`, kind "other")
        N_("crude oil"),
        N_("Brent crude"),
        N_("gold"),
        N_("silver"),
        N_("copper"),
        N_("natural gas"),
        N_("bitcoin"),
        N_("ether"),
        N_("U.S. dollar index"),
        N_("a market sector"),
    )
}
_SOURCE_RE = re.compile(r"^(snapshot) \((FRED [^,)]+)(?:, (effective dates))?\)$")


def note_text(note: str) -> str:
    """A fixed note in the active language; any other text as it is."""
    return _(NOTES[note]) if note in NOTES else note


def disclaimer_text(text: str) -> str:
    return note_text(text)


def source_name(source: str) -> str:
    """`snapshot`, `快照`; `snapshot (FRED DGS10)`, `快照（FRED DGS10）`."""
    if source in SOURCES:
        return _(SOURCES[source])
    m = _SOURCE_RE.match(source)
    if m is None:
        return source
    detail = m.group(2) + (_(", ") + _(SOURCES[m.group(3)]) if m.group(3) else "")
    return _("{name} ({detail})").format(name=_(SOURCES[m.group(1)]), detail=detail)


def with_source(text: str, source: str) -> str:
    """`IWM ... (snapshot)`: a receipt and where its data came from."""
    return _("{name} ({detail})").format(name=text, detail=source_name(source))


def series_name(name: str) -> str:
    """A rate or yield series' name in the active language (any other name as it is)."""
    return _(SERIES[name]) if name in SERIES else name


def ticker_label(ticker: str) -> str:
    """A ticker as the engine's own sentences name it (`verify.lookup.label`), the index's
    name in the active language: `Russell 2000 (^RUT)`, `罗素2000指数（^RUT）`."""
    from assistant.market.symbols import SYMBOLS

    sym = SYMBOLS.get(ticker)
    if sym and sym.proxy:  # an index read through a fund that tracks it
        # Translators: an index and the fund whose prices stand in for it.
        return _("{name} (via {proxy})").format(name=series_name(sym.name), proxy=sym.proxy)
    if sym and sym.kind == "index":
        return _("{name} ({detail})").format(name=series_name(sym.name), detail=ticker)
    return ticker


def field_name(field: str) -> str:
    return _(FIELDS[field]) if field in FIELDS else field


def quoted(text: str) -> str:
    """The article's own words, marked as a quote (English: as they are)."""
    # Translators: how a quote of the article is marked; {text} stays in its language.
    return pgettext("quote", "{text}").format(text=text)


def _plain(value: float) -> str:
    return format_decimal(Decimal(value), "#,##0.######", locale=current().locale)


def receipt_label(r: Receipt, kind: str | None = None) -> str:
    """A data receipt in one line: finnews's English label, else rebuilt from its evidence:
    `IWM：2025年11月21日 收盘价 235.97，2025年11月28日 收盘价 247.56 → +4.91%`; `kind` is
    the kind of the claim it belongs to (a level reads unsigned)."""
    if current().catalog == "en":
        return r.label
    e = r.evidence
    if len(e.dates) == len(e.fields) == len(e.values):
        read = [
            f"{fmt_day(d)} {field_name(f)} {_plain(v)}"
            for d, f, v in zip(e.dates, e.fields, e.values, strict=False)
        ]
        who = receipt_brief(e.model_copy(update={"dates": []}))
    else:
        read = [f"{field_name(f)} {_plain(v)}" for f, v in zip(e.fields, e.values, strict=False)]
        who = receipt_brief(e)
    text = _("{who}: {read}").format(who=who, read=_(", ").join(read)) if read else who
    if e.result is not None:
        result = value_text(e.result, r.unit, kind) if r.unit else _plain(e.result)
        text = _("{text} -> {result}").format(text=text, result=result)
    return text
