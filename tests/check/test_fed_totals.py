"""A sum of Fed moves over a period ("brings the total since September to 100 basis points",
"raised rates by 5.25 percentage points between March 2022 and July 2023") is checked as the
sum of the moves announced in it, from FRED's target range. A sum whose period the text does
not give abstains. Passages are our own; the moves are in the bundled rates data."""

from __future__ import annotations

from datetime import date

import pytest

from tests.check.passages import check


def _fed(text: str, day: date) -> list[tuple[float, str, float | None]]:
    return [
        (c.claim.value, c.verdict, c.computed)
        for c in check(text, day)
        if c.claim.kind == "rate_change"
    ]


def test_a_total_since_a_month_is_the_sum_of_its_moves() -> None:
    # 2024: Sept. 18 -50, Nov. 7 -25, Dec. 18 -25
    text = (
        "It was the Fed's third straight reduction and brings the total since September to "
        "100 basis points."
    )
    assert _fed(text, date(2024, 12, 18)) == [(-100.0, "supported", -100.0)]
    wrong = text.replace("100 basis points", "75 basis points")
    assert _fed(wrong, date(2024, 12, 18)) == [(-75.0, "contradicted", -100.0)]


def test_a_sum_between_two_months_is_checked() -> None:
    # March 2022 to July 2023: eleven hikes, 525 bp in all
    text = "The Fed raised rates by 5.25 percentage points between March 2022 and July 2023."
    assert _fed(text, date(2024, 5, 17)) == [(525.0, "supported", 525.0)]


def test_cuts_of_a_full_point_since_september_are_a_sum() -> None:
    text = "The Fed has now cut rates by a full percentage point since September."
    assert _fed(text, date(2024, 12, 19)) == [(-100.0, "supported", -100.0)]


def test_a_sum_over_a_span_the_text_does_not_date_abstains() -> None:
    text = "The Fed raised rates by 5 percentage points in just over 14 months."
    assert [v for _, v, _ in _fed(text, date(2023, 6, 1))] in ([], ["unverifiable"])


def test_a_move_of_each_meeting_is_not_a_sum() -> None:
    # since September 2024 the cuts were 50, 25 and 25: "a quarter point at each" is no total
    text = "Since November the Fed has cut by a quarter point at each meeting."
    assert _fed(text, date(2024, 12, 19)) == [(-25.0, "supported", -25.0)]  # December's cut


def test_a_count_told_of_a_move_still_expected_is_a_forecast() -> None:
    # Sept. 15, 2025: no cut yet that year; the one expected that Wednesday is not data
    text = (
        "Traders expect the Fed will trim its benchmark rate by a quarter point on "
        "Wednesday, its first reduction of the year."
    )
    claims = check(text, date(2025, 9, 15))
    assert [(c.claim.kind, c.verdict) for c in claims] == [
        ("rate_change", "unverifiable"),
        ("rate_count", "unverifiable"),
    ]


def test_a_single_cut_of_a_full_point_in_a_month_of_two_moves_is_that_cut() -> None:
    # March 2020: -50 bp on Mar 3, then -100 bp on Mar 15 (to 0%-0.25%)
    text = (
        "The Fed kept the federal funds rate in a range of 0%-0.25%, where it has sat since "
        "the emergency cut of a full percentage point in March 2020."
    )
    claims = check(text, date(2022, 1, 26))
    cut = [c for c in claims if c.claim.kind == "rate_change"]
    assert [(c.claim.value, c.claim.field, c.verdict) for c in cut] == [
        (-100.0, None, "supported")]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "The report all but erased expectations of a second half-point cut when the Fed meets "
        "next month.",
        "Only a week ago, after the Fed chair's testimony, markets had leaned toward a half-point "
        "hike.",
    ],
)
def test_a_move_markets_expected_is_a_forecast(text: str) -> None:
    rate = [c for c in check(text, date(2024, 10, 7)) if c.claim.kind.startswith("rate")]
    assert rate
    assert {(c.claim.forecast, c.verdict) for c in rate} == {(True, "unverifiable")}


@pytest.mark.parametrize(
    "text",
    [  # the range was 4.50%-4.75% on 2023-02-08; a peak of 5%-5.25% is an official's view
        "New York Fed President John Williams said a peak of 5% to 5.25% still looked reasonable.",
        "Fed officials have penciled in a peak of 5% to 5.25% for the federal funds rate.",
    ],
)
def test_a_peak_an_official_talks_of_is_a_forecast(text: str) -> None:
    claims = check(text, date(2023, 2, 8))
    assert [(c.claim.kind, c.claim.forecast, c.verdict) for c in claims] == [
        ("rate_level", True, "unverifiable")
    ]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # cuts in 2024: Sept. 18, Nov. 7 and Dec. 18
        ("The Fed lowered rates three times in 2024 and has held since.", "supported"),
        ("The Fed lowered rates twice in 2024 and has held since.", "contradicted"),
        # two in the last months of 2024 is true, and three is about all of it: which months?
        ("The Fed lowered rates twice in the closing months of 2024.", "unverifiable"),
        ("The Fed lowered rates three times in the final months of 2024.", "unverifiable"),
    ],
)
def test_a_count_of_moves_told_with_the_year_after_it_is_that_years(
    text: str, verdict: str
) -> None:
    (c,) = [c for c in check(text, date(2025, 6, 30)) if c.claim.kind == "rate_count"]
    assert c.verdict == verdict


def test_the_range_before_several_counted_moves_is_not_the_one_before_the_last() -> None:
    # 2025: Sept. 17 4.25-4.50 -> 4.00-4.25, Oct. 29 -> 3.75-4.00, Dec. 10 -> 3.50-3.75
    day = date(2026, 3, 19)
    text = (
        "Policymakers trimmed the rate by a quarter point at each of their last three meetings "
        "of 2025, bringing it down from 4.25%-4.50%."
    )
    ranges = [c for c in check(text, day) if c.claim.kind == "rate_level"]
    assert [(c.claim.value, c.verdict) for c in ranges] == [(4.5, "unverifiable")]
    one = "The Fed lowered its rate to 3.50%-3.75% in December, down from 3.75%-4.00%."
    assert [c.verdict for c in check(one, day)] == ["supported", "supported"]


def test_moves_counted_in_part_of_a_named_year_are_counted_there() -> None:
    # 2025: cuts on Sept. 17, Oct. 29 and Dec. 10; none in 2026 up to March 19
    got = check("The Fed cut rates three times in late 2025.", date(2026, 3, 19))
    assert [(c.claim.kind, c.verdict) for c in got] == [("rate_count", "supported")]
