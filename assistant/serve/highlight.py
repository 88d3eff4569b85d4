"""An article's text cut into pieces for the page: plain runs, and the runs that checked
claims cover (each with its claims), with anchors where cited passages start. Pure
functions; the template escapes every piece."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from assistant.models import CheckedClaim
from assistant.text.citations import CITATION, citations_in

# The verdict a run that holds several claims is coloured by: the most serious.
SEVERITY = ("contradicted", "misdated", "approximate", "unverifiable", "supported")


@dataclass
class Piece:
    text: str
    claims: list[CheckedClaim] = field(default_factory=list)
    anchor: str | None = None  # an id placed just before the piece

    @property
    def verdict(self) -> str | None:
        if not self.claims:
            return None
        return min((c.verdict for c in self.claims), key=SEVERITY.index)


def pieces(
    text: str, claims: Sequence[CheckedClaim], anchors: Mapping[int, str] | None = None
) -> list[Piece]:
    """`text` as pieces that join back to it; a claim whose span overlaps another's joins
    that run, so every claim is marked once and in place."""
    runs: list[tuple[int, int, list[CheckedClaim]]] = []
    for c in sorted(claims, key=lambda c: (c.span[0], c.span[1])):
        start, end = max(0, c.span[0]), min(len(text), c.span[1])
        if end <= start:
            continue
        if runs and start < runs[-1][1]:
            s, e, held = runs[-1]
            runs[-1] = (s, max(e, end), [*held, c])
        else:
            runs.append((start, end, [c]))
    cuts = {0, len(text)} | {p for p in (anchors or {}) if 0 <= p <= len(text)}
    for s, e, _ in runs:
        cuts |= {s, e}
    # an anchor inside a claim's run moves to the run's start
    inside = {p: s for p in (anchors or {}) for s, e, _ in runs if s < p < e}
    named: dict[int, str] = {}
    for p, name in (anchors or {}).items():
        named.setdefault(inside.get(p, p), name)
    out: list[Piece] = []
    bounds = sorted(cuts - set(inside))
    by_start = {s: (e, held) for s, e, held in runs}
    i = 0
    while i < len(bounds) - 1:
        s = bounds[i]
        if s in by_start:
            e, held = by_start[s]
            out.append(Piece(text[s:e], list(held), named.get(s)))
            i = bounds.index(e)
            continue
        e = bounds[i + 1]
        out.append(Piece(text[s:e], [], named.get(s)))
        i += 1
    return out


@dataclass(frozen=True)
class Cited:
    """A run of written text, or a citation marker's ids ("1", "D2")."""

    text: str
    ids: tuple[str, ...] = ()


def cited_runs(text: str) -> list[Cited]:
    """Text with its citation markers ([1], [D2, 3]) split out, so each id can be a link."""
    out: list[Cited] = []
    pos = 0
    for m in CITATION.finditer(text):
        if m.start() > pos:
            out.append(Cited(text[pos : m.start()]))
        out.append(Cited(m.group(0), tuple(citations_in(m.group(0)))))
        pos = m.end()
    if pos < len(text):
        out.append(Cited(text[pos:]))
    return out


def verdict_counts(claims: Iterable[CheckedClaim]) -> dict[str, int]:
    """Claims per verdict, in the order of SEVERITY, only verdicts present."""
    counts = {v: 0 for v in SEVERITY}
    for c in claims:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    return {v: n for v, n in counts.items() if n}
