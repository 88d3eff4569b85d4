"""Extremes over a period: the biggest one-day drop, the best month, the highest close.

Pure functions over ascending bars. A move is a close-to-close change: a day's from
the previous session's close, a week's or a month's from the last close before it.
Ties go to the earliest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.errors import MarketDataUnavailable
from assistant.market import metrics as M
from assistant.market.base import Bar


@dataclass(frozen=True)
class ExtremeMove:
    """The chosen move and how many moves of its span the period held."""

    change: M.PriceChange
    count: int
    first: date  # the first and last day of the moves compared
    last: date


@dataclass(frozen=True)
class ExtremeClose:
    bar: Bar
    count: int
    first: date
    last: date


def _sessions(bars: list[Bar], start: date, end: date, *, inclusive: bool) -> list[Bar]:
    return [b for b in bars if (start <= b.date if inclusive else start < b.date) and b.date <= end]


def _groups(sessions: list[Bar], span: str) -> list[list[Bar]]:
    """Sessions grouped by day, ISO week or calendar month, in order."""
    if span == "day":
        return [[b] for b in sessions]
    out: list[list[Bar]] = []
    key_of = (lambda d: d.isocalendar()[:2]) if span == "week" else (lambda d: (d.year, d.month))
    for b in sessions:
        if out and key_of(out[-1][-1].date) == key_of(b.date):
            out[-1].append(b)
        else:
            out.append([b])
    return out


def extreme_move(
    bars: list[Bar], start: date, end: date, span: str, direction: str, *, inclusive: bool = True
) -> ExtremeMove:
    """The largest rise ("up"), fall ("down") or either ("any") of each day/week/month.

    `inclusive`: the period's first day is one of its sessions (a calendar window);
    False for a trailing window, which starts from the close on its first day.
    """
    moves: list[M.PriceChange] = []
    for group in _groups(_sessions(bars, start, end, inclusive=inclusive), span):
        base = M.bar_before(bars, group[0].date)
        if base is None:
            continue
        moves.append(M.price_change(base, "close", group[-1], "close", f"{span}_move"))
    if not moves:
        raise MarketDataUnavailable(f"no sessions with a previous close from {start} to {end}")
    if direction == "up":
        best = max(moves, key=lambda c: c.pct)
    elif direction == "down":
        best = min(moves, key=lambda c: c.pct)
    else:
        best = max(moves, key=lambda c: abs(c.pct))
    return ExtremeMove(best, len(moves), moves[0].end_bar.date, moves[-1].end_bar.date)


def extreme_close(bars: list[Bar], start: date, end: date, direction: str) -> ExtremeClose:
    """The highest ("up") or lowest ("down") close from `start` to `end`."""
    sessions = _sessions(bars, start, end, inclusive=True)
    if not sessions:
        raise MarketDataUnavailable(f"no closes from {start} to {end}")
    if direction == "down":
        bar = min(sessions, key=lambda b: b.close)
    else:
        bar = max(sessions, key=lambda b: b.close)
    return ExtremeClose(bar, len(sessions), sessions[0].date, sessions[-1].date)
