"""The records of an analysis report; `AnalysisReport` is the JSON schema of `--json`."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.models import Article, CheckReport, Evidence, Unit, VerdictName

DISCLAIMER = (
    "This report describes historical market data and news; it is not investment advice. "
    "Past performance does not predict future results."
)

NoteStatus = Literal["traced", "untraced", "contradicted", "misdated"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Passage(_Strict):
    """Article sentence [id]: `span` indexes into the article text."""

    id: int
    span: tuple[int, int]
    text: str


class Receipt(_Strict):
    """Data receipt [D<n>]: a computed value and how it was computed."""

    id: str = Field(description="'D1', 'D2' ...")
    label: str = Field(description="The receipt in one line, as the prompt and report show it.")
    claim_id: str | None = Field(default=None, description="The checked claim it belongs to.")
    unit: Unit | None = Field(default=None, description="Unit of the evidence's result.")
    evidence: Evidence


class TickerPerformance(_Strict):
    """Close-to-close change of a related ticker over the report's window."""

    ticker: str
    name: str
    data_ticker: str = Field(description="The series read (an ETF proxy for some indexes).")
    base_date: date = Field(description="The last close before the window starts.")
    end_date: date
    base_close: float
    end_close: float
    change_pct: float
    receipt: str


class NumberNote(_Strict):
    """What the check found about one number in a written sentence."""

    raw: str
    status: NoteStatus
    source: str | None = Field(default=None, description="Source id it traced to: '3', 'D2'.")
    correct: float | None = Field(default=None, description="The computed value, when wrong.")
    unit: Unit | None = None
    reason: str


class CitedSentence(_Strict):
    """A sentence of the report as shown (flags included), its citations and number notes."""

    text: str
    citations: list[str]
    numbers: list[NumberNote] = Field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return any(n.status != "traced" for n in self.numbers)


class KeyFigure(_Strict):
    """A checked number the report relies on, with its verdict."""

    claim_id: str
    label: str
    ticker: str | None
    claimed: float
    actual: float | None
    unit: Unit
    verdict: VerdictName
    passage: int | None = None
    receipts: list[str] = Field(default_factory=list)


class NumberCheckSummary(_Strict):
    """The number check over everything the engine wrote."""

    policy: Literal["flag", "remove"]
    numbers: int = 0
    traced: int = 0
    untraced: int = Field(default=0, description="Numbers no cited passage or receipt has.")
    wrong: int = Field(default=0, description="Claims the verification engine rejected.")
    flagged: int = 0
    removed_sentences: int = 0
    uncited_sentences: int = Field(default=0, description="Dropped: they cite no source.")
    guarded_sentences: int = Field(
        default=0, description="Dropped: they repeat the system prompt or a secret."
    )


class AnalysisReport(_Strict):
    """`finnews analyze`: check + related tickers + a cited analysis."""

    check: CheckReport
    engine: str = Field(description="'offline' or the model name.")
    offline: bool
    mode_note: str | None = Field(default=None, description="Says 'offline mode' when offline.")
    fallback_reason: str | None = None
    window_start: date
    window_end: date
    window_note: str
    tickers: list[TickerPerformance]
    passages: list[Passage] = Field(description="The article passages the report cites.")
    receipts: list[Receipt]
    analysis: list[CitedSentence]
    key_insights: list[CitedSentence]
    risks: list[CitedSentence]
    opportunities: list[CitedSentence]
    key_figures: list[KeyFigure]
    number_check: NumberCheckSummary
    disclaimer: str = DISCLAIMER

    @property
    def article(self) -> Article:
        return self.check.article

    def sections(self) -> dict[str, list[CitedSentence]]:
        return {
            "analysis": self.analysis,
            "key_insights": self.key_insights,
            "risks": self.risks,
            "opportunities": self.opportunities,
        }
