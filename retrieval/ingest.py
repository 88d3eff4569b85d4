"""ingest(): sources into the index, idempotently, with new/updated/unchanged/failed counts."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from pydantic import BaseModel, Field

from assistant.config import Settings
from assistant.models import Article
from retrieval.articles import content_hash
from retrieval.chunks import Chunk, chunk_text
from retrieval.embed import Embedder, make_embedder
from retrieval.index import NewsIndex, StoredArticle, check_model, open_index
from retrieval.sources import Loaded, load_sources

Progress = Callable[[int, int], None]
BATCH_ARTICLES = 64


class IngestFailure(BaseModel):
    source: str
    reason: str


class IngestReport(BaseModel):
    """What an ingest did. `failed` items are listed with the reason each one failed."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    chunks: int = Field(default=0, description="Chunks embedded and written.")
    seconds: float = 0.0
    failures: list[IngestFailure] = Field(default_factory=list)
    index: str = ""
    embedding_model: str = ""

    @property
    def articles(self) -> int:
        return self.new + self.updated + self.unchanged


def ingest(
    sources: Sequence[str | Path],
    *,
    settings: Settings,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
    index: NewsIndex | None = None,
    embedder: Embedder | None = None,
    fetch_timeout: float | None = None,
) -> IngestReport:
    """Read the sources, then add new and changed articles to the index.

    `fetch_timeout` bounds each wait on a URL source (default: FINNEWS_FETCH_TIMEOUT).
    """
    loaded = list(
        load_sources(
            list(sources),
            offline=settings.offline,
            stdin=stdin,
            timeout=fetch_timeout or settings.fetch_timeout,
        )
    )
    return ingest_loaded(
        loaded, settings=settings, progress=progress, index=index, embedder=embedder
    )


def ingest_articles(
    articles: Iterable[Article],
    *,
    settings: Settings,
    progress: Progress | None = None,
    index: NewsIndex | None = None,
    embedder: Embedder | None = None,
) -> IngestReport:
    """Index Article objects built elsewhere (same rules as ingest)."""
    loaded = [Loaded(a.id, article=a) for a in articles]
    return ingest_loaded(
        loaded, settings=settings, progress=progress, index=index, embedder=embedder
    )


def ingest_loaded(
    loaded: list[Loaded],
    *,
    settings: Settings,
    progress: Progress | None = None,
    index: NewsIndex | None = None,
    embedder: Embedder | None = None,
) -> IngestReport:
    if index is None:
        with open_index(settings) as opened:
            return ingest_loaded(
                loaded, settings=settings, progress=progress, index=opened, embedder=embedder
            )
    started = time.perf_counter()
    embedder = embedder or make_embedder(settings)
    check_model(index, embedder.name, embedder.dim)
    report = IngestReport(index=index.location, embedding_model=embedder.name)
    seen: set[str] = set()
    pending: list[Article] = []
    total, done = len(loaded), 0
    if progress:
        progress(0, total)
    for item in loaded:
        if item.article is None:
            report.failed += 1
            report.failures.append(IngestFailure(source=item.label, reason=item.error or "?"))
            done += 1
        elif item.article.id in seen:
            report.unchanged += 1  # the same article twice in one run
            done += 1
        else:
            seen.add(item.article.id)
            pending.append(item.article)
        if len(pending) >= BATCH_ARTICLES:
            done += _write_batch(pending, index, embedder, report)
            pending = []
        if progress:
            progress(done, total)
    if pending:
        done += _write_batch(pending, index, embedder, report)
        if progress:
            progress(done, total)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _write_batch(
    articles: list[Article], index: NewsIndex, embedder: Embedder, report: IngestReport
) -> int:
    stored = index.hashes([a.id for a in articles])
    todo: list[StoredArticle] = []
    chunks: list[Chunk] = []
    for article in articles:
        digest = content_hash(article)
        old = stored.get(article.id)
        if old == digest:
            report.unchanged += 1
            continue
        if old is None:
            report.new += 1
        else:
            report.updated += 1
        pieces = chunk_text(article.id, article.text)
        todo.append(StoredArticle(article=article, content_hash=digest, n_chunks=len(pieces)))
        chunks.extend(pieces)
    if todo:
        vectors = embedder.embed([_embed_text(c, a) for a, c in _with_article(todo, chunks)])
        if len(vectors):  # the dimension is known now
            check_model(index, embedder.name, int(vectors.shape[1]))
        index.write(todo, chunks, vectors, model=(embedder.name, embedder.dim or vectors.shape[1]))
        report.chunks += len(chunks)
    return len(articles)


def _with_article(todo: list[StoredArticle], chunks: list[Chunk]) -> list[tuple[Article, Chunk]]:
    by_id = {s.article.id: s.article for s in todo}
    return [(by_id[c.article_id], c) for c in chunks]


def _embed_text(chunk: Chunk, article: Article) -> str:
    """The title gives a passage its context (unless the passage already holds it)."""
    if article.title and article.title not in chunk.text:
        return f"{article.title}\n{chunk.text}"
    return chunk.text


def reindex(
    *, settings: Settings, progress: Progress | None = None, embedder: Embedder | None = None
) -> IngestReport:
    """Re-embed every stored article with the configured embedder.

    The articles are first saved to `reindex-pending.jsonl` in the data dir, so a
    crash between clearing and refilling the index loses nothing: the next reindex
    resumes from that file.
    """
    with open_index(settings) as index:
        return _reindex(index, settings=settings, progress=progress, embedder=embedder)


def _reindex(
    index: NewsIndex, *, settings: Settings, progress: Progress | None, embedder: Embedder | None
) -> IngestReport:
    embedder = embedder or make_embedder(settings)
    pending = settings.data_dir / "reindex-pending.jsonl"
    if not pending.exists():
        tmp = pending.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for stored in index.articles():
                fh.write(stored.article.model_dump_json() + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(pending)
    with pending.open(encoding="utf-8") as fh:
        articles = [Article.model_validate(json.loads(line)) for line in fh if line.strip()]
    index.clear()
    report = ingest_articles(
        articles, settings=settings, progress=progress, index=index, embedder=embedder
    )
    pending.unlink()
    return report
