"""The records `finnews summarize` keeps and reports: one per article, and the run's."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from assistant.models import ClaimKind, Strict, Unit, VerdictName

RECORD_VERSION = 1


class ClaimVerdict(Strict):
    id: str
    text: str = Field(description="The clause of the article holding the claim.")
    kind: ClaimKind | None = Field(default=None, description="What the claim is about.")
    verdict: VerdictName
    claimed: float
    computed: float | None
    unit: Unit
    explanation: str
    claimed_low: float | None = Field(default=None, description="A range's lower end.")
    computed_low: float | None = Field(default=None, description="The data's lower end.")


class SummaryRecord(Strict):
    """One JSONL line: an article, its checked summary and the verdicts of its claims."""

    id: str
    title: str
    url: str
    source: str
    published: datetime | None
    tickers: list[str]
    subject: str | None = Field(
        default=None,
        description="The main subject: the ticker mentioned most (ties: the first named).",
    )
    summary: str
    engine: str
    fallback_reason: str | None = None
    unchecked_numbers: int = Field(description="Summary numbers not found in the article.")
    unchecked_policy: Literal["flag", "remove"]
    claims: list[ClaimVerdict]
    content_hash: str
    fingerprint: str


class SummarizeFailure(Strict):
    id: str
    title: str
    reason: str


class SummarizeReport(Strict):
    records: list[SummaryRecord] = Field(description="In input order, resumed ones included.")
    summarized: int = 0
    resumed: int = Field(default=0, description="Skipped: already summarized, same settings.")
    failed: int = 0
    failures: list[SummarizeFailure] = Field(default_factory=list)
    seconds: float = 0.0
