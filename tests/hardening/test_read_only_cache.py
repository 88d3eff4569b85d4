"""Item 7, the market-data cache: on a read-only FINNEWS_HOME it is read, never written,
and the prices it cannot keep are said once on stderr; online `check` works there.

Each run is a child process that cannot write to the home (see `run_read_only`); Yahoo is
played by `tests.hardening.yahoo_stand_in` (down, or answering from the snapshot).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from assistant.market.base import Bar
from assistant.market.cache import PriceCache
from tests.conftest import ROOT
from tests.hardening.conftest import READ_ONLY_REASON, finnews_env, run_read_only

SAMPLE = str(ROOT / "assistant" / "data" / "articles" / "small_caps_rally.md")
WHEN = datetime(2025, 12, 1, 12, 0, tzinfo=timezone.utc)
IWM = [
    Bar(date(2024, 11, 22), 235.64, 239.24, 235.33, 238.77, 234.997711, 22693100),
    Bar(date(2024, 11, 25), 241.49, 244.98, 241.39, 242.4, 238.570358, 33534000),
]

# A child's view of the cache: what it serves, whether it took a write, what it said.
PROBE = """
import json, sys
from datetime import date
from pathlib import Path
from assistant.market.base import Bar
from assistant.market.cache import PriceCache

told = []
cache = PriceCache.in_dir(Path(sys.argv[1]), notify=told.append)
held = cache.get("IWM", date(2024, 11, 22), date(2024, 11, 25))
spy = [Bar(date(2024, 11, 22), 1.0, 1.0, 1.0, 1.0, 1.0, 1)]
cache.put("SPY", spy, date(2024, 11, 22), date(2024, 11, 22))
cache.put("SPY", spy, date(2024, 11, 22), date(2024, 11, 22))
print(json.dumps({
    "source": held.source if held else None,
    "closes": [b.close for b in held.bars] if held else None,
    "spy": [[s.isoformat(), e.isoformat()] for s, e in cache.ranges("SPY")],
    "qqq": [[s.isoformat(), e.isoformat()] for s, e in cache.ranges("QQQ")],
    "told": told,
}))
"""


def _probe(home: Path) -> tuple[int, dict[str, Any], str]:
    run = run_read_only(home, [sys.executable, "-c", PROBE, str(home)], finnews_env())
    return run.returncode, json.loads(run.stdout or "null"), run.stderr


def _not_kept(home: Path) -> str:
    return (
        f"{home} is not writable ({READ_ONLY_REASON}): the market-data cache "
        f"{home / 'market.sqlite'} is only read, and prices fetched now are not cached"
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A data dir whose cache holds IWM for 2024-11-22..25 (its WAL checkpointed away)."""
    home = tmp_path / "home"
    PriceCache.in_dir(home).put("IWM", IWM, date(2024, 11, 22), date(2024, 11, 25), fetched_at=WHEN)
    assert sorted(p.name for p in home.iterdir()) == ["market.sqlite"]
    return home


def test_a_read_only_cache_serves_what_it_holds_and_takes_no_write(home: Path) -> None:
    """Before: PriceCache() failed with "unable to open database file"."""
    before = (home / "market.sqlite").read_bytes()
    assert _probe(home) == (
        0,
        {
            "source": "cache",
            "closes": [238.77, 242.4],
            "spy": [],
            "qqq": [],
            "told": [_not_kept(home)],
        },
        "",
    )
    assert sorted(p.name for p in home.iterdir()) == ["market.sqlite"]
    assert (home / "market.sqlite").read_bytes() == before


@pytest.fixture
def home_with_wal(home: Path) -> Iterator[Path]:
    """`home` while another connection holds it open in WAL mode with a QQQ range in its
    WAL only (the -wal and -shm files are there)."""
    conn = sqlite3.connect(home / "market.sqlite")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    with conn:
        conn.execute(
            "INSERT INTO ranges VALUES ('QQQ', '2024-11-22', '2024-11-22', ?)", (WHEN.isoformat(),)
        )
    try:
        assert {"market.sqlite-wal", "market.sqlite-shm"} <= {p.name for p in home.iterdir()}
        yield home
    finally:
        conn.close()


def test_a_read_only_cache_with_a_wal_beside_it(home_with_wal: Path) -> None:
    code, seen, err = _probe(home_with_wal)
    assert (code, seen["source"], seen["closes"], seen["spy"], err) == (
        0,
        "cache",
        [238.77, 242.4],
        [],
        "",
    )
    assert seen["qqq"] == [["2024-11-22", "2024-11-22"]]  # what is in the WAL is read too
    assert seen["told"] == [_not_kept(home_with_wal)]


def test_a_read_only_home_without_a_cache(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert _probe(home) == (
        0,
        {"source": None, "closes": None, "spy": [], "qqq": [], "told": [_not_kept(home)]},
        "",
    )
    assert list(home.iterdir()) == []


def test_a_damaged_read_only_cache_is_said_and_left_alone(home: Path) -> None:
    cache = home / "market.sqlite"
    cache.write_bytes(b"this is no database, it is a text file" * 100)
    code, seen, err = _probe(home)
    assert (code, seen["source"], seen["spy"], err) == (0, None, [], "")
    assert seen["told"] == [
        f"the market-data cache {cache} is damaged (not an SQLite database) and cannot be set "
        f"aside: {home} is not writable ({READ_ONLY_REASON}); prices are fetched without it",
        _not_kept(home),
    ]
    assert sorted(p.name for p in home.iterdir()) == ["market.sqlite"]


# -- through the CLI ---------------------------------------------------------------------
def _check(home: Path, yahoo: str, *args: str, read_only: bool) -> tuple[int, str, str]:
    argv = [sys.executable, "-m", "tests.hardening.yahoo_stand_in", yahoo, "check", *args]
    env = finnews_env(FINNEWS_HOME=str(home), FINNEWS_OFFLINE="0")
    if read_only:
        run = run_read_only(home, argv, env)
    else:
        import subprocess

        run = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
    return run.returncode, run.stdout, run.stderr


def _without_fetch_times(out: str) -> Any:
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "fetched_at"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(json.loads(out))


def test_check_online_reads_the_cache_of_a_read_only_home(tmp_path: Path) -> None:
    """Before: exit 70, "unexpected OperationalError: unable to open database file"."""
    home, twin = tmp_path / "home", tmp_path / "twin"
    home.mkdir()
    assert _check(home, "snapshot", SAMPLE, read_only=False)[0] == 1  # fills the cache
    shutil.copytree(home, twin)
    expected = _check(twin, "down", SAMPLE, "--json", read_only=False)
    assert expected[0] == 1 and expected[2] == ""
    assert '"source": "cache"' in expected[1]
    assert _check(home, "down", SAMPLE, "--json", read_only=True) == expected


def test_check_online_on_a_read_only_home_says_once_that_prices_are_not_kept(
    tmp_path: Path,
) -> None:
    home, twin = tmp_path / "home", tmp_path / "twin"
    home.mkdir()
    twin.mkdir()
    code, out, err = _check(home, "snapshot", SAMPLE, "--json", read_only=True)
    expected = _check(twin, "snapshot", SAMPLE, "--json", read_only=False)
    assert expected[2] == ""
    assert (code, _without_fetch_times(out)) == (expected[0], _without_fetch_times(expected[1]))
    assert err == f"finnews: {_not_kept(home)}\n"
    assert list(home.iterdir()) == []
    with closing(sqlite3.connect(twin / "market.sqlite")) as conn:  # the twin kept them
        assert conn.execute("SELECT count(*) FROM ranges").fetchone()[0] > 0
