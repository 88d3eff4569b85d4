"""The number check: every number an LLM or the offline engine writes must trace to a source.

`find_numbers` reads the numbers in a text with the one number reader
(`assistant.text.quantities`: percentages, $ amounts, basis points, "half a
percentage point", "1.2 million" ...) and leaves out what is not a quantity:
citation markers, standalone years, dates, times, list markers, tenors ("10-year"),
ordinals, and the numbers inside names and tickers ("S&P SmallCap 600", "Russell 2000").

`check_numbers` matches each one against allowed numbers (from cited passages and
data receipts) within the rounding of the written number, sign-agnostic, and
`NumberCheckResult.apply` flags or removes what did not trace, sentence by sentence
(`assistant.text.citations.cited_sentences`). Pure functions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.market.symbols import find_symbols
from assistant.text.citations import CITATION, cited_sentences
from assistant.text.citations import citations_in as citations_in
from assistant.text.figures import (
    find_dollar_minus,
    find_multiples,
    find_plain_numbers,
    range_ends,
    scale_factor,
)
from assistant.text.quantities import Quantity, find_quantities
from assistant.text.times import DATE_RE, month_re
from assistant.text.zh_numbers import with_chinese

Policy = Literal["flag", "remove"]
Status = Literal["traced", "untraced"]

FLAG = "⚠"
UNCHECKED = "[unchecked]"

# -- what is not a quantity to trace ---------------------------------------------------
# The reader (assistant.text.quantities) finds every number; these spans hold numbers
# that are not quantities: citation markers, dates, clock times, list markers, tenors.
# Names and tickers come from the symbol table (`name_spans`).
_NOT_QUANTITIES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        CITATION.pattern,
        DATE_RE,  # Nov 25, Nov. 25, 2025, 2025-11-25
        r"\b\d{1,2}(?:st|nd|rd|th)?\s+" + month_re("m") + r"(?:,?\s+\d{4}\b)?",  # 25 November
        r"\b\d{1,2}(?::\d{2})?\s?[ap]\.?m\b\.?",  # 10 a.m., 4:30 pm
        r"(?:^|(?<=\n))[ \t]*(?:\(\d+\)|\d+[.)])(?=\s)",  # list markers
        r"#\d+",
        r"\b\d+[- ](?:year|yr|month|week|day|hour|minute)s?\b(?=[- ][a-z])",  # 3 years of
        r"\b\d+-(?:year|yr|month|week|day|hour|minute)s?\b",  # 10-year, 52-week
    )
]
# Index names with a number that the symbol table has no entry for (it knows "S&P 500",
# "Russell 2000", "Nasdaq-100", "Nikkei 225", "S&P SmallCap 600" ...).
_OTHER_INDEXES = {
    "S&P": "1500", "Russell": "1000|2500|3000", "Euro Stoxx": "50", "Stoxx": "50",
    "FTSE": "250|350", "DAX": "30|40", "CAC": "30", "ASX": "200", "KOSPI": "200",
    "Nifty": "50", "TSX": "60", "IBEX": "35", "Dow Jones": "15|20|30", "Dow": "15|20|30",
}  # fmt: skip
_OTHER_INDEX_RE = re.compile(
    "|".join(rf"\b{re.escape(name)}[\s-](?:{nums})\b" for name, nums in _OTHER_INDEXES.items()),
    re.IGNORECASE,
)
_UNITS: dict[str, str | None] = {"%": "%", "pp": "%", "bp": "bp", "$": "$", "pts": "pts"}


@dataclass(frozen=True)
class NumberMention:
    """A number as written: `value` carries the written sign and scale ("1.2 million")."""

    span: tuple[int, int]
    value: float
    unit: str | None  # "%", "$", "bp", "pts", "x" or None
    raw: str
    decimals: int = 0
    tolerance: float = 0.5  # half a unit of the last written digit, times the scale


@dataclass(frozen=True)
class AllowedNumber:
    """A number a text may use: from passage [n] or data receipt [Dn] (`source_id` "n"/"Dn").

    Percentages are in percent (10.8, not 0.108); basis points as bp (25).
    """

    value: float
    source_id: str
    unit: str | None = None
    label: str = ""


@dataclass(frozen=True)
class NumberStatus:
    mention: NumberMention
    status: Status
    source_id: str | None = None
    source_value: float | None = None
    reason: str = ""


@dataclass(frozen=True)
class NumberCheckResult:
    """Every number of `text` with its status; `apply` flags or removes the untraced."""

    text: str
    numbers: tuple[NumberStatus, ...]

    @property
    def traced(self) -> list[NumberStatus]:
        return [n for n in self.numbers if n.status == "traced"]

    @property
    def untraced(self) -> list[NumberStatus]:
        return [n for n in self.numbers if n.status == "untraced"]

    @property
    def untraced_count(self) -> int:
        return len(self.untraced)

    @property
    def ok(self) -> bool:
        return not self.untraced

    def apply(self, policy: Policy = "flag") -> str:
        """Mark untraced numbers `⚠12.3%[unchecked]` ("flag") or drop their sentences."""
        if policy == "flag":
            out = self.text
            for item in sorted(self.untraced, key=lambda n: n.mention.span[0], reverse=True):
                start, end = item.mention.span
                out = f"{out[:start]}{FLAG}{out[start:end]}{UNCHECKED}{out[end:]}"
            return out
        if policy == "remove":
            return _remove_sentences(self.text, [n.mention.span for n in self.untraced])
        raise ValueError(f"unknown policy {policy!r}; use 'flag' or 'remove'")


# -- finding ----------------------------------------------------------------------------
def find_numbers(text: str) -> list[NumberMention]:
    """Every quantity written in `text`, in order (the two ends of a range each count)."""
    skip = [m.span() for rx in _NOT_QUANTITIES for m in rx.finditer(text)] + name_spans(text)
    out: list[NumberMention] = []
    for q in _quantities(text):
        if q.unit == "ord" or _overlaps(q.span, skip) or text[q.start - 1 : q.start] == FLAG:
            continue  # ordinals ("the first", "2nd") are words more often than claims
        out += [m for part in range_ends(q) if (m := _mention(part)) is not None]
    for x in find_multiples(text):
        if not _overlaps(x.span, skip):
            tolerance = 0.5 * 10.0 ** (-x.decimals)
            out.append(NumberMention(x.span, x.value, "x", x.raw, x.decimals, tolerance))
    out.sort(key=lambda n: n.span[0])
    return out


def _quantities(text: str) -> list[Quantity]:
    """The reader's quantities, plus the forms finnews writes that it leaves out."""
    found = find_quantities(text) + find_dollar_minus(text)
    return with_chinese(
        text,
        found
        + [p for p in find_plain_numbers(text) if not _overlaps(p.span, [q.span for q in found])],
    )


def name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of names and tickers ("S&P SmallCap 600", "^SML", "Russell 3000"): their
    numbers are part of the name, never quantities."""
    return [(s, e) for s, e, _ in find_symbols(text)] + [
        m.span() for m in _OTHER_INDEX_RE.finditer(text)
    ]


def _mention(q: Quantity) -> NumberMention | None:
    unit = _UNITS.get(q.unit)
    plain = unit is None and q.scale is None and "," not in q.raw and not q.decimals
    if plain and not q.signed and 1900 <= q.value <= 2100:
        return None  # a year
    scale = scale_factor(q)
    value = (-q.value if q.signed < 0 else q.value) * scale
    tolerance = 0.5 * 10.0 ** (-q.decimals) * scale
    return NumberMention(q.span, value, unit, q.raw, q.decimals, tolerance)


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


# -- sentences ------------------------------------------------------------------------
def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; citation markers right after a full stop stay with it."""
    return cited_sentences(text)


def _remove_sentences(text: str, spans: Sequence[tuple[int, int]]) -> str:
    sentences = sentence_spans(text)
    drop = [s for s in sentences if _overlaps(s, spans)]
    out = text
    for s, e in sorted(drop, reverse=True):
        nxt = re.match(r"[ \t]*", out[e:])
        e2 = e + (nxt.end() if nxt else 0)
        if e2 >= len(out.rstrip()):  # last sentence: take the space before it instead
            s = len(out[:s].rstrip(" \t"))
            e2 = e
        out = out[:s] + out[e2:]
    return out.strip() if not out.strip() else out


# -- checking -----------------------------------------------------------------------------
_FACTORS = {"%": ("rate", 100.0), "bp": ("rate", 1.0), "$": ("level", 1.0)}
_FACTORS.update({"pts": ("level", 1.0), "x": ("ratio", 1.0)})


def matches(mention: NumberMention, allowed: AllowedNumber) -> bool:
    """True when `allowed` rounds to the written number (sign-agnostic, % and bp convert)."""
    return _distance(mention, allowed) is not None


def _distance(mention: NumberMention, allowed: AllowedNumber) -> float | None:
    written, value, tol = abs(mention.value), abs(allowed.value), mention.tolerance
    if mention.unit and allowed.unit:
        group_m, factor_m = _FACTORS.get(mention.unit, (mention.unit, 1.0))
        group_a, factor_a = _FACTORS.get(allowed.unit, (allowed.unit, 1.0))
        if group_m != group_a:
            return None
        written, value, tol = written * factor_m, value * factor_a, tol * factor_m
    diff = abs(written - value)
    if diff <= tol + 1e-9 * max(1.0, value) and math.isfinite(diff):
        return diff
    return None


def allowed_from_text(text: str, source_id: str) -> list[AllowedNumber]:
    """The numbers a passage states, as allowed numbers for source `source_id`."""
    return [AllowedNumber(n.value, source_id, n.unit, n.raw) for n in find_numbers(text)]


def check_numbers(
    text: str,
    allowed: Iterable[AllowedNumber] = (),
    *,
    sources: Mapping[str, str] | None = None,
    require_citation: bool = False,
) -> NumberCheckResult:
    """Trace every number in `text` to an allowed number.

    `sources` maps source ids ("1", "D2") to texts whose numbers are allowed too. With
    `require_citation`, a number traces only to sources cited in its own sentence.
    """
    pool = list(allowed)
    for source_id, source_text in (sources or {}).items():
        pool += allowed_from_text(source_text, source_id)
    sentences = sentence_spans(text) if require_citation else []
    statuses = []
    for mention in find_numbers(text):
        cited: list[str] | None = None
        if require_citation:
            sentence = next((s for s in sentences if _overlaps(mention.span, [s])), (0, 0))
            cited = citations_in(text[sentence[0] : sentence[1]])
        statuses.append(_status(mention, pool, cited))
    return NumberCheckResult(text, tuple(statuses))


def _status(
    mention: NumberMention, pool: list[AllowedNumber], cited: list[str] | None
) -> NumberStatus:
    best: tuple[float, AllowedNumber] | None = None
    uncited: AllowedNumber | None = None
    for candidate in pool:
        distance = _distance(mention, candidate)
        if distance is None:
            continue
        if cited is not None and candidate.source_id not in cited:
            uncited = uncited or candidate
            continue
        if best is None or distance < best[0]:
            best = (distance, candidate)
    if best is not None:
        source = best[1]
        reason = f"matches [{source.source_id}] {source.label or _fmt(source.value)}"
        return NumberStatus(mention, "traced", source.source_id, source.value, reason)
    if cited == []:
        reason = "the sentence cites no source"
    elif uncited is not None:
        reason = f"only [{uncited.source_id}] has it, and this sentence does not cite it"
    else:
        reason = "no cited passage or data receipt has this number"
    return NumberStatus(mention, "untraced", None, None, reason)


def _fmt(value: float) -> str:
    return f"{value:,.6f}".rstrip("0").rstrip(".")
