"""The web app's guard, one ASGI middleware in front of every request:

- a token (FINNEWS_SERVE_TOKEN) on every request when the app listens beyond this
  machine: an `Authorization: Bearer` header, or `?token=` once (it is then kept in a
  cookie that scripts cannot read);
- on 127.0.0.1 only `Host: localhost / 127.0.0.1 / [::1]` (a web page elsewhere cannot
  reach the app by pointing its own name at this address);
- requests that change or cost something (POST) only from the app's own pages;
- request bodies (pastes, uploads) of at most `max_body` bytes: larger ones get a 413
  whose text says the limit;
- a Content-Security-Policy that runs only the app's own script files (no inline script,
  no other origin; inline styles are allowed for the chart library), and headers that
  keep pages out of frames and referrers.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 1024 * 1024  # bytes: a long article is well under 100 kB of text
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
TOKEN_COOKIE = "finnews_token"
# Styles may be inline: the vendored chart library sets its elements' style attributes.
# Scripts may not: only the app's own files run.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


def too_large(limit: int) -> str:
    return (
        f"The text or file is larger than {limit // 1024} kB, the most this app checks at "
        "once; check a shorter piece, or use `finnews check FILE` for long files."
    )


def is_local(host: str) -> bool:
    return host.strip("[]") in LOCAL_HOSTS


class Guard:
    """See the module docstring. `token` None: local use, where the Host must be local."""

    def __init__(self, app: ASGIApp, *, token: str | None, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        set_cookie: str | None = None
        if self.token is None:
            if not is_local(urlsplit(f"//{host}").hostname or ""):
                await _plain(send, 403, "This app answers only at 127.0.0.1 or localhost.")
                return
        else:
            ok, set_cookie = self._token_ok(scope, headers)
            if not ok:
                await _plain(
                    send, 401, "A token is needed: open the app with ?token=FINNEWS_SERVE_TOKEN "
                    "once, or send the header 'Authorization: Bearer TOKEN'."
                )  # fmt: skip
                return
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            origin = headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc != host:
                await _plain(send, 403, "Requests from other sites are refused.")
                return
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_body:
                await _plain(send, 413, too_large(self.max_body))
                return
            body = await _read_body(receive, self.max_body)
            if body is None:
                await _plain(send, 413, too_large(self.max_body))
                return
            receive = _replay(body, receive)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = list(HEADERS)
                if set_cookie:
                    extra.append((b"set-cookie", set_cookie.encode("latin-1")))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _token_ok(self, scope: Scope, headers: dict[str, str]) -> tuple[bool, str | None]:
        assert self.token is not None
        given = headers.get("authorization", "")
        if given.lower().startswith("bearer ") and _same(given[7:].strip(), self.token):
            return True, None
        cookie: SimpleCookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # noqa: BLE001 - a malformed cookie header is no token
            cookie = SimpleCookie()
        if TOKEN_COOKIE in cookie and _same(cookie[TOKEN_COOKIE].value, self.token):
            return True, None
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if any(_same(t, self.token) for t in query.get("token", [])):
            return True, f"{TOKEN_COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/"
        return False, None


def _same(given: str, token: str) -> bool:
    return secrets.compare_digest(given.encode(), token.encode())


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None once it passes `limit` bytes."""
    parts: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        parts.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(parts)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # after the body: wait for the disconnect

    return again


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
