"""Periods named by a clause around the figure, from shapes met in the whole corpus and in
blind batches h62_ onwards (quarter reviews, month-end pages, year-to-date lists): "a March,
the quarter's worst month, in which ...", "capping an April in which ...". Each passage is our
own; values are computed from the bundled data (the generator's figures are noted)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from assistant.check import verify_article
from assistant.models import Article, CheckedClaim
from tests.check.passages import EDT, MARKET, alarms, at, check, one, titled

EST = timezone(timedelta(hours=-5))


# -- "<a period>, <its description>, in which ...": the clause is about that period ----------
def test_an_in_which_clause_after_an_appositive_is_about_the_period_before_it() -> None:
    # March 2025: ^GSPC 5954.50 -> 5611.85 (-5.75%), ^IXIC 18847.28 -> 17299.29 (-8.21%);
    # the first quarter was -4.59% and -10.42%, so reading "the quarter's" would be an alarm
    text = (
        "The pain came in March, the quarter's worst month, in which the S&P 500 fell 5.8% "
        "and the Nasdaq 8.2%."
    )
    claims = check(text, date(2025, 4, 2))
    assert alarms(claims) == []
    assert [
        (c.verdict, c.claim.start, c.claim.end) for c in (one(claims, -5.8), one(claims, -8.2))
    ] == [
        ("supported", date(2025, 3, 1), date(2025, 3, 31)),
        ("supported", date(2025, 3, 1), date(2025, 3, 31)),
    ]


def test_a_period_that_opens_an_in_which_clause_is_not_the_figure_before_it() -> None:
    # ^TNX 2024-04-29 4.614 -> 2024-04-30 4.686 (+7.2 bp); April: 4.206 -> 4.686 (+48 bp)
    text = (
        "Treasury yields kept climbing: the 10-year yield rose 7 basis points to 4.69%, capping "
        "an April in which it added about 48 basis points."
    )
    claims = check(text, date(2024, 4, 30))
    day = one(claims, 7.0)
    assert (day.verdict, day.claim.end, day.computed) == ("supported", date(2024, 4, 30), 7.2)
    month = one(claims, 48.0)
    assert (month.verdict, month.claim.start, month.computed) == (
        "supported",
        date(2024, 4, 1),
        48.0,
    )


# -- found in blind batches h62_-h64_ --------------------------------------------------------
def test_a_level_eased_to_from_a_weekday_is_the_story_days_level() -> None:
    # ^TNX 2026-02-12 close 4.104 (Thursday); Wednesday's close was 4.17
    text = (
        "Stocks fell on Thursday. The yield on the 10-year Treasury eased to 4.10% from late "
        "Wednesday."
    )
    c = one(at(text, datetime(2026, 2, 12, 16, 41, tzinfo=EST)), 4.1)
    assert (c.verdict, c.claim.end) == ("supported", date(2026, 2, 12))


def test_a_change_from_a_weekday_to_a_level_runs_from_that_close() -> None:
    # DGS2 2026-02-11 3.52 -> 2026-02-12 3.47: -5 bp
    text = "The 2-year yield fell 5 basis points from Wednesday to 3.47%."
    claims = at(text, datetime(2026, 2, 12, 16, 41, tzinfo=EST))
    change, level = one(claims, -5.0), one(claims, 3.47)
    assert (change.verdict, change.claim.start, change.claim.end) == (
        "supported",
        date(2026, 2, 11),
        date(2026, 2, 12),
    )
    assert (level.verdict, level.claim.end) == ("supported", date(2026, 2, 12))


def test_a_trailing_span_ends_on_the_day_by_which_the_books_closed() -> None:
    # ^GSPC 2025-12-31 close 6845.50 -> 2026-03-31 6528.52: -316.98 points; read up to the
    # Saturday of publication it would be -275.78 points from Jan. 2
    text = (
        "By the time the books closed on Tuesday, March 31, the S&P 500 had given back 316.98 "
        "points over the three months."
    )
    claims = at(text, datetime(2026, 4, 4, 9, 0, tzinfo=EDT))
    c = one(claims, -316.98)
    assert (c.verdict, c.claim.start, c.claim.end, c.computed) == (
        "supported",
        date(2025, 12, 31),
        date(2026, 3, 31),
        -316.98,
    )


def test_the_month_under_a_header_naming_a_month_is_that_month() -> None:
    # ^GSPC March 2026: 6878.88 -> 6528.52, -5.09%; April to the 3rd: +0.83%
    text = (
        "Stocks had a rough quarter.\n\n**March, on its own**\n\n"
        "Strip out the last day and March was worse still. The S&P 500 lost 5.1% for the month."
    )
    c = one(at(text, datetime(2026, 4, 4, 9, 0, tzinfo=EDT)), -5.1)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2026, 3, 1),
        date(2026, 3, 31),
    )


def test_capping_a_week_after_a_named_day_is_the_week_through_that_day() -> None:
    # ^GSPC 2026-03-27 close 6368.85 -> Thursday 2026-04-02 6582.69: +3.36% (Good Friday shut)
    text = (
        "April has started better. The S&P 500 closed at 6,582.69 on Thursday, capping a "
        "holiday-shortened week up 3.4%."
    )
    c = one(at(text, datetime(2026, 4, 4, 9, 0, tzinfo=EDT)), 3.4)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2026, 3, 30),
        date(2026, 4, 2),
    )


def test_ending_a_week_no_day_names_is_not_judged() -> None:
    # in a quarter review: which week? (^DJI's first quarter of 2026 was -3.6%)
    text = "Stocks had a rough quarter. The Dow ended a choppy week up 2.9%."
    article = Article(
        id="t",
        title="First-quarter review",
        text=text,
        published=datetime(2026, 4, 4, 9, 0, tzinfo=EDT).astimezone(timezone.utc),
    )
    (c,) = verify_article(article, MARKET).claims
    assert c.verdict == "unverifiable"


def test_a_bound_within_a_month_holds_on_some_day_of_it() -> None:
    # ^DJI closed above 50,000 on Feb. 6 and Feb. 9-12, 2026, and at 48,977.90 on Feb. 27
    text = (
        "The Dow held up best, even though it spent only a few heady days in February above "
        "50,000 before the selling found it too."
    )
    claims = at(text, datetime(2026, 4, 4, 9, 0, tzinfo=EDT))
    assert alarms(claims) == []
    assert one(claims, 50000.0).verdict == "unverifiable"


def test_room_for_cuts_in_a_projection_is_a_forecast() -> None:
    text = (
        "The Fed held its range at 5.25%-5.50% on Wednesday. The median for the end of 2024 "
        "rose to 5.1% from 4.6% in June, which leaves room for only about half a point of cuts."
    )
    claims = at(text, datetime(2023, 9, 20, 21, 40, tzinfo=EDT))
    assert alarms(claims) == []
    assert one(claims, 5.5).verdict == "supported"


def test_points_or_percent_then_lower_signs_both() -> None:
    # ^DJI 2023-09-19 close 34,517.73 -> 2023-09-20 34,440.88: -76.85 points, -0.22%
    text = (
        "The Dow Jones Industrial Average, which had been ahead by 259 points at its peak, closed "
        "76.85 points, or 0.2%, lower at 34,440.88."
    )
    claims = at(text, datetime(2023, 9, 20, 21, 40, tzinfo=EDT))
    assert [(c.verdict, c.claim.value) for c in (one(claims, -76.85), one(claims, -0.2))] == [
        ("supported", -76.85),
        ("supported", -0.2),
    ]


def test_a_day_after_a_figure_and_its_or_partner_dates_both() -> None:
    # ^GSPC 2026-03-30 close 6343.72 -> 2026-03-31 6528.52: +184.80 points, +2.91%; the
    # sentence before names "the final session", which the day in this one outranks
    text = (
        "Then the final session delivered the quarter's best. Hopes for talks sent the S&P 500 "
        "up 2.9%, or 184.80 points, on March 31."
    )
    claims = at(text, datetime(2026, 4, 4, 9, 0, tzinfo=EDT))
    assert [(c.verdict, c.claim.end) for c in (one(claims, 2.9), one(claims, 184.8))] == [
        ("supported", date(2026, 3, 31)),
        ("supported", date(2026, 3, 31)),
    ]


def test_what_small_companies_tend_to_do_is_no_forecast_of_todays_move() -> None:
    # May 9, 2022, 3:45 p.m.: ^IXIC range -4.69% to -1.27%, ^RUT -4.64% to -0.33% from May 6
    text = (
        "The Nasdaq composite has shed 4.2% and the Russell 2000, home to the small companies "
        "that tend to fall hardest when money gets tight, is down 4.1%."
    )
    claims = at(text, datetime(2022, 5, 9, 15, 45, tzinfo=EDT))
    assert [one(claims, v).verdict for v in (-4.2, -4.1)] == ["approximate", "approximate"]


def test_below_where_it_ended_a_month_runs_from_that_months_last_close() -> None:
    # ^GSPC 2023-07-31 close 4588.96 -> 2023-09-20 4402.20: -4.07%
    text = (
        "The pullback leaves the S&P 500 down 2.3% so far in September and 4.1% below where it "
        "ended July."
    )
    c = one(check(text, date(2023, 9, 20)), -4.1)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2023, 7, 31),
        date(2023, 9, 20),
    )


def test_below_where_it_ended_a_year_is_not_ended_on_the_day_a_record_was_set() -> None:
    # NVDA 2024-12-31 close 134.29 -> 2025-02-27 120.15: -10.53%; its record was Jan. 6
    text = (
        "Nvidia now trades 10.5% below where it ended 2024 and nearly 20% under its record close "
        "of $149.43, set on Jan. 6."
    )
    c = one(check(text, date(2025, 2, 27)), -10.5)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2024, 12, 31),
        date(2025, 2, 27),
    )


def test_basis_points_above_where_it_began_the_year_end_at_the_level_before_them() -> None:
    # DGS10 2025-12-31 4.18 -> 2026-03-31 4.30: +12 bp; to Friday Apr. 3 it was +17 bp
    text = (
        "The 10-year yield ended the quarter at 4.31%, about 12 basis points above where it "
        "began the year."
    )
    c = one(check(text, date(2026, 4, 4)), 12.0)
    assert (c.verdict, c.claim.end, c.computed) == ("supported", date(2026, 3, 31), 12.0)


def test_a_years_gain_that_stands_at_a_figure_is_that_years_change() -> None:
    # ^IXIC 2022-12-30 close 10466.48 -> 2023-09-20 13469.13: +28.69%
    c = one(check("The Nasdaq's 2023 gain stands at nearly 29%.", date(2023, 9, 20)), 29.0)
    assert (c.verdict, c.claim.start, c.computed) == ("supported", date(2023, 1, 1), 28.6883)


def test_a_report_ahead_next_week_is_no_forecast_of_todays_move() -> None:
    # 2024-02-14: NVDA 72.13 -> 73.90 (+2.45%), AMZN 168.64 -> 170.98 (+1.39%)
    text = "Nvidia rose 2.5% and Amazon gained 1.4% ahead of its own earnings next week."
    claims = check(text, date(2024, 2, 14))
    assert [one(claims, v).verdict for v in (2.5, 1.4)] == ["supported", "supported"]


def test_a_hotter_than_expected_report_is_no_forecast() -> None:
    # ^GSPC 2022-09-12 close 4110.41 -> 2022-09-13 3932.69: -4.32%
    text = (
        "On Sept. 13, a hotter-than-expected consumer price reading sent the S&P 500 down 4.3%, "
        "its worst day of the year."
    )
    c = one(check(text, date(2022, 12, 30)), -4.3)
    assert (c.verdict, c.claim.end) == ("supported", date(2022, 9, 13))


def test_the_current_range_in_a_sentence_about_odds_is_todays_range() -> None:
    # the target range was 5.00%-5.25% from May 4, 2023 to July 26, 2023
    text = (
        "Traders put the odds of a quarter-point increase in July at about 92%, which would lift "
        "the Fed's benchmark from its current range of 5%-5.25%."
    )
    c = one(check(text, date(2023, 6, 13)), 5.25)
    assert c.verdict == "supported"


def test_a_weekly_adjective_names_the_week_the_sentence_names() -> None:
    # ^DJI 2025-01-10 close 41938.45 -> 2025-01-17 43487.83: +3.69%; the week of Jan. 21
    # (the story's) was +1.24% by Friday
    text = (
        "Stocks extended a rebound that began last week, when the blue-chip Dow jumped 3.7%, its "
        "best weekly performance since November."
    )
    c = one(check(text, date(2025, 1, 21)), 3.7)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2025, 1, 13),
        date(2025, 1, 17),
    )


def test_an_index_named_in_a_funds_aside_is_not_the_funds_subject() -> None:
    # IJR 2023-01-13 close $101.41, +4.50% for the week from $97.04
    text = (
        "The iShares Core S&P Small-Cap ETF (IJR), the biggest fund following the S&P 600, gained "
        "4.5% for the week to $101.41."
    )
    claims = check(text, date(2023, 1, 14))
    assert [(one(claims, v).claim.ticker, one(claims, v).verdict) for v in (4.5, 101.41)] == [
        ("IJR", "supported"),
        ("IJR", "supported"),
    ]


def test_the_year_of_a_record_does_not_date_the_next_sentences_month() -> None:
    # ^RUT closed at 2,133.10 on 2022-03-29 (the November 2021 record was 2,442.74)
    text = (
        "The Russell fell 21.6% last year, and it sits roughly 23% below its November 2021 record "
        "close. It is also about 12% short of the 2,133.10 it reached in late March."
    )
    claims = check(text, date(2023, 1, 14))
    assert alarms(claims) == []
    assert one(claims, 2133.1).claim.end == date(2022, 3, 31)


# -- "..., a day after <an event>": the figure is the story's day's --------------------------
def test_a_move_a_day_after_an_event_is_the_days_move() -> None:
    # META 2024-02-01 close 394.78 -> 2024-02-02 474.99: +20.32%, +$80.21
    text = (
        "Meta Platforms stock rocketed 20.3%, or $80.21, to close at $474.99, an all-time high, a "
        "day after the company posted fourth-quarter results that beat forecasts."
    )
    claims = at(text, datetime(2024, 2, 2, 17, 0, tzinfo=EST))
    assert [(one(claims, v).verdict, one(claims, v).claim.end) for v in (20.3, 80.21)] == [
        ("supported", date(2024, 2, 2)),
        ("supported", date(2024, 2, 2)),
    ]


def test_a_move_in_a_clause_after_a_day_after_stays_undated() -> None:
    # AAPL 2023-08-03: -0.73%; "the software giant tumbled 4.1%" is another day's, undated
    text = "Apple fell 0.7% on Thursday, a day after the software giant tumbled 4.1%."
    claims = check(text, date(2023, 8, 3))
    assert one(claims, -0.7).verdict == "supported"
    assert one(claims, -4.1).verdict == "unverifiable"


# -- found in blind batches h65_-h67_ --------------------------------------------------------
def _review_of_2025(text: str) -> list[CheckedClaim]:
    """A year in review out before the first Monday open of 2026."""
    article = Article(
        id="t",
        title="2025 in the rearview: a spring crash and a summer comeback",
        text=text,
        published=datetime(2026, 1, 5, 6, 30, tzinfo=EST).astimezone(timezone.utc),
    )
    return verify_article(article, MARKET).claims


def test_a_sentence_with_no_figure_of_its_own_dates_the_next() -> None:
    # 2025-04-09: ^GSPC 4982.77 -> 5456.90 (+9.52%), ^IXIC +12.16%; April as a whole: -0.76%
    text = (
        "Stocks had a wild year.\n\n**Four days in April**\n\nThen, on April 9, came a 90-day "
        "pause on most of the new levies. The S&P 500 jumped 9.5% and the Nasdaq soared 12.2%."
    )
    claims = _review_of_2025(text)
    assert [(one(claims, v).verdict, one(claims, v).claim.end) for v in (9.5, 12.2)] == [
        ("supported", date(2025, 4, 9)),
        ("supported", date(2025, 4, 9)),
    ]


def test_began_and_ends_the_year_in_a_review_out_in_january_are_the_reviews_year() -> None:
    # DGS10 2024-12-31 4.58, 2025-12-31 4.18; the range at the end of 2025 was 3.50%-3.75%
    text = (
        "Stocks had a year to remember.\n\n**Bonds and the Fed**\n\nThe 10-year Treasury yield "
        "began the year at 4.58% and finished at 4.18%. The benchmark rate ends the year at "
        "3.50%-3.75%."
    )
    claims = _review_of_2025(text)
    assert alarms(claims) == []
    assert [(one(claims, v).verdict, one(claims, v).claim.end) for v in (4.58, 3.75)] == [
        ("supported", date(2024, 12, 31)),
        ("supported", date(2025, 12, 31)),
    ]


def test_a_count_over_a_list_of_months_spans_them_all() -> None:
    # the Fed cut on Sep. 17, Oct. 29 and Dec. 10, 2025 (one cut in the summer months to Sep. 30)
    text = (
        "After standing pat through the summer, the Federal Reserve cut three times, in "
        "September, October and December, by a quarter point each time."
    )
    c = one(_review_of_2025(text), 3.0)
    assert (c.verdict, c.claim.end) == ("supported", date(2025, 12, 31))


def test_from_a_dated_low_to_the_last_close_of_the_year() -> None:
    # ^GSPC 2025-04-08 close 4982.77 -> 2025-12-31 6845.50: +37.38%
    text = "From the April 8 low to the last close of the year, the S&P 500 rallied 37.4%."
    c = one(_review_of_2025(text), 37.4)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2025, 4, 8),
        date(2025, 12, 31),
    )


def test_a_count_since_the_cycle_began_is_not_a_straight_run() -> None:
    # cuts since September 2024: six; the straight run up to Dec. 10, 2025 is three
    text = (
        "The Fed cut by a quarter point on Wednesday. That makes it the third cut of 2025 and the "
        "sixth since the central bank began easing in September 2024."
    )
    claims = at(text, datetime(2025, 12, 10, 16, 52, tzinfo=EST))
    assert alarms(claims) == []
    assert one(claims, 6.0).verdict == "unverifiable"


def test_a_figure_in_a_when_clause_after_a_since_no_unit_names_is_not_judged() -> None:
    # ^DJI June 2023 +4.56%; November 2022 +5.67%: "showing" names no unit for "since November"
    text = (
        "The Dow Jones Industrial Average, a laggard for most of the year, rose 4.6% in June, its "
        "best showing since November, when it gained 5.7%."
    )
    claims = check(text, date(2023, 7, 2))
    assert alarms(claims) == []
    assert one(claims, 4.6).verdict == "supported"


def test_a_bare_maturity_then_and_and_a_level_of_on_another() -> None:
    # 2024-09-10: DGS2 3.68 -> 3.59 (-9 bp); DGS10 3.65
    text = (
        "Tuesday brought the biggest rally, a 9-basis-point slide in the two-year and a close of "
        "3.65% on the 10-year, its lowest since June of last year."
    )
    claims = check(text, date(2024, 9, 14))
    assert [(one(claims, v).claim.ticker, one(claims, v).verdict) for v in (-9.0, 3.65)] == [
        ("DGS2", "supported"),
        ("DGS10", "supported"),
    ]


def test_a_weekday_in_a_newsletters_name_is_the_day_it_is_sent() -> None:
    # out before Monday Aug. 12, 2024's open: DGS2 2024-08-02 3.88 -> 2024-08-09 4.05 (+17 bp
    # for the week); on the crash Monday, Aug. 5, it rose 1 bp
    article = Article(
        id="t",
        title="The Monday Open: after the crash that wasn't, an inflation week",
        text="Bonds unwound their panic too. The two-year rose 17 basis points to 4.05%.",
        published=datetime(2024, 8, 12, 8, 0, tzinfo=EDT).astimezone(timezone.utc),
    )
    claims = verify_article(article, MARKET).claims
    assert alarms(claims) == []
    assert one(claims, 4.05).claim.end == date(2024, 8, 9)


def test_bracing_for_a_first_increase_is_a_forecast() -> None:
    text = (
        "The Fed meets next week, and traders are bracing for officials to signal a first "
        "increase as soon as March."
    )
    assert alarms(check(text, date(2022, 1, 18))) == []


def test_the_years_best_day_frames_a_days_moves_not_the_years() -> None:
    # 2025-04-09: ^GSPC +9.52%, ^IXIC +12.16%; the Nasdaq's 2025 was +20.36%
    text = (
        "Then on April 9 a pause in most of the levies produced the year's best day, a 9.5% "
        "surge in the S&P 500 and a 12.2% leap in the Nasdaq."
    )
    claims = check(text, date(2025, 12, 31))
    assert [(one(claims, v).verdict, one(claims, v).claim.end) for v in (9.5, 12.2)] == [
        ("supported", date(2025, 4, 9)),
        ("supported", date(2025, 4, 9)),
    ]


def test_a_skid_and_a_slip_are_moves() -> None:
    # ^RUT 2022-06-13 -4.76%; ^GSPC 2022-06-14 -0.38%
    text = (
        "The Russell's worst was a 4.8% skid on June 13, and the S&P 500 had a 0.4% slip on "
        "June 14."
    )
    claims = check(text, date(2022, 6, 30))
    assert [one(claims, v).verdict for v in (-4.8, -0.4)] == ["supported", "supported"]


def test_a_level_written_in_points_after_to_end_at() -> None:
    # ^GSPC 2025-07-16 close 6263.70 -> 2025-07-17 6297.36 (+33.66 points); the Dow's weekly
    # loss "to 1,217.67 points" stays a change
    text = (
        "The S&P 500 gained 33.66 points, or 0.54%, to end the session at 6,297.36 points, and "
        "the Dow's weekly loss grew to 1,217.67 points."
    )
    claims = check(text, date(2025, 7, 17))
    level = one(claims, 6297.36)
    assert (level.claim.kind, level.verdict) == ("index_level", "supported")
    assert one(claims, -1217.67).claim.kind == "point_change"


def test_yr_is_a_maturity() -> None:
    # 2023-10-19: DGS2 5.19 -> 5.14 (-5 bp), DGS10 4.91 -> 4.98 (+7 bp), DGS30 5.00 -> 5.11
    text = (
        "The 2-yr yield fell 5 basis points to 5.14%, while the 10-yr yield rose 7 basis points "
        "to 4.98% and the 30-yr yield jumped 11 basis points to 5.11%."
    )
    claims = check(text, date(2023, 10, 19))
    assert [(one(claims, v).claim.ticker, one(claims, v).verdict) for v in (-5.0, 7.0, 11.0)] == [
        ("DGS2", "supported"),
        ("DGS10", "supported"),
        ("DGS30", "supported"),
    ]


# -- found in blind batches h68_-h70_ --------------------------------------------------------
def test_for_the_half_in_early_july_is_the_first_half() -> None:
    # ^GSPC 2023-12-29 close 4769.83 -> 2024-06-28 5460.48: +690.65 points, +14.48%
    text = (
        "Stocks had a strong six months. The benchmark finished Friday at 5,460.48, up 690.65 "
        "points, or 14.5%, for the half."
    )
    claims = at(text, datetime(2024, 7, 1, 6, 45, tzinfo=EDT))
    assert [(one(claims, v).verdict, one(claims, v).claim.start) for v in (690.65, 14.5)] == [
        ("supported", date(2024, 1, 1)),
        ("supported", date(2024, 1, 1)),
    ]


def test_a_pronoun_in_a_when_clause_after_a_dated_appositive() -> None:
    # ^GSPC 2024-02-21 close 4981.80 -> 2024-02-22 5087.03: +2.11%
    text = (
        "The S&P 500's best session came on Feb. 22, the day after Nvidia's fourth-quarter "
        "report, when it rose 2.1%."
    )
    c = one(check(text, date(2024, 7, 1)), 2.1)
    assert (c.claim.ticker, c.verdict, c.claim.end) == ("^GSPC", "supported", date(2024, 2, 22))


def test_a_window_after_a_semicolon_does_not_date_a_figure_before_it() -> None:
    # TSLA at 1:20 p.m. on Oct. 4, 2023: range 247.60-261.86; Tuesday Oct. 3 closed at 246.53
    text = (
        "Tesla was the standout among the megacaps, rising 5.3% to $259.60 and recovering ground "
        "lost since Monday's delivery numbers missed estimates; the electric carmaker had closed "
        "Tuesday at $251.60."
    )
    claims = at(text, datetime(2023, 10, 4, 13, 20, tzinfo=EDT))
    c = one(claims, 259.6)
    assert (c.verdict, c.claim.end) == ("approximate", date(2023, 10, 4))


def test_a_sector_of_the_sp_500_is_not_the_sp_500() -> None:
    text = "Energy was the weakest S&P 500 sector, falling about 2.8% as oil retreated."
    claims = at(text, datetime(2023, 10, 4, 13, 20, tzinfo=EDT))
    assert alarms(claims) == []
    assert all(c.claim.ticker != "^GSPC" for c in claims)


def test_an_aside_without_an_article_is_an_aside() -> None:
    # DGS2 2024-01-11 4.26 -> 2024-01-12 4.14 (-12 bp)
    text = (
        "The two-year yield, most sensitive to the outlook for Fed policy, tumbled 12 basis "
        "points to 4.14%, while the 10-year yield eased to 3.95%."
    )
    claims = check(text, date(2024, 1, 12))
    assert [one(claims, v).verdict for v in (-12.0, 4.14)] == ["supported", "supported"]


def test_the_hopes_or_bets_behind_a_move_are_no_forecast_of_it() -> None:
    # TSLA 2024-11-01 close 248.98 -> 2024-11-08 321.22: +29.01% for the week
    text = (
        "Tesla was the standout among big stocks, soaring 29% for the week on hopes that its "
        "chief executive's close ties to the president-elect will help the company."
    )
    assert one(check(text, date(2024, 11, 9)), 29.0).verdict == "supported"


def test_the_fed_held_its_target_at_a_range_is_a_fact() -> None:
    text = (
        "The central bank held its target at 4.25%-4.50% on July 30, though two governors "
        "dissented, and futures now imply about a 90% chance of a September move."
    )
    assert one(check(text, date(2025, 8, 9)), 4.5).verdict == "supported"


# -- a bound the text denies ------------------------------------------------------------------
def test_a_denied_bound_on_a_day_is_the_other_side() -> None:
    # ^GSPC 2025-12-31 close 6845.50
    claims = check("The S&P 500 failed to close above 7,000 on Wednesday.", date(2025, 12, 31))
    c = one(claims, 7000.0)
    assert (c.claim.bound, c.verdict) == ("below", "supported")
    wrong = one(check("The S&P 500 did not close above 6,800 on Wednesday.", date(2025, 12, 31)),
                6800.0)  # fmt: skip
    assert wrong.verdict == "contradicted"  # it closed at 6,845.50


def test_a_bound_denied_over_a_year_or_a_session_is_not_judged() -> None:
    # ^GSPC closed above 6,000 on many days of 2025; the VIX's Apr. 3, 2025 low was 24.93
    year = check("The S&P 500 never managed a close above 6,000 in 2025.", date(2025, 12, 31))
    session = check(
        "The VIX opened at 26.38 on Thursday, never traded below 24.93, and ended at its peak.",
        date(2025, 4, 3),
    )
    assert alarms(year + session) == []
    assert [one(year, 6000.0).verdict, one(session, 24.93).verdict] == [
        "unverifiable",
        "unverifiable",
    ]


# -- probes of shapes real coverage uses: none may raise an alarm ------------------------------
def test_futures_tied_to_an_index_are_not_the_index() -> None:
    # ^GSPC 2024-05-15: +1.17%; the futures' 0.4% is not checked against it
    claims = check("Futures tied to the S&P 500 rose 0.4% on Wednesday.", date(2024, 5, 15))
    assert alarms(claims) == []
    assert all(c.claim.ticker != "^GSPC" for c in claims)


def test_a_distance_to_a_round_number_is_not_a_level() -> None:
    # ^GSPC 2024-05-15 close 5308.15: within 2% of 5,400, about 92 points from it
    text = "The S&P 500 is within 2% of 5,400. It is about 100 points from the 5,400 mark."
    claims = check(text, date(2024, 5, 15))
    assert alarms(claims) == []
    assert [c for c in claims if c.claim.kind == "index_level"] == []


# -- found in blind batches h71_-h73_ --------------------------------------------------------
def test_n_years_ago_today_is_that_date_and_on_a_weekday_that_is_no_weekday() -> None:
    # ^GSPC 2022-10-12 close 3577.03; Wednesday Oct. 9, 2024 closed at 5,792.04
    text = (
        "Two years ago today, on a Wednesday that felt like any other bad day in a bad year, the "
        "S&P 500 closed at 3,577.03."
    )
    c = one(check(text, date(2024, 10, 12)), 3577.03)
    assert (c.verdict, c.claim.end) == ("supported", date(2022, 10, 12))


def test_a_range_raised_to_before_a_later_cut_is_the_earlier_range() -> None:
    # 5.25%-5.50% from July 2023 to Sept. 18, 2024; then 4.75%-5.00%
    text = (
        "The Fed has since raised its range to 5.25%-5.50%, held it there for more than a year, "
        "and last month cut by 50 basis points to 4.75%-5.00%."
    )
    claims = check(text, date(2024, 10, 12))
    assert alarms(claims) == []
    assert [one(claims, v).verdict for v in (5.5, 5.0)] == ["supported", "supported"]


def test_a_quarter_point_when_the_fed_met_in_march() -> None:
    # the Fed raised by 25 bp on Mar. 16, 2022, and by 50 bp on May 4, 2022
    text = (
        "That compares with 0.25%-0.50% after the March meeting, when the Fed lifted rates by a "
        "quarter point."
    )
    claims = at(text, datetime(2022, 5, 4, 15, 30, tzinfo=EDT))
    assert alarms(claims) == []
    c = one(claims, 25.0)
    assert (c.verdict, c.claim.start) == ("supported", date(2022, 3, 1))


def test_a_weekly_drop_in_a_when_clause_is_the_week_that_day_ended() -> None:
    # ^GSPC 2024-08-30 close 5648.40 -> Friday 2024-09-06 5408.42: -4.25%
    text = (
        "It was the third straight advance for the S&P 500, which has clawed back 2.7% since "
        "Friday, when it capped a 4.2% weekly drop, its worst since March 2023."
    )
    c = one(check(text, date(2024, 9, 11)), -4.2)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2024, 9, 2),
        date(2024, 9, 6),
    )


def test_to_start_the_week_is_its_first_session() -> None:
    # ^GSPC 2023-10-27 close 4117.37 -> Monday 2023-10-30 4166.82: +1.20%
    text = "Monday and Tuesday brought some relief: the S&P 500 gained 1.2% to start the week."
    c = one(check(text, date(2023, 11, 1)), 1.2)
    assert (c.verdict, c.claim.end) == ("supported", date(2023, 10, 30))


def test_a_header_over_days_still_to_come_in_a_sunday_column_dates_nothing() -> None:
    # out Sunday Jan. 29, 2023: AAPL gained 5.85% in the week to Jan. 27 (+1.48% on Thursday)
    text = (
        "Stocks rose last week.\n\n**Thursday: the giants report**\n\nApple, Amazon and Alphabet "
        "follow on Thursday. Apple gained 5.8%; analysts expect revenue of about $121 billion."
    )
    claims = at(text, datetime(2023, 1, 29, 11, 30, tzinfo=EST))
    assert alarms(claims) == []


def test_the_year_of_a_bare_date_is_a_guess_the_checker_does_not_alarm_on() -> None:
    # ^DJI 2022-09-30 close 28725.51, 21.94% below its Jan. 4, 2022 record; on Sept. 30,
    # 2024 it closed at a record
    text = (
        "The Dow Jones Industrial Average had already made its low on Sept. 30, 21.9% below its "
        "peak."
    )
    claims = check(text, date(2024, 10, 12))
    assert alarms(claims) == []


def test_the_last_time_it_fell_that_much_in_a_week_is_not_a_months_move() -> None:
    # ^GSPC March 2024 was +3.10%: the sentence is about some week, not March's change
    text = "The last time the S&P 500 fell 5% in a week was in March."
    assert alarms(check(text, date(2024, 5, 17))) == []


def test_a_rate_change_bigger_than_any_single_move_is_a_sum() -> None:
    # the Fed raised by 525 bp in all from March 2022 to July 2023; its last move was 25 bp
    text = "The Fed raised rates by 5.25 percentage points between March 2022 and July 2023."
    assert alarms(check(text, date(2024, 5, 17))) == []


def test_since_the_fed_began_raising_rates_in_a_month_is_an_event() -> None:
    # DGS10: 1.83% at the end of February 2022, 4.42% on May 17, 2024; March 2022 alone +49 bp
    text = (
        "Since the Fed began raising rates in March 2022, the 10-year yield has climbed about 2.5 "
        "percentage points."
    )
    assert alarms(check(text, date(2024, 5, 17))) == []


def test_even_after_that_slide_is_as_of_the_slides_day() -> None:
    # at 1:20 p.m. on Oct. 4, 2023: Tuesday Oct. 3 closed at 4,229.45, +10.16% for the year and
    # 7.83% below the July 31 close (4,588.96); "nearly 12%" is wrong for that day, though the
    # Wednesday session's range reached 11.17%
    text = (
        "Stocks bounced at midday.\n\nThe bounce comes after Tuesday's 1.4% drop in the S&P 500, "
        "which closed at 4,229.45.\n\nEven after that slide, the S&P 500 remained up nearly 12% "
        "since the start of January, though it has now given back 7.8% from its July 31 close."
    )
    claims = at(text, datetime(2023, 10, 4, 13, 20, tzinfo=EDT))
    assert [(one(claims, v).verdict, one(claims, v).claim.end) for v in (12.0, -7.8)] == [
        ("contradicted", date(2023, 10, 3)),
        ("supported", date(2023, 10, 3)),
    ]


# -- found in blind batches h74_-h76_ --------------------------------------------------------
def test_a_name_finnews_lacks_is_not_the_subject_before_or_after_it() -> None:
    # 2023-05-25: NVDA +24.36%, AMZN -1.50%; AMD, Taiwan Semiconductor and Intel have no data
    text = (
        "Nvidia soared 24.4% on Thursday. Advanced Micro Devices climbed 11.2%, and Taiwan "
        "Semiconductor's shares joined in. Amazon slid 1.5%, Intel, seen as a laggard in AI "
        "chips, sank about 5.5%."
    )
    claims = check(text, date(2023, 5, 25))
    assert alarms(claims) == []
    assert [one(claims, v).claim.ticker for v in (11.2, -1.5, -5.5)] == [None, "AMZN", None]


def test_a_name_that_opens_with_a_verb_owns_its_later_predicate() -> None:
    # AAPL 2024-07-17 -2.53%; Advanced Micro Devices has no data
    text = (
        "Apple slid 2.5% on Wednesday. Advanced Micro Devices warned on export rules and "
        "is down about 10% this week."
    )
    claims = check(text, date(2024, 7, 17))
    assert [(c.claim.ticker, c.verdict) for c in claims] == [
        ("AAPL", "supported"),
        (None, "unverifiable"),
    ]


def test_since_closing_above_a_mark_for_the_first_time_a_week_ago() -> None:
    # ^DJI closed at 45,014.04 on Dec. 4, 2024; on Dec. 11 it traded 44,135-44,376
    text = "The Dow has had a harder time since closing above 45,000 for the first time a week ago."
    c = one(at(text, datetime(2024, 12, 11, 12, 31, tzinfo=EST)), 45000.0)
    assert (c.verdict, c.claim.end) == ("supported", date(2024, 12, 4))


def test_a_move_told_as_a_past_days_possessive_is_that_days() -> None:
    # ^GSPC Aug. 20, 2024: -0.20%; Aug. 21: +0.42% to 5,620.85
    text = (
        "The S&P 500 rose 23.73 points, or 0.4%, to 5,620.85, recovering from Tuesday's 0.2% dip, "
        "which had snapped an eight-day winning streak."
    )
    c = one(check(text, date(2024, 8, 21)), -0.2)
    assert (c.verdict, c.claim.end) == ("supported", date(2024, 8, 20))


def test_fallen_since_after_a_dated_high_runs_from_it() -> None:
    # ^GSPC 2023-07-31 close 4588.96 -> 2023-10-20 4224.16: -7.95%
    text = "The S&P 500 set its high for the year of 4,588.96 on July 31 and has fallen 7.9% since."
    c = one(check(text, date(2023, 10, 21)), -7.9)
    assert (c.verdict, c.claim.start) == ("supported", date(2023, 7, 31))


def test_higher_than_it_was_a_year_ago_counts_from_the_last_session() -> None:
    # out Saturday Oct. 21, 2023: ^GSPC 2022-10-20 close 3665.78 -> 2023-10-20 4224.16, +15.23%
    text = "The S&P 500 is 15.2% higher than it was a year ago."
    assert one(check(text, date(2023, 10, 21)), 15.2).verdict == "supported"


def test_n_sessions_after_a_dated_event_are_counted_from_it() -> None:
    # ^GSPC 2025-04-02 close 5670.97 -> 2025-04-08 4982.77: -12.14% in four sessions
    text = (
        "After the White House unveiled sweeping import duties on April 2, the S&P 500 lost "
        "12.1% in four sessions."
    )
    c = one(check(text, date(2025, 7, 1)), -12.1)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2025, 4, 2),
        date(2025, 4, 8),
    )


def test_a_move_within_the_first_hour_is_read_against_the_session() -> None:
    # ^GSPC 2025-02-03: low 5,923.93 (-1.93% from 6,040.53), close -0.76%; the bullets' "due
    # Tuesday" is a day still to come, not the story's
    text = (
        "* China duties still due Tuesday\n\nU.S. stocks closed lower on Monday. Within the first "
        "hour the S&P 500 was down 1.9%."
    )
    claims = at(text, datetime(2025, 2, 3, 16, 44, tzinfo=EST))
    assert alarms(claims) == []
    assert one(claims, -1.9).verdict in ("supported", "approximate")


# -- found in blind batches h77_-h79_ --------------------------------------------------------
def test_a_prepositional_aside_after_the_subject_dates_nothing() -> None:
    # ^IXIC 2025-03-12 close 17648.45 -> 2025-03-13 17303.01: -1.96%; since Thursday Mar. 6: -4.2%
    text = "The Nasdaq composite, in a correction since last Thursday, sank 2% on Thursday."
    c = one(check(text, date(2025, 3, 13)), -2.0)
    assert (c.verdict, c.claim.start) == ("supported", date(2025, 3, 13))


def test_a_main_clause_after_a_leading_since_when_clause_runs_since_then() -> None:
    # ^GSPC 2024-03-28 record close 5254.35 -> 2024-04-19 4967.23: -5.46%
    text = (
        "Since March 28, when it closed at a record 5,254.35, the S&P 500 has given up 5.5%, its "
        "steepest pullback since October."
    )
    c = one(check(text, date(2024, 4, 21)), -5.5)
    assert (c.verdict, c.claim.start) == ("supported", date(2024, 3, 28))


# -- an off-hours cue belongs to its own clause -------------------------------------------------
def test_a_cue_for_another_clause_does_not_make_a_session_move_off_hours() -> None:
    # ^RUT 2023-05-01 1769.21 -> 05-02 1732.11 (-2.10%) -> 05-03 1739.28 (+0.41%)
    text = (
        "The bank's rescue deal, announced before the opening bell Monday, did little for other "
        "lenders, and the Russell 2000 slid 2.1% on Tuesday."
    )
    (c,) = check(text, date(2023, 5, 5))
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2023, 5, 2),
        date(2023, 5, 2),
    )
    slip = text.replace("Tuesday", "Wednesday")
    (c,) = check(slip, date(2023, 5, 5))
    assert c.verdict == "misdated"


def test_a_regular_session_move_after_an_after_hours_one_is_checked() -> None:
    # AMZN 2023-05-01 102.05 -> 05-02 103.63 (+1.55%)
    text = (
        "Amazon slipped 1% in after-hours trading on Tuesday, after climbing 1.5% during the "
        "regular session."
    )
    claims = check(text, date(2023, 5, 3))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (-1.0, "unverifiable"),
        (1.5, "supported"),
    ]


def test_an_opening_off_hours_phrase_covers_every_clause_after_it() -> None:
    # AAPL 2023-05-02 -> 05-03 -0.65%; AMZN +0.02%: premarket moves are not the session's
    text = "In premarket trading on Wednesday, Apple rose 1.2%, and Amazon added 0.8%."
    claims = check(text, date(2023, 5, 3))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (1.2, "unverifiable"),
        (0.8, "unverifiable"),
    ]
    assert {c.explanation for c in claims} == {
        "a move outside regular trading hours: daily closes cannot settle it"
    }


def test_a_clause_with_no_time_of_its_own_shares_the_off_hours_cue_before_it() -> None:
    # AMZN's session on 2023-05-02 was +1.55%: "dropped 2%" may be its after-hours move too
    text = "Apple fell 3% in extended trading, and Amazon dropped 2%."
    claims = check(text, date(2023, 5, 2))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (-3.0, "unverifiable"),
        (-2.0, "unverifiable"),
    ]


def test_an_evening_before_the_story_day_does_not_date_the_next_sentence() -> None:
    # GOOGL 2024-01-30 151.46 -> 01-31 140.10 (-7.50%); MSFT -2.69% on 01-31, -0.28% on 01-30
    text = (
        "Two megacaps reported results on Tuesday evening. Alphabet sank 7.5%, and Microsoft "
        "fell 2.7%."
    )
    claims = at(text, datetime(2024, 1, 31, 16, 45, tzinfo=EST))
    assert [(c.claim.value, c.verdict, c.claim.start) for c in claims] == [
        (-7.5, "supported", date(2024, 1, 31)),
        (-2.7, "supported", date(2024, 1, 31)),
    ]
    late = text.replace("on Tuesday evening", "after the bell on Tuesday")
    claims = at(late, datetime(2024, 1, 31, 16, 45, tzinfo=EST))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (-7.5, "supported"),
        (-2.7, "supported"),
    ]


# -- "the month" after a month the text names ---------------------------------------------------
def test_finishing_the_month_after_a_month_named_in_the_sentence_is_that_month() -> None:
    # ^DJI July 2025: 44094.77 -> 44130.98 (+0.08%); September 2025 was +1.87%
    text = "In July the Dow barely moved, finishing the month up less than 0.1%."
    (c,) = check(text, date(2025, 10, 1))
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2025, 7, 1),
        date(2025, 7, 31),
    )


def test_a_month_that_opens_a_figureless_sentence_dates_the_next() -> None:
    # July 2025: ^IXIC +3.70%, ^GSPC +2.17%, ^DJI +0.08%
    text = (
        "July belonged to technology. The Nasdaq climbed 3.7% and the S&P 500 2.2%, while the "
        "Dow barely moved, finishing the month up less than 0.1%."
    )
    claims = at(text, datetime(2025, 10, 1, 7, 15, tzinfo=EDT))
    assert [(c.claim.ticker, c.verdict, c.claim.start, c.claim.end) for c in claims] == [
        ("^IXIC", "supported", date(2025, 7, 1), date(2025, 7, 31)),
        ("^GSPC", "supported", date(2025, 7, 1), date(2025, 7, 31)),
        ("^DJI", "supported", date(2025, 7, 1), date(2025, 7, 31)),
    ]


# -- a bound on a distance from a peak ----------------------------------------------------------
def test_more_than_or_less_than_a_distance_from_a_peak_is_a_bound() -> None:
    # ^IXIC 2022-04-29 12334.64, 23.18% below its Nov. 19, 2021 record close of 16057.44
    day = date(2022, 4, 29)
    cases = {
        "The Nasdaq is more than 20% below its November peak.": "supported",
        "The Nasdaq is more than 25% below its November peak.": "contradicted",
        "The Nasdaq is less than 25% under its record.": "supported",
        "The Nasdaq is less than 20% under its record.": "contradicted",
    }
    got = {t: [c.verdict for c in check(t, day)] for t in cases}
    assert got == {t: [v] for t, v in cases.items()}


def test_a_date_in_an_after_phrase_is_not_shared_with_the_next_clause() -> None:
    # AMZN 2025-07-31 234.11 -> 08-01 214.75 (-8.27%); META that day -3.03%, over the third
    # quarter 738.09 -> 734.38 (-0.50%)
    text = (
        "Amazon ended the quarter little changed after an 8.3% drop on Aug. 1, and Meta "
        "Platforms slipped 0.5% despite strong results in July."
    )
    claims = check(text, date(2025, 10, 1))
    assert [(c.claim.value, c.verdict, c.claim.start, c.claim.end) for c in claims] == [
        (-8.3, "supported", date(2025, 8, 1), date(2025, 8, 1)),
        (-0.5, "supported", date(2025, 7, 1), date(2025, 9, 30)),  # the quarter the clause ended
    ]
    plain = "Amazon fell 8.3% on Aug. 1, and Meta Platforms slipped 3%."
    claims = check(plain, date(2025, 10, 1))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (-8.3, "supported"),
        (-3.0, "supported"),
    ]


def test_a_day_named_for_another_figure_does_not_date_a_record_level() -> None:
    # IJR 2025-08-29 close 118.04; its record close 127.38 came on 2024-11-25
    text = "IJR closed Friday at $118.04, 7.3% below its record of $127.38."
    claims = check(text, date(2025, 8, 31))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (118.04, "supported"),
        (-7.3, "supported"),
        (127.38, "supported"),  # the highest close up to then, whichever day it came
    ]


def test_in_the_rebound_week_is_the_week() -> None:
    # NVDA: Oct. 31 202.49 -> Nov. 28 177.00 (-12.59%); Nov. 21 178.88 -> Nov. 28 (-1.05%)
    text = "Nvidia fell 12.6% over the month and still lost 1.1% in the rebound week."
    claims = at(text, datetime(2025, 11, 30, 9, 30, tzinfo=EST))
    assert [(c.claim.value, c.verdict, c.claim.start, c.claim.end) for c in claims] == [
        (-12.6, "supported", date(2025, 11, 1), date(2025, 11, 30)),
        (-1.1, "supported", date(2025, 11, 24), date(2025, 11, 30)),  # as "for the week"
    ]


def test_higher_than_it_was_then_runs_from_the_day_the_sentence_before_named() -> None:
    # DGS2 2023-02-10 4.50, 2023-03-09 4.90, 2023-03-10 4.60: +10 bp since Feb. 10
    text = (
        "On Feb. 10 the two-year yielded 4.50%. Even after Friday's plunge, the two-year is "
        "still 10 basis points higher than it was then."
    )
    claims = at(text, datetime(2023, 3, 11, 9, 30, tzinfo=EST))
    assert [(c.claim.kind, c.verdict, c.claim.start, c.claim.end) for c in claims] == [
        ("yield_level", "supported", None, date(2023, 2, 10)),
        ("yield_change", "supported", date(2023, 2, 10), date(2023, 3, 10)),
    ]


def test_a_figureless_sentence_with_a_year_in_it_still_dates_the_next() -> None:
    # ^DJI 2022-05-17 32654.59 -> 05-18 31490.07 (-3.57%); ^GSPC -4.04% that day
    text = (
        "**4%**\n\nThe S&P 500's fall on May 18, the worst day of the year and the biggest "
        "one-day drop since June 2020. The Dow lost 3.6%."
    )
    claims = at(text, datetime(2022, 7, 2, 9, 0, tzinfo=EDT))
    dow = [c for c in claims if c.claim.ticker == "^DJI"]
    assert [(c.verdict, c.claim.start) for c in dow] == [("supported", date(2022, 5, 18))]


def test_the_last_two_weeks_of_the_quarter_end_with_the_quarter() -> None:
    # ^TNX 2022-06-30 2.972; DGS10 2022-07-01 2.88: the level is the quarter's last close
    text = "The 10-year fell in the last two weeks of the quarter, to 2.97%."
    (c,) = at(text, datetime(2022, 7, 2, 9, 0, tzinfo=EDT))
    assert (c.verdict, c.claim.end) == ("supported", date(2022, 6, 30))


def test_a_change_since_year_end_after_a_dated_close_runs_to_that_close() -> None:
    # TSLA 2023-12-29 248.48 -> 2024-06-11 170.66 (-31.32%); at midday on 06-12 it was near -28%
    text = "Tesla closed Tuesday at $170.66, down 28% since the end of 2023."
    claims = at(text, datetime(2024, 6, 12, 12, 34, tzinfo=EDT))
    assert [(c.claim.value, c.verdict, c.claim.end) for c in claims] == [
        (170.66, "supported", date(2024, 6, 11)),
        (-28.0, "contradicted", date(2024, 6, 11)),
    ]


# -- a quarter named before, and the year through a month's close ------------------------------
def test_the_three_months_after_a_quarter_named_before_are_that_quarter() -> None:
    # Q3 2024: ^GSPC 5460.48 -> 5762.48 (+5.53%), META 504.22 -> 572.44 (+13.53%); the year to
    # Sept. 30 was +20.81% (to Oct. 4, +20.57%)
    text = (
        "Monday's close also ended a third quarter in which leadership changed hands. The S&P "
        "500 rose 5.5% over the three months and closed September up 20.8% for the year. Meta "
        "Platforms finished the three months 13.5% higher."
    )
    claims = at(text, datetime(2024, 10, 5, 9, 0, tzinfo=EDT))
    assert [(c.claim.value, c.verdict, c.claim.start, c.claim.end) for c in claims] == [
        (5.5, "supported", date(2024, 7, 1), date(2024, 9, 30)),
        (20.8, "supported", date(2024, 1, 1), date(2024, 9, 30)),
        (13.5, "supported", date(2024, 7, 1), date(2024, 9, 30)),
    ]


def test_erasing_a_plunge_is_a_move_to_the_days_low() -> None:
    # ^GSPC 2022-10-12 close 3577.03, 10-13 low 3491.58 (-2.39%), close 3669.91 (+2.60%)
    text = (
        "The benchmark for turnarounds remains Oct. 13, 2022, when the S&P 500 erased a 2.4% "
        "plunge after a hot inflation report and ended 2.6% higher."
    )
    claims = check(text, date(2025, 3, 31))
    assert [(c.claim.value, c.verdict) for c in claims] == [(-2.4, "supported"), (2.6, "supported")]


def test_a_quarter_all_of_a_sentences_figures_share_dates_the_next() -> None:
    # Q3 2024: TSLA +32.22%, META +13.53%, GOOGL 182.15 -> 165.85 (-8.95%), NVDA -1.70%
    text = (
        "Tesla surged 32.2% in the quarter, and Meta Platforms finished the three months 13.5% "
        "higher. Alphabet went the other way, sliding 8.9%, and even Nvidia, the darling of the "
        "past two years, ended the quarter with a 1.7% loss."
    )
    claims = at(text, datetime(2024, 10, 5, 9, 0, tzinfo=EDT))
    assert [(c.claim.value, c.verdict, c.claim.start) for c in claims] == [
        (32.2, "supported", date(2024, 7, 1)),
        (13.5, "supported", date(2024, 7, 1)),
        (-8.9, "supported", date(2024, 7, 1)),
        (-1.7, "supported", date(2024, 7, 1)),
    ]


# -- blind batches h89_ to h91_ ------------------------------------------------------------------
def test_since_the_final_bell_of_a_year_is_since_its_last_close() -> None:
    # ^GSPC 2022-12-30 3839.50 -> 2023-09-29 4288.05 (+11.68%, +448.55 points)
    text = "The S&P 500 finished Friday at 4,288.05, up 11.7% since the final bell of 2022."
    claims = at(text, datetime(2023, 10, 1, 10, 0, tzinfo=EDT))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (4288.05, "supported"),
        (11.7, "supported"),
    ]


def test_a_month_that_holds_a_title_and_a_months_own_figure() -> None:
    # ^GSPC June 2023 +6.47%, January 2023 +6.18%
    text = (
        "At the other end of the ledger, June still holds the title for the S&P 500, a 6.5% gain "
        "that narrowly edged out January's 6.2%."
    )
    claims = check(text, date(2023, 10, 1))
    assert [(c.claim.value, c.verdict, c.claim.start) for c in claims] == [
        (6.5, "supported", date(2023, 6, 1)),
        (6.2, "supported", date(2023, 1, 1)),
    ]


def test_a_rise_after_a_beginning_and_an_end_level_spans_the_two() -> None:
    # DGS10 2022-12-30 3.88 -> 2023-09-29 4.59 (+71 bp); September alone +50 bp
    text = (
        "The 10-year yield, which began the year at 3.88%, ended September at 4.57%, a rise of "
        "roughly 70 basis points."
    )
    claims = check(text, date(2023, 10, 1))
    assert [(c.claim.kind, c.verdict) for c in claims] == [
        ("yield_level", "supported"),
        ("yield_level", "supported"),
        ("yield_change", "approximate"),
    ]
    assert claims[2].claim.start == date(2022, 12, 30)


def test_peaked_at_a_closing_record_is_no_alarm() -> None:
    # ^IXIC 2021-11-19 close 16057.44, high 16121.12
    text = (
        "The Nasdaq composite peaked at 16,057.44 on Nov. 19 and has been in a bear market since."
    )
    assert alarms(check(text, date(2022, 6, 14))) == []


def test_a_weekly_move_in_a_friday_column_whose_lede_names_thursday_is_no_alarm() -> None:
    # ^DJI week to 2023-09-22: -1.89%; Thursday 09-21 alone: -1.08%
    text = (
        "Thursday's jump in the 10-year yield to 4.49% set the tone. The Dow Jones Industrial "
        "Average gave up 1.9%."
    )
    claims = at(text, datetime(2023, 9, 22, 19, 5, tzinfo=EDT))
    assert alarms(claims) == []


def test_a_move_following_a_dated_report_is_not_the_report_days_move() -> None:
    # META 2024-07-31 +2.51% (the report came after that close), 2024-08-01 +4.82%
    text = "Meta reports on Wednesday. Following its July 31 report it rose a more modest 2.5%."
    claims = at(text, datetime(2024, 10, 27, 10, 0, tzinfo=EDT))
    assert [(c.verdict, c.claim.end) for c in claims] == [("unverifiable", date(2024, 8, 1))]


def test_a_month_and_year_that_open_a_sentence_name_the_month_after() -> None:
    # ^GSPC October 2023: 4288.05 -> 4193.80 (-2.20%); September 2024 was +2.02%
    text = "October 2023 was the opposite. The S&P 500 fell 2.2% for the month."
    (c,) = at(text, datetime(2024, 10, 5, 9, 0, tzinfo=EDT))
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2023, 10, 1),
        date(2023, 10, 31),
    )


# -- since a close the sentence before named; days given "respectively" -----------------------
def test_since_then_and_since_that_close_reach_back_to_the_day_named_before() -> None:
    # ^RUT closed at 2,442.03 on Nov. 25, 2024; to Dec. 6: -1.35%; ^DJI -0.21%
    text = (
        "The Russell 2000 ended at a record 2,442.03 on Nov. 25. Since that close it has lost "
        "1.4%. Since then the Dow has dipped 0.2%."
    )
    claims = check(text, date(2024, 12, 6))
    assert [(c.claim.value, c.claim.start, c.verdict) for c in claims] == [
        (2442.03, None, "supported"),
        (-1.4, date(2024, 11, 25), "supported"),
        (-0.2, date(2024, 11, 25), "supported"),
    ]


def test_since_its_close_of_a_level_on_a_day_is_a_change_since_that_day() -> None:
    # ^IXIC 10,305.24 on Thursday, Jan. 5, 2023 -> 12,006.95 on Feb. 3: +16.51%
    text = "Since its close of 10,305.24 on Jan. 5, the Nasdaq has climbed 16.5%."
    claims = check(text, date(2023, 2, 3))
    assert [(c.claim.start, c.verdict) for c in claims if c.claim.kind == "pct_change"] == [
        (date(2023, 1, 5), "supported")
    ]


def test_figures_and_days_given_respectively() -> None:
    # ^RUT 2024-11-06 +5.84%, 2024-11-07 -0.43%
    text = (
        "The Russell 2000 posted a 5.8% gain and a 0.4% loss on Wednesday and Thursday, "
        "respectively."
    )
    claims = check(text, date(2024, 11, 8))
    assert [(c.claim.end, c.verdict) for c in claims] == [
        (date(2024, 11, 6), "supported"),
        (date(2024, 11, 7), "supported"),
    ]


def test_a_bare_year_a_when_clause_follows_is_the_clauses_period() -> None:
    # ^IXIC 2022: -33.10%; a wrong figure there is left unsettled, not contradicted
    text = "Four weeks in, 2023 looks nothing like 2022, when the Nasdaq lost 33.1%."
    got = titled("Week ahead: the Fed slows down", text, datetime(2023, 1, 29, 9, 0, tzinfo=EST))
    assert got == [("^IXIC", "supported")]
    wrong = check(text.replace("33.1%", "28.1%"), date(2023, 1, 29))
    assert alarms(wrong) == []


# -- blind batches h188_ to h190_ --------------------------------------------------------------
def test_leaving_it_up_for_the_year_after_a_finished_quarter_is_the_year_through_it() -> None:
    # ^IXIC: Q3 2024 +2.57%; 2024 through Sep 30 +21.17%, through Oct 10 +21.79%
    text = "The Nasdaq gained 2.6% in the third quarter, leaving it up 21.2% for the year."
    year = one(check(text, date(2024, 10, 10)), 21.2)
    assert (year.claim.start, year.claim.end, year.verdict) == (
        date(2024, 1, 1),
        date(2024, 9, 30),
        "supported",
    )


def test_a_move_in_the_weeks_that_followed_names_no_period_of_its_own() -> None:
    text = (
        "Stocks closed out the half on June 30 at records, a calm end to a wild six months.\n\n"
        "Long bonds sold off as well: the 10-year yield rose some 45 basis points in the weeks "
        "that followed."
    )
    got = titled(
        "Markets at midyear: the half in review", text, datetime(2025, 7, 5, 9, tzinfo=EDT)
    )
    assert got == [("DGS10", "unverifiable")]


def test_a_distance_from_a_record_is_measured_on_the_day_told_last_before_it() -> None:
    # ^IXIC: record close 20,173.89 (Dec 16, 2024); Apr 4, 2025 15,587.79 (-5.82% on the day,
    # -22.73% from the record); Apr 8 15,267.91 (-24.32%)
    text = (
        "The Nasdaq lost 5.8% on April 4, and at the close on April 8 it was 24.3% below its "
        "Dec. 16 record close."
    )
    claims = check(text, date(2025, 7, 3))
    below = one(claims, -24.3)
    assert (below.claim.end, below.verdict) == (date(2025, 4, 8), "supported")
    assert alarms(claims) == []


def test_a_distance_from_a_record_told_at_midday_is_judged_only_outside_the_session() -> None:
    # Sep 26, 2023: ^GSPC 4,337.44 at Monday's close, 4,265.98 to 4,313.01 in the session,
    # against its Jul 31 high close of 4,588.96: from -5.48% down to -7.04%. Inside that range
    # the figure held at some moment, or at the last close: which one is not known
    noon = datetime(2023, 9, 26, 12, 35, tzinfo=EDT)
    held = at("The S&P 500 is 6.5% below its July 31 closing high of 4,588.96.", noon)
    beyond = at("The S&P 500 is 9% below its July 31 closing high of 4,588.96.", noon)
    assert [(c.claim.kind, c.verdict) for c in held] == [
        ("drawdown", "unverifiable"),
        ("index_level", "supported"),
    ]
    assert one(beyond, -9).verdict == "contradicted"


def test_a_story_out_on_a_market_holiday_reports_the_last_session() -> None:
    # Jun 18, 2025 (Juneteenth, Jun 19, was a market holiday): ^GSPC 5,982.72 -> 5,980.87
    # (-0.03%), ^RUT 2,101.96 -> 2,112.96 (+0.52%)
    text = (
        "Wall Street takes Thursday off for Juneteenth, which leaves a Fed meeting to digest.\n\n"
        "The S&P 500 slipped 0.03% to 5,980.87, and the Russell 2000 added 0.5%."
    )
    got = titled("Fed holds and stocks fade", text, datetime(2025, 6, 19, 7, 45, tzinfo=EDT))
    assert got == [("^GSPC", "supported"), ("^GSPC", "supported"), ("^RUT", "supported")]


def test_a_move_the_sentence_later_reverses_is_one_moment_of_the_session() -> None:
    # Oct 13, 2022: ^GSPC 3,577.03 -> 3,669.91 (+2.60%), its low 3,491.58 (-2.39%); ^DJI
    # 29,210.85 -> 30,038.72, its low 28,660.94 (-1.88%)
    text = (
        "The S&P 500 had dropped 2.4% soon after the open before rebounding to finish 2.6% "
        "higher. The Dow, which had sunk 1.9% before clawing its way back, ended at "
        "30,038.72."
    )
    got = at(text, datetime(2022, 10, 13, 17, 0, tzinfo=EDT))
    assert [(c.claim.value, c.verdict) for c in got] == [
        (-2.4, "supported"),  # the session's range runs from -2.39% (its low) to +3.03%
        (2.6, "supported"),
        (-1.9, "supported"),  # -1.88% (its low) to +3.28%
        (30038.72, "supported"),
    ]


def test_they_rose_respectively_in_a_clause_of_its_own_follows_the_order_named() -> None:
    # Jun 7 to Jul 7, 2023: 10-year 3.79% -> 4.06% (+27 bp), 2-year 4.56% -> 4.94% (+38 bp)
    text = (
        "Four weeks earlier, on June 7, the 10-year stood at 3.79% and the 2-year 4.56%; "
        "since then they have climbed 27 basis points and 38 basis points, respectively."
    )
    moves = [c for c in check(text, date(2023, 7, 7)) if c.claim.kind == "yield_change"]
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in moves] == [
        ("DGS10", 27, "supported"),
        ("DGS2", 38, "supported"),
    ]


def test_a_figure_told_at_which_point_after_a_high_is_the_move_to_that_high() -> None:
    # Jun 12, 2024: AAPL 207.15 -> 213.07 (+2.86%), its high 220.20 (+6.30%)
    text = (
        "Apple shares raced to a high of $220.20 in the first hour, at which point they were "
        "up 6.3%, and then cooled to end the day 2.9% higher."
    )
    got = check(text, date(2024, 6, 12))
    assert [(c.claim.kind, c.claim.field, c.claim.value, c.verdict) for c in got] == [
        ("price", "high", 220.2, "supported"),
        ("pct_change", "high", 6.3, "supported"),
        ("pct_change", "close", 2.9, "supported"),
    ]


def test_a_distance_from_a_record_in_a_leaving_clause_is_where_that_period_left_it() -> None:
    # ^IXIC record close 18,647.45 (Jul 10, 2024); Jul 31 17,599.40 (-5.62%), Sep 30
    # 18,189.17 (-2.46%), Oct 10 18,282.05 (-1.96%)
    text = (
        "The Nasdaq stumbled in July, then gained 2.6% over the third quarter, leaving it up "
        "21.2% for the year and about 2.5% below the record it set in July."
    )
    below = one(check(text, date(2024, 10, 10)), -2.5)
    assert (below.claim.end, below.verdict) == (date(2024, 9, 30), "supported")


@pytest.mark.parametrize("noun", ["loss", "slide", "drop"])
def test_a_run_of_days_told_as_an_adjective_is_those_sessions(noun: str) -> None:
    # ^IXIC Feb 20, 2025 19,962.36 -> Feb 24 19,286.93 (-3.38%, -675.43 points)
    text = f"The Nasdaq's two-day {noun} of 3.4%, or 675.43 points, was its steepest since January."
    got = at(text, datetime(2025, 2, 24, 17, 30, tzinfo=EDT))
    assert [(c.claim.start, c.claim.value, c.verdict) for c in got] == [
        (date(2025, 2, 20), -3.4, "supported"),
        (date(2025, 2, 20), -675.43, "supported"),
    ]


def test_a_quarter_told_as_an_adjective_before_a_tumble_is_that_quarter() -> None:
    # AAPL Q2 2022: 174.61 -> 136.72 (-21.70%); TSLA 359.20 -> 224.47 (-37.51%)
    text = (
        "Apple's 21.7% second-quarter tumble was mild next to Tesla's 37.5% second-quarter plunge."
    )
    got = at(text, datetime(2022, 7, 1, 17, 30, tzinfo=EDT))
    assert [(c.claim.ticker, c.claim.start, c.verdict) for c in got] == [
        ("AAPL", date(2022, 4, 1), "supported"),
        ("TSLA", date(2022, 4, 1), "supported"),
    ]


def test_an_event_after_a_later_figure_dates_that_figure_not_the_first() -> None:
    # July 2023: META 286.98 -> 318.60 (+11.02%); Jul 27, the day after results, +4.40%
    text = (
        "For the month, Meta Platforms led with a gain of 11%, including a 4.4% jump the day "
        "after its quarterly report."
    )
    got = at(text, datetime(2023, 7, 31, 17, 30, tzinfo=EDT))
    assert [(c.claim.value, c.verdict) for c in got] == [(11, "supported"), (4.4, "unverifiable")]


def test_an_event_told_beside_the_date_it_fell_on_leaves_the_figures_dated() -> None:
    # Q3 2025: ^RUT 2,175.04 -> 2,436.48 (+12.02%); Sep 18 close 2,467.70
    text = (
        "In the third quarter the Russell 2000 climbed 12%, and on Sept. 18, the day after "
        "the Fed's decision, it closed at 2,467.70."
    )
    got = at(text, datetime(2025, 9, 30, 17, 30, tzinfo=EDT))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in got] == [
        ("^RUT", 12, "supported"),
        ("^RUT", 2467.7, "supported"),
    ]


def test_a_session_counted_after_a_record_is_the_day_the_story_tells() -> None:
    # ^GSPC record close 5,864.67 on Oct 18, 2024; Oct 21 5,853.98 (-10.69, -0.18%)
    text = (
        "The S&P 500 slipped 10.69 points, or 0.2%, to 5,853.98, one session after its latest "
        "record close of 5,864.67."
    )
    got = at(text, datetime(2024, 10, 21, 17, 30, tzinfo=EDT))
    assert [(c.claim.value, c.verdict) for c in got] == [
        (-10.69, "supported"),
        (-0.2, "supported"),
        (5853.98, "supported"),
        (5864.67, "supported"),  # the highest close up to then
    ]


def test_sessions_counted_from_a_close_the_words_name_run_from_it() -> None:
    # ^GSPC Jan 10, 2025 5,827.04 -> Jan 23 6,118.71 (+5.01%): eight sessions, Jan 20 a holiday
    text = (
        "The S&P 500 closed at a record 6,118.71 on Jan. 23, capping a 5% climb over eight "
        "sessions from its Jan. 10 close."
    )
    got = check(text, date(2025, 1, 31))
    assert [(c.claim.value, c.claim.start, c.claim.end, c.verdict) for c in got] == [
        (6118.71, None, date(2025, 1, 23), "supported"),
        (5, date(2025, 1, 10), date(2025, 1, 23), "supported"),
    ]


def test_a_day_a_figure_is_compared_with_is_not_the_figures_day() -> None:
    # Jan 27, 2025: ^IXIC -3.07%, ^GSPC -1.46%; on Jan 10, ^IXIC -1.63%, ^GSPC -1.54%
    text = (
        "The Nasdaq sank 3.1%, its worst day of the month, and the S&P 500 fell 1.5%, a hair "
        "less than on Jan. 10."
    )
    got = check(text, date(2025, 1, 27))
    assert [(c.claim.ticker, c.claim.end, c.verdict) for c in got] == [
        ("^IXIC", date(2025, 1, 27), "supported"),
        ("^GSPC", date(2025, 1, 27), "supported"),
    ]


def test_a_span_between_a_date_and_a_weekdays_close_runs_between_them() -> None:
    # Feb 2 -> Feb 15, 2023 (a Wednesday): DGS2 4.09% -> 4.62% (+53 bp), DGS10 3.40% -> 3.81%
    text = (
        "Between Feb. 2, the day before January's blowout hiring report, and Wednesday's close, "
        "the 2-year yield jumped 53 basis points and the 10-year yield 41 basis points."
    )
    got = at(text, datetime(2023, 2, 16, 10, 35, tzinfo=EDT))
    assert [(c.claim.ticker, c.claim.start, c.claim.end, c.verdict) for c in got] == [
        ("DGS2", date(2023, 2, 2), date(2023, 2, 15), "supported"),
        ("DGS10", date(2023, 2, 2), date(2023, 2, 15), "supported"),
    ]


def test_a_run_a_streak_had_made_before_it_ended_stops_the_session_before() -> None:
    # Wed Nov 9, 2022: ^GSPC -2.08%; Nov 3 3,719.89 -> Nov 8 3,828.11 (+2.91%), to Nov 9 +0.77%
    text = (
        "The S&P 500 fell 2.1%, ending a winning streak that had lifted it about 2.9% since "
        "last Thursday."
    )
    got = at(text, datetime(2022, 11, 9, 17, 30, tzinfo=EDT))
    assert [(c.claim.start, c.claim.end, c.verdict) for c in got] == [
        (date(2022, 11, 9), date(2022, 11, 9), "supported"),
        (date(2022, 11, 3), date(2022, 11, 8), "supported"),
    ]


def test_a_session_begun_at_a_level_is_the_open() -> None:
    # Mar 7, 2025: ^GSPC open 5,726.01 (Mar 6 close 5,738.52)
    got = at("The S&P 500 began the session at 5,726.01.", datetime(2025, 3, 7, 15, 22, tzinfo=EDT))
    assert [(c.claim.field, c.claim.end, c.verdict) for c in got] == [
        ("open", date(2025, 3, 7), "supported")
    ]


def test_a_steepest_day_after_the_figure_is_an_event_not_its_period() -> None:
    # Mar 11, 2025 at midday: TSLA range 6.71% over the close of Mar 10 (-15.43% that Monday)
    text = "Tesla is up 4.5% after its steepest one-day loss in years on Monday."
    got = at(text, datetime(2025, 3, 11, 12, 30, tzinfo=EDT))
    assert [(c.claim.end, c.verdict) for c in got] == [(date(2025, 3, 11), "approximate")]


def test_a_period_after_a_respectively_list_is_every_figures() -> None:
    # week to Tue Dec 13, 2022 (from Dec 9): ^GSPC +2.17%, ^IXIC +2.29%, ^DJI +1.89%
    text = (
        "Tuesday's advance built on Monday's gains, leaving the S&P 500, the Nasdaq and the Dow "
        "up 2.2%, 2.3% and 1.9%, respectively, so far this week."
    )
    got = check(text, date(2022, 12, 13))
    assert [(c.claim.ticker, c.claim.start, c.verdict) for c in got] == [
        ("^GSPC", date(2022, 12, 12), "supported"),
        ("^IXIC", date(2022, 12, 12), "supported"),
        ("^DJI", date(2022, 12, 12), "supported"),
    ]


def test_a_year_ended_told_before_this_years_end_is_last_year() -> None:
    # 2025: ^GSPC 5,881.63 -> 6,845.50 (+16.39%); to Jan 9, 2026 about +1.8%
    got = titled(
        "The year that was",
        "The S&P 500 ended the year up 16.4%.",
        datetime(2026, 1, 11, 7, 30, tzinfo=timezone(timedelta(hours=-5))),
    )
    assert got == [("^GSPC", "supported")]


def test_a_fall_told_by_a_time_after_its_peak_is_measured_then() -> None:
    # TSLA record close 479.86 (Dec 17, 2024); early April 2025 closes from 239.43 (-50.1%)
    # to 282.76; on Jan 9, 2026 it was 7.3% below
    text = "Tesla had lost nearly 54% from its December 2024 peak by early April."
    got = at(text, datetime(2026, 1, 11, 7, 30, tzinfo=timezone(timedelta(hours=-5))))
    assert [(c.claim.period, c.verdict) for c in got] == [("early April", "unverifiable")]


def test_a_rate_range_a_move_started_from_is_not_the_days() -> None:
    # the range was 3.00%-3.25% from Sep 22, 2022 and 1.50%-1.75% from Jun 16
    text = (
        "The federal funds rate now sits in a range of 3%-3.25%, up from 1.5%-1.75% when the "
        "quarter began."
    )
    got = at(text, datetime(2022, 10, 3, 6, 30, tzinfo=EDT))
    assert [c.verdict for c in got] == ["supported", "unverifiable"]


def test_a_record_day_in_one_clause_does_not_date_the_next_clauses_figure() -> None:
    # Apr 8, 2025: ^RUT 1,760.71, 27.9% below its Nov 8, 2021 record close of 2,442.74; at the
    # end of 2024 it was 8.7% below
    text = (
        "The Nasdaq composite was 24.3% below the record it had set in December 2024, while the "
        "Russell 2000 was nearly 28% under its November 2021 peak."
    )
    got = check(text, date(2025, 4, 8))
    assert [(c.claim.ticker, c.claim.end) for c in got] == [
        ("^IXIC", date(2025, 4, 8)),
        ("^RUT", date(2025, 4, 8)),
    ]
    assert got[0].verdict == "supported" and not alarms(got)


def test_a_change_against_a_compared_time_is_not_that_times_move() -> None:
    # DGS10 3.88% on Dec 30, 2022, 3.81% on Jun 30, 2023; Dec 30 itself moved +5 bp
    text = "The 10-year yield slipped to 3.82%, about 6 basis points lower than at the end of 2022."
    got = check(text, date(2023, 6, 30))
    assert [c.claim.kind for c in got] == ["yield_level", "yield_change"]
    assert got[0].verdict == "supported" and not alarms(got)


def test_a_fall_told_by_a_close_named_first_ends_at_that_close() -> None:
    # ^GSPC Jul 31, 2023 4,588.96 -> Fri Oct 27 4,117.37 (-10.28%); at 2:45 p.m. on Nov 1 the
    # fall from Jul 31 was 7.5% to 8.6%
    text = (
        "By last Friday's close, the S&P 500 had fallen 10.3% from its July 31 finish of 4,588.96."
    )
    got = at(text, datetime(2023, 11, 1, 14, 45, tzinfo=EDT))
    assert [(c.claim.end, c.verdict) for c in got] == [
        (date(2023, 10, 27), "supported"),
        (date(2023, 7, 31), "supported"),
    ]


def test_basis_points_told_as_one_day_rises_are_not_the_weeks() -> None:
    # DGS10 May 20, 2025 4.48% -> May 21 4.58% (+10 bp), DGS30 4.96% -> 5.08% (+12 bp); the
    # week to May 23 was +8 bp and +15 bp
    text = (
        "Treasuries had a rough week.\n\n**How it went**\n\nWednesday's sale of 20-year bonds "
        "came at a yield of 5.047%, above where they traded before the deadline. Dealers were "
        "stuck with much of it, and the selling spread. By the close, the 10-year "
        "yield had climbed about 10 basis points and the 30-year 12 basis points, the largest "
        "one-day rises since April."
    )
    got = titled("Bonds: the week ahead", text, datetime(2025, 5, 25, 9, 0, tzinfo=EDT))
    assert [t for t, _ in got] == ["DGS10", "DGS30"]
    assert {v for _, v in got} <= {"supported", "unverifiable"}


def test_a_run_of_sessions_after_a_told_day_is_not_counted_back_from_the_last_close() -> None:
    # ^GSPC Sep 30, 2022 3,585.62 -> Oct 4 3,790.93 (+5.73%); the two sessions to Nov 1 differ
    text = (
        "The S&P 500 rose 2.6% on Oct. 3 and kept going the next day, for a two-day gain of 5.7%."
    )
    got = check(text, date(2022, 11, 2))
    assert [c.verdict for c in got] == ["supported", "unverifiable"]


def test_a_day_told_before_a_move_noun_is_that_day() -> None:
    # ^GSPC Oct 4, 2022: +3.06%; October 2022 was +7.99%
    got = check("The S&P 500's Oct. 4 advance of 3.1% is still its best day.", date(2022, 11, 2))
    assert [(c.claim.end, c.verdict) for c in got] == [(date(2022, 10, 4), "supported")]


def test_a_figure_told_at_the_bottom_of_a_slide_has_no_day() -> None:
    text = (
        "The slide stopped short of a correction, but at the bottom the S&P 500 was down 7.3% "
        "for the year."
    )
    got = at(text, datetime(2026, 7, 4, 9, 0, tzinfo=EDT))
    assert [c.verdict for c in got] == ["unverifiable"]


def test_a_fall_after_than_another_index_is_not_that_index() -> None:
    text = (
        "The Russell 2000 had a rough spring. Its slide was deeper than the S&P 500's: 11.2% "
        "from a Jan. 22 high to a March 30 low."
    )
    assert alarms(at(text, datetime(2026, 7, 4, 9, 0, tzinfo=EDT))) == []


def test_a_year_to_date_told_at_a_days_close_and_the_index_set_against_it() -> None:
    # Dec 31, 2024 -> Oct 28, 2025: MSFT 421.50 -> 542.07 (+28.60%), ^NDX 21012.2 -> 26012.2
    # (+23.80%); to Nov 7 they were +17.87% and +19.3%
    text = (
        "At the Oct. 28 close, Microsoft stood 28.6% higher for the year, nearly 5 points "
        "better than the Nasdaq-100's 23.8%."
    )
    claims = check(text, date(2025, 11, 7))
    assert [(c.claim.ticker, c.claim.end, c.verdict) for c in claims] == [
        ("MSFT", date(2025, 10, 28), "supported"),
        ("^NDX", date(2025, 10, 28), "supported"),
    ]


def test_where_a_stock_stands_after_a_day_is_not_that_days_move() -> None:
    # ^NDX on Friday, Nov 7, 2025: -0.28%; for 2025 through that day +19.3%
    text = (
        "The Nasdaq-100 slipped again this week. After Friday it is up 19.3%, and the S&P 500 "
        "is up 14.4%."
    )
    claims = check(text, date(2025, 11, 7))
    assert alarms(claims) == []
    assert [c.verdict for c in claims if c.claim.ticker == "^NDX"] == ["unverifiable"]


def test_a_rise_told_up_to_a_peak_the_text_does_not_date_abstains() -> None:
    # MSFT: Apr 8, 2025 close 354.56; record close 542.07 on Oct 28 (+52.9%); Nov 7: 496.82
    peak = "From its April 8 close of $354.56 to its October peak, Microsoft climbed about 53%."
    (c,) = [c for c in check(peak, date(2025, 11, 7)) if c.claim.kind == "pct_change"]
    assert c.verdict == "unverifiable"
    assert c.explanation == "a change up to a peak or trough whose day the text does not give"
    now = "From its April 8 close of $354.56, Microsoft has climbed about 40%."
    (c,) = [c for c in check(now, date(2025, 11, 7)) if c.claim.kind == "pct_change"]
    assert c.verdict == "supported"


def test_a_threshold_counted_over_sessions_is_not_a_move() -> None:
    text = "The S&P 500 has closed up or down at least 1% on 55 sessions this year."
    assert [c.claim.kind for c in check(text, date(2025, 12, 26))] == []


def test_a_day_a_first_crossing_is_told_on_dates_the_level_after_it() -> None:
    # ^GSPC first closed above 6,000 on Nov 11, 2024, at 6,001.35
    text = "The S&P 500 first closed above 6,000 on Nov. 11, at 6,001.35, and has slipped since."
    c = one(check(text, date(2024, 11, 20)), 6001.35)
    assert (c.claim.period, c.verdict) == ("on Nov. 11", "supported")


def test_a_week_in_a_but_clause_with_no_figure_is_not_the_figures() -> None:
    # AAPL on Friday, Mar 14, 2025: +1.82%; for the week -10.7%
    text = "Stocks bounced on Friday. Apple rose 1.8% but closed the week sharply lower."
    c = one(at(text, datetime(2025, 3, 14, 17, 0, tzinfo=EDT)), 1.8)
    assert (c.claim.ticker, c.verdict) == ("AAPL", "supported")


def test_a_day_inside_a_what_it_made_clause_does_not_date_the_rest() -> None:
    # week to Feb 28, 2025: ^DJI +0.95% (Friday +1.39%), ^GSPC -0.98%, ^IXIC -3.47%
    text = (
        "For the week, the Dow kept less than what it made on Friday alone, while the "
        "S&P 500 lost 1% and the Nasdaq gave up 3.5%."
    )
    claims = at(text, datetime(2025, 2, 28, 17, 0, tzinfo=EDT))
    assert [(c.claim.ticker, c.claim.period, c.verdict) for c in claims] == [
        ("^GSPC", "For the week", "supported"),
        ("^IXIC", "For the week", "supported"),
    ]
