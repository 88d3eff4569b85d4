"""The session or period a whole story reports, from shapes met in blind batches h107_ to
h109_ (a quarter review out the weekend after, a close on the last day of a month, an
explainer looking back over years). Each passage is our own; values are computed from the
bundled data."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from assistant.check import verify_article
from assistant.models import Article
from tests.check.passages import EDT, MARKET, alarms, at, check, titled

EST = timezone(timedelta(hours=-5))


def test_a_quarter_in_review_title_names_the_quarter_undated_figures_belong_to() -> None:
    # Q4 2024: AMZN 186.33 -> 219.39 (+17.74%), GOOGL 165.85 -> 189.30 (+14.14%)
    text = (
        "Judged by where it started and ended, the quarter was quiet.\n\nThe S&P 500 closed "
        "Tuesday, the last session of 2024, at 5,881.63.\n\n**Megacaps**\n\nAmazon rose 17.7% "
        "and Alphabet about 14%."
    )
    got = titled(
        "Fourth quarter in review: a jolt and a chill",
        text,
        datetime(2025, 1, 4, 8, 30, tzinfo=EST),
    )
    assert got == [("^GSPC", "supported"), ("AMZN", "supported"), ("GOOGL", "supported")]


def test_a_close_on_the_last_day_of_a_month_that_ended_it_with_a_fall_is_that_day() -> None:
    # MSFT 2022-04-29 -4.18% on the day (-9.9% for April)
    text = (
        "US stocks ended a brutal April with another lurch lower, as a weak outlook revived "
        "the selling in technology giants.\n\nMicrosoft lost 4.2%."
    )
    got = titled(
        "Stocks sink as Amazon outlook hits tech", text, datetime(2022, 4, 29, 16, 48, tzinfo=EDT)
    )
    assert got == [("MSFT", "supported")]


def test_a_year_a_when_clause_tells_about_is_read_weakly() -> None:
    # 2023: ^NDX +53.81%, ^IXIC +43.42%; a wrong figure there is left unsettled, not contradicted
    text = (
        "Most of that gap opened in 2023, when the megacaps roared back and the Nasdaq-100 "
        "soared 53.8% compared with 43.4% for the composite."
    )
    claims = check(text, date(2025, 11, 8))
    assert [(c.claim.start, c.verdict) for c in claims] == [
        (date(2023, 1, 1), "supported"),
        (date(2023, 1, 1), "supported"),
    ]
    wrong = check(text.replace("53.8%", "48.8%"), date(2025, 11, 8))
    assert alarms(wrong) == []


def test_a_month_followed_by_a_percent_is_not_a_date() -> None:
    # ^VIX 2022-03-31 20.56 -> 2022-04-29 33.40: +62.45% for April
    text = "The Cboe Volatility Index finished April 62% higher than where it started."
    claims = check(text, date(2022, 4, 29))
    assert [(c.claim.start, c.claim.end, c.verdict) for c in claims] == [
        (date(2022, 4, 1), date(2022, 4, 29), "supported")
    ]


def test_the_last_day_of_the_quarter_is_its_final_session() -> None:
    # ^DJI 2023-09-29 (Friday) -158.84 points
    text = "The Dow gave up 158.84 points on the last day of the quarter."
    for as_of in (date(2023, 9, 30), date(2023, 10, 3)):
        claims = check(text, as_of)
        assert [(c.claim.end, c.verdict) for c in claims] == [(date(2023, 9, 29), "supported")]


def test_a_day_after_a_named_event_is_that_day_not_the_month() -> None:
    # ^DJI 2024-11-06 +1,508.05 points; November 2024 as a whole +3,147.19; the election is
    # on the calendar (test_event_days)
    text = (
        "**November did the heavy lifting**\n\nThen came November. The day after Donald "
        "Trump's victory, the Dow soared 1,508.05 points."
    )
    claims = check(text, date(2025, 1, 4))
    assert [(c.claim.value, c.claim.end, c.verdict) for c in claims] == [
        (1508.05, date(2024, 11, 6), "supported")
    ]


def test_a_count_of_fed_moves_is_as_of_the_day_its_sentence_names() -> None:
    # 2024 cuts: Sept. 18, Nov. 7, Dec. 18 (the third in a row), under a November subhead
    text = (
        "**November did the heavy lifting**\n\nDecember undid much of that. The Federal "
        "Reserve on Dec. 18 lowered its benchmark rate by a quarter point to a range of "
        "4.25%-4.50%, its third consecutive cut."
    )
    claims = check(text, date(2025, 1, 4))
    counts = [c for c in claims if c.claim.kind == "rate_count"]
    assert [(c.claim.end, c.verdict) for c in counts] == [(date(2024, 12, 18), "supported")]


def test_the_three_months_in_a_quarter_review_are_the_quarter() -> None:
    # ^IXIC Q4 2024: 18,189.17 -> 19,310.79 (+6.17%)
    text = (
        "Judged by where it started and ended, the quarter was quiet.\n\nThe S&P 500 closed "
        "Tuesday, the last session of 2024, at 5,881.63.\n\n**Tech leads**\n\nThe Nasdaq "
        "Composite rose 6.2% over the three months to 19,310.79."
    )
    published = datetime(2025, 1, 4, 8, 30, tzinfo=EST)
    article = Article(
        id="t",
        title="Fourth quarter in review",
        text=text,
        published=published.astimezone(timezone.utc),
    )
    claims = verify_article(article, MARKET).claims
    assert [
        (c.claim.value, c.claim.end, c.verdict) for c in claims if c.claim.ticker == "^IXIC"
    ] == [
        (6.2, date(2024, 12, 31), "supported"),
        (19310.79, date(2024, 12, 31), "supported"),
    ]


def test_a_month_by_month_ledger_names_each_month_by_its_paragraph() -> None:
    # 2023: January ^GSPC +6.18%, ^IXIC +10.68%; February ^GSPC -2.61%, ^DJI -4.19%
    text = (
        "**The month-by-month ledger**\n\nJanuary opened with a sprint. The S&P 500 gained 6.2% "
        "as investors bet on slower rate increases, and the Nasdaq surged 10.7%.\n\n"
        "February took some of it back. A strong jobs report convinced traders the Fed had "
        "further to go, and the S&P 500 lost 2.6% on the month. The Dow's 4.2% drop was its "
        "worst month of the half."
    )
    claims = check(text, date(2023, 7, 3))
    assert [(c.claim.value, c.claim.start, c.verdict) for c in claims] == [
        (6.2, date(2023, 1, 1), "supported"),
        (10.7, date(2023, 1, 1), "supported"),
        (-2.6, date(2023, 2, 1), "supported"),
        (-4.2, date(2023, 2, 1), "supported"),
    ]


def test_fed_moves_counted_in_a_named_year_are_counted_in_that_year() -> None:
    # 2024 cuts: Sept. 18, Nov. 7, Dec. 18; none in 2025 up to Feb. 12
    text = (
        "The Fed lowered rates three times in a row late last year and left its benchmark at "
        "4.25%-4.50% last month."
    )
    claims = check(text, date(2025, 2, 12))
    counts = [c for c in claims if c.claim.kind == "rate_count"]
    assert [(c.claim.end, c.verdict) for c in counts] == [(date(2024, 12, 31), "supported")]


def test_a_weekly_win_streak_in_the_title_does_not_make_a_friday_close_a_weekstitled() -> None:
    # ^GSPC 2023-12-15: 4,719.55 -> 4,719.19 (-0.01%); the week: 4,604.37 -> 4,719.19 (+2.49%)
    text = (
        "Stocks ended little changed on Friday after a big run. The S&P 500 slipped 0.01% to "
        "4,719.19."
    )
    got = titled(
        "S&P 500 stretches its weekly winning streak to seven",
        text,
        datetime(2023, 12, 15, 17, 30, tzinfo=EST),
    )
    assert got == [("^GSPC", "supported"), ("^GSPC", "supported")]
    text = "The S&P 500 slipped 0.01% to 4,719.19."
    got = titled(
        "S&P 500 stretches its weekly winning streak to seven",
        text,
        datetime(2023, 12, 15, 17, 30, tzinfo=EST),
    )
    assert got == [("^GSPC", "supported"), ("^GSPC", "supported")]


def test_an_appositive_with_also_names_the_period_of_the_figure_before_it() -> None:
    # ^IXIC week to 2023-12-08: 14,305.03 -> 14,403.97, +0.69% (Friday alone: +0.45%)
    text = "Stocks rose on Friday. The Nasdaq gained 0.7%, also its sixth weekly gain in a row."
    got = titled("Stocks rise after jobs data", text, datetime(2023, 12, 8, 17, 30, tzinfo=EST))
    assert got == [("^IXIC", "supported")]


def test_a_closing_high_for_the_year_does_not_make_the_story_the_years() -> None:
    # 2023-12-01: ^GSPC 4,567.80 -> 4,594.63 (+0.59%); DGS2 4.73% -> 4.56% (-17 bp)
    text = (
        "Stocks rose and bonds rallied. The S&P 500 gained 0.6% to 4,594.63, a new closing high "
        "for the year. The two-year yield sank 17 basis points to 4.56%."
    )
    got = titled("Small caps storm higher", text, datetime(2023, 12, 1, 16, 47, tzinfo=EST))
    assert got == [
        ("^GSPC", "supported"),
        ("^GSPC", "supported"),
        ("DGS2", "supported"),
        ("DGS2", "supported"),
    ]


def test_a_title_looking_back_at_a_year_names_the_year_undated_figures_belong_to() -> None:
    # 2024: ^DJI 37,689.54 -> 42,544.22 (+12.88%), ^IXIC 15,011.35 -> 19,310.79 (+28.64%)
    text = (
        "Stocks opened the new year on a soft note on Thursday.\n\n**The year in numbers**\n\n"
        "The Dow rose 12.9%, and the Nasdaq gained 28.6%."
    )
    got = titled(
        "Looking back at 2024: a second act for the bull market",
        text,
        datetime(2025, 1, 3, 7, 30, tzinfo=EST),
    )
    assert got == [("^DJI", "supported"), ("^IXIC", "supported")]


def test_a_monthly_move_after_a_sentence_that_opens_with_the_month_is_that_months() -> None:
    # ^GSPC September 2022: 3955.00 -> 3585.62 (-9.34%); December 2022 was -5.90%
    text = (
        "September was rougher still. The S&P 500 lost 9.3%, its steepest monthly decline "
        "since 2020."
    )
    claims = check(text, date(2023, 1, 4))
    assert [(c.claim.value, c.claim.start, c.verdict) for c in claims] == [
        (-9.3, date(2022, 9, 1), "supported")
    ]


def test_a_yield_that_climbed_from_one_level_to_another_over_a_year() -> None:
    # ^TNX 1.512 on 2021-12-31 and 3.879 on 2022-12-30 (FRED DGS10: 1.52, 3.88)
    text = "In 2022, the 10-year yield climbed from 1.51% to 3.88%."
    claims = check(text, date(2023, 1, 4))
    assert [(c.claim.value, c.claim.end, c.verdict) for c in claims] == [
        (1.51, date(2021, 12, 31), "supported"),
        (3.88, date(2022, 12, 30), "supported"),
    ]


def test_a_week_told_as_background_before_the_day_is_not_thetitled() -> None:
    # ^GSPC 2023-03-14 3919.29 -> 03-15 3891.93 (-0.70%); the week before fell 4.55%
    text = (
        "The banking scare that began in California last week spread to Zurich on "
        "Wednesday.\n\nThe S&P 500 fell 0.7%."
    )
    published = datetime(2023, 3, 15, 16, 40, tzinfo=EDT)
    got = titled("Stocks slip as bank fears spread", text, published)
    assert got == [("^GSPC", "supported")]


def test_a_range_left_after_cuts_starting_in_a_month_is_the_range_after_them() -> None:
    # cuts on 2024-09-18, 11-07 and 12-18 left the range at 4.25%-4.50%
    text = (
        "The Federal Reserve cut rates three times starting in September, leaving its "
        "benchmark range at 4.25%-4.50%."
    )
    claims = check(text, date(2024, 12, 31))
    assert [(c.claim.kind, c.verdict) for c in claims] == [
        ("rate_count", "supported"),
        ("rate_level", "supported"),
    ]


def test_in_a_month_review_a_paragraph_that_only_tells_of_a_day_dates_the_next() -> None:
    # ^GSPC June 2022 -8.39%; 2022-06-10 -2.91%; ^IXIC 2022-06-10 -3.52%
    text = (
        "The S&P 500 fell 0.9% on Thursday and ended June 8.4% lower.\n\n"
        "The May inflation report came out on Friday, June 10, and it was worse than "
        "anyone had feared.\n\n"
        "The S&P 500 slid 2.9% and the Nasdaq composite 3.5%."
    )
    published = datetime(2022, 6, 30, 17, 30, tzinfo=EDT)
    got = titled("June in review: stocks finish their worst half since 1970", text, published)
    assert got == [("^GSPC", "supported")] * 3 + [("^IXIC", "supported")]


def test_an_undated_figure_in_a_months_review_out_days_later_may_be_the_years_so_far() -> None:
    # ^DJI January 2025: 42,544.22 -> 44,544.66 (+4.70%); through Mon Feb 3, 44,421.91 (+4.41%)
    got = titled(
        "Stocks in January: the Dow leads",
        "The Dow gained 4.7% in January.\n\nAfter Monday's losses, the S&P 500 is up 1.9% for "
        "2025. The Dow, up 4.4%, keeps its lead.",
        datetime(2025, 2, 4, 6, 30, tzinfo=timezone(timedelta(hours=-5))),
    )
    assert got == [("^DJI", "supported"), ("^GSPC", "supported"), ("^DJI", "unverifiable")]


def test_a_distance_still_told_after_a_months_close_may_be_at_that_close() -> None:
    # ^RUT record close 2,442.74 (Nov 8, 2021); Jan 31, 2025 2,287.69 (-6.35%), Feb 3
    # 2,258.42 (-7.55%)
    got = titled(
        "Stocks in January: the Dow leads",
        "The Russell 2000 rose 2.6% in January to 2,287.69, and it is still 6.3% below the "
        "record close it set in November 2021.",
        datetime(2025, 2, 4, 6, 30, tzinfo=timezone(timedelta(hours=-5))),
    )
    assert got == [("^RUT", "supported"), ("^RUT", "supported"), ("^RUT", "unverifiable")]


def test_a_headline_in_the_present_tense_that_closes_out_a_quarter_names_it() -> None:
    # Q3 2025: GOOGL 176.23 -> 243.10 (+37.94%), AAPL 205.17 -> 254.63 (+24.11%); on Sep 30
    # itself GOOGL fell 0.39% and AAPL rose 0.08%
    text = (
        "Few investors would have predicted the order of finish in July.\n\nAlphabet led the "
        "pack with a gain of almost 38%, and Apple rose 24.1%."
    )
    for title in (
        "Tech giants finish the third quarter on a high",
        "Megacaps close out the third quarter with big gains",
        "Alphabet ends the quarter as the top performer",
    ):
        got = titled(title, text, datetime(2025, 10, 1, 7, 0, tzinfo=EDT))
        assert got == [("GOOGL", "supported"), ("AAPL", "supported")], title


def test_a_distance_now_in_a_quarters_review_out_the_next_session_may_be_at_its_end() -> None:
    # ^RUT Q2 2024: 2,124.55 -> 2,047.69 (-3.62%); record close 2,442.74 (Nov 8, 2021):
    # -16.17% on Fri Jun 28, -16.89% on Mon Jul 1, the day the review is out
    text = (
        "In the second quarter, small caps sat out the rally. The Russell 2000 fell 3.6% over "
        "the three months, and it is now 16.2% below its November 2021 record."
    )
    out = datetime(2024, 7, 1, 19, 0, tzinfo=EDT)
    assert titled("Small caps in the second quarter", text, out) == [
        ("^RUT", "supported"),
        ("^RUT", "unverifiable"),
    ]
    wrong = text.replace("16.2%", "12.2%")  # no close of either day: still a wrong figure
    assert titled("Small caps in the second quarter", wrong, out) == [
        ("^RUT", "supported"),
        ("^RUT", "contradicted"),
    ]


def test_the_year_of_the_cuts_a_fed_foresees_in_a_title_is_not_the_storys_period() -> None:
    # ^GSPC 2024-03-19 5,178.51 -> 03-20 5,224.62 (+0.89%)
    (c,) = at(
        "US stocks rose on Wednesday after the Fed left rates alone.\n\nThe S&P 500 gained 0.9%.",
        datetime(2024, 3, 20, 17, 0, tzinfo=EDT),
        title="Stocks climb as the Fed holds, keeping three cuts this year on the table",
    )
    assert (c.claim.period, c.claim.end, c.verdict) == (
        "the day the article reports",
        date(2024, 3, 20),
        "supported",
    )


def test_a_quarters_review_out_two_sessions_later_reads_its_own_spans() -> None:
    # Out Fri Oct 3, 2025 before the open (the last close: Thu Oct 2).
    # ^IXIC Sep 30 -> Oct 2: +0.81%; DGS2 Jun 30 3.72% -> Sep 30 3.60% (-12 bp; to Oct 2,
    # -17 bp); ^DJI 2025 through Sep 30 +9.06% (the quarter's end: it holds), through Oct 2
    # +9.34%
    out = datetime(2025, 10, 3, 6, 30, tzinfo=EDT)
    text = (
        "The third quarter was kind to stocks. The Nasdaq composite added 0.8% over the first "
        "two sessions of October. The 2-year yield ended the quarter at 3.60%, down 12 basis "
        "points from June 30. For 2025 so far, the Dow is up 9.1%."
    )
    got = titled("The third quarter in review", text, out)
    assert got == [
        ("^IXIC", "supported"),
        ("DGS2", "supported"),
        ("DGS2", "supported"),
        ("^DJI", "supported"),
    ]


def test_a_recap_titled_with_a_month_and_year_reads_the_month_as_that_one() -> None:
    # out Sunday Nov. 5, 2023 on October 2023: ^GSPC 4,288.05 -> 4,193.80 (-2.20%, -94.25);
    # the 10-year closed Sept. 29 at 4.573%; ^DJI 33,147.25 -> 33,052.87 for 2023 through Oct.
    # 31 (-0.28%), +2.76% through Nov. 3
    text = (
        "Bonds called the tune all month.\n\nThe S&P 500 gave up 2.2% over the month, or "
        "94.25 points, to end Tuesday at 4,193.80. The 10-year Treasury yield began the month "
        "at 4.57%.\n\nFor 2023, the Dow is now down 0.3%."
    )
    got = titled(
        "When yields ran the tape: our October 2023 recap",
        text,
        datetime(2023, 11, 5, 8, 15, tzinfo=EST),
    )
    assert got == [
        ("^GSPC", "supported"),
        ("^GSPC", "supported"),
        ("^GSPC", "supported"),
        ("DGS10", "supported"),
        ("^DJI", "supported"),
    ]


def test_a_year_to_date_in_a_review_may_run_past_the_period_reviewed() -> None:
    # January 2025 in review, out Feb. 4 before the open: ^GSPC for 2025 +2.70% through Jan. 31,
    # +1.92% through Monday Feb. 3; a figure true for neither is left unsettled
    published = datetime(2025, 2, 4, 6, 45, tzinfo=EST)
    title = "January in review: blue chips lead"
    text = (
        "January belonged to the Dow.\n\nAfter Monday's tariff scare, the S&P 500 is up {} "
        "for 2025."
    )
    assert titled(title, text.format("1.9%"), published) == [("^GSPC", "supported")]
    assert titled(title, text.format("2.7%"), published) == [("^GSPC", "supported")]
    assert alarms(at(text.format("4.9%"), published, title)) == []


def test_the_final_sessions_in_a_review_out_after_the_month_are_the_months_last() -> None:
    # March 2025 in review, out Apr. 2: the 10-year (^TNX) closed 4.369% on Mar. 27 and
    # 4.246% on Mar. 31 (-12 bp over the month's last two sessions)
    text = (
        "Bonds were calmer.\n\nThe 10-year yield ended the month at 4.25%. It fell 12 basis "
        "points over the final two sessions as investors sought safety."
    )
    got = at(text, datetime(2025, 4, 2, 7, 30, tzinfo=EDT), "March in review: a correction")
    assert [(c.claim.end, c.verdict) for c in got] == [
        (date(2025, 3, 31), "supported"),
        (date(2025, 3, 31), "supported"),
    ]


def test_a_title_opening_with_six_months_out_after_a_half_reviews_that_half() -> None:
    # first half of 2025: TSLA 403.84 -> 317.66 (-21.34%), AAPL 250.42 -> 205.17 (-18.07%)
    text = (
        "Anyone who slept through the first half of 2025 and woke up on June 30 would have "
        "found a calm market.\n\nThose who stayed awake saw something else.\n\n**Winners and "
        "losers**\n\nTesla fell 21.3% and Apple 18.1%."
    )
    got = titled("Six months, two markets: from panic to records", text,
                 datetime(2025, 7, 5, 9, 0, tzinfo=EDT))  # fmt: skip
    assert got == [("TSLA", "supported"), ("AAPL", "supported")]


def test_a_rise_since_a_day_told_now_in_a_review_may_run_to_the_periods_end() -> None:
    # ^IXIC 2025-08-01 -> 2025-09-30: +9.73%; -> 2025-10-03 (the last close before the
    # review came out): +10.32%. "has now rallied 9.7%" is true at the quarter's end.
    text = (
        "The Nasdaq composite gained 11.2% in the third quarter.\n\nFrom its Aug. 1 close, "
        "the Nasdaq composite has now rallied 9.7%."
    )
    got = titled("The third quarter in review", text, datetime(2025, 10, 5, 9, 0, tzinfo=EDT))
    assert got == [("^IXIC", "supported"), ("^IXIC", "supported")]
    wrong = text.replace("9.7%", "14%")  # true at neither end
    assert titled("The third quarter in review", wrong, datetime(2025, 10, 5, 9, 0, tzinfo=EDT))[1][
        1
    ] in ("contradicted", "unverifiable")


def test_the_twelve_months_in_a_year_review_are_the_year() -> None:
    # ^DJI 2023-12-29 37,689.54 -> 2024-12-31 42,544.22: +12.88%
    text = "The Dow finished at 42,544.22 on Dec. 31, up 12.9% for the twelve months."
    got = titled(
        "2024 in review: the year of the Dow", text, datetime(2025, 1, 8, 7, 0, tzinfo=EST)
    )
    assert got == [("^DJI", "supported"), ("^DJI", "supported")]


def test_now_in_a_story_of_a_day_days_before_it_came_out_may_be_that_day() -> None:
    # the lede dates the story to Sept. 30, 2025; out Sunday, Oct. 5: ^IXIC from Aug. 1 is
    # +9.73% to Sept. 30 and +10.32% to Oct. 3; ^RUT for 2025 is +9.25% to Sept. 30
    text = (
        "By the last day of September, the Nasdaq composite was sitting at a record.\n\n"
        "From its Aug. 1 close, the Nasdaq composite has now rallied 9.7%. Small caps are "
        "doing fine, with the Russell 2000 up 9.3% for the year."
    )
    got = titled("Three months of records", text, datetime(2025, 10, 5, 9, 0, tzinfo=EDT))
    assert got == [("^IXIC", "supported"), ("^RUT", "supported")]


def test_an_undated_move_in_a_story_of_a_quarters_last_session_may_be_the_quarters() -> None:
    # the lede dates the story to Sept. 30, 2024 (out Oct. 6): NVDA was -1.70% for the third
    # quarter and +0.03% that day; the undated "lost 1.7%" holds for the quarter
    text = (
        "By the last day of September, the S&P 500 was at a record.\n\nNvidia was the "
        "laggard, losing 1.7% on worries about supply."
    )
    got = titled("A quarter of records", text, datetime(2024, 10, 6, 9, 0, tzinfo=EDT))
    assert got[-1][0] == "NVDA" and got[-1][1] in ("supported", "unverifiable")


@pytest.mark.parametrize("title", ["The October ledger: small caps sink", "October tally: a rout"])
def test_a_months_ledger_or_tally_in_the_title_names_the_month(title: str) -> None:
    # ^RUT October 2023: -6.88%; out Sunday, Nov. 5 (Friday, Nov. 3 was +2.71%)
    text = "It was a bruising stretch.\n\nThe Russell 2000 lost 6.9%."
    assert titled(title, text, datetime(2023, 11, 5, 8, 0, tzinfo=EST)) == [("^RUT", "supported")]


def test_a_half_year_review_out_a_week_after_the_half_reads_through_june_as_the_half() -> None:
    # out Sunday, July 7, 2024: TSLA -20.36% in the first half; ^DJI 39,118.86 on June 28 was
    # 2.21% below its May 17 record close of 40,003.59 (1.57% below it on July 5)
    text = (
        "The Dow ended June at 39,118.86; the blue-chip gauge sits 2.2% below the record it "
        "set on May 17.\n\nTesla was the outlier on the downside, off 20.4% through June."
    )
    got = titled("Halftime, 2024: a narrow market", text, datetime(2024, 7, 7, 8, 30, tzinfo=EDT))
    assert [v for _, v in got] == ["supported", "supported", "supported"]
