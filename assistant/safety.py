"""Output guards: what finnews shows is inert text, its links are web links, its secrets stay
secret. Every printer and renderer goes through these; they hold no state of their own.

- `printable(text)`: no terminal control sequence survives (escape sequences, carriage
  returns, bells, C1 codes, bidirectional overrides); newlines and tabs stay.
- `printable_json(text)`: the same for JSON text, written as `\\u` escapes, so the data
  read back is unchanged.
- `web_url(url)`: an `http`/`https` URL, else "" (no `javascript:`, `data:`, `file:` ...).
- `SecretGuard`: finds a secret in text also when it is spaced out, split by punctuation,
  reversed or in another case, and replaces it with `REDACTED`; `stream()` does the same
  for text arriving in pieces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote, urlsplit

from pydantic import BaseModel, ValidationError

from assistant.errors import ModelOutputError

if TYPE_CHECKING:
    from assistant.config import Settings

REDACTED = "***"
WEB_SCHEMES = frozenset({"http", "https"})

# Whole escape sequences first (CSI, OSC, DCS/SOS/PM/APC strings, two-byte escapes), so
# that no "[2J" is left behind; then any control character that is left.
_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]"  # other escapes: charset, keypad, save cursor (ESC ( B, ESC 7)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # CSI as one C1 code
)
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_CONTROL_RE = re.compile(f"[{_CONTROL}]")
_JSON_ESCAPE_RE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_URL_UNSAFE = re.compile(r"[<>\"'`\\^{}|\[\]]")

M = TypeVar("M", bound=BaseModel)
I = TypeVar("I")  # noqa: E741 - an item of a stream


def printable(text: str) -> str:
    """`text` safe to write to a terminal: control sequences and characters removed,
    newlines and tabs kept (a CRLF becomes a newline)."""
    if not text:
        return text
    return _CONTROL_RE.sub("", _SEQUENCE.sub("", text.replace("\r\n", "\n")))


def printable_json(text: str) -> str:
    """JSON text safe to write to a terminal. JSON writers already escape C0 codes inside
    strings; this escapes DEL, C1 codes and bidirectional overrides too (`\\u009b`), which
    JSON allows raw but terminals obey. The parsed data is the same."""
    return _JSON_ESCAPE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def web_url(url: str | None) -> str:
    """`url` when it is an absolute http(s) URL with a host, else "". Whitespace and
    control characters are dropped (browsers drop them too, so `java\\tscript:` is no
    disguise) and characters that could end an attribute or a Markdown link are
    percent-encoded."""
    if not url:
        return ""
    cleaned = "".join(printable(url).split())
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return ""
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return ""
    return _URL_UNSAFE.sub(lambda m: quote(m.group(), safe=""), cleaned)


def secrets_of(settings: Settings) -> tuple[str, ...]:
    """What must never be shown: the API key, and a password in the base URL."""
    out = []
    if settings.openai_api_key:
        out.append(settings.openai_api_key.get_secret_value())
    if settings.openai_base_url:
        try:
            password = urlsplit(settings.openai_base_url).password
        except ValueError:
            password = None
        if password:
            out.append(password)
    return tuple(s for s in out if s)


# A secret is sought by its letters and digits alone, so spacing, punctuation, case and
# direction do not hide it; a secret with fewer than this many is sought as written.
_MIN_SKELETON = 8
# Any run of this many letters and digits of a secret, in order or reversed, is a leak
# (a secret shorter than that: all of it).
_WINDOW = 16


def _skeleton(text: str) -> tuple[str, list[int]]:
    """The letters and digits of `text`, NFKC-folded and lower-cased, with the offset in
    `text` that each came from."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            if ch.isalnum():
                chars.append(ch.lower())
                where.append(i)
            continue
        for folded in unicodedata.normalize("NFKC", ch):
            if folded.isalnum():
                chars.append(folded.lower())
                where.append(i)
    return "".join(chars), where


@dataclass(frozen=True)
class _Secret:
    raw: str
    window: int  # letters and digits in a row that count as a leak
    pieces: frozenset[str]  # every run of `window` of them, forwards and backwards


class SecretGuard:
    """Finds secrets in text and replaces them with `REDACTED`.

    A secret with at least 8 letters and digits is found by those alone, ignoring
    everything between them, their case and their direction: `s k - a b c ...`,
    `SK.ABC...` and the key written backwards are all found, and so is any run of 16 of
    its letters and digits. A shorter secret is found only as written."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        found: list[_Secret] = []
        for raw in dict.fromkeys(s for s in secrets if s and s.strip()):
            skeleton, _ = _skeleton(raw)
            if len(skeleton) < _MIN_SKELETON:
                found.append(_Secret(raw, 0, frozenset()))
                continue
            window = min(_WINDOW, len(skeleton))
            runs = {skeleton[i : i + window] for i in range(len(skeleton) - window + 1)}
            runs |= {r[::-1] for r in runs}
            found.append(_Secret(raw, window, frozenset(runs)))
        self._secrets = tuple(found)
        self._window = max((s.window for s in found), default=0)

    def __bool__(self) -> bool:
        return bool(self._secrets)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where secrets are in `text`: merged (start, end) offsets."""
        if not self._secrets or not text:
            return []
        found: list[tuple[int, int]] = []
        folded: tuple[str, list[int]] | None = None
        for secret in self._secrets:
            if not secret.window:
                start = text.find(secret.raw)
                while start != -1:
                    found.append((start, start + len(secret.raw)))
                    start = text.find(secret.raw, start + 1)
                continue
            if folded is None:
                folded = _skeleton(text)
            skeleton, where = folded
            w = secret.window
            for i in range(len(skeleton) - w + 1):
                if skeleton[i : i + w] in secret.pieces:
                    found.append((where[i], where[i + w - 1] + 1))
        return _merge(found)

    def leaks(self, text: str) -> bool:
        return bool(self.spans(text))

    def redact(self, text: str) -> str:
        """`text` with every secret in it replaced by `REDACTED`."""
        spans = self.spans(text)
        if not spans:
            return text
        out, pos = [], 0
        for start, end in spans:
            out += [text[pos:start], REDACTED]
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def redact_model(self, model: M) -> M:
        """A pydantic model with every string in it redacted (the same object when none
        holds a secret). A model that no longer validates is a ModelOutputError."""
        if not self._secrets:
            return model
        data = model.model_dump()
        cleaned = self._redact_data(data)
        if cleaned == data:
            return model
        try:
            return type(model).model_validate(cleaned)
        except ValidationError:
            raise ModelOutputError(
                f"The model's {type(model).__name__} repeats a secret where it cannot be "
                "removed; it was not used."
            ) from None

    def _redact_data(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.redact(value)
        if isinstance(value, dict):
            return {k: self._redact_data(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(self._redact_data(v) for v in value)
        return value

    def stream(self, items: Iterable[I]) -> Iterator[I | str]:
        """Text pieces redacted as they pass, other items (tool calls) unchanged.

        A secret can arrive split over pieces, so the tail that could still be the start
        of one is held back until the next piece shows it is not (or the stream ends)."""
        if not self._secrets:
            yield from items
            return
        held = ""
        for item in items:
            if not isinstance(item, str):
                if held:
                    yield self.redact(held)
                    held = ""
                yield item
                continue
            held += item
            cut = self._safe_cut(held)
            if cut:
                yield self.redact(held[:cut])
                held = held[cut:]
        if held:
            yield self.redact(held)

    def _safe_cut(self, text: str) -> int:
        """How much of `text` can be shown now: all but the letters and digits that could
        begin a secret still arriving (the last `window - 1`), and never part of one."""
        cut = len(text)
        if self._window:
            skeleton, where = _skeleton(text)
            first_held = len(skeleton) - (self._window - 1)
            if skeleton and first_held < len(skeleton):
                cut = where[max(first_held, 0)]
        longest = max((len(s.raw) for s in self._secrets if not s.window), default=0)
        if longest:
            cut = min(cut, len(text) - longest + 1)
        for start, end in self.spans(text):
            if start < cut < end:
                cut = start
        return max(cut, 0)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
