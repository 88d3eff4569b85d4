"""Lexical search (issue 10, item 17): an exact rare word is found even when no vector is
near it; BM25 weights come from the whole index; filters still hold."""

from __future__ import annotations

import math
import zlib
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from assistant.config import Settings
from retrieval.articles import make_article
from retrieval.ingest import ingest_articles
from retrieval.lexical import K1, B, CorpusStats, bm25_scores, idf, known_word
from retrieval.ranking import Term
from retrieval.search import CANDIDATES_MIN, search
from tests.support_cli import run_cli

FILLERS = 3 * CANDIDATES_MIN  # far more passages than the vector side brings back
PROJECT = (
    "Traders at the desk said the internal project {code} was delayed again this week, "
    "while a chemicals supplier cut its outlook, a regional lender raised its dividend, "
    "copper prices drifted lower, shipping rates eased and the dollar firmed against the "
    "yen as investors waited for the central bank minutes and the payrolls report."
)


class BlindEmbedder:
    """Vectors blind to codes, as a language model is to a word it never saw: a bag of
    hashed words without digits, plus a small constant that every text shares. A query
    made of a code alone is that constant: a little nearer to the short notes than to the
    long passage that holds the code, so the vector side never brings that one back."""

    name = "test-blind-16"
    dim = 16

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i, 0] = 0.3
            for word in text.lower().split():
                if not any(ch.isdigit() for ch in word):
                    out[i, 1 + zlib.crc32(word.encode()) % (self.dim - 1)] += 1.0
            out[i] /= float(np.linalg.norm(out[i]))
        return out


_WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo".split()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(FINNEWS_HOME=tmp_path / "home", FINNEWS_OFFLINE=True)


def _ingest(settings: Settings, *project_texts: str) -> None:
    start = datetime(2025, 11, 3, 14, 0, tzinfo=timezone.utc)
    articles = [
        make_article(
            text=f"Small caps rose as rates fell, {_WORDS[n % 7]} {_WORDS[n % 11]} said.",
            title=f"Note {n}",
            source="Bulk Desk",
            url=f"https://bulk.example/{n}",
            published=start + timedelta(hours=n),
        )
        for n in range(FILLERS)
    ]
    articles += [
        make_article(
            text=text,
            title=f"Project desk {n}",
            source="Project Wire",
            url=f"https://project.example/{n}",
            published=start,
        )
        for n, text in enumerate(project_texts)
    ]
    report = ingest_articles(articles, settings=settings, embedder=BlindEmbedder())
    assert report.new == len(articles)


def test_a_rare_word_no_vector_knows_is_found(settings: Settings) -> None:
    _ingest(settings, PROJECT.format(code="zz1999q"))
    hits = search("zz1999q", settings=settings, k=3, embedder=BlindEmbedder())
    top = hits[0]
    assert (top.title, top.source, top.start, top.end) == (
        "Project desk 0", "Project Wire", 0, len(PROJECT.format(code="zz1999q")),
    )  # fmt: skip
    assert top.keyword == 1.0 and 0.3 < top.lexical < 0.4  # a long passage: BM25 discounts
    assert [(h.title.startswith("Note "), h.lexical) for h in hits[1:]] == [
        (True, 0.0),
        (True, 0.0),
    ]
    assert top.similarity < hits[1].similarity  # found by its word, not by its vector
    assert top.score == round(0.7 * top.similarity + 0.3 * top.lexical, 6)
    assert top.fused > hits[1].fused > hits[2].fused


def test_the_word_is_found_in_any_case_and_only_as_a_word(settings: Settings) -> None:
    _ingest(
        settings,
        PROJECT.format(code="ZZ1999Q"),
        "Zz1999q " + PROJECT.format(code="again").split(" ", 1)[1],
        PROJECT.format(code="zz1999qx"),  # another code that merely starts the same
    )
    kw = {"settings": settings, "k": 5, "embedder": BlindEmbedder()}
    for query in ("zz1999q", "ZZ1999Q"):
        hits = search(query, **kw)  # type: ignore[arg-type]
        assert sorted(h.title for h in hits[:2]) == ["Project desk 0", "Project desk 1"], query
        assert [h.lexical > 0 for h in hits] == [True, True, False, False, False], query
    hits = search("the zz1999q project", **kw)  # type: ignore[arg-type]
    assert sorted(h.title for h in hits[:2]) == ["Project desk 0", "Project desk 1"]
    assert hits[2].title == "Project desk 2"  # "project", not the code
    assert hits[0].lexical > hits[2].lexical > 0


def test_filters_hold_for_lexical_matches(settings: Settings) -> None:
    _ingest(settings, PROJECT.format(code="zz1999q"))
    kw = {"settings": settings, "k": 3, "embedder": BlindEmbedder()}
    assert search("zz1999q", source="project", **kw)[0].title == "Project desk 0"  # type: ignore[arg-type]
    assert all(h.source == "Bulk Desk" for h in search("zz1999q", source="bulk", **kw))  # type: ignore[arg-type]
    late = datetime(2025, 11, 3, 14, 0, tzinfo=timezone.utc) + timedelta(hours=1)
    hits = search("zz1999q", since=late.date() + timedelta(days=1), **kw)  # type: ignore[arg-type]
    assert all(h.title.startswith("Note ") for h in hits)


def _bm25(tf: int, length: int, average: float, weight: float) -> float:
    return weight * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))


def test_bm25_weights_come_from_the_whole_index() -> None:
    terms = [Term("zz1999q", exact=False), Term("rates", exact=False)]
    texts = ["zz1999q rates fell", "rates rates rose today", "nothing here at all"]
    stats = CorpusStats(documents=1000, df={"zz1999q": 1})
    got = bm25_scores(terms, texts, stats)
    w_code = idf(1, 1000)
    w_rates = idf(1000 * 2 / 3, 1000)  # not looked up: its share of the candidates
    average = (3 + 4 + 4) / 3
    ideal = w_code + w_rates
    want = [
        (_bm25(1, 3, average, w_code) + _bm25(1, 3, average, w_rates)) / ideal,
        _bm25(2, 4, average, w_rates) / ideal,
        0.0,
    ]
    assert got == [min(1.0, w) for w in want]
    assert got[0] == 1.0 and math.isclose(got[1], _bm25(2, 4, average, w_rates) / ideal)
    assert w_code > 6 * w_rates  # the rare word outweighs the common one
    assert math.isclose(bm25_scores([Term("IJR", exact=True)], ["ijr and IJR"], stats)[0], 1.0)
    assert bm25_scores([], ["text"], stats) == [0.0]
    assert bm25_scores([Term("absent", exact=False)], ["text", "more"], stats) == [0.0, 0.0]


def test_cli_search_finds_the_rare_word(tmp_path: Path, capsys, monkeypatch) -> None:
    """The probe: real embeddings, many short notes on look-alike codes, one long article
    with the word itself."""
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(80):
        code = f"zz{1900 + n}q" if n != 99 else ""
        (folder / f"note_{n:03d}.md").write_text(
            f"---\ntitle: Note {n}\npublished: 2025-11-{1 + n % 28:02d}\nsource: Desk\n"
            f"---\nProject {code} shipped.\n",
            encoding="utf-8",
        )
    (folder / "project.md").write_text(
        "---\ntitle: Chemicals supplier cuts outlook\npublished: 2025-11-20\nsource: Wire\n"
        "---\n" + PROJECT.format(code="zz1999q") + "\n",
        encoding="utf-8",
    )
    r = run_cli(["ingest", "-q", str(folder)], capsys, monkeypatch)
    assert r.out.startswith("81 items: 81 new"), r.out + r.err
    r = run_cli(["search", "zz1999q", "-k", "3"], capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    assert r.out.splitlines()[0].startswith("1. Chemicals supplier cuts outlook  [score ")


def test_only_words_the_embedding_model_lacks_are_looked_up() -> None:
    assert [known_word(w) for w in ("rally", "Treasury", "project", "stocks")] == [True] * 4
    assert [known_word(w) for w in ("zz1999q", "nvidia", "fomc", "selloff")] == [False] * 4
