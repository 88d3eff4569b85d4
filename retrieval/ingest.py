"""ingest(): sources into the index, idempotently, with new/updated/unchanged/failed counts."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

from pydantic import BaseModel, Field

from assistant.config import Settings
from assistant.lock import say, writing
from assistant.models import Article
from retrieval.articles import content_hash
from retrieval.chunks import Chunk, chunk_text
from retrieval.embed import Embedder, make_embedder
from retrieval.health import set_aside_damaged_vectors
from retrieval.index import NewsIndex, StoredArticle, check_model, check_writable, open_index
from retrieval.sources import Loaded, load_sources

Progress = Callable[[int, int], None]
BATCH_ARTICLES = 64
PENDING_REINDEX = "reindex-pending.jsonl"  # in the data dir while a reindex is unfinished
INTERRUPTED_REINDEX = (
    "a `finnews reindex` was interrupted and the index still lacks some of its articles: run "
    "`finnews reindex` to finish it (the articles ingested now are kept)"
)


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
    notes: list[str] = Field(
        default_factory=list, description="What the user should know (also said on stderr)."
    )
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
    notice: Callable[[str], None] | None = say,
) -> IngestReport:
    """Read the sources, then add new and changed articles to the index.

    `fetch_timeout` bounds each wait on a URL source (default: FINNEWS_FETCH_TIMEOUT);
    `notice` hears that the data directory's lock is awaited (None: not a word).
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
        loaded,
        settings=settings,
        progress=progress,
        index=index,
        embedder=embedder,
        notice=notice,
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
    notice: Callable[[str], None] | None = say,
) -> IngestReport:
    """Write loaded articles, holding the data dir's write lock (one writer at a time).

    After an interrupted reindex (its pending file is still there) the articles written
    now are also added to that file, so finishing the reindex keeps them.
    """
    with writing(settings, "ingest", notice=notice) as home, ExitStack() as stack:
        journal = home / PENDING_REINDEX if (home / PENDING_REINDEX).exists() else None
        notes = [INTERRUPTED_REINDEX] if journal else []
        for note in notes:
            say(note)
        if index is None:
            index = stack.enter_context(open_index(settings))
        embedder = embedder or make_embedder(settings)
        report = _ingest_loaded(
            loaded, progress=progress, index=index, embedder=embedder, journal=journal
        )
        report.notes = notes
        return report


def _ingest_loaded(
    loaded: list[Loaded],
    *,
    progress: Progress | None,
    index: NewsIndex,
    embedder: Embedder,
    journal: Path | None,
) -> IngestReport:
    started = time.perf_counter()
    check_writable(index, "ingest")
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
            done += _write_batch(pending, index, embedder, report, journal)
            pending = []
        if progress:
            progress(done, total)
    if pending:
        done += _write_batch(pending, index, embedder, report, journal)
        if progress:
            progress(done, total)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _write_batch(
    articles: list[Article],
    index: NewsIndex,
    embedder: Embedder,
    report: IngestReport,
    journal: Path | None = None,
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
        if journal is not None:  # before the index: what the index has, the journal has
            _append_pending(journal, [s.article for s in todo])
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
    *,
    settings: Settings,
    progress: Progress | None = None,
    embedder: Embedder | None = None,
    notice: Callable[[str], None] | None = say,
) -> IngestReport:
    """Re-embed every stored article with the configured embedder.

    The articles are first saved to `reindex-pending.jsonl` in the data dir, so a
    crash between clearing and refilling the index loses nothing: the next reindex
    resumes from that file, and an ingest in between adds its articles to it.
    """
    with writing(settings, "reindex", notice=notice) as home:
        embedder = embedder or make_embedder(settings)  # a setting to fix: before any move
        notes = [] if settings.chroma_url else set_aside_damaged_vectors(home / "chroma")
        for note in notes:
            say(note)
        with open_index(settings) as index:
            report = _reindex(
                index, pending=home / PENDING_REINDEX, progress=progress, embedder=embedder
            )
        report.notes = notes + report.notes
        return report


def _reindex(
    index: NewsIndex, *, pending: Path, progress: Progress | None, embedder: Embedder
) -> IngestReport:
    check_writable(index, "reindex")  # before the pending file: nothing to finish later
    if not pending.exists():
        tmp = pending.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for stored in index.articles():
                fh.write(stored.article.model_dump_json() + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(pending)
    articles = _read_pending(pending)
    index.clear()
    loaded = [Loaded(a.id, article=a) for a in articles]
    report = _ingest_loaded(loaded, progress=progress, index=index, embedder=embedder, journal=None)
    pending.unlink()
    return report


def _append_pending(journal: Path, articles: list[Article]) -> None:
    """Add articles to an unfinished reindex's list (synced before the index is written)."""
    with journal.open("ab") as fh:
        if fh.tell() and not _ends_with_newline(journal):
            fh.write(b"\n")  # a line cut short by a crash stays a line of its own
        for article in articles:
            fh.write(article.model_dump_json().encode("utf-8") + b"\n")
        fh.flush()
        os.fsync(fh.fileno())


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) == b"\n"


def _read_pending(path: Path) -> list[Article]:
    """The articles of an unfinished reindex, each in its last written version.

    A line that does not parse was cut short by a crash while it was appended; its article
    had not reached the index yet (appends come first), so nothing is lost by skipping it.
    """
    latest: dict[str, Article] = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                article = Article.model_validate(json.loads(line))
            except ValueError:
                continue
            latest.pop(article.id, None)
            latest[article.id] = article
    return list(latest.values())
