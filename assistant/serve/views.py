"""What the article and check pages show, built from the reports as plain values for the
templates (which escape all of it). The report's own wording (header, engine, window and
number-check lines, claimed and computed values) comes from `assistant.render`."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from assistant.analysis.models import AnalysisReport, KeyFigure
from assistant.analysis.sources import claim_clause
from assistant.i18n.formats import record_value as fmt_value
from assistant.models import CheckedClaim, CheckReport
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


@dataclass(frozen=True)
class ClaimRow:
    claim: CheckedClaim
    number: str
    clause: str
    claimed: str
    computed: str


def claim_rows(report: CheckReport) -> list[ClaimRow]:
    text = report.article.text
    return [
        ClaimRow(
            c, c.id.lstrip("c"), claim_clause(text, c.span), claimed_text(c), computed_text(c)
        )  # fmt: skip
        for c in report.claims
    ]


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
    }


def _figure_values(report: AnalysisReport, f: KeyFigure) -> tuple[str, str]:
    claim = next((c for c in report.check.claims if c.id == f.claim_id), None)
    if claim is None:
        return fmt_value(f.claimed, f.unit), fmt_value(f.actual, f.unit)
    return claimed_text(claim), computed_text(claim)


def article_view(report: AnalysisReport, chart: Chart | None) -> dict[str, Any]:
    """The article page: the analysis as `analyze` builds it, and the marked text."""
    a = report.article
    anchors = {p.span[0]: f"text-p{p.id}" for p in report.passages}
    text: list[Piece] = pieces(a.text, report.check.claims, anchors)
    figures = [(f, *_figure_values(report, f)) for f in report.key_figures]
    return {
        "report": report,
        "article": a,
        "link": web_url(a.url),
        "header": header(report),
        "engine": engine_line(report),
        "window": window_line(report),
        "number_check": check_line(report),
        "sections": [(title, report.sections()[key]) for key, title in SECTION_TITLES.items()],
        "figures": figures,
        "pieces": text,
        "rows": claim_rows(report.check),
        "counts": verdict_counts(report.check.claims),
        "chart": chart,
        "chart_data": asdict(chart) if chart else None,
        "chart_verdicts": list(dict.fromkeys(m.verdict for m in chart.markers)) if chart else [],
        "chart_tall": bool(chart and any(s.pane == "rates" for s in chart.series)),
        "chart_notice": " ".join(vendored("NOTICE").split()) if chart else "",
        "chart_library": LIBRARY_FILE,
        "colors": COLORS,
    }
