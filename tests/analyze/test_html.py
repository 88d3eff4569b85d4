"""The HTML report: one self-contained page, article text escaped, an interactive chart whose
markers are the checked claims, and a static SVG only for Markdown."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from assistant.analysis import AnalysisReport, analyze_article
from assistant.config import Settings
from assistant.llm import OfflineEngine
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from assistant.render.chart import COLORS, LIBRARY_FILE, build_chart, chart_svg, vendored
from assistant.render.report import render_html
from retrieval.articles import load_article
from tests.conftest import ROOT
from tests.support_cli import run_cli

SCRIPTED = """---
title: "IWM <script>alert('title')</script> rally"
published: 2025-12-12T21:30:00Z
source: "<b>desk</b>"
---
IWM rose 1.0% in November <script>alert("x")</script> and QQQ rose 1.6% in November.
IJR rose 9.5% from its Nov 20 close of $112.05 to its Dec 11 close of $125.46.
"""
VENDOR = ROOT / "assistant" / "render" / "vendor" / "lightweight-charts"


class _Page(HTMLParser):
    """The elements a page loads things with, and its inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.scripts: list[dict[str, str | None]] = []
        self.script_text: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href", "data", "poster", "srcset"):
            value = values.get(name)
            if value is not None and not (tag == "a" and name == "href"):
                self.loads.append((tag, name, value))
        if tag == "script":
            self.scripts.append(values)
            self.script_text.append("")
        self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.script_text[-1] += data
        elif self._in == "style":
            self.styles.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def _chart_json(page: str) -> dict:
    (raw,) = re.findall(
        r'<script type="application/json" id="finnews-chart-data">(.*?)</script>', page, re.S
    )
    return json.loads(raw)


def _report(text: str, market: SnapshotMarketData) -> AnalysisReport:
    article = load_article(text, name="script.md")
    return analyze_article(article, settings=Settings(), market=market, model=OfflineEngine())


@pytest.fixture
def sample_report(sample: Article, market: SnapshotMarketData) -> AnalysisReport:
    return analyze_article(sample, settings=Settings(), market=market, model=OfflineEngine())


def test_script_in_the_article_renders_as_text(market: SnapshotMarketData) -> None:
    report = _report(SCRIPTED, market)
    page = render_html(report, build_chart(report, market))
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    assert "&lt;b&gt;desk&lt;/b&gt;" in page
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</body></html>")
    parsed = _parse(page)
    assert parsed.scripts == [{"type": "application/json", "id": "finnews-chart-data"}, {}, {}]
    assert "<" not in parsed.script_text[0]  # the chart's JSON cannot close its element
    data = _chart_json(page)
    assert [m["id"] for m in data["markers"]] == ["c1", "c2", "c3"]
    assert '<script>alert("x")</script>' in data["markers"][1]["clause"]  # text, not markup


def test_the_page_is_self_contained(capsys, monkeypatch, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run_cli(["--offline", "analyze", "--html", "--output", str(out)], capsys, monkeypatch)
    assert result.exit_code == 0, result.err
    assert result.err == f"Wrote {out}\n"
    page = out.read_text(encoding="utf-8")
    parsed = _parse(page)
    external = [x for x in parsed.loads if re.match(r"(?:https?:)?//", x[2].strip(), re.I)]
    assert external == []
    assert [s.get("src") for s in parsed.scripts] == [None, None, None]
    assert not any(re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", s) for s in parsed.styles)
    assert parsed.script_text[1] == vendored(LIBRARY_FILE)  # the library, inlined as shipped
    assert "data:image/png" not in page
    assert "TradingView Lightweight Charts Copyright" in page  # NOTICE, as the license asks
    assert '<a href="https://www.tradingview.com/">tradingview.com</a>' in page


def test_each_checked_claim_is_a_marker_coloured_by_its_verdict(
    capsys, monkeypatch, tmp_path: Path, sample_report: AnalysisReport
) -> None:
    out = tmp_path / "report.html"
    result = run_cli(["--offline", "analyze", "--html", "-o", str(out)], capsys, monkeypatch)
    assert result.exit_code == 0, result.err
    data = _chart_json(out.read_text(encoding="utf-8"))
    checked = {c.id: c.verdict for c in sample_report.check.claims if c.verdict != "unverifiable"}
    assert len(checked) == 23
    assert {m["id"]: m["verdict"] for m in data["markers"]} == checked
    assert all(m["color"] == COLORS[m["verdict"]] for m in data["markers"])
    assert all(m["receipts"] for m in data["markers"])
    assert data["unplaced"] == []
    qqq = next(m for m in data["markers"] if m["id"] == "c5")
    assert qqq == {
        "id": "c5",
        "number": "5",
        "series": "QQQ",
        "time": "2025-11-28",
        "verdict": "contradicted",
        "color": "#c62828",
        "clause": "Tech lagged: QQQ rose 1.6% in November as investors rotated out of the "
        "year's winners",
        "claimed": "+1.60%",
        "computed": "-1.56%",
        "explanation": "QQQ in November was -1.56% (wrong direction)",
        "receipts": ["[D11] QQQ close Oct 31, 2025 629.07, close Nov 28, 2025 619.25 -> -1.56%"],
        "verdict_label": "contradicted",
    }
    on = {m["id"]: (m["series"], m["time"]) for m in data["markers"]}
    assert on["c10"] == ("^RUT", "2025-12-11")  # a claim about the index stays on the index
    assert on["c13"] == ("FEDFUNDS", "2025-12-10")
    assert on["c17"] == ("DGS10", "2025-12-11")
    assert on["c19"] == ("IJR", "2025-12-02")  # the S&P 600 is read through IJR
    assert on["c20"] == ("IJR", "2025-12-12")


def test_one_series_per_ticker_ending_at_the_tickers_table_change(
    sample_report: AnalysisReport, market: SnapshotMarketData
) -> None:
    chart = build_chart(sample_report, market)
    assert chart is not None
    assert [(s.key, s.label, s.pane) for s in chart.series] == [
        ("^RUT", "^RUT", "prices"),
        ("^GSPC", "^GSPC", "prices"),
        ("IWM", "IWM", "prices"),
        ("IJR", "IJR", "prices"),
        ("QQQ", "QQQ", "prices"),
        ("^DJI", "^DJI", "prices"),
        ("FEDFUNDS", "Fed funds target (upper bound)", "rates"),
        ("DGS10", "10-year Treasury yield", "rates"),
    ]
    ends = {s.key: (s.points[0].time, s.points[0].value, s.points[-1].value) for s in chart.series}
    for t in sample_report.tickers:
        assert ends[t.data_ticker] == ("2025-09-30", 0.0, round(t.change_pct, 4))
    assert ends["FEDFUNDS"][2] == 3.75
    assert chart.lines_note == (
        "change from each ticker's close on Sep 30, 2025; rates and yields as levels in the "
        "lower pane"
    )
    assert [s.step for s in chart.series] == [False] * 6 + [True, False]


def test_a_report_without_data_has_no_chart(market: SnapshotMarketData) -> None:
    report = _report("No numbers here, only words about markets.", market)
    assert report.tickers == []
    assert build_chart(report, market) is None
    page = render_html(report, None)
    assert "finnews-chart" not in page and "<script" not in page


def test_html_sources_read_as_cited(sample_report: AnalysisReport) -> None:
    page = render_html(sample_report)
    assert '<ul class="sources">' in page and "<ol>" not in page and "value=" not in page
    assert '<li id="p2">[2] The Russell 2000 has climbed 10.7%' in page
    assert '<li id="d1">[D1] Russell 2000 (^RUT) over' in page
    assert '<a class="cite" href="#d1">[D1]</a>' in page


def test_markdown_to_a_file_gets_a_static_svg_beside_it(
    capsys, monkeypatch, tmp_path: Path
) -> None:
    out = tmp_path / "report.md"
    result = run_cli(["--offline", "analyze", "--markdown", "-o", str(out)], capsys, monkeypatch)
    assert result.exit_code == 0, result.err
    svg_path = tmp_path / "report.chart.svg"
    assert result.err == f"Wrote {svg_path}\nWrote {out}\n"
    text = out.read_text(encoding="utf-8")
    assert (
        "## Price chart\n\n![Each related ticker's change over the window, each checked claim "
        "marked by verdict](report.chart.svg)\n"
    ) in text
    svg = svg_path.read_text(encoding="utf-8")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="760"')
    assert "<script" not in svg and "http://" not in svg.split("\n", 1)[1]
    numbers = re.findall(r'font-size="8" fill="#fff">(\d+)</text>', svg)
    assert sorted(numbers, key=int) == [str(n) for n in range(1, 24)]
    stdout = run_cli(["--offline", "analyze", "--markdown"], capsys, monkeypatch)
    assert "## Price chart" not in stdout.out  # no file to put an image in


def test_static_svg_marks_each_claim_with_its_receipt(
    sample_report: AnalysisReport, market: SnapshotMarketData
) -> None:
    chart = build_chart(sample_report, market)
    assert chart is not None
    svg = chart_svg(chart)
    assert svg.count("<circle") == 23 + 4  # the markers, and a legend dot per verdict
    assert (
        "<title>#5 contradicted: Tech lagged: QQQ rose 1.6% in November as investors rotated "
        "out of the year&#x27;s winners; claimed +1.60%, data -1.56%</title>"
    ) in svg


def test_html_and_markdown_never_load_matplotlib(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from assistant.cli import main\n"
        "for args in (['--html', '-o', 'r.html'], ['--markdown', '-o', 'r.md']):\n"
        "    try:\n"
        "        main(['--offline', 'analyze', *args])\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 0, exc.code\n"
        "print('matplotlib' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "False\n"


def test_the_vendored_library_is_the_recorded_release() -> None:
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    (recorded,) = re.findall(r"sha256: `([0-9a-f]{64})`", readme)
    assert hashlib.sha256((VENDOR / LIBRARY_FILE).read_bytes()).hexdigest() == recorded
    assert "lightweight-charts` 5.2.1" in readme
    assert "TradingView Lightweight Charts™ v5.2.1" in vendored(LIBRARY_FILE)[:200]
    assert "Apache License" in (VENDOR / "LICENSE").read_text(encoding="utf-8")
    assert (
        (VENDOR / "NOTICE")
        .read_text(encoding="utf-8")
        .startswith("TradingView Lightweight Charts\n")
    )
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"render/chart.js", "render/vendor/**/*"' in pyproject
