"""Item 4 through the commands: `analyze -o` and `summarize -o` keep the old file when the
new one cannot be written whole (the file-size limit plays a full disk)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.hardening.conftest import finnews, finnews_argv, finnews_env
from tests.hardening.test_output_file import _small_files


@pytest.mark.parametrize("args", [("analyze", "--offline"), ("analyze", "--offline", "--json")])
def test_analyze_keeps_the_old_report_when_the_new_one_cannot_be_written(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    report = tmp_path / "report.txt"
    report.write_text("the old report\n", encoding="utf-8")
    run = subprocess.run(
        finnews_argv(*args, "-o", str(report)),
        env=finnews_env(),
        capture_output=True,
        text=True,
        preexec_fn=_small_files,
        timeout=300,
        check=False,
    )
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == f"Error: cannot write {report}: File too large\n"
    assert report.read_text(encoding="utf-8") == "the old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_analyze_replaces_the_old_report(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("x" * 1_000_000, encoding="utf-8")
    run = finnews("analyze", "--offline", "--json", "-o", str(report))
    assert (run.returncode, run.stdout, run.stderr) == (0, "", f"Wrote {report}\n")
    assert report.read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
