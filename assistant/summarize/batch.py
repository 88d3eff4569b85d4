"""Many articles at once: a thread pool, resumed records skipped, failures collected."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Literal

from assistant.analysis.vetting import Guard
from assistant.config import Settings, data_dir
from assistant.errors import BadInputError
from assistant.i18n import Language, resolve
from assistant.llm import ChatModel
from assistant.lock import ensure_writable, say, writing
from assistant.market.base import MarketData
from assistant.models import Article
from assistant.summarize.article import MAX_SENTENCES, PROMPT, main_subject, summarize_one
from assistant.summarize.records import SummarizeFailure, SummarizeReport, SummaryRecord
from assistant.summarize.shared_market import SharedMarketData
from assistant.summarize.store import RecordStore, fingerprint
from prompts import load_prompt

Progress = Callable[[int, int], None]


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
    lang: Language | str | None = None,
) -> SummarizeReport:
    """Summarize and check every article with at most `jobs` at a time; an LLM writes in
    `lang` (default: the active language, `assistant.i18n`)."""
    from retrieval.articles import content_hash

    if jobs < 1:
        raise BadInputError(f"--jobs must be at least 1, not {jobs}")
    started = time.perf_counter()
    policy = unchecked or ("remove" if settings.unchecked_numbers == "remove" else "flag")
    language = resolve(lang)
    fp = fingerprint(settings, model, policy, max_sentences, language)
    ensure_writable(data_dir(settings), "summarize")  # its records are written there
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
    shared = SharedMarketData(market)
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
            guard=guard, fingerprint=fp, max_sentences=max_sentences, language=language,
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
