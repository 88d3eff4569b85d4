"""Counts of Fed moves told in the ways wire copy tells them: "trimmed rates three times last
year" in a sentence with no other number, "the fourth of the year" with its noun left out,
"for the fourth time this year", "the third of 2023", "after three straight cuts" (the run
before the time told) and "at three consecutive meetings". Shapes met in the blind batches;
the passages are our own and the counts come from the bundled Fed decisions (hikes: seven in
2022, four in 2023 with the tenth straight on May 3, 2023 and the last on July 26; cuts:
Sept. 18, Nov. 7 and Dec. 18, 2024, then Sept. 17, Oct. 29 and Dec. 10, 2025)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.check.passages import check


def _counts(text: str, day: date) -> list[tuple[float, str]]:
    return [(c.claim.value, c.verdict) for c in check(text, day) if c.claim.kind == "rate_count"]


@pytest.mark.parametrize(
    ("told", "verdict"), [("three times", "supported"), ("twice", "contradicted")]
)
def test_a_count_in_a_sentence_with_no_other_number(told: str, verdict: str) -> None:
    text = f"Policymakers trimmed borrowing costs {told} last year and have not moved since."
    assert _counts(text, date(2025, 3, 5)) == [(3.0 if "three" in told else 2.0, verdict)]


@pytest.mark.parametrize(("told", "verdict"), [("fourth", "supported"), ("fifth", "contradicted")])
def test_an_ordinal_of_the_year_with_its_noun_left_out(told: str, verdict: str) -> None:
    text = f"The Fed's July quarter-point increase, the {told} of the year, was its last."
    value = 4.0 if told == "fourth" else 5.0
    assert _counts(text, date(2023, 9, 1)) == [(value, verdict)]


def test_for_the_nth_time_this_year() -> None:
    text = "On Wednesday the central bank raised its key rate for the fourth time this year."
    assert _counts(text, date(2023, 7, 27)) == [(4.0, "supported")]
    wrong = text.replace("fourth", "third")
    assert _counts(wrong, date(2023, 7, 27)) == [(3.0, "contradicted")]


def test_a_run_and_a_year_in_one_aside() -> None:
    text = (
        "The Fed's May 3 increase, the 10th in a row and the third of 2023, was followed by a "
        "pause in June."
    )
    assert _counts(text, date(2023, 6, 20)) == [(10.0, "supported"), (3.0, "supported")]


@pytest.mark.parametrize(
    ("day", "text"),
    [
        # held on Jan. 29, 2025 after the three cuts of late 2024
        (date(2025, 1, 30), "The Fed stood pat on Wednesday after three straight cuts."),
        # the third cut of 2025 came on Dec. 10, after two in a row
        (date(2025, 12, 10), "The Fed lowered rates again on Wednesday after two straight cuts."),
        (date(2025, 12, 11), "The Fed lowered rates again on Wednesday after two straight cuts."),
    ],
)
def test_after_a_run_is_the_run_before_the_time_told(day: date, text: str) -> None:
    assert _counts(text, day) == [(3.0 if "three" in text else 2.0, "supported")]


def test_after_a_run_too_long_for_either_reading_is_contradicted() -> None:
    text = "The Fed stood pat on Wednesday after five straight cuts."
    assert _counts(text, date(2025, 1, 30)) == [(5.0, "contradicted")]


def test_cut_at_consecutive_meetings_is_a_run() -> None:
    text = "The rate-setting committee cut at three consecutive meetings late in 2025."
    assert _counts(text, date(2026, 1, 15)) == [(3.0, "supported")]


@pytest.mark.parametrize(
    ("told", "verdict"), [("twice", "supported"), ("three times", "contradicted")]
)
def test_a_count_within_a_quarter_is_counted_there_not_over_the_year(
    told: str, verdict: str
) -> None:
    # Q4 2024 held two cuts (Nov. 7, Dec. 18); the year held three
    text = f"The central bank trimmed rates {told} in the fourth quarter."
    assert [v for _, v in _counts(text, date(2025, 1, 8))] == [verdict]


def test_a_count_of_the_year_told_on_a_day_is_that_days_year() -> None:
    # a review out in early 2025 tells of Dec. 18, 2024, when the third cut of 2024 came
    text = (
        "The Fed moved again on Dec. 18, when the third cut of the year took the range to "
        "4.25%-4.50%."
    )
    assert _counts(text, date(2025, 1, 9)) == [(3.0, "supported")]


def test_a_run_told_after_two_days_is_not_judged_on_the_first() -> None:
    # the run of cuts was two long on Nov. 7, 2024 and three on Dec. 18
    text = (
        "The Fed's Nov. 7 cut was a quarter point, and another on Dec. 18 took the range to "
        "4.25%-4.50%. That was the third straight reduction."
    )
    assert [v for _, v in _counts(text, date(2025, 1, 9))] in (["supported"], ["unverifiable"])


@pytest.mark.parametrize(
    ("day", "text", "value"),
    [
        # 2022: seven hikes from March to December
        (date(2023, 1, 5), "The Fed raised rates seven times starting in March.", 7.0),
        # 2024: the third cut came in December
        (date(2025, 1, 10), "The Fed made its third cut of the year in December.", 3.0),
        (date(2025, 1, 10), "The Fed began in September and cut three times in all.", 3.0),
    ],
)
def test_a_month_named_beside_a_count_is_not_its_period(day: date, text: str, value: float) -> None:
    assert _counts(text, day) == [(value, "supported")]


@pytest.mark.parametrize(
    "text",
    [
        "Futures put about a 30% chance on the Fed lifting its range from 5.25%-5.50% by March.",
        "Traders see even odds that policymakers raise rates from 5.25%-5.50% in December.",
    ],
)
def test_the_range_a_move_still_priced_would_start_from_is_no_past_move(text: str) -> None:
    # Nov. 2023: the range had been 5.25%-5.50% since July 26; no move was made after it
    ranges = [c for c in check(text, date(2023, 11, 9)) if c.claim.kind == "rate_level"]
    assert [c.verdict for c in ranges] in (["supported"], ["unverifiable"])


@pytest.mark.parametrize(
    ("day", "text", "value"),
    [
        # 2022: the Sept. 21 hike was the fifth of the year (and of the run)
        (date(2022, 9, 22), "It was the Fed's fifth increase of 2022.", 5.0),
        # Dec. 18, 2024: the third cut of the run that began in September, sizes 50, 25, 25
        (
            date(2025, 1, 10),
            "The Fed's last move came in December, a cut of 25 basis points that was its third "
            "consecutive reduction.",
            3.0,
        ),
        (
            date(2025, 1, 10),
            "The Fed got there in December with a quarter-point cut, the third reduction of 2024.",
            3.0,
        ),
    ],
)
def test_the_size_of_the_move_described_is_not_the_size_counted(
    day: date, text: str, value: float
) -> None:
    assert _counts(text, day) == [(value, "supported")]


def test_a_count_of_meetings_with_a_move_of_one_size_still_abstains() -> None:
    # Sept. 2024 was a half-point cut: "by a quarter point for the third meeting" counts
    # quarter-point moves, which finnews does not count apart
    text = "In December the Fed lowered its rate by a quarter point for the third meeting running."
    assert [v for _, v in _counts(text, date(2025, 1, 10))] in ([], ["unverifiable"])


@pytest.mark.parametrize(
    "text",
    [
        "The Fed cut on Sept. 17, its first reduction of the year after holding steady since "
        "December.",
        "It was the Fed's first cut of the year and its first since December.",
    ],
)
def test_the_first_move_of_a_year_is_a_count_even_with_a_since_after_it(text: str) -> None:
    # 2025: Sept. 17 was the first cut of the year
    assert _counts(text, date(2025, 9, 18))[0] == (1.0, "supported")


def test_the_day_of_the_first_cut_names_an_event_not_a_count() -> None:
    text = (
        "The 10-year yield ended Tuesday at 4.48%, up 78 basis points from the 3.70% it closed "
        "at on the day of the first cut."
    )
    assert _counts(text, date(2025, 5, 20)) == []


def test_wary_about_a_further_straight_cut_is_a_move_that_may_come() -> None:
    # the Fed cut in September, November and December 2024: three straight; a fourth is talk
    text = "Several Fed officials sounded wary about a fourth straight reduction."
    claims = check(text, date(2024, 12, 20))
    assert [c.verdict for c in claims if c.verdict in ("contradicted", "misdated")] == []
