"""A distance from a peak the same sentence told with its day and level ("its highest close of
the year was 4.98% on Oct. 19, and it now sits 37 basis points below that mark"): measured
from that day's close. Shapes from blind batch h204_ (a weekend bond column); passages and
values are our own, computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.check.passages import EDT, alarms, at, check, one

# DGS10: 4.98% on Oct 19, 2023, 4.61% on Nov 10, 2023 (-37 bp)
YIELD = (
    "The 10-year Treasury yield's highest close of the year was 4.98% on Oct. 19, and "
    "Friday's finish left it {} basis points below that mark."
)
SATURDAY = datetime(2023, 11, 11, 9, 0, tzinfo=EDT)


def test_basis_points_below_a_yield_peak_told_before() -> None:
    c = one(at(YIELD.format(37), SATURDAY), -37)
    assert (c.claim.kind, c.claim.start, c.claim.end, c.verdict) == (
        "yield_change",
        datetime(2023, 10, 19).date(),
        datetime(2023, 11, 10).date(),
        "supported",
    )


def test_a_wrong_distance_from_a_told_yield_peak_is_contradicted() -> None:
    assert one(at(YIELD.format(27), SATURDAY), -27).verdict == "contradicted"


# ^DJI: record close 45,014.04 on Dec 4, 2024; 43,828.06 on Dec 13 (-2.63%)
def test_percent_below_a_record_close_told_before() -> None:
    text = "The Dow closed at a record 45,014.04 on Dec. 4 and now sits 2.6% below it."
    claims = at(text, datetime(2024, 12, 14, 10, 0, tzinfo=EDT))
    c = one(claims, -2.6)
    assert (c.claim.kind, c.claim.ticker, c.verdict) == ("drawdown", "^DJI", "supported")
    assert alarms(claims) == []


def test_another_index_below_a_told_record_is_not_read_from_it() -> None:
    # the S&P 500 is not measured against the Dow's record
    text = (
        "The Dow closed at a record 45,014.04 on Dec. 4, and the S&P 500 ended Friday "
        "0.6% below it."
    )
    claims = at(text, datetime(2024, 12, 14, 10, 0, tzinfo=EDT))
    assert alarms(claims) == []
    assert [c for c in claims if c.claim.value in (0.6, -0.6) and c.verdict != "unverifiable"] == []


def test_a_yields_high_or_low_for_a_period_is_not_its_latest_level() -> None:
    # DGS30 closed at 4.98% on Jan 14, 2025 and 4.89% on May 16; DGS5 ranged 3.71%-4.62%
    # from Jan 2024 to May 2025 (^FVX), 4.06% on May 16
    text = (
        "The 30-year's closing high for the year is 4.98%. The 5-year Treasury yield has "
        "traded between a closing high of 4.62% and a low of 3.71%."
    )
    claims = at(text, datetime(2025, 5, 17, 9, 0, tzinfo=EDT))
    assert [c.claim.value for c in claims] == [4.98, 4.62, 3.71]
    assert alarms(claims) == []


def test_the_years_lowest_close_is_the_years_trough_not_the_days_close() -> None:
    # ^GSPC: 2025's lowest close 4,982.77 on Apr 8; 6,204.95 on Jun 30
    text = "The S&P 500 ended June at 6,204.95, far above the year's lowest close of 4,982.77."
    claims = at(text, datetime(2025, 6, 30, 17, 0, tzinfo=EDT))
    c = one(claims, 4982.77)
    assert (c.claim.field, c.verdict) == ("trough", "supported")
    wrong = "The S&P 500 is far above the year's lowest close of 5,062.25."
    c = one(at(wrong, datetime(2025, 6, 30, 17, 0, tzinfo=EDT)), 5062.25)
    assert c.verdict == "contradicted"
    assert alarms(claims) == []


@pytest.mark.parametrize("hedge", ["", "just ", "only "])
def test_a_distance_told_after_an_opening_price_is_the_opens(hedge: str) -> None:
    # TSLA Tue 2025-01-21 close 424.07; Wed open 416.81 (-1.71%), close 415.11 (-2.11%)
    text = f"Tesla opened at $416.81 on Wednesday, {hedge}1.7% below Tuesday's close."
    claims = check(text, date(2025, 1, 22))
    assert alarms(claims) == []
    assert one(claims, -1.7).verdict == "supported"


def test_a_session_peak_told_first_holds_for_the_second_index_of_the_clause_too() -> None:
    # 2024-03-20: ^IXIC high 16,377.44 vs 16,166.79 (+1.30%); ^DJI high 39,529.13 vs
    # 39,110.76 (+418.37 points; the close was +401.37)
    text = (
        "At the session's peak, the Nasdaq was up 1.3% and the Dow was ahead by 418 points, "
        "before both gave back a little."
    )
    claims = check(text, date(2024, 3, 20))
    assert [(c.claim.ticker, c.claim.field, c.verdict) for c in claims] == [
        ("^IXIC", "high", "supported"),
        ("^DJI", "high", "supported"),
    ]


def test_a_standing_before_a_clock_time_is_a_moment_of_the_session() -> None:
    # ^DJI 2024-03-20: low -0.31%, close +1.03%: "down about 0.2%" before 2 p.m. fits the range
    text = "Ahead of the 2 p.m. statement, the Dow was down about 0.2%."
    claims = check(text, date(2024, 3, 20))
    assert alarms(claims) == []
    assert [c.claim.intraday for c in claims] == [True]


def test_a_move_as_of_four_in_the_afternoon_is_the_close() -> None:
    # ^DJI 2024-03-20 close +1.03%: "up 1.5%" at 4 p.m. is a wrong close, not a moment
    claims = check("As of 4 p.m. on Wednesday, the Dow was up 1.5%.", date(2024, 3, 20))
    assert [(c.claim.intraday, c.verdict) for c in claims] == [(False, "contradicted")]


def test_a_distance_at_the_end_of_the_week_is_from_its_last_close_not_an_asides_day() -> None:
    # ^IXIC record close 18,712.75 on Tue 2024-10-29; Thu 10-31 -3.30%; Fri 11-01 18,239.92
    # (-2.53%)
    text = (
        "The Nasdaq composite, which set a closing record of 18,712.75 on Tuesday before "
        "sliding Thursday, finished the week 2.5% below that mark."
    )
    claims = at(text, datetime(2024, 11, 1, 17, 0, tzinfo=EDT))
    c = one(claims, -2.5)
    assert (c.claim.kind, c.claim.end, c.verdict) == ("drawdown", date(2024, 11, 1), "supported")


def test_a_peak_to_trough_loss_is_not_the_move_of_the_troughs_day() -> None:
    # ^IXIC record close 16,057.44 (2021-11-19) to 10,213.29 on 2022-12-28: -36.4%; that
    # day alone it fell 1.35%
    text = "The Nasdaq bottomed on Dec. 28 at 10,213.29, a peak-to-trough slide of 36.4%."
    claims = check(text, date(2023, 1, 6))
    assert alarms(claims) == []
    assert [c.verdict for c in claims] == ["supported", "unverifiable"]


def test_a_level_told_as_the_end_is_the_close_though_the_session_is_described() -> None:
    # ^DJI 2024-03-20: close 39,512.13, range 38,988.65 to 39,529.13; 39,110.76 was the close
    # the day before: inside the day's range, but not where the Dow ended
    text = (
        "On Wednesday the Dow rose 401.37 points to end at 39,110.76, after dipping in the morning."
    )
    claims = at(text, datetime(2024, 3, 20, 17, 0, tzinfo=EDT))
    assert [(c.claim.kind, c.claim.intraday, c.verdict) for c in claims] == [
        ("point_change", False, "supported"),
        ("index_level", False, "misdated"),
    ]


def test_a_price_told_before_a_stock_split_is_not_the_adjusted_series() -> None:
    # NVDA split ten for one on 2024-06-10: the series holds 120.89 for Jun 7, 2024 (-0.09%
    # on the day); the unadjusted close was $1,208.88
    text = "Before the split, Nvidia had closed on Friday at $1,208.88, down 0.1% on the day."
    claims = check(text, date(2024, 6, 10))
    assert alarms(claims) == []
    assert [(c.claim.kind, c.verdict) for c in claims if c.claim.kind == "price"] == [
        ("price", "unverifiable")
    ]


def test_a_distance_below_that_peak_after_the_record_is_named_is_checked_weakly() -> None:
    # ^GSPC record close 5,667.20 on Jul. 16, 2024; Aug. 5 close 5,186.33 (-8.49%)
    text = "The S&P 500 set its record close on July 16. The index now sits 8.5% below that peak."
    got = [(c.claim.kind, c.verdict) for c in check(text, date(2024, 8, 5))]
    assert got == [("drawdown", "supported")]
    wrong = text.replace("8.5%", "3.5%")
    assert [c.verdict for c in check(wrong, date(2024, 8, 5))] == ["unverifiable"]


def test_a_record_close_told_without_its_day_is_the_highest_close_up_to_then() -> None:
    # ^GSPC: record close 4,796.56 on Jan. 3, 2022; Jun. 13, 2022 close 3,749.63 (-21.83%)
    text = "The S&P 500 ended 21.8% below its record close of 4,796.56."
    got = [(c.claim.kind, c.verdict) for c in check(text, date(2022, 6, 13))]
    assert got == [("drawdown", "supported"), ("index_level", "supported")]
    other = text.replace("4,796.56", "4,906.10")  # another series' record, or of another time
    assert [c.verdict for c in check(other, date(2022, 6, 13))] == ["supported", "unverifiable"]


def test_a_record_close_told_in_a_midday_story_is_not_judged_on_the_session() -> None:
    # ^IXIC record close 16,057.44 on Nov. 19, 2021; the story is out at midday, Nov. 14, 2023
    text = (
        "At 12:30 p.m. ET the Nasdaq composite was up 2%. It remains below its record close "
        "of 16,057.44, set two years ago this month."
    )
    got = at(text, datetime(2023, 11, 14, 12, 30, tzinfo=EDT))
    c = one(got, 16057.44)
    assert (c.verdict, c.computed) == ("supported", 16057.44)


def test_every_figure_of_a_list_told_at_the_sessions_peak_is_the_high() -> None:
    # Fed day, March 22, 2023: at the highs the Dow was up 201.29 points, the S&P 500 0.91%
    # and the Nasdaq 1.30%; the Nasdaq closed down 1.60%
    text = (
        "Then, as Powell began to speak, buyers stepped in: at the session's peak the Dow was "
        "up 201.29 points, the S&P 500 had climbed as much as 0.9%, and the Nasdaq was ahead "
        "by roughly 1.3%."
    )
    c = one(check(text, date(2023, 3, 22)), 1.3)
    assert (c.claim.field, c.verdict) == ("high", "supported")


def test_a_figure_told_where_it_stood_at_its_low_is_the_low() -> None:
    # March 22, 2023: the Dow's low was 540.14 points under the close before
    text = (
        "Selling picked up into the close, and the Dow finished near its low, where it had "
        "been down 540.14 points."
    )
    c = one(check(text, date(2023, 3, 22)), -540.14)
    assert (c.claim.field, c.verdict) == ("low", "supported")
