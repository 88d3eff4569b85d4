"""finnews retrieval: feeds and articles into a Chroma index, hybrid passage search.

Public API (heavy dependencies load on first use):

    ingest(sources, *, settings, progress=None) -> IngestReport
    search(query, *, settings, k=5, ticker=None, source=None, since=None, until=None)
        -> list[SearchHit]
    open_index(settings) -> NewsIndex
    reindex(*, settings, progress=None) -> IngestReport
    load_article(path_or_text, *, name=None) -> Article
"""

from __future__ import annotations

from retrieval.articles import load_article, load_article_bytes
from retrieval.index import IndexStats, NewsIndex, open_index
from retrieval.ingest import IngestReport, ingest, reindex
from retrieval.search import SearchHit, search

__all__ = [
    "IndexStats",
    "IngestReport",
    "NewsIndex",
    "SearchHit",
    "ingest",
    "load_article",
    "load_article_bytes",
    "open_index",
    "reindex",
    "search",
]
