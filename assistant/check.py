"""`finnews check` as a library call: find every numeric claim in an article and check it."""

from __future__ import annotations

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
    return [verify_claim(claim, lookup, f"c{i}") for i, claim in enumerate(claims, start=1)]


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
