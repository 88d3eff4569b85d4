"""Run the real `finnews` entry point in-process and capture what a user would see."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest

from assistant.cli import main


@dataclass
class Result:
    exit_code: int
    out: str
    err: str


def run_cli(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stdin: bytes = b"",
) -> Result:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    with pytest.raises(SystemExit) as exc:
        main(args)
    captured = capsys.readouterr()
    code = exc.value.code
    return Result(code if isinstance(code, int) else 1, captured.out, captured.err)
