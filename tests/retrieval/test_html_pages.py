"""Full HTML pages: the main text only (issue 8, section 4); feed fragments keep their reader."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from retrieval import maintext
from retrieval.articles import load_article, load_article_bytes
from retrieval.text import html_fragment_to_text
from tests.conftest import FIXTURES

PAGE = FIXTURES / "news" / "articles" / "page_markets.html"

PAGE_PARAGRAPHS = [
    "Small caps join the S&P 500 and the Dow at all-time highs; Treasury yields slip",
    "U.S. stocks extended a powerful start to August on Tuesday, with the S&P 500, the Dow "
    "Jones Industrial Average and the Russell 2000 all finishing at record highs as investors "
    "bet that cooling inflation would let the Federal Reserve resume cutting rates.",
    "The S&P 500 rose 136.02 points, or 1.8%, to 7,736.52. The blue-chip Dow gained 907.50 "
    "points, or 1.7%, to 54,085.90. The Nasdaq Composite and the Russell 2000 advanced 2.6% and "
    "1.8%, respectively, with small caps closing above 3,000 at a record for the first time "
    "since late June.",
    "The benchmark index has now climbed 3.3% since the start of the month after ending July "
    "with a slight loss, and it is up 13.0% for the year. The tech-heavy Nasdaq remains 1.9% "
    "short of the record it set in early June, while the Nasdaq-100 jumped 3.8% on the day.",
    "Chipmakers led the charge. Nvidia rose 2.6% to $211.94, and Apple gained 2.0%. Alphabet "
    "added 1.2% and JPMorgan Chase climbed 1.4%. Amazon was a notable laggard, falling 2.3% "
    "after a cautious outlook for its cloud unit, which it said would grow about 17% this "
    "quarter.",
    "Treasuries rallied alongside stocks. The yield on the 10-year note fell 6 basis points to "
    "4.63%, and the 2-year yield slipped to 4.20%. The Cboe Volatility Index, unusually, edged "
    "higher with stocks, ending at 16.50.",
    "Elsewhere, U.S. crude settled down 1.4%, and gold rose to about $3,410 an ounce.",
    '"Records beget records in August when the data cooperates," said Walter Imamura, chief '
    "equity strategist at Keystone Meridian. He raised his year-end target for the S&P 500 to "
    "8,100, implying a further gain of roughly 5% from Tuesday's close.",
    "About 18.2 billion shares changed hands across U.S. exchanges, and advancing issues led "
    "decliners by a 2.7-to-1 margin on the NYSE.",
]


def test_news_page_keeps_the_story_and_drops_the_furniture() -> None:
    a = load_article(PAGE)
    assert a.text.split("\n\n") == PAGE_PARAGRAPHS
    for furniture in (
        "DOW FUT", "54,112", "7,748.25", "$118,430", "Quotes delayed", "cookies", "Subscribe",
        "4 min read", "218 comments", "Related coverage", "4.35% APY", "Most read", "6.48%",
        "310,000", "1-800-555-0142", "Harbor Ledger Media", "title:", "---",
    ):  # fmt: skip
        assert furniture not in a.text, furniture


def test_news_page_front_matter_and_page_metadata() -> None:
    a = load_article(PAGE)
    assert a.title == "Stocks notch fresh records as August rally broadens"
    assert a.published == datetime(2026, 8, 4, 21, 5, tzinfo=timezone.utc)
    assert a.source == "The Harbor Ledger"
    assert a.url == "https://harborledger.example.com/markets/stocks-records-august-rally"


def test_page_without_front_matter_reads_its_own_metadata() -> None:
    a = load_article(FIXTURES / "articles" / "smallcaps_november.html")
    assert (a.title, a.source, a.author) == (
        "Small caps had their best month of the year",
        "Market Notes",
        "Priya Raman",
    )
    assert a.published == datetime(2025, 12, 1, 8, 15, tzinfo=timezone.utc)
    assert a.url == "https://marketnotes.example.org/2025/12/01/small-caps-november/"
    assert a.text == (
        "The Russell 2000 gained 10.8% in November, its strongest month since late 2024, "
        "as investors bet on lower borrowing costs.\n\n"
        "The S&P SmallCap 600 lagged slightly. IJR, the largest ETF tracking it, "
        "rose 7.6% over the month.\n\n"
        "Large caps were calmer: SPY added 0.2%.\nQQQ slipped 1.6%."
    )


def test_a_short_page_keeps_its_paragraphs_apart() -> None:
    page = (
        b"<!doctype html><html><head><title>Note</title></head><body>"
        b"<nav>Home | Markets</nav><div><p>IWM rose 2%.</p><p>QQQ fell 1%.</p></div>"
        b"<footer>Call 1-800-555-0100</footer></body></html>"
    )
    a = load_article_bytes(page, "note.html")
    assert (a.title, a.text) == ("Note", "IWM rose 2%.\n\nQQQ fell 1%.")


MOVERS = (
    "<html><head><title>Movers</title></head><body><nav>Home | Markets</nav>"
    "<ul><li>IWM rose 2%.</li><li>QQQ fell 1%.</li></ul>"
    "<footer>Call 1-800-555-0100</footer></body></html>"
)


@pytest.mark.parametrize(
    "picked",
    [None, "<html><body>Home | Markets</body></html>", "<html><body><p> </p></body></html>"],
)
def test_when_the_extractor_picks_no_story_every_paragraph_is_kept(
    picked: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(maintext, "main_content", lambda markup: picked)
    a = load_article_bytes(MOVERS.encode(), "<stdin>")
    assert (a.title, a.text) == ("Movers", "IWM rose 2%.\n\nQQQ fell 1%.")


def test_a_list_page_keeps_its_list() -> None:
    a = load_article_bytes(MOVERS.encode(), "movers.html")
    assert a.text == "IWM rose 2%.\n\nQQQ fell 1%."


def test_feed_fragments_keep_their_reader() -> None:
    fragment = "<p>IWM rose 2%.</p><div class='ad'>Buy now</div><p>QQQ fell 1%.</p>"
    assert html_fragment_to_text(fragment) == "IWM rose 2%.\n\nQQQ fell 1%."


def test_a_pages_tables_chart_captions_and_entry_stamps_are_read() -> None:
    page = (
        "<html><head><title>Week</title></head><body><article><h1>The week</h1>"
        + "<p>Stocks rose for a third straight week as chipmakers rallied and yields eased.</p>" * 3
        + "<table><tr><th>Index</th><th>Close</th></tr><tr><td>S&amp;P 500</td><td>5,088.80</td>"
        "</tr></table><figure><img src='c.png' alt=''><figcaption>The VIX has climbed 73% since "
        "the end of 2024.</figcaption></figure><section><h2><time datetime='x'>11:05 a.m. ET</time>"
        " &mdash; Nvidia slides</h2><p>Nvidia was down 17.5% as the selloff in chip stocks spread "
        "across the market.</p></section></article></body></html>"
    )
    text = load_article_bytes(page.encode(), "week.html").text
    for piece in ("| S&P 500 | 5,088.80 |", "The VIX has climbed 73%", "11:05 a.m. ET"):
        assert piece in text, piece
