"""The bundled snapshot provider: exact bars, windows, precise errors."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.errors import MarketDataUnavailable
from assistant.market.base import Bar
from assistant.market.snapshot import SnapshotMarketData


@pytest.fixture(scope="module")
def snap() -> SnapshotMarketData:
    return SnapshotMarketData()


def test_name_and_tickers(snap: SnapshotMarketData) -> None:
    assert snap.name == "snapshot"
    assert snap.tickers() == [
        "AAPL",
        "AMZN",
        "GOOGL",
        "IJH",
        "IJR",
        "IWM",
        "JPM",
        "META",
        "MSFT",
        "NVDA",
        "QQQ",
        "SPY",
        "TSLA",
        "VIOO",
        "^DJI",
        "^FVX",
        "^GSPC",
        "^IXIC",
        "^NDX",
        "^RUT",
        "^TNX",
        "^VIX",
    ]


def test_treasury_maturities(snap: SnapshotMarketData) -> None:
    """The 2- and 30-year FRED series are bundled beside the 10-year (values from the CSVs)."""
    two = snap.treasury("DGS2", date(2025, 12, 10), date(2025, 12, 10))
    thirty = snap.treasury("DGS30", date(2025, 12, 10), date(2025, 12, 10))
    assert [(p.date, p.value) for p in two] == [(date(2025, 12, 10), 3.54)]
    assert [(p.date, p.value) for p in thirty] == [(date(2025, 12, 10), 4.78)]


def test_exact_bar_iwm(snap: SnapshotMarketData) -> None:
    h = snap.history("IWM", date(2024, 11, 25), date(2024, 11, 25))
    assert h.ticker == "IWM"
    assert h.source == "snapshot"
    assert h.fetched_at is None
    assert h.bars == [Bar(date(2024, 11, 25), 241.49, 244.98, 241.39, 242.4, 238.570358, 33534000)]
    assert h.bars[0].high == 244.98


def test_window_inclusive_and_ticker_normalized(snap: SnapshotMarketData) -> None:
    h = snap.history("$ijr", date(2025, 11, 28), date(2025, 12, 1))
    assert h.ticker == "IJR"
    assert [(b.date, b.close) for b in h.bars] == [
        (date(2025, 11, 28), 120.87),
        (date(2025, 12, 1), 120.22),
    ]


def test_index_file_with_caret(snap: SnapshotMarketData) -> None:
    h = snap.history("^GSPC", date(2025, 11, 26), date(2025, 11, 26))
    assert h.bars[0].close == 6812.61


def test_coverage(snap: SnapshotMarketData) -> None:
    assert snap.coverage("IJR") == (date(2015, 1, 2), date(2026, 5, 1))
    assert snap.coverage("^GSPC") == (date(2022, 1, 3), date(2026, 9, 25))
    assert snap.coverage("VIOO") == (date(2022, 2, 3), date(2026, 9, 25))


def test_unknown_ticker_names_what_is_held(snap: SnapshotMarketData) -> None:
    with pytest.raises(MarketDataUnavailable) as err:
        snap.history("ORCL", date(2025, 1, 1), date(2025, 2, 1))
    assert str(err.value) == (
        "no bars for ORCL in the bundled snapshot "
        "(it holds AAPL, AMZN, GOOGL, IJH, IJR, IWM, JPM, META, MSFT, NVDA, QQQ, SPY, TSLA, "
        "VIOO, ^DJI, ^FVX, ^GSPC, ^IXIC, ^NDX, ^RUT, ^TNX, ^VIX); "
        "run online (without --offline / FINNEWS_OFFLINE) to fetch it from Yahoo"
    )


def test_macro_files_are_not_tickers(snap: SnapshotMarketData) -> None:
    with pytest.raises(MarketDataUnavailable):
        snap.history("DGS10", date(2025, 1, 1), date(2025, 2, 1))


def test_window_before_coverage(snap: SnapshotMarketData) -> None:
    with pytest.raises(MarketDataUnavailable, match=r"^no IJR bars before 2015-01-02 in the"):
        snap.history("IJR", date(2014, 1, 1), date(2014, 12, 31))


def test_window_after_coverage(snap: SnapshotMarketData) -> None:
    with pytest.raises(MarketDataUnavailable, match=r"^no IJR bars after 2026-05-01 in the"):
        snap.history("IJR", date(2026, 6, 1), date(2026, 6, 30))


def test_weekend_window(snap: SnapshotMarketData) -> None:
    with pytest.raises(MarketDataUnavailable, match="between 2025-11-29 and 2025-11-30"):
        snap.history("IJR", date(2025, 11, 29), date(2025, 11, 30))


def test_bars_cached_per_ticker(snap: SnapshotMarketData) -> None:
    first = snap.bars("IWM")
    assert snap.bars("iwm") is first


def test_fed_target(snap: SnapshotMarketData) -> None:
    pts = snap.fed_target(date(2025, 12, 10), date(2025, 12, 11))
    assert [(p.date, p.lower, p.upper) for p in pts] == [
        (date(2025, 12, 10), 3.75, 4.0),
        (date(2025, 12, 11), 3.5, 3.75),
    ]
    with pytest.raises(MarketDataUnavailable, match="before 2008-12-16"):
        snap.fed_target(date(2000, 1, 1), date(2000, 2, 1))


def test_treasury_10y(snap: SnapshotMarketData) -> None:
    pts = snap.treasury("DGS10", date(2025, 12, 8), date(2025, 12, 12))
    assert [(p.date, p.value) for p in pts] == [
        (date(2025, 12, 8), 4.17),
        (date(2025, 12, 9), 4.18),
        (date(2025, 12, 10), 4.13),
        (date(2025, 12, 11), 4.14),
        (date(2025, 12, 12), 4.19),
    ]


def test_forward_pe_deduplicated_oldest_first(snap: SnapshotMarketData) -> None:
    quotes = snap.forward_pe("^SML")
    assert [(q.as_of, q.value) for q in quotes] == [
        (date(2025, 8, 28), 15.7),
        (date(2025, 12, 2), 14.8),
    ]
    assert quotes[0].name == "S&P SmallCap 600 forward P/E"
    assert quotes[0].source == "https://ttm.financial/m/news/2563027783"
    assert snap.forward_pe("S&P SmallCap 600") == quotes
    with pytest.raises(MarketDataUnavailable, match=r"no quoted forward P/E for \^GSPC"):
        snap.forward_pe("^GSPC")
