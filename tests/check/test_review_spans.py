"""Spans told in a month's review out after the month: "over the three months" is the three
months that end with the month reviewed, not the three months to the day of publication. A
shape from the September 2024 recap of blind batch h265_; the passage is our own and the
values are computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.check.passages import EDT, at

TITLE = "August in review: stocks shrug off a summer scare"
OUT = datetime(2024, 9, 4, 7, 0, tzinfo=EDT)


@pytest.mark.parametrize(("told", "verdict"), [("7%", "supported"), ("9%", "contradicted")])
def test_the_three_months_of_a_months_review(told: str, verdict: str) -> None:
    # ^GSPC 2024-05-31 5277.51 -> 2024-08-30 5648.40: +7.03% (to Sept. 3: +4.65%)
    text = f"August ended a strong summer. The S&P 500 rose {told} over the three months."
    (c,) = at(text, OUT, TITLE)
    assert (c.verdict, c.claim.start, c.claim.end) == (verdict, date(2024, 6, 1), date(2024, 8, 31))
    assert c.computed == 7.0277
