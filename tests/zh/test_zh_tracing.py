"""Number tracing across languages: a Chinese answer's numbers trace to English sources as
their English twins do, and a number that traces to nothing is flagged the same way."""

from __future__ import annotations

from assistant.numbers import AllowedNumber, check_numbers, find_numbers

SOURCE = (
    "The Russell 2000 gained 10.7% in November. Apple is worth $1.2 trillion. "
    "The Fed cut rates by a quarter point, its third cut, to 3.50%-3.75%."
)


def test_a_chinese_answer_traces_to_english_sources() -> None:
    answer = (
        "罗素2000指数11月份上涨10.7%[1]；苹果市值达1.2万亿美元[1]。"
        "美联储第三次降息四分之一个百分点，目标区间降至3.50%-3.75%[1]。"
    )
    result = check_numbers(answer, sources={"1": SOURCE})
    assert [(n.mention.raw, n.status, n.source_id) for n in result.numbers] == [
        ("10.7%", "traced", "1"),
        ("1.2万亿美元", "traced", "1"),
        ("四分之一个百分点", "traced", "1"),
        ("3.50%", "traced", "1"),
        ("3.75%", "traced", "1"),
    ]
    assert result.ok


def test_an_untraced_chinese_number_is_flagged() -> None:
    answer = "罗素2000指数11月份上涨10.7%[1]，同期标普500指数上涨2.3%[1]。"
    result = check_numbers(answer, sources={"1": SOURCE})
    assert [(n.mention.raw, n.status) for n in result.numbers] == [
        ("10.7%", "traced"),
        ("2.3%", "untraced"),
    ]
    assert result.untraced[0].reason == "no cited passage or data receipt has this number"
    assert (
        result.apply("flag")
        == "罗素2000指数11月份上涨10.7%[1]，同期标普500指数上涨⚠2.3%[unchecked][1]。"
    )


def test_chinese_numbers_have_the_values_of_their_english_twins() -> None:
    pairs = [
        ("上涨10.7%", "rose 10.7%"),
        ("1.2万亿美元", "$1.2 trillion"),
        ("四分之一个百分点", "a quarter point"),
        ("25个基点", "25 basis points"),
        ("3.5万亿", "3.5 trillion"),
        ("两个百分点", "2 percentage points"),
        ("６,８２７.４１点", "6,827.41 points"),
    ]
    for zh, en in pairs:
        (a,), (b,) = find_numbers(zh), find_numbers(en)
        assert (a.value, a.unit, a.tolerance) == (b.value, b.unit, b.tolerance), (zh, en)


def test_full_width_and_numerals_trace_to_data_receipts() -> None:
    answer = "10年期美债收益率本周上升五个基点[D1]，罗素2000指数周五下跌１.５１％[D2]。"
    allowed = [AllowedNumber(5.0, "D1", "bp"), AllowedNumber(-1.5112, "D2", "%")]
    result = check_numbers(answer, allowed, require_citation=True)
    assert [(n.mention.raw, n.status, n.source_id) for n in result.numbers] == [
        ("五个基点", "traced", "D1"),
        ("１.５１％", "traced", "D2"),
    ]


def test_dates_tenors_and_names_are_not_traced() -> None:
    assert find_numbers("2025年12月12日（周五），10年期美债收益率与标普500指数、罗素2000指数") == []
