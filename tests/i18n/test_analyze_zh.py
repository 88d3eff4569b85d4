"""`finnews analyze --lang zh` offline: the frame in Chinese, quotes in English and marked,
every number still traced."""

from __future__ import annotations

import json
import re

import pytest

from assistant.analysis import analyze_article
from assistant.config import Settings
from assistant.llm import get_chat_model
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from tests.support_cli import run_cli

HEADINGS = [
    "# 分析：Small caps sprint ahead as the Fed delivers a third cut",
    "## 相关代码",
    "## 综合分析",
    "## 核心要点",
    "## 风险",
    "## 机会",
    "## 关键数据",
    "## 逐项核查",
    "## 参考来源",
]


@pytest.fixture
def zh_markdown(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    r = run_cli(["analyze", "--offline", "--lang", "zh", "--markdown"], capsys, monkeypatch)
    assert (r.exit_code, r.err) == (0, "")
    return r.out


def test_every_heading_is_chinese(zh_markdown: str) -> None:
    headings = [line for line in zh_markdown.splitlines() if line.startswith("#")]
    assert headings == HEADINGS


def test_frame_lines_and_table_headers_are_chinese(zh_markdown: str) -> None:
    lines = zh_markdown.splitlines()
    assert lines[2] == (
        "*Small caps sprint ahead as the Fed delivers a third cut | finnews sample desk | "
        "截至 2025年12月12日*  "
    )
    assert lines[3] == "*引擎：离线模式：引用来源原句，未使用语言模型*  "
    assert lines[4] == "*区间：2025年10月1日 至 2025年12月12日（文章价格陈述所涵盖的区间）*"
    assert "| 代码 | 起点 | 终点 | 涨跌幅 | 凭据 |" in lines
    assert "| 数据 | 文中数字 | 实际 | 结论 | 来源 |" in lines
    assert "| # | 陈述 | 结论 | 文中数字 | 计算值 | 原因 |" in lines
    assert "| IWM | 2025年9月30日 241.96 | 2025年12月12日 253.85 | +4.91% | [D3] |" in lines
    assert lines[-1] == "> 本报告描述历史市场数据与新闻，不构成投资建议。过往表现不代表未来结果。"


def test_verdicts_and_values_of_the_claims(zh_markdown: str) -> None:
    rows = [line.split(" | ") for line in zh_markdown.splitlines() if re.match(r"\| \d+ \| ", line)]
    facts = [(r[0].lstrip("| "), r[2], r[3], r[4]) for r in rows]
    assert facts[:10] == [
        ("1", "**属实**", "+10.70%", "+10.69%"),
        ("2", "**大致属实**", "+4.50%", "+4.41%"),
        ("3", "**属实**", "+1.00%", "+1.02%"),
        ("4", "**属实**", "+2.60%", "+2.61%"),
        ("5", "**与数据不符**", "+1.60%", "-1.56%"),
        ("6", "**日期错配**", "+0.85%", "+1.76%"),
        ("7", "**属实**", "+12.70%", "+12.72%"),
        ("8", "**与数据不符**", "+9.50%", "+11.97%"),
        ("9", "**日期错配**", "US$258.01", "US$258.20"),
        ("10", "**日期错配**", "257.80", "2,590.61"),
    ]
    assert facts[10] == ("11", "**属实**", "-25个基点", "-25个基点")
    assert [f[1] for f in facts[-2:]] == ["**无法核实**", "**无法核实**"]
    # the claim is quoted as the article wrote it; its explanation is Chinese
    assert rows[4][1] == (
        "“Tech lagged: QQQ rose 1.6% in November as investors rotated out of the year's winners”"
    )
    assert rows[4][5] == (
        "数据计算结果为 -1.56%，而非文章所说的 +1.60%（QQQ，2025年10月31日 至 2025年11月28日）。 |"
    )


def test_insights_are_written_in_chinese_and_quotes_stay_english(zh_markdown: str) -> None:
    section = zh_markdown.split("## 核心要点\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert section[0].startswith("- 文章中的“Tech lagged: QQQ rose 1.6% in November as investors")
    assert section[0].endswith("核查结论为与数据不符：数据计算结果为 -1.56%，而非文章所说的 +1.60%"
                               "（QQQ，2025年10月31日 至 2025年11月28日） [5][D11]。")  # fmt: skip
    assert section[-2:] == ["- 在此区间内，IWM 涨幅最大，为 +4.91% [D3]。",
                            "- 标普500指数（^GSPC） 表现最弱，为 +2.08% [D2]。"]  # fmt: skip
    analysis = zh_markdown.split("## 综合分析\n\n", 1)[1].split("\n\n", 1)[0]
    assert analysis.startswith("“The Russell 2000 has climbed 10.7% since its Nov 20 close,")
    assert analysis.endswith(
        "自 9月30日 收盘以来，数据显示：罗素2000指数（^RUT） +4.72% [D1]，标普500指数（^GSPC） "
        "+2.08% [D2]，IWM +4.91% [D3]，IJR +4.45% [D4]，QQQ +2.21% [D5]，"
        "道琼斯工业平均指数（^DJI） +4.44% [D6]。"
    )
    sources = zh_markdown.split("## 参考来源\n\n", 1)[1].splitlines()
    assert sources[0] == (
        "- [2] “The Russell 2000 has climbed 10.7% since its Nov 20 close, far ahead of the "
        "S&P 500, which has gained about 4.5% since Nov 20.” （第 91-217 字符）"
    )
    assert (
        "- [D3] IWM：2025年9月30日 收盘价 241.96，2025年12月12日 收盘价 253.85 → +4.91%（快照）"
        in (sources)
    )


def test_every_number_is_traced_in_chinese_as_in_english(
    sample: Article, market: SnapshotMarketData
) -> None:
    settings = Settings()
    model = get_chat_model(settings, offline=True)
    zh = analyze_article(sample, settings=settings, market=market, model=model, lang="zh")
    en = analyze_article(sample, settings=settings, market=market, model=model, lang="en")
    for report in (zh, en):
        nc = report.number_check
        assert (nc.untraced, nc.wrong, nc.flagged, nc.removed_sentences) == (0, 0, 0, 0)
        assert nc.numbers == nc.traced
        notes = [n for items in report.sections().values() for s in items for n in s.numbers]
        assert notes and all(n.status == "traced" for n in notes)
    assert zh.number_check.numbers == 31
    assert [c.verdict for c in zh.check.claims] == [c.verdict for c in en.check.claims]


def test_check_line_in_chinese(zh_markdown: str) -> None:
    assert (
        "*数字核查（标记）：共 31 个数字，31 个可溯源，0 个无法溯源，0 个与数据不符，"
        "0 个已标记，删除 0 句*" in zh_markdown.splitlines()
    )


def test_finnews_lang_setting_is_the_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FINNEWS_LANG", "zh")
    from assistant.config import get_settings

    get_settings.cache_clear()
    r = run_cli(["analyze", "--offline", "--markdown"], capsys, monkeypatch)
    assert r.out.splitlines()[0].startswith("# 分析：")
    r = run_cli(["analyze", "--offline", "--markdown", "--lang", "en"], capsys, monkeypatch)
    assert r.out.splitlines()[0].startswith("# Analysis: ")


def test_json_stays_the_schema(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    r = run_cli(["analyze", "--offline", "--lang", "zh", "--json"], capsys, monkeypatch)
    data = json.loads(r.out)
    assert data["check"]["claims"][4]["verdict"] == "contradicted"
    assert data["key_insights"][0]["text"].startswith("文章中的“Tech lagged")
