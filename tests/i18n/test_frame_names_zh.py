"""Frame text that `summarize`/`analyze --html` still wrote in English under `--lang zh`:
the names of indexes and commodities in headings and tables, the chart's credit line and
the line saying where the market data came from."""

from __future__ import annotations

import pytest

from assistant.i18n import using
from assistant.i18n.sources import sources_line
from assistant.render.digest import heading


@pytest.mark.parametrize(
    ("key", "english", "chinese"),
    [
        ("CL=F", "CL=F (crude oil)", "CL=F (原油)"),
        ("DX-Y.NYB", "DX-Y.NYB (U.S. dollar index)", "DX-Y.NYB (美元指数)"),
        ("SECTOR", "SECTOR (a market sector)", "SECTOR (某一市场板块)"),
        ("^IXIC", "^IXIC (Nasdaq Composite)", "^IXIC (纳斯达克综合指数)"),
        ("AMZN", "AMZN (Amazon)", "AMZN (Amazon)"),  # a company's own name stays
    ],
)
def test_digest_headings(key: str, english: str, chinese: str) -> None:
    with using("zh"):
        assert heading(key) == chinese
    with using("en"):
        assert heading(key) == english


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        (
            "Market data: the bundled snapshot for IWM, QQQ.",
            "市场数据：内置快照（IWM, QQQ）。",
        ),
        (
            "Market data: Yahoo Finance for IWM; the bundled snapshot for ^SML. The snapshot "
            "served because Yahoo Finance looks unreachable (3 failed requests in a row); not "
            "asking again in this run.",
            "市场数据：Yahoo Finance（IWM）；内置快照（^SML）。由于Yahoo Finance 似乎无法访问"
            "（连续 3 次请求失败）；本次运行不再请求，改用了快照。",
        ),
        ("Market data: somewhere else for IWM.", "Market data: somewhere else for IWM."),
    ],
)
def test_where_the_market_data_came_from(english: str, chinese: str) -> None:
    with using("zh"):
        assert sources_line(english) == chinese
    with using("en"):
        assert sources_line(english) == english


def test_report_page_names_and_chart_credit(report_pages: dict[str, str]) -> None:
    zh, en = report_pages["zh"], report_pages["en"]
    assert '<span class="meta">罗素2000指数</span>' in zh
    assert '<span class="meta">道琼斯工业平均指数</span>' in zh
    assert '<span class="meta">iShares Russell 2000 ETF</span>' in zh  # a fund's own name
    assert "图表由 TradingView Lightweight Charts™ 绘制（Apache-2.0 许可，已内嵌于本页）： " in zh
    assert "Chart drawn" not in zh
    assert '<span class="meta">Russell 2000</span>' in en
    assert (
        '<p class="meta">Chart drawn with TradingView Lightweight Charts™ (Apache-2.0, inlined in '
        "this page): TradingView Lightweight Charts Copyright"
    ) in en
