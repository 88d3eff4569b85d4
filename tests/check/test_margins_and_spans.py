"""Margins between two changes and the spans they belong to, from shapes met in blind batches
h293_ to h295_ (an explainer on two indexes over several windows, a weekly recap): a year told
as "dates to 2023, when ...", "ahead by 7.5 points" after two percent changes, a margin of
another period than the pair told before it, "the tech gauge", "finished the five sessions".
Each passage is our own; values are computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime

from tests.check.passages import ALARMS, EDT, at, one

SATURDAY = datetime(2025, 6, 7, 10, 0, tzinfo=EDT)


def test_a_year_a_figure_dates_to_is_that_year() -> None:
    # ^IXIC 2023: +43.42%; ^DJI 2023: +13.70%
    text = (
        "Most of the gap between the two dates to 2023, when the Nasdaq composite jumped 43.4% "
        "and the Dow gained 13.7%."
    )
    claims = at(text, SATURDAY)
    assert [(c.claim.ticker, c.verdict, c.claim.end) for c in claims] == [
        ("^IXIC", "supported", date(2023, 12, 31)),
        ("^DJI", "supported", date(2023, 12, 31)),
    ]


def test_ahead_by_points_after_two_percent_changes_is_their_gap() -> None:
    # ^IXIC 2024 +28.64%, ^DJI 2024 +12.88%: a gap of 15.76 percentage points
    text = (
        "For 2024, the Nasdaq composite rose 28.6% and the Dow 12.9%, leaving tech ahead by "
        "15.8 points."
    )
    gap = one(at(text, SATURDAY), 15.8)
    assert (gap.claim.kind, gap.verdict, gap.computed) == ("gap", "supported", 15.7606)


def test_a_margin_of_another_period_is_not_the_pair_told_before() -> None:
    # over the year to 2026-07-10 ^NDX +30.64% and ^GSPC +20.62% (26.6% is wrong); their
    # written difference, 4.0, is near the 3.8 told for 2025 alone
    text = (
        "Over the past year the Nasdaq-100 has returned 30.6% and the S&P 500 26.6%. In 2025 by "
        "itself it built a lead of 3.8 points, with the Nasdaq-100 up 20.2% that year."
    )
    claims = at(text, datetime(2026, 7, 11, 10, 0, tzinfo=EDT))
    assert [c.verdict for c in claims if c.claim.value == 3.8 and c.verdict in ALARMS] == []


def test_the_tech_gauge_is_the_nasdaq_told_before() -> None:
    # ^NDX July 2026 to the 10th: -1.49%; ^GSPC +1.01%
    text = (
        "The Nasdaq-100 has led all year. This month has gone the other way: the tech gauge is "
        "down 1.5% in July while the S&P 500 is up 1%."
    )
    c = one(at(text, datetime(2026, 7, 11, 10, 0, tzinfo=EDT)), -1.5)
    assert (c.claim.ticker, c.verdict, c.computed) == ("^NDX", "supported", -1.4904)


def test_finished_the_five_sessions_is_the_week_of_sessions() -> None:
    # ^DJI 2023-06-09 33876.78 -> 06-16 34299.12: +1.25%, +422.34 points (Friday: -0.32%)
    text = (
        "The Dow dipped on Friday but still finished the five sessions up 1.2%, or 422.34 points."
    )
    claims = at(text, datetime(2023, 6, 17, 10, 0, tzinfo=EDT))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (1.2, "supported"),
        (422.34, "supported"),
    ]


def test_a_period_left_by_a_close_told_at_a_level_ends_on_that_day() -> None:
    # AAPL 2023-12-29 192.53 -> 2024-09-10 220.11: +14.33% (to Sept. 12: +15.71%)
    text = "Apple had closed at $220.11 on Tuesday before the event, leaving it up 14.3% for 2024."
    c = one(at(text, datetime(2024, 9, 13, 7, 30, tzinfo=EDT)), 14.3)
    assert (c.verdict, c.claim.end, c.computed) == ("supported", date(2024, 9, 10), 14.325)


def test_a_close_at_a_level_in_a_which_clause_does_not_end_the_period() -> None:
    # DGS10 2024-09-06 3.72% -> 09-13 3.66%: -6 bp for the week; on Monday, Sept. 9, 3.70%
    text = (
        "The 10-year yield, which had closed at 3.70% on Monday, ended the week at 3.66%, down "
        "about 6 basis points from last Friday."
    )
    c = one(at(text, datetime(2024, 9, 14, 10, 0, tzinfo=EDT)), -6.0)
    assert c.verdict not in ALARMS


def test_the_years_first_session_is_one_day() -> None:
    # AAPL 2025-01-02: -2.62%; NVDA 2025-01-02: +2.99%
    text = (
        "Apple stumbled on the year's first session, dropping 2.6%, while Nvidia rose 3% on the "
        "first trading day of the year."
    )
    claims = at(text, datetime(2025, 1, 5, 10, 0, tzinfo=EDT))
    assert [(c.claim.ticker, c.verdict, c.claim.end) for c in claims] == [
        ("AAPL", "supported", date(2025, 1, 2)),
        ("NVDA", "supported", date(2025, 1, 2)),
    ]


def test_a_when_clause_after_a_days_close_is_that_day() -> None:
    # ^VIX 2025-04-07 intraday high 60.13; the story is written during the Apr. 17 session
    text = (
        "That leaves the S&P 500 up sharply from its April 7 close, when tariff fears sent the "
        "VIX as high as 60.13 at one point."
    )
    c = one(at(text, datetime(2025, 4, 17, 11, 0, tzinfo=EDT)), 60.13)
    assert (c.verdict, c.claim.end) == ("supported", date(2025, 4, 7))


def test_a_change_in_a_while_clause_keeps_the_period_of_the_change_before() -> None:
    # DGS10 week to 2024-05-17: -8 bp to 4.42%; DGS2 week -4 bp to 4.83% (Friday alone +5 bp)
    text = (
        "The 10-year yield closed Friday at 4.42%, down 8 basis points on the week, while the "
        "2-year eased 4 basis points to 4.83%."
    )
    c = one(at(text, datetime(2024, 5, 18, 10, 0, tzinfo=EDT)), -4.0)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2024, 5, 13),
        date(2024, 5, 18),
    )
