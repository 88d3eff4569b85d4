"""The analysis report's chart: what to draw, as data, and two ways to draw it.

`plan_chart(report)` decides what to draw: one series per related ticker, as the percent
change from its close before the window (the change the tickers table shows); when a
checked claim is about the Fed funds target or a Treasury yield, that rate as a level in
a second pane; and one marker per checked claim on the series it is about, on the last
day its receipt reads, coloured by its verdict. `assistant.analysis.sources.chart_points`
reads the values; `chart_data()` puts the two together.

`chart_html()` draws it with the vendored TradingView lightweight-charts (interactive,
offline: the library is inlined); `chart_svg()` draws a small static SVG for formats
that need an image file (Markdown). Both are pure functions of `Chart`.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

from markupsafe import Markup

from assistant.analysis.models import AnalysisReport
from assistant.analysis.sources import chart_points, claim_clause
from assistant.i18n import _, current
from assistant.i18n.claims import claimed_text, computed_text, explanation, verdict_name
from assistant.i18n.formats import fmt_date
from assistant.i18n.notes import receipt_label, series_name, ticker_label
from assistant.market.base import MarketData
from assistant.market.snapshot import TREASURY_SERIES
from assistant.market.symbols import SYMBOLS
from assistant.models import CheckedClaim
from assistant.render.escape import html_text
from assistant.render.fonts import FONT_STACK
from assistant.render.templating import render_page
from assistant.safety import printable_json

COLORS = {
    "supported": "#2e7d32",
    "approximate": "#00838f",
    "contradicted": "#c62828",
    "misdated": "#8e24aa",
    "unverifiable": "#f9a825",
}
# Line colours that no verdict uses, so that a marker never looks like a line.
PALETTE = ("#1565c0", "#ef6c00", "#5d4037", "#546e7a", "#283593", "#9e9d24", "#6d4c41", "#0277bd")
RATE_COLORS = ("#37474f", "#795548", "#3949ab")
_RATE_KINDS = {"rate_level", "rate_change", "rate_count"}
_YIELD_KINDS = {"yield_level", "yield_change"}
FED = "FEDFUNDS"

Pane = Literal["prices", "rates"]
Source = Literal["bars", "fed", "treasury"]
Reading = tuple[date, float]


@dataclass(frozen=True)
class SeriesSpec:
    """One line: the series read (`key`), how it is read, and what it is shown as."""

    key: str
    label: str
    pane: Pane
    source: Source
    base_date: date | None = None  # prices: shown as the change from this close
    base_close: float | None = None


@dataclass(frozen=True)
class ChartPlan:
    start: date
    end: date
    series: list[SeriesSpec]
    placed: dict[str, tuple[str, date]]  # claim id -> (series key, day)
    unplaced: dict[str, str]  # claim id -> why it has no marker


@dataclass(frozen=True)
class ChartPoint:
    time: str  # YYYY-MM-DD
    value: float  # prices: % change from the base close; rates: the level in %
    raw: float  # the close or level read


@dataclass(frozen=True)
class ChartSeries:
    key: str
    label: str
    pane: Pane
    color: str
    points: list[ChartPoint]
    step: bool = False  # a level that changes on decision days (the Fed's target)


@dataclass(frozen=True)
class ChartMarker:
    """A checked claim on the chart, with everything its hover shows."""

    id: str
    number: str
    series: str
    time: str
    verdict: str
    color: str
    clause: str
    claimed: str
    computed: str
    explanation: str
    receipts: list[str] = field(default_factory=list)
    verdict_label: str = ""  # the verdict's name in the reader's language


@dataclass(frozen=True)
class Chart:
    start: str
    end: str
    lines_note: str  # what the lines show
    series: list[ChartSeries]
    markers: list[ChartMarker]
    unplaced: list[tuple[str, str]]  # (claim number, why)
    lang: str = "en"  # the page's language: the hover box formats dates and numbers in it
    words: dict[str, str] = field(default_factory=dict)  # the hover box's own words

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))


# -- what to draw --------------------------------------------------------------------------
def checked_claims(report: AnalysisReport) -> list[CheckedClaim]:
    """The claims the data settled: every one of them gets a marker or a reason why not."""
    return [c for c in report.check.claims if c.verdict != "unverifiable" and c.evidence]


def plan_chart(report: AnalysisReport) -> ChartPlan | None:
    """The series and the marker of each checked claim; None when there is nothing to draw."""
    series: dict[str, SeriesSpec] = {}
    for t in report.tickers:
        series[t.data_ticker] = SeriesSpec(
            t.data_ticker, t.ticker, "prices", "bars", t.base_date, t.base_close
        )
    placed: dict[str, tuple[str, date]] = {}
    unplaced: dict[str, str] = {}
    for c in checked_claims(report):
        spec = _series_for(c, report, series)
        days = c.evidence[0].dates
        if spec is None or not days:
            subject = c.claim.ticker or c.evidence[0].ticker
            unplaced[c.id] = _("no chart series for {name}").format(name=ticker_label(subject))
            continue
        series.setdefault(spec.key, spec)
        placed[c.id] = (spec.key, max(days))
    if not series:
        return None
    starts = [s.base_date for s in series.values() if s.base_date is not None]
    days = [d for _, d in placed.values()]
    start = min([*starts, *days, report.window_start])
    end = max([*days, report.window_end])
    ordered = [s for s in series.values() if s.pane == "prices"]
    ordered += [s for s in series.values() if s.pane == "rates"]
    return ChartPlan(start, end, ordered, placed, unplaced)


def _series_for(
    c: CheckedClaim, report: AnalysisReport, prices: Mapping[str, SeriesSpec]
) -> SeriesSpec | None:
    """The line a claim is about: its subject's, never a neighbour's."""
    ev = c.evidence[0]
    if c.kind in _RATE_KINDS:
        return SeriesSpec(FED, _("Fed funds target (upper bound)"), "rates", "fed")
    if c.kind in _YIELD_KINDS:
        source: Source = "treasury" if ev.ticker in TREASURY_SERIES else "bars"
        name = series_name(SYMBOLS[ev.ticker].name) if ev.ticker in SYMBOLS else ev.ticker
        return SeriesSpec(ev.ticker, name, "rates", source)
    subject = c.claim.ticker or ev.ticker
    sym = SYMBOLS.get(subject)
    wanted = [subject, ev.proxy_for if ev.ticker == subject else None]
    wanted.append(sym.proxy if sym else None)
    for want in wanted:
        for t in report.tickers:
            if want and want in (t.ticker, t.data_ticker):
                return prices[t.data_ticker]
    return None


def chart_data(
    report: AnalysisReport, plan: ChartPlan, readings: Mapping[str, Sequence[Reading]]
) -> Chart | None:
    """The plan with its values (`readings` keyed by series key, ascending by date)."""
    shown: list[ChartSeries] = []
    days: dict[str, list[date]] = {}
    prices = rates = 0
    for spec in plan.series:
        points = [p for d, v in readings.get(spec.key, []) if (p := _point(spec, d, v))]
        if not points:
            continue
        if spec.pane == "prices":
            color, prices = PALETTE[prices % len(PALETTE)], prices + 1
        else:
            color, rates = RATE_COLORS[rates % len(RATE_COLORS)], rates + 1
        step = spec.source == "fed"
        shown.append(ChartSeries(spec.key, spec.label, spec.pane, color, points, step))
        days[spec.key] = [date.fromisoformat(p.time) for p in points]
    if not shown:
        return None
    receipts = {r.evidence.model_dump_json(): r for r in report.receipts}
    markers: list[ChartMarker] = []
    unplaced = dict(plan.unplaced)
    for c in checked_claims(report):
        if c.id not in plan.placed:
            continue
        key, day = plan.placed[c.id]
        on = _snap(days.get(key, []), day)
        if on is None:
            unplaced[c.id] = _("no {key} data on {day}").format(key=key, day=fmt_date(day))
            continue
        cited = [receipts[k] for k in (e.model_dump_json() for e in c.evidence) if k in receipts]
        markers.append(
            ChartMarker(
                id=c.id,
                number=c.id.lstrip("c"),
                series=key,
                time=on.isoformat(),
                verdict=c.verdict,
                color=COLORS[c.verdict],
                clause=claim_clause(report.article.text, c.span),
                claimed=claimed_text(c),
                computed=computed_text(c),
                explanation=explanation(c),
                receipts=[f"[{r.id}] {receipt_label(r, c.kind)}" for r in cited],
                verdict_label=verdict_name(c.verdict),
            )
        )
    markers.sort(key=lambda m: (m.time, int(m.number) if m.number.isdigit() else 0))
    order = {c.id: n for n, c in enumerate(report.check.claims)}
    missing = sorted(unplaced.items(), key=lambda kv: order.get(kv[0], 0))
    return Chart(
        start=plan.start.isoformat(),
        end=plan.end.isoformat(),
        lines_note=_lines_note(plan, shown),
        series=shown,
        markers=markers,
        unplaced=[(cid.lstrip("c"), why) for cid, why in missing],
        lang=current().html_lang,
        words={"claimed": _("claimed"), "data": _("data"), "close": _("close")},
    )


def _lines_note(plan: ChartPlan, shown: list[ChartSeries]) -> str:
    keys = {s.key for s in shown}
    bases = {s.base_date for s in plan.series if s.base_date is not None and s.key in keys}
    rates = any(s.pane == "rates" for s in shown)
    parts = []
    if len(bases) == 1:
        day = fmt_date(min(bases))
        parts.append(_("change from each ticker's close on {day}").format(day=day))
    elif bases:
        parts.append(_("change from each ticker's close before the window"))
    if rates and bases:
        parts.append(_("rates and yields as levels in the lower pane"))
    elif rates:
        parts.append(_("rates and yields as levels"))
    return _("; ").join(parts)


def build_chart(report: AnalysisReport, market: MarketData) -> Chart | None:
    """Plan the chart, read its values from `market`, and put the two together."""
    plan = plan_chart(report)
    if plan is None:
        return None
    wanted = [(s.key, s.source) for s in plan.series]
    return chart_data(report, plan, chart_points(wanted, market, plan.start, plan.end))


def _point(spec: SeriesSpec, day: date, value: float) -> ChartPoint | None:
    if not math.isfinite(value):
        return None
    if spec.base_close is None:
        return ChartPoint(day.isoformat(), round(value, 4), value)
    if spec.base_close == 0:
        return None
    return ChartPoint(day.isoformat(), round((value / spec.base_close - 1) * 100, 4), value)


def _snap(days: list[date], day: date) -> date | None:
    """The series day a marker sits on: the day itself, else the last one before it."""
    before = [d for d in days if d <= day]
    if before:
        return before[-1]
    return days[0] if days else None


# -- HTML: lightweight-charts, inlined -----------------------------------------------------
LIBRARY = "lightweight-charts"
LIBRARY_FILE = "lightweight-charts.standalone.production.js"


@cache
def vendored(name: str) -> str:
    """A file of the vendored library (package data under assistant/render/vendor/)."""
    path = resources.files("assistant.render").joinpath("vendor", LIBRARY, name)
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _script() -> str:
    return resources.files("assistant.render").joinpath("chart.js").read_text(encoding="utf-8")


def _inline_script(code: str) -> str:
    """Script text that cannot end its <script> element early."""
    lowered = code.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ValueError("script text would break out of its <script> element")
    return code


def _json_for_script(text: str) -> str:
    text = printable_json(text)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def chart_html(chart: Chart) -> Markup:
    """The chart section (templates/chart.html): container, legend, the data as JSON, the
    library and our script."""
    lines = _(
        "Lines: {lines}. Dots: each checked claim, numbered as in the claims table and "
        "coloured by verdict; point at one to read its receipt."
    ).format(lines=chart.lines_note)
    noscript = _(
        "The interactive chart needs JavaScript; every claim and its receipt are in the "
        "tables below."
    )
    unplaced = ""
    if chart.unplaced:
        items = _("; ").join(_("#{n} ({why})").format(n=n, why=why) for n, why in chart.unplaced)
        unplaced = _("Checked claims not on the chart: {items}.").format(items=items)
    verdicts = dict.fromkeys(m.verdict for m in chart.markers)
    section = render_page(
        "chart.html",
        heading=_("Price chart"),
        lines=lines,
        height="34rem" if any(s.pane == "rates" for s in chart.series) else "26rem",
        noscript=noscript,
        series=chart.series,
        verdicts=[{"color": COLORS[v], "name": verdict_name(v)} for v in verdicts],
        unplaced=unplaced,
        data=Markup(_json_for_script(chart.to_json())),
        library=Markup(_inline_script(vendored(LIBRARY_FILE))),
        script=Markup(_inline_script(_script())),
        drawn_with=_(
            "Chart drawn with TradingView Lightweight Charts™ (Apache-2.0, inlined in this page):"
        ),
        notice=" ".join(vendored("NOTICE").split()),
    )
    return Markup(section)


# -- SVG: a small static drawing -----------------------------------------------------------
_W, _LEFT, _RIGHT, _TOP = 760, 56, 14, 12
_PRICE_H, _RATE_H, _GAP, _AXIS_H, _ROW_H = 280, 110, 28, 20, 18
_STACK = 13  # pixels between markers stacked on one day
_CHAR_W = 6.2  # rough width of one character at font-size 11


def chart_svg(chart: Chart) -> str:
    """The chart as a static SVG (no script): lines, zero line, axes, numbered markers."""
    prices = [s for s in chart.series if s.pane == "prices"]
    rates = [s for s in chart.series if s.pane == "rates"]
    days = sorted({p.time for s in chart.series for p in s.points})
    width = _W - _LEFT - _RIGHT
    x_of = {d: _LEFT + width * i / max(1, len(days) - 1) for i, d in enumerate(days)}
    legend = _legend_layout(chart)
    rows = 1 + max((item[0] for item in legend), default=0)
    height = _TOP + (_PRICE_H if prices else 0) + (_GAP + _RATE_H if rates else 0)
    height += _AXIS_H + rows * _ROW_H + 8
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{height}" '
        f'viewBox="0 0 {_W} {height}" font-family="{html_text(FONT_STACK)}" font-size="11">',
        "<title>"
        + html_text(
            _("{lines}; each checked claim marked by verdict").format(lines=chart.lines_note)
        )
        + "</title>",
        f'<rect width="{_W}" height="{height}" fill="#fff"/>',
    ]
    top = float(_TOP)
    for series, pane_h, signed in ((prices, _PRICE_H, True), (rates, _RATE_H, False)):
        if series:
            out += _svg_pane(chart, series, x_of, top, pane_h, signed)
            top += pane_h + _GAP
    axis_y = top - _GAP + 4
    out += _svg_time_axis(days, x_of, axis_y)
    base_y = axis_y + _AXIS_H + 10
    out += _svg_legend(legend, base_y)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _text_width(text: str) -> float:
    """Rough width of `text` at font-size 11: a CJK character takes two Latin ones."""
    return _CHAR_W * sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _legend_layout(chart: Chart) -> list[tuple[int, float, str, str, str]]:
    """Legend items as (row, x, "line" or "dot", colour, text), wrapped to the width."""
    items = [("line", s.color, s.label) for s in chart.series]
    verdicts = dict.fromkeys(m.verdict for m in chart.markers)
    items += [("dot", COLORS[v], verdict_name(v)) for v in verdicts]
    out: list[tuple[int, float, str, str, str]] = []
    x, row = float(_LEFT), 0
    for kind, color, text in items:
        need = (18 if kind == "line" else 12) + _text_width(text) + 14
        if x + need > _W - _RIGHT and x > _LEFT:
            x, row = float(_LEFT), row + 1
        out.append((row, x, kind, color, text))
        x += need
    return out


def _svg_legend(layout: list[tuple[int, float, str, str, str]], top: float) -> list[str]:
    out = []
    for row, x, kind, color, text in layout:
        y = top + row * _ROW_H
        if kind == "line":
            mark, pad = (
                f'<rect x="{x:.1f}" y="{y - 5:.1f}" width="14" height="3" fill="{color}"/>',
                18,
            )
        else:
            mark, pad = f'<circle cx="{x + 4:.1f}" cy="{y - 4:.1f}" r="4" fill="{color}"/>', 12
        out.append(f'{mark}<text x="{x + pad:.1f}" y="{y:.1f}">{html_text(text)}</text>')
    return out


def _svg_pane(
    chart: Chart,
    series: list[ChartSeries],
    x_of: Mapping[str, float],
    top: float,
    pane_h: float,
    signed: bool,
) -> list[str]:
    keys = {s.key for s in series}
    values_at = {(s.key, p.time): p.value for s in series for p in s.points}
    mine = [m for m in chart.markers if m.series in keys and (m.series, m.time) in values_at]
    stacks: dict[tuple[str, str], int] = {}
    for m in mine:
        stacks[(m.series, m.time)] = stacks.get((m.series, m.time), 0) + 1
    headroom = 10 + _STACK * max(stacks.values(), default=0)
    values = list(values_at.values())
    lo, hi = min(values), max(values)
    if signed:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    ticks = _ticks(lo, hi, 5 if signed else 3)
    lo, hi = min(lo, ticks[0]), max(hi, ticks[-1])
    span = (hi - lo) or 1.0
    plot_top, plot_h = top + headroom, pane_h - headroom

    def y_of(v: float) -> float:
        return plot_top + plot_h - (v - lo) / span * plot_h

    out = [
        f'<rect x="{_LEFT}" y="{top}" width="{_W - _LEFT - _RIGHT}" height="{pane_h}" '
        'fill="none" stroke="#ccc"/>'
    ]
    for t in ticks:
        y = y_of(t)
        text = (f"{t:+.1f}%" if t else "0%") if signed else f"{t:.2f}%"
        stroke = "#999" if signed and t == 0 else "#eee"
        out.append(
            f'<line x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{stroke}"/>'
            f'<text x="{_LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{text}</text>'
        )
    for s in series:
        path = " ".join(f"{x_of[p.time]:.1f},{y_of(p.value):.1f}" for p in s.points)
        out.append(f'<polyline fill="none" stroke="{s.color}" stroke-width="1.6" points="{path}"/>')
    placed: dict[tuple[str, str], int] = {}
    for m in mine:
        n = placed.get((m.series, m.time), 0)
        placed[(m.series, m.time)] = n + 1
        x, y = x_of[m.time], y_of(values_at[(m.series, m.time)]) - 9 - _STACK * n
        tip = _("#{n} {verdict}: {clause}; claimed {claimed}, data {computed}").format(
            n=m.number,
            verdict=m.verdict_label or m.verdict,
            clause=m.clause,
            claimed=m.claimed,
            computed=m.computed,
        )
        out.append(
            f'<g><title>{html_text(tip)}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="6" '
            f'fill="{m.color}" stroke="#fff"/><text x="{x:.1f}" y="{y + 3:.1f}" '
            f'text-anchor="middle" font-size="8" fill="#fff">{html_text(m.number)}</text></g>'
        )
    return out


def _svg_time_axis(days: list[str], x_of: Mapping[str, float], y: float) -> list[str]:
    """A tick and label at the first day of each month, skipping labels that would touch."""
    out = []
    last_x = -1e9
    seen: set[str] = set()
    for d in days:
        month = d[:7]
        if month in seen:
            continue
        seen.add(month)
        x = x_of[d]
        if x - last_x < 64:
            continue
        last_x = x
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y - 4}" y2="{y}" stroke="#999"/>'
            f'<text x="{x:.1f}" y="{y + 12}" text-anchor="middle" fill="#555">'
            f"{date.fromisoformat(d):%b %Y}</text>"
        )
    return out


def _ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """About `count` round values covering [lo, hi]."""
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step) * step
    return [round(first + i * step, 10) for i in range(int((hi - first) / step) + 2)]
