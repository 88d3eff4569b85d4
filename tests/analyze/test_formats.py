"""Each format shows values and text the way its reader expects: Markdown without HTML
entities (but `&lt;` where a tag would open), levels as levels (a range 3.50%-3.75%, a
yield 4.14%), changes signed."""

from __future__ import annotations

import pytest

from assistant.analysis import AnalysisReport, analyze_article
from assistant.config import Settings
from assistant.llm import OfflineEngine
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from assistant.render.markdown import md_cell, md_text
from assistant.render.report import render_html, render_markdown
from retrieval.articles import load_article
from tests.support_cli import run_cli

AMPERSANDS = """---
title: "S&P 500 > 6,800 & small caps <b>surge</b>"
published: 2025-12-12T21:30:00Z
source: "Desk | Markets"
---
The S&P 500 closed at 6,901.00 on Dec 11, and IWM rose 1.0% in November.
"""


@pytest.fixture
def report(sample: Article, market: SnapshotMarketData) -> AnalysisReport:
    return analyze_article(sample, settings=Settings(), market=market, model=OfflineEngine())


def test_markdown_text_is_not_html_escaped() -> None:
    assert md_text("S&P 500 > 6,800 & 'quotes' \"too\"") == "S&P 500 > 6,800 & 'quotes' \"too\""
    assert md_text("a <b>tag</b>, <!-- note --> and &amp; 3 < 4") == (
        "a &lt;b>tag&lt;/b>, &lt;!-- note --> and &amp;amp; 3 < 4"
    )
    assert md_text("a | b") == "a | b"  # prose keeps its pipes
    assert md_cell("a | b\nc") == "a \\| b c"  # a table cell does not


def test_markdown_report_shows_the_article_as_written(market: SnapshotMarketData) -> None:
    article = load_article(AMPERSANDS, name="amp.md")
    report = analyze_article(article, settings=Settings(), market=market, model=OfflineEngine())
    md = render_markdown(report)
    assert md.startswith("# Analysis: S&P 500 > 6,800 & small caps &lt;b>surge&lt;/b>\n")
    assert (
        "*S&P 500 > 6,800 & small caps &lt;b>surge&lt;/b> | Desk | Markets | as of 2025-12-12*"
        in md
    )
    assert "&amp;" not in md and "&gt;" not in md and md.count("&lt;") == 4  # the <b> tags
    assert "- [1] The S&P 500 closed at 6,901.00 on Dec 11, and IWM rose 1.0% in November." in md
    assert (
        "| 1 | The S&P 500 closed at 6,901.00 on Dec 11, and IWM rose 1.0% in November | "
        "**supported** | 6,901.00 | 6,901.00 |"
    ) in md


def test_levels_show_as_levels_and_changes_signed(report: AnalysisReport) -> None:
    md = render_markdown(report)
    figures = md.split("## Key figures")[1].split("## Every claim")[0]
    assert (
        "| lowering the target range to 3.50%-3.75% | 3.50%-3.75% | 3.50%-3.75% | **supported** |"
    ) in figures
    assert "| On Wednesday the Fed cut rates by a quarter point | -25 bp | -25 bp |" in figures
    assert "| IWM rose 1.0% in November | +1.00% | +1.02% |" in figures
    claims = md.split("## Every claim, checked")[1]
    assert "| 13 | lowering the target range to 3.50%-3.75% | **supported** | 3.50%-3.75% | " in (
        claims
    )
    assert "| 17 | it ended Thursday at 4.14% | **supported** | 4.14% | 4.14% |" in claims
    assert "| 18 | it touched 4.18% on Wednesday | **misdated** | 4.18% | 4.13% |" in claims
    assert "| **supported** | 23.00% | 23.30% |" in claims  # a volatility is a level too
    assert "| 16 | The 10-year Treasury yield fell 9 basis points in November | **supported** " in (
        claims
    )
    assert "+4.14%" not in md and "+3.75%" not in md and "+23.00%" not in md
    page = render_html(report)
    assert '<td class="num">3.50%-3.75%</td><td class="num">3.50%-3.75%</td>' in page
    assert '<td class="num">4.14%</td><td class="num">4.14%</td>' in page
    assert "+4.14%" not in page and "+3.75%" not in page


def test_terminal_and_check_show_levels_too(capsys, monkeypatch) -> None:
    result = run_cli(["--offline", "check", "--markdown"], capsys, monkeypatch)
    assert result.exit_code == 1  # the sample has contradicted claims
    assert "| **supported** | 4.14% | 4.14% |" in result.out
    assert "| **supported** | 3.50%-3.75% | 3.50%-3.75% |" in result.out
    terminal = run_cli(["--offline", "analyze"], capsys, monkeypatch)
    assert terminal.exit_code == 0
    assert "+4.14%" not in terminal.out and "+3.75%" not in terminal.out
    assert "3.50%-3.75%" in terminal.out
