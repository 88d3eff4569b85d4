"""`finnews check` as a library call: find every numeric claim in an article and check it."""

from __future__ import annotations

from datetime import date, datetime, timezone

from assistant.claims import extract_claims
from assistant.market.base import MarketData
from assistant.models import Article, CheckedClaim, CheckReport
from assistant.verify import Lookup, verify_claim


def verify_text(text: str, as_of: date, market: MarketData) -> list[CheckedClaim]:
    """Every numeric claim in `text`, checked with data up to `as_of`."""
    lookup = Lookup(market, as_of)
    return [
        verify_claim(claim, lookup, f"c{i}")
        for i, claim in enumerate(extract_claims(text, as_of), start=1)
    ]


def verify_article(
    article: Article, market: MarketData, *, as_of: date | None = None
) -> CheckReport:
    """Check an article point-in-time: as_of, else its publication date, else today."""
    assumed = False
    if as_of is None:
        if article.published_date is not None:
            as_of = article.published_date
        else:
            as_of = datetime.now(timezone.utc).date()
            assumed = True
    return CheckReport(
        article=article,
        as_of=as_of,
        date_assumed=assumed,
        claims=verify_text(article.text, as_of, market),
    )
