"""assistant.text.periods: the question-style time phrases the chat reads."""

from __future__ import annotations

from datetime import date

from assistant.text.periods import (
    Anchor,
    Lookback,
    back,
    find_anchor,
    find_bare_periods,
    find_lookback,
)
from assistant.text.times import Window

AS_OF = date(2026, 1, 5)


def test_lookbacks() -> None:
    assert find_lookback("SPY's one-year volatility") == Lookback(1, "year", (6, 14))
    assert find_lookback("a 3-month return") == Lookback(3, "month", (2, 9))
    assert find_lookback("over the past 5 sessions") == Lookback(5, "session", (14, 24))
    assert find_lookback("two years ago") is None
    assert find_lookback("the 10-year yield") is None
    assert Lookback(1, "year", (0, 0)).label == "the year"
    assert Lookback(3, "month", (0, 0)).label == "the 3 months"


def test_anchors() -> None:
    assert find_anchor("at the end of 2025", AS_OF) == Anchor(
        date(2025, 12, 31), "at the end of 2025", (0, 18)
    )
    assert find_anchor("by the end of June 2025", AS_OF) == Anchor(
        date(2025, 6, 30), "by the end of June 2025", (0, 23)
    )
    assert find_anchor("2025 year-end", AS_OF) == Anchor(
        date(2025, 12, 31), "2025 year-end", (0, 13)
    )
    assert find_anchor("as of Nov 28", AS_OF) == Anchor(date(2025, 11, 28), "as of Nov 28", (0, 12))
    assert find_anchor("in November", AS_OF) is None


def test_back_counts_calendar_units() -> None:
    assert back(date(2025, 12, 31), 1, "year") == date(2024, 12, 31)
    assert back(date(2024, 2, 29), 1, "year") == date(2023, 2, 28)
    assert back(date(2025, 3, 31), 1, "month") == date(2025, 2, 28)
    assert back(date(2025, 12, 31), 2, "week") == date(2025, 12, 17)
    assert back(date(2025, 12, 31), 5, "session") == date(2025, 12, 24)
    assert back(date(2025, 12, 31), 1, "day") == date(2025, 12, 30)


def test_bare_months_and_years_are_the_latest_at_or_before_as_of() -> None:
    assert find_bare_periods("What about December 2025?", AS_OF) == [
        Window(date(2025, 12, 1), date(2025, 12, 31), "window", "December 2025", (11, 24))
    ]
    assert find_bare_periods("And November?", AS_OF) == [
        Window(date(2025, 11, 1), date(2025, 11, 30), "window", "November 2025", (4, 12))
    ]
    assert find_bare_periods("And January?", AS_OF) == [
        Window(date(2026, 1, 1), date(2026, 1, 5), "window", "January 2026", (4, 11))
    ]
    assert find_bare_periods("And 2024?", AS_OF) == [
        Window(date(2024, 1, 1), date(2024, 12, 31), "window", "2024", (4, 8))
    ]
    # a date is not a month; 'may' the verb is no month; the future is not asked about
    assert find_bare_periods("on December 20", AS_OF) == []
    assert find_bare_periods("What may happen?", AS_OF) == []
    assert find_bare_periods("And 2027?", AS_OF) == []
