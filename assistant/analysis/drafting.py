"""The LLM's draft: the analyze_article prompt with numbered passages and receipts."""

from __future__ import annotations

from assistant.analysis.models import TickerPerformance
from assistant.analysis.sources import Sources
from assistant.i18n import ENGLISH, Language
from assistant.llm import AnalysisDraft, ChatModel, Message
from assistant.models import CheckReport
from prompts import load_prompt

PROMPT = "analyze_article"


def draft_messages(
    check: CheckReport,
    sources: Sources,
    tickers: list[TickerPerformance],
    language: Language = ENGLISH,
) -> list[Message]:
    """The prompt, filled: passages as `[n] text`, receipts as `[Dn] label`, and the
    language the analysis is written in."""
    article = check.article
    published = article.published.isoformat() if article.published else "unknown"
    return load_prompt(PROMPT).messages(
        title=article.title or "(untitled)",
        published=f"{published} (data as of {check.as_of.isoformat()})",
        tickers=", ".join(t.ticker for t in tickers) or "none found",
        passages="\n".join(f"[{p.id}] {p.text}" for p in sources.passages),
        data="\n".join(f"[{r.id}] {r.label}" for r in sources.receipts),
        language=language.name,
    )


def llm_draft(
    model: ChatModel,
    check: CheckReport,
    sources: Sources,
    tickers: list[TickerPerformance],
    language: Language = ENGLISH,
) -> AnalysisDraft:
    messages = draft_messages(check, sources, tickers, language)
    return model.complete(messages, schema=AnalysisDraft)


def system_prompt() -> str:
    return load_prompt(PROMPT).system
