"""search(): hybrid retrieval of passages with their article, date, source and offsets."""

from __future__ import annotations

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
from retrieval.ranking import Term, hybrid_score, keyword_score, query_terms

CANDIDATES_MIN = 50
KEYWORD_LIMIT = 100
MAX_EXACT_LOOKUPS = 4


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
    score: float = Field(description="Hybrid score: 0.7 * cosine + 0.3 * keyword share.")
    similarity: float
    keyword: float
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
    if index.count() == 0:
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
    candidates = {c.id: c for c in index.query(vector, max(CANDIDATES_MIN, 10 * k), filters)}
    terms = query_terms(query)
    for term in [t for t in terms if t.exact][:MAX_EXACT_LOOKUPS]:
        for chunk in index.containing(term.text, KEYWORD_LIMIT, filters):
            candidates.setdefault(chunk.id, chunk)
    return rank(list(candidates.values()), vector, terms, k)


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


def rank(
    chunks: list[StoredChunk], vector: np.ndarray, terms: list[Term], k: int
) -> list[SearchHit]:
    """Score candidates, keep the best passage of each article, return the top k."""
    best: dict[str, SearchHit] = {}
    for c in chunks:
        similarity = c.similarity
        if similarity is None:
            emb = c.embedding if c.embedding is not None else np.zeros_like(vector)
            similarity = float(np.dot(emb, vector))
        kw = keyword_score(terms, f"{c.title}\n{c.text}")
        hit = SearchHit(
            article_id=c.article_id,
            chunk_id=c.id,
            title=c.title,
            published=c.published,
            source=c.source,
            url=c.url,
            text=c.text,
            start=c.start,
            end=c.end,
            score=round(hybrid_score(similarity, kw), 6),
            similarity=round(similarity, 6),
            keyword=round(kw, 6),
            tickers=c.tickers,
        )
        old = best.get(c.article_id)
        if old is None or (hit.score, -hit.start) > (old.score, -old.start):
            best[c.article_id] = hit
    ordered = sorted(best.values(), key=lambda h: (-h.score, h.published is None, h.chunk_id))
    return ordered[:k]
