"""Article files into Article: formats, front matter, and one-line errors."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from assistant.errors import BadInputError
from retrieval.articles import (
    MAX_BYTES,
    article_id,
    canonical_url,
    load_article,
    load_article_bytes,
    parse_date,
)
from tests.conftest import FIXTURES

ARTICLES = FIXTURES / "articles"


def test_markdown_with_front_matter() -> None:
    a = load_article(ARTICLES / "fed_cut_2025-12-10.md")
    assert a.title == "Fed trims its policy rate by a quarter point for the third meeting in a row"
    assert a.source == "Example Wire"
    assert a.author == "Dana Whitfield"
    assert a.published == datetime(2025, 12, 10, 19, 30, tzinfo=timezone.utc)
    assert (
        a.url == "https://news.example.com/markets/fed-cut-december?utm_source=rss&utm_medium=feed"
    )
    assert a.id == article_id("https://news.example.com/markets/fed-cut-december", "", "")
    assert a.text.split("\n\n") == [
        "The Federal Reserve lowered its benchmark rate by 25 basis points on Wednesday, "
        "leaving the federal funds target range at 3.50%-3.75%. It was the third straight "
        "quarter-point cut, and three officials dissented.",
        "Treasury yields moved little after the decision. The 10-year yield ended the day "
        "near 4.13%, while the S&P 500 rose 0.7%.",
        "Small caps reacted more strongly. The iShares Core S&P Small-Cap ETF (IJR) gained "
        "1.3% and the Russell 2000 fund IWM closed at a record.",
    ]


def test_html_page_becomes_clean_paragraphs() -> None:
    a = load_article(ARTICLES / "smallcaps_november.html")
    assert a.title == "Small caps had their best month of the year"
    assert a.source == "Market Notes"
    assert a.author == "Priya Raman"
    assert a.url == "https://marketnotes.example.org/2025/12/01/small-caps-november/"
    assert a.published == datetime(2025, 12, 1, 8, 15, tzinfo=timezone.utc)
    assert a.text == (
        "The Russell 2000 gained 10.8% in November, its strongest month since late 2024, "
        "as investors bet on lower borrowing costs.\n\n"
        "The S&P SmallCap 600 lagged slightly. IJR, the largest ETF tracking it, "
        "rose 7.6% over the month.\n\n"
        "Large caps were calmer: SPY added 0.2%.\nQQQ slipped 1.6%."
    )
    for junk in ("dataLayer", "track(", "font-family", "Subscribe", "Advertisement", "\u00a9",
                 "By Priya"):  # fmt: skip
        assert junk not in a.text


def test_plain_text_with_crlf_and_title_line() -> None:
    a = load_article(ARTICLES / "weekly_wrap.txt")
    assert a.title == "Weekly wrap"
    assert a.published is None
    assert a.source == ""
    assert a.text == (
        "Stocks ended the week mixed. The Dow rose 0.4% while the Nasdaq fell 0.9%.\n\n"
        "Oil prices climbed above $80 a barrel."
    )


def test_text_input_without_url_gets_content_id() -> None:
    a = load_article("Rates\n\nThe Fed held rates steady at 4.25%-4.50%.\n")
    b = load_article("Rates\n\nThe Fed held rates steady at 4.25%-4.50%.\n")
    c = load_article("Rates\n\nThe Fed held rates steady at 4.50%-4.75%.\n")
    assert a.id == b.id == article_id("", "Rates", "The Fed held rates steady at 4.25%-4.50%.")
    assert a.id != c.id
    assert len(a.id) == 16


def test_html_sniffed_from_text_without_suffix() -> None:
    a = load_article_bytes(b"<html><body><p>One.</p><p>Two.</p></body></html>", "<stdin>")
    assert a.text == "One.\n\nTwo."


def test_utf8_bom_and_utf16_are_read() -> None:
    assert load_article_bytes("\ufeffHello markets.".encode(), "a.txt").text == "Hello markets."
    assert load_article_bytes("Caf\u00e9 stocks.".encode("utf-16"), "a.txt").text == (
        "Caf\u00e9 stocks."
    )


def test_front_matter_date_only_and_naive_times_are_utc() -> None:
    a = load_article_bytes(b"---\npublished: 2025-11-25\n---\nBody text.\n", "a.md")
    assert a.published == datetime(2025, 11, 25, tzinfo=timezone.utc)
    b = load_article_bytes(b"---\ndate: 2025-11-25 16:00\n---\nBody text.\n", "a.md")
    assert b.published == datetime(2025, 11, 25, 16, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mon, 29 Jul 2019 13:55 GMT", datetime(2019, 7, 29, 13, 55, tzinfo=timezone.utc)),
        ("Sun, 08 Mar 2026 07:23:46 -0400", datetime(2026, 3, 8, 11, 23, 46, tzinfo=timezone.utc)),
        ("2025-12-10 2:30 PM EST", datetime(2025, 12, 10, 19, 30, tzinfo=timezone.utc)),
        ("not a date", None),
        ("", None),
    ],
)
def test_parse_date(value: str, expected: datetime | None) -> None:
    assert parse_date(value) == expected


def test_canonical_url_drops_tracking_and_whitespace() -> None:
    assert (
        canonical_url(
            "\n   HTTPS://Seekingalpha.com/article/1-x/?source=feed_symbol_AAPL&utm_medium=rss#top"
        )
        == "https://seekingalpha.com/article/1-x"
    )
    assert canonical_url("https://news.google.com/rss/articles/CBM?oc=5") == (
        "https://news.google.com/rss/articles/CBM"
    )
    assert canonical_url("https://x.com/a?id=3&b=2") == "https://x.com/a?id=3&b=2"


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.md", "empty.md: file is empty"),
        (b"  \n\n ", "blank.txt", "blank.txt: file is empty"),
        (
            b"PK\x03\x04\x00\x00binary",
            "doc.txt",
            "doc.txt: looks like a binary file (NUL bytes); give a .md, .txt or .html article",
        ),
        (
            "Caf\u00e9 au lait".encode("latin-1"),
            "old.txt",
            "old.txt: not UTF-8 text (byte 0xe9 at offset 3); "
            "convert it, e.g. `iconv -f latin1 -t utf-8`",
        ),
        (
            b"%PDF-1.7",
            "report.pdf",
            "report.pdf: .pdf files are not supported; save the article as .md, .txt or .html",
        ),
        (b"---\ntitle: x\n---\n\n", "a.md", "a.md: no article text found (empty body)"),
        (
            b"<html><script>x()</script></html>",
            "a.html",
            "a.html: no article text found (empty body)",
        ),
        (
            b"---\ntitle: [oops\n---\nBody\n",
            "a.md",
            "a.md: front matter is not valid YAML near line 3",
        ),
        (
            b"---\npublished: next tuesday-ish\n---\nBody\n",
            "a.md",
            "a.md: published 'next tuesday-ish' is not a date; use e.g. 2025-12-10",
        ),
    ],
)
def test_bad_input_errors_are_one_line(data: bytes, name: str, message: str) -> None:
    with pytest.raises(BadInputError) as info:
        load_article_bytes(data, name)
    assert str(info.value) == message


def test_too_big_file_is_rejected_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "huge.md"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: nothing to read
    with pytest.raises(BadInputError) as info:
        load_article(big)
    assert str(info.value) == f"{big}: file is 10.0 MB; the limit is 10 MB per article"
    with pytest.raises(BadInputError, match="the limit is 10 MB"):
        load_article_bytes(b"a" * (MAX_BYTES + 1), "big.txt")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(BadInputError) as info:
        load_article(tmp_path / "nope.md")
    assert str(info.value) == f"{tmp_path / 'nope.md'}: no such file"
    with pytest.raises(BadInputError) as info:
        load_article(tmp_path)
    assert str(info.value) == f"{tmp_path}: is a directory; give an article file"
    with pytest.raises(BadInputError, match="no such file"):
        load_article("missing.html")
