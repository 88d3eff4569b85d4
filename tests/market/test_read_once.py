"""What a check reads of the market data is read once and not rebuilt per claim: the
forward P/E file, the Fed's moves, a yield index's closes, a reading's place in a series."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.errors import MarketDataUnavailable
from assistant.market import metrics as M
from assistant.market import snapshot
from assistant.market.base import Bar, RatePoint, SeriesPoint
from assistant.market.snapshot import SnapshotMarketData
from assistant.verify.lookup import Closes, Lookup


def _changes_one_by_one(points: list[RatePoint]) -> list[M.RateChange]:
    """The reference: every consecutive pair compared."""
    out = []
    for a, b in zip(points, points[1:], strict=False):
        if (a.lower, a.upper) != (b.lower, b.upper):
            bp = round(((b.lower + b.upper) - (a.lower + a.upper)) / 2 * 100)
            out.append(M.RateChange(b.date, a.lower, a.upper, b.lower, b.upper, bp))
    return out


def test_target_changes_are_every_move_of_the_range() -> None:
    points = SnapshotMarketData().fed_target(date(2008, 12, 16), date(2026, 1, 1))
    got = M.target_changes(points)
    assert got == _changes_one_by_one(points)
    assert len(got) > 20
    ranges = [(1, 5.0, 5.25), (2, 5.0, 5.5), (3, 4.75, 5.5), (4, 4.75, 5.5)]
    edge = [RatePoint(date(2024, 1, d), lo, hi) for d, lo, hi in ranges]
    assert [(c.date.day, c.bp) for c in M.target_changes(edge)] == [(2, 12), (3, -12)]
    assert M.target_changes(edge[:1]) == [] == M.target_changes([])


def test_lookup_finds_the_fed_moves_once_per_check() -> None:
    lookup = Lookup(SnapshotMarketData(), date(2025, 12, 31))
    first = lookup.fed_changes()
    assert lookup.fed_changes() is first
    assert first == _changes_one_by_one(lookup.fed())


def test_forward_pe_file_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    real = snapshot._rows

    def counting(path):  # type: ignore[no-untyped-def]
        reads.append(path.name)
        return real(path)

    monkeypatch.setattr(snapshot, "_rows", counting)
    market = SnapshotMarketData()
    first = market.forward_pe("^SML")
    assert [(q.as_of, q.value) for q in first] == [(date(2025, 8, 28), 15.7),
                                                   (date(2025, 12, 2), 14.8)]  # fmt: skip
    assert market.forward_pe("s&p smallcap 600") == first
    assert market.forward_pe("$^sml") == first
    with pytest.raises(MarketDataUnavailable):
        market.forward_pe("IJR")
    assert reads == [snapshot.FORWARD_PE_FILE]
    first[0].extra["note"] = "changed by a caller"
    assert market.forward_pe("^SML")[0].extra == {}


BARS = [
    Bar(date(2025, 3, d), open=4.0, high=4.2, low=3.9, close=4.0 + d / 100, adj_close=4.0)
    for d in (3, 4, 5, 7, 10)
]


def test_closes_read_bars_as_series_points() -> None:
    closes = Closes(BARS)
    want = [SeriesPoint(b.date, b.close) for b in BARS]
    assert len(closes) == 5
    assert list(closes) == want
    assert closes[-1] == want[-1]
    assert list(closes[1:3]) == want[1:3]
    assert M.value_on(closes, date(2025, 3, 5)) == SeriesPoint(date(2025, 3, 5), 4.05)
    assert M.value_on(closes, date(2025, 3, 6)) is None
    assert M.value_on_or_before(closes, date(2025, 3, 9)) == want[3]


def test_dated_index_and_dated_before() -> None:
    assert M.dated_index(BARS, date(2025, 3, 7)) == 3
    assert M.dated_index(BARS, date(2025, 3, 6)) is None
    assert M.dated_index(BARS, date(2025, 3, 11)) is None
    assert M.dated_index([], date(2025, 3, 11)) is None
    assert M.dated_before(BARS, date(2025, 3, 7)) == BARS[2]
    assert M.dated_before(BARS, date(2025, 3, 6)) == BARS[2]
    assert M.dated_before(BARS, date(2025, 3, 3)) is None
    assert M.dated_before(BARS, date(2026, 1, 1)) == BARS[-1]


def test_lookup_closes_are_the_index_closes() -> None:
    lookup = Lookup(SnapshotMarketData(), date(2025, 12, 31))
    closes = lookup.closes("^TNX", date(2000, 1, 1))
    bars = lookup.bars("^TNX", date(2000, 1, 1))
    assert len(closes) == len(bars) > 1000
    assert closes[0] == SeriesPoint(bars[0].date, bars[0].close)
    assert closes[len(bars) - 1] == SeriesPoint(bars[-1].date, bars[-1].close)
