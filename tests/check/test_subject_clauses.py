"""What lies between a subject and its figure, from shapes met in the whole corpus (year
reviews, closing wraps): a description of the subject ("with its heavier weighting in
old-economy companies", "heavier in banks, health care and industrial companies") is not a
noun that owns the figure. Each passage is our own; values are computed from the bundled data."""

from __future__ import annotations

from datetime import date

from tests.check.passages import check


def test_a_with_phrase_before_a_semicolon_does_not_own_the_figure_after_it() -> None:
    # ^DJI 2022-12-29 33220.80 -> 12-30 33147.25 (-0.22%)
    text = (
        "The Dow Jones Industrial Average held up best, with its heavier weighting in "
        "old-economy companies; it lost 0.2% to finish at 33,147.25."
    )
    claims = check(text, date(2022, 12, 30))
    assert [(c.claim.kind, c.claim.ticker, c.verdict) for c in claims] == [
        ("pct_change", "^DJI", "supported"),
        ("index_level", "^DJI", "supported"),
    ]


def test_a_list_of_sectors_in_an_aside_does_not_own_the_figure() -> None:
    text = (
        "The Dow Jones Industrial Average, heavier in banks, health care and industrial "
        "companies, held up best, slipping 0.2% to 33,147.25."
    )
    claims = check(text, date(2022, 12, 30))
    assert [(c.claim.kind, c.claim.ticker, c.verdict) for c in claims] == [
        ("pct_change", "^DJI", "supported"),
        ("index_level", "^DJI", "supported"),
    ]


def test_revenue_after_a_semicolon_still_owns_its_figure() -> None:
    # a non-market noun in the figure's own clause keeps it from the subject
    text = "Apple held up best; its revenue rose 8% in the quarter."
    assert check(text, date(2024, 5, 3)) == []


def test_points_of_ground_after_two_changes_is_their_gap() -> None:
    # April 2024: SPY 523.07 -> 501.98 (-4.03%), IWM 210.30 -> 195.90 (-6.85%): 2.82 points
    text = (
        "April was rough for everyone: SPY slid 4%, but IWM tumbled 6.8%, so small caps lost "
        "another 2.8 points of ground."
    )
    claims = check(text, date(2024, 6, 30))
    assert [(c.claim.kind, c.claim.ticker, c.verdict) for c in claims] == [
        ("pct_change", "SPY", "supported"),
        ("pct_change", "IWM", "supported"),
        ("gap", "SPY", "supported"),
    ]


def test_a_number_in_a_compound_word_is_not_a_level() -> None:
    # ^GSPC 2025-04-08 4982.77 -> 04-09 5456.90 (+9.52%)
    text = "On April 9 the S&P 500 rocketed 9.5% on news of a 90-day pause in the new duties."
    claims = check(text, date(2025, 4, 22))
    assert [(c.claim.value, c.verdict) for c in claims] == [(9.5, "supported")]
