"""`finnews analyze` as a library call: check + related tickers + a cited, vetted analysis.

    report = analyze_article(article, settings=settings, market=market, model=model)

Every sentence the engine (LLM or offline) writes cites article passages [n] or data
receipts [Dn]; every number in it is traced and every claim in it re-checked before
it is shown (see `vetting`).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from assistant.analysis.drafting import llm_draft, system_prompt
from assistant.analysis.models import (
    DISCLAIMER,
    AnalysisReport,
    ArticleSentence,
    CitedSentence,
    KeyFigure,
    NumberCheckSummary,
    NumberNote,
    TickerPerformance,
)
from assistant.analysis.offline import offline_draft
from assistant.analysis.sources import (
    Sources,
    build_sources,
    choose_window,
    claim_clause,
    passage_of,
    performance,
    related_tickers,
)
from assistant.analysis.vetting import Guard, Vetter
from assistant.check import verify_article
from assistant.config import Settings
from assistant.i18n import Language, using
from assistant.i18n.claims import explanation
from assistant.llm import OFFLINE_NOTE, AnalysisDraft, ChatModel, with_fallback
from assistant.market.base import MarketData
from assistant.models import Article, CheckedClaim, CheckReport
from assistant.numbers import Policy
from assistant.receipts import ReportReceipt

__all__ = [
    "DISCLAIMER",
    "AnalysisReport",
    "CitedSentence",
    "KeyFigure",
    "NumberCheckSummary",
    "NumberNote",
    "ArticleSentence",
    "ReportReceipt",
    "TickerPerformance",
    "analyze_article",
]

MAX_KEY_FIGURES = 10


def _checked_passages(check: CheckReport, sources: Sources) -> tuple[str, ...]:
    """The article's passages with no wrong claim: read in the article's context, a quote of
    one is not re-read alone (where "for the month" may mean another month)."""
    wrong = [c for c in check.claims if c.verdict in ("contradicted", "misdated")]
    bad = {p.id for c in wrong if (p := passage_of(sources.passages, c.span)) is not None}
    return tuple(p.text for p in sources.passages if p.id not in bad)


def analyze_article(
    article: Article,
    *,
    settings: Settings,
    market: MarketData,
    model: ChatModel,
    as_of: date | None = None,
    unchecked: Literal["flag", "remove"] | None = None,
    lang: Language | str | None = None,
) -> AnalysisReport:
    """The full report for one article. `unchecked` overrides settings.unchecked_numbers;
    `lang` is the reader's language (default: the active one, `assistant.i18n`): the LLM
    writes in it, the offline engine writes its own sentences in it."""
    with using(lang) as language:
        return _analyze(article, settings, market, model, as_of, unchecked, language)


def _analyze(
    article: Article,
    settings: Settings,
    market: MarketData,
    model: ChatModel,
    as_of: date | None,
    unchecked: Literal["flag", "remove"] | None,
    language: Language,
) -> AnalysisReport:
    policy: Policy = unchecked or ("remove" if settings.unchecked_numbers == "remove" else "flag")
    check = verify_article(article, market, as_of=as_of)
    start, end, window_note = choose_window(check)
    perf = performance(related_tickers(check), market, start, end, check.as_of)
    sources, tickers = build_sources(check, perf, (start, end))

    outcome = with_fallback(
        model,
        lambda m: llm_draft(m, check, sources, tickers, language),
        lambda _: offline_draft(check, sources, tickers),
    )
    secret = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
    vetter = Vetter(
        sources,
        market,
        check.as_of,
        policy,
        Guard(secrets=[secret] if secret else [], system_prompt=system_prompt()),
        own=tuple({x for c in check.claims for x in (c.explanation, explanation(c))})
        + _checked_passages(check, sources),
    )
    sections = _vet(vetter, outcome.value)
    cited = _cited_passages(sections)
    figures = key_figures(check, sources, cited)
    shown_ids = cited | {f.passage for f in figures if f.passage is not None}
    return AnalysisReport(
        check=check,
        engine=outcome.engine,
        offline=outcome.offline,
        mode_note=OFFLINE_NOTE if outcome.offline else None,
        fallback_reason=outcome.fallback_reason,
        window_start=start,
        window_end=end,
        window_note=window_note,
        tickers=tickers,
        passages=[p for p in sources.passages if p.id in shown_ids],
        receipts=sources.receipts,
        analysis=sections["analysis"],
        key_insights=sections["key_insights"],
        risks=sections["risks"],
        opportunities=sections["opportunities"],
        key_figures=figures,
        number_check=vetter.summary,
        disclaimer=DISCLAIMER,
    )


def _vet(vetter: Vetter, draft: AnalysisDraft) -> dict[str, list[CitedSentence]]:
    return {
        "analysis": vetter.vet_paragraph(draft.analysis),
        "key_insights": vetter.vet_items(draft.key_insights),
        "risks": vetter.vet_items(draft.risks),
        "opportunities": vetter.vet_items(draft.opportunities),
    }


def _cited_passages(sections: dict[str, list[CitedSentence]]) -> set[int]:
    return {
        int(c) for items in sections.values() for s in items for c in s.citations if c.isdigit()
    }


def key_figures(check: CheckReport, sources: Sources, cited: set[int]) -> list[KeyFigure]:
    """Checked claims in the passages the report cites (else the first checked ones)."""
    checkable = [c for c in check.claims if c.verdict != "unverifiable"]
    in_cited = [c for c in checkable if _passage_id(sources, c.span) in cited]
    chosen = in_cited or checkable
    return [
        KeyFigure(
            claim_id=c.id,
            label=_label(check, sources, c),
            ticker=c.claim.ticker,
            claimed=c.claimed,
            actual=c.computed,
            unit=c.unit,
            verdict=c.verdict,
            passage=_passage_id(sources, c.span),
            receipts=sources.by_claim.get(c.id, []),
        )
        for c in chosen[:MAX_KEY_FIGURES]
    ]


def _passage_id(sources: Sources, span: tuple[int, int]) -> int | None:
    p = passage_of(sources.passages, span)
    return p.id if p else None


def _label(check: CheckReport, sources: Sources, c: CheckedClaim) -> str:
    return claim_clause(check.article.text, c.span, sources.passages)
