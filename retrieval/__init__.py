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

from importlib import import_module
from typing import Any

# name -> module: imported on first use, so reading an article does not load numpy,
# Chroma or the embedder
_LAZY = {
    "load_article": "retrieval.articles",
    "load_article_bytes": "retrieval.articles",
    "IndexStats": "retrieval.index",
    "NewsIndex": "retrieval.index",
    "open_index": "retrieval.index",
    "IngestReport": "retrieval.ingest",
    "ingest": "retrieval.ingest",
    "reindex": "retrieval.ingest",
    "SearchHit": "retrieval.search",
    "search": "retrieval.search",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'retrieval' has no attribute {name!r}")


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
