"""One `--source` rule for search and summarize; saying what matched nothing (issue 9, 11-12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.models import Article
from assistant.summarize import select_articles
from retrieval.embed import MiniLMEmbedder
from retrieval.index import source_matches
from retrieval.ingest import ingest
from retrieval.search import search
from tests.conftest import FIXTURES
from tests.retrieval.test_cli_news import run

ARTICLES, FEEDS = str(FIXTURES / "articles"), str(FIXTURES / "feeds")


@pytest.mark.parametrize(
    ("wanted", "source", "expected"),
    [
        ("nyt", "NYT > Business", True),
        ("NYT > business", "NYT > Business", True),
        ("Business", "NYT > Business", True),
        ("wire", "Example Wire: Markets", True),
        ("Example Wire: Markets", "Example Wire", False),
        ("bloomberg", "NYT > Business", False),
        ("nyt", "", False),
    ],
)
def test_source_rule_is_the_one_summarize_uses(wanted: str, source: str, expected: bool) -> None:
    assert source_matches(wanted, source) is expected
    picked = select_articles([Article(id="a", text="x", source=source)], source=wanted)
    assert bool(picked) is expected


def test_search_source_is_a_case_insensitive_part_of_the_name(
    settings: Settings, embedder: MiniLMEmbedder
) -> None:
    ingest([FIXTURES / "articles", FIXTURES / "feeds"], settings=settings, embedder=embedder)
    kw = {"settings": settings, "embedder": embedder, "k": 10}
    wire = search("markets", source="WIRE", **kw)
    assert sorted({h.source for h in wire}) == ["Example Wire", "Example Wire: Markets"]
    assert len(wire) == 5
    exact = search("markets", source="market notes", **kw)
    assert sorted(h.title for h in exact) == [
        "Dow notches a record close",
        "Nasdaq & S&P 500 end November mixed",
        "Small caps had their best month of the year",
    ]
    assert search("markets", source="bloomberg", **kw) == []


def test_no_hits_say_which_filter_matched_nothing() -> None:
    code, out, _ = run("search", "anything")
    assert (code, out) == (
        0,
        "No passages: the news index is empty; add news with `finnews ingest FEED|DIR|FILE|URL`.\n",
    )
    run("ingest", "-q", ARTICLES, FEEDS)
    assert run("search", "oil", "--ticker", "ZZZZ")[:2] == (
        0,
        "No passages: no indexed article mentions ZZZZ (9 articles indexed).\n",
    )
    assert run("search", "oil", "--ticker", "Nasdaq-100")[1] == (
        "No passages: no indexed article mentions ^NDX (Nasdaq-100) (9 articles indexed).\n"
    )
    assert run("search", "oil", "--source", "bloomberg")[1] == (
        "No passages: no source name contains 'bloomberg' (the sources are Example Wire, "
        "Example Wire: Markets, Market Notes).\n"
    )
    assert run("search", "oil", "--since", "2030-01-01")[1] == (
        "No passages: no indexed article is dated on or after 2030-01-01 (dated articles run "
        "from 2025-11-20 to 2025-12-10).\n"
    )
    assert run("search", "oil", "--ticker", "ZZZZ", "--until", "2020-01-31")[1] == (
        "No passages: no indexed article mentions ZZZZ (9 articles indexed); no indexed "
        "article is dated on or before 2020-01-31 (dated articles run from 2025-11-20 to "
        "2025-12-10).\n"
    )
    assert run("search", "oil", "--ticker", "IJR", "--until", "2025-11-21")[1] == (
        "No passages match --ticker IJR and --until 2025-11-21 together, though each matches "
        "some on its own.\n"
    )
    code, out, err = run("search", "oil", "--ticker", "ZZZZ", "--json")
    assert (code, out, err) == (
        0,
        "[]\n",
        "No passages: no indexed article mentions ZZZZ (9 articles indexed).\n",
    )


def test_ingesting_an_empty_directory_fails_and_says_why(tmp_path: Path) -> None:
    empty = tmp_path / "inbox"
    empty.mkdir()
    (empty / "scan.pdf").write_bytes(b"%PDF-1.7")
    code, out, err = run("ingest", str(empty))
    assert code == 2
    assert out.startswith("1 item: 0 new, 0 updated, 0 unchanged, 1 failed (0 passages")
    assert err == (
        f"  failed: {empty}: no article or feed files in this directory (looked for .atom, "
        ".htm, .html, .markdown, .md, .rss, .text, .txt, .xhtml, .xml)\n"
    )
    code, out, err = run("ingest", str(empty), ARTICLES)
    assert code == 0
    assert out.startswith("4 items: 3 new, 0 updated, 0 unchanged, 1 failed")
