"""What callers of the number reader (quantities.py) need beyond `find_quantities`.

A range's two ends as quantities of their own ("3.50%-3.75%": 3.50% and 3.75%), the
factor a scale word stands for ("1.2 million"), and forms finnews itself writes that
`find_quantities` does not read: multiples ("15.7x", a P/E), a minus after the dollar
sign ("$-2.50", a negative dollar amount), a signed plain number ("whose range was
-3.58 to 5.08") and a plain number before a colon ("close 125.46: +11.97%"). The
reader's plain-number pattern checks for a "-" before the digits after taking the
sign, so it never reads a signed plain number, and its guard against clock times
("10:30") turns away any number followed by ":". Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.quantities import NUM, Quantity, decimals_of, to_float

SCALES = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
_END = re.compile(rf"(?P<num>{NUM})(?:\s?(?:%|percent\b))?", re.I)
_SCALE_WORD = "(?:" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")\b"
_DOLLAR_MINUS = re.compile(
    rf"(?<![\w$])(?:US)?\$[-\u2212](?P<num>{NUM})(?:\s*(?P<scale>{_SCALE_WORD}))?", re.I
)
_PLAIN = re.compile(
    rf"(?:(?<![\w.,/:$+\-\u2212])(?P<sign>[+\-\u2212])|(?<![\w.,/:$+\-\u2212]))"
    rf"(?P<num>{NUM})(?![\w%$/]|[.,]\d|:\d)(?:\s*(?P<scale>{_SCALE_WORD}))?",
    re.I,
)
_MULTIPLE = re.compile(rf"(?<![\w.,$/])(?P<num>{NUM})x(?![A-Za-z0-9])")


@dataclass(frozen=True)
class Multiple:
    """A multiple as written ("15.7x"): its span, value and decimals."""

    span: tuple[int, int]
    value: float
    decimals: int
    raw: str


def scale_factor(q: Quantity) -> float:
    """What the quantity's scale word multiplies it by: 1e6 for "1.2 million", else 1."""
    return SCALES.get((q.scale or "").lower(), 1.0)


def range_ends(q: Quantity) -> list[Quantity]:
    """The low and high ends of a range quantity, each a "%" quantity with its own span.

    A "%" written right after an end stays with it: "3.50%-3.75%" gives "3.50%" and
    "3.75%", "3.50-3.75%" gives "3.50" and "3.75%". Other quantities come back as they are.
    """
    if q.unit != "range":
        return [q]
    out = []
    for m in list(_END.finditer(q.raw))[:2]:
        span = (q.start + m.start(), q.start + m.end())
        raw = m.group("num")
        out.append(Quantity(span, to_float(raw), decimals_of(raw), "%", m.group(0)))
    return out


def find_multiples(text: str) -> list[Multiple]:
    """Every multiple written as a number followed by "x" ("15.7x", "3x"), in text order."""
    return [
        Multiple(
            (m.start(), m.end()),
            to_float(m.group("num")),
            decimals_of(m.group("num")),
            m.group(0),
        )
        for m in _MULTIPLE.finditer(text)
    ]


def find_dollar_minus(text: str) -> list[Quantity]:
    """Negative dollar amounts written with the minus after the sign ("$-2.50")."""
    return [
        Quantity(
            m.span(),
            to_float(m.group("num")),
            decimals_of(m.group("num")),
            "$",
            m.group(0),
            signed=-1,
            scale=(m.group("scale") or "").lower() or None,
        )
        for m in _DOLLAR_MINUS.finditer(text)
    ]


def find_plain_numbers(text: str) -> list[Quantity]:
    """Plain numbers ("num"), signed ones ("-3.58") and ones before a colon ("125.46:")
    included; a caller keeps the reader's quantity wherever the two overlap."""
    return [
        Quantity(
            m.span(),
            to_float(m.group("num")),
            decimals_of(m.group("num")),
            "num",
            m.group(0),
            signed=0 if not m.group("sign") else (1 if m.group("sign") == "+" else -1),
            scale=(m.group("scale") or "").lower() or None,
        )
        for m in _PLAIN.finditer(text)
    ]
