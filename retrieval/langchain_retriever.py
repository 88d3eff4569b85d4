"""A LangChain BaseRetriever over finnews search, for users who build their own chains."""

from __future__ import annotations

from datetime import date
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.config import Settings
from retrieval.search import search


class NewsRetriever(BaseRetriever):
    """`NewsRetriever(settings=Settings(), k=5).invoke("query")` -> LangChain Documents.

    Each Document holds one passage; its metadata carries the article id, title,
    date, source, URL, character offsets and score, so answers can cite it.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    settings: Settings
    k: int = 5
    ticker: str | None = None
    source: str | None = None
    since: date | None = None
    until: date | None = None
    embedder: Any = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        hits = search(
            query,
            settings=self.settings,
            k=self.k,
            ticker=self.ticker,
            source=self.source,
            since=self.since,
            until=self.until,
            embedder=self.embedder,
        )
        return [
            Document(
                page_content=h.text,
                metadata={
                    "article_id": h.article_id,
                    "chunk_id": h.chunk_id,
                    "title": h.title,
                    "published": h.published.isoformat() if h.published else None,
                    "source": h.source,
                    "url": h.url,
                    "start": h.start,
                    "end": h.end,
                    "score": h.score,
                    "tickers": list(h.tickers),
                },
            )
            for h in hits
        ]
