"""A change told with the level it ends at, a move told after a standing "as of" another day,
and a second figure told "over the same stretch" as the first: shapes from a half-year column
held out of blind batch h262_. Each passage is our own; values are computed from the bundled
data."""

from __future__ import annotations

from datetime import date, datetime

from tests.check.passages import EDT, alarms, at, one


def test_a_move_on_its_own_later_day_is_not_dated_by_an_earlier_standing() -> None:
    # TSLA 2023-12-29 248.48 -> 2024-04-22 142.05: -42.83%; 2024-04-23 144.68 -> 04-24
    # 162.13: +12.06% (on Apr. 22 it was -3.40%)
    text = (
        "Tesla was the laggard of the spring, down 42.8% for the year as of April 22, before "
        "a 12.1% jump on April 24 lifted it off the floor."
    )
    claims = at(text, datetime(2024, 7, 6, 10, 0, tzinfo=EDT))
    jump = one(claims, 12.1)
    assert (jump.verdict, jump.claim.start, jump.claim.end) == (
        "supported",
        date(2024, 4, 24),
        date(2024, 4, 24),
    )
    standing = one(claims, -42.8)
    assert (standing.verdict, standing.claim.end) == ("supported", date(2024, 4, 22))


SLIDE = (
    "From its July 16 record, the S&P 500 fell 8.5% to 5,186.33 on {day}, while the "
    "Nasdaq-100 slid {ndx}% over the same stretch."
)
PUBLISHED = datetime(2024, 9, 7, 10, 0, tzinfo=EDT)


def test_a_change_that_ends_at_another_days_close_abstains() -> None:
    # ^GSPC 2024-07-16 5667.20; 5,186.33 is the Aug. 5 close (-8.49%); on Aug. 2 it closed at
    # 5,346.56 (-5.66%). ^NDX 2024-07-16 20398.62 -> 08-05 17895.16: -12.27% (to Aug. 2:
    # 18440.85, -9.60%)
    claims = at(SLIDE.format(day="Aug. 2", ndx="12.3"), PUBLISHED)
    assert [c.verdict for c in claims] == ["unverifiable", "misdated", "unverifiable"]
    change = one(claims, -8.5)
    assert "5,186.33" in change.explanation and "Aug 5, 2024" in change.explanation
    assert change.computed == -5.6578
    assert one(claims, -12.3).claim.start == date(2024, 7, 16)


def test_the_same_stretch_in_one_sentence_is_the_first_figures_span() -> None:
    claims = at(SLIDE.format(day="Aug. 5", ndx="12.3"), PUBLISHED)
    assert [c.verdict for c in claims] == ["supported", "supported", "supported"]
    ndx = one(claims, -12.3)
    assert (ndx.claim.ticker, ndx.claim.start, ndx.claim.end) == (
        "^NDX",
        date(2024, 7, 16),
        date(2024, 8, 5),
    )
    assert ndx.computed == -12.2727


def test_a_change_to_its_own_days_close_is_still_judged() -> None:
    # to Aug. 2's close of 5,346.56 the S&P 500 fell 5.66%, not 8.5%
    text = "From its July 16 record, the S&P 500 fell 8.5% to 5,346.56 on Aug. 2."
    claims = at(text, PUBLISHED)
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (-8.5, "contradicted"),
        (5346.56, "supported"),
    ]
    assert alarms(claims) != []


SATURDAY = datetime(2024, 10, 5, 10, 0, tzinfo=EDT)


def test_a_change_since_a_day_told_beside_an_earlier_level_abstains() -> None:
    # ^RUT 2023-12-29 2027.07; 2,229.97 is the 2024-09-30 close (+10.01%); the last close
    # before the story, Oct. 4, is 2212.80 (+9.16%)
    text = (
        "Stocks had a choppy week. The Russell 2000, at 2,229.97, ended the quarter well off "
        "its summer lows; it has "
        "gained {pct}% since New Year's Eve."
    )
    claims = at(text.format(pct="10.0"), SATURDAY)
    assert [c.verdict for c in claims] == ["supported", "unverifiable"]
    gain = one(claims, 10.0)
    assert "2,229.97" in gain.explanation and "Sep 30, 2024" in gain.explanation
    assert gain.computed == 9.1625
    # a figure false to either day is still called
    wrong = one(at(text.format(pct="12.0"), SATURDAY), 12.0)
    assert wrong.verdict == "contradicted"


def test_a_gain_by_the_end_of_a_month_is_not_that_days_move() -> None:
    # ^IXIC 2023-12-29 15011.35 -> 2024-06-28 17732.60: +18.13% (June 28 alone: -0.71%)
    text = "The Nasdaq composite had climbed 18.1% by the end of June."
    c = one(at(text, datetime(2024, 7, 6, 10, 0, tzinfo=EDT)), 18.1)
    assert c.verdict == "unverifiable"
    assert c.claim.unsettled == "a change up to a day the text names, from a start it does not"
