"""A small, real OpenAI-compatible HTTP server on 127.0.0.1 for tests and benchmarks.

It serves scripted chat completions (plain, JSON, tool calls, SSE streaming) and
injects faults per request: latency, 429 with Retry-After, any HTTP status, a
malformed JSON body, a truncated stream, a dropped connection, a body dripped a byte
at a time (`trickle`). Every request is recorded in `server.requests`.

    with OpenAIServer() as server:
        server.enqueue("Hello")                       # next completion says "Hello"
        server.enqueue(status=429, retry_after="2")   # then a 429
        client = openai.OpenAI(base_url=server.base_url, api_key="x")

Embeddings (POST /v1/embeddings) are toy vectors, deterministic per input text, of
`server.embedding_dims` dimensions; `enqueue_embedding(...)` scripts a fault (status,
Retry-After, latency, malformed body, dropped connection, a dripped answer) for the next
embeddings call.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from assistant.config import Settings


@dataclass
class Reply:
    """One scripted answer, or one fault, for the next request."""

    text: str | None = None
    json: Any = None  # serialized into the message content (structured output)
    tool_calls: list[dict[str, Any]] | None = None  # [{"name": ..., "arguments": {...}}]
    finish_reason: str | None = "stop"  # None: the stream ends without a finish reason
    latency: float = 0.0  # seconds to wait before answering
    status: int = 200
    retry_after: str | float | None = None  # Retry-After header on an error status
    error_body: Any = None  # JSON body for an error status (default: OpenAI-style error)
    malformed: bool = False  # 200 with a body that is not valid JSON
    drop: bool = False  # close the socket without any response
    truncate_after: int | None = None  # stream: send this many chunks, then cut the socket
    chunk_size: int = 8  # stream: characters per content chunk
    trickle: float = 0.0  # seconds between bytes of the body (a server that drips its answer)

    def content(self) -> str | None:
        if self.json is not None:
            return json.dumps(self.json)
        return self.text


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: Any = None

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages", [])) if isinstance(self.body, dict) else []

    @property
    def raw(self) -> str:
        """Everything that was sent: headers and body, to assert what never leaves."""
        return json.dumps({"headers": self.headers, "body": self.body})


@dataclass
class _State:
    queue: deque[Reply] = field(default_factory=deque)
    embedding_queue: deque[Reply] = field(default_factory=deque)
    requests: list[RecordedRequest] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class OpenAIServer:
    """Scripted OpenAI-compatible server; use as a context manager or start()/stop().

    Replies come from the queue (`enqueue`), else from `responder(request)` when set,
    else `default` when set, else a 500 saying nothing was scripted.
    """

    def __init__(self, model: str = "test-model") -> None:
        self.model = model
        self.default: Reply | None = None
        self.responder: Callable[[RecordedRequest], Reply] | None = None
        self.embedding_dims = 8  # length of every embedding vector served
        self._state = _State()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------
    def start(self) -> OpenAIServer:
        handler = _make_handler(self)
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        httpd.daemon_threads = True
        httpd.block_on_close = False
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> OpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    # -- scripting ---------------------------------------------------------
    def enqueue(self, text: str | None = None, **kwargs: Any) -> Reply:
        """Queue the reply for the next request; keyword arguments are `Reply` fields."""
        reply = Reply(text=text, **kwargs)
        with self._state.lock:
            self._state.queue.append(reply)
        return reply

    def enqueue_embedding(self, **kwargs: Any) -> Reply:
        """Queue a fault for the next embeddings request (`Reply` fields; text is unused).

        With an empty embeddings queue, embeddings requests get their vectors.
        """
        reply = Reply(**kwargs)
        with self._state.lock:
            self._state.embedding_queue.append(reply)
        return reply

    @property
    def embedding_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.rstrip("/").endswith("/embeddings")]

    def _next_embedding_reply(self, request: RecordedRequest) -> Reply | None:
        with self._state.lock:
            self._state.requests.append(request)
            if self._state.embedding_queue:
                return self._state.embedding_queue.popleft()
        return None

    @property
    def pending(self) -> int:
        return len(self._state.queue)

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._state.lock:
            return list(self._state.requests)

    @property
    def completion_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def _next_reply(self, request: RecordedRequest) -> Reply:
        with self._state.lock:
            self._state.requests.append(request)
            if self._state.queue:
                return self._state.queue.popleft()
        if self.responder is not None:
            return self.responder(request)
        if self.default is not None:
            return self.default
        return Reply(status=500, error_body=_error("no scripted response left", "server_error"))


def _error(message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}


def _make_handler(server: OpenAIServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            return

        def handle(self) -> None:
            try:
                super().handle()
            except (TimeoutError, OSError):  # a client that hung up
                return

        # -- routes ---------------------------------------------------------
        def do_GET(self) -> None:  # noqa: N802
            record = self._record(None)
            if self.path.rstrip("/").endswith("/models"):
                server._state.requests.append(record)
                data = [{"id": server.model, "object": "model", "created": 0, "owned_by": "test"}]
                self._send_json(200, {"object": "list", "data": data})
            else:
                self._send_json(404, _error(f"no route {self.path}", "not_found"))

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode("utf-8", "replace")
            record = self._record(body)
            if self.path.rstrip("/").endswith("/embeddings"):
                fault = server._next_embedding_reply(record)
                if fault is None or not self._fault(fault):
                    self._embeddings(body, fault.trickle if fault else 0.0)
                return
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._send_json(404, _error(f"no route {self.path}", "not_found"))
                return
            reply = server._next_reply(record)
            if reply.latency:
                time.sleep(reply.latency)
            if reply.drop:
                self._drop()
                return
            if reply.status != 200:
                headers = {}
                if reply.retry_after is not None:
                    headers["Retry-After"] = str(reply.retry_after)
                body_out = reply.error_body or _error(f"scripted {reply.status}", "scripted")
                self._send_json(reply.status, body_out, headers)
                return
            if reply.malformed:
                self._send_bytes(200, b'{"id": "chatcmpl-x", "choices": [{"mess', "json")
                return
            if isinstance(body, dict) and body.get("stream"):
                self._stream(reply, body)
            else:
                data = json.dumps(_completion(server.model, reply)).encode()
                self._send_bytes(200, data, "json", trickle=reply.trickle)

        # -- helpers --------------------------------------------------------
        def _fault(self, reply: Reply) -> bool:
            """Act out a scripted fault (after its latency); False when there is none."""
            if reply.latency:
                time.sleep(reply.latency)
            if reply.drop:
                self._drop()
                return True
            if reply.status != 200:
                headers = {}
                if reply.retry_after is not None:
                    headers["Retry-After"] = str(reply.retry_after)
                body_out = reply.error_body or _error(f"scripted {reply.status}", "scripted")
                self._send_json(reply.status, body_out, headers)
                return True
            if reply.malformed:
                self._send_bytes(200, b'{"object": "list", "data": [{"embe', "json")
                return True
            return False

        def _record(self, body: Any) -> RecordedRequest:
            return RecordedRequest(
                method=self.command,
                path=self.path,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
            )

        def _drop(self) -> None:
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self.connection.close()

        def _send_json(self, status: int, obj: Any, headers: dict[str, str] | None = None) -> None:
            self._send_bytes(status, json.dumps(obj).encode(), "json", headers)

        def _send_bytes(
            self,
            status: int,
            data: bytes,
            kind: str,
            headers: dict[str, str] | None = None,
            *,
            trickle: float = 0.0,
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"application/{kind}")
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self._drip(data, trickle)

        def _drip(self, data: bytes, trickle: float) -> None:
            """Write `data`, a byte every `trickle` seconds when that is set."""
            if not trickle:
                self.wfile.write(data)
                self.wfile.flush()
                return
            for i in range(len(data)):
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
                time.sleep(trickle)

        def _stream(self, reply: Reply, body: dict[str, Any]) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            chunks = _stream_chunks(server.model, reply, body)
            for n, event in enumerate(chunks):
                if reply.truncate_after is not None and n >= reply.truncate_after:
                    self.wfile.flush()
                    self._drop()
                    return
                self._write_chunk(f"data: {json.dumps(event)}\n\n".encode(), reply.trickle)
            self._write_chunk(b"data: [DONE]\n\n", reply.trickle)
            self._write_chunk(b"")

        def _write_chunk(self, data: bytes, trickle: float = 0.0) -> None:
            self._drip(f"{len(data):x}\r\n".encode() + data + b"\r\n", trickle)

        def _embeddings(self, body: Any, trickle: float = 0.0) -> None:
            inputs = body.get("input", []) if isinstance(body, dict) else []
            if isinstance(inputs, str):
                inputs = [inputs]
            data = [
                {
                    "object": "embedding",
                    "index": i,
                    "embedding": _fake_embedding(str(text), server.embedding_dims),
                }
                for i, text in enumerate(inputs)
            ]
            usage = {"prompt_tokens": 0, "total_tokens": 0}
            model = body.get("model", "test") if isinstance(body, dict) else "test"
            answer = {"object": "list", "data": data, "model": model, "usage": usage}
            self._send_bytes(200, json.dumps(answer).encode(), "json", trickle=trickle)

    return Handler


def _fake_embedding(text: str, dims: int = 8) -> list[float]:
    """Deterministic toy vector: letter counts folded into `dims` buckets, normalized."""
    vec = [0.0] * dims
    for ch in text.lower():
        if ch.isalnum():
            vec[ord(ch) % dims] += 1.0
    norm = sum(v * v for v in vec) ** 0.5 or 1.0
    return [v / norm for v in vec]


def _tool_calls(reply: Reply) -> list[dict[str, Any]]:
    return [
        {
            "id": f"call_{i}",
            "type": "function",
            "function": {"name": call["name"], "arguments": json.dumps(call["arguments"])},
        }
        for i, call in enumerate(reply.tool_calls or [])
    ]


def _completion(model: str, reply: Reply) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply.content()}
    finish = reply.finish_reason or "stop"
    if reply.tool_calls:
        message["tool_calls"] = _tool_calls(reply)
        finish = "tool_calls"
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _stream_chunks(model: str, reply: Reply, body: dict[str, Any]) -> list[dict[str, Any]]:
    def chunk(delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
        return {
            "id": "chatcmpl-test",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
        }

    text = reply.content() or ""
    size = max(1, reply.chunk_size)
    events = [chunk({"role": "assistant", "content": ""}, None)]
    events += [chunk({"content": text[i : i + size]}, None) for i in range(0, len(text), size)]
    finish = reply.finish_reason
    if reply.tool_calls:  # streamed as OpenAI does: one delta holding every call, indexed
        calls = [{"index": i, **call} for i, call in enumerate(_tool_calls(reply))]
        events.append(chunk({"tool_calls": calls}, None))
        finish = "tool_calls" if finish else None
    events.append(chunk({}, finish))
    if (body.get("stream_options") or {}).get("include_usage"):
        usage = {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
        events.append({**chunk({}, None), "choices": [], "usage": usage})
    return events


def server_settings(server: OpenAIServer, **env: Any) -> Settings:
    """Settings that point finnews at `server` (short timeout); `env` overrides any value."""
    values: dict[str, Any] = {
        "OPENAI_BASE_URL": server.base_url,
        "FINNEWS_OFFLINE": False,
        "FINNEWS_MODEL": "test-model",
        "FINNEWS_LLM_TIMEOUT": 5.0,
        "FINNEWS_LLM_RETRIES": 3,
    }
    values.update(env)
    return Settings(**values)
