"""Score the claim checker on the single-claim eval set (fixtures/eval/cases.jsonl), then on
the news corpus (fixtures/news, scored by bench/corpus.py).

Each case is one sentence with one numeric claim, its article date, the expected verdict and
the true value (computed by fixtures/eval/build_cases.py straight from the snapshot CSVs).
The checker runs point-in-time on the bundled snapshot; the report gives verdict and value
accuracy per claim type, overall accuracy and a confusion matrix (expected x got) as Markdown.
A second section scores whole articles: every marked number located, judged and valued, false
alarms, false supports and alarms on sentences that make no market claim.

    python bench/eval.py               # tables
    python bench/eval.py --failures    # ... and every case and corpus number that missed
    python bench/eval.py --articles    # ... with one row per corpus article
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "fixtures" / "eval" / "cases.jsonl"
NEWS = ROOT / "fixtures" / "news"
VERDICTS = ("supported", "approximate", "contradicted", "misdated", "unverifiable")
MISS = "miss"  # no claim found where one was expected
VALUE_TOL = 0.011  # abs tolerance on %, bp, $ and pts values


@dataclass(frozen=True)
class Case:
    id: str
    type: str
    text: str
    date: date
    verdict: str
    value: float | None
    note: str = ""


class Checked(Protocol):
    """What the scorer reads from a checked claim (assistant.models.CheckedClaim)."""

    @property
    def kind(self) -> str: ...
    @property
    def verdict(self) -> str: ...
    @property
    def computed(self) -> float | None: ...
    @property
    def explanation(self) -> str: ...


Verify = Callable[[str, date], Sequence[Checked]]


@dataclass(frozen=True)
class Outcome:
    case: Case
    got: str  # a verdict, or MISS
    computed: float | None
    kind: str | None
    n_claims: int
    explanation: str = ""

    @property
    def verdict_ok(self) -> bool:
        return self.got == self.case.verdict

    @property
    def value_ok(self) -> bool | None:
        """None when the case has no true value (unverifiable)."""
        if self.case.value is None:
            return None
        return self.computed is not None and abs(self.computed - self.case.value) <= VALUE_TOL

    @property
    def ok(self) -> bool:
        return self.verdict_ok and self.value_ok is not False


@dataclass
class EvalResult:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Share of cases whose verdict is the expected one."""
        return _share([o.verdict_ok for o in self.outcomes])

    @property
    def value_accuracy(self) -> float:
        return _share([bool(o.value_ok) for o in self.outcomes if o.value_ok is not None])

    @property
    def types(self) -> list[str]:
        return sorted({o.case.type for o in self.outcomes})

    def by_type(self) -> dict[str, tuple[int, int, int, int]]:
        """type -> (cases, verdicts right, cases with a value, values right)."""
        out: dict[str, tuple[int, int, int, int]] = {}
        for t in self.types:
            os_ = [o for o in self.outcomes if o.case.type == t]
            vals = [o for o in os_ if o.value_ok is not None]
            out[t] = (
                len(os_),
                sum(o.verdict_ok for o in os_),
                len(vals),
                sum(bool(o.value_ok) for o in vals),
            )
        return out

    def confusion(self) -> dict[str, dict[str, int]]:
        """expected -> got -> count; `got` includes MISS."""
        m = {e: {g: 0 for g in (*VERDICTS, MISS)} for e in VERDICTS}
        for o in self.outcomes:
            m[o.case.verdict][o.got] += 1
        return m

    @property
    def contradicted_as_supported(self) -> list[Outcome]:
        return [
            o for o in self.outcomes if o.case.verdict == "contradicted" and o.got == "supported"
        ]

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def multi_claim(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.n_claims > 1]


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 1.0


def load_cases(path: Path = CASES) -> list[Case]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(
                Case(
                    r["id"],
                    r["type"],
                    r["text"],
                    date.fromisoformat(r["date"]),
                    r["verdict"],
                    r["value"],
                    r.get("note", ""),
                )
            )
    return out


SEVERITY = ("contradicted", "misdated", "approximate", "supported", "unverifiable")


def pick(case: Case, claims: Sequence[Checked]) -> Checked | None:
    """The claim to score: the first of the case's kind; failing that (the sentence was split
    into several claims, or read as another kind), the most severe verdict, which is what a
    reader of the report would take away."""
    if not claims:
        return None
    same = [c for c in claims if c.kind == case.type]
    if same and case.verdict != "unverifiable":
        return same[0]
    return min(claims, key=lambda c: SEVERITY.index(c.verdict))


def score(case: Case, claims: Sequence[Checked]) -> Outcome:
    c = pick(case, claims)
    if c is None:
        got = "unverifiable" if case.verdict == "unverifiable" else MISS
        return Outcome(case, got, None, None, 0, "no claim found")
    return Outcome(case, c.verdict, c.computed, c.kind, len(claims), c.explanation)


def snapshot_verify() -> Verify:
    """verify_text on the bundled snapshot (imported late: this module loads without it)."""
    from assistant.check import verify_text
    from assistant.market.snapshot import SnapshotMarketData

    market = SnapshotMarketData()

    def run(text: str, as_of: date) -> Sequence[Checked]:
        return verify_text(text, as_of, market)

    return run


def run_eval(cases: Sequence[Case], verify: Verify | None = None) -> EvalResult:
    """Check every case (as_of = the case's date) and score the claim it yields."""
    fn = verify or snapshot_verify()
    return EvalResult([score(c, fn(c.text, c.date)) for c in cases])


# ----------------------------------------------------------------------------- report
def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def render(res: EvalResult, failures: bool = False) -> str:
    lines = [
        "## Accuracy by claim type",
        "",
        "| type | cases | verdict right | verdict acc | values | value right | value acc |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for t, (n, vr, nv, vv) in res.by_type().items():
        vacc = _pct(vv / nv) if nv else "-"
        lines.append(f"| {t} | {n} | {vr} | {_pct(vr / n)} | {nv} | {vv} | {vacc} |")
    n = len(res.outcomes)
    vr = sum(o.verdict_ok for o in res.outcomes)
    vals = [o for o in res.outcomes if o.value_ok is not None]
    vv = sum(bool(o.value_ok) for o in vals)
    lines.append(
        f"| **all** | {n} | {vr} | **{_pct(res.accuracy)}** | {len(vals)} | {vv} | "
        f"**{_pct(res.value_accuracy)}** |"
    )
    lines += [
        "",
        "## Confusion matrix (rows: expected, columns: got)",
        "",
        "| expected \\ got | " + " | ".join(VERDICTS) + " | no claim |",
        "|---|" + "---:|" * (len(VERDICTS) + 1),
    ]
    for e, row in res.confusion().items():
        lines.append(f"| {e} | " + " | ".join(str(row[g]) for g in (*VERDICTS, MISS)) + " |")
    lines += [
        "",
        f"contradicted cases judged supported: {len(res.contradicted_as_supported)}",
        f"cases with more than one claim: {len(res.multi_claim)}",
    ]
    if failures:
        lines += [
            "",
            f"## Failures ({len(res.failures)})",
            "",
            "| id | type | expected | got | value | computed | kind | claims | text | "
            "explanation |",
            "|---|---|---|---|---:|---:|---|---:|---|---|",
        ]
        for o in res.failures:
            c = o.case
            comp = "-" if o.computed is None else f"{o.computed:.4f}"
            val = "-" if c.value is None else f"{c.value:.4f}"
            expl = o.explanation.replace("|", "/").replace("\n", " ")
            lines.append(
                f"| {c.id} | {c.type} | {c.verdict} | {o.got} | {val} | {comp} | "
                f"{o.kind or '-'} | {o.n_claims} | {c.text} | {expl} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score the claim checker on the eval set.")
    ap.add_argument("--cases", type=Path, default=CASES, help="JSONL cases file")
    ap.add_argument("--failures", action="store_true", help="list every case that missed")
    ap.add_argument("--corpus", type=Path, default=NEWS, help="news corpus directory")
    ap.add_argument("--articles", action="store_true", help="one row per corpus article")
    ap.add_argument("--no-corpus", action="store_true", help="score the eval set only")
    args = ap.parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    res = run_eval(load_cases(args.cases))
    print(render(res, failures=args.failures))
    if not args.no_corpus:
        from bench.corpus import render_corpus, run_corpus

        corpus = run_corpus(args.corpus)
        print()
        print(render_corpus(corpus, failures=args.failures, articles=args.articles))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
