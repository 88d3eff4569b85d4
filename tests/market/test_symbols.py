"""Symbol resolution: tickers, names, aliases, proxies, and no false positives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.market.symbols import Symbol, find_symbols, find_tickers, resolve


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("IJR", "IJR"),
        ("$IJR", "IJR"),
        ("ijr", "IJR"),
        ("(NYSE Arca: IWM)", "IWM"),
        ("^GSPC", "^GSPC"),
        ("S&P 600", "^SML"),
        ("S&P SmallCap 600", "^SML"),
        ("the S&P Small-Cap 600", "^SML"),
        ("small caps", "^SML"),
        ("Small-cap stocks", "^SML"),
        ("small-cap index", "^SML"),
        ("S&P 500", "^GSPC"),
        ("the S&P", "^GSPC"),
        ("SPX", "^GSPC"),
        ("broad market", "^GSPC"),
        ("Russell 2000", "^RUT"),
        ("the Russell", "^RUT"),
        ("Nasdaq-100", "^NDX"),
        ("Nasdaq 100", "^NDX"),
        ("the Nasdaq", "^IXIC"),
        ("the Dow", "^DJI"),
        ("Dow Jones Industrial Average", "^DJI"),
        ("Dow industrials", "^DJI"),
        ("the blue-chip Dow", "^DJI"),
        ("10-year yield", "DGS10"),
        ("10-year Treasury yield", "DGS10"),
        ("benchmark yield", "DGS10"),
        ("yield on the 10-year Treasury note", "DGS10"),
        ("fed funds rate", "FEDFUNDS"),
        ("federal funds rate", "FEDFUNDS"),
        ("the Fed's target range", "FEDFUNDS"),
        ("the Fed\u2019s benchmark rate", "FEDFUNDS"),
        ("policy rate", "FEDFUNDS"),
        ("iShares Core S&P Small-Cap ETF", "IJR"),
        ("iShares Russell 2000 ETF", "IWM"),
        ("SPDR S&P 500 ETF", "SPY"),
        ("Invesco QQQ", "QQQ"),
        ("Vanguard S&P Small-Cap 600 ETF", "VIOO"),
        ("AAPL", "AAPL"),
        ("(NASDAQ: AAPL)", "AAPL"),
    ],
)
def test_resolve(text: str, ticker: str) -> None:
    sym = resolve(text)
    assert sym is not None
    assert sym.ticker == ticker


def test_symbol_records() -> None:
    assert resolve("small caps") == Symbol("^SML", "S&P SmallCap 600", "index", "IJR")
    assert resolve("Nasdaq 100") == Symbol("^NDX", "Nasdaq-100", "index")
    assert resolve("the Dow") == Symbol("^DJI", "Dow Jones Industrial Average", "index", None)
    assert resolve("10-year yield") == Symbol("DGS10", "10-year Treasury yield", "yield")
    assert resolve("policy rate") == Symbol("FEDFUNDS", "Fed funds target range", "rate")
    assert resolve("(NYSE: XYZ)") == Symbol("XYZ", "XYZ", "stock")
    assert resolve("^FOO") == Symbol("^FOO", "^FOO", "index")
    assert resolve("VIOO") == Symbol("VIOO", "Vanguard S&P Small-Cap 600 ETF", "etf")


@pytest.mark.parametrize(
    "text", ["IT", "A", "I", "US", "CEO", "GDP", "apple", "", "  ", "stocks", "the market"]
)
def test_resolve_rejects_ordinary_words(text: str) -> None:
    assert resolve(text) is None


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], sym.ticker) for s, e, sym in find_symbols(text)]


def test_find_symbols_longest_match_wins() -> None:
    text = (
        "The iShares Core S&P Small-Cap ETF (IJR) tracks the S&P SmallCap 600, while "
        "the iShares Russell 2000 ETF follows the Russell 2000 and the S&P 500 rose."
    )
    assert spans(text) == [
        ("iShares Core S&P Small-Cap ETF", "IJR"),
        ("IJR", "IJR"),
        ("S&P SmallCap 600", "^SML"),
        ("iShares Russell 2000 ETF", "IWM"),
        ("Russell 2000", "^RUT"),
        ("S&P 500", "^GSPC"),
    ]


def test_find_symbols_ticker_forms() -> None:
    text = "Shares of Acme (NYSE: ACME) and $XYZ jumped; ^GSPC and QQQ were flat."
    assert spans(text) == [
        ("(NYSE: ACME)", "ACME"),
        ("$XYZ", "XYZ"),
        ("^GSPC", "^GSPC"),
        ("QQQ", "QQQ"),
    ]
    assert find_symbols(text)[0][2].kind == "stock"


def test_find_symbols_macro() -> None:
    text = (
        "The Fed cut the federal funds rate to a target range of 3.50%-3.75%, and the "
        "yield on the benchmark 10-year Treasury fell to 4.13%."
    )
    assert spans(text) == [
        ("federal funds rate", "FEDFUNDS"),
        ("yield on the benchmark 10-year Treasury", "DGS10"),
    ]


def test_the_sp_does_not_swallow_other_sp_indexes() -> None:
    assert spans("the S&P 600 and the S&P MidCap 400 and the S&P rose") == [
        ("S&P 600", "^SML"),
        ("S&P MidCap 400", "^MID"),
        ("the S&P", "^GSPC"),
    ]


def test_the_dow_is_not_the_transports() -> None:
    assert spans("the Dow Jones Transportation Average fell while the Dow rose") == [
        ("Dow Jones Transportation Average", "^DJT"),
        ("the Dow", "^DJI"),
    ]
    assert spans("Dow Jones Industrial Average") == [("Dow Jones Industrial Average", "^DJI")]


def test_no_false_positives_on_ordinary_words() -> None:
    text = (
        "IT spending rose. A CEO said the US GDP and CPI data matter; I think AI and ETF "
        "flows, the EPS beat and the IPO were in a rut. SPYGLASS and XQQQ are not tickers, "
        "nor is Spy or dia or qqq. Small cap of 5% and $5 billion."
    )
    assert find_symbols(text) == []


def test_find_tickers_distinct_in_order() -> None:
    text = "IWM beat IJR; the Russell 2000 and $IWM again, then the S&P 500 and IJR."
    assert find_tickers(text) == ["IWM", "IJR", "^RUT", "^GSPC"]


@given(st.text(max_size=200))
def test_find_symbols_never_crashes_and_never_overlaps(text: str) -> None:
    found = find_symbols(text)
    for (_s1, e1, _), (s2, _e2, _) in zip(found, found[1:], strict=False):
        assert e1 <= s2
    for s, e, sym in found:
        assert 0 <= s < e <= len(text)
        assert isinstance(sym, Symbol)
