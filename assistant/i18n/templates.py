"""English sentences of the lower layers, shown in the reader's language by their template.

The verdict engine and the data layers write their reasons and errors as English
sentences with values filled in ("no IWM bars up to 2025-12-11"). A `Templates` table
holds each sentence's English template with named placeholders ("no {ticker} bars up to
{day}"); `show` finds the template that reads the whole sentence, translates the template
through the catalog and fills the placeholders back in, each value shown by `fill` (a
day in the reader's format, a nested sentence translated in turn). A sentence no
template reads is returned as it is: English, never a vaguer sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime

from assistant.i18n import _, current
from assistant.i18n.formats import fmt_day

_SLOT = re.compile(r"\{(\w+)\}")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_RECORD_DAY = re.compile(r"[A-Z][a-z]{2} \d{1,2}, \d{4}")

Fill = Callable[[str, str], str]


def slots(template: str) -> list[str]:
    """The placeholder names of `template`, in order."""
    return _SLOT.findall(template)


def shape(template: str) -> str:
    """`template` with every placeholder written `{}`: how two templates are compared."""
    return _SLOT.sub("{}", template)


def _pattern(template: str, free: frozenset[str]) -> re.Pattern[str]:
    parts = _SLOT.split(template)  # literal, name, literal, name ... literal
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(re.escape(part))
        else:  # a value is no list of reasons ("a; b"), unless it is a sentence of its own
            out.append(f"(?P<{part}>.+?)" if part in free else f"(?P<{part}>[^;]+?)")
    return re.compile("".join(out), re.DOTALL)


class Templates:
    """English templates, matched against whole sentences; the most literal text wins.
    A placeholder named in `free` may hold a whole sentence (semicolons too)."""

    def __init__(self, templates: Iterable[str], free: Iterable[str] = ()) -> None:
        ordered = sorted(set(templates), key=lambda t: -len(_SLOT.sub("", t)))
        self.templates = ordered
        self._patterns = [(t, _pattern(t, frozenset(free))) for t in ordered]

    def read(self, text: str) -> tuple[str, dict[str, str]] | None:
        """The template reading all of `text`, with the values of its placeholders."""
        for template, pattern in self._patterns:
            m = pattern.fullmatch(text)
            if m:
                return template, m.groupdict()
        return None

    def show(self, text: str, fill: Fill | None = None) -> str | None:
        """`text` in the active language, or None when no template reads it."""
        found = self.read(text)
        if found is None:
            return None
        template, values = found
        fill = fill or plain_value
        return _(template).format(**{k: fill(k, v) for k, v in values.items()})


def day_value(value: str) -> str | None:
    """A day written `2025-12-11` or `Dec 11, 2025`, in the reader's format."""
    if _ISO_DAY.fullmatch(value):
        return fmt_day(date.fromisoformat(value))
    if _RECORD_DAY.fullmatch(value):
        return fmt_day(datetime.strptime(value, "%b %d, %Y").date())
    return None


def plain_value(key: str, value: str) -> str:
    """A placeholder's value as it is, but a day in the reader's format."""
    if current().catalog == "en":
        return value
    return day_value(value) or value
