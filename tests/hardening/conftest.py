"""Run the real `finnews` as a separate process, as the probes did."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pytest

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


AS_ROOT = os.geteuid() == 0
READ_ONLY_REASON = "Read-only file system" if AS_ROOT else "Permission denied"


@contextmanager
def without_write_bits(home: Path) -> Iterator[None]:
    modes = {p: p.stat().st_mode for p in [home, *home.rglob("*")]}
    for path, mode in sorted(modes.items(), reverse=True):
        path.chmod(mode & ~0o222)
    try:
        yield
    finally:
        for path, mode in sorted(modes.items()):
            path.chmod(mode)


def run_read_only(
    home: Path, argv: Sequence[str], env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """`argv` in a child process that cannot write to `home`: for root (who may write
    anyway) a read-only bind mount in a private mount namespace, for anyone else `home`
    without its write bits."""
    if AS_ROOT:
        return subprocess.run(
            read_only_argv(home, argv), env=env, capture_output=True, text=True, timeout=300
        )
    with without_write_bits(home):
        return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)


class SilentServer:
    """TCP on 127.0.0.1 that accepts connections and never says a word."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.conns: list[socket.socket] = []
        self.stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _accept(self) -> None:
        while not self.stopped:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)

    def stop(self) -> None:
        self.stopped = True
        try:
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        except OSError:
            pass
        self.sock.close()
        for conn in self.conns:
            conn.close()


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.stop()
