"""What one answer may cite: passages [n] and data receipts [Dn], numbered as they come."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.chat.models import Citation, DataReceipt
from assistant.chat.passages import Passage
from assistant.market.metrics import fmt


class Ledger:
    """Sources of one answer; tools add to it while the model works."""

    def __init__(self) -> None:
        self.passages: list[Passage] = []
        self.receipts: list[DataReceipt] = []

    def add_passages(self, passages: Sequence[Passage]) -> list[tuple[int, Passage]]:
        """Add passages (once each); returns their numbers."""
        out = []
        for p in passages:
            key = (p.article_id, p.start, p.end)
            for n, old in enumerate(self.passages, start=1):
                if (old.article_id, old.start, old.end) == key:
                    out.append((n, old))
                    break
            else:
                self.passages.append(p)
                out.append((len(self.passages), p))
        return out

    def add_receipts(self, make: Callable[[int], list[DataReceipt]]) -> list[DataReceipt]:
        """`make(first_id)` builds receipts numbered from the next free Dn."""
        new = make(len(self.receipts) + 1)
        self.receipts.extend(new)
        return new

    def sources(self) -> dict[str, str]:
        """Source id -> the text whose numbers an answer may use."""
        out = {str(n): p.text for n, p in enumerate(self.passages, start=1)}
        for r in self.receipts:
            values = " ".join(fmt(v) for v in r.evidence.values)
            result = fmt(r.evidence.result) if r.evidence.result is not None else ""
            out[r.id] = f"{r.statement}\n{r.evidence.formula}\n{values} {result}"
        return out

    def citations(self) -> list[Citation]:
        return [to_citation(n, p) for n, p in enumerate(self.passages, start=1)]


def to_citation(n: int, p: Passage) -> Citation:
    return Citation(
        n=n,
        article_id=p.article_id,
        title=p.title,
        published=p.published,
        source=p.source,
        url=p.url,
        text=p.text,
        start=p.start,
        end=p.end,
        score=p.score,
    )


def receipts_text(receipts: Sequence[DataReceipt]) -> str:
    """Receipts for a prompt or a tool result: '[D1] statement (formula; source)'."""
    lines = []
    for r in receipts:
        ev = r.evidence
        proxy = f", proxy for {ev.proxy_for}" if ev.proxy_for else ""
        lines.append(f"[{r.id}] {r.statement} (formula: {ev.formula}; source: {ev.source}{proxy})")
    return "\n".join(lines)
