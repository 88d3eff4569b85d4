"""Issue 9 item 7: the report never flags its own text. Names and tickers ("S&P SmallCap
600", "Russell 2000", "^RUT") are not claims, and `--unchecked remove` keeps the data
sentences finnews writes from its receipts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.numbers import FLAG
from tests.conftest import ROOT
from tests.support_cli import run_cli

SMALL_AND_MID = """---
title: Small and mid caps lead the way in November
published: 2025-12-12
source: finnews test desk
---
The S&P SmallCap 600 gained 2.6% in November, according to its tracking fund, while the \
S&P MidCap 400 added 1.1% in November.

The Russell 2000 rose 0.9% in November. Strategists expect small caps to keep \
outperforming in 2026.
"""


def analyze(args: list[str], capsys, monkeypatch) -> dict[str, Any]:
    r = run_cli(["analyze", "--offline", "--json", *args], capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    assert "Traceback" not in r.err
    return json.loads(r.out)


def written(report: dict[str, Any]) -> list[str]:
    """Every sentence of the report finnews wrote or quoted."""
    parts = ("analysis", "key_insights", "risks", "opportunities")
    return [s["text"] for part in parts for s in report[part]]


def data_sentences(report: dict[str, Any]) -> list[str]:
    return [t for t in written(report) if t.startswith("Since its ") or "moved most" in t]


@pytest.fixture
def small_and_mid(tmp_path: Path) -> str:
    path = tmp_path / "small_and_mid.md"
    path.write_text(SMALL_AND_MID)
    return str(path)


def test_bundled_sample_flags_nothing_and_remove_keeps_the_data_sentences(
    capsys, monkeypatch
) -> None:
    flagged = analyze([], capsys, monkeypatch)
    assert [t for t in written(flagged) if FLAG in t] == []
    assert flagged["number_check"]["untraced"] == 0
    removed = analyze(["--unchecked", "remove"], capsys, monkeypatch)
    assert data_sentences(removed) == data_sentences(flagged)
    assert data_sentences(removed) == [
        "Since its Sep 30 close, the data shows Russell 2000 (^RUT) +4.72% [D1], S&P 500 "
        "(^GSPC) +2.08% [D2], IWM +4.91% [D3], IJR +4.45% [D4], QQQ +2.21% [D5], Dow Jones "
        "Industrial Average (^DJI) +4.44% [D6].",
        "Over the window, IWM moved most, +4.91% [D3].",
    ]
    assert removed["number_check"]["removed_sentences"] == 0


def test_numbers_in_index_names_are_never_flagged(small_and_mid: str, capsys, monkeypatch) -> None:
    report = analyze([small_and_mid], capsys, monkeypatch)
    (data,) = [t for t in written(report) if t.startswith("Since its ")]
    assert data.startswith("Since its Oct 31 close, the data shows S&P SmallCap 600 (")
    assert "S&P MidCap 400 (" in data and "Russell 2000 (^RUT) " in data
    assert FLAG not in data
    assert report["number_check"]["untraced"] == 0


def test_remove_keeps_a_data_sentence_that_names_indexes(
    small_and_mid: str, capsys, monkeypatch
) -> None:
    flagged = analyze([small_and_mid], capsys, monkeypatch)
    removed = analyze([small_and_mid, "--unchecked", "remove"], capsys, monkeypatch)
    assert len(data_sentences(flagged)) == 2
    assert data_sentences(removed) == data_sentences(flagged)
    assert removed["number_check"]["removed_sentences"] == 0


@pytest.mark.parametrize("name", ["wire_wrap_1", "intraday_2"])
def test_receipts_quoted_in_insights_are_not_flagged(name: str, capsys, monkeypatch) -> None:
    """The offline engine quotes wrong claims with their receipts ("+1.12% is the Nasdaq's
    move on Oct 8"): finnews's own receipts are never re-read as claims (issue 9, item 7)."""
    path = ROOT / "fixtures" / "news" / "articles" / f"{name}.md"
    r = run_cli(["analyze", str(path), "--offline"], capsys, monkeypatch)
    assert r.exit_code == 0
    assert "Key insights" in r.out
    assert "⚠" not in r.out
