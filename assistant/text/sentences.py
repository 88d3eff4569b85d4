"""Sentence splitting that keeps character offsets and survives financial abbreviations."""

from __future__ import annotations

import re

_ABBREV = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mr|mrs|ms|dr|inc|corp|co|ltd|"
    r"vs|etc|no|st|jr|sr|u\.s|e\.g|i\.e|a\.m|p\.m|approx|est)\.)$|(?<!['\u2019])\b(?-i:[A-Z])\.$",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(\[]?[A-Z0-9$])|\n\s*\n+|\n(?=\s*[-*#>|])"
    r"|(?<=[:.!?*])[ \t]*\n(?=[ \t]*[\"“(\[]?[A-Z0-9$*])"  # a line that ends a sentence or a header
    r"|(?<=[。！？])[\s”’」]*(?=\S)"  # Chinese full stops: no space follows them
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences in `text` (whitespace trimmed)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start : m.start()]
        if m.group(0).strip() == "" and "\n\n" not in m.group(0) and _ABBREV.search(head):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def clause_of(text: str, passage: tuple[int, int], span: tuple[int, int]) -> str:
    """The clause of a long passage that holds `span`, without a final full stop."""
    ps, pe = passage
    body = text[ps:pe]
    if len(body) > 90:
        starts = [ps + m.end() for m in _CLAUSE_START.finditer(body) if ps + m.end() <= span[0]]
        ends = [ps + m.start() for m in _CLAUSE_END.finditer(body) if ps + m.start() >= span[1]]
        ps, pe = max(starts, default=ps), min(ends, default=pe)
    return " ".join(text[ps:pe].split()).rstrip(".")


_CLAUSE_START = re.compile(r"[,;:]\s+(?:and |but |while )?")
_CLAUSE_END = re.compile(r"[,;:]\s")
