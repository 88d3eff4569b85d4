"""The rest of the frame in Chinese: offline chat answers, flag markers, errors, chart series."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.analysis import AnalysisReport, analyze_article
from assistant.config import Settings
from assistant.i18n import using
from assistant.i18n.errors import error_line
from assistant.i18n.markers import flag_reason, marked_text
from assistant.llm import OfflineEngine
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from assistant.render.chart import build_chart
from tests.support_cli import run_cli

ROOT = Path(__file__).resolve().parents[2]


def _chat(question: str, capsys, monkeypatch, *extra: str):
    return run_cli(
        ["chat", "--offline", "--lang", "zh", "--once", question, *extra], capsys, monkeypatch
    )


def test_a_computed_answer_in_chinese(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    r = _chat("How did IJR do in November 2025?", capsys, monkeypatch)
    assert (r.exit_code, r.err) == (0, "")
    assert r.out == (
        "IJR 价格回报，2025年11月：+2.61%（2025年10月31日 收盘价 117.8，2025年11月28日 收盘价 "
        "120.87） [D1]。\n"
        "  [D1] IJR 价格回报，2025年11月 · 快照\n"
    )


def test_the_fed_range_and_a_difference_in_chinese(capsys, monkeypatch) -> None:
    r = _chat("What did the Fed do?", capsys, monkeypatch, "--as-of", "2025-12-12")
    assert r.out.splitlines() == [
        "联邦基金目标利率区间，2025年12月12日：3.50%-3.75%（2025年12月12日 下限 3.5，上限 "
        "3.75） [D1]。",
        "  [D1] 联邦基金目标利率区间，2025年12月12日 · 快照（FRED DFEDTARL/DFEDTARU，生效日期）",
    ]
    r = _chat("How did QQQ do compared with IWM in 2025?", capsys, monkeypatch)
    assert r.out.splitlines()[4] == "QQQ 与 IWM 的回报之差，2025年：8.76个百分点 [D3]。"


def test_no_answer_in_chinese(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    r = _chat("Who won the final?", capsys, monkeypatch)
    assert r.out == "已索引的新闻和市场数据无法回答这个问题。\n"


def test_quoted_passages_stay_english_marked_as_quotes(capsys, monkeypatch) -> None:
    article = str(ROOT / "fixtures/news/articles/h8_noon_williams_bounce.md")
    r = _chat("What did Williams say about a December cut?", capsys, monkeypatch,
              "--article", article)  # fmt: skip
    lines = r.out.splitlines()
    assert (r.exit_code, r.err) == (0, "")
    assert lines[0] == "摘自本文（离线模式：引用原文句子，未使用语言模型）："
    assert lines[1].startswith("- “") and lines[1].endswith("” [1]")
    assert "From " not in r.out and "offline mode" not in r.out


def test_the_english_answer_is_unchanged(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    r = run_cli(["chat", "--offline", "--once", "Who won the final?"], capsys, monkeypatch)
    assert r.out == "The indexed news and market data do not answer this.\n"
    r = run_cli(
        ["chat", "--offline", "--once", "How did IJR do in November 2025?"], capsys, monkeypatch
    )
    assert r.out.splitlines()[0] == (
        "IJR returned +2.61% in November 2025 (price return: $117.80 at the Oct 31, 2025 close "
        "to $120.87 at the Nov 28, 2025 close) [D1]."
    )


def test_flag_markers_in_chinese() -> None:
    text = "Small caps rose ⚠9.9%[unchecked] while QQQ fell ⚠7.6%[contradicted] [1]."
    with using("zh"):
        assert marked_text(text) == (
            "Small caps rose ⚠9.9%[未核实] while QQQ fell ⚠7.6%[与数据不符] [1]."
        )
        assert marked_text("⚠1.4%[misdated: data says +1.02%]") == "⚠1.4%[日期错配：数据为 +1.02%]"
        assert flag_reason("the sentence cites no source") == "这句话没有引用任何来源"
        assert flag_reason("only [D2] has it, and this sentence does not cite it") == (
            "只有 [D2] 含有这个数字，而这句话没有引用它"
        )
    with using("en"):
        assert marked_text(text) == text
        assert flag_reason("the sentence cites no source") == "the sentence cites no source"


def test_a_digest_summary_shows_its_flags_in_chinese() -> None:
    from datetime import datetime, timezone

    from assistant.render.digest import render_markdown
    from assistant.summarize import SummarizeReport, SummaryRecord

    record = SummaryRecord.model_validate(
        {
            "id": "a1", "url": "", "content_hash": "h", "fingerprint": "f",
            "title": "Small caps", "source": "Desk",
            "published": datetime(2025, 12, 1, 12, tzinfo=timezone.utc),
            "summary": "小盘股上涨⚠9.9%[unchecked]。", "engine": "gpt-test",
            "tickers": [], "claims": [], "unchecked_numbers": 1, "unchecked_policy": "flag",
        }
    )  # fmt: skip
    with using("zh"):
        md = render_markdown(SummarizeReport(records=[record]))
    assert "小盘股上涨⚠9.9%[未核实]。" in md.splitlines()


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("x.md: no such file", "错误：x.md：文件不存在"),
        ("x.pdf: .pdf files are not supported; save the article as .md, .txt or .html",
         "错误：x.pdf：不支持 .pdf 文件；请把文章存为 .md、.txt 或 .html"),
        ("no bars for ZZZ in the bundled snapshot (it holds IWM, QQQ); run online (without "
         "--offline / FINNEWS_OFFLINE) to fetch it from Yahoo",
         "错误：内置快照中没有 ZZZ 的行情数据（快照包含 IWM, QQQ）；请联网运行（不加 --offline / "
         "FINNEWS_OFFLINE），从 Yahoo 获取"),
        ("'ZZZ' is not a ticker finnews can price", "错误：'ZZZ' 不是 finnews 能够定价的代码"),
        ("The news index is damaged: /h/index/chroma.sqlite3 is empty (0 bytes). It also holds "
         "the articles, so `finnews reindex` cannot rebuild it: move /h/index aside (or delete "
         "it) and ingest your sources again.",
         "错误：新闻索引已损坏：/h/index/chroma.sqlite3 是空文件（0 字节）。它同时保存着文章，所以 "
         "`finnews reindex` 无法重建它：请把 /h/index 移走（或删除），然后重新导入你的来源。"),
        ("no IWM bars up to 2025-12-11", "错误：2025年12月11日之前没有 IWM 的行情数据"),
        ("something nobody templated", "错误：something nobody templated"),
    ],
)  # fmt: skip
def test_errors_in_chinese(english: str, chinese: str) -> None:
    with using("zh"):
        assert error_line(english) == chinese
    with using("en"):
        assert error_line(english) == f"Error: {english}"


def test_the_command_line_says_its_errors_in_chinese(capsys, monkeypatch) -> None:
    r = run_cli(["check", "--offline", "--lang", "zh", "missing.md"], capsys, monkeypatch)
    assert (r.exit_code, r.out, r.err) == (2, "", "错误：missing.md：文件不存在\n")
    r = run_cli(["check", "--offline", "missing.md"], capsys, monkeypatch)
    assert (r.exit_code, r.out, r.err) == (2, "", "Error: missing.md: no such file\n")
    r = _chat("  ", capsys, monkeypatch)
    assert (r.exit_code, r.out, r.err) == (2, "", "错误：请提问，或输入 /help 查看命令\n")


def test_chart_series_are_named_in_chinese(sample: Article, market: SnapshotMarketData) -> None:
    report: AnalysisReport = analyze_article(
        sample, settings=Settings(), market=market, model=OfflineEngine(), lang="zh"
    )
    with using("zh"):
        chart = build_chart(report, market)
    assert chart is not None
    assert [(s.key, s.label) for s in chart.series if s.pane == "rates"] == [
        ("FEDFUNDS", "联邦基金目标利率（上限）"),
        ("DGS10", "10年期美债收益率"),
    ]
