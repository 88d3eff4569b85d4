"""`check`, `summarize` and `chat` in Chinese; unknown and malformed language codes."""

from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.i18n import using
from assistant.llm import get_chat_model
from assistant.market.snapshot import SnapshotMarketData
from assistant.render.digest import render_html, render_markdown
from assistant.summarize import summarize_articles
from retrieval.articles import load_article
from tests.support_cli import run_cli


def test_check_markdown_in_chinese(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    r = run_cli(["check", "--offline", "--lang", "zh", "--markdown"], capsys, monkeypatch)
    assert r.exit_code == 1  # contradicted claims, as in English
    lines = r.out.splitlines()
    assert lines[0] == "# 数字核查：Small caps sprint ahead as the Fed delivers a third cut"
    assert (
        lines[3]
        == "25 项陈述：属实 16 项，大致属实 1 项，与数据不符 2 项，日期错配 4 项，无法核实 2 项"
    )
    assert lines[5] == "| # | 陈述 | 结论 | 文中数字 | 计算值 | 原因 |"
    assert lines[11].startswith("| 5 | “Tech lagged: QQQ rose 1.6% in November")
    assert "| **与数据不符** | +1.60% | -1.56% | 数据计算结果为 -1.56%" in lines[11]
    assert "## 数据凭据" in lines
    receipt = next(line for line in lines if line.startswith("- **c1** "))
    assert receipt == (
        "- **c1** ^RUT，快照：2025年11月20日 收盘价 2305.11，2025年12月12日 收盘价 2551.46；"
        "`(2551.46 / 2305.11 - 1) * 100` = 10.6871；在 ±0.05个百分点 以内判为属实（文中数字的"
        "舍入精度）；在 ±0.1个百分点 以内判为大致属实"
    )
    assert lines[-2] == "_历史市场数据，不构成投资建议。_"


def test_check_terminal_in_chinese(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    r = run_cli(["check", "--offline", "--lang", "zh"], capsys, monkeypatch)
    assert "结论" in r.out and "与数据不符" in r.out and "日期错配" in r.out
    assert "历史市场数据，不构成投资建议。" in r.out
    assert "supported" not in r.out and "verdict" not in r.out


def test_malformed_language_code_is_a_usage_error(capsys, monkeypatch) -> None:
    r = run_cli(["check", "--offline", "--lang", "12"], capsys, monkeypatch)
    assert r.exit_code == 2
    assert r.out == ""
    assert "Invalid value for '--lang': '12' is not a language code; use one like en, zh or fr" in (
        r.err
    )


def test_malformed_finnews_lang_is_bad_input(capsys, monkeypatch) -> None:
    monkeypatch.setenv("FINNEWS_LANG", "en us")
    r = run_cli(["check", "--offline"], capsys, monkeypatch)
    assert (r.exit_code, r.out) == (2, "")
    assert r.err == (
        "Error: FINNEWS_LANG: 'en us' is not a language code; use one like en, zh or fr\n"
    )


def test_unknown_language_falls_back_to_english_labels_with_a_notice(capsys, monkeypatch) -> None:
    r = run_cli(["check", "--offline", "--lang", "fr", "--markdown"], capsys, monkeypatch)
    assert r.exit_code == 1
    assert r.err == (
        "finnews: no catalog for language 'fr'; labels are in English, text an LLM writes "
        "is in French\n"
    )
    assert r.out.startswith("# Claim check: Small caps sprint ahead")


def _articles() -> list:
    texts = [
        "---\ntitle: Small caps in November\npublished: 2025-12-01T12:00:00Z\nsource: Desk\n---\n"
        "IWM rose 1.0% in November. QQQ rose 1.6% in November.\n",
        "---\ntitle: A title game\npublished: 2025-12-02T12:00:00Z\nsource: Desk\n---\n"
        "The home team won the final in overtime.\n",
    ]
    return [load_article(t, name=f"a{i}.md") for i, t in enumerate(texts)]


def test_digest_in_chinese(market: SnapshotMarketData) -> None:
    settings = Settings()
    model = get_chat_model(settings, offline=True)
    report = summarize_articles(
        _articles(), settings=settings, market=market, model=model, jobs=1, lang="zh"
    )
    with using("zh"):
        md = render_markdown(report)
        page = render_html(report)
    lines = md.splitlines()
    assert lines[0] == "# 新闻摘要"
    assert lines[2] == (
        "2 篇文章，发布于 2025年12月1日 至 2025年12月2日；1 个主题，1 篇不涉及任何代码；"
        "核查 2 项数字陈述：属实 1 项，与数据不符 1 项"
    )
    assert lines[4] == "## 目录"
    assert "## 其他新闻" in lines
    assert "*Desk · 2025年12月1日 · 属实 1 项，与数据不符 1 项 · 另涉及 QQQ*" in lines
    # the offline summary quotes the article: it stays English, marked as a quote
    assert "“IWM rose 1.0% in November. QQQ rose 1.6% in November.”" in lines
    assert "- ⚠ 与数据不符：“QQQ rose 1.6% in November”（文中为 +1.60%，数据为 -1.56%）" in lines
    assert lines[-1] == "> 历史市场数据与新闻，不构成投资建议。"
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">')
    assert "<h1>新闻摘要</h1>" in page and '"Noto Sans CJK SC"' in page


def test_chat_once_in_chinese(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    r = run_cli(
        ["chat", "--once", "How did IJR do in November 2025?", "--lang", "zh"], capsys, monkeypatch
    )
    assert r.exit_code == 0, r.err
    assert r.out.splitlines()[-1] == "  [D1] IJR 价格回报，2025年11月 · 快照"


def test_chat_sources_in_chinese() -> None:
    from assistant.chat import render

    with using("zh"):
        assert render.sources(None) == "还没有回答：请先提问。"


def test_a_checks_notes_and_data_errors_in_chinese() -> None:
    from assistant.i18n import using
    from assistant.i18n.errors import error_text

    with using("zh"):
        assert (
            error_text(
                "stopped at 2000 claims: the rest of the text was not checked (split the article "
                "to check all of it)"
            )
            == "已在 2000 条陈述处停止：其余文本未核查（请将文章拆分后全部核查）"
        )
        assert error_text("claims also extracted by gpt-4o-mini") == "另由 gpt-4o-mini 提取了陈述"


def test_the_command_lines_own_usage_errors_in_chinese() -> None:
    import subprocess
    import sys

    def stderr(*args: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "assistant", *args], capture_output=True, text=True, check=False
        )
        assert proc.returncode == 2
        return proc.stderr.strip().splitlines()[-1]

    assert stderr("check", "--lang", "zh", "--foo") == "错误：没有“--foo”这个选项。"
    assert stderr("summarize", "--lang=zh", "--format", "xx") == (
        "错误：“--format”的值无效：“xx”不是 'md', 'jsonl', 'html' 之一。"
    )
    assert stderr("check", "--foo") == "Error: No such option '--foo'."
