"""Issue 9.3: a follow-up borrows only what it leaves out; a new subject starts fresh; a bare
month is the most recent one at or before the conversation's as-of date."""

from __future__ import annotations

import io
from datetime import date

from assistant.chat.questions import DataQuery, Period, parse_period, parse_question
from assistant.chat.repl import Repl
from assistant.chat.session import Session
from assistant.config import get_settings
from assistant.errors import BadInputError
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from tests.chat.expected import data_through, period_return

AS_OF = date(2026, 10, 8)


class NoNews:
    """A news source with nothing indexed."""

    def search(self, query: str, k: int, *, ticker: str | None = None) -> list:
        return []

    def find_article(self, ident: str) -> Article:
        raise BadInputError(f"no article {ident}")

    def add_article(self, article: Article) -> None:
        pass


def _month(year: int, month: int, last: int, label: str) -> Period:
    return Period(date(year, month, 1), date(year, month, last), "window", label)


def test_a_new_subject_starts_fresh_and_its_follow_up_keeps_it() -> None:
    spy = parse_question("How much did SPY gain in October 2025?", AS_OF)
    assert spy == DataQuery("return", ("SPY",), _month(2025, 10, 31, "October 2025"))
    oil = parse_question("What happened to oil prices in March 2026?", AS_OF, spy)
    assert oil == DataQuery("return", ("CL=F",), _month(2026, 3, 31, "March 2026"))
    assert parse_question("And in November?", AS_OF, oil) == DataQuery(
        "return", ("CL=F",), _month(2025, 11, 30, "November 2025")
    )
    # a subject finnews has no ticker for is still a subject: not SPY's
    assert parse_question("What happened to lumber prices in March 2026?", AS_OF, spy) is None
    assert parse_question("And lumber?", AS_OF, spy) is None


def test_a_follow_up_inherits_only_what_it_leaves_out() -> None:
    spy = parse_question("How much did SPY gain in October 2025?", AS_OF)
    assert parse_question("And in November?", AS_OF, spy) == DataQuery(
        "return", ("SPY",), _month(2025, 11, 30, "November 2025")
    )
    assert parse_question("What was the close?", AS_OF, spy) == DataQuery(
        "price", ("SPY",), _month(2025, 10, 31, "October 2025")
    )
    assert parse_question("How did it do in May?", AS_OF, spy) == DataQuery(
        "return", ("SPY",), _month(2026, 5, 31, "May 2026")
    )
    # a bare month in the month of the as-of date is that month, so far
    assert parse_question("And November?", date(2026, 11, 20), spy) == DataQuery(
        "return", ("SPY",), Period(date(2026, 11, 1), date(2026, 11, 20), "window", "November 2026")
    )


def test_the_conversation_is_as_of_the_last_day_of_the_bundled_data() -> None:
    assert data_through() == AS_OF  # the snapshot's last bar, read from the CSVs
    later = Session(settings=get_settings(), market=SnapshotMarketData(), news=NoNews(),
                    today=lambda: date(2026, 12, 1))  # fmt: skip
    assert later.as_of == AS_OF
    earlier = Session(settings=get_settings(), market=SnapshotMarketData(), news=NoNews(),
                      today=lambda: date(2026, 1, 5))  # fmt: skip
    assert earlier.as_of == date(2026, 1, 5)


def test_repl_follow_ups_after_an_unrelated_question() -> None:
    session = Session(settings=get_settings(), market=SnapshotMarketData(), news=NoNews(),
                      today=lambda: date(2026, 12, 1))  # fmt: skip
    out = io.StringIO()
    repl = Repl(session, out)
    for line in [
        "How much did SPY gain in October 2025?",
        "What happened to oil prices in March 2026?",
        "And in November?",
        "How did SPY do in March 2026?",
        "And in November?",
        "What happened to lumber prices in March 2026?",
        "And in November?",
    ]:
        assert repl.handle(line)
    october = period_return("SPY", date(2025, 10, 1), date(2025, 10, 31))
    march = period_return("SPY", date(2026, 3, 1), date(2026, 3, 31))
    november = period_return("SPY", date(2025, 11, 1), date(2025, 11, 30))
    assert [f"{x[0]:+.2f}" for x in (october, march, november)] == ["+2.38", "-5.20", "+0.19"]
    assert out.getvalue() == (
        "SPY returned +2.38% in October 2025 (price return: $666.18 at the Sep 30, 2025 close "
        "to $682.06 at the Oct 31, 2025 close) [D1].\n"
        "  [D1] SPY price return, October 2025 · snapshot\n"
        "Market data cannot answer this (CL=F return, March 2026): no bundled series for "
        "crude oil (CL=F).\n\n"
        "The indexed news and market data do not answer this.\n"
        "Market data cannot answer this (CL=F return, November 2025): no bundled series for "
        "crude oil (CL=F).\n\n"
        "The indexed news and market data do not answer this.\n"
        "SPY returned -5.20% in March 2026 (price return: $685.99 at the Feb 27, 2026 close to "
        "$650.34 at the Mar 31, 2026 close) [D1].\n"
        "  [D1] SPY price return, March 2026 · snapshot\n"
        "SPY returned +0.19% in November 2025 (price return: $682.06 at the Oct 31, 2025 close "
        "to $683.39 at the Nov 28, 2025 close) [D1].\n"
        "  [D1] SPY price return, November 2025 · snapshot\n"
        "The indexed news and market data do not answer this.\n"
        "The indexed news and market data do not answer this.\n"
    )


def test_a_close_for_a_window_after_the_data_is_not_an_older_close() -> None:
    session = Session(settings=get_settings(), market=SnapshotMarketData(), news=NoNews(),
                      as_of=date(2026, 12, 1))  # fmt: skip
    answer = session.ask("What was SPY's closing price in November?")
    assert answer.receipts == []
    assert answer.text == (
        "Market data cannot answer this (SPY price, November 2026): no SPY close in November "
        "2026: the data ends May 1, 2026.\n\n"
        "The indexed news and market data do not answer this."
    )


def test_periods_read_with_their_year() -> None:
    assert parse_period("How did the Russell 2000 do this year?", AS_OF) == Period(
        date(2026, 1, 1), AS_OF, "window", "2026 to date"
    )
    assert parse_period("How did the Russell 2000 do?", AS_OF) is None  # an index, not a year
    assert parse_period("And 2024?", AS_OF) == Period(
        date(2024, 1, 1), date(2024, 12, 31), "window", "2024"
    )
    assert parse_period("this month", AS_OF) == Period(
        date(2026, 10, 1), AS_OF, "window", "October 2026 to date"
    )
