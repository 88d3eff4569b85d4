"""The LLM path in Chinese against the local OpenAI-compatible server: the prompt names the
language, the reply is Chinese, and its numbers are traced and flagged as in English."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.analysis import analyze_article
from assistant.config import Settings
from assistant.i18n import using
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from assistant.render.report import render_markdown
from assistant.summarize import summarize_articles
from tests.support.openai_server import OpenAIServer

# One sentence per item: the Chinese sentence splitter is not this test's business.
DRAFT: dict[str, Any] = {
    "analysis": "小盘股领涨：IWM在11月上涨1.0% [4][D9]。",
    "key_insights": [
        "IJR本周大涨9.9% [9]。",
        "美联储将利率下调25个基点至3.50%-3.75% [12][D24]。",
        "标普500指数12月11日收于6,901.00点 [13][D26]。",
    ],
    "risks": ["IWM过去一年的波动率约为23% [19]。"],
    "opportunities": ["估值仍然有利于小盘股 [16]。"],
}


def test_analysis_prompt_names_the_language_and_the_chinese_reply_is_checked(
    openai_server: OpenAIServer,
    llm_settings: Settings,
    make_model: Callable[..., Any],
    sample: Article,
    market: SnapshotMarketData,
) -> None:
    openai_server.enqueue(json=DRAFT)
    report = analyze_article(
        sample, settings=llm_settings, market=market, model=make_model(), lang="zh"
    )
    (request,) = openai_server.completion_requests
    user = request.messages[-1]["content"]
    assert "Write in: Simplified Chinese (zh-Hans)\n" in user
    assert "Write your sentences in the language the request names" in request.messages[0][
        "content"
    ].replace("\n  ", " ").replace("\n", " ")
    assert (report.engine, report.offline) == ("test-model", False)
    assert [s.text for s in report.analysis] == ["小盘股领涨：IWM在11月上涨1.0% [4][D9]。"]
    assert [s.text for s in report.key_insights] == [
        "IJR本周大涨⚠9.9%[unchecked] [9]。",
        "美联储将利率下调25个基点至3.50%-3.75% [12][D24]。",
        "标普500指数12月11日收于6,901.00点 [13][D26]。",
    ]
    notes = [(n.raw, n.status) for s in report.key_insights for n in s.numbers]
    assert notes == [
        ("9.9%", "untraced"),
        ("25个基点", "traced"),
        ("3.50%", "traced"),
        ("3.75%", "traced"),
        ("6,901.00点", "traced"),
    ]
    nc = report.number_check
    assert (nc.numbers, nc.traced, nc.untraced, nc.wrong, nc.flagged) == (7, 6, 1, 0, 1)
    with using("zh"):
        md = render_markdown(report)
    assert "## 综合分析\n\n小盘股领涨：IWM在11月上涨1.0% [4][D9]。\n" in md
    assert "## 风险\n\n- IWM过去一年的波动率约为23% [19]。\n" in md
    assert "- IJR本周大涨⚠9.9%[未核实] [9]。\n" in md  # the flag, in the reader's language
    assert "*引擎：test-model*" in md


def test_english_prompt_names_english(
    openai_server: OpenAIServer,
    llm_settings: Settings,
    make_model: Callable[..., Any],
    sample: Article,
    market: SnapshotMarketData,
) -> None:
    openai_server.enqueue(
        json={"analysis": "", "key_insights": [], "risks": [], "opportunities": []}
    )
    analyze_article(sample, settings=llm_settings, market=market, model=make_model())
    (request,) = openai_server.completion_requests
    assert "Write in: English\n" in request.messages[-1]["content"]


def test_summaries_are_asked_for_in_the_language_and_kept_apart(
    openai_server: OpenAIServer,
    llm_settings: Settings,
    make_model: Callable[..., Any],
    sample: Article,
    market: SnapshotMarketData,
) -> None:
    openai_server.enqueue("IWM在11月上涨1.0%，美联储将利率下调25个基点。")
    openai_server.enqueue("The Russell 2000 has climbed 10.7% since its Nov 20 close.")
    kw: dict[str, Any] = {"settings": llm_settings, "market": market, "jobs": 1}
    zh = summarize_articles([sample], model=make_model(), lang="zh", **kw)
    en = summarize_articles([sample], model=make_model(), lang="en", **kw)
    first, second = openai_server.completion_requests
    assert "Write in: Simplified Chinese (zh-Hans)\n" in first.messages[-1]["content"]
    assert "Write in: English\n" in second.messages[-1]["content"]
    (record,) = zh.records
    assert record.summary == "IWM在11月上涨1.0%，美联储将利率下调25个基点。"
    assert record.unchecked_numbers == 0
    assert (zh.summarized, en.summarized, en.resumed) == (1, 1, 0)  # not the Chinese record
