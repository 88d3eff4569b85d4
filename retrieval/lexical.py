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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from retrieval.ranking import Term, term_pattern, word_count

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


def bm25_scores(terms: Sequence[Term], texts: Sequence[str], stats: CorpusStats) -> list[float]:
    """Each text's BM25 score for the terms, normalised (see the module doc), at most 1.0.

    Terms count with their weight (tickers and numbers more than words); a term is
    matched as `retrieval.ranking.term_pattern` reads it (a word also in simple plurals
    and inflections, a ticker in its case)."""
    if not terms or not texts:
        return [0.0] * len(texts)
    patterns = [term_pattern(t) for t in terms]
    counts = [[len(p.findall(text)) for p in patterns] for text in texts]
    lengths = [max(1, word_count(text)) for text in texts]
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
