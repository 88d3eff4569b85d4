"""Batch summaries against the local OpenAI-compatible test server: one-at-a-time vs --jobs N.

Every completion waits `--latency` seconds (default 0.3), like a remote LLM. Each run
summarizes the same synthetic articles from scratch (`force=True`) and checks their claims
on the bundled snapshot. Prints a Markdown table of wall time and speed-up.

    python bench/summarize.py                 # 100 articles, jobs 1 and 16
    python bench/summarize.py --jobs 1 4 16 --articles 50
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import Settings  # noqa: E402
from assistant.llm.openai_chat import LangChainChatModel  # noqa: E402
from assistant.market.snapshot import SnapshotMarketData  # noqa: E402
from assistant.models import Article  # noqa: E402
from assistant.summarize import summarize_articles  # noqa: E402
from retrieval.articles import load_article  # noqa: E402
from tests.support.openai_server import OpenAIServer, Reply  # noqa: E402

TICKERS = ("IWM", "QQQ", "IJR", "SPY")


def articles(n: int) -> list[Article]:
    out = []
    for i in range(n):
        t = TICKERS[i % len(TICKERS)]
        text = (
            f"---\ntitle: Bench note {i} on {t}\npublished: 2025-12-{1 + i % 9:02d}T12:00:00Z\n"
            f"source: Bench\n---\n{t} rose 1.0% in November, according to note {i}. "
            f"Traders watched {t} closely as the Fed cut rates by a quarter point.\n"
        )
        out.append(load_article(text, name=f"bench{i}.md"))
    return out


def run(jobs: int, items: list[Article], server: OpenAIServer, home: Path) -> tuple[float, int]:
    settings = Settings(
        FINNEWS_HOME=home, FINNEWS_OFFLINE=False, OPENAI_BASE_URL=server.base_url,
        FINNEWS_MODEL="bench-model", FINNEWS_LLM_RETRIES=0,
    )  # fmt: skip
    model = LangChainChatModel(settings)
    started = time.perf_counter()
    report = summarize_articles(
        items, settings=settings, market=SnapshotMarketData(), model=model, jobs=jobs, force=True
    )
    wall = time.perf_counter() - started
    llm = sum(1 for r in report.records if r.engine == "bench-model")
    if report.failed or llm != len(items):
        raise SystemExit(f"jobs={jobs}: {report.failed} failed, {llm} LLM summaries")
    return wall, len(report.records)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 16])
    args = parser.parse_args(argv)
    items = articles(args.articles)
    rows = []
    with OpenAIServer(model="bench-model") as server, tempfile.TemporaryDirectory() as tmp:
        server.default = Reply(
            text="IWM rose 1.0% in November as the Fed cut rates.", latency=args.latency
        )
        for jobs in args.jobs:
            wall, n = run(jobs, items, server, Path(tmp))
            rows.append((jobs, n, wall))
    base = rows[0][2]
    print(f"{args.articles} articles, {args.latency * 1000:.0f} ms latency per LLM call\n")
    print("| jobs | articles | wall time (s) | per article (ms) | speed-up |")
    print("|---:|---:|---:|---:|---:|")
    for jobs, n, wall in rows:
        print(f"| {jobs} | {n} | {wall:.2f} | {wall / n * 1000:.0f} | {base / wall:.1f}x |")


if __name__ == "__main__":
    main()
