"""Runs of Fed moves told as a whole: "the last of three cuts in a row", "after a run of 10
consecutive increases", "10 straight increases from March 2022 through May", "the 11th since
March 2022" (a count from a told start). Shapes noted in the blind batches; the passages are
our own and the counts come from the bundled Fed decisions (hikes: Mar. 16, 2022 to July 26,
2023, eleven in all, the tenth on May 3, 2023; cuts: Sept. 18, Nov. 7 and Dec. 18, 2024)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.check.passages import check


def _counts(text: str, day: date) -> list[tuple[float, str]]:
    return [(c.claim.value, c.verdict) for c in check(text, day) if c.claim.kind == "rate_count"]


@pytest.mark.parametrize(("told", "verdict"), [("three", "supported"), ("four", "contradicted")])
def test_the_last_of_a_run(told: str, verdict: str) -> None:
    text = (
        "The Fed held rates steady on Wednesday. Its December cut was the last of "
        f"{told} cuts in a row."
    )
    assert _counts(text, date(2025, 1, 30)) == [(3.0 if told == "three" else 4.0, verdict)]


@pytest.mark.parametrize(("told", "verdict"), [("10", "supported"), ("11", "contradicted")])
def test_after_a_run_of_n_consecutive_moves(told: str, verdict: str) -> None:
    text = (
        f"The Fed paused on Wednesday after a run of {told} consecutive increases that began "
        "in March 2022."
    )
    assert _counts(text, date(2023, 6, 15)) == [(float(told), verdict)]


@pytest.mark.parametrize(("told", "verdict"), [("10", "supported"), ("nine", "contradicted")])
def test_a_run_told_between_two_months(told: str, verdict: str) -> None:
    text = f"Policymakers delivered {told} straight increases from March 2022 through May."
    value = 10.0 if told == "10" else 9.0
    assert _counts(text, date(2023, 6, 15)) == [(value, verdict)]


@pytest.mark.parametrize(("told", "verdict"), [("11th", "supported"), ("12th", "contradicted")])
def test_the_nth_since_a_told_start(told: str, verdict: str) -> None:
    text = f"The Fed's July hike, the {told} since March 2022, lifted the range to 5.25%-5.5%."
    claims = check(text, date(2023, 7, 28))
    counts = [
        (c.claim.value, c.verdict, c.claim.start) for c in claims if c.claim.kind == "rate_count"
    ]
    assert counts == [(11.0 if told == "11th" else 12.0, verdict, date(2022, 3, 1))]
    (level,) = [c for c in claims if c.claim.kind == "rate_level"]
    assert (level.claim.value, level.verdict) == (5.5, "supported")


def test_a_run_with_a_vote_after_it() -> None:
    text = "The Fed on Wednesday announced its ninth increase in a row, on an 11-0 vote."
    claims = check(text, date(2023, 3, 22))
    assert [(c.claim.kind, c.claim.value, c.verdict) for c in claims] == [
        ("rate_count", 9.0, "supported")
    ]


def test_a_run_told_with_the_month_it_began_is_counted_to_the_time_told() -> None:
    # the pause of June 14, 2023 ended a run of 10 hikes (Mar. 16, 2022 to May 3, 2023)
    text = "The Fed's pause ended a string of 10 straight hikes that started in March 2022."
    assert _counts(text, date(2023, 6, 15)) == [(10.0, "supported")]


@pytest.mark.parametrize(
    "text",
    [
        "Policymakers have raised rates 11 times starting in March 2022.",
        "Counting from March 2022, the Fed has lifted rates 11 times.",
        "It was the Fed's 11th increase going back to March 2022.",
    ],
)
def test_a_count_from_a_told_start(text: str) -> None:
    # eleven hikes from Mar. 16, 2022 to July 26, 2023; four of them in 2023
    claims = [c for c in check(text, date(2023, 9, 21)) if c.claim.kind == "rate_count"]
    assert [(c.claim.value, c.verdict, c.claim.start) for c in claims] == [
        (11.0, "supported", date(2022, 3, 1))
    ]


def test_a_run_through_a_month_beside_a_count_of_a_year() -> None:
    text = (
        "That capped a campaign of 11 hikes that began in March 2022, including 10 "
        "consecutive increases through May 2023 and four in 2023 alone, the Fed noted."
    )
    counts = _counts(text, date(2023, 12, 14))
    assert (10.0, "supported") in counts
    assert [v for v, verdict in counts if verdict in ("contradicted", "misdated")] == []


@pytest.mark.parametrize(("told", "verdict"), [("11", "supported"), ("12", "contradicted")])
def test_the_last_of_a_campaign_told_with_its_start(told: str, verdict: str) -> None:
    # eleven hikes from March 2022, though not a run: the Fed skipped June 2023
    text = (
        "The Fed held its range on Wednesday. Its July 2023 hike was the last of "
        f"{told} increases that began in March 2022."
    )
    assert _counts(text, date(2024, 6, 13)) == [(float(told), verdict)]


def test_the_last_of_a_campaign_with_no_start_is_not_read_as_a_run() -> None:
    text = "The Fed held its range on Wednesday. Its July 2023 hike was the last of 11 increases."
    assert _counts(text, date(2024, 6, 13)) == []


def test_a_count_of_a_move_that_may_come_is_not_a_claim_of_fact() -> None:
    # the Dec. 10, 2025 cut was the third in a row; a fourth is what the speaker weighs
    text = (
        "The Fed cut rates on Wednesday for the third straight meeting. Two dissents show "
        "that the bar for a fourth cut has gone up, one strategist said."
    )
    counts = _counts(text, date(2025, 12, 11))
    assert (3.0, "supported") in counts
    assert [v for v, verdict in counts if verdict in ("contradicted", "misdated")] == []


def test_for_a_total_of_cuts_is_a_count_of_fact() -> None:
    # 2024: cuts on Sept. 18, Nov. 7 and Dec. 18
    text = (
        "The Federal Reserve began cutting in September and followed up twice, for a total "
        "of three cuts in 2024."
    )
    assert _counts(text, date(2025, 1, 6)) == [(3.0, "supported")]
