"""What lies between a subject and its figure, from shapes met in the whole corpus (year
reviews, closing wraps): a description of the subject ("with its heavier weighting in
old-economy companies", "heavier in banks, health care and industrial companies") is not a
noun that owns the figure. Each passage is our own; values are computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.check.passages import EDT, at, check, one, titled


@pytest.mark.parametrize(
    "text",
    [  # ^DJI 2022-12-29 33220.80 -> 12-30 33147.25 (-0.22%)
        "The Dow Jones Industrial Average held up best, with its heavier weighting in "
        "old-economy companies; it lost 0.2% to finish at 33,147.25.",
        "The Dow Jones Industrial Average, heavier in banks, health care and industrial "
        "companies, held up best, slipping 0.2% to 33,147.25.",
    ],
)
def test_a_description_of_the_subject_does_not_own_the_figure(text: str) -> None:
    claims = check(text, date(2022, 12, 30))
    assert [(c.claim.kind, c.claim.ticker, c.verdict) for c in claims] == [
        ("pct_change", "^DJI", "supported"),
        ("index_level", "^DJI", "supported"),
    ]


@pytest.mark.parametrize(
    "aside",
    [
        "with less weight in chipmakers and software",
        "with fewer technology names than the other two",
        "with banks and industrials at its core",
    ],
)
def test_a_with_aside_between_subject_and_verb_describes_the_subject(aside: str) -> None:
    # ^DJI 2024-03-04 38989.83 -> 03-05 38585.19 (-404.64 points, -1.04%)
    text = f"The Dow Jones Industrial Average, {aside}, shed 404.64 points, or 1%, to 38,585.19."
    claims = check(text, date(2024, 3, 5))
    assert [(c.claim.kind, c.claim.ticker, c.verdict) for c in claims] == [
        ("point_change", "^DJI", "supported"),
        ("pct_change", "^DJI", "supported"),
        ("index_level", "^DJI", "supported"),
    ]


def test_revenue_after_a_semicolon_still_owns_its_figure() -> None:
    # a non-market noun in the figure's own clause keeps it from the subject
    text = "Apple held up best; its revenue rose 8% in the quarter."
    assert check(text, date(2024, 5, 3)) == []


def test_points_of_ground_after_two_changes_is_their_gap() -> None:
    # April 2024: SPY 523.07 -> 501.98 (-4.03%), IWM 210.30 -> 195.90 (-6.85%): 2.82 points
    text = (
        "April was rough for everyone: SPY slid 4%, but IWM tumbled 6.8%, so small caps lost "
        "another 2.8 points of ground."
    )
    claims = check(text, date(2024, 6, 30))
    assert [(c.claim.kind, c.claim.ticker, c.verdict) for c in claims] == [
        ("pct_change", "SPY", "supported"),
        ("pct_change", "IWM", "supported"),
        ("gap", "SPY", "supported"),
    ]


def test_a_number_in_a_compound_word_is_not_a_level() -> None:
    # ^GSPC 2025-04-08 4982.77 -> 04-09 5456.90 (+9.52%)
    text = "On April 9 the S&P 500 rocketed 9.5% on news of a 90-day pause in the new duties."
    claims = check(text, date(2025, 4, 22))
    assert [(c.claim.value, c.verdict) for c in claims] == [(9.5, "supported")]


def test_a_total_after_a_verb_of_the_other_way_keeps_its_own_sign() -> None:
    # TSLA 2024-12-31 403.84 -> 2025-12-08 439.58 (+8.85%)
    text = "Monday's loss shaved Tesla's gain for 2025 to 8.9%."
    (c,) = check(text, date(2025, 12, 8))
    assert (c.claim.value, c.verdict) == (8.9, "supported")


def test_a_maturity_as_the_object_of_a_move_is_a_yield_not_the_fed() -> None:
    # DGS2 2023-03-06 4.89 -> 03-07 5.00 (+11 bp); the Fed did not move that day
    text = "Powell's testimony on Tuesday lifted the two-year by 11 basis points in one session."
    (c,) = check(text, date(2023, 3, 11))
    assert (c.claim.kind, c.claim.ticker, c.verdict) == ("yield_change", "DGS2", "supported")


def test_a_one_session_move_takes_the_day_named_before_it() -> None:
    # DGS2 2023-03-06 4.89 -> 03-07 5.00 (+11 bp), 03-08 5.05; the week to 03-10 was -26 bp
    text = (
        "**The week, maturity by maturity**\n\nPowell's testimony on Tuesday lifted the two-year "
        "by 11 basis points in a single session, and it peaked the next day at 5.05%."
    )
    claims = check(text, date(2023, 3, 11))
    assert [(c.claim.kind, c.verdict, c.claim.end) for c in claims] == [
        ("yield_change", "supported", date(2023, 3, 7)),
        ("yield_level", "supported", date(2023, 3, 8)),
    ]


def test_futures_after_a_yield_own_their_move() -> None:
    text = (
        "The 10-year yield spiked above 4.05% on the release, and S&P 500 futures flipped to a "
        "loss of about 0.3%."
    )
    claims = check(text, date(2024, 1, 11))
    assert [c.claim.value for c in claims if c.claim.ticker is not None] == [4.05]


def test_a_maturity_that_now_yields_more_is_a_spread_not_a_fed_move() -> None:
    text = (
        "The Fed held rates. The curve's inversion eased: the two-year now yields about 66 basis "
        "points more than the 10-year, compared with roughly 69 a week ago."
    )
    assert [c.claim.kind for c in check(text, date(2023, 9, 22))] == []


def test_a_company_we_do_not_know_owns_its_figure_not_the_index_provider_named_after() -> None:
    # written at 1 p.m. on May 13, 2025; Coinbase has no data here, "S&P Dow Jones Indices" is
    # a company, not the Dow, and "the benchmark" is what the stock joins
    text = (
        "Coinbase Global is up more than 20% after S&P Dow Jones Indices said the exchange "
        "will join the benchmark next week."
    )
    claims = at(text, datetime(2025, 5, 13, 13, 0, tzinfo=EDT))
    assert [(c.claim.ticker, c.verdict) for c in claims] == [(None, "unverifiable")]


def test_the_index_opening_a_sentence_is_the_last_sentence_s_subject() -> None:
    # 2023: ^GSPC +24.23% for the year, best day Jan. 6 +2.28%, Feb. 21 -2.00%;
    # ^IXIC +43.42%, Jan. 6 +2.56%. "The index" opening the next sentence is the S&P 500,
    # the subject of the sentence before, not the Nasdaq it was measured against.
    text = (
        "The S&P 500 returned 24.2% in 2023, against 43.4% for the Nasdaq. "
        "The index's best session was Jan. 6, a 2.3% gain after the jobs report."
    )
    claims = check(text, date(2023, 12, 31))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("^GSPC", 24.2, "supported"),
        ("^IXIC", 43.4, "supported"),
        ("^GSPC", 2.3, "supported"),
    ]


def test_the_index_after_a_stock_is_the_index_named_last() -> None:
    # ^IXIC 2023-01-06 +2.56%: the sentence before is about a stock, so "the index" is the
    # last index named
    text = "Apple led the Nasdaq higher on Jan. 6, 2023. The index rose 2.6% that day."
    claims = check(text, date(2023, 1, 6))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims][-1] == (
        "^IXIC",
        2.6,
        "supported",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The S&P 500 returned 24.2% in 2023, well behind the 43.4% for the Nasdaq.",
        "The S&P 500 returned 24.2% in 2023, trailing the Nasdaq's 43.4% gain.",
        "The S&P 500 returned 24.2% in 2023, short of the 43.4% gain for the Nasdaq.",
    ],
)
def test_the_figure_a_subject_trails_is_the_other_index_s(text: str) -> None:
    # 2023: ^GSPC +24.23%, ^IXIC +43.42%
    claims = check(text, date(2023, 12, 31))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("^GSPC", 24.2, "supported"),
        ("^IXIC", 43.4, "supported"),
    ]


def test_the_yield_on_benchmark_notes_is_the_10_year_yield() -> None:
    # 10-year: ^TNX 3.888 / DGS10 3.90 on 2024-08-06; an auction of notes is not a yield
    text = (
        "The yield on benchmark 10-year notes was 3.89% on Tuesday, ahead of a $42 billion "
        "sale of 10-year notes."
    )
    claims = check(text, date(2024, 8, 7))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("DGS10", 3.89, "supported")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Russell 2000 index of small companies fared worst of all, sinking 5.4% in February.",
        "The Russell 2000, the index of smaller U.S. companies, sank 5.4% in February.",
    ],
)
def test_what_an_index_holds_describes_it_and_does_not_own_the_figure(text: str) -> None:
    # ^RUT February 2025: 2,287.69 -> 2,163.07 (-5.45%)
    claims = check(text, date(2025, 2, 28))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("^RUT", -5.4, "supported")
    ]


def test_a_bare_change_before_or_a_percent_is_in_points() -> None:
    # ^VIX 2024-08-02 23.39 -> 2024-08-05 38.57: +15.18 points, +64.90%
    text = "On Monday the Cboe Volatility Index rose 15.18, or 64.9%, to 38.57."
    claims = check(text, date(2024, 8, 5))
    assert [(c.claim.kind, c.claim.value, c.verdict) for c in claims] == [
        ("point_change", 15.18, "supported"),
        ("pct_change", 64.9, "supported"),
        ("index_level", 38.57, "supported"),
    ]


@pytest.mark.parametrize(("close", "verdict"), [("466.24", "supported"), ("467.56", "misdated")])
def test_below_the_close_a_stock_reached_on_a_day_names_that_close(
    close: str, verdict: str
) -> None:
    # MSFT closed at $467.56 on 2024-07-05 and $466.24 on 2024-07-08: a distance from a
    # named close checks the close, not a bound the price sits under
    text = f"Microsoft is about $39 below the ${close} close the stock reached on July 8."
    claims = check(text, date(2024, 10, 25))
    assert [(c.claim.kind, c.claim.value, c.verdict) for c in claims] == [
        ("price", float(close), verdict)
    ]


def test_index_e_minis_and_a_foreign_ten_year_are_not_the_index_or_the_treasury() -> None:
    # before the open on 2025-07-23: contracts and Japan's bonds, no bundled series for either
    text = (
        "At 7:52 a.m. ET, S&P 500 E-minis were up 0.4% and Nasdaq 100 E-minis were up 0.2%. "
        "The yield on 10-year Japanese government bonds climbed to roughly 1.6%."
    )
    claims = check(text, date(2025, 7, 23))
    assert [c.verdict for c in claims] == ["unverifiable", "unverifiable"]


def test_it_opening_a_later_clause_is_the_subject_carried_for_a_distance_from_a_record() -> None:
    # ^GSPC 2024-04-15 close 5,061.82; record close 5,254.35 (Mar. 28): -3.66%
    text = (
        "The S&P 500 fell 1.2%. Over two sessions it has lost 2.6%, and it now sits 3.7% below "
        "its March 28 record."
    )
    claims = check(text, date(2024, 4, 15))
    c = claims[-1]
    assert (c.claim.kind, c.claim.ticker, c.verdict, c.computed) == (
        "drawdown",
        "^GSPC",
        "supported",
        -3.6642,
    )


def test_a_price_matching_another_field_of_the_same_day_to_the_cent_is_that_field() -> None:
    # NVDA 2025-05-29: open 142.25, high 143.49, low 137.91, close 139.19 (+3.25%)
    text = (
        "Nvidia rose 3.2% on Thursday. The stock opened at $142.25 and touched $143.49 in the "
        "first hour before easing."
    )
    claims = check(text, date(2025, 5, 29))
    assert [(c.claim.value, c.verdict) for c in claims] == [
        (3.2, "supported"),
        (142.25, "supported"),
        (143.49, "supported"),
    ]
    # a near miss is no such match: $143.50 is not the high
    text = "Nvidia rose 3.2% on Thursday. The stock touched $143.55 in the first hour."
    assert check(text, date(2025, 5, 29))[-1].verdict == "unverifiable"


def test_a_noun_in_an_earlier_clause_does_not_own_the_figure_after_it_opens_a_clause() -> None:
    # ^GSPC 2024-12-31 5881.63 -> 2025-05-07 5631.28 (-4.26%); 2025-04-08 4982.77 (+13.02%)
    text = (
        "The S&P 500 has climbed about 13% since April 8, at the depth of the tariff sell-off, "
        "but it remains down 4.3% for the year."
    )
    claims = check(text, date(2025, 5, 7))
    assert [(c.claim.value, c.claim.start, c.verdict) for c in claims] == [
        (13.0, date(2025, 4, 8), "supported"),
        (-4.3, date(2025, 1, 1), "supported"),
    ]


def test_members_in_a_where_aside_describe_the_index() -> None:
    # ^NDX 2025-05-06 19791.35 -> 05-07 19867.97 (+0.39%)
    text = "The Nasdaq-100, where both companies are among the biggest members, gained 0.4%."
    claims = check(text, date(2025, 5, 7))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("^NDX", 0.4, "supported")
    ]


@pytest.mark.parametrize(
    "text",
    [  # ^RUT 2024-10-10 2188.42 -> 10-11 2234.41 (+2.10%)
        "Small caps did best: the Russell 2000, many of them regional lenders, gained 2.1%.",
        "The Russell 2000, most of whose members are banks and industrial companies, rose 2.1%.",
    ],
)
def test_an_aside_about_the_subjects_members_does_not_own_the_figure(text: str) -> None:
    claims = check(text, date(2024, 10, 11))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("^RUT", 2.1, "supported")
    ]


def test_its_own_low_is_the_subjects_not_the_index_named_just_before() -> None:
    # ^IXIC closed at 10,213.29 on 2022-12-28 (its low); the S&P 500's low was in October
    text = (
        "Since the S&P 500's bottom, the Nasdaq has gained 77.6%, and it has climbed 81% "
        "from its own low of 10,213.29 on Dec. 28, 2022."
    )
    claims = check(text, date(2024, 10, 14))
    levels = [c for c in claims if c.claim.kind == "index_level"]
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in levels] == [
        ("^IXIC", 10213.29, "supported")
    ]


@pytest.mark.parametrize(
    ("text", "as_of", "ticker", "value"),
    [  # JPM 2025-07-14 -> 07-15: -0.74% to $286.55; NVDA 2024-10-11 -> 10-14: +2.43%
        (
            "JPMorgan Chase beat forecasts. Shares of the country's biggest bank slipped 0.7% "
            "to $286.55.",
            date(2025, 7, 15),
            "JPM",
            -0.7,
        ),
        (
            "Nvidia set another record. The world's most valuable chipmaker gained 2.4%.",
            date(2024, 10, 14),
            "NVDA",
            2.4,
        ),
    ],
)
def test_a_superlative_description_of_the_company_is_the_company(
    text: str, as_of: date, ticker: str, value: float
) -> None:
    claims = check(text, as_of)
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims][0] == (
        ticker,
        value,
        "supported",
    )


@pytest.mark.parametrize(
    "text",
    [  # ^IXIC Q3 2025: +11.24%; gold has no bundled series
        "Gold had an even better quarter than the Nasdaq, rising roughly 17%.",
        "Gold outran the Nasdaq in the quarter, rising roughly 17%.",
    ],
)
def test_a_participle_after_what_a_subject_beat_is_not_the_beaten_ones(text: str) -> None:
    claims = check(text, date(2025, 9, 30))
    assert [(c.claim.ticker, c.verdict) for c in claims] == [("GC=F", "unverifiable")]


def test_names_a_subject_is_home_to_are_not_its_figures_owners() -> None:
    # Q2 2024: ^RUT -3.62%, ^NDX +7.82% (the other side of the contrast shares the quarter)
    text = (
        "The Russell 2000 lost 3.6% in the second quarter, while the Nasdaq-100, home of Nvidia, "
        "Microsoft and Apple, climbed 7.8%."
    )
    claims = at(text, datetime(2024, 7, 1, 18, 0, tzinfo=EDT))
    assert [(c.claim.ticker, c.claim.start, c.verdict) for c in claims] == [
        ("^RUT", date(2024, 4, 1), "supported"),
        ("^NDX", date(2024, 4, 1), "supported"),
    ]


def test_a_subhead_naming_a_company_is_what_the_description_below_refers_to() -> None:
    # week to Mar 17, 2023: JPM 133.65 -> 125.81 (-5.87%), MSFT 248.59 -> 279.43 (+12.41%)
    text = (
        "JPMorgan lost 5.9% this week as depositors fled smaller lenders.\n\n"
        "**Microsoft**\n\n"
        "The software maker jumped 12.4% over the week."
    )
    claims = at(text, datetime(2023, 3, 17, 18, 0, tzinfo=EDT))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("JPM", -5.9, "supported"),
        ("MSFT", 12.4, "supported"),
    ]


def test_prices_in_an_inflation_report_are_not_the_index_named_after_them() -> None:
    # Jul 11, 2024: ^RUT +3.57%
    text = (
        "The June consumer price report on July 11, which showed prices falling 0.1% from May, "
        "set off a 3.6% jump in the Russell 2000 that day."
    )
    claims = at(text, datetime(2024, 7, 27, 10, 0, tzinfo=EDT))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("^RUT", 3.6, "supported")
    ]


def test_a_description_by_trade_is_not_a_company_of_another_trade() -> None:
    # Mar 7, 2025 at 3:22 p.m.: AAPL 235.33 -> range 234.79..241.37 (+1.59% at the close);
    # Broadcom has no series here
    text = (
        "Apple is up 2%. Broadcom is the standout among large caps, up about 9% after the "
        "chipmaker's forecast beat estimates."
    )
    claims = at(text, datetime(2025, 3, 7, 15, 22, tzinfo=EDT))
    assert [(c.claim.ticker, c.verdict in ("supported", "approximate")) for c in claims] == [
        ("AAPL", True),
        (None, False),
    ]
    assert claims[1].verdict == "unverifiable"


def test_an_index_a_stock_was_a_drag_on_is_not_the_stocks_figures_owner() -> None:
    # Jul 30, 2024 at 12:35 p.m.: NVDA range -8.11%..+? over 111.59; ^IXIC -2.04%..+0.57%
    text = (
        "Nvidia - The chipmaker was the heaviest drag on the Nasdaq, down 6.3% in the early "
        "afternoon."
    )
    got = at(text, datetime(2024, 7, 30, 12, 35, tzinfo=EDT))
    assert [(c.claim.ticker, c.verdict) for c in got] == [("NVDA", "approximate")]


def test_a_subhead_naming_another_stock_outranks_the_stock_in_the_title() -> None:
    # Q2 2024 (Mar 28 -> Jun 28 closes): TSLA 175.79 -> 197.88 (+12.57%), MSFT 420.72 ->
    # 446.95 (+6.23%); NVDA rose 36.7%
    text = (
        "All eight giants rose in the quarter.\n\n**Nvidia**\n\nThe chipmaker gained 36.7%."
        "\n\n**Tesla**\n\nThe carmaker's 12.6% second-quarter rise hides a hard year."
        "\n\n**Microsoft**\n\nThe software company climbed 6.2% in the quarter."
    )
    got = titled("Nvidia runs away with the quarter", text, datetime(2024, 7, 2, 6, 15, tzinfo=EDT))
    assert got == [("NVDA", "supported"), ("TSLA", "supported"), ("MSFT", "supported")]


def test_an_index_whose_mark_dates_a_pronouns_figure_is_not_its_subject() -> None:
    # ^VIX closed 13.19 on 2024-07-16 (the S&P 500's record close) and 38.57 on 2024-08-05;
    # the first is dated only by the record, so it is left unsettled
    text = (
        "Wall Street's fear gauge had been asleep all summer. It closed at 13.19 on the day "
        "of the S&P 500's record and finished Monday, Aug. 5, at 38.57."
    )
    claims = check(text, date(2024, 8, 9))
    assert [(c.claim.ticker, c.verdict) for c in claims] == [
        ("^VIX", "unverifiable"),
        ("^VIX", "supported"),
    ]


def test_respectively_pairs_the_names_with_the_figures_after_them_not_an_earlier_one() -> None:
    # May 2024: AAPL +12.87%, META +8.52%, MSFT +6.63%
    text = (
        "Apple jumped 12.9% in May on its record buyback, while Meta and Microsoft added 8.5% "
        "and 6.6%, respectively."
    )
    claims = check(text, date(2024, 6, 3))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("AAPL", 12.9, "supported"),
        ("META", 8.5, "supported"),
        ("MSFT", 6.6, "supported"),
    ]


@pytest.mark.parametrize("group", ["in the S&P 500", "among S&P 500 stocks", "of the S&P 500"])
def test_the_index_a_leader_is_ranked_in_is_not_the_subject(group: str) -> None:
    # NVDA 2023-12-29 49.52 -> 2024-03-05 85.96 (+73.59%); the S&P 500 was up 6.47%
    text = f"Nvidia added 0.8% on Tuesday. It is the top gainer {group} this year, up 73.6%."
    claims = check(text, date(2024, 3, 5))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("NVDA", 0.8, "supported"),
        ("NVDA", 73.6, "supported"),
    ]


def test_it_after_a_name_inside_an_after_clause_is_still_the_sentences_subject() -> None:
    # NVDA 2025-02-28 124.92 -> 03-03 114.06 (-8.69%), -> 03-31 108.38 (-13.24%); MSFT fell
    # 5.44% in March
    text = (
        "Nvidia led the decline. It sank 8.7% on March 3 after a report that Microsoft was "
        "walking away from some data-center leases, but it ended March down 13.2%."
    )
    claims = check(text, date(2025, 4, 1))
    assert [(c.claim.ticker, c.claim.value, c.verdict) for c in claims] == [
        ("NVDA", -8.7, "supported"),
        ("NVDA", -13.2, "supported"),
    ]


@pytest.mark.parametrize(
    "text",
    [  # TSLA 2022-05-11 244.67 from 266.68 (-8.25%); ^IXIC -3.18% that day
        "Tesla, one of the heaviest weights in the Nasdaq, fell 8.3%.",
        "Tesla was among the heaviest weights on the Nasdaq, down 8.3%.",
        "Tesla was a drag on the S&P 500, falling 8.3%.",
        "Tesla was the heaviest weight on the Nasdaq, sliding 8.3%.",
    ],
)
def test_the_index_a_stock_weighs_on_is_not_what_moved(text: str) -> None:
    claims = check(text, date(2022, 5, 11))
    assert [(c.claim.ticker, c.verdict) for c in claims] == [("TSLA", "supported")]


def test_a_which_clause_after_the_index_a_stock_weighs_on_is_the_index() -> None:
    claims = check("Tesla was a drag on the Nasdaq, which fell 3.2%.", date(2022, 5, 11))
    assert [(c.claim.ticker, c.verdict) for c in claims] == [("^IXIC", "supported")]


def test_a_figure_after_a_known_and_an_unknown_name_is_neither_ones() -> None:
    # May 3, 2024: Apple rose 5.98%; the 12% was Amgen's, a stock finnews has no data for
    text = "The Dow added 450.02 points, with Apple and Amgen, up nearly 12%, doing the lifting."
    c = one(check(text, date(2024, 5, 3)), 12.0)
    assert (c.claim.ticker, c.verdict) == (None, "unverifiable")


def test_each_owned_figure_of_a_list_is_told_over_the_first_ones_period() -> None:
    # to April 26, 2024: MSFT +8.05% and AMZN +18.22% in 2024; AMZN +2.86% for the week
    text = (
        "Alphabet finished the week up 11.6% and has gained 23.1% in 2024, ahead of "
        "Microsoft's 8.1% and Amazon's 18.2%."
    )
    got = check(text, date(2024, 4, 26))
    assert [(c.claim.ticker, c.verdict) for c in got[-2:]] == [
        ("MSFT", "supported"),
        ("AMZN", "supported"),
    ]


def test_the_time_of_a_listing_aside_does_not_date_the_move() -> None:
    # Friday, Dec. 6, 2024: NVDA -1.81%, MSFT +0.21% (NVDA rose 4.14% in November)
    text = (
        "On Friday, Nvidia, added to the Dow in November, fell 1.8%, while Microsoft gained 0.2%."
    )
    got = check(text, date(2024, 12, 7))
    assert [(c.claim.ticker, c.claim.end, c.verdict) for c in got] == [
        ("NVDA", date(2024, 12, 6), "supported"),
        ("MSFT", date(2024, 12, 6), "supported"),
    ]


def test_an_sp_500_industry_index_is_not_the_sp_500() -> None:
    # ^GSPC 2024-04-16: -0.21%; neither figure below is the index's
    text = (
        "The S&P 500 banks index dropped 2.4%, and the KBW regional banking index lost 3.1%, "
        "while the S&P 500 stock index slipped 0.2%."
    )
    claims = at(text, datetime(2024, 4, 16, 17, 0, tzinfo=EDT))
    assert [(c.claim.value, c.claim.ticker, c.verdict) for c in claims] == [
        (-2.4, "SECTOR", "unverifiable"),
        (-3.1, "SECTOR", "unverifiable"),
        (-0.2, "^GSPC", "supported"),
    ]


def test_they_after_a_comparison_is_the_sentences_subject() -> None:
    # AAPL week to 2024-06-14: +7.92%, June to date +10.53%; ^NDX week +3.47%, June +6.06%
    text = (
        "Apple shares rose 7.9% last week, more than twice the Nasdaq-100's 3.5% advance, and "
        "they are up 10.5% in June."
    )
    claims = at(text, datetime(2024, 6, 16, 10, 0, tzinfo=EDT))
    month = one(claims, 10.5)
    assert (month.claim.ticker, month.verdict, month.computed) == ("AAPL", "supported", 10.528)


def test_a_subject_named_after_the_figure_in_an_appositive_does_not_own_it() -> None:
    # ^GSPC 2024-01-31: -1.61%, its worst day of the year through March; ^VIX rose that day
    text = (
        "The S&P 500 had a calm first quarter. The year's worst day came early: a 1.6% slide on "
        "Jan. 31, a wobble the VIX shrugged off within days."
    )
    c = one(at(text, datetime(2024, 4, 6, 10, 0, tzinfo=EDT)), -1.6)
    assert (c.claim.ticker, c.verdict, c.computed) == ("^GSPC", "supported", -1.6106)


def test_it_again_after_a_comparison_is_the_first_its() -> None:
    # AAPL week to 2024-06-14 +7.92%, June to date +10.53%; ^NDX week +3.47%
    text = (
        "Apple rallied all week. For the week it gained 7.9%, against a 3.5% advance for the "
        "Nasdaq-100, and it is now up about 10.5% in June."
    )
    c = one(at(text, datetime(2024, 6, 16, 10, 0, tzinfo=EDT)), 10.5)
    assert (c.claim.ticker, c.verdict) == ("AAPL", "supported")


def test_the_index_named_after_its_figure_is_not_a_name() -> None:
    # ^RUT 2026-03-20 -2.28% to 2438.45; ^GSPC that day -1.51%: "the index" is a guess, and
    # the guess (the last index named) is the S&P 500
    text = (
        "The Russell 2000 set a record in January, a month in which the S&P 500 barely moved. "
        "A 2.3% drop on Friday left the index at 2,438.45."
    )
    claims = at(text, datetime(2026, 3, 22, 7, 0, tzinfo=EDT))
    assert [c.verdict for c in claims if c.verdict in ("contradicted", "misdated")] == []
