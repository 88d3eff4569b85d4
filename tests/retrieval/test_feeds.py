"""Feed parsing: our fixtures imitate the real feeds' quirks; the real feeds must parse."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from assistant.errors import BadInputError
from retrieval.feeds import looks_like_feed, parse_feed
from tests.conftest import FIXTURES, SHARED_DATA

FEEDS = FIXTURES / "feeds"
UTC = timezone.utc


def test_rss_with_namespaces_html_and_odd_dates() -> None:
    result = parse_feed((FEEDS / "wire_markets.xml").read_bytes(), "wire_markets.xml")
    assert result.title == "Example Wire: Markets"
    assert result.failures == [("wire_markets.xml item 5", "item has no title and no text")]
    fed, ijr, oil, yields, fed_again = result.articles
    assert fed.title == "Fed cuts rates by a quarter point, signals a slower pace ahead"
    assert fed.text == (
        "The Federal Reserve cut its target range by 25 basis points to 3.50%\u20133.75%.\n\n"
        "Officials' projections pointed to fewer cuts in 2026."
    )
    assert fed.author == "Dana Whitfield"
    assert fed.published == datetime(2025, 12, 10, 19, 5, tzinfo=UTC)  # no seconds, GMT
    # line break inside <link>; tracking parameters do not change the id
    assert fed.url == (
        "https://wire.example.com/2025/12/10/fed-cuts-quarter-point.html"
        "?utm_source=rss&utm_campaign=markets"
    )
    assert fed_again.id == fed.id
    # Google-News style: " - Publisher" suffix, description repeating the title, <source>
    assert ijr.title == "Small-cap ETF IJR jumps as yields fall"
    assert ijr.text == "Small-cap ETF IJR jumps as yields fall"
    assert ijr.source == "Example Wire"
    assert ijr.published == datetime(2025, 11, 25, 21, 30, tzinfo=UTC)  # EST
    assert ijr.tickers[:2] == ["IJR", "IWM"]
    # no description: the title is the text; ISO date with offset
    assert oil.text == "Oil tops $80 a barrel on supply worries"
    assert oil.published == datetime(2025, 11, 20, 7, 0, tzinfo=UTC)
    # double-escaped entity, unparseable date, no link: content-hash id
    assert yields.text == (
        "The 10-year yield fell 6 basis points to 4.08% & the 2-year yield fell 4 basis points."
    )
    assert yields.published is None
    assert yields.url == ""


def test_atom_feed() -> None:
    result = parse_feed((FEEDS / "notes_atom.xml").read_bytes(), "notes_atom.xml")
    assert result.title == "Market Notes"
    first, second = result.articles
    assert first.title == "Nasdaq & S&P 500 end November mixed"
    assert first.text == (
        "The S&P 500 edged up 0.1% in November while the Nasdaq Composite lost 1.5%.\n\n"
        "QQQ fell 1.6%."
    )
    assert first.author == "Priya Raman"
    assert first.published == datetime(2025, 12, 1, 13, 0, tzinfo=UTC)
    assert second.url == ""  # a tag: URI is not a link
    assert second.published == datetime(2025, 11, 28, 18, 0, tzinfo=UTC)


def test_feed_sniffing_and_garbage() -> None:
    assert looks_like_feed((FEEDS / "wire_markets.xml").read_bytes())
    assert looks_like_feed((FEEDS / "notes_atom.xml").read_bytes())
    assert not looks_like_feed(b"<html><body><p>x</p></body></html>")
    with pytest.raises(BadInputError, match=r"^junk\.xml: not a readable feed"):
        parse_feed(b"this is not xml at all", "junk.xml")


REAL = SHARED_DATA / "feeds"
REAL_COUNTS = {
    "cnbc_finance_2019-07-29.xml": 30,
    "cnbc_international_top_news_2026-03-08.xml": 30,
    "googlenews_reuters_markets_2026-03-15.xml": 100,
    "nyt_business_2026-03-09.xml": 50,
    "seekingalpha_AAPL_2026-03-08.xml": 20,
}


@pytest.mark.skipif(not REAL.is_dir(), reason="real feeds folder absent")
@pytest.mark.parametrize("name", sorted(REAL_COUNTS))
def test_real_feeds_parse_cleanly(name: str) -> None:
    result = parse_feed((REAL / name).read_bytes(), name)
    assert result.failures == []
    assert len(result.articles) == REAL_COUNTS[name]
    assert len({a.id for a in result.articles}) == REAL_COUNTS[name]
    for a in result.articles:
        assert a.title and a.text and a.published is not None
        assert a.url.startswith("https://") and not any(c.isspace() for c in a.url)
        assert "<" not in a.text and "&amp;" not in a.text and "&#039;" not in a.text
        # Google News appends " - Reuters"; one real headline is itself "Transcript - Reuters"
        assert not a.title.endswith(" - Reuters") or a.title == "Transcript - Reuters"
