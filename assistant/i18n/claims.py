"""A checked claim as the reader's language shows it: verdict name, values, explanation.

The verdict engine (`assistant.verify`) writes its explanations in English. In another
language the explanation is rebuilt here from the claim's structured fields (verdict,
claimed and computed values, the receipt's ticker and dates), so no English sentence
is shown in a Chinese report."""

from __future__ import annotations

from assistant.i18n import N_, _, current
from assistant.i18n.formats import fmt_day, value_text
from assistant.i18n.reasons import reason_text
from assistant.market.metrics import fmt
from assistant.models import CheckedClaim, Evidence

VERDICT_NAMES = {
    "supported": N_("supported"),
    "approximate": N_("approximate"),
    "contradicted": N_("contradicted"),
    "misdated": N_("misdated"),
    "unverifiable": N_("unverifiable"),
}


def verdict_name(verdict: str) -> str:
    """`contradicted`, `与数据不符`."""
    return _(VERDICT_NAMES[verdict]) if verdict in VERDICT_NAMES else verdict


def _decimals(c: CheckedClaim) -> int:
    return max(2, c.claim.decimals) if c.unit in ("%", "$", "pts") else c.claim.decimals


def _range_low(c: CheckedClaim, value: float | None, computed: bool) -> float | None:
    """The lower bound of a target range: the article's, or the one the data read."""
    if c.kind != "rate_level" or value is None:
        return None
    if not computed:
        return c.claim.start_value
    for e in c.evidence:
        if "lower" in e.fields and "upper" in e.fields:
            upper = e.values[e.fields.index("upper")]
            return e.values[e.fields.index("lower")] if upper == value else None
    return None


def claimed_text(c: CheckedClaim) -> str:
    return value_text(c.claimed, c.unit, c.kind, _decimals(c), _range_low(c, c.claimed, False))


def computed_text(c: CheckedClaim) -> str:
    return value_text(c.computed, c.unit, c.kind, _decimals(c), _range_low(c, c.computed, True))


def receipt_brief(e: Evidence) -> str:
    """`IWM, 2025-11-21 to 2025-11-28` (`via IJR` for a fund read for an index)."""
    who = (
        e.ticker
        if not e.proxy_for
        else _("{ticker} via {proxy}").format(ticker=e.proxy_for, proxy=e.ticker)
    )
    days = sorted(set(e.dates))
    if not days:
        return who
    if len(days) == 1:
        return _("{who}, {day}").format(who=who, day=fmt_day(days[0]))
    return _("{who}, {start} to {end}").format(
        who=who, start=fmt_day(days[0]), end=fmt_day(days[-1])
    )


def explanation(c: CheckedClaim) -> str:
    """Why the claim got its verdict: the engine's own sentence in English, else one built
    from the claim's fields in the active language."""
    if current().catalog == "en":
        return c.explanation
    where = _("; ").join(receipt_brief(e) for e in c.evidence[:2])
    if c.verdict == "supported":
        text = _("The data gives {computed}, as the article says")
    elif c.verdict == "approximate":
        text = _("The data gives {computed}, close to the article's {claimed}")
    elif c.verdict == "contradicted":
        text = _("The data gives {computed}, not the article's {claimed}")
    elif c.verdict == "misdated":
        text = _(
            "The number {claimed} is real but belongs to another date, window, field or ticker"
        )
    else:
        return _reason_sentence(c)
    text = text.format(claimed=claimed_text(c), computed=computed_text(c))
    if where and c.verdict != "unverifiable":
        return _("{sentence} ({receipt}).").format(sentence=text, receipt=where)
    return _("{sentence}.").format(sentence=text)


def _reason_sentence(c: CheckedClaim) -> str:
    """Why no data settles `c`: the engine's reason in the active language (a reason
    without a template stays English); a verdict sentence it ends with is rebuilt."""

    def explained(key: str, _english: str) -> str | None:
        if key == "explanation":
            return _("the data gives {computed} against the article's {claimed}").format(
                computed=computed_text(c), claimed=claimed_text(c)
            )
        other = c.evidence[-1] if len(c.evidence) > 1 else None  # the reading that holds
        if other is None or other.result is None:
            return None
        value = value_text(other.result, c.unit, c.kind, _decimals(c))
        return _("the data gives {value}: {receipt}").format(
            value=value, receipt=receipt_brief(other)
        )

    reason = reason_text(c.explanation, explained)
    if reason == c.explanation:  # a data error passed on as the reason ("no bars for ^N225 ...")
        from assistant.i18n.errors import error_text

        reason = error_text(c.explanation)
    return _("{sentence}.").format(sentence=reason.rstrip("."))


def _step(value: float, unit: str) -> str:
    """A tolerance step: `0.05 pt`, `$0.5`, `1 bp`."""
    num = fmt(value)
    if unit == "%":
        return _("{value} pt").format(value=num)
    if unit == "$":
        return f"${num}"
    if unit == "bp":
        return _("{value} bp").format(value=num)
    if unit == "pts":
        return _("{value} pts").format(value=num)
    if unit == "x":
        return _("{value}x").format(value=num)
    return num


def tolerance(c: CheckedClaim, text: str) -> str:
    """The tolerance a verdict used: the engine's sentence `text` in English, else rebuilt
    from the claim's rounding and hedge."""
    if current().catalog == "en" or not text:
        return text
    step = 10.0 ** (-c.claim.decimals)
    half, full = _step(step / 2, c.unit), _step(step, c.unit)
    if c.claim.approximate:
        return _(
            "supported within ±{half} (the claim's rounding); approximate within "
            "±max({full}, 10%) as the claim is hedged"
        ).format(half=half, full=full)
    return _("supported within ±{half} (the claim's rounding); approximate within ±{full}").format(
        half=half, full=full
    )
