"""NewsIndex on Chroma (embedded PersistentClient or HttpClient); the only chromadb importer.

Two collections: `finnews-chunks` holds passages with our own embeddings (cosine) and
the embedding model in its metadata; `finnews-articles` holds one record per article
(full text, metadata, content hash, chunk count) with a constant 1-d vector. The
article record is written after its chunks, so it marks a complete write.

What is read back is what was written: `clear()` deletes records before it drops the
collections, and every write checks its list-valued metadata (`_settle_lists`), because
Chroma leaves list values of dropped collections behind for later records to inherit.

Chroma cannot open an embedded index it may not write (chroma-core/chroma#1438: opening
writes to its SQLite file). An index in a read-only place is read from a private copy in
the temp dir, made once per process and deleted at exit; writing to it is refused with a
message naming the read-only place.

A long-lived process (the web app) may keep an embedded index's passages in memory
(`keep_resident`, see `retrieval.resident`): full-text lookups and the passages of a
vector query are then read from there, and the copy is made again whenever the index's
SQLite file changes. Chroma still answers every vector query.

On a Chroma server every request ends within FINNEWS_FETCH_TIMEOUT in total, and a server
that stops answering (or goes away) in the middle of a session is a ProviderError, as one
that cannot be reached at the start is.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from assistant.config import Settings
from assistant.deadlines import CallTimedOut, run_with_deadline
from assistant.lock import why_unwritable
from assistant.models import Article
from retrieval.chunks import Chunk
from retrieval.health import (
    check_chroma_server,
    check_embedded_index,
    server_silent,
    server_unreachable,
)
from retrieval.index import Filters, IndexStats, StoredArticle, StoredChunk, check_writable
from retrieval.resident import ResidentPassages

CHUNKS = "finnews-chunks"
ARTICLES = "finnews-articles"
_MODEL_KEY, _DIM_KEY = "embedding_model", "embedding_dim"
_WRITE_BATCH = 1000
_LIST_KEYS = ("tickers",)  # metadata keys holding lists (see _settle_lists)


class ChromaIndex:
    """The NewsIndex over a Chroma client."""

    def __init__(
        self,
        client: Any,
        location: str,
        *,
        read_only: str | None = None,
        files: Path | None = None,
    ) -> None:
        self._client = client
        self.location = location
        self.read_only = read_only  # why the index cannot be written, when it cannot
        self._chunks = self._collection(CHUNKS, {"hnsw": {"space": "cosine"}})
        self._articles = self._collection(ARTICLES, None)
        # an embedded index's SQLite files: they say when it changed (see _passages)
        self._files = None if files is None else [str(files / n) for n in _SQLITE_FILES]
        self._resident: tuple[tuple[Any, ...], ResidentPassages] | None = None
        self._keep = threading.Lock()
        self.resident = False  # see keep_resident()

    def keep_resident(self) -> None:
        """Hold every passage in memory from now on, for a long-lived process (the web app):
        full-text lookups and query results are then read from memory, not from Chroma.
        Only for an embedded index: the copy is made again whenever the index's files
        change (another process wrote), and dropped when this process writes."""
        if self._files is None:
            return  # a Chroma server can change under us unseen: ask it every time
        self.resident = True
        self._passages()

    def _passages(self) -> ResidentPassages | None:
        """The resident copy, fresh (made again when the index's files changed); None when
        passages are not kept in memory."""
        if not self.resident or self._files is None:
            return None
        state = _files_state(self._files)
        held = self._resident
        if held is not None and held[0] == state:
            return held[1]
        with self._keep:
            held = self._resident
            if held is not None and held[0] == state:
                return held[1]
            fresh = _read_resident(self._chunks)
            self._resident = (state, fresh)  # a write during the read changes the state again
            return fresh

    @classmethod
    def from_settings(cls, settings: Settings) -> ChromaIndex:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if settings.chroma_url:
            url, timeout = settings.chroma_url, settings.fetch_timeout
            check_chroma_server(url, timeout)  # frozen: an error, not a hang
            parts = urlsplit(url if "://" in url else f"http://{url}")
            ssl = parts.scheme == "https"

            def connect() -> Any:
                client = chromadb.HttpClient(
                    host=parts.hostname or "localhost",
                    port=parts.port or (443 if ssl else 8000),
                    ssl=ssl,
                    settings=chroma_settings,
                )
                _set_deadlines(client, timeout)
                client.heartbeat()
                return client

            try:  # the client asks the server a few questions before we can bound them
                client = run_with_deadline(connect, timeout, name="connecting to Chroma")
            except CallTimedOut:
                raise server_silent(url, timeout) from None
            except Exception as exc:  # noqa: BLE001 - any failure here means unreachable
                raise server_unreachable(url, exc) from None
            return cls(_ServerCalls(client, url, timeout), url)
        path = settings.data_dir / "chroma"
        check_embedded_index(path)  # damaged files: named, with the way back; never a crash
        why = _unwritable(path)
        if why is None:
            client = chromadb.PersistentClient(path=str(path), settings=chroma_settings)
            return cls(client, str(path), files=path)
        copy = _read_copy(path)
        client = chromadb.PersistentClient(path=str(copy), settings=chroma_settings)
        return cls(client, str(path), read_only=why, files=copy)

    def close(self) -> None:
        """Release the client's connections (and the embedded system when last)."""
        # chromadb 1.5's close() leaves the HTTP clients' sockets open; close them too.
        servers = [getattr(self._client, "_server", None)]
        servers.append(getattr(getattr(self._client, "_admin_client", None), "_server", None))
        sessions = [getattr(s, "_session", None) for s in servers]
        self._client.close()
        for session in sessions:
            if session is not None and hasattr(session, "close"):
                session.close()

    def __enter__(self) -> ChromaIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _collection(self, name: str, configuration: dict[str, Any] | None) -> Any:
        kwargs: dict[str, Any] = {"name": name, "embedding_function": None}
        if configuration:
            kwargs["configuration"] = configuration
        collection = self._client.get_or_create_collection(**kwargs)
        if isinstance(self._client, _ServerCalls):
            return _ServerCalls(collection, self._client.url, self._client.timeout)
        return collection

    # -- model ---------------------------------------------------------------
    @property
    def embedding_model(self) -> tuple[str, int] | None:
        meta = self._chunks.metadata or {}
        if _MODEL_KEY not in meta:
            return None
        return str(meta[_MODEL_KEY]), int(meta.get(_DIM_KEY) or 0)

    def _set_model(self, model: tuple[str, int]) -> None:
        if self.embedding_model != model:
            self._chunks.modify(metadata={_MODEL_KEY: model[0], _DIM_KEY: model[1]})

    # -- writes --------------------------------------------------------------
    def hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        if not article_ids:
            return {}
        got = self._articles.get(ids=list(article_ids), include=["metadatas"])
        return {
            i: str(m.get("hash", ""))
            for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)
        }

    def write(
        self,
        articles: Sequence[StoredArticle],
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        *,
        model: tuple[str, int],
    ) -> None:
        if not articles:
            return
        check_writable(self, "ingest")
        self._resident = None
        self._set_model(model)
        ids = [s.article.id for s in articles]
        by_id = {s.article.id: s for s in articles}
        # 1. forget the old records, 2. their old chunks, 3. new chunks, 4. new records.
        self._articles.delete(ids=ids)
        self._chunks.delete(where=_in("article_id", ids))
        for lo in range(0, len(chunks), _WRITE_BATCH):
            part = chunks[lo : lo + _WRITE_BATCH]
            metas = [_chunk_meta(c, by_id[c.article_id].article) for c in part]
            self._chunks.upsert(
                ids=[c.id for c in part],
                embeddings=vectors[lo : lo + len(part)],
                documents=[c.text for c in part],
                metadatas=metas,
            )
            _settle_lists(self._chunks, [c.id for c in part], metas)
        for lo in range(0, len(articles), _WRITE_BATCH):
            batch = articles[lo : lo + _WRITE_BATCH]
            metas = [_article_meta(s) for s in batch]
            self._articles.upsert(
                ids=[s.article.id for s in batch],
                embeddings=np.ones((len(batch), 1), dtype=np.float32),
                documents=[s.article.text for s in batch],
                metadatas=metas,
            )
            _settle_lists(self._articles, [s.article.id for s in batch], metas)

    def clear(self) -> None:
        check_writable(self, "reindex")
        self._resident = None
        # Records go one by one first: dropping a collection with records in it leaves their
        # list-valued metadata behind in Chroma, and later records inherit it (see module doc).
        for collection in (self._chunks, self._articles):
            while True:
                got = collection.get(limit=_WRITE_BATCH, include=[])
                if not got["ids"]:
                    break
                collection.delete(ids=got["ids"])
        for name in (CHUNKS, ARTICLES):
            self._client.delete_collection(name)
        self._chunks = self._collection(CHUNKS, {"hnsw": {"space": "cosine"}})
        self._articles = self._collection(ARTICLES, None)

    # -- reads ---------------------------------------------------------------
    def count(self) -> int:
        held = self._passages()
        return len(held) if held is not None else int(self._chunks.count())

    def query(self, vector: np.ndarray, n: int, filters: Filters) -> list[StoredChunk]:
        held = self._passages()  # one look at the index's files per query
        total = len(held) if held is not None else int(self._chunks.count())
        if total == 0 or n <= 0 or filters.sources == ():
            return []
        if held is not None:  # the ids and distances from Chroma, the passages from memory
            got = self._chunks.query(
                query_embeddings=[np.asarray(vector, dtype=np.float32)],
                n_results=min(n, total),
                where=_where(filters),
                include=["distances"],
            )
            found = [
                held.chunk(i, similarity=1.0 - float(dist))
                for i, dist in zip(got["ids"][0], got["distances"][0], strict=True)
            ]
            if all(c is not None for c in found):
                return [c for c in found if c is not None]
        got = self._chunks.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=min(n, total),
            where=_where(filters),
            include=["documents", "metadatas", "distances"],
        )
        out = []
        for i, doc, meta, dist in zip(
            got["ids"][0],
            got["documents"][0],
            got["metadatas"][0],
            got["distances"][0],
            strict=True,
        ):
            out.append(_stored_chunk(i, doc, meta, similarity=1.0 - float(dist)))
        return out

    def containing(self, term: str, limit: int, filters: Filters) -> list[StoredChunk]:
        if filters.sources == ():
            return []
        held = self._passages()
        if held is not None:
            return held.containing(term, limit, filters)
        got = self._chunks.get(
            where=_where(filters),
            where_document={"$contains": term},
            limit=limit,
            include=["documents", "metadatas", "embeddings"],
        )
        embeddings = got.get("embeddings")
        out = []
        for n, (i, doc, meta) in enumerate(
            zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        ):
            chunk = _stored_chunk(i, doc, meta)
            if embeddings is not None:
                chunk.embedding = np.asarray(embeddings[n], dtype=np.float32)
            out.append(chunk)
        return out

    def articles(self, batch: int = 500) -> Iterator[StoredArticle]:
        for i, doc, meta in _pages(self._articles, batch):
            yield _stored_article(i, doc, meta)

    def passages(self, batch: int = 1000) -> Iterator[StoredChunk]:
        for i, doc, meta in _pages(self._chunks, batch):
            yield _stored_chunk(i, doc, meta)

    def sources(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for meta in self._article_metas():
            source = str(meta.get("source", ""))
            counts[source] = counts.get(source, 0) + 1
        return counts

    def matches(self, filters: Filters) -> bool:
        if filters.sources == ():
            return False
        got = self._chunks.get(where=_where(filters), limit=1, include=[])
        return bool(got["ids"])

    def _article_metas(self) -> Iterator[dict[str, Any]]:
        offset = 0
        while True:
            got = self._articles.get(limit=2000, offset=offset, include=["metadatas"])
            if not got["ids"]:
                return
            yield from got["metadatas"]
            offset += len(got["ids"])

    def stats(self) -> IndexStats:
        model = self.embedding_model
        stats = IndexStats(
            location=self.location,
            articles=int(self._articles.count()),
            chunks=self.count(),
            embedding_model=model[0] if model else None,
            embedding_dim=model[1] if model else None,
        )
        for meta in self._article_metas():
            source = str(meta.get("source", "")) or "(unknown)"
            stats.sources[source] = stats.sources.get(source, 0) + 1
            when = _published(meta)
            if when is None:
                stats.undated += 1
                continue
            if stats.first_published is None or when < stats.first_published:
                stats.first_published = when
            if stats.last_published is None or when > stats.last_published:
                stats.last_published = when
        stats.sources = dict(sorted(stats.sources.items(), key=lambda kv: (-kv[1], kv[0])))
        return stats


_SQLITE_FILES = ("chroma.sqlite3", "chroma.sqlite3-wal")


def _files_state(files: Sequence[str]) -> tuple[Any, ...]:
    """What changes when anyone writes an embedded index: its SQLite files' sizes and times
    (Chroma writes every record there first), and the database's change counter, which
    SQLite raises with every write (bytes 24-27 of its header), however quick.
    `files`: the paths of `_SQLITE_FILES`."""
    out: list[Any] = []
    for n, name in enumerate(files):
        try:
            st = os.stat(name)
            if n == 0:
                with open(name, "rb") as fh:
                    counter = fh.read(28)[24:]
        except OSError:
            out.append(None)
            continue
        out.append((st.st_mtime_ns, st.st_size, st.st_ino, counter if n == 0 else b""))
    return tuple(out)


def _read_resident(collection: Any) -> ResidentPassages:
    """Every passage of the chunk collection, in its order, with metadata and embeddings."""
    chunks: list[StoredChunk] = []
    metas: list[dict[str, Any]] = []
    rows: list[np.ndarray] = []
    offset = 0
    while True:
        got = collection.get(limit=_WRITE_BATCH, offset=offset,
                             include=["documents", "metadatas", "embeddings"])  # fmt: skip
        if not got["ids"]:
            break
        for i, doc, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True):
            chunks.append(_stored_chunk(i, doc, meta))
            metas.append(meta or {})
        rows.append(np.asarray(got["embeddings"], dtype=np.float32))
        offset += len(got["ids"])
    dim = rows[0].shape[1] if rows else 0
    matrix = np.vstack(rows) if rows else np.zeros((0, dim), dtype=np.float32)
    return ResidentPassages(chunks, metas, matrix)


def _unwritable(path: Path) -> str | None:
    """Why Chroma could not write the index at `path` (None when it can)."""
    if not path.exists():
        return why_unwritable(path.parent)
    parts = [path, *(p for p in path.iterdir() if p.is_dir() or p.suffix.startswith(".sqlite"))]
    return next(filter(None, map(why_unwritable, parts)), None)


_READ_COPIES: dict[Path, Path] = {}


def _read_copy(path: Path) -> Path:
    """A writable private copy of the index at `path`, one per process, gone at exit."""
    if path in _READ_COPIES:
        return _READ_COPIES[path]
    root = Path(tempfile.mkdtemp(prefix="finnews-index-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    copy = root / "chroma"
    if path.exists():
        shutil.copytree(path, copy, copy_function=shutil.copyfile)
        for folder, _dirs, files in os.walk(copy):
            os.chmod(folder, 0o700)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o600)
    _READ_COPIES[path] = copy
    return copy


def _settle_lists(collection: Any, ids: list[str], written: list[dict[str, Any]]) -> None:
    """Make each record's list-valued metadata exactly what was written.

    Chroma (through 1.5 at least, chroma-core/chroma#7594) keeps list values in their own
    table keyed by an internal row id, and dropping a collection leaves them behind: a
    record that later gets the same row id, in any collection, reads them as its own. An
    index emptied that way (as `clear()` did before) would tag articles with other articles'
    tickers. A record whose list differs from what was written gets it back (or loses the
    key: a None in an update removes it).
    """
    got = collection.get(ids=ids, include=["metadatas"])
    wanted = dict(zip(ids, written, strict=True))
    fix_ids, fixes = [], []
    for record_id, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
        want = wanted[record_id]
        patch = {k: want.get(k) for k in _LIST_KEYS if (meta or {}).get(k) != want.get(k)}
        if patch:
            fix_ids.append(record_id)
            fixes.append(patch)
    if fix_ids:
        collection.update(ids=fix_ids, metadatas=fixes)


def _in(key: str, values: Sequence[str]) -> dict[str, Any]:
    return {key: {"$in": list(values)}}


def _where(filters: Filters) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if filters.ticker:
        clauses.append({"tickers": {"$contains": filters.ticker.upper()}})
    if filters.sources is not None:
        clauses.append(_in("source_key", sorted({s.lower() for s in filters.sources})))
    since, until = filters.since_ts(), filters.until_ts()
    if since is not None:
        clauses.append({"published_ts": {"$gte": since}})
    if until is not None:
        clauses.append({"published_ts": {"$lte": until}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _common_meta(a: Article) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": a.title,
        "source": a.source,
        "source_key": a.source.lower(),
        "url": a.url,
        "published": a.published.isoformat() if a.published else "",
    }
    if a.published:
        meta["published_ts"] = int(a.published.timestamp())
    if a.tickers:
        meta["tickers"] = list(a.tickers)
    return meta


def _chunk_meta(c: Chunk, a: Article) -> dict[str, Any]:
    return {**_common_meta(a), "article_id": c.article_id, "chunk": c.index, "start": c.start,
            "end": c.end}  # fmt: skip


def _article_meta(s: StoredArticle) -> dict[str, Any]:
    return {**_common_meta(s.article), "author": s.article.author, "hash": s.content_hash,
            "n_chunks": s.n_chunks}  # fmt: skip


def _published(meta: dict[str, Any]) -> datetime | None:
    raw = meta.get("published") or ""
    if not raw:
        return None
    return datetime.fromisoformat(str(raw)).astimezone(timezone.utc)


def _tickers(meta: dict[str, Any]) -> list[str]:
    raw = meta.get("tickers")
    return [str(t) for t in raw] if isinstance(raw, list) else []


def _stored_chunk(
    chunk_id: str, doc: str | None, meta: dict[str, Any], *, similarity: float | None = None
) -> StoredChunk:
    return StoredChunk(
        id=chunk_id,
        article_id=str(meta.get("article_id", "")),
        index=int(meta.get("chunk", 0)),
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        text=doc or "",
        title=str(meta.get("title", "")),
        source=str(meta.get("source", "")),
        url=str(meta.get("url", "")),
        published=_published(meta),
        tickers=_tickers(meta),
        similarity=similarity,
    )


def _stored_article(article_id: str, doc: str | None, meta: dict[str, Any]) -> StoredArticle:
    article = Article(
        id=article_id,
        title=str(meta.get("title", "")),
        source=str(meta.get("source", "")),
        author=str(meta.get("author", "")),
        published=_published(meta),
        url=str(meta.get("url", "")),
        text=doc or "",
        tickers=_tickers(meta),
    )
    return StoredArticle(
        article=article,
        content_hash=str(meta.get("hash", "")),
        n_chunks=int(meta.get("n_chunks", 0)),
    )


def _set_deadlines(client: Any, seconds: float) -> None:
    """chromadb 1.5 gives its HTTP sessions no timeout (`httpx.Client(timeout=None)`) and
    has no setting for one: its sessions are replaced by ones whose every request is over
    within `seconds` in total (see assistant/deadlines.py), with the same headers."""
    from assistant.deadlines import DeadlineClient

    for owner in (client, getattr(client, "_admin_client", None)):
        server: Any = getattr(owner, "_server", None)
        session = getattr(server, "_session", None)
        if session is None:
            continue
        server._session = DeadlineClient(
            lambda: time.monotonic() + seconds, timeout=seconds, headers=session.headers
        )
        session.close()


class _ServerCalls:
    """A Chroma client or collection on a server, whose calls end in a ProviderError (not
    an httpx one) when the server stops answering, or is gone, in the middle of a session.
    Attributes that are not calls are read through."""

    def __init__(self, target: Any, url: str, timeout: float) -> None:
        self.target = target
        self.url = url
        self.timeout = timeout

    def __getattr__(self, name: str) -> Any:
        if name == "target":  # not set yet (a copy being made): no recursion
            raise AttributeError(name)
        value = getattr(self.target, name)
        if not callable(value):
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            import httpx

            try:
                return value(*args, **kwargs)
            except httpx.TimeoutException:
                raise server_silent(self.url, self.timeout) from None
            except httpx.TransportError as exc:
                raise server_unreachable(self.url, exc) from None

        return call


def _pages(collection: Any, batch: int) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every (id, document, metadata) of a collection, read a batch at a time."""
    offset = 0
    while True:
        got = collection.get(limit=batch, offset=offset, include=["documents", "metadatas"])
        if not got["ids"]:
            return
        yield from zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        offset += len(got["ids"])
