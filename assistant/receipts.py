"""Receipts [Dn]: values computed from market data, each with the evidence that shows how.

One record, `Receipt` (its id and its one-line label), in the two shapes that carry it:
`ReportReceipt` in an analysis report (`finnews analyze --json`), tied to the checked
claim it settles; `AnswerReceipt` in a chat answer (`finnews chat --json`), with the
result in a sentence, its value and window, and the passage it checks. The evidence of
the Fed's target range, which the claim check and the chat both cite, is built here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from pydantic import Field

from assistant.market.base import History, RatePoint
from assistant.market.metrics import RateChange
from assistant.models import CheckedClaim, Evidence, Strict, Unit

FED_SOURCE = "snapshot (FRED DFEDTARL/DFEDTARU, effective dates)"
DGS10_SOURCE = "snapshot (FRED DGS10)"


class Receipt(Strict):
    """Receipt [Dn]: a value computed from market data, cited as [Dn]."""

    id: str = Field(description="'D1', 'D2' ...: cited as [D1].")
    label: str = Field(description="The receipt in one line, as prompts and reports show it.")


class ReportReceipt(Receipt):
    """A receipt of an analysis report: a checked claim's computed value, or a ticker's."""

    claim_id: str | None = Field(default=None, description="The checked claim it belongs to.")
    unit: Unit | None = Field(default=None, description="Unit of the evidence's result.")
    evidence: Evidence


class AnswerReceipt(Receipt):
    """A receipt of a chat answer: the computed result in a sentence, and its window."""

    statement: str = Field(description="The computed result in one sentence, without citation.")
    value: float | None = None
    unit: str = ""
    start: date | None = Field(default=None, description="First day of the window.")
    end: date | None = Field(default=None, description="Last day of the window (or the date).")
    evidence: Evidence
    passage: int | None = Field(
        default=None,
        description="Set when this receipt checks a number of passage [n]: that n.",
    )


def check_receipt(
    n: int,
    c: CheckedClaim,
    label: str,
    statement: str,
    *,
    window: bool = True,
    passage: int | None = None,
    no_data: str = "no data",
) -> AnswerReceipt:
    """Receipt [Dn] of a checked claim: its computed value and its first evidence (a claim
    no data settles gets an empty one, its source `no_data`); `window` keeps the claim's
    start and end."""
    ev = c.evidence[0] if c.evidence else Evidence(ticker=c.claim.ticker or "-", source=no_data)
    return AnswerReceipt(
        id=f"D{n}",
        label=label,
        statement=statement,
        value=c.computed,
        unit=c.unit,
        start=c.claim.start if window else None,
        end=c.claim.end if window else None,
        evidence=ev,
        passage=passage,
    )


def closes_evidence(
    hist: History,
    ticker: str,
    proxy_for: str | None,
    closes: Sequence[tuple[date, float]],
    formula: str,
    result: float,
) -> Evidence:
    """The evidence of a value read from closes of `hist` (the series of `ticker`, read for
    index `proxy_for` when it is a fund): each close's day and value, and the formula."""
    return Evidence(
        ticker=ticker,
        proxy_for=proxy_for,
        source=hist.source,
        fetched_at=hist.fetched_at,
        dates=[d for d, _ in closes],
        fields=["close"] * len(closes),
        values=[v for _, v in closes],
        formula=formula,
        result=result,
    )


def rate_change_evidence(c: RateChange, tol: str = "") -> Evidence:
    """The evidence of one change of the Fed's target range."""
    return Evidence(
        ticker="FEDFUNDS",
        source=FED_SOURCE,
        dates=[c.date - timedelta(days=1), c.date],
        fields=["upper (before)", "upper (after)"],
        values=[c.old_upper, c.new_upper],
        formula=c.formula,
        result=float(c.bp),
        tolerance=tol,
    )


def rate_range_evidence(point: RatePoint, day: date, tol: str = "") -> Evidence:
    """The evidence of the target range in effect on `day`."""
    return Evidence(
        ticker="FEDFUNDS",
        source=FED_SOURCE,
        dates=[point.date],
        fields=["lower", "upper"],
        values=[point.lower, point.upper],
        formula=f"target range in effect on {day} (decisions count from their announcement)",
        result=point.upper,
        tolerance=tol,
    )
