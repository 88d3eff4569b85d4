"""Item 8: output to a full device is an output error said plainly, not "unexpected"."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hardening.conftest import finnews
from tests.support_cli import run_cli

SAMPLE = str(ROOT / "assistant" / "data" / "articles" / "small_caps_rally.md")


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--offline"),
        ("check", "--offline", "--json"),
        ("--help",),
        ("index", "stats"),
    ],
)
def test_stdout_on_a_full_device(args: tuple[str, ...]) -> None:
    with Path("/dev/full").open("w") as full:
        run = finnews(*args, stdout=full)
    assert run.returncode == 2
    assert run.stderr == "Error: cannot write the output to stdout: No space left on device\n"


def test_other_os_errors_are_not_blamed_on_stdout(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("assistant.cli.check.verify_article", full_disk)
    result = run_cli(["check", SAMPLE, "--offline"], capsys, monkeypatch)
    assert (result.exit_code, result.out) == (70, "")
    assert result.err == (
        "Error: unexpected OSError: [Errno 28] No space left on device\n"
        "This is a bug in finnews; please report it.\n"
    )
