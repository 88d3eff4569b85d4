"""The yfinance adapter seam, fed real pandas frames shaped like yfinance output."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from assistant.errors import MarketDataUnavailable, ProviderError
from assistant.market import yahoo
from assistant.market.base import Bar
from assistant.market.cache import PriceCache
from assistant.market.yahoo import YahooMarketData, frame_to_bars

ROWS = {
    "2024-11-22": (235.64, 239.24, 235.33, 238.77, 234.997711, 22693100),
    "2024-11-25": (241.49, 244.98, 241.39, 242.4, 238.570358, 33534000),
    "2024-11-26": (241.18, 241.61, 239.43, 240.62, 236.818512, 22581400),
}
BARS = [Bar(date.fromisoformat(d), *v) for d, v in ROWS.items()]
NAN = math.nan


def frame(rows: Mapping[str, tuple[float, ...]]) -> pd.DataFrame:
    index = pd.DatetimeIndex([pd.Timestamp(d, tz="America/New_York") for d in rows], name="Date")
    cols = ["Open", "High", "Low", "Close", "Adj Close", "Volume"]
    return pd.DataFrame([list(v) for v in rows.values()], index=index, columns=cols)


class Fetcher:
    def __init__(self, result: Any) -> None:
        self.result = result
        self.calls: list[tuple[str, date, date]] = []

    def __call__(self, ticker: str, start: date, end: date) -> Any:
        self.calls.append((ticker, start, end))
        if isinstance(self.result, Exception):
            raise self.result
        return self.result


def provider(tmp_path: Path, result: Any, today: date = date(2025, 6, 1)):
    fetch = Fetcher(result)
    md = YahooMarketData(PriceCache(tmp_path / "market.sqlite"), fetch=fetch, today=lambda: today)
    return md, fetch


def test_miss_fetches_then_hit_serves_from_cache(tmp_path: Path) -> None:
    md, fetch = provider(tmp_path, frame(ROWS))
    h = md.history("$iwm", date(2024, 11, 22), date(2024, 11, 26))
    assert md.name == "yfinance"
    assert fetch.calls == [("IWM", date(2024, 11, 22), date(2024, 11, 26))]
    assert (h.ticker, h.source, h.bars) == ("IWM", "yfinance", BARS)
    assert h.fetched_at is not None
    again = md.history("IWM", date(2024, 11, 25), date(2024, 11, 26))
    assert len(fetch.calls) == 1  # no network call on a hit
    assert (again.source, again.bars, again.fetched_at) == ("cache", BARS[1:], h.fetched_at)


def test_rows_outside_the_window_are_dropped(tmp_path: Path) -> None:
    md, _ = provider(tmp_path, frame(ROWS))
    h = md.history("IWM", date(2024, 11, 23), date(2024, 11, 25))
    assert h.bars == BARS[1:2]


def test_empty_frame_means_no_data(tmp_path: Path) -> None:
    md, fetch = provider(tmp_path, pd.DataFrame())
    with pytest.raises(MarketDataUnavailable) as err:
        md.history("ZZZZ", date(2024, 11, 22), date(2024, 11, 26))
    assert str(err.value) == (
        "Yahoo returned no ZZZZ bars for 2024-11-22..2024-11-26 "
        "(unknown ticker, market closed, or Yahoo unreachable)"
    )
    assert md.cache.ranges("ZZZZ") == []  # an empty answer is never cached as coverage
    with pytest.raises(MarketDataUnavailable):
        md.history("ZZZZ", date(2024, 11, 22), date(2024, 11, 26))
    assert len(fetch.calls) == 2


def test_empty_frame_with_yfinance_columns(tmp_path: Path) -> None:
    md, _ = provider(tmp_path, frame({}))
    with pytest.raises(MarketDataUnavailable):
        md.history("IWM", date(2024, 11, 22), date(2024, 11, 26))


def test_nan_rows(tmp_path: Path) -> None:
    rows = {
        "2024-11-22": (NAN, NAN, NAN, NAN, NAN, NAN),
        "2024-11-25": (241.49, 244.98, 241.39, 242.4, NAN, NAN),
        "2024-11-26": (241.18, 241.61, NAN, 240.62, 236.818512, 22581400),
    }
    md, _ = provider(tmp_path, frame(rows))
    h = md.history("IWM", date(2024, 11, 22), date(2024, 11, 26))
    assert h.bars == [Bar(date(2024, 11, 25), 241.49, 244.98, 241.39, 242.4, 242.4, 0)]


def test_all_nan_frame_is_no_data(tmp_path: Path) -> None:
    md, _ = provider(tmp_path, frame({"2024-11-22": (NAN,) * 6}))
    with pytest.raises(MarketDataUnavailable):
        md.history("IWM", date(2024, 11, 22), date(2024, 11, 22))


def test_raising_fetcher_is_a_retryable_provider_error(tmp_path: Path) -> None:
    md, _ = provider(tmp_path, ConnectionError("Failed to resolve query2.finance.yahoo.com"))
    with pytest.raises(ProviderError) as err:
        md.history("IWM", date(2024, 11, 22), date(2024, 11, 26))
    assert err.value.retryable is True
    assert str(err.value) == (
        "Yahoo Finance request for IWM failed (ConnectionError: Failed to resolve "
        "query2.finance.yahoo.com); retry later or use --offline for the bundled snapshot"
    )


def test_frame_without_price_columns(tmp_path: Path) -> None:
    md, _ = provider(tmp_path, pd.DataFrame({"Foo": [1.0]}, index=[pd.Timestamp("2024-11-22")]))
    with pytest.raises(ProviderError, match="without Open, High, Low, Close"):
        md.history("IWM", date(2024, 11, 22), date(2024, 11, 22))


def test_todays_bar_is_not_cached_as_final(tmp_path: Path) -> None:
    md, fetch = provider(tmp_path, frame(ROWS), today=date(2024, 11, 26))
    md.history("IWM", date(2024, 11, 22), date(2024, 11, 26))
    assert md.cache.ranges("IWM") == [(date(2024, 11, 22), date(2024, 11, 25))]
    md.history("IWM", date(2024, 11, 22), date(2024, 11, 25))
    assert len(fetch.calls) == 1
    md.history("IWM", date(2024, 11, 22), date(2024, 11, 26))
    assert len(fetch.calls) == 2


def test_covered_window_without_bars(tmp_path: Path) -> None:
    md, fetch = provider(tmp_path, frame(ROWS))
    md.history("IWM", date(2024, 11, 22), date(2024, 11, 26))
    with pytest.raises(MarketDataUnavailable, match="no IWM bars between 2024-11-23"):
        md.history("IWM", date(2024, 11, 23), date(2024, 11, 24))
    assert len(fetch.calls) == 1


def test_frame_to_bars_without_adj_close() -> None:
    f = frame(ROWS).drop(columns=["Adj Close"])
    assert [b.adj_close for b in frame_to_bars(f)] == [238.77, 242.4, 240.62]


def test_macro_series_come_from_the_snapshot(tmp_path: Path) -> None:
    md, fetch = provider(tmp_path, ConnectionError("offline"))
    assert md.fed_target(date(2025, 12, 11), date(2025, 12, 11))[0].lower == 3.5
    assert md.treasury("DGS10", date(2025, 12, 10), date(2025, 12, 10))[0].value == 4.13
    assert md.forward_pe("^SML")[-1].value == 14.8
    assert fetch.calls == []


def test_default_fetch_calls_yfinance_with_inclusive_end(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []

    class FakeTicker:
        def __init__(self, symbol: str) -> None:
            self.symbol = symbol

        def history(self, **kwargs: Any) -> pd.DataFrame:
            calls.append((self.symbol, kwargs))
            return frame(ROWS)

    import yfinance

    monkeypatch.setattr(yfinance, "Ticker", FakeTicker)
    out = yahoo.yfinance_fetch("IWM", date(2024, 11, 22), date(2024, 11, 26))
    assert frame_to_bars(out) == BARS
    assert calls == [
        (
            "IWM",
            {
                "start": "2024-11-22",
                "end": "2024-11-27",
                "interval": "1d",
                "auto_adjust": False,
                "actions": False,
            },
        )
    ]
