"""`finnews check` on a Chinese market article (fixtures/news_zh): every marked number found,
judged and valued exactly as the generator computed it from the market data, and no false
alarm. The generator (fixtures/news_zh/build_news_zh.py) never imports `assistant`."""

from __future__ import annotations

import json
import subprocess
import sys

from assistant.check import verify_article
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import CheckedClaim, CheckReport
from retrieval.articles import load_article
from tests.conftest import FIXTURES
from tests.support_cli import run_cli

NEWS_ZH = FIXTURES / "news_zh"
ARTICLE = NEWS_ZH / "articles" / "weekly_wrap_zh.md"
EXPECTED = NEWS_ZH / "expected" / "weekly_wrap_zh.json"
CHECKED = ("supported", "approximate", "contradicted", "misdated")


def _report() -> tuple[CheckReport, int]:
    article = load_article(ARTICLE)
    body = ARTICLE.read_text(encoding="utf-8").find(article.text)
    assert body > 0
    return verify_article(article, SnapshotMarketData()), body


def _at(report: CheckReport, start: int, end: int) -> list[CheckedClaim]:
    return [c for c in report.claims if c.span[0] < end and start < c.span[1]]


def test_the_committed_fixture_is_what_its_generator_writes() -> None:
    run = subprocess.run(
        [sys.executable, str(NEWS_ZH / "build_news_zh.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr


def test_the_fixture_has_enough_claims_of_every_kind() -> None:
    claims = json.loads(EXPECTED.read_text(encoding="utf-8"))["claims"]
    checked = [c for c in claims if c["verdict"] in CHECKED]
    assert len(checked) == 34
    assert {c["verdict"] for c in claims} == {
        "supported", "approximate", "contradicted", "unverifiable", "ignore"
    }  # fmt: skip
    assert {c["kind"] for c in checked} == {
        "pct", "pts", "level", "yield", "ychg", "fedrange", "fedchg", "fedcount"
    }  # fmt: skip


def test_every_claim_is_located_judged_and_valued_as_expected() -> None:
    report, body = _report()
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["claims"]
    want, got = [], []
    for e in expected:
        hits = _at(report, e["span"][0] - body, e["span"][1] - body)
        if e["verdict"] == "ignore":
            assert all(h.verdict not in ("contradicted", "misdated") for h in hits), e["id"]
            continue
        assert len(hits) == 1, (e["id"], hits)
        hit = hits[0]
        value = None if e["value"] is None else round(e["value"], 2)
        want.append((e["id"], e["text"], e["verdict"], value))
        computed = None if hit.computed is None or value is None else round(hit.computed, 2)
        got.append((e["id"], e["text"], hit.verdict, computed))
    assert got == want


def test_no_false_alarm_and_no_claim_outside_the_marked_numbers() -> None:
    report, body = _report()
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["claims"]
    wrong = {(e["span"][0] - body, e["span"][1] - body) for e in expected
             if e["verdict"] in ("contradicted", "misdated")}  # fmt: skip
    marked = [(e["span"][0] - body, e["span"][1] - body) for e in expected]
    for c in report.claims:
        assert any(c.span[0] < e and s < c.span[1] for s, e in marked), c.text[:40]
        if c.verdict in ("contradicted", "misdated"):
            assert any(c.span[0] < e and s < c.span[1] for s, e in wrong), c.explanation
    assert report.counts() == {
        "supported": 30, "approximate": 1, "contradicted": 3, "misdated": 0, "unverifiable": 2
    }  # fmt: skip


def test_finnews_check_reads_the_chinese_article(capsys, monkeypatch) -> None:
    r = run_cli(["check", str(ARTICLE), "--json"], capsys, monkeypatch)
    assert r.exit_code == 1  # three numbers are wrong on purpose
    data = json.loads(r.out)
    first = data["claims"][0]
    assert (first["verdict"], first["claimed"], first["computed"]) == ("supported", -1.07, -1.0664)
    assert first["claim"]["ticker"] == "^GSPC"
    assert first["claim"]["period"] == "周五"
    assert r.err == ""
