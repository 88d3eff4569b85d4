"""What the article and check pages show, built from the reports as plain values for the
templates (which escape all of it). The report's own wording (header, engine, window and
number-check lines, claimed and computed values) comes from `assistant.render`."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from assistant.analysis.models import AnalysisReport, KeyFigure
from assistant.analysis.sources import claim_clause
from assistant.i18n import _, current
from assistant.i18n.claims import explanation, tolerance, verdict_name
from assistant.i18n.formats import fmt_day, fmt_value, record_date, record_value
from assistant.i18n.formulas import formula_text, source_and_formula
from assistant.i18n.notes import disclaimer_text, quoted, receipt_label, source_name
from assistant.models import CheckedClaim, CheckReport, Evidence
from assistant.render.chart import COLORS, LIBRARY_FILE, Chart, vendored
from assistant.render.checks import claimed_text, computed_text
from assistant.render.report import (
    SECTION_TITLES,
    check_line,
    engine_line,
    header,
    window_line,
)
from assistant.safety import web_url
from assistant.serve.highlight import Piece, pieces, verdict_counts


def shown_day(d: date) -> str:
    """A day as the pages show it: `Dec 11, 2025` in English, else in the reader's format."""
    return record_date(d) if current().catalog == "en" else fmt_day(d)


def shown_value(value: float | None, unit: str) -> str:
    """A value as the pages show it: `+10.83%` in English, else in the reader's format."""
    return record_value(value, unit) if current().catalog == "en" else fmt_value(value, unit)


def evidence_text(c: CheckedClaim, e: Evidence) -> str:
    """One piece of a claim's evidence in its receipt: `IWM, Nov 20, 2025 to Dec 11, 2025:
    (258.01 / 228.9 - 1) * 100; tolerance ... (snapshot)`."""
    who = e.ticker
    if e.proxy_for:
        who = _("{ticker} via {proxy}").format(ticker=e.proxy_for, proxy=e.ticker)
    text = who
    if e.dates:
        days = _(" to ").join(shown_day(d) for d in e.dates)
        text = _("{who}, {day}").format(who=who, day=days)
    if e.formula:
        text = _("{text}: {formula}").format(text=text, formula=formula_text(e.formula))
    if e.tolerance:
        shown = tolerance(c, e.tolerance)
        text = _("{text}; tolerance {tolerance}").format(text=text, tolerance=shown)
    return _("{name} ({detail})").format(name=text, detail=source_name(e.source))


@dataclass(frozen=True)
class ClaimRow:
    claim: CheckedClaim
    number: str
    clause: str
    claimed: str
    computed: str
    verdict: str  # its name in the reader's language
    why: str
    receipt: str  # `claimed 1.60%, data -1.56%.`
    evidence: list[str]


def claim_rows(report: CheckReport) -> list[ClaimRow]:
    text = report.article.text
    rows = []
    for c in report.claims:
        claimed, computed = claimed_text(c), computed_text(c)
        rows.append(
            ClaimRow(
                c,
                c.id.lstrip("c"),
                claim_clause(text, c.span),
                claimed,
                computed,
                verdict_name(c.verdict),
                explanation(c),
                _("claimed {claimed}, data {computed}.").format(claimed=claimed, computed=computed),
                [evidence_text(c, e) for e in c.evidence],
            )
        )
    return rows


def check_view(report: CheckReport) -> dict[str, Any]:
    """The check page's results: the text with its claims marked, and the claims table."""
    a = report.article
    return {
        "check": report,
        "article": a,
        "link": web_url(a.url),
        "pieces": pieces(a.text, report.claims),
        "rows": claim_rows(report),
        "counts": verdict_counts(report.claims),
        "as_of": _("as of {date}").format(date=report.as_of.isoformat()),
    }


def _figure_values(report: AnalysisReport, f: KeyFigure) -> tuple[str, str]:
    claim = next((c for c in report.check.claims if c.id == f.claim_id), None)
    if claim is None:
        return shown_value(f.claimed, f.unit), shown_value(f.actual, f.unit)
    return claimed_text(claim), computed_text(claim)


def _receipts(report: AnalysisReport) -> list[tuple[Any, str, str]]:
    """Each receipt with its label and `(source; formula)`, in the reader's language."""
    kinds = {c.id: c.kind for c in report.check.claims}
    return [
        (
            r,
            receipt_label(r, kinds.get(r.claim_id or "")),
            source_and_formula(source_name(r.evidence.source), r.evidence.formula),
        )
        for r in report.receipts
    ]


def _unplaced(chart: Chart | None) -> str:
    """`Checked claims not on the chart: #7 (why); #9 (why).`"""
    if chart is None or not chart.unplaced:
        return ""
    items = _("; ").join(_("#{n} ({why})").format(n=n, why=why) for n, why in chart.unplaced)
    return _("Checked claims not on the chart: {claims}.").format(claims=items)


def article_view(report: AnalysisReport, chart: Chart | None) -> dict[str, Any]:
    """The article page: the analysis as `analyze` builds it, and the marked text."""
    a = report.article
    anchors = {p.span[0]: f"text-p{p.id}" for p in report.passages}
    text: list[Piece] = pieces(a.text, report.check.claims, anchors)
    figures = [
        (f, quoted(f.label), *_figure_values(report, f), verdict_name(f.verdict))
        for f in report.key_figures
    ]
    return {
        "report": report,
        "article": a,
        "link": web_url(a.url),
        "header": header(report),
        "engine": engine_line(report),
        "window": window_line(report),
        "number_check": check_line(report),
        "sections": [(_(title), report.sections()[key]) for key, title in SECTION_TITLES.items()],
        "figures": figures,
        "pieces": text,
        "rows": claim_rows(report.check),
        "counts": verdict_counts(report.check.claims),
        "receipts": _receipts(report),
        "disclaimer": disclaimer_text(report.disclaimer),
        "chart": chart,
        "chart_data": asdict(chart) if chart else None,
        "chart_verdicts": [
            (v, verdict_name(v)) for v in dict.fromkeys(m.verdict for m in chart.markers)
        ]
        if chart
        else [],
        "chart_unplaced": _unplaced(chart),
        "chart_tall": bool(chart and any(s.pane == "rates" for s in chart.series)),
        "chart_notice": " ".join(vendored("NOTICE").split()) if chart else "",
        "chart_library": LIBRARY_FILE,
        "colors": COLORS,
    }
