"""`finnews summarize` as a library call: checked summaries of many articles, concurrently.

    report = summarize_articles(articles, settings=s, market=m, model=model, jobs=8)

Each article gets a short summary (the LLM with the summarize_article prompt, or the
offline engine's quotes), whose numbers are traced to the article, and the verdicts of
its claims. Failures are collected, never raised. Finished records are kept in the data
dir keyed by (article id, content hash, settings fingerprint) and skipped next time.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.analysis.sources import claim_clause, passages_of
from assistant.analysis.vetting import Guard, split_sentences
from assistant.check import verify_article
from assistant.config import Settings
from assistant.errors import BadInputError
from assistant.llm import ChatModel, Message, OfflineEngine, with_fallback
from assistant.lock import say, writing
from assistant.market.base import History, MarketData, Quote, RatePoint, SeriesPoint
from assistant.market.symbols import find_symbols
from assistant.models import Article, CheckReport, ClaimKind, Unit, VerdictName
from assistant.numbers import allowed_from_text, check_numbers
from prompts import load_prompt

if TYPE_CHECKING:
    from retrieval.embed import Embedder

PROMPT = "summarize_article"
RECORD_VERSION = 1
MAX_SENTENCES = 3
Progress = Callable[[int, int], None]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ClaimVerdict(_Strict):
    id: str
    text: str = Field(description="The clause of the article holding the claim.")
    kind: ClaimKind | None = Field(default=None, description="What the claim is about.")
    verdict: VerdictName
    claimed: float
    computed: float | None
    unit: Unit
    explanation: str
    claimed_low: float | None = Field(default=None, description="A range's lower end.")
    computed_low: float | None = Field(default=None, description="The data's lower end.")


class SummaryRecord(_Strict):
    """One JSONL line: an article, its checked summary and the verdicts of its claims."""

    id: str
    title: str
    url: str
    source: str
    published: datetime | None
    tickers: list[str]
    subject: str | None = Field(
        default=None,
        description="The main subject: the ticker mentioned most (ties: the first named).",
    )
    summary: str
    engine: str
    fallback_reason: str | None = None
    unchecked_numbers: int = Field(description="Summary numbers not found in the article.")
    unchecked_policy: Literal["flag", "remove"]
    claims: list[ClaimVerdict]
    content_hash: str
    fingerprint: str


class SummarizeFailure(_Strict):
    id: str
    title: str
    reason: str


class SummarizeReport(_Strict):
    records: list[SummaryRecord] = Field(description="In input order, resumed ones included.")
    summarized: int = 0
    resumed: int = Field(default=0, description="Skipped: already summarized, same settings.")
    failed: int = 0
    failures: list[SummarizeFailure] = Field(default_factory=list)
    seconds: float = 0.0


# -- choosing articles --------------------------------------------------------------------
def select_articles(
    articles: Sequence[Article],
    *,
    since: date | None = None,
    source: str | None = None,
    ticker: str | None = None,
) -> list[Article]:
    """Articles published on or after `since`, from a source containing `source`
    (case-insensitive), mentioning `ticker`; newest first."""
    want_ticker = ticker.upper().lstrip("$") if ticker else None
    out = []
    for a in articles:
        if since and (a.published_date is None or a.published_date < since):
            continue
        if source and source.lower() not in a.source.lower():  # retrieval.index.source_matches
            continue
        if want_ticker and not {want_ticker, "^" + want_ticker} & {t.upper() for t in a.tickers}:
            continue
        out.append(a)
    return sorted(out, key=lambda a: (a.published is None, -_ts(a), a.id))


def _ts(a: Article) -> float:
    return a.published.timestamp() if a.published else 0.0


def indexed_articles(settings: Settings) -> list[Article]:
    """Every article in the news index."""
    from retrieval.index import open_index

    with open_index(settings) as index:
        return [stored.article for stored in index.articles()]


def feed_articles(
    feed: str, *, settings: Settings, embedder: Embedder | None = None
) -> list[Article]:
    """Read a feed (file or URL), add it to the index, and return its articles."""
    from retrieval.ingest import ingest_articles
    from retrieval.sources import load_sources

    loaded = list(load_sources([feed], offline=settings.offline))
    unique = {item.article.id: item.article for item in loaded if item.article is not None}
    articles = list(unique.values())
    if not articles:
        reasons = "; ".join(f"{i.label}: {i.error}" for i in loaded if i.error) or "no items"
        raise BadInputError(f"{feed}: no articles to summarize ({reasons})")
    ingest_articles(articles, settings=settings, embedder=embedder)
    return articles


# -- summarizing --------------------------------------------------------------------------
def fingerprint(settings: Settings, model: ChatModel, policy: str, max_sentences: int) -> str:
    """What makes a summary differ: engine, endpoint, prompt version, policy, length."""
    parts = {
        "v": RECORD_VERSION,
        "engine": model.name,
        "endpoint": None if model.is_offline else settings.openai_base_url,
        "prompt": load_prompt(PROMPT).version,
        "policy": policy,
        "sentences": max_sentences,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


class RecordStore:
    """Finished summaries, one JSON file each, under `<data dir>/summaries/<fingerprint>/`."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.dir = root / "summaries" / fingerprint
        self.dir.mkdir(parents=True, exist_ok=True)

    def path(self, article_id: str, digest: str) -> Path:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in article_id)
        return self.dir / f"{safe}-{digest[:16]}.json"

    def get(self, article_id: str, digest: str) -> SummaryRecord | None:
        path = self.path(article_id, digest)
        if not path.exists():
            return None
        try:
            return SummaryRecord.model_validate_json(path.read_text(encoding="utf-8"))
        except ValueError:
            return None  # a damaged record is redone

    def put(self, record: SummaryRecord) -> None:
        path = self.path(record.id, record.content_hash)
        tmp = path.with_suffix(f".{os.getpid()}-{threading.get_ident()}.tmp")
        tmp.write_text(record.model_dump_json(), encoding="utf-8")
        os.replace(tmp, path)


def summarize_articles(
    articles: Sequence[Article],
    *,
    settings: Settings,
    market: MarketData,
    model: ChatModel,
    jobs: int = 4,
    force: bool = False,
    unchecked: Literal["flag", "remove"] | None = None,
    max_sentences: int = MAX_SENTENCES,
    progress: Progress | None = None,
) -> SummarizeReport:
    """Summarize and check every article with at most `jobs` at a time."""
    from retrieval.articles import content_hash

    if jobs < 1:
        raise BadInputError(f"--jobs must be at least 1, not {jobs}")
    started = time.perf_counter()
    policy = unchecked or ("remove" if settings.unchecked_numbers == "remove" else "flag")
    fp = fingerprint(settings, model, policy, max_sentences)
    store = RecordStore(settings.data_dir, fp)
    waited: list[str] = []

    def wait_notice(message: str) -> None:
        if not waited:  # once per run, not once per record
            waited.append(message)
            say(message)

    def keep(record: SummaryRecord) -> None:
        """Store a record under the data dir's write lock (one writer at a time)."""
        with writing(settings, "summarize", notice=wait_notice):
            store.put(record)

    secret = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
    guard = Guard(secrets=[secret] if secret else [], system_prompt=load_prompt(PROMPT).system)
    shared = LockedMarketData(market)
    report = SummarizeReport(records=[])
    results: dict[int, SummaryRecord] = {}
    todo: list[tuple[int, Article, str]] = []
    for i, article in enumerate(articles):
        digest = content_hash(article)
        old = None if force else store.get(article.id, digest)
        if old is not None and old.subject is None and old.tickers:
            old = old.model_copy(update={"subject": main_subject(article, old.tickers)})
            keep(old)  # a record from before subjects were kept
        if old is not None:
            results[i] = old
            report.resumed += 1
        else:
            todo.append((i, article, digest))
    total, done = len(articles), report.resumed
    if progress:
        progress(done, total)

    def work(article: Article, digest: str) -> SummaryRecord:
        return summarize_one(
            article, digest, settings=settings, market=shared, model=model, policy=policy,
            guard=guard, fingerprint=fp, max_sentences=max_sentences,
        )  # fmt: skip

    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="summarize") as pool:
        futures = {pool.submit(work, a, d): (i, a) for i, a, d in todo}
        for future in as_completed(futures):
            i, article = futures[future]
            try:
                record = future.result()
            except Exception as exc:  # noqa: BLE001 - one article never stops the batch
                report.failed += 1
                reason = f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc)
                if secret:
                    reason = reason.replace(secret, "***")
                report.failures.append(
                    SummarizeFailure(id=article.id, title=article.title, reason=reason)
                )
            else:
                results[i] = record
                report.summarized += 1
                if record.fallback_reason is None:
                    keep(record)
            done += 1
            if progress:
                progress(done, total)
    report.records = [results[i] for i in sorted(results)]
    order = {a.id: n for n, a in enumerate(articles)}
    report.failures.sort(key=lambda f: order.get(f.id, 0))
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def summarize_one(
    article: Article,
    digest: str,
    *,
    settings: Settings,
    market: MarketData,
    model: ChatModel,
    policy: Literal["flag", "remove"],
    guard: Guard,
    fingerprint: str,
    max_sentences: int = MAX_SENTENCES,
) -> SummaryRecord:
    """One article: the summary (number-checked against the article) and its verdicts."""
    if not article.text.strip():
        raise BadInputError("the article has no text")
    check = verify_article(article, market)
    outcome = with_fallback(
        model,
        lambda m: m.complete(_messages(article, max_sentences)),
        lambda engine: _offline_summary(engine, article.text, max_sentences),
    )
    kept = [s for s in split_sentences(outcome.value) if not guard.leaks(s)]
    text = " ".join(" ".join(s.split()) for s in kept)
    result = check_numbers(text, allowed_from_text(article.text, "article"))
    summary = result.apply(policy)
    tickers = _tickers(article, check)
    return SummaryRecord(
        id=article.id,
        title=article.title,
        url=article.url,
        source=article.source,
        published=article.published,
        tickers=tickers,
        subject=main_subject(article, tickers),
        summary=summary,
        engine=outcome.engine,
        fallback_reason=outcome.fallback_reason,
        unchecked_numbers=result.untraced_count,
        unchecked_policy=policy,
        claims=_verdicts(check),
        content_hash=digest,
        fingerprint=fingerprint,
    )


def _messages(article: Article, max_sentences: int) -> list[Message]:
    return load_prompt(PROMPT).messages(
        title=article.title or "(untitled)",
        source=article.source or "unknown",
        published=article.published.isoformat() if article.published else "unknown",
        article=article.text,
        max_sentences=max_sentences,
    )


def _offline_summary(engine: OfflineEngine, text: str, max_sentences: int) -> str:
    return " ".join(" ".join(x.text.split()) for x in engine.summarize(text, max_sentences))


def _tickers(article: Article, check: CheckReport) -> list[str]:
    out: list[str] = []
    for t in [*(c.claim.ticker for c in check.claims), *article.tickers]:
        if t and t not in out and t not in ("FEDFUNDS", "DGS10"):
            out.append(t)
    return out


def main_subject(article: Article, tickers: list[str]) -> str | None:
    """The ticker the title and text mention most; a tie goes to the one mentioned first,
    then to the one listed first (claim subjects before the article's other tickers)."""
    counts: dict[str, int] = {}
    first: dict[str, float] = {}
    for start, _, sym in find_symbols(f"{article.title}\n{article.text}"):
        counts[sym.ticker] = counts.get(sym.ticker, 0) + 1
        first.setdefault(sym.ticker, start)
    ranked = sorted(
        enumerate(tickers),
        key=lambda it: (-counts.get(it[1], 0), first.get(it[1], math.inf), it[0]),
    )
    return ranked[0][1] if ranked else None


def _verdicts(check: CheckReport) -> list[ClaimVerdict]:
    passages = passages_of(check.article.text)
    out = []
    for c in check.claims:
        text = claim_clause(check.article.text, c.span, passages)
        out.append(
            ClaimVerdict(
                id=c.id,
                text=text,
                kind=c.kind,
                verdict=c.verdict,
                claimed=c.claimed,
                computed=c.computed,
                unit=c.unit,
                explanation=c.explanation,
                claimed_low=c.claim.start_value if c.kind == "rate_level" else None,
                computed_low=(
                    c.evidence[0].values[0]
                    if c.kind == "rate_level" and c.evidence and c.evidence[0].values
                    else None
                ),
            )
        )
    return out


class LockedMarketData:
    """Serializes calls to a MarketData shared by worker threads (caches, SQLite)."""

    def __init__(self, inner: MarketData) -> None:
        self.inner = inner
        self.name = inner.name
        self._lock = threading.Lock()

    def history(self, ticker: str, start: date, end: date) -> History:
        with self._lock:
            return self.inner.history(ticker, start, end)

    def fed_target(self, start: date, end: date) -> list[RatePoint]:
        with self._lock:
            return self.inner.fed_target(start, end)

    def treasury(self, series: str, start: date, end: date) -> list[SeriesPoint]:
        with self._lock:
            return self.inner.treasury(series, start, end)

    def forward_pe(self, ticker: str) -> list[Quote]:
        with self._lock:
            return self.inner.forward_pe(ticker)
