"""Why a claim is unverifiable, in Chinese: every reason the engine writes has a template.

The reasons are found in the sources of assistant/verify and assistant/claims: the
sentences a claim's `unsettled`/`note` is set to, `*_WHY` constants, what
`unverifiable_reason`, `stale_reason` and `_extreme_unsettled` return, the messages of
`MarketDataUnavailable` raised there (they become reasons), and the third argument of
`Outcome("unverifiable", ...)`. A new reason without a template fails here."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from assistant.i18n import catalogs, using
from assistant.i18n.claims import explanation
from assistant.i18n.reasons import REASONS, reason_text
from assistant.i18n.templates import shape
from assistant.models import CheckedClaim, Claim

ROOT = Path(__file__).resolve().parents[2] / "assistant"
_RETURNS_A_REASON = {"unverifiable_reason", "stale_reason", "_extreme_unsettled"}
_REASON_NAMES = {"unsettled", "note"}


def _template(node: ast.expr) -> list[str]:
    """The string(s) an expression may be, with `{}` for each value filled in."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)]
    if isinstance(node, ast.IfExp):
        return _template(node.body) + _template(node.orelse)
    return []


def _target_name(t: ast.expr) -> str | None:
    if isinstance(t, ast.Name):
        return t.id
    if isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Constant):
        return str(t.slice.value)
    return None


def reasons_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for n in ast.walk(tree):
        if isinstance(n, ast.FunctionDef) and n.name in _RETURNS_A_REASON:
            for r in ast.walk(n):
                if isinstance(r, ast.Return) and r.value is not None:
                    found += _template(r.value)
        elif isinstance(n, ast.Assign):
            names = [_target_name(t) for t in n.targets]
            if any(x and (x.endswith("_WHY") or x in _REASON_NAMES) for x in names):
                found += _template(n.value)
        elif isinstance(n, ast.keyword) and n.arg in _REASON_NAMES:
            found += _template(n.value)
        elif isinstance(n, ast.Dict):
            for k, v in zip(n.keys, n.values, strict=True):
                if isinstance(k, ast.Constant) and k.value in _REASON_NAMES:
                    found += _template(v)
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
            if n.func.id == "MarketDataUnavailable" and n.args:
                found += _template(n.args[0])
            first = n.args[0] if n.args else None
            if (
                n.func.id == "Outcome"
                and len(n.args) >= 3
                and isinstance(first, ast.Constant)
                and first.value == "unverifiable"
            ):
                found += _template(n.args[2])
    return found


def all_reasons() -> list[str]:
    return [
        r
        for package in ("verify", "claims")
        for path in sorted((ROOT / package).glob("*.py"))
        for r in reasons_in(path)
    ]


def test_the_sources_hold_the_reasons_this_test_knows_to_look_for() -> None:
    found = all_reasons()
    assert len(found) >= 45
    assert "a forecast or expectation, not a fact that data can settle" in found
    assert "no {} bars up to {}" in found
    assert "the furthest point of a move within a period: daily closes do not settle it" in found


def test_every_reason_in_verify_and_claims_has_a_chinese_template() -> None:
    have = {shape(t) for t in REASONS.templates}
    missing = sorted({r for r in all_reasons() if shape(r) not in have})
    assert missing == []
    zh = catalogs.read("zh")
    untranslated = [t for t in REASONS.templates if not (zh.get(t) and zh.get(t).string)]
    assert untranslated == []


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        (
            "a forecast or expectation, not a fact that data can settle",
            "这是预测或预期，不是数据能够核实的事实",
        ),
        ("no IWM bars up to 2025-12-11", "2025年12月11日之前没有 IWM 的行情数据"),
        (
            "the ^RUT data ends Nov 28, 2025, before Dec 12, 2025",
            "^RUT 的数据止于2025年11月28日，早于2025年12月12日",
        ),
        (
            "no market data for 'the Dow Transports' (not a ticker or index finnews knows)",
            "没有“the Dow Transports”的市场数据（不是 finnews 认识的代码或指数）",
        ),
        (
            "no market data for this subject (not a ticker or index finnews knows)",
            "没有该对象的市场数据（不是 finnews 认识的代码或指数）",
        ),
        (
            "no intraday high of the 10-year yield on 2025-12-10 in the data",
            "数据中没有2025年12月10日10年期收益率的盘中最高价",
        ),
        (
            "no 10-year yield on 2025-12-10 in the data; no 2-year yield on 2025-12-10 in the data",
            "数据中没有2025年12月10日的10年期收益率；数据中没有2025年12月10日的2年期收益率",
        ),
        ("no XYZ sessions in the window", "该时间窗口内没有 XYZ 的交易日"),
        # no template reads it: the English sentence, not a vaguer Chinese one
        ("a reason nobody wrote a template for", "a reason nobody wrote a template for"),
    ],
)
def test_reasons_in_chinese(english: str, chinese: str) -> None:
    with using("zh"):
        assert reason_text(english) == chinese
    with using("en"):
        assert reason_text(english) == english


def _unverifiable(reason: str) -> CheckedClaim:
    claim = Claim(
        text="IWM fell 2% after the open",
        span=(0, 26),
        kind="pct_change",
        value=-2.0,
        unit="%",
        ticker="IWM",
        decimals=0,
    )
    return CheckedClaim(
        id="c1",
        text=claim.text,
        span=claim.span,
        kind="pct_change",
        verdict="unverifiable",
        claimed=-2.0,
        computed=-0.51,
        unit="%",
        explanation=reason,
        claim=claim,
    )


def test_an_unverifiable_claim_explains_its_own_reason_in_chinese() -> None:
    c = _unverifiable("a move outside regular trading hours: daily closes cannot settle it")
    with using("zh"):
        assert explanation(c) == "常规交易时段以外的变动：日收盘数据无法核实。"
    with using("en"):
        assert explanation(c) == c.explanation


def test_a_reason_ending_in_a_verdict_sentence_rebuilds_that_sentence() -> None:
    reason = "the text does not pin down the date; IWM fell 0.51% on Dec 10, 2025, not 2%"
    with using("zh"):
        assert explanation(_unverifiable(reason)) == (
            "文中没有确定日期；数据为 -0.51%，文中为 -2.00%。"
        )


def test_an_unknown_reason_stays_english_in_a_chinese_report() -> None:
    with using("zh"):
        got = explanation(_unverifiable("a brand-new reason"))
    assert got == "a brand-new reason。"


def test_claims_are_dated_as_the_reader_reads_dates() -> None:
    with using("zh"):
        got = reason_text(f"the claim is about {date(2026, 1, 5)}, after the article's date "
                          f"{date(2025, 12, 12)}")  # fmt: skip
    assert got == "该陈述涉及2026年1月5日，晚于文章日期2025年12月12日"
