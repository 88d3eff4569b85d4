"""RSS/Atom feed bytes into Articles (the only module that imports feedparser)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from assistant.errors import BadInputError
from assistant.models import Article
from retrieval.articles import is_plausible_date, make_article, parse_date
from retrieval.text import html_fragment_to_text, normalize_text

_SYMBOL = re.compile(r"^\^?[A-Z][A-Z0-9]{0,5}(?:[.-][A-Z]{1,2})?$")


@dataclass
class FeedResult:
    """The articles of one feed, and the items that could not be read (label, reason)."""

    title: str
    articles: list[Article] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def looks_like_feed(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
        while head.startswith(b"<!--"):
            head = head[head.find(b"-->") + 3 :].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<?xml-stylesheet"))


def parse_feed(data: bytes, name: str) -> FeedResult:
    """Parse feed bytes; one bad item becomes a failure, never an exception."""
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS or Atom items found"
        raise BadInputError(f"{name}: not a readable feed ({reason})")
    feed_title = normalize_text(str(parsed.feed.get("title", ""))) or name
    result = FeedResult(title=feed_title)
    for n, entry in enumerate(parsed.entries, start=1):
        label = f"{name} item {n}"
        try:
            result.articles.append(entry_to_article(entry, feed_title))
        except (BadInputError, ValueError, TypeError, KeyError) as exc:
            result.failures.append((label, str(exc) or type(exc).__name__))
    return result


def entry_to_article(entry: Any, feed_title: str) -> Article:
    """One feed entry as an Article; raises BadInputError when it has no words."""
    source = ""
    src = entry.get("source")
    if isinstance(src, dict):
        source = normalize_text(str(src.get("title", "")))
    source = source or feed_title
    title = html_fragment_to_text(str(entry.get("title", ""))).replace("\n", " ")
    suffix = f" - {source}"
    if source and title.endswith(suffix):  # Google News appends " - Publisher"
        title = title[: -len(suffix)].rstrip()
    body = _entry_body(entry)
    if body.endswith(source) and source:
        body = body[: -len(source)].rstrip(" \u00a0-\u2013|")
    if not body or _same_words(body, title):
        body = title
    if not body:
        raise BadInputError("item has no title and no text")
    url = "".join(str(entry.get("link", "")).split())
    guid = "".join(str(entry.get("id", "")).split())
    if not url.startswith(("http://", "https://")):
        url = guid if guid.startswith(("http://", "https://")) else ""
    author = str(entry.get("author", "") or "")
    return make_article(
        text=body,
        title=title,
        source=source,
        author=html_fragment_to_text(author),
        url=url,
        published=_published(entry),
        tickers=_symbol_tags(entry),
    )


def _entry_body(entry: Any) -> str:
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(str(entry.get("summary", "") or ""))
    texts = [html_fragment_to_text(c) for c in candidates if c]
    return max(texts, key=len) if texts else ""


def _published(entry: Any) -> datetime | None:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            try:
                when = datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc)
            except (OverflowError, ValueError, OSError):
                continue  # a date no calendar holds: the item has no usable date
            return when if is_plausible_date(when.date()) else None
        raw = entry.get(key)
        if raw:
            text_date = parse_date(str(raw))
            if text_date:
                return text_date
    return None


def _symbol_tags(entry: Any) -> list[str]:
    terms = [str(t.get("term", "")).strip() for t in entry.get("tags", []) or []]
    return [t for t in terms if _SYMBOL.match(t)]


def _same_words(a: str, b: str) -> bool:
    def words(s: str) -> list[str]:
        return re.findall(r"\w+", s.lower())

    return words(a) == words(b)
