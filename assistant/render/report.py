"""Render an AnalysisReport: terminal (rich), Markdown, JSON and one self-contained HTML page."""

from __future__ import annotations

import re
from datetime import date
from functools import partial

from markupsafe import Markup, escape
from rich.console import Console
from rich.table import Table
from rich.text import Text

from assistant.analysis.models import AnalysisReport, ArticleSentence, CitedSentence, KeyFigure
from assistant.analysis.sources import claim_clause
from assistant.i18n import N_, _, current
from assistant.i18n.claims import claimed_text, computed_text, explanation, verdict_name
from assistant.i18n.formats import fmt_date, fmt_day, fmt_number, fmt_value
from assistant.i18n.formulas import source_and_formula
from assistant.i18n.markers import FLAG_RE, marked_text
from assistant.i18n.notes import (
    disclaimer_text,
    note_text,
    quoted,
    receipt_label,
    series_name,
    source_name,
    with_source,
)
from assistant.models import CheckedClaim
from assistant.numbers import FLAG
from assistant.receipts import ReportReceipt
from assistant.render.chart import Chart, chart_html
from assistant.render.checks import STYLES, plain, verdict_table
from assistant.render.markdown import md_cell, md_target, md_text
from assistant.render.templating import render_page
from assistant.safety import printable, printable_json
from assistant.text.citations import CITATION, anchor_of, marker_ids

SECTION_TITLES = {
    "key_insights": N_("Key insights"),
    "risks": N_("Risks"),
    "opportunities": N_("Opportunities"),
}
CHART_ALT = N_("Each related ticker's change over the window, each checked claim marked by verdict")


# -- shared pieces -------------------------------------------------------------------------
def engine_line(report: AnalysisReport) -> str:
    if report.offline:
        line = _("Engine: {engine}").format(engine=note_text(report.mode_note or ""))
    else:
        line = _("Engine: {engine}").format(engine=report.engine)
    if report.fallback_reason:
        line += _(". Fallback: {reason}").format(reason=report.fallback_reason)
    return line


def window_line(report: AnalysisReport) -> str:
    return _("Window: {start} to {end} ({note})").format(
        start=fmt_date(report.window_start),
        end=fmt_date(report.window_end),
        note=note_text(report.window_note),
    )


def check_line(report: AnalysisReport) -> str:
    nc = report.number_check
    line = _(
        "Number check ({policy}): {numbers} numbers, {traced} traced, {untraced} untraced, "
        "{wrong} wrong per the data, {flagged} flagged, {removed} sentences removed"
    ).format(
        policy=_("flag") if nc.policy == "flag" else _("remove"),
        numbers=nc.numbers,
        traced=nc.traced,
        untraced=nc.untraced,
        wrong=nc.wrong,
        flagged=nc.flagged,
        removed=nc.removed_sentences,
    )
    if nc.uncited_sentences:
        line += _(", {n} uncited sentences dropped").format(n=nc.uncited_sentences)
    if nc.guarded_sentences:
        line += _(", {n} sentences dropped by the output guard").format(n=nc.guarded_sentences)
    return line


def header(report: AnalysisReport) -> str:
    a = report.article
    date_note = _("as of {date}").format(date=fmt_day(report.check.as_of))
    if report.check.date_assumed:
        date_note += _(" (no date in the article: today assumed; use --date YYYY-MM-DD)")
    return f"{a.title or _('(untitled)')} | {a.source or _('unknown source')} | {date_note}"


def _close(d: date, value: float) -> str:
    """A close as the tickers table shows it: `Nov 21, 2025 235.97`."""
    return f"{fmt_date(d)} {fmt_number(value)}"


def cited_receipts(report: AnalysisReport) -> list[ReportReceipt]:
    """The receipts the shown sentences, tickers or key figures cite, in order."""
    ids = {c for items in report.sections().values() for s in items for c in s.citations}
    ids |= {t.receipt for t in report.tickers}
    ids |= {r for f in report.key_figures for r in f.receipts}
    return [r for r in report.receipts if r.id in ids]


def _paragraph(items: list[CitedSentence]) -> str:
    return " ".join(shown(s) for s in items)


def shown(s: CitedSentence) -> str:
    """A vetted sentence with its flags' markers in the active language:
    `⚠9.9%[unchecked]`, `⚠1.4%[与数据不符：数据为 +1.02%]`."""
    return marked_text(s.text)


def _nothing_left() -> str:
    return _("(nothing left)")


def _none_supported() -> str:
    return _("none the sources support")


# -- terminal ------------------------------------------------------------------------------
def render_terminal(report: AnalysisReport, console: Console) -> None:
    console.print(plain(header(report), style="bold"), soft_wrap=True)
    console.print(
        plain(engine_line(report), style="dim" if not report.fallback_reason else "yellow")
    )
    console.print(plain(window_line(report), style="dim"))
    if report.tickers:
        table = Table(title=_("Related tickers"), title_justify="left", expand=False)
        for col in (_("ticker"), _("from"), _("to")):
            table.add_column(col, justify="left")
        table.add_column(_("change"), justify="right")
        table.add_column(_("receipt"))
        for t in report.tickers:
            style = "green" if t.change_pct >= 0 else "red"
            table.add_row(
                plain(t.ticker),
                _close(t.base_date, t.base_close),
                _close(t.end_date, t.end_close),
                Text(fmt_value(t.change_pct, "%"), style=style),
                plain(t.receipt),
            )
        console.print(table)
    console.print(Text("\n" + _("Analysis"), style="bold underline"))
    console.print(_rich_text(_paragraph(report.analysis)) if report.analysis else _nothing_left())
    for key, title in SECTION_TITLES.items():
        items = report.sections()[key]
        console.print(Text("\n" + _(title), style="bold underline"))
        if not items:
            console.print(Text(_none_supported(), style="dim"))
        for s in items:
            console.print(Text("• ") + _rich_text(shown(s)))
    console.print(_figures_table(report))
    console.print(_claims_table(report))
    console.print(Text(check_line(report), style="dim"))
    _terminal_sources(report, console)
    console.print(Text(disclaimer_text(report.disclaimer), style="italic"))


def _rich_text(text: str) -> Text:
    text = printable(text)
    out = Text()
    pos = 0
    for m in FLAG_RE.finditer(text):
        out.append(text[pos : m.start()])
        out.append(FLAG + m.group(1) + m.group(2), style="bold red")
        pos = m.end()
    out.append(text[pos:])
    out.highlight_regex(CITATION.pattern, style="cyan")
    return out


def _figures_table(report: AnalysisReport) -> Table:
    table = Table(title="\n" + _("Key figures"), title_justify="left", expand=True)
    table.add_column(_("figure"), ratio=1)
    table.add_column(_("claimed"), justify="right", no_wrap=True)
    table.add_column(_("actual"), justify="right", no_wrap=True)
    table.add_column(_("verdict"), no_wrap=True)
    table.add_column(_("sources"), no_wrap=True)
    for f in report.key_figures:
        claimed, actual = _figure_values(report, f)
        table.add_row(
            plain(quoted(f.label)),
            claimed,
            actual,
            Text(verdict_name(f.verdict), style=STYLES[f.verdict]),
            plain(_figure_cites(f)),
        )
    return table


def _figure_cites(f: KeyFigure) -> str:
    return "".join(([f"[{f.passage}]"] if f.passage else []) + [f"[{r}]" for r in f.receipts])


def _claims_table(report: AnalysisReport) -> Table:
    clause = partial(_claim_clause, report)
    return verdict_table(report.check.claims, clause, title="\n" + _("Every claim, checked"))


def _passage_line(p: ArticleSentence) -> str:
    """A quoted passage and where it stands: `“...” (chars 120-245)`."""
    where = _("(chars {start}-{end})").format(start=p.span[0], end=p.span[1])
    return f"{quoted(p.text)} {where}"


def _terminal_sources(report: AnalysisReport, console: Console) -> None:
    console.print(Text("\n" + _("Sources"), style="bold underline"))
    for p in report.passages:
        console.print(Text(f"[{p.id}] ", style="cyan") + plain(_passage_line(p)))
    for r in cited_receipts(report):
        console.print(plain(f"[{r.id}] ", style="cyan") + plain(_receipt_line(report, r)))


def _receipt_label(report: AnalysisReport, r: ReportReceipt) -> str:
    kind = next((c.kind for c in report.check.claims if c.id == r.claim_id), None)
    return receipt_label(r, kind)


def _receipt_line(report: AnalysisReport, r: ReportReceipt) -> str:
    """`IWM close ... -> +4.91% (snapshot)`."""
    return with_source(_receipt_label(report, r), r.evidence.source)


def _claim_clause(report: AnalysisReport, c: CheckedClaim) -> str:
    return quoted(claim_clause(report.article.text, c.span))


def _figure_values(report: AnalysisReport, f: KeyFigure) -> tuple[str, str]:
    """A key figure's claimed and actual values, shown as its claim's are."""
    claim = next((c for c in report.check.claims if c.id == f.claim_id), None)
    if claim is None:
        return fmt_value(f.claimed, f.unit), fmt_value(f.actual, f.unit)
    return claimed_text(claim), computed_text(claim)


# -- Markdown ------------------------------------------------------------------------------
def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_markdown(report: AnalysisReport, chart_image: str | None = None) -> str:
    """The report as Markdown; `chart_image` is the path of a static chart to show."""
    a = report.article
    title = md_text(a.title or _("(untitled)"))
    out = [_("# Analysis: {title}").format(title=title), ""]
    out.append(f"*{md_text(header(report))}*  ")
    out.append(f"*{md_text(engine_line(report))}*  ")
    out.append(f"*{md_text(window_line(report))}*")
    out.append("")
    if report.tickers:
        out += ["## " + _("Related tickers"), ""]
        out.append(_md_row([_("ticker"), _("from"), _("to"), _("change"), _("receipt")]))
        out.append("|---|---|---:|---:|---|")
        for t in report.tickers:
            out.append(
                _md_row(
                    [
                        md_cell(t.ticker),
                        _close(t.base_date, t.base_close),
                        _close(t.end_date, t.end_close),
                        fmt_value(t.change_pct, "%"),
                        f"[{t.receipt}]",
                    ]
                )
            )
        out.append("")
    if chart_image:
        out += ["## " + _("Price chart"), "", f"![{_(CHART_ALT)}]({md_target(chart_image)})", ""]
    out += ["## " + _("Analysis"), "", md_text(_paragraph(report.analysis)) or _nothing_left(), ""]
    for key, section in SECTION_TITLES.items():
        out += ["## " + _(section), ""]
        items = report.sections()[key]
        out += [f"- {md_text(shown(s))}" for s in items] or [f"- {_none_supported()}"]
        out.append("")
    out += ["## " + _("Key figures"), ""]
    out.append(_md_row([_("figure"), _("claimed"), _("actual"), _("verdict"), _("sources")]))
    out.append("|---|---:|---:|---|---|")
    for f in report.key_figures:
        claimed, actual = _figure_values(report, f)
        out.append(
            _md_row(
                [
                    md_cell(quoted(f.label)),
                    claimed,
                    actual,
                    f"**{verdict_name(f.verdict)}**",
                    _figure_cites(f),
                ]
            )
        )
    out += ["", "## " + _("Every claim, checked"), ""]
    out.append(_md_row(["#", _("claim"), _("verdict"), _("claimed"), _("computed"), _("why")]))
    out.append("|---:|---|---|---:|---:|---|")
    for c in report.check.claims:
        out.append(
            _md_row(
                [
                    c.id.lstrip("c"),
                    md_cell(_claim_clause(report, c)),
                    f"**{verdict_name(c.verdict)}**",
                    claimed_text(c),
                    computed_text(c),
                    md_cell(explanation(c)),
                ]
            )
        )
    out += ["", f"*{check_line(report)}*", "", "## " + _("Sources"), ""]
    out += [f"- [{p.id}] {md_text(_passage_line(p))}" for p in report.passages]
    out += [f"- [{r.id}] {md_text(_receipt_line(report, r))}" for r in cited_receipts(report)]
    out += ["", f"> {disclaimer_text(report.disclaimer)}", ""]
    return "\n".join(out)


def render_json(report: AnalysisReport) -> str:
    return printable_json(report.model_dump_json(indent=2))


# -- HTML ----------------------------------------------------------------------------------
def _html_sentence(text: str) -> Markup:
    """Escape first, then turn flags and citations into markup."""
    out = str(escape(printable(text)))
    out = FLAG_RE.sub(
        lambda m: f'<span class="flag">{FLAG}{m.group(1)}{m.group(2)}</span>',
        out,
    )

    def cite(m: re.Match[str]) -> str:
        ids = marker_ids(m.group(0))
        return "".join(f'<a class="cite" href="#{anchor_of(i)}">[{i}]</a>' for i in ids)

    return Markup(CITATION.sub(cite, out))


def render_html(report: AnalysisReport, chart: Chart | None = None) -> str:
    """One self-contained page (templates/report.html): nothing is loaded from elsewhere;
    the chart is interactive. The page declares its language and its fonts fall back to
    CJK ones."""
    title = report.article.title or _("(untitled)")
    words = {
        "tickers": _("Related tickers"),
        "ticker_heads": [_("ticker"), _("from"), _("to"), _("change"), _("receipt")],
        "analysis": _("Analysis"),
        "nothing_left": _nothing_left(),
        "none_supported": _none_supported(),
        "figures": _("Key figures"),
        "figure_heads": [_("figure"), _("claimed"), _("actual"), _("verdict"), _("sources")],
        "claims": _("Every claim, checked"),
        "claim_heads": ["#", _("claim"), _("verdict"), _("claimed"), _("computed")],
        "sources": _("Sources"),
    }
    tickers = [
        {
            "ticker": t.ticker,
            "name": series_name(t.name),
            "base": _close(t.base_date, t.base_close),
            "end": _close(t.end_date, t.end_close),
            "direction": "up" if t.change_pct >= 0 else "down",
            "change": fmt_value(t.change_pct, "%"),
            "receipt": _html_sentence(f"[{t.receipt}]"),
        }
        for t in report.tickers
    ]
    figures = []
    for f in report.key_figures:
        claimed, actual = _figure_values(report, f)
        figures.append(
            {
                "label": quoted(f.label),
                "claimed": claimed,
                "actual": actual,
                "verdict": f.verdict,
                "verdict_name": verdict_name(f.verdict),
                "cites": _html_sentence(_figure_cites(f)),
            }
        )
    claims = [
        {
            "id": c.id,
            "number": c.id.lstrip("c"),
            "clause": _claim_clause(report, c),
            "why": explanation(c),
            "verdict": c.verdict,
            "verdict_name": verdict_name(c.verdict),
            "claimed": claimed_text(c),
            "computed": computed_text(c),
        }
        for c in report.check.claims
    ]
    passages = [
        {
            "id": p.id,
            "text": quoted(p.text),
            "where": _("(chars {start}-{end})").format(start=p.span[0], end=p.span[1]),
        }
        for p in report.passages
    ]
    receipts = [
        {
            "id": r.id,
            "anchor": r.id[1:],
            "label": _receipt_label(report, r),
            "meta": source_and_formula(source_name(r.evidence.source), r.evidence.formula),
        }
        for r in report.receipts
    ]
    sections = [
        {"title": _(name), "sentences": [_html_sentence(shown(s)) for s in report.sections()[key]]}
        for key, name in SECTION_TITLES.items()
    ]
    analysis = Markup(" ").join(_html_sentence(shown(s)) for s in report.analysis)
    return render_page(
        "report.html",
        lang=current().html_lang,
        page_title=_("finnews analysis: {title}").format(title=title),
        title=title,
        header=header(report),
        engine=engine_line(report),
        window=window_line(report),
        words=words,
        tickers=tickers,
        chart=chart_html(chart) if chart is not None else None,
        analysis=analysis,
        sections=sections,
        figures=figures,
        claims=claims,
        check=check_line(report),
        passages=passages,
        receipts=receipts,
        disclaimer=disclaimer_text(report.disclaimer),
    )
