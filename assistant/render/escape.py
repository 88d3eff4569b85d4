"""HTML text, escaped for the page that shows it (Markdown has `assistant.render.markdown`)."""

from __future__ import annotations

import html

from assistant.safety import printable


def html_text(text: str) -> str:
    """Text or an attribute value in HTML: escaped, quotes too, with no control characters."""
    return html.escape(printable(text), quote=True)
