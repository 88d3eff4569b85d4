"""SQLite files finnews keeps (the market cache, Chroma's `chroma.sqlite3`): is one
damaged, and how to read one that sits where nothing may be written.

Used by the market cache (`assistant/market/cache.py`) and by the index checks
(`retrieval/health.py`); neither writes anything through these functions.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_WAIT = 0.5  # seconds the check waits for a writer's lock before it skips the check
_CORRUPT, _NOTADB = 11, 26  # SQLite's primary result codes for a damaged file


def is_damage(exc: BaseException) -> bool:
    """Whether an sqlite3 error means a damaged file (not a lock, a full disk, a read-only
    directory or a missing one)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF in (_CORRUPT, _NOTADB)
    return type(exc) is sqlite3.DatabaseError  # 3.10: damage is the plain DatabaseError


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """The URI that opens `path` for reading only (`sqlite3.connect(uri, uri=True)`).

    `immutable` also tells SQLite that nobody changes the file, so it needs no lock and
    no `-shm` file: the only way to read a WAL database in a directory where those files
    cannot be created.
    """
    return f"{path.resolve().as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"


def sqlite_damage(path: Path, *, immutable: bool = False) -> str | None:
    """Why the SQLite file at `path` is damaged, or None when it is sound (or absent, or
    empty: SQLite makes an empty file a new database). Reads only; `immutable` as for
    `read_only_uri` (only for a file nobody can be writing)."""
    try:
        if path.stat().st_size == 0:
            return None
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return None
    if head != SQLITE_MAGIC:
        return "not an SQLite database"
    try:
        uri = read_only_uri(path, immutable=immutable)
        with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_WAIT)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc) if is_damage(exc) else None  # a lock is not damage
    lines = [line.strip() for row in rows for line in str(row[0]).splitlines()]
    problems = [line for line in lines if line and line != "ok" and not line.startswith("***")]
    return f"SQLite's integrity check: {problems[0]}" if problems else None
