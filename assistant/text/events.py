"""Days that news dates things by: Fed decisions and US general elections.

"Since Election Day", "since the Fed's last cut in December", "the day after the presidential
election" name an event, not a date. These are the published calendars (the Federal
Reserve's FOMC schedule, US election days) that turn such an event into its day; a test
holds the decisions' moves against the bundled fed funds target data."""

from __future__ import annotations

from datetime import date
from typing import Literal

# FOMC decision days (the second day of a meeting) and the move in basis points
FOMC_DECISIONS: dict[date, int] = {
    date(2022, 1, 26): 0,
    date(2022, 3, 16): 25,
    date(2022, 5, 4): 50,
    date(2022, 6, 15): 75,
    date(2022, 7, 27): 75,
    date(2022, 9, 21): 75,
    date(2022, 11, 2): 75,
    date(2022, 12, 14): 50,
    date(2023, 2, 1): 25,
    date(2023, 3, 22): 25,
    date(2023, 5, 3): 25,
    date(2023, 6, 14): 0,
    date(2023, 7, 26): 25,
    date(2023, 9, 20): 0,
    date(2023, 11, 1): 0,
    date(2023, 12, 13): 0,
    date(2024, 1, 31): 0,
    date(2024, 3, 20): 0,
    date(2024, 5, 1): 0,
    date(2024, 6, 12): 0,
    date(2024, 7, 31): 0,
    date(2024, 9, 18): -50,
    date(2024, 11, 7): -25,
    date(2024, 12, 18): -25,
    date(2025, 1, 29): 0,
    date(2025, 3, 19): 0,
    date(2025, 5, 7): 0,
    date(2025, 6, 18): 0,
    date(2025, 7, 30): 0,
    date(2025, 9, 17): -25,
    date(2025, 10, 29): -25,
    date(2025, 12, 10): -25,
    date(2026, 1, 28): 0,
    date(2026, 3, 18): 0,
    date(2026, 4, 29): 0,
}
# the schedule after the data's last known decision: the day is known, the move is not
FOMC_SCHEDULED = (date(2026, 6, 17), date(2026, 7, 29), date(2026, 9, 16), date(2026, 10, 28))
_FOMC_NEWEST_FIRST = sorted([*FOMC_DECISIONS, *FOMC_SCHEDULED], reverse=True)
ELECTION_DAYS: dict[date, Literal["presidential", "midterm"]] = {
    date(2020, 11, 3): "presidential",
    date(2022, 11, 8): "midterm",
    date(2024, 11, 5): "presidential",
    date(2026, 11, 3): "midterm",
}


def fomc_day(
    as_of: date,
    *,
    month: int | None = None,
    direction: Literal["cut", "hike"] | None = None,
) -> date | None:
    """The latest decision day before as_of (its close is the start of a "since" window),
    in that month and with a move that way when given; None when the data cannot tell."""
    for day in _FOMC_NEWEST_FIRST:
        if day >= as_of or (month is not None and day.month != month):
            continue
        if direction is None:
            return day
        bp = FOMC_DECISIONS.get(day)
        if bp is None:
            return None  # a scheduled meeting whose move the calendar does not hold
        if (bp < 0) == (direction == "cut") and bp != 0:
            return day
    return None


def election_day(as_of: date, *, presidential: bool = False) -> date | None:
    """The latest US general election day before as_of (None on one: its close is to come)."""
    if as_of in ELECTION_DAYS:
        return None  # the day itself: no close to start from yet
    days = [
        d
        for d, kind in ELECTION_DAYS.items()
        if d < as_of and (not presidential or kind == "presidential")
    ]
    return max(days, default=None)
