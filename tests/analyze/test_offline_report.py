"""The offline engine's report on the bundled article: exact, deterministic, and honest."""

from __future__ import annotations

import json
from datetime import date

import pytest

from assistant.analysis import AnalysisReport, analyze_article
from assistant.config import Settings
from assistant.llm import OfflineEngine
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from tests.support_cli import run_cli

ANALYSIS = [
    "The Russell 2000 has climbed 10.7% since its Nov 20 close, far ahead of the S&P 500, "
    "which has gained about 4.5% since Nov 20. [2]",
    "On Wednesday the Fed cut rates by a quarter point, its third consecutive cut, lowering "
    "the target range to 3.50%-3.75%. [12]",
    "The Dow added 1.3% on Thursday, and the S&P 500 closed at 6,901.00 on Dec 11. [13]",
    "Since its Sep 30 close, the data shows Russell 2000 (^RUT) +4.72% [D1], S&P 500 (^GSPC) "
    "+2.08% [D2], IWM +4.91% [D3], IJR +4.45% [D4], QQQ +2.21% [D5], Dow Jones Industrial "
    "Average (^DJI) +4.44% [D6].",
]
INSIGHTS = [
    "The article's “Tech lagged: QQQ rose 1.6% in November as investors rotated out of the "
    "year's winners” is contradicted: QQQ in November was -1.56% (wrong direction) [5][D11].",
    "The article's “In October, the Russell 2000 gained 0.85%” is misdated: +0.85% is Russell "
    "2000 (^RUT)'s change in November 2025; Russell 2000 (^RUT) in October was +1.76% "
    "[6][D12][D13].",
    "The article's “IJR rose 9.5% from its Nov 20 close of $112.05 to its Dec 11 close of "
    "$125.46” is contradicted: the move was +11.97%; the stated prices imply +11.97%, not "
    "+9.50%; IJR Nov 20, 2025 close 112.05 to Dec 11, 2025 close 125.46: +11.97% "
    "[9][D15][D16][D17].",
    "Over the window, IWM moved most, +4.91% [D3].",
    "S&P 500 (^GSPC) did least, +2.08% [D2].",
]
RISKS = [
    "Bond markets were less enthusiastic. [14]",
    "IWM's annualized volatility over the past year is about 23%, and even after Friday's 1.5% "
    "drop IWM sits 1.5% below its 52-week high. [19]",
]
OPPORTUNITIES = [
    "IWM rose 1.0% in November, and the S&P 600, tracked here through the iShares Core S&P "
    "Small-Cap ETF, gained 2.6% in November. [4]",
    "Strategists expect the Russell 2000 to gain another 15% in 2026 if rate cuts continue. [21]",
]


@pytest.fixture
def report(sample: Article, market: SnapshotMarketData) -> AnalysisReport:
    return analyze_article(sample, settings=Settings(), market=market, model=OfflineEngine())


def test_offline_report_on_the_bundled_article(report: AnalysisReport) -> None:
    assert (report.engine, report.offline, report.fallback_reason) == ("offline", True, None)
    assert report.mode_note is not None and report.mode_note.startswith("offline mode")
    assert (report.window_start, report.window_end) == (date(2025, 10, 1), date(2025, 12, 12))
    assert [s.text for s in report.analysis] == ANALYSIS
    assert [s.text for s in report.key_insights] == INSIGHTS
    assert [s.text for s in report.risks] == RISKS
    assert [s.text for s in report.opportunities] == OPPORTUNITIES
    assert report.analysis[3].citations == ["D1", "D2", "D3", "D4", "D5", "D6"]
    assert "not investment advice" in report.disclaimer


def test_related_tickers_and_their_window_performance(report: AnalysisReport) -> None:
    rows = [(t.ticker, t.data_ticker, t.base_date, t.base_close, t.end_close, t.change_pct,
             t.receipt) for t in report.tickers]  # fmt: skip
    assert rows == [
        ("^RUT", "^RUT", date(2025, 9, 30), 2436.48, 2551.46, 4.7191, "D1"),
        ("^GSPC", "^GSPC", date(2025, 9, 30), 6688.46, 6827.41, 2.0775, "D2"),
        ("IWM", "IWM", date(2025, 9, 30), 241.96, 253.85, 4.914, "D3"),
        ("IJR", "IJR", date(2025, 9, 30), 118.83, 124.12, 4.4517, "D4"),
        ("QQQ", "QQQ", date(2025, 9, 30), 600.37, 613.62, 2.207, "D5"),
        ("^DJI", "^DJI", date(2025, 9, 30), 46397.89, 48458.05, 4.4402, "D6"),
    ]
    assert report.receipts[0].label == (
        "Russell 2000 (^RUT) over Oct 1, 2025 to Dec 12, 2025: +4.72% "
        "(close Sep 30, 2025 2436.48 to close Dec 12, 2025 2551.46)"
    )


def test_every_number_the_offline_engine_wrote_is_traced(report: AnalysisReport) -> None:
    nc = report.number_check
    assert (nc.numbers, nc.traced, nc.untraced, nc.wrong, nc.flagged) == (35, 35, 0, 0, 0)
    for items in report.sections().values():
        for sentence in items:
            assert sentence.citations, sentence.text
            assert all(n.status == "traced" for n in sentence.numbers)


def test_key_figures_and_passages_are_the_cited_ones(report: AnalysisReport) -> None:
    figures = [(f.claim_id, f.label, f.verdict, f.actual, f.passage, f.receipts)
               for f in report.key_figures]  # fmt: skip
    assert figures[4] == (
        "c5",
        "Tech lagged: QQQ rose 1.6% in November as investors rotated out of the year's winners",
        "contradicted",
        -1.561,
        5,
        ["D11"],
    )
    assert [f.claim_id for f in report.key_figures] == [
        "c1", "c2", "c3", "c4", "c5", "c6", "c8", "c11", "c12", "c13",
    ]  # fmt: skip
    assert [p.id for p in report.passages] == [2, 4, 5, 6, 9, 12, 13, 14, 19, 21]
    text = report.article.text
    for p in report.passages:
        assert " ".join(text[p.span[0] : p.span[1]].split()) == p.text
    assert [c.verdict for c in report.check.claims].count("misdated") == 4


def test_offline_report_is_deterministic(sample: Article, market: SnapshotMarketData) -> None:
    runs = [
        analyze_article(sample, settings=Settings(), market=market, model=OfflineEngine())
        for _ in range(2)
    ]
    assert runs[0].model_dump_json() == runs[1].model_dump_json()


def test_cli_offline_analyze_prints_the_report(capsys, monkeypatch) -> None:
    result = run_cli(["--offline", "analyze"], capsys, monkeypatch)
    assert result.exit_code == 0, result.err
    out = " ".join(result.out.split())
    assert "Engine: offline mode: extractive sentences" in out
    assert "Since its Sep 30 close, the data shows Russell 2000 (^RUT) +4.72% [D1]" in out
    assert "Key figures" in out and "Every claim, checked" in out
    assert "not investment advice" in out


def test_cli_json_is_the_model_dump(capsys, monkeypatch, report: AnalysisReport) -> None:
    result = run_cli(["analyze", "--json", "--offline"], capsys, monkeypatch)
    assert result.exit_code == 0
    assert AnalysisReport.model_validate_json(result.out) == report
    data = json.loads(result.out)
    assert data["engine"] == "offline" and data["check"]["as_of"] == "2025-12-12"


def test_cli_markdown_and_remove_policy(capsys, monkeypatch) -> None:
    result = run_cli(["analyze", "--markdown", "--unchecked", "remove"], capsys, monkeypatch)
    assert result.exit_code == 0
    assert result.out.startswith(
        "# Analysis: Small caps sprint ahead as the Fed delivers a third cut\n"
    )
    assert "## Key insights\n\n- The article's “Tech lagged: QQQ rose 1.6%" in result.out
    assert "| IWM | Sep 30, 2025 241.96 | Dec 12, 2025 253.85 | +4.91% | [D3] |" in result.out
    assert "*Number check (remove): 35 numbers, 35 traced, 0 untraced" in result.out


def test_cli_rejects_two_formats(capsys, monkeypatch) -> None:
    result = run_cli(["analyze", "--json", "--html"], capsys, monkeypatch)
    assert result.exit_code == 2
    assert "choose one of --json, --markdown and --html" in result.err


def test_a_quoted_sentence_keeps_the_reading_it_had_in_the_article(market) -> None:
    # ^GSPC October 2023: 4288.05 -> 4193.80 (-2.20%); the story is out on Oct. 5, 2024, when
    # "for the month" read alone would be the month to date: a quote must not be re-read so
    text = (
        "**Looking back**\n\nOctober 2023 was the opposite. The 10-year Treasury yield closed "
        "at 4.99% on Oct. 19, the S&P 500 fell 2.2% for the month, and the Russell 2000 "
        "tumbled 6.9%.\n\nSeptember 2024 was calm."
    )
    article = Article(id="t", text=text, title="October outlook", published=date(2024, 10, 5))
    report = analyze_article(article, settings=Settings(), market=market, model=OfflineEngine())
    quoted = [s.text for s in report.analysis if "for the month" in s.text]
    assert quoted and all("misdated" not in t and "contradicted" not in t for t in quoted)


@pytest.mark.parametrize(
    ("stamp", "end", "close"),
    [
        # out at 8:00 a.m. on Monday, Mar. 10, 2025: Friday's close (5,770.20) is the last known
        ("2025-03-10T08:00:00-04:00", date(2025, 3, 7), 5770.2),
        # out at 5:30 p.m.: Monday's close (5,614.56) is in
        ("2025-03-10T17:30:00-04:00", date(2025, 3, 10), 5614.56),
    ],
)
def test_the_window_ends_at_the_last_close_before_publication(
    market, stamp: str, end: date, close: float
) -> None:
    from datetime import datetime

    article = Article(
        id="t",
        title="Futures slide",
        text="Stock futures fell. The S&P 500 lost 3.1% last week, its worst week since September.",
        published=datetime.fromisoformat(stamp),
    )
    report = analyze_article(article, settings=Settings(), market=market, model=OfflineEngine())
    assert report.window_end == end
    gspc = [t for t in report.tickers if t.ticker == "^GSPC"]
    assert [(t.end_date, t.end_close) for t in gspc] == [(end, close)]
