"""The NewsIndex seam and the records that cross it (no Chroma types)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from typing import TYPE_CHECKING, Protocol

import numpy as np

from assistant.errors import ConfigError, IndexMismatchError
from assistant.lock import not_writable
from assistant.models import Article
from retrieval.chunks import Chunk

if TYPE_CHECKING:
    from assistant.config import Settings


@dataclass(frozen=True)
class Filters:
    """Search filters; None means no filter. Dates are inclusive calendar days (UTC).

    `sources` are exact source names (any case); an empty tuple matches nothing.
    """

    ticker: str | None = None
    sources: tuple[str, ...] | None = None
    since: date | None = None
    until: date | None = None

    def since_ts(self) -> int | None:
        if self.since is None:
            return None
        return int(datetime.combine(_day(self.since), time.min, timezone.utc).timestamp())

    def until_ts(self) -> int | None:
        if self.until is None:
            return None
        return int(datetime.combine(_day(self.until), time.max, timezone.utc).timestamp())


@dataclass
class StoredChunk:
    """A passage as the index returns it."""

    id: str
    article_id: str
    index: int
    start: int
    end: int
    text: str
    title: str
    source: str
    url: str
    published: datetime | None
    tickers: list[str]
    similarity: float | None = None  # cosine to the query vector, when known
    embedding: np.ndarray | None = None
    words: int | None = None  # terms in its title and text (`ranking.word_count`), when known


@dataclass
class StoredArticle:
    """An article record: its content hash and chunk count mark a complete write."""

    article: Article
    content_hash: str
    n_chunks: int


@dataclass
class IndexStats:
    location: str
    articles: int
    chunks: int
    sources: dict[str, int] = field(default_factory=dict)
    first_published: datetime | None = None
    last_published: datetime | None = None
    undated: int = 0
    embedding_model: str | None = None
    embedding_dim: int | None = None


class NewsIndex(Protocol):
    """Where articles and their embedded chunks live."""

    location: str
    read_only: str | None  # why it cannot be written (e.g. "Read-only file system"), or None

    @property
    def embedding_model(self) -> tuple[str, int] | None:
        """(name, dim) the index was built with; None when it has never been written."""
        ...

    def hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Content hash of each completely written article among the ids."""
        ...

    def write(
        self,
        articles: Sequence[StoredArticle],
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        *,
        model: tuple[str, int],
    ) -> None:
        """Replace these articles (old chunks go first; the article record goes last)."""
        ...

    def query(self, vector: np.ndarray, n: int, filters: Filters) -> list[StoredChunk]: ...

    def containing(self, term: str, limit: int, filters: Filters) -> list[StoredChunk]:
        """Chunks whose text holds `term` (case-sensitive), with their embeddings."""
        ...

    def articles(self, batch: int = 500) -> Iterator[StoredArticle]: ...

    def passages(self, batch: int = 1000) -> Iterator[StoredChunk]:
        """Every stored chunk (no embeddings)."""
        ...

    def sources(self) -> dict[str, int]:
        """Articles per source name, as stored ("" when unknown)."""
        ...

    def matches(self, filters: Filters) -> bool:
        """Whether any passage passes the filters."""
        ...

    def stats(self) -> IndexStats: ...

    def count(self) -> int: ...

    def clear(self) -> None:
        """Delete every article and chunk, and forget the embedding model."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> NewsIndex: ...

    def __exit__(self, *exc: object) -> None: ...


def source_matches(wanted: str, source: str) -> bool:
    """The `--source` rule of search and summarize: a case-insensitive part of the name."""
    return wanted.lower() in source.lower()


def check_model(index: NewsIndex, name: str, dim: int) -> None:
    """Raise IndexMismatchError when the index was built with another embedder."""
    built = index.embedding_model
    if built is None:
        return
    built_name, built_dim = built
    if built_name != name or (dim and built_dim and built_dim != dim):
        raise IndexMismatchError(
            f"the news index at {index.location} was built with {built_name} ({built_dim} dims) "
            f"but the configured embedder is {name}"
            + (f" ({dim} dims)" if dim else "")
            + "; run `finnews reindex` to rebuild it, or set FINNEWS_EMBEDDER back"
        )


def check_writable(index: NewsIndex, command: str) -> None:
    """Raise ConfigError naming the index's place when it can only be read."""
    if index.read_only is not None:
        raise ConfigError(not_writable(index.location, command, index.read_only))


def open_index(settings: Settings, *, resident: bool = False) -> NewsIndex:
    """The configured index: embedded Chroma in the data dir, or a Chroma server.

    An embedded index in a read-only place opens for reading (`read_only` says why).
    `resident`: a long-lived process (the web app) keeps the passages of an embedded index
    in memory, for fast searches (see `ChromaIndex.keep_resident`).
    """
    from retrieval.chroma_index import ChromaIndex

    index = ChromaIndex.from_settings(settings)
    if resident:
        index.keep_resident()
    return index


def _day(d: date) -> date:
    return d.date() if isinstance(d, datetime) else d
