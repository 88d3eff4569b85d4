"""How long `finnews check` takes on the bundled sample article.

Prints a Markdown table: median wall time of the whole process (`python -m
assistant check --offline --json`, imports included) and of the in-process
library call (`verify_article`, data already loaded and cold), and the cost
per claim. Usage: python bench/check.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.check import verify_article  # noqa: E402
from assistant.cli.common import SAMPLE_ARTICLE  # noqa: E402
from assistant.market.snapshot import SnapshotMarketData  # noqa: E402
from retrieval.articles import load_article  # noqa: E402


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = {**os.environ, "FINNEWS_OFFLINE": "1"}
    process: list[float] = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "assistant", "check", "--offline", "--json"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            check=False,
        )
        process.append(time.perf_counter() - t0)
    article = load_article(SAMPLE_ARTICLE)
    cold: list[float] = []
    warm: list[float] = []
    market = SnapshotMarketData()
    n_claims = 0
    for _ in range(args.runs):
        t0 = time.perf_counter()
        report = verify_article(article, SnapshotMarketData())
        cold.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        verify_article(article, market)
        warm.append(time.perf_counter() - t0)
        n_claims = len(report.claims)
    rows = [
        ("whole process (`finnews check --offline --json`)", median_ms(process)),
        ("in-process, snapshot loaded from disk", median_ms(cold)),
        ("in-process, snapshot already in memory", median_ms(warm)),
    ]
    print(f"Sample article: {n_claims} claims, median of {args.runs} runs\n")
    print("| measure | median ms | ms per claim |")
    print("|---|---:|---:|")
    for name, ms in rows:
        print(f"| {name} | {ms:.0f} | {ms / n_claims:.1f} |")


if __name__ == "__main__":
    main()
