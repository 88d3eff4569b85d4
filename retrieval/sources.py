"""Turn what the user named (URL, feed file, directory, article file, stdin) into Articles."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from assistant.errors import BadInputError, FinnewsError, ProviderError
from assistant.models import Article
from retrieval.articles import ARTICLE_SUFFIXES, MAX_BYTES, load_article, load_article_bytes
from retrieval.feeds import looks_like_feed, parse_feed

FEED_SUFFIXES = {".xml", ".rss", ".atom"}
MAX_FEED_BYTES = 50 * 1024 * 1024


@dataclass
class Loaded:
    """An article read from a source, or why an item could not be read."""

    label: str
    article: Article | None = None
    error: str | None = None


def load_sources(
    sources: list[str | Path], *, offline: bool, stdin: BinaryIO | None = None
) -> Iterator[Loaded]:
    """Every article the sources hold; unreadable items come out as errors, in order."""
    for source in sources:
        text = str(source)
        try:
            if text == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                yield from _from_bytes(stream.read(MAX_FEED_BYTES + 1), "<stdin>")
            elif text.startswith(("http://", "https://")):
                yield from _from_bytes(fetch(text, offline=offline), text)
            else:
                path = Path(text).expanduser()
                if path.is_dir():
                    yield from _from_dir(path)
                elif not path.exists():
                    yield Loaded(text, error="no such file or directory")
                else:
                    yield from _from_file(path)
        except FinnewsError as exc:
            yield Loaded(text, error=_strip_label(str(exc), text))


def fetch(url: str, *, offline: bool) -> bytes:
    """GET a feed or page; refused when offline."""
    if offline:
        raise BadInputError(f"{url}: offline mode, not fetching; save it to a file and ingest that")
    import httpx

    try:
        response = httpx.get(
            url, follow_redirects=True, timeout=30.0, headers={"User-Agent": "finnews/0.1"}
        )
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise ProviderError(f"{url}: fetch failed ({exc})", retryable=True) from None
    return response.content


def _from_dir(root: Path) -> Iterator[Loaded]:
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and p.suffix.lower() in ARTICLE_SUFFIXES | FEED_SUFFIXES
    )
    for path in files:
        try:
            yield from _from_file(path)
        except FinnewsError as exc:
            yield Loaded(str(path), error=_strip_label(str(exc), str(path)))


def _from_file(path: Path) -> Iterator[Loaded]:
    if path.suffix.lower() in FEED_SUFFIXES:
        size = path.stat().st_size
        if size > MAX_FEED_BYTES:
            raise BadInputError(f"{path}: feed is {size // 1024 // 1024} MB; the limit is 50 MB")
        yield from _feed(path.read_bytes(), str(path))
        return
    with path.open("rb") as fh:
        head = fh.read(1024)
    if looks_like_feed(head):
        yield from _feed(path.read_bytes(), str(path))
    else:
        yield Loaded(str(path), article=load_article(path))


def _from_bytes(data: bytes, name: str) -> Iterator[Loaded]:
    if looks_like_feed(data):
        yield from _feed(data, name)
    else:
        if len(data) > MAX_BYTES:
            raise BadInputError(f"{name}: more than {MAX_BYTES // 1024 // 1024} MB")
        yield Loaded(name, article=load_article_bytes(data, name))


def _feed(data: bytes, name: str) -> Iterator[Loaded]:
    result = parse_feed(data, name)
    for n, article in enumerate(result.articles, start=1):
        yield Loaded(f"{name} #{n}", article=article)
    for label, reason in result.failures:
        yield Loaded(label, error=reason)


def _strip_label(message: str, label: str) -> str:
    prefix = f"{label}: "
    return message[len(prefix) :] if message.startswith(prefix) else message
