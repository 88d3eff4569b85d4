"""Pure text cleaning: HTML to paragraphs, whitespace, light markdown removal."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements whose content is never article text.
_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "nav",
    "footer",
    "form",
    "iframe",
}
# Elements that end a paragraph.
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "aside", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table",
    "tr", "figure", "figcaption", "hr", "body", "html",
}  # fmt: skip
_SKIP_CLASSES = {"ad", "ads", "advert", "advertisement", "promo", "newsletter", "share", "social"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"}

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2009\u202f\u200b]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")


@dataclass
class HtmlPage:
    """What an HTML page says about itself, and its text as paragraphs."""

    text: str
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    canonical: str = ""
    time: str = ""


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skip_tag = ""
        self.skip_count = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.in_h1 = False
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.time = ""
        self.in_row = False  # inside a table row with a cell opened

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a and key not in self.meta:
                self.meta[key] = a["content"].strip()
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = a.get("href", "").strip()
        elif tag == "time" and not self.time:
            self.time = a.get("datetime", "").strip()
        if self.skip_count:
            if tag == self.skip_tag:
                self.skip_count += 1
            return
        classes = set((a.get("class", "") + " " + a.get("id", "")).lower().split())
        if (tag in _SKIP or classes & _SKIP_CLASSES) and tag not in _VOID:
            self.skip_tag, self.skip_count = tag, 1
            return
        if tag == "br":
            self.current.append("\n")
        elif tag in ("td", "th"):  # a table row reads as "| S&P 500 | 5,088.80 | +1.7% |"
            self.current.append(" | " if "".join(self.current).strip() else "| ")
            self.in_row = True
        elif tag in _BLOCK:
            self._flush()
        if tag == "h1":
            self.in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skip_count:
            if tag == self.skip_tag:
                self.skip_count -= 1
            return
        if tag == "h1":
            self.in_h1 = False
        if tag == "tr" and self.in_row:
            self.current.append(" |")
            self.in_row = False
        if tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_count:
            return
        data = data.replace("\n", " ")
        self.current.append(data)
        if self.in_h1:
            self.h1_parts.append(data)

    def _flush(self) -> None:
        para = clean_inline("".join(self.current))
        self.current = []
        if para:
            self.paragraphs.append(para)

    def close(self) -> None:
        super().close()
        self._flush()


def clean_inline(text: str) -> str:
    """Collapse runs of spaces inside lines; keep explicit line breaks; trim."""
    lines = [_SPACES.sub(" ", line.replace("\r", " ")).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def html_to_page(markup: str) -> HtmlPage:
    """Strip tags, scripts and styles; keep paragraphs separated by blank lines."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    paragraphs = parser.paragraphs
    title = clean_inline(" ".join(parser.title_parts)).replace("\n", " ")
    if not title:
        title = clean_inline(" ".join(parser.h1_parts)).replace("\n", " ")
    return HtmlPage(
        text="\n\n".join(paragraphs),
        title=title,
        meta=parser.meta,
        canonical=parser.canonical,
        time=parser.time,
    )


def html_fragment_to_text(fragment: str) -> str:
    """Text of a feed description, which may hold escaped or raw HTML."""
    if "<" not in fragment and "&" not in fragment:
        return normalize_text(fragment)
    return normalize_text(html_to_page(fragment).text)


def normalize_text(text: str) -> str:
    """Unify newlines, collapse spaces, at most one blank line between paragraphs."""
    text = html.unescape(text) if "&" in text and re.search(r"&#?\w+;", text) else text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [clean_inline(p) for p in re.split(r"\n\s*\n", text)]
    return _MANY_NEWLINES.sub("\n\n", "\n\n".join(p for p in paragraphs if p)).strip()


_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)


_LIST_LINE = re.compile(r"^\s*([-*+>|]|\d+[.)])\s")


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines inside paragraphs; keep list, quote and table lines apart."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in para.split("\n") if line.strip()]
        joined: list[str] = []
        for line in lines:
            if joined and not _LIST_LINE.match(line):
                joined[-1] = f"{joined[-1]} {line}"
            else:
                joined.append(line)
        out.append("\n".join(joined))
    return "\n\n".join(p for p in out if p)


def markdown_to_text(text: str) -> str:
    """Drop link targets, bold markers and heading hashes; keep the words."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPH.sub(r"\2", text)
    return _MD_HEADING.sub("", text)
