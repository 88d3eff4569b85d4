"""The eval set is generated from the snapshot, covers every claim type, and the checker
scores at least 95% on it without ever calling a contradicted claim supported."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.conftest import FIXTURES, ROOT

EVAL_DIR = FIXTURES / "eval"
CASES = EVAL_DIR / "cases.jsonl"
TYPES = {
    "pct_change",
    "price",
    "index_level",
    "move",
    "rate_change",
    "rate_level",
    "rate_count",
    "yield_level",
    "yield_change",
    "volatility",
    "drawdown",
    "ratio",
    "unverifiable",
}


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("finnews_bench_eval", ROOT / "bench" / "eval.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up here
    spec.loader.exec_module(mod)
    return mod


bench = _load_bench()


def _rows() -> list[dict]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines()]


# -- the data set -------------------------------------------------------------------------
def test_cases_file_is_exactly_what_the_generator_writes(tmp_path: Path) -> None:
    out = tmp_path / "cases.jsonl"
    subprocess.run(
        [sys.executable, str(EVAL_DIR / "build_cases.py"), "--out", str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert out.read_bytes() == CASES.read_bytes()


def test_cases_cover_every_type_and_verdict() -> None:
    rows = _rows()
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    assert {r["type"] for r in rows} == TYPES
    assert min(Counter(r["type"] for r in rows).values()) >= 5
    share = {v: n / len(rows) for v, n in Counter(r["verdict"] for r in rows).items()}
    assert set(share) == set(bench.VERDICTS)
    assert 0.35 <= share["supported"] <= 0.50
    assert 0.08 <= share["approximate"] <= 0.15
    assert 0.20 <= share["contradicted"] <= 0.30
    assert 0.08 <= share["misdated"] <= 0.15
    assert 0.12 <= share["unverifiable"] <= 0.20


def test_each_case_is_well_formed() -> None:
    for r in _rows():
        assert set(r) == {"id", "type", "text", "date", "verdict", "value", "note"}, r["id"]
        assert (r["value"] is None) == (r["verdict"] == "unverifiable"), r["id"]
        assert date(2015, 1, 2) <= date.fromisoformat(r["date"]) <= date(2026, 9, 25), r["id"]
        assert r["note"], r["id"]
        assert "{" not in r["text"] and "[" not in r["text"], r["id"]


def test_known_values_in_the_set() -> None:
    """A few truths checked by hand against the CSVs."""
    by_text = {r["text"]: r for r in _rows()}
    assert by_text["The Russell 2000 gained 0.85% in November."]["value"] == 0.849
    assert by_text["IWM hit an intraday high of $244.98 on Nov 25, 2024."]["value"] == 244.98
    misdated = by_text["IWM hit a high of $244.98 on Nov 26, 2024."]
    assert (misdated["verdict"], misdated["value"]) == ("misdated", 241.61)
    assert by_text["In 2022 the 10-year yield climbed 236 basis points."]["value"] == 236.0
    assert by_text["In September the Fed cut rates by 50 basis points."]["value"] == -50.0
    assert by_text["IWM's annualized volatility in 2025 was 22.8%."]["value"] == 22.8165
    # the record close, 242.56 on Nov 8, 2021; 174.82 on Apr 8, 2025
    assert by_text["IWM is now 27.9% below its peak."]["value"] == -27.9271


# -- the scorer, on a fake checker ----------------------------------------------------------
@dataclass
class FakeClaim:
    kind: str
    verdict: str
    computed: float | None
    explanation: str = ""


def _case(verdict: str, value: float | None, kind: str = "pct_change") -> Any:
    return bench.Case("x-001", kind, "text", date(2025, 12, 5), verdict, value)


def test_no_claim_counts_as_unverifiable_only_when_expected() -> None:
    assert bench.score(_case("unverifiable", None, "unverifiable"), []).verdict_ok
    out = bench.score(_case("supported", 1.0), [])
    assert (out.got, out.verdict_ok, out.value_ok) == ("miss", False, False)


def test_value_tolerance_is_0_011() -> None:
    ok = bench.score(_case("supported", 10.83), [FakeClaim("pct_change", "supported", 10.84)])
    bad = bench.score(_case("supported", 10.83), [FakeClaim("pct_change", "supported", 10.842)])
    assert (ok.ok, bad.verdict_ok, bad.value_ok, bad.ok) == (True, True, False, False)


def test_split_claims_score_the_case_kind_else_the_most_severe() -> None:
    parts = [FakeClaim("price", "supported", 244.98), FakeClaim("pct_change", "contradicted", 1.5)]
    assert bench.score(_case("contradicted", 2.6, "move"), parts).got == "contradicted"
    whole = parts + [FakeClaim("move", "misdated", 1.19)]
    out = bench.score(_case("misdated", 1.19, "move"), whole)
    assert (out.got, out.computed, out.n_claims) == ("misdated", 1.19, 3)
    forecast = [FakeClaim("other", "unverifiable", None), FakeClaim("pct_change", "supported", 8)]
    assert bench.score(_case("unverifiable", None, "unverifiable"), forecast).got == "supported"


def test_confusion_matrix_and_report() -> None:
    fake = {
        "a": [FakeClaim("pct_change", "supported", 1.0)],
        "b": [FakeClaim("pct_change", "supported", 2.0)],
        "c": [],
    }
    cases = [
        bench.Case("pct-001", "pct_change", "a", date(2025, 12, 5), "supported", 1.0),
        bench.Case("pct-002", "pct_change", "b", date(2025, 12, 5), "contradicted", 2.0),
        bench.Case("unver-001", "unverifiable", "c", date(2025, 12, 5), "unverifiable", None),
    ]
    res = bench.run_eval(cases, verify=lambda text, as_of: fake[text])
    assert res.accuracy == 2 / 3
    assert res.value_accuracy == 1.0
    assert res.confusion()["contradicted"]["supported"] == 1
    assert [o.case.id for o in res.contradicted_as_supported] == ["pct-002"]
    assert res.by_type() == {"pct_change": (2, 1, 2, 2), "unverifiable": (1, 1, 0, 0)}
    text = bench.render(res, failures=True)
    assert "| **all** | 3 | 2 | **66.7%** | 2 | 2 | **100.0%** |" in text
    assert "| contradicted | 1 | 0 | 0 | 0 | 0 | 0 |" in text
    assert "| pct-002 | pct_change | contradicted | supported | 2.0000 | 2.0000 |" in text


# -- the real checker -----------------------------------------------------------------------
@cache
def _result() -> Any:
    return bench.run_eval(bench.load_cases(CASES))


def _failures(res: Any) -> str:
    return "\n".join(
        f"{o.case.id}: expected {o.case.verdict}, got {o.got}: {o.case.text}"
        for o in res.failures
        if not o.verdict_ok
    )


def test_checker_verdict_accuracy_is_at_least_95_percent() -> None:
    res = _result()
    assert res.accuracy >= 0.95, _failures(res)


def test_checker_never_supports_a_contradicted_claim() -> None:
    res = _result()
    assert [o.case.id for o in res.contradicted_as_supported] == []
