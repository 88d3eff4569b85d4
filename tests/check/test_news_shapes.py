"""Shapes met in a held-out batch of market coverage (fixtures/news/src/ho_*): live blogs,
morning notes, closing bulletins, rates stories. Each test reads a short passage in our own
words and pins what the reader makes of it (kind, value, ticker, window, or why it abstains)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from assistant.claims import extract_claims
from assistant.models import Claim

NY = ZoneInfo("America/New_York")
D = date.fromisoformat


def _claims(text: str, as_of: str, published: datetime | None = None) -> list[Claim]:
    return extract_claims(text, D(as_of), published)


def _one(claims: list[Claim], value: float) -> Claim:
    (c,) = [c for c in claims if c.value == value]
    return c


def _window(c: Claim) -> tuple[str | None, date | None, date | None]:
    return c.window, c.start, c.end


def test_a_morning_note_reads_as_of_the_last_close_and_leaves_today_unsettled() -> None:
    text = (
        "The S&P 500 dropped 4.5% for the week. The Nasdaq is now up just 0.7% this year. "
        "S&P 500 futures were up 1.5% on Monday."
    )
    claims = _claims(text, "2023-03-13", datetime(2023, 3, 13, 6, 55, tzinfo=NY))
    assert _window(_one(claims, -4.5)) == ("window", D("2023-03-06"), D("2023-03-10"))
    assert _one(claims, 0.7).end == D("2023-03-10")
    futures = _one(claims, 1.5)
    assert futures.end == D("2023-03-13")
    assert (
        futures.unsettled == "written before the 2023-03-13 session opened: no close to check yet"
    )


def test_a_live_blog_entry_stamp_dates_the_figures_under_it() -> None:
    text = (
        "4:08 p.m. ET - Closing bell\n\nThe Nasdaq closed down 3.1%.\n\n"
        "11:05 a.m. ET - Nvidia slides\n\nNvidia was trading down 17.5%."
    )
    claims = _claims(text, "2025-01-27", datetime(2025, 1, 27, 16, 24, tzinfo=NY))
    assert (_one(claims, -3.1).intraday, _one(claims, -17.5).intraday) == (False, True)


def test_closing_bulletin_shorthand() -> None:
    text = "Dow -1153.20 at 51594.10, Nasdaq -433.97 at 24442.94, S&P -112.63 at 7316.15"
    got = [(c.kind, c.value, c.ticker) for c in _claims(text, "2026-07-29")]
    assert got == [
        ("point_change", -1153.2, "^DJI"),
        ("index_level", 51594.1, "^DJI"),
        ("point_change", -433.97, "^IXIC"),
        ("index_level", 24442.94, "^IXIC"),
        ("point_change", -112.63, "^GSPC"),
        ("index_level", 7316.15, "^GSPC"),
    ]


def test_closing_list_lines_with_a_colon() -> None:
    got = [(c.kind, c.value, c.ticker) for c in _claims("S&P 500: 6,012.28, down 88.96 (-1.46%)",
                                                       "2025-01-27")]  # fmt: skip
    assert got == [
        ("index_level", 6012.28, "^GSPC"),
        ("point_change", -88.96, "^GSPC"),
        ("pct_change", -1.46, "^GSPC"),
    ]


def test_shares_of_a_company_we_do_not_know_are_not_the_stock_before() -> None:
    text = "Nvidia was down 12.6%. Shares of Dutch chip-equipment maker ASML fell about 7%."
    assert _one(_claims(text, "2025-01-27"), -7.0).ticker is None


def test_a_new_plural_subject_in_a_later_clause_takes_the_figure() -> None:
    text = "JPMorgan Chase jumped 11.5%, and regional bank funds rallied about 13%."
    assert [c.value for c in _claims(text, "2024-11-06")] == [11.5]


def test_a_gain_of_dollars_a_share_is_a_change() -> None:
    c = _one(_claims("IWM jumped 5.8% to $237.22, a gain of $12.99 a share.", "2024-11-06"), 12.99)
    assert (c.kind, _window(c)) == ("point_change", ("day", D("2024-11-06"), D("2024-11-06")))


def test_as_much_as_is_the_sessions_extreme() -> None:
    c = _one(_claims("The Dow had been up as much as 419 points on Wednesday.", "2022-11-02"), 419)
    assert (c.kind, c.field, c.end) == ("point_change", "high", D("2022-11-02"))
    year = _one(_claims("Nvidia was up as much as 40% this year.", "2024-06-03"), 40)
    assert year.unsettled is not None


def test_an_expected_fed_move_is_a_forecast() -> None:
    text = (
        "The Fed announces its next decision on Thursday, where a cut of 25 basis points is "
        "widely expected."
    )
    assert all(c.forecast for c in _claims(text, "2024-11-06"))


def test_a_count_of_moves_of_one_size_is_not_a_count_of_all_moves() -> None:
    text = "It was the Fed's sixth straight increase and its fourth straight hike of that size."
    fourth = _one(_claims(text, "2022-11-02"), 4)
    assert fourth.unsettled == "a count of moves of one size: finnews counts moves of any size"


def test_a_level_named_as_a_days_close() -> None:
    c = _one(_claims("The VIX was at 20.9, up from Friday's close of 14.85.", "2025-01-27"), 14.85)
    assert c.end == D("2025-01-24")


def test_an_appositive_period_dates_the_figure_before_it_and_the_next_sentence() -> None:
    text = "The S&P 500 dropped 4.5%, its worst week since September. The Nasdaq lost 4.8%."
    claims = _claims(text, "2023-03-10")
    week = ("window", D("2023-03-06"), D("2023-03-10"))
    assert (_window(_one(claims, -4.5)), _window(_one(claims, -4.8))) == (week, week)


def test_a_change_right_after_a_level_shares_its_period() -> None:
    text = "The 10-year yield ended the week at 3.70%, down 27 basis points."
    c = _one(_claims(text, "2023-03-10"), -27)
    assert (c.kind, _window(c)) == ("yield_change", ("window", D("2023-03-06"), D("2023-03-10")))


def test_a_day_after_to_level_dates_the_change_too() -> None:
    text = (
        "The 30-year yield closed at 5% on Wednesday and jumped another 11 basis points to "
        "5.11% on Thursday."
    )
    c = _one(_claims(text, "2023-10-20"), 11)
    assert (c.kind, c.ticker, c.end) == ("yield_change", "DGS30", D("2023-10-19"))


def test_a_maturity_alone_is_its_yield_and_a_week_in_which() -> None:
    text = (
        "Yields eased on Friday, with the 10-year slipping 6 basis points to 4.92%, in a week in "
        "which it climbed about 30 basis points."
    )
    claims = _claims(text, "2023-10-20")
    assert (_one(claims, -6).ticker, _one(claims, -6).end) == ("DGS10", D("2023-10-20"))
    assert _window(_one(claims, 30)) == ("window", D("2023-10-16"), D("2023-10-20"))


def test_a_yield_peak_is_the_sessions_high() -> None:
    c = _one(_claims("The 10-year yield peaked at 4.996% on Thursday.", "2023-10-20"), 4.996)
    assert (c.kind, c.field, c.end) == ("yield_level", "high", D("2023-10-19"))


def test_a_subhead_names_the_subject_of_the_list_under_it() -> None:
    text = (
        "**Russell 2000**\n\n- Added 3% for the week\n- Still down 2.6% for 2025\n\n"
        "**Megacap scorecard (weekly change)**\n\n- Meta Platforms: +7.5%\n- Tesla: +2.6%"
    )
    got = [(c.value, c.ticker, c.window, c.start) for c in _claims(text, "2025-06-27")]
    week = ("window", D("2025-06-23"))
    assert got == [
        (3.0, "^RUT", *week),
        (-2.6, "^RUT", "window", D("2025-01-01")),
        (7.5, "META", *week),
        (2.6, "TSLA", *week),
    ]


def test_points_and_percent_of_one_move_share_its_window() -> None:
    text = "The S&P 500 is up 1,190.30 points, or 23.9%, from its April 8 closing low of 4,982.77."
    claims = _claims(text, "2025-06-27")
    since = ("since", D("2025-04-08"), D("2025-06-27"))
    assert (_window(_one(claims, 1190.30)), _window(_one(claims, 23.9))) == (since, since)
    assert _one(claims, 4982.77).end == D("2025-04-08")


def test_over_n_sessions_is_a_trailing_window() -> None:
    c = _one(_claims("JPMorgan shares lost about 7% over five sessions.", "2023-03-10"), -7)
    assert _window(c) == ("trailing", D("2023-03-03"), D("2023-03-10"))


def test_a_change_said_to_stand_now_names_no_base() -> None:
    c = _one(_claims("The index is now up just 0.7%.", "2023-03-10"), 0.7)
    assert (c.window_source, c.end) == ("default", D("2023-03-10"))


def test_a_change_standing_now_that_the_day_contradicts_is_read_for_the_year() -> None:
    from assistant.check import verify_text
    from assistant.market.snapshot import SnapshotMarketData

    # ^RUT on 2023-03-10: -3.0% on the day; 1761.25 -> 1772.70 for the year to date (+0.65%)
    (c,) = verify_text(
        "The Russell 2000 is now up just 0.7%.", D("2023-03-10"), SnapshotMarketData()
    )
    assert (c.verdict, round(c.computed or 0, 2)) == ("supported", 0.65)
    assert c.explanation.startswith("the text names no period: read for the year to date")
    (c,) = verify_text(  # neither the day nor a period to date: abstain
        "The Russell 2000 is now up just 4.4%.", D("2023-03-10"), SnapshotMarketData()
    )
    assert c.verdict == "unverifiable"


def test_quarters_halves_and_their_adjectives() -> None:
    text = "The S&P 500 rose 10.2% in the first quarter and another 3.9% in the second."
    claims = _claims(text, "2024-06-28")
    assert _window(_one(claims, 3.9)) == ("window", D("2024-04-01"), D("2024-06-28"))
    c = _one(_claims("Apple rose 9.4%, nearly all of it in a 22.8% second-quarter rebound.",
                     "2024-06-28"), 22.8)  # fmt: skip
    assert _window(c) == ("window", D("2024-04-01"), D("2024-06-28"))
    touched = _one(_claims("The S&P 500 touched 7,450.84 in the first half hour.", "2026-07-29"),
                   7450.84)  # fmt: skip
    assert touched.end == D("2026-07-29")


def test_a_period_entered_on_a_day_ends_at_the_close_before() -> None:
    text = "The Nasdaq had risen 2.1% on Monday and entered Tuesday down 21.6% for the year."
    c = _one(_claims(text, "2022-09-13", datetime(2022, 9, 13, 12, 52, tzinfo=NY)), -21.6)
    assert (_window(c), c.intraday) == (("window", D("2022-01-01"), D("2022-09-12")), False)


def test_a_drop_of_dollars_shares_the_window_of_the_move_it_restates() -> None:
    text = "Tesla has lost nearly 19% since the April 11 close, a drop of $32.55 a share."
    c = _one(_claims(text, "2024-04-22"), -32.55)
    assert _window(c) == ("since", D("2024-04-11"), D("2024-04-22"))


def test_a_decline_in_apposition_to_a_distance_from_the_record_is_a_drawdown() -> None:
    text = (
        "At Monday's close Tesla sat two-thirds below its November 2021 record, a decline of 65.4%."
    )
    c = _one(_claims(text, "2024-04-22"), -65.4)
    assert (c.kind, c.end) == ("drawdown", D("2024-04-22"))


def test_the_base_level_of_a_from_clause_does_not_cut_the_clause_off() -> None:
    text = "From its Oct. 27 close of 32,417.59, the Dow has rallied about 7,600 points, or 23.4%."
    claims = _claims(text, "2024-05-17")
    since = ("since", D("2023-10-27"), D("2024-05-17"))
    assert (_window(_one(claims, 7600)), _window(_one(claims, 23.4))) == (since, since)


def test_volatility_with_no_period_abstains() -> None:
    (c,) = _claims("The S&P 500's annualized volatility was 8.7%.", "2025-09-30")
    assert c.unsettled == "the text gives no period for this volatility figure"


def test_a_session_range_names_its_low_and_high() -> None:
    text = "The VIX ended at 22.38, after swinging between 18.83 and 23.76 during the session."
    claims = _claims(text, "2024-09-06")
    assert [(c.value, c.field) for c in claims] == [
        (22.38, "close"),
        (18.83, "low"),
        (23.76, "high"),
    ]


def test_touched_before_a_lower_finish_is_the_high() -> None:
    text = "The Dow touched 40,051.05 before slipping back to finish at 39,869.38."
    assert _one(_claims(text, "2024-05-16"), 40051.05).field == "high"
    text = "Nvidia dropped 5.6% to $127.40, after touching $136.15 early in the session."
    assert _one(_claims(text, "2024-07-11"), 136.15).field == "high"


def test_scoreboard_lines_and_elided_verbs() -> None:
    claims = _claims("Meta Platforms (+46.2%)", "2024-06-28")
    assert [(c.ticker, c.value) for c in claims] == [("META", 46.2)]
    text = "IJR is down 1.5%, while the mid-cap IJH fund has managed 5.6%."
    assert _one(_claims(text, "2024-06-28"), 5.6).ticker == "IJH"


def test_a_passage_about_an_earlier_year_dates_its_months_and_days() -> None:
    text = (
        "2020: the fast crash\n\nFrom a record on Feb. 12, the Dow fell 37.1% by the March 23 "
        "close. The Nasdaq's single worst day, March 16, was a 12.3% plunge."
    )
    claims = _claims(text, "2023-10-28")
    fell = _one(claims, -37.1)
    assert (_window(fell), fell.window_source) == (
        ("since", D("2020-02-12"), D("2020-03-23")), "carried")  # fmt: skip
    assert _one(claims, -12.3).end == D("2020-03-16")


def test_years_in_names_and_since_clauses_date_nothing() -> None:
    text = "The Russell 2000 rose 1.4% on Dec. 5, its best day since 2020."
    assert _one(_claims(text, "2025-12-12"), 1.4).end == D("2025-12-05")


def test_from_month_through_month_and_from_the_end_of_a_year() -> None:
    c = _one(_claims("The S&P 500 rose 10.6% from April through June.", "2025-07-03"), 10.6)
    assert _window(c) == ("window", D("2025-04-01"), D("2025-06-30"))
    c = _one(_claims("Measured from the end of 2020, SPY has gained 83%.", "2025-12-06"), 83)
    assert _window(c) == ("window", D("2021-01-01"), D("2025-12-06"))


def test_a_period_noun_and_an_in_which_clause_bind_their_numbers() -> None:
    text = (
        "Amazon's October advance of 11.2% followed a third quarter in which it went nowhere, "
        "gaining just 0.1%."
    )
    claims = _claims(text, "2025-10-31")
    assert _window(_one(claims, 11.2)) == ("window", D("2025-10-01"), D("2025-10-31"))
    assert _window(_one(claims, 0.1)) == ("window", D("2025-07-01"), D("2025-09-30"))


def test_readings_that_name_no_day_abstain() -> None:
    text = "The Dow ended half a percent below its record close of 45,014.04."
    c = _one(_claims(text, "2025-07-03"), 45014.04)  # the highest close up to then, weakly
    assert (c.field, c.window_source, c.end) == ("peak", "carried", D("2025-07-03"))
    text = "The Dow ended half a percent below its closing high of 45,014.04."
    assert _one(_claims(text, "2025-07-03"), 45014.04).unsettled == (
        "the level of a record set on a day the text does not give")  # fmt: skip
    text = "The Russell 2000 is up only about 3% from its November 2021 peak."
    assert _one(_claims(text, "2025-12-06"), 3).unsettled == (
        "measured from a peak or trough whose day the text does not give")  # fmt: skip
    text = "Amazon was indicated up as much as 13% in extended trading on Thursday."
    assert _one(_claims(text, "2025-10-31"), 13).unsettled == (
        "a move outside regular trading hours: daily closes cannot settle it")  # fmt: skip


def test_a_guessed_the_stock_is_a_carried_subject() -> None:
    text = "Microsoft slipped 1%. Amazon jumped 9.6% on Friday. The stock touched $250.50."
    c = _one(_claims(text, "2025-10-31"), 250.50)
    assert (c.ticker, c.subject_source) == ("AMZN", "carried")


def test_points_with_percent_in_parentheses_and_dollar_moves() -> None:
    text = "The S&P 500 added 51.93 points (0.8%) on Thursday and closed at 6,279.35."
    claims = _claims(text, "2025-07-03")
    assert [(c.kind, c.value) for c in claims] == [
        ("point_change", 51.93), ("pct_change", 0.8), ("index_level", 6279.35)]  # fmt: skip
    text = "Amazon settled at $244.22 on Friday, up $21.36, or 9.6%."
    c = _one(_claims(text, "2025-10-31"), 21.36)
    assert (c.kind, c.ticker, c.end) == ("point_change", "AMZN", D("2025-10-31"))


def test_a_gain_that_came_to_and_a_bounce() -> None:
    text = "The Nasdaq composite's gain came to 207.97 points, or 1%, on Thursday."
    assert _one(_claims(text, "2025-07-03"), 207.97).kind == "point_change"
    text = "Counting from the Aug. 5 close, the S&P 500 had bounced almost 9% by Friday."
    c = _one(_claims(text, "2024-09-03"), 9)
    assert _window(c) == ("since", D("2024-08-05"), D("2024-08-30"))


def test_a_window_opening_the_next_clause_is_that_clauses() -> None:
    text = "The S&P 500 fell 1.5% on Friday and ended the week down 1.9%."
    claims = _claims(text, "2025-01-10")
    assert _one(claims, -1.5).window == "day"
    assert _window(_one(claims, -1.9)) == ("window", D("2025-01-06"), D("2025-01-10"))


def test_completed_periods_and_last_weeks() -> None:
    text = "The S&P 500 ended the month at 7,209.01."
    assert _one(_claims(text, "2026-05-05"), 7209.01).end == D("2026-04-30")
    text = "US stocks opened lower, extending last week's 5.1 per cent drop for the S&P 500."
    c = _one(_claims(text, "2022-06-13"), -5.1)
    assert _window(c) == ("window", D("2022-06-06"), D("2022-06-10"))


def test_names_and_clauses_that_own_their_numbers() -> None:
    text = "Oracle soared 36% on Wednesday, and Tesla gained 12.9% over the five sessions."
    claims = _claims(text, "2025-09-14")
    assert _one(claims, 36).ticker is None
    assert _window(_one(claims, 12.9)) == ("trailing", D("2025-09-05"), D("2025-09-14"))
    text = "Nasdaq squeezes out another record; Dow sheds 436 points as small caps sink"
    assert _one(_claims(text, "2025-07-15"), -436).ticker == "^DJI"
    text = "The last time the Fed restarted cuts, it made a half-point reduction on Sept. 18, 2024."
    assert _one(_claims(text, "2025-09-14"), -50).end == D("2024-09-18")


def test_rough_spans_and_past_lows_abstain_and_session_prices_are_intraday() -> None:
    text = "In March 2020, SPY fell 34% in about a month."
    assert _one(_claims(text, "2026-02-14"), -34).unsettled is not None
    text = "After the April tariff announcements, SPY sank to 19% below its February high."
    assert _one(_claims(text, "2026-02-14"), -19).unsettled is not None
    text = "Nvidia was trading at $171.10 late in the session."
    assert _one(_claims(text, "2025-07-15"), 171.10).intraday is True


def test_fifth_batch_shapes() -> None:
    text = "Think back to the last week of October. November's everything rally lifted stocks."
    assert [w for c in _claims(text, "2023-11-30") for w in [c]] == []  # no figures, no crash
    text = "The two-year yield dipped 4 basis points to 3.72%, while the 10-year edged up to 4.29%."
    assert _one(_claims(text, "2025-08-12"), 4.29).ticker == "DGS10"
    text = (
        "The S&P 500 gained 0.7% to 5,973.10, leaving it within about 27 points of the 6,000 mark."
    )
    assert [c.value for c in _claims(text, "2024-11-07")] == [0.7, 5973.10]
    text = "The S&P 500 alone was up 9.5% through Wednesday."
    assert _one(_claims(text, "2024-03-21"), 9.5).unsettled is not None
    text = "Measured from its Oct. 27 low close, the benchmark has climbed nearly 11%."
    c = _one(_claims("The S&P 500 rose. " + text, "2023-11-30"), 11)
    assert _window(c) == ("since", D("2023-10-27"), D("2023-11-30"))
    text = (
        "The Nasdaq added 1.4%, building on a 1% rise on Monday, and the Dow tacked on "
        "483.52 points to end at 44,458.61."
    )
    level = _one(_claims(text, "2025-08-12"), 44458.61)  # not the Nasdaq's Monday
    assert (level.ticker, level.window_source) == ("^DJI", "default")


def test_sixth_batch_shapes() -> None:
    text = "The VIX ended the week at 14.74, up from 13.11 a week earlier."
    assert _one(_claims(text, "2024-03-09"), 14.74).end == D("2024-03-08")  # written Saturday
    text = "UnitedHealth Group, the Dow's priciest health insurer, lost more than 7%."
    assert _one(_claims(text, "2025-02-21"), -7).ticker is None
    text = "The S&P 500 remains up 2.2% in 2025, well ahead of the Nasdaq's 1.1%."
    c = _one(_claims(text, "2025-02-21"), 1.1)
    assert (c.ticker, _window(c)) == ("^IXIC", ("window", D("2025-01-01"), D("2025-02-21")))
    text = "The final session was a sleepy one: the broad index dipped 0.3%."
    c = _one(_claims(text, "2023-12-29"), -0.3)
    assert (c.ticker, c.end) == ("^GSPC", D("2023-12-29"))
    text = "By Oct. 27 the S&P 500 had closed at 4,117.37, down 10.3% from its summer high."
    assert _one(_claims(text, "2023-12-29"), -10.3).unsettled is not None
    text = "From the October low to Friday's close, the S&P 500 rose 15.8%."
    c = _one(_claims(text, "2023-12-29"), 15.8)  # from the month's lowest close (Oct. 27)
    assert (c.start_field, c.peak_start, c.peak_end, c.end) == (
        "trough",
        D("2023-10-01"),
        D("2023-10-31"),
        D("2023-12-29"),
    )
    text = "Two weeks ago, the 10-year yield closed at 4.99%."
    assert _one(_claims(text, "2023-11-04"), 4.99).window_source == "carried"
    text = "On the eve of the SVB failure the 2-year yield had stood at 5.05%."
    assert _one(_claims(text, "2023-03-22"), 5.05).unsettled is not None


def test_seventh_batch_shapes() -> None:
    text = "Measured from the last close of 2025, the S&P 500 is up 9.6%."
    assert _window(_one(_claims(text, "2026-06-30"), 9.6)) == (
        "window", D("2026-01-01"), D("2026-06-30"))  # fmt: skip
    text = "The first three months were rough. The S&P 500 lost 4.6% in the quarter."
    c = _one(_claims(text, "2026-06-30"), -4.6)
    assert (_window(c), c.window_source) == (
        ("window", D("2026-01-01"), D("2026-03-31")), "carried")  # fmt: skip
    text = "From that March trough to Tuesday, the S&P 500 has climbed 18.2%."
    assert _one(_claims(text, "2026-06-30"), 18.2).unsettled is not None
    text = "The Dow, anchored by steady earners that held up in 2022, rose only 2.8% on Tuesday."
    assert _one(_claims(text, "2023-01-31"), 2.8).end == D("2023-01-31")
    text = (
        "The VIX, which measures expected swings in the S&P 500, fell roughly 10% from "
        "Wednesday's 26.09."
    )
    c = _one(_claims(text, "2022-11-10"), -10)
    assert (c.ticker, _window(c)) == ("^VIX", ("trailing", D("2022-11-09"), D("2022-11-10")))
    text = "Crude oil slipped, with the U.S. benchmark settling near $110 a barrel."
    assert _claims(text, "2022-05-18") == []


def test_eighth_batch_shapes() -> None:
    text = (
        "Officials signaled that another hike of either 50 or 75 basis points was likely in July."
    )
    assert all(c.forecast or c.unsettled for c in _claims(text, "2022-06-15"))
    text = "The Russell 2000 rose 1.4%; small caps had lost about 8.5% over the preceding week."
    c = _one(_claims(text, "2022-06-15"), -8.5)
    assert c.window == "trailing" and c.start == D("2022-06-08")
    text = "The Fed has raised its policy rate by a combined 225 basis points since March."
    (c,) = _claims(text, "2022-08-26")  # a sum of moves (tests/check/test_fed_totals.py)
    assert (c.kind, c.field, c.value, c.start) == ("rate_change", "total", 225.0, D("2022-03-01"))


def test_a_day_that_owns_a_figure_does_not_date_the_next_sentence() -> None:
    text = (
        "The Fed lowered rates again on Wednesday, and stocks rallied. "
        "Lenders bounced: JPMorgan Chase rose 3.2% to $310.11, clawing back some of "
        "Tuesday's 4.7% slide. Microsoft went the other way, sliding 2.7%."
    )
    claims = _claims(text, "2025-12-10", datetime(2025, 12, 10, 17, 5, tzinfo=NY))
    assert _one(claims, -4.7).end == D("2025-12-09")
    msft = _one(claims, -2.7)
    assert (msft.ticker, msft.end) == ("MSFT", D("2025-12-10"))


def test_the_main_clause_dates_the_next_sentence_not_a_look_back() -> None:
    text = (
        "The S&P 500 rose 1.1% on Wednesday, undoing part of a 0.8% drop on Tuesday. "
        "The Nasdaq added 1.5%."
    )
    claims = _claims(text, "2025-12-12", datetime(2025, 12, 12, 17, 5, tzinfo=NY))
    assert _one(claims, -0.8).end == D("2025-12-09")
    assert _one(claims, 1.5).end == D("2025-12-10")


def test_descriptions_of_a_company_or_the_dow_name_the_subject_before() -> None:
    text = (
        "Tesla rose 3% on Friday. Even so, the electric-car maker ended the week down "
        "nearly 15%. The Dow slipped 0.2% on Friday, and the blue chips lost 1.5% for the week."
    )
    claims = _claims(text, "2024-03-08", datetime(2024, 3, 8, 17, 0, tzinfo=NY))
    week = _one(claims, -15.0)
    assert (week.ticker, week.start, week.end) == ("TSLA", D("2024-03-04"), D("2024-03-08"))
    assert _one(claims, -1.5).ticker == "^DJI"


def test_a_list_item_that_starts_with_its_verb_is_about_the_subhead() -> None:
    text = (
        "A look at the week.\n\n**Dow Jones Industrial Average**\n\n"
        "- Ended up 1,612.45 points, or 3.82%, at 43,819.27\n"
        "- Remains 2.65% below its Dec. 4 record close\n"
    )
    claims = _claims(text, "2025-06-27", datetime(2025, 6, 27, 17, 45, tzinfo=NY))
    assert {(c.ticker, c.value) for c in claims} == {
        ("^DJI", 1612.45),
        ("^DJI", 3.82),
        ("^DJI", 43819.27),
        ("^DJI", -2.65),
    }


def test_a_string_of_moves_of_one_size_is_no_single_dated_move() -> None:
    text = (
        "The Fed raised rates seven times this year, among them a run of three-quarter-point "
        "hikes, before stepping down to a half-point increase on Dec. 14."
    )
    claims = _claims(text, "2022-12-30")
    several = _one(claims, 75.0)
    assert several.unsettled == "several moves of this size: the text does not say which"
    assert _one(claims, 50.0).end == D("2022-12-14")


def test_began_the_day_reads_as_of_the_last_close_in_a_session_note() -> None:
    text = (
        "The S&P 500 began the day nearly 8% below its February record and down 3.8% for "
        "the year, while the Nasdaq was off 7.2% since New Year's. "
        "Apple, which had lost a fifth of its value this year through Friday, is up 5.9%."
    )
    claims = _claims(text, "2025-05-12", datetime(2025, 5, 12, 11, 5, tzinfo=NY))
    assert _one(claims, -8.0).end == D("2025-05-09")
    assert _window(_one(claims, -3.8)) == ("window", D("2025-01-01"), D("2025-05-09"))
    assert _one(claims, -7.2).end == D("2025-05-09")
    apple = _one(claims, 5.9)
    assert (apple.end, apple.intraday) == (D("2025-05-12"), True)


def test_a_level_after_a_weekly_change_is_the_weeks_last_close() -> None:
    text = "The S&P 500 climbed 4.5% over the week to close at 7,126.06."
    claims = _claims(text, "2026-04-18", datetime(2026, 4, 18, 9, 0, tzinfo=NY))
    assert _one(claims, 7126.06).end == D("2026-04-17")


def test_a_when_clause_dates_a_distance_from_the_record() -> None:
    text = (
        "From its March 30 close, when it stood about 9% below its January record, "
        "the benchmark S&P 500 has rallied 12.3%."
    )
    claims = _claims(text, "2026-04-17", datetime(2026, 4, 17, 17, 0, tzinfo=NY))
    assert _one(claims, -9.0).end == D("2026-03-30")


def test_a_verb_phrase_after_and_keeps_its_week_to_itself() -> None:
    text = (
        "Stocks sank on Friday after a weak jobs report. "
        "The Russell 2000 slumped 3.5% and closed the week with its worst loss in months."
    )
    claims = _claims(text, "2024-08-02", datetime(2024, 8, 2, 17, 0, tzinfo=NY))
    assert _window(_one(claims, -3.5)) == ("day", D("2024-08-02"), D("2024-08-02"))


def test_had_held_on_a_day_is_a_hold_not_the_range_before_a_change() -> None:
    text = "The Fed had held its key rate at 5.25%-5.50% on Wednesday, its highest in decades."
    (level,) = [c for c in _claims(text, "2024-08-02") if c.kind == "rate_level"]
    assert (level.end, level.field) == (D("2024-07-31"), None)


def test_they_at_the_start_is_the_subject_before_not_an_index_named_later() -> None:
    text = (
        "Meta shares fell 11.3% on Thursday. They now sit 15.6% below their August record, "
        "well behind the S&P 500."
    )
    claims = _claims(text, "2025-10-30", datetime(2025, 10, 30, 17, 0, tzinfo=NY))
    assert _one(claims, -15.6).ticker == "META"


def test_percentage_points_off_tariffs_in_a_fed_story_are_no_fed_move() -> None:
    text = (
        "The Fed lowered rates by a quarter point on Wednesday. Washington also agreed to cut "
        "tariffs on some imports by 10 percentage points."
    )
    moves = [c.value for c in _claims(text, "2025-10-30") if c.kind == "rate_change"]
    assert moves == [-25.0]


def test_a_benchmark_abroad_is_not_the_sp_500() -> None:
    text = "The S&P 500 fell 2.1%. The pan-European STOXX benchmark closed down 1.2%."
    europe = _one(_claims(text, "2026-01-20"), -1.2)
    assert europe.ticker is None


def test_a_dissenters_preferred_move_is_no_fact() -> None:
    text = (
        "The Fed cut by a quarter point. One governor pushed for a bigger, half-point "
        "reduction, while another preferred no change."
    )
    half = _one(_claims(text, "2025-10-29"), -50.0)
    assert half.forecast is True


def test_a_record_set_in_a_month_is_that_months_highest_close() -> None:
    text = (
        "The Dow topped its closing record of 36,799.65, set in January 2022, for the first "
        "time on Wednesday."
    )
    record = _one(_claims(text, "2023-12-13"), 36799.65)
    assert (record.unsettled, record.field, record.start, record.end) == (
        None, "peak", D("2022-01-01"), D("2022-01-31"))  # fmt: skip


def test_a_range_in_early_2022_is_read_then_and_only_as_a_rough_date() -> None:
    text = "The Fed's range has now climbed from 0%-0.25% in early 2022."
    (low,) = [c for c in _claims(text, "2023-12-13") if c.kind == "rate_level"]
    assert (low.end, low.window_source) == (D("2022-04-30"), "carried")


def test_since_last_friday_and_where_the_year_began_are_bases() -> None:
    text = (
        "The S&P 500 had fallen 180.10 points since last Friday. "
        "The 10-year yield climbed to 3.69%; it began the year near 1.5%. "
        "The 2-year yield is higher than where it began the year, up 24 basis points."
    )
    claims = _claims(text, "2022-09-23", datetime(2022, 9, 23, 17, 0, tzinfo=NY))
    assert _window(_one(claims, -180.1)) == ("since", D("2022-09-16"), D("2022-09-23"))
    assert _one(claims, 1.5).end == D("2021-12-31")
    assert _window(_one(claims, 24.0)) == ("since", D("2021-12-31"), D("2022-09-23"))


def test_a_close_named_first_dates_the_period_figures_after_it() -> None:
    text = (
        "At Tuesday's close the Nasdaq was down 26.1% for the year. "
        "By the close on April 8, the S&P 500 was down 15.3% for the year."
    )
    claims = _claims(text, "2022-07-27")
    assert _window(_one(claims, -26.1)) == ("window", D("2022-01-01"), D("2022-07-26"))
    assert _window(_one(claims, -15.3)) == ("window", D("2022-01-01"), D("2022-04-08"))


def test_an_event_clause_keeps_its_date() -> None:
    text = (
        "Apple is up 3.3% ahead of its own results on Thursday. "
        "Meta Platforms was off just 1.6% after a long winning streak in February."
    )
    claims = _claims(text, "2025-03-31", datetime(2025, 3, 31, 17, 0, tzinfo=NY))
    assert _one(claims, 3.3).end != D("2025-04-03")
    assert _one(claims, -1.6).period != "in February"


def test_a_possessive_day_in_a_sentence_without_figures_is_not_carried() -> None:
    text = "Treasuries extended Wednesday's slide. The 10-year yield rose 7 basis points."
    claims = _claims(text, "2026-03-12", datetime(2026, 3, 12, 16, 38, tzinfo=NY))
    assert _one(claims, 7.0).end == D("2026-03-12")


def test_a_bare_maturity_with_an_adverb_is_that_yield() -> None:
    text = "The 10-year yield fell to 4.17%, while the 30-year actually rose, ending at 4.84%."
    assert _one(_claims(text, "2025-12-31"), 4.84).ticker == "DGS30"


def test_counts_of_one_size_and_a_first_move_since_abstain() -> None:
    text = (
        "Fed policymakers raised the federal funds rate by three-quarters of a percentage point "
        "for the second meeting in a row, lifting the range to 2.25%-2.5%. It was the first "
        "reduction since March 2020."
    )
    got = {c.value: c.unsettled for c in _claims(text, "2022-07-27") if c.kind == "rate_count"}
    assert got == {
        2.0: "a count of moves of one size: finnews counts moves of any size",
        1.0: "the first move since an earlier time: a gap finnews does not measure",
    }


def test_a_gapped_clause_takes_the_verb_and_period_it_leaves_out() -> None:
    text = (
        "The S&P 500 is up nearly 18% since the start of January and the Nasdaq roughly 19%. "
        "Apple ended 3.8 per cent weaker and Microsoft 4.3 per cent."
    )
    got = [(c.ticker, c.value, c.period, c.approximate) for c in _claims(text, "2024-09-18")]
    assert got == [
        ("^GSPC", 18.0, "since the start of January", True),
        ("^IXIC", 19.0, "since the start of January", True),
        ("AAPL", -3.8, "the day of publication", False),
        ("MSFT", -4.3, "the day of publication", False),
    ]


def test_the_stock_in_a_story_about_one_company_is_that_company() -> None:
    text = (
        "Amazon shares jumped 9.6% on Friday after its report. Microsoft, which reported the "
        "same evening, slipped 1.5%.\n\nThe stock has now climbed 48% from its April low."
    )
    claims = extract_claims(
        text, D("2025-10-31"), datetime(2025, 10, 31, 17, 0, tzinfo=NY), "Amazon soars on cloud"
    )
    assert _one(claims, 48.0).ticker == "AMZN"


def test_a_gap_named_after_its_number_or_by_a_verb_before_it() -> None:
    text = (
        "The Russell 2000 eked out a 0.3% gain, about 1.5 percentage points better than the "
        "Nasdaq. The iShares Core S&P Mid-Cap ETF (IJH), whose 7.8% gain trailed SPY's by "
        "2.7 points, lagged."
    )
    got = [(c.ticker, c.value) for c in _claims(text, "2024-03-08") if c.kind == "gap"]
    assert got == [("^RUT", 1.5), ("IJH", -2.7)]


def test_volatility_figures_set_against_each_other() -> None:
    text = (
        "The S&P 500's annualized volatility was 18.7% in 2025, up from 12.7% in 2024.\n\n"
        "SPY's daily moves in April annualized to a volatility of 11.6%, and QQQ's to about 15%."
    )
    got = [
        (c.ticker, c.value, c.period, c.approximate)
        for c in _claims(text, "2025-12-31")
        if c.kind == "volatility"
    ]
    assert got == [
        ("^GSPC", 18.7, "in 2025", False),
        ("^GSPC", 12.7, "in 2024", False),
        ("SPY", 11.6, "in April", False),
        ("QQQ", 15.0, "in April", True),
    ]


def test_that_day_opening_a_paragraph_is_the_day_named_before_it() -> None:
    text = (
        "September looked survivable at first. Then came the inflation report on the 13th.\n\n"
        "The S&P 500 sank 4.3% that day. The Dow tumbled 1,276.37 points and the Nasdaq 5.2%."
    )
    claims = _claims(text, "2022-09-30", datetime(2022, 9, 30, 17, 0, tzinfo=NY))
    assert {c.end for c in claims} == {D("2022-09-13")}
    assert {c.window_source for c in claims} == {"carried"}


def test_overnight_trading_and_bets_on_a_cut_are_not_checked_as_facts() -> None:
    text = (
        "The 30-year yield finished near 4.72%, after trading above 5% overnight. "
        "Traders pushed back bets on the Federal Reserve's first rate cut."
    )
    claims = _claims(text, "2025-04-09", datetime(2025, 4, 9, 17, 0, tzinfo=NY))
    assert _one(claims, 5.0).unsettled is not None
    (first,) = [c for c in claims if c.kind == "rate_count"]
    assert first.forecast is True


def test_a_figure_told_a_day_after_another_day_is_the_session_before_it() -> None:
    # counted back from Friday (weakly dated: an alarm on it abstains)
    text = (
        "Stocks roared back on Friday, one day after the S&P 500 finished 10.1% below its "
        "all-time high."
    )
    claims = _claims(text, "2025-03-14", datetime(2025, 3, 14, 17, 0, tzinfo=NY))
    c = _one(claims, -10.1)
    assert (c.end, c.window_source, c.unsettled) == (D("2025-03-13"), "carried", None)


def test_a_week_that_included_and_a_bare_30_year_bond() -> None:
    text = (
        "The S&P 500 rose 1.8%, giving it a 5.7% gain for a week that included Wednesday's "
        "surge. The 30-year bond ended at 4.87%."
    )
    claims = _claims(text, "2025-04-11", datetime(2025, 4, 11, 17, 0, tzinfo=NY))
    assert _window(_one(claims, 5.7)) == ("window", D("2025-04-07"), D("2025-04-11"))
    assert _one(claims, 4.87).ticker == "DGS30"


def test_the_deepest_fall_of_a_period_and_a_count_of_records_are_not_levels() -> None:
    text = (
        "The S&P 500 never fell more than a modest 5.5% from a peak in the first half, and "
        "its June 18 close was the last of 31 records in the half."
    )
    claims = _claims(text, "2024-06-28")
    assert _one(claims, -5.5).unsettled is not None
    assert [c for c in claims if c.value == 31.0] == []


def test_the_current_range_is_the_range_now_not_the_one_before() -> None:
    text = (
        "Futures point to a quarter-point hike next week, which would lift the Fed's rate from "
        "its current 4.50%-4.75% range."
    )
    (now,) = [c for c in _claims(text, "2023-03-16") if c.kind == "rate_level"]
    assert (now.value, now.field) == (4.75, None)


def test_a_date_of_last_year_is_that_date() -> None:
    text = (
        "The obvious reference point is Aug. 5 of last year, when the VIX briefly shot as "
        "high as 65.73."
    )
    assert _one(_claims(text, "2025-04-04"), 65.73).end == D("2024-08-05")


def test_a_pre_open_note_reads_this_month_so_far_and_premarket_moves_as_off_hours() -> None:
    text = (
        "The Nasdaq has risen 1.7% in April after a 10.4% slide in the first three months. "
        "Apple is down about 7% in premarket trading from Wednesday's close of $223.89. "
        "The ISM services index is due at 10 a.m."
    )
    claims = _claims(text, "2025-04-03", datetime(2025, 4, 3, 6, 30, tzinfo=NY))
    assert _window(_one(claims, 1.7)) == ("window", D("2025-04-01"), D("2025-04-02"))
    assert _one(claims, -7.0).unsettled is not None
    assert [c for c in claims if c.value == 10.0] == []


def test_a_sentence_about_before_the_bell_does_not_end_the_session_for_later_ones() -> None:
    # written at 9:50 a.m.: TSLA 2022-12-30 123.18 -> 2023-01-24 143.89 (+16.81%), and the
    # session's figures after the pre-open sentence are still read against the session
    text = (
        "Stocks fell at the open. Before the bell, contracts tied to the S&P 500 were down "
        "about 1%. Tesla has climbed 16.8% this year."
    )
    claims = _claims(text, "2023-01-25", datetime(2023, 1, 25, 9, 50, tzinfo=NY))
    assert _one(claims, 16.8).intraday is True


def test_a_before_the_bell_heading_covers_the_lines_under_it() -> None:
    text = "Before the bell\n\nThe S&P 500 rose 1.1% on Tuesday. It is up 4.6% this month."
    claims = _claims(text, "2023-01-25", datetime(2023, 1, 25, 11, 0, tzinfo=NY))
    assert _one(claims, 4.6).intraday is False


def test_last_week_on_a_weekend_is_the_week_just_ended() -> None:
    text = "JPMorgan Chase fell 4.7% last week."
    claims = _claims(text, "2026-01-25")
    assert _window(_one(claims, -4.7)) == ("window", D("2026-01-19"), D("2026-01-23"))


def test_a_points_record_for_a_single_session_has_no_day_to_check() -> None:
    text = "The Dow jumped 2,962.86 points, the most it has ever gained in a single session."
    got = _one(_claims(text, "2025-12-20"), 2962.86)
    assert got.unsettled == "a one-day move whose day the text does not give"


def test_a_clause_after_and_with_no_number_keeps_its_period() -> None:
    text = "The Russell 2000 rose 0.2% and is essentially flat for 2024."
    claims = _claims(text, "2024-06-18", datetime(2024, 6, 18, 17, 0, tzinfo=NY))
    assert _one(claims, 0.2).period != "for 2024"


def test_the_benchmark_before_its_number_and_counts_of_sessions() -> None:
    text = (
        "That left the benchmark 0.4% lower on the week. The Dow was helped by a streak of "
        "13 consecutive up sessions."
    )
    claims = _claims(text, "2025-06-13")
    assert _one(claims, -0.4).ticker == "^GSPC"
    assert [c for c in claims if c.value == 13.0] == []


def test_a_description_between_commas_does_not_date_the_move() -> None:
    text = "Nvidia, the darling of the first half, slipped 1.7% in the third quarter."
    got = _one(_claims(text, "2024-10-01"), -1.7)
    assert got.period == "in the third quarter"


def test_a_pattern_across_years_is_no_claim_about_one() -> None:
    text = (
        "When the S&P 500 has risen 20% or more through September, the fourth quarter has "
        "been positive in most years."
    )
    assert all(c.forecast for c in _claims(text, "2024-10-01"))


def test_from_a_date_opening_a_clause_is_a_since_window() -> None:
    text = (
        "From Dec. 6, 2022, the Nasdaq-100 has climbed 87.2%.\n\n"
        "The Nasdaq-100 added about 20% from its close on Oct. 26.\n\n"
        "QQQ is up 36.3% over three years."
    )
    claims = _claims(text, "2024-12-08")
    assert _window(_one(claims, 87.2)) == ("since", D("2022-12-06"), D("2024-12-08"))
    assert _window(_one(claims, 20.0)) == ("since", D("2024-10-26"), D("2024-12-08"))
    assert _window(_one(claims, 36.3)) == ("trailing", D("2021-12-06"), D("2024-12-08"))


def test_a_move_from_a_month_end_to_a_named_close() -> None:
    text = "From the end of July, the S&P 500 slid 10.3% to a close of 4,117.37 on Oct. 27."
    got = _one(_claims(text, "2023-12-30"), -10.3)
    assert (got.start, got.end) == (D("2023-07-31"), D("2023-10-27"))


def test_or_points_takes_the_percent_changes_period() -> None:
    text = (
        "When trading ended on Friday, the S&P 500 had gained 24.2% for the year, or 930.33 "
        "points. For the final quarter, the S&P 500 gained 11.2%."
    )
    claims = _claims(text, "2023-12-30")
    assert _one(claims, 930.33).period == _one(claims, 24.2).period == "for the year"
    assert _window(_one(claims, 11.2)) == ("window", D("2023-10-01"), D("2023-12-30"))


def test_names_finnews_has_no_data_for_are_not_the_subject_before() -> None:
    text = (
        "Nvidia plunged 10% on Friday after server maker Super Micro Computer skipped its "
        "update and fell about 23%. The KBW Nasdaq Bank Index rose roughly 3%. "
        "Of the 27 analysts covering JPMorgan, most rate it a buy."
    )
    claims = _claims(text, "2024-04-19")
    assert _one(claims, -23.0).ticker is None
    assert _one(claims, 3.0).ticker is None
    assert [c for c in claims if c.value == 27.0] == []


def test_a_run_of_cuts_since_an_event_is_counted_up_to_now() -> None:
    text = (
        "The Fed cut by a quarter point. That is the third straight reduction since the "
        "committee resumed easing in September. Governor Stephen Miran pushed again for a "
        "cut of half a point."
    )
    claims = _claims(text, "2025-12-10")
    (third,) = [c for c in claims if c.kind == "rate_count"]
    assert third.end == D("2025-12-10")
    assert _one(claims, -50.0).forecast is True


def test_clauses_about_another_time_do_not_date_their_figures() -> None:
    text = (
        "It was the 10th straight increase since March 2022, when the central bank lifted its "
        "benchmark off a floor of 0%-0.25%. One recap had the S&P 500 gaining 0.6% on Monday; "
        "that was Friday's advance, which capped a 1.4% weekly rise. In all, the Fed has raised "
        "rates by 5 percentage points in just over 14 months. Tesla dropped 1.9% to extend a "
        "stretch that began after its report last week."
    )
    claims = _claims(text, "2023-05-03", datetime(2023, 5, 3, 17, 0, tzinfo=NY))
    floor = next(c for c in claims if c.kind == "rate_level")
    assert floor.unsettled == "a figure in a clause about another time the text does not date"
    assert _one(claims, 1.4).unsettled == floor.unsettled
    assert [c.unsettled for c in claims if c.kind == "rate_change"] == [
        "a sum of moves over a period the text does not give"
    ]
    assert _one(claims, -1.9).period != "last week"


def test_one_session_left_is_not_a_one_day_move() -> None:
    text = (
        "So far this week, the S&P 500 is up 0.6% and the Dow is up 0.3%, with one session "
        "left before Friday's options expiration. Over two sessions the index has given up 1.9%."
    )
    claims = _claims(text, "2025-07-17", datetime(2025, 7, 17, 17, 0, tzinfo=NY))
    assert _one(claims, 0.3).period == "this week"
    assert _one(claims, -1.9).value == -1.9


def test_a_later_day_in_the_sentence_outranks_its_opening_period() -> None:
    text = (
        "For most of this year the market told one story, and on Tuesday it told another, as "
        "the Dow climbed 742.76 points, or 1.8%, while the Russell 2000 raced ahead 3.5%."
    )
    claims = _claims(text, "2024-07-16", datetime(2024, 7, 16, 17, 0, tzinfo=NY))
    assert _one(claims, 3.5).period != "this year"


def test_a_maturity_before_a_verb_is_no_multi_year_window() -> None:
    text = (
        "The third quarter, which ended Tuesday, was strong. The two-year dropped 5 basis "
        "points to 3.58%. Small caps rose 12% in the quarter."
    )
    claims = _claims(text, "2025-10-06", datetime(2025, 10, 6, 7, 45, tzinfo=NY))
    assert _one(claims, -5.0).window != "trailing"
    assert _window(_one(claims, 12.0)) == ("window", D("2025-07-01"), D("2025-09-30"))


def test_an_all_time_closing_high_of_a_level_names_no_day() -> None:
    # (it is read, weakly, as the highest close up to then: Nov. 8, 2021's 2,442.74)
    text = "The Russell 2000 remains about 26% below its all-time closing high of 2,442.74."
    c = _one(_claims(text, "2023-11-18"), 2442.74)
    assert (c.field, c.window_source, c.unsettled) == ("peak", "carried", None)
