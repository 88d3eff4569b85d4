"""The lexical side of search: Okapi BM25 over the passages a search considers. Pure.

A search considers the passages nearest the query's vector and the passages that the
index's full-text search finds for the query's exact terms (tickers, numbers) and for its
words that the nearest passages lack (see `retrieval.search`): a rare word such as a
code name is found even when no vector is near it. Each candidate is scored here with
BM25, whose weights come from the whole index: how many passages it holds (`documents`)
and, for each term looked up in the full text, how many of them hold the term (`df`).
A term that was not looked up is common among the candidates; its count in the index is
estimated from its share of them.

The score is normalised to 0..1 so that it can be fused with a cosine similarity: 1.0 is
what a passage of average length holding every query term once would score.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from retrieval.ranking import Term, lower_word_pattern, term_pattern, word_count

K1 = 1.2  # how fast repeating a term stops adding to the score
B = 0.75  # how much a long passage is discounted


@dataclass(frozen=True)
class CorpusStats:
    """What BM25 knows of the whole index."""

    documents: int
    df: Mapping[str, int] = field(default_factory=dict)  # passages holding a looked-up term


def idf(df: float, documents: int) -> float:
    """Inverse document frequency, never negative (Lucene's form)."""
    return math.log(1.0 + (documents - df + 0.5) / (df + 0.5))


def term_counts(terms: Sequence[Term], texts: Sequence[str]) -> list[list[int]]:
    """How often each text holds each term (as `retrieval.ranking.term_pattern` reads it)."""
    counters = [_Counter.of(t) for t in terms]
    out = []
    for text in texts:
        lower = text.lower() if text.isascii() else None
        out.append([c.count(text, lower) for c in counters])
    return out


@dataclass(frozen=True)
class _Counter:
    """Counts one term's matches, as `term_pattern(term).findall` would. Every match starts
    with the term itself, so the pattern is tried only where a substring search (much
    quicker than the regex engine's own scan) finds the term: a ticker or a number as
    written; a word in an ASCII text's lower case, with its case-sensitive twin
    (`lower_word_pattern`). A word in other text is read by the pattern itself."""

    needle: str
    pattern: re.Pattern[str]
    lower: re.Pattern[str] | None  # the twin, for a word (None for a ticker or a number)
    exact: bool

    @classmethod
    def of(cls, term: Term) -> _Counter:
        needle = term.text if term.exact else term.text.lower()
        return cls(needle, term_pattern(term), lower_word_pattern(term), term.exact)

    def count(self, text: str, lower: str | None) -> int:
        if self.needle and self.exact:
            return _matches(self.pattern, text, self.needle)
        if self.needle and self.lower is not None and lower is not None:
            return _matches(self.lower, lower, self.needle)
        return len(self.pattern.findall(text))


def _matches(pattern: re.Pattern[str], text: str, needle: str) -> int:
    """`len(pattern.findall(text))` for a pattern whose every match starts with `needle`
    (and is not empty): tried at each place `needle` is, left to right, none overlapping."""
    n = 0
    at = text.find(needle)
    while at >= 0:
        m = pattern.match(text, at)
        if m is None:
            at = text.find(needle, at + 1)
        else:
            n += 1
            at = text.find(needle, max(m.end(), at + 1))
    return n


def bm25_scores(
    terms: Sequence[Term],
    texts: Sequence[str],
    stats: CorpusStats,
    counts: Sequence[Sequence[int]] | None = None,
    lengths: Sequence[int] | None = None,
) -> list[float]:
    """Each text's BM25 score for the terms, normalised (see the module doc), at most 1.0.

    Terms count with their weight (tickers and numbers more than words); a term is
    matched as `retrieval.ranking.term_pattern` reads it (a word also in simple plurals
    and inflections, a ticker in its case). `counts` (`term_counts(terms, texts)`) and
    `lengths` (each text's `word_count`), when the caller knows them already."""
    if not terms or not texts:
        return [0.0] * len(texts)
    if counts is None:
        counts = term_counts(terms, texts)
    if lengths is None:
        lengths = [word_count(text) for text in texts]
    lengths = [max(1, n) for n in lengths]
    average = sum(lengths) / len(lengths)
    documents = max(stats.documents, len(texts))
    weights = []
    for j, term in enumerate(terms):
        holding = sum(1 for row in counts if row[j])
        known = stats.df.get(term.text)
        df = known if known is not None else _estimate(holding, len(texts), documents)
        # a term no candidate holds tells none apart: it weighs nothing
        weights.append(term.weight * idf(max(df, holding), documents) if holding else 0.0)
    ideal = sum(weights)
    if ideal <= 0:
        return [0.0] * len(texts)
    out = []
    for row, length in zip(counts, lengths, strict=True):
        norm = K1 * (1 - B + B * length / average)
        score = sum(w * tf * (K1 + 1) / (tf + norm) for w, tf in zip(weights, row, strict=True))
        out.append(min(1.0, score / ideal))
    return out


def _estimate(holding: int, candidates: int, documents: int) -> float:
    """Passages of the index holding a term that `holding` of `candidates` hold."""
    if not holding:
        return 0.0
    return max(float(holding), documents * holding / candidates)


def known_word(word: str) -> bool:
    """Whether the embedding model's vocabulary holds `word` whole ("rally", "treasury"):
    its vectors then know the word. A word it must split ("zz1999q", "nvidia", "fomc")
    is a name or a code that only the full text finds."""
    return word.lower() in _vocabulary()


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    from retrieval.embed import MODEL_DIR

    with (MODEL_DIR / "tokenizer.json").open(encoding="utf-8") as fh:
        vocab = json.load(fh)["model"]["vocab"]
    return frozenset(w for w in vocab if w.isalnum())
