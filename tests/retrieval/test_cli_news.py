"""The news commands through click, and the LangChain adapter."""

from __future__ import annotations

import json

from click.testing import CliRunner

from assistant.cli import cli
from assistant.config import Settings
from retrieval.embed import MiniLMEmbedder
from retrieval.langchain_retriever import NewsRetriever
from tests.conftest import FIXTURES

ARTICLES = str(FIXTURES / "articles")
FEEDS = str(FIXTURES / "feeds")


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    """Like `finnews ARGS`: the command's return value is the exit code."""
    result = CliRunner().invoke(cli, list(args), input=input, standalone_mode=False)
    assert result.exception is None, result.exception
    code = result.return_value if isinstance(result.return_value, int) else 0
    return code, result.stdout, result.stderr


def test_ingest_search_stats_reindex() -> None:
    code, out, err = run("ingest", ARTICLES, FEEDS)
    assert code == 0
    assert out.startswith("11 items: 9 new, 0 updated, 1 unchanged, 1 failed (9 passages embedded")
    assert err == f"  failed: {FEEDS}/wire_markets.xml item 5: item has no title and no text\n"
    code, out, err = run("ingest", "-q", ARTICLES)
    assert out.startswith("3 items: 0 new, 0 updated, 3 unchanged, 0 failed (0 passages")
    assert err == ""

    code, out, _ = run("search", "small caps November", "-k", "1", "--source", "Market Notes")
    assert code == 0
    assert out.splitlines()[:4] == [
        "1. Small caps had their best month of the year  [score "
        + out.split("[score ")[1].split("]")[0]
        + "]",
        "   2025-12-01 · Market Notes · https://marketnotes.example.org/2025/12/01/small-caps-november/",
        "   chars 0-280 of article 419ba3fe611091ce:",
        "   | The Russell 2000 gained 10.8% in November, its strongest month since late 2024, as"
        " investors bet",
    ]
    code, out, _ = run("search", "oil", "--json", "-k", "2", "--until", "2025-11-21")
    hits = json.loads(out)
    assert [(h["title"], h["published"], h["start"], h["end"]) for h in hits] == [
        ("Oil tops $80 a barrel on supply worries", "2025-11-20T07:00:00Z", 0, 39)
    ]
    code, out, _ = run("index", "stats", "--json")
    stats = json.loads(out)
    assert (stats["articles"], stats["chunks"], stats["undated"]) == (9, 9, 2)
    assert stats["embedding_model"] == "all-MiniLM-L6-v2 (onnx-int8)"
    code, out, _ = run("index", "stats")
    assert out.splitlines()[1:5] == [
        "articles:  9",
        "passages:  9",
        "dates:     2025-11-20 .. 2025-12-10 (2 undated)",
        "embedding: all-MiniLM-L6-v2 (onnx-int8) (384 dims)",
    ]
    code, out, _ = run("reindex", "-q")
    assert out.startswith("reindexed 9 articles (9 passages) with all-MiniLM-L6-v2 (onnx-int8)")


def test_ingest_stdin_and_errors() -> None:
    code, out, _ = run("ingest", "-", input=b"Title line\n\nIWM rose 2% today.\n")
    assert (code, out.split(" (")[0]) == (0, "1 item: 1 new, 0 updated, 0 unchanged, 0 failed")
    code, out, err = run("ingest", "missing.md")
    assert code == 2
    assert err == "  failed: missing.md: no such file or directory\n"
    code, out, err = run("--offline", "ingest", "https://example.com/feed.xml")
    assert code == 2
    assert err == (
        "  failed: https://example.com/feed.xml: offline mode, not fetching; "
        "save it to a file and ingest that\n"
    )


def test_search_empty_index_and_bad_dates() -> None:
    code, out, _ = run("search", "anything")
    assert (code, out) == (
        0,
        "No passages: the news index is empty; add news with `finnews ingest FEED|DIR|FILE|URL`.\n",
    )
    result = CliRunner().invoke(
        cli, ["search", "x", "--since", "2025-02-30"], standalone_mode=False
    )
    assert str(result.exception) == "--since '2025-02-30' is not a date; use YYYY-MM-DD"


def test_langchain_retriever(embedder: MiniLMEmbedder) -> None:
    run("ingest", "-q", ARTICLES, FEEDS)
    retriever = NewsRetriever(settings=Settings(), k=2, ticker="IJR", embedder=embedder)
    docs = retriever.invoke("small caps rally")
    assert [d.metadata["title"] for d in docs] == [
        "Small caps had their best month of the year",
        "Fed trims its policy rate by a quarter point for the third meeting in a row",
    ]
    assert (
        docs[0].metadata["url"] == "https://marketnotes.example.org/2025/12/01/small-caps-november/"
    )
    assert docs[0].page_content.startswith("The Russell 2000 gained 10.8% in November")
