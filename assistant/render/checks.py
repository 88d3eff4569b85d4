"""Render a CheckReport: a rich table for terminals, Markdown for reports."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from assistant.disclaimers import disclaimer
from assistant.i18n import _, ngettext
from assistant.i18n.claims import (
    claimed_text,
    computed_text,
    explanation,
    tolerance,
    verdict_name,
)
from assistant.i18n.errors import error_text
from assistant.i18n.formats import fmt_day, fmt_int
from assistant.i18n.formulas import formula_text
from assistant.i18n.notes import field_name, quoted, source_name
from assistant.models import CheckedClaim, CheckReport
from assistant.render.markdown import md_cell, md_text
from assistant.safety import printable
from assistant.text.sentences import clause_of

STYLES = {
    "supported": "green",
    "approximate": "cyan",
    "contradicted": "bold red",
    "misdated": "bold magenta",
    "unverifiable": "yellow",
}


def plain(text: str, style: str = "") -> Text:
    """Text for the terminal from anything an article, a feed or a model wrote: no control
    sequence, no rich markup."""
    return Text(printable(text), style=style)


def claim_span(report: CheckReport, c: CheckedClaim, width: int = 90) -> str:
    """The clause the claim stands in, as written, shortened to one line."""
    text = report.article.text
    start = text.find(c.text, max(0, c.span[1] - len(c.text))) if c.text else -1
    sentence = (start, start + len(c.text)) if start != -1 else c.span
    raw = clause_of(text, sentence, c.span)
    return raw if len(raw) <= width else raw[: width - 3] + "..."


def header(report: CheckReport) -> str:
    a = report.article
    title = a.title or _("(untitled)")
    date_note = _("as of {date}").format(date=fmt_day(report.as_of))
    if report.date_assumed:
        date_note += _(" (no date in the article: today assumed; use --date YYYY-MM-DD)")
    return f"{title} | {a.source or _('unknown source')} | {date_note}"


def summary_line(report: CheckReport) -> str:
    counts = report.counts()
    parts = [
        _("{count} {verdict}").format(count=fmt_int(n), verdict=verdict_name(name))
        for name, n in counts.items()
        if n
    ]
    n = len(report.claims)
    return ngettext("{n} claim: {verdicts}", "{n} claims: {verdicts}", n).format(
        n=fmt_int(n), verdicts=_(", ").join(parts) if parts else _("none found")
    )


def verdict_table(
    claims: list[CheckedClaim], clause: Callable[[CheckedClaim], str], title: str | None = None
) -> Table:
    """One row per claim: its clause and explanation, verdict, claimed and computed values."""
    table = Table(title=title, title_justify="left", show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(_("claim, and what the data says"), ratio=1)
    table.add_column(_("verdict"), no_wrap=True)
    table.add_column(_("claimed"), justify="right", no_wrap=True)
    table.add_column(_("computed"), justify="right", no_wrap=True)
    for c in claims:
        cell = plain(clause(c), style="bold")
        cell.append("\n" + printable(explanation(c)), style="default")
        table.add_row(
            plain(c.id.lstrip("c")),
            cell,
            Text(verdict_name(c.verdict), style=STYLES[c.verdict]),
            claimed_text(c),
            computed_text(c),
        )
    return table


def render_terminal(report: CheckReport, console: Console) -> None:
    console.print(plain(header(report), style="bold"), soft_wrap=True)
    for note in report.notes:
        console.print(plain(error_text(note), style="dim"), soft_wrap=True)
    if not report.claims:
        console.print(_("No checkable numeric claims found."))
        return
    console.print(verdict_table(report.claims, lambda c: quoted(claim_span(report, c))))
    console.print(summary_line(report))
    console.print(Text(disclaimer("check"), style="dim"))


def render_markdown(report: CheckReport) -> str:
    title = md_text(report.article.title or _("(untitled)"))
    lines = [_("# Claim check: {title}").format(title=title), ""]
    lines.append(f"{md_text(header(report))}  ")
    lines.extend(f"{md_text(error_text(note))}  " for note in report.notes)
    lines.append(summary_line(report))
    lines.append("")
    lines.append(_("| # | claim | verdict | claimed | computed | why |"))
    lines.append("|---|---|---|---|---|---|")
    for c in report.claims:
        lines.append(
            f"| {c.id.lstrip('c')} | {md_cell(quoted(claim_span(report, c)))} | "
            f"**{verdict_name(c.verdict)}** | {claimed_text(c)} | {computed_text(c)} | "
            f"{md_cell(explanation(c))} |"
        )
    lines += ["", _("## Receipts"), ""]
    for c in report.claims:
        for e in c.evidence:
            proxy = _(" (proxy for {index})").format(index=e.proxy_for) if e.proxy_for else ""
            pairs = _(", ").join(
                f"{fmt_day(d)} {field_name(f)} {v:g}"
                for d, f, v in zip(e.dates, e.fields, e.values, strict=False)
            )
            receipt = _("{ticker}, {source}: {values}; {formula}").format(
                ticker=md_text(e.ticker + proxy),
                source=md_text(source_name(e.source)),
                values=md_text(pairs),
                formula=f"`{printable(formula_text(e.formula))}`",
            )
            lines.append(
                f"- **{md_text(c.id)}** {receipt}"
                + (f" = {e.result:g}" if e.result is not None else "")
                + (_("; ") + md_text(tolerance(c, e.tolerance)) if e.tolerance else "")
            )
    lines += ["", f"_{disclaimer('check')}_", ""]
    return "\n".join(lines)
