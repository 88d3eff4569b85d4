"""Render a SummarizeReport: a Markdown digest, JSONL, an HTML digest.

A digest lists each article once, under its main subject (the ticker it mentions most),
with its other tickers named. It opens with counts and a table of contents. How the run
went (summarized, resumed, failed, seconds) is the terminal's business: see `footer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.market.symbols import SYMBOLS
from assistant.models import VERDICTS
from assistant.numbers import FLAG
from assistant.render.checks import value_text
from assistant.render.escape import html_text
from assistant.render.markdown import md_link, md_text
from assistant.safety import printable_json, web_url
from assistant.summarize import ClaimVerdict, SummarizeReport, SummaryRecord

OTHER = "Other news"
DISCLAIMER = "Historical market data and news; not investment advice."
MAX_OTHER_TICKERS = 8


def subject_of(r: SummaryRecord) -> str | None:
    """The record's main subject (records written before it was stored: the first ticker)."""
    return r.subject or (r.tickers[0] if r.tickers else None)


def groups(report: SummarizeReport) -> list[tuple[str, list[SummaryRecord]]]:
    """Each record once, under its main subject: the subjects with the most articles
    first (then by name), articles about no ticker last."""
    out: dict[str, list[SummaryRecord]] = {}
    for r in report.records:
        out.setdefault(subject_of(r) or OTHER, []).append(r)
    keys = sorted((k for k in out if k != OTHER), key=lambda k: (-len(out[k]), k))
    if OTHER in out:
        keys.append(OTHER)
    return [(k, out[k]) for k in keys]


def heading(key: str) -> str:
    """`AAPL (Apple)`, `^RUT (Russell 2000)`, `XYZ`, `Other news`."""
    sym = SYMBOLS.get(key)
    return f"{key} ({sym.name})" if sym and sym.name != key else key


def anchor(text: str) -> str:
    """The id GitHub and most Markdown renderers give a heading."""
    slug = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return slug.replace(" ", "-")


def overview(report: SummarizeReport) -> str:
    """One line of counts: articles, dates, subjects, and the verdicts of their claims."""
    records = report.records
    n = len(records)
    line = f"{n} article{'' if n == 1 else 's'}"
    dates = sorted(r.published.date() for r in records if r.published)
    if dates:
        line += f" published {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "")
    sections = groups(report)
    subjects = [k for k, _ in sections if k != OTHER]
    other = next((len(rs) for k, rs in sections if k == OTHER), 0)
    line += f"; {len(subjects)} subject{'' if len(subjects) == 1 else 's'}"
    if other:
        line += f", {other} about no ticker"
    verdicts = {v: 0 for v in VERDICTS}
    for r in records:
        for c in r.claims:
            verdicts[c.verdict] += 1
    total = sum(verdicts.values())
    if total:
        parts = ", ".join(f"{k} {v}" for v, k in verdicts.items() if k)
        line += f"; {total} claim{'' if total == 1 else 's'} checked: {parts}"
    else:
        line += "; no numeric claims"
    return line


def _counts(r: SummaryRecord) -> str:
    counts: dict[str, int] = {}
    for c in r.claims:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    return ", ".join(f"{n} {v}" for v, n in counts.items()) or "no numeric claims"


def _also(r: SummaryRecord) -> str:
    main = subject_of(r)
    others = [t for t in r.tickers if t != main]
    if not others:
        return ""
    shown = ", ".join(others[:MAX_OTHER_TICKERS])
    more = len(others) - MAX_OTHER_TICKERS
    return f"also {shown}" + (f" and {more} more" if more > 0 else "")


def _meta(r: SummaryRecord) -> list[str]:
    parts = [r.source or "unknown source", _date(r), _counts(r)]
    also = _also(r)
    return [*parts, also] if also else parts


def _date(r: SummaryRecord) -> str:
    return r.published.date().isoformat() if r.published else "undated"


def _value(c: ClaimVerdict, value: float | None) -> str:
    return value_text(value, c.unit, c.kind)


def _wrong(r: SummaryRecord) -> Iterable[str]:
    for c in r.claims:
        if c.verdict in ("contradicted", "misdated"):
            claimed, data = _value(c, c.claimed), _value(c, c.computed)
            if c.claimed_low is not None:  # a Fed range reads as a range
                claimed = f"{c.claimed_low:.2f}%-{c.claimed:.2f}%"
            if c.computed_low is not None and c.computed is not None:
                data = f"{c.computed_low:.2f}%-{c.computed:.2f}%"
            yield f"{c.verdict}: “{c.text}” (claimed {claimed}, data {data})"


def footer(report: SummarizeReport) -> str:
    """How the run went, for the terminal."""
    return (
        f"{len(report.records)} articles: {report.summarized} summarized, {report.resumed} "
        f"resumed, {report.failed} failed"
    )


def render_markdown(report: SummarizeReport) -> str:
    sections = groups(report)
    out = ["# News digest", "", md_text(overview(report)), "", "## Contents", ""]
    for key, records in sections:
        title = heading(key)
        out.append(f"- [{md_text(title)}](#{anchor(title)}) ({len(records)})")
    out.append("")
    for key, records in sections:
        out += [f"## {md_text(heading(key))}", ""]
        for r in records:
            out.append(f"### {md_link(r.title or '(untitled)', r.url)}")
            out.append("*" + md_text(" · ".join(_meta(r))) + "*")
            out += ["", md_text(r.summary) or "(no summary)", ""]
            notes = [f"- {FLAG} {md_text(w)}" for w in _wrong(r)]
            if r.fallback_reason:
                notes.append(f"- engine: {md_text(r.fallback_reason)}")
            out += [*notes, ""] if notes else []
    out += [f"> {DISCLAIMER}", ""]
    return "\n".join(out)


def render_jsonl(report: SummarizeReport) -> str:
    return "".join(printable_json(r.model_dump_json()) + "\n" for r in report.records)


def render_html(report: SummarizeReport) -> str:
    h = html_text
    sections = groups(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>finnews digest</title>',
        "<style>body{font-family:system-ui,sans-serif;max-width:55rem;margin:2rem auto;"
        "padding:0 1rem;line-height:1.5}.meta{color:#555;font-size:.9rem}"
        ".wrong{color:#c62828}nav ul{columns:3 12rem;padding-left:1.2rem}</style></head><body>",
        "<h1>News digest</h1>",
        f'<p class="meta">{h(overview(report))}</p>',
        "<nav><h2>Contents</h2><ul>",
    ]
    for key, records in sections:
        title = heading(key)
        parts.append(f'<li><a href="#{h(anchor(title))}">{h(title)}</a> ({len(records)})</li>')
    parts.append("</ul></nav>")
    for key, records in sections:
        title = heading(key)
        parts.append(f'<section><h2 id="{h(anchor(title))}">{h(title)}</h2>')
        for r in records:
            name = h(r.title or "(untitled)")
            url = web_url(r.url)
            link = f'<a href="{h(url)}" rel="noopener noreferrer">{name}</a>' if url else name
            parts.append(f"<article><h3>{link}</h3>")
            parts.append(
                f'<p class="meta">{h(" · ".join(_meta(r)))}</p>'
                f"<p>{h(r.summary) or '(no summary)'}</p>"
            )
            wrong = [f'<li class="wrong">{FLAG} {h(w)}</li>' for w in _wrong(r)]
            if r.fallback_reason:
                wrong.append(f"<li>engine: {h(r.fallback_reason)}</li>")
            if wrong:
                parts.append("<ul>" + "".join(wrong) + "</ul>")
            parts.append("</article>")
        parts.append("</section>")
    parts.append(f'<p class="meta">{h(DISCLAIMER)}</p></body></html>')
    return "\n".join(parts)
