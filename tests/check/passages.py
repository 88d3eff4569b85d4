"""Checking short passages on the bundled snapshot, for the tests of how text frames a claim
(test_reference_points, test_clause_frames)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from assistant.check import verify_article, verify_text
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article, CheckedClaim

MARKET = SnapshotMarketData()
EDT = timezone(timedelta(hours=-4))
ALARMS = ("contradicted", "misdated")


def check(text: str, as_of: date) -> list[CheckedClaim]:
    return verify_text(text, as_of, MARKET)


def at(text: str, published: datetime, title: str = "") -> list[CheckedClaim]:
    """The claims of a story published at that moment (during a session: read against it);
    a title can name the story's period."""
    published = published.astimezone(timezone.utc)
    article = Article(id="t", title=title, text=text, published=published)
    return verify_article(article, MARKET).claims


def titled(title: str, text: str, published: datetime) -> list[tuple[str | None, str]]:
    """(ticker, verdict) of each claim of a titled story."""
    return [(c.claim.ticker, c.verdict) for c in at(text, published, title)]


def one(claims: list[CheckedClaim], value: float) -> CheckedClaim:
    (c,) = [c for c in claims if c.claim.value == value]
    return c


def alarms(claims: list[CheckedClaim]) -> list[str]:
    return [f"{c.claim.text}: {c.explanation}" for c in claims if c.verdict in ALARMS]
