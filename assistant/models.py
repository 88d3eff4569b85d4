"""Typed records that cross module boundaries; the JSON output is their schema."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field

VerdictName = Literal["supported", "approximate", "contradicted", "misdated", "unverifiable"]
VERDICTS: tuple[VerdictName, ...] = (
    "supported",
    "approximate",
    "contradicted",
    "misdated",
    "unverifiable",
)

ClaimKind = Literal[
    "pct_change",  # "the Russell 2000 gained 10.8% in November"
    "price",  # "IWM closed at $244.98 on Nov 25"
    "point_change",  # "the Dow rose 412.30 points"
    "gap",  # "small caps outpaced the S&P 500 by 3 percentage points"
    "move",  # "IWM rose 4% from its Nov 22 close to its Nov 25 high of $244.98"
    "index_level",  # "the S&P 500 ended at 6,765.88"
    "rate_level",  # "a target range of 3.50%-3.75%"
    "rate_change",  # "cut rates by 25 basis points", "a quarter-point cut"
    "rate_count",  # "the second straight quarter-point cut"
    "yield_level",  # "the 10-year yield at 4.13%"
    "yield_change",  # "the 10-year yield fell 12 basis points"
    "volatility",  # "annualized volatility of 18%"
    "drawdown",  # "down 12% from its peak"
    "ratio",  # "a forward P/E of 15.7"
    "other",  # a number we saw but cannot model
]

Unit = Literal["%", "$", "pts", "bp", "x", "count"]


class Strict(BaseModel):
    """The base of every record finnews reads or writes: an unknown field is refused."""

    model_config = ConfigDict(extra="forbid")


class Article(Strict):
    """One news article, normalized from a feed item, a file or stdin."""

    id: str = Field(
        description="Stable id: a front-matter id, else the canonical URL, else the file's "
        "path, else a hash of the content."
    )
    title: str = ""
    source: str = ""
    author: str = ""
    published: datetime | None = Field(default=None, description="UTC; None when unknown.")
    url: str = ""
    text: str = Field(description="Clean article text; claim spans index into it.")
    tickers: list[str] = Field(default_factory=list)

    @property
    def published_at(self) -> datetime | None:
        """`published` when it carries a time of day; None for a bare date (stored as
        midnight UTC) or no date."""
        p = self.published
        if p is None or p.tzinfo is None or (p.utcoffset() == timedelta(0) and p.time() == time(0)):
            return None
        return p

    @property
    def published_date(self) -> date | None:
        """The day the article is dated, in New York (where the markets it covers trade).

        A bare date is stored as midnight UTC and keeps its day.
        """
        if self.published is None:
            return None
        if self.published_at is None:
            return self.published.date()
        return self.published_at.astimezone(ZoneInfo("America/New_York")).date()


class Claim(Strict):
    """A numeric statement found in a text, with its subject and window resolved."""

    kind: ClaimKind
    text: str = Field(description="The sentence the claim was found in.")
    span: tuple[int, int] = Field(description="Character offsets of the claim in the text.")
    subject: str | None = Field(default=None, description="The subject as written.")
    ticker: str | None = Field(default=None, description="Resolved ticker or series name.")
    value: float = Field(description="The claimed number, signed by its direction word.")
    unit: Unit
    decimals: int = Field(default=0, description="Decimals written in the claimed number.")
    approximate: bool = Field(default=False, description="Hedged: about, nearly, roughly ...")
    field: str | None = Field(default=None, description="Price field: close, high, low, open.")
    start: date | None = Field(default=None, description="First day of the claimed window.")
    end: date | None = Field(default=None, description="Last day (or the date of a level).")
    period: str | None = Field(default=None, description="The time expression as written.")
    window: Literal["window", "day", "since", "trailing"] | None = Field(
        default=None,
        description="How the metric reads start/end: a period (base = the close before start), "
        "one day, since the close on start, or trailing from the close on or before start.",
    )
    start_field: str | None = None
    start_value: float | None = None
    end_field: str | None = None
    end_value: float | None = None
    peak_start: date | None = Field(
        default=None,
        description="A drawdown from the highest close of a named period ('its mid-July "
        "high'): the period's first day; None for the record.",
    )
    peak_end: date | None = Field(default=None, description="That period's last day.")
    forecast: bool = Field(default=False, description="A projection, not a fact.")
    bound: Literal["above", "below"] | None = Field(
        default=None, description='"closed above 6,800", "more than 4%": the value is a bound.'
    )
    window_source: Literal["explicit", "section", "carried", "default"] | None = Field(
        default=None,
        description="Where the window came from: the claim's own words, a section header, an "
        "earlier sentence, or the publication day by default.",
    )
    subject_source: Literal["explicit", "carried", "none"] | None = Field(
        default=None, description="The subject as named, or carried from an earlier sentence."
    )
    field_explicit: bool = Field(
        default=True, description="False when the price field is a guess ('a high of')."
    )
    intraday: bool = Field(
        default=False, description="Published during the session the claim is about."
    )
    note: str | None = Field(default=None, description="Why subject or window is unresolved.")
    unsettled: str | None = Field(
        default=None, description="Why no daily data can settle this figure, as read."
    )


class Evidence(Strict):
    """The receipt behind a verdict: what was looked up and how it was computed."""

    ticker: str
    proxy_for: str | None = Field(default=None, description="Index this ticker stands in for.")
    source: str = Field(description="snapshot, yfinance, cache or fred snapshot.")
    fetched_at: datetime | None = None
    dates: list[date] = Field(default_factory=list)
    fields: list[str] = Field(default_factory=list)
    values: list[float] = Field(default_factory=list)
    formula: str = ""
    result: float | None = None
    tolerance: str = ""


class CheckedClaim(Strict):
    """A claim with its verdict, the claimed and computed values, and receipts."""

    id: str
    text: str
    span: tuple[int, int]
    kind: ClaimKind
    verdict: VerdictName
    claimed: float
    computed: float | None = None
    unit: Unit
    explanation: str
    evidence: list[Evidence] = Field(default_factory=list)
    claim: Claim


class CheckReport(Strict):
    """The output of `finnews check`: the article and every checked claim."""

    article: Article
    date_assumed: bool = Field(
        default=False, description="True when no date was given and one was assumed."
    )
    as_of: date = Field(description="Point-in-time date: no data after it is used.")
    claims: list[CheckedClaim]
    notes: list[str] = Field(default_factory=list, description="How the claims were found.")

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {name: 0 for name in VERDICTS}
        for c in self.claims:
            out[c.verdict] += 1
        return out

    @property
    def has_errors(self) -> bool:
        return any(c.verdict in ("contradicted", "misdated") for c in self.claims)
