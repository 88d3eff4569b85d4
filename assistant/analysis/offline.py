"""The offline engine's draft: article sentences quoted verbatim with [n], and sentences
written by code from data receipts [Dn]. Deterministic; no language model involved.
"""

from __future__ import annotations

import re

from assistant.analysis.models import Passage, TickerPerformance
from assistant.analysis.sources import Sources, passage_of
from assistant.llm import AnalysisDraft, OfflineEngine
from assistant.models import CheckedClaim, CheckReport
from assistant.text.sentences import clause_of
from assistant.verify.grading import fmt_value
from assistant.verify.lookup import label

MAX_QUOTES = 3
MAX_ERRORS = 3
_RISK_RE = re.compile(
    r"volatil|\bdrop|\bfell\b|\bfall|declin|\blag|\brisk|less enthusiastic|not been smooth"
    r"|uncertain|concern|\bwarn|sell-?off|\bloss|\bweak|pressure|trailing|slump|slid|tumbl",
    re.IGNORECASE,
)
_OPPORTUNITY_RE = re.compile(
    r"\bgain|rall(?:y|ied)|climb|record|rebound|\bcut|favou?r|cheap|upside|expect|jump"
    r"|\brose\b|higher|opportunit|valuation|catching up|sprint|surg",
    re.IGNORECASE,
)


def offline_draft(
    check: CheckReport, sources: Sources, tickers: list[TickerPerformance]
) -> AnalysisDraft:
    """Analysis, insights, risks and opportunities from quotes and receipts only."""
    wrong = [c for c in check.claims if c.verdict in ("contradicted", "misdated")]
    bad_passages = {p.id for c in wrong if (p := passage_of(sources.passages, c.span))}
    ranked = OfflineEngine().summarize(check.article.text, max_sentences=len(sources.passages))
    ranked.sort(key=lambda x: (-x.score, x.span[0]))
    quotes: list[Passage] = []
    for extract in ranked:
        p = passage_of(sources.passages, extract.span)
        if p is not None and p.id not in bad_passages and len(quotes) < MAX_QUOTES:
            quotes.append(p)
    quotes.sort(key=lambda p: p.id)
    analysis = [f"{p.text} [{p.id}]" for p in quotes]
    if tickers:
        analysis.append(_window_sentence(tickers))
    insights = [_error_sentence(c, sources, check.article.text) for c in wrong[:MAX_ERRORS]]
    insights += _mover_sentences(tickers)
    used = {p.id for p in quotes}
    risks = _cue_quotes(sources, _RISK_RE, bad_passages | used, limit=2)
    used |= {int(r.rsplit("[", 1)[1].rstrip("]")) for r in risks}
    opportunities = _cue_quotes(sources, _OPPORTUNITY_RE, bad_passages | used, limit=2)
    return AnalysisDraft(
        analysis=" ".join(analysis),
        key_insights=insights,
        risks=risks,
        opportunities=opportunities,
    )


def _window_sentence(tickers: list[TickerPerformance]) -> str:
    base = tickers[0].base_date
    moves = ", ".join(
        f"{label(t.ticker)} {fmt_value(t.change_pct, '%')} [{t.receipt}]" for t in tickers
    )
    return f"Since its {base:%b} {base.day} close, the data shows {moves}."


def _error_sentence(c: CheckedClaim, sources: Sources, text: str) -> str:
    p = passage_of(sources.passages, c.span)
    cites = ([f"[{p.id}]"] if p else []) + [f"[{r}]" for r in sources.by_claim.get(c.id, [])]
    quoted = clause_of(text, p.span if p else c.span, c.span)
    return f"The article's “{quoted}” is {c.verdict}: {c.explanation} {''.join(cites)}."


def _mover_sentences(tickers: list[TickerPerformance]) -> list[str]:
    if len(tickers) < 2:
        return []
    best = max(tickers, key=lambda t: t.change_pct)
    worst = min(tickers, key=lambda t: t.change_pct)
    out = [
        f"Over the window, {label(best.ticker)} moved most, {fmt_value(best.change_pct, '%')} "
        f"[{best.receipt}]."
    ]
    if worst is not best:
        out.append(
            f"{label(worst.ticker)} did least, {fmt_value(worst.change_pct, '%')} "
            f"[{worst.receipt}]."
        )
    return out


def _cue_quotes(sources: Sources, cue: re.Pattern[str], skip: set[int], limit: int) -> list[str]:
    scored = [(len(cue.findall(p.text)), p) for p in sources.passages if p.id not in skip]
    picked = sorted((x for x in scored if x[0] > 0), key=lambda x: (-x[0], x[1].id))[:limit]
    return [f"{p.text} [{p.id}]" for _, p in sorted(picked, key=lambda x: x[1].id)]
