"""Windows dated by an event rather than a date: "since Election Day", "since the Fed's last
cut in December", "the day after the presidential election". The event's day comes from the
published calendars (FOMC decision days, US general elections); a bare "since the decision"
names no event we know, and a decision later on the article's own day has no close yet.
Shapes met in blind batches (h27_, h38_, h42_, h49_, h99_, h117_); each passage is our own
and the values are computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime

from assistant.text.events import ELECTION_DAYS, FOMC_DECISIONS, election_day, fomc_day
from tests.check.passages import EDT, MARKET, alarms, at, check, one


def test_since_election_day_runs_from_that_days_close() -> None:
    # ^RUT 2024-11-05 2,260.84 -> 2024-11-29 2,434.73: +7.69%
    claims = check("Since Election Day, the Russell 2000 has gained 7.7%.", date(2024, 11, 30))
    c = one(claims, 7.7)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2024, 11, 5),
        date(2024, 11, 30),
        "supported",
    )


def test_a_wrong_figure_since_the_election_is_caught_with_its_dates() -> None:
    # ^IXIC 2024-11-05 -> 2024-11-29: +4.22%, not 9%
    claims = check("The Nasdaq has climbed 9% since the election.", date(2024, 11, 30))
    c = one(claims, 9.0)
    assert c.verdict == "contradicted"
    assert c.computed is not None and round(c.computed, 2) == 4.22
    assert c.claim.start == date(2024, 11, 5)


def test_the_day_after_the_presidential_election_is_one_session() -> None:
    # ^GSPC 2024-11-06: +2.53%
    text = "The S&P 500 jumped 2.5% the day after the presidential election."
    c = one(check(text, date(2024, 12, 2)), 2.5)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2024, 11, 6),
        date(2024, 11, 6),
        "supported",
    )


def test_since_the_feds_last_cut_in_a_month_is_that_decision_day() -> None:
    # DGS2 2024-12-18 4.35% -> 2025-06-20 3.90%: -45 bp
    text = "The 2-year yield has fallen 45 basis points since the Fed's last rate cut in December."
    c = one(check(text, date(2025, 6, 21)), -45.0)
    assert (c.claim.start, c.verdict) == (date(2024, 12, 18), "supported")


def test_since_a_named_months_decision_is_that_meetings_day() -> None:
    # ^TNX 2025-03-19 4.256% -> 2025-04-04 3.985%: -27.1 bp (DGS10 -24 bp)
    text = "The 10-year yield has dropped 27 basis points since the March decision of the Fed."
    c = one(check(text, date(2025, 4, 5)), -27.0)
    assert (c.claim.start, c.verdict) == (date(2025, 3, 19), "supported")


def test_since_a_meeting_on_a_named_day_runs_from_that_day() -> None:
    # ^TNX 2023-02-01 -> 2023-03-02: +67.6 bp
    text = "The 10-year yield has jumped 68 basis points since the Fed's last meeting on Feb. 1."
    c = one(check(text, date(2023, 3, 2)), 68.0)
    assert (c.claim.start, c.verdict) == (date(2023, 2, 1), "supported")


def test_a_central_banks_september_cut_is_the_cut_of_that_month() -> None:
    # ^TNX 2024-09-18 -> 2024-10-15: +35.3 bp
    text = (
        "The 10-year yield has risen about 35 basis points since the central bank's September cut."
    )
    c = one(check(text, date(2024, 10, 15)), 35.0)
    assert (c.claim.start, c.verdict) == (date(2024, 9, 18), "supported")


def test_a_bare_decision_names_no_event_we_know() -> None:
    # a court's decision, a company's: no calendar dates it
    text = "Shares of the drugmaker have fallen 12% since the decision."
    (c,) = check(text, date(2024, 6, 14))
    assert c.verdict == "unverifiable"


def test_a_decision_later_on_the_articles_own_day_has_no_close_to_start_from() -> None:
    # a live blog at 3:05 p.m. on a Fed day: the decision came at 2 p.m. that day
    text = "Stocks have added to their gains since the Fed's decision: the S&P 500 is up 0.4%."
    claims = at(text, datetime(2024, 9, 18, 15, 5, tzinfo=EDT))
    assert [c.claim.start >= date(2024, 9, 18) for c in claims if c.claim.value == 0.4] == [True]
    assert [c.verdict for c in claims if c.verdict in ("contradicted", "misdated")] == []


def test_the_calendars_agree_with_the_fed_funds_target_data() -> None:
    # every decision with a move in the table is a change in the bundled target range the
    # next day (FRED dates a change from the day after the decision)
    points = MARKET.fed_target(date(2021, 12, 1), date(2026, 12, 31))
    changes = {
        p.date: round((p.upper - q.upper) * 100)
        for q, p in zip(points, points[1:], strict=False)
        if p.upper != q.upper
    }
    last = points[-1].date
    for day, bp in FOMC_DECISIONS.items():
        if day >= date(2022, 1, 1) and day < last:
            moved = [v for d, v in changes.items() if 0 < (d - day).days <= 3]
            assert moved == ([bp] if bp else []), day


def test_event_days_are_the_latest_before_the_article() -> None:
    assert election_day(date(2024, 11, 30)) == date(2024, 11, 5)
    assert election_day(date(2024, 11, 5)) is None  # no close yet on the day itself
    assert election_day(date(2023, 6, 1)) == date(2022, 11, 8)
    assert election_day(date(2023, 6, 1), presidential=True) == date(2020, 11, 3)
    assert date(2024, 11, 5) in ELECTION_DAYS
    assert fomc_day(date(2025, 6, 21), direction="cut") == date(2024, 12, 18)
    assert fomc_day(date(2025, 6, 21)) == date(2025, 6, 18)
    assert fomc_day(date(2024, 10, 16), month=9) == date(2024, 9, 18)
    assert fomc_day(date(2023, 8, 1), direction="hike") == date(2023, 7, 26)
    assert fomc_day(date(2024, 9, 18)) == date(2024, 7, 31)


def test_a_figure_since_a_companys_last_report_is_not_measured_from_the_opening_day() -> None:
    # META 2024-07-31 474.83 -> 08-01 497.74 (+$22.91, +4.82%); from the Apr 25 close 441.38,
    # +12.77%: the 13% runs from a report the text dates only by its month
    text = (
        "Measured from Wednesday's close, Meta has gained $22.91 a share, and it has risen "
        "about 13% since its previous report in April."
    )
    claims = check(text, date(2024, 8, 1))
    assert [(c.claim.kind, c.claim.value, c.verdict) for c in claims] == [
        ("point_change", 22.91, "supported"),
        ("pct_change", 13.0, "unverifiable"),
    ]


def test_a_figure_since_results_on_a_named_day_runs_from_that_day() -> None:
    # META 2024-04-24 493.50 -> 2024-05-10 476.20
    text = "Meta has slipped 3.5% since the company reported quarterly results on April 24."
    c = one(check(text, date(2024, 5, 10)), -3.5)
    assert (c.claim.start, c.verdict) == (date(2024, 4, 24), "supported")


def test_a_months_possessive_decision_is_that_meetings_day() -> None:
    # DGS2 2024-09-18 3.61% -> 2024-10-10 3.98%: +37 bp
    text = "The 2-year yield has climbed 37 basis points since September's decision."
    c = one(check(text, date(2024, 10, 10)), 37.0)
    assert (c.claim.start, c.verdict) == (date(2024, 9, 18), "supported")


def test_a_level_told_for_the_day_of_an_earlier_decision_is_not_todays() -> None:
    # DGS10 2025-01-29 4.55%, 2025-03-19 4.25%: the level is January's, not the story day's
    text = (
        "The 10-year yield has fallen about 30 basis points since January's decision, when it "
        "stood at 4.55%."
    )
    claims = at(text, datetime(2025, 3, 19, 16, 52, tzinfo=EDT))
    assert alarms(claims) == []
    assert one(claims, -30.0).verdict == "supported"


def test_since_that_meeting_runs_from_the_day_the_sentence_before_gave_it() -> None:
    # ^IXIC 2024-12-18 19,392.69 -> 2025-01-10 19,161.63 (-1.19%)
    text = (
        "Policymakers last gathered on Dec. 18. Since that meeting's close, the Nasdaq "
        "composite has slipped 1.2%."
    )
    c = one(check(text, date(2025, 1, 10)), -1.2)
    assert (c.claim.start, c.verdict) == (date(2024, 12, 18), "supported")


def test_the_day_of_results_still_to_come_does_not_date_the_move() -> None:
    # Monday, Oct. 9, 2023 at midday: JPMorgan reported on Friday, Oct. 13; its move is Monday's
    text = (
        "At 12:15 p.m. ET stocks were mixed. Banks lagged ahead of quarterly results on "
        "Friday, with JPMorgan Chase down 0.4%."
    )
    c = one(at(text, datetime(2023, 10, 9, 12, 15, tzinfo=EDT)), -0.4)
    assert (c.claim.ticker, c.claim.end) == ("JPM", date(2023, 10, 9))
    assert c.verdict not in ("contradicted", "misdated")


def test_an_event_still_looming_on_a_day_does_not_date_the_level() -> None:
    # out Saturday, Nov. 2, 2024: the VIX closed at 21.88 on Friday, Nov. 1; the election was
    # on Tuesday, Nov. 5 (the Tuesday before, Oct. 29, it closed at 19.34)
    text = "The Cboe Volatility Index closed at 21.88 with Tuesday's presidential election looming."
    c = one(check(text, date(2024, 11, 2)), 21.88)
    assert c.verdict in ("supported", "unverifiable")


def test_after_the_open_is_a_time_not_the_price_field() -> None:
    # Oct. 14, 2022 at midday: the Dow had opened at 30,192.21 and traded near 29,680
    text = (
        "At 1:45 p.m. ET the Dow Jones Industrial Average, which had been up 1.3% shortly after "
        "the open, was down 1.2% at 29,680.51."
    )
    c = one(at(text, datetime(2022, 10, 14, 13, 45, tzinfo=EDT)), 29680.51)
    assert (c.claim.field, c.verdict) == ("close", "approximate")
