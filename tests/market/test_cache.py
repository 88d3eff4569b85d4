"""The SQLite price cache: round trip, covered ranges, atomic writes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from assistant.market.base import Bar
from assistant.market.cache import PriceCache
from tests.conftest import ROOT

WHEN = datetime(2025, 12, 1, 12, 0, tzinfo=timezone.utc)
BARS = [
    Bar(date(2024, 11, 22), 235.64, 239.24, 235.33, 238.77, 234.997711, 22693100),
    Bar(date(2024, 11, 25), 241.49, 244.98, 241.39, 242.4, 238.570358, 33534000),
    Bar(date(2024, 11, 26), 241.18, 241.61, 239.43, 240.62, 236.818512, 22581400),
]


def test_round_trip(tmp_path: Path) -> None:
    cache = PriceCache(tmp_path / "market.sqlite")
    cache.put("IWM", BARS, date(2024, 11, 22), date(2024, 11, 26), fetched_at=WHEN)
    h = cache.get("IWM", date(2024, 11, 22), date(2024, 11, 26))
    assert h is not None
    assert h.bars == BARS
    assert h.source == "cache"
    assert h.fetched_at == WHEN
    assert cache.get("IWM", date(2024, 11, 23), date(2024, 11, 25)).bars == BARS[1:2]  # type: ignore[union-attr]


def test_uncovered_window_is_a_miss(tmp_path: Path) -> None:
    cache = PriceCache(tmp_path / "market.sqlite")
    cache.put("IWM", BARS, date(2024, 11, 22), date(2024, 11, 26), fetched_at=WHEN)
    assert cache.get("IWM", date(2024, 11, 21), date(2024, 11, 26)) is None
    assert cache.get("IJR", date(2024, 11, 22), date(2024, 11, 26)) is None
    # bars without a range are stored but do not count as coverage
    cache.put("IJR", BARS, fetched_at=WHEN)
    assert cache.get("IJR", date(2024, 11, 22), date(2024, 11, 26)) is None
    assert cache.bars("IJR", date(2024, 11, 1), date(2024, 11, 30)) == BARS


def test_ranges_merge_when_overlapping_or_adjacent(tmp_path: Path) -> None:
    cache = PriceCache(tmp_path / "market.sqlite")
    cache.put("SPY", [], date(2025, 1, 1), date(2025, 1, 31))
    cache.put("SPY", [], date(2025, 3, 1), date(2025, 3, 31))
    cache.put("SPY", [], date(2025, 2, 1), date(2025, 2, 28))  # adjacent to both
    cache.put("SPY", [], date(2025, 6, 1), date(2025, 6, 30))
    cache.put("SPY", [], date(2025, 6, 15), date(2025, 7, 15))
    assert cache.ranges("SPY") == [
        (date(2025, 1, 1), date(2025, 3, 31)),
        (date(2025, 6, 1), date(2025, 7, 15)),
    ]
    assert cache.covers("SPY", date(2025, 1, 15), date(2025, 3, 15))
    assert not cache.covers("SPY", date(2025, 3, 15), date(2025, 6, 15))


def test_wal_mode(tmp_path: Path) -> None:
    PriceCache(tmp_path / "market.sqlite")
    with sqlite3.connect(tmp_path / "market.sqlite") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_failed_write_leaves_previous_content(tmp_path: Path) -> None:
    cache = PriceCache(tmp_path / "market.sqlite")
    cache.put("IWM", BARS[:1], date(2024, 11, 22), date(2024, 11, 22), fetched_at=WHEN)

    changed = Bar(date(2024, 11, 22), 1.0, 1.0, 1.0, 1.0, 1.0, 1)

    def exploding() -> Iterator[Bar]:
        yield changed  # overwrites the stored bar inside the transaction
        yield BARS[1]
        raise RuntimeError("killed mid-write")

    with pytest.raises(RuntimeError, match="killed mid-write"):
        cache.put("IWM", exploding(), date(2024, 11, 22), date(2024, 11, 26))
    assert cache.bars("IWM", date(2024, 11, 1), date(2024, 11, 30)) == BARS[:1]
    assert cache.ranges("IWM") == [(date(2024, 11, 22), date(2024, 11, 22))]


def test_killed_process_leaves_previous_content(tmp_path: Path) -> None:
    path = tmp_path / "market.sqlite"
    cache = PriceCache(path)
    cache.put("IWM", BARS[:1], date(2024, 11, 22), date(2024, 11, 22), fetched_at=WHEN)
    script = textwrap.dedent(
        f"""
        import os
        from datetime import date
        from assistant.market.base import Bar
        from assistant.market.cache import PriceCache

        def rows():
            for i in range(1, 28):
                yield Bar(date(2024, 12, i), 1.0, 1.0, 1.0, 1.0, 1.0, 1)
            os._exit(9)  # the process dies inside the transaction

        PriceCache({str(path)!r}).put("IWM", rows(), date(2024, 12, 1), date(2024, 12, 31))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=False)
    assert proc.returncode == 9
    assert cache.bars("IWM", date(2024, 1, 1), date(2025, 1, 1)) == BARS[:1]
    assert cache.ranges("IWM") == [(date(2024, 11, 22), date(2024, 11, 22))]
    cache.put("IWM", BARS[1:], date(2024, 11, 23), date(2024, 11, 26), fetched_at=WHEN)
    assert cache.get("IWM", date(2024, 11, 22), date(2024, 11, 26)).bars == BARS  # type: ignore[union-attr]
