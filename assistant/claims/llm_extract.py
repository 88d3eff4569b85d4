"""Optional LLM claim extraction, merged with the deterministic extractor's claims.

The LLM's spans and sentences are hints, never trusted: each claim is re-anchored on
the exact span of its number, the quantity the text toolkit reads
(`assistant.text.quantities`) whose value is the claimed value, looked for in the
proposed span, then in the sentences around it and around the claim's copied text.
A claim whose number is not written there is dropped. A claim whose span overlaps a
deterministic one is dropped too: the union is de-duplicated by span, and the
deterministic extractor stays the default.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from assistant.claims.extract import extract_claims
from assistant.llm.base import ChatModel
from assistant.llm.schemas import ExtractedClaims
from assistant.models import Claim
from assistant.numbers import name_spans
from assistant.text.figures import find_multiples, range_ends, scale_factor
from assistant.text.quantities import find_quantities
from assistant.text.sentences import split_sentences
from prompts import load_prompt

# The reader's units a claim in each unit may be written in, and the factor that turns
# the written number into the claim's unit ("a quarter point" is 25 bp, or 0.25%).
_READINGS: dict[str, dict[str, float]] = {
    "%": {"%": 1.0, "pp": 1.0, "num": 1.0, "bp": 0.01},
    "bp": {"bp": 1.0, "num": 1.0, "pp": 100.0, "%": 100.0},
    "$": {"$": 1.0, "num": 1.0},
    "pts": {"pts": 1.0, "num": 1.0},
    "x": {"x": 1.0, "num": 1.0},
    "count": {"ord": 1.0, "num": 1.0},
}


@dataclass(frozen=True)
class _Written:
    """A number as the text writes it: span, unit, value as read, decimals and scale."""

    span: tuple[int, int]
    unit: str
    value: float
    decimals: int
    scale: float = 1.0


def anchor(claim: Claim, text: str) -> Claim | None:
    """The claim re-anchored on the exact span of its number in `text`, or None.

    The number must be written with the claimed value (sign aside; "a quarter point"
    for 25 bp or 0.25%) inside the proposed span, else in the sentence holding it, else
    in a sentence holding the claim's copied text. The claim's `text` becomes that
    sentence and `decimals` the written ones.
    """
    numbers = _written(text)
    sentences = split_sentences(text)
    proposed = claim.span[0] if _valid(claim.span, text) else None
    for lo, hi in _regions(claim, text, sentences):
        inside = [n for n in numbers if lo <= n.span[0] and n.span[1] <= hi]
        near = lo if proposed is None else proposed
        for n in sorted(inside, key=lambda n: abs(n.span[0] - near)):
            reading = _reading(n, claim)
            if reading is None:
                continue
            s, e = next(((s, e) for s, e in sentences if s <= n.span[0] < e), (lo, hi))
            update: dict[str, object] = {"span": n.span, "text": text[s:e]}
            if reading == "as written":
                update["decimals"] = n.decimals
            return claim.model_copy(update=update)
    return None


def _regions(
    claim: Claim, text: str, sentences: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """Where to look, most specific first: the proposed span, its sentences, the copied
    text's sentences (nearest the proposed span first)."""
    s, e = claim.span
    valid = _valid(claim.span, text)
    if valid:
        yield s, e
        yield from _around(s, e, sentences)
    found = []
    start = text.find(claim.text) if claim.text.strip() else -1
    while start != -1:
        found.append((start, start + len(claim.text)))
        start = text.find(claim.text, start + 1)
    for fs, fe in sorted(found, key=lambda f: abs(f[0] - s) if valid else f[0]):
        yield fs, fe
        yield from _around(fs, fe, sentences)


def _valid(span: tuple[int, int], text: str) -> bool:
    return 0 <= span[0] < span[1] <= len(text)


def _around(s: int, e: int, sentences: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    held = [(ss, se) for ss, se in sentences if ss < max(e, s + 1) and s < se]
    if held:
        yield held[0][0], held[-1][1]


def _written(text: str) -> list[_Written]:
    """Every number the text writes, except those inside names and tickers."""
    names = name_spans(text)
    out = []
    for q in find_quantities(text):
        if any(q.start < ne and ns < q.end for ns, ne in names):
            continue
        for part in range_ends(q):
            out.append(_Written(part.span, part.unit, part.value, part.decimals, scale_factor(q)))
    out += [_Written(m.span, "x", m.value, m.decimals) for m in find_multiples(text)]
    return out


def _reading(n: _Written, claim: Claim) -> str | None:
    """How the written number is the claimed value (sign aside): "as written",
    "converted" (25 bp as 0.25%, $1.2 million as 1,200,000), or None when it is not."""
    factor = _READINGS.get(claim.unit, {}).get(n.unit)
    if factor is None:
        return None
    want = abs(claim.value)
    if factor == 1.0 and _same(n.value, want):
        return "as written"
    if _same(n.value * factor, want) or _same(n.value * n.scale * factor, want):
        return "converted"
    return None


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def merge_claims(primary: list[Claim], extra: list[Claim]) -> list[Claim]:
    """Union by span: an extra claim overlapping any primary claim is a duplicate."""
    merged = list(primary)
    for c in extra:
        if all(c.span[1] <= p.span[0] or c.span[0] >= p.span[1] for p in merged):
            merged.append(c)
    return sorted(merged, key=lambda c: c.span)


def llm_claims(text: str, as_of: date, model: ChatModel) -> list[Claim]:
    """The claims an LLM finds in `text`, each anchored on its written number."""
    messages = load_prompt("extract_claims").messages(published=as_of.isoformat(), article=text)
    result = model.complete(messages, schema=ExtractedClaims)
    assert isinstance(result, ExtractedClaims)
    return [a for c in result.claims if (a := anchor(c, text)) is not None]


def extract_claims_with_llm(
    text: str,
    as_of: date,
    model: ChatModel,
    published: datetime | None = None,
    title: str = "",
) -> list[Claim]:
    """Deterministic claims plus the LLM's extra ones (errors propagate to the caller).

    `published` and `title` go to the deterministic extractor, as without an LLM."""
    primary = extract_claims(text, as_of, published, title)
    return merge_claims(primary, llm_claims(text, as_of, model))
