"""A lead or shortfall in percentage points, told after the two changes it sets apart: "a
lead of about 2 points", "putting it 155 points ahead of the index", "That left the stock
nearly 13 points behind the benchmark." Shapes met in the corpus's small-cap columns,
scorecards and earnings closes; each passage is our own, values computed from the bundled
data. The gap is read from the last two changes of one period whose difference the writer's
own figures bear out, and is not read at all when no pair does."""

from __future__ import annotations

from datetime import date, datetime

from tests.check.passages import EDT, alarms, at, check


def _gaps(claims: list) -> list[tuple[str | None, str | None, float, str]]:
    return [
        (c.claim.ticker, c.claim.field, c.claim.value, c.verdict)
        for c in claims
        if c.claim.kind == "gap"
    ]


def test_a_lead_told_in_the_next_sentence_is_read_from_the_two_changes_before_it() -> None:
    # Jul 11, 2024: ^RUT +3.57%, ^GSPC -0.88%: a gap of 4.45 points
    text = (
        "Small-company stocks had one of their best days in years on Thursday. "
        "The Russell 2000 jumped 3.6%, while the S&P 500 slipped 0.9%. "
        "That left the small-cap index ahead of its large-cap cousin by about 4.4 percentage "
        "points for the session."
    )
    claims = at(text, datetime(2024, 7, 11, 17, 0, tzinfo=EDT))
    assert _gaps(claims) == [("^RUT", "^GSPC", 4.4, "supported")]
    assert alarms(claims) == []


def test_putting_it_ahead_of_the_index_is_a_gap() -> None:
    # year to Jun 18, 2024: NVDA +173.79%, ^IXIC +18.99%: 154.80 points
    text = (
        "Nvidia has gained 174% this year, against a 19% advance for the Nasdaq Composite, "
        "putting the chipmaker roughly 155 percentage points ahead of the index."
    )
    assert _gaps(check(text, date(2024, 6, 18))) == [("NVDA", "^IXIC", 155, "supported")]


def test_a_lead_of_more_than_n_points_after_a_since_window() -> None:
    # Jun 30 to Sep 12, 2025: ^NDX +6.23%, ^DJI +3.94%: 2.29 points
    text = (
        "Since the end of June, the Nasdaq-100 has risen 6.2% and the Dow 3.9%, a lead of more "
        "than 2 percentage points for the tech-heavy gauge."
    )
    (gap,) = [c for c in check(text, date(2025, 9, 12)) if c.claim.kind == "gap"]
    assert (gap.claim.ticker, gap.claim.field, gap.claim.start, gap.verdict) == (
        "^NDX",
        "^DJI",
        date(2025, 6, 30),
        "supported",
    )
    assert gap.computed == 2.2864


def test_a_shortfall_told_after_a_day_of_losses_is_negative() -> None:
    # Mar 10, 2025: TSLA -15.43%, ^GSPC -2.70%: -12.73 points
    text = (
        "Tesla plunged 15.4% on Monday, and the S&P 500 lost 2.7%. "
        "The slide put the stock nearly 13 percentage points behind the benchmark for the day."
    )
    assert _gaps(check(text, date(2025, 3, 10))) == [("TSLA", "^GSPC", -13, "supported")]


def test_of_three_changes_the_pair_the_gap_names_is_the_one_read() -> None:
    # week to Jul 12, 2024: ^RUT +6.00%, ^GSPC +0.87%, ^IXIC +0.25%
    text = (
        "For the week, the Russell 2000 climbed 6%, the S&P 500 0.9% and the Nasdaq 0.2%. "
        "The small-cap gauge beat the Nasdaq by nearly 6 percentage points."
    )
    assert _gaps(check(text, date(2024, 7, 12))) == [("^RUT", "^IXIC", 6, "supported")]


def test_a_gap_told_apart_from_figures_that_do_not_bear_it_out_is_not_read() -> None:
    # 3.6 and -0.9 are 4.5 apart, not 2: which two figures the later sentence sets apart is
    # unknown, so it is not checked at all
    text = (
        "The Russell 2000 rose 3.6% on Thursday and the S&P 500 fell 0.9%. "
        "Small caps came out ahead by 2 percentage points."
    )
    claims = check(text, date(2024, 7, 11))
    assert _gaps(claims) == []
    assert alarms(claims) == []


def test_a_wrong_gap_right_after_its_two_figures_is_contradicted() -> None:
    # Jul 11, 2024: ^RUT +3.57%, ^GSPC -0.88%: 4.45 points apart, not 2
    text = (
        "The Russell 2000 rose 3.6% on Thursday and the S&P 500 fell 0.9%, "
        "a gap of 2 percentage points."
    )
    (gap,) = [c for c in check(text, date(2024, 7, 11)) if c.claim.kind == "gap"]
    assert (gap.claim.ticker, gap.claim.field, gap.verdict, gap.computed) == (
        "^RUT",
        "^GSPC",
        "contradicted",
        4.4484,
    )


def test_a_rate_cut_in_percentage_points_is_not_a_gap() -> None:
    # Sep 18, 2024: ^GSPC -0.29%, ^IXIC -0.31%; the Fed cut by half a point
    text = (
        "The S&P 500 fell 0.3% and the Nasdaq 0.3% on Wednesday. "
        "The Fed lowered its benchmark rate by half a percentage point."
    )
    assert _gaps(check(text, date(2024, 9, 18))) == []


def test_a_gap_in_another_paragraph_is_not_read_from_these_changes() -> None:
    text = (
        "The Russell 2000 jumped 3.6% on Thursday, while the S&P 500 slipped 0.9%.\n\n"
        "Over the year, the spread between value and growth funds is about 4.5 percentage points."
    )
    assert _gaps(check(text, date(2024, 7, 11))) == []


def test_a_gap_of_a_third_name_is_not_read_from_the_pair_before_it() -> None:
    # Jul 11, 2024: ^RUT +3.57%, ^GSPC -0.88% (4.45 points apart); TSLA -8.44% against
    # carmakers finnews does not hold: not the Russell's lead
    text = (
        "On Thursday the Russell 2000 jumped 3.6% and the S&P 500 slipped 0.9%. "
        "Tesla fell 8.4%, which left it 4.5 points behind its carmaker rivals."
    )
    claims = at(text, datetime(2024, 7, 11, 17, 0, tzinfo=EDT))
    assert _gaps(claims) == []
    assert alarms(claims) == []


def test_a_lead_over_or_points_more_than_another_series_is_a_gap() -> None:
    # 2024: NVDA +171.18%, ^GSPC +23.31%: a gap of 147.87 points
    day = date(2024, 12, 31)
    lead = "Nvidia is up 171.2% this year, a lead of about 148 percentage points over the S&P 500."
    assert _gaps(check(lead, day)) == [("NVDA", "^GSPC", 148.0, "supported")]
    more = (
        "Nvidia has gained 171.2% this year, roughly 148 percentage points more than the S&P 500."
    )
    assert _gaps(check(more, day)) == [("NVDA", "^GSPC", 148.0, "supported")]
    wrong = more.replace("148 percentage", "48 percentage")
    assert [v for *_, v in _gaps(check(wrong, day))] == ["contradicted"]


def test_the_second_gap_of_a_list_is_told_against_the_second_series() -> None:
    # December 2023: ^RUT +12.05%, ^IXIC +5.52%, ^GSPC +4.42%
    text = (
        "In December, the Russell 2000 beat the Nasdaq by about 6.5 percentage points and the "
        "S&P 500 by 7.6 percentage points."
    )
    got = [c for c in check(text, date(2024, 1, 5)) if c.claim.kind == "gap"]
    assert [(c.claim.ticker, c.claim.field, c.verdict) for c in got] == [
        ("^RUT", "^IXIC", "supported"),
        ("^RUT", "^GSPC", "supported"),
    ]
