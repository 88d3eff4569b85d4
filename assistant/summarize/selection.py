"""Which articles to summarize: filters over a list, the index's articles, a feed's."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.errors import BadInputError
from assistant.models import Article

if TYPE_CHECKING:
    from retrieval.embed import Embedder


def select_articles(
    articles: Sequence[Article],
    *,
    since: date | None = None,
    source: str | None = None,
    ticker: str | None = None,
) -> list[Article]:
    """Articles published on or after `since`, from a source containing `source`
    (case-insensitive), mentioning `ticker`; newest first."""
    want_ticker = ticker.upper().lstrip("$") if ticker else None
    out = []
    for a in articles:
        if since and (a.published_date is None or a.published_date < since):
            continue
        if source and source.lower() not in a.source.lower():  # retrieval.index.source_matches
            continue
        if want_ticker and not {want_ticker, "^" + want_ticker} & {t.upper() for t in a.tickers}:
            continue
        out.append(a)
    return sorted(out, key=lambda a: (a.published is None, -_ts(a), a.id))


def _ts(a: Article) -> float:
    return a.published.timestamp() if a.published else 0.0


def indexed_articles(settings: Settings) -> list[Article]:
    """Every article in the news index."""
    from retrieval.index import open_index

    with open_index(settings) as index:
        return [stored.article for stored in index.articles()]


def feed_articles(
    feed: str, *, settings: Settings, embedder: Embedder | None = None
) -> list[Article]:
    """Read a feed (file or URL), add it to the index, and return its articles."""
    from retrieval.ingest import ingest_articles
    from retrieval.sources import load_sources

    loaded = list(load_sources([feed], offline=settings.offline))
    unique = {item.article.id: item.article for item in loaded if item.article is not None}
    articles = list(unique.values())
    if not articles:
        reasons = "; ".join(f"{i.label}: {i.error}" for i in loaded if i.error) or "no items"
        raise BadInputError(f"{feed}: no articles to summarize ({reasons})")
    ingest_articles(articles, settings=settings, embedder=embedder)
    return articles
