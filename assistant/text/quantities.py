"""The number reader: every quantity in a text with its unit, value and written precision.

"0.9%", "412.30 points", "45,120.08", "$244.98", "3.50%-3.75%", "25 basis points",
"twenty-five basis points", "half a percentage point", "a quarter point", "1/4 point",
"3 percentage points", "the third", "5th". Pure functions; no market knowledge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

QUnit = Literal["%", "pp", "bp", "$", "pts", "num", "ord", "range"]

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SIGN = r"(?P<sign>[+\-\u2212])?"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50, "seventy-five": 75,
    "hundred": 100, "a hundred": 100, "one hundred": 100,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_FRACTIONS = {
    "quarter": 25, "a quarter": 25, "one quarter": 25, "1/4": 25, "one-quarter": 25,
    "half": 50, "a half": 50, "one half": 50, "1/2": 50, "one-half": 50,
    "three quarters": 75, "three-quarters": 75, "3/4": 75, "three-quarter": 75,
    "a full": 100, "one full": 100,
}  # fmt: skip
_WORDS = "|".join(sorted(map(re.escape, _WORD_NUMBERS), key=len, reverse=True))
_FRACS = "|".join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True))
_SCALE = r"(?:trillion|billion|million|thousand|bn|mn|tn|[mbk]\b)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 3.50%-3.75%, 3.5% to 3.75%, 3.50-3.75% (not the end of a year: "for 2024 to 24.3%")
    ("range", re.compile(
        r"(?<![\d.,])(?P<lo>\d{1,2}(?:\.\d{1,3})?)\s?%?\s?(?:-|\u2013|\u2014|to)\s?(?P<hi>\d{1,2}(?:\.\d{1,3})?)\s?(?:%|percent\b)",
        re.I)),
    # half a percentage point, a quarter point, three-quarters of a percentage point, 1/4 point
    ("fracpoint", re.compile(
        rf"\b(?P<frac>{_FRACS})(?:[\s-]+of)?(?:[\s-]+an?)?[\s-]+(?P<pp>percentage[\s-]+)?points?\b"
        r"|\b(?P<frac2>half|quarter)[\s-]point\b",
        re.I)),
    ("bp", re.compile(
        rf"{_SIGN}(?P<num>{NUM})[\s-]?(?:basis[\s-]points?|bps?\b|bp\b)"
        rf"|\b(?P<word>{_WORDS})[\s-]basis[\s-]points?\b",
        re.I)),
    ("pp", re.compile(
        rf"{_SIGN}(?P<num>{NUM})[\s-]?(?:percentage|pct\.?)[\s-]?points?\b"
        rf"|\b(?P<word>{_WORDS})[\s-]percentage[\s-]points?\b",
        re.I)),
    ("%", re.compile(rf"{_SIGN}(?P<num>{NUM})\s?(?:%|percent\b|per\s+cent\b|pct\b)", re.I)),
    # "twelve percent": a number written in words is a claim like its digits
    ("%", re.compile(rf"\b(?P<word>{_WORDS})[\s-](?:percent|per\s+cent)\b", re.I)),
    ("$", re.compile(rf"{_SIGN}(?:US)?\$\s?(?P<num>{NUM})(?:\s*(?P<scale>{_SCALE}))?", re.I)),
    ("pts", re.compile(rf"{_SIGN}(?P<num>{NUM})(?:[\s-]+index)?[\s-]+points?\b(?![\s-]*(?:of\s+(?:view|contact)))", re.I)),
    ("ord", re.compile(
        r"\b(?P<word>" + "|".join(ORDINALS) + r")\b|\b(?P<num>\d{1,2})(?:st|nd|rd|th)\b", re.I)),
    ("num", re.compile(rf"(?:(?<![\w.,/:$+\-\u2212])(?P<sign>[+\-\u2212])|(?<![\w.,/:$+\-\u2212]))(?P<num>{NUM})(?![\w%$/]|[.,]\d|:\d)(?:\s*(?P<scale>{_SCALE}))?", re.I)),
]  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    """A number as written: its span, magnitude, unit and the size of its last digit."""

    span: tuple[int, int]
    value: float  # unsigned magnitude, except when written with a sign
    decimals: int
    unit: QUnit
    raw: str
    signed: int = 0  # +1 / -1 when the text wrote "+" / "-", else 0
    scale: str | None = None  # "billion", "million" ...: an amount, never a price or level
    low: float | None = None  # the lower end of a range

    @property
    def start(self) -> int:
        return self.span[0]

    @property
    def end(self) -> int:
        return self.span[1]


def decimals_of(raw: str) -> int:
    raw = raw.replace(",", "")
    return len(raw.split(".")[1]) if "." in raw else 0


def to_float(raw: str) -> float:
    return float(raw.replace(",", ""))


def _sign(m: re.Match[str]) -> int:
    s = m.groupdict().get("sign")
    return 0 if not s else (1 if s == "+" else -1)


_CLOCK = re.compile(r"(?::\d\d)?\s*(?:[ap]\.m\.|[ap]m\b|o['\u2019]clock\b)", re.IGNORECASE)


# a move between two levels, not a range: "climbed from 1.51% to 3.88%", "a jump from"
_MOVED_FROM = re.compile(
    r"\b(?:rose|risen|rising|climbed|climbing|jumped|jumping|soared|soaring|surged|surging|"
    r"increased|advanced|rallied|leapt|leaped|went|gone|moved|shot|spiked|edged|crept|inched|"
    r"rise|climb|jump|surge|increase|advance|leap|move|up)\s+(?:all\s+the\s+way\s+)?from\s+$",
    re.IGNORECASE,
)


def _build(kind: str, m: re.Match[str]) -> Quantity | None:
    g = m.groupdict()
    span = m.span()
    if kind == "range":
        lo, hi = to_float(g["lo"]), to_float(g["hi"])
        if not lo < hi:
            return None
        if re.search(r"\bto\b", m.group(0)) and _MOVED_FROM.search(m.string[: m.start()]):
            return None  # "the 10-year yield climbed from 1.51% to 3.88%": two levels
        dec = max(decimals_of(g["lo"]), decimals_of(g["hi"]))
        return Quantity(span, hi, dec, "range", m.group(0), low=lo)
    if kind == "fracpoint":
        lead = re.match(r"(?:an?|one)\s+", m.group(0), re.I)
        if lead:  # "a quarter point": the number is "quarter point"
            span = (span[0] + lead.end(), span[1])
        frac = (g.get("frac") or g.get("frac2") or "").lower().replace("-", " ")
        frac = frac if frac in _FRACTIONS else frac.replace(" ", "-")
        return Quantity(
            span,
            float(_FRACTIONS.get(frac, 0) or 0),
            0,
            "bp",
            m.group(0)[lead.end() if lead else 0 :],
        )
    if kind in ("bp", "pp"):
        if g.get("word"):
            value, dec = float(_WORD_NUMBERS[g["word"].lower()]), 0
        else:
            value, dec = to_float(g["num"]), decimals_of(g["num"])
        if kind == "pp":  # 0.25 percentage point = 25 bp, precise to the same digit
            return Quantity(span, value, dec, "pp", m.group(0), signed=_sign(m))
        return Quantity(span, value, dec, "bp", m.group(0), signed=_sign(m))
    if kind == "ord":
        if g.get("word"):
            return Quantity(span, float(ORDINALS[g["word"].lower()]), 0, "ord", m.group(0))
        return Quantity(span, float(g["num"]), 0, "ord", m.group(0))
    if kind == "%" and g.get("word"):
        return Quantity(span, float(_WORD_NUMBERS[g["word"].lower()]), 0, "%", m.group(0))
    raw = g["num"]
    if kind == "num" and _CLOCK.match(m.string, m.end()):
        return None  # "the ISM index at 10 a.m.": a clock time
    scale = (g.get("scale") or "").lower() or None
    unit: QUnit = kind  # type: ignore[assignment]
    return Quantity(span, to_float(raw), decimals_of(raw), unit, m.group(0), _sign(m), scale)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in text order; earlier patterns win overlaps (a range over its two %)."""
    return list(_find_quantities(text))


@lru_cache(maxsize=4096)
def _find_quantities(text: str) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            q = _build(kind, m)
            if q is None:
                continue
            found.append(q)
            taken.append((s, e))
    found.sort(key=lambda q: q.span)
    return tuple(found)
