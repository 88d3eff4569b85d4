"""Sizes of Fed moves told as alternatives or next to a yield, and the range a run of
moves ended at, from shapes met in blind batches h176_ and h177_ (a close on bets for a
jumbo cut, a weekend explainer, a year review). Each passage is our own; values are
computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.check.passages import EDT, alarms, at, check, one


def test_a_choice_between_two_sizes_claims_neither() -> None:
    text = (
        "Reports described the Fed's choice between a quarter-point and a half-point "
        "reduction next week as a close call."
    )
    claims = check(text, date(2024, 9, 13))
    assert [c.claim.kind for c in claims if c.claim.kind == "rate_change"] == []


def test_a_weekly_rise_in_basis_points_of_a_yield_told_by_pronoun_is_the_yield() -> None:
    # DGS2 2023-09-01 4.87 -> 2023-09-08 4.98: +11 bp
    text = (
        "The two-year Treasury yield, the part of the curve that tracks Fed expectations, "
        "closed Wednesday at 5.01%. It eased later in the week but still ended Friday at "
        "4.98%, a weekly rise of 11 basis points."
    )
    c = one(check(text, date(2023, 9, 9)), 11)
    assert (c.verdict, c.claim.ticker) == ("supported", "DGS2")


def test_the_range_a_run_of_cuts_ended_at_is_not_read_at_the_month_of_the_first() -> None:
    # FEDFUNDS: 4.00%-4.25% after Sept. 17, 2025; 3.50%-3.75% after Dec. 10, 2025
    text = (
        "The Fed kept rates on hold through the summer, then cut by a quarter point at "
        "each of its last three meetings of the year, in September, October and December. "
        "That took the federal funds target from 4.25%-4.50% to 3.50%-3.75%."
    )
    claims = at(text, datetime(2026, 1, 6, 6, 30, tzinfo=EDT))
    assert alarms(claims) == []


@pytest.mark.parametrize(
    "text",
    [
        "Overseas, Japan's central bank lifted its policy rate by 25 basis points on Tuesday.",
        "The Chinese central bank trimmed its one-year loan prime rate by 10 basis points.",
        "China lowered its five-year loan prime rate by 25 basis points to ease mortgage costs.",
    ],
)
def test_another_countrys_central_bank_move_is_not_the_feds(text: str) -> None:
    assert check(text, date(2024, 7, 31)) == []


def test_odds_of_a_first_cut_told_across_an_aside_are_a_forecast() -> None:
    text = "Fed funds futures now put the odds, close to 60%, of a first cut by July."
    assert alarms(check(text, date(2024, 4, 30))) == []


@pytest.mark.parametrize(
    ("text", "day", "bp"),
    [  # 2022: Mar. 16 +25, May 4 +50, Jun. 15 +75; 2025: Dec. 10 -25
        (
            "The Fed started the campaign with a quarter-point increase in March.",
            date(2022, 4, 1),
            25,
        ),
        ("The Fed followed with a half-point hike on May 4.", date(2022, 5, 20), 50),
        ("The Fed's last move was a quarter-point cut in December.", date(2026, 1, 20), -25),
    ],
)
def test_a_size_before_its_move_noun_gives_the_direction(text: str, day: date, bp: int) -> None:
    moves = [c for c in check(text, day) if c.claim.kind == "rate_change"]
    assert [(c.claim.value, c.verdict) for c in moves] == [(float(bp), "supported")]


def test_a_run_starting_in_an_earlier_year_does_not_date_the_next_sentence_in_it() -> None:
    # the 2022-23 hikes: ten in a row to May 3, 2023, none in June, +25 on July 26, 2023
    text = (
        "The Fed raised rates 11 times starting in March 2022. The first 10 came back to "
        "back, ending in May, before the committee skipped June and then delivered a "
        "quarter-point increase in July."
    )
    moves = [c for c in check(text, date(2023, 11, 1)) if c.claim.kind == "rate_change"]
    assert [(c.claim.start, c.verdict) for c in moves] == [(date(2023, 7, 1), "supported")]


def test_a_move_traders_expect_is_not_a_move_made() -> None:
    text = "Traders are all but certain of a half-point increase this time, the first since 2000."
    assert alarms(check(text, date(2022, 4, 29))) == []


@pytest.mark.parametrize(
    "text",
    [
        "The low came in the week of the Fed's first three-quarter-point increase since 1994.",
        'Powell said a three-quarter-point increase "is not something the committee is '
        'actively considering."',
        "Minutes showed almost all officials backed slowing to a quarter-point increase.",
    ],
)
def test_a_size_before_a_move_noun_that_tells_of_no_move_made_is_no_claim(text: str) -> None:
    assert [c for c in check(text, date(2022, 6, 30)) if c.claim.kind == "rate_change"] == []


def test_yield_levels_listed_with_respectively_are_each_read() -> None:
    # Oct. 6, 2023: the 10-year closed at 4.78% (FRED DGS10), the 2-year at 5.08%
    text = "Yields on the 10-year and two-year notes ended at 4.78% and 5.08%, respectively."
    got = [c for c in check(text, date(2023, 10, 6)) if c.claim.kind == "yield_level"]
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in got] == [
        ("DGS10", 4.78, "supported"),
        ("DGS2", 5.08, "supported"),
    ]
