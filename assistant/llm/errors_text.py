"""Turning OpenAI-compatible server failures into short, key-free text (shared by adapters)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from assistant.safety import SecretGuard


def server_message(exc: Any) -> str:
    """The server's own error message from an openai APIStatusError, without its code prefix."""
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else None
        if isinstance(message, str) and message:
            return message
    return re.sub(r"^Error code: \d+ - ", "", str(exc.message))


def short(text: str, limit: int = 200) -> str:
    """One line of at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def display_url(url: str) -> str:
    """The endpoint without any user:password part."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def scrub(text: str, secret: str | None) -> str:
    """`text` with the API key replaced by ***, also spaced out or reversed."""
    return SecretGuard([secret]).redact(text)
