"""The records a chat answer is made of; `Answer` is also the `--json` output schema."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.models import Evidence

AnswerKind = Literal["data", "news", "mixed", "llm", "none", "verify"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Citation(_Strict):
    """Passage [n]: a span of one indexed article."""

    n: int = Field(description="The number cited as [n] in the answer.")
    article_id: str
    title: str = ""
    published: datetime | None = None
    source: str = ""
    url: str = ""
    text: str = Field(description="The passage, article.text[start:end].")
    start: int = 0
    end: int = 0
    score: float | None = Field(default=None, description="Retrieval score, when ranked.")
    checks: list[str] = Field(
        default_factory=list,
        description="Receipts [Dn] of numbers in this passage that the claim check calls "
        "contradicted or misdated (checked as of the article's date).",
    )

    @property
    def date_text(self) -> str:
        return self.published.date().isoformat() if self.published else "date unknown"


class DataReceipt(_Strict):
    """Receipt [Dn]: a value computed from market data, and how."""

    id: str = Field(description="'D1', 'D2' ...: cited as [D1].")
    label: str = Field(description="What was computed, e.g. 'IJR price return, November 2025'.")
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


class FlaggedNumber(_Strict):
    """A number in an answer that no cited passage or receipt holds."""

    text: str
    sentence: str
    reason: str


class Answer(_Strict):
    """One answer of the chat: text with [n]/[Dn] citations, the sources and the checks."""

    question: str
    text: str
    kind: AnswerKind = Field(
        description="data (computed), news (quoted passages), mixed, llm, none (not answered), "
        "verify (/verify)."
    )
    engine: str = Field(description="'offline' or the LLM model name.")
    as_of: date = Field(description="No market data after this day was used.")
    citations: list[Citation] = Field(default_factory=list)
    receipts: list[DataReceipt] = Field(default_factory=list)
    flagged: list[FlaggedNumber] = Field(default_factory=list)
    article_id: str | None = Field(default=None, description="The article the chat is scoped to.")
    note: str | None = Field(default=None, description="Offline label or fallback reason.")

    @property
    def answered(self) -> bool:
        return self.kind != "none"
