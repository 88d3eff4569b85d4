"""search(): hybrid retrieval of passages with their article, date, source and offsets.

Candidates are the passages nearest the query's vector, plus those the index's full-text
search finds for the query's exact terms (tickers, numbers) and for the words that the
embedding model does not know and the nearest passages lack (a code name, a rare word
no vector is near). Each is scored by its cosine and by BM25 (`retrieval.lexical`).
Hits are ordered by reciprocal rank fusion of the two rankings (`fuse`), so an exact
match is not lost behind near vectors; their `score` is the weighted sum of the two
(`retrieval.ranking.hybrid_score`), a relevance that a threshold can read.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from assistant.config import Settings
from assistant.errors import BadInputError
from retrieval.embed import Embedder, make_embedder
from retrieval.index import (
    Filters,
    NewsIndex,
    StoredChunk,
    check_model,
    open_index,
    source_matches,
)
from retrieval.lexical import CorpusStats, bm25_scores, known_word, term_counts
from retrieval.ranking import (
    Term,
    hybrid_score,
    keyword_share,
    passage_text,
    query_terms,
    term_pattern,
    word_count,
)

CANDIDATES_MIN = 50
KEYWORD_LIMIT = 100
MAX_EXACT_LOOKUPS = 4
RRF_K = 60  # reciprocal rank fusion's damping: the usual constant
MAX_WORD_LOOKUPS = 3  # words looked up in the full text, the rarest in the candidates first
RARE_IN_CANDIDATES = 2  # a word at most this many nearest passages hold is looked up


class SearchHit(BaseModel):
    """One ranked passage: article.text[start:end] == text."""

    model_config = ConfigDict(extra="forbid")

    article_id: str
    chunk_id: str
    title: str
    published: datetime | None
    source: str
    url: str
    text: str = Field(description="The matched passage.")
    start: int = Field(description="Offset of the passage in the article text.")
    end: int
    score: float = Field(
        description="Relevance, 0..1: 0.7 * cosine + 0.3 * lexical (what a threshold reads)."
    )
    fused: float = Field(
        description="The order of the hits: reciprocal rank fusion of the vector ranking and "
        "the lexical one, 1.0 when first in both."
    )
    similarity: float = Field(description="Cosine of the passage and the query.")
    lexical: float = Field(
        description="BM25 of the passage for the query, 0..1: 1.0 is every query term once "
        "in a passage of average length."
    )
    keyword: float = Field(description="Weighted share of the query terms the passage holds.")
    tickers: list[str] = Field(default_factory=list)


def search(
    query: str,
    *,
    settings: Settings,
    k: int = 5,
    ticker: str | None = None,
    source: str | None = None,
    since: date | None = None,
    until: date | None = None,
    index: NewsIndex | None = None,
    embedder: Embedder | None = None,
) -> list[SearchHit]:
    """The k best passages, at most one per article, best first."""
    if not query.strip():
        raise BadInputError("the search query is empty")
    if k < 1:
        raise BadInputError(f"k must be at least 1 (got {k})")
    if since and until and since > until:
        raise BadInputError(f"--since {since} is after --until {until}")
    if index is None:
        with open_index(settings) as opened:
            return search(
                query, settings=settings, k=k, ticker=ticker, source=source, since=since,
                until=until, index=opened, embedder=embedder,
            )  # fmt: skip
    total = index.count()
    if total == 0:
        return []
    embedder = embedder or make_embedder(settings)
    check_model(index, embedder.name, embedder.dim)
    filters = Filters(
        ticker=_ticker(ticker), sources=_sources(index, source), since=since, until=until
    )
    if filters.sources == ():
        return []
    vector = embedder.embed([query])[0]
    check_model(index, embedder.name, int(vector.shape[0]))  # the dimension is known now
    wanted = max(CANDIDATES_MIN, 10 * k)
    nearest = index.query(vector, wanted, filters)
    candidates = {c.id: c for c in nearest}
    terms = query_terms(query)
    # fewer than asked: the nearest are every passage the filters pass, whatever their words
    words = len(nearest) >= wanted
    df: dict[str, int] = {}
    for term in _lookups(terms, nearest, words=words):
        found = _full_text(index, term, filters)
        if found is not None:
            df[term.text] = len(found)
            for chunk in found:
                candidates.setdefault(chunk.id, chunk)
    stats = CorpusStats(documents=total, df=df)
    return rank(list(candidates.values()), vector, terms, k, stats)


def _lookups(terms: list[Term], nearest: list[StoredChunk], *, words: bool) -> list[Term]:
    """The terms to look up in the full text: the exact ones, and (with `words`) the words
    that the embedding model does not know and few of the nearest passages hold (fewest
    first)."""
    exact = [t for t in terms if t.exact][:MAX_EXACT_LOOKUPS]
    if not words:
        return exact
    texts = [_text(c) for c in nearest]
    unknown = [t for t in terms if not t.exact and not known_word(t.text)]
    held = {t.text: sum(1 for x in texts if term_pattern(t).search(x)) for t in unknown}
    rare = [t for t in unknown if held[t.text] <= RARE_IN_CANDIDATES]
    # the fewest held first; among those a code name (with a digit) and a long word first
    rare.sort(key=lambda t: (held[t.text], not _has_digit(t.text), -len(t.text)))
    return exact + rare[:MAX_WORD_LOOKUPS]


def _full_text(index: NewsIndex, term: Term, filters: Filters) -> list[StoredChunk] | None:
    """The passages holding `term` (as `term_pattern` reads it), or None when it is common
    (a lookup returns its limit: the nearest passages stand for the term then)."""
    found: dict[str, StoredChunk] = {}
    for spelling in _spellings(term):
        got = index.containing(spelling, KEYWORD_LIMIT, filters)
        if len(got) >= KEYWORD_LIMIT:
            return None
        found.update((c.id, c) for c in got)
    pattern = term_pattern(term)
    return [c for c in found.values() if pattern.search(_text(c))]


def _spellings(term: Term) -> list[str]:
    """What to look for, so that the case-sensitive full-text search finds a term however a
    text writes it. A ticker or a number as it is. A word: without its first letter when
    what is left is long enough to stay specific (one lookup finds `Valuation` and
    `valuation`), else capitalised and in lower case; a code name or a short word (an
    acronym) in capitals too."""
    if term.exact:
        return [term.text]
    word = term.text
    out = [word[1:]] if len(word) >= 6 else [word.capitalize(), word]
    if _has_digit(word) or len(word) <= 4:
        out.append(word.upper())
    return list(dict.fromkeys(out))


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def explain_no_hits(
    *,
    settings: Settings,
    ticker: str | None = None,
    source: str | None = None,
    since: date | None = None,
    until: date | None = None,
    index: NewsIndex | None = None,
) -> str:
    """Why a search with these filters found nothing, in one sentence for the user."""
    if index is None:
        with open_index(settings) as opened:
            return explain_no_hits(
                settings=settings, ticker=ticker, source=source, since=since, until=until,
                index=opened,
            )  # fmt: skip
    if index.count() == 0:
        return f"No passages: the news index is empty; add news with {_INGEST}."
    reasons: list[str] = []
    given: list[str] = []
    symbol = _ticker(ticker)
    if symbol:
        given.append(f"--ticker {ticker.strip() if ticker else symbol}")
        if not index.matches(Filters(ticker=symbol)):
            same = ticker and ticker.strip().lstrip("$").upper() == symbol
            shown = symbol if same else f"{symbol} ({ticker})"
            articles = index.stats().articles
            reasons.append(f"no indexed article mentions {shown} ({articles} articles indexed)")
    sources = _sources(index, source)
    if sources is not None:
        given.append(f"--source {source!r}")
        if not sources:
            names = sorted(n for n in index.sources() if n)
            listed = ", ".join(names[:_LISTED_SOURCES])
            hidden = len(names) - _LISTED_SOURCES
            more = f" and {hidden} more" if hidden > 0 else ""
            reasons.append(
                f"no source name contains {source!r} (the sources are {listed}{more})"
                if names
                else f"no source name contains {source!r} (no article names its source)"
            )
    if since or until:
        given += [f"--since {since}"] if since else []
        given += [f"--until {until}"] if until else []
        if not index.matches(Filters(since=since, until=until)):
            st = index.stats()
            first, last = st.first_published, st.last_published
            known = (
                f"dated articles run from {first.date()} to {last.date()}"
                if first and last
                else "no article has a date"
            )
            reasons.append(f"no indexed article is dated {_span(since, until)} ({known})")
    if reasons:
        return "No passages: " + "; ".join(reasons) + "."
    if not given:
        return "No passages matched."
    together = ", ".join(given[:-1]) + f" and {given[-1]}" if len(given) > 1 else given[0]
    return f"No passages match {together} together, though each matches some on its own."


_LISTED_SOURCES = 8
_INGEST = "`finnews ingest FEED|DIR|FILE|URL`"


def _span(since: date | None, until: date | None) -> str:
    if since and until:
        return f"between {since} and {until}"
    return f"on or after {since}" if since else f"on or before {until}"


def _sources(index: NewsIndex, wanted: str | None) -> tuple[str, ...] | None:
    """The stored source names that `wanted` matches (see `source_matches`); None: any."""
    if wanted is None or not wanted.strip():
        return None
    return tuple(sorted(n for n in index.sources() if n and source_matches(wanted, n)))


def _ticker(value: str | None) -> str | None:
    """A ticker as written, or the ticker a name resolves to ('Russell 2000' -> ^RUT)."""
    if not value or not value.strip():
        return None
    from assistant.market.symbols import resolve

    symbol = resolve(value)
    return symbol.ticker if symbol else value.strip().lstrip("$").upper()


def _text(c: StoredChunk) -> str:
    return passage_text(c.title, c.text)


def rank(
    chunks: list[StoredChunk],
    vector: np.ndarray,
    terms: list[Term],
    k: int,
    stats: CorpusStats | None = None,
) -> list[SearchHit]:
    """Score candidates, keep the best passage of each article, return the top k.

    The order is the fused rank (`fuse`): a passage first by its words is not lost behind
    passages whose vectors are near, however near. `stats` describe the whole index for
    BM25 (default: the candidates are all of it)."""
    texts = [_text(c) for c in chunks]
    counts = term_counts(terms, texts)
    lengths = [
        word_count(t) if c.words is None else c.words for c, t in zip(chunks, texts, strict=True)
    ]
    lexical = bm25_scores(
        terms, texts, stats or CorpusStats(documents=len(chunks)), counts, lengths
    )
    similarities = [_similarity(c, vector) for c in chunks]
    fused = [round(x, 6) for x in fuse(similarities, lexical)]
    scores = [round(hybrid_score(s, x), 6) for s, x in zip(similarities, lexical, strict=True)]
    best: dict[str, int] = {}  # article id -> its best candidate
    for i, c in enumerate(chunks):
        old = best.get(c.article_id)
        if old is None or (fused[i], scores[i], -c.start) > (
            fused[old],
            scores[old],
            -chunks[old].start,
        ):
            best[c.article_id] = i
    ordered = sorted(
        best.values(),
        key=lambda i: (-fused[i], -scores[i], chunks[i].published is None, chunks[i].id),
    )
    return [
        SearchHit(
            article_id=c.article_id,
            chunk_id=c.id,
            title=c.title,
            published=c.published,
            source=c.source,
            url=c.url,
            text=c.text,
            start=c.start,
            end=c.end,
            score=scores[i],
            fused=fused[i],
            similarity=round(similarities[i], 6),
            lexical=round(lexical[i], 6),
            keyword=round(keyword_share(terms, counts[i]), 6),
            tickers=c.tickers,
        )
        for i in ordered[:k]
        for c in (chunks[i],)
    ]


def fuse(similarities: Sequence[float], lexical: Sequence[float]) -> list[float]:
    """Reciprocal rank fusion of the vector ranking (every candidate) and the lexical one
    (the candidates with any lexical score), scaled so that first in both is 1.0."""
    n = len(similarities)
    out = [0.0] * n
    by_vector = sorted(range(n), key=lambda i: -similarities[i])
    by_words = sorted((i for i in range(n) if lexical[i] > 0), key=lambda i: -lexical[i])
    for ranking in (by_vector, by_words):
        for place, i in enumerate(ranking, start=1):
            out[i] += 1.0 / (RRF_K + place)
    top = 2.0 / (RRF_K + 1)
    return [x / top for x in out]


def _similarity(c: StoredChunk, vector: np.ndarray) -> float:
    if c.similarity is not None:
        return c.similarity
    emb = c.embedding if c.embedding is not None else np.zeros_like(vector)
    return float(np.dot(emb, vector))
