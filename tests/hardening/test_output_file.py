"""Item 4: `-o FILE` is written whole or not at all; a failure leaves the old FILE intact.

A full disk is played by the file-size limit (RLIMIT_FSIZE) of a child process: its
writes past the limit fail with EFBIG, as they would with ENOSPC.
"""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assistant.cli.common import write_output
from assistant.errors import BadInputError
from tests.hardening.conftest import finnews_env

LIMITED_WRITE = """
import sys
from assistant.cli.common import write_output
from assistant.errors import BadInputError
try:
    write_output("new report line\\n" * 10_000, sys.argv[1])
except BadInputError as exc:
    print(exc)
"""


def _small_files() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text("the old report\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", LIMITED_WRITE, str(report)],
        env=finnews_env(),
        capture_output=True,
        text=True,
        preexec_fn=_small_files,
        timeout=120,
        check=False,
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == f"cannot write {report}: File too large\n"
    assert report.read_text(encoding="utf-8") == "the old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_write_replaces_the_file_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text("the old report, longer than the new one\n", encoding="utf-8")
    report.chmod(0o640)
    write_output("new\n", report)
    assert report.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_output("x", tmp_path / "new.md")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o644


def test_a_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_output("new", link)
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


def test_a_pipe_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    write_output("through the pipe\n", fifo)
    reader.join(timeout=60)
    assert got == ["through the pipe\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_an_unwritable_place_is_named(tmp_path: Path) -> None:
    with pytest.raises(BadInputError) as exc:
        write_output("x", tmp_path / "no-such-dir" / "report.md")
    assert str(exc.value) == (
        f"cannot write {tmp_path / 'no-such-dir' / 'report.md'}: No such file or directory"
    )
    with pytest.raises(BadInputError) as exc:
        write_output("x", tmp_path)
    assert str(exc.value) == f"cannot write {tmp_path}: Is a directory"
