"""`finnews check` end to end: formats, exit codes and hostile input."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support_cli import run_cli

SAMPLE = ROOT / "assistant" / "data" / "articles" / "small_caps_rally.md"


def test_default_runs_the_bundled_sample(capsys, monkeypatch) -> None:
    r = run_cli(["check", "--offline"], capsys, monkeypatch)
    assert r.exit_code == 1  # the sample has contradicted and misdated claims
    assert "Small caps sprint ahead" in r.out
    assert "25 claims: 16 supported, 1 approximate, 2 contradicted, 4 misdated, 2" in r.out
    assert r.err == ""


def test_json_output_is_the_report_model(capsys, monkeypatch) -> None:
    r = run_cli(["check", str(SAMPLE), "--json"], capsys, monkeypatch)
    data = json.loads(r.out)
    assert set(data) >= {"article", "claims"}
    first = data["claims"][0]
    assert {"text", "verdict", "claimed", "computed", "evidence"} <= set(first)
    assert first["verdict"] == "supported"
    assert first["computed"] == 10.6871
    assert data["article"]["title"] == "Small caps sprint ahead as the Fed delivers a third cut"


def test_markdown_report_has_receipts(capsys, monkeypatch) -> None:
    r = run_cli(["check", str(SAMPLE), "--markdown"], capsys, monkeypatch)
    assert r.out.startswith("# Claim check: Small caps sprint ahead")
    assert (
        "| 5 | Tech lagged: QQQ rose 1.6% in November as investors rotated out of the year's "
        "winners | **contradicted** | +1.60% | -1.56% | "
        "QQQ in November was -1.56% (wrong direction) |"
    ) in r.out
    assert "- **c1** ^RUT, snapshot: 2025-11-20 close 2305.11, 2025-12-12 close 2551.46" in r.out


def test_stdin_and_date_override(capsys, monkeypatch) -> None:
    text = b"IWM rose 1.0% in November."
    r = run_cli(["check", "-", "--date", "2025-12-01", "--json"], capsys, monkeypatch, stdin=text)
    data = json.loads(r.out)
    assert r.exit_code == 0
    assert data["as_of"] == "2025-12-01"
    assert [(c["verdict"], c["computed"]) for c in data["claims"]] == [("supported", 1.0234)]


def test_missing_date_is_said(capsys, monkeypatch) -> None:
    r = run_cli(["check", "-"], capsys, monkeypatch, stdin=b"IWM rose 1.0% in November.")
    assert "no date in the article: today assumed; use --date YYYY-MM-DD" in r.out


def test_contradiction_exit_code_and_clean_exit(capsys, monkeypatch) -> None:
    bad = b"QQQ rose 1.6% in November 2025."
    r = run_cli(["check", "-", "--date", "2025-12-05"], capsys, monkeypatch, stdin=bad)
    assert r.exit_code == 1
    ok = b"No numbers here at all."
    r = run_cli(["check", "-", "--date", "2025-12-05"], capsys, monkeypatch, stdin=ok)
    assert r.exit_code == 0
    assert "No checkable numeric claims found." in r.out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.md", b"", "is empty"),
        ("blob.md", b"\x00\x01\x02binary\x00", "binary"),
        ("latin.txt", "Caf\u00e9 IWM rose 3%".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    tmp_path: Path, capsys, monkeypatch, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    r = run_cli(["check", str(path)], capsys, monkeypatch)
    assert r.exit_code == 2
    assert r.err.startswith("Error: ")
    assert message in r.err
    assert len(r.err.strip().splitlines()) == 1
    assert "Traceback" not in r.err + r.out


def test_huge_file_is_refused_quickly(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"IWM rose 1% on Dec 1, 2025. " * 400_000)  # 11.2 MB
    started = time.perf_counter()
    r = run_cli(["check", str(path)], capsys, monkeypatch)
    assert r.exit_code == 2
    assert "10 MB" in r.err
    assert time.perf_counter() - started < 5


def test_html_page_gives_a_sensible_result(tmp_path: Path, capsys, monkeypatch) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Small caps</title><script>var x = '99%';</script></head>"
        "<body><nav>Home</nav><p>IWM rose 1.0% in November.</p></body></html>"
    )
    r = run_cli(["check", str(page), "--date", "2025-12-02", "--json"], capsys, monkeypatch)
    data = json.loads(r.out)
    assert data["article"]["title"] == "Small caps"
    assert [c["computed"] for c in data["claims"]] == [1.0234]


def test_usage_errors_exit_2(capsys, monkeypatch) -> None:
    r = run_cli(["check", str(SAMPLE), "--date", "12/10/2025"], capsys, monkeypatch)
    assert (r.exit_code, r.err.strip()) == (
        2,
        "Error: --date '12/10/2025' is not a date; use YYYY-MM-DD",
    )
    r = run_cli(["check", "--json", "--markdown"], capsys, monkeypatch)
    assert r.exit_code == 2
    r = run_cli(["check", "/nonexistent/article.md"], capsys, monkeypatch)
    assert (r.exit_code, r.err.strip()) == (2, "Error: /nonexistent/article.md: no such file")


def test_a_claim_limit_is_said_in_the_notes_and_on_stderr(tmp_path: Path) -> None:
    """Past MAX_CLAIMS the check stops: the report and stderr say so (issue 9, item 13)."""
    from assistant.claims.extract import MAX_CLAIMS

    line = "The S&P 500 rose 0.7% on Dec 10, 2025."
    path = tmp_path / "long.md"
    path.write_text("---\npublished: 2025-12-12\n---\n" + "\n\n".join([line] * (MAX_CLAIMS + 5)))
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "check", str(path), "--offline", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(proc.stdout)
    assert len(report["claims"]) == MAX_CLAIMS
    assert report["notes"] == [
        f"stopped at {MAX_CLAIMS} claims: the rest of the text was not checked "
        "(split the article to check all of it)"
    ]
    assert f"finnews: stopped at {MAX_CLAIMS} claims" in proc.stderr
