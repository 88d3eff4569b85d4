"""Words that carry a change's direction in wire copy beyond the common verbs: "ahead by",
"up by", a change noun after the figure ("a 1.1% hit"), a running total set "at" a figure
("putting its gain for the year at 18.8%"). Each passage is our own; values are computed
from the bundled data."""

from __future__ import annotations

from datetime import date

from tests.check.passages import check


def test_ahead_by_and_up_by_read_as_gains() -> None:
    # 2023-07-19 year to date: ^IXIC 10466.48 -> 14358.02 (+37.18%),
    # ^RUT 1761.25 -> 1984.89 (+12.70%)
    text = "The Nasdaq is up by 37.2% this year and the Russell 2000 is ahead by 12.7%."
    claims = check(text, date(2023, 7, 19))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("^IXIC", 37.2, "supported"),
        ("^RUT", 12.7, "supported"),
    ]


def test_a_hit_after_the_figure_is_a_loss() -> None:
    # ^RUT 2024-07-16 2263.67 -> 07-17 2239.67 (-1.06%); ^DJI +0.59%
    text = "The Dow added 0.6% on Wednesday, while the Russell 2000 took a 1.1% hit."
    claims = check(text, date(2024, 7, 17))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("^DJI", 0.6, "supported"),
        ("^RUT", -1.1, "supported"),
    ]


def test_a_running_total_put_at_a_figure() -> None:
    # ^GSPC 2024-07-15 5631.22 -> 07-16 5667.20 (+0.64%); 2023-12-29 4769.83 (+18.81% ytd)
    text = "The S&P 500 rose 0.6% on Tuesday, putting its gain for the year at 18.8%."
    claims = check(text, date(2024, 7, 16))
    assert [(c.claim.value, round(c.computed or 0, 2), c.verdict) for c in claims] == [
        (0.6, 0.64, "supported"),
        (18.8, 18.81, "supported"),
    ]
