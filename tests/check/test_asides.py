"""Times and subjects told in an aside (a relative clause, a parenthesis) stay in it, from
shapes met in the corpus and blind batches h170_ onward. Each passage is our own; values
are computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime

from tests.check.passages import EDT, at, check, one


def test_a_time_in_a_relative_clause_does_not_date_the_next_sentence() -> None:
    # NVDA 2024-08-07 98.91 -> 2024-08-08 104.97: +6.13%; since mid-July it was down 17.6%
    text = (
        "The S&P 500 rose 2.3% on Thursday.\n\n"
        "Chip makers, which had suffered the heaviest losses since mid-July, led the "
        "bounce. Nvidia rose 6.1% to $104.97."
    )
    c = one(at(text, datetime(2024, 8, 8, 16, 30, tzinfo=EDT)), 6.1)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2024, 8, 8),
        date(2024, 8, 8),
    )


def test_since_part_of_a_month_of_a_named_year_starts_in_that_year() -> None:
    # ^IXIC 2020-10-13 11863.90 -> 2025-10-13 22694.61: +91.29% (from Oct 9: +95.98%)
    c = one(check("The Nasdaq is up 91.3% since mid-October 2020.", date(2025, 10, 13)), 91.3)
    assert (c.verdict, c.claim.start.year) == ("supported", 2020)


def test_a_maturity_after_an_adjective_is_that_yield() -> None:
    # DGS2 2026-05-14 4.00 -> 2026-05-15 4.09: +9 bp; DGS10 that day 4.59
    text = (
        "The 10-year yield rose 13 basis points to 4.59%, while the policy-sensitive "
        "two-year rose 9 basis points to 4.09%."
    )
    c = one(at(text, datetime(2026, 5, 15, 16, 30, tzinfo=EDT)), 4.09)
    assert (c.verdict, c.claim.ticker) == ("supported", "DGS2")


def test_a_time_in_a_participle_clause_stays_with_the_figure_before_it() -> None:
    # TSLA 2026-05-15 -4.75% (on Thursday, May 14: -0.44%)
    text = (
        "Stocks fell on Friday. Nvidia dropped 4.4%, wiping out a gain of the same size on "
        "Thursday, and Tesla fell 4.8%."
    )
    c = one(at(text, datetime(2026, 5, 15, 16, 30, tzinfo=EDT)), -4.8)
    assert (c.verdict, c.claim.end) == ("supported", date(2026, 5, 15))


def test_a_rise_from_a_low_of_a_level_in_a_named_month_runs_from_that_low() -> None:
    # ^GSPC 2022-10-12 3577.03 (October's lowest close) -> 2023-07-18 4554.98: +27.34%
    text = (
        "The S&P 500 has risen 18.6% so far this year, and it is up 27.3% from its closing "
        "low of 3,577.03 last October."
    )
    c = one(check(text, date(2023, 7, 18)), 27.3)
    assert (c.verdict, c.claim.start_field) == ("supported", "trough")


def test_a_long_appositive_naming_a_stock_is_not_the_subject() -> None:
    # ^NDX 2023-12-29 16825.93 -> 2024-11-22 20776.23: +23.48% (TSLA: +41.89%)
    text = (
        "The Nasdaq 100, the narrower gauge of the biggest nonfinancial companies that Tesla "
        "actually belongs to, is up 23.5% this year."
    )
    c = one(check(text, date(2024, 11, 22)), 23.5)
    assert (c.verdict, c.claim.ticker) == ("supported", "^NDX")


def test_a_worry_about_the_future_that_moved_stocks_is_no_forecast_of_the_move() -> None:
    # ^DJI 2024-05-23: -605.78 points, -1.53%
    text = (
        "Worries that a strong economy would keep the Fed on hold sent the Dow down 605.78 "
        "points, or 1.5%, on Thursday."
    )
    c = one(check(text, date(2024, 5, 23)), -605.78)
    assert c.verdict == "supported"
