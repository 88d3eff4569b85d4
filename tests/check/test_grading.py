"""Tolerance follows the precision of the claim."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.models import Claim
from assistant.verify.grading import grade, tolerance_text


def claim(decimals: int, approximate: bool = False, unit: str = "%") -> Claim:
    return Claim(
        kind="pct_change",
        text="",
        span=(0, 1),
        value=0.0,
        unit=unit,  # type: ignore[arg-type]
        decimals=decimals,
        approximate=approximate,
        start=date(2025, 1, 1),
    )


@pytest.mark.parametrize(
    ("claimed", "computed", "decimals", "hedged", "verdict"),
    [
        (10.8, 10.83, 1, False, "supported"),
        (10.8, 10.86, 1, False, "approximate"),
        (10.8, 10.95, 1, False, None),
        (11.0, 10.6, 0, False, "supported"),
        (10.0, 10.83, 0, False, "approximate"),
        (12.0, 10.83, 0, False, None),
        (14.0, 12.8, 0, False, None),
        (14.0, 12.8, 0, True, "approximate"),  # "about 14%": within 10% of 12.8
        (15.0, 12.8, 0, True, None),
        (1.6, -1.56, 1, False, None),  # sign flip
        (244.98, 244.98, 2, False, "supported"),
        (244.98, 244.99, 2, False, "approximate"),
    ],
)
def test_grade(claimed: float, computed: float, decimals: int, hedged: bool, verdict) -> None:
    assert grade(claimed, computed, claim(decimals, hedged)) == verdict


def test_tolerance_is_written_down() -> None:
    assert tolerance_text(claim(1)) == (
        "supported within ±0.05 pt (the claim's rounding); approximate within ±0.1 pt"
    )
    assert tolerance_text(claim(2, unit="$")).startswith("supported within ±$0.005")


@given(
    st.floats(min_value=-500, max_value=500),
    st.floats(min_value=-5, max_value=5),
    st.integers(min_value=0, max_value=3),
)
def test_tolerance_is_symmetric(computed: float, delta: float, decimals: int) -> None:
    c = claim(decimals)
    above, below = grade(computed + delta, computed, c), grade(computed - delta, computed, c)
    if abs(computed) > 10 and abs(delta) < abs(computed) / 2:  # no sign flip on either side
        assert above == below
