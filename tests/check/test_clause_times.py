"""Which clause a time expression belongs to, from shapes met in blind batches h102_ to
h106_ (a year review with one week left, a Fed-day story, a Friday wrap, a week-ahead
column): a day inside "before slipping again on Friday" dates the slip, not the figure before
it; "the week before" is a week; "Oct. 27" after "through" is a day, not October. Each
passage is our own; values are computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tests.check.passages import EDT, alarms, at, check, one

EST = timezone(timedelta(hours=-5))


def test_a_day_inside_a_following_before_clause_dates_that_clause() -> None:
    # ^GSPC 2024-03-14 -0.29%, 2024-03-15 -0.65%
    text = "On Thursday the S&P 500 lost 0.29% before slipping again on Friday."
    claims = check(text, date(2024, 3, 17))
    assert [(c.claim.end, c.verdict) for c in claims] == [(date(2024, 3, 14), "supported")]


def test_a_day_inside_a_following_after_clause_does_not_date_the_figure() -> None:
    # NVDA 2025-03-19 +1.81%, 2025-03-18 -3.43%: the recovery is the day's, the slide Tuesday's
    text = "Nvidia recovered 1.8% after sliding during Tuesday's keynote at its conference."
    claims = check(text, date(2025, 3, 19))
    assert [(c.claim.end, c.verdict) for c in claims] == [(date(2025, 3, 19), "supported")]


def test_the_week_before_is_the_week_before_this_one() -> None:
    # ^GSPC week to 2024-08-16 +3.93%; 2024-08-23 (a Friday) +1.15% on the day
    text = (
        "Friday's gains gave the major indexes a second straight winning week, following "
        "the S&P 500's 3.9% surge the week before."
    )
    claims = check(text, date(2024, 8, 23))
    assert [(c.claim.start, c.claim.end, c.verdict) for c in claims] == [
        (date(2024, 8, 12), date(2024, 8, 16), "supported")
    ]


def test_through_a_day_of_a_month_is_that_day_and_the_rebound_runs_from_it_to_now() -> None:
    # ^GSPC 2023-07-31 4,588.96 -> 2023-10-27 4,117.37 (-10.28%) -> 2023-12-22 4,754.63 (+15.48%)
    text = (
        "From its July 31 high, the S&P 500 lost 10.3% through Oct. 27, a textbook "
        "correction, before rebounding 15.5% to where it stands now."
    )
    claims = check(text, date(2023, 12, 23))
    assert [(c.claim.value, c.claim.start, c.claim.end, c.verdict) for c in claims] == [
        (-10.3, date(2023, 7, 31), date(2023, 10, 27), "supported"),
        (15.5, date(2023, 10, 27), date(2023, 12, 23), "supported"),
    ]


def test_a_day_opening_the_sentence_bounds_its_year_and_since_runs_from_it() -> None:
    # ^RUT to 2023-10-27: -7.06% for the year; 2023-10-27 -> 2023-12-22: +24.25%
    text = "On Oct. 27 the Russell 2000 was down 7.1% for the year; it has since rallied 24.3%."
    claims = check(text, date(2023, 12, 23))
    assert [(c.claim.value, c.claim.end, c.verdict) for c in claims] == [
        (-7.1, date(2023, 10, 27), "supported"),
        (24.3, date(2023, 12, 23), "supported"),
    ]


def test_a_present_tense_clause_after_a_dated_one_is_now() -> None:
    # ^GSPC 2025-02-19 6,144.15 -> 2025-03-13 5,521.52 (-10.13%) -> 2025-03-19 (+2.78%);
    # for the year to 2025-03-19 -3.51% (to 2025-03-13 it was -6.12%)
    text = (
        "The S&P 500 finished last Thursday 10.1% below its Feb. 19 record, and although it "
        "has since rebounded 2.8%, it remains down 3.5% for the year."
    )
    claims = check(text, date(2025, 3, 19))
    assert alarms(claims) == []
    assert [(c.claim.value, c.verdict) for c in claims if c.claim.value in (2.8, -3.5)] == [
        (2.8, "supported"),
        (-3.5, "supported"),
    ]


def test_a_year_in_an_earlier_clause_does_not_date_a_present_tense_distance() -> None:
    # ^IXIC 2023-12-22 14,992.97, 6.63% under its 2021-11-19 record close of 16,057.44
    text = (
        "The Nasdaq is up 43.2% for the year, more than making up for its slide in 2022, "
        "yet it still sits 6.6% under its November 2021 peak."
    )
    claims = check(text, date(2023, 12, 23))
    assert [(c.claim.kind, c.claim.end, c.verdict) for c in claims] == [
        ("pct_change", date(2023, 12, 23), "supported"),
        ("drawdown", date(2023, 12, 22), "supported"),
    ]


def test_now_on_a_weekend_is_the_last_close() -> None:
    # ^RUT 2023-12-22 (Friday) closed at 2,033.96
    text = "The Russell 2000 now stands at 2,033.96."
    claims = check(text, date(2023, 12, 23))
    assert [(c.claim.end, c.verdict) for c in claims] == [(date(2023, 12, 22), "supported")]


def test_as_low_as_at_the_close_is_a_close() -> None:
    # ^VIX 2025-02-14: close 14.77, low 14.74
    text = "The VIX had fallen as low as 14.77 at the close on Feb. 14."
    claims = check(text, date(2025, 2, 28))
    assert [(c.claim.field, c.verdict) for c in claims] == [("close", "supported")]


def test_its_best_month_since_a_year_is_that_month_and_a_gapped_figure_shares_it() -> None:
    # September 2024: ^GSPC 5,648.40 -> 5,762.48 (+2.02%), ^IXIC 17,713.6 -> 18,189.2 (+2.68%)
    text = "The S&P 500 rose 2%, its best September since 2019, and the Nasdaq 2.7%."
    claims = check(text, date(2024, 10, 1))
    assert [(c.claim.ticker, c.claim.start, c.claim.end, c.verdict) for c in claims] == [
        ("^GSPC", date(2024, 9, 1), date(2024, 9, 30), "supported"),
        ("^IXIC", date(2024, 9, 1), date(2024, 9, 30), "supported"),
    ]


def test_since_the_year_began_is_the_year_to_date_not_the_week_named_before() -> None:
    # 10-year: DGS10 4.58% (2024-12-31) -> 4.61% (2025-01-17): +3 bp; the week: -16 bp
    text = (
        "For all of this week's drama, the 10-year has moved just 3 basis points higher since "
        "the year began."
    )
    claims = check(text, date(2025, 1, 18))
    assert [(c.claim.start, c.verdict) for c in claims] == [(date(2025, 1, 1), "supported")]


def test_the_last_n_sessions_skip_a_market_holiday() -> None:
    # Jan. 20, 2025 (King Day) was shut: the three sessions to Tuesday Jan. 21 start from the
    # Jan. 15 close. AAPL 237.87 -> 222.64: -6.40%; from Jan. 16 (228.26) it would be -2.46%
    text = "Apple has lost 6.4% over the last three sessions."
    claims = check(text, date(2025, 1, 21))
    assert [(c.claim.start, c.verdict, c.computed) for c in claims] == [
        (date(2025, 1, 15), "supported", -6.4027)
    ]


def test_a_change_on_entering_a_day_takes_the_base_the_sentence_names_elsewhere() -> None:
    # AAPL for the year through Thursday May 2, 2024: 192.53 -> 173.03, -10.13% (that day: +2.20%)
    text = (
        "Apple is still in the red for the year, down about 5% since Dec. 31 after entering "
        "Friday off more than 10%."
    )
    claims = check(text, date(2024, 5, 3))
    c = one(claims, -10.0)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2023, 12, 31),
        date(2024, 5, 2),
        "supported",
    )


def test_a_change_on_entering_a_day_with_no_base_is_not_that_days_move() -> None:
    # ^GSPC on Thursday May 2, 2024: +0.91%; for the year through it: +6.17%
    text = "The S&P 500 entered Friday up 6.2%."
    c = one(check(text, date(2024, 5, 3)), 6.2)
    assert c.verdict == "unverifiable"


def test_last_and_a_month_is_the_latest_such_month_and_a_later_one_is_last_years() -> None:
    # the Fed cut by 50 bp on Sept. 18, 2024 (and by 25 bp on Dec. 18, 2024)
    text = (
        "The Fed left rates alone again. The Fed's easing began last September with a "
        "half-point cut."
    )
    claims = check(text, date(2025, 7, 30))
    assert [(c.claim.kind, c.claim.value, c.verdict) for c in claims] == [
        ("rate_change", -50.0, "supported")
    ]
    # ^RUT April 2025: 2,011.91 -> 1,964.12, -2.38% (April 2024: -7.09%)
    text = "The Russell 2000 lost 2.4% last April."
    c = one(check(text, date(2025, 7, 30)), -2.4)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2025, 4, 1),
        date(2025, 4, 30),
        "supported",
    )


def test_a_month_of_last_year() -> None:
    # ^GSPC March 2025: 5,954.50 -> 5,611.85, -5.75% (March 2026 is not the one meant)
    text = "The S&P 500 fell 5.8% in March of last year, its worst month since 2022."
    c = one(check(text, date(2026, 4, 15)), -5.8)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2025, 3, 1),
        date(2025, 3, 31),
        "supported",
    )


def test_the_month_move_names_its_own_month_after_a_passage_about_another() -> None:
    # the Fed's range: 0%-0.25% until March 16, 2022; 4.75%-5% from March 22, 2023;
    # 5%-5.25% from May 3, 2023
    text = (
        "The pause ended a run of hikes that began in March of last year, when the Fed lifted "
        "its rate off zero. The May hike by the Fed took the range up a quarter point from "
        "4.75%-5%."
    )
    claims = check(text, date(2023, 6, 14))
    c = one(claims, 5.0)
    assert (c.claim.kind, c.claim.end, c.verdict) == ("rate_level", date(2023, 5, 31), "supported")


def test_a_day_inside_an_after_clause_dates_that_event_not_the_next_clauses_figure() -> None:
    # JPM in August 2023: 157.96 -> 146.33, -7.36%; on Aug. 7: +0.47%
    text = (
        "Lenders had a rough month. Regional banks slid after a ratings agency downgraded "
        "several of them on Aug. 7, and JPMorgan Chase lost 7.4%."
    )
    c = one(check(text, date(2023, 9, 1)), -7.4)
    assert c.verdict == "unverifiable"
    # the day of the story itself is the day of its moves
    # ^GSPC 2023-08-02: -1.38%
    text = (
        "Stocks slid after Fitch cut the U.S. credit rating late on Tuesday, and the S&P 500 "
        "lost 1.4% on Wednesday."
    )
    c = one(check(text, date(2023, 8, 2)), -1.4)
    assert c.verdict == "supported"


# -- a change measured from the low of a named period ----------------------------------------
# Oct. 2023: ^GSPC lowest close 4,117.37 (Oct. 27, low 4,103.78); ^RUT 1,636.94 (Oct. 27);
# Dec. 8, 2023 closes: ^GSPC 4,604.37 (+11.83% from that close), ^RUT 1,880.82 (+14.90%)
def test_a_rally_since_the_low_of_a_named_period_is_measured_from_its_lowest_close() -> None:
    text = (
        "Since the late-October low, the S&P 500 has climbed nearly 12%. The Russell 2000 is "
        "up about 15% from its October low."
    )
    claims = check(text, date(2023, 12, 8))
    assert [(c.claim.ticker, c.verdict, c.computed) for c in claims] == [
        ("^GSPC", "supported", 11.8279),
        ("^RUT", "supported", 14.8985),
    ]


def test_a_wrong_rally_from_a_named_low_is_contradicted_and_from_an_unnamed_low_unread() -> None:
    text = "The S&P 500 has rallied 15.2% since its October low."
    (c,) = check(text, date(2023, 12, 8))
    assert (c.verdict, c.computed) == ("contradicted", 11.8279)
    text = "The S&P 500 has rallied 15.2% from its low."
    (c,) = check(text, date(2023, 12, 8))
    assert c.verdict == "unverifiable"


def test_since_the_start_of_a_year_and_from_their_dated_close() -> None:
    # META 2023-12-29 353.96 -> 2024-02-02 474.99: +34.19%; in 2023: +194.13%
    text = "Meta rose 194% in 2023, and it is up about 35% since the start of 2024."
    claims = check(text, date(2024, 2, 2))
    assert [(c.claim.start, c.verdict) for c in claims] == [
        (date(2023, 1, 1), "supported"),
        (date(2024, 1, 1), "approximate"),  # 34.19% is "about 35%", not 35%
    ]
    # JPM 2023-10-27 close 135.69 -> 2024-01-12 169.05: +24.59%
    text = "JPMorgan shares are up 24.6% from their Oct. 27 close."
    (c,) = check(text, date(2024, 1, 12))
    assert (c.claim.start, c.verdict) == (date(2023, 10, 27), "supported")


def test_a_figure_called_its_worst_day_is_a_days_move_within_the_month_named() -> None:
    # JPM April 2024: -4.27% for the month; its worst session, Apr. 12: -6.47%
    text = (
        "In April, JPMorgan sank 6.5% after its forecast disappointed, its worst day of the year."
    )
    (c,) = check(text, date(2024, 10, 11))
    assert (c.verdict, c.computed) == ("supported", -6.4678)


def test_a_weekly_advance_capped_on_a_named_friday_is_that_fridays_week() -> None:
    # TSLA week to Friday 2025-12-05: 430.17 -> 455.00, +5.77% (told on Monday Dec. 8)
    text = "Tesla finished Friday at $455.00, capping a 5.8% weekly advance."
    claims = check(text, date(2025, 12, 8))
    assert [(c.claim.end, c.verdict) for c in claims] == [
        (date(2025, 12, 5), "supported"),
        (date(2025, 12, 5), "supported"),
    ]


def test_measured_from_its_close_of_a_price_on_a_date() -> None:
    # META 2022-11-03 close 88.91 -> 2024-02-02 474.99: +434.24%
    text = "Measured from its close of $88.91 on Nov. 3, 2022, Meta has gained some 434%."
    claims = check(text, date(2024, 2, 2))
    assert [(c.claim.kind, c.claim.start, c.claim.end, c.verdict) for c in claims] == [
        ("price", None, date(2022, 11, 3), "supported"),
        ("pct_change", date(2022, 11, 3), date(2024, 2, 2), "supported"),
    ]


def test_a_range_the_rate_sits_in_now_is_not_the_month_a_sentence_before_named() -> None:
    # the Fed cut on Sept. 18 (to 4.75%-5%), Nov. 7 (4.5%-4.75%) and Dec. 18, 2024 (4.25%-4.5%)
    text = (
        "The Fed began lowering rates in September with a half-point cut. After three cuts, "
        "the federal funds rate sits in a range of 4.25%-4.50%."
    )
    claims = check(text, date(2025, 1, 2))
    c = one(claims, 4.5)
    assert (c.claim.end, c.verdict) == (date(2025, 1, 2), "supported")


def test_a_range_forecasters_pencil_in_is_a_forecast() -> None:
    text = "Some economists are now penciling in a range of 5.50%-5.75% for the Fed's last hike."
    (c,) = check(text, date(2023, 3, 7))
    assert c.verdict == "unverifiable"


def test_the_strongest_week_ended_a_day_when_is_that_week() -> None:
    # ^GSPC week to 2023-06-16: 4,298.86 -> 4,409.59, +2.58%; on June 16 itself: -0.37%
    text = "Its best stretch was the strongest week ended June 16, when the S&P 500 gained 2.6%."
    (c,) = check(text, date(2023, 7, 5))
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2023, 6, 12),
        date(2023, 6, 16),
        "supported",
    )


def test_a_move_since_the_opening_bell_is_not_read_from_the_last_close() -> None:
    # ^GSPC 2024-02-22: open 5,038.83, which was its low; from the Feb. 21 close: +2.11%
    text = "The S&P 500 opened at 5,038.83 and has tacked on roughly 0.8% since the bell."
    claims = check(text, date(2024, 2, 22))
    assert [c.verdict for c in claims] == ["supported", "unverifiable"]


def test_a_compared_figure_after_a_second_year_takes_that_year() -> None:
    # ^GSPC 2023: +24.23%; 2024: 4,769.83 -> 5,881.63, +23.31%
    text = (
        "In 2023 small caps rose 15% while the S&P 500 jumped 24.2%, and in 2024 it was 10% "
        "against 23.3%."
    )
    c = one(check(text, date(2025, 10, 15)), 23.3)
    assert (c.claim.start, c.verdict) == (date(2024, 1, 1), "supported")


def test_a_change_from_a_months_end_stops_where_the_sentence_finished_the_next_month() -> None:
    # ^VIX 2025-02-28 close 19.63 -> 2025-03-31 22.28: +2.65 points (to Apr. 1: 21.77)
    text = "The VIX finished March at 22.28, up 2.65 points from the end of February."
    claims = check(text, date(2025, 4, 2))
    assert [(c.claim.end, c.verdict) for c in claims] == [
        (date(2025, 3, 31), "supported"),
        (date(2025, 3, 31), "supported"),
    ]


def test_a_stocks_rise_since_the_markets_named_low_is_from_that_day() -> None:
    # NVDA 2022-10-12 close 11.50 (the S&P 500's lowest close of October 2022) -> 2025-10-13
    # 188.32: +1537.57%; from Nvidia's own lowest October close (11.23, Oct 14): +1576.94%
    text = "Nvidia has risen 1,538% since the October 2022 low."
    (c,) = check(text, date(2025, 10, 13))
    assert (c.verdict, c.computed) == ("supported", 1537.5652)
    # "its" low is Nvidia's own, but writers date a stock's low by the market's (blind batch
    # h177_): a figure that holds only from the market's low day abstains
    text = "Nvidia has risen 1,538% since its October 2022 low."
    (c,) = check(text, date(2025, 10, 13))
    assert c.verdict == "unverifiable"
    text = "Nvidia has risen 1,900% since its October 2022 low."
    (c,) = check(text, date(2025, 10, 13))
    assert c.verdict == "contradicted"


# shapes from blind batches h134_ to h136_ (an AP Friday, a Meta plunge, a Fed cut day, a
# November recap, an 11:30 a.m. rally update)


def test_a_level_first_reached_a_week_earlier_names_no_day_to_check() -> None:
    # a week before the Friday story (May 17: ^DJI 40,003.59) or before Thursday (May 16:
    # 39,869.38, below)? the text does not say
    text = "The blue-chip average had closed above 40,000 for the first time a week earlier."
    (c,) = check(text, date(2024, 5, 24))
    assert c.verdict == "unverifiable"


def test_a_days_loss_of_dollars_a_share_is_a_move_not_a_price() -> None:
    # META 2022-10-26 $129.82 -> 2022-10-27 $97.94: -$31.88
    text = "Thursday's loss of $31.88 a share was the worst in dollar terms for Meta in years."
    c = one(check(text, date(2022, 10, 27)), -31.88)
    assert (c.claim.kind, c.verdict) == ("point_change", "supported")


def test_higher_than_it_was_at_a_weekdays_close_runs_from_that_close() -> None:
    # DGS10 2024-11-05 4.26% -> 2024-11-07 4.31%: +5 bp
    text = "The 10-year yield is still about 5 basis points higher than it was at Tuesday's close."
    c = one(check(text, date(2024, 11, 7)), 5.0)
    assert (c.claim.start, c.verdict) == (date(2024, 11, 5), "supported")


def test_a_gain_at_the_sessions_morning_high_is_measured_at_the_high() -> None:
    # ^GSPC 2025-11-20: high 6,770.35 vs the 6,642.16 close before (+1.93%), close -1.56%
    text = "On Nov. 20 the S&P 500 was up 1.9% at its morning high, then closed down 1.6%."
    claims = check(text, date(2025, 12, 1))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (1.9, "supported"),
        (-1.6, "supported"),
    ]


def test_a_participles_day_belongs_to_the_aside_not_the_clause() -> None:
    # 11:30 a.m. on 2022-10-17: AAPL's range that session +1.37% to +3.27% (Friday: -3.22%)
    text = "Apple, battered on Friday, has climbed 2.4% this morning."
    c = one(at(text, datetime(2022, 10, 17, 11, 30, tzinfo=EDT)), 2.4)
    assert (c.claim.end, c.verdict) == (date(2022, 10, 17), "approximate")


# blind batches h137_ to h139_ (a 12:45 p.m. tech slide, a 2022 scorecard, a July 2022 hike
# day, a third-quarter 2025 review)


def test_a_move_with_no_time_in_a_story_of_a_longer_period_may_be_the_days() -> None:
    # NVDA 2023-06-14 +4.83% (+194% for the year): the sentence names no time of its own
    text = "The S&P 500 is up 13.9% this year. Nvidia gained 4.8% to a record."
    c = one(check(text, date(2023, 6, 14)), 4.8)
    assert c.verdict == "supported"
    assert "read for the day of publication" in c.explanation


def test_a_day_named_after_a_semicolon_is_the_next_clauses() -> None:
    # GOOGL 2025-09-03 +9.14%; the 37.9% (the third quarter's) is not that day's
    text = "Alphabet climbed 37.9%; its best single day was Sept. 3, a 9.1% jump."
    claims = check(text, date(2025, 10, 2))
    assert [c.claim.end == date(2025, 9, 3) for c in claims] == [False, True]
    assert [c.verdict for c in claims if c.verdict in ("contradicted", "misdated")] == []


def test_three_months_through_a_day_the_sentence_ends_on() -> None:
    # ^IXIC 2025-06-30 -> 2025-09-30: +11.24%
    text = "The Nasdaq ended Tuesday, the last session of September, up 11.2% for the three months."
    c = one(check(text, date(2025, 10, 2)), 11.2)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2025, 6, 30),
        date(2025, 9, 30),
        "supported",
    )


def test_a_record_day_beside_a_move_dates_the_record_not_the_move() -> None:
    text = "Meta was the laggard, down 0.5% and well below its Aug. 12 record close."
    c = one(check(text, date(2025, 10, 2)), -0.5)
    assert c.claim.end != date(2025, 8, 12)


def test_a_helped_by_phrase_dates_its_own_news() -> None:
    # 3:00 p.m. on a Fed day: the results came late Tuesday; the 1.4% is the afternoon's
    text = (
        "Stocks rose early, helped by strong results from Microsoft late Tuesday, and the "
        "S&P 500 was up about 1.4% after the statement."
    )
    claims = at(text, datetime(2022, 7, 27, 15, 0, tzinfo=EDT))
    assert [c.verdict for c in claims if c.claim.value == 1.4] == ["unverifiable"]


def test_a_sectors_figure_is_not_the_index_it_belongs_to() -> None:
    # (^GSPC on 2025-11-04: -1.17%)
    text = "Most of the S&P 500's sectors were in the red, with information technology off 2.1%."
    assert [c.claim.ticker for c in check(text, date(2025, 11, 4))] == []


def test_dated_ends_after_another_figure_are_that_figures() -> None:
    # 12:45 p.m. 2025-11-04: META's session range -1.83% to +0.63%; the 15.2% is Oct. 29-Nov. 3
    text = (
        "Meta fell 1.3%, extending a slide that had erased 15.2% of its value between its "
        "Oct. 29 close and Monday."
    )
    c = one(at(text, datetime(2025, 11, 4, 12, 45, tzinfo=EDT)), -1.3)
    assert (c.claim.end, c.verdict) == (date(2025, 11, 4), "approximate")


def test_a_year_entered_with_a_rate_is_the_rate_at_the_years_start() -> None:
    # the fed funds target on Dec. 31, 2021: 0%-0.25%
    text = "The Fed entered 2022 with its benchmark rate in a range of 0%-0.25%."
    (c,) = check(text, date(2023, 1, 2))
    assert (c.claim.end, c.verdict) == (date(2021, 12, 31), "supported")


def test_a_move_too_big_for_a_day_with_no_time_may_be_the_years() -> None:
    # ^IXIC 2023: +43.42% (Dec 29 is the year's last session); a wrong figure still abstains
    claims = check(
        "The Nasdaq composite soared 43.4%, its best year since 2020.", date(2023, 12, 29)
    )
    assert [(c.verdict, "read for the year to date" in c.explanation) for c in claims] == [
        ("supported", True)
    ]
    (wrong,) = check("The Nasdaq composite soared 40.1%.", date(2023, 12, 29))
    assert wrong.verdict == "unverifiable"


def test_a_figure_a_day_after_which_is_the_session_before_the_one_told_of() -> None:
    # ^GSPC 2025-10-13 +1.56% (the story is of Oct. 14); a wrong figure there only abstains
    text = "The S&P 500 slipped 0.3% to 6,644.31, a day after jumping 1.6%."
    c = one(check(text, date(2025, 10, 14)), 1.6)
    assert (c.claim.end, c.verdict) == (date(2025, 10, 13), "supported")
    wrong = one(check(text.replace("1.6%", "2.4%"), date(2025, 10, 14)), 2.4)
    assert wrong.verdict == "unverifiable"
    assert wrong.explanation.startswith("the date is counted back within the sentence")


def test_an_after_clause_that_names_its_own_day_keeps_it() -> None:
    # ^IXIC 2025-04-07 +0.10%, 2025-04-08 -2.15%: the clause says Monday, not "a day before"
    text = "The Nasdaq surged 12.2% on Wednesday, a day after it had lost 2.1% on Monday."
    c = one(check(text, date(2025, 4, 9)), -2.1)
    assert c.claim.end == date(2025, 4, 7)


# blind batches h140_ to h142_ (an Nvidia day-after, a week-ahead column, a first-half review)


def test_a_figure_that_holds_for_the_half_just_ended_abstains() -> None:
    # out on July 1, 2024: GOOGL first half +30.40%, July 1 +0.46%
    (c,) = check("Alphabet gained 30.4%.", date(2024, 7, 1))
    assert c.verdict == "unverifiable"
    assert "the previous half" in c.explanation


def test_a_level_the_weekday_before_is_told_from_no_day_we_know() -> None:
    # ^VIX 2025-11-07 19.08: "the Friday before" which Friday?
    text = "The VIX finished the week at 19.83, up from 19.08 the Friday before."
    c = one(check(text, date(2025, 11, 16)), 19.08)
    assert c.verdict == "unverifiable"


def test_a_dollar_figure_is_no_index_level() -> None:
    text = "The Nasdaq rose 26% this year, and the Nasdaq's record close of $148.88 came Nov. 7."
    assert [c.claim.value for c in check(text, date(2024, 11, 21))] == [26.0]


def test_a_bound_since_a_milestone_was_first_passed_is_the_milestones() -> None:
    # ^DJI 2024-07-01 39,169.52: the 40,000 milestone was first passed on May 17
    text = "The Dow has drifted lower since it first closed above 40,000."
    (c,) = check(text, date(2024, 7, 1))
    assert c.verdict == "unverifiable"


def test_the_week_finished_after_a_named_day_is_that_days_week() -> None:
    # ^IXIC 2023-03-09 -2.05%; week to 2023-03-10 (from the Mar 3 close) -4.71%
    text = (
        "The Nasdaq composite slid 2.1% on March 9 and ended the week down 4.7%, its worst "
        "week since December."
    )
    c = one(check(text, date(2023, 4, 1)), -4.7)
    assert (c.claim.end, c.verdict) == (date(2023, 3, 10), "supported")


def test_sessions_after_a_named_day_are_counted_back_from_it() -> None:
    # DGS10 2023-03-13 -15 bp on the day; 2023-03-08 3.98% -> 2023-03-13 3.55%: -43 bp
    text = (
        "The 10-year yield fell 15 basis points on Monday, March 13, leaving it 43 basis points "
        "lower in three trading days."
    )
    c = one(check(text, date(2023, 3, 31)), -43.0)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2023, 3, 8),
        date(2023, 3, 13),
        "supported",
    )


def test_sessions_through_a_day_long_before_end_on_it() -> None:
    # ^RUT 2024-07-10 2,051.75 -> 2024-07-16 2,263.67: +10.33%, read mid-August
    text = (
        "The Russell 2000 jumped 10.3% in the four sessions through July 16, when it ended at "
        "2,263.67."
    )
    c = at(text, datetime(2024, 8, 15, 14, 5, tzinfo=EDT))
    hit = one(c, 10.3)
    assert (hit.claim.start, hit.claim.end, hit.verdict) == (
        date(2024, 7, 10),
        date(2024, 7, 16),
        "supported",
    )


def test_finished_the_month_runs_to_the_months_end_not_the_day_before_it() -> None:
    # ^IXIC July 2024 (Jun 28 17,732.60 -> Jul 31 17,599.40): -0.75%
    text = (
        "Small caps soared 10.3% in the four sessions through July 16, when the Russell 2000 "
        "closed at 2,263.67, and the Nasdaq finished the month down 0.8%."
    )
    c = one(check(text, date(2024, 8, 15)), -0.8)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2024, 7, 1),
        date(2024, 7, 31),
        "supported",
    )


@pytest.mark.parametrize(
    "text",
    [  # META 2025-03-17 -> 03-18: -3.73%; for 2025 through Mar 18: -0.54%
        "Stocks fell on Tuesday. Meta sank 3.7% and turned negative for 2025.",
        "Stocks fell on Tuesday. Meta sank 3.7% and became the last of the group to go "
        "negative for 2025.",
    ],
)
def test_a_clause_that_turns_negative_for_a_period_keeps_that_period(text: str) -> None:
    claims = check(text, date(2025, 3, 18))
    assert [(c.claim.value, c.claim.period, c.verdict) for c in claims] == [
        (-3.7, "on Tuesday", "supported")
    ]


def test_a_level_a_month_ago_is_not_the_day_named_before_it() -> None:
    # DGS10: 4.23% on 2025-08-29, 4.22% on 08-28, 4.34% on 07-29 and 4.37% on 07-31 (month
    # end): "a month ago" is a day counted back, either of the last two, never Thursday
    text = (
        "The 10-year yield finished at 4.23%, a touch higher than late Thursday but down "
        "from 4.37% a month ago."
    )
    claims = check(text, date(2025, 8, 29))
    assert [(c.claim.value, c.claim.end, c.verdict) for c in claims] == [
        (4.23, date(2025, 8, 29), "supported"),
        (4.37, date(2025, 7, 29), "unverifiable"),
    ]
    text = "The 10-year yield finished at 4.23%, down from 4.7% a month ago."
    wrong = check(text, date(2025, 8, 29))
    assert [c.verdict for c in wrong] == ["supported", "unverifiable"]


def test_a_figure_in_an_as_clause_shares_the_day_of_the_clause_before() -> None:
    # ^IXIC closed at 17,019.88 on Tuesday 2024-05-28; NVDA rose 6.98% that day
    text = "The Nasdaq closed above 17,000 for the first time on Tuesday, as Nvidia surged 7%."
    claims = check(text, date(2024, 6, 2))
    assert [(c.claim.ticker, c.claim.end, c.verdict) for c in claims] == [
        ("^IXIC", date(2024, 5, 28), "supported"),
        ("NVDA", date(2024, 5, 28), "supported"),
    ]


def test_a_change_from_two_weeks_earlier_runs_from_then() -> None:
    # ^VIX: 30.75 on 2022-03-11, 20.81 on 2022-03-25 (-32.33%)
    text = "The VIX closed Friday at 20.81, down 32% from two weeks earlier."
    claims = check(text, date(2022, 3, 26))
    assert [(c.claim.value, c.claim.start, c.verdict) for c in claims] == [
        (20.81, None, "supported"),
        (-32.0, date(2022, 3, 11), "supported"),
    ]


def test_a_distance_from_the_record_on_the_day_a_sentence_opens_with() -> None:
    # ^RUT closed at 1,636.94 on 2023-10-27, 32.99% below its 2,442.74 record (Nov 8, 2021)
    text = (
        "The Russell 2000 bottomed on Oct. 27 at 1,636.94, its weakest close since November "
        "2020 and about 33% below its record."
    )
    claims = check(text, date(2023, 12, 28))
    assert [(c.claim.value, c.claim.end, c.verdict) for c in claims] == [
        (1636.94, date(2023, 10, 27), "supported"),
        (-33.0, date(2023, 10, 27), "supported"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "For the year, the Nasdaq composite stood 17.4% higher at Wednesday's close.",
        "The Nasdaq composite was up 17.4% for the year as of Wednesday's close.",
    ],
)
def test_a_year_to_date_figure_told_at_a_days_close_runs_through_that_day(text: str) -> None:
    # ^IXIC 2024-12-31 19,310.79 -> Wed 2025-10-15 22,670.08 (+17.40%); that day +0.66%
    claims = at(text, datetime(2025, 10, 17, 12, 30, tzinfo=EDT))
    c = one(claims, 17.4)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2025, 1, 1),
        date(2025, 10, 15),
        "supported",
    )


def test_a_month_named_before_a_when_clause_dates_the_figure_in_it() -> None:
    # ^IXIC November 2023: 12,851.24 -> 14,226.22 (+10.70%), its best month of 2023
    text = (
        "The Nasdaq's high point was November, when it climbed 10.7%, its strongest month "
        "in more than three years."
    )
    c = one(check(text, date(2024, 1, 3)), 10.7)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2023, 11, 1),
        date(2023, 11, 30),
        "supported",
    )


def test_a_time_that_dates_part_of_a_figure_does_not_date_the_next_clause() -> None:
    # Q3 2025: NVDA +18.10% (September alone +7.12%), META -0.50%
    text = "Nvidia posted an 18.1% quarterly gain, most of it in September, and Meta slipped 0.5%."
    claims = check(text, date(2025, 10, 3))
    assert alarms(claims) == []
    assert [(c.claim.ticker, c.verdict) for c in claims] == [
        ("NVDA", "supported"),
        ("META", "supported"),
    ]


def test_the_weekday_close_after_a_named_date_on_that_weekday_is_that_date() -> None:
    # out Sunday Nov. 5, 2023: ^GSPC closed Friday Oct. 27 at 4,117.37 (Friday Nov. 3: 4,358.34);
    # on its own, "on Friday" is still the last Friday
    text = (
        "From Oct. 11 through Oct. 27 the S&P 500 slid nearly 6%, and the Friday close of "
        "4,117.37 was its lowest since May."
    )
    claims = check(text, date(2023, 11, 5))
    levels = [c for c in claims if c.claim.kind == "index_level"]
    assert [(c.claim.end, c.verdict) for c in levels] == [(date(2023, 10, 27), "supported")]
    later = check("The S&P 500 finished at 4,358.34 on Friday.", date(2023, 11, 5))
    assert [(c.claim.end, c.verdict) for c in later] == [(date(2023, 11, 3), "supported")]


def test_a_move_then_after_a_day_a_clause_named_runs_from_that_day() -> None:
    # GOOGL closed Feb. 2, 2026 at a record 343.69; Mar. 31 287.56 (-16.33%), Apr. 2 295.77
    # (-13.94%); Feb. 2's own move +1.68%
    out = date(2026, 4, 2)
    text = "Alphabet set a closing record on Feb. 2 and then lost 16% by the end of March."
    assert [(c.claim.start, c.claim.end, c.verdict) for c in check(text, out)] == [
        (date(2026, 2, 2), date(2026, 3, 31), "supported")
    ]
    now = "Alphabet set a closing record on Feb. 2, then gave back 13.9%."
    assert [(c.claim.start, c.claim.end, c.verdict) for c in check(now, out)] == [
        (date(2026, 2, 2), date(2026, 4, 2), "supported")
    ]
    same_day = "On Feb. 2 Alphabet then added 1.7%."
    assert [(c.claim.end, c.verdict) for c in check(same_day, out)] == [
        (date(2026, 2, 2), "supported")
    ]


def test_a_level_then_reached_after_a_clause_about_the_day_before_is_not_that_days() -> None:
    # written at 12:31 on May 11, 2022: ^GSPC opened at 3,990.08 and touched 4,049.09 (the
    # session's high); Tuesday May 10 closed at 4,001.05
    text = (
        "The S&P 500 opened at 3,990.08, a touch below where it settled on Tuesday, then climbed "
        "as high as 4,049.09 before fading."
    )
    claims = at(text, datetime(2022, 5, 11, 12, 31, tzinfo=EDT))
    assert alarms(claims) == []
    assert [c.claim.end for c in claims] == [date(2022, 5, 11), date(2022, 5, 11)]


def test_a_run_of_sessions_told_in_the_pluperfect_ended_the_session_before() -> None:
    # ^GSPC rose four sessions in a row to Feb. 2, 2022 (4,326.51 on Jan. 27 -> 4,589.38,
    # +6.08%), then fell 2.44% on Feb. 3
    text = (
        "The S&P 500, which had climbed 6.1% over four straight winning sessions, dropped "
        "2.4% on Thursday."
    )
    claims = check(text, date(2022, 2, 3))
    assert [(c.claim.start, c.claim.end, c.verdict) for c in claims] == [
        (date(2022, 1, 27), date(2022, 2, 2), "supported"),
        (date(2022, 2, 3), date(2022, 2, 3), "supported"),
    ]


def test_a_move_then_with_its_own_period_keeps_it() -> None:
    # NVDA record close Aug. 31, 2023; September 2023 alone -11.87%; ^RUT July 2024: five
    # sessions through Tuesday July 16 +11.5% (had run up, with its own end)
    text = (
        "A blowout forecast pushed Nvidia to a record close on Aug. 31, and it then fell 11.9% "
        "in September alone."
    )
    got = check(text, date(2023, 10, 2))
    assert [(c.claim.start, c.claim.end, c.verdict) for c in got] == [
        (date(2023, 9, 1), date(2023, 9, 30), "supported")
    ]
    run = "By Tuesday's close the Russell 2000 had surged 11.5% in five sessions."
    assert [(c.claim.end, c.verdict) for c in check(run, date(2024, 7, 17))] == [
        (date(2024, 7, 16), "supported")
    ]


def test_a_move_at_its_worst_is_the_sessions_extreme_not_its_close() -> None:
    # ^DJI Sept. 19, 2023: from 34,624.30, low 34,311.69 (-312.61), close 34,517.73 (-106.57)
    text = "At its worst the Dow was off 313 points; it ended the day with a loss of 107 points."
    claims = at(text, datetime(2023, 9, 19, 16, 41, tzinfo=EDT))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (-313.0, "supported"),
        (-107.0, "supported"),
    ]
    # ^DJI Feb. 24, 2022: from 33,131.76, low 32,272.64 (-859.12), close +92.07
    aside = "The Dow, which at its worst was off 859 points, squeezed out a small gain."
    got = at(aside, datetime(2022, 2, 24, 16, 30, tzinfo=EST))
    assert [(c.claim.value, c.verdict) for c in got] == [(-859.0, "supported")]


def test_since_last_weekdays_close_said_the_next_day_may_be_the_week_before() -> None:
    # Friday Apr. 5, 2024: ^DJI from Thursday Mar. 28 (39,807.37) -2.27%, from Thursday Apr. 4
    # +0.80%; a figure true for either reading is no alarm
    for figure in ("down 2.3%", "up 0.8%"):
        text = f"The Dow, {figure} since last Thursday's close, had a rough week."
        assert alarms(check(text, date(2024, 4, 5))) == []
    wrong = "The Dow, down 4.3% since last Thursday's close, had a rough week."
    assert [c.verdict for c in check(wrong, date(2024, 4, 5))] == ["contradicted"]


def test_a_figure_through_the_last_close_told_during_the_session_holds() -> None:
    # NVDA: 134.29 on Dec. 31, 2024, 160.00 at the Jul. 8, 2025 close (+19.15% for the year);
    # at midday on Jul. 9 the stock traded between 161.16 and 164.42
    text = "Nvidia came into the day up 19.1% for the year."
    got = at(text, datetime(2025, 7, 9, 12, 30, tzinfo=EDT))
    assert [(c.claim.value, c.verdict) for c in got] == [(19.1, "supported")]


def test_a_period_figure_at_that_point_runs_to_the_day_named_before() -> None:
    # ^GSPC record close 6,144.15 on Feb. 19, 2025: +4.46% for 2025 from 5,881.63 (by Feb. 28,
    # +1.24%); Aug. 18, 2023 close 4,369.71, -4.78% for August from 4,588.96 (by Aug. 31, -1.77%)
    text = (
        "The top came on Wednesday, Feb. 19, when the S&P 500 closed at a record 6,144.15. "
        "At that point the index was up 4.5% for the year."
    )
    got = [(c.claim.end, c.verdict) for c in check(text, date(2025, 3, 2))]
    assert got == [(date(2025, 2, 19), "supported"), (date(2025, 2, 19), "supported")]
    same = (
        "The S&P 500 fell on Friday, Aug. 18, for a third straight week, which left it down "
        "4.8% for the month at that point."
    )
    got = [(c.claim.end, c.verdict) for c in check(same, date(2023, 9, 1))]
    assert got == [(date(2023, 8, 18), "supported")]


def test_a_distance_from_a_record_in_a_clause_a_day_opens_is_that_days() -> None:
    # ^GSPC Oct. 12, 2022 close 3,577.03: -25.43% from the Jan. 3 record close of 4,796.56
    text = (
        "The selling went on for three more sessions, and on Oct. 12 the S&P 500 finished "
        "at 3,577.03, 25.4% below its Jan. 3 record."
    )
    got = [(c.claim.kind, c.claim.end, c.verdict) for c in check(text, date(2022, 11, 1))]
    assert got == [
        ("index_level", date(2022, 10, 12), "supported"),
        ("drawdown", date(2022, 10, 12), "supported"),
    ]


def test_a_distance_from_where_it_stood_on_a_named_day_is_the_move_since() -> None:
    # to Oct. 31, 2023: ^RUT 2,003.18 on Jul. 31 -> 1,662.28 (-17.02%); ^GSPC 4,588.96 ->
    # 4,193.80 (-8.61%); the 10-year 3.88% at the end of 2022 -> 4.88% (+100 bp, FRED)
    day = date(2023, 10, 31)
    text = (
        "The Russell 2000 fell 6.9% in October, which leaves it 17% below where it stood at "
        "the end of July. The S&P 500 is now 8.6% lower than where it closed on July 31."
    )
    got = [(c.claim.kind, c.claim.start, c.claim.end, c.verdict) for c in check(text, day)]
    assert got == [
        ("pct_change", date(2023, 10, 1), date(2023, 10, 31), "supported"),
        ("pct_change", date(2023, 7, 31), date(2023, 10, 31), "supported"),
        ("pct_change", date(2023, 7, 31), date(2023, 10, 31), "supported"),
    ]
    bonds = (
        "The 10-year yield ended the month at 4.88%, 100 basis points above where it began the "
        "year."
    )
    got = [(c.claim.kind, c.verdict) for c in check(bonds, day)]
    assert got == [("yield_level", "supported"), ("yield_change", "supported")]
    wrong = "The Russell 2000 is now 27% below where it stood at the end of July."
    assert [c.verdict for c in check(wrong, day)] == ["contradicted"]


def test_a_with_clause_after_a_present_tense_clause_is_now() -> None:
    # out Sunday Jan. 26, 2025; its story's day is Wednesday Jan. 22: ^IXIC closed Jan. 24 at
    # 19,954.30, -1.09% from its Dec. 16 record close of 20,173.89 (Jan. 22: -0.82%)
    text = (
        "Stocks rallied on Wednesday as the chip trade came back.\n\nThe Nasdaq has gained 3.3% "
        "this year, with the tech-heavy index about 1.1% below its Dec. 16 closing high."
    )
    got = at(text, datetime(2025, 1, 26, 7, 30, tzinfo=EST))
    assert [(c.claim.kind, c.claim.end, c.verdict) for c in got][-1] == (
        "drawdown",
        date(2025, 1, 24),
        "supported",
    )


def test_a_figure_after_a_possessive_days_move_in_a_later_clause_is_not_that_days() -> None:
    # ^GSPC Jul. 14, 2026: +0.38% at the close, +0.56% at its high; Jul. 13 -0.13%
    text = (
        "The S&P 500 rose 0.4%, recovering part of Monday's drop, after swinging on both sides "
        "of unchanged early and climbing as much as 0.6% by midafternoon."
    )
    got = at(text, datetime(2026, 7, 14, 16, 52, tzinfo=EDT))
    assert alarms(got) == []
    assert [c.claim.end for c in got] == [date(2026, 7, 14), date(2026, 7, 14)]
    # (but a "when" clause after the day's move is that day's: ^IXIC -4.2% on Friday Jun. 5)
    when = "The losses add to Friday's rout, when the Nasdaq tumbled 4.2%."
    got = check(when, date(2026, 6, 9))
    assert [(c.claim.end, c.verdict) for c in got] == [(date(2026, 6, 5), "supported")]


def test_as_many_as_points_is_the_move_to_the_sessions_extreme() -> None:
    # ^DJI Jun. 12, 2024: from 38,747.42, high 39,120.26 (+372.84), close 38,712.21 (-35.21)
    text = (
        "The Dow, up as many as 373 points at one stage, drifted lower and finished down 35.21 "
        "points."
    )
    got = at(text, datetime(2024, 6, 12, 17, 0, tzinfo=EDT))
    assert [(c.claim.value, c.verdict) for c in got] == [
        (373.0, "supported"),
        (-35.21, "supported"),
    ]


def test_a_weekly_advance_that_one_day_accounts_for_is_the_weeks() -> None:
    # META week to Feb. 2, 2024: 394.14 -> 474.99 (+20.51%); Feb. 2 alone +20.32%
    text = "That one day accounts for almost all of Meta's 20.5% weekly advance."
    assert [c.verdict for c in check(text, date(2024, 2, 3))] == ["supported"]


def test_blind_h243_to_h246_shapes() -> None:
    # AMZN May 1, 2025 190.20 -> Jul. 31 234.11 (+23.09%); ^GSPC Nov. 25, 2024 5,987.37, its
    # Nov. 11 record close 6,001.35 (-0.23%); ^RUT Oct. 12, 2022 (the S&P 500's low day)
    # 1,687.76 -> Aug. 14, 2026 3,068.42 (+81.80%; from its own Oct. 14 low, +82.38%)
    amzn = (
        "Amazon had climbed about 23% between its May 1 close, the evening it posted results, "
        "and Thursday."
    )
    assert [c.verdict for c in check(amzn, date(2025, 8, 2))] == ["supported"]
    shy = "The S&P 500 closed at 5,987.37, about 0.2% shy of the 6,001.35 record it set on Nov. 11."
    got = [(c.claim.kind, c.verdict) for c in check(shy, date(2024, 11, 25))]
    assert got == [
        ("index_level", "supported"),
        ("drawdown", "supported"),
        ("index_level", "supported"),
    ]
    low = "From the October 2022 low the Russell 2000 has gained 81.8%."
    assert [c.verdict for c in check(low, date(2026, 8, 14))] == ["supported"]
    run = (
        "Measured over the whole run, the Nasdaq-100 remains ahead of the Russell 2000 by 97 "
        "percentage points."
    )
    assert alarms(check(run, date(2026, 8, 14))) == []


def test_a_participle_aside_with_a_year_does_not_date_the_move() -> None:
    # 2023: ^IXIC +43.42%, ^NDX +53.81%; 2022: -33.10%, -32.97%
    text = (
        "Stocks had a year to remember.\n\nTechnology led.\n\nThe Nasdaq composite, crushed "
        "in 2022, jumped 43.4%, and the Nasdaq-100 soared 53.8%."
    )
    got = at(text, datetime(2024, 1, 6, 8, 30, tzinfo=EST), "2023 in the rearview: a big year")
    assert [c.verdict for c in got] == ["supported", "supported"]


def test_a_quarter_that_opens_the_sentence_dates_its_when_clause() -> None:
    # ^GSPC Q4 2023: 4,288.05 -> 4,769.83 (+11.24%)
    text = "The fourth quarter, when the S&P 500 gained 11.2%, was the index's strongest of 2023."
    assert [c.verdict for c in check(text, date(2024, 1, 6))] == ["supported"]


def test_a_move_in_a_which_clause_takes_the_main_clauses_day() -> None:
    # Tuesday Jan. 2, 2024: ^IXIC -245.41 points; AAPL 192.53 -> 185.64 (-3.58%)
    text = (
        "Stocks had a year to remember.\n\nThen January arrived.\n\nThe Nasdaq composite "
        "opened the year with a 245.41-point slide on Tuesday, led by Apple, which lost 3.6% "
        "after a Barclays downgrade, and it fell again on Wednesday."
    )
    got = at(text, datetime(2024, 1, 6, 8, 30, tzinfo=EST), "2023 in the rearview: a big year")
    assert [(c.claim.end, c.verdict) for c in got] == [
        (date(2024, 1, 2), "supported"),
        (date(2024, 1, 2), "supported"),
    ]
