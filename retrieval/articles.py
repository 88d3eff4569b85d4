"""Article files (.md, .txt, .html, stdin) into `Article`, with one-line errors."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml
from dateutil import parser as date_parser

from assistant.errors import BadInputError
from assistant.models import Article
from retrieval.text import (
    HtmlPage,
    html_to_page,
    markdown_to_text,
    normalize_text,
    unwrap_lines,
)

MAX_BYTES = 10 * 1024 * 1024
FRONT_MATTER_KEYS = ("id", "title", "published", "source", "url", "author")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text", ""}
ARTICLE_SUFFIXES = HTML_SUFFIXES | (TEXT_SUFFIXES - {""})
_BINARY_SUFFIXES = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".gz", ".png", ".jpg"}

# US newsroom zone names dateutil does not know by itself.
_TZINFOS = {
    "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
    "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
    "ET": -5 * 3600, "GMT": 0, "UTC": 0, "Z": 0,
}  # fmt: skip
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|cmpid|oc|ref|rss)$", re.I)


def load_article(path_or_text: str | Path, *, name: str | None = None) -> Article:
    """Load an article from a file path, or from text when given a str that is no file.

    A file with no `id` or URL of its own is known by its path (see `article_id`), so an
    edited file is the same article.
    """
    if isinstance(path_or_text, Path) or _looks_like_path(path_or_text):
        path = Path(path_or_text)
        label = name or str(path)
        if not path.exists():
            raise BadInputError(f"{label}: no such file")
        if path.is_dir():
            raise BadInputError(f"{label}: is a directory; give an article file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BadInputError(_too_big(label, size))
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
        return load_article_bytes(data, label, key=path_key(path))
    return _parse(str(path_or_text), name or "<text>")


def load_article_bytes(data: bytes, name: str, *, key: str = "") -> Article:
    """Decode and parse an article file's bytes; `name` picks the format and labels errors.

    `key` identifies the article when it names no `id` or URL itself (see `article_id`).
    """
    if len(data) > MAX_BYTES:
        raise BadInputError(_too_big(name, len(data)))
    return _parse(decode_text(data, name), name, key=key)


def path_key(path: Path) -> str:
    """The identity of an article file that names no `id` or URL: its absolute path."""
    return f"path:{path.expanduser().resolve()}"


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM, or UTF-16 with BOM) text, else a BadInputError."""
    suffix = Path(name).suffix.lower()
    if suffix in _BINARY_SUFFIXES:
        raise BadInputError(
            f"{name}: {suffix} files are not supported; save the article as .md, .txt or .html"
        )
    if not data.strip():
        raise BadInputError(f"{name}: file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise BadInputError(
            f"{name}: looks like a binary file (NUL bytes); give a .md, .txt or .html article"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInputError(
            f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, e.g. `iconv -f latin1 -t utf-8`"
        ) from None


def _parse(raw: str, name: str, *, key: str = "") -> Article:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    suffix = Path(name).suffix.lower()
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _sniff_html(raw))
    if suffix in ("", ".txt") and _sniff_html(raw):
        is_html = True
    meta, raw = split_front_matter(raw, name)
    strict_date = not is_html or "published" in meta
    if is_html:
        page = html_to_page(raw)
        text = _page_text(raw, page)
        page_meta: dict[str, object] = {
            "title": page.meta.get("og:title") or page.title,
            "published": page.meta.get("article:published_time")
            or page.meta.get("datepublished")
            or page.meta.get("date")
            or page.time
            or None,
            "source": page.meta.get("og:site_name", ""),
            "url": page.canonical or page.meta.get("og:url", ""),
            "author": page.meta.get("author") or page.meta.get("article:author", ""),
        }
        meta = {**page_meta, **{k: v for k, v in meta.items() if v not in (None, "")}}
    else:
        body = raw.lstrip("\n")
        heading = re.match(r"#[ \t]+([^\n]+)(?:\n|\Z)", body)
        if heading:
            if not meta.get("title"):
                meta["title"] = markdown_to_text(heading.group(1)).strip()
            body = body[heading.end() :]
        text = normalize_text(unwrap_lines(markdown_to_text(body) if suffix != ".txt" else body))
        if not meta.get("title"):
            first, _, rest = text.partition("\n\n")
            if rest and "\n" not in first and len(first) <= 120 and first[-1] not in ".!?:;,":
                meta["title"], text = first, rest
    if meta.get("title") and text.startswith(f"{meta['title']}\n\n"):
        text = text[len(str(meta["title"])) + 2 :]
    if not text.strip():
        raise BadInputError(f"{name}: no article text found (empty body)")
    published = parse_date(meta.get("published"), strict=strict_date, label=name)
    own_id = _str(meta.get("id"))
    return make_article(
        key=f"id:{own_id}" if own_id else key,
        text=text,
        title=_str(meta.get("title")),
        source=_str(meta.get("source")),
        author=_str(meta.get("author")),
        url=_str(meta.get("url")),
        published=published,
    )


def _page_text(raw: str, page: HtmlPage) -> str:
    """A full page's main text: the paragraphs trafilatura picks as the story, among those
    `html_to_page` keeps (no nav, footer, form, script or ad). When it picks none of those,
    and for markup that is no full page (a fragment on stdin): every paragraph."""
    everything = normalize_text(page.text)
    if not _is_full_page(raw):
        return everything
    from retrieval.maintext import main_content

    main = main_content(raw)
    if not main:
        return everything
    known = " ".join(everything.split())
    picked = normalize_text(html_to_page(main).text).split("\n\n")
    kept = [p for p in picked if p and " ".join(p.split()) in known]
    return "\n\n".join(kept) or everything


def _is_full_page(raw: str) -> bool:
    head = raw[:4000].lower()
    return "<html" in head or "<body" in head or "<!doctype html" in head


class _RefusedYaml(Exception):
    """Front matter that is valid YAML but not accepted; the message says why and where."""


_MAX_YAML_DEPTH = 20


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader without anchors and aliases, and without deep nesting.

    An alias is a reference: a few hundred bytes of them stand for billions of values once
    a field is read as text (a "billion laughs"), so front matter may not use them. Nesting
    is bounded too, as the composer recurses once per level."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()
        line = event.start_mark.line + 2  # the file's line: the opening `---` is line 1
        if isinstance(event, yaml.AliasEvent):
            raise _RefusedYaml(
                f"uses the YAML alias *{event.anchor} (line {line}); aliases are refused "
                "because they can expand without bound: write the value out"
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _RefusedYaml(
                f"uses the YAML anchor &{anchor} (line {line}); anchors and aliases are "
                "refused because they can expand without bound: write the value out"
            )
        depth = getattr(self, "_depth", 0)
        if depth >= _MAX_YAML_DEPTH:
            raise _RefusedYaml(f"nests more than {_MAX_YAML_DEPTH} levels deep (line {line})")
        self._depth = depth + 1
        try:
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth = depth


def split_front_matter(raw: str, name: str) -> tuple[dict[str, object], str]:
    """YAML front matter between leading `---` lines, and the body after it."""
    match = re.match(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", raw, re.S)
    if not match:
        return {}, raw
    try:
        data = yaml.load(match.group(1) or "", Loader=_FrontMatterLoader) or {}  # noqa: S506
    except _RefusedYaml as exc:
        raise BadInputError(f"{name}: front matter {exc}") from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" near line {line + 2}" if line is not None else ""
        raise BadInputError(f"{name}: front matter is not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise BadInputError(f"{name}: front matter must be `key: value` lines")
    meta = {str(k).lower(): v for k, v in data.items() if str(k).lower() in FRONT_MATTER_KEYS}
    if "date" in {str(k).lower() for k in data} and "published" not in meta:
        meta["published"] = data.get("date")
    return meta, raw[match.end() :]


def parse_date(value: object, *, strict: bool = False, label: str = "") -> datetime | None:
    """A UTC datetime from a datetime, date or string; naive times are taken as UTC.

    A date outside `plausible_dates()` is no publication date: with `strict` a
    BadInputError names it, else it counts as no date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    else:
        try:
            dt = date_parser.parse(str(value).strip(), tzinfos=_TZINFOS)
        except (ValueError, OverflowError):
            if strict:
                raise BadInputError(
                    f"{label}: published {str(value)!r} is not a date; use e.g. 2025-12-10"
                ) from None
            return None
    if not is_plausible_date(dt.date()):  # before UTC conversion, which can overflow here
        if strict:
            raise BadInputError(f"{label}: published {str(value)!r} {implausible_date()}")
        return None
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


EARLIEST_DATE = date(1900, 1, 1)


def plausible_dates(today: date | None = None) -> tuple[date, date]:
    """The dates finnews takes as a publication or as-of date: from 1900-01-01 to one year
    after today (UTC); anything else is a typo or a placeholder such as 9999-12-31."""
    today = today or datetime.now(timezone.utc).date()
    try:
        latest = today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        latest = today.replace(year=today.year + 1, day=28)
    return EARLIEST_DATE, latest


def is_plausible_date(day: date, today: date | None = None) -> bool:
    earliest, latest = plausible_dates(today)
    return earliest <= day <= latest


def implausible_date(today: date | None = None) -> str:
    """The end of the message for a date outside `plausible_dates()`."""
    earliest, latest = plausible_dates(today)
    return f"is not a plausible date; use one from {earliest} to {latest}, e.g. 2025-12-10"


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    url = "".join(url.split())
    if not url:
        return ""
    parts = urlsplit(url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(k) and not (k == "source" and v.startswith("feed"))
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


def article_id(url: str, title: str, text: str, *, key: str = "") -> str:
    """The article's identity, hashed; the first of these that it has wins.

    `key` when it is the article's own name: its front matter `id` ("id:..."). Then its
    canonical URL. Then any other `key`: the file's path ("path:..."), so an edited file
    stays the same article, or the URL a page was fetched from ("url:..."). Last, its title
    and text (stdin, a string, a feed item with no link): the same words, the same article.
    """
    canon = canonical_url(url)
    if key.startswith("id:"):
        ident = key
    elif canon:
        ident = f"url:{canon}"
    elif key:
        ident = key
    else:
        ident = f"text:{title.strip()}\n{text.strip()}"
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:16]


def content_hash(article: Article) -> str:
    """Changes when anything indexed about the article changes."""
    published = article.published.isoformat() if article.published else ""
    tickers = ",".join(article.tickers)
    parts = (
        article.title, article.source, article.author, published, article.url, tickers,
        article.text,
    )  # fmt: skip
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def make_article(
    *,
    text: str,
    title: str = "",
    source: str = "",
    author: str = "",
    url: str = "",
    published: datetime | None = None,
    tickers: list[str] | None = None,
    key: str = "",
) -> Article:
    """Build a normalized Article: stable id (see `article_id`), tickers found in title and
    text."""
    url = "".join(url.split())
    found = extract_tickers(f"{title}\n{text}")
    merged = list(dict.fromkeys([*(tickers or []), *found]))
    return Article(
        id=article_id(url, title, text, key=key),
        title=" ".join(title.split()),
        source=" ".join(source.split()),
        author=" ".join(author.split()),
        published=published,
        url=url,
        text=text,
        tickers=merged,
    )


def extract_tickers(text: str) -> list[str]:
    """Tickers named in the text, by the foundation's symbol resolution."""
    from assistant.market.symbols import find_tickers

    return list(find_tickers(text))


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 4096 or not value.strip():
        return False
    if Path(value).exists():
        return True
    return Path(value).suffix.lower() in ARTICLE_SUFFIXES | HTML_SUFFIXES


def _sniff_html(raw: str) -> bool:
    head = raw[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(html|body|p|div|article)[\s>]", head)
    )


def _str(value: object) -> str:
    return "" if value is None else str(value).strip()


def _too_big(name: str, size: int) -> str:
    return (
        f"{name}: file is {size / 1024 / 1024:.1f} MB; the limit is "
        f"{MAX_BYTES // 1024 // 1024} MB per article"
    )
