"""Pure parts of the chat: question parsing, the checked stream, commands, completion."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.chat.checked import CheckedStream
from assistant.chat.commands import Command, parse_command
from assistant.chat.questions import DataQuery, Period, parse_question, wants_news
from assistant.chat.repl import completions_for

AS_OF = date(2026, 1, 5)


def test_data_questions_are_read_with_their_window() -> None:
    assert parse_question("How did IJR do in November 2025?", AS_OF) == DataQuery(
        "return", ("IJR",), Period(date(2025, 11, 1), date(2025, 11, 30), "window", "November 2025")
    )
    assert parse_question("What was SPY's one-year volatility at the end of 2025?", AS_OF) == (
        DataQuery("volatility", ("SPY",),
                  Period(date(2024, 12, 31), date(2025, 12, 31), "trailing",
                         "the year to Dec 31, 2025"))
    )  # fmt: skip
    assert parse_question("When did the Fed last cut rates, and by how much?", AS_OF) == (
        DataQuery("fed_move", ("FEDFUNDS",), None, direction="cut")
    )
    compare = parse_question("Compare IWM and QQQ in Q1 2026", date(2026, 6, 1))
    assert compare is not None and compare.tickers == ("IWM", "QQQ")
    assert compare.period == Period(date(2026, 1, 1), date(2026, 3, 31), "window", "Q1 2026")
    assert parse_question("What is the 10-year yield?", AS_OF) == DataQuery(
        "yield_level", ("DGS10",), None
    )


def test_follow_ups_borrow_from_the_previous_question_and_news_is_not_data() -> None:
    first = parse_question("How did IJR do in November 2025?", AS_OF)
    assert parse_question("And QQQ?", AS_OF, first) == DataQuery(
        "return", ("QQQ",), first.period if first else None
    )
    december = parse_question("What about December 2025?", AS_OF, first)
    assert december is not None and december.tickers == ("IJR",)
    assert december.period and december.period.label == "December 2025"
    assert parse_question("Who won the World Cup final?", AS_OF) is None
    assert parse_question("What did IJR do?", AS_OF, explicit=True) is None
    assert wants_news("Why did small caps rally?") and not wants_news("How did IJR do?")


def test_checked_stream_holds_a_sentence_until_its_citation_is_complete() -> None:
    shown: list[str] = []
    stream = CheckedStream(lambda: {"D1": "IJR returned +2.61% in November 2025."}, shown.append)
    for piece in ["IJR rose 2.6", "1% in Nov", "ember 2025. [D", "1] It fell 9.99% in ",
                  "December [D1]. Done."]:  # fmt: skip
        stream.feed(piece)
    stream.close()
    assert shown == [
        "IJR rose 2.61% in November 2025. [D1] ",
        "It fell ⚠9.99%[unchecked] in December [D1]. ",
        "Done.",
    ]
    assert [(f.text, f.sentence) for f in stream.flagged] == [
        ("9.99%", "It fell 9.99% in December [D1].")
    ]


def test_remove_policy_drops_the_sentence_with_an_untraced_number() -> None:
    shown: list[str] = []
    stream = CheckedStream(lambda: {"1": "QQQ slipped 1.6%."}, shown.append, "remove")
    stream.feed("QQQ slipped 1.6% [1]. It then jumped 12% [1]. ")
    stream.close()
    assert "".join(shown).strip() == "QQQ slipped 1.6% [1]."


def test_slash_commands_and_completion() -> None:
    assert parse_command("/ticker IJR 1y") == Command("/ticker", "IJR 1y")
    assert parse_command("/Article") == Command("/article", "")
    assert parse_command("How did IJR do?") is None
    assert completions_for("/he", ["IJR"]) == [("/help", -3)]
    assert completions_for("/ticker ij", ["IJR", "IWM", "QQQ"]) == [("IJR", -2)]
    assert completions_for("How did I", ["IJR", "IWM"]) == [("IJR", -1), ("IWM", -1)]
    assert completions_for("How did 2", ["IJR"]) == []


@pytest.mark.parametrize(
    ("label", "phrase"),
    [
        ("November 2025", "in November 2025"),
        ("year to date", "year to date"),
        ("since March", "since March"),
        ("over the past year.", "over the past year"),
    ],
)
def test_period_phrases_read_after_a_verb(label: str, phrase: str) -> None:
    """'returned +5.42% year to date', not 'in year to date' (issue 9, item 10)."""
    from assistant.chat.compute import _in

    assert _in(label) == phrase
