"""Turn what the user named (URL, feed file, directory, article file, stdin) into Articles."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from assistant.errors import BadInputError, FinnewsError, ProviderError
from assistant.models import Article
from retrieval.articles import (
    ARTICLE_SUFFIXES,
    MAX_BYTES,
    canonical_url,
    load_article,
    load_article_bytes,
)
from retrieval.feeds import looks_like_feed, parse_feed

FEED_SUFFIXES = {".xml", ".rss", ".atom"}
FEED_TYPES = ("rss", "atom", "/xml")  # content types that promise a feed
MAX_FEED_BYTES = 50 * 1024 * 1024
FETCH_TIMEOUT = 30.0  # seconds a URL may take in total, redirects and body included


@dataclass
class Loaded:
    """An article read from a source, or why an item could not be read."""

    label: str
    article: Article | None = None
    error: str | None = None


def load_sources(
    sources: list[str | Path],
    *,
    offline: bool,
    stdin: BinaryIO | None = None,
    timeout: float | None = None,
) -> Iterator[Loaded]:
    """Every article the sources hold; unreadable items come out as errors, in order.

    `timeout` bounds the whole fetch of a URL (default FETCH_TIMEOUT seconds).
    """
    for source in sources:
        text = str(source)
        found = 0
        try:
            for item in _from_source(text, offline=offline, stdin=stdin, timeout=timeout):
                found += 1
                yield item
        except FinnewsError as exc:
            found += 1
            yield Loaded(text, error=_strip_label(str(exc), text))
        if not found:  # a source that holds nothing is worth a warning, not silence
            yield Loaded(text, error=_nothing_in(text))


def _from_source(
    text: str, *, offline: bool, stdin: BinaryIO | None, timeout: float | None
) -> Iterator[Loaded]:
    if text == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _from_bytes(stream.read(MAX_FEED_BYTES + 1), "<stdin>")
    elif text.startswith(("http://", "https://")):
        yield from _from_url(fetch_url(text, offline=offline, timeout=timeout), text)
    else:
        path = Path(text).expanduser()
        if path.is_dir():
            yield from _from_dir(path)
        elif not path.exists():
            yield Loaded(text, error="no such file or directory")
        else:
            yield from _from_file(path)


def _nothing_in(text: str) -> str:
    if text != "-" and Path(text).expanduser().is_dir():
        kinds = ", ".join(sorted(ARTICLE_SUFFIXES | FEED_SUFFIXES))
        return f"no article or feed files in this directory (looked for {kinds})"
    return "no items in this feed"


def fetch(url: str, *, offline: bool, timeout: float | None = None) -> bytes:
    """GET a feed or page; refused when offline."""
    return fetch_url(url, offline=offline, timeout=timeout).data


@dataclass
class Fetched:
    """A response body, with the URL it finally came from (after redirects) and its type."""

    url: str
    content_type: str
    data: bytes


def fetch_url(url: str, *, offline: bool, timeout: float | None = None) -> Fetched:
    """GET `url` (redirects followed, at most MAX_FEED_BYTES); errors say why in one line.

    The whole fetch, from connecting to the last byte of the body, ends within `timeout`
    seconds (default FETCH_TIMEOUT): a server that drips its page is cut off.
    """
    if offline:
        raise BadInputError(f"{url}: offline mode, not fetching; save it to a file and ingest that")
    import httpx

    from assistant.deadlines import DeadlineClient

    limit = MAX_FEED_BYTES
    seconds = timeout or FETCH_TIMEOUT
    end = time.monotonic() + seconds
    try:
        with (
            DeadlineClient(
                lambda: end,
                follow_redirects=True,
                timeout=seconds,
                headers={"User-Agent": "finnews/0.1"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            response.raise_for_status()
            parts: list[bytes] = []
            size = 0
            for part in response.iter_bytes():
                size += len(part)
                if size > limit:
                    raise BadInputError(
                        f"{url}: the response is larger than {_mb(limit)}; "
                        "save it to a file and split it"
                    )
                parts.append(part)
            content_type = response.headers.get("content-type", "").split(";")[0].strip()
            return Fetched(str(response.url), content_type.lower(), b"".join(parts))
    except httpx.HTTPStatusError as exc:
        code = exc.response.status_code
        why = f"HTTP {code} {exc.response.reason_phrase}".rstrip()
        if code >= 500 or code in (408, 429):
            raise ProviderError(
                f"{url}: fetch failed: {why}; try again later", retryable=True
            ) from None
        raise ProviderError(f"{url}: fetch failed: {why}") from None
    except httpx.TimeoutException:
        raise ProviderError(
            f"{url}: fetch failed: no answer within {seconds:g} s", retryable=True
        ) from None
    except httpx.TooManyRedirects:
        raise ProviderError(f"{url}: fetch failed: too many redirects") from None
    except httpx.ConnectError:
        host = urlsplit(url).netloc or url
        raise ProviderError(
            f"{url}: fetch failed: cannot connect to {host}", retryable=True
        ) from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise ProviderError(f"{url}: fetch failed: {detail}", retryable=True) from None


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


def _from_url(page: Fetched, label: str) -> Iterator[Loaded]:
    """A fetched feed, or one article page whose URL (if it names none) is where it came from."""
    path = urlsplit(page.url).path.lower()
    wants_feed = Path(path).suffix in FEED_SUFFIXES or any(
        t in page.content_type for t in FEED_TYPES
    )
    if looks_like_feed(page.data):
        yield from _feed(page.data, label)
        return
    if wants_feed:
        if _looks_like_html(page.data):
            kind = page.content_type or "no content type"
            raise BadInputError(
                f"{label}: not a feed; the server sent an HTML page ({kind}); check the feed URL"
            )
        yield from _feed(page.data, label)
        return
    if len(page.data) > MAX_BYTES:
        raise BadInputError(f"{label}: more than {MAX_BYTES // 1024 // 1024} MB")
    article = load_article_bytes(page.data, label, key=f"url:{canonical_url(page.url)}")
    if not article.url:
        article = article.model_copy(update={"url": page.url})
    yield Loaded(label, article=article)


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _mb(size: int) -> str:
    return f"{size // 1024 // 1024} MB" if size >= 1024 * 1024 else f"{size} bytes"


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
