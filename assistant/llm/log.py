"""The audit trail: every LLM call, kept in SQLite in the data directory (`logs.db`).

One row per call: when, the model and endpoint, the prompt (name and version, known by
its system message: a prompt's system text is fixed), the messages sent, the raw
answer (or the error), the number check of the answer (attached afterwards by the
caller that checks it, `record_number_check`), tokens and latency. `finnews logs`
shows them.

Secrets never reach the file: every text passes the model's SecretGuard first.
Logging is best effort: a data directory that is read-only, full or busy costs one
notice on stderr, never the call.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from assistant.safety import SecretGuard

X = TypeVar("X")

LOG_FILE = "logs.db"
BUSY_WAIT = 2.0  # seconds a write waits for another process before logging stops
_SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    model TEXT NOT NULL,
    endpoint TEXT,
    kind TEXT NOT NULL,
    prompt TEXT,
    prompt_version INTEGER,
    messages TEXT NOT NULL,
    response TEXT NOT NULL,
    error TEXT,
    number_check TEXT,
    input_tokens INTEGER,
    output_tokens INTEGER,
    latency_ms INTEGER NOT NULL
)
"""
_COLUMNS = (
    "at, model, endpoint, kind, prompt, prompt_version, messages, response, error, "
    "number_check, input_tokens, output_tokens, latency_ms"
)


@dataclass(frozen=True)
class LoggedCall:
    """One LLM call as the log keeps it."""

    at: str
    model: str
    endpoint: str | None
    kind: str  # complete, structured, stream, tools
    messages: list[dict[str, Any]]
    response: str
    latency_ms: int
    prompt: str | None = None
    prompt_version: int | None = None
    error: str | None = None
    number_check: dict[str, Any] | None = None
    input_tokens: int | None = None
    output_tokens: int | None = None
    id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


_WARNED: set[Path] = set()  # logs whose failure was said (once per process)
_WARNED_LOCK = threading.Lock()

# The last call logged in this context, so that the caller who checks its numbers can
# attach the result (a context variable: summarize runs calls in threads).
_last: ContextVar[tuple[CallLog, int] | None] = ContextVar("finnews_last_llm_call", default=None)


def record_number_check(result: Mapping[str, Any]) -> None:
    """Attach the number check of the answer to the last call logged in this context."""
    last = _last.get()
    if last is not None:
        log, call_id = last
        log.attach_check(call_id, dict(result))


class CallLog:
    """The log file; writes never raise (the first failure is said once on stderr)."""

    def __init__(self, path: Path, *, say: Callable[[str], None] | None = None) -> None:
        self.path = path
        self._say = say
        self._failed = False
        self._lock = threading.Lock()  # this process's writers take turns (threads)

    # -- writing ------------------------------------------------------------------------
    def add(self, call: LoggedCall) -> int | None:
        """Store `call`; its id, or None when the log cannot be written."""
        row = (
            call.at, call.model, call.endpoint, call.kind, call.prompt, call.prompt_version,
            json.dumps(call.messages, ensure_ascii=False), call.response, call.error,
            _json_or_none(call.number_check), call.input_tokens, call.output_tokens,
            call.latency_ms,
        )  # fmt: skip
        _last.set(None)  # a stale id must not take this call's check
        placeholders = ", ".join("?" * len(row))

        def write(conn: sqlite3.Connection) -> int | None:
            conn.execute(_SCHEMA)
            cur = conn.execute(f"INSERT INTO calls ({_COLUMNS}) VALUES ({placeholders})", row)
            return cur.lastrowid

        call_id = self._write(write)
        if call_id is not None:
            _last.set((self, call_id))
        return call_id

    def attach_check(self, call_id: int, result: dict[str, Any]) -> None:
        self._write(
            lambda conn: (
                conn.execute(
                    "UPDATE calls SET number_check = ? WHERE id = ?",
                    (_json_or_none(result), call_id),
                ).rowcount
            )
        )

    def _write(self, action: Callable[[sqlite3.Connection], Any]) -> Any:
        if self._failed:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock, closing(sqlite3.connect(self.path, timeout=BUSY_WAIT)) as conn, conn:
                return action(conn)
        except (sqlite3.Error, OSError) as exc:
            self._failed = True
            with _WARNED_LOCK:
                if self.path in _WARNED:
                    return None
                _WARNED.add(self.path)
            why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            notice = f"LLM calls are not logged: cannot write {self.path} ({why})"
            (self._say or _say)(notice)
            return None

    # -- reading ------------------------------------------------------------------------
    def recent(self, n: int = 20) -> list[LoggedCall]:
        """The last `n` calls, newest first; [] when nothing was logged yet."""
        if not self.path.exists():
            return []
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_WAIT)) as conn:
            conn.row_factory = sqlite3.Row
            try:
                rows = conn.execute(
                    f"SELECT id, {_COLUMNS} FROM calls ORDER BY id DESC LIMIT ?", (max(0, n),)
                ).fetchall()
            except sqlite3.OperationalError as exc:
                if "no such table" in str(exc):
                    return []
                raise
        return [_from_row(r) for r in rows]


class Audit:
    """One call being logged: `done(...)`, `failed(exc)` or `watch(stream)` ends it."""

    def __init__(
        self,
        log: CallLog | None,
        guard: SecretGuard,
        *,
        model: str,
        endpoint: str | None,
        kind: str,
        messages: Sequence[Mapping[str, Any]],
    ) -> None:
        self.log = log
        self.guard = guard
        self.model = model
        self.endpoint = endpoint
        self.kind = kind
        self.messages = [_redacted(dict(m), guard) for m in messages]
        self.started = time.monotonic()
        self.input_tokens: int | None = None
        self.output_tokens: int | None = None

    def usage(self, metadata: Mapping[str, Any] | None) -> None:
        """Count the tokens a response (or a stream's usage chunk) reports."""
        if metadata:
            self.input_tokens = (self.input_tokens or 0) + int(metadata.get("input_tokens", 0))
            self.output_tokens = (self.output_tokens or 0) + int(metadata.get("output_tokens", 0))

    def done(self, response: str, error: BaseException | None = None) -> None:
        if self.log is None:
            return
        prompt = prompt_of(self.messages)
        self.log.add(
            LoggedCall(
                at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                model=self.model,
                endpoint=self.endpoint,
                kind=self.kind,
                messages=self.messages,
                response=self.guard.redact(response),
                latency_ms=round((time.monotonic() - self.started) * 1000),
                prompt=prompt[0] if prompt else None,
                prompt_version=prompt[1] if prompt else None,
                error=self.guard.redact(str(error)) if error is not None else None,
                input_tokens=self.input_tokens,
                output_tokens=self.output_tokens,
            )
        )

    def watch(self, items: Iterator[X], text: Callable[[X], str] = str) -> Iterator[X]:
        """`items` passed through; logged with what came when the stream ends or fails."""
        said: list[str] = []
        try:
            for item in items:
                said.append(text(item))
                yield item
        except Exception as exc:
            self.done("".join(said), exc)
            raise
        self.done("".join(said))


def prompt_of(messages: Sequence[Mapping[str, Any]]) -> tuple[str, int] | None:
    """The prompt file whose system message opens `messages`: (name, version)."""
    if not messages or messages[0].get("role") != "system":
        return None
    return _prompts_by_system().get(str(messages[0].get("content", "")).strip())


@cache
def _prompts_by_system() -> dict[str, tuple[str, int]]:
    from prompts import available_prompts, load_prompt

    out = {}
    for name in available_prompts():
        prompt = load_prompt(name)
        out[prompt.system.strip()] = (prompt.name, prompt.version)
    return out


def log_path(data_location: Path) -> Path:
    return data_location / LOG_FILE


def _redacted(message: dict[str, Any], guard: SecretGuard) -> dict[str, Any]:
    if isinstance(message.get("content"), str):
        message["content"] = guard.redact(message["content"])
    return message


def _json_or_none(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _from_row(row: sqlite3.Row) -> LoggedCall:
    data = dict(row)
    data["messages"] = json.loads(data["messages"])
    data["number_check"] = json.loads(data["number_check"]) if data["number_check"] else None
    return LoggedCall(**data)


def _say(message: str) -> None:
    from assistant.lock import say

    say(message)


__all__ = ["Audit", "CallLog", "LoggedCall", "log_path", "prompt_of", "record_number_check"]
