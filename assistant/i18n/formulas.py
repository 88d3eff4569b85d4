"""How a receipt's value was computed (`Evidence.formula`), in the reader's language.

The data layers (`assistant.verify`, `assistant.market`, `assistant.receipts`, the chat's
`compute`) write a formula either as arithmetic (`(6845.5 / 6896.24 - 1) * 100`), which
reads the same in every language and is shown as it is, or with words ("close on
2025-12-31", "cuts announced in 2025 up to 2025-12-10"). `FORMULAS` holds the template of
each worded one; a test reads those sources and fails when a worded formula has none.
"""

from __future__ import annotations

from assistant.i18n import N_, _, current
from assistant.i18n.notes import field_name
from assistant.i18n.templates import Templates, day_value

FORMULAS = Templates(
    [
        # assistant/verify/lookup.py (a bar's field), assistant/verify/macro.py (a yield)
        N_("{field} on {day}"),
        N_("{source} {field} on {day}"),
        # assistant/market/metrics.py: RateChange.formula
        N_("({after} - {before}) * 100 = {bp} bp"),
        # assistant/market/metrics.py: annualized_volatility
        N_("stdev({n} {returns}) {stdev} * sqrt({periods}) * 100"),
        # assistant/verify/macro.py: counts of Fed moves
        # Translators: {moves} is "cut" or "hike", already translated; "s" makes it plural.
        N_("{moves}s announced in {year} up to {day}"),
        N_("{moves}s announced from {first} to {last}"),
        N_("run of same-direction moves ending on or before {day}"),
        N_("quoted, not computed"),
        # assistant/receipts.py: rate_range_evidence
        N_("target range in effect on {day} (decisions count from their announcement)"),
        # assistant/chat/compute.py: the 10-year yield, a drawdown and its worst fall, the
        # lowest or highest close of a period
        N_("DGS10 on {day}"),
        N_("{formula}; worst: {worst}"),
        # Translators: {extreme} is "min" or "max", already translated.
        N_("{extreme}(close) over {first}..{last} ({count} closes)"),
    ],
    free=("formula", "worst"),
)
# Words the data layers put into a formula's placeholders.
WORDS = {
    w: w
    for w in (
        N_("cut"),
        N_("hike"),
        N_("daily log returns"),
        N_("month-end simple returns"),
        N_("min"),
        N_("max"),
    )
}


def formula_text(formula: str) -> str:
    """`formula` in the active language; arithmetic, or a formula no template reads, as
    it is."""
    if current().catalog == "en" or not formula:
        return formula
    shown = FORMULAS.show(formula, _value)
    return formula if shown is None else shown


def _value(key: str, value: str) -> str:
    if value in WORDS:
        return _(WORDS[value])
    day = day_value(value)
    if day is not None:
        return day
    if key == "field":
        return field_name(value)
    if key in ("formula", "worst"):
        return formula_text(value)
    return value


def source_and_formula(source: str, formula: str) -> str:
    """`(snapshot; close on 2025-11-20)`: where a receipt's data came from and how its value
    was computed, in the active language; `source` is shown already (`notes.source_name`)."""
    if not formula:
        return _("({source})").format(source=source)
    return _("({source}; {formula})").format(source=source, formula=formula_text(formula))
