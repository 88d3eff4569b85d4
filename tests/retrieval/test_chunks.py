"""Chunking: bounded size, overlap, exact offsets; and the keyword side of ranking."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.articles import load_article
from retrieval.chunks import chunk_text, sentence_spans
from retrieval.ranking import Term, keyword_score, query_terms
from tests.conftest import FIXTURES


def test_fixture_article_chunks_exactly() -> None:
    a = load_article(FIXTURES / "articles" / "fed_cut_2025-12-10.md")
    chunks = chunk_text(a.id, a.text, max_chars=300, overlap=100)
    assert [(c.index, c.start, c.end) for c in chunks] == [
        (0, 0, 210),
        (1, 135, 333),
        (2, 261, 471),
    ]
    assert chunks[1].text.startswith("It was the third straight quarter-point cut")
    assert chunks[2].id == f"{a.id}:2"
    for c in chunks:
        assert a.text[c.start : c.end] == c.text


def test_default_size_keeps_short_article_whole() -> None:
    a = load_article(FIXTURES / "articles" / "fed_cut_2025-12-10.md")
    assert [(c.start, c.end) for c in chunk_text(a.id, a.text)] == [(0, len(a.text))]


def test_sentences_respect_abbreviations() -> None:
    text = "U.S. stocks rose 1.5% on Monday. Mr. Powell spoke.\n\nApple Inc. gained."
    assert [text[s:e] for s, e, _ in sentence_spans(text)] == [
        "U.S. stocks rose 1.5% on Monday.",
        "Mr. Powell spoke.",
        "Apple Inc. gained.",
    ]
    assert [p for _, _, p in sentence_spans(text)] == [True, False, True]


def test_sentences_are_the_toolkits() -> None:
    text = (
        "Its rise is 6.9 points ahead of the S&P 500's.\n\nThe calm showed up in volatility. "
        "He said: \u201cStocks rose.\u201d Then:\n1. Bonds fell.\n2. Gold slid."
    )
    assert [(text[s:e], p) for s, e, p in sentence_spans(text)] == [
        ("Its rise is 6.9 points ahead of the S&P 500's.", True),
        ("The calm showed up in volatility.", True),
        ("He said: \u201cStocks rose.\u201d", False),
        ("Then:", False),
        ("1. Bonds fell.", False),
        ("2. Gold slid.", False),
    ]


def test_long_sentence_is_split_at_spaces() -> None:
    text = " ".join(["word"] * 500)
    chunks = chunk_text("x", text, max_chars=200, overlap=50)
    assert all(len(c.text) <= 200 for c in chunks)
    assert chunks[0].start == 0 and chunks[-1].end == len(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n")), max_size=3000))
def test_chunks_cover_text_within_bounds(text: str) -> None:
    chunks = chunk_text("id", text, max_chars=120, overlap=40)
    for c in chunks:
        assert text[c.start : c.end] == c.text and 0 < len(c.text) <= 120
    starts = [c.start for c in chunks]
    assert starts == sorted(set(starts))
    covered = set()
    for c in chunks:
        covered.update(range(c.start, c.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_query_terms_and_keyword_score() -> None:
    terms = query_terms("Did IJR rise 25 basis points on $SPY?")
    assert terms == [
        Term("IJR", True),
        Term("rise", False),
        Term("25", True),
        Term("basis", False),
        Term("points", False),
        Term("SPY", True),
    ]
    # weights: IJR 3, rise 1, 25 3, basis 1, points 1, SPY 3 -> total 12
    assert keyword_score(terms, "IJR rose; a 25 bp move") == 6 / 12
    assert keyword_score(terms, "ijr 125 basis points") == 2 / 12
    assert keyword_score([], "anything") == 0.0
