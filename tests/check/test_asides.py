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
