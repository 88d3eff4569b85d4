"""The Chinese claim reader: the shapes of Chinese market news become the Claims the English
reader makes, and what it cannot pin down is never a guess (no false alarm)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.check import verify_text
from assistant.claims import extract_claims
from assistant.claims.zh_times import find_zh_windows
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Claim

AS_OF = date(2025, 12, 12)  # a Friday


def _claims(text: str) -> list[Claim]:
    return extract_claims(text, AS_OF)


def _row(c: Claim) -> tuple[object, ...]:
    return (c.kind, c.ticker, c.value, c.unit, c.start, c.end, c.window, c.window_source)


@pytest.mark.parametrize(
    ("text", "label", "start", "end", "kind"),
    [
        ("2025年11月28日", "2025年11月28日", date(2025, 11, 28), date(2025, 11, 28), "day"),
        ("11月28日", "11月28日", date(2025, 11, 28), date(2025, 11, 28), "day"),
        ("周五", "周五", date(2025, 12, 12), date(2025, 12, 12), "day"),
        ("星期三", "星期三", date(2025, 12, 10), date(2025, 12, 10), "day"),
        ("上周五", "上周五", date(2025, 12, 5), date(2025, 12, 5), "day"),
        ("11月", "11月", date(2025, 11, 1), date(2025, 11, 30), "window"),
        ("11月份", "11月份", date(2025, 11, 1), date(2025, 11, 30), "window"),
        ("2024年", "2024年", date(2024, 1, 1), date(2024, 12, 31), "window"),
        ("年初至今", "年初至今", date(2025, 1, 1), date(2025, 12, 12), "window"),
        ("本月", "本月", date(2025, 12, 1), date(2025, 12, 12), "window"),
        ("上月", "上月", date(2025, 11, 1), date(2025, 11, 30), "window"),
        ("本周", "本周", date(2025, 12, 8), date(2025, 12, 12), "window"),
        ("上周", "上周", date(2025, 12, 1), date(2025, 12, 5), "window"),
        ("去年", "去年", date(2024, 1, 1), date(2024, 12, 31), "window"),
        ("第三季度", "第三季度", date(2025, 7, 1), date(2025, 9, 30), "window"),
        ("昨天", "昨天", date(2025, 12, 11), date(2025, 12, 11), "day"),
    ],
)
def test_time_expressions(text: str, label: str, start: date, end: date, kind: str) -> None:
    (w,) = find_zh_windows(text, AS_OF)
    assert (w.label, w.start, w.end, w.kind, w.span) == (label, start, end, kind, (0, len(text)))


def test_changes_levels_and_points() -> None:
    text = "标普500指数周五下跌1.07%，收于6,827.41点。道指11月份上涨0.32%，周五下跌245.96点。"
    assert [_row(c) for c in _claims(text)] == [
        ("pct_change", "^GSPC", -1.07, "%", AS_OF, AS_OF, "day", "explicit"),
        ("index_level", "^GSPC", 6827.41, "pts", None, AS_OF, None, "explicit"),
        ("pct_change", "^DJI", 0.32, "%", date(2025, 11, 1), date(2025, 11, 30), "window",
         "explicit"),
        ("point_change", "^DJI", -245.96, "pts", AS_OF, AS_OF, "day", "explicit"),
    ]  # fmt: skip


def test_the_fed_shapes() -> None:
    text = (
        "美联储周三宣布降息25个基点，将联邦基金利率目标区间下调至3.50%-3.75%，"
        "这是连续第三次降息。此前美联储曾在10月29日降息四分之一个百分点。"
    )
    rows = [(c.kind, c.value, c.unit, c.end, c.field, c.start_value) for c in _claims(text)]
    assert rows == [
        ("rate_change", -25.0, "bp", date(2025, 12, 10), None, None),
        ("rate_level", 3.75, "%", date(2025, 12, 10), None, 3.5),
        ("rate_count", 3.0, "count", date(2025, 12, 10), "cut", None),
        ("rate_change", -25.0, "bp", date(2025, 10, 29), None, None),
    ]


def test_yields_and_stocks() -> None:
    text = "10年期美债收益率周五升至4.19%，本周上升5个基点。苹果（AAPL）周五收于278.28美元。"
    assert [_row(c) for c in _claims(text)] == [
        ("yield_level", "DGS10", 4.19, "%", None, AS_OF, None, "explicit"),
        ("yield_change", "DGS10", 5.0, "bp", date(2025, 12, 8), AS_OF, "window", "explicit"),
        ("price", "AAPL", 278.28, "$", None, AS_OF, None, "explicit"),
    ]


def test_respectively_pairs_names_and_numbers_in_order() -> None:
    text = "周五，苹果和英伟达分别上涨0.09%和下跌3.27%。"
    rows = [(c.ticker, c.value) for c in _claims(text)]
    assert rows == [("AAPL", 0.09), ("NVDA", -3.27)]
    text = "周五，标普500指数和纳指分别下跌1.07%和1.69%。"
    assert [(c.ticker, c.value) for c in _claims(text)] == [("^GSPC", -1.07), ("^IXIC", -1.69)]


# -- never a guess ---------------------------------------------------------------------------
def _verdicts(text: str) -> list[tuple[str | None, str]]:
    return [(c.claim.ticker, c.verdict) for c in verify_text(text, AS_OF, SnapshotMarketData())]


def test_a_market_it_does_not_know_is_not_pinned_on_the_index_before_it() -> None:
    text = "标普500指数周五下跌1.07%，科技股周五下跌2.5%。"
    assert _verdicts(text) == [("^GSPC", "supported"), (None, "unverifiable")]


def test_a_relative_or_vague_time_is_not_read_as_the_named_day() -> None:
    # 此前一天 (the day before) is Thursday, read as a carried date: right when it holds,
    # never "wrong" on that reading alone; 近期 (lately) names no period at all
    text = "标普500指数周五下跌1.07%，此前一天上涨0.21%。道指此前一天下跌3%。纳指近期下跌2%。"
    claims = _claims(text)
    assert [(c.ticker, c.end, c.window_source) for c in claims] == [
        ("^GSPC", AS_OF, "explicit"),
        ("^GSPC", date(2025, 12, 11), "carried"),
        ("^DJI", date(2025, 12, 11), "carried"),
        ("^IXIC", AS_OF, "carried"),
    ]
    assert _verdicts(text) == [
        ("^GSPC", "supported"), ("^GSPC", "supported"), ("^DJI", "unverifiable"),
        ("^IXIC", "unverifiable"),
    ]  # fmt: skip


def test_a_total_over_several_meetings_is_not_read_as_one_move() -> None:
    text = "美联储今年累计降息75个基点，12月10日再次降息。"
    assert [c.kind for c in _claims(text)] == []


def test_intraday_extremes_and_forecasts_are_not_judged() -> None:
    text = "纳指周五盘中一度下跌2.5%。分析师预计标普500指数明年将升至7,500点。"
    assert _verdicts(text) == [("^GSPC", "unverifiable")]


def test_another_central_bank_is_not_the_fed() -> None:
    assert _claims("欧洲央行周四宣布降息25个基点。美联储官员对此未置评。") == []


def test_english_sentences_in_a_chinese_article_go_to_the_english_reader() -> None:
    text = "美股周五收跌。The S&P 500 fell 1.07% on Friday.\n标普500指数周五下跌1.07%。"
    claims = _claims(text)
    assert [(c.ticker, c.value, text[c.span[0] : c.span[1]]) for c in claims] == [
        ("^GSPC", -1.07, "1.07%"),
        ("^GSPC", -1.07, "1.07%"),
    ]
    assert claims[0].span[0] == text.index("1.07%")


def test_english_text_is_untouched() -> None:
    text = "The S&P 500 fell 1.07% on Friday to 6,827.41."
    assert [_row(c) for c in _claims(text)][0][:3] == ("pct_change", "^GSPC", -1.07)


def test_since_a_dated_close_is_a_since_window() -> None:
    from datetime import date

    from assistant.claims import extract_claims

    (c,) = extract_claims("罗素2000指数自11月20日收盘以来上涨10.7%。", date(2025, 12, 12))
    assert (c.ticker, c.window, c.start, c.end) == (
        "^RUT",
        "since",
        date(2025, 11, 20),
        date(2025, 12, 12),
    )
