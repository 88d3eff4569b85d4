"""The markers on a number that did not check, in the reader's language.

The number check writes its markers in English into the text it vets:
`⚠9.9%[unchecked]` (the number traces to no source), `⚠7.6%[contradicted]` (a quoted
number the claim check disputes) and `⚠1.4%[contradicted: data says +1.02%]`. Records
keep them so; `marked_text` shows them where the text is shown:
`⚠9.9%[未核实]`, `⚠1.4%[与数据不符：数据为 +1.02%]`."""

from __future__ import annotations

import re

from assistant.i18n import N_, _, current
from assistant.i18n.claims import verdict_name
from assistant.i18n.templates import Templates
from assistant.numbers import FLAG, UNCHECKED

FLAG_RE = re.compile(re.escape(FLAG) + r"([^\s\[]+)(\[[^\]]+\])")
_VERDICT_RE = re.compile(r"\[(contradicted|misdated)\]")
_DATA_SAYS_RE = re.compile(r"\[(contradicted|misdated): data says ([^\]]+)\]")


def marker(tag: str) -> str:
    """One marker, brackets included, in the active language (an unknown one as it is)."""
    if tag == UNCHECKED:
        return "[" + _("unchecked") + "]"
    if wrong := _VERDICT_RE.fullmatch(tag):
        return "[" + verdict_name(wrong.group(1)) + "]"
    if wrong := _DATA_SAYS_RE.fullmatch(tag):
        return _("[{verdict}: data says {value}]").format(
            verdict=verdict_name(wrong.group(1)), value=wrong.group(2)
        )
    return tag


def marked_text(text: str) -> str:
    """`text` with each flagged number's marker in the active language."""
    if current().catalog == "en" or FLAG not in text:
        return text
    return FLAG_RE.sub(lambda m: FLAG + m.group(1) + marker(m.group(2)), text)


# Why a number is flagged (`assistant.numbers` writes it), by template.
FLAG_REASONS = Templates(
    [
        N_("the sentence cites no source"),
        N_("only [{source}] has it, and this sentence does not cite it"),
        N_("no cited passage or data receipt has this number"),
    ]
)


def flag_reason(reason: str) -> str:
    """Why a number did not trace, in the active language (another reason as it is)."""
    if current().catalog == "en":
        return reason
    return FLAG_REASONS.show(reason) or reason
