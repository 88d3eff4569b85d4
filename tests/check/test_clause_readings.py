"""How a clause frames its figure, from shapes met in blind batches h264_ to h277_: a clause
about economic data does not lend its month to a market figure, "By Friday" opens a standing
whose change keeps the period told before, "close of" names a close even after "the session
low", an extreme told for a day that equals its close is that close, a record "set three
years ago" is the highest close, a count "since" an undated time abstains, and other words
that do not place a figure make it abstain. Each passage is our own; values are computed
from the bundled data."""

from __future__ import annotations

from datetime import date, datetime

from tests.check.passages import EDT, alarms, at, check, one

THURSDAY = datetime(2024, 6, 6, 18, 0, tzinfo=EDT)


def test_a_data_clause_does_not_lend_its_month_to_the_next_clause() -> None:
    # May 2024: DGS10 4.69% -> 4.51% (-18 bp), ^TNX -17.2 bp; on June 7 still early June
    text = (
        "Consumer prices rose 3.4% from a year earlier in April, and the 10-year Treasury "
        "yield eased to 4.51%, down about 18 basis points on the month."
    )
    c = one(check(text, date(2024, 5, 31)), -18.0)
    assert (c.verdict, c.claim.start, c.claim.end) == (
        "supported",
        date(2024, 5, 1),
        date(2024, 5, 31),
    )


def test_by_a_day_the_second_change_keeps_the_period_of_the_first() -> None:
    # week to Nov. 4, 2022: DGS2 4.41% -> 4.66% (+25 bp); DGS10 4.02% -> 4.17% (+15 bp)
    text = (
        "By Friday the 2-year note yielded 4.66%, 25 basis points more than a week earlier, "
        "while the 10-year climbed about 15 basis points to 4.17%."
    )
    claims = at(text, datetime(2022, 11, 5, 9, 0, tzinfo=EDT))
    c = one(claims, 15.0)
    assert (c.verdict, c.computed) == ("supported", 15.0)  # the week's, not Friday's 3 bp
    assert alarms(claims) == []


def test_a_close_of_after_a_session_low_is_a_close() -> None:
    # ^GSPC 2024-04-02 close 5205.81 (low that day 5184.05)
    text = "The S&P 500 held above its session low, comfortably over Tuesday's close of 5,205.81."
    c = one(at(text, datetime(2024, 4, 3, 13, 0, tzinfo=EDT)), 5205.81)
    assert (c.claim.field, c.verdict) == ("close", "supported")


def test_an_extreme_told_for_a_day_that_equals_its_close() -> None:
    # ^VIX 2024-03-08: close 14.74, low 13.97; DGS10 2023-10-19 4.98% (^TNX high 5.00%)
    vix = one(check("The VIX fell as low as 14.74 on March 8.", date(2024, 3, 11)), 14.74)
    assert vix.verdict == "supported" and "read as the close" in vix.explanation
    ten = one(check("The 10-year yield peaked at 4.98% on Oct. 19.", date(2023, 12, 1)), 4.98)
    assert ten.verdict == "supported"
    wrong = one(check("The VIX fell as low as 14.10 on March 8.", date(2024, 3, 11)), 14.10)
    assert wrong.verdict in ("contradicted", "misdated")


def test_a_record_set_years_ago_is_the_highest_close_so_far() -> None:
    # ^RUT record close 2,442.74 on Nov. 8, 2021; on Nov. 29, 2024 it closed at 2,434.73
    text = (
        "The Russell 2000 ended the month just shy of the record 2,442.74 it set three years ago."
    )
    c = one(check(text, date(2024, 11, 29)), 2442.74)
    assert c.verdict == "supported"


def test_a_count_since_an_undated_time_abstains() -> None:
    text = (
        "Including last year's moves, the Fed has now delivered five cuts worth 1.5 percentage "
        "points since its range stood at 5.25%-5.50%."
    )
    (c,) = [c for c in check(text, date(2025, 10, 30)) if c.claim.kind == "rate_count"]
    assert c.verdict == "unverifiable"


def test_words_that_do_not_place_a_figure_make_it_abstain() -> None:
    text = (
        "The Nasdaq, which surged 2.9% the morning after the ruling, has since added more. "
        "After peaking at 6,144.15 on Feb. 19, the S&P 500 lost nearly 19% in seven weeks. "
        "Apple was down 31.1% for the year at the April low. "
        "The S&P 500 trades near 22.5 times expected earnings, and more than 700 of the "
        "company's roughly 770 employees signed the letter."
    )
    claims = at(text, datetime(2025, 11, 5, 7, 15, tzinfo=EDT))
    assert alarms(claims) == []
    assert [c.verdict for c in claims if c.claim.value in (2.9, -19.0, -31.1)] == [
        "unverifiable",
        "unverifiable",
        "unverifiable",
    ]
    assert [c for c in claims if c.claim.value in (22.5, 700.0)] == []


def test_a_standing_through_a_day_with_its_base_in_a_later_clause_abstains() -> None:
    text = "The benchmark added 1.1% through Friday to 6,715.79, lifting its 2025 gain to 14.2%."
    claims = at(text, datetime(2025, 10, 4, 9, 0, tzinfo=EDT))
    assert one(claims, 1.1).verdict == "unverifiable"
    assert one(claims, 14.2).verdict == "supported"


def test_a_figure_in_the_hour_before_a_release_is_a_moment_of_the_session() -> None:
    # ^IXIC 2024-06-12: session range +0.85% to +2.20% of the prior close; closed +1.53%
    text = (
        "The Nasdaq had been up 2.1% in the hour before the statement, and it closed 1.5% higher."
    )
    claims = at(text, datetime(2024, 6, 12, 17, 0, tzinfo=EDT))
    moment = one(claims, 2.1)
    assert moment.verdict == "approximate" and "(intraday)" in moment.explanation
    assert one(claims, 1.5).verdict == "supported"


def test_a_part_of_a_month_is_read_as_its_sessions() -> None:
    # TSLA November 2024: +38.15%; its last session (Nov. 29) +3.69%, its first (Nov. 1)
    # -0.35%; IWM's first four sessions of November (to Nov. 6) +8.94%
    text = (
        "Tesla gained 38.2% in November, capped by a 3.7% rise on the month's last day. "
        "IWM added 8.9% in November's first four sessions."
    )
    claims = at(text, datetime(2024, 12, 2, 7, 0, tzinfo=EDT))
    assert one(claims, 38.2).verdict == "approximate"
    last = one(claims, 3.7)
    assert (last.verdict, last.claim.start, last.claim.end) == (
        "supported",
        date(2024, 11, 29),
        date(2024, 11, 29),
    )
    first = one(claims, 8.9)
    assert (first.verdict, first.claim.start, first.claim.end) == (
        "supported",
        date(2024, 11, 1),
        date(2024, 11, 6),
    )
    wrong = at(
        "Tesla jumped 8.2% on the month's first day.", datetime(2024, 12, 2, 7, 0, tzinfo=EDT)
    )
    assert [c.verdict for c in wrong] != ["supported"]


def test_sessions_summed_together_abstain() -> None:
    text = "The three sessions together added 4% to the Dow."
    (c,) = at(text, datetime(2024, 12, 2, 7, 0, tzinfo=EDT))
    assert c.verdict == "unverifiable"
