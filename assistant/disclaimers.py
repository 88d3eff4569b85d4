"""The disclaimers finnews closes its outputs with: one home, one per kind of output.

`REPORT` is stored in `AnalysisReport.disclaimer` in English and translated where it is
shown (`assistant.i18n.notes.note_text`); `disclaimer(kind)` is a disclaimer in the active
language.
"""

from __future__ import annotations

from typing import Literal

from assistant.i18n import N_, _

REPORT = N_(
    "This report describes historical market data and news; it is not investment advice. "
    "Past performance does not predict future results."
)
CHECK = N_("Historical market data; not investment advice.")
DIGEST = N_("Historical market data and news; not investment advice.")

_TEXTS = {"report": REPORT, "check": CHECK, "digest": DIGEST}


def disclaimer(kind: Literal["report", "check", "digest"]) -> str:
    """The disclaimer of `finnews analyze`, `check` or `summarize`, in the active language."""
    return _(_TEXTS[kind])
