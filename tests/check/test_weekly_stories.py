"""Stories about a week, and moves within a session: a weekend wrap whose title names the
week, a move told with the week it made ("had its roughest week in years, sliding 10.7%"),
a yield set against the previous Friday or a week earlier, a figure told at the session's
peak or in a brief slip. Shapes met in the corpus's weekend wraps, week-ahead columns and
Fed-day closes; each passage is our own, values computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from assistant.check import verify_article
from assistant.models import Article
from tests.check.passages import EDT, MARKET, at, check, titled

SATURDAY = datetime(2024, 5, 4, 9, 0, tzinfo=EDT)
EST = timezone(timedelta(hours=-5))


def test_a_weekend_wrap_titled_for_the_week_reads_its_undated_moves_for_the_week() -> None:
    # week to May 3, 2024: ^GSPC +0.55% (Friday +1.26%) to 5,127.79, ^IXIC +1.43% (+1.99%),
    # ^RUT +1.68% (+0.97%), AAPL +8.32% (+5.98%), AMZN +3.67% (+0.81%), 2-year -15 bp to 4.81%
    text = (
        "Stocks rallied into the weekend after Friday's jobs report showed hiring cooling, "
        "and talk of a rate cut later in the year came back.\n\n"
        "The S&P 500 ended at 5,127.79, a gain of 0.5%, and the Nasdaq composite rose 1.4%. "
        "The Russell 2000 added 1.7%.\n\n"
        "Apple jumped 8.3% after announcing a $110 billion buyback, and Amazon climbed 3.7%. "
        "The 2-year yield fell 15 basis points to 4.81%."
    )
    got = titled("The week on Wall Street: soft hiring and a record buyback", text, SATURDAY)
    assert got == [
        ("^GSPC", "supported"),
        ("^GSPC", "supported"),
        ("^IXIC", "supported"),
        ("^RUT", "supported"),
        ("AAPL", "supported"),
        ("AMZN", "supported"),
        ("DGS2", "supported"),
        ("DGS2", "supported"),
    ]


def test_the_week_of_a_weekend_wrap_is_the_one_just_ended() -> None:
    text = "A record buyback did the lifting.\n\nApple jumped 8.3% on the news."
    article = Article(
        id="t",
        title="Weekend wrap: Apple's buyback lifts the market",
        text=text,
        published=SATURDAY,
    )
    (apple,) = verify_article(article, MARKET).claims
    assert (apple.claim.start, apple.claim.end, apple.verdict) == (
        date(2024, 4, 29),
        date(2024, 5, 4),
        "supported",
    )


def test_a_move_told_with_the_week_it_made_is_that_week() -> None:
    # week to Mar 14, 2025: AAPL -10.70% (Friday +1.82%), NVDA +7.97% (+5.27%),
    # MSFT -1.21% (+2.58%); ^GSPC +2.13% on Friday
    text = (
        "Stocks snapped back on Friday, and the S&P 500 rose 2.1%. Apple still had its "
        "roughest week in years, sliding 10.7%, and Nvidia's week ended with a gain of 8%. "
        "Microsoft had a week to forget, losing 1.2%."
    )
    claims = at(text, datetime(2025, 3, 14, 16, 30, tzinfo=EDT))
    assert [(c.claim.ticker, c.claim.start, c.verdict) for c in claims] == [
        ("^GSPC", date(2025, 3, 14), "supported"),
        ("AAPL", date(2025, 3, 10), "supported"),
        ("NVDA", date(2025, 3, 10), "supported"),
        ("MSFT", date(2025, 3, 10), "supported"),
    ]


def test_a_yield_set_against_the_previous_friday_or_a_week_earlier() -> None:
    # 10-year 4.67% (Apr 26, 2024) -> 4.50% (May 3): -17 bp; 2-year 4.96% -> 4.81%
    text = (
        "The 10-year yield ended Friday at 4.50%, down 17 basis points from the previous "
        "Friday. The 2-year yield finished at 4.81%, down from 4.96% a week earlier."
    )
    claims = at(text, SATURDAY)
    assert [(c.claim.value, c.claim.start, c.verdict) for c in claims] == [
        (4.5, None, "supported"),
        (-17.0, date(2024, 4, 26), "supported"),
        (4.81, None, "supported"),
        (4.96, None, "supported"),
    ]
    assert [c.claim.end for c in claims] == [
        date(2024, 5, 3),
        date(2024, 5, 4),
        date(2024, 5, 3),
        date(2024, 4, 26),
    ]


def test_the_prior_friday_of_a_midweek_close_is_the_one_before_that_day() -> None:
    # 2-year 4.87% (Fri Sep 1, 2023) -> 5.01% (Wed Sep 6): +14 bp; told on Saturday Sep 9
    text = (
        "The two-year Treasury yield closed Wednesday at 5.01%, up 14 basis points from the "
        "prior Friday."
    )
    claims = at(text, datetime(2023, 9, 9, 9, 30, tzinfo=EDT))
    assert [(c.claim.start, c.claim.end, c.verdict) for c in claims] == [
        (None, date(2023, 9, 6), "supported"),
        (date(2023, 9, 1), date(2023, 9, 6), "supported"),
    ]


def test_a_single_session_that_turned_a_week_does_not_make_the_weeks_figure_a_days() -> None:
    # AMZN week to Oct 31, 2025: +8.92% (Friday alone +9.58%)
    text = "That single session turned Amazon's week into a gain of 8.9%."
    (amazon,) = at(text, datetime(2025, 10, 31, 17, 0, tzinfo=EDT))
    assert (amazon.claim.start, amazon.verdict) == (date(2025, 10, 27), "supported")


def test_figures_told_at_the_sessions_peak_are_the_days_high() -> None:
    # Sep 18, 2024: ^DJI high 41,981.97 vs 41,606.18 the day before (+375.79), close -103.08;
    # ^GSPC high 5,689.75 vs 5,634.58 (+0.98%), close -0.29%
    text = (
        "At the session's peak, reached soon after the statement came out, the Dow was up 375 "
        "points and the S&P 500 had gained about 1%. Both gave it all back: the Dow closed "
        "down 103.08 points and the S&P 500 lost 0.3%."
    )
    claims = at(text, datetime(2024, 9, 18, 17, 0, tzinfo=EDT))
    assert [(c.claim.ticker, c.verdict) for c in claims] == [
        ("^DJI", "approximate"),
        ("^GSPC", "supported"),
        ("^DJI", "supported"),
        ("^GSPC", "supported"),
    ]


def test_a_when_clause_closing_below_a_dated_record_is_the_clauses_day() -> None:
    # ^IXIC Apr 3, 2025 -5.97%, Apr 4 -5.82%, closing 22.73% below the Dec 16, 2024 record;
    # the week to Apr 4: -10.02%
    text = (
        "The Nasdaq sank 6% on Thursday, and the rout carried into Friday, when it lost "
        "another 5.8% and closed 22.7% below its Dec. 16 record. Its 10% drop that week was "
        "its worst since 2020."
    )
    claims = at(text, datetime(2025, 4, 5, 9, 0, tzinfo=EDT))
    assert [(c.claim.kind, c.claim.end, c.verdict) for c in claims] == [
        ("pct_change", date(2025, 4, 3), "supported"),
        ("pct_change", date(2025, 4, 4), "supported"),
        ("drawdown", date(2025, 4, 4), "supported"),
        ("pct_change", date(2025, 4, 4), "supported"),
    ]


def test_the_week_a_mark_was_reached_in_is_not_the_storys() -> None:
    # Mar 7, 2024: ^GSPC +1.03%, ^NDX +1.56%, AAPL -0.07% (the week before: -1.57%)
    text = (
        "Stocks rose to a record on hopes for rate cuts.\n\nThe S&P 500 gained 1% and the "
        "Nasdaq 100, a hair under the high it set at the end of last week, climbed 1.6%. Apple "
        "slipped 0.1%."
    )
    got = titled(
        "Stocks hit a record: markets wrap", text, datetime(2024, 3, 7, 16, 30, tzinfo=EST)
    )
    assert got == [("^GSPC", "supported"), ("^NDX", "supported"), ("AAPL", "supported")]


def test_a_brief_slip_is_the_days_low_and_a_drop_to_a_touched_low_is_no_alarm() -> None:
    # Sep 18, 2024: ^DJI low 41,449.00 vs 41,606.18 the day before (-157.18); ^GSPC low
    # 5,615.08 vs 5,634.58 (-0.35%), close -0.29%
    text = (
        "Even the Dow briefly slipped about 157 points into the red. The S&P 500 slid as low "
        "as 5,615.08, a drop of 0.3% from Tuesday's finish."
    )
    claims = at(text, datetime(2024, 9, 18, 17, 0, tzinfo=EDT))
    assert [(c.claim.ticker, c.verdict) for c in claims] == [
        ("^DJI", "supported"),
        ("^GSPC", "supported"),
        ("^GSPC", "unverifiable"),
    ]


def test_an_undated_close_under_a_last_week_header_may_be_one_of_its_days() -> None:
    # ^RUT week of Jul 8-12, 2024: +6.00%; on Tue Jul 9 alone -0.45% (Thu +3.57%, Fri +1.09%)
    got = titled(
        "Week ahead: earnings season gets going",
        "**How last week went**\n\nThe Russell 2000 wobbled during Powell's testimony and "
        "closed down 0.5%.",
        datetime(2024, 7, 15, 7, 0, tzinfo=EDT),
    )
    assert got == [("^RUT", "unverifiable")]


def test_its_best_week_is_the_week_the_sentence_names() -> None:
    # ^RUT week of Mar 25-28, 2024 (Good Friday closed): 2,072.00 -> 2,124.55, +2.54%
    text = (
        "The holiday-shortened week that ended March 28 brought the Russell 2000 a gain of "
        "2.5%, its best week in a month."
    )
    (c,) = check(text, date(2024, 4, 2))
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2024, 3, 25),
        date(2024, 3, 28),
        "supported",
    )


def test_a_weekend_story_whose_lede_tells_of_last_week_is_the_weeks() -> None:
    # ^GSPC: 3.61% below its Oct. 28 record close on Wednesday, Nov. 19, 2025 (Nvidia's
    # report), 4.18% below it at Friday's close, Nov. 21
    text = (
        "For two days last week, the chip trade ran the show. Stocks jumped on Wednesday after "
        "Nvidia's report, and then the rally faded.\n\nThe S&P 500 ended 4.2% below its record."
    )
    got = titled("Chips set the tone", text, datetime(2025, 11, 23, 9, 0, tzinfo=EST))
    assert got == [("^GSPC", "supported")]
