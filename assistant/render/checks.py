"""Render a CheckReport: a rich table for terminals, Markdown for reports."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from assistant.models import CheckedClaim, CheckReport
from assistant.render.markdown import md_cell, md_text
from assistant.safety import printable
from assistant.text.sentences import clause_of
from assistant.verify.grading import fmt_value

STYLES = {
    "supported": "green",
    "approximate": "cyan",
    "contradicted": "bold red",
    "misdated": "bold magenta",
    "unverifiable": "yellow",
}
DISCLAIMER = "Historical market data; not investment advice."


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


_LEVEL_KINDS = frozenset({"rate_level", "yield_level", "volatility"})


def value_text(
    value: float | None,
    unit: str,
    kind: str | None = None,
    decimals: int = 2,
    low: float | None = None,
) -> str:
    """A claimed or computed value as its reader expects it: a change signed (+4.91%,
    -25 bp), a level as a level (a yield 4.14%, a range 3.50%-3.75%), a price unsigned."""
    if value is None:
        return "n/a"
    if unit == "%" and kind in _LEVEL_KINDS:
        level = f"{value:.{decimals}f}%"
        return f"{low:.{decimals}f}%-{level}" if low is not None and low < value else level
    return fmt_value(value, unit, decimals)


def _decimals(c: CheckedClaim) -> int:
    return max(2, c.claim.decimals) if c.unit in ("%", "$", "pts") else c.claim.decimals


def _range_low(c: CheckedClaim, value: float | None, computed: bool) -> float | None:
    """The lower bound of a target range: the article's, or the one the data read."""
    if c.kind != "rate_level" or value is None:
        return None
    if not computed:
        return c.claim.start_value
    for e in c.evidence:
        if "lower" in e.fields and "upper" in e.fields:
            upper = e.values[e.fields.index("upper")]
            return e.values[e.fields.index("lower")] if upper == value else None
    return None


def claimed_text(c: CheckedClaim) -> str:
    return value_text(c.claimed, c.unit, c.kind, _decimals(c), _range_low(c, c.claimed, False))


def computed_text(c: CheckedClaim) -> str:
    return value_text(c.computed, c.unit, c.kind, _decimals(c), _range_low(c, c.computed, True))


def header(report: CheckReport) -> str:
    a = report.article
    title = a.title or "(untitled)"
    date_note = f"as of {report.as_of}"
    if report.date_assumed:
        date_note += " (no date in the article: today assumed; use --date YYYY-MM-DD)"
    return f"{title} | {a.source or 'unknown source'} | {date_note}"


def summary_line(report: CheckReport) -> str:
    counts = report.counts()
    parts = [f"{n} {name}" for name, n in counts.items() if n]
    n = len(report.claims)
    return f"{n} claim{'' if n == 1 else 's'}: " + (", ".join(parts) if parts else "none found")


def verdict_table(
    claims: list[CheckedClaim], clause: Callable[[CheckedClaim], str], title: str | None = None
) -> Table:
    """One row per claim: its clause and explanation, verdict, claimed and computed values."""
    table = Table(title=title, title_justify="left", show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("claim, and what the data says", ratio=1)
    table.add_column("verdict", no_wrap=True)
    table.add_column("claimed", justify="right", no_wrap=True)
    table.add_column("computed", justify="right", no_wrap=True)
    for c in claims:
        cell = plain(clause(c), style="bold")
        cell.append("\n" + printable(c.explanation), style="default")
        table.add_row(
            plain(c.id.lstrip("c")),
            cell,
            Text(c.verdict, style=STYLES[c.verdict]),
            claimed_text(c),
            computed_text(c),
        )
    return table


def render_terminal(report: CheckReport, console: Console) -> None:
    console.print(plain(header(report), style="bold"), soft_wrap=True)
    for note in report.notes:
        console.print(plain(note, style="dim"), soft_wrap=True)
    if not report.claims:
        console.print("No checkable numeric claims found.")
        return
    console.print(verdict_table(report.claims, lambda c: claim_span(report, c)))
    console.print(summary_line(report))
    console.print(Text(DISCLAIMER, style="dim"))


def render_markdown(report: CheckReport) -> str:
    lines = [f"# Claim check: {md_text(report.article.title or '(untitled)')}", ""]
    lines.append(f"{md_text(header(report))}  ")
    lines.extend(f"{md_text(note)}  " for note in report.notes)
    lines.append(summary_line(report))
    lines.append("")
    lines.append("| # | claim | verdict | claimed | computed | why |")
    lines.append("|---|---|---|---|---|---|")
    for c in report.claims:
        lines.append(
            f"| {c.id.lstrip('c')} | {md_cell(claim_span(report, c))} | **{c.verdict}** | "
            f"{claimed_text(c)} | {computed_text(c)} | {md_cell(c.explanation)} |"
        )
    lines += ["", "## Receipts", ""]
    for c in report.claims:
        for e in c.evidence:
            proxy = f" (proxy for {e.proxy_for})" if e.proxy_for else ""
            pairs = ", ".join(
                f"{d} {f} {v:g}" for d, f, v in zip(e.dates, e.fields, e.values, strict=False)
            )
            lines.append(
                f"- **{md_text(c.id)}** {md_text(e.ticker + proxy)}, {md_text(e.source)}: "
                f"{md_text(pairs)}; `{printable(e.formula)}`"
                + (f" = {e.result:g}" if e.result is not None else "")
                + (f"; {md_text(e.tolerance)}" if e.tolerance else "")
            )
    lines += ["", f"_{DISCLAIMER}_", ""]
    return "\n".join(lines)
