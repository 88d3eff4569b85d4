"""Spans and marks told in passing, from shapes met in blind batches h158_ to h166_ (a
Dow milestone story, a bond-market story, a close on a volatile day, a results morning, a
megacap column, a half-year review, a quarter review, a two-index scorecard). Each passage
is our own; values are computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime

from tests.check.passages import EDT, alarms, at, check, one, titled


def test_a_bare_since_before_a_comma_runs_from_the_day_told_before() -> None:
    # ^DJI 2023-10-27 32417.59 -> 2024-01-19 37863.80: +16.80%
    text = (
        "On Oct. 27, the Dow closed at 32,417.59. It has climbed 16.8% since, helped by "
        "falling bond yields."
    )
    c = one(check(text, date(2024, 1, 19)), 16.8)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2023, 10, 27),
        date(2024, 1, 19),
    )


def test_from_there_to_a_day_runs_from_the_day_told_before_to_that_one() -> None:
    # ^DJI 2023-12-13 37090.24 -> 2024-01-19 37863.80: +2.09%
    text = "The Dow first closed above 37,000 on Dec. 13. From there to Friday, it added 2.1%."
    c = one(check(text, date(2024, 1, 22)), 2.1)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2023, 12, 13),
        date(2024, 1, 19),
    )


def test_a_time_that_names_a_meeting_does_not_date_the_next_sentence() -> None:
    # ^DJI 2024-05-22 -0.51%; in late April (Apr 19 to Apr 30) it fell 0.45%
    text = (
        "Stocks slipped on Wednesday after minutes from the Fed's late-April meeting "
        "sounded hawkish. The Dow fell 0.5%."
    )
    c = one(at(text, datetime(2024, 5, 23, 7, 45, tzinfo=EDT)), -0.5)
    assert (c.verdict, c.claim.end) == ("supported", date(2024, 5, 22))


def test_off_its_best_close_is_a_distance_from_the_record() -> None:
    # ^DJI 2025-10-16 45952.24, record close 46758.28 (Oct 3): -1.72%
    c = one(check("The Dow is 1.7% off its best close.", date(2025, 10, 16)), -1.7)
    assert (c.claim.kind, c.verdict) == ("drawdown", "supported")


def test_the_second_of_two_compared_figures_shares_the_period() -> None:
    # 2024 through Jan 19: ^RUT -4.08%, ^GSPC +1.47%, ^IXIC +2.00%
    text = (
        "The Russell 2000 is down 4.1% in 2024, compared with gains of 1.5% for the S&P 500 "
        "and 2% for the Nasdaq."
    )
    claims = check(text, date(2024, 1, 19))
    assert [(c.claim.ticker, c.claim.start, c.verdict) for c in claims] == [
        ("^RUT", date(2024, 1, 1), "supported"),
        ("^GSPC", date(2024, 1, 1), "supported"),
        ("^IXIC", date(2024, 1, 1), "supported"),
    ]


def test_the_30_year_bond_as_the_subject_of_a_move_is_its_yield() -> None:
    # DGS30 2023-10-16 4.87 -> 10-17 4.94
    text = "Shorter maturities led, while the 30-year bond lagged, adding 7 basis points to 4.94%."
    claims = check(text, date(2023, 10, 17))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("DGS30", 7.0, "supported"),
        ("DGS30", 4.94, "supported"),
    ]


def test_a_level_reached_in_a_month_held_on_some_day_of_it() -> None:
    # DGS2 in March 2023: 5.05% on Mar 8, 4.06% on Mar 31; never above 5.05%
    true = check("The 2-year yield fell to 3.82%, down from 5.05% in March.", date(2023, 4, 6))
    assert [(c.claim.value, c.verdict) for c in true] == [(3.82, "supported"), (5.05, "supported")]
    wrong = check("The 2-year yield fell to 3.82%, down from 5.35% in March.", date(2023, 4, 6))
    assert alarms(wrong) == []
    assert one(wrong, 5.35).verdict == "unverifiable"


def test_where_it_began_a_period_is_a_change_since_that_period_began() -> None:
    # ^IXIC 2023-12-29 15011.35 -> 2024-07-05 18352.76: +22.26%; the week: +2.65%
    text = "The Nasdaq ended the week well above where it began January, up 22.3%."
    c = one(check(text, date(2024, 7, 5)), 22.3)
    assert (c.verdict, c.claim.start) == ("supported", date(2024, 1, 1))


def test_a_participle_after_topped_the_index_belongs_to_the_subject_before() -> None:
    # H1 2023: META +138.47%, ^GSPC +15.91%
    text = "Meta Platforms topped the S&P 500, surging 138.5% in the first half."
    c = one(check(text, date(2023, 7, 6)), 138.5)
    assert (c.claim.ticker, c.verdict) == ("META", "supported")


def test_six_months_in_a_review_out_after_the_half_is_the_half() -> None:
    # AAPL 2022-12-30 129.93 -> 2023-06-30 193.97: +49.29%; to Jul 6 (191.81) it was +47.63%
    text = (
        "The S&P 500 ended the first half of 2023 up 15.9%.\n\nApple climbed 49.3% in six months."
    )
    got = titled(
        "First half: the rally nobody expected", text, datetime(2023, 7, 6, 18, 0, tzinfo=EDT)
    )
    assert got == [("^GSPC", "supported"), ("AAPL", "supported")]


def test_since_a_month_out_after_the_quarter_may_run_from_its_end_to_the_quarters() -> None:
    # DGS10 2022-12-30 3.88 -> 2023-06-30 3.81 (-7 bp); from Nov 30 to Jul 6 +37 bp
    text = "The 10-year yield finished the half at 3.81%, down 7 basis points since December."
    claims = at(text, datetime(2023, 7, 6, 18, 0, tzinfo=EDT))
    assert alarms(claims) == []
    assert one(claims, -7.0).verdict == "unverifiable"


def test_a_span_leading_the_sentence_before_a_colon_is_its_period() -> None:
    # 2023-06-26 -> 2026-06-26: ^NDX +98.23%, ^GSPC +69.89%; 2025: ^NDX +20.17%, ^GSPC +16.39%
    years = check(
        "Three years: the Nasdaq-100 gained 98.2% and the S&P 500 69.9%.", date(2026, 6, 26)
    )
    assert [(c.claim.start, c.verdict) for c in years] == [(date(2023, 6, 26), "supported")] * 2
    one_year = check("2025: Nasdaq-100 up 20.2%, S&P 500 up 16.4%.", date(2026, 6, 26))
    assert [(c.claim.start, c.verdict) for c in one_year] == [(date(2025, 1, 1), "supported")] * 2


def test_the_final_three_months_of_last_year_is_its_fourth_quarter() -> None:
    # ^GSPC 2023-09-29 4288.05 -> 2023-12-29 4769.83: +11.24%
    text = "That followed an 11.2% gain for the S&P 500 in the final three months of last year."
    c = one(check(text, date(2024, 4, 1)), 11.2)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2023, 10, 1),
        date(2023, 12, 31),
    )


def test_measured_from_a_day_runs_from_that_day() -> None:
    # ^IXIC 2022-01-03 -> 2025-06-27: +28.05%
    text = "Measured from Jan. 3, 2022, the Nasdaq composite is up 28%."
    c = one(check(text, date(2025, 6, 27)), 28.0)
    assert (c.verdict, c.claim.start) == ("supported", date(2022, 1, 3))


def test_a_long_run_gain_read_for_the_week_a_column_reports_abstains() -> None:
    # week of 2025-06-23: ^GSPC +3.44%, ^NDX far less than 98%
    text = "The S&P 500 rose 3.4% this week.\n\nThe Nasdaq-100 gained 98%."
    got = titled("The week: records again", text, datetime(2025, 6, 27, 17, 0, tzinfo=EDT))
    assert got == [("^GSPC", "supported"), ("^NDX", "unverifiable")]


def test_a_second_figure_with_its_own_base_does_not_borrow_the_first_ones_day() -> None:
    # ^RUT 2023-05-04 1718.81 -> 2023-06-07 1888.45: +9.87%; 1,649.84 was its 2022-06-16 close
    text = (
        "The Russell has climbed nearly 10% from its closing low of 1,718.81 on May 4, and "
        "14.5% from the 1,649.84 it hit in June of last year."
    )
    claims = check(text, date(2023, 6, 7))
    assert alarms(claims) == []
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (10.0, "supported"),
        (1718.81, "supported"),
        (14.5, "unverifiable"),
        (1649.84, "supported"),
    ]


def test_a_volatility_within_the_spread_of_conventions_is_approximate() -> None:
    # ^GSPC 2024-06-27 -> 2025-06-27: 19.78% from daily log returns over 252 days
    c = one(check("Over the past year, the S&P 500's annualized volatility was 19.4%.",
                  date(2025, 6, 27)), 19.4)  # fmt: skip
    assert c.verdict == "approximate"


def test_targets_some_now_at_and_officials_backing_a_cut_are_not_facts() -> None:
    text = (
        "Several banks have raised their year-end targets for the S&P 500, with some now at "
        "6,000 or higher. Two Fed officials backed another half-point cut this month."
    )
    claims = check(text, date(2024, 4, 1))
    assert [(c.claim.kind, c.verdict) for c in claims] == [
        ("index_level", "unverifiable"),
        ("rate_change", "unverifiable"),
    ]


def test_a_period_that_owns_something_in_the_title_is_not_the_story() -> None:
    # ^GSPC 2022-06-28 -2.01%; the week before (Jun 17 to Jun 24) it rose 6.45%
    text = "The S&P 500 fell back on Tuesday.\n\nThe benchmark index lost 2%."
    got = titled(
        "Stocks slump as consumer gloom snuffs out last week's rebound",
        text,
        datetime(2022, 6, 28, 17, 10, tzinfo=EDT),
    )
    assert got == [("^GSPC", "supported")]


def test_a_when_clause_after_an_aside_about_a_peak_is_the_day_before_the_aside() -> None:
    # ^GSPC 2022-06-13 3749.63, 21.83% below its 2022-01-03 record close 4796.56
    text = (
        "The S&P 500 first closed in a bear market on June 13, 111 trading sessions after its "
        "January peak, when it ended 21.8% below the record."
    )
    c = one(check(text, date(2022, 6, 28)), -21.8)
    assert (c.verdict, c.claim.end) == ("supported", date(2022, 6, 13))


def test_a_count_of_sessions_near_the_fed_is_not_a_count_of_its_moves() -> None:
    text = (
        "The Fed raised rates eleven times from March 2022.\n\n**Stocks cap a good week**\n\n"
        "Lower yields lifted equities for a fifth straight session."
    )
    claims = check(text, date(2023, 11, 3))  # (the eleven hikes from March 2022 are read)
    assert [(c.claim.value, c.verdict) for c in claims] == [(11.0, "supported")]


def test_a_percent_above_a_close_after_a_touched_price_is_not_the_closing_move() -> None:
    # NVDA 2024-06-18 close 135.58; 2024-06-20 high 140.76 (+3.82%), close 130.78 (-3.54%)
    text = (
        "Nvidia touched $140.76 early on Thursday, about 3.8% above Tuesday's close of $135.58, "
        "before sellers took over."
    )
    claims = check(text, date(2024, 6, 20))
    assert alarms(claims) == []
    assert one(claims, 3.8).verdict == "unverifiable"


def test_a_range_of_days_in_a_month_is_those_sessions() -> None:
    # ^GSPC 2024-12-16 6074.08 -> 2024-12-18 5872.16: -3.32% (Dec. 17 alone: -0.39%)
    text = "The S&P 500 gave up 3.3% over Dec. 17-18, after the Fed's December meeting."
    c = one(check(text, date(2025, 2, 24)), -3.3)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2024, 12, 17),
        date(2024, 12, 18),
    )


def test_the_day_of_an_event_the_text_does_not_date_is_not_the_story_day() -> None:
    # DGS10 2024-09-18 3.70 -> 2025-05-20 4.48: +78 bp; on May 20 itself it is +0 bp
    text = (
        "The 10-year yield ended Tuesday at 4.48%, up 78 basis points from the 3.70% it "
        "closed at on the day of the first cut."
    )
    claims = check(text, date(2025, 5, 20))
    assert (alarms(claims), one(claims, 78).verdict) == ([], "unverifiable")


def test_a_level_of_some_month_held_on_a_day_of_it() -> None:
    # DGS30 2024-09-18 4.03; 2024-09-30 4.14
    text = (
        "The 30-year yield rose to 4.96%, 93 basis points above its level of 4.03% last September."
    )
    c = one(check(text, date(2025, 5, 20)), 4.03)
    assert c.verdict == "supported"


def test_last_week_in_a_monday_note_before_the_open_is_the_week_just_ended() -> None:
    # ^GSPC 2024-05-24 5304.72 -> 2024-05-31 5277.51: -0.51% (the week before: +0.03%)
    text = "The S&P 500 slipped 0.5% last week, its first weekly loss in a month."
    c = one(at(text, datetime(2024, 6, 3, 7, 15, tzinfo=EDT)), -0.5)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2024, 5, 27),
        date(2024, 5, 31),
    )


def test_last_year_in_a_note_before_the_first_open_of_a_year_is_the_year_just_ended() -> None:
    # ^GSPC 2023-12-29 4769.83 -> 2024-12-31 5881.63: +23.31%
    text = "The S&P 500 gained 23.3% last year."
    c = one(at(text, datetime(2025, 1, 2, 7, 0, tzinfo=EDT)), 23.3)
    assert (c.verdict, c.claim.start.year) == ("supported", 2024)


def test_the_final_full_week_of_a_month_is_its_last_monday_to_friday() -> None:
    # ^GSPC 2025-09-19 6664.36 -> 2025-09-26 6643.70: -0.31% (the week to Oct. 3: +1.09%)
    text = (
        "**Last week, in short**\n\nThe S&P 500 rose 1.1%. The gains followed a down week: "
        "the S&P 500 had fallen 0.3% in the final full week of September."
    )
    c = one(at(text, datetime(2025, 10, 6, 7, 45, tzinfo=EDT)), -0.3)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2025, 9, 22),
        date(2025, 9, 26),
    )


def test_the_last_week_of_a_month_is_not_the_last_seven_days() -> None:
    # ^IXIC 2024-06-21 17689.36 -> 2024-06-28 17732.60: +0.24% (the week to July 5: +3.50%)
    c = one(check("The Nasdaq rose 0.2% in the last week of June.", date(2024, 7, 5)), 0.2)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2024, 6, 24),
        date(2024, 6, 28),
    )


def test_the_day_of_the_low_is_the_day_told_before() -> None:
    # ^VIX closed at 33.57 on 2022-10-12
    text = (
        "The S&P 500 hit its bear-market low on Oct. 12, 2022. On the day of the low, the VIX "
        "closed at 33.57."
    )
    c = one(check(text, date(2024, 10, 11)), 33.57)
    assert (c.verdict, c.claim.end) == ("supported", date(2022, 10, 12))


def test_the_first_sessions_of_a_year_are_counted_from_its_first_day() -> None:
    # ^RUT 2025-12-31 -> 2026-01-05: +2.7% (Monday alone: +1.58%)
    text = "The Russell 2000 has jumped 2.7% in the first two sessions of 2026."
    c = one(at(text, datetime(2026, 1, 6, 6, 30, tzinfo=EDT)), 2.7)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2026, 1, 1),
        date(2026, 1, 5),
    )


def test_a_rebound_from_a_stocks_low_of_a_month_that_holds_from_the_markets_low_abstains() -> None:
    # AMZN lowest April 2025 close 167.32 (Apr 21) -> 230.82 (Dec 31): +37.95%; from the
    # S&P 500's low day (Apr 8, 170.66): +35.25%
    text = "Amazon ended the year up 5.2%, even after a 35% rebound from its April low."
    c = one(check(text, date(2025, 12, 31)), 35)
    assert (c.verdict, c.claim.start_field) == ("unverifiable", "trough")


def test_a_rise_from_a_low_in_a_year_review_runs_to_the_years_end() -> None:
    # AMZN lowest April 2025 close 167.32 -> 2025-12-31 230.82: +37.95% (to Jan. 5: +39.3%)
    text = "Amazon ended 2025 up 5.2%, after a 38% rebound from its April low."
    got = titled(
        "2025 in markets: a crash, then records", text, datetime(2026, 1, 6, 6, 30, tzinfo=EDT)
    )
    assert got == [("AMZN", "supported"), ("AMZN", "supported")]


def test_a_rise_from_a_low_told_in_the_present_in_a_year_review_runs_to_now() -> None:
    # AMZN lowest April 2025 close 167.32 -> 2026-01-05 233.06: +39.29% (to Dec. 31: +37.95%)
    text = "Amazon is up 39.3% from its April low."
    got = titled(
        "2025 in markets: a crash, then records", text, datetime(2026, 1, 6, 6, 30, tzinfo=EDT)
    )
    assert got == [("AMZN", "supported")]


def test_a_day_that_helped_a_move_since_another_is_not_where_the_move_ends() -> None:
    # ^IXIC 2024-08-05 16200.08 -> 2024-08-09 16745.30: +3.37% (+2.84% to Thursday)
    text = (
        "Since Monday's close, the Nasdaq has climbed 3.4%, boosted by Thursday's rally after "
        "jobless claims fell."
    )
    c = one(at(text, datetime(2024, 8, 11, 9, 0, tzinfo=EDT)), 3.4)
    assert (c.verdict, c.claim.start) == ("supported", date(2024, 8, 5))
    assert "to Aug 9, 2024 16745.3" in c.explanation
    # "by" that ends the span still does: +2.84% from Monday's close to Thursday's
    until = "Since Monday's close, the Nasdaq had climbed 2.8% by Thursday's close."
    c = one(at(until, datetime(2024, 8, 11, 9, 0, tzinfo=EDT)), 2.8)
    assert (c.verdict, c.claim.end) == ("supported", date(2024, 8, 8))


def test_that_works_out_to_sums_up_the_two_closes_the_sentence_before_told() -> None:
    # ^GSPC 2024-07-16 5667.20 -> 2024-08-09 5344.16: -5.70% (Friday alone: +0.47%)
    text = (
        "The S&P 500 set its record close of 5,667.20 on July 16 and finished Friday at "
        "5,344.16. That amounts to a drop of 5.7%, well short of a correction."
    )
    c = one(at(text, datetime(2024, 8, 11, 9, 0, tzinfo=EDT)), -5.7)
    assert (c.verdict, c.claim.start) == ("supported", date(2024, 7, 16))
    # a wrong sum is contradicted against the same two closes
    wrong = one(at(text.replace("5.7%", "6.7%"), datetime(2024, 8, 11, 9, 0, tzinfo=EDT)), -6.7)
    assert wrong.verdict == "contradicted"
    assert "-5.70%" in wrong.explanation


def test_from_a_dated_record_to_a_later_day_is_that_span() -> None:
    # ^GSPC 2023-07-31 4,588.96 -> 2023-10-27 4,117.37: -10.28%
    text = "From its July 31 record, the S&P 500 fell 10.3% to 4,117.37 on Oct. 27."
    c = one(check(text, date(2023, 11, 5)), -10.3)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2023, 7, 31),
        date(2023, 10, 27),
        "supported",
    )


def test_a_fall_to_the_end_of_a_month_ends_there() -> None:
    # ^NDX 2023-07-19 -> 2023-10-31: -8.95%
    text = "From the July 19 close, the Nasdaq-100 fell 9% to the end of October."
    c = one(check(text, date(2023, 11, 12)), -9.0)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2023, 7, 19),
        date(2023, 10, 31),
        "supported",
    )


def test_a_run_of_sessions_from_one_day_through_another_counts_from_the_close_before() -> None:
    # ^GSPC: the sessions Nov. 13 to Nov. 24, 2023 added 144.10 points, from the Nov. 10 close
    # (from Nov. 13's close it is 147.79)
    text = "Over six straight gains, from Nov. 13 through Friday, the S&P 500 added 144.10 points."
    c = one(check(text, date(2023, 11, 25)), 144.10)
    assert c.verdict == "supported"
    (receipt,) = c.evidence  # end minus base, from the close before Nov. 13
    assert (receipt.dates[0], receipt.result) == (date(2023, 11, 10), 144.1)
    assert "/" not in receipt.formula


def test_two_subjects_and_two_figures_pair_in_order_without_respectively() -> None:
    # October 2023: ^GSPC -2.20%, ^DJI -1.36%
    got = check("For October, the S&P 500 and the Dow fell 2.2% and 1.4%.", date(2023, 11, 3))
    assert [(c.claim.ticker, c.verdict) for c in got] == [
        ("^GSPC", "supported"),
        ("^DJI", "supported"),
    ]
