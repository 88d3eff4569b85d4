"""What an analysis may cite: article passages [n], data receipts [Dn], and the window.

Passages are the article's sentences (character spans into its text). Receipts are
the verification engine's evidence, plus one close-to-close change per related
ticker over the report's window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from assistant.analysis.models import ArticleSentence, TickerPerformance
from assistant.errors import MarketDataUnavailable
from assistant.i18n.formats import record_date, record_value
from assistant.market.base import MarketData
from assistant.market.calendar import last_close_by
from assistant.market.metrics import fmt, window_return
from assistant.market.symbols import SYMBOLS, find_tickers
from assistant.models import CheckedClaim, CheckReport, Evidence, Unit
from assistant.numbers import AllowedNumber, allowed_from_text, sentence_spans
from assistant.receipts import ReportReceipt
from assistant.text.sentences import clause_of
from assistant.verify.lookup import Lookup, label

MAX_WINDOW_DAYS = 92  # claims reaching further back (YTD, a trailing year) do not set the window
MAX_TICKERS = 8
_WINDOW_KINDS = {"pct_change", "move", "price", "index_level", "drawdown"}


def passages_of(text: str) -> list[ArticleSentence]:
    """The article's sentences, numbered from 1, with whitespace runs collapsed."""
    return [
        ArticleSentence(id=i, span=(s, e), text=" ".join(text[s:e].split()))
        for i, (s, e) in enumerate(sentence_spans(text), start=1)
    ]


def passage_of(passages: list[ArticleSentence], span: tuple[int, int]) -> ArticleSentence | None:
    """The passage holding the start of `span`."""
    return next((p for p in passages if p.span[0] <= span[0] < p.span[1]), None)


def choose_window(check: CheckReport) -> tuple[date, date, str]:
    """The span of the article's recent price claims, else the month up to the article date.

    It ends at the last close the article could know: a story out before the bell on its
    day ends at the session before.
    """
    end = check.as_of
    published = check.article.published_at
    if published is not None and check.article.published_date == end:
        end = last_close_by(published)
    starts = [
        c.claim.start
        for c in check.claims
        if c.kind in _WINDOW_KINDS
        and c.claim.ticker
        and not c.claim.forecast
        and c.claim.start is not None
        and c.claim.start <= end
        and (end - c.claim.start).days <= MAX_WINDOW_DAYS
    ]
    if starts:
        return min(starts), end, "the span of the article's price claims"
    return end - relativedelta(months=1) + timedelta(days=1), end, "the month up to the article"


def related_tickers(check: CheckReport) -> list[str]:
    """Priced tickers the article is about: claim subjects first, then mentions."""
    out: list[str] = []
    candidates = [c.claim.ticker for c in check.claims if c.claim.ticker]
    candidates += find_tickers(check.article.text) + list(check.article.tickers)
    for ticker in candidates:
        if not ticker or ticker in out:
            continue
        sym = SYMBOLS.get(ticker)
        if sym is not None and sym.kind in ("rate", "yield"):
            continue
        if sym is None and ticker.startswith("^"):
            continue
        out.append(ticker)
    return out


def performance(
    tickers: list[str], market: MarketData, start: date, end: date, as_of: date
) -> list[tuple[TickerPerformance, Evidence]]:
    """Close-to-close change over [start, end] for each ticker with data (proxies deduped)."""
    lookup = Lookup(market, as_of)
    out: list[tuple[TickerPerformance, Evidence]] = []
    seen: set[str] = set()
    for ticker in tickers:
        if len(out) >= MAX_TICKERS:
            break
        try:
            hist, data_ticker, _ = lookup.history(ticker, start)
            if data_ticker in seen:
                continue
            change = window_return(hist.bars, start, end)
            evidence = lookup.receipt(ticker, change, start=start)
        except MarketDataUnavailable:
            continue
        seen.add(data_ticker)
        sym = SYMBOLS.get(ticker)
        perf = TickerPerformance(
            ticker=ticker,
            name=sym.name if sym else ticker,
            data_ticker=data_ticker,
            base_date=change.start_bar.date,
            end_date=change.end_bar.date,
            base_close=change.start_value,
            end_close=change.end_value,
            change_pct=round(change.pct, 4),
            receipt="",
        )
        out.append((perf, evidence))
    return out


def chart_points(
    series: Sequence[tuple[str, str]], market: MarketData, start: date, end: date
) -> dict[str, list[tuple[date, float]]]:
    """The values a chart draws, keyed by series: `series` is (key, how it is read) with
    "bars" (daily closes), "fed" (the target range's upper bound, trading days) or
    "treasury" (a FRED yield). A series without data is left out."""
    out: dict[str, list[tuple[date, float]]] = {}
    for key, source in series:
        try:
            if source == "fed":
                points = [(p.date, p.upper) for p in market.fed_target(start, end)]
                points = [(d, v) for d, v in points if d.weekday() < 5]
            elif source == "treasury":
                points = [(p.date, p.value) for p in market.treasury(key, start, end)]
            else:
                points = [(b.date, b.close) for b in market.history(key, start, end).bars]
        except MarketDataUnavailable:
            continue
        out[key] = points
    return out


def claim_clause(
    text: str, span: tuple[int, int], passages: list[ArticleSentence] | None = None
) -> str:
    """The clause of the article a claim stands in, within its passage (sentence)."""
    p = passage_of(passages if passages is not None else passages_of(text), span)
    return clause_of(text, p.span if p else span, span)


@dataclass
class Sources:
    """Everything a written sentence may cite, and the numbers each source allows."""

    passages: list[ArticleSentence]
    receipts: list[ReportReceipt]
    by_claim: dict[str, list[str]] = field(default_factory=dict)
    allowed: list[AllowedNumber] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.allowed:
            for p in self.passages:
                self.allowed += allowed_from_text(p.text, str(p.id))
            for r in self.receipts:
                self.allowed += receipt_numbers(r)

    @property
    def ids(self) -> set[str]:
        return {str(p.id) for p in self.passages} | {r.id for r in self.receipts}

    def passage(self, pid: int) -> ArticleSentence:
        return self.passages[pid - 1]

    def receipt(self, rid: str) -> ReportReceipt:
        return self.receipts[int(rid[1:]) - 1]


def build_sources(
    check: CheckReport, perf: list[tuple[TickerPerformance, Evidence]], window: tuple[date, date]
) -> tuple[Sources, list[TickerPerformance]]:
    """Number the passages and receipts: ticker performance first, then claim evidence."""
    receipts: list[ReportReceipt] = []
    tickers: list[TickerPerformance] = []
    for p, evidence in perf:
        rid = f"D{len(receipts) + 1}"
        text = perf_label(p, window)
        receipts.append(ReportReceipt(id=rid, label=text, unit="%", evidence=evidence))
        tickers.append(p.model_copy(update={"receipt": rid}))
    by_claim: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    for c in check.claims:
        for evidence in c.evidence:
            key = evidence.model_dump_json()
            if key not in seen:
                rid = f"D{len(receipts) + 1}"
                seen[key] = rid
                unit = result_unit(evidence, c)
                text = evidence_label(evidence, c, unit)
                receipts.append(
                    ReportReceipt(id=rid, label=text, claim_id=c.id, unit=unit, evidence=evidence)
                )
            by_claim.setdefault(c.id, []).append(seen[key])
    sources = Sources(passages_of(check.article.text), receipts, by_claim)
    return sources, tickers


def perf_label(p: TickerPerformance, window: tuple[date, date]) -> str:
    name = label(p.ticker)
    proxy = f" via {p.data_ticker}" if p.data_ticker != p.ticker else ""
    return (
        f"{name}{proxy} over {record_date(window[0])} to {record_date(window[1])}: "
        f"{record_value(p.change_pct, '%')} (close {record_date(p.base_date)} {fmt(p.base_close)} "
        f"to close {record_date(p.end_date)} {fmt(p.end_close)})"
    )


def evidence_label(e: Evidence, claim: CheckedClaim, unit: Unit | None) -> str:
    """One line: what was read, and the result in the claim's unit."""
    name = label(e.ticker) + (f" (for {e.proxy_for})" if e.proxy_for else "")
    if e.formula.startswith("quoted"):
        parts = [f"{fmt(v)} on {record_date(d)}" for d, v in zip(e.dates, e.values, strict=False)]
        return f"{name}: quoted {', '.join(e.fields) or 'figure'} {'; '.join(parts)}"
    if "stdev" in e.formula and e.dates and e.result is not None:
        span = f"{record_date(e.dates[0])} to {record_date(e.dates[-1])}"
        return f"{name} {span}: annualized volatility {e.result:.2f}%"
    if len(e.dates) == len(e.fields) == len(e.values):
        read = ", ".join(
            f"{f} {record_date(d)} {fmt(v)}"
            for d, f, v in zip(e.dates, e.fields, e.values, strict=False)
        )
    elif len(e.fields) == len(e.values):
        on = " to ".join(record_date(d) for d in e.dates)
        read = f"{on}: " + ", ".join(
            f"{f} {fmt(v)}" for f, v in zip(e.fields, e.values, strict=False)
        )
    else:
        read = " to ".join(record_date(d) for d in e.dates)
    return f"{name} {read}{_result_text(e.result, unit, claim)}"


def _result_text(result: float | None, unit: Unit | None, claim: CheckedClaim) -> str:
    if result is None:
        return ""
    if claim.unit == "count" and unit is None:
        return f" -> {result:.0f}"
    if unit == "%" and claim.kind in ("rate_level", "yield_level", "volatility"):
        return f" -> {result:.2f}%"
    return f" -> {record_value(result, unit or '', 2)}"


def result_unit(e: Evidence, claim: CheckedClaim) -> Unit | None:
    """The unit of an evidence result: a price read for a move claim is a level, not a %."""
    if claim.kind == "move" and len(e.dates) == 1:
        return "$" if claim.claim.start_value is not None and e.ticker[:1] != "^" else None
    if claim.kind in ("price", "index_level") and len(e.dates) == 2:
        return "%"
    return None if claim.unit == "count" else claim.unit


def receipt_numbers(r: ReportReceipt) -> list[AllowedNumber]:
    """The numbers a receipt allows: its result (with unit) and the values it read."""
    e = r.evidence
    out: list[AllowedNumber] = []
    if e.result is not None:
        out.append(AllowedNumber(e.result, r.id, r.unit, fmt(e.result)))
    out += [AllowedNumber(v, r.id, None, fmt(v)) for v in e.values]
    return out
