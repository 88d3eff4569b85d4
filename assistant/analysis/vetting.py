"""Vet written sentences before they are shown.

Every sentence must cite a known source; every number in it must trace to a passage or
receipt the sentence cites (assistant.numbers); every claim in it is run through the
verification engine, and a contradicted or misdated one is flagged with the right value
unless the same sentence states that value. Sentences that repeat the system prompt or
a secret are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from assistant.analysis.models import CitedSentence, NumberCheckSummary, NumberNote
from assistant.analysis.sources import Sources
from assistant.check import verify_text
from assistant.i18n.formats import record_value
from assistant.market.base import MarketData
from assistant.models import CheckedClaim
from assistant.numbers import (
    FLAG,
    UNCHECKED,
    NumberMention,
    Policy,
    check_numbers,
    citations_in,
    sentence_spans,
)
from assistant.safety import REDACTED, SecretGuard
from assistant.text.citations import CITATION

_SHINGLE = 8  # words in a row shared with the system prompt that count as a leak


@dataclass
class Guard:
    """What must never be shown: secrets, and runs of the system prompt."""

    secrets: Sequence[str] = ()
    system_prompt: str = ""
    _shingles: set[tuple[str, ...]] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        words = _words(self.system_prompt)
        self._shingles = {
            tuple(words[i : i + _SHINGLE]) for i in range(max(0, len(words) - _SHINGLE + 1))
        }

    def leaks(self, text: str) -> bool:
        if SecretGuard(self.secrets).leaks(text) or (self.secrets and REDACTED in text):
            return True
        words = _words(text)
        return any(
            tuple(words[i : i + _SHINGLE]) in self._shingles
            for i in range(max(0, len(words) - _SHINGLE + 1))
        )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


@dataclass
class Vetter:
    """Vets sentences against `sources`, with data up to `as_of`; keeps the tally."""

    sources: Sources
    market: MarketData
    as_of: date
    policy: Policy
    guard: Guard = field(default_factory=Guard)
    own: tuple[str, ...] = ()  # finnews's own receipts and the article's quoted claims
    summary: NumberCheckSummary = field(init=False)

    def __post_init__(self) -> None:
        self.summary = NumberCheckSummary(policy=self.policy)

    def vet_items(self, items: Iterable[str]) -> list[CitedSentence]:
        """Each item (one or more sentences) vetted; items left empty are dropped."""
        out = []
        for item in items:
            kept = [s for s in (self.vet_sentence(t) for t in split_sentences(item)) if s]
            if kept:
                out.append(_join(kept))
        return out

    def vet_paragraph(self, text: str) -> list[CitedSentence]:
        return [s for s in (self.vet_sentence(t) for t in split_sentences(text)) if s]

    def vet_sentence(self, text: str) -> CitedSentence | None:
        text = " ".join(text.split())
        if not text:
            return None
        if self.guard.leaks(text):
            self.summary.guarded_sentences += 1
            return None
        known = self.sources.ids
        cites = [c for c in citations_in(text) if c in known]
        if not cites:
            self.summary.uncited_sentences += 1
            return None
        notes = self._notes(text)
        self.summary.numbers += len(notes)
        self.summary.traced += sum(1 for _, n in notes if n.status == "traced")
        self.summary.untraced += sum(1 for _, n in notes if n.status == "untraced")
        self.summary.wrong += sum(1 for _, n in notes if n.status in ("contradicted", "misdated"))
        bad = [(m, n) for m, n in notes if n.status != "traced"]
        if bad and self.policy == "remove":
            self.summary.removed_sentences += 1
            return None
        self.summary.flagged += len(bad)
        shown = _flag(text, bad)
        return CitedSentence(text=shown, citations=cites, numbers=[n for _, n in notes])

    def _notes(self, text: str) -> list[tuple[NumberMention, NumberNote]]:
        traced = check_numbers(text, self.sources.allowed, require_citation=True)
        mentions = [s.mention for s in traced.numbers]
        quoted = self._quoted(text)
        wrong = self._wrong_claims(_mask(text, quoted))
        exempt = _acknowledged_values(wrong, mentions)
        out = []
        for status in traced.numbers:
            m = status.mention
            if status.status != "traced" and any(
                a <= m.span[0] and m.span[1] <= b for a, b in quoted
            ):
                # a receipt finnews wrote, or the article's own words it quotes
                out.append(
                    (m, NumberNote(raw=m.raw, status="traced", reason="quoted from the check"))
                )
                continue
            claim = next((c for c in wrong if _claim_number(c, mentions) == m), None)
            if claim is not None and not any(_same(m, v) for v in exempt):
                note = NumberNote(
                    raw=m.raw,
                    status="misdated" if claim.verdict == "misdated" else "contradicted",
                    source=status.source_id,
                    correct=claim.computed,
                    unit=claim.unit,
                    reason=claim.explanation,
                )
            else:
                note = NumberNote(
                    raw=m.raw,
                    status=status.status,
                    source=status.source_id,
                    reason=status.reason,
                )
            out.append((m, note))
        return out

    def _quoted(self, text: str) -> list[tuple[int, int]]:
        """Spans of `text` that quote the article (“...”) or repeat one of finnews's receipts:
        they were checked where they came from and are never re-read as new claims."""
        spans = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]
        for own in self.own:
            own = " ".join(own.split())
            start = text.find(own) if own else -1
            while start >= 0:
                spans.append((start, start + len(own)))
                start = text.find(own, start + 1)
        return spans

    def _wrong_claims(self, text: str) -> list[CheckedClaim]:
        """Claims in `text` the verification engine contradicts or misdates."""
        masked = CITATION.sub(lambda m: " " * len(m.group(0)), text)
        checked = verify_text(masked, self.as_of, self.market)
        return [c for c in checked if c.verdict in ("contradicted", "misdated")]


_QUOTE_RE = re.compile(r"[“\"][^”\"]{1,600}[”\"]")


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def _claim_number(claim: CheckedClaim, mentions: list[NumberMention]) -> NumberMention | None:
    """The written number a claim stands for: inside its span, equal to its claimed value."""
    s, e = claim.span
    inside = [m for m in mentions if m.span[0] < e and s < m.span[1]]
    for m in inside:
        if _same(m, claim.claimed):
            return m
    return inside[0] if inside else None


def _same(m: NumberMention, value: float) -> bool:
    return abs(abs(m.value) - abs(value)) <= m.tolerance + 1e-9


def _acknowledged_values(wrong: list[CheckedClaim], mentions: list[NumberMention]) -> list[float]:
    """Claimed and computed values of wrong claims whose correct value the sentence states.

    "The article's 'X rose 9.5%' is contradicted: the move was +11.97%" reports an error;
    its numbers are not new errors.
    """
    out: list[float] = []
    for claim in wrong:
        if claim.computed is None:
            continue
        own = _claim_number(claim, mentions)
        if any(m is not own and _same(m, claim.computed) for m in mentions):
            out += [claim.claimed, claim.computed]
    return out


def _flag(text: str, bad: list[tuple[NumberMention, NumberNote]]) -> str:
    out = text
    for m, note in sorted(bad, key=lambda x: x[0].span[0], reverse=True):
        s, e = m.span
        if note.status == "untraced":
            marker = UNCHECKED
        else:
            right = (
                record_value(note.correct, note.unit or "", 2) if note.correct is not None else "?"
            )
            marker = f"[{note.status}: data says {right}]"
        out = f"{out[:s]}{FLAG}{out[s:e]}{marker}{out[e:]}"
    return out


def _join(parts: list[CitedSentence]) -> CitedSentence:
    if len(parts) == 1:
        return parts[0]
    cites: list[str] = []
    for p in parts:
        cites += [c for c in p.citations if c not in cites]
    return CitedSentence(
        text=" ".join(p.text for p in parts),
        citations=cites,
        numbers=[n for p in parts for n in p.numbers],
    )
