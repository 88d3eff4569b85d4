"""On-disk SQLite cache of daily bars and of the date ranges already fetched."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from assistant.market.base import Bar, History

CACHE_FILE = "market.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS bars (
    ticker TEXT NOT NULL,
    date TEXT NOT NULL,
    open REAL NOT NULL,
    high REAL NOT NULL,
    low REAL NOT NULL,
    close REAL NOT NULL,
    adj_close REAL NOT NULL,
    volume INTEGER NOT NULL,
    source TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (ticker, date)
);
CREATE TABLE IF NOT EXISTS ranges (
    ticker TEXT NOT NULL,
    start TEXT NOT NULL,
    end TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (ticker, start)
);
"""


class PriceCache:
    """Daily bars per ticker plus covered ranges; every write is one transaction."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)

    @classmethod
    def in_dir(cls, data_dir: Path) -> PriceCache:
        return cls(Path(data_dir) / CACHE_FILE)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    # -- reads ----------------------------------------------------------------
    def ranges(self, ticker: str) -> list[tuple[date, date]]:
        """Covered (start, end) ranges of one ticker, ascending, merged."""
        with closing(self._connect()) as conn:
            rows = conn.execute(
                "SELECT start, end FROM ranges WHERE ticker = ? ORDER BY start", (ticker,)
            ).fetchall()
        return [(date.fromisoformat(s), date.fromisoformat(e)) for s, e in rows]

    def covers(self, ticker: str, start: date, end: date) -> bool:
        return any(s <= start and end <= e for s, e in self.ranges(ticker))

    def bars(self, ticker: str, start: date, end: date) -> list[Bar]:
        """Cached bars with start <= date <= end, ascending (whatever is stored)."""
        return [bar for bar, _, _ in self._rows(ticker, start, end)]

    def get(self, ticker: str, start: date, end: date) -> History | None:
        """The cached window, or None when the cache does not cover all of it."""
        if not self.covers(ticker, start, end):
            return None
        rows = self._rows(ticker, start, end)
        fetched = [f for _, _, f in rows]
        return History(
            ticker=ticker,
            bars=[b for b, _, _ in rows],
            source="cache",
            fetched_at=min(fetched) if fetched else None,
        )

    def _rows(self, ticker: str, start: date, end: date) -> list[tuple[Bar, str, datetime]]:
        with closing(self._connect()) as conn:
            rows = conn.execute(
                "SELECT date, open, high, low, close, adj_close, volume, source, fetched_at "
                "FROM bars WHERE ticker = ? AND date >= ? AND date <= ? ORDER BY date",
                (ticker, start.isoformat(), end.isoformat()),
            ).fetchall()
        return [
            (
                Bar(date.fromisoformat(d), o, h, lo, c, a, int(v)),
                src,
                datetime.fromisoformat(f),
            )
            for d, o, h, lo, c, a, v, src, f in rows
        ]

    # -- writes ---------------------------------------------------------------
    def put(
        self,
        ticker: str,
        bars: Iterable[Bar],
        start: date | None = None,
        end: date | None = None,
        *,
        source: str = "yfinance",
        fetched_at: datetime | None = None,
    ) -> None:
        """Store bars and (when start/end given) mark start..end covered, atomically.

        Either every bar and the range land, or nothing changes.
        """
        when = (fetched_at or datetime.now(timezone.utc)).isoformat()
        conn = self._connect()
        try:
            with conn:  # one transaction: commit on success, rollback on any exception
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany(
                    "INSERT OR REPLACE INTO bars VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        (
                            ticker,
                            b.date.isoformat(),
                            b.open,
                            b.high,
                            b.low,
                            b.close,
                            b.adj_close,
                            int(b.volume),
                            source,
                            when,
                        )
                        for b in bars
                    ),
                )
                if start is not None and end is not None and start <= end:
                    self._add_range(conn, ticker, start, end, when)
        finally:
            conn.close()

    @staticmethod
    def _add_range(
        conn: sqlite3.Connection, ticker: str, start: date, end: date, when: str
    ) -> None:
        """Merge start..end with overlapping or adjacent ranges (inside the caller's tx)."""
        rows = conn.execute("SELECT start, end FROM ranges WHERE ticker = ?", (ticker,)).fetchall()
        new_s, new_e = start, end
        for s_txt, e_txt in rows:
            s, e = date.fromisoformat(s_txt), date.fromisoformat(e_txt)
            if s <= new_e + timedelta(days=1) and new_s <= e + timedelta(days=1):
                new_s, new_e = min(new_s, s), max(new_e, e)
                conn.execute("DELETE FROM ranges WHERE ticker = ? AND start = ?", (ticker, s_txt))
        conn.execute(
            "INSERT OR REPLACE INTO ranges VALUES (?, ?, ?, ?)",
            (ticker, new_s.isoformat(), new_e.isoformat(), when),
        )
