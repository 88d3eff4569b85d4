"""Total deadlines for calls to the outside, and a notice while a wait is long.

httpx bounds each connect and each read, not a whole request: a server that sends a
byte now and then keeps a request open for ever. `DeadlineClient` is an httpx.Client
whose every request (its headers and its whole body, redirects included) ends by a
deadline: at that moment the socket is shut down and the request fails with
`DeadlineExceeded`, an httpx.ReadTimeout, so code that handles timeouts handles it.
`run_with_deadline()` bounds a blocking call into a library without such a hook
(yfinance), and `WaitNotice` says on stderr that a long wait is still a wait.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO, TypeVar

import httpx

R = TypeVar("R")

# deadline_for() -> the time.monotonic() by which a request starting now must be over
DeadlineFor = Callable[[], float]

_TIMEOUT_KEYS = ("connect", "read", "write", "pool")
_NEW_STREAM_EVENTS = ("connection.connect_tcp.complete", "connection.start_tls.complete")
_SENDING_EVENTS = ("http11.send_request_headers.started", "http2.send_request_headers.started")


class DeadlineExceeded(httpx.ReadTimeout):
    """A request was still unfinished at its deadline."""


class DeadlineClient(httpx.Client):
    """An httpx.Client whose requests end by `deadline_for()` (taken when each starts).

    Each connect and read waits at most the time left; at the deadline a watchdog shuts
    the connection down, so even a server that drips a byte at a time is cut off, on a new
    connection or a kept-alive one (whose headers would otherwise only meet the read
    timeout, which each dripped byte starts again).
    """

    def __init__(self, deadline_for: DeadlineFor, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._deadline_for = deadline_for

    def send(
        self, request: httpx.Request, *, stream: bool = False, **kwargs: Any
    ) -> httpx.Response:
        end = self._deadline_for()
        left = end - time.monotonic()
        if left <= 0:
            raise DeadlineExceeded("no time was left for this request", request=request)
        transport = self._transport_for_url(request.url)
        watchdog = _Watchdog(end, lambda core_request: _kept_stream(transport, core_request))
        request.extensions = {
            **request.extensions,
            "timeout": _shortened(request.extensions.get("timeout"), self.timeout, left),
            "trace": watchdog.tracer(request.extensions.get("trace")),
        }
        watchdog.start()
        try:
            response = super().send(request, stream=True, **kwargs)
        except httpx.TransportError as exc:
            watchdog.stop()
            if watchdog.fired:
                raise DeadlineExceeded(_over(left), request=request) from exc
            raise
        except BaseException:
            watchdog.stop()
            raise
        watchdog.watch(response.extensions.get("network_stream"))
        assert isinstance(response.stream, httpx.SyncByteStream)  # a sync client's body
        response.stream = _WatchedStream(response.stream, watchdog, request, _over(left))
        if not stream:
            try:
                response.read()
            except BaseException:
                response.close()
                raise
        return response


def _kept_stream(transport: httpx.BaseTransport, core_request: Any) -> Any:
    """The network stream of the kept-alive connection that httpcore's pool gave to
    `core_request` (no trace event names it), or None when the pool's records are not
    what this code knows (another httpcore, a proxy, a transport of another kind)."""
    try:
        for pending in list(transport._pool._requests):  # type: ignore[attr-defined]
            if pending.request is core_request and pending.connection is not None:
                return pending.connection._connection._network_stream
    except AttributeError:
        return None
    return None


def _over(seconds: float) -> str:
    return f"the request was not over within {seconds:.3g} s"


def _shortened(given: Any, default: httpx.Timeout, left: float) -> dict[str, float]:
    """The request's connect/read/write/pool timeouts, none longer than `left`."""
    values = given if isinstance(given, dict) else default.as_dict()
    out = {}
    for key in _TIMEOUT_KEYS:
        value = values.get(key)
        out[key] = left if value is None else min(float(value), left)
    return out


class _Watchdog:
    """Shuts the request's connection down when its deadline passes."""

    def __init__(self, end: float, kept_stream: Callable[[Any], Any]) -> None:
        self.end = end
        self.fired = False
        self._kept_stream = kept_stream
        self._stream: Any = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="finnews-deadline", daemon=True)

    def tracer(self, chained: Any) -> Callable[[str, dict[str, Any]], None]:
        """An httpcore trace hook that learns the connection as soon as it is made."""

        def trace(event: str, info: dict[str, Any]) -> None:
            if event in _NEW_STREAM_EVENTS and info.get("return_value") is not None:
                self.watch(info["return_value"])
            elif event in _SENDING_EVENTS and self._stream is None:  # a kept-alive connection
                self.watch(self._kept_stream(info.get("request")))
            if chained is not None:
                chained(event, info)

        return trace

    def watch(self, network_stream: Any) -> None:
        if network_stream is not None:
            self._stream = network_stream
            if self.fired:
                self._cut()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._done.set()

    def _run(self) -> None:
        if not self._done.wait(max(0.0, self.end - time.monotonic())):
            self.fired = True
            self._cut()

    def _cut(self) -> None:
        stream = self._stream
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is None:
            return
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed: nothing left to cut


class _WatchedStream(httpx.SyncByteStream):
    """A response body that stops at the deadline (and stops the watchdog at its end)."""

    def __init__(
        self, inner: httpx.SyncByteStream, watchdog: _Watchdog, request: httpx.Request, why: str
    ) -> None:
        self._inner = inner
        self._watchdog = watchdog
        self._request = request
        self._why = why

    def __iter__(self) -> Iterator[bytes]:
        try:
            for chunk in self._inner:
                if self._watchdog.fired or time.monotonic() >= self._watchdog.end:
                    raise DeadlineExceeded(self._why, request=self._request)
                yield chunk
        except httpx.TransportError as exc:
            if self._watchdog.fired and not isinstance(exc, DeadlineExceeded):
                raise DeadlineExceeded(self._why, request=self._request) from exc
            raise
        finally:
            self._watchdog.stop()

    def close(self) -> None:
        self._watchdog.stop()
        self._inner.close()


# -- calls without a transport to hook --------------------------------------------------
class CallTimedOut(Exception):
    """`run_with_deadline` gave up waiting."""


def run_with_deadline(call: Callable[[], R], seconds: float, *, name: str = "call") -> R:
    """`call()` in a worker thread; CallTimedOut when it is not back within `seconds`.

    The worker is left to finish on its own (its library's own timeouts end it); what it
    returns then is dropped.
    """
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            box["error"] = exc

    worker = threading.Thread(target=work, name=f"finnews-{name}", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise CallTimedOut(f"{name} was not over within {seconds:g} s")
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


# -- saying that a wait goes on ---------------------------------------------------------
_speaking = threading.Lock()  # one notice at a time on the terminal, however many waits


class WaitNotice:
    """Tells the user a call is still waiting: "waiting for the model (12 s)...".

    Nothing for the first `after` seconds; then on a terminal one line rewritten every
    second and erased when the wait ends; elsewhere (a log, a pipe) a line every
    `every` seconds. Several waits at once (threads) share one notice.
    """

    def __init__(
        self,
        what: str,
        *,
        after: float = 2.0,
        every: float | None = None,
        stream: Callable[[], TextIO] | None = None,
    ) -> None:
        self.what = what
        self.after = after
        self.every = every
        self._stream = stream

    def stream(self) -> TextIO:
        """Where the notice goes: stderr as it is when the notice speaks, unless given."""
        return self._stream() if self._stream else sys.stderr

    def begin(self) -> Wait:
        """Start timing a wait; `end()` it (it may be ended twice) when the answer starts."""
        return Wait(self)

    @contextmanager
    def waiting(self) -> Iterator[Wait]:
        wait = self.begin()
        try:
            yield wait
        finally:
            wait.end()


class Wait:
    """One wait that a `WaitNotice` speaks about until `end()` (none: a silent wait)."""

    def __init__(self, notice: WaitNotice | None) -> None:
        self._notice = notice
        self._start = time.monotonic()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        if notice is not None:
            self._thread = threading.Thread(target=self._speak, name="finnews-wait", daemon=True)
            self._thread.start()

    def end(self) -> None:
        """Stop (and erase a terminal notice) before anything else is printed."""
        self._done.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()

    def _speak(self) -> None:
        notice = self._notice
        if notice is None or self._done.wait(notice.after):
            return
        out = notice.stream()
        tty = _isatty(out)
        every = notice.every if notice.every is not None else (1.0 if tty else 10.0)
        holding = False
        width = 0
        try:
            while True:
                holding = holding or _speaking.acquire(blocking=False)
                if holding:
                    seconds = time.monotonic() - self._start
                    text = f"waiting for {notice.what} ({seconds:.0f} s)..."
                    if tty:
                        out.write("\r" + text.ljust(width))
                        width = max(width, len(text))
                    else:
                        out.write(text + "\n")
                    out.flush()
                if self._done.wait(every):
                    break
        except (OSError, ValueError):
            pass  # the terminal is gone; the wait goes on without a notice
        finally:
            if holding:
                if tty and width:
                    try:
                        out.write("\r" + " " * width + "\r")
                        out.flush()
                    except (OSError, ValueError):
                        pass
                _speaking.release()


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
