"""What one answer may cite: passages [n] and data receipts [Dn], numbered as they come."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

from assistant.chat.models import AnswerReceipt, Citation
from assistant.chat.passages import Passage
from assistant.market.metrics import fmt
from assistant.models import CheckedClaim
from assistant.numbers import AllowedNumber, find_numbers
from assistant.receipts import check_receipt

DISPUTED = ("contradicted", "misdated")  # verdicts a quoted number is marked with


@dataclass(frozen=True)
class Dispute:
    """A number of passage [n] that the claim check disputes, and the receipt saying so."""

    passage: int
    span: tuple[int, int]  # in the passage's text
    raw: str
    verdict: str
    receipt: str


class Ledger:
    """Sources of one answer; tools add to it while the model works."""

    def __init__(self) -> None:
        self.passages: list[Passage] = []
        self.receipts: list[AnswerReceipt] = []
        self.disputes: list[Dispute] = []
        self._checked: set[int] = set()

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

    def add_receipts(self, make: Callable[[int], list[AnswerReceipt]]) -> list[AnswerReceipt]:
        """`make(first_id)` builds receipts numbered from the next free Dn."""
        new = make(self._next_id())
        self.receipts.extend(new)
        return new

    def add_checks(self, n: int, text: str, checked: Sequence[CheckedClaim]) -> list[AnswerReceipt]:
        """Receipts for the numbers of passage [n] (`text`) that the claim check disputes.

        Each passage is checked once per answer; `checked` are its claims, checked as of
        its article's date.
        """
        if n in self._checked:
            return []
        self._checked.add(n)
        out = []
        for c in checked:
            if c.verdict not in DISPUTED:
                continue
            raw = text[c.span[0] : c.span[1]]
            receipt = check_receipt(
                self._next_id(),
                c,
                f"passage [{n}]: {raw} {c.verdict}",
                f"The claim check calls {raw} in passage [{n}] {c.verdict}: {c.explanation}.",
                passage=n,
            )
            self.receipts.append(receipt)
            self.disputes.append(Dispute(n, c.span, raw, c.verdict, receipt.id))
            out.append(receipt)
        return out

    def disputed_numbers(self) -> dict[str, list[AllowedNumber]]:
        """Passage id -> its disputed numbers (label: the verdict), for marking an answer."""
        out: dict[str, list[AllowedNumber]] = {}
        for d in self.disputes:
            for mention in find_numbers(d.raw):
                out.setdefault(str(d.passage), []).append(
                    AllowedNumber(mention.value, str(d.passage), mention.unit, d.verdict)
                )
        return out

    def _next_id(self) -> int:
        return 1 + max((int(r.id[1:]) for r in self.receipts), default=0)

    def sources(self) -> dict[str, str]:
        """Source id -> the text whose numbers an answer may use."""
        out = {str(n): p.text for n, p in enumerate(self.passages, start=1)}
        for r in self.receipts:
            values = " ".join(fmt(v) for v in r.evidence.values)
            result = fmt(r.evidence.result) if r.evidence.result is not None else ""
            out[r.id] = f"{r.statement}\n{r.evidence.formula}\n{values} {result}"
        return out

    def checks_of(self, n: int) -> list[str]:
        """Receipt ids of passage [n]'s disputed numbers."""
        return [d.receipt for d in self.disputes if d.passage == n]

    def citations(self) -> list[Citation]:
        return [to_citation(n, p, self.checks_of(n)) for n, p in enumerate(self.passages, start=1)]


def to_citation(n: int, p: Passage, checks: Sequence[str] = ()) -> Citation:
    """Passage `p`, numbered [n] in an answer, with the receipts that dispute its numbers."""
    return Citation(n=n, checks=list(checks), **asdict(p))


def receipts_text(receipts: Sequence[AnswerReceipt]) -> str:
    """Receipts for a prompt or a tool result: '[D1] statement (formula; source)'."""
    lines = []
    for r in receipts:
        ev = r.evidence
        proxy = f", proxy for {ev.proxy_for}" if ev.proxy_for else ""
        lines.append(f"[{r.id}] {r.statement} (formula: {ev.formula}; source: {ev.source}{proxy})")
    return "\n".join(lines)
