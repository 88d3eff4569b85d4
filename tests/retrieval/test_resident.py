"""An index that keeps its passages in memory (the web app's) answers exactly as Chroma
does, and follows every write: its own, and another process's."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

import numpy as np
import pytest

from assistant.config import Settings
from retrieval.articles import make_article
from retrieval.embed import MiniLMEmbedder
from retrieval.index import Filters, NewsIndex, StoredChunk, open_index
from retrieval.ingest import ingest, ingest_articles
from retrieval.ranking import passage_text, word_count
from retrieval.search import search
from tests.conftest import FIXTURES

SOURCES = [FIXTURES / "articles", FIXTURES / "feeds"]
FILTERS = [
    Filters(),
    Filters(ticker="IJR"),
    Filters(ticker="iwm"),
    Filters(sources=("Example Wire",)),
    Filters(sources=("example wire", "Market Notes")),
    Filters(sources=("nobody",)),
    Filters(since=date(2025, 11, 1)),
    Filters(until=date(2025, 11, 30)),
    Filters(since=date(2025, 12, 1), until=date(2025, 12, 31), ticker="SPY"),
    Filters(sources=()),
]


def _records(chunks: list[StoredChunk]) -> list[tuple[object, ...]]:
    return [
        (c.id, c.article_id, c.index, c.start, c.end, c.text, c.title, c.source, c.url,
         c.published, c.tickers, c.similarity,
         None if c.embedding is None else c.embedding.tolist())
        for c in chunks
    ]  # fmt: skip


def _terms(index: NewsIndex) -> list[str]:
    words = sorted({w for c in index.passages() for w in re.findall(r"[\w.&%-]+", c.text)})
    picked = words[::3]
    return picked + [w.lower() for w in picked] + [w.upper() for w in picked] + ["zq9x", "0"]


def test_resident_passages_answer_as_chroma(embedder: MiniLMEmbedder) -> None:
    settings = Settings()
    ingest(SOURCES, settings=settings, embedder=embedder)
    with open_index(settings) as plain, open_index(settings, resident=True) as held:
        assert held.count() == plain.count() == 9
        for c in held.containing("", 100, Filters()):  # each knows its BM25 length
            assert c.words == word_count(passage_text(c.title, c.text)) > 0
        terms = _terms(plain)
        assert len(terms) > 100
        for filters in FILTERS:
            for term in terms:
                for limit in (2, 100):
                    assert _records(held.containing(term, limit, filters)) == _records(
                        plain.containing(term, limit, filters)
                    ), (term, limit, filters)
            for query in ("small caps rally", "Fed cut 25 basis points", "IJR"):
                vector = embedder.embed([query])[0]
                assert _records(held.query(vector, 5, filters)) == _records(
                    plain.query(vector, 5, filters)
                )
        for query in ("small caps rally", "Fed cut 25 basis points", "IJR November", "zq9x"):
            got = search(query, settings=settings, k=3, index=held, embedder=embedder)
            want = search(query, settings=settings, k=3, index=plain, embedder=embedder)
            assert got == want


def _note(word: str, n: int) -> list:  # type: ignore[type-arg]
    return [
        make_article(
            text=f"Note {i}: small caps rose {i}.5% as {word} traders bought IJR.",
            title=f"Note {i}",
            source="Desk",
            published=datetime(2025, 11, 3 + i, tzinfo=timezone.utc),
        )
        for i in range(n)
    ]


def test_resident_copy_follows_another_writer(embedder: MiniLMEmbedder) -> None:
    settings = Settings()
    ingest_articles(_note("steady", 2), settings=settings, embedder=embedder)
    with open_index(settings, resident=True) as held:
        assert held.containing("Zanzibari", 10, Filters()) == []
        assert held.count() == 2
        # another writer, as `finnews ingest` in another process
        with open_index(settings) as other:
            ingest_articles(_note("Zanzibari", 3), settings=settings, index=other,
                            embedder=embedder)  # fmt: skip
        found = held.containing("Zanzibari", 10, Filters())
        assert [c.text[:7] for c in found] == ["Note 0:", "Note 1:", "Note 2:"]
        assert held.count() == 5


def test_resident_copy_follows_its_own_writes(embedder: MiniLMEmbedder) -> None:
    settings = Settings()
    with open_index(settings, resident=True) as held:
        assert held.count() == 0
        ingest_articles(_note("Zanzibari", 1), settings=settings, index=held, embedder=embedder)
        found = held.containing("Zanzibari", 10, Filters(ticker="IJR"))
        assert [c.title for c in found] == ["Note 0"]
        assert found[0].embedding is not None
        assert np.allclose(np.linalg.norm(found[0].embedding), 1.0)
        held.clear()
        assert held.containing("Zanzibari", 10, Filters()) == []
        assert held.count() == 0


def test_a_chroma_server_is_never_copied(
    chroma_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FINNEWS_CHROMA_URL", chroma_server)
    with open_index(Settings(), resident=True) as index:
        assert getattr(index, "resident", None) is False


class _Counting:
    """An index that counts how often search asks its size."""

    def __init__(self, index: NewsIndex) -> None:
        self.index = index
        self.counts = 0

    def count(self) -> int:
        self.counts += 1
        return self.index.count()

    def __getattr__(self, name: str) -> object:
        return getattr(self.index, name)


def test_search_asks_the_index_its_size_once(embedder: MiniLMEmbedder) -> None:
    settings = Settings()
    ingest(SOURCES, settings=settings, embedder=embedder)
    with open_index(settings, resident=True) as held:
        counting = _Counting(held)
        hits = search("IJR small caps", settings=settings, k=2, index=counting,  # type: ignore[arg-type]
                      embedder=embedder)  # fmt: skip
        assert len(hits) == 2
        assert counting.counts == 1
