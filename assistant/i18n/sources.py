"""Where a run's market data came from, in the reader's language.

`analysis.provenance.SourceLog.message()` writes one English line ("Market data: the
bundled snapshot for IWM, QQQ. The snapshot served because ..."); `sources_line` shows
it through its templates, the reason after a fallback read as an error message. A line
of another shape stays as it is."""

from __future__ import annotations

import re

from assistant.i18n import N_, _, current
from assistant.i18n.errors import error_text

# `analysis.provenance.SOURCE_NAMES`
SOURCES = {
    w: w
    for w in (
        N_("Yahoo Finance"),
        N_("the local cache of Yahoo Finance prices"),
        N_("the bundled snapshot"),
    )
}
_LINE = re.compile(r"Market data: (?P<parts>.+?)(?:\. The snapshot served because (?P<why>.+))?\.")
_PART = re.compile(rf"(?P<source>{'|'.join(map(re.escape, SOURCES))}) for (?P<tickers>.+)")


def sources_line(line: str) -> str:
    """`Market data: ...` in the active language."""
    m = _LINE.fullmatch(line)
    if current().catalog == "en" or m is None:
        return line
    parts = []
    for part in m.group("parts").split("; "):
        p = _PART.fullmatch(part)
        if p is None:
            return line
        parts.append(
            _("{source} for {tickers}").format(source=_(SOURCES[p["source"]]), tickers=p["tickers"])
        )
    shown = _("Market data: {parts}.").format(parts=_("; ").join(parts))
    if m.group("why"):
        why = _reason(m.group("why"))
        shown += _(" The snapshot served because {why}.").format(why=why.rstrip("。."))
    return shown


def _reason(why: str) -> str:
    """Why the snapshot served: one provider's error, or several joined by "; "."""
    shown = error_text(why)
    if shown == why and "; " in why:
        return _("; ").join(error_text(w) for w in why.split("; "))
    return shown
