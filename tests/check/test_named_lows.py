"""A rise measured from a low the text dated: "since that low" a sentence after the low's
day, "the Oct. 12 low" named before, and a dated close followed by what it was ("on April 8,
the low point of the selloff, and has risen 32% since then"); and the marks beside them:
where "That left it 0.6% below its record" stands, and "within reach of 40,000". Shapes met
in blind batches (h4_, h15_, h100_, h111_, h121_, h126_, h138_, h147_, h148_); each passage
is our own and the values are computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tests.check.passages import at, check, one

EST = timezone(timedelta(hours=-5))


def test_since_that_low_runs_from_the_day_the_low_was_dated() -> None:
    # ^RUT 2025-04-08 1,760.71 -> 2025-11-07 2,432.82: +38.17%
    text = (
        "The Russell 2000 sank to 1,760.71 on April 8, the bottom of the tariff selloff. "
        "Since that low, the small-cap index has climbed 38%."
    )
    c = one(check(text, date(2025, 11, 7)), 38.0)
    assert (c.claim.start, c.claim.end, c.verdict) == (
        date(2025, 4, 8),
        date(2025, 11, 7),
        "supported",
    )


def test_that_low_is_the_low_named_not_the_last_day_named() -> None:
    # ^GSPC 2022-10-12 3,577.03 -> 2023-06-16 4,409.59: +23.28% (from June 8 it is +2.69%)
    text = (
        "On June 8 the S&P 500 closed 20% above its Oct. 12 low. "
        "On Friday it closed 23.3% above that low."
    )
    c = one(check(text, date(2023, 6, 16)), 23.3)
    assert (c.claim.start, c.verdict) == (date(2022, 10, 12), "supported")


def test_a_wrong_figure_from_that_low_abstains_for_the_low_is_inferred() -> None:
    # ^DJI 2026-03-27 45,166.60 -> 2026-05-21 50,285.70: +11.33%, not 15%
    text = (
        "A March selloff dragged the Dow to its low of 45,166.60 on March 27. "
        "Since that low the average has recovered 15%."
    )
    c = one(check(text, date(2026, 5, 21)), 15.0)
    assert c.verdict == "unverifiable"
    assert c.computed is not None and round(c.computed, 2) == 11.33
    assert "inferred from an earlier sentence" in c.explanation


def test_that_low_with_no_low_dated_before_abstains() -> None:
    c = one(check("Since that low the index has gained 10%.", date(2026, 5, 21)), 10.0)
    assert c.verdict == "unverifiable"


def test_a_dated_close_then_what_it_was_then_since_then() -> None:
    # AMZN 2025-04-08 $170.66 -> 2025-09-03 $225.99: +32.42%
    text = (
        "Amazon finished at $170.66 on April 8, the low point of the tariff selloff, and has "
        "risen 32% since then."
    )
    c = one(check(text, date(2025, 9, 3)), 32.0)
    assert (c.claim.start, c.verdict) == (date(2025, 4, 8), "supported")


def test_the_day_before_an_event_in_apposition_names_the_same_day() -> None:
    # MSFT 2025-04-08 $354.56 -> 2025-10-28 $542.07: +52.89%
    text = (
        "Microsoft ended at $354.56 on April 8, the day before the White House paused most "
        "new duties, and it has climbed 53% since then."
    )
    c = one(check(text, date(2025, 10, 28)), 53.0)
    assert (c.claim.start, c.verdict) == (date(2025, 4, 8), "supported")


def test_a_dated_close_called_the_low_point_is_still_dated() -> None:
    # JPM 2025-04-04 $210.28 -> 2025-10-14 $302.08: +43.66%
    text = "JPMorgan has gained 44% since its April 4 close, the bottom of the spring selloff."
    c = one(check(text, date(2025, 10, 14)), 44.0)
    assert (c.claim.start, c.verdict) == (date(2025, 4, 4), "supported")


def test_that_left_it_below_its_record_is_told_of_the_sentence_before() -> None:
    # ^GSPC 2023-12-29 4,769.83, record close 4,796.56 (2022-01-03): -0.56%; on 2024-01-03
    # (the session before a pre-open note) it was -1.91%: which day "That left" means is
    # the earlier sentence's (carried, so an alarm on it would abstain)
    text = (
        "Stocks slipped again on Wednesday.\n\n"
        "The S&P 500 finished 2023 at 4,769.83, a gain of 24.2% for the year. That left it "
        "0.6% below its record close of 4,796.56."
    )
    claims = at(text, datetime(2024, 1, 4, 7, 30, tzinfo=EST))
    c = one(claims, -0.6)
    assert (c.verdict, c.claim.window_source, c.claim.period) == (
        "supported",
        "carried",
        "finished 2023",
    )
    assert "closed Dec 29, 2023 at 4769.83" in c.explanation


def test_within_reach_of_a_round_level_is_below_it() -> None:
    # ^DJI 2024-03-28 close 39,807.37
    c = one(check("On Thursday the Dow ended within reach of 40,000.", date(2024, 3, 28)), 40000.0)
    assert (c.claim.bound, c.verdict) == ("below", "supported")


def test_above_a_months_low_runs_from_its_lowest_close() -> None:
    # ^GSPC lowest close of October 2022: 3,577.03 (Oct 12) -> 2023-06-14 4,372.59: +22.24%
    text = "The S&P 500 edged up on Wednesday, leaving it more than 22% above its October low."
    c = one(check(text, date(2023, 6, 14)), 22.0)
    assert (c.claim.bound, c.claim.start_field, c.claim.end, c.verdict) == (
        "above",
        "trough",
        date(2023, 6, 14),
        "supported",
    )


def test_a_rise_that_holds_only_from_the_intraday_low_abstains() -> None:
    # ^IXIC lowest April 2025 close 15,267.91 (Apr 8) -> 2025-06-30 20,369.73: +33.42%; from
    # the Apr 7 intraday low it is +37.78%: which low the text meant is open
    text = "The Nasdaq composite ended June 38% above its April low."
    c = one(check(text, date(2025, 6, 30)), 38.0)
    assert c.verdict == "unverifiable"
    assert c.computed is not None and round(c.computed, 2) == 33.42


@pytest.mark.parametrize(
    ("text", "verdict"),
    [  # META's lowest close of November 2022: $88.91 (Nov 3); ^GSPC's of October 2022:
        # 3,577.03 (Oct 12), its lowest intraday low 3,491.58 (Oct 13)
        ("Meta Platforms bottomed at $88.91 in November 2022.", "supported"),
        ("The S&P 500 bottomed at 3,577.03 in October 2022.", "supported"),
        ("The S&P 500 bottomed at 3,650 in October 2022.", "contradicted"),
    ],
)
def test_bottoming_at_a_level_in_a_month_is_its_lowest_close(text: str, verdict: str) -> None:
    claims = check(text, date(2023, 6, 1))
    assert [c.verdict for c in claims] == [verdict]


def test_bottoming_at_the_lowest_intraday_low_of_a_month_holds_too() -> None:
    claims = check("The S&P 500 bottomed at 3,491.58 in October 2022.", date(2023, 6, 1))
    assert [c.verdict for c in claims] == ["supported"]
    assert "Oct 13, 2022" in claims[0].explanation


def test_a_rise_from_a_price_it_fetched_on_a_day_runs_from_that_day() -> None:
    # TSLA closed at $108.10 on 2023-01-03 and at $196.81 on 2023-02-07 (+82.06%)
    text = (
        "Tesla closed Tuesday at $196.81 and has bounced 82% from the $108.10 it fetched on "
        "Jan. 3, its lowest close since 2020."
    )
    claims = check(text, date(2023, 2, 7))
    assert [(c.claim.value, c.claim.start, c.verdict) for c in claims] == [
        (196.81, None, "supported"),
        (82.0, date(2023, 1, 3), "supported"),
        (108.1, None, "supported"),
    ]


def test_the_same_day_after_a_rise_from_a_dated_close_is_that_day() -> None:
    # 2025-04-08 closes: ^GSPC 4,982.77, ^DJI 37,645.59; to 2025-06-30: +24.53%, +17.13%
    text = (
        "The S&P 500 has gained 24.5% from its April 8 close of 4,982.77, and the Dow has "
        "risen 17.1% from 37,645.59 on the same day."
    )
    claims = check(text, date(2025, 6, 30))
    assert [(c.claim.ticker, c.claim.value, c.claim.start, c.verdict) for c in claims] == [
        ("^GSPC", 24.5, date(2025, 4, 8), "supported"),
        ("^GSPC", 4982.77, None, "supported"),
        ("^DJI", 17.1, date(2025, 4, 8), "supported"),
        ("^DJI", 37645.59, None, "supported"),
    ]


@pytest.mark.parametrize(("told", "verdict"), [("13.8%", "supported"), ("18%", "contradicted")])
def test_a_low_of_the_year_dated_after_its_period_is_that_day(told: str, verdict: str) -> None:
    # ^RUT 2023-10-27 1,636.94 (its lowest close of 2023) -> 2023-12-01 1,862.64: +13.79%
    text = (
        f"Small caps led again: the Russell 2000 finished {told} above its closing low of the "
        "year on Oct. 27."
    )
    c = one(check(text, date(2023, 12, 1)), float(told.rstrip("%")))
    assert (c.claim.start, c.verdict, round(c.computed or 0, 2)) == (
        date(2023, 10, 27),
        verdict,
        13.79,
    )


def test_down_from_its_own_peak_told_by_ellipsis_abstains() -> None:
    # Oct. 27, 2023: the Nasdaq was 12.1% below its July 19 close; its move that day was
    # -0.38%: "down 12.1% from its own" is not the day's move
    text = (
        "By the close on Oct. 27, the S&P 500 was 10.3% below its July 31 peak and the Nasdaq "
        "was down 12.1% from its own."
    )
    c = one(check(text, date(2023, 10, 29)), -12.1)
    assert c.verdict in ("supported", "unverifiable")
