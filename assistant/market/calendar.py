"""The New York Stock Exchange calendar: which weekdays it was shut, and its early closes.

A small table (`snapshot/nyse_calendar.csv`, 2000-2030) read in microseconds, written
from the `exchange-calendars` package (a test keeps them equal):

    python -m assistant.market.calendar        # rewrites the table (needs exchange-calendars)
"""

from __future__ import annotations

import csv
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

TABLE = Path(__file__).resolve().parent / "snapshot" / "nyse_calendar.csv"
FIRST, LAST = date(2000, 1, 1), date(2030, 12, 31)
NEW_YORK = ZoneInfo("America/New_York")
OPEN, CLOSE = time(9, 30), time(16, 0)


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset[date], dict[date, time]]:
    closed: set[date] = set()
    early: dict[date, time] = {}
    with TABLE.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            day = date.fromisoformat(row["date"])
            if row["status"] == "closed":
                closed.add(day)
            else:
                early[day] = time.fromisoformat(row["close"])
    return frozenset(closed), early


def is_session(d: date) -> bool:
    """True when the exchange traded on d (weekends and holidays are not sessions)."""
    if d.weekday() >= 5:
        return False
    return d not in _table()[0] if FIRST <= d <= LAST else True


def last_session(d: date) -> date:
    """The last trading day on or before d."""
    while not is_session(d):
        d -= timedelta(days=1)
    return d


def sessions_back(d: date, n: int) -> date:
    """n sessions of the exchange before d: "the last three sessions" skip a holiday."""
    while n:
        d -= timedelta(days=1)
        if is_session(d):
            n -= 1
    return d


def sessions_between(start: date, end: date) -> list[date]:
    """The trading days from start to end, both included, oldest first."""
    days = (start + timedelta(days=i) for i in range((end - start).days + 1))
    return [d for d in days if is_session(d)]


def next_session(d: date) -> date:
    """The first trading day after d."""
    d += timedelta(days=1)
    while not is_session(d):
        d += timedelta(days=1)
    return d


def session_hours(d: date) -> tuple[datetime, datetime] | None:
    """Open and close of the session on d (New York time, early closes included)."""
    if not is_session(d):
        return None
    close = _table()[1].get(d, CLOSE)
    return (
        datetime.combine(d, OPEN, tzinfo=NEW_YORK),
        datetime.combine(d, close, tzinfo=NEW_YORK),
    )


def last_close_by(moment: datetime) -> date:
    """The last session whose close had rung at `moment` (an aware time)."""
    here = moment.astimezone(NEW_YORK)
    day = last_session(here.date())
    hours = session_hours(day)
    if hours is not None and here < hours[1]:
        day = last_session(day - timedelta(days=1))
    return day


def build_rows() -> list[dict[str, str]]:
    """The table's rows from exchange-calendars' XNYS calendar."""
    import exchange_calendars as xcals

    cal = xcals.get_calendar("XNYS", start=FIRST.isoformat(), end=LAST.isoformat())
    sessions = {s.date() for s in cal.sessions}
    rows = []
    day = FIRST
    while day <= LAST:
        if day.weekday() < 5 and day not in sessions:
            rows.append({"date": day.isoformat(), "status": "closed", "close": ""})
        day = date.fromordinal(day.toordinal() + 1)
    for s in cal.early_closes:
        close = cal.session_close(s).tz_convert("America/New_York").strftime("%H:%M")
        rows.append({"date": s.date().isoformat(), "status": "early close", "close": close})
    return sorted(rows, key=lambda r: r["date"])


if __name__ == "__main__":
    with TABLE.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["date", "status", "close"])
        writer.writeheader()
        writer.writerows(build_rows())
    print(f"wrote {TABLE}")
