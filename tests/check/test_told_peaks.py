"""A distance from a peak the same sentence told with its day and level ("its highest close of
the year was 4.98% on Oct. 19, and it now sits 37 basis points below that mark"): measured
from that day's close. Shapes from blind batch h204_ (a weekend bond column); passages and
values are our own, computed from the bundled data."""

from __future__ import annotations

from datetime import datetime

from tests.check.passages import EDT, alarms, at, one

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
