"""`term_counts` skips the pattern where a substring test shows the term is absent, and
reads ASCII text in lower case without IGNORECASE: the counts are always the patterns'
own, also for text where case is not simple."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.lexical import CorpusStats, bm25_scores, term_counts
from retrieval.ranking import Term, query_terms, term_pattern, word_count

TEXTS = [
    "IJR rose 2.5% as small caps rallied; Rates rose, rates fell.",
    "The Russell 2000 climbed 25 points; ijr and IJR.B are not IJR.",
    "Le café a rallié: roſe and \u212aelvin (long s and the Kelvin sign match under re.I)",
    "nothing here",
    "",
    "RALLYING RALLIES Rally rallyed",
]
TERMS = [
    *query_terms("IJR small caps rally 2.5 25 rates Russell 2000 café"),
    Term("rose", exact=False),
    Term("kelvin", exact=False),
    Term("Rally", exact=False),  # a word term not in lower case, as a caller may build it
    Term("\u017fe", exact=False),  # a term that is not ASCII
]


def test_counts_are_the_patterns_counts() -> None:
    got = term_counts(TERMS, TEXTS)
    want = [[len(term_pattern(t).findall(x)) for t in TERMS] for x in TEXTS]
    assert got == want
    assert got[2][TERMS.index(Term("rose", exact=False))] == 1  # 'roſe'
    assert got[2][TERMS.index(Term("kelvin", exact=False))] == 2  # with the sign, and without
    assert got[5][TERMS.index(Term("Rally", exact=False))] == 3  # not RALLIES


def test_bm25_with_known_counts_and_lengths_is_the_same() -> None:
    stats = CorpusStats(documents=40, df={"IJR": 3})
    plain = bm25_scores(TERMS, TEXTS, stats)
    known = bm25_scores(TERMS, TEXTS, stats, term_counts(TERMS, TEXTS),
                        [word_count(x) for x in TEXTS])  # fmt: skip
    assert known == plain
    assert plain[3] == plain[4] == 0.0


WORDS = ["rate", "Rates", "IJR", "ijr", "caps", "2.5", "25", "rallied", "ſ", "K", "é"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*WORDS, " ", ".", "-", ",", "s", "es", "ing", "ED", "\n"]),
             max_size=30).map("".join),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join),
)  # fmt: skip
def test_counts_match_the_patterns_whatever_the_text(text: str, query: str) -> None:
    terms = [*query_terms(query), *(Term(w, exact=False) for w in query.split())]
    assert term_counts(terms, [text]) == [[len(term_pattern(t).findall(text)) for t in terms]]
