"""Gaps told after the changes they set apart: "a lead of about 9 percentage points",
"leaving small caps nearly 3 points behind", "That left the stock 5.2 points behind the
benchmark." The sentence reader finds a gap whose two series it names; this one reads the
ones it left, from the last two changes of one period, in the gap's sentence or the two
before it in its paragraph, and only when the writer's own figures bear the gap out (which
two figures it sets apart is otherwise a guess)."""

from __future__ import annotations

import re
from itertools import combinations
from typing import Literal

from assistant.models import Claim
from assistant.text.quantities import Quantity, find_quantities
from assistant.text.times import find_windows

I = re.IGNORECASE  # noqa: E741 - as in the other readers
_HEDGE = (
    r"(?:about|roughly|nearly|almost|some|around|just|close\s+to|approximately|"
    r"(?P<bound>more\s+than|over|less\s+than|under|at\s+least))\s+"
)
# the words before the figure that make it a difference of two changes
_CUE_BEFORE = re.compile(
    r"(?:\b(?:gap|spread|difference|shortfall|margin|lead|edge|advantage|deficit|cushion)\s+of"
    r"|\b(?:beat|beating|beats|outpac\w*|outperform\w*|outr[au]n\w*|outdid|outdoing|bested|"
    r"topped|trail\w*|lagg?\w*|underperform\w*|ahead|behind)\b[^,;.%]{0,60}?\bby)"
    rf"\s+(?:{_HEDGE})?$",
    I,
)
# ... or after it: "leaving small caps nearly 3 points behind", "10.5 points ahead of the index"
_CUE_AFTER = re.compile(r"\s+(?:ahead|behind|better|worse|short|in\s+front)\b", I)
_HEDGE_BEFORE = re.compile(rf"\b{_HEDGE}$", I)
_PARAGRAPH = re.compile(r"\n\s*\n")
_FED = re.compile(r"(?i)\b(?:rates?|fed|federal|basis|yields?|cut|hike|raised|lowered)\b")
_LOOK_BACK = 2  # sentences before the gap's own


def _cued(sentence: str, q: Quantity) -> bool:
    head = sentence[max(0, q.start - 90) : q.start]
    return bool(_CUE_BEFORE.search(head) or _CUE_AFTER.match(sentence, q.end))


def _bound(sentence: str, q: Quantity, sign: int) -> Literal["above", "below"] | None:
    m = _HEDGE_BEFORE.search(sentence[max(0, q.start - 20) : q.start])
    if m is None or m.group("bound") is None:
        return None
    more = m.group("bound").lower() in ("more than", "over", "at least")
    return "above" if more == (sign > 0) else "below"


def _changes(claims: list[Claim], start: int, end: int) -> list[Claim]:
    """The close-to-close percent changes with a subject, between two offsets."""
    return [
        c
        for c in claims
        if c.kind == "pct_change"
        and start <= c.span[0]
        and c.span[1] <= end
        and c.ticker
        and c.start
        and c.end
        and c.field in (None, "close")
        and c.bound is None
    ]


def _pair(changes: list[Claim], size: float) -> tuple[Claim, Claim, Claim] | None:
    """The one pair of changes of a period whose difference, as written, is the gap, and
    the one of them that told the period."""
    tol = max(0.6, 0.06 * size)
    found = [
        (a, b, teller)
        for a, b in combinations(changes[-4:], 2)
        if a.ticker != b.ticker
        and (a.start, a.end, a.window) == (b.start, b.end, b.window)
        and (teller := _teller(a, b)) is not None
        and abs(abs(a.value - b.value) - size) <= tol
    ]
    return found[0] if len(found) == 1 else None


_SOURCES = ("explicit", "section", "carried")


def _teller(a: Claim, b: Claim) -> Claim | None:
    """The one of the pair whose words told their common period most firmly ("The Russell 2000
    rose 3.6% on Thursday and the S&P 500 fell 0.9%": the first, for both); None when neither
    did (both read as the story's day by default)."""
    told = [c for c in (a, b) if c.window_source in _SOURCES]
    return min(told, key=lambda c: _SOURCES.index(c.window_source or "")) if told else None


def _firm(claims: list[Claim], gap: Claim) -> Claim:
    """A gap the sentence reader took with the period of its second change, when that one
    was the story's day by default and the first change, of the same day, told it."""
    if gap.window_source != "default":
        return gap
    for a, b in combinations(_changes(claims, gap.span[0] - len(gap.text), gap.span[0]), 2):
        if (a.ticker, b.ticker) in ((gap.ticker, gap.field), (gap.field, gap.ticker)) and (
            (a.start, a.end, a.window) == (gap.start, gap.end, gap.window)
            and a.text == b.text == gap.text
        ):
            teller = _teller(a, b)
            if teller is not None:
                update = {"window_source": teller.window_source, "period": teller.period}
                return gap.model_copy(update=update)
    return gap


def read_gaps(text: str, sentences: list[tuple[int, int]], claims: list[Claim]) -> list[Claim]:
    """The gaps of `text` no claim in `claims` took, each read against the pair of changes
    before it that it is the difference of; `claims` gets the firmer period of its gaps."""
    claims[:] = [_firm(claims, c) if c.kind == "gap" else c for c in claims]
    taken = [c.span for c in claims]
    out: list[Claim] = []
    for i, (s, e) in enumerate(sentences):
        sentence = text[s:e]
        for q in find_quantities(sentence):
            size = q.value / 100 if q.unit == "bp" and "percentage" in q.raw.lower() else q.value
            if q.unit not in ("pp", "pts", "bp") or size == q.value and q.unit == "bp":
                continue  # ("half a percentage point" is read in basis points)
            if not _cued(sentence, q):
                continue
            at = (s + q.start, s + q.end)
            # a span already taken is passed over, but "putting tech ahead by 7.5 points", read
            # as a move in points, is a gap when two changes before it differ by that
            retaken: list[Claim] = []
            if any(a < at[1] and at[0] < b for a, b in taken):
                retaken = [c for c in claims if c.span[0] < at[1] and at[0] < c.span[1]]
                if not (
                    retaken
                    and all(c.kind == "point_change" for c in retaken)
                    and _CUE_BEFORE.search(sentence[max(0, q.start - 90) : q.start])
                ):
                    continue
            if _FED.search(sentence[max(0, q.start - 60) : q.end + 20]):
                continue  # "cut by half a percentage point": the Fed's move, not a gap
            first = sentences[max(0, i - _LOOK_BACK)][0]
            breaks = [m.end() for m in _PARAGRAPH.finditer(text, first, at[0])]
            pair = _pair(_changes(claims, max([first, *breaks]), at[0]), size)
            if pair is None:
                continue
            a, b, teller = pair
            told = (
                [w for w in find_windows(sentence, a.end) if w.span[1] <= q.start]
                if a.end is not None and a.span[0] < s
                else []
            )
            if told and all((w.start, w.end) != (a.start, a.end) for w in told):
                continue  # "Calendar 2025 alone contributed a margin of 3.8 points": a margin of
                # another period than the pair told before
            own = {c.ticker for c in claims if s <= c.span[0] < at[0] and c.ticker}
            if own and not own & {a.ticker, b.ticker}:
                continue  # "IJR ..., up only 3.1%, which leaves it 3.7 points behind": IJR's
            sign = 1 if a.value >= b.value else -1
            bound = _bound(sentence, q, sign)
            out.append(
                Claim(
                    kind="gap",
                    text=sentence,
                    span=at,
                    subject=a.subject,
                    ticker=a.ticker,
                    value=sign * size,
                    unit="%",
                    decimals=q.decimals if size == q.value else 1,
                    approximate=bound is None and bool(_HEDGE_BEFORE.search(sentence[: q.start])),
                    field=b.ticker,
                    start=a.start,
                    end=a.end,
                    period=teller.period,
                    window=a.window,
                    bound=bound,
                    window_source=teller.window_source,
                    subject_source="explicit"
                    if a.subject_source == b.subject_source == "explicit"
                    else "carried",
                    intraday=a.intraday or b.intraday,
                    unsettled=a.unsettled or b.unsettled,  # (changes to an undated peak)
                )
            )
            taken.append(at)
            if retaken:
                claims[:] = [c for c in claims if all(c is not r for r in retaken)]
    return out
