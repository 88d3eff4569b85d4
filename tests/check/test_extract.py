"""Deterministic claim extraction: kinds, subjects, values, windows and spans."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.claims import extract_claims

AS_OF = date(2025, 12, 12)


def one(text: str, as_of: date = AS_OF):
    claims = extract_claims(text, as_of)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(
    ("text", "kind", "ticker", "value", "unit"),
    [
        ("The Russell 2000 gained 10.8% in November.", "pct_change", "^RUT", 10.8, "%"),
        ("Small caps slid 3% last week.", "pct_change", "^SML", -3.0, "%"),
        ("$IWM dropped 1.25% on Thursday.", "pct_change", "IWM", -1.25, "%"),
        ("In 2024 the S&P 500 was up 23.3%.", "pct_change", "^GSPC", 23.3, "%"),
        ("SPY's 2.5% gain in November surprised many.", "pct_change", "SPY", 2.5, "%"),
        ("IJR closed at $118.50 on Dec 3.", "price", "IJR", 118.5, "$"),
        ("The S&P 500 closed at 6,765.88 on Nov 25.", "index_level", "^GSPC", 6765.88, "pts"),
        ("The Fed cut rates by 25 basis points.", "rate_change", "FEDFUNDS", -25.0, "bp"),
        ("The Fed delivered a half-point cut.", "rate_change", "FEDFUNDS", -50.0, "bp"),
        ("The Fed raised rates by 75 basis points.", "rate_change", "FEDFUNDS", 75.0, "bp"),
        ("It was the Fed's second straight quarter-point cut.", "rate_count", "FEDFUNDS", 2.0,
         "count"),
        ("The 10-year Treasury yield rose to 4.16% on Friday.", "yield_level", "DGS10", 4.16, "%"),
        ("The 10-year yield fell 12 basis points in November.", "yield_change", "DGS10", -12.0,
         "bp"),
        ("The S&P 600 trades at a forward P/E of 15.7.", "ratio", "^SML", 15.7, "x"),
        ("IWM's annualized volatility was 22% in 2025.", "volatility", "IWM", 22.0, "%"),
        ("QQQ is 8% below its 52-week high.", "drawdown", "QQQ", -8.0, "%"),
    ],
)  # fmt: skip
def test_kinds(text: str, kind: str, ticker: str, value: float, unit: str) -> None:
    c = one(text)
    assert (c.kind, c.ticker, c.value, c.unit) == (kind, ticker, value, unit)


def test_move_with_two_dated_prices() -> None:
    text = "IWM rose 4% from its Nov 22 close to its Nov 25 high of $244.98."
    c = one(text, date(2024, 11, 29))
    assert (c.kind, c.ticker, c.value, c.decimals) == ("move", "IWM", 4.0, 0)
    assert (c.start, c.start_field, c.start_value) == (date(2024, 11, 22), "close", None)
    assert (c.end, c.end_field, c.end_value) == (date(2024, 11, 25), "high", 244.98)
    assert text[c.span[0] : c.span[1]] == (
        "rose 4% from its Nov 22 close to its Nov 25 high of $244.98"
    )


def test_rate_range_keeps_both_bounds() -> None:
    c = one("The Fed lowered the target range to 3.50%-3.75%.")
    assert (c.kind, c.start_value, c.value, c.decimals) == ("rate_level", 3.5, 3.75, 2)


def test_spans_point_into_the_text() -> None:
    text = "Intro line.\n\nIJR gained 2.6% in November. QQQ lost 1.6% in November."
    claims = extract_claims(text, AS_OF)
    assert [text[s:e] for s, e in (c.span for c in claims)] == ["2.6%", "1.6%"]
    assert [c.text for c in claims] == [
        "IJR gained 2.6% in November.",
        "QQQ lost 1.6% in November.",
    ]


def test_pronoun_carries_the_subject() -> None:
    claims = extract_claims("The Dow hit a record. It added 1.3% on Thursday.", AS_OF)
    assert [(c.ticker, c.value) for c in claims] == [("^DJI", 1.3)]


def test_hedges_forecasts_and_precision() -> None:
    hedged = one("IWM rose about 12% in November.")
    assert (hedged.approximate, hedged.decimals) == (True, 0)
    forecast = one("Analysts expect IWM to gain 15% next year.")
    assert forecast.forecast is True
    assert one("IWM rose 1.25% in November.").decimals == 2


def test_total_return_uses_adjusted_closes() -> None:
    assert one("IWM delivered a total return of 11.4% in 2024.").field == "adj_close"
    assert one("IWM rose 11.4% in 2024.").field == "close"


def test_vague_subject_is_kept_for_the_verdict() -> None:
    c = one("Regional bank stocks jumped 4% this week.")
    assert (c.ticker, c.subject) == (None, "Regional bank stocks")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Stocks were mixed on Tuesday.",
        "The company has 1,200 employees and 3 offices.",
        "Revenue guidance was reaffirmed for 2026.",
        "Call 555-0100 for details.",
    ],
)
def test_text_without_checkable_numbers_has_no_claims(text: str) -> None:
    assert extract_claims(text, AS_OF) == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_extraction_never_crashes_and_spans_are_valid(text: str) -> None:
    for c in extract_claims(text, AS_OF):
        assert 0 <= c.span[0] < c.span[1] <= len(text)
