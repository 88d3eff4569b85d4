"""A verb left out of the second half of a list: "the 2-year fell 17 basis points and the
30-year 30 basis points", "the 10-year 22", "the Dow 2.6% and the Nasdaq 1.7%" after a
distance below a record. Shapes met in bond columns and closing wraps across the corpus;
each passage is our own, values computed from the bundled data."""

from __future__ import annotations

from datetime import date

import pytest

from tests.check.passages import check


@pytest.mark.parametrize(
    "text",
    [  # week to 2023-01-06: DGS10 3.88 -> 3.55 (-33 bp), DGS2 4.41 -> 4.24 (-17 bp),
        # DGS30 3.97 -> 3.67 (-30 bp)
        "For the week, the 10-year yield fell 33 basis points, the 2-year 17 basis points "
        "and the 30-year 30 basis points.",
        "For the week, the 10-year yield fell 33 basis points, the 2-year 17 and the 30-year 30.",
    ],
)
def test_yield_changes_after_an_elided_verb_keep_its_direction(text: str) -> None:
    claims = check(text, date(2023, 1, 6))
    assert [(c.claim.kind, c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("yield_change", "DGS10", -33.0, "supported"),
        ("yield_change", "DGS2", -17.0, "supported"),
        ("yield_change", "DGS30", -30.0, "supported"),
    ]


def test_an_elided_yield_change_can_be_wrong() -> None:
    # the 2-year fell 17 bp that week, not 27
    text = "For the week, the 10-year yield fell 33 basis points and the 2-year 27."
    claims = check(text, date(2023, 1, 6))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("DGS10", -33.0, "supported"),
        ("DGS2", -27.0, "contradicted"),
    ]


def test_a_level_after_a_yield_change_is_not_an_elided_change() -> None:
    # DGS10 -33 bp for the week; "the 2-year 4.24%" is the 2-year's level, not a change
    text = "For the week, the 10-year yield fell 33 basis points, leaving the 2-year at 4.24%."
    claims = check(text, date(2023, 1, 6))
    assert [(c.claim.kind, c.claim.ticker, c.claim.value) for c in claims] == [
        ("yield_change", "DGS10", -33.0),
        ("yield_level", "DGS2", 4.24),
    ]


def test_distances_from_records_after_an_elided_phrase() -> None:
    # closes of 2024-04-19 against the records before them: ^GSPC -5.46%, ^DJI -4.57%,
    # ^IXIC -7.06%
    text = (
        "By Friday's close, the S&P 500 was 5.5% below its record, the Dow 4.6% and the "
        "Nasdaq about 7%."
    )
    claims = check(text, date(2024, 4, 19))
    assert [(c.claim.kind, c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("drawdown", "^GSPC", -5.5, "supported"),
        ("drawdown", "^DJI", -4.6, "supported"),
        ("drawdown", "^IXIC", -7.0, "supported"),  # -7.06% rounds to 7%
    ]
    assert [c.claim.approximate for c in claims] == [False, False, True]


def test_an_elided_distance_from_a_record_can_be_wrong() -> None:
    # the Dow was 4.57% below its record on 2024-04-19, not 2.6%
    text = "By Friday's close, the S&P 500 was 5.5% below its record and the Dow 2.6%."
    claims = check(text, date(2024, 4, 19))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("^GSPC", -5.5, "supported"),
        ("^DJI", -2.6, "contradicted"),
    ]


def test_a_second_figure_after_a_share_of_value_keeps_the_verb() -> None:
    # TSLA: Dec 17, 2024 close 479.86 -> Mar 18, 2025 225.31 (-53.05%); 2025 to date -44.21%
    text = (
        "Tesla has now lost 53% of its value since its record close on Dec. 17 and roughly "
        "44% since the start of the year."
    )
    claims = check(text, date(2025, 3, 18))
    assert [(c.claim.value, c.claim.start, c.verdict) for c in claims] == [
        (-53.0, date(2024, 12, 17), "supported"),
        (-44.0, date(2025, 1, 1), "supported"),
    ]


def test_a_move_told_as_what_lifted_it() -> None:
    # ^GSPC: -0.74% on 2024-05-29, -0.60% on 05-30, +0.80% on 05-31 to 5,277.51
    text = (
        "The S&P 500 slipped 0.7% on Wednesday and another 0.6% on Thursday, before "
        "month-end buying lifted it 0.8% on Friday to 5,277.51."
    )
    claims = check(text, date(2024, 6, 2))
    assert [(c.claim.value, c.claim.end, c.verdict) for c in claims] == [
        (-0.7, date(2024, 5, 29), "supported"),
        (-0.6, date(2024, 5, 30), "supported"),
        (0.8, date(2024, 5, 31), "supported"),
        (5277.51, date(2024, 5, 31), "supported"),
    ]


def test_points_more_on_a_later_day_keep_the_direction() -> None:
    # ^DJI: -411.32 points on 2024-05-29, -330.06 on 05-30
    text = "The Dow shed 411.32 points on Wednesday and 330.06 more on Thursday."
    claims = check(text, date(2024, 6, 2))
    assert [(c.claim.kind, c.claim.value, c.claim.end, c.verdict) for c in claims] == [
        ("point_change", -411.32, date(2024, 5, 29), "supported"),
        ("point_change", -330.06, date(2024, 5, 30), "supported"),
    ]


def test_a_left_out_period_is_the_first_figures_not_the_event_the_sentence_opened_with() -> None:
    # 2025 through Feb 3: ^GSPC 5,881.63 -> 5,994.57 (+1.92%), ^IXIC 19,310.79 -> 19,391.96
    # (+0.42%); on Monday, Feb 3, the Nasdaq fell 1.20%
    text = "After Monday's losses, the S&P 500 is up 1.9% for 2025 and the Nasdaq just 0.4%."
    claims = check(text, date(2025, 2, 3))
    assert [(c.claim.ticker, c.claim.start, c.verdict) for c in claims] == [
        ("^GSPC", date(2025, 1, 1), "supported"),
        ("^IXIC", date(2025, 1, 1), "supported"),
    ]


def test_a_session_left_in_the_month_is_no_one_day_move() -> None:
    # April 2022 through Apr 28: ^GSPC 4,530.41 -> 4,287.50 (-5.36%), ^IXIC 14,220.52 ->
    # 12,871.53 (-9.49%)
    text = "The S&P 500 is still down 5.4% in April and the Nasdaq 9.5%, with one trading day left."
    claims = check(text, date(2022, 4, 28))
    assert [(c.claim.ticker, c.claim.field, c.verdict) for c in claims] == [
        ("^GSPC", "close", "supported"),
        ("^IXIC", "close", "supported"),
    ]
