"""Why no data settles a claim, in the reader's language.

The reasons are English sentences written by `assistant.verify` (`unverifiable_reason`,
the guards, the data lookups) and by the claim reader (`assistant.claims`: a claim's
`unsettled` and `note`). `REASONS` holds each one's template, with its placeholders
named here; `reason_text` shows a reason through it. A test reads the sources of
`assistant.verify` and `assistant.claims` and fails when a reason has no template here.
Words that fill a placeholder ("this subject", "the window") are in `WORDS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.i18n import N_, _, current
from assistant.i18n.templates import Templates, day_value

REASONS = Templates(
    [
        # assistant/verify/__init__.py: unverifiable_reason
        N_("a forecast or expectation, not a fact that data can settle"),
        N_("the text names no definite period ('in recent weeks')"),
        N_("no data source for this kind of figure"),
        N_("no data for the {subject} (finnews has 2-, 5-, 10- and 30-year)"),
        N_("no valuation data for this subject"),
        N_("the text gives no window for this change"),
        N_("the claim is about {end}, after the article's date {as_of}"),
        N_("no market data for {subject} (not a ticker or index finnews knows)"),
        N_("no bundled series for {name}"),
        N_("no price data for {ticker}"),
        N_("no {name} index series: {proxy} tracks its moves, not its level"),
        N_("a count of Fed moves since a time the text does not date"),
        # assistant/verify/guards.py
        N_("the {ticker} data ends {last}, before {end}"),
        N_(
            "the subject is inferred from an earlier sentence ({subject}), and read so "
            "{explanation}"
        ),
        N_("the text does not pin down the date; {explanation}"),
        N_("a sum of moves over a period the text does not give"),
        N_("above {value} at a close between {span}, not at the last: {explanation}"),
        N_("below {value} at a close between {span}, not at the last: {explanation}"),
        N_(
            "the text names no date or period for this figure; read as the day of "
            "publication, {explanation}"
        ),
        N_("the date is inferred from an earlier sentence ({period}), and read so {explanation}"),
        N_("the date is counted back within the sentence ({period}), and read so {explanation}"),
        N_(
            "it ends at {level}, the {day} close, not {told}'s; to that day {holds}; as read, "
            "{explanation}"
        ),
        N_("written during the session, and no intraday range is held for {ticker}; {explanation}"),
        N_(
            "written during the {day} session, whose range was {low} to {high}: as far from the "
            "peak as the figure at some moment of it, or at the last close; which one the text "
            "means is not known; {explanation}"
        ),
        N_("ambiguous: read for {reading} the figure holds ({holds}); as read, {explanation}"),
        N_("ambiguous: read as {reading} the figure holds ({holds}); as read, {explanation}"),
        # assistant/verify/lookup.py, prices.py, macro.py: data the window needs is missing
        N_("no {ticker} bars up to {day}"),
        N_("no {ticker} bars for the peak window"),
        N_("no {ticker} sessions in {period}"),
        N_("{day} was not a trading day for {ticker}"),
        N_("no intraday {field} of the {maturity} yield on {day} in the data"),
        N_("no change of the Fed's target range before {day}"),
        N_("no Fed target range on {day} in the data"),
        N_("no yield data"),
        N_("no {maturity} yield on {day} in the data"),
        N_("no window for the yield change"),
        N_("no {maturity} yields for {start}..{end} in the data"),
        N_("no valuation data for this subject (only quoted S&P 600 forward P/E figures)"),
        N_("no quoted S&P 600 forward P/E on or before {day}"),
        N_(
            "no quoted S&P 600 forward P/E within two weeks of {day} "
            "(nearest: {value} on {nearest})"
        ),
        # assistant/claims: a claim's `unsettled` and `note`
        N_("dated by an event the text does not date ('on the eve of ...')"),
        N_("over a span the text gives only roughly ('in about a month')"),
        N_("told as earlier or later than a day the text does not name ('the Friday before')"),
        N_("a move outside regular trading hours: daily closes cannot settle it"),
        N_("a move since the session's open: daily closes cannot settle it"),
        N_("a standing on entering a day, from a base the text does not give"),
        N_("the level of a record set on a day the text does not give"),
        N_("a gap between two series' changes over a period the text does not give"),
        N_("a change up to a day the text names, from a start it does not"),
        N_("measured from a peak or trough whose day the text does not give"),
        N_("a price on another basis than the split-adjusted data (before a stock split)"),
        N_("a count of moves of one size: finnews counts moves of any size"),
        N_("a volatility compared across periods the text does not both name"),
        N_("written before the {day} session opened: no close to check yet"),
        N_("the text gives no period for this volatility figure"),
        N_("the text names no definite period"),
        N_("measured from a peak within a period, not the record"),
        N_("a past low point whose day the text does not give"),
        N_("a run of sessions ending on a day the text does not give"),
        N_("a change that sums up figures told before, between days the text does not give"),
        N_("a change up to a peak or trough whose day the text does not give"),
        N_("the furthest point of a move within a period: daily closes do not settle it"),
        N_("several moves of this size: the text does not say which"),
        N_("a figure set against another whose period the text does not give"),
        N_("the first move since an earlier time: a gap finnews does not measure"),
        N_(
            "the deepest fall from a peak within a period: finnews measures one day's "
            "distance from the record"
        ),
        N_("told as what came before another day ('a day after it ...'): which day, as read?"),
        N_("a one-day move whose day the text does not give"),
        N_("a figure in a clause about another time the text does not date"),
        N_("a move over a week or month the text does not date ('capping a choppy week')"),
        N_("a bound the text denies ('never traded below', 'never closed above in 2025')"),
        N_("a threshold in a definition, not a measurement"),
        N_("the level a move started from, on a day the text does not give"),
        N_("the range a run of moves ended at, on a day the text does not give"),
        N_("a level far from that day's, and the text does not date it: {explanation}"),
        N_(
            "too large for one day's move, and the text names no period for it; read as "
            "{period}, {explanation}"
        ),
        N_(
            "far larger than that day's move, and the text names no period for it; read as "
            "{period}, {explanation}"
        ),
        N_(
            "a level on some day {period}, and the text does not say which; at the end, "
            "{explanation}"
        ),
        N_(
            "far larger than the move over {period}, and the text names no period for it; "
            "{explanation}"
        ),
    ],
    free=("explanation", "holds"),
)
# Words the engine puts into a reason's placeholders.
WORDS = {
    w: w
    for w in (
        N_("this subject"),
        N_("a pronoun"),
        N_("yield"),
        N_("the window"),
        N_("that day"),
        N_("the day of publication"),
        N_("the session before"),
        N_("the week to date"),
        N_("the month to date"),
        N_("the year to date"),
        N_("the previous month"),
        N_("the previous week"),
        N_("the previous year"),
        N_("the period from that month's end"),
        N_("the year through the end of the previous month"),
        N_("the market's low"),
        N_("the close"),
        N_("the high"),
        N_("the low"),
        N_("the open"),
    )
}
_MATURITY = re.compile(r"(\d+)-year")
_QUOTED = re.compile(r"'(.+)'")

Fallback = Callable[[str, str], str | None]


def reason_text(reason: str, explained: Fallback | None = None) -> str:
    """A reason in the active language; a reason no template reads stays as it is.

    `explained(key, sentence)` shows a verdict sentence of the engine's inside a reason
    (`explanation`: the claim as read, `holds`: another reading that holds) when that
    sentence is no reason itself; None keeps it as it is."""
    if current().catalog == "en":
        return reason
    shown = _show(reason, explained)
    if shown is not None:
        return shown
    parts = reason.split("; ")  # several reasons joined ("no DGS10 ...; no ^TNX ...")
    if len(parts) > 1:
        each = [_show(p, None) for p in parts]
        if all(p is not None for p in each):
            return _("; ").join(p for p in each if p is not None)
    return reason


def _show(reason: str, explained: Fallback | None) -> str | None:
    def fill(key: str, value: str) -> str:
        return _value(key, value, explained)

    return REASONS.show(reason, fill)


def _value(key: str, value: str, explained: Fallback | None) -> str:
    """One placeholder's value in the active language, where finnews wrote it."""
    if value in WORDS:
        return _(WORDS[value])
    day = day_value(value)
    if day is not None:
        return day
    if key == "field":
        from assistant.i18n.notes import field_name  # notes reads claims, which reads this

        return field_name(value)
    if key == "maturity":
        return _MATURITY.sub(lambda m: _("{years}-year").format(years=m.group(1)), value)
    if key == "subject" and (m := _QUOTED.fullmatch(value)):
        return _("“{text}”").format(text=m.group(1))
    if key in ("explanation", "holds"):
        nested = _show(value, explained)
        if nested is not None:
            return nested
        if explained is not None:
            return explained(key, value) or value
    return value
