"""The passages of an index held in memory by a long-lived process (the web app), for what
an index answers slowly on every call: full-text lookups, and the passages behind a vector
query's ids. Pure: the records come in, nothing here reads or writes the index.

`containing` answers as Chroma's `where_document={"$contains": term}` with the same
`where` filters does: a case-sensitive substring of the passage's text, passages in the
collection's order, at most `limit`. The copy is only as good as its freshness: the index
that owns it drops or remakes it whenever the index changes (see `ChromaIndex`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from retrieval.index import Filters, StoredChunk
from retrieval.ranking import passage_text, word_count


@dataclass(frozen=True)
class _Keys:
    """What the filters read of one passage's metadata, as stored."""

    tickers: frozenset[str]
    source_key: str | None
    published_ts: int | None

    @classmethod
    def of(cls, meta: dict[str, Any]) -> _Keys:
        raw = meta.get("tickers")
        tickers = frozenset(str(t) for t in raw) if isinstance(raw, list) else frozenset()
        source = meta.get("source_key")
        when = meta.get("published_ts")
        return cls(
            tickers,
            source if isinstance(source, str) else None,
            int(when) if isinstance(when, int | float) and not isinstance(when, bool) else None,
        )


class ResidentPassages:
    """Every passage of one index: its record (no similarity), its filter keys and its
    embedding, in the collection's order."""

    def __init__(
        self,
        chunks: Sequence[StoredChunk],
        metadatas: Sequence[dict[str, Any]],
        embeddings: np.ndarray,
    ) -> None:
        if not (len(chunks) == len(metadatas) == len(embeddings)):
            raise ValueError("one metadata record and one embedding per passage")
        # each with its BM25 length, counted once here rather than in every search
        self._chunks = [
            c
            if c.words is not None
            else replace(c, words=word_count(passage_text(c.title, c.text)))
            for c in chunks
        ]
        self._texts = [c.text for c in self._chunks]
        self._keys = [_Keys.of(m) for m in metadatas]
        self._rows = {c.id: i for i, c in enumerate(self._chunks)}
        self._embeddings = np.asarray(embeddings, dtype=np.float32)
        self._embeddings.flags.writeable = False

    def __len__(self) -> int:
        return len(self._chunks)

    def containing(self, term: str, limit: int, filters: Filters) -> list[StoredChunk]:
        """The first `limit` passages (in the collection's order) that pass the filters and
        whose text holds `term`, case-sensitively, each with its embedding."""
        if filters.sources == () or limit <= 0:
            return []
        found = itertools.islice(self._matching(term, _Test.of(filters)), limit)
        return [self._copy(i, embedding=self._embeddings[i]) for i in found]

    def _matching(self, term: str, test: _Test) -> Iterator[int]:
        keys = self._keys
        for i, text in enumerate(self._texts):
            if term in text and test.passes(keys[i]):
                yield i

    def chunk(self, chunk_id: str, *, similarity: float) -> StoredChunk | None:
        """The passage with this id and the given similarity, or None when not held."""
        i = self._rows.get(chunk_id)
        return None if i is None else self._copy(i, similarity=similarity)

    def _copy(self, i: int, **changes: Any) -> StoredChunk:
        held = self._chunks[i]
        return replace(held, tickers=list(held.tickers), **changes)


@dataclass(frozen=True)
class _Test:
    """The filters as the index applies them to stored metadata."""

    ticker: str | None
    sources: frozenset[str] | None
    since: int | None
    until: int | None

    @classmethod
    def of(cls, filters: Filters) -> _Test:
        sources = filters.sources
        return cls(
            filters.ticker.upper() if filters.ticker else None,
            None if sources is None else frozenset(s.lower() for s in sources),
            filters.since_ts(),
            filters.until_ts(),
        )

    def passes(self, keys: _Keys) -> bool:
        if self.ticker is not None and self.ticker not in keys.tickers:
            return False
        if self.sources is not None and keys.source_key not in self.sources:
            return False
        if self.since is not None or self.until is not None:
            when = keys.published_ts
            if when is None:
                return False
            if self.since is not None and when < self.since:
                return False
            if self.until is not None and when > self.until:
                return False
        return True
