"""Hybrid ranking, pure: query terms, how a passage is matched against them, and the
relevance that weighs a cosine against a lexical score (BM25, see `retrieval.lexical`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

VECTOR_WEIGHT = 0.7
LEXICAL_WEIGHT = 0.3
EXACT_WEIGHT = 3.0  # tickers and numbers count more than ordinary words

_STOP = set(
    "a an and are as at be by did do does for from has have how in is it its of on or "
    "the to was were what when where which who why will with about after before over "
    "than that this these those into up down news article say said says".split()
)
_TOKEN = re.compile(r"\$?\d[\d,]*(?:\.\d+)?%?|[A-Za-z][A-Za-z0-9&.\-]*[A-Za-z0-9]|[A-Za-z]")
_TICKER = re.compile(r"^\$?[A-Z]{1,5}(?:\.[A-Z])?$")


@dataclass(frozen=True)
class Term:
    text: str
    exact: bool  # a ticker (case-sensitive) or a number

    @property
    def weight(self) -> float:
        return EXACT_WEIGHT if self.exact else 1.0


def query_terms(query: str) -> list[Term]:
    """Keyword terms of a query: tickers and numbers are exact; stop words dropped."""
    out: dict[str, Term] = {}
    for token in _TOKEN.findall(query):
        token = token.strip(".-")
        if not token:
            continue
        if _TICKER.match(token) and len(token.lstrip("$")) >= 2:
            term = Term(token.lstrip("$"), exact=True)
        elif token[0].isdigit() or token.startswith("$"):
            term = Term(token.lstrip("$").rstrip("%").replace(",", ""), exact=True)
        elif token.lower() in _STOP or len(token) < 3:
            continue
        else:
            term = Term(token.lower(), exact=False)
        out.setdefault(term.text, term)
    return list(out.values())


def term_pattern(term: Term) -> re.Pattern[str]:
    if term.exact and term.text[0].isdigit():
        number = re.escape(term.text).replace(r"\.", r"\.")
        return re.compile(rf"(?<![\d.]){number}(?![\d])")
    if term.exact:
        return re.compile(rf"(?<![A-Za-z0-9]){re.escape(term.text)}(?![A-Za-z0-9])")
    # ordinary words: case-insensitive, allow simple plural/inflection suffixes
    return re.compile(rf"\b{re.escape(term.text)}(?:s|es|ed|ing)?\b", re.I)


def passage_text(title: str, text: str) -> str:
    """What a passage is matched and counted on: its article's title, then its text."""
    return f"{title}\n{text}"


def lower_word_pattern(term: Term) -> re.Pattern[str] | None:
    """A word's `term_pattern` for ASCII text in lower case, without IGNORECASE (which
    makes the regex engine try every position): where an ASCII text's `term_pattern`
    matches, its lower case matches this. None for a ticker, a number or a non-ASCII word."""
    word = term.text.lower()
    if term.exact or not word.isascii():
        return None
    return re.compile(rf"\b{re.escape(word)}(?:s|es|ed|ing)?\b")


def word_count(text: str) -> int:
    """How many terms (words, tickers, numbers) the text holds: its length for BM25."""
    return len(_TOKEN.findall(text))


def keyword_score(terms: list[Term], text: str) -> float:
    """Weighted share of the query terms that the passage (with its title) contains."""
    return keyword_share(terms, [term_pattern(t).search(text) is not None for t in terms])


def keyword_share(terms: Sequence[Term], held: Sequence[bool | int]) -> float:
    """Weighted share of the query terms a passage holds (`held`: one per term, true when
    the passage holds it, or how often it does)."""
    if not terms:
        return 0.0
    total = sum(t.weight for t in terms)
    hit = sum(t.weight for t, h in zip(terms, held, strict=True) if h)
    return hit / total


def hybrid_score(similarity: float, lexical: float) -> float:
    """Relevance: the cosine and the lexical score (both 0..1), weighted."""
    return VECTOR_WEIGHT * similarity + LEXICAL_WEIGHT * lexical
