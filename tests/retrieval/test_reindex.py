"""`reindex` re-embeds; it never changes what an article or a passage says (issue 9, item 1).

Chroma leaves list-valued metadata behind when a collection is dropped (chroma-core/chroma
#7594); records written later under the same internal row id came back with another
record's `tickers`. These tests hold the index to: what was written is what is read.
"""

from __future__ import annotations

import io
import tempfile
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from assistant.config import Settings
from assistant.models import Article
from retrieval.chroma_index import ARTICLES, CHUNKS, ChromaIndex
from retrieval.index import NewsIndex, open_index
from retrieval.ingest import ingest, ingest_articles, reindex
from retrieval.search import search
from tests.conftest import FIXTURES, SHARED_DATA
from tests.retrieval.conftest import HashEmbedder

TICKERS = ["AAPL", "NVDA", "SPY", "^GSPC", "QQQ", "IWM"]


def snapshot(index: NewsIndex) -> tuple[dict[str, Any], dict[str, Any]]:
    """Every article (with its hash and chunk count) and every passage, by id."""
    articles = {
        s.article.id: (s.article.model_dump(), s.content_hash, s.n_chunks) for s in index.articles()
    }
    passages = {
        c.id: (c.article_id, c.index, c.start, c.end, c.text, c.title, c.source, c.url,
               c.published, c.tickers)
        for c in index.passages()
    }  # fmt: skip
    return articles, passages


def _snap(settings: Settings) -> tuple[dict[str, Any], dict[str, Any]]:
    with open_index(settings) as index:
        return snapshot(index)


# -- the property ---------------------------------------------------------------------------
_WORDS = st.sampled_from(["stocks", "rose", "fell", "Fed", "oil", "game", "host", "1.5%", "the"])
_TEXT = st.lists(
    st.lists(_WORDS, min_size=3, max_size=40).map(lambda ws: " ".join(ws) + "."),
    min_size=1,
    max_size=8,
).map(lambda ps: "\n\n".join(ps))
_WHEN = st.one_of(
    st.none(),
    st.integers(0, 400 * 24 * 60).map(
        lambda m: datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=m)
    ),
)


@st.composite
def _articles(draw: st.DrawFn) -> list[Article]:
    n = draw(st.integers(1, 8))
    return [
        Article(
            id=f"art{i:03d}",
            title=draw(st.sampled_from(["", "Sports story", "TV host profile", "Chips rally"])),
            source=draw(st.sampled_from(["", "NYT > Business", "Seeking Alpha"])),
            author=draw(st.sampled_from(["", "A. Writer"])),
            published=draw(_WHEN),
            url=draw(st.sampled_from(["", f"https://news.example/{i}"])),
            text=draw(_TEXT),
            tickers=draw(st.lists(st.sampled_from(TICKERS), unique=True, max_size=4)),
        )
        for i in range(n)
    ]


@hyp_settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(articles=_articles(), cuts=st.lists(st.integers(1, 7), max_size=3), again=st.booleans())
def test_reindex_never_changes_an_article_or_a_passage(
    articles: list[Article], cuts: list[int], again: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = HashEmbedder()
    with tempfile.TemporaryDirectory() as home:
        monkeypatch.setenv("FINNEWS_HOME", home)
        s = Settings()
        # Several ingests, as a user adds feeds and files over time.
        bounds = sorted({0, len(articles), *(c for c in cuts if c < len(articles))})
        for lo, hi in zip(bounds, bounds[1:], strict=False):
            ingest_articles(articles[lo:hi], settings=s, embedder=embedder)
        before = _snap(s)
        assert {a for a in before[0]} == {a.id for a in articles}
        assert {a: v[0]["tickers"] for a, v in before[0].items()} == {
            a.id: a.tickers for a in articles
        }
        for _ in range(2 if again else 1):
            reindex(settings=s, embedder=embedder)
            assert _snap(s) == before


# -- the user's scenario, on both index modes -----------------------------------------------
def test_reindex_of_real_feeds_files_and_stdin_keeps_every_ticker(settings: Settings) -> None:
    embedder = HashEmbedder()
    feeds = sorted((SHARED_DATA / "feeds").glob("*.xml"))
    assert len(feeds) == 5
    first = ingest(feeds, settings=settings, embedder=embedder)
    files = sorted((FIXTURES / "articles").iterdir()) + [
        FIXTURES / "news" / "articles" / "ap_wrap_1.md"
    ]
    second = ingest(files, settings=settings, embedder=embedder)
    story = (FIXTURES / "news" / "articles" / "earn_aapl.md").read_bytes()
    third = ingest(["-"], settings=settings, embedder=embedder, stdin=io.BytesIO(story))
    assert (first.new, second.new, third.new) == (230, 4, 1)
    before = _snap(settings)
    assert len(before[0]) == 235
    sports = [
        k
        for k, v in before[0].items()
        if v[0]["title"] == "Savannah Guthrie Plans a Return to ‘Today’"
    ]  # noqa: E501
    assert len(sports) == 1 and before[0][sports[0]][0]["tickers"] == []
    for _ in range(2):
        reindex(settings=settings, embedder=embedder)
        assert _snap(settings) == before
    hits = search("Savannah Guthrie Today show", k=20, ticker="AAPL", settings=settings,
                  embedder=embedder)  # fmt: skip
    assert sports[0] not in {h.article_id for h in hits}
    assert all("AAPL" in h.tickers for h in hits)


# -- an index already holding Chroma's leftovers -------------------------------------------
def _drop_collections_the_old_way(settings: Settings) -> None:
    """What `clear()` did before: drop both collections with their records in them."""
    with ChromaIndex.from_settings(settings) as index:
        for name in (CHUNKS, ARTICLES):
            index._client.delete_collection(name)


def test_leftover_list_metadata_never_reaches_new_records(settings: Settings) -> None:
    embedder = HashEmbedder()
    tagged = [
        Article(id=f"t{i}", title=f"Chips {i}", text=f"Chips rose {i}%.", tickers=["NVDA", "AAPL"])
        for i in range(6)
    ]
    ingest_articles(tagged, settings=settings, embedder=embedder)
    _drop_collections_the_old_way(settings)
    plain = [Article(id=f"p{i}", title=f"Game {i}", text=f"Team won game {i}.") for i in range(6)]
    ingest_articles(plain, settings=settings, embedder=embedder)
    articles, passages = _snap(settings)
    assert {k: v[0]["tickers"] for k, v in articles.items()} == {f"p{i}": [] for i in range(6)}
    assert {k: v[-1] for k, v in passages.items()} == {f"p{i}:0": [] for i in range(6)}
    assert search("game", ticker="NVDA", settings=settings, embedder=embedder) == []


def test_clear_leaves_nothing_behind(settings: Settings) -> None:
    embedder = HashEmbedder()
    tagged = [Article(id=f"t{i}", text=f"Chips rallied {i}%.", tickers=["NVDA"]) for i in range(4)]
    ingest_articles(tagged, settings=settings, embedder=embedder)
    with open_index(settings) as index:
        index.clear()
    plain = [Article(id=f"p{i}", text=f"The team won game {i}.") for i in range(4)]
    ingest_articles(plain, settings=settings, embedder=embedder)
    articles, passages = _snap(settings)
    assert sorted(v[0]["tickers"] == [] for v in articles.values()) == [True] * 4
    assert sorted(v[-1] == [] for v in passages.values()) == [True] * 4


def test_ingesting_again_repairs_wrong_tickers(settings: Settings) -> None:
    """An index spoiled before the fix (or a symbol table that learned a name) is put right
    by ingesting the sources again: the tickers are part of what makes an article changed."""
    embedder = HashEmbedder()
    story = Article(id="s1", title="Game night", text="The team won the game.")
    spoiled = story.model_copy(update={"tickers": ["NVDA", "AAPL"]})
    ingest_articles([spoiled], settings=settings, embedder=embedder)
    report = ingest_articles([story], settings=settings, embedder=embedder)
    assert (report.new, report.updated, report.unchanged) == (0, 1, 0)
    articles, passages = _snap(settings)
    assert (articles["s1"][0]["tickers"], passages["s1:0"][-1]) == ([], [])
