"""What stands between a computed value and a verdict: sessions, bounds, intraday figures,
yield sources, subject discipline, stale data and figures with no date. Values are read off
the bundled CSVs by hand (noted beside each case)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from assistant.check import verify_article, verify_text
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article, CheckedClaim

MARKET = SnapshotMarketData()
EDT = timezone(timedelta(hours=-4))


def check(text: str, as_of: date) -> list[CheckedClaim]:
    return verify_text(text, as_of, MARKET)


def only(text: str, as_of: date) -> CheckedClaim:
    claims = check(text, as_of)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def intraday(text: str) -> list[CheckedClaim]:
    """An update posted at 11:45 a.m. New York time on Monday, April 7, 2025."""
    article = Article(
        id="t",
        text=text,
        published=datetime(2025, 4, 7, 11, 45, tzinfo=EDT).astimezone(timezone.utc),
    )
    return verify_article(article, MARKET).claims


def test_intraday_figure_inside_the_session_range_is_approximate() -> None:
    # ^GSPC Apr 4 close 5074.08; Apr 7 low 4835.04 (-4.71%), high 5246.57 (+3.40%)
    c = intraday("The S&P 500 was down 1.8% in late-morning trading.")[0]
    assert (c.verdict, c.claim.intraday, c.computed) == ("approximate", True, -0.2331)
    assert "range was -4.71 to 3.40" in c.explanation


def test_intraday_figure_outside_the_session_range_is_contradicted() -> None:
    c = intraday("The S&P 500 was down 8% in late-morning trading.")[0]
    assert c.verdict == "contradicted"
    assert c.explanation.startswith("outside the range")


def test_bounds_are_true_on_the_stated_side() -> None:
    # ^DJI closed at 48,057.75 on Wednesday, Dec 10, 2025
    above = only("The Dow closed above 48,000 on Wednesday.", date(2025, 12, 12))
    below = only("The Dow closed below 48,000 on Wednesday.", date(2025, 12, 12))
    assert (above.claim.bound, above.verdict, above.computed) == ("above", "supported", 48057.75)
    assert (below.claim.bound, below.verdict) == ("below", "contradicted")


@pytest.mark.parametrize(
    ("claimed", "verdict", "source"),
    [("4.31%", "supported", "Cboe ^TNX close"), ("4.30%", "supported", "FRED DGS10")],
)
def test_ten_year_yield_matches_either_source(claimed: str, verdict: str, source: str) -> None:
    # Mar 31, 2026: ^TNX closed at 4.311, FRED DGS10 printed 4.30
    c = only(f"The 10-year Treasury yield ended at {claimed} on Tuesday.", date(2026, 3, 31))
    assert (c.kind, c.verdict) == ("yield_level", verdict)
    assert source in c.explanation


def test_two_year_yield_is_never_read_as_the_ten_year() -> None:
    # DGS2: 3.61 on Dec 9, 3.54 on Dec 10, 2025 (DGS10 was 4.18 and 4.13)
    claims = check("The 2-year Treasury yield fell 7 basis points to 3.54% on Wednesday.",
                   date(2025, 12, 10))  # fmt: skip
    assert [(c.kind, c.claim.ticker, c.verdict, c.computed) for c in claims] == [
        ("yield_change", "DGS2", "supported", -7.0),
        ("yield_level", "DGS2", "supported", 3.54),
    ]


def test_nasdaq_composite_and_nasdaq_100_are_separate_series() -> None:
    # Dec 11, 2025: ^IXIC 23654.15 -> 23593.86 (-0.25%), ^NDX 25776.44 -> 25686.69 (-0.35%)
    claims = check(
        "On Thursday the Nasdaq Composite slipped 0.3% and the Nasdaq-100 fell 0.3%.",
        date(2025, 12, 11),
    )
    assert [(c.claim.ticker, c.verdict, c.computed) for c in claims] == [
        ("^IXIC", "supported", -0.2549),
        ("^NDX", "supported", -0.3482),
    ]


def test_an_index_read_through_its_fund_says_so_and_never_shows_a_level() -> None:
    move, level = check(
        "The S&P SmallCap 600 gained 2.6% in November. The S&P 600 closed at 1,400.12 on Nov. 28.",
        date(2025, 12, 5),
    )
    assert move.verdict == "supported"
    assert move.explanation.startswith("S&P SmallCap 600 (via IJR) in November: +2.61%")
    assert (level.verdict, level.explanation) == (
        "unverifiable",
        "no S&P SmallCap 600 index series: IJR tracks its moves, not its level",
    )


def test_a_window_past_the_end_of_the_data_is_never_judged() -> None:
    c = only("IWM rose 3.1% in June 2026.", date(2026, 7, 15))
    assert (c.verdict, c.explanation) == (
        "unverifiable",
        "the IWM data ends May 1, 2026, before Jun 30, 2026",
    )


def test_a_figure_with_no_date_at_all_is_not_called_wrong() -> None:
    c = only("The S&P 500 fell 9%.", date(2025, 12, 12))
    assert c.verdict == "unverifiable"
    assert c.explanation.startswith("the text names no date or period for this figure")


def test_a_period_figure_in_a_midday_note_may_be_as_of_the_last_close() -> None:
    # ^GSPC Dec 29, 2023 close 4769.83; Apr 24, 2024 close 5071.63 (+6.33% for the year);
    # Apr 25 opened lower: the session's range for the year is only +4.63% to +6.04%, and
    # the figure is the year's at the last close to the last digit
    article = Article(
        id="t",
        text="The S&P 500 is still up 6.3% for the year.",
        published=datetime(2024, 4, 25, 12, 30, tzinfo=EDT).astimezone(timezone.utc),
    )
    (claim,) = verify_article(article, MARKET).claims
    assert claim.verdict == "supported"


def test_a_move_too_big_for_one_day_with_no_period_named_abstains() -> None:
    # IWM on Friday, Sept. 19, 2025 moved well under 2%; 34.6% is a multi-year figure
    got = only("The iShares Russell 2000 ETF rose 34.6% on a price basis.", date(2025, 9, 20))
    assert got.verdict == "unverifiable"
    assert got.explanation.startswith("too large for one day's move")


def test_a_level_touched_during_the_session_is_its_high_or_low() -> None:
    # ^GSPC Sep 18, 2024: high 5,689.75, low 5,615.08, close 5,618.26
    text = (
        "The Fed cut by half a point on Wednesday. The S&P 500 briefly traded at 5,689.75 "
        "after the statement, then slipped."
    )
    article = Article(
        id="t",
        text=text,
        published=datetime(2024, 9, 18, 16, 52, tzinfo=EDT).astimezone(timezone.utc),
    )
    (level,) = [c for c in verify_article(article, MARKET).claims if c.kind == "index_level"]
    assert (level.verdict, level.computed) == ("supported", 5689.75)


def test_a_percent_bound_is_read_as_written() -> None:
    # ^GSPC Jun 12, 2025 close 6,045.26, 1.61% below the Feb 19 record close of 6,144.15
    got = only("On Thursday the S&P 500 sat within 1.6% of its February record.", date(2025, 6, 13))
    assert (got.verdict, round(got.computed or 0, 2)) == ("supported", -1.61)


def test_an_undated_move_in_a_month_recap_that_holds_on_a_day_of_it_abstains() -> None:
    # Aug. 31, 2022, a recap of August: ^DJI -1,008.38 points on Aug. 26 (August: -1,334.70)
    from datetime import datetime, timedelta, timezone

    from assistant.check import verify_article
    from assistant.market.snapshot import SnapshotMarketData
    from assistant.models import Article

    text = (
        "August was a month to forget. The S&P 500 ended the month down 4.2%.\n\n"
        "The Dow lost 1,008.38 points, its first four-digit fall since May."
    )
    published = datetime(2022, 8, 31, 17, 45, tzinfo=timezone(timedelta(hours=-4)))
    article = Article(id="t", text=text, title="August in review", published=published)
    claims = verify_article(article, SnapshotMarketData()).claims
    (dow,) = [c for c in claims if c.claim.ticker == "^DJI"]
    assert dow.verdict == "unverifiable"
    assert dow.explanation.startswith("ambiguous: read for Aug 26, 2022 the figure holds")


def test_a_bound_that_holds_on_another_reading_of_its_period_abstains() -> None:
    # TSLA: +0.88% from the Oct 12, 2022 close to Oct 14, 2024, but +6.91% over the trailing
    # two years; "the two years" may be the ones since the low, so no verdict either way
    text = (
        "Since the market's low on Oct. 12, 2022, the S&P 500 has gained 63.8%. Tesla has "
        "lagged, up less than 1% over the two years."
    )
    claims = check(text, date(2024, 10, 14))
    assert [(c.claim.ticker, c.verdict) for c in claims] == [
        ("^GSPC", "supported"),
        ("TSLA", "unverifiable"),
    ]
    assert claims[1].explanation.startswith("ambiguous: read for nearly the same span")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [  # ^DJI week to 2024-04-19: 37983.24 -> 37986.40 (+0.01%)
        ("The Dow, by contrast, managed a weekly gain of less than 0.1%.", "supported"),
        ("The Dow eked out a weekly gain of under 0.1%.", "supported"),
        ("The Dow posted a weekly gain of more than 1%.", "contradicted"),
    ],
)
def test_a_bound_inside_a_change_noun_phrase(text: str, verdict: str) -> None:
    claims = check(text, date(2024, 4, 19))
    assert [(c.claim.ticker, c.claim.bound, c.verdict) for c in claims] == [
        ("^DJI", "below" if "more" not in text else "above", verdict)
    ]


def _story(text: str) -> list[CheckedClaim]:
    published = datetime(2022, 10, 2, 10, 0, tzinfo=timezone(timedelta(hours=-4)))
    article = Article(id="t", text=text, published=published.astimezone(timezone.utc))
    return verify_article(article, MARKET).claims


def test_an_undated_move_far_larger_than_the_days_abstains() -> None:
    # MSFT: -1.94% on Friday 2022-09-30, -9.32% over the third quarter; the story is the
    # Friday session, and "lost 9.3%" in a later paragraph names no period: that Friday was
    # the quarter's last session, and the quarter's move is the reading that holds
    text = "Stocks fell again on Friday.\n\nAmong the giants, Microsoft lost 9.3%."
    claims = _story(text)
    assert [(c.claim.ticker, c.verdict) for c in claims] == [("MSFT", "unverifiable")]
    assert claims[0].explanation.startswith(
        "ambiguous: read for the quarter to date the figure holds (MSFT the quarter to date: -9.32%"
    )


def test_an_undated_move_a_little_off_the_days_is_still_wrong() -> None:
    # MSFT fell 1.94% on Friday 2022-09-30, not 3.5%
    claims = _story("Stocks fell again on Friday.\n\nAmong the giants, Microsoft lost 3.5%.")
    assert [(c.claim.ticker, c.verdict) for c in claims] == [("MSFT", "contradicted")]


def test_an_undated_points_move_far_larger_than_the_days_abstains() -> None:
    # ^DJI fell 500.10 points on Friday 2022-09-30 (29,225.61 -> 28,725.51); a 2,500-point
    # move named with no period is not that day's
    claims = _story("Stocks fell again on Friday.\n\nThe Dow lost 2,500.35 points.")
    assert [(c.claim.ticker, c.verdict) for c in claims] == [("^DJI", "unverifiable")]
    assert claims[0].explanation.startswith("far larger than that day's move")
