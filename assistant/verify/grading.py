"""Tolerance and verdict logic: values in, verdicts out. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.market.metrics import fmt
from assistant.models import Claim, Evidence, VerdictName

EPS = 1e-9
HEDGE_RELATIVE = 0.10  # "about 10%" may be off by a tenth of the true value


@dataclass
class Outcome:
    """What a checker found: verdict, the computed value, why, and the receipts."""

    verdict: VerdictName
    computed: float | None
    explanation: str
    evidence: list[Evidence] = field(default_factory=list)


def unit_of(claim: Claim) -> float:
    """The size of the last digit the claim wrote (10.8% -> 0.1, $245 -> 1)."""
    return 10.0 ** (-claim.decimals)


def tolerance_text(claim: Claim) -> str:
    u = unit_of(claim)
    label = {"%": " pt", "$": "", "bp": " bp", "pts": " pts", "x": "x", "count": ""}[claim.unit]
    prefix = "$" if claim.unit == "$" else ""
    text = f"supported within ±{prefix}{fmt(u / 2)}{label} (the claim's rounding)"
    if claim.approximate:
        text += f"; approximate within ±max({prefix}{fmt(u)}{label}, 10%) as the claim is hedged"
    else:
        text += f"; approximate within ±{prefix}{fmt(u)}{label}"
    return text


def matches(claimed: float, computed: float, claim: Claim) -> bool:
    """Equal within the rounding of the written number."""
    return abs(claimed - computed) <= unit_of(claim) / 2 + EPS


def grade(claimed: float, computed: float, claim: Claim) -> VerdictName | None:
    """supported / approximate, or None when the value is off by more than that."""
    if claimed * computed < 0 and abs(computed) > unit_of(claim) / 2:
        return None  # a sign flip is never close
    diff = abs(claimed - computed)
    u = unit_of(claim)
    if diff <= u / 2 + EPS:
        return "supported"
    if diff <= u + EPS:
        return "approximate"
    if claim.approximate and diff <= max(u, HEDGE_RELATIVE * abs(computed)) + EPS:
        return "approximate"
    return None
