"""Render a SummarizeReport: a Markdown digest grouped by ticker, JSONL, an HTML digest."""

from __future__ import annotations

import html
from collections.abc import Iterable

from assistant.numbers import FLAG
from assistant.summarize import SummarizeReport, SummaryRecord
from assistant.verify.grading import fmt_value

OTHER = "Other news"
DISCLAIMER = "Historical market data and news; not investment advice."


def groups(report: SummarizeReport) -> list[tuple[str, list[SummaryRecord]]]:
    """Records under each of their tickers (first-mention order), then the rest."""
    out: dict[str, list[SummaryRecord]] = {}
    for r in report.records:
        for key in r.tickers or [OTHER]:
            out.setdefault(key, []).append(r)
    keys = sorted(k for k in out if k != OTHER)
    if OTHER in out:
        keys.append(OTHER)
    return [(k, out[k]) for k in keys]


def _counts(r: SummaryRecord) -> str:
    counts: dict[str, int] = {}
    for c in r.claims:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    return ", ".join(f"{n} {v}" for v, n in counts.items()) or "no numeric claims"


def _date(r: SummaryRecord) -> str:
    return r.published.date().isoformat() if r.published else "undated"


def _md(text: str) -> str:
    return html.escape(text, quote=False)


def _wrong(r: SummaryRecord) -> Iterable[str]:
    for c in r.claims:
        if c.verdict in ("contradicted", "misdated"):
            yield (
                f"{c.verdict}: “{c.text}” (claimed {fmt_value(c.claimed, c.unit)}, data "
                f"{fmt_value(c.computed, c.unit)})"
            )


def footer(report: SummarizeReport) -> str:
    line = (
        f"{len(report.records)} articles: {report.summarized} summarized, {report.resumed} "
        f"resumed, {report.failed} failed"
    )
    return line


def render_markdown(report: SummarizeReport) -> str:
    out = ["# News digest", ""]
    for key, records in groups(report):
        out += [f"## {_md(key)}", ""]
        for r in records:
            title = _md(r.title or "(untitled)")
            head = f"[{title}]({r.url})" if r.url else title
            out.append(f"### {head}")
            out.append(f"*{_md(r.source or 'unknown source')} · {_date(r)} · {_counts(r)}*")
            out += ["", _md(r.summary) or "(no summary)", ""]
            out += [f"- {FLAG} {_md(w)}" for w in _wrong(r)]
            if r.fallback_reason:
                out.append(f"- engine: {_md(r.fallback_reason)}")
            out.append("")
    if report.failures:
        out += ["## Failed", ""]
        out += [f"- {_md(f.title or f.id)}: {_md(f.reason)}" for f in report.failures]
        out.append("")
    out += [f"*{footer(report)}*", "", f"> {DISCLAIMER}", ""]
    return "\n".join(out)


def render_jsonl(report: SummarizeReport) -> str:
    return "".join(r.model_dump_json() + "\n" for r in report.records)


def render_html(report: SummarizeReport) -> str:
    h = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>finnews digest</title>',
        "<style>body{font-family:system-ui,sans-serif;max-width:55rem;margin:2rem auto;"
        "padding:0 1rem;line-height:1.5}.meta{color:#555;font-size:.9rem}"
        ".wrong{color:#c62828}</style></head><body><h1>News digest</h1>",
    ]
    for key, records in groups(report):
        parts.append(f"<h2>{h(key)}</h2>")
        for r in records:
            title = h(r.title or "(untitled)")
            link = f'<a href="{h(r.url)}">{title}</a>' if r.url else title
            parts.append(f"<article><h3>{link}</h3>")
            parts.append(
                f'<p class="meta">{h(r.source or "unknown source")} · {_date(r)} · '
                f"{h(_counts(r))}</p><p>{h(r.summary) or '(no summary)'}</p>"
            )
            wrong = [f'<li class="wrong">{h(w)}</li>' for w in _wrong(r)]
            if wrong:
                parts.append("<ul>" + "".join(wrong) + "</ul>")
            parts.append("</article>")
    if report.failures:
        parts.append("<h2>Failed</h2><ul>")
        parts += [f"<li>{h(f.title or f.id)}: {h(f.reason)}</li>" for f in report.failures]
        parts.append("</ul>")
    parts.append(f'<p class="meta">{h(footer(report))}</p><p><i>{h(DISCLAIMER)}</i></p>')
    parts.append("</body></html>")
    return "\n".join(parts)
