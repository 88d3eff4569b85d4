"""Run the real `finnews` as a separate process, as the probes did."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from tests.conftest import ROOT


def finnews_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "assistant", *args]


def finnews_env(**changes: str | None) -> dict[str, str]:
    """This test's environment (its FINNEWS_HOME, offline) with `changes`; None removes."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def finnews(
    *args: str,
    env: dict[str, str] | None = None,
    stdout: int | IO[Any] = subprocess.PIPE,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """`finnews ARGS` in a child process; `timeout` only guards against a hang."""
    return subprocess.run(
        finnews_argv(*args),
        env=env or finnews_env(),
        stdout=stdout,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        timeout=timeout,
        check=False,
    )


def popen(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        finnews_argv(*args),
        env=env or finnews_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def read_only_argv(home: Path, argv: Sequence[str]) -> list[str]:
    """`argv` run where `home` is mounted read-only (root: a private mount namespace)."""
    script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
    return ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh",
            str(home), *argv]  # fmt: skip
