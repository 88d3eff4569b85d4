"""The offline engine's draft: article sentences quoted verbatim with [n], and sentences
written by code from data receipts [Dn]. Deterministic; no language model involved.

The sentences written by code are in the active language (`assistant.i18n`); quotes of
the article stay in its language, marked as quotes where the catalog says so.
"""

from __future__ import annotations

import re
from datetime import date

from babel.dates import format_skeleton

from assistant.analysis.models import ArticleSentence, TickerPerformance
from assistant.analysis.sources import Sources, passage_of
from assistant.i18n import _, current
from assistant.i18n.claims import explanation, verdict_name
from assistant.i18n.formats import fmt_value
from assistant.i18n.notes import quoted, ticker_label
from assistant.llm import AnalysisDraft, OfflineEngine
from assistant.models import CheckedClaim, CheckReport
from assistant.text.sentences import clause_of

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
    quotes: list[ArticleSentence] = []
    for extract in ranked:
        p = passage_of(sources.passages, extract.span)
        if p is not None and p.id not in bad_passages and len(quotes) < MAX_QUOTES:
            quotes.append(p)
    quotes.sort(key=lambda p: p.id)
    analysis = [_quote(p) for p in quotes]
    if tickers:
        analysis.append(_window_sentence(tickers, check.as_of))
    insights = [_error_sentence(c, sources, check.article.text) for c in wrong[:MAX_ERRORS]]
    insights += _mover_sentences(tickers)
    used = {p.id for p in quotes}
    risks = _cue_quotes(sources, _RISK_RE, bad_passages | used, limit=2)
    used |= {int(r.rsplit("[", 1)[1].rstrip("]")) for r in risks}
    opportunities = _cue_quotes(sources, _OPPORTUNITY_RE, bad_passages | used, limit=2)
    return AnalysisDraft(
        analysis=" ".join(analysis),  # each sentence ends in its own punctuation
        key_insights=insights,
        risks=risks,
        opportunities=opportunities,
    )


def _quote(p: ArticleSentence) -> str:
    return f"{quoted(p.text)} [{p.id}]"


def _window_sentence(tickers: list[TickerPerformance], as_of: date) -> str:
    moves = _(", ").join(
        f"{ticker_label(t.ticker)} {fmt_value(t.change_pct, '%')} [{t.receipt}]" for t in tickers
    )
    day, end = (format_skeleton("MMMd", d, locale=current().locale)
                for d in (tickers[0].base_date, tickers[0].end_date))  # fmt: skip
    if tickers[0].end_date < as_of:  # out before the day's close: the window ends earlier
        return _("From its {day} close to its {end} close, the data shows {moves}.").format(
            day=day, end=end, moves=moves
        )
    return _("Since its {day} close, the data shows {moves}.").format(day=day, moves=moves)


def _error_sentence(c: CheckedClaim, sources: Sources, text: str) -> str:
    p = passage_of(sources.passages, c.span)
    cites = ([f"[{p.id}]"] if p else []) + [f"[{r}]" for r in sources.by_claim.get(c.id, [])]
    clause = clause_of(text, p.span if p else c.span, c.span)
    why = explanation(c)
    if current().catalog != "en":
        why = why.rstrip("。.")  # the sentence's own end follows its citations
    return _("The article's “{quote}” is {verdict}: {why} {cites}.").format(
        quote=clause, verdict=verdict_name(c.verdict), why=why, cites="".join(cites)
    )


def _mover_sentences(tickers: list[TickerPerformance]) -> list[str]:
    if len(tickers) < 2:
        return []
    best = max(tickers, key=lambda t: t.change_pct)
    worst = min(tickers, key=lambda t: t.change_pct)
    out = [
        _("Over the window, {name} moved most, {change} [{receipt}].").format(
            name=ticker_label(best.ticker),
            change=fmt_value(best.change_pct, "%"),
            receipt=best.receipt,
        )
    ]
    if worst is not best:
        out.append(
            _("{name} did least, {change} [{receipt}].").format(
                name=ticker_label(worst.ticker),
                change=fmt_value(worst.change_pct, "%"),
                receipt=worst.receipt,
            )
        )
    return out


def _cue_quotes(sources: Sources, cue: re.Pattern[str], skip: set[int], limit: int) -> list[str]:
    scored = [(len(cue.findall(p.text)), p) for p in sources.passages if p.id not in skip]
    picked = sorted((x for x in scored if x[0] > 0), key=lambda x: (-x[0], x[1].id))[:limit]
    return [_quote(p) for _n, p in sorted(picked, key=lambda x: x[1].id)]
