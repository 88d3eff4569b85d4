"""The bundled NYSE calendar table, against exchange-calendars and known days."""

from __future__ import annotations

import csv
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from assistant.market.calendar import (
    TABLE,
    build_rows,
    is_session,
    last_close_by,
    session_hours,
    sessions_between,
)

NY = ZoneInfo("America/New_York")


def test_table_is_what_exchange_calendars_says() -> None:
    with TABLE.open(newline="", encoding="utf-8") as fh:
        assert list(csv.DictReader(fh)) == build_rows()


def test_holidays_weekends_and_sessions() -> None:
    assert not is_session(date(2025, 12, 25))  # Christmas
    assert not is_session(date(2025, 1, 9))  # the day of mourning for President Carter
    assert not is_session(date(2025, 4, 18))  # Good Friday
    assert not is_session(date(2025, 12, 13))  # a Saturday
    assert is_session(date(2025, 12, 24))
    assert is_session(date(2025, 12, 10))


def test_early_close_after_thanksgiving() -> None:
    assert session_hours(date(2024, 11, 29)) == (
        datetime(2024, 11, 29, 9, 30, tzinfo=NY),
        datetime(2024, 11, 29, 13, 0, tzinfo=NY),
    )
    assert session_hours(date(2024, 11, 28)) is None  # Thanksgiving
    assert session_hours(date(2025, 12, 10)) == (
        datetime(2025, 12, 10, 9, 30, tzinfo=NY),
        datetime(2025, 12, 10, 16, 0, tzinfo=NY),
    )


def test_sessions_between_skips_weekends_and_holidays_and_keeps_both_ends() -> None:
    # Good Friday 2024 fell on March 29
    assert sessions_between(date(2024, 3, 28), date(2024, 4, 2)) == [
        date(2024, 3, 28),
        date(2024, 4, 1),
        date(2024, 4, 2),
    ]
    assert sessions_between(date(2024, 3, 30), date(2024, 3, 31)) == []
    assert sessions_between(date(2024, 4, 2), date(2024, 4, 1)) == []


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("2024-11-29T12:59:00-05:00", date(2024, 11, 27)),  # before the 1 p.m. early close
        ("2024-11-29T13:00:00-05:00", date(2024, 11, 29)),
        ("2024-11-28T20:00:00-05:00", date(2024, 11, 27)),  # Thanksgiving: no session
        ("2025-03-10T12:00:00+00:00", date(2025, 3, 7)),  # 8 a.m. in New York, a Monday
        ("2025-03-10T21:00:00+00:00", date(2025, 3, 10)),
    ],
)
def test_the_last_close_by_a_moment(stamp: str, day: date) -> None:
    assert last_close_by(datetime.fromisoformat(stamp)) == day
