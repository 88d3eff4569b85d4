"""Provider selection and the Yahoo -> snapshot fallback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.config import Settings, get_settings
from assistant.errors import MarketDataUnavailable, ProviderError
from assistant.market.base import History
from assistant.market.cache import PriceCache
from assistant.market.providers import FallbackMarketData, get_market_data
from assistant.market.snapshot import SnapshotMarketData
from assistant.market.yahoo import YahooMarketData


def test_offline_env_gives_the_snapshot() -> None:
    md = get_market_data(get_settings())  # conftest sets FINNEWS_OFFLINE=1
    assert isinstance(md, SnapshotMarketData)


def test_offline_flag_wins_over_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINNEWS_OFFLINE", "0")
    settings = Settings()
    assert isinstance(get_market_data(settings, offline=True), SnapshotMarketData)


def test_online_is_yahoo_then_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINNEWS_OFFLINE", "0")
    settings = Settings()
    md = get_market_data(settings)
    assert isinstance(md, FallbackMarketData)
    assert md.name == "yfinance+snapshot"
    yahoo, snap = md.providers
    assert isinstance(yahoo, YahooMarketData) and isinstance(snap, SnapshotMarketData)
    assert yahoo.cache.path == settings.data_dir / "market.sqlite"
    assert yahoo.cache.path.exists()


class Failing:
    def __init__(self, exc: Exception) -> None:
        self.name = "yfinance"
        self.exc = exc
        self.calls = 0

    def history(self, ticker: str, start: date, end: date) -> History:
        self.calls += 1
        raise self.exc

    def fed_target(self, start, end):  # type: ignore[no-untyped-def]
        raise self.exc

    def treasury(self, series, start, end):  # type: ignore[no-untyped-def]
        raise self.exc

    def forward_pe(self, ticker):  # type: ignore[no-untyped-def]
        raise self.exc


@pytest.mark.parametrize(
    "exc",
    [ProviderError("Yahoo down", retryable=True), MarketDataUnavailable("empty frame")],
)
def test_fallback_reports_the_real_source(exc: Exception) -> None:
    first = Failing(exc)
    md = FallbackMarketData([first, SnapshotMarketData()])
    h = md.history("IWM", date(2024, 11, 25), date(2024, 11, 25))
    assert first.calls == 1
    assert h.source == "snapshot"
    assert h.bars[0].high == 244.98
    assert md.fed_target(date(2025, 12, 11), date(2025, 12, 11))[0].upper == 3.75


def test_fallback_uses_the_first_that_answers(tmp_path: Path) -> None:
    yahoo = YahooMarketData(
        PriceCache(tmp_path / "m.sqlite"),
        fetch=lambda t, s, e: (_ for _ in ()).throw(OSError("no network")),
    )
    md = FallbackMarketData([yahoo, SnapshotMarketData()])
    assert md.history("IJR", date(2025, 11, 28), date(2025, 11, 28)).source == "snapshot"


def test_fallback_names_every_failure() -> None:
    md = FallbackMarketData([Failing(ProviderError("Yahoo down")), SnapshotMarketData()])
    with pytest.raises(MarketDataUnavailable) as err:
        md.history("ORCL", date(2025, 1, 2), date(2025, 1, 3))
    msg = str(err.value)
    assert msg.startswith("no ORCL bars from any source (yfinance: Yahoo down; snapshot: no bars")
    assert "(it holds AAPL, AMZN" in msg


def test_fallback_does_not_swallow_bugs() -> None:
    md = FallbackMarketData([Failing(ValueError("bug")), SnapshotMarketData()])
    with pytest.raises(ValueError, match="bug"):
        md.history("IWM", date(2024, 11, 25), date(2024, 11, 25))
