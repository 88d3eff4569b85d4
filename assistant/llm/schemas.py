"""Structured-output schemas the prompts ask for; validated with pydantic, extra=forbid."""

from __future__ import annotations

from pydantic import Field

from assistant.models import Claim, Strict


class AnalysisDraft(Strict):
    """The LLM's integrated analysis: every sentence ends with [n] / [Dn] citations."""

    analysis: str = Field(description="One paragraph; each sentence cites [n] and/or [Dn].")
    key_insights: list[str] = Field(description="3-5 short insights, each with citations.")
    risks: list[str] = Field(description="Risks the sources mention, each with citations.")
    opportunities: list[str] = Field(
        description="Opportunities the sources mention, each with citations."
    )


class ExtractedClaims(Strict):
    """The LLM claim extractor's answer: claims with `text` copied verbatim from the article."""

    claims: list[Claim] = Field(description="Numeric claims found in the article.")
