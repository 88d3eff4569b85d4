"""The number check: every number an LLM or the offline engine writes must trace to a source.

`find_numbers` reads the numbers in a text (percentages, $ amounts, basis points,
"quarter-point", "1.2 million" ...), skipping what is not a quantity: citation
markers, standalone years, dates, times, list markers, index names ("S&P 500"),
tenors ("10-year") and tokens such as "Q3" or "COVID-19".

`check_numbers` matches each one against allowed numbers (from cited passages and
data receipts) within the rounding of the written number, sign-agnostic, and
`NumberCheckResult.apply` flags or removes what did not trace. Pure functions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Policy = Literal["flag", "remove"]
Status = Literal["traced", "untraced"]

FLAG = "⚠"
UNCHECKED = "[unchecked]"

# -- what a number looks like ---------------------------------------------------------
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_SCALE_WORDS = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12, "tn": 1e12}
_NUMBER_RE = re.compile(
    r"(?:(?P<cur>US\$|\$)(?P<sign2>[-−])?)?(?P<num>" + _NUM + r")"
    r"(?P<scale>\s?(?:million|billion|trillion)\b|(?:mn|bn|tn|[kKmMbBtT])(?![A-Za-z]))?"
    r"(?P<unit>\s?(?:%|percentage[- ]points?\b|percent\b|per\s?cent\b|pct\b"
    r"|basis[- ]points?\b|bps?\b|points?\b|pts\b)|x(?![A-Za-z]))?"
)
_WORD_POINTS = re.compile(
    r"(?P<v75>three[- ]quarters?[- ]of[- ]a[- ](?:percentage[- ])?point"
    r"|three[- ]quarter[- ](?:percentage[- ])?point)"
    r"|(?P<v25>quarter[- ]of[- ]a[- ](?:percentage[- ])?point|quarter[- ](?:percentage[- ])?point)"
    r"|(?P<v50>half[- ]a[- ](?:percentage[- ])?point|half[- ](?:percentage[- ])?point)",
    re.IGNORECASE,
)

# -- what is not a quantity -----------------------------------------------------------
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_CITATION_RE = re.compile(r"\[\s*D?\d+(?:\s*[,;]\s*D?\d+)*\s*\]")
_IGNORED_RE = re.compile(
    "|".join(
        [
            _CITATION_RE.pattern,
            r"\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?",
            r"\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"(?![A-Za-z])(?:,?\s+\d{4}\b)?",
            r"\b\d{4}-\d{2}-\d{2}\b",
            r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
            r"\b\d{1,2}:\d{2}(?::\d{2})?\b",
            r"(?:^|(?<=\n))[ \t]*(?:\(\d+\)|\d+[.)])(?=\s)",
            r"#\d+",
            r"\b\d+[- ](?:year|yr|month|week|day|hour|minute)s?\b(?=[- ](?:[a-z]))",
            r"\b\d+-(?:year|yr|month|week|day|hour|minute)s?\b",
            r"\b(?:S&P|S&amp;P)\s?(?:400|500|600|1500)\b",
            r"\bRussell\s(?:1000|2000|2500|3000|Microcap)\b",
            r"\b(?:Nasdaq|NASDAQ)[\s-]100\b",
            r"\bFTSE\s(?:100|250|350)\b",
            r"\b(?:Euro\s)?(?:Stoxx|STOXX)\s(?:50|600)\b",
            r"\bNikkei\s225\b",
            r"\b(?:CAC|DAX)\s(?:30|40)\b",
            r"\b(?:ASX|KOSPI)\s200\b",
            r"\bNifty\s50\b",
            r"\bTSX\s60\b",
            r"\bIBEX\s35\b",
            r"\bDow\s(?:Jones\s)?(?:30|20|15)\b",
        ]
    )
)


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
    """Every quantity written in `text`, in order."""
    ignored = [m.span() for m in _IGNORED_RE.finditer(text)]
    out: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    for m in _WORD_POINTS.finditer(text):
        if _overlaps(m.span(), ignored):
            continue
        value = 75.0 if m.group("v75") else 25.0 if m.group("v25") else 50.0
        out.append(NumberMention(m.span(), value, "bp", m.group(0), 0, 0.5))
        taken.append(m.span())
    for m in _NUMBER_RE.finditer(text):
        mention = _mention(text, m)
        if mention is None or _overlaps(mention.span, ignored + taken):
            continue
        out.append(mention)
    out.sort(key=lambda n: n.span[0])
    return out


def _mention(text: str, m: re.Match[str]) -> NumberMention | None:
    start, end = m.span()
    before = text[start - 1] if start > 0 else ""
    if before and (before.isalnum() or before in "._" or before == FLAG):
        return None  # mid-token: Q3, G20, 3.5.1
    if before and before in "-−" and start >= 2 and text[start - 2].isalnum():
        if text[start - 2].isalpha() or not (m.group("unit") or "." in m.group("num")):
            return None  # COVID-19, Nasdaq-100, 2024-25; but "3.50-3.75%" is a range
    after = text[end] if end < len(text) else ""
    if after.isalnum() or after == "_":
        return None  # 3Q25, 1st, 24h
    raw_num = m.group("num")
    value = float(raw_num.replace(",", ""))
    decimals = len(raw_num.split(".")[1]) if "." in raw_num else 0
    scale_raw = (m.group("scale") or "").strip()
    unit_raw = (m.group("unit") or "").strip().lower()
    currency = bool(m.group("cur"))
    if scale_raw and len(scale_raw) == 1 and not currency:
        return None  # 3M, 5G: a name, not "3 million"
    scale = _SCALE_WORDS.get(scale_raw.lower()) or _SCALE_SUFFIX.get(scale_raw.lower(), 1.0)
    unit = _unit(unit_raw, currency)
    if unit is None and not scale_raw and "," not in raw_num and not decimals:
        if 1900 <= value <= 2100 and not m.group("sign2") and not _has_sign(text, start):
            return None  # a year
    if unit is None:
        unit = _range_unit(text, end)
    negative = bool(m.group("sign2")) or _has_sign(text, start)
    span_start = start - 1 if _has_sign(text, start) else start
    raw = text[span_start:end]
    value = -value * scale if negative else value * scale
    tolerance = 0.5 * 10.0 ** (-decimals) * scale
    return NumberMention((span_start, end), value, unit, raw, decimals, tolerance)


def _unit(unit_raw: str, currency: bool) -> str | None:
    if unit_raw.startswith(("%", "percent", "per", "pct")):
        return "%"
    if unit_raw.startswith(("basis", "bp")):
        return "bp"
    if unit_raw.startswith(("point", "pts")):
        return "pts"
    if unit_raw == "x":
        return "x"
    return "$" if currency else None


def _range_unit(text: str, end: int) -> str | None:
    """'3.50-3.75%' and '3.50 to 3.75%': the first number shares the second's unit."""
    m = re.match(r"\s?(?:-|–|to)\s?(?:" + _NUM + r")(%|\s?percent\b|\s?(?:bp|bps)\b)", text[end:])
    if not m:
        return None
    return _unit(m.group(1).strip().lower(), False)


def _has_sign(text: str, start: int) -> bool:
    """A minus written right before the number (or its $), after a space, '(' or start."""
    if start == 0 or text[start - 1] not in "-−":
        return False
    return start == 1 or text[start - 2] in " \t\n(["


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


# -- citations and sentences ---------------------------------------------------------
def citations_in(text: str) -> list[str]:
    """Source ids cited in `text`, in order, without duplicates: '[1][D2, 3]' -> 1, D2, 3."""
    out: list[str] = []
    for m in _CITATION_RE.finditer(text):
        for part in re.split(r"[,;]", m.group(0).strip("[] ")):
            ident = part.strip()
            if ident and ident not in out:
                out.append(ident)
    return out


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "inc", "corp", "co", "ltd", "plc", "st", "jr", "sr",
    "vs", "etc", "no", "approx", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m",
}  # fmt: skip
_BOUNDARY_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*•#]|\d+[.)])\s)")
_TRAILING_CITES_RE = re.compile(r"(?:[ \t]*\[\s*D?\d+(?:\s*[,;]\s*D?\d+)*\s*\])+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; citation markers right after a full stop stay with it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        end = m.end()
        if m.group(0)[0] in ".!?" and not _is_boundary(text, m.start(), end):
            continue
        if end <= start:
            continue
        cites = _TRAILING_CITES_RE.match(text, end)
        if cites:
            end = cites.end()
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        s2 = s + (len(seg) - len(seg.lstrip()))
        e2 = e - (len(seg) - len(seg.rstrip()))
        if e2 > s2:
            out.append((s2, e2))
    return out


def _is_boundary(text: str, dot: int, end: int) -> bool:
    if text[dot] != ".":
        return True
    if re.search(r"(?:^|\n)[ \t]*\d+$", text[:dot]):
        return False  # a list marker "1."
    word = re.search(r"([A-Za-z.]+)$", text[:dot])
    token = word.group(1).lower() if word else ""
    if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return False
    nxt = re.match(r"\s*(\S)", text[end:])
    return not (nxt and nxt.group(1).islower())


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
