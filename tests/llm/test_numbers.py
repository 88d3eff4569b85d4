"""The number check: exact mentions, exact traces, exact flagged and trimmed texts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.numbers import (
    AllowedNumber,
    check_numbers,
    citations_in,
    find_numbers,
    sentence_spans,
)


def mentions(text: str) -> list[tuple[str, float, str | None]]:
    return [(n.raw, n.value, n.unit) for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rose 10.8% in November", [("10.8%", 10.8, "%")]),
        ("closed at $244.98", [("$244.98", 244.98, "$")]),
        ("ended at 6,765.88", [("6,765.88", 6765.88, None)]),
        ("shares fell -3.0% today", [("-3.0%", -3.0, "%")]),
        ("a loss of $-2.5", [("$-2.5", -2.5, "$")]),
        ("sales of $1.2 million", [("$1.2 million", 1_200_000.0, "$")]),
        ("1.2 million barrels", [("1.2 million", 1_200_000.0, None)]),
        ("a $5bn deal", [("$5bn", 5e9, "$")]),
        ("cut by 25 basis points", [("25 basis points", 25.0, "bp")]),
        ("up 25bp", [("25bp", 25.0, "bp")]),
        ("a quarter-point cut", [("quarter-point", 25.0, "bp")]),
        ("a half-point hike", [("half-point", 50.0, "bp")]),
        ("a three-quarter-point move", [("three-quarter-point", 75.0, "bp")]),
        ("rose 0.5 percentage points", [("0.5 percentage points", 0.5, "%")]),
        ("grew 3 percent", [("3 percent", 3.0, "%")]),
        ("a forward P/E of 15.7x", [("15.7x", 15.7, "x")]),
        ("up 120 points", [("120 points", 120.0, "pts")]),
        ("a range of 3.50%-3.75%", [("3.50%", 3.5, "%"), ("3.75%", 3.75, "%")]),
        ("a range of 3.50-3.75%", [("3.50", 3.5, "%"), ("3.75%", 3.75, "%")]),
    ],
)
def test_find_numbers(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "as noted [1] and [D2] and [3, D4]",
        "in 2025 and in 1999",
        "on Nov 25, on Nov. 25, 2025, on 25 November and on 2025-11-25 or 11/25/2025",
        "at 10:30 a.m.",
        "1. First point",
        "(2) second",
        "the S&P 500, the Russell 2000, the Nasdaq-100 and the Nikkei 225",
        "the 10-year yield and the 52-week high",
        "Q3 results, COVID-19, the G20, 3M and the 1st and 2nd cuts",
        "ranked #1",
    ],
)
def test_not_quantities_are_ignored(text: str) -> None:
    assert find_numbers(text) == []


def test_spans_point_at_the_raw_text() -> None:
    text = "IWM rose 4.0% to $244.98 [D1]."
    assert [(n.span, text[n.span[0] : n.span[1]]) for n in find_numbers(text)] == [
        ((9, 13), "4.0%"),
        ((17, 24), "$244.98"),
    ]


def test_tolerance_is_the_rounding_of_the_written_number() -> None:
    assert [n.tolerance for n in find_numbers("4% 4.1% $1.25 1.2 million")] == [
        0.5,
        0.05,
        0.005,
        50_000.0,
    ]


def test_trace_within_rounding_sign_agnostic_and_bp_percent() -> None:
    allowed = [
        AllowedNumber(-3.04, "D1", "%"),
        AllowedNumber(244.98, "D2", "$"),
        AllowedNumber(0.25, "2", "%"),
        AllowedNumber(10.8, "1", "%"),
    ]
    text = "IWM fell 3% [D1] to $245 [D2] after a quarter-point cut [2]; it gained 10.83% [1]."
    result = check_numbers(text, allowed)
    assert [(s.mention.raw, s.status, s.source_id) for s in result.numbers] == [
        ("3%", "traced", "D1"),
        ("$245", "traced", "D2"),
        ("quarter-point", "traced", "2"),
        ("10.83%", "untraced", None),
    ]
    assert result.untraced_count == 1
    assert result.untraced[0].reason == "no cited passage or data receipt has this number"


def test_units_must_agree_but_plain_numbers_match_any_unit() -> None:
    allowed = [AllowedNumber(4.13, "D1", "%")]
    assert check_numbers("at $4.13", allowed).untraced_count == 1
    assert check_numbers("at 4.13", allowed).untraced_count == 0
    assert check_numbers("at 413 basis points", allowed).untraced_count == 0


def test_sources_texts_supply_allowed_numbers() -> None:
    result = check_numbers(
        "The Russell 2000 gained 10.8% [1], and IWM hit $244.98 [1].",
        sources={"1": "Small caps: the Russell 2000 gained 10.8% and IWM hit $244.98."},
    )
    assert [(s.mention.raw, s.status, s.reason) for s in result.numbers] == [
        ("10.8%", "traced", "matches [1] 10.8%"),
        ("$244.98", "traced", "matches [1] $244.98"),
    ]
    assert result.ok


def test_require_citation_only_counts_sources_the_sentence_cites() -> None:
    allowed = [AllowedNumber(244.98, "D2", "$"), AllowedNumber(240.01, "D1", "$")]
    text = "IWM closed at $244.98 on Nov 25 [D1]. Its high was $244.98 [D2]. It ended at $240.01."
    result = check_numbers(text, allowed, require_citation=True)
    assert [(s.mention.raw, s.status, s.source_id, s.reason) for s in result.numbers] == [
        ("$244.98", "untraced", None, "only [D2] has it, and this sentence does not cite it"),
        ("$244.98", "traced", "D2", "matches [D2] 244.98"),
        ("$240.01", "untraced", None, "the sentence cites no source"),
    ]


def test_apply_flag_marks_untraced_numbers_visibly() -> None:
    allowed = [AllowedNumber(10.8, "1", "%")]
    result = check_numbers("Small caps gained 10.8% [1] and 12.3% [2] in November.", allowed)
    assert result.apply("flag") == (
        "Small caps gained 10.8% [1] and ⚠12.3%[unchecked] [2] in November."
    )


def test_apply_remove_drops_sentences_with_untraced_numbers() -> None:
    allowed = [AllowedNumber(10.8, "1", "%"), AllowedNumber(4.13, "D1", "%")]
    text = (
        "Small caps gained 10.8% [1]. The Dow added 2.7% [2]. "
        "The 10-year yield was 4.13% [D1]. Stocks rose 9.9% overall. [3]"
    )
    result = check_numbers(text, allowed)
    assert result.untraced_count == 2
    assert result.apply("remove") == (
        "Small caps gained 10.8% [1]. The 10-year yield was 4.13% [D1]."
    )


def test_apply_rejects_unknown_policy() -> None:
    with pytest.raises(ValueError, match="unknown policy 'hide'"):
        check_numbers("1.5%").apply("hide")  # type: ignore[arg-type]


def test_citations_in() -> None:
    assert citations_in("a [1][D2, 3] b [1] c [D10]") == ["1", "D2", "3", "D10"]


def test_sentence_spans_keep_abbreviations_decimals_and_trailing_citations() -> None:
    text = "Mr. Powell said U.S. growth was 2.1%. [1] The S&P 500 rose.\n\n- Next item"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Mr. Powell said U.S. growth was 2.1%. [1]",
        "The S&P 500 rose.",
        "- Next item",
    ]


@given(st.text(max_size=200))
def test_find_numbers_never_crashes_and_spans_are_in_bounds(text: str) -> None:
    for n in find_numbers(text):
        assert 0 <= n.span[0] < n.span[1] <= len(text)
        assert text[n.span[0] : n.span[1]] == n.raw


@given(st.floats(min_value=0.01, max_value=1e6, allow_nan=False), st.integers(0, 3))
def test_a_number_written_rounded_traces_to_its_exact_value(value: float, decimals: int) -> None:
    written = f"{value:,.{decimals}f}%"
    result = check_numbers(f"it rose {written} today", [AllowedNumber(value, "D1", "%")])
    assert [s.status for s in result.numbers] == ["traced"]


# -- one text toolkit: the reader of assistant.text, and names that are not quantities --
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a cut of half a percentage point", [("half a percentage point", 50.0, "bp")]),
        ("a cut of twenty-five basis points", [("twenty-five basis points", 25.0, "bp")]),
        ("a 1/4 percentage point cut", [("1/4 percentage point", 25.0, "bp")]),
        ("whose range was -3.58 to 5.08", [("-3.58", -3.58, None), ("5.08", 5.08, None)]),
        ("close 125.46: +11.97% [D17]", [("125.46", 125.46, None), ("+11.97%", 11.97, "%")]),
        ("the stock fell -$3.20", [("-$3.20", -3.2, "$")]),
    ],
)
def test_find_numbers_reads_what_the_toolkit_reads(
    text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "S&P SmallCap 600 (^SML), S&P MidCap 400 (via IJH) and the S&P Small-Cap 600 ETF",
        "the Russell 3000, the Russell 1000, the FTSE 250, the DAX 40 and the Dow 30",
        "the 2-year Treasury yield, the 10-Year note and the 30-year bond",
        "at 11:45 a.m. ET, by 4 p.m. and after the 2 p.m. statement",
        "the first cut, the third straight week, the 5th day",
    ],
)
def test_names_tenors_times_and_ordinals_are_not_quantities(text: str) -> None:
    assert find_numbers(text) == []


def test_a_data_sentence_naming_indexes_traces_whole() -> None:
    text = (
        "Since its Oct 31 close, the data shows S&P SmallCap 600 (via IJR) +5.37% [D1], "
        "S&P MidCap 400 (via IJH) +3.45% [D2], Russell 2000 (^RUT) +2.91% [D3]."
    )
    allowed = [
        AllowedNumber(5.3712, "D1", "%"),
        AllowedNumber(3.4519, "D2", "%"),
        AllowedNumber(2.9133, "D3", "%"),
    ]
    result = check_numbers(text, allowed, require_citation=True)
    assert [(s.mention.raw, s.status, s.source_id) for s in result.numbers] == [
        ("+5.37%", "traced", "D1"),
        ("+3.45%", "traced", "D2"),
        ("+2.91%", "traced", "D3"),
    ]
    assert result.apply("flag") == text
    assert result.apply("remove") == text


def test_sentence_spans_keep_quotes_and_list_items_whole() -> None:
    text = (
        "He said: “Stocks rose 2%.” [1] Then:\n1. Bonds fell 0.5%. [D1]\n"
        "2. The dollar rose 1% [2]\n• Gold slid 3% [3]"
    )
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "He said: “Stocks rose 2%.” [1]",
        "Then:",
        "1. Bonds fell 0.5%. [D1]",
        "2. The dollar rose 1% [2]",
        "• Gold slid 3% [3]",
    ]


@given(st.text(alphabet=st.sampled_from(list("aB1 .!?:\n[]D2”•-")), max_size=300))
def test_sentence_spans_cover_the_text_in_order(text: str) -> None:
    spans = sentence_spans(text)
    assert all(s < e for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    covered = {i for s, e in spans for i in range(s, e)}
    assert [ch for i, ch in enumerate(text) if i not in covered and not ch.isspace()] == []
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


def test_a_number_written_in_words_is_traced_like_its_digits() -> None:
    """Issue 10, item 16: an invented "twelve percent" is flagged like an invented "12%"."""
    allowed = [AllowedNumber(1.0, "1", "%")]
    result = check_numbers("IWM rose twelve percent in November [1].", allowed)
    assert [(s.mention.raw, s.status) for s in result.numbers] == [("twelve percent", "untraced")]
    assert result.apply("flag") == "IWM rose ⚠twelve percent[unchecked] in November [1]."
