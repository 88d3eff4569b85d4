"""The records a chat answer is made of; `Answer` is also the `--json` output schema."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from assistant.models import Strict
from assistant.receipts import AnswerReceipt

AnswerKind = Literal["data", "news", "mixed", "llm", "none", "verify"]


class Citation(Strict):
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


class FlaggedNumber(Strict):
    """A number in an answer that no cited passage or receipt holds."""

    text: str
    sentence: str
    reason: str


class Answer(Strict):
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
    receipts: list[AnswerReceipt] = Field(default_factory=list)
    flagged: list[FlaggedNumber] = Field(default_factory=list)
    article_id: str | None = Field(default=None, description="The article the chat is scoped to.")
    note: str | None = Field(default=None, description="Offline label or fallback reason.")

    @property
    def answered(self) -> bool:
        return self.kind != "none"
