"""Text shown in Markdown as the reader wrote it: `S&P`, `> 4%` and quotes stay as they are.

Only what a Markdown renderer would turn into something else is escaped, with a backslash
(which every CommonMark renderer removes): a `<` that could open an HTML tag, an `&` that
could start an entity, and, inside table cells, the `|` that would end the cell.
"""

from __future__ import annotations

import re

_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY_START = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def md_text(text: str) -> str:
    """Prose: raw HTML and entity references are shown as text, nothing else changes."""
    return _ENTITY_START.sub(r"\\&", _TAG_START.sub(r"\\<", text))


def md_target(url: str) -> str:
    """A link or image destination: in angle brackets when it holds a space or a parenthesis."""
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


def md_cell(text: str) -> str:
    """A table cell: prose, with `|` escaped and line breaks joined."""
    return " ".join(md_text(text).replace("|", "\\|").split())
