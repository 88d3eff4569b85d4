"""Plain-text renderings of answers for the terminal: the footer and /sources.

Both come back `printable`: titles, sources and passages are whatever the news held."""

from __future__ import annotations

import textwrap

from assistant.chat.models import Answer, AnswerReceipt, Citation
from assistant.i18n import _, ngettext
from assistant.i18n.answers import answer_label
from assistant.i18n.formats import fmt_day
from assistant.i18n.formulas import formula_text
from assistant.i18n.markers import flag_reason
from assistant.i18n.notes import field_name, source_name
from assistant.market.metrics import fmt
from assistant.safety import printable

WIDTH = 96


def footer(answer: Answer) -> str:
    """One line per source the answer cites, and the numbers that did not trace."""
    lines = []
    for c in answer.citations:
        title, source = c.title or _("(untitled)"), c.source or _("source unknown")
        lines.append(f"  [{c.n}] {title} · {source} · {_date_text(c)}")
    for r in answer.receipts:
        lines.append(f"  [{r.id}] {answer_label(r)} · {source_name(r.evidence.source)}")
    if answer.flagged:
        n = len(answer.flagged)
        lines.append(
            "  ⚠ "
            + ngettext(
                "{n} number traced to no cited source:", "{n} numbers traced to no cited source:", n
            ).format(n=n)
        )
        lines += [f"    {f.text}: {flag_reason(f.reason)}" for f in answer.flagged]
    if answer.note and answer.engine != "offline":
        lines.append("  " + _("note: {note}").format(note=answer.note))
    return printable("\n".join(lines))


def _date_text(c: Citation) -> str:
    return fmt_day(c.published.date()) if c.published else _("date unknown")


def sources(answer: Answer | None) -> str:
    """The passages and data receipts behind an answer, in full."""
    if answer is None:
        return _("No answer yet: ask a question first.")
    if not answer.citations and not answer.receipts:
        return _("The last answer used no passages and no market data.")
    out = [_("Sources of: {question}").format(question=answer.question)]
    for c in answer.citations:
        out.append("")
        out.append(f"[{c.n}] {c.title or _('(untitled)')}")
        meta = " · ".join(x for x in (_date_text(c), c.source or _("source unknown"), c.url) if x)
        out.append(f"    {meta}")
        where = _("article {id}, chars {start}-{end}").format(
            id=c.article_id, start=c.start, end=c.end
        )
        out.append(f"    {where}")
        for line in textwrap.wrap(" ".join(c.text.split()), WIDTH - 6):
            out.append(f"    | {line}")
    for r in answer.receipts:
        out.append("")
        out += receipt_lines(r)
    return printable("\n".join(out))


def receipt_lines(r: AnswerReceipt) -> list[str]:
    ev = r.evidence
    proxy = _(" (proxy for {index})").format(index=ev.proxy_for) if ev.proxy_for else ""
    source = _("source: {source}").format(source=source_name(ev.source))
    lines = [f"[{r.id}] {answer_label(r)}", f"    {ev.ticker}{proxy} · {source}"]
    if ev.fetched_at:
        fetched = _("fetched {time}").format(time=ev.fetched_at.isoformat(timespec="seconds"))
        lines.append(f"    {fetched}")
    for d, f, v in zip(ev.dates, ev.fields, ev.values, strict=False):
        lines.append(f"    {fmt_day(d)} {field_name(f)} {fmt(v)}")
    if ev.formula:
        result = f" = {fmt(ev.result)}" if ev.result is not None else ""
        shown = f"{formula_text(ev.formula)}{result}"
        lines.append("    " + _("formula: {formula}").format(formula=shown))
    return lines
