"""Claim + MarketData -> verdict with evidence. Point-in-time: nothing after as_of."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assistant.errors import MarketDataUnavailable
from assistant.market.symbols import SYMBOLS
from assistant.models import CheckedClaim, Claim
from assistant.verify import guards, macro, prices
from assistant.verify.grading import Outcome
from assistant.verify.lookup import Lookup

Checker = Callable[[Claim, Lookup], Outcome]

CHECKERS: dict[str, Checker] = {
    "pct_change": prices.check_pct_change,
    "point_change": prices.check_point_change,
    "gap": prices.check_gap,
    "price": prices.check_price,
    "index_level": prices.check_price,
    "move": prices.check_move,
    "volatility": prices.check_volatility,
    "drawdown": prices.check_drawdown,
    "rate_change": macro.check_rate_change,
    "rate_level": macro.check_rate_level,
    "rate_count": macro.check_rate_count,
    "yield_level": macro.check_yield_level,
    "yield_change": macro.check_yield_change,
    "ratio": macro.check_ratio,
}
PRICED_KINDS = {
    "pct_change",
    "point_change",
    "gap",
    "price",
    "index_level",
    "move",
    "volatility",
    "drawdown",
}
YIELD_TICKERS = {"DGS2", "^FVX", "DGS10", "^TNX", "DGS30"}


def unverifiable_reason(claim: Claim, as_of: date) -> str | None:
    """Why no data can settle this claim, or None when it can be checked."""
    if claim.forecast:
        return "a forecast or expectation, not a fact that data can settle"
    if claim.unsettled:
        return claim.unsettled
    if claim.note and claim.kind not in CHECKERS:
        return claim.note
    if claim.note == "the text names no definite period":
        return "the text names no definite period ('in recent weeks')"
    if claim.kind not in CHECKERS:
        return "no data source for this kind of figure"
    if claim.kind in PRICED_KINDS:
        if claim.ticker is None:
            subject = f"'{claim.subject}'" if claim.subject else "this subject"
            return f"no market data for {subject} (not a ticker or index finnews knows)"
        sym = SYMBOLS.get(claim.ticker)
        if sym is not None and sym.kind == "other":
            return f"no bundled series for {sym.name}"
        if sym is not None and sym.kind in ("rate", "yield"):
            return f"no price data for {claim.ticker}"
        if sym is not None and sym.proxy and claim.kind in ("price", "index_level"):
            return f"no {sym.name} index series: {sym.proxy} tracks its moves, not its level"
    if claim.kind in ("yield_level", "yield_change") and claim.ticker not in YIELD_TICKERS:
        return f"no data for the {claim.subject or 'yield'} (finnews has 2-, 5-, 10- and 30-year)"
    if claim.kind == "ratio" and claim.ticker is None:
        return "no valuation data for this subject"
    if claim.kind in ("pct_change", "move", "yield_change") and claim.start is None:
        return "the text gives no window for this change"
    if (
        claim.kind == "gap" and claim.window == "day" and (claim.period or "").startswith("now")
    ):  # "Measured over the whole run, the Nasdaq-100 remains ahead by roughly 97 points"
        return "a gap between two series' changes over a period the text does not give"
    if claim.end and claim.end > as_of:
        return f"the claim is about {claim.end}, after the article's date {as_of}"
    return None


def verify_claim(claim: Claim, lookup: Lookup, claim_id: str = "c1") -> CheckedClaim:
    """Check one claim against computed market data."""
    reason = unverifiable_reason(claim, lookup.as_of)
    if reason:
        outcome = Outcome("unverifiable", None, reason)
    else:
        try:
            outcome = _check(claim, lookup)
        except MarketDataUnavailable as exc:
            outcome = Outcome("unverifiable", None, str(exc))
    return CheckedClaim(
        id=claim_id,
        text=claim.text,
        span=claim.span,
        kind=claim.kind,
        verdict=outcome.verdict,
        claimed=claim.value,
        computed=None if outcome.computed is None else round(outcome.computed, 4),
        unit=claim.unit,
        explanation=outcome.explanation,
        evidence=outcome.evidence,
        claim=claim,
    )


def _plain(claim: Claim, lookup: Lookup) -> Outcome:
    check = CHECKERS[claim.kind]
    if claim.bound:
        return guards.check_bound(claim, lookup, check)
    return check(claim, lookup)


def _check(claim: Claim, lookup: Lookup) -> Outcome:
    stale = guards.stale_reason(claim, lookup)
    if stale:
        return Outcome("unverifiable", None, stale)
    outcome = _plain(claim, lookup)
    if claim.intraday:
        outcome = guards.check_intraday(claim, lookup, outcome)
    return guards.ambiguity(claim, lookup, outcome, _plain)


__all__ = ["Lookup", "verify_claim", "unverifiable_reason"]
