"""Split article text into bounded, overlapping passages with exact character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 800
OVERLAP_CHARS = 200

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "inc", "corp", "co", "ltd", "st", "jr", "sr", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "est", "approx", "u.s", "u.k", "e.g", "i.e", "etc", "gov", "sen", "rep",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+|\n\s*\n\s*|\n(?=\s*[-*\u2022]\s)")


@dataclass(frozen=True)
class Chunk:
    """A passage of one article: text == article.text[start:end]."""

    article_id: str
    index: int
    start: int
    end: int
    text: str

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.index}"


def sentence_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, starts_paragraph) of each sentence, trailing whitespace excluded."""
    spans: list[tuple[int, int, bool]] = []
    start, para = _skip_space(text, 0), True
    for m in _SENTENCE_END.finditer(text):
        if m.start() < start:
            continue
        end = m.start() + len(m.group(0).rstrip())
        if m.group(0)[0] == "." and _is_abbreviation(text, m.start()):
            continue
        if end > start:
            spans.append((start, end, para))
        para = "\n\n" in text[m.start() : m.end()] or "\n\n" in m.group(0)
        start = m.end()
    tail_end = len(text.rstrip())
    if tail_end > start:
        spans.append((start, tail_end, para))
    return spans


def chunk_text(
    article_id: str, text: str, *, max_chars: int = MAX_CHARS, overlap: int = OVERLAP_CHARS
) -> list[Chunk]:
    """Greedy packing of sentences up to max_chars; a new chunk repeats up to `overlap`
    chars of trailing sentences; paragraph starts are preferred break points."""
    units: list[tuple[int, int, bool]] = []
    for s, e, para in sentence_spans(text):
        units.extend(_split_long(text, s, e, para, max_chars))
    chunks: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        first = i
        start, end = units[i][0], units[i][1]
        i += 1
        while i < len(units):
            s, e, para = units[i]
            if e - start > max_chars or (para and end - start >= max_chars * 0.6):
                break
            end = e
            i += 1
        chunks.append((start, end))
        if i >= len(units):
            break
        # Step back over trailing sentences that fit in the overlap, never to `first`.
        j = i
        while j - 1 > first and end - units[j - 1][0] <= overlap:
            j -= 1
        i = j
    return [
        Chunk(article_id=article_id, index=n, start=s, end=e, text=text[s:e])
        for n, (s, e) in enumerate(chunks)
    ]


def _split_long(
    text: str, s: int, e: int, para: bool, max_chars: int
) -> list[tuple[int, int, bool]]:
    out: list[tuple[int, int, bool]] = []
    while e - s > max_chars:
        cut = text.rfind(" ", s + max_chars // 2, s + max_chars)
        cut = cut if cut > s else s + max_chars
        out.append((s, len(text[:cut].rstrip()), para))
        s, para = _skip_space(text, cut), False
    if e > s:
        out.append((s, e, para))
    return out


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower().lstrip(".")
    return token in _ABBREV or len(token) == 1 or bool(re.fullmatch(r"([a-z]\.)+[a-z]", token))
