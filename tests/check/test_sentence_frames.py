"""What dates a figure that has no time of its own: the day a sentence opens with (across a
semicolon), a day named after a possessive period ("The quarter's defining session came on
Nov. 10"), "over the same span" pointing back at the sentence before, a total for the year
in a recap of the month before, and a range the rate "had" sat at before the decision.
Shapes met in blind batches (a quarter review, a midday update, a month recap, a Fed day);
each passage is our own, values computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime

from tests.check.passages import ALARMS, EDT, at, check, one


def test_the_day_a_sentence_opens_with_dates_the_figure_after_its_semicolon() -> None:
    # ^GSPC 2022-10-12 close 3577.03 (-25.43% from the Jan. 3 record close 4796.56);
    # 2022-10-13 3669.91 (+2.60%). In October the index rose 7.99%.
    text = (
        "**October's turn**\n\nThe S&P 500 hit its closing low of the bear market on Oct. 12, "
        "25.4% under its Jan. 3 peak. The following morning a hot inflation report knocked "
        "stocks down at the open before a violent reversal; the index ended up 2.6%."
    )
    claims = at(text, datetime(2023, 1, 4, 7, 0, tzinfo=EDT))
    assert [(c.claim.kind, c.claim.value, c.verdict) for c in claims] == [
        ("drawdown", -25.4, "supported"),
        ("pct_change", 2.6, "supported"),
    ]


def test_a_day_named_after_a_possessive_period_dates_the_next_sentence() -> None:
    # 2022-11-10: ^GSPC +5.54%, ^IXIC +7.35%; November: ^IXIC +4.37%
    text = (
        "**November**\n\nThe quarter's pivotal session came on Nov. 10, when October consumer "
        "prices rose 7.7% from a year before, below forecasts. The S&P 500 jumped 5.5%, its "
        "best day of the year, and the Nasdaq soared 7.4%."
    )
    claims = at(text, datetime(2023, 1, 4, 7, 0, tzinfo=EDT))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("^GSPC", 5.5, "supported"),
        ("^IXIC", 7.4, "supported"),
    ]


def test_over_the_same_span_points_back_at_the_sentence_before() -> None:
    # written at 12:40 on Aug 22, 2025; through Aug 21 for the year: ^GSPC 5881.63 -> 6370.17
    # (+8.31%), ^DJI 42544.22 -> 44785.50 (+5.27%). The Dow's Aug 22 session range was well
    # under 5%: read as that session, 5.3% would be called wrong.
    text = (
        "Through Thursday the S&P 500 was up 8.3% for the year. "
        "The Dow was up 5.3% over the same span."
    )
    claims = at(text, datetime(2025, 8, 22, 12, 40, tzinfo=EDT))
    assert [c.verdict for c in claims if c.verdict in ALARMS] == []
    assert one(claims, 5.3).verdict == "supported"


def test_a_total_for_the_year_in_a_recap_of_the_month_before() -> None:
    # published Saturday, March 2, 2024, about February: ^RUT for the year through Feb. 29
    # +1.37% (2027.07 -> 2054.84); through Friday, March 1, +2.43%
    text = (
        "February in review. The Nasdaq rose 6.1% over the month, while the Russell 2000 is "
        "up only 1.4% for the year."
    )
    claims = at(text, datetime(2024, 3, 2, 9, 0, tzinfo=EDT))
    assert one(claims, 1.4).verdict not in ALARMS
    assert one(claims, 6.1).verdict == "supported"


def test_the_range_the_rate_had_sat_at_is_the_one_before_the_decision() -> None:
    # Mar 16, 2022: the Fed lifted its range from 0%-0.25% to 0.25%-0.50%
    text = (
        "The Fed raised its benchmark rate by a quarter point on Wednesday, to a range of "
        "0.25%-0.50%. The rate had sat at 0%-0.25% since March 2020."
    )
    claims = check(text, date(2022, 3, 16))
    assert [(c.claim.kind, c.verdict) for c in claims] == [
        ("rate_change", "supported"),
        ("rate_level", "supported"),
        ("rate_level", "supported"),
    ]


def test_that_month_is_the_month_named_in_the_sentence_before() -> None:
    # Dec 18, 2024: a quarter-point cut to 4.25%-4.50%; no move in June 2025
    text = (
        "The Fed kept its benchmark in a range of 4.25%-4.50% on Wednesday, where it has been "
        "since December. That month's quarter-point cut was its third in a row."
    )
    claims = check(text, date(2025, 6, 18))
    assert [(c.claim.kind, c.verdict) for c in claims][:2] == [
        ("rate_level", "supported"),
        ("rate_change", "supported"),
    ]
    assert [c for c in claims if c.verdict in ALARMS] == []


# -- from the blind batch h97_ -----------------------------------------------------------------
def test_a_day_that_did_the_damage_does_not_end_the_sessions_counted() -> None:
    # Thursday, Apr 17, 2025 (a four-session week): ^GSPC 5363.36 (Apr 11) -> 5282.70 (-1.50%)
    text = (
        "Over the four sessions the S&P 500 shed 1.5%, pulled lower by Wednesday's rout in "
        "chipmakers."
    )
    claims = at(text, datetime(2025, 4, 17, 18, 40, tzinfo=EDT))
    assert [(c.claim.start, c.verdict) for c in claims] == [(date(2025, 4, 11), "supported")]


def test_a_change_after_two_dated_levels_runs_between_them() -> None:
    # IWM closed at 242.40 on Nov. 25, 2024 and 186.48 on Apr 17, 2025: -23.07%
    text = (
        "Small caps peaked on Nov. 25. The iShares Russell 2000 ETF (IWM), which closed at "
        "$242.40 that day, finished Thursday at $186.48, a drop of 23.1%."
    )
    claims = at(text, datetime(2025, 4, 17, 18, 40, tzinfo=EDT))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (242.4, "supported"),
        (186.48, "supported"),
        (-23.1, "supported"),
    ]


def test_where_a_move_from_one_day_to_another_left_it_is_the_later_day() -> None:
    # ^GSPC 4588.96 (Jul 31, 2023) -> 4117.37 (Oct 27): -10.28%; 14.16% under 4796.56
    text = (
        "Between its July 31 high and its Oct. 27 low, the S&P 500 gave up 10.3%, a drop that "
        "put it 14.2% below its record."
    )
    claims = check(text, date(2024, 1, 2))
    assert [(c.claim.kind, c.claim.end, c.verdict) for c in claims] == [
        ("pct_change", date(2023, 10, 27), "supported"),
        ("drawdown", date(2023, 10, 27), "supported"),
    ]


def test_a_figure_in_a_week_the_text_names_but_does_not_date_is_not_read_as_today() -> None:
    # published Apr 17, 2025: the S&P 500 rose 0.13% that day; election week was months before
    text = "In election week alone small caps had jumped 8.6%, nearly twice the S&P 500's 4.7%."
    claims = at(text, datetime(2025, 4, 17, 18, 40, tzinfo=EDT))
    assert [c.verdict for c in claims if c.verdict in ALARMS] == []


def test_ahead_by_points_at_its_peak_is_the_sessions_high() -> None:
    # ^DJI on Sep 20, 2023: high 34776.28 against the 34517.73 close before (+258.55); it
    # closed 76.85 points lower
    text = (
        "The Dow, which had been ahead by 259 points at its peak, closed 76.85 points lower "
        "on Wednesday."
    )
    claims = check(text, date(2023, 9, 20))
    assert [(c.claim.value, c.claim.field, c.verdict) for c in claims] == [
        (259.0, "high", "supported"),
        (-76.85, "close", "supported"),
    ]


# -- from the blind batches h98_ to h100_ ------------------------------------------------------
def test_a_bound_on_a_yield_move_holds_when_one_source_is_past_it() -> None:
    # the 10-year since Dec. 30, 2022, to Oct. 19, 2023: +110.9 bp (Cboe ^TNX), +110 bp (FRED)
    text = "The 10-year yield has climbed more than 110 basis points since the start of the year."
    (c,) = check(text, date(2023, 10, 19))
    assert (c.verdict, c.computed) == ("supported", 110.9)


def test_the_time_after_from_its_level_is_the_bases() -> None:
    # the 10-year closed Wednesday, Apr 26, 2023 at 3.43% (FRED); Tuesday it was 3.40%
    text = "The 10-year Treasury yield rose to 3.43% from its level late Tuesday."
    claims = at(text, datetime(2023, 4, 26, 17, 0, tzinfo=EDT))
    assert [(c.claim.end, c.verdict) for c in claims] == [(date(2023, 4, 26), "supported")]


def test_a_participle_after_a_name_finnews_lacks_is_that_names() -> None:
    # Feb 22, 2022: the Dow fell 1.42% on the day and 7.54% over the quarter to date; Home
    # Depot has no data here, and "quarterly sales" names the results' period, not a window
    text = (
        "Home Depot was the heaviest drag on the Dow, sliding 8.8% even though quarterly "
        "sales topped forecasts."
    )
    claims = at(text, datetime(2022, 2, 22, 17, 10, tzinfo=EDT))
    assert [(c.claim.ticker, c.verdict) for c in claims] == [(None, "unverifiable")]


def test_a_version_of_an_index_is_not_the_index() -> None:
    # the first half of 2023: the S&P 500 rose 15.9%; its equal-weighted cousin has no data here
    text = "An equal-weighted version of the S&P 500 gained only about 6% in the first half."
    claims = check(text, date(2023, 7, 1))
    assert [c.verdict for c in claims] == ["unverifiable"]


# -- from the blind batch h102_ ----------------------------------------------------------------
def test_a_percent_after_or_shares_the_points_figures_period() -> None:
    # ^GSPC Aug 31, 2022: -0.78% on the day to 3,955.00; August: -175.29 points, -4.24%
    text = (
        "The S&P 500 fell 0.8% on Wednesday to 3,955.00 and ended August down 175.29 points, "
        "or 4.2%."
    )
    claims = check(text, date(2022, 8, 31))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (-0.8, "supported"),
        (3955.0, "supported"),
        (-175.29, "supported"),
        (-4.2, "supported"),
    ]


def test_present_perfect_figures_with_no_period_are_read_to_date() -> None:
    # Sunday, March 17, 2024; through Friday for the year: ^IXIC +6.41%, ^DJI +2.72%,
    # MSFT +10.74% (Thursday, MSFT set a record close)
    text = (
        "The Nasdaq has gained 6.4% and the Dow 2.7%. Microsoft is up 11% and set a record "
        "close on Thursday."
    )
    claims = at(text, datetime(2024, 3, 17, 9, 30, tzinfo=EDT))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (6.4, "supported"),
        (2.7, "supported"),
        (11.0, "supported"),  # within half a unit of the last digit
    ]
