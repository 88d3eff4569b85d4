"""Issue 9.6: extremes over a period (biggest one-day gain or drop, best or worst month,
highest or lowest close), computed with receipts; expected values from the CSVs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant.chat.compute import compute
from assistant.chat.questions import DataQuery, Extreme, Period, find_extreme, parse_question
from assistant.market.snapshot import SnapshotMarketData
from assistant.verify.lookup import Lookup
from tests.chat.conftest import tool_results
from tests.chat.expected import closes, day_moves, month_moves
from tests.support.openai_server import OpenAIServer
from tests.support_cli import run_cli

AS_OF = date(2026, 1, 5)
YEAR_2025 = Period(date(2025, 1, 1), date(2025, 12, 31), "window", "2025")


@pytest.mark.parametrize(
    ("text", "span", "direction"),
    [
        ("What's the biggest one-day drop in QQQ in 2025?", "day", "down"),
        ("the largest daily gain", "day", "up"),
        ("its sharpest fall in a single day", "day", "down"),
        ("QQQ's worst day this year", "day", "down"),
        ("the biggest single-session move", "day", "any"),
        ("IJR's best month of 2025", "month", "up"),
        ("the biggest monthly decline", "month", "down"),
        ("the worst week for small caps", "week", "down"),
        ("SPY's highest close in 2025", "close", "up"),
        ("the lowest closing price", "close", "down"),
        ("a record close", "close", "up"),
    ],
)
def test_extremes_are_read_from_a_lexicon(text: str, span: str, direction: str) -> None:
    found = find_extreme(text)
    assert found is not None and found[0] == Extreme(span, direction)  # type: ignore[arg-type]


def test_the_extreme_words_are_not_a_window() -> None:
    query = parse_question("What's the biggest one-day drop in QQQ in 2025?", AS_OF)
    assert query == DataQuery("extreme", ("QQQ",), YEAR_2025, extreme=Extreme("day", "down"))
    gain = parse_question("And the biggest gain?", AS_OF, query)
    assert gain == DataQuery("extreme", ("QQQ",), YEAR_2025, extreme=Extreme("day", "up"))
    assert parse_question("And in 2024?", AS_OF, gain) == DataQuery(
        "extreme",
        ("QQQ",),
        Period(date(2024, 1, 1), date(2024, 12, 31), "window", "2024"),
        extreme=Extreme("day", "up"),
    )


def _compute(question: str):
    query = parse_question(question, AS_OF)
    assert query is not None
    return compute(query, Lookup(SnapshotMarketData(), AS_OF))


def test_best_month_and_highest_and_lowest_close_with_receipts() -> None:
    pct, d0, c0, d1, c1 = max(month_moves("IJR", 2025))
    assert (f"{pct:+.2f}", d0, c0, d1, c1) == (
        "+7.04", date(2025, 7, 31), 110.28, date(2025, 8, 29), 118.04,
    )  # fmt: skip
    (best,) = _compute("What was IJR's best month in 2025?")
    assert best.statement == (
        "IJR's best month in 2025 was +7.04% in August 2025 (price return: $110.28 at the "
        "Jul 31, 2025 close to $118.04 at the Aug 29, 2025 close; 12 months compared, to "
        "Dec 31, 2025)."
    )
    assert (best.label, best.value, best.start, best.end) == (
        "IJR best month, 2025", round(pct, 4), d0, d1,
    )  # fmt: skip
    assert best.evidence.formula == "(118.04 / 110.28 - 1) * 100"

    year = [(c, d) for d, c in closes("SPY") if date(2025, 1, 1) <= d <= date(2025, 12, 31)]
    high, low = max(year), min(year)
    assert (high, low, len(year)) == (
        (690.38, date(2025, 12, 24)), (496.48, date(2025, 4, 8)), 250,
    )  # fmt: skip
    (highest,) = _compute("What was the highest close of SPY in 2025?")
    assert highest.statement == (
        "SPY's highest close in 2025 was $690.38 on Dec 24, 2025 (the highest of 250 daily "
        "closes from Jan 2, 2025 to Dec 31, 2025)."
    )
    assert highest.evidence.formula == "max(close) over 2025-01-02..2025-12-31 (250 closes)"
    assert (highest.evidence.dates, highest.evidence.values) == ([date(2025, 12, 24)], [690.38])
    (lowest,) = _compute("And SPY's lowest close in 2025?")
    assert (lowest.value, lowest.start) == (496.48, date(2025, 4, 8))
    highest_query = parse_question("What was the highest close of SPY in 2025?", AS_OF)
    assert parse_question("And the lowest?", AS_OF, highest_query) == DataQuery(
        "extreme", ("SPY",), YEAR_2025, extreme=Extreme("close", "down")
    )


def test_worst_week_of_an_index_read_through_its_fund() -> None:
    (worst,) = _compute("What was the worst week for the S&P 600 in 2025?")
    assert worst.statement == (
        "The worst week of the S&P SmallCap 600 (^SML) in 2025 was -9.02% in the week to Apr "
        "4, 2025 (computed on its ETF proxy IJR) (price return: $104.01 at the Mar 28, 2025 "
        "close to $94.63 at the Apr 4, 2025 close; 53 weeks compared, to Dec 31, 2025)."
    )
    assert (worst.evidence.ticker, worst.evidence.proxy_for) == ("IJR", "^SML")


def test_biggest_one_day_drop_in_qqq_in_2025(home: Path, capsys, monkeypatch) -> None:
    moves = day_moves("QQQ", date(2025, 1, 1), date(2025, 12, 31))
    pct, d0, c0, d1, c1 = min(moves)
    assert (f"{pct:+.2f}", d0, c0, d1, c1, len(moves)) == (
        "-6.21", date(2025, 4, 3), 450.66, date(2025, 4, 4), 422.67, 250,
    )  # fmt: skip
    r = run_cli(["chat", "--once", "What's the biggest one-day drop in QQQ in 2025?"],
                capsys, monkeypatch)  # fmt: skip
    assert r.exit_code == 0, r.err
    assert r.out == (
        "QQQ's biggest one-day drop in 2025 was -6.21% on Apr 4, 2025 (price return: $450.66 "
        "at the Apr 3, 2025 close to $422.67 at the Apr 4, 2025 close; 250 sessions compared, "
        "to Dec 31, 2025) [D1].\n"
        "  [D1] QQQ biggest one-day drop, 2025 · snapshot\n"
    )


def test_the_llm_can_ask_for_an_extreme(
    home: Path, openai_server: OpenAIServer, capsys, monkeypatch
) -> None:
    for name, value in (
        ("OPENAI_BASE_URL", openai_server.base_url),
        ("FINNEWS_OFFLINE", "0"),
        ("FINNEWS_MODEL", "test-model"),
        ("FINNEWS_LLM_RETRIES", "0"),
    ):
        monkeypatch.setenv(name, value)  # fmt: skip
    arguments = {"metric": "biggest_daily_gain", "tickers": ["QQQ"], "period": "2025"}
    openai_server.enqueue(tool_calls=[{"name": "compute_metric", "arguments": arguments}])
    openai_server.enqueue("QQQ's best day of 2025 was Apr 9, up 12.00% [D1].")
    question = "When did tech stocks have their best day?"
    r = run_cli(["chat", "--once", question, "--snapshot", "--json"], capsys, monkeypatch)
    data = json.loads(r.out)
    assert data["text"] == "QQQ's best day of 2025 was Apr 9, up 12.00% [D1]."
    assert data["flagged"] == []
    pct, *_ = max(day_moves("QQQ", date(2025, 1, 1), date(2025, 12, 31)))
    assert [(x["label"], x["value"]) for x in data["receipts"]] == [
        ("QQQ biggest one-day gain, 2025", round(pct, 4))
    ]
    assert tool_results(openai_server)[0].startswith(
        "[D1] QQQ's biggest one-day gain in 2025 was +12.00% on Apr 9, 2025 (price return:"
    )
