"""Time expressions resolved against an article date."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.text.times import find_windows

AS_OF = date(2025, 12, 12)  # a Friday


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("gained 2% in November", "window", date(2025, 11, 1), date(2025, 11, 30)),
        ("in December", "window", date(2025, 12, 1), date(2025, 12, 12)),
        ("in January", "window", date(2025, 1, 1), date(2025, 1, 31)),
        ("in November 2024", "window", date(2024, 11, 1), date(2024, 11, 30)),
        ("in December 2024", "window", date(2024, 12, 1), date(2024, 12, 31)),
        ("last month", "window", date(2025, 11, 1), date(2025, 11, 30)),
        ("this month", "window", date(2025, 12, 1), date(2025, 12, 12)),
        ("last week", "window", date(2025, 12, 1), date(2025, 12, 5)),
        ("this week", "window", date(2025, 12, 8), date(2025, 12, 12)),
        ("year to date", "window", date(2025, 1, 1), date(2025, 12, 12)),
        ("so far this year", "window", date(2025, 1, 1), date(2025, 12, 12)),
        ("last year", "window", date(2024, 1, 1), date(2024, 12, 31)),
        ("for 2024", "window", date(2024, 1, 1), date(2024, 12, 31)),
        ("in the first quarter", "window", date(2025, 1, 1), date(2025, 3, 31)),
        ("in Q3 2024", "window", date(2024, 7, 1), date(2024, 9, 30)),
        ("in the July-September quarter", "window", date(2025, 7, 1), date(2025, 9, 30)),
        ("on Thursday", "day", date(2025, 12, 11), date(2025, 12, 11)),
        ("across Wednesday and Thursday", "window", date(2025, 12, 10), date(2025, 12, 11)),
        ("over four straight winning sessions", "trailing", date(2025, 12, 8), date(2025, 12, 12)),
        ("and ended the half at 4.1%", "window", date(2025, 7, 1), date(2025, 12, 12)),
        (
            "from its Aug. 15 peak through the end of September",
            "since",
            date(2025, 8, 15),
            date(2025, 9, 30),
        ),  # fmt: skip
        ("on Friday", "day", date(2025, 12, 12), date(2025, 12, 12)),
        ("on Dec 10", "day", date(2025, 12, 10), date(2025, 12, 10)),
        ("on Dec. 15", "day", date(2025, 12, 15), date(2025, 12, 15)),  # days ahead: this year's
        ("on Jan. 6", "day", date(2025, 1, 6), date(2025, 1, 6)),  # weeks ahead: last year's
        ("on November 25, 2024", "day", date(2024, 11, 25), date(2024, 11, 25)),
        ("on 2025-03-03", "day", date(2025, 3, 3), date(2025, 3, 3)),
        ("since Nov 20", "since", date(2025, 11, 20), date(2025, 12, 12)),
        ("since late November", "since", date(2025, 11, 21), date(2025, 12, 12)),
        ("between Nov 3 and Nov 21", "since", date(2025, 11, 3), date(2025, 11, 21)),
        (
            "from its April 8 low through the end of June",
            "since",
            date(2025, 4, 8),
            date(2025, 6, 30),
        ),  # fmt: skip
        (
            "from the Oct. 27 close to the end of December 2023",
            "since",
            date(2023, 10, 27),
            date(2023, 12, 31),
        ),  # fmt: skip
        ("over the past three years", "trailing", date(2022, 12, 12), date(2025, 12, 12)),
        ("over the past 12 months", "trailing", date(2024, 12, 12), date(2025, 12, 12)),
        ("rose on Black Friday", "day", date(2025, 11, 28), date(2025, 11, 28)),
        ("the record it set on Christmas Eve", "day", date(2024, 12, 24), date(2024, 12, 24)),
        ("fell 0.7% on New Year's Eve", "day", date(2024, 12, 31), date(2024, 12, 31)),
        ("in the final session of November", "day", date(2025, 11, 28), date(2025, 11, 28)),
        ("on the last trading day of 2024", "day", date(2024, 12, 31), date(2024, 12, 31)),
        ("Stocks end 2024 with big gains", "window", date(2024, 1, 1), date(2024, 12, 31)),
        ("closes the books on 2024", "window", date(2024, 1, 1), date(2024, 12, 31)),
        ("to close out a third straight year", "window", date(2025, 1, 1), date(2025, 12, 12)),
    ],
)
def test_resolution(text: str, kind: str, start: date, end: date) -> None:
    (w,) = find_windows(text, AS_OF)
    assert (w.kind, w.start, w.end) == (kind, start, end)


def test_two_dates_in_one_sentence_keep_their_spans() -> None:
    text = "from its November 17 low to its December 18 high"
    got = [(w.start, w.span) for w in find_windows(text, date(2025, 12, 20))]
    assert got == [(date(2025, 11, 17), (9, 20)), (date(2025, 12, 18), (32, 43))]


def test_no_time_expression() -> None:
    assert find_windows("Small caps outperformed large caps.", AS_OF) == []


@given(st.text(max_size=300), st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 1, 1)))
def test_never_crashes_and_never_looks_ahead_of_the_year(text: str, as_of: date) -> None:
    for w in find_windows(text, as_of):
        assert w.start <= w.end or w.kind == "since"
        assert 0 <= w.span[0] < w.span[1] <= len(text)


def test_a_review_published_early_in_january_closes_out_the_year_before() -> None:
    (w,) = find_windows("Stocks close out a third straight year of gains", date(2026, 1, 2))
    assert (w.start, w.end) == (date(2025, 1, 1), date(2025, 12, 31))


def test_on_the_day_means_the_story_session_that_day_the_last_one_named() -> None:
    monday, tuesday = date(2024, 12, 30), date(2024, 12, 31)
    (on_the_day,) = find_windows("lost 1.2% on the day", tuesday, monday, session=tuesday)
    (that_day,) = find_windows("lost 1.2% that day", tuesday, monday, session=tuesday)
    assert (on_the_day.end, that_day.end) == (tuesday, monday)


def test_skipping_patterns_whose_words_are_absent_changes_no_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pattern is tried only on text holding one of its words (times._TRIGGERS): every
    line of the news corpus and the dev set reads the same as with every pattern tried."""
    from assistant.text import times
    from tests.conftest import FIXTURES

    lines = [
        line
        for folder in ("news/articles", "eval", "articles")
        for path in sorted((FIXTURES / folder).rglob("*"))
        if path.suffix in (".md", ".html", ".jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if any(ch.isdigit() for ch in line) or re.search(r"(?i)week|month|year|day", line)
    ]
    assert len(lines) > 3000
    gated = [find_windows(line, AS_OF) for line in lines]
    tried: list[int] = []
    monkeypatch.setattr(times, "_patterns_for", lambda text: tried.append(1) or times._COMPILED)
    every = [find_windows(line, AS_OF) for line in lines]
    assert len(tried) == len(lines)
    assert gated == every
    assert sum(map(len, gated)) > 3000


@pytest.mark.parametrize(
    ("text", "as_of", "start", "end"),
    [
        # a result told in the infinitive, a week into the next year: the year just ended
        ("the index rose 9%, or 412 points, to close the year at 5,120", date(2026, 1, 9),
         date(2025, 1, 1), date(2025, 12, 31)),
        # a goal is not a result: the year so far
        ("the index is on track to end the year higher", date(2025, 12, 12),
         date(2025, 1, 1), date(2025, 12, 12)),
        # "wrapped up the month on Monday", in a column out that Saturday: September
        ("the index rose 1.5% and wrapped up the month on Monday at a record",
         date(2024, 10, 4), date(2024, 9, 1), date(2024, 9, 30)),
        ("Tech stocks finish the quarter on a high", date(2025, 10, 1),
         date(2025, 7, 1), date(2025, 9, 30)),
        ("Banks close out the quarter with losses", date(2025, 10, 1),
         date(2025, 7, 1), date(2025, 9, 30)),
    ],
)  # fmt: skip
def test_a_period_a_move_finished_in_any_tense(
    text: str, as_of: date, start: date, end: date
) -> None:
    (w, *_) = find_windows(text, as_of)
    assert (w.start, w.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("In the three months through June, the index rose 4%", date(2026, 3, 31),
         date(2026, 6, 30)),
        ("in the six months through March", date(2025, 9, 30), date(2026, 3, 31)),
        ("over the 12 months to May 2025", date(2024, 5, 31), date(2025, 5, 31)),
    ],
)  # fmt: skip
def test_months_counted_back_from_a_named_month_end_with_it(
    text: str, start: date, end: date
) -> None:
    (w,) = find_windows(text, date(2026, 6, 30))
    assert (w.start, w.end) == (start, end)


def test_a_period_to_date_told_at_a_days_close_or_peak_ends_that_day() -> None:
    text = "At the Oct. 28 peak, the stock was up 28.6% for the year."
    (day, year) = find_windows(text, date(2025, 11, 7))
    assert (year.start, year.end) == (date(2025, 1, 1), date(2025, 10, 28))
    (_, now) = find_windows(
        "It hit a record at the Oct. 28 close and is up 18% for the year", date(2025, 11, 7)
    )
    assert now.end == date(2025, 11, 7)


@pytest.mark.parametrize(
    "text",
    [
        "gained 2.4% between the Dec. 5 close and Thursday",
        "gained 2.4% between the Dec. 5 close and Thursday's close",
        "gained 2.4% between Dec. 5's close and the Dec. 11 close",
    ],
)
def test_between_a_days_close_and_another_runs_from_that_close(text: str) -> None:
    (w,) = find_windows(text, AS_OF)
    assert (w.kind, w.start, w.end) == ("since", date(2025, 12, 5), date(2025, 12, 11))


@pytest.mark.parametrize(
    "text",
    [
        "was up 9% this year through the end of October",
        "By the end of October it was up 9% for the year",
    ],
)
def test_a_year_to_date_told_through_a_months_end_stops_there(text: str) -> None:
    year = next(w for w in find_windows(text, AS_OF) if w.kind == "window")
    assert (year.start, year.end) == (date(2025, 1, 1), date(2025, 10, 31))


def test_from_a_month_through_the_end_of_another_is_one_span() -> None:
    (w,) = find_windows("gained 9% from March through the end of October", AS_OF)
    assert (w.kind, w.start, w.end) == ("window", date(2025, 3, 1), date(2025, 10, 31))


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        # "the close of" a month and a day is that day, not the month's end
        ("By the close of Nov. 14 the index stood at 6,734.11.", "day", date(2025, 11, 14), None),
        ("At the close of Oct. 10 it was down 2.7%.", "day", date(2025, 10, 10), None),
        ("up 3% since the close of Oct. 10", "since", date(2025, 10, 10), AS_OF),
        ("up 3% since the close on Oct. 10", "since", date(2025, 10, 10), AS_OF),
        # and a month alone is still its end
        ("By the close of October the index had gained 2.3%.", "day", date(2025, 10, 31), None),
    ],
)
def test_the_close_of_a_dated_day_is_that_day(
    text: str, kind: str, start: date, end: date | None
) -> None:
    (w,) = find_windows(text, AS_OF)
    assert (w.kind, w.start, w.end) == (kind, start, end or start)


def test_from_a_dated_low_to_the_last_day_of_the_year() -> None:
    text = "From the Oct. 10 low to the last day of the year, the index climbed 4.3%."
    (w,) = find_windows(text, date(2026, 1, 7))
    assert (w.kind, w.start, w.end) == ("since", date(2025, 10, 10), date(2025, 12, 31))


@pytest.mark.parametrize(
    "text", ["the shortened week through Thursday", "the four-day week ended Thursday"]
)
def test_a_short_week_through_a_weekday_runs_from_the_week_before(text: str) -> None:
    # out Sunday, July 6, 2025: the holiday week ran Monday, June 30 to Thursday, July 3
    (w,) = find_windows(f"In {text}, the index gained 1.7%.", date(2025, 7, 6))
    assert (w.kind, w.start, w.end) == ("window", date(2025, 6, 30), date(2025, 7, 3))
