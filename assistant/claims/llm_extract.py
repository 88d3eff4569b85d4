"""Optional LLM claim extraction, merged with the deterministic extractor's claims.

The LLM's claims are re-anchored in the article (its spans are not trusted), and
a claim whose span overlaps a deterministic one is dropped: the union is
de-duplicated by span, and the deterministic extractor stays the default.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.claims.extract import extract_claims
from assistant.llm.base import ChatModel
from assistant.llm.schemas import ExtractedClaims
from assistant.models import Claim
from prompts import load_prompt

_NUMBER = re.compile(r"[-+]?\$?\d[\d,]*(?:\.\d+)?")


def anchor(claim: Claim, text: str) -> Claim | None:
    """The claim with a span that really points at its number in `text`, or None."""
    s, e = claim.span
    if 0 <= s < e <= len(text) and re.search(r"\d", text[s:e]):
        return claim
    start = text.find(claim.text) if claim.text else -1
    if start == -1:
        return None
    for m in _NUMBER.finditer(claim.text):
        try:
            number = float(m.group(0).lstrip("+$").replace(",", ""))
        except ValueError:
            continue
        if abs(number - abs(claim.value)) < 1e-9:
            return claim.model_copy(update={"span": (start + m.start(), start + m.end())})
    return None


def merge_claims(primary: list[Claim], extra: list[Claim]) -> list[Claim]:
    """Union by span: an extra claim overlapping any primary claim is a duplicate."""
    merged = list(primary)
    for c in extra:
        if all(c.span[1] <= p.span[0] or c.span[0] >= p.span[1] for p in merged):
            merged.append(c)
    return sorted(merged, key=lambda c: c.span)


def llm_claims(text: str, as_of: date, model: ChatModel) -> list[Claim]:
    """The claims an LLM finds in `text`, anchored in it."""
    messages = load_prompt("extract_claims").messages(published=as_of.isoformat(), article=text)
    result = model.complete(messages, schema=ExtractedClaims)
    assert isinstance(result, ExtractedClaims)
    return [a for c in result.claims if (a := anchor(c, text)) is not None]


def extract_claims_with_llm(text: str, as_of: date, model: ChatModel) -> list[Claim]:
    """Deterministic claims plus the LLM's extra ones (errors propagate to the caller)."""
    return merge_claims(extract_claims(text, as_of), llm_claims(text, as_of, model))
