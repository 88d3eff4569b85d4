"""Digests: each article once, under its main subject, with its other tickers named; a table
of contents and counts first; how the run went on the terminal, not in the document."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from assistant.config import Settings
from assistant.llm import OfflineEngine
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from assistant.render.digest import render_html, render_markdown
from assistant.summarize import SummarizeReport, main_subject, summarize_articles
from retrieval.articles import load_article
from tests.support_cli import run_cli

STORIES = {
    "chips.md": (
        "Chip stocks lead",
        "Nvidia shares rose as the chip rally spread. Nvidia and Apple both gained, and "
        "Nvidia's suppliers followed. QQQ rose 1.6% in November.",
    ),
    "apple.md": (
        "Apple's quiet quarter",
        "Apple said little about AI. Apple shares lagged while Nvidia rallied. Apple's "
        "buyback continues.",
    ),
    "small.md": (
        "Small caps & rates",
        "IWM rose 1.0% in November as the S&P 500 > 6,800 held. IWM volume was heavy.",
    ),
    "sports.md": ("A title game", "The home team won the final in overtime."),
}


def _articles() -> list[Article]:
    out = []
    for n, (name, (title, text)) in enumerate(STORIES.items()):
        front = f"---\ntitle: {title}\npublished: 2025-12-0{n + 1}T12:00:00Z\nsource: Desk\n---\n"
        out.append(load_article(front + text + "\n", name=name))
    return out


def _report(market: SnapshotMarketData) -> SummarizeReport:
    return summarize_articles(
        _articles(), settings=Settings(), market=market, model=OfflineEngine()
    )


def test_the_main_subject_is_the_most_mentioned_ticker() -> None:
    chips, apple, small, sports = _articles()
    assert main_subject(chips, ["QQQ", "NVDA", "AAPL"]) == "NVDA"  # 3 mentions beat 1
    assert main_subject(apple, ["AAPL", "NVDA"]) == "AAPL"
    assert main_subject(small, ["IWM", "^GSPC"]) == "IWM"
    assert main_subject(sports, []) is None
    tie = Article(id="t", title="", text="Apple and Nvidia rose.")
    assert main_subject(tie, ["NVDA", "AAPL"]) == "AAPL"  # a tie: the first mentioned


def test_each_article_appears_once_under_its_main_subject(market: SnapshotMarketData) -> None:
    report = _report(market)
    md = render_markdown(report)
    assert md == (
        "# News digest\n\n"
        "4 articles published 2025-12-01 to 2025-12-04; 3 subjects, 1 about no ticker; "
        "2 claims checked: 1 supported, 1 contradicted\n\n"
        "## Contents\n\n"
        "- [AAPL (Apple)](#aapl-apple) (1)\n"
        "- [IWM (iShares Russell 2000 ETF)](#iwm-ishares-russell-2000-etf) (1)\n"
        "- [NVDA (Nvidia)](#nvda-nvidia) (1)\n"
        "- [Other news](#other-news) (1)\n\n"
        "## AAPL (Apple)\n\n"
        "### Apple's quiet quarter\n"
        "*Desk · 2025-12-02 · no numeric claims · also NVDA*\n\n"
        "Apple said little about AI. Apple shares lagged while Nvidia rallied. Apple's buyback "
        "continues.\n\n"
        "## IWM (iShares Russell 2000 ETF)\n\n"
        "### Small caps & rates\n"
        "*Desk · 2025-12-03 · 1 supported · also ^GSPC*\n\n"
        "IWM rose 1.0% in November as the S&P 500 > 6,800 held. IWM volume was heavy.\n\n"
        "## NVDA (Nvidia)\n\n"
        "### Chip stocks lead\n"
        "*Desk · 2025-12-01 · 1 contradicted · also QQQ, AAPL*\n\n"
        "Nvidia shares rose as the chip rally spread. Nvidia and Apple both gained, and "
        "Nvidia's suppliers followed. QQQ rose 1.6% in November.\n\n"
        "- ⚠ contradicted: “QQQ rose 1.6% in November” (claimed +1.60%, data -1.56%)\n\n"
        "## Other news\n\n"
        "### A title game\n"
        "*Desk · 2025-12-04 · no numeric claims*\n\n"
        "The home team won the final in overtime.\n\n"
        "> Historical market data and news; not investment advice.\n"
    )


def test_the_html_digest_has_the_same_shape(market: SnapshotMarketData) -> None:
    page = render_html(_report(market))
    assert page.count("<article>") == 4
    assert '<nav><h2>Contents</h2><ul><li><a href="#aapl-apple">AAPL (Apple)</a> (1)</li>' in (
        page.replace("\n", "")
    )
    assert '<h2 id="nvda-nvidia">NVDA (Nvidia)</h2>' in page
    assert "Desk · 2025-12-01 · 1 contradicted · also QQQ, AAPL" in page
    assert "summarized" not in page and "resumed" not in page


def test_run_statistics_go_to_the_terminal(capsys, monkeypatch, tmp_path: Path) -> None:
    feed = tmp_path / "stories"
    feed.mkdir()
    for article in _articles():
        (feed / f"{article.title[:5]}.md").write_text(
            f"---\ntitle: {article.title}\npublished: {article.published.isoformat()}\n"
            f"source: Desk\n---\n{article.text}\n",
            encoding="utf-8",
        )
    ingest = run_cli(["--offline", "ingest", str(feed), "--quiet"], capsys, monkeypatch)
    assert ingest.exit_code == 0, ingest.err
    out = tmp_path / "digest.md"
    result = run_cli(["--offline", "summarize", "-o", str(out)], capsys, monkeypatch)
    assert result.exit_code == 0, result.err
    assert result.err.splitlines()[0] == f"Wrote {out}"
    assert result.err.splitlines()[1].startswith(
        "4 articles: 4 summarized, 0 resumed, 0 failed in "
    )
    text = out.read_text(encoding="utf-8")
    assert "summarized" not in text and "resumed" not in text and "failed" not in text
    assert text.count("\n### ") == 4


def test_a_record_kept_before_subjects_gets_one_when_resumed(market: SnapshotMarketData) -> None:
    first = _report(market)
    store = next((Settings().data_dir / "summaries").iterdir())
    for path in store.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        del data["subject"]
        path.write_text(json.dumps(data), encoding="utf-8")
    again = _report(market)
    assert (again.summarized, again.resumed) == (0, 4)
    assert [r.subject for r in again.records] == ["NVDA", "AAPL", "IWM", None]
    assert again.records == first.records


def test_a_fed_range_reads_as_a_range_in_the_digest() -> None:
    """Issue 9, item 10: the digest shows '3.25%-3.50%', not just the upper end."""
    from assistant.check import verify_text
    from assistant.market.snapshot import SnapshotMarketData
    from assistant.render.digest import _wrong
    from assistant.summarize import ClaimVerdict, SummaryRecord

    [c] = verify_text(
        "The Fed cut its target range to 3.25%-3.50% on Wednesday.", date(2025, 12, 12),
        SnapshotMarketData(),
    )  # fmt: skip
    record = SummaryRecord.model_construct(
        claims=[
            ClaimVerdict(
                id=c.id, text="to 3.25%-3.50%", kind=c.kind, verdict=c.verdict,
                claimed=c.claimed, computed=c.computed, unit=c.unit,
                explanation=c.explanation, claimed_low=c.claim.start_value,
                computed_low=c.evidence[0].values[0],
            )
        ]
    )  # fmt: skip
    assert list(_wrong(record)) == [
        "contradicted: “to 3.25%-3.50%” (claimed 3.25%-3.50%, data 3.50%-3.75%)"
    ]
