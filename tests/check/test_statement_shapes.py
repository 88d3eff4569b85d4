"""The claim reader on statements shaped like real market coverage (issue 8, section 2).

Each case is a short passage in the shape wire services use (AP closing wraps with section
headers, Reuters-style triples, Fed-day notes, yield paragraphs, earnings-day moves, year
reviews), written in our own words, with an as_of date. The expectations were written from
the language, as a careful human reader resolves it, before the extractor was run on them.

A case lists every claim the passage must produce. An expected claim is found by the text of
its number in the passage: the claim whose span contains that text (the smallest such claim
not already taken). Then its kind, signed value and ticker must be equal; its window (how,
from, to) or, for levels and Fed figures, its date; and its bound, forecast and hedge flags.
Any other claim is an extra and fails the case, unless its span holds a number the case
tolerates (a count no bundled series can settle, which may or may not come back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from assistant.claims import extract_claims
from assistant.models import Claim

D = date.fromisoformat
NY = ZoneInfo("America/New_York")
Window = tuple[str, date, date]


def day(d: str) -> Window:
    """One session: the close of d against the close before it."""
    return ("day", D(d), D(d))


def period(a: str, b: str) -> Window:
    """A period: from the last close before a to the last close on or before b."""
    return ("window", D(a), D(b))


def since(a: str, b: str) -> Window:
    """From the close on a to the close on b."""
    return ("since", D(a), D(b))


def trailing(a: str, b: str) -> Window:
    return ("trailing", D(a), D(b))


@dataclass(frozen=True)
class Want:
    span: str  # the number as written; the claim's span must contain it
    kind: str
    value: float
    ticker: str | None
    window: Window | None = None  # checked when given: (window, start, end)
    at: str | None = None  # checked when given: the claim's end (a level's or a Fed move's day)
    bound: str | None = None
    forecast: bool = False
    approximate: bool = False
    source: str | None = None  # checked when given: window_source
    intraday: bool | None = None  # checked when given
    nth: int = 0  # which occurrence of `span` in the passage


@dataclass(frozen=True)
class Case:
    text: str
    as_of: date
    wants: tuple[Want, ...]
    published: datetime | None = None
    tolerate: tuple[str, ...] = ()


def case(id: str, text: str, as_of: str, *wants: Want, published: datetime | None = None,
         tolerate: tuple[str, ...] = ()) -> object:  # fmt: skip
    return pytest.param(Case(text, D(as_of), wants, published, tolerate), id=id)


W = Want
FED = "FEDFUNDS"

CASES = [
    # -- one statement, several claims -----------------------------------------------------
    case(
        "ap-rose-points-pct-level-on-weekday",
        "The S&P 500 rose 52.14 points, or 0.8%, to 6,840.51 on Tuesday, led by chipmakers.",
        "2025-12-10",
        W("52.14 points", "point_change", 52.14, "^GSPC", day("2025-12-09")),
        W("0.8%", "pct_change", 0.8, "^GSPC", day("2025-12-09")),
        W("6,840.51", "index_level", 6840.51, "^GSPC", at="2025-12-09"),
    ),
    case(
        "ap-fell-points-pct-level-publication-day",
        "The Dow Jones Industrial Average fell 398.07 points, or 0.9%, to 47,112.45.",
        "2025-12-11",
        W("398.07 points", "point_change", -398.07, "^DJI", day("2025-12-11")),
        W("0.9%", "pct_change", -0.9, "^DJI", day("2025-12-11")),
        W("47,112.45", "index_level", 47112.45, "^DJI", at="2025-12-11"),
    ),
    case(
        "signed-minus-after-fell-is-not-a-double-negative",
        "Closing levels: the Dow slid -245.96 points or -0.51% at 47,954.99, and the S&P "
        "index rose 12.31 points or 0.18% at 6,870.40.",
        "2025-12-05",
        W("245.96 points", "point_change", -245.96, "^DJI", day("2025-12-05")),
        W("0.51%", "pct_change", -0.51, "^DJI", day("2025-12-05")),
        W("47,954.99", "index_level", 47954.99, "^DJI", at="2025-12-05"),
        W("12.31 points", "point_change", 12.31, "^GSPC", day("2025-12-05")),
        W("0.18%", "pct_change", 0.18, "^GSPC", day("2025-12-05")),
        W("6,870.40", "index_level", 6870.40, "^GSPC", at="2025-12-05"),
    ),
    case(
        "slipping-on-the-day-to-end-at-carried-weekday",
        "Stocks drifted lower on Wednesday. The Nasdaq composite ended at 23,454.09, slipping "
        "0.3% on the day.",
        "2025-12-05",
        W("23,454.09", "index_level", 23454.09, "^IXIC", at="2025-12-03"),
        W("0.3%", "pct_change", -0.3, "^IXIC", day("2025-12-03")),
    ),
    case(
        "reuters-three-triples-in-one-sentence",
        "The Dow Jones Industrial Average rose 497.46 points, or 1.05%, to 48,057.75, the S&P "
        "500 gained 46.17 points, or 0.67%, to 6,886.68 and the Nasdaq Composite gained 77.67 "
        "points, or 0.33%, to 23,654.16.",
        "2025-12-10",
        W("497.46 points", "point_change", 497.46, "^DJI", day("2025-12-10")),
        W("1.05%", "pct_change", 1.05, "^DJI", day("2025-12-10")),
        W("48,057.75", "index_level", 48057.75, "^DJI", at="2025-12-10"),
        W("46.17 points", "point_change", 46.17, "^GSPC", day("2025-12-10")),
        W("0.67%", "pct_change", 0.67, "^GSPC", day("2025-12-10")),
        W("6,886.68", "index_level", 6886.68, "^GSPC", at="2025-12-10"),
        W("77.67 points", "point_change", 77.67, "^IXIC", day("2025-12-10")),
        W("0.33%", "pct_change", 0.33, "^IXIC", day("2025-12-10")),
        W("23,654.16", "index_level", 23654.16, "^IXIC", at="2025-12-10"),
    ),
    case(
        "hedged-points-and-percent",
        "The Dow lost nearly 250 points, or about 0.5%, on Friday.",
        "2025-12-12",
        W("250 points", "point_change", -250, "^DJI", day("2025-12-12"), approximate=True),
        W("0.5%", "pct_change", -0.5, "^DJI", day("2025-12-12"), approximate=True),
    ),
    case(
        "vix-fear-gauge-change-and-level",
        "Wall Street's fear gauge, the VIX, jumped 12% to 17.85.",
        "2025-12-12",
        W("12%", "pct_change", 12, "^VIX", day("2025-12-12")),
        W("17.85", "index_level", 17.85, "^VIX", at="2025-12-12"),
    ),
    # -- coordinated subjects ----------------------------------------------------------------
    case(
        "respectively-two-indexes-two-numbers",
        "The Dow and the Russell 2000 rose 1.1% and 1.4%, respectively, on Wednesday.",
        "2025-12-11",
        W("1.1%", "pct_change", 1.1, "^DJI", day("2025-12-10")),
        W("1.4%", "pct_change", 1.4, "^RUT", day("2025-12-10")),
    ),
    case(
        "etfs-with-elided-verb",
        "For the week, IWM added 1.9% and IJR 2.2%.",
        "2025-12-12",
        W("1.9%", "pct_change", 1.9, "IWM", period("2025-12-08", "2025-12-12")),
        W("2.2%", "pct_change", 2.2, "IJR", period("2025-12-08", "2025-12-12")),
    ),
    case(
        "phrasal-verbs-of-a-gain-in-a-second-clause",
        "For the week, the Nasdaq added 327.37 points, or 2.4%, and the Russell 2000 tacked on "
        "92.45 points, or 5.4%, while the Dow Jones Industrial Average, with fewer chip names, "
        "eked out 1.9%.",
        "2023-11-17",
        W("327.37 points", "point_change", 327.37, "^IXIC", period("2023-11-13", "2023-11-17")),
        W("2.4%", "pct_change", 2.4, "^IXIC", period("2023-11-13", "2023-11-17")),
        W("92.45 points", "point_change", 92.45, "^RUT", period("2023-11-13", "2023-11-17")),
        W("5.4%", "pct_change", 5.4, "^RUT", period("2023-11-13", "2023-11-17")),
        W("1.9%", "pct_change", 1.9, "^DJI", period("2023-11-13", "2023-11-17")),
    ),
    case(
        "a-bare-dow-joined-to-another-index-in-a-respectively-list",
        # for 2025 through Friday May 23: ^GSPC -1.34%, ^DJI -2.21%, ^IXIC -2.97%
        "For the year, the S&P 500 and Dow were down 1.3% and 2.2%, respectively, as of "
        "Friday's close, while the Nasdaq was off about 3%.",
        "2025-05-27",
        W("1.3%", "pct_change", -1.3, "^GSPC", period("2025-01-01", "2025-05-23")),
        W("2.2%", "pct_change", -2.2, "^DJI", period("2025-01-01", "2025-05-23")),
        W("3%", "pct_change", -3.0, "^IXIC", period("2025-01-01", "2025-05-23"), approximate=True),
    ),
    case(
        "yield-levels-listed-after-the-first-with-the-verb-left-out",
        # FRED on 2022-07-07: DGS2 3.03, DGS10 3.01, DGS30 3.20
        "On July 7, the 2-year yielded 3.03%, the 10-year 3.01% and the 30-year 3.20%.",
        "2022-07-08",
        W("3.03%", "yield_level", 3.03, "DGS2", at="2022-07-07"),
        W("3.01%", "yield_level", 3.01, "DGS10", at="2022-07-07"),
        W("3.20%", "yield_level", 3.2, "DGS30", at="2022-07-07"),
    ),
    case(
        "or-less-than-a-tenth-after-points-is-a-bounded-percent",
        "The Nasdaq composite slipped 14.79 points, or less than 0.1%, to 22,333.96 on Tuesday.",
        "2025-09-16",
        W("14.79 points", "point_change", -14.79, "^IXIC", day("2025-09-16")),
        W("0.1%", "pct_change", -0.1, "^IXIC", day("2025-09-16"), bound="below"),
        W("22,333.96", "index_level", 22333.96, "^IXIC", at="2025-09-16"),
    ),
    case(
        "a-level-set-off-by-a-comma-after-a-record",
        "The Nasdaq composite climbed 1.2% to yet another record, 20,173.89, on Monday, and "
        "the Nasdaq-100 also finished at an all-time high, 22,096.66.",
        "2024-12-16",
        W("1.2%", "pct_change", 1.2, "^IXIC", day("2024-12-16")),
        W("20,173.89", "index_level", 20173.89, "^IXIC", at="2024-12-16"),
        W("22,096.66", "index_level", 22096.66, "^NDX", at="2024-12-16"),
    ),
    case(
        "each-rose-one-number-two-subjects",
        "Stocks edged higher on Tuesday. The S&P 500 and the Dow each rose 0.4%, and the Nasdaq "
        "climbed 0.5%.",
        "2025-12-10",
        W("0.4%", "pct_change", 0.4, "^GSPC", day("2025-12-09")),
        W("0.4%", "pct_change", 0.4, "^DJI", day("2025-12-09")),
        W("0.5%", "pct_change", 0.5, "^IXIC", day("2025-12-09")),
    ),
    case(
        "respectively-falls-then-a-rise-for-the-week",
        "For the week, the S&P 500 and the Nasdaq fell 0.6% and 1.6%, respectively, while the "
        "Dow rose 1.1%.",
        "2025-12-12",
        W("0.6%", "pct_change", -0.6, "^GSPC", period("2025-12-08", "2025-12-12")),
        W("1.6%", "pct_change", -1.6, "^IXIC", period("2025-12-08", "2025-12-12")),
        W("1.1%", "pct_change", 1.1, "^DJI", period("2025-12-08", "2025-12-12")),
    ),
    # -- section headers ---------------------------------------------------------------------
    case(
        "header-on-friday-sets-the-day",
        "On Friday:\n\nThe S&P 500 fell 70.50 points, or 1%, to 6,827.41.\n\nThe Dow fell "
        "245.96 points, or 0.5%, to 48,458.05.\n",
        "2025-12-12",
        W("70.50 points", "point_change", -70.50, "^GSPC", day("2025-12-12"), source="section"),
        W("1%", "pct_change", -1, "^GSPC", day("2025-12-12"), source="section"),
        W("6,827.41", "index_level", 6827.41, "^GSPC", at="2025-12-12"),
        W("245.96 points", "point_change", -245.96, "^DJI", day("2025-12-12"), source="section"),
        W("0.5%", "pct_change", -0.5, "^DJI", day("2025-12-12"), source="section"),
        W("48,458.05", "index_level", 48458.05, "^DJI", at="2025-12-12"),
    ),
    case(
        "header-for-the-week-present-tense-down",
        "For the week:\n\nThe S&P 500 is down 42.17 points, or 0.6%.\n\nThe Nasdaq is down "
        "371.16 points, or 1.6%.\n",
        "2025-12-12",
        W("42.17 points", "point_change", -42.17, "^GSPC", period("2025-12-08", "2025-12-12"),
          source="section"),
        W("0.6%", "pct_change", -0.6, "^GSPC", period("2025-12-08", "2025-12-12"),
          source="section"),
        W("371.16 points", "point_change", -371.16, "^IXIC",
          period("2025-12-08", "2025-12-12"), source="section"),
        W("1.6%", "pct_change", -1.6, "^IXIC", period("2025-12-08", "2025-12-12"),
          source="section"),
    ),  # fmt: skip
    case(
        "header-for-the-year-single-newlines",
        "For the year:\nThe Dow is up 6,052.30 points, or 14.2%.\nThe Russell 2000 is up 263.93 "
        "points, or 13.4%.",
        "2025-12-12",
        W("6,052.30 points", "point_change", 6052.30, "^DJI",
          period("2025-01-01", "2025-12-12"), source="section"),
        W("14.2%", "pct_change", 14.2, "^DJI", period("2025-01-01", "2025-12-12"),
          source="section"),
        W("263.93 points", "point_change", 263.93, "^RUT",
          period("2025-01-01", "2025-12-12"), source="section"),
        W("13.4%", "pct_change", 13.4, "^RUT", period("2025-01-01", "2025-12-12"),
          source="section"),
    ),  # fmt: skip
    case(
        "header-for-the-week-on-a-wednesday",
        "For the week:\nThe S&P 500 is up 19.68 points, or 0.3%.",
        "2025-12-10",
        W("19.68 points", "point_change", 19.68, "^GSPC", period("2025-12-08", "2025-12-10")),
        W("0.3%", "pct_change", 0.3, "^GSPC", period("2025-12-08", "2025-12-10")),
    ),
    case(
        "a-new-header-ends-the-previous-section",
        "On Thursday:\nThe S&P 500 rose 0.2%.\n\nFor the year:\nThe S&P 500 is up 16.9%.",
        "2025-12-11",
        W("0.2%", "pct_change", 0.2, "^GSPC", day("2025-12-11")),
        W("16.9%", "pct_change", 16.9, "^GSPC", period("2025-01-01", "2025-12-11")),
    ),
    case(
        "a-header-does-not-reach-back-to-the-lede",
        "Stocks slumped on Friday as chipmakers sank. The S&P 500 fell 1.1% and the Nasdaq lost "
        "1.7%.\n\nFor the week:\n\nThe S&P 500 is down 0.6%.",
        "2025-12-12",
        W("1.1%", "pct_change", -1.1, "^GSPC", day("2025-12-12")),
        W("1.7%", "pct_change", -1.7, "^IXIC", day("2025-12-12")),
        W("0.6%", "pct_change", -0.6, "^GSPC", period("2025-12-08", "2025-12-12"),
          source="section"),
    ),  # fmt: skip
    # -- subjects carried and typed references ---------------------------------------------
    case(
        "blue-chip-gauge-is-the-dow",
        "The Dow Jones Industrial Average set a record. The blue-chip gauge gained 1.3% on "
        "Thursday.",
        "2025-12-12",
        W("1.3%", "pct_change", 1.3, "^DJI", day("2025-12-11")),
    ),
    case(
        "tech-heavy-nasdaq-is-the-composite",
        "The tech-heavy Nasdaq slid 1.7% on Friday.",
        "2025-12-12",
        W("1.7%", "pct_change", -1.7, "^IXIC", day("2025-12-12")),
    ),
    case(
        "the-index-on-the-day",
        "The benchmark S&P 500 ended at 6,827.41. The index lost 1.1% on the day.",
        "2025-12-12",
        W("6,827.41", "index_level", 6827.41, "^GSPC", at="2025-12-12"),
        W("1.1%", "pct_change", -1.1, "^GSPC", day("2025-12-12")),
    ),
    case(
        "small-caps-and-the-index-after-the-russell",
        "The Russell 2000 set a record on Thursday. Small caps pulled back 1.5% on Friday, but "
        "the index still ended the week up 1.2%.",
        "2025-12-12",
        W("1.5%", "pct_change", -1.5, "^RUT", day("2025-12-12")),
        W("1.2%", "pct_change", 1.2, "^RUT", period("2025-12-08", "2025-12-12")),
    ),
    case(
        "it-a-day-later",
        "Nvidia shares rose 2.1% on Tuesday. It gave back 1.4% a day later.",
        "2025-12-12",
        W("2.1%", "pct_change", 2.1, "NVDA", day("2025-12-09")),
        W("1.4%", "pct_change", -1.4, "NVDA", day("2025-12-10")),
    ),
    case(
        "the-benchmark-alone",
        "The S&P 500 ended last week at a record. The benchmark fell 0.4% on Monday.",
        "2025-12-09",
        W("0.4%", "pct_change", -0.4, "^GSPC", day("2025-12-08")),
    ),
    case(
        "the-stock-a-day-later-with-price",
        "Apple fell 1.3% on Monday. A day later the stock rebounded 0.9% to $277.18.",
        "2025-12-12",
        W("1.3%", "pct_change", -1.3, "AAPL", day("2025-12-08")),
        W("0.9%", "pct_change", 0.9, "AAPL", day("2025-12-09")),
        W("$277.18", "price", 277.18, "AAPL", at="2025-12-09"),
    ),
    # -- dates carried -----------------------------------------------------------------------
    case(
        "that-day-and-the-next-session",
        "Stocks tumbled on Thursday, Dec. 4. The Russell 2000 fell 1.2% that day and another "
        "0.8% the next session.",
        "2025-12-12",
        W("1.2%", "pct_change", -1.2, "^RUT", day("2025-12-04")),
        W("0.8%", "pct_change", -0.8, "^RUT", day("2025-12-05")),
    ),
    case(
        "on-the-day-shared-by-a-yield-clause",
        "The Fed announced its decision on Wednesday. The S&P 500 rose 0.7% on the day, and the "
        "2-year Treasury yield fell 7 basis points.",
        "2025-12-12",
        W("0.7%", "pct_change", 0.7, "^GSPC", day("2025-12-10")),
        W("7 basis points", "yield_change", -7, "DGS2", day("2025-12-10")),
    ),
    # -- two dated ends ----------------------------------------------------------------------
    case(
        "from-its-dated-close",
        "The Russell 2000 has climbed 9.3% from its Nov. 20 close.",
        "2025-12-12",
        W("9.3%", "pct_change", 9.3, "^RUT", since("2025-11-20", "2025-12-12")),
    ),
    case(
        "from-its-dated-close-through-a-date",
        "The Nasdaq-100 gained 7.2% from its Nov. 20 close through Dec. 11.",
        "2025-12-12",
        W("7.2%", "pct_change", 7.2, "^NDX", since("2025-11-20", "2025-12-11")),
    ),
    case(
        "below-a-dated-record",
        "The Nasdaq composite closed 2.9% below its Oct. 29 record.",
        "2025-12-12",
        W("2.9%", "drawdown", -2.9, "^IXIC", at="2025-12-12"),
    ),
    case(
        "from-price-on-date-to-price-on-date",
        "Apple shares went from $268.56 on Nov. 21 to $286.19 on Dec. 2, a gain of 6.6%.",
        "2025-12-12",
        W("$268.56", "price", 268.56, "AAPL", at="2025-11-21"),
        W("$286.19", "price", 286.19, "AAPL", at="2025-12-02"),
        W("6.6%", "pct_change", 6.6, "AAPL", since("2025-11-21", "2025-12-02")),
    ),
    case(
        "since-a-dated-event",
        "Since the Fed's Sept. 17 cut, the Russell 2000 has risen 2.4%.",
        "2025-12-12",
        W("2.4%", "pct_change", 2.4, "^RUT", since("2025-09-17", "2025-12-12")),
    ),
    # -- windows -----------------------------------------------------------------------------
    case(
        "the-week-ended-a-date",
        "In the week ended Dec. 5, the S&P 500 added 0.3%.",
        "2025-12-12",
        W("0.3%", "pct_change", 0.3, "^GSPC", period("2025-12-01", "2025-12-05")),
    ),
    case(
        "finished-the-year-up",
        "The S&P 500 finished 2025 up 16.4%.",
        "2026-01-02",
        W("16.4%", "pct_change", 16.4, "^GSPC", period("2025-01-01", "2025-12-31")),
    ),
    case(
        "over-the-past-three-years",
        "The Nasdaq-100 has gained 128% over the past three years.",
        "2025-12-12",
        W("128%", "pct_change", 128, "^NDX", trailing("2022-12-12", "2025-12-12")),
    ),
    case(
        "with-one-week-left-in-the-year",
        "With one week left in the year, the Dow is up 14.5%.",
        "2025-12-24",
        W("14.5%", "pct_change", 14.5, "^DJI", period("2025-01-01", "2025-12-24")),
    ),
    case(
        "last-month-first",
        "Last month the Russell 2000 gained 0.8%.",
        "2025-12-05",
        W("0.8%", "pct_change", 0.8, "^RUT", period("2025-11-01", "2025-11-30")),
    ),
    case(
        "so-far-this-year-etf",
        "So far this year, IJR has risen 5.1%.",
        "2025-12-12",
        W("5.1%", "pct_change", 5.1, "IJR", period("2025-01-01", "2025-12-12")),
    ),
    case(
        "trimming-its-gain-for-the-year",
        "The S&P 500 fell 1.1% on Friday, trimming its gain for the year to 16.1%.",
        "2025-12-12",
        W("1.1%", "pct_change", -1.1, "^GSPC", day("2025-12-12")),
        W("16.1%", "pct_change", 16.1, "^GSPC", period("2025-01-01", "2025-12-12")),
    ),
    case(
        "three-year-annualized-volatility",
        "The S&P 500's three-year annualized volatility stands at 15.2%.",
        "2025-12-12",
        W("15.2%", "volatility", 15.2, "^GSPC", trailing("2022-12-12", "2025-12-12")),
    ),
    case(
        "for-the-month-before-it-ends",
        "For the month, IWM rose 0.9%.",
        "2025-11-28",
        W("0.9%", "pct_change", 0.9, "IWM", period("2025-11-01", "2025-11-28")),
    ),
    # -- Fed sizes, ranges and counts --------------------------------------------------------
    case(
        "half-a-percentage-point-on-wednesday",
        "The Federal Reserve cut its benchmark rate by half a percentage point on Wednesday.",
        "2024-09-20",
        W("half a percentage point", "rate_change", -50, FED, at="2024-09-18"),
    ),
    case(
        "a-quarter-point-to-a-worded-range",
        "The Fed trimmed rates by a quarter point, to a range of 3.50% to 3.75%.",
        "2025-12-10",
        # undated Fed move: the latest decision (end None); the span leaves out "a"
        W("quarter point", "rate_change", -25, FED, at="latest"),
        W("3.50% to 3.75%", "rate_level", 3.75, FED, at="2025-12-10"),
    ),
    case(
        "twenty-five-basis-points-in-words",
        "Policymakers lowered the federal funds rate by twenty-five basis points.",
        "2025-10-29",
        W("twenty-five basis points", "rate_change", -25, FED, at="latest"),
    ),
    case(
        "fraction-of-a-percentage-point",
        "The FOMC reduced the target range by 1/4 percentage point.",
        "2025-09-17",
        W("1/4 percentage point", "rate_change", -25, FED, at="latest"),
    ),
    case(
        "second-rate-cut-this-year",
        "The Fed cut by a quarter point on Wednesday, its second rate cut this year.",
        "2025-10-30",
        W("quarter point", "rate_change", -25, FED, at="2025-10-29"),
        W("second", "rate_count", 2, FED, at="2025-10-30"),  # counted up to the article's date
    ),
    case(
        "third-straight-meeting-size-count-range",
        "The Federal Reserve cut interest rates by 25 basis points for the third straight "
        "meeting on Wednesday, to a range of 3.50%-3.75%.",
        "2025-12-10",
        W("25 basis points", "rate_change", -25, FED, at="2025-12-10"),  # "on Wednesday"
        W("third", "rate_count", 3, FED, at="2025-12-10"),
        W("3.50%-3.75%", "rate_level", 3.75, FED, at="2025-12-10"),
    ),
    case(
        "first-cut-since-december",
        "The Fed's quarter-point cut on Wednesday was its first since December.",
        "2025-09-17",
        W("quarter-point", "rate_change", -25, FED, at="2025-09-17"),
        W("first", "rate_count", 1, FED, at="2025-09-17"),
    ),
    case(
        "half-a-point-on-a-dated-day",
        "The Fed lowered rates by half a point on Sept. 18, 2024.",
        "2024-12-18",
        W("half a point", "rate_change", -50, FED, at="2024-09-18"),
    ),
    # -- noun-first claims and streaks ------------------------------------------------------
    case(
        "a-total-after-a-year-number-is-not-a-range",
        "The last session lifted Apple's gain for 2024 to 30.1%, well ahead of the S&P 500's "
        "23.3%.",
        "2024-12-31",
        W("30.1%", "pct_change", 30.1, "AAPL", period("2024-01-01", "2024-12-31")),
        W("23.3%", "pct_change", 23.3, "^GSPC", period("2024-01-01", "2024-12-31")),
    ),
    case(
        "posted-a-gain-of",
        "The Dow posted a gain of 0.8% on Wednesday.",
        "2025-12-12",
        W("0.8%", "pct_change", 0.8, "^DJI", day("2025-12-10")),
    ),
    case(
        "weekday-possessive-decline",
        "Tuesday's 1.1% decline in the Russell 2000 was its worst in a month.",
        "2025-12-12",
        W("1.1%", "pct_change", -1.1, "^RUT", day("2025-12-09")),
    ),
    case(
        "its-month-gain",
        "The S&P 500 has held on to its 0.2% November gain.",
        "2025-12-12",
        W("0.2%", "pct_change", 0.2, "^GSPC", period("2025-11-01", "2025-11-30")),
    ),
    case(
        "weekly-drop-steepest-since-a-month",
        "The Nasdaq's 1.6% weekly drop was its steepest since November.",
        "2025-12-12",
        W("1.6%", "pct_change", -1.6, "^IXIC", period("2025-12-08", "2025-12-12")),
    ),
    case(
        "fifth-straight-weekly-loss",
        "The Nasdaq posted a 0.8% drop for the week, its fifth straight weekly loss.",
        "2025-12-12",
        W("0.8%", "pct_change", -0.8, "^IXIC", period("2025-12-08", "2025-12-12")),
        tolerate=("fifth",),
    ),
    # -- gaps and distances from records ----------------------------------------------------
    case(
        "gap-outpaced-by-percentage-points",
        "The Russell 2000 outpaced the S&P 500 by 3 percentage points in November.",
        "2025-12-12",
        W("3 percentage points", "gap", 3, "^RUT", period("2025-11-01", "2025-11-30")),
    ),
    case(
        "gap-trailed-midcaps",
        "The S&P MidCap 400 trailed the S&P 500 by 5.2 percentage points this year.",
        "2025-12-12",
        W("5.2 percentage points", "gap", -5.2, "^MID", period("2025-01-01", "2025-12-12")),
    ),
    case(
        "within-one-percent-of-record",
        "The S&P 500 ended within 1% of its record close.",
        "2025-12-12",
        W("1%", "drawdown", -1, "^GSPC", at="2025-12-12", bound="above"),
    ),
    case(
        "below-its-peak",
        "The Russell 2000 is now 8% below its peak.",
        "2025-12-12",
        W("8%", "drawdown", -8, "^RUT", at="2025-12-12"),
    ),
    case(
        "stock-below-its-dated-record-on-friday",
        "Nvidia closed 11.5% below its Oct. 29 record high on Friday.",
        "2025-12-12",
        W("11.5%", "drawdown", -11.5, "NVDA", at="2025-12-12"),
    ),
    # -- bounds --------------------------------------------------------------------------------
    case(
        "closed-above-a-level",
        "The Dow closed above 47,500 on Thursday.",
        "2025-12-12",
        W("47,500", "index_level", 47500, "^DJI", at="2025-12-11", bound="above"),
    ),
    case(
        "fell-more-than",
        "Nvidia fell more than 4% on Friday.",
        "2025-12-12",
        W("4%", "pct_change", -4, "NVDA", day("2025-12-12"), bound="above"),
    ),
    case(
        "slipped-less-than",
        "Amazon slipped less than 1% in November.",
        "2025-12-12",
        W("1%", "pct_change", -1, "AMZN", period("2025-11-01", "2025-11-30"), bound="below"),
    ),
    case(
        "record-close-and-topping-a-round-number",
        "The S&P 500 closed at a record 6,901.00 on Thursday, topping 6,900 for the first time.",
        "2025-12-12",
        W("6,901.00", "index_level", 6901.00, "^GSPC", at="2025-12-11"),
        W("6,900", "index_level", 6900, "^GSPC", at="2025-12-11", bound="above"),
    ),
    case(
        "stock-ended-below-dollars",
        "Tesla ended below $450 on Monday.",
        "2025-12-12",
        W("$450", "price", 450, "TSLA", at="2025-12-08", bound="below"),
    ),
    # -- yields and subject discipline -------------------------------------------------------
    case(
        "two-year-and-ten-year-with-prior-level",
        "The yield on the 2-year Treasury fell to 3.52% from 3.61% late Wednesday, while the "
        "10-year yield eased to 4.14%.",
        "2025-12-11",
        W("3.52%", "yield_level", 3.52, "DGS2", at="2025-12-11"),
        W("3.61%", "yield_level", 3.61, "DGS2", at="2025-12-10"),
        W("4.14%", "yield_level", 4.14, "DGS10", at="2025-12-11"),
    ),
    case(
        "ten-year-basis-points-to-level",
        "The 10-year Treasury yield rose 4 basis points to 4.19%.",
        "2025-12-12",
        W("4 basis points", "yield_change", 4, "DGS10", day("2025-12-12")),
        W("4.19%", "yield_level", 4.19, "DGS10", at="2025-12-12"),
    ),
    case(
        "thirty-year-and-five-year",
        "The 30-year yield climbed to 4.85%, and the five-year note yielded 3.75%.",
        "2025-12-12",
        W("4.85%", "yield_level", 4.85, "DGS30", at="2025-12-12"),
        W("3.75%", "yield_level", 3.75, "^FVX", at="2025-12-12"),
    ),
    case(
        "yield-change-in-percentage-point",
        "The 10-year yield fell 0.08 percentage point this week.",
        "2025-12-12",
        W("0.08 percentage point", "yield_change", -8, "DGS10",
          period("2025-12-08", "2025-12-12")),
    ),  # fmt: skip
    case(
        "yield-from-a-level-on-the-prior-day",
        "The 10-year yield rose to 4.19% from 4.15% on Thursday.",
        "2025-12-12",
        W("4.19%", "yield_level", 4.19, "DGS10", at="2025-12-12"),
        W("4.15%", "yield_level", 4.15, "DGS10", at="2025-12-11"),
    ),
    case(
        "two-year-across-a-relative-clause",
        "The 2-year yield, which tracks expectations for Fed action, fell 8 basis points this "
        "week.",
        "2025-12-12",
        W("8 basis points", "yield_change", -8, "DGS2", period("2025-12-08", "2025-12-12")),
    ),
    case(
        "composite-nasdaq-100-and-qqq-are-three-series",
        "The Nasdaq composite fell 1.7%, the Nasdaq-100 lost 1.9% and the Invesco QQQ Trust "
        "dropped 1.9%.",
        "2025-12-12",
        W("1.7%", "pct_change", -1.7, "^IXIC", day("2025-12-12")),
        W("1.9%", "pct_change", -1.9, "^NDX", day("2025-12-12")),
        W("1.9%", "pct_change", -1.9, "QQQ", day("2025-12-12"), nth=1),
    ),
    case(
        "midcap-400-is-not-the-sp-500",
        "The S&P MidCap 400 rose 1.2%, outpacing the S&P 500's 0.5% gain.",
        "2025-12-12",
        W("1.2%", "pct_change", 1.2, "^MID", day("2025-12-12")),
        W("0.5%", "pct_change", 0.5, "^GSPC", day("2025-12-12")),
    ),
    case(
        "smallcap-600-is-not-the-russell",
        "The S&P SmallCap 600 gained 1.4% on Thursday, while the Russell 2000 added 1.2%.",
        "2025-12-12",
        W("1.4%", "pct_change", 1.4, "^SML", day("2025-12-11")),
        W("1.2%", "pct_change", 1.2, "^RUT", day("2025-12-11")),
    ),
    case(
        "spy-price-is-not-an-index-level",
        "The SPDR S&P 500 ETF Trust closed at $681.76.",
        "2025-12-12",
        W("$681.76", "price", 681.76, "SPY", at="2025-12-12"),
    ),
    # -- single stocks on earnings days ------------------------------------------------------
    case(
        "earnings-day-move-and-price-not-revenue",
        "Shares of Nvidia fell 3.2% to $177.82 on Thursday, a day after the chipmaker reported "
        "revenue of $57 billion for its fiscal third quarter.",
        "2025-11-21",
        W("3.2%", "pct_change", -3.2, "NVDA", day("2025-11-20")),
        W("$177.82", "price", 177.82, "NVDA", at="2025-11-20"),
    ),
    case(
        "earnings-per-share-is-not-a-price",
        "Apple rose 2.1% after reporting earnings of $1.85 a share, above the $1.77 analysts "
        "expected.",
        "2025-10-31",
        W("2.1%", "pct_change", 2.1, "AAPL", day("2025-10-31")),
    ),
    case(
        "market-value-aside-is-not-a-claim",
        "Nvidia, which has a market value of about $4.3 trillion, slipped 0.6% on Friday.",
        "2025-12-12",
        W("0.6%", "pct_change", -0.6, "NVDA", day("2025-12-12")),
    ),
    # -- intraday ------------------------------------------------------------------------------
    case(
        "intraday-by-publication-time",
        "The S&P 500 was up 0.4% at 6,868 in afternoon trading.",
        "2025-12-10",
        W("0.4%", "pct_change", 0.4, "^GSPC", day("2025-12-10"), intraday=True),
        W("6,868", "index_level", 6868, "^GSPC", at="2025-12-10", intraday=True),
        published=datetime(2025, 12, 10, 13, 20, tzinfo=NY),
    ),
    case(
        "intraday-by-a-time-stamp-in-the-text",
        "1:20 p.m. ET: The Nasdaq is down 0.5% at 23,460.",
        "2025-12-10",
        W("0.5%", "pct_change", -0.5, "^IXIC", day("2025-12-10"), intraday=True),
        W("23,460", "index_level", 23460, "^IXIC", at="2025-12-10", intraday=True),
    ),
    # -- forecasts -----------------------------------------------------------------------------
    case(
        "strategist-target-level",
        "Strategists at one bank expect the S&P 500 to reach 7,400 by the end of 2026.",
        "2025-12-12",
        W("7,400", "index_level", 7400, "^GSPC", forecast=True),
    ),
    case(
        "projected-fed-cut",
        "Fed officials projected a quarter-point cut in 2026.",
        "2025-12-10",
        W("quarter-point", "rate_change", -25, FED, forecast=True),
    ),
    case(
        "could-rally-next-year",
        "The Russell 2000 could rally 15% next year, analysts at one firm said.",
        "2025-12-12",
        W("15%", "pct_change", 15, "^RUT", forecast=True),
    ),
    case(
        "price-target",
        "Analysts raised their price target on Nvidia to $250.",
        "2025-12-12",
        W("$250", "price", 250, "NVDA", forecast=True),
    ),
    # -- numbers that are not market claims ---------------------------------------------------
    case(
        "jobs-and-unemployment-rate",
        "Employers added 119,000 jobs in September, and the unemployment rate rose to 4.4%.",
        "2025-12-12",
    ),
    case(
        "consumer-prices-and-gdp",
        "Consumer prices rose 3% from a year earlier in September, and the economy grew at a "
        "4.3% annual rate in the third quarter.",
        "2025-12-12",
    ),
    case(
        "treasury-bill-purchases",
        "The Fed said it would begin buying $40 billion of Treasury bills a month.",
        "2025-12-10",
    ),
    case(
        "vote-count-and-dissents",
        "The committee voted 9-3 for the move, with three officials dissenting.",
        "2025-12-10",
    ),
    case(
        "company-revenue-growth",
        "Revenue rose 62% to $57 billion, and data center sales climbed 66%.",
        "2025-11-20",
    ),
    case(
        "ages-phone-numbers-and-pages",
        "The 95-year-old investor stepped down at 94. Call 1-800-555-0199 for help. Page 2 of 3.",
        "2025-12-12",
    ),
    case(
        "ticker-strip-and-most-read",
        "DJIA 48,458.05 -245.96 (-0.51%) | S&P 500 6,827.41 -73.59 (-1.07%) | Nasdaq 23,195.17 "
        "-398.69 (-1.69%)\nMost read\n1. 5 stocks to watch in 2026\n2. Why 3 banks cut jobs",
        "2025-12-12",
    ),
]  # fmt: skip


# -- matching ---------------------------------------------------------------------------------
def _locate(text: str, span: str, nth: int) -> tuple[int, int]:
    pattern = re.compile(r"(?<![\w.,])" + re.escape(span) + r"(?!\w|[.,]\d)")
    hits = list(pattern.finditer(text))
    assert len(hits) > nth, f"the case is wrong: {span!r} (#{nth}) is not in the text"
    return hits[nth].span()


def _describe(text: str, c: Claim) -> str:
    extra = "".join(
        f" {name}={getattr(c, name)}"
        for name in ("bound", "forecast", "approximate", "intraday")
        if getattr(c, name)
    )
    return (
        f"{text[c.span[0] : c.span[1]]!r} {c.kind} {c.value:g} {c.ticker} "
        f"{c.window} {c.start}..{c.end} ({c.window_source}){extra}"
    )


def _mismatches(want: Want, got: Claim) -> list[str]:
    out = []
    if got.kind != want.kind:
        out.append(f"kind {got.kind} != {want.kind}")
    if abs(got.value - want.value) > 1e-9:
        out.append(f"value {got.value:g} != {want.value:g}")
    if got.ticker != want.ticker:
        out.append(f"ticker {got.ticker} != {want.ticker}")
    if want.window is not None and (got.window, got.start, got.end) != want.window:
        out.append(f"window {(got.window, got.start, got.end)} != {want.window}")
    if want.at == "latest":  # a Fed move the text does not date: the latest decision
        if got.end is not None:
            out.append(f"date {got.end} != the latest decision (None)")
    elif want.at is not None and got.end != D(want.at):
        out.append(f"date {got.end} != {want.at}")
    if got.bound != want.bound:
        out.append(f"bound {got.bound} != {want.bound}")
    if got.forecast != want.forecast:
        out.append(f"forecast {got.forecast} != {want.forecast}")
    if got.approximate != want.approximate:
        out.append(f"approximate {got.approximate} != {want.approximate}")
    if want.source is not None and got.window_source != want.source:
        out.append(f"window_source {got.window_source} != {want.source}")
    if want.intraday is not None and got.intraday != want.intraday:
        out.append(f"intraday {got.intraday} != {want.intraday}")
    return out


@pytest.mark.parametrize("case", CASES)
def test_statement(case: Case) -> None:
    text = case.text
    claims = extract_claims(text, case.as_of, case.published)
    taken: set[int] = set()
    problems: list[str] = []
    for want in case.wants:
        a, b = _locate(text, want.span, want.nth)
        holding = [
            i for i, c in enumerate(claims) if i not in taken and c.span[0] <= a and b <= c.span[1]
        ]
        if not holding:
            problems.append(f"{want.span!r} ({want.kind} {want.ticker}): no claim")
            continue
        # several claims may share one number ("the S&P 500 and the Dow each rose 0.4%")
        i = min(
            holding,
            key=lambda i: (claims[i].ticker != want.ticker, claims[i].span[1] - claims[i].span[0]),
        )
        taken.add(i)
        wrong = _mismatches(want, claims[i])
        if wrong:
            problems.append(f"{want.span!r} ({want.kind} {want.ticker}): " + "; ".join(wrong))
    for i, c in enumerate(claims):
        if i in taken:
            continue
        span = text[c.span[0] : c.span[1]]
        if not any(t in span for t in case.tolerate):
            problems.append(f"extra claim: {_describe(text, c)}")
    got = "\n".join("  " + _describe(text, c) for c in claims) or "  (none)"
    assert not problems, "\n".join(problems) + f"\nclaims read:\n{got}"


def test_a_one_day_figure_does_not_lend_its_one_day_to_the_figure_before_it() -> None:
    text = "Nvidia rose 38.8% in 2025 despite a 17% one-day plunge in January."
    (rose,) = [c for c in extract_claims(text, D("2026-01-02")) if c.value == 38.8]
    assert (rose.kind, rose.window, rose.start, rose.end) == (
        "pct_change", "window", D("2025-01-01"), D("2025-12-31"))  # fmt: skip


def test_on_the_day_in_a_year_review_is_the_session_the_story_reports() -> None:
    title = "2024 in review: another banner year for the S&P 500"
    text = (
        "Wall Street limped across the finish line on Tuesday. The S&P 500 slipped 0.4% in the "
        "final session, after a 1.1% drop on Monday. The Nasdaq Composite lost 0.9% on the day."
    )
    claims = extract_claims(text, D("2024-12-31"), title=title)
    (nasdaq,) = [c for c in claims if c.ticker == "^IXIC"]
    assert (nasdaq.value, nasdaq.window, nasdaq.end) == (-0.9, "day", D("2024-12-31"))
