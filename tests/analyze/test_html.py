"""The HTML report: one self-contained page, article text escaped, a chart embedded."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from assistant.analysis import analyze_article
from assistant.analysis.sources import report_bars
from assistant.config import Settings
from assistant.llm import OfflineEngine
from assistant.market.snapshot import SnapshotMarketData
from assistant.render.chart import price_chart
from assistant.render.report import render_html
from retrieval.articles import load_article
from tests.support_cli import run_cli

SCRIPTED = """---
title: "IWM <script>alert('title')</script> rally"
published: 2025-12-12T21:30:00Z
source: "<b>desk</b>"
---
IWM rose 1.0% in November <script>alert("x")</script> and QQQ rose 1.6% in November.
IJR rose 9.5% from its Nov 20 close of $112.05 to its Dec 11 close of $125.46.
"""


def _report(text: str, market: SnapshotMarketData):
    article = load_article(text, name="script.md")
    return analyze_article(article, settings=Settings(), market=market, model=OfflineEngine())


def test_script_in_the_article_renders_as_text(market: SnapshotMarketData) -> None:
    report = _report(SCRIPTED, market)
    page = render_html(report, price_chart(report, report_bars(report.tickers, market)))
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;desk&lt;/b&gt;" in page
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</body></html>")
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)  # nothing loaded from outside


def test_html_embeds_the_chart_as_a_png_data_uri(market: SnapshotMarketData) -> None:
    report = _report(SCRIPTED, market)
    bars = report_bars(report.tickers, market)
    assert sorted(bars) == ["IJR", "IWM", "QQQ"]
    png = price_chart(report, bars)
    assert png is not None and png[:8] == b"\x89PNG\r\n\x1a\n"
    page = render_html(report, png)
    (uri,) = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert base64.b64decode(uri) == png
    assert '<a class="cite" href="#d1">[D1]</a>' in page
    assert '<li id="d1">[D1] IWM over' in page


def test_chart_is_none_without_data(market: SnapshotMarketData) -> None:
    report = _report("No numbers here, only words about markets.", market)
    assert report.tickers == []
    assert price_chart(report, {}) is None
    assert "data:image/png" not in render_html(report, None)


def test_cli_html_to_a_file(capsys, monkeypatch, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run_cli(["--offline", "analyze", "--html", "--output", str(out)], capsys, monkeypatch)
    assert result.exit_code == 0, result.err
    assert result.err == f"Wrote {out}\n"
    page = out.read_text(encoding="utf-8")
    assert "<h1>Small caps sprint ahead as the Fed delivers a third cut</h1>" in page
    assert page.count("data:image/png;base64,") == 1
    assert '<td class="verdict misdated">misdated</td>' in page
