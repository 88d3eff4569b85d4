"""Plain-text renderings of answers for the terminal: the footer and /sources.

Both come back `printable`: titles, sources and passages are whatever the news held."""

from __future__ import annotations

import textwrap

from assistant.chat.models import Answer, DataReceipt
from assistant.market.metrics import fmt
from assistant.safety import printable

WIDTH = 96


def footer(answer: Answer) -> str:
    """One line per source the answer cites, and the numbers that did not trace."""
    lines = []
    for c in answer.citations:
        lines.append(f"  [{c.n}] {c.title or '(untitled)'} · {c.source or 'source unknown'} · "
                     f"{c.date_text}")  # fmt: skip
    for r in answer.receipts:
        lines.append(f"  [{r.id}] {r.label} · {r.evidence.source}")
    if answer.flagged:
        n = len(answer.flagged)
        lines.append(f"  ⚠ {n} number{'s' if n > 1 else ''} traced to no cited source:")
        lines += [f"    {f.text}: {f.reason}" for f in answer.flagged]
    if answer.note and answer.engine != "offline":
        lines.append(f"  note: {answer.note}")
    return printable("\n".join(lines))


def sources(answer: Answer | None) -> str:
    """The passages and data receipts behind an answer, in full."""
    if answer is None:
        return "No answer yet: ask a question first."
    if not answer.citations and not answer.receipts:
        return "The last answer used no passages and no market data."
    out = [f"Sources of: {answer.question}"]
    for c in answer.citations:
        out.append("")
        out.append(f"[{c.n}] {c.title or '(untitled)'}")
        meta = " · ".join(x for x in (c.date_text, c.source or "source unknown", c.url) if x)
        out.append(f"    {meta}")
        out.append(f"    article {c.article_id}, chars {c.start}-{c.end}")
        for line in textwrap.wrap(" ".join(c.text.split()), WIDTH - 6):
            out.append(f"    | {line}")
    for r in answer.receipts:
        out.append("")
        out += receipt_lines(r)
    return printable("\n".join(out))


def receipt_lines(r: DataReceipt) -> list[str]:
    ev = r.evidence
    proxy = f" (proxy for {ev.proxy_for})" if ev.proxy_for else ""
    lines = [f"[{r.id}] {r.label}", f"    {ev.ticker}{proxy} · source: {ev.source}"]
    if ev.fetched_at:
        lines.append(f"    fetched {ev.fetched_at.isoformat(timespec='seconds')}")
    for d, f, v in zip(ev.dates, ev.fields, ev.values, strict=False):
        lines.append(f"    {d.isoformat()} {f} {fmt(v)}")
    if ev.formula:
        result = f" = {fmt(ev.result)}" if ev.result is not None else ""
        lines.append(f"    formula: {ev.formula}{result}")
    return lines
