"""On-disk SQLite cache of daily bars and of the date ranges already fetched.

The cache holds nothing that cannot be fetched again, so a damaged file is not an
error: it is moved aside (`market.sqlite.damaged-YYYYMMDD-HHMMSS`), the move is told
once through `notify`, and an empty cache takes its place.

Nor is a read-only place: the cache is then read without being written (SQLite's
read-only mode, or its `immutable` one when not even a WAL's `-shm` file can be made),
prices fetched meanwhile are not kept, and `notify` hears that once.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterable
from contextlib import closing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar

from assistant.lock import why_unwritable
from assistant.market.base import Bar, History
from assistant.sqlite_files import BUSY_WAIT, is_damage, read_only_uri, sqlite_damage

CACHE_FILE = "market.sqlite"
_SIDECARS = ("-wal", "-shm", "-journal")  # an old WAL must never meet a new database

R = TypeVar("R")

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
    """Daily bars per ticker plus covered ranges; every write is one transaction.

    A damaged file, found on opening (SQLite's quick_check) or by any later statement, is
    moved aside and replaced by an empty cache; `notify` gets one sentence saying so.
    Where the cache cannot be written (`read_only` says why), it is only read: writes are
    skipped, and the first one skipped is told through `notify`.
    """

    def __init__(self, path: Path, *, notify: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.notify = notify
        self._repair_lock = threading.Lock()
        self._read_uri: str | None = None  # how a read-only cache is read (None: not at all)
        self._told_read_only = False
        self.read_only = self._unwritable()  # why nothing can be written here, if so
        if self.read_only:
            self._open_read_only()
            return
        problem = sqlite_damage(self.path)
        if problem:
            self._set_aside(problem)
        self._guarded(self._create, again=False)

    @classmethod
    def in_dir(cls, data_dir: Path, *, notify: Callable[[str], None] | None = None) -> PriceCache:
        return cls(Path(data_dir) / CACHE_FILE, notify=notify)

    def _create(self) -> None:
        with closing(self._connect()) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            if self._read_uri is None:
                raise sqlite3.OperationalError("the read-only cache cannot be read")
            return sqlite3.connect(self._read_uri, uri=True, timeout=30)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    # -- a place that cannot be written -----------------------------------------
    def _unwritable(self) -> str | None:
        """'DIR is not writable (REASON)' (or the file's) when the cache cannot be written."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return f"{folder} cannot be made ({exc.strerror or exc})"
        for where in (folder, self.path):
            why = why_unwritable(where)
            if why:
                return f"{where} is not writable ({why})"
        return None

    def _open_read_only(self) -> None:
        """Find how the cache file can be read without writing a byte; a damaged or
        unreadable file is told once and then the cache holds nothing."""
        try:
            if self.path.stat().st_size == 0:
                return  # nothing cached yet
        except FileNotFoundError:
            return
        except OSError as exc:
            self._tell(f"the market-data cache {self.path} cannot be read ({exc.strerror})")
            return
        for immutable in (False, True):
            uri = read_only_uri(self.path, immutable=immutable)
            problem: str | None
            try:
                with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_WAIT)) as conn:
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError as exc:
                if not is_damage(exc):
                    continue  # read-only mode needs a -shm file it cannot make: immutable
                problem = sqlite_damage(self.path, immutable=immutable) or str(exc)
            else:
                problem = sqlite_damage(self.path, immutable=immutable)
            if problem:
                self._tell(
                    f"the market-data cache {self.path} is damaged ({problem}) and cannot be "
                    f"set aside: {self.read_only}; prices are fetched without it"
                )
                return
            self._read_uri = uri
            return
        self._tell(f"the market-data cache {self.path} cannot be read: {self.read_only}")

    def _skip_write(self) -> None:
        with self._repair_lock:
            told, self._told_read_only = self._told_read_only, True
        if not told:
            self._tell(
                f"{self.read_only}: the market-data cache {self.path} is only read, and "
                "prices fetched now are not cached"
            )

    def _tell(self, message: str) -> None:
        if self.notify:
            self.notify(message)

    # -- damage -----------------------------------------------------------------
    def _guarded(self, call: Callable[[], R], *, again: bool = True) -> R | None:
        """`call()`; when it meets a damaged file, set the file aside, start an empty cache
        and (unless `again` is False) call again; else None. A read-only cache that fails
        to answer answers nothing."""
        try:
            return call()
        except sqlite3.DatabaseError as exc:
            if self.read_only:
                return None  # a cache we cannot repair: as if it held nothing
            if not is_damage(exc):
                raise
            self._set_aside(str(exc))
        self._create()
        return call() if again else None

    def _set_aside(self, reason: str) -> None:
        """Move the damaged file (and its WAL and journal) aside, and say so once."""
        with self._repair_lock:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
            try:
                os.replace(self.path, aside)
            except FileNotFoundError:  # another process has just done it
                return
            for suffix in _SIDECARS:
                side = self.path.with_name(self.path.name + suffix)
                try:
                    os.replace(side, aside.with_name(aside.name + suffix))
                except FileNotFoundError:
                    pass
        if self.notify:
            self.notify(
                f"The market-data cache {self.path} was damaged ({reason}); it was moved to "
                f"{aside.name} and an empty cache replaces it (prices are fetched again)."
            )

    # -- reads ----------------------------------------------------------------
    def ranges(self, ticker: str) -> list[tuple[date, date]]:
        """Covered (start, end) ranges of one ticker, ascending, merged."""
        return self._guarded(lambda: self._ranges(ticker)) or []

    def _ranges(self, ticker: str) -> list[tuple[date, date]]:
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
        return self._guarded(lambda: self._read_rows(ticker, start, end)) or []

    def _read_rows(self, ticker: str, start: date, end: date) -> list[tuple[Bar, str, datetime]]:
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
        if self.read_only:
            self._skip_write()
            return
        when = (fetched_at or datetime.now(timezone.utc)).isoformat()
        again = isinstance(bars, (list, tuple))  # after a repair, only a sequence is written again
        self._guarded(lambda: self._put(ticker, bars, start, end, when, source), again=again)

    def _put(
        self,
        ticker: str,
        bars: Iterable[Bar],
        start: date | None,
        end: date | None,
        when: str,
        source: str,
    ) -> None:
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
