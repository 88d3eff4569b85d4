"""One writer at a time in the data directory (FINNEWS_HOME).

Commands that write there (ingest, reindex, summarize's records) hold `writing(...)`; a
second writer waits for the first, saying so on stderr once, up to FINNEWS_LOCK_TIMEOUT
seconds, then stops with `HomeBusyError`. Readers (search, index stats) take no lock.

The lock is an OS file lock (`filelock`: flock on Unix), so a killed writer never leaves
it behind. It is reentrant within a thread: a writer that calls another writer (summarize
ingesting a feed) does not wait for itself.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from assistant.config import Settings, data_dir
from assistant.errors import ConfigError, HomeBusyError

LOCK_FILE = "finnews.lock"
OWNER_FILE = "finnews.lock.owner"  # who holds the lock, for the waiting message only


def say(message: str) -> None:
    """A notice for the user on stderr (stdout stays the command's output)."""
    print(f"finnews: {message}", file=sys.stderr, flush=True)


def ensure_writable(home: Path, command: str) -> None:
    """Raise ConfigError naming `home` when nothing can be written there."""
    why = why_unwritable(home)
    if why:
        raise ConfigError(not_writable(home, command, why))


def why_unwritable(path: Path) -> str | None:
    """Why nothing can be written to the directory or file at `path` (the system's reason),
    or None when it can (or when there is no such file: its directory decides)."""
    try:
        if path.is_dir():
            with tempfile.TemporaryFile(dir=path, prefix=".finnews-probe-"):
                return None
        with path.open("r+b"):
            return None
    except FileNotFoundError:
        return None
    except OSError as exc:
        return exc.strerror or str(exc)


def not_writable(path: Path | str, command: str, exc: OSError | str) -> str:
    reason = exc if isinstance(exc, str) else (exc.strerror or str(exc))
    return (
        f"{path} is not writable ({reason}): `finnews {command}` writes there; make it "
        "writable or set FINNEWS_HOME to a directory you can write (reading commands such as "
        "`search` and `index stats` work on a read-only one)"
    )


@contextmanager
def writing(
    settings: Settings, command: str, *, notice: Callable[[str], None] | None = say
) -> Iterator[Path]:
    """Hold the data directory's write lock; yields the data directory.

    `notice` hears that the lock is awaited (None: wait without a word, for --quiet and
    --json runs)."""
    home = data_dir(settings)
    ensure_writable(home, command)
    lock = FileLock(home / LOCK_FILE, is_singleton=True)
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            limit = settings.lock_timeout
            (notice or _silent)(
                f"waiting for {_holder(home)} to finish writing to {home}; "
                f"giving up after {limit:g} s (FINNEWS_LOCK_TIMEOUT)"
            )
            try:
                lock.acquire(timeout=limit)
            except Timeout:
                raise HomeBusyError(
                    f"{_holder(home)} is still writing to {home} after {limit:g} s; let it "
                    "finish and try again (FINNEWS_LOCK_TIMEOUT sets how long to wait)"
                ) from None
    except OSError as exc:
        raise ConfigError(not_writable(home / LOCK_FILE, command, exc)) from None
    try:
        if lock.lock_counter == 1:
            _set_holder(home, command)
        yield home
    finally:
        lock.release()


def _silent(message: str) -> None:
    return None


def _set_holder(home: Path, command: str) -> None:
    owner = home / OWNER_FILE
    tmp = owner.with_name(f"{OWNER_FILE}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps({"pid": os.getpid(), "command": command}), encoding="utf-8")
        os.replace(tmp, owner)
    except OSError:
        pass  # only the waiting message would miss it


def _holder(home: Path) -> str:
    try:
        owner = json.loads((home / OWNER_FILE).read_text(encoding="utf-8"))
        return f"another finnews command (pid {int(owner['pid'])}, {owner['command']})"
    except (OSError, ValueError, KeyError, TypeError):
        return "another finnews command"
