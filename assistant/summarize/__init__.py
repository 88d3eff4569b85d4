"""`finnews summarize` as a library call: checked summaries of many articles, concurrently.

    report = summarize_articles(articles, settings=s, market=m, model=model, jobs=8)

Each article gets a short summary (the LLM with the summarize_article prompt, or the
offline engine's quotes), whose numbers are traced to the article, and the verdicts of
its claims. Failures are collected, never raised. Finished records are kept in the data
dir keyed by (article id, content hash, settings fingerprint) and skipped next time.

The modules: `selection` (which articles), `article` (one article's record), `store`
(kept records), `shared_market` (market data shared by the workers, a lock per
ticker), `batch` (the thread pool), `records` (what is kept and reported).
"""

from __future__ import annotations

from assistant.summarize.article import MAX_SENTENCES, PROMPT, main_subject, summarize_one
from assistant.summarize.batch import Progress, summarize_articles
from assistant.summarize.records import (
    RECORD_VERSION,
    ClaimVerdict,
    SummarizeFailure,
    SummarizeReport,
    SummaryRecord,
)
from assistant.summarize.selection import feed_articles, indexed_articles, select_articles
from assistant.summarize.shared_market import SharedMarketData
from assistant.summarize.store import RecordStore, fingerprint

__all__ = [
    "MAX_SENTENCES",
    "PROMPT",
    "RECORD_VERSION",
    "ClaimVerdict",
    "Progress",
    "RecordStore",
    "SharedMarketData",
    "SummarizeFailure",
    "SummarizeReport",
    "SummaryRecord",
    "feed_articles",
    "fingerprint",
    "indexed_articles",
    "main_subject",
    "select_articles",
    "summarize_articles",
    "summarize_one",
]
