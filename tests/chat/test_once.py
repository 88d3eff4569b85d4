"""`finnews chat --once`: data questions answered by computation, with exact values.

Values, windows and evidence are asserted directly (from `--json`); the answer's wording is
an inline snapshot (`pytest --inline-snapshot=fix` rewrites it after a wording change)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from inline_snapshot import snapshot

from tests.chat.conftest import tool_results
from tests.chat.expected import fed_changes, period_return, trailing_volatility
from tests.support.openai_server import OpenAIServer
from tests.support_cli import run_cli


def _once(question: str, capsys, monkeypatch, *extra: str):
    return run_cli(["chat", "--once", question, *extra], capsys, monkeypatch)


def _receipt(question: str, capsys, monkeypatch) -> tuple:
    """The one receipt of a data answer: its value and window, and its evidence."""
    data = json.loads(_once(question, capsys, monkeypatch, "--json").out)
    assert (data["kind"], data["engine"], data["flagged"]) == ("data", "offline", [])
    (r,) = data["receipts"]
    ev = r["evidence"]
    return (r["value"], r["unit"], r["start"], r["end"]), (ev["dates"], ev["values"])


def test_ijr_in_november_2025(home: Path, capsys, monkeypatch) -> None:
    pct, d0, c0, d1, c1 = period_return("IJR", date(2025, 11, 1), date(2025, 11, 30))
    assert f"{pct:+.2f}" == "+2.61"  # the known value
    assert (d0, c0, d1, c1) == (date(2025, 10, 31), 117.8, date(2025, 11, 28), 120.87)
    question = "How did IJR do in November 2025?"
    assert _receipt(question, capsys, monkeypatch) == (
        (round(pct, 4), "%", "2025-10-31", "2025-11-28"),
        (["2025-10-31", "2025-11-28"], [117.8, 120.87]),
    )
    r = _once(question, capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    assert r.out == snapshot("""\
IJR returned +2.61% in November 2025 (price return: $117.80 at the Oct 31, 2025 close to $120.87 at the Nov 28, 2025 close) [D1].
  [D1] IJR price return, November 2025 · snapshot
""")


def test_spy_one_year_volatility_at_the_end_of_2025(home: Path, capsys, monkeypatch) -> None:
    vol, n = trailing_volatility("SPY", date(2024, 12, 31), date(2025, 12, 31))
    assert (f"{vol:.2f}", n) == ("19.32", 250)
    question = "What was SPY's one-year volatility at the end of 2025?"
    value, _evidence = _receipt(question, capsys, monkeypatch)
    assert value == (round(vol, 4), "%", "2024-12-31", "2025-12-31")
    assert _once(question, capsys, monkeypatch).out == snapshot("""\
SPY's annualized volatility over the year to Dec 31, 2025 was 19.32% (sample standard deviation of 250 daily log returns from the Dec 31, 2024 close to the Dec 31, 2025 close, times the square root of 252) [D1].
  [D1] SPY annualized volatility, the year to Dec 31, 2025 · snapshot
""")


def test_last_fed_cut(home: Path, capsys, monkeypatch) -> None:
    effective, old_lo, old_hi, new_lo, new_hi = [c for c in fed_changes() if c[3] < c[1]][-1]
    assert effective == date(2025, 12, 11)  # decided Dec 10, 2025; FRED dates it a day later
    assert round((new_hi - old_hi) * 100) == -25 and (new_lo, new_hi) == (3.5, 3.75)
    question = "When did the Fed last cut rates, and by how much?"
    assert _receipt(question, capsys, monkeypatch) == (
        (-25.0, "bp", "2025-12-10", "2025-12-10"),
        (["2025-12-10", "2025-12-11"], [old_hi, new_hi]),
    )
    assert _once(question, capsys, monkeypatch).out == snapshot("""\
The Fed last cut rates on Dec 10, 2025, by 25 bp, from 3.75-4.00% to 3.50-3.75% (the FOMC decision day; FRED dates the new range from Dec 11, 2025); it was the third cut in a row; the target range data runs through Jun 5, 2026 [D1].
  [D1] Fed funds target: last cut · snapshot (FRED DFEDTARL/DFEDTARU, effective dates)
""")


def test_compare_iwm_and_qqq_in_q1_2026(home: Path, capsys, monkeypatch) -> None:
    iwm = period_return("IWM", date(2026, 1, 1), date(2026, 3, 31))
    qqq = period_return("QQQ", date(2026, 1, 1), date(2026, 3, 31))
    assert (f"{iwm[0]:+.2f}", f"{qqq[0]:+.2f}", f"{iwm[0] - qqq[0]:.2f}") == (
        "+0.75", "-6.04", "6.79",
    )  # fmt: skip
    r = _once("Compare IWM and QQQ in Q1 2026", capsys, monkeypatch, "--json")
    data = json.loads(r.out)
    assert data["kind"] == "data" and data["engine"] == "offline" and data["flagged"] == []
    assert [(x["id"], x["value"], x["start"], x["end"]) for x in data["receipts"]] == [
        ("D1", round(iwm[0], 4), "2025-12-31", "2026-03-31"),
        ("D2", round(qqq[0], 4), "2025-12-31", "2026-03-31"),
        ("D3", round(iwm[0] - qqq[0], 4), "2025-12-31", "2026-03-31"),
    ]
    assert data["receipts"][0]["evidence"]["values"] == [246.16, 248.0]
    assert data["receipts"][1]["evidence"]["formula"] == "(577.18 / 614.31 - 1) * 100"
    assert data["text"] == snapshot("""\
IWM returned +0.75% in Q1 2026 (price return: $246.16 at the Dec 31, 2025 close to $248.00 at the Mar 31, 2026 close) [D1].

QQQ returned -6.04% in Q1 2026 (price return: $614.31 at the Dec 31, 2025 close to $577.18 at the Mar 31, 2026 close) [D2].

IWM did better than QQQ in Q1 2026 by 6.79 percentage points (+0.75% for IWM against -6.04% for QQQ) [D3].\
""")


def test_news_question_offline_quotes_passages_with_their_source(
    home: Path, capsys, monkeypatch
) -> None:
    question = "What did analysts say about falling Treasury yields?"
    r = _once(question, capsys, monkeypatch, "--json")
    data = json.loads(r.out)
    assert data["kind"] == "news"
    assert data["text"] == snapshot("""\
From the indexed news (offline mode: quoted sentences, no language model):
- "Analysts said falling Treasury yields drove the move into smaller companies." [1]
- "Treasury yields moved little after the decision." [2]
- "The 10-year yield ended the day near 4.13%, while the S&P 500 rose 0.7%." [2]\
""")
    assert [(c["n"], c["title"], c["source"], c["published"][:10]) for c in data["citations"]] == [
        (1, "Small caps lead the November rebound", "Test Desk", "2025-12-01"),
        (2, "Fed trims its policy rate by a quarter point for the third meeting in a row",
         "Example Wire", "2025-12-10"),
    ]  # fmt: skip
    assert data["flagged"] == []


def test_nothing_indexed_answers_it_and_it_says_so(home: Path, capsys, monkeypatch) -> None:
    r = _once("Who won the World Cup final?", capsys, monkeypatch, "--json")
    data = json.loads(r.out)
    assert (data["kind"], data["citations"], data["receipts"]) == ("none", [], [])
    assert data["text"] == snapshot("The indexed news and market data do not answer this.")


def test_json_needs_once(home: Path, capsys, monkeypatch) -> None:
    r = run_cli(["chat", "--json"], capsys, monkeypatch)
    assert r.exit_code == 2
    assert "--json needs --once QUESTION" in r.err


# -- with an LLM ----------------------------------------------------------------------------
def test_llm_answer_uses_a_tool_and_its_numbers_are_checked(
    home: Path, llm_env: OpenAIServer, capsys, monkeypatch
) -> None:
    llm_env.enqueue(
        tool_calls=[
            {
                "name": "compute_metric",
                "arguments": {"metric": "return", "tickers": ["IJR"], "period": "November 2025"},
            }
        ]
    )
    llm_env.enqueue(
        "IJR gained 2.61% in November 2025 [D1]. It rose 9.9% in December [D1]. "
        "That was its best month [1].",
        chunk_size=7,
    )
    r = _once("What happened to smaller companies?", capsys, monkeypatch, "--snapshot", "--json")
    data = json.loads(r.out)
    assert data["engine"] == "test-model" and data["kind"] == "llm"
    assert data["text"] == (
        "IJR gained 2.61% in November 2025 [D1]. It rose ⚠9.9%[unchecked] in December [D1]. "
        "That was its best month [1]."
    )
    assert [f["text"] for f in data["flagged"]] == ["9.9%"]
    assert [f["reason"] for f in data["flagged"]] == snapshot(
        ["no cited passage or data receipt has this number"]
    )
    (receipt,) = data["receipts"]
    assert (receipt["id"], receipt["value"], receipt["evidence"]["source"]) == (
        "D1", 2.6061, "snapshot",
    )  # fmt: skip
    (result,) = tool_results(llm_env)
    assert result.startswith("[D1] IJR returned +2.61% in November 2025 (price return:")
    first = llm_env.completion_requests[0].body
    assert [t["function"]["name"] for t in first["tools"]] == [
        "search_news", "price_history", "compute_metric", "verify_claim",
    ]  # fmt: skip
    assert first["stream"] is True
    assert (
        "<passages>\n[1] Small caps lead the November rebound (Test Desk, 2025-12-01)"
        in (first["messages"][1]["content"])
    )


def test_llm_failure_falls_back_to_the_offline_answer(
    home: Path, llm_env: OpenAIServer, capsys, monkeypatch
) -> None:
    llm_env.enqueue(status=503)
    r = _once("How did IJR do in November 2025?", capsys, monkeypatch, "--snapshot")
    assert r.exit_code == 0
    lines = r.out.splitlines()
    assert lines[0].startswith("[test-model failed (The LLM server at http://127.0.0.1:")
    assert lines[0].endswith("answered in offline mode]")
    assert lines[1].startswith("IJR returned +2.61% in November 2025 (price return:")
