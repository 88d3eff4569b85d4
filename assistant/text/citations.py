"""Citation markers ("[1]", "[D2, 3]") and sentences that keep what trails their full stop.

`split_sentences` (sentences.py) ends a sentence at its full stop. Text written for
finnews puts citation markers after it ("... 2.1%. [1] The next ..."), quotes close
after it, and lists number their items. `cited_sentences` builds on `split_sentences`
and keeps markers, closing quotes and brackets with the sentence they follow, starts
a list item on its own line as a new sentence, and never leaves a bare list marker
("1.") as a sentence of its own. Pure functions.
"""

from __future__ import annotations

import bisect
import re

from assistant.text.sentences import split_sentences

CITATION = re.compile(r"\[\s*D?\d+(?:\s*[,;]\s*D?\d+)*\s*\]")
_TRAILING = re.compile(r"[\"'\u201d\u2019)\]]*(?:[ \t]*" + CITATION.pattern + r")*")
_LIST_ITEM = re.compile(r"\n(?=[ \t]*(?:\u2022|\(?\d{1,2}[.)])\s)")
_BARE_MARKER = re.compile(r"(?:\u2022|\(?\d{1,2}[.)])")


def marker_ids(marker: str) -> list[str]:
    """The source ids of one citation marker, as written: '[D2, 3]' -> D2, 3."""
    return [part.strip() for part in re.split(r"[,;]", marker.strip("[] ")) if part.strip()]


def citations_in(text: str) -> list[str]:
    """Source ids cited in `text`, in order, without duplicates: '[1][D2, 3]' -> 1, D2, 3."""
    out: list[str] = []
    for m in CITATION.finditer(text):
        for ident in marker_ids(m.group(0)):
            if ident not in out:
                out.append(ident)
    return out


def anchor_of(ident: str) -> str:
    """The page id a source id links to: [3] -> #p3, [D2] -> #d2."""
    return f"d{ident[1:]}" if ident.startswith("D") else f"p{ident}"


def cited_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of `text`, each with the citations and quotes that close it."""
    out: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None  # a bare list marker waiting for its item
    for s, e in _list_items(text, split_sentences(text)):
        if out and s < out[-1][1]:  # its head was a citation taken by the sentence before
            s = _skip_space(text, out[-1][1])
            if s >= e:
                continue
        trailing = _TRAILING.match(text, e)
        e = trailing.end() if trailing else e
        if _BARE_MARKER.fullmatch(text[s:e]):
            pending = (pending or (s, e))[0], e
            continue
        if pending is not None:
            s, pending = pending[0], None
        out.append((s, e))
    if pending is not None:
        out.append(pending)
    return out


def _list_items(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each span cut before a list item that starts a line ("\\n2. ...", "\\n• ...")."""
    breaks = [m.start() for m in _LIST_ITEM.finditer(text)]
    out: list[tuple[int, int]] = []
    for s, e in spans:
        cuts = breaks[bisect.bisect_right(breaks, s) : bisect.bisect_left(breaks, e)]
        for b in cuts:
            head_end = b
            while head_end > s and text[head_end - 1].isspace():
                head_end -= 1
            if head_end > s:
                out.append((s, head_end))
            s = _skip_space(text, b)
        if e > s:
            out.append((s, e))
    return out


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i
