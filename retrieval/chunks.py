"""Split article text into bounded, overlapping passages with exact character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.citations import cited_sentences

MAX_CHARS = 800
OVERLAP_CHARS = 200
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


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
    """(start, end, starts_paragraph) of each sentence, as the text toolkit splits them."""
    spans: list[tuple[int, int, bool]] = []
    prev = 0
    for s, e in cited_sentences(text):
        spans.append((s, e, not spans or bool(_BLANK_LINE.search(text, prev, s))))
        prev = e
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
