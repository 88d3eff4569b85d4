"""The records of an analysis report; `AnalysisReport` is the JSON schema of `--json`."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from assistant import disclaimers
from assistant.models import Article, CheckReport, Strict, Unit, VerdictName
from assistant.receipts import ReportReceipt

DISCLAIMER = disclaimers.REPORT  # stored in English, translated where shown

NoteStatus = Literal["traced", "untraced", "contradicted", "misdated"]


class ArticleSentence(Strict):
    """Article sentence [id]: `span` indexes into the article text."""

    id: int
    span: tuple[int, int]
    text: str


class TickerPerformance(Strict):
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


class NumberNote(Strict):
    """What the check found about one number in a written sentence."""

    raw: str
    status: NoteStatus
    source: str | None = Field(default=None, description="Source id it traced to: '3', 'D2'.")
    correct: float | None = Field(default=None, description="The computed value, when wrong.")
    unit: Unit | None = None
    reason: str


class CitedSentence(Strict):
    """A sentence of the report as shown (flags included), its citations and number notes."""

    text: str
    citations: list[str]
    numbers: list[NumberNote] = Field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return any(n.status != "traced" for n in self.numbers)


class KeyFigure(Strict):
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


class NumberCheckSummary(Strict):
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


class AnalysisReport(Strict):
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
    passages: list[ArticleSentence] = Field(description="The article passages the report cites.")
    receipts: list[ReportReceipt]
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
