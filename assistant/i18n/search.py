"""Why a search found nothing, in the reader's language.

`retrieval.search.explain_no_hits` writes one English sentence ("No passages: no indexed
article mentions ZZZ (5 articles indexed)."); `no_hits_text` shows it through `NO_HITS`,
each reason after "No passages:" through `REASONS`. A sentence of another shape stays
as it is."""

from __future__ import annotations

from assistant.i18n import N_, _, current
from assistant.i18n.templates import Templates, plain_value

NO_HITS = Templates(
    [
        N_("No passages: the news index is empty; add news with {command}."),
        N_("No passages: {reasons}."),
        N_("No passages matched."),
        N_("No passages match {filters} together, though each matches some on its own."),
    ],
    free=("reasons",),
)
REASONS = Templates(
    [
        N_("no indexed article mentions {ticker} ({n} articles indexed)"),
        N_("no source name contains {source} (the sources are {names} and {hidden} more)"),
        N_("no source name contains {source} (the sources are {names})"),
        N_("no source name contains {source} (no article names its source)"),
        N_("no indexed article is dated {span} ({known})"),
    ]
)
SPANS = Templates(
    [
        N_("between {start} and {end}"),
        N_("on or after {start}"),
        N_("on or before {end}"),
        N_("dated articles run from {start} to {end}"),
        N_("no article has a date"),
    ]
)


def _fill(key: str, value: str) -> str:
    if key == "reasons":
        parts = [REASONS.show(p, _fill) for p in value.split("; ")]
        if all(p is not None for p in parts):
            return _("; ").join(p for p in parts if p is not None)
        return value
    if key in ("span", "known"):
        shown = SPANS.show(value, plain_value)
        return value if shown is None else shown
    return plain_value(key, value)


def no_hits_text(message: str) -> str:
    """`explain_no_hits`'s sentence in the active language."""
    if current().catalog == "en":
        return message
    shown = NO_HITS.show(message, _fill)
    return message if shown is None else shown
