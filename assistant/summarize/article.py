"""One article: its checked summary (LLM or offline quotes) and the verdicts of its claims."""

from __future__ import annotations

import math
from typing import Literal

from assistant.analysis.sources import claim_clause, passages_of
from assistant.analysis.vetting import Guard, split_sentences
from assistant.check import verify_article
from assistant.config import Settings
from assistant.errors import BadInputError
from assistant.i18n import ENGLISH, Language
from assistant.llm import ChatModel, Message, OfflineEngine, with_fallback
from assistant.llm.log import record_number_check
from assistant.market.base import MarketData
from assistant.market.symbols import find_symbols
from assistant.models import Article, CheckReport
from assistant.numbers import allowed_from_text, check_numbers
from assistant.summarize.records import ClaimVerdict, SummaryRecord
from prompts import load_prompt

PROMPT = "summarize_article"
MAX_SENTENCES = 3


def summarize_one(
    article: Article,
    digest: str,
    *,
    settings: Settings,
    market: MarketData,
    model: ChatModel,
    policy: Literal["flag", "remove"],
    guard: Guard,
    fingerprint: str,
    max_sentences: int = MAX_SENTENCES,
    language: Language = ENGLISH,
) -> SummaryRecord:
    """One article: the summary (number-checked against the article) and its verdicts."""
    if not article.text.strip():
        raise BadInputError("the article has no text")
    check = verify_article(article, market)
    outcome = with_fallback(
        model,
        lambda m: m.complete(_messages(article, max_sentences, language)),
        lambda engine: _offline_summary(engine, article.text, max_sentences),
    )
    kept = [s for s in split_sentences(outcome.value) if not guard.leaks(s)]
    text = " ".join(" ".join(s.split()) for s in kept)
    result = check_numbers(text, allowed_from_text(article.text, "article"))
    summary = result.apply(policy)
    if not outcome.offline:
        record_number_check({"policy": policy, "untraced": result.untraced_count})
    tickers = _tickers(article, check)
    return SummaryRecord(
        id=article.id,
        title=article.title,
        url=article.url,
        source=article.source,
        published=article.published,
        tickers=tickers,
        subject=main_subject(article, tickers),
        summary=summary,
        engine=outcome.engine,
        fallback_reason=outcome.fallback_reason,
        unchecked_numbers=result.untraced_count,
        unchecked_policy=policy,
        claims=_verdicts(check),
        content_hash=digest,
        fingerprint=fingerprint,
    )


def _messages(article: Article, max_sentences: int, language: Language = ENGLISH) -> list[Message]:
    return load_prompt(PROMPT).messages(
        title=article.title or "(untitled)",
        source=article.source or "unknown",
        published=article.published.isoformat() if article.published else "unknown",
        article=article.text,
        max_sentences=max_sentences,
        language=language.name,
    )


def _offline_summary(engine: OfflineEngine, text: str, max_sentences: int) -> str:
    return " ".join(" ".join(x.text.split()) for x in engine.summarize(text, max_sentences))


def _tickers(article: Article, check: CheckReport) -> list[str]:
    out: list[str] = []
    for t in [*(c.claim.ticker for c in check.claims), *article.tickers]:
        if t and t not in out and t not in ("FEDFUNDS", "DGS10"):
            out.append(t)
    return out


def main_subject(article: Article, tickers: list[str]) -> str | None:
    """The ticker the title and text mention most; a tie goes to the one mentioned first,
    then to the one listed first (claim subjects before the article's other tickers)."""
    counts: dict[str, int] = {}
    first: dict[str, float] = {}
    for start, _, sym in find_symbols(f"{article.title}\n{article.text}"):
        counts[sym.ticker] = counts.get(sym.ticker, 0) + 1
        first.setdefault(sym.ticker, start)
    ranked = sorted(
        enumerate(tickers),
        key=lambda it: (-counts.get(it[1], 0), first.get(it[1], math.inf), it[0]),
    )
    return ranked[0][1] if ranked else None


def _verdicts(check: CheckReport) -> list[ClaimVerdict]:
    passages = passages_of(check.article.text)
    out = []
    for c in check.claims:
        text = claim_clause(check.article.text, c.span, passages)
        out.append(
            ClaimVerdict(
                id=c.id,
                text=text,
                kind=c.kind,
                verdict=c.verdict,
                claimed=c.claimed,
                computed=c.computed,
                unit=c.unit,
                explanation=c.explanation,
                claimed_low=c.claim.start_value if c.kind == "rate_level" else None,
                computed_low=(
                    c.evidence[0].values[0]
                    if c.kind == "rate_level" and c.evidence and c.evidence[0].values
                    else None
                ),
            )
        )
    return out
