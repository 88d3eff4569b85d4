"""The bundled sample article: every claim's verdict and computed value, exactly.

Explanations are rendered text: they are inline snapshots (`pytest --inline-snapshot=fix`
rewrites them after a wording change); the facts behind them are asserted directly."""

from __future__ import annotations

import json
from datetime import date

import pytest
from inline_snapshot import snapshot

from assistant.check import verify_article
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import CheckReport
from retrieval.articles import load_article
from tests.conftest import FIXTURES, ROOT

EXPECTED = json.loads((FIXTURES / "expected" / "small_caps_rally.json").read_text())


@pytest.fixture(scope="module")
def report() -> CheckReport:
    article = load_article(ROOT / EXPECTED["article"])
    return verify_article(article, SnapshotMarketData())


def test_article_date_comes_from_front_matter(report: CheckReport) -> None:
    assert report.as_of == date(2025, 12, 12)
    assert report.date_assumed is False


def test_every_expected_claim_is_found_in_order(report: CheckReport) -> None:
    text = report.article.text
    found = [text[c.span[0] : c.span[1]] for c in report.claims]
    assert found == [e["span_text"] for e in EXPECTED["claims"]]


@pytest.mark.parametrize("i", range(len(EXPECTED["claims"])))
def test_claim_verdict_and_value(report: CheckReport, i: int) -> None:
    got, want = report.claims[i], EXPECTED["claims"][i]
    assert (got.kind, got.verdict, got.claimed) == (want["kind"], want["verdict"], want["claimed"])
    if want["computed"] is None:
        assert got.computed is None
    else:
        assert got.computed == pytest.approx(want["computed"], abs=0.005)


def test_sample_covers_every_verdict_and_many_kinds(report: CheckReport) -> None:
    assert report.counts() == {
        "supported": 16,
        "approximate": 1,
        "contradicted": 2,
        "misdated": 4,
        "unverifiable": 2,
    }
    assert len({c.kind for c in report.claims}) >= 11


def test_misdated_price_names_where_it_belongs(report: CheckReport) -> None:
    price = next(c for c in report.claims if c.kind == "price")
    assert (price.verdict, price.claimed, price.computed) == ("misdated", 258.01, 258.2)
    assert [(e.ticker, e.dates, e.fields, e.values) for e in price.evidence] == [
        ("IWM", [date(2025, 12, 12)], ["high"], [258.2]),
        ("IWM", [date(2025, 12, 11)], ["high"], [258.01]),
    ]
    assert price.explanation == snapshot(
        "$258.01 is IWM's Dec 11, 2025 high; IWM's Dec 12, 2025 high was $258.20"
    )


def test_index_etf_mixup_names_the_etf(report: CheckReport) -> None:
    level = next(c for c in report.claims if c.claimed == 257.8)
    found = [(e.ticker, e.dates, e.fields, e.values) for e in level.evidence]
    assert ("IWM", [date(2025, 12, 11)], ["close"], [257.8]) in found
    assert level.explanation == snapshot(
        "257.80 is IWM's Dec 11, 2025 close; Russell 2000 (^RUT)'s Dec 11, 2025 close was 2,590.61"
    )


def test_bad_arithmetic_is_shown(report: CheckReport) -> None:
    move = next(c for c in report.claims if c.claimed == 9.5)
    assert (move.verdict, move.computed) == ("contradicted", 11.9679)
    assert move.explanation == snapshot(
        "the move was +11.97%; "
        "the stated prices imply +11.97%, not +9.50%; "
        "IJR Nov 20, 2025 close 112.05 to Dec 11, 2025 close 125.46: +11.97%"
    )


def test_receipt_of_proxied_index(report: CheckReport) -> None:
    c = report.claims[3]  # "the S&P 600 ... gained 2.6% in November" read through IJR
    ev = c.evidence[0]
    assert (ev.ticker, ev.source) == ("IJR", "snapshot")
    assert ev.dates == [date(2025, 10, 31), date(2025, 11, 28)]
    assert ev.values == [117.8, 120.87]
    assert ev.formula == "(120.87 / 117.8 - 1) * 100"
    assert ev.tolerance.startswith("supported within ±0.05 pt")


def test_point_in_time_never_uses_later_data() -> None:
    article = load_article(ROOT / EXPECTED["article"])
    early = verify_article(article, SnapshotMarketData(), as_of=date(2025, 12, 5))
    for c in early.claims:
        for e in c.evidence:
            assert all(d <= date(2025, 12, 5) for d in e.dates), (c.id, e.dates)


def test_cherry_picked_start_of_a_move_is_named() -> None:
    """The issue's example: 4% is the move from the Nov 22 low, not the close."""
    from assistant.check import verify_text

    text = "IWM rose 4% from its Nov 22 close to its Nov 25 high of $244.98."
    (c,) = verify_text(text, date(2024, 12, 3), SnapshotMarketData())
    assert (c.verdict, c.computed) == ("misdated", 2.6008)
    assert [(e.dates, e.fields, e.values) for e in c.evidence] == [
        ([date(2024, 11, 22), date(2024, 11, 25)], ["close", "high"], [238.77, 244.98]),
        ([date(2024, 11, 25)], ["high"], [244.98]),
        ([date(2024, 11, 22), date(2024, 11, 25)], ["low", "high"], [235.33, 244.98]),
    ]
    assert c.explanation == snapshot(
        "+4.10% is the move from IWM's Nov 22, 2024 low (235.33); "
        "from the stated close it was +2.60%; "
        "IWM Nov 22, 2024 close 238.77 to Nov 25, 2024 high 244.98: +2.60%"
    )


def test_real_price_on_the_wrong_day() -> None:
    from assistant.check import verify_text

    (c,) = verify_text(
        "IWM hit a high of $244.98 on Nov 26.", date(2024, 12, 3), SnapshotMarketData()
    )
    assert (c.verdict, c.computed) == ("misdated", 241.61)
    assert [(e.dates, e.fields, e.values) for e in c.evidence] == [
        ([date(2024, 11, 26)], ["high"], [241.61]),
        ([date(2024, 11, 25)], ["high"], [244.98]),
    ]
    assert c.explanation == snapshot(
        "$244.98 is IWM's Nov 25, 2024 high; IWM's Nov 26, 2024 high was $241.61"
    )
