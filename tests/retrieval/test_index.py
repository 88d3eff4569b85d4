"""Ingest, idempotency, updates, filters, stats and model switches, on both Chroma modes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import IndexMismatchError
from retrieval.embed import MiniLMEmbedder
from retrieval.index import IndexStats, open_index
from retrieval.ingest import IngestFailure, ingest, reindex
from retrieval.search import search
from tests.conftest import FIXTURES
from tests.retrieval.conftest import HashEmbedder, chunk_counts


def _idx(settings: Settings) -> _Snapshot:
    with open_index(settings) as index:
        return _Snapshot(index.location, index.count(), index.stats())


@dataclass
class _Snapshot:
    location: str
    chunks: int
    st: IndexStats

    def count(self) -> int:
        return self.chunks

    def stats(self) -> IndexStats:
        return self.st


SOURCES = [FIXTURES / "articles", FIXTURES / "feeds"]


def test_ingest_twice_adds_nothing(settings: Settings, embedder: MiniLMEmbedder) -> None:
    first = ingest(SOURCES, settings=settings, embedder=embedder)
    assert (first.new, first.updated, first.unchanged, first.failed) == (9, 0, 1, 1)
    assert first.failures == [
        IngestFailure(
            source=f"{FIXTURES / 'feeds' / 'wire_markets.xml'} item 5",
            reason="item has no title and no text",
        )
    ]
    assert first.chunks == 9
    second = ingest(SOURCES, settings=settings, embedder=embedder)
    assert (second.new, second.updated, second.unchanged, second.failed) == (0, 0, 10, 1)
    assert second.chunks == 0
    with open_index(settings) as index:
        assert chunk_counts(index) == (9, 9)
        assert index.count() == 9


def test_changed_article_replaces_its_chunks(
    settings: Settings, embedder: MiniLMEmbedder, tmp_path: Path
) -> None:
    path = tmp_path / "story.md"
    long_body = "\n\n".join(
        f"Paragraph {i}: IWM rose {i}.5% in a long session." * 6 for i in range(8)
    )
    path.write_text(f"---\nurl: https://x.example/story\n---\n{long_body}\n", encoding="utf-8")
    assert ingest([path], settings=settings, embedder=embedder).new == 1
    assert _idx(settings).count() > 3
    path.write_text("---\nurl: https://x.example/story\n---\nNow a short story on QQQ.\n")
    report = ingest([path], settings=settings, embedder=embedder)
    assert (report.new, report.updated, report.unchanged) == (0, 1, 0)
    assert _idx(settings).count() == 1
    hits = search("story", settings=settings, embedder=embedder)
    assert [(h.text, h.start, h.end) for h in hits] == [("Now a short story on QQQ.", 0, 25)]


def test_search_filters_and_hybrid(settings: Settings, embedder: MiniLMEmbedder) -> None:
    ingest(SOURCES, settings=settings, embedder=embedder)
    kw = {"settings": settings, "embedder": embedder}
    hits = search("interest rate cut by the central bank", k=3, **kw)
    assert {h.title for h in hits[:2]} == {
        "Fed trims its policy rate by a quarter point for the third meeting in a row",
        "Fed cuts rates by a quarter point, signals a slower pace ahead",
    }
    top = search("IJR", k=1, **kw)[0]
    assert top.title in {"Small-cap ETF IJR jumps as yields fall"}
    assert top.keyword == 1.0
    by_ticker = search("stocks", k=10, ticker="IJR", **kw)
    assert sorted(h.title for h in by_ticker) == [
        "Fed trims its policy rate by a quarter point for the third meeting in a row",
        "Small caps had their best month of the year",
        "Small-cap ETF IJR jumps as yields fall",
    ]
    by_name = search("stocks", k=10, ticker="Russell 2000", **kw)
    assert sorted(h.title for h in by_name) == [
        "Fed trims its policy rate by a quarter point for the third meeting in a row",
        "Small caps had their best month of the year",
    ]
    by_source = search("markets", k=10, source="market notes", **kw)
    assert sorted(h.title for h in by_source) == [
        "Dow notches a record close",
        "Nasdaq & S&P 500 end November mixed",
        "Small caps had their best month of the year",
    ]
    window = search("markets", k=10, since=date(2025, 11, 25), until=date(2025, 11, 30), **kw)
    assert sorted((h.published.isoformat() if h.published else "", h.title) for h in window) == [
        ("2025-11-25T21:30:00+00:00", "Small-cap ETF IJR jumps as yields fall"),
        ("2025-11-28T18:00:00+00:00", "Dow notches a record close"),
    ]
    for h in search("basis points", k=10, **kw):
        assert h.end - h.start == len(h.text)


def test_stats(settings: Settings, embedder: MiniLMEmbedder) -> None:
    ingest(SOURCES, settings=settings, embedder=embedder)
    st = _idx(settings).stats()
    assert (st.articles, st.chunks, st.undated) == (9, 9, 2)
    assert st.sources == {
        "Example Wire: Markets": 3,
        "Market Notes": 3,
        "(unknown)": 1,
        "Example Wire": 2,
    } or st.sources == {
        "Example Wire: Markets": 3,
        "Market Notes": 3,
        "Example Wire": 2,
        "(unknown)": 1,
    }
    assert st.first_published == datetime(2025, 11, 20, 7, 0, tzinfo=timezone.utc)
    assert st.last_published == datetime(2025, 12, 10, 19, 30, tzinfo=timezone.utc)
    assert (st.embedding_model, st.embedding_dim) == ("all-MiniLM-L6-v2 (onnx-int8)", 384)


def test_other_embedder_is_refused_then_reindex(
    settings: Settings, embedder: MiniLMEmbedder
) -> None:
    ingest(SOURCES, settings=settings, embedder=embedder)
    other = HashEmbedder()
    with pytest.raises(IndexMismatchError) as info:
        search("oil", settings=settings, embedder=other)
    location = _idx(settings).location
    assert str(info.value) == (
        f"the news index at {location} was built with all-MiniLM-L6-v2 (onnx-int8) (384 dims) "
        "but the configured embedder is test-hash-8 (8 dims); run `finnews reindex` to "
        "rebuild it, or set FINNEWS_EMBEDDER back"
    )
    with pytest.raises(IndexMismatchError):
        ingest(SOURCES, settings=settings, embedder=other)
    report = reindex(settings=settings, embedder=other)
    assert (report.new, report.chunks) == (9, 9)
    st = _idx(settings).stats()
    assert (st.articles, st.chunks, st.embedding_model, st.embedding_dim) == (
        9,
        9,
        "test-hash-8",
        8,
    )
    assert search("oil", settings=settings, embedder=other, k=1)
    assert not (settings.data_dir / "reindex-pending.jsonl").exists()


def test_empty_index_returns_no_hits(settings: Settings, embedder: MiniLMEmbedder) -> None:
    assert search("anything", settings=settings, embedder=embedder) == []
