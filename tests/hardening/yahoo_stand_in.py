"""`python -m tests.hardening.yahoo_stand_in down|snapshot ARGS`: `finnews ARGS` with Yahoo
played by a stand-in, for tests that run finnews in another process (a read-only mount).

`down`: every request fails as with no network. `snapshot`: requests are answered from
the bundled snapshot, shaped as yfinance shapes them. Nothing touches the network.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import assistant.market.yahoo as yahoo
from assistant.cli import main
from assistant.market.snapshot import SnapshotMarketData


def down(ticker: str, start: date, end: date) -> Any:
    raise ConnectionError("network is unreachable")


def from_snapshot(ticker: str, start: date, end: date) -> Any:
    import pandas as pd

    bars = SnapshotMarketData().history(ticker, start, end).bars
    frame = pd.DataFrame(
        {
            "Open": [b.open for b in bars],
            "High": [b.high for b in bars],
            "Low": [b.low for b in bars],
            "Close": [b.close for b in bars],
            "Adj Close": [b.adj_close for b in bars],
            "Volume": [b.volume for b in bars],
        },
        index=pd.DatetimeIndex([pd.Timestamp(b.date) for b in bars]),
    )
    return frame


if __name__ == "__main__":
    yahoo.yfinance_fetch = {"down": down, "snapshot": from_snapshot}[sys.argv[1]]
    main(sys.argv[2:])
