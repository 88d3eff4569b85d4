"""Batch summaries: concurrency, resume, --force, failures that do not stop the batch,
the number check on summaries, and the three output formats."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assistant.config import Settings
from assistant.llm import OfflineEngine
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from assistant.render.digest import render_html, render_jsonl, render_markdown
from assistant.summarize import select_articles, summarize_articles
from retrieval.articles import load_article
from tests.analyze.conftest import SECRET
from tests.conftest import FIXTURES
from tests.support.openai_server import RecordedRequest, Reply
from tests.support_cli import run_cli

TICKERS = ["IWM", "QQQ", "IJR", "SPY"]


def make_articles(n: int) -> list[Article]:
    out = []
    for i in range(n):
        t = TICKERS[i % 4]
        text = (
            f"---\ntitle: Note {i} on {t}\npublished: 2025-12-{1 + i % 9:02d}T12:00:00Z\n"
            f"source: {'Wire' if i % 2 else 'Desk'}\nurl: https://example.com/n/{i}\n---\n"
            f"{t} rose 1.0% in November, note {i} says. Traders watched {t} closely.\n"
        )
        out.append(load_article(text, name=f"note{i}.md"))
    return out


def _article_title(request: RecordedRequest) -> str:
    user = request.messages[-1]["content"]
    return user.split("Title: ", 1)[1].split("\n", 1)[0]


def test_llm_summaries_run_concurrently_and_are_number_checked(
    openai_server, llm_settings: Settings, make_model: Callable[..., Any],
    market: SnapshotMarketData,
) -> None:  # fmt: skip
    barrier = threading.Barrier(4, timeout=10)

    def respond(request: RecordedRequest) -> Reply:
        barrier.wait()  # only passes when 4 requests are in flight at once
        title = _article_title(request)
        return Reply(text=f"{title}: the ETF rose 1.0% in November and 9.9% in a week.")

    openai_server.responder = respond
    articles = make_articles(8)
    report = summarize_articles(
        articles, settings=llm_settings, market=market, model=make_model(), jobs=4
    )
    assert (report.summarized, report.resumed, report.failed) == (8, 0, 0)
    assert [r.id for r in report.records] == [a.id for a in articles]
    first = report.records[0]
    assert first.engine == "test-model" and first.fallback_reason is None
    assert first.summary == (
        "Note 0 on IWM: the ETF rose 1.0% in November and ⚠9.9%[unchecked] in a week."
    )
    assert first.unchecked_numbers == 1
    assert [(c.text, c.verdict, c.computed) for c in first.claims] == [
        ("IWM rose 1.0% in November, note 0 says", "supported", 1.0234)
    ]
    assert [r.claims[0].verdict for r in report.records[:4]] == [
        "supported", "contradicted", "contradicted", "contradicted",
    ]  # fmt: skip
    assert all(SECRET not in json.dumps(r.body) for r in openai_server.completion_requests)


def test_resume_skips_done_articles_and_force_redoes_them(
    openai_server, llm_settings: Settings, make_model: Callable[..., Any],
    market: SnapshotMarketData,
) -> None:  # fmt: skip
    openai_server.default = Reply(text="IWM rose 1.0% in November.")
    articles = make_articles(5)
    model = make_model()
    first = summarize_articles(articles, settings=llm_settings, market=market, model=model, jobs=2)
    assert (first.summarized, first.resumed) == (5, 0)
    assert len(openai_server.completion_requests) == 5
    again = summarize_articles(articles, settings=llm_settings, market=market, model=model)
    assert (again.summarized, again.resumed) == (0, 5)
    assert len(openai_server.completion_requests) == 5
    assert again.records == first.records
    changed = [*articles[:4], articles[4].model_copy(update={"text": "QQQ rose 1.6% in November."})]
    third = summarize_articles(changed, settings=llm_settings, market=market, model=model)
    assert (third.summarized, third.resumed) == (1, 4)
    forced = summarize_articles(articles, settings=llm_settings, market=market, model=model,
                                force=True)  # fmt: skip
    assert (forced.summarized, forced.resumed) == (5, 0)
    assert len(openai_server.completion_requests) == 11
    offline = summarize_articles(articles, settings=llm_settings, market=market,
                                 model=OfflineEngine())  # fmt: skip
    assert (offline.summarized, offline.resumed) == (5, 0)  # other settings, other records


def test_a_failing_article_does_not_stop_the_batch(
    openai_server, llm_settings: Settings, make_model: Callable[..., Any],
    market: SnapshotMarketData,
) -> None:  # fmt: skip
    def respond(request: RecordedRequest) -> Reply:
        if "Note 2 on" in _article_title(request):
            return Reply(status=401, error_body={"error": {"message": f"bad key {SECRET}"}})
        if "Note 3 on" in _article_title(request):
            return Reply(status=500)
        return Reply(text="IWM rose 1.0% in November.")

    openai_server.responder = respond
    articles = make_articles(5) + [Article(id="empty", title="Empty", text="  ")]
    report = summarize_articles(
        articles, settings=llm_settings, market=market, model=make_model(), jobs=3
    )
    assert (report.summarized, report.failed) == (4, 2)
    assert [f.id for f in report.failures] == [articles[2].id, "empty"]
    assert report.failures[0].reason.startswith(
        f"The LLM server at {openai_server.base_url} rejected the credentials (HTTP 401)."
    )
    assert report.failures[1].reason == "the article has no text"
    fell_back = [r for r in report.records if r.fallback_reason]
    assert [r.title for r in fell_back] == ["Note 3 on SPY"]
    assert fell_back[0].engine == "offline"
    again = summarize_articles(
        articles, settings=llm_settings, market=market, model=make_model(), jobs=3
    )
    assert again.resumed == 3  # the fallback summary is redone next time, failures too


def test_offline_digest_formats(market: SnapshotMarketData) -> None:
    articles = make_articles(3)
    report = summarize_articles(articles, settings=Settings(), market=market, model=OfflineEngine())
    lines = render_jsonl(report).splitlines()
    assert len(lines) == 3
    record = json.loads(lines[1])
    assert sorted(record) == [
        "claims", "content_hash", "engine", "fallback_reason", "fingerprint", "id", "published",
        "source", "subject", "summary", "tickers", "title", "unchecked_numbers",
        "unchecked_policy", "url",
    ]  # fmt: skip
    assert record["subject"] == "QQQ"
    assert record["claims"][0]["kind"] == "pct_change"
    assert record["summary"] == (
        "QQQ rose 1.0% in November, note 1 says. Traders watched QQQ closely."
    )
    assert record["claims"][0]["verdict"] == "contradicted"
    md = render_markdown(report)
    assert md.startswith(
        "# News digest\n\n3 articles published 2025-12-01 to 2025-12-03; 3 subjects; 3 claims "
        "checked: 1 supported, 2 contradicted\n\n## Contents\n\n"
        "- [IJR (iShares Core S&P Small-Cap ETF)](#ijr-ishares-core-sp-small-cap-etf) (1)\n"
    )
    assert (
        "## IJR (iShares Core S&P Small-Cap ETF)\n\n### [Note 2 on IJR](https://example.com/n/2)\n"
        in md
    )
    assert (
        "- ⚠ contradicted: “QQQ rose 1.0% in November, note 1 says” (claimed +1.00%, data -1.56%)"
    ) in md
    page = render_html(report)
    assert page.count("<article>") == 3
    assert '<h2 id="qqq-invesco-qqq-trust">QQQ (Invesco QQQ Trust)</h2>' in page


def test_select_articles_filters() -> None:
    articles = make_articles(8)
    assert [a.title for a in select_articles(articles, ticker="ijr")] == [
        "Note 6 on IJR", "Note 2 on IJR",
    ]  # fmt: skip
    assert len(select_articles(articles, source="wire")) == 4
    from datetime import date

    assert [a.title for a in select_articles(articles, since=date(2025, 12, 7))] == [
        "Note 7 on SPY", "Note 6 on IJR",
    ]  # fmt: skip


def test_cli_summarize_a_feed_then_the_index(capsys, monkeypatch, tmp_path: Path) -> None:
    feed = str(FIXTURES / "feeds" / "wire_markets.xml")
    out = tmp_path / "digest.jsonl"
    args = ["--offline", "summarize", "--feed", feed, "--format", "jsonl", "-o", str(out)]
    args += ["-j", "3"]
    result = run_cli(args, capsys, monkeypatch)
    assert result.exit_code == 0, result.err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 4
    assert result.err.splitlines()[-1].startswith("4 articles: 4 summarized, 0 resumed, 0 failed")
    again = run_cli(["summarize", "--offline", "--format", "md"], capsys, monkeypatch)
    assert again.exit_code == 0, again.err
    assert again.out.startswith("# News digest\n")
    assert "4 articles: 0 summarized, 4 resumed, 0 failed" in again.err
    html = run_cli(["summarize", "--offline", "--format", "html", "--force", "-q"], capsys,
                   monkeypatch)  # fmt: skip
    assert html.exit_code == 0 and html.err == ""
    assert html.out.count("<article>") >= 4


def test_cli_summarize_with_an_empty_index_says_what_to_do(capsys, monkeypatch) -> None:
    result = run_cli(["summarize", "--offline"], capsys, monkeypatch)
    assert result.exit_code == 2
    assert result.err == (
        "Error: no articles in the index (run `finnews ingest FEED` first) match the filters\n"
    )


@pytest.mark.parametrize("jobs", ["0", "65"])
def test_cli_jobs_is_bounded(capsys, monkeypatch, jobs: str) -> None:
    result = run_cli(["summarize", "--jobs", jobs], capsys, monkeypatch)
    assert result.exit_code == 2
