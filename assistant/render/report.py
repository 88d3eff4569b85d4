"""Render an AnalysisReport: terminal (rich), Markdown, JSON and one self-contained HTML page."""

from __future__ import annotations

import re
from functools import partial

from rich.console import Console
from rich.table import Table
from rich.text import Text

from assistant.analysis.models import AnalysisReport, CitedSentence, KeyFigure, Receipt
from assistant.analysis.sources import claim_clause
from assistant.models import CheckedClaim
from assistant.numbers import FLAG
from assistant.render.chart import Chart, chart_html
from assistant.render.checks import STYLES, claimed_text, computed_text, plain, verdict_table
from assistant.render.escape import html_text
from assistant.render.markdown import md_cell, md_target, md_text
from assistant.safety import printable, printable_json
from assistant.verify.grading import fmt_date, fmt_value

SECTION_TITLES = {
    "key_insights": "Key insights",
    "risks": "Risks",
    "opportunities": "Opportunities",
}
CHART_ALT = "Each related ticker's change over the window, each checked claim marked by verdict"
_CITE_RE = re.compile(r"\[\s*(D?\d+(?:\s*[,;]\s*D?\d+)*)\s*\]")
_FLAG_RE = re.compile(re.escape(FLAG) + r"([^\s\[]+)(\[[^\]]+\])")


# -- shared pieces -------------------------------------------------------------------------
def engine_line(report: AnalysisReport) -> str:
    if report.offline:
        line = f"Engine: {report.mode_note}"
    else:
        line = f"Engine: {report.engine}"
    if report.fallback_reason:
        line += f". Fallback: {report.fallback_reason}"
    return line


def window_line(report: AnalysisReport) -> str:
    return (
        f"Window: {fmt_date(report.window_start)} to {fmt_date(report.window_end)} "
        f"({report.window_note})"
    )


def check_line(report: AnalysisReport) -> str:
    nc = report.number_check
    line = (
        f"Number check ({nc.policy}): {nc.numbers} numbers, {nc.traced} traced, "
        f"{nc.untraced} untraced, {nc.wrong} wrong per the data, {nc.flagged} flagged, "
        f"{nc.removed_sentences} sentences removed"
    )
    if nc.uncited_sentences:
        line += f", {nc.uncited_sentences} uncited sentences dropped"
    if nc.guarded_sentences:
        line += f", {nc.guarded_sentences} sentences dropped by the output guard"
    return line


def header(report: AnalysisReport) -> str:
    a = report.article
    date_note = f"as of {report.check.as_of}"
    if report.check.date_assumed:
        date_note += " (no date in the article: today assumed; use --date YYYY-MM-DD)"
    return f"{a.title or '(untitled)'} | {a.source or 'unknown source'} | {date_note}"


def cited_receipts(report: AnalysisReport) -> list[Receipt]:
    """The receipts the shown sentences, tickers or key figures cite, in order."""
    ids = {c for items in report.sections().values() for s in items for c in s.citations}
    ids |= {t.receipt for t in report.tickers}
    ids |= {r for f in report.key_figures for r in f.receipts}
    return [r for r in report.receipts if r.id in ids]


def _paragraph(items: list[CitedSentence]) -> str:
    return " ".join(s.text for s in items)


# -- terminal ------------------------------------------------------------------------------
def render_terminal(report: AnalysisReport, console: Console) -> None:
    console.print(plain(header(report), style="bold"), soft_wrap=True)
    console.print(
        plain(engine_line(report), style="dim" if not report.fallback_reason else "yellow")
    )
    console.print(plain(window_line(report), style="dim"))
    if report.tickers:
        table = Table(title="Related tickers", title_justify="left", expand=False)
        for col, justify in (("ticker", "left"), ("from", "left"), ("to", "left")):
            table.add_column(col, justify=justify)  # type: ignore[arg-type]
        table.add_column("change", justify="right")
        table.add_column("receipt")
        for t in report.tickers:
            style = "green" if t.change_pct >= 0 else "red"
            table.add_row(
                plain(t.ticker),
                f"{fmt_date(t.base_date)} {t.base_close:,.2f}",
                f"{fmt_date(t.end_date)} {t.end_close:,.2f}",
                Text(fmt_value(t.change_pct, "%"), style=style),
                plain(t.receipt),
            )
        console.print(table)
    console.print(Text("\nAnalysis", style="bold underline"))
    console.print(_rich_text(_paragraph(report.analysis)) if report.analysis else "(nothing left)")
    for key, title in SECTION_TITLES.items():
        items = report.sections()[key]
        console.print(Text(f"\n{title}", style="bold underline"))
        if not items:
            console.print(Text("none the sources support", style="dim"))
        for s in items:
            console.print(Text("• ") + _rich_text(s.text))
    console.print(_figures_table(report))
    console.print(_claims_table(report))
    console.print(Text(check_line(report), style="dim"))
    _terminal_sources(report, console)
    console.print(Text(report.disclaimer, style="italic"))


def _rich_text(text: str) -> Text:
    text = printable(text)
    out = Text()
    pos = 0
    for m in _FLAG_RE.finditer(text):
        out.append(text[pos : m.start()])
        out.append(FLAG + m.group(1) + m.group(2), style="bold red")
        pos = m.end()
    out.append(text[pos:])
    out.highlight_regex(_CITE_RE.pattern, style="cyan")
    return out


def _figures_table(report: AnalysisReport) -> Table:
    table = Table(title="\nKey figures", title_justify="left", expand=True)
    table.add_column("figure", ratio=1)
    table.add_column("claimed", justify="right", no_wrap=True)
    table.add_column("actual", justify="right", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("sources", no_wrap=True)
    for f in report.key_figures:
        cites = ([f"[{f.passage}]"] if f.passage else []) + [f"[{r}]" for r in f.receipts]
        claimed, actual = _figure_values(report, f)
        table.add_row(
            plain(f.label),
            claimed,
            actual,
            Text(f.verdict, style=STYLES[f.verdict]),
            plain("".join(cites)),
        )
    return table


def _claims_table(report: AnalysisReport) -> Table:
    clause = partial(_claim_clause, report)
    return verdict_table(report.check.claims, clause, title="\nEvery claim, checked")


def _terminal_sources(report: AnalysisReport, console: Console) -> None:
    console.print(Text("\nSources", style="bold underline"))
    for p in report.passages:
        console.print(
            Text(f"[{p.id}] ", style="cyan") + plain(f"{p.text} (chars {p.span[0]}-{p.span[1]})")
        )
    for r in cited_receipts(report):
        console.print(plain(f"[{r.id}] ", style="cyan") + plain(f"{r.label} ({r.evidence.source})"))


def _claim_clause(report: AnalysisReport, c: CheckedClaim) -> str:
    return claim_clause(report.article.text, c.span)


def _figure_values(report: AnalysisReport, f: KeyFigure) -> tuple[str, str]:
    """A key figure's claimed and actual values, shown as its claim's are."""
    claim = next((c for c in report.check.claims if c.id == f.claim_id), None)
    if claim is None:
        return fmt_value(f.claimed, f.unit), fmt_value(f.actual, f.unit)
    return claimed_text(claim), computed_text(claim)


# -- Markdown ------------------------------------------------------------------------------
def render_markdown(report: AnalysisReport, chart_image: str | None = None) -> str:
    """The report as Markdown; `chart_image` is the path of a static chart to show."""
    a = report.article
    out = [f"# Analysis: {md_text(a.title or '(untitled)')}", ""]
    out.append(f"*{md_text(header(report))}*  ")
    out.append(f"*{md_text(engine_line(report))}*  ")
    out.append(f"*{md_text(window_line(report))}*")
    out.append("")
    if report.tickers:
        out += ["## Related tickers", "", "| ticker | from | to | change | receipt |"]
        out.append("|---|---|---:|---:|---|")
        for t in report.tickers:
            out.append(
                f"| {md_cell(t.ticker)} | {fmt_date(t.base_date)} {t.base_close:,.2f} | "
                f"{fmt_date(t.end_date)} {t.end_close:,.2f} | {fmt_value(t.change_pct, '%')} | "
                f"[{t.receipt}] |"
            )
        out.append("")
    if chart_image:
        out += ["## Price chart", "", f"![{CHART_ALT}]({md_target(chart_image)})", ""]
    out += ["## Analysis", "", md_text(_paragraph(report.analysis)) or "(nothing left)", ""]
    for key, title in SECTION_TITLES.items():
        out += [f"## {title}", ""]
        items = report.sections()[key]
        out += [f"- {md_text(s.text)}" for s in items] or ["- none the sources support"]
        out.append("")
    out += ["## Key figures", "", "| figure | claimed | actual | verdict | sources |"]
    out.append("|---|---:|---:|---|---|")
    for f in report.key_figures:
        cites = ([f"[{f.passage}]"] if f.passage else []) + [f"[{r}]" for r in f.receipts]
        claimed, actual = _figure_values(report, f)
        out.append(
            f"| {md_cell(f.label)} | {claimed} | {actual} | **{f.verdict}** | {''.join(cites)} |"
        )
    out += ["", "## Every claim, checked", "", "| # | claim | verdict | claimed | computed | why |"]
    out.append("|---:|---|---|---:|---:|---|")
    for c in report.check.claims:
        out.append(
            f"| {c.id.lstrip('c')} | {md_cell(_claim_clause(report, c))} | **{c.verdict}** | "
            f"{claimed_text(c)} | {computed_text(c)} | {md_cell(c.explanation)} |"
        )
    out += ["", f"*{check_line(report)}*", "", "## Sources", ""]
    out += [
        f"- [{p.id}] {md_text(p.text)} (chars {p.span[0]}-{p.span[1]})" for p in report.passages
    ]
    out += [
        f"- [{r.id}] {md_text(r.label)} ({md_text(r.evidence.source)})"
        for r in cited_receipts(report)
    ]
    out += ["", f"> {report.disclaimer}", ""]
    return "\n".join(out)


def render_json(report: AnalysisReport) -> str:
    return printable_json(report.model_dump_json(indent=2))


# -- HTML ----------------------------------------------------------------------------------
_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#222;line-height:1.5}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:.9rem}
td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top}th{background:#f5f5f5}
.num{text-align:right;white-space:nowrap}.meta{color:#555;font-size:.9rem}
.flag{background:#ffebee;color:#b71c1c;font-weight:600}
a.cite{text-decoration:none;color:#1565c0;font-size:.85em}
.supported{color:#2e7d32}.approximate{color:#00838f}.contradicted{color:#c62828}
.misdated{color:#8e24aa}.unverifiable{color:#9e7c00}
.verdict{font-weight:600}.up{color:#2e7d32}.down{color:#c62828}
.disclaimer{margin-top:2rem;padding:.8rem;background:#fafafa;border-left:4px solid #999}
.chart-box{position:relative;border:1px solid #eee}
.chart-tip{position:absolute;z-index:5;max-width:24rem;background:#fff;border:1px solid #bbb;
border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.15);padding:.4rem .6rem;font-size:.8rem;
line-height:1.35;pointer-events:none}
.chart-tip .tip-date{font-weight:600}.chart-tip .tip-claim{margin-top:.35rem}
.chart-tip .tip-verdict{font-weight:600}.chart-tip .tip-receipt{color:#555}
.legend{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;
font-size:.85rem}
.legend .swatch{display:inline-block;width:1.2rem;height:.25rem;margin-right:.35rem;
vertical-align:middle}
.legend .dot{display:inline-block;width:.7rem;height:.7rem;border-radius:50%;margin-right:.35rem;
vertical-align:middle}
ul.sources{list-style:none;padding-left:0}ul.sources li{margin:.2rem 0}
"""


_h = html_text


def _html_sentence(text: str) -> str:
    """Escape first, then turn flags and citations into markup."""
    out = _h(text)
    out = _FLAG_RE.sub(
        lambda m: f'<span class="flag">{FLAG}{m.group(1)}{m.group(2)}</span>',
        out,
    )

    def cite(m: re.Match[str]) -> str:
        ids = [i.strip() for i in re.split(r"[,;]", m.group(1))]
        links = "".join(
            f'<a class="cite" href="#{"d" + i[1:] if i.startswith("D") else "p" + i}">[{i}]</a>'
            for i in ids
        )
        return links

    return _CITE_RE.sub(cite, out)


def render_html(report: AnalysisReport, chart: Chart | None = None) -> str:
    """One self-contained page: nothing is loaded from elsewhere; the chart is interactive."""
    a = report.article
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>finnews analysis: {_h(a.title or '(untitled)')}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{_h(a.title or '(untitled)')}</h1>",
        f'<p class="meta">{_h(header(report))}<br>{_h(engine_line(report))}<br>'
        f"{_h(window_line(report))}</p>",
    ]
    if report.tickers:
        parts.append("<h2>Related tickers</h2><table><tr><th>ticker</th><th>from</th><th>to</th>")
        parts.append('<th class="num">change</th><th>receipt</th></tr>')
        for t in report.tickers:
            cls = "up" if t.change_pct >= 0 else "down"
            parts.append(
                f'<tr><td>{_h(t.ticker)} <span class="meta">{_h(t.name)}</span></td>'
                f"<td>{fmt_date(t.base_date)} {t.base_close:,.2f}</td>"
                f"<td>{fmt_date(t.end_date)} {t.end_close:,.2f}</td>"
                f'<td class="num {cls}">{fmt_value(t.change_pct, "%")}</td>'
                f"<td>{_html_sentence(f'[{t.receipt}]')}</td></tr>"
            )
        parts.append("</table>")
    if chart is not None:
        parts.append(chart_html(chart))
    parts.append("<h2>Analysis</h2>")
    body = " ".join(_html_sentence(s.text) for s in report.analysis)
    parts.append(f"<p>{body or '(nothing left)'}</p>")
    for key, title in SECTION_TITLES.items():
        items = report.sections()[key]
        parts.append(f"<h2>{title}</h2><ul>")
        parts += [f"<li>{_html_sentence(s.text)}</li>" for s in items] or [
            "<li>none the sources support</li>"
        ]
        parts.append("</ul>")
    parts.append('<h2>Key figures</h2><table><tr><th>figure</th><th class="num">claimed</th>')
    parts.append('<th class="num">actual</th><th>verdict</th><th>sources</th></tr>')
    for f in report.key_figures:
        cites = ([f"[{f.passage}]"] if f.passage else []) + [f"[{r}]" for r in f.receipts]
        claimed, actual = _figure_values(report, f)
        parts.append(
            f'<tr><td>{_h(f.label)}</td><td class="num">{_h(claimed)}</td>'
            f'<td class="num">{_h(actual)}</td>'
            f'<td class="verdict {f.verdict}">{f.verdict}</td>'
            f"<td>{_html_sentence(''.join(cites))}</td></tr>"
        )
    parts.append("</table><h2>Every claim, checked</h2><table><tr><th>#</th><th>claim</th>")
    parts.append('<th>verdict</th><th class="num">claimed</th><th class="num">computed</th></tr>')
    for c in report.check.claims:
        parts.append(
            f'<tr id="claim-{_h(c.id)}"><td>{_h(c.id.lstrip("c"))}</td>'
            f"<td><b>{_h(_claim_clause(report, c))}</b><br>"
            f'{_h(c.explanation)}</td><td class="verdict {c.verdict}">{c.verdict}</td>'
            f'<td class="num">{_h(claimed_text(c))}</td>'
            f'<td class="num">{_h(computed_text(c))}</td></tr>'
        )
    parts.append(f'</table><p class="meta">{_h(check_line(report))}</p><h2>Sources</h2>')
    parts.append('<ul class="sources">')
    for p in report.passages:
        parts.append(
            f'<li id="p{p.id}">[{p.id}] {_h(p.text)} '
            f'<span class="meta">(chars {p.span[0]}-{p.span[1]})</span></li>'
        )
    for r in report.receipts:
        e = r.evidence
        parts.append(
            f'<li id="d{r.id[1:]}">[{r.id}] {_h(r.label)} <span class="meta">'
            f"({_h(e.source)}; {_h(e.formula)})</span></li>"
        )
    parts.append(f'</ul><p class="disclaimer">{_h(report.disclaimer)}</p></body></html>')
    return "\n".join(parts)
