"""A change told with the level it ends at, a move told after a standing "as of" another day,
and a second figure told "over the same stretch" as the first: shapes from a half-year column
held out of blind batch h262_. Each passage is our own; values are computed from the bundled
data."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.check.passages import EDT, alarms, at, one


def test_a_move_on_its_own_later_day_is_not_dated_by_an_earlier_standing() -> None:
    # TSLA 2023-12-29 248.48 -> 2024-04-22 142.05: -42.83%; 2024-04-23 144.68 -> 04-24
    # 162.13: +12.06% (on Apr. 22 it was -3.40%)
    text = (
        "Tesla was the laggard of the spring, down 42.8% for the year as of April 22, before "
        "a 12.1% jump on April 24 lifted it off the floor."
    )
    claims = at(text, datetime(2024, 7, 6, 10, 0, tzinfo=EDT))
    jump = one(claims, 12.1)
    assert (jump.verdict, jump.claim.start, jump.claim.end) == (
        "supported",
        date(2024, 4, 24),
        date(2024, 4, 24),
    )
    standing = one(claims, -42.8)
    assert (standing.verdict, standing.claim.end) == ("supported", date(2024, 4, 22))


SLIDE = (
    "From its July 16 record, the S&P 500 fell 8.5% to 5,186.33 on {day}, while the "
    "Nasdaq-100 slid {ndx}% over the same stretch."
)
PUBLISHED = datetime(2024, 9, 7, 10, 0, tzinfo=EDT)


def test_a_change_that_ends_at_another_days_close_abstains() -> None:
    # ^GSPC 2024-07-16 5667.20; 5,186.33 is the Aug. 5 close (-8.49%); on Aug. 2 it closed at
    # 5,346.56 (-5.66%). ^NDX 2024-07-16 20398.62 -> 08-05 17895.16: -12.27% (to Aug. 2:
    # 18440.85, -9.60%)
    claims = at(SLIDE.format(day="Aug. 2", ndx="12.3"), PUBLISHED)
    assert [c.verdict for c in claims] == ["unverifiable", "misdated", "unverifiable"]
    change = one(claims, -8.5)
    assert "5,186.33" in change.explanation and "Aug 5, 2024" in change.explanation
    assert change.computed == -5.6578
    assert one(claims, -12.3).claim.start == date(2024, 7, 16)


def test_the_same_stretch_in_one_sentence_is_the_first_figures_span() -> None:
    claims = at(SLIDE.format(day="Aug. 5", ndx="12.3"), PUBLISHED)
    assert [c.verdict for c in claims] == ["supported", "supported", "supported"]
    ndx = one(claims, -12.3)
    assert (ndx.claim.ticker, ndx.claim.start, ndx.claim.end) == (
        "^NDX",
        date(2024, 7, 16),
        date(2024, 8, 5),
    )
    assert ndx.computed == -12.2727


def test_a_change_to_its_own_days_close_is_still_judged() -> None:
    # to Aug. 2's close of 5,346.56 the S&P 500 fell 5.66%, not 8.5%
    text = "From its July 16 record, the S&P 500 fell 8.5% to 5,346.56 on Aug. 2."
    claims = at(text, PUBLISHED)
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (-8.5, "contradicted"),
        (5346.56, "supported"),
    ]
    assert alarms(claims) != []


SATURDAY = datetime(2024, 10, 5, 10, 0, tzinfo=EDT)


def test_a_change_since_a_day_told_beside_an_earlier_level_abstains() -> None:
    # ^RUT 2023-12-29 2027.07; 2,229.97 is the 2024-09-30 close (+10.01%); the last close
    # before the story, Oct. 4, is 2212.80 (+9.16%)
    text = (
        "Stocks had a choppy week. The Russell 2000, at 2,229.97, ended the quarter well off "
        "its summer lows; it has "
        "gained {pct}% since New Year's Eve."
    )
    claims = at(text.format(pct="10.0"), SATURDAY)
    assert [c.verdict for c in claims] == ["supported", "unverifiable"]
    gain = one(claims, 10.0)
    assert "2,229.97" in gain.explanation and "Sep 30, 2024" in gain.explanation
    assert gain.computed == 9.1625
    # a figure false to either day is still called
    wrong = one(at(text.format(pct="12.0"), SATURDAY), 12.0)
    assert wrong.verdict == "contradicted"


def test_a_gain_by_the_end_of_a_month_is_not_that_days_move() -> None:
    # ^IXIC 2023-12-29 15011.35 -> 2024-06-28 17732.60: +18.13% (June 28 alone: -0.71%)
    text = "The Nasdaq composite had climbed 18.1% by the end of June."
    c = one(at(text, datetime(2024, 7, 6, 10, 0, tzinfo=EDT)), 18.1)
    assert c.verdict == "unverifiable"
    assert c.claim.unsettled == "a change up to a day the text names, from a start it does not"


def test_a_fall_from_a_dated_record_close_of_a_level_runs_from_that_day() -> None:
    # ^IXIC 2024-12-16 close 20173.89 -> 2025-01-10 19161.63: -5.02% (Jan. 10 alone: -1.63%)
    text = (
        "From its Dec. 16 record close of 20,173.89, the Nasdaq composite fell 5.0% to "
        "19,161.63 on Jan. 10."
    )
    claims = at(text, datetime(2025, 1, 11, 10, 0, tzinfo=EDT))
    fall = one(claims, -5.0)
    assert (fall.verdict, fall.claim.start, fall.claim.end, fall.computed) == (
        "supported",
        date(2024, 12, 16),
        date(2025, 1, 10),
        -5.0177,
    )


def test_at_that_point_is_not_the_day_of_an_earlier_mark() -> None:
    # NVDA 2023-12-29 49.52; 2024-06-05 close 122.44; 2024-06-18 close 135.58: +173.79% for
    # the year (to June 5: +147.25%)
    text = (
        "Nvidia rose 3.5% on Tuesday. Tuesday's close topped the $122.44 close of June 5 and "
        "left the stock up 173.8% for 2024 at that point."
    )
    c = one(at(text, datetime(2024, 6, 22, 10, 0, tzinfo=EDT)), 173.8)
    assert (c.verdict, c.claim.end, c.computed) == ("supported", date(2024, 6, 18), 173.7884)


def test_a_gap_to_a_record_whose_day_is_not_told_abstains() -> None:
    # ^RUT 2025-07-31 2211.65 -> 2026-01-22 record 2718.77: +22.93%; ^GSPC same days: +9.1%;
    # to the day of writing the gap is far smaller
    text = (
        "From the end of July to the January record, the Russell climbed 22.9% while the "
        "S&P 500 added 9.1%, a margin of nearly 14 percentage points."
    )
    claims = at(text, datetime(2026, 3, 22, 7, 0, tzinfo=EDT))
    assert [c.verdict for c in claims if c.verdict in ("contradicted", "misdated")] == []


def test_a_fall_from_an_undated_closing_high_told_with_both_figures_abstains() -> None:
    # ^VIX 2025-04-25 close 24.84; its closing high of the spike was 52.33 (Apr. 8): -27.49
    # points, -52.5%; for the week it fell 4.81 points
    text = (
        "The VIX ended the week at 24.84, down 27.49 points, or about 52%, from its closing high."
    )
    claims = at(text, datetime(2025, 4, 26, 10, 0, tzinfo=EDT))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (24.84, "supported"),
        (-27.49, "unverifiable"),
        (-52.0, "unverifiable"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "computed"),
    [  # ^IXIC week to 2024-05-17 +2.11% (Friday alone -0.07%) to 16685.97; DGS10 week -8 bp
        # (Friday alone +4 bp) to 4.42%
        ("For the week, the Nasdaq rose 2.1% to close Friday at 16,685.97.", 2.1, 2.1119),
        ("For the week, the 10-year yield fell 8 basis points to end Friday at 4.42%.", -8.0, -8.0),
    ],
)
def test_a_week_told_first_keeps_the_change_the_day_names_the_level(
    text: str, value: float, computed: float
) -> None:
    c = one(at(text, datetime(2024, 5, 18, 10, 0, tzinfo=EDT)), value)
    assert (c.verdict, c.claim.start, c.claim.end, c.computed) == (
        "supported",
        date(2024, 5, 13),
        date(2024, 5, 18),
        computed,
    )
