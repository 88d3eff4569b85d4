"""How checking scales with article size: claim extraction and the whole check, offline.

Builds articles of growing size from the news corpus (numbers nudged so no two sentences
repeat and no cache helps) and prints a table.

    python bench/size.py
"""

from __future__ import annotations

import random
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.check import verify_text  # noqa: E402
from assistant.claims import extract_claims  # noqa: E402
from assistant.market.snapshot import SnapshotMarketData  # noqa: E402

SIZES = (100_000, 300_000, 1_000_000)


def corpus_text() -> str:
    parts = []
    for path in sorted((ROOT / "fixtures" / "news" / "articles").glob("*.md")):
        parts.append(path.read_text(encoding="utf-8").split("---", 2)[2])
    return "\n\n".join(parts)


def article_of(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    base = corpus_text()
    out: list[str] = []
    total = 0
    while total < size:
        chunk = re.sub(
            r"\d+\.\d+", lambda m: f"{float(m.group(0)) * rng.uniform(0.9, 1.1):.2f}", base
        )
        out.append(chunk)
        total += len(chunk)
    return "\n\n".join(out)[:size]


def main() -> int:
    market = SnapshotMarketData()
    print("| article size | claims | extract s | whole check s |")
    print("|---:|---:|---:|---:|")
    for size in SIZES:
        text = article_of(size)
        t0 = time.perf_counter()
        claims = extract_claims(text, date(2026, 6, 12))
        t1 = time.perf_counter()
        verify_text(text, date(2026, 6, 12), market)
        t2 = time.perf_counter()
        print(f"| {size / 1e6:.1f} MB | {len(claims):,} | {t1 - t0:.2f} | {t2 - t1:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
