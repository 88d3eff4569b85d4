"""Receipt formulas in Chinese: every worded formula the data layers write has a template.

The formulas are found in the sources of assistant/verify, assistant/market,
assistant/receipts.py and assistant/chat/compute.py: what `formula=` (and `formula_max=`,
`formula_current=`) is given, a `{"formula": ...}` update, a local named `formula`, what
a function or property named `*formula` returns, and the argument a helper takes in its
`formula` parameter (`_moves_evidence(moves, f"...", ...)`). Arithmetic needs no
template; a formula with words and no template fails here."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from assistant.chat.render import receipt_lines
from assistant.i18n import catalogs, using
from assistant.i18n.formulas import FORMULAS, formula_text
from assistant.i18n.templates import shape
from assistant.models import Evidence
from assistant.receipts import AnswerReceipt
from tests.support_cli import run_cli

ROOT = Path(__file__).resolve().parents[2] / "assistant"
SOURCES = [
    *sorted((ROOT / "verify").glob("*.py")),
    *sorted((ROOT / "market").glob("*.py")),
    ROOT / "receipts.py",
    ROOT / "chat" / "compute.py",
]
_KEYWORDS = {"formula", "formula_max", "formula_current"}


def _template(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)]
    if isinstance(node, ast.IfExp):
        return _template(node.body) + _template(node.orelse)
    return []


def _formula_params(trees: list[ast.Module]) -> dict[str, int]:
    """Functions with a parameter named `formula`, and that parameter's position."""
    found = {}
    for tree in trees:
        for n in ast.walk(tree):
            if isinstance(n, ast.FunctionDef):
                names = [a.arg for a in n.args.args]
                if "formula" in names:
                    found[n.name] = names.index("formula")
    return found


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def formulas_in(tree: ast.Module, params: dict[str, int]) -> list[str]:
    found: list[str] = []
    for n in ast.walk(tree):
        if isinstance(n, ast.keyword) and n.arg in _KEYWORDS:
            found += _template(n.value)
        elif isinstance(n, ast.Dict):
            for k, v in zip(n.keys, n.values, strict=True):
                if isinstance(k, ast.Constant) and k.value == "formula":
                    found += _template(v)
        elif isinstance(n, ast.Assign):
            if any(isinstance(t, ast.Name) and t.id == "formula" for t in n.targets):
                found += _template(n.value)
        elif isinstance(n, ast.FunctionDef) and n.name.endswith("formula"):
            for r in ast.walk(n):
                if isinstance(r, ast.Return) and r.value is not None:
                    found += _template(r.value)
        elif isinstance(n, ast.Call):
            name = _call_name(n.func)
            if name in params and len(n.args) > params[name]:
                found += _template(n.args[params[name]])
    return found


def all_formulas() -> list[str]:
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in SOURCES]
    params = _formula_params(trees)
    return [f for tree in trees for f in formulas_in(tree, params)]


def worded(formula: str) -> bool:
    return re.search(r"[A-Za-z]", formula.replace("{}", "")) is not None


def test_the_sources_hold_the_formulas_this_test_knows_to_look_for() -> None:
    found = set(all_formulas())
    for known in (
        "{} on {}",  # a bar's field
        "{}s announced in {} up to {}",  # passed to _moves_evidence
        "run of same-direction moves ending on or before {}",
        "({} / {} - 1) * 100",  # pct_formula: arithmetic
        "stdev({} {}) {} * sqrt({}) * 100",  # a local named formula
        "({} - {}) * 100 = {} bp",  # a property named formula
        "target range in effect on {} (decisions count from their announcement)",
        "quoted, not computed",
        "{}; worst: {}",
    ):
        assert known in found
    assert not worded("({} / {} - 1) * 100")


def test_every_worded_formula_has_a_chinese_template() -> None:
    have = {shape(t) for t in FORMULAS.templates}
    missing = sorted({f for f in all_formulas() if worded(f) and shape(f) not in have})
    assert missing == []
    zh = catalogs.read("zh")
    untranslated = [t for t in FORMULAS.templates if not (zh.get(t) and zh.get(t).string)]
    assert untranslated == []


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("close on 2025-11-20", "2025年11月20日 收盘价"),
        ("high on 2025-12-12", "2025年12月12日 最高价"),
        ("DGS10 on 2025-12-11", "2025年12月11日 DGS10"),
        ("^TNX high on 2025-04-07", "2025年4月7日 ^TNX 最高价"),
        ("cuts announced in 2025 up to 2025-12-10", "2025年内截至2025年12月10日宣布的降息"),
        ("hikes announced in 2022 up to 2022-06-15", "2022年内截至2022年6月15日宣布的加息"),
        (
            "run of same-direction moves ending on or before 2025-12-10",
            "截至2025年12月10日（含）的同向连续调整",
        ),
        (
            "target range in effect on 2025-12-10 (decisions count from their announcement)",
            "2025年12月10日有效的目标区间（决议自公布之日起计）",
        ),
        ("(3.75 - 4) * 100 = -25 bp", "(3.75 - 4) * 100 = -25 个基点"),
        (
            "stdev(251 daily log returns) 0.014677 * sqrt(252) * 100",
            "251 个日对数收益率的标准差 0.014677 * sqrt(252) * 100",
        ),
        (
            "stdev(12 month-end simple returns) 0.05 * sqrt(12) * 100",
            "12 个月末简单收益率的标准差 0.05 * sqrt(12) * 100",
        ),
        ("quoted, not computed", "引用值，非计算所得"),
        (
            "min(close) over 2025-11-03..2025-11-28 (19 closes)",
            "2025年11月3日至2025年11月28日收盘价的最小值（19 个收盘价）",
        ),
        (
            "(258.2 / 250 - 1) * 100; worst: (240 / 258.2 - 1) * 100",
            "(258.2 / 250 - 1) * 100；最大回撤：(240 / 258.2 - 1) * 100",
        ),
        # arithmetic, and a formula no template reads, stay as they are
        ("(2551.46 / 2436.48 - 1) * 100", "(2551.46 / 2436.48 - 1) * 100"),
        ("a formula nobody wrote a template for", "a formula nobody wrote a template for"),
    ],
)
def test_formulas_in_chinese(english: str, chinese: str) -> None:
    with using("zh"):
        assert formula_text(english) == chinese
    with using("en"):
        assert formula_text(english) == english


def test_the_report_page_shows_source_and_formula_in_chinese(report_pages: dict[str, str]) -> None:
    zh, en = report_pages["zh"], report_pages["en"]
    assert '<span class="meta">（快照；2025年11月20日 收盘价）</span>' in zh
    assert '<span class="meta">（快照；(125.46 / 112.05 - 1) * 100）</span>' in zh
    assert (
        '<span class="meta">（快照（FRED DFEDTARL/DFEDTARU，生效日期）；'
        "2025年内截至2025年12月10日宣布的降息）</span>"
    ) in zh
    assert (
        '<span class="meta">（快照（FRED DFEDTARL/DFEDTARU，生效日期）；'
        "2025年12月10日有效的目标区间（决议自公布之日起计））</span>"
    ) in zh
    assert "; " not in "".join(re.findall(r'<span class="meta">[^<]*</span>', zh))
    assert '<span class="meta">(snapshot; close on 2025-11-20)</span>' in en
    assert (
        '<span class="meta">(snapshot (FRED DFEDTARL/DFEDTARU, effective dates); '
        "cuts announced in 2025 up to 2025-12-10)</span>"
    ) in en


ARTICLE = Path(__file__).resolve().parents[2] / "fixtures/news/articles/h12_year_2025_whiplash.md"


def test_the_check_receipts_in_markdown(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = {}
    for lang in ("zh", "en"):
        args = ["check", "--offline", "--lang", lang, "--markdown", str(ARTICLE)]
        r = run_cli(args, capsys, monkeypatch)
        lines[lang] = [x for x in r.out.splitlines() if x.startswith(("- **c6**", "- **c34**"))]
    assert lines["zh"] == [
        "- **c6** ^DJI，快照：2025年12月31日 收盘价 48063.3；`2025年12月31日 收盘价` = 48063.3；"
        "在 ±0.005点 以内判为属实（文中数字的舍入精度）；在 ±0.01点 以内判为大致属实",
        "- **c34** FEDFUNDS，快照（FRED DFEDTARL/DFEDTARU，生效日期）：2025年12月31日 下限 3.5；"
        "`2025年12月31日有效的目标区间（决议自公布之日起计）` = 3.75；在 ±0.005个百分点 以内判为"
        "属实（文中数字的舍入精度）；在 ±0.01个百分点 以内判为大致属实",
    ]
    assert lines["en"] == [
        "- **c6** ^DJI, snapshot: 2025-12-31 close 48063.3; `close on 2025-12-31` = 48063.3; "
        "supported within ±0.005 pts (the claim's rounding); approximate within ±0.01 pts",
        "- **c34** FEDFUNDS, snapshot (FRED DFEDTARL/DFEDTARU, effective dates): 2025-12-31 "
        "lower 3.5; `target range in effect on 2025-12-31 (decisions count from their "
        "announcement)` = 3.75; supported within ±0.005 pt (the claim's rounding); approximate "
        "within ±0.01 pt",
    ]


def test_a_chat_receipt_shows_its_formula_in_chinese() -> None:
    ev = Evidence(
        ticker="IJR",
        source="snapshot",
        dates=[date(2025, 11, 20)],
        fields=["close"],
        values=[112.05],
        formula="close on 2025-11-20",
        result=112.05,
    )
    r = AnswerReceipt(id="D1", label="IJR close", statement="", value=112.05, unit="$", evidence=ev)
    with using("zh"):
        assert receipt_lines(r)[-1] == "    公式：2025年11月20日 收盘价 = 112.05"
    with using("en"):
        assert receipt_lines(r)[-1] == "    formula: close on 2025-11-20 = 112.05"
