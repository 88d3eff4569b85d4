"""Shapes met in blind batches h25_-h27_ (Fed days, live blogs, earnings days, reviews):
what a figure is measured from or to when the text names it indirectly. Each passage is in
our own words and is checked against the bundled data; values are the generator's (noted)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from assistant.check import verify_article
from assistant.models import Article
from tests.check.passages import ALARMS, EDT, MARKET, alarms, at, check, one


def test_a_weekday_with_a_day_of_the_month_is_that_date() -> None:
    # DGS30 2019-08-13 2.15 -> 2019-08-14 2.03: -12 bp
    c = one(check("On Wednesday the 14th the 30-year yield slid 12 basis points.",
                  date(2019, 8, 31)), -12.0)  # fmt: skip
    assert (c.verdict, c.claim.end, c.computed) == ("supported", date(2019, 8, 14), -12.0)


def test_a_foreign_ten_year_yield_is_not_the_treasurys() -> None:
    text = (
        "Overseas, Germany's 10-year yield finished the week near -0.70%. The yield on the "
        "UK's 10-year gilt was 0.48%, and the Japanese 10-year yield sat at -0.27%."
    )
    claims = check(text, date(2019, 8, 30))
    assert alarms(claims) == []
    assert [c.claim.ticker for c in claims if c.verdict != "unverifiable"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The 10-year yield rose to 4.34%. The real yield on 10-year inflation-protected "
        "Treasuries is near 2%, the highest since 2009.",
        "The 10-year yield rose to 4.34%, and the 10-year TIPS yield climbed to about 1.9%.",
        "The 10-year yield rose to 4.34%; real yields, on 10-year TIPS, hit 2%.",
    ],
)
def test_a_real_yield_is_not_the_nominal_treasury_yield(text: str) -> None:
    # DGS10 2023-08-22: 4.34%; finnews holds no series of inflation-protected yields
    claims = check(text, date(2023, 8, 22))
    assert [(c.claim.value, c.verdict) for c in claims if c.claim.ticker == "DGS10"] == [
        (4.34, "supported")
    ]
    assert alarms(claims) == []


def test_a_possessive_last_year_names_the_noun_not_the_move() -> None:
    # AAPL Q1 2024: 192.53 -> 171.48 (-10.93%); TSLA 248.48 -> 175.79 (-29.25%)
    text = (
        "The S&P 500 gained 10.2% in the first quarter. Two of last year's favorites went the "
        "other way: Apple slid 10.9%, and Tesla lost nearly 30%."
    )
    claims = check(text, date(2024, 3, 28))
    assert alarms(claims) == []
    assert (one(claims, -10.9).verdict, one(claims, -10.9).computed) == ("supported", -10.9334)
    assert one(claims, -30.0).verdict == "approximate"


def test_a_threshold_in_a_definition_is_not_a_claim() -> None:
    # ^GSPC 2023-07-31 close 4588.96 -> 2023-10-27 close 4117.37: -10.28%
    text = (
        "On Friday the S&P 500 ended 10.3% below its July 31 close, which put it in a "
        "correction, usually defined as a decline of at least 10% from a recent peak."
    )
    claims = check(text, date(2023, 10, 27))
    assert alarms(claims) == []
    assert [c.verdict for c in claims if c.claim.value in (10.0, -10.0)] in ([], ["unverifiable"])


def test_a_strategists_target_is_a_forecast() -> None:
    text = (
        "Strategists at several banks lifted their year-end targets for the S&P 500 this "
        "month, some to 5,500 or higher."
    )
    claims = check(text, date(2024, 3, 28))
    assert alarms(claims) == []
    assert [c.verdict for c in claims if c.claim.value == 5500.0] in ([], ["unverifiable"])


def test_a_level_somewhere_near_after_a_forecast_is_part_of_it() -> None:
    text = (
        "One strategist expects the S&P 500 to test its June low again by winter, "
        "somewhere near 3,700."
    )
    claims = check(text, date(2022, 8, 31))
    assert [(c.verdict, c.explanation) for c in claims] == [
        ("unverifiable", "a forecast or expectation, not a fact that data can settle")
    ]


def test_a_to_date_figure_ends_on_the_day_its_clause_names() -> None:
    # MSFT 2025-12-31 483.62 -> 2026-07-29 390.54: -19.25%
    c = one(check("Microsoft had closed Wednesday down 19.2% for the year.",
                  date(2026, 7, 30)), -19.2)  # fmt: skip
    assert (c.verdict, c.claim.end, c.computed) == ("supported", date(2026, 7, 29), -19.2465)
    # ^GSPC 2024-12-31 5881.63 -> 2025-09-17 6600.35: +12.22%
    c = one(check("The S&P 500 was up 12.2% for 2025 through Wednesday.",
                  date(2025, 9, 18)), 12.2)  # fmt: skip
    assert (c.verdict, c.claim.end, c.computed) == ("supported", date(2025, 9, 17), 12.2197)


def test_a_day_counted_from_another_day_is_not_that_day() -> None:
    # ^IXIC 2022-03-14 close 12581.22 vs record 16057.44 (2021-11-19): -21.65%
    text = (
        "The Fed raised rates on Wednesday, and the Nasdaq composite jumped 3.8% that day. "
        "Only two days earlier, the composite had been 21.6% below its November peak."
    )
    c = one(check(text, date(2022, 3, 17)), -21.6)
    assert c.verdict not in ALARMS


def test_a_high_named_by_its_period_is_the_highest_close_in_it() -> None:
    # ^IXIC highest close Jul 11-20, 2023: 14358.02 (Jul 19); Oct 26 close 12595.61: -12.27%
    c = one(check("The Nasdaq closed Thursday 12.3% under its mid-July high.",
                  date(2023, 10, 31)), -12.3)  # fmt: skip
    assert (c.verdict, c.computed) == ("supported", -12.2747)


def test_a_past_peak_set_in_a_named_month_is_the_highest_close_of_that_month() -> None:
    # ^RUT highest close of November 2021: 2442.74 (Nov 8); 2025-09-18 close 2467.70
    text = (
        "The Russell 2000 jumped 2.5% to 2,467.70, finally topping the 2,442.74 closing peak "
        "it set in November 2021."
    )
    claims = check(text, date(2025, 9, 18))
    assert alarms(claims) == []
    assert one(claims, 2442.74).verdict == "supported"
    assert one(claims, 2467.7).verdict == "supported"


def test_the_index_a_stock_trails_is_not_the_subject_of_the_next_clause() -> None:
    # MSFT 2026-07-30 close 451.10 vs its highest close 542.07 (2025-10-28): -16.78%
    text = (
        "Even after Thursday, Microsoft shares are down 6.7% in 2026, trailing the S&P 500 by "
        "more than 15 percentage points, and remain nearly 17% below the October peak."
    )
    c = one(check(text, date(2026, 7, 30)), -17.0)
    assert (c.claim.ticker, c.verdict, c.computed) == ("MSFT", "supported", -16.782)


def test_a_yield_touched_in_a_stamped_entry_is_checked_against_the_sessions_range() -> None:
    # ^TNX high 2022-05-05: 3.108; high 2022-05-04: 3.011
    text = (
        "*All times Eastern.*\n\n### Thursday, 3:05 p.m. — Yields jump\n\nThe 10-year "
        "Treasury yield is near 3.08%, after getting as high as 3.11% earlier in the "
        "afternoon.\n\n### Wednesday, 3:10 p.m. — Powell speaks\n\nThe 10-year yield, which "
        "touched 3.01% right after the statement, is slipping back."
    )
    claims = at(text, datetime(2022, 5, 5, 16, 35, tzinfo=EDT))
    assert alarms(claims) == []
    assert one(claims, 3.11).verdict == "supported"
    assert one(claims, 3.01).verdict == "supported"


def test_a_live_blog_entry_stamped_with_a_weekday_and_no_zone_is_intraday() -> None:
    # ^IXIC 2022-05-05 vs 12964.86: low -6.03%, high -1.37%, close -4.99%
    text = (
        "*All times Eastern.*\n\n### Thursday, 4:20 p.m. — The close\n\nThe Nasdaq composite "
        "sank nearly 5%, to 12,317.69.\n\n### Thursday, 11:10 a.m. — Selling picks up\n\n"
        "The Dow is down 2.4%, the S&P 500 is off 2.8% and the Nasdaq has shed 3.9%."
    )
    claims = at(text, datetime(2022, 5, 5, 16, 35, tzinfo=EDT))
    c = one(claims, -3.9)
    assert (c.verdict, c.claim.intraday) == ("approximate", True)
    assert one(claims, 12317.69).claim.intraday is False


def test_a_possessive_day_in_an_aside_dates_only_its_own_noun() -> None:
    # META 2026-07-30 539.03 -> 2026-07-31 556.71: +3.28%
    text = "Microsoft added 3%, building on Thursday's huge rally, and Meta rebounded 3.3%."
    c = one(check(text, date(2026, 7, 31)), 3.3)
    assert (c.verdict, c.claim.end) == ("supported", date(2026, 7, 31))


def test_a_year_figure_told_by_a_day_it_finished_is_not_that_days_move() -> None:
    # JPM ytd 2024-04-12: +7.46%; ^GSPC ytd: +7.41%
    text = (
        "Through Thursday JPMorgan had been up 14.9% for the year; it finished Friday with a "
        "gain of 7.5%, barely ahead of the S&P 500's 7.4%."
    )
    claims = check(text, date(2024, 4, 12))
    assert alarms(claims) == []


def test_six_months_told_at_the_end_of_june_is_the_first_half() -> None:
    # ^IXIC 2021-12-31 15644.97 -> 2022-06-30 11028.74: -29.51%
    c = one(check("The Nasdaq composite lost 29.5% in six months.", date(2022, 6, 30)), -29.5)
    assert (c.verdict, c.claim.start, c.computed) == ("supported", date(2021, 12, 31), -29.5062)


def test_a_figure_compared_with_a_move_of_another_named_time_abstains() -> None:
    text = (
        "Amazon jumped 15.3% on Friday, its biggest gain in a decade and bigger than the 14.1% "
        "pop of April 2015."
    )
    claims = check(text, date(2026, 7, 31))
    assert alarms(claims) == []


def test_measured_from_a_low_on_a_date_is_since_that_close() -> None:
    # ^RUT 2025-04-08 close 1760.71 -> 2026-01-23 2669.16: +51.60%
    text = (
        "Measured from the selloff's low on April 8, 2025, the Russell 2000 has climbed about "
        "52%, ahead of the S&P 500's 38.8%."
    )
    claims = check(text, date(2026, 1, 23))
    assert (one(claims, 52.0).verdict, one(claims, 52.0).computed) == ("supported", 51.5957)
    assert (one(claims, 38.8).verdict, one(claims, 38.8).computed) == ("supported", 38.7905)


def test_from_last_fridays_close_is_since_that_close() -> None:
    # ^RUT 2025-01-10 close 2189.23 -> 2025-01-15 2263.29: +3.38%
    text = "The Russell 2000 rose 2% to 2,263.29, leaving it 3.4% above last Friday's close."
    c = one(check(text, date(2025, 1, 15)), 3.4)
    assert (c.verdict, c.computed) == ("supported", 3.3829)


def test_at_a_dated_close_dates_the_sentence() -> None:
    # ^GSPC 2024-08-05 close 5186.33 vs 5667.20 (2024-07-16): -8.49%
    text = (
        "At the Aug. 5 close, the S&P 500 sat 8.5% below its July 16 record, and the Nasdaq "
        "was down about 13% from its own peak."
    )
    claims = check(text, date(2024, 12, 31))
    assert (one(claims, -8.5).verdict, one(claims, -8.5).computed) == ("supported", -8.4851)
    assert one(claims, -13.0).claim.end == date(2024, 8, 5)
    assert alarms(claims) == []


def test_last_fall_is_the_autumn_before() -> None:
    text = "The Federal Reserve cut three times last fall, leaving its benchmark at 3.50%-3.75%."
    claims = check(text, date(2026, 1, 24))
    assert alarms(claims) == []
    count = [c for c in claims if c.claim.kind == "rate_count"]
    assert [(c.verdict, c.claim.start, c.claim.end) for c in count] == [
        ("supported", date(2025, 9, 1), date(2025, 12, 31))
    ]


def test_a_cut_traders_braced_for_is_not_a_count_of_cuts() -> None:
    text = "Yields sank into mid-September as traders braced for the first cut."
    assert alarms(check(text, date(2024, 12, 31))) == []


def test_sessions_counted_back_from_the_close_the_sentence_names() -> None:
    text = "By Tuesday's close the Russell 2000 had surged 11.5% in five sessions."
    c = one(check(text, date(2024, 7, 19)), 11.5)
    assert (c.verdict, c.claim.start, c.claim.end) == ("supported", date(2024, 7, 9),
                                                        date(2024, 7, 16))  # fmt: skip


def test_a_second_meeting_without_a_move_is_not_a_count_of_hikes() -> None:
    text = (
        "Stocks rose as traders grew more convinced the Federal Reserve is done raising rates "
        "after it held them steady for a second meeting in a row."
    )
    claims = check(text, date(2023, 11, 2))
    assert [c for c in claims if c.claim.kind == "rate_count"] == []


def test_a_story_updated_with_the_next_session_reports_the_day_it_first_told() -> None:
    # ^DJI 2025-09-17 close 46018.32 (+260.42); 2025-09-18 close 46142.42
    text = (
        "*This story was first published Wednesday evening and has been updated with "
        "Thursday's trading.*\n\nThe Fed cut rates on Wednesday, its first cut of the year.\n\n"
        "The Dow rose 260.42 points to 46,018.32. Some early reports had it closing above "
        "46,100.\n\n**Thursday: records**\n\nThe Dow added 124.10 points to 46,142.42."
    )
    article = Article(
        id="t", text=text, title="The Fed cuts for the first time this year",
        published=datetime(2025, 9, 18, 16, 40, tzinfo=EDT).astimezone(timezone.utc),
    )  # fmt: skip
    claims = verify_article(article, MARKET).claims
    assert (one(claims, 260.42).verdict, one(claims, 260.42).claim.end) == (
        "supported", date(2025, 9, 17))  # fmt: skip
    assert one(claims, 46100.0).verdict not in ("supported", "approximate")
    assert (one(claims, 124.1).verdict, one(claims, 124.1).claim.end) == (
        "supported", date(2025, 9, 18))  # fmt: skip


def test_a_before_the_open_entry_of_a_live_blog_is_not_intraday() -> None:
    # ^IXIC 2026-01-27 close 23817.1 -> 2026-01-28 23857.45 (+0.17%)
    text = (
        "**9:45 a.m. ET — Opening bell**\n\nThe major indexes opened little changed.\n\n"
        "**Before the open — where things stood**\n\nWednesday was a quiet day. The Nasdaq "
        "rose 0.2% to 23,857.45."
    )
    claims = at(text, datetime(2026, 1, 29, 14, 41, tzinfo=timezone(timedelta(hours=-5))))
    c = one(claims, 23857.45)
    assert (c.verdict, c.claim.intraday, c.claim.end) == ("supported", False, date(2026, 1, 28))


def test_a_companys_reporting_quarter_is_not_the_period_of_an_earnings_day_story() -> None:
    # ^GSPC 2025-02-26 close 5956.06 -> 2025-02-27 5861.57: -94.49 points, -1.59%
    text = (
        "The chipmaker's results came out after the bell on Wednesday. Revenue for the "
        "quarter ended in January reached a record. Its shares fell on Thursday.\n\n"
        "The S&P 500 dropped 94.49 points, or 1.6%, to 5,861.57."
    )
    article = Article(id="t", text=text, title="Nvidia beats again, and the stock sinks",
                      published=datetime(2025, 2, 27, 17, 20, tzinfo=timezone(
                          timedelta(hours=-5))).astimezone(timezone.utc))  # fmt: skip
    c = one(verify_article(article, MARKET).claims, -94.49)
    assert (c.verdict, c.claim.end) == ("supported", date(2025, 2, 27))


def test_a_record_level_with_its_day_or_period_is_checked_there() -> None:
    # ^GSPC highest close of July 2024: 5667.20 (Jul 16); NVDA 2025-01-06 close 149.43
    c = one(check("The S&P 500 traded at 5,689.75, above its July record close of 5,667.20.",
                  date(2024, 9, 18)), 5667.2)  # fmt: skip
    assert (c.verdict, c.claim.start, c.claim.end) == ("supported", date(2024, 7, 1),
                                                        date(2024, 7, 31))  # fmt: skip
    c = one(check("Nvidia sits nearly 20% under its record close of $149.43, set on Jan. 6.",
                  date(2025, 2, 27)), 149.43)  # fmt: skip
    assert c.verdict == "supported"
    c = one(check("The S&P 500 closed at 4,100, below its Feb. 2 peak of 4,200.",
                  date(2023, 2, 24)), 4200.0)  # fmt: skip
    assert (c.verdict, c.computed) == ("contradicted", 4179.76)


def test_the_verb_nearest_a_fed_move_gives_its_direction() -> None:
    text = (
        "The Federal Reserve eased off the accelerator on Wednesday, raising its benchmark rate "
        "by half a percentage point instead of the three-quarter-point steps it had taken at "
        "each of its previous four meetings."
    )
    claims = check(text, date(2022, 12, 14))
    moves = [(c.claim.value, c.verdict) for c in claims if c.claim.kind == "rate_change"]
    assert moves == [(50.0, "supported")]


def test_yields_since_an_event_on_a_date_and_over_a_month_in_which() -> None:
    # DGS30 2023-09-20 4.40 -> 2023-10-06 4.95 (+55); DGS10 4.35 -> 4.78 (+43);
    # DGS30 2023-08-31 4.20 -> 2023-09-29 4.73 (+53); ^TNX high 2023-10-06: 4.887
    text = (
        "By mid-morning the 10-year yield had touched 4.89%. Since the Federal Reserve held "
        "rates on Sept. 20, the 30-year yield has jumped 55 basis points and the 10-year has "
        "risen 43 basis points. This came after a September in which the long bond's yield "
        "had risen 53 basis points."
    )
    claims = check(text, date(2023, 10, 6))
    assert alarms(claims) == []
    assert [one(claims, v).verdict for v in (55.0, 43.0, 53.0)] == ["supported"] * 3
    # "touched" may name the session's high or a close: it abstains
    assert one(claims, 4.89).verdict == "unverifiable"
    assert one(claims, 43.0).claim.ticker == "DGS10"


def test_an_at_the_close_entry_ends_the_intraday_reading() -> None:
    # MSFT 2022-12-14: +0.12% at the close (range -1.02% to +2.21%)
    text = (
        "*First posted at 3:10 p.m. ET with intraday prices; updated at 4:25 p.m.*\n\n"
        "The Nasdaq was down 1.2%.\n\n**At the close**\n\nMicrosoft ended 1.2% higher."
    )
    claims = at(text, datetime(2022, 12, 14, 16, 25, tzinfo=timezone(timedelta(hours=-5))))
    assert (one(claims, -1.2).claim.intraday, one(claims, 1.2).claim.intraday) == (True, False)
    assert one(claims, 1.2).verdict not in ("supported", "approximate")


def test_a_monday_wraps_line_about_friday_takes_last_week() -> None:
    # ^GSPC 2025-06-13 5976.97 -> 2025-06-20 5967.84: -0.15%
    text = (
        "The gains marked a turnaround from Friday, when the S&P 500 ended down 0.22%. That "
        "left the S&P 500 down 0.2% for the holiday-shortened week."
    )
    c = one(check(text, date(2025, 6, 23)), -0.2)
    assert (c.verdict, c.claim.start, c.claim.end) == ("supported", date(2025, 6, 16),
                                                        date(2025, 6, 20))  # fmt: skip


def test_a_season_header_dates_nothing_and_an_event_day_abstains() -> None:
    text = (
        "**This spring, side by side**\n\nThe VIX topped out at 31.05 on the Friday the Dow "
        "bottomed and is back to 16.70."
    )
    claims = check(text, date(2026, 5, 23))
    assert alarms(claims) == []
    assert one(claims, 31.05).verdict == "unverifiable"
    assert one(claims, 16.7).claim.period != "This spring"


def test_levels_of_another_time_in_a_column_abstain() -> None:
    text = (
        "On Thursday the Dow closed at a record. The Dow: 10%, from 50,188.14 to 45,166.60 on "
        "March 27. The S&P 500: 9.1%, from 6,978.60 on Jan. 27 to 6,343.72."
    )
    claims = check(text, date(2026, 5, 23))
    assert alarms(claims) == []
    assert one(claims, 50188.14).verdict == "unverifiable"
    assert one(claims, 45166.6).verdict == "supported"  # ^DJI 2026-03-27 close
    assert one(claims, 6978.6).verdict == "supported"  # ^GSPC 2026-01-27 close
    assert one(claims, 6343.72).explanation.startswith("a level far from that day's")


def test_a_figure_in_a_when_clause_after_since_abstains() -> None:
    text = (
        "Alphabet jumped 10.2% on Friday. Not since July 2015, when a 16% surge followed a "
        "strong quarter, has it risen this much in a session."
    )
    c = one(check(text, date(2024, 4, 26)), 16.0)
    assert c.verdict == "unverifiable"


def test_fed_ranges_and_moves_told_over_a_year_or_a_month() -> None:
    text = (
        "The Fed raised rates seven times this year, lifting its benchmark from 0%-0.25% to "
        "4.25%-4.5%. All told, it has raised rates by 4.25 percentage points since then."
    )
    claims = check(text, date(2022, 12, 30))
    assert alarms(claims) == []
    assert one(claims, 0.25).verdict == "supported"  # the range before the first hike
    assert [c.verdict for c in claims if c.claim.kind == "rate_change"] == ["unverifiable"]
    text = "A third cut would follow September's half-point move and November's quarter point."
    claims = check(text, date(2024, 12, 12))
    assert alarms(claims) == []


def test_a_morning_notes_yesterday_is_the_day_before_it_was_written() -> None:
    # ^DJI 2024-12-10: -154.10 points; 2024-12-11 close 44,148.56
    text = "The Dow slipped 154.10 points to 44,148.56 yesterday, a fifth straight decline."
    claims = at(text, datetime(2024, 12, 12, 7, 30, tzinfo=timezone(timedelta(hours=-5))))
    c = one(claims, -154.1)
    assert (c.claim.end, c.verdict) == (date(2024, 12, 11), "misdated")  # it was the 10th's


def test_clauses_joined_by_and_a_base_clause_and_a_story_that_month() -> None:
    text = (
        "Stocks closed out the third quarter. The two-year yield ended at 5.03%, not far from "
        "where it began the quarter, and the five-year note ended at 4.61%. The two-year "
        "rate, more sensitive to policy bets, dropped 9 basis points."
    )
    claims = check(text, date(2023, 9, 29))
    assert one(claims, 4.61).claim.end == date(2023, 9, 29)
    assert one(claims, -9.0).claim.ticker == "DGS2"


def test_counts_yields_from_a_level_and_a_morning_figure_in_a_close() -> None:
    text = (
        "Measured from March 15, the day before the Fed's first increase, the pattern holds. "
        "Since the eve of the first hike, the two-year is up 264 basis points from 1.85%."
    )
    claims = check(text, date(2022, 10, 22))
    assert alarms(claims) == []
    assert [c for c in claims if c.claim.kind == "rate_count"] == []
    # ^GSPC 2023-08-04: -0.53% at the close; the session's high was above +0.5%
    c = one(check("The S&P 500 fell 0.5% to 4,478.03, after being up nearly 0.6% in the "
                  "morning.", date(2023, 8, 4)), 0.6)  # fmt: skip
    assert (c.claim.intraday, c.verdict) == (True, "approximate")


def test_an_aside_describing_the_subject_neither_owns_nor_dates_the_figure() -> None:
    # ^IXIC 2023-03-09 close 11338.36 -> 2023-03-10 11138.89: -1.76%
    text = (
        "The Nasdaq composite, packed with the technology companies that led this year's "
        "rally, fell 1.8% to 11,138.89."
    )
    claims = check(text, date(2023, 3, 10))
    c = one(claims, -1.8)
    assert (c.verdict, c.claim.ticker, c.claim.end, c.claim.window) == (
        "supported", "^IXIC", date(2023, 3, 10), "day")  # fmt: skip


def test_a_list_of_compared_figures_reads_each_with_its_own_subject() -> None:
    # 2024: SPY +23.30%, IWM +10.09%, IJR +6.44%
    text = "SPY rose 23.3% in 2024, against 10.1% for IWM and 6.4% for IJR."
    claims = check(text, date(2024, 12, 31))
    got = [(c.claim.ticker, c.verdict) for c in claims]
    assert got == [("SPY", "supported"), ("IWM", "supported"), ("IJR", "supported")]


def test_the_yield_is_the_treasury_yield_the_passage_is_about() -> None:
    text = (
        "The 10-year Treasury yield closed at 4.23% on Friday. The yield fell 62 basis points "
        "in November."
    )
    c = one(check(text, date(2023, 12, 8)), -62.0)
    assert (c.claim.kind, c.claim.ticker, c.claim.subject_source) == (
        "yield_change", "DGS10", "carried")  # fmt: skip


def test_a_reference_the_text_does_not_date_abstains() -> None:
    # Election Day is on the calendar (test_event_days): ^RUT 2024-11-05 -> 11-26 +7.22%;
    # "that mark", the 2021 peak, names no day
    text = (
        "Since the close on Election Day, the Russell 2000 has climbed 7.2%. The Russell 2000, "
        "which had never regained its 2021 peak, was down 27.9% from that mark."
    )
    claims = check(text, date(2024, 11, 26))
    assert [one(claims, v).verdict for v in (7.2, -27.9)] == ["supported", "unverifiable"]


def test_for_the_month_after_a_named_month_is_that_month() -> None:
    # JPM March 2023: -9.10%
    text = (
        "The rally erased the damage done in March, when the collapse of Silicon Valley Bank "
        "dragged JPMorgan down 9.1% for the month."
    )
    c = one(check(text, date(2023, 4, 14)), -9.1)
    assert (c.verdict, c.claim.start, c.claim.end) == ("supported", date(2023, 3, 1),
                                                        date(2023, 3, 31))  # fmt: skip


def test_a_paragraphs_shared_period_outranks_its_headers_day() -> None:
    # NVDA 2023-07-14 close -> 2023-07-21: about -2.6% over the week (Thursday alone: -3.31%)
    text = (
        "**Thursday's air pocket**\n\nThe week turned on Thursday. Meta Platforms lost 4.8% over "
        "the five days, Alphabet 4.3% and Amazon 2.5%. Nvidia slipped 2.6%, a small dent in a "
        "stock that has roughly tripled this year."
    )
    c = one(check(text, date(2023, 7, 22)), -2.6)
    assert c.verdict not in ALARMS
    assert c.claim.period == "over the five days"


def test_the_end_of_a_month_whose_last_weekday_is_a_holiday_is_its_last_session() -> None:
    # ^GSPC 2024-03-28 close 5254.35; March 29, 2024 was Good Friday
    text = "The index sits above its previous high of 5,254.35, set at the end of March."
    c = one(check("The S&P 500 rose 1% on Wednesday. " + text, date(2024, 5, 15)), 5254.35)
    assert c.verdict not in ALARMS
    assert "Mar 28, 2024" in c.explanation


def test_since_then_runs_from_the_day_the_sentence_named() -> None:
    # AAPL 2024-04-19 close 165.00 -> 2024-05-03 183.38: +11.14%
    text = "Apple closed at $165.00 on April 19, and since then it has rallied more than 11%."
    c = one(check(text, date(2024, 5, 3)), 11.0)
    assert (c.verdict, c.claim.start, c.computed) == ("supported", date(2024, 4, 19), 11.1394)


def test_a_day_that_dates_the_base_level_does_not_date_the_move_after_it() -> None:
    # DGS2 2024-03-19 4.68% -> 03-20 4.59%: -9 bp on the Wednesday (Tuesday itself: -5 bp)
    text = (
        "The 2-year yield slid to 4.59% from 4.68% late Tuesday, a decline of 9 basis points "
        "on the day."
    )
    claims = at(text, datetime(2024, 3, 20, 17, 0, tzinfo=EDT))
    assert alarms(claims) == []
    c = one(claims, -9.0)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2024, 3, 20),
        date(2024, 3, 20),
        "supported",
    )


def test_a_move_told_in_a_when_clause_after_a_base_day_is_that_days() -> None:
    # DGS2 2024-03-18 4.73% -> 03-19 4.68% (-5 bp) -> 03-20 4.59%
    text = "The 2-year yield was at 4.59%, down from 4.68% on Tuesday, when it fell 5 basis points."
    claims = at(text, datetime(2024, 3, 20, 17, 0, tzinfo=EDT))
    assert alarms(claims) == []
    assert (one(claims, -5.0).claim.end, one(claims, -5.0).verdict) == (
        date(2024, 3, 19),
        "supported",
    )
