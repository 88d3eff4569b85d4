"""The analysis report's price chart: one panel per related ticker over the window, with each
checked price or move marked with its claimed and actual value. PNG bytes (Agg backend).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date

from assistant.analysis.models import AnalysisReport
from assistant.market.base import Bar
from assistant.models import CheckedClaim
from assistant.verify.grading import fmt_value

COLORS = {
    "supported": "#2e7d32",
    "approximate": "#00838f",
    "contradicted": "#c62828",
    "misdated": "#8e24aa",
    "unverifiable": "#f9a825",
}
_MARKED_KINDS = {"price", "index_level", "move", "pct_change"}
LABEL_CROWD_DAYS = 12  # labels whose points are this close in time are stacked
MAX_PANELS = 6


def price_chart(report: AnalysisReport, bars: Mapping[str, list[Bar]]) -> bytes | None:
    """PNG of the closes of each related ticker (`bars` keyed by data ticker); None if no data."""
    panels = [(t, bars.get(t.data_ticker, [])) for t in report.tickers]
    panels = [(t, _window(b, t.base_date, report.window_end)) for t, b in panels if b][:MAX_PANELS]
    if not panels:
        return None
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib import pyplot as plt
    from matplotlib.dates import DateFormatter

    cols = 2 if len(panels) > 1 else 1
    rows = (len(panels) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(6.2 * cols, 3.0 * rows), squeeze=False)
    try:
        for ax, (perf, window) in zip(axes.flat, panels, strict=False):
            ax.plot([b.date for b in window], [b.close for b in window], color="#37474f", lw=1.4)
            ax.set_title(f"{perf.ticker} close ({fmt_value(perf.change_pct, '%')})", fontsize=10)
            ax.xaxis.set_major_formatter(DateFormatter("%b %d"))
            ax.tick_params(labelsize=8)
            ax.grid(alpha=0.3)
            placed: list[date] = []
            for claim in _claims_for(report, perf.data_ticker):
                _mark(ax, claim, window, placed)
        for ax in list(axes.flat)[len(panels) :]:
            ax.axis("off")
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=90, metadata={"Software": None})
        return buf.getvalue()
    finally:
        plt.close(fig)


def _window(bars: list[Bar], start: date, end: date) -> list[Bar]:
    return [b for b in bars if start <= b.date <= end]


def _claims_for(report: AnalysisReport, data_ticker: str) -> list[CheckedClaim]:
    return [
        c
        for c in report.check.claims
        if c.kind in _MARKED_KINDS
        and c.verdict != "unverifiable"
        and c.evidence
        and c.evidence[0].ticker == data_ticker
    ]


def _mark(ax: object, claim: CheckedClaim, window: list[Bar], placed: list[date]) -> None:
    """A dot at each evidence reading in the window; a dashed line for a move; a label.

    Labels anchored near earlier ones (`placed`) are stacked downwards, not overlaid.
    """
    if not window:
        return
    first, last = window[0].date, window[-1].date
    ev = claim.evidence[0]
    points = [(d, v) for d, v in zip(ev.dates, ev.values, strict=False) if first <= d <= last]
    if not points:
        return
    color = COLORS[claim.verdict]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if len(points) > 1:
        ax.plot(xs, ys, ls="--", color=color, lw=1)  # type: ignore[attr-defined]
    ax.scatter(xs, ys, color=color, s=22, zorder=3)  # type: ignore[attr-defined]
    crowd = sum(1 for d in placed if abs((d - xs[-1]).days) <= LABEL_CROWD_DAYS)
    placed.append(xs[-1])
    lift = 6 - 11 * crowd
    text = (
        f"{claim.id}: claimed {fmt_value(claim.claimed, claim.unit)}"
        f" / actual {fmt_value(claim.computed, claim.unit)}"
    )
    ax.annotate(  # type: ignore[attr-defined]
        text,
        (xs[-1], ys[-1]),
        textcoords="offset points",
        xytext=(-4, lift),
        ha="right",
        fontsize=7,
        color=color,
    )
