"""Render a SummarizeReport: a Markdown digest, JSONL, an HTML digest.

A digest lists each article once, under its main subject (the ticker it mentions most),
with its other tickers named. It opens with counts and a table of contents. How the run
went (summarized, resumed, failed, seconds) is the terminal's business: see `footer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.disclaimers import disclaimer
from assistant.i18n import _, current, ngettext
from assistant.i18n.claims import verdict_name
from assistant.i18n.formats import fmt_day, fmt_percent, value_text
from assistant.i18n.markers import marked_text
from assistant.i18n.notes import quoted, series_name
from assistant.market.symbols import SYMBOLS
from assistant.models import VERDICTS
from assistant.numbers import FLAG
from assistant.render.markdown import md_link, md_text
from assistant.render.templating import render_page
from assistant.safety import printable_json, web_url
from assistant.summarize import ClaimVerdict, SummarizeReport, SummaryRecord

OTHER = "Other news"  # the group key of articles about no ticker; shown as `other_news()`
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
    if key == OTHER:
        return _("Other news")
    sym = SYMBOLS.get(key)
    return f"{key} ({series_name(sym.name)})" if sym and sym.name != key else key


def anchor(text: str) -> str:
    """The id GitHub and most Markdown renderers give a heading."""
    slug = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return slug.replace(" ", "-")


def overview(report: SummarizeReport) -> str:
    """One line of counts: articles, dates, subjects, and the verdicts of their claims."""
    records = report.records
    n = len(records)
    line = ngettext("{n} article", "{n} articles", n).format(n=n)
    dates = sorted(r.published.date() for r in records if r.published)
    if dates and dates[-1] != dates[0]:
        line += _(" published {start} to {end}").format(
            start=fmt_day(dates[0]), end=fmt_day(dates[-1])
        )
    elif dates:
        line += _(" published {day}").format(day=fmt_day(dates[0]))
    sections = groups(report)
    subjects = [k for k, _rs in sections if k != OTHER]
    other = next((len(rs) for k, rs in sections if k == OTHER), 0)
    line += ngettext("; {n} subject", "; {n} subjects", len(subjects)).format(n=len(subjects))
    if other:
        line += _(", {n} about no ticker").format(n=other)
    verdicts = {v: 0 for v in VERDICTS}
    for r in records:
        for c in r.claims:
            verdicts[c.verdict] += 1
    total = sum(verdicts.values())
    if total:
        parts = _(", ").join(
            _("{count} {verdict}").format(count=k, verdict=verdict_name(v))
            for v, k in verdicts.items()
            if k
        )
        line += ngettext(
            "; {n} claim checked: {verdicts}", "; {n} claims checked: {verdicts}", total
        ).format(n=total, verdicts=parts)
    else:
        line += _("; no numeric claims")
    return line


def _counts(r: SummaryRecord) -> str:
    counts: dict[str, int] = {}
    for c in r.claims:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    parts = [
        _("{count} {verdict}").format(count=n, verdict=verdict_name(v)) for v, n in counts.items()
    ]
    return _(", ").join(parts) or _("no numeric claims")


def _also(r: SummaryRecord) -> str:
    main = subject_of(r)
    others = [t for t in r.tickers if t != main]
    if not others:
        return ""
    shown = _(", ").join(others[:MAX_OTHER_TICKERS])
    more = len(others) - MAX_OTHER_TICKERS
    if more > 0:
        return _("also {tickers} and {more} more").format(tickers=shown, more=more)
    return _("also {tickers}").format(tickers=shown)


def _meta(r: SummaryRecord) -> list[str]:
    parts = [r.source or _("unknown source"), _date(r), _counts(r)]
    also = _also(r)
    return [*parts, also] if also else parts


def _date(r: SummaryRecord) -> str:
    return fmt_day(r.published.date()) if r.published else _("undated")


def _value(c: ClaimVerdict, value: float | None) -> str:
    return value_text(value, c.unit, c.kind)


def _wrong(r: SummaryRecord) -> Iterable[str]:
    for c in r.claims:
        if c.verdict in ("contradicted", "misdated"):
            claimed, data = _value(c, c.claimed), _value(c, c.computed)
            if c.claimed_low is not None:  # a Fed range reads as a range
                claimed = _range(c.claimed_low, c.claimed)
            if c.computed_low is not None and c.computed is not None:
                data = _range(c.computed_low, c.computed)
            yield _("{verdict}: “{quote}” (claimed {claimed}, data {data})").format(
                verdict=verdict_name(c.verdict), quote=c.text, claimed=claimed, data=data
            )


def _range(low: float, high: float) -> str:
    return f"{fmt_percent(low, signed=False)}-{fmt_percent(high, signed=False)}"


def _summary(r: SummaryRecord) -> str:
    """The summary: an LLM's in the reader's language, the offline engine's quoted."""
    if not r.summary:
        return ""
    summary = marked_text(r.summary)
    return quoted(summary) if r.engine == "offline" else summary


def footer(report: SummarizeReport) -> str:
    """How the run went, for the terminal."""
    return _("{n} articles: {done} summarized, {resumed} resumed, {failed} failed").format(
        n=len(report.records), done=report.summarized, resumed=report.resumed, failed=report.failed
    )


def render_markdown(report: SummarizeReport) -> str:
    sections = groups(report)
    out = ["# " + _("News digest"), "", md_text(overview(report)), "", "## " + _("Contents"), ""]
    for key, records in sections:
        title = heading(key)
        out.append(f"- [{md_text(title)}](#{anchor(title)}) ({len(records)})")
    out.append("")
    for key, records in sections:
        out += [f"## {md_text(heading(key))}", ""]
        for r in records:
            out.append(f"### {md_link(r.title or _('(untitled)'), r.url)}")
            out.append("*" + md_text(" · ".join(_meta(r))) + "*")
            out += ["", md_text(_summary(r)) or _("(no summary)"), ""]
            notes = [f"- {FLAG} {md_text(w)}" for w in _wrong(r)]
            if r.fallback_reason:
                notes.append("- " + md_text(_("engine: {reason}").format(reason=r.fallback_reason)))
            out += [*notes, ""] if notes else []
    out += [f"> {disclaimer('digest')}", ""]
    return "\n".join(out)


def render_jsonl(report: SummarizeReport) -> str:
    return "".join(printable_json(r.model_dump_json()) + "\n" for r in report.records)


def render_html(report: SummarizeReport) -> str:
    """The digest as a page (templates/digest.html)."""
    sections = []
    for key, records in groups(report):
        title = heading(key)
        articles = []
        for r in records:
            note = _("engine: {reason}").format(reason=r.fallback_reason)
            articles.append(
                {
                    "title": r.title or _("(untitled)"),
                    "url": web_url(r.url),
                    "meta": " · ".join(_meta(r)),
                    "summary": _summary(r),
                    "wrong": list(_wrong(r)),
                    "engine_note": note if r.fallback_reason else "",
                }
            )
        sections.append({"title": title, "anchor": anchor(title), "articles": articles})
    words = {
        "heading": _("News digest"),
        "contents": _("Contents"),
        "no_summary": _("(no summary)"),
    }
    return render_page(
        "digest.html",
        lang=current().html_lang,
        page_title=_("finnews digest"),
        words=words,
        overview=overview(report),
        sections=sections,
        flag=FLAG,
        disclaimer=disclaimer("digest"),
    )
