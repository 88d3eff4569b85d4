"""Online, `analyze` and `summarize` say once which market-data source served, and why the
bundled snapshot did when Yahoo Finance could not."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.analysis.provenance import traced
from assistant.config import get_settings
from assistant.errors import MarketDataUnavailable
from assistant.market.base import History
from assistant.market.providers import FallbackMarketData
from assistant.market.snapshot import SnapshotMarketData
from tests.support_cli import run_cli

UNREACHABLE = (
    "Yahoo Finance request for ^RUT failed (ConnectionError: network is unreachable); "
    "retry later or use --offline for the bundled snapshot"
)


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    """Online settings, with a network that answers nothing (no request leaves the machine)."""

    def no_network(ticker: str, start: date, end: date) -> Any:
        raise ConnectionError("network is unreachable")

    monkeypatch.setenv("FINNEWS_OFFLINE", "0")
    monkeypatch.setattr("assistant.market.yahoo.yfinance_fetch", no_network)
    get_settings.cache_clear()


def test_cli_says_once_that_the_snapshot_served_and_why(online, capsys, monkeypatch) -> None:
    result = run_cli(["analyze"], capsys, monkeypatch)
    assert result.exit_code == 0, result.err
    assert result.err == (
        "Market data: the bundled snapshot for ^RUT, ^GSPC, IWM, IJR, QQQ, VIOO, ^DJI, ^TNX. "
        f"The snapshot served because {UNREACHABLE}.\n"
    )


def test_summarize_says_it_too(online, capsys, monkeypatch, tmp_path) -> None:
    story = tmp_path / "iwm.md"
    story.write_text(
        "---\ntitle: IWM\npublished: 2025-12-12T21:00:00Z\n---\nIWM rose 1.0% in November.\n",
        encoding="utf-8",
    )
    assert run_cli(["ingest", str(story), "-q"], capsys, monkeypatch).exit_code == 0
    result = run_cli(["summarize", "-q"], capsys, monkeypatch)
    assert result.exit_code == 0, result.err
    assert result.err == ""  # --quiet: nothing on the terminal
    result = run_cli(["summarize", "--force"], capsys, monkeypatch)
    assert result.err.splitlines()[-1] == (
        "Market data: the bundled snapshot for IWM. The snapshot served because Yahoo Finance "
        "request for IWM failed (ConnectionError: network is unreachable); retry later or use "
        "--offline for the bundled snapshot."
    )


def test_offline_says_nothing(capsys, monkeypatch) -> None:
    result = run_cli(["--offline", "analyze"], capsys, monkeypatch)
    assert result.exit_code == 0 and result.err == ""


class _Yahoo:
    """A provider that serves IWM and has nothing else."""

    name = "yfinance"

    def history(self, ticker: str, start: date, end: date) -> History:
        if ticker != "IWM":
            raise MarketDataUnavailable(f"Yahoo returned no {ticker} bars for {start}..{end}")
        bars = SnapshotMarketData().history(ticker, start, end).bars
        return History(ticker="IWM", bars=bars, source="cache")


def test_the_log_names_each_source_and_the_reason_for_a_fallback() -> None:
    data, log = traced(FallbackMarketData([_Yahoo(), SnapshotMarketData()]))  # type: ignore[list-item]
    assert log.message() is None
    data.history("IWM", date(2025, 11, 3), date(2025, 11, 28))
    data.history("QQQ", date(2025, 11, 3), date(2025, 11, 28))
    data.history("IWM", date(2025, 10, 1), date(2025, 10, 31))
    assert log.message() == (
        "Market data: the local cache of Yahoo Finance prices for IWM; the bundled snapshot for "
        "QQQ. The snapshot served because Yahoo returned no QQQ bars for 2025-11-03..2025-11-28."
    )
    only_snapshot, quiet = traced(SnapshotMarketData())
    only_snapshot.history("SPY", date(2025, 11, 3), date(2025, 11, 28))
    assert quiet.message() == "Market data: the bundled snapshot for SPY."
