"""Text shown in Markdown as the reader wrote it: `S&P`, `> 4%` and quotes stay as they are.

Only what a Markdown renderer would turn into something else is neutralised:

- a `<` that could open an HTML tag, comment or autolink becomes `&lt;`, and an `&` that
  could start an entity `&amp;` (entities are the one escape that every Markdown
  renderer honours: Python-Markdown and Markdown.pl ignore a backslash before `<`);
- a link or image written in the text (`](`) and what could be a link definition
  (`[x]:`) get a backslash, so no text from an article or an LLM becomes a link;
- inside table cells, the `|` that would end the cell;
- control characters are dropped (`assistant.safety.printable`).

The links finnews writes itself go through `md_link`, which takes only http(s) URLs.
"""

from __future__ import annotations

import re

from assistant.safety import printable, web_url

_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY_START = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINK_TARGET = re.compile(r"\](?=\()")
_LINK_DEFINITION = re.compile(r"\[(?=[^\]\n]*\]:)")


def md_text(text: str) -> str:
    """Prose: raw HTML, entity references and link syntax are shown as text."""
    text = printable(text)
    text = _ENTITY_START.sub("&amp;", text)
    text = _TAG_START.sub("&lt;", text)
    text = _LINK_TARGET.sub(r"]\\", text)
    return _LINK_DEFINITION.sub(r"\\[", text)


def md_target(url: str) -> str:
    """A link or image destination: in angle brackets when it holds a space or a parenthesis."""
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


def md_link(label: str, url: str) -> str:
    """`[label](url)` when `url` is an http(s) URL, else the label alone, as text."""
    safe = web_url(url)
    text = md_text(label).replace("[", "\\[").replace("]", "\\]")
    return f"[{text}]({md_target(safe)})" if safe else md_text(label)


def md_cell(text: str) -> str:
    """A table cell: prose, with `|` escaped and line breaks joined."""
    return " ".join(md_text(text).replace("|", "\\|").split())
