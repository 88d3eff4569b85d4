"""`finnews check` as a library call: find every numeric claim in an article and check it."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from assistant.claims import extract_claims
from assistant.claims.extract import MAX_CLAIMS
from assistant.errors import ModelOutputError, ProviderError
from assistant.llm.base import ChatModel
from assistant.market.base import MarketData
from assistant.models import Article, CheckedClaim, CheckReport, Claim
from assistant.verify import Lookup, verify_claim


def find_claims(
    text: str,
    as_of: date,
    model: ChatModel | None = None,
    published: datetime | None = None,
    title: str = "",
) -> tuple[list[Claim], list[str]]:
    """Deterministic claims, plus an LLM's when a model is given; notes say what happened."""
    if model is None or model.is_offline:
        return extract_claims(text, as_of, published, title), []
    from assistant.claims.llm_extract import extract_claims_with_llm

    try:
        return extract_claims_with_llm(text, as_of, model, published, title), [
            f"claims also extracted by {model.name}"
        ]
    except (ProviderError, ModelOutputError) as exc:
        note = f"LLM claim extraction failed ({exc}); deterministic extraction only"
        return extract_claims(text, as_of, published, title), [note]


def check_claims(claims: list[Claim], as_of: date, market: MarketData) -> list[CheckedClaim]:
    lookup = Lookup(market, as_of)
    checked = [verify_claim(claim, lookup, f"c{i}") for i, claim in enumerate(claims, start=1)]
    return _refuted_guesses(checked)


# a subject the words only describe ("the index", "the stock"), resolved from context
_DESCRIBED = re.compile(
    r"(?i)^(?:the|its)\s+(?:[\w-]+\s+){0,2}(?:index|gauge|benchmark|average|stock|shares|fund)$"
)


def _refuted_guesses(checked: list[CheckedClaim]) -> list[CheckedClaim]:
    """ "A 2.3% drop on Friday left the index at 2,438.45", where "the index" was resolved to
    one near 6,500: a level in the same sentence that far from the guess refutes it, so the
    sentence's alarms on that guess abstain."""
    refuted = {
        (c.text, c.claim.ticker)
        for c in checked
        if c.kind in ("index_level", "price")
        and _DESCRIBED.match(c.claim.subject or "")
        and c.computed
        and c.claimed > 0
        and abs(c.claimed / c.computed - 1) > 0.25
    }
    return [
        c.model_copy(
            update={
                "verdict": "unverifiable",
                "explanation": f"the subject is inferred from an earlier sentence "
                f"({c.claim.subject}), and read so {c.explanation}",
            }
        )
        if c.verdict in ("contradicted", "misdated")
        and (c.text, c.claim.ticker) in refuted
        and _DESCRIBED.match(c.claim.subject or "")
        else c
        for c in checked
    ]


def verify_text(text: str, as_of: date, market: MarketData) -> list[CheckedClaim]:
    """Every numeric claim in `text`, checked with data up to `as_of`."""
    return check_claims(extract_claims(text, as_of), as_of, market)


def verify_article(
    article: Article,
    market: MarketData,
    *,
    as_of: date | None = None,
    model: ChatModel | None = None,
) -> CheckReport:
    """Check an article point-in-time: as_of, else its publication date, else today.

    With an LLM `model`, its extracted claims are merged with the deterministic ones.
    """
    assumed = False
    if as_of is None:
        if article.published_date is not None:
            as_of = article.published_date
        else:
            as_of = datetime.now(timezone.utc).date()
            assumed = True
    published = article.published if article.published_date == as_of else None
    claims, notes = find_claims(article.text, as_of, model, published, article.title)
    if len(claims) >= MAX_CLAIMS:
        notes.append(
            f"stopped at {MAX_CLAIMS} claims: the rest of the text was not checked "
            "(split the article to check all of it)"
        )
    return CheckReport(
        article=article,
        as_of=as_of,
        date_assumed=assumed,
        claims=check_claims(claims, as_of, market),
        notes=notes,
    )
