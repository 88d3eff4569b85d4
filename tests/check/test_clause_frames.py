"""How a clause frames the figures in it, from shapes met in blind batches h42_-h58_
(week-ahead columns, quarter and year reviews, live blogs, sell-off stories, Fed days): a
"when" clause after a date, a subject's aside, a period named by an adjective ("its third
straight quarterly decline"), a comparison's object, a time span with two ends, the period a
review's title names. Each passage is our own; values are computed from the bundled data
(the generator's figures are noted)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from assistant.check import verify_article
from assistant.models import Article
from tests.check.passages import EDT, MARKET, alarms, at, check, one


# -- "<a day or period>, when ...": the clause tells what happened then ----------------------
def test_a_when_clause_after_a_since_date_is_about_that_date() -> None:
    # ^GSPC 2022-05-18: -4.04%
    text = "Friday's slide was the S&P 500's worst day since May 18, when it sank 4%."
    c = one(check(text, date(2022, 6, 10)), -4.0)
    assert (c.verdict, c.claim.end, c.computed) == ("supported", date(2022, 5, 18), -4.0395)


def test_a_when_clause_after_a_since_month_is_about_that_month() -> None:
    # ^GSPC September 2023: 4507.66 -> 4288.05, -4.87%
    text = (
        "The S&P 500 lost 4.2% in April, its worst month since September 2023, when it fell 4.9%."
    )
    c = one(check(text, date(2024, 4, 30)), -4.9)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2023, 9, 1),
        date(2023, 9, 30),
    )


def test_every_figure_of_a_when_clause_takes_its_day_across_an_inner_aside() -> None:
    # 2022-09-13: ^GSPC -4.32%, ^IXIC -5.16%
    text = (
        "The worst session of the year came on Sept. 13, when a hot inflation report, with "
        "prices up 8.3% from a year earlier, sent the S&P 500 down 4.3% and the Nasdaq down 5.2%."
    )
    claims = check(text, date(2022, 9, 30))
    assert alarms(claims) == []
    assert [(c.verdict, c.claim.end) for c in (one(claims, -4.3), one(claims, -5.2))] == [
        ("supported", date(2022, 9, 13)),
        ("supported", date(2022, 9, 13)),
    ]


def test_a_when_clause_in_a_live_blog_is_about_the_day_it_names() -> None:
    # ^GSPC 2023-04-25 (Tuesday): -1.58%; the blog is written on Thursday, April 27
    text = (
        "The S&P 500 is up 1.4% this afternoon. If it holds, that would erase the two-day slide "
        "that began Tuesday, when the benchmark sank 1.6% on worries about regional banks."
    )
    claims = at(text, datetime(2023, 4, 27, 14, 5, tzinfo=EDT))
    c = one(claims, -1.6)
    assert (c.verdict, c.claim.end) == ("supported", date(2023, 4, 25))


def test_a_when_clause_after_a_months_rally_is_a_move_within_the_month() -> None:
    # ^RUT April 2025 as a whole: -2.38%; its 8.66% leap came on one day of it (April 9)
    text = (
        "The Russell 2000 leapt 3.9% on Friday; only April's tariff-pause rally, when it "
        "rocketed 8.7%, beats that this year."
    )
    c = one(check(text, date(2025, 8, 23)), 8.7)
    assert c.verdict == "unverifiable"


def test_a_when_clause_with_its_own_day_keeps_it() -> None:
    # DGS2 2024-10-04 (a Friday): 3.70 -> 3.93, +23 bp; Monday 2024-10-07: +6 bp
    text = (
        "Much of that came on Friday, when a strong jobs report pushed the two-year yield 23 "
        "basis points higher on Monday."
    )
    c = one(check(text, date(2024, 10, 9)), 23.0)
    assert (c.verdict, c.claim.end) == ("misdated", date(2024, 10, 7))


# -- a period named by an adjective of the move ---------------------------------------------
def test_a_straight_quarterly_decline_is_the_quarters_move() -> None:
    # Q3 2022: ^GSPC 3785.38 -> 3585.62 (-5.28%), ^DJI 30775.43 -> 28725.51 (-6.66%)
    text = (
        "Scorecard for the third quarter:\n\n"
        "- S&P 500: down 5.3%, its third straight quarterly decline.\n"
        "- Dow industrials: off 6.7%, the worst of the big three this time."
    )
    claims = check(text, date(2022, 10, 1))
    assert alarms(claims) == []
    c = one(claims, -5.3)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2022, 7, 1),
        date(2022, 9, 30),
    )


def test_a_fourth_weekly_decline_is_the_weeks_move() -> None:
    # ^GSPC week ended 2025-03-14: 5770.20 -> 5638.94, -131.26 points, -2.27%
    text = (
        "The S&P 500 ended at 5,638.94, down 131.26 points, or 2.3%, for a fourth consecutive "
        "weekly decline."
    )
    claims = check(text, date(2025, 3, 16))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (5638.94, "supported"),
        (-131.26, "supported"),
        (-2.3, "supported"),
    ]


# -- whose figure it is ---------------------------------------------------------------------
def test_a_pronouns_figure_is_not_the_compared_index_named_after_it() -> None:
    # ^GSPC week ended 2024-12-20: -1.99% (the 4.5% is the Russell 2000's: -4.45%)
    text = "Even so it finished the week down 4.5%, more than double the S&P 500's 2% decline."
    claims = check(text, date(2024, 12, 21))
    assert alarms(claims) == []
    assert [c.claim.value for c in claims if c.claim.ticker == "^GSPC"] == [-2.0]


def test_a_company_named_in_a_subordinate_clause_owns_its_figure() -> None:
    text = (
        "The Russell 2000 fared worst, dropping 0.9% as First Republic Bank lost roughly another "
        "30% of its value."
    )
    claims = check(text, date(2023, 4, 26))
    assert alarms(claims) == []
    assert [c.claim.value for c in claims if c.claim.ticker == "^RUT"] == [-0.9]


def test_a_survey_by_dow_jones_is_a_forecast_not_the_dow() -> None:
    text = (
        "Retail sales for February arrive Monday; economists surveyed by Dow Jones look for a "
        "gain of about 0.6% after January's drop."
    )
    assert alarms(check(text, date(2025, 3, 16))) == []


def test_another_move_today_is_not_the_earlier_day_it_builds_on() -> None:
    # MSFT 2023-04-27 intraday; Wednesday 2023-04-26 it rose 7.24%
    text = "Microsoft is building on Wednesday's leap, up another 3% to around $303."
    claims = at(text, datetime(2023, 4, 27, 13, 0, tzinfo=EDT))
    assert alarms(claims) == []


# -- two ends -------------------------------------------------------------------------------
def test_from_the_end_of_a_month_to_a_dated_close() -> None:
    # ^GSPC 2022-06-30 3785.38 -> 2022-08-16 4305.20: +13.73%
    text = (
        "From the end of June, the S&P 500 rallied 13.7% to an Aug. 16 close of 4,305.20 as "
        "investors bet that inflation had peaked."
    )
    claims = check(text, date(2022, 10, 1))
    assert alarms(claims) == []
    c = one(claims, 13.7)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2022, 6, 30),
        date(2022, 8, 16),
    )


def test_since_an_undated_event_is_never_the_day_of_publication() -> None:
    # DGS2 2024-09-18 (the cut) 3.61 -> 2024-10-09 3.99: +38 bp; on Oct 9 alone: +1 bp
    text = "The two-year yield has climbed 38 basis points since the day of the cut."
    assert alarms(check(text, date(2024, 10, 9))) == []


def test_since_a_bare_month_may_mean_its_end() -> None:
    # a Q3 review: DGS10 2022-06-30 2.98 -> 2022-09-30 3.83 (+85 bp; ^TNX +83.2 bp); from the
    # end of May the rise was 98 bp
    text = "The 10-year Treasury yield ended the quarter at 3.83%, up 83 basis points since June."
    assert alarms(check(text, date(2022, 10, 1))) == []


def test_levels_seen_during_an_earlier_selloff_are_not_todays() -> None:
    text = (
        "The Cboe Volatility Index rose to 27.75, though it stayed well short of the levels above "
        "30 seen during the May sell-off."
    )
    assert alarms(check(text, date(2022, 6, 10))) == []


def test_a_leading_when_clause_dates_the_main_clause() -> None:
    # DGS10 2025-05-07: 4.26; on 2025-05-23, the column's week: 4.51
    text = (
        "When policymakers held the federal funds rate at 4.25%-4.50% on May 7, the 10-year "
        "stood at 4.26%."
    )
    c = one(check(text, date(2025, 5, 24)), 4.26)
    assert (c.verdict, c.claim.end) == ("supported", date(2025, 5, 7))


def test_from_a_dated_trough_opening_the_sentence() -> None:
    # ^GSPC 2024-08-05 close 5186.33 -> 2024-08-30 5648.40: +8.91%
    text = "From its Aug. 5 trough, the S&P 500 has rebounded 8.9%."
    c = one(check(text, date(2024, 8, 30)), 8.9)
    assert (c.verdict, c.claim.start, c.computed) == ("supported", date(2024, 8, 5), 8.9094)


def test_a_move_after_which_a_dated_close_came_is_that_days() -> None:
    # ^NDX 2024-07-09 20453.0 -> 2024-07-10 20675.38: +1.09%; since June 24: +6.17%
    text = (
        "Since June 24 the Nasdaq-100 has gained 6.2%, and it closed Wednesday at a record "
        "20,675.38 after a 1.1% advance."
    )
    c = one(check(text, date(2024, 7, 10)), 1.1)
    assert (c.verdict, c.claim.end) == ("supported", date(2024, 7, 10))


def test_the_range_a_hike_started_from_named_with_its_month() -> None:
    # the Fed moved to 4.25%-4.50% on 2022-12-14 and to 4.50%-4.75% on 2023-02-01
    text = (
        "The move sets the federal funds target at 4.50%-4.75%, up from the 4.25%-4.50% range "
        "officials settled on in December."
    )
    claims = check(text, date(2023, 2, 1))
    assert [(c.claim.value, c.verdict) for c in claims] == [(4.75, "supported"), (4.5, "supported")]


def test_levels_seen_at_another_time_and_a_few_days_later_abstain() -> None:
    # ^TNX 2023-10-19 close 4.99, high 4.996; it closed above 5% on no day of 2023
    text = (
        "The yield on the 10-year Treasury closed at 4.99% on Oct. 19 and briefly traded above "
        "5% a few days later."
    )
    c = one(check(text, date(2023, 12, 31)), 5.0)
    assert c.verdict == "unverifiable"


def test_an_opening_price_in_a_story_written_during_the_session_is_the_open() -> None:
    # GOOGL 2025-02-05: open 191.07, high 192.75
    text = "Alphabet opened at $192.75 and dipped as low as $188.03 in the afternoon."
    c = one(at(text, datetime(2025, 2, 5, 14, 30, tzinfo=EDT)), 192.75)
    assert c.verdict not in ("supported", "approximate")


def test_a_stocks_dollar_change_after_its_percent() -> None:
    # GOOGL 2024-04-25 close 156.00 -> 2024-04-26 171.95: +10.22%, +$15.95
    text = "Shares of Google's parent company jumped 10.2%, or $15.95, to close at $171.95."
    claims = check(text, date(2024, 4, 26))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("GOOGL", 10.2, "supported"),
        ("GOOGL", 15.95, "supported"),
        ("GOOGL", 171.95, "supported"),
    ]


def test_bare_maturities_in_a_bond_paragraph() -> None:
    # 2025-07-15: DGS30 5.01 (+4 bp); ^FVX close 4.05
    text = "The long bond finished at 5.01%, up 4 bps on the session. The 5-year settled at 4.05%."
    claims = check(text, date(2025, 7, 15))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("DGS30", 5.01, "supported"),
        ("DGS30", 4.0, "supported"),
        ("^FVX", 4.05, "supported"),
    ]


def test_an_aside_after_the_subject_names_no_subject() -> None:
    # DGS2 2025-10-28 3.47 -> 2025-10-29 3.59: +12 bp
    text = (
        "The two-year yield, the maturity most sensitive to the Fed's outlook, climbed 12 basis "
        "points to 3.59%."
    )
    claims = check(text, date(2025, 10, 29))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("DGS2", 12.0, "supported"),
        ("DGS2", 3.59, "supported"),
    ]


# -- the period a review's title names ------------------------------------------------------
def test_a_month_in_review_reads_its_undated_figures_for_the_month() -> None:
    # ^RUT April 2026 (Mar 31 close -> Apr 30 close): +12.2%
    article = Article(
        id="t",
        title="April in review: from the brink of a correction to records",
        text=(
            "Stocks ended April on Thursday with another gain.\n\n"
            "Records fell all month.\n\n"
            "The Russell 2000 jumped 12.2% to 2,799.91, also a record."
        ),
        published=datetime(2026, 5, 1, 9, 0, tzinfo=EDT).astimezone(timezone.utc),
    )
    c = one(verify_article(article, MARKET).claims, 12.2)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2026, 4, 1),
        date(2026, 4, 30),
    )


# -- found in blind batches h48_-h50_ -------------------------------------------------------
def test_a_perfect_tense_move_from_a_long_past_day_runs_since_it() -> None:
    # ^DJI 2022-09-30 close 28725.51 -> 2025-10-10 45479.60: +58.32%
    text = "The Dow, whose low came even earlier, on Sept. 30, 2022, has gained 58.3%."
    c = one(check(text, date(2025, 10, 12)), 58.3)
    assert (c.verdict, c.claim.start, c.computed) == ("supported", date(2022, 9, 30), 58.3248)


def test_the_day_of_the_low_is_an_event_the_text_does_not_date() -> None:
    text = (
        "On the day of the low, the federal funds target stood at 3.00%-3.25%. The 10-year "
        "yield was 3.90% on the day of the low and ended Friday at 4.05%, about 15 basis "
        "points higher."
    )
    claims = check(text, date(2025, 10, 12))
    assert alarms(claims) == []
    assert one(claims, 15.0).verdict == "unverifiable"


def test_since_the_last_day_of_a_year_runs_from_that_close() -> None:
    # DGS10 2024-12-31 4.58 -> 2025-10-24 4.02: -56 bp (^TNX 4.569 -> 3.998: -57.1 bp)
    text = "Zoom out: the 10-year has fallen about 57 basis points since the last day of 2024."
    c = one(check(text, date(2025, 10, 25)), -57.0)
    assert c.claim.start == date(2024, 12, 31)
    assert c.verdict in ("supported", "approximate")  # "about": within a basis point


def test_since_a_fed_move_named_by_its_month_is_that_decision_day() -> None:
    # the FOMC calendar dates it (test_event_days): DGS2 2024-12-18 4.35% -> 2025-09-17 3.52%
    text = "The 2-year has dropped about 83 basis points since the Fed's last cut in December."
    c = one(check(text, date(2025, 9, 17)), -83.0)
    assert (c.claim.start, c.verdict) == (date(2024, 12, 18), "supported")


def test_a_mondays_move_over_the_week_may_be_last_weeks() -> None:
    # ^GSPC week ended 2024-09-06: -4.25%; on Monday 2024-09-09 the index rose
    text = "The S&P 500 slid 4.2% over the holiday-shortened week."
    claims = at(text, datetime(2024, 9, 9, 11, 15, tzinfo=EDT))
    assert alarms(claims) == []


def test_a_figure_sunk_as_far_as_below_a_close_is_the_sessions_extreme() -> None:
    text = "The S&P 500 turned lower as Powell spoke, sinking as far as 0.8% below Tuesday's close."
    assert alarms(check(text, date(2025, 9, 17))) == []


def test_a_move_the_stock_had_on_an_earlier_day_does_not_date_the_next_sentence() -> None:
    # META 2026-06-09 (Tuesday) close 584.59; the story is Wednesday's
    text = (
        "Stocks fell on Wednesday after a hot inflation report. Tesla slid 3.8%, wiping out the "
        "rest of the 4.6% jump it had on Tuesday. Meta Platforms closed at $584.59."
    )
    c = one(check(text, date(2026, 6, 10)), 584.59)
    assert c.claim.end == date(2026, 6, 10)


# -- found in blind batches h51_-h52_ -------------------------------------------------------
def test_the_month_of_a_hoped_for_cut_is_not_the_markets() -> None:
    # ^GSPC 2024-07-12: 5584.54 -> 5615.35 (+0.55%); September 2023: -4.87%
    text = (
        "A soft producer-price report kept hopes of a rate cut in September alive, and the S&P "
        "500 rose 0.6% to 5,615.35."
    )
    claims = check(text, date(2024, 7, 12))
    assert alarms(claims) == []
    assert one(claims, 5615.35).claim.end == date(2024, 7, 12)


def test_a_pronouns_later_move_is_not_the_index_it_was_compared_with() -> None:
    # JPM 2023-10-27 close 135.69 -> 2024-07-12 204.94: +51.04%
    text = (
        "It is up 20.5% this year, ahead of the S&P 500 by nearly 3 percentage points, and has "
        "gained about 51% since its Oct. 27 close of $135.69."
    )
    claims = check("JPMorgan slipped 1.2%. " + text, date(2024, 7, 12))
    assert [c.claim.ticker for c in claims if c.claim.value in (51.0, 135.69)] == ["JPM", "JPM"]
    assert alarms(claims) == []


def test_the_sessions_worst_is_its_low() -> None:
    # JPM 2024-07-12 low 202.10 (the close 204.94)
    text = "JPMorgan fell 1.2%. At the session's worst it was down 2.6%, touching $202.41."
    c = one(check(text, date(2024, 7, 12)), 202.41)
    assert c.claim.field == "low"
    assert c.verdict not in ("supported", "approximate")  # 202.10 was the low


def test_a_forecasts_period_in_the_lede_is_not_the_storys() -> None:
    # ^RUT 2024-03-20: +2.04% on the day; the year to date +2.36%
    article = Article(
        id="t",
        title="Fed holds steady and still sees three cuts this year",
        text=(
            "Federal Reserve officials kept rates where they were, and still expect to cut "
            "three times this year.\n\nThe Russell 2000 jumped 2.4%."
        ),
        published=datetime(2024, 3, 20, 17, 0, tzinfo=EDT).astimezone(timezone.utc),
    )
    c = one(verify_article(article, MARKET).claims, 2.4)
    assert c.verdict not in ("supported", "approximate")


def test_a_first_half_column_and_a_best_day_column() -> None:
    # ^GSPC first half of 2024: 4769.83 -> 5460.48, +14.48%; its best day (2.11%) is no change
    # over the half, and is not read as one
    text = "| Index | First half | Best day |\n|---|---|---|\n| S&P 500 | 14.5% | 2.1% |\n"
    claims = check(text, date(2024, 6, 28))
    assert [(c.claim.value, c.verdict) for c in claims] == [(14.5, "supported")]


# -- found in blind batches h53_-h55_ -------------------------------------------------------
def test_a_header_naming_two_days_spans_both() -> None:
    # ^DJI 2025-04-02 close 42225.32 -> 2025-04-04 38314.86: -3,910.46 points (-9.26%)
    text = "**Thursday and Friday: the crash**\n\nThe Dow gave up 3,910.46 points, a 9.3% slide."
    claims = check(text, date(2025, 4, 5))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (-3910.46, "supported"),
        (-9.3, "supported"),
    ]


def test_the_next_morning_is_the_session_after_the_day_named() -> None:
    # ^GSPC 2025-04-03: -4.84%
    text = "The tariffs landed after the close on April 2. The next morning, the S&P 500 sank 4.8%."
    c = one(check(text, date(2025, 4, 13)), -4.8)
    assert (c.verdict, c.claim.end) == ("supported", date(2025, 4, 3))


def test_a_leading_when_clause_with_no_date_abstains() -> None:
    text = "When Silicon Valley Bank failed, the S&P 500 fell 3.4% in three sessions."
    assert [c.verdict for c in check(text, date(2023, 7, 9))] == ["unverifiable"]


def test_a_savings_rate_range_is_not_the_feds() -> None:
    text = (
        "The Fed has lifted its target to 5.00%-5.25%. Online savings accounts are paying "
        "around 4.5% to 5%."
    )
    claims = check(text, date(2023, 7, 9))
    assert [c.claim.value for c in claims if c.claim.kind == "rate_level"] == [5.25]


def test_the_most_cautious_call_is_a_forecast() -> None:
    text = (
        "The S&P 500 ended 2025 at 6,845.50. The most bullish call is 8,000; the most cautious, "
        "from a large U.S. lender, sits at 7,100."
    )
    claims = check(text, date(2026, 1, 4))
    assert alarms(claims) == []


def test_a_year_to_date_figure_in_an_entry_stamped_before_the_open() -> None:
    # ^IXIC year to date: through Aug 4, 2022 -18.69%; through Aug 5 -19.10%
    text = "**9:05 a.m. ET**\n\nBefore the open, the Nasdaq is down 18.7% for the year."
    claims = at(text, datetime(2022, 8, 5, 14, 35, tzinfo=EDT))
    assert alarms(claims) == []


# -- found in blind batches h56_-h58_ -------------------------------------------------------
def test_a_days_appositive_names_no_subject() -> None:
    # ^VIX 2022-06-13 close 34.02
    text = (
        "The VIX spent much of the year above 20. On June 13, the day the S&P 500 entered a bear "
        "market, it closed at 34.02."
    )
    claims = check(text, date(2022, 12, 10))
    assert alarms(claims) == []
    assert [c.claim.ticker for c in claims if c.claim.value == 34.02] == ["^VIX"]


def test_the_quarter_in_the_first_week_of_the_next_is_the_one_just_ended() -> None:
    # DGS10 2024-12-31 4.58 -> 2025-03-31 4.23: -35 bp
    text = "The 10-year yield fell 35 basis points over the quarter to 4.23%."
    c = one(check(text, date(2025, 4, 5)), -35.0)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2025, 1, 1),
        date(2025, 3, 31),
    )


def test_from_where_it_ended_the_quarter_on_a_weekday() -> None:
    # ^GSPC 2025-03-31 close 5611.85 -> 2025-04-04 5074.08: -9.58%
    text = "The rout pushed the S&P 500 down 9.6% from where it ended the quarter on Monday."
    c = one(check(text, date(2025, 4, 5)), -9.6)
    assert (c.verdict, c.claim.start) == ("supported", date(2025, 3, 31))


# -- found in blind batches h59_-h61_ -------------------------------------------------------
def test_up_basis_points_from_a_weekday_runs_from_its_close() -> None:
    # DGS30 2024-10-25 (Friday) 4.51 -> 2024-10-28 4.53: +2 bp
    text = "The 30-year bond yield was at 4.53%, up 2 basis points from Friday."
    c = one(check(text, date(2024, 10, 28)), 2.0)
    assert (c.verdict, c.claim.start) == ("supported", date(2024, 10, 25))


def test_that_left_the_range_where_the_last_move_named_put_it() -> None:
    # the Fed's last 2022 move was announced Dec. 14: 4.25%-4.50%; in June it was 1.50%-1.75%
    text = (
        "In June they went to three-quarters of a point, and stepped down to 50 basis points on "
        "Dec. 14. That left the federal funds rate in a range of 4.25%-4.50%, against near zero "
        "a year ago."
    )
    claims = check(text, date(2023, 1, 1))
    assert alarms(claims) == []
    assert one(claims, 4.5).verdict == "supported"


def test_a_quoted_would_be_buyer_is_no_claim_about_the_price() -> None:
    text = '"We\'d be buyers of Nvidia under $110," said the strategist.'
    assert alarms(check(text, date(2024, 8, 29))) == []


def test_a_company_finnews_lacks_owns_the_move_of_its_which_clause() -> None:
    text = "Stocks fell. The standout is Splunk, which soared about 21% after Cisco bid for it."
    assert alarms(check(text, date(2023, 9, 21))) == []


def test_a_levels_participial_day_does_not_date_a_coordinated_clause() -> None:
    # DGS2 May 2025: 3.60 -> 3.89, +29 bp; on Friday May 30 alone: -3 bp
    text = (
        "The 10-year yield rose 24 basis points in May, ending Friday at 4.41%, and the 2-year "
        "yield climbed 29 basis points."
    )
    assert alarms(check(text, date(2025, 5, 30))) == []


# -- a company named by what it makes or owns ------------------------------------------------
def test_a_company_named_by_its_product_is_that_company_not_the_last_one_named() -> None:
    # 2022-10-28: AMZN 110.96 -> 103.41, -6.80%; AAPL 144.80 -> 155.74, +7.56%
    text = (
        "Amazon sank 6.8% to $103.41 after a weak holiday forecast. The iPhone maker went "
        "the other way, jumping 7.6% to $155.74 on record September-quarter sales."
    )
    claims = check(text, date(2022, 10, 28))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("AMZN", -6.8, "supported"),
        ("AMZN", 103.41, "supported"),
        ("AAPL", 7.6, "supported"),
        ("AAPL", 155.74, "supported"),
    ]


def test_owners_of_facebook_and_windows_are_meta_and_microsoft() -> None:
    # 2024-02-02: META 394.78 -> 474.99, +20.32%; MSFT 2023-04-26: 275.42 -> 295.37, +7.24%
    text = "Shares of the Facebook parent soared 20.3% to $474.99, a record close."
    claims = check(text, date(2024, 2, 2))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("META", 20.3, "supported"),
        ("META", 474.99, "supported"),
    ]
    text = "The Windows maker rallied 7.2% after cloud sales beat estimates."
    claims = check(text, date(2023, 4, 26))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("MSFT", 7.2, "supported"),
    ]


def test_a_gap_with_its_own_period_after_it_is_measured_over_that_period() -> None:
    # December 2023: ^RUT +12.05%, ^GSPC +4.42% (a gap of 7.63 points); November ^RUT +8.83%
    text = (
        "The Russell 2000 rose 8.8% in November and kept running into year-end, beating the "
        "S&P 500 by 7.6 percentage points in December alone."
    )
    claims = check(text, date(2024, 1, 3))
    assert [(c.claim.kind, c.claim.start, c.verdict) for c in claims] == [
        ("pct_change", date(2023, 11, 1), "supported"),
        ("gap", date(2023, 12, 1), "supported"),
    ]


def test_a_yields_move_written_during_the_session_is_judged_on_its_range() -> None:
    # ^TNX 2025-01-30 close 4.512; 2025-01-31 low 4.502, high 4.569: -1.0 to +5.7 bp so far
    text = "The 10-year yield rose about 5 basis points to 4.56%."
    claims = at(text, datetime(2025, 1, 31, 15, 10, tzinfo=EDT))
    move = one(claims, 5.0)
    assert (move.claim.kind, move.verdict) == ("yield_change", "approximate")
    assert move.explanation.startswith("written during the Jan 31, 2025 session")


def test_since_a_move_on_a_named_day_is_since_that_days_close() -> None:
    # ^GSPC 2022-11-30 close 4080.11 (the day of a 3.1% jump) -> 2022-12-07 3933.92: -3.58%
    text = "The S&P 500 is down 3.6% since its Powell-fueled jump last Wednesday."
    (c,) = check(text, date(2022, 12, 7))
    assert (c.claim.window, c.claim.start, c.verdict) == ("since", date(2022, 11, 30), "supported")


def test_its_worst_quarter_after_a_figure_does_not_name_which_quarter() -> None:
    # ^IXIC 2025 Q1 -10.42%, Q2 +17.75%: the quarter meant is the one the sentence before named
    text = (
        "Tariff worries pulled the S&P 500 down 4.6% from January through March. The Nasdaq "
        "dropped 10.4%, its worst quarter since 2022."
    )
    claims = check(text, date(2025, 7, 2))
    assert alarms(claims) == []


def test_a_move_from_a_level_on_a_named_day_runs_from_that_day_to_the_levels() -> None:
    # DGS2 2024-12-31 4.25% -> 2025-03-31 3.89%: -36 bp (March alone was -10 bp)
    text = (
        "The two-year yield finished March at 3.89%, down 36 basis points from 4.25% at the "
        "end of last year."
    )
    claims = check(text, date(2025, 4, 2))
    move = one(claims, -36.0)
    assert (move.claim.start, move.claim.end, move.verdict) == (
        date(2024, 12, 31), date(2025, 3, 31), "supported")  # fmt: skip
    assert alarms(claims) == []


def test_sessions_that_carry_an_index_to_a_level_on_a_day_end_on_that_day() -> None:
    # ^RUT 2024-07-10 close 2051.75 -> 2024-07-16 2263.67: +10.33% in four sessions
    text = (
        "The Russell 2000 surged 10.3% in four sessions to 2,263.67 on July 16, and for a few "
        "weeks the rotation into small caps was the talk of trading desks."
    )
    claims = check(text, date(2024, 8, 17))
    rise = one(claims, 10.3)
    assert (rise.claim.start, rise.claim.end, rise.verdict) == (
        date(2024, 7, 10), date(2024, 7, 16), "supported")  # fmt: skip
    assert alarms(claims) == []


def test_a_rise_from_a_close_within_some_weeks_ends_on_a_day_the_text_does_not_give() -> None:
    # ^GSPC 2024-08-05 5186.33 -> 08-19 5608.25 (+8.1%), -> 2024-12-20 5930.85 (+14.4%)
    text = (
        "Within two weeks the VIX was back at 14.80 and the S&P 500 had rallied 7.1% from the "
        "Aug. 5 close."
    )
    claims = check(text, date(2024, 12, 20))
    assert one(claims, 7.1).verdict == "unverifiable"
    assert alarms(claims) == []


def test_a_quarter_named_as_the_best_is_the_period_of_the_figure_after_the_colon() -> None:
    # ^GSPC 2025 Q2: +10.57%; the first half +5.50%
    text = (
        "The S&P 500 rose 5.5% in the first half of 2025. The rally made the second quarter "
        "the S&P 500's best since 2023: it rose 10.6%."
    )
    claims = check(text, date(2025, 7, 2))
    rise = one(claims, 10.6)
    assert (rise.claim.start, rise.claim.end, rise.verdict) == (
        date(2025, 4, 1), date(2025, 6, 30), "supported")  # fmt: skip


def test_finished_a_month_up_may_be_the_year_so_far_at_its_end() -> None:
    # ^IXIC June 2025 +6.57%; the year through June 30 +5.48%: either reading is the writer's
    text = "In a review of the first half, the Nasdaq finished June up 5.5%."
    claims = check(text, date(2025, 7, 2))
    assert alarms(claims) == []


def test_sessions_carried_to_a_day_count_the_exchanges_sessions_across_a_holiday() -> None:
    # three sessions to July 8, 2024: July 3, 5 and 8 (the 4th a holiday), from July 2's close
    text = "The Russell 2000 rose 0.2% in three sessions to 2,038.67 on July 8."
    rise = one(check(text, date(2024, 8, 16)), 0.2)
    assert (rise.claim.start, rise.claim.end) == (date(2024, 7, 2), date(2024, 7, 8))
