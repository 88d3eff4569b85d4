"""The Chinese number reader: each shape read as the quantity its English twin is."""

from __future__ import annotations

import pytest

from assistant.text.zh_numbers import (
    english_scale,
    find_zh_quantities,
    mostly_chinese,
    read_numeral,
)


def _read(text: str) -> list[tuple[str, float, int, str, int, str | None]]:
    return [
        (q.raw, q.value, q.decimals, q.unit, q.signed, q.scale) for q in find_zh_quantities(text)
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("标普500指数上涨10.7%", [("10.7%", 10.7, 1, "%", 0, None)]),
        ("市值达1.2万亿美元", [("1.2万亿美元", 1.2, 1, "$", 0, "trillion")]),
        ("成交额3.5万亿", [("3.5万亿", 3.5, 1, "num", 0, "trillion")]),
        ("营收3.5亿元", [("3.5亿元", 0.35, 2, "num", 0, "billion")]),
        ("融资五千万美元", [("五千万美元", 50.0, 2, "$", 0, "million")]),
        ("降息四分之一个百分点", [("四分之一个百分点", 25.0, 0, "bp", 0, None)]),
        ("下调四分之三个百分点", [("四分之三个百分点", 75.0, 0, "bp", 0, None)]),
        ("加息半个百分点", [("半个百分点", 50.0, 0, "bp", 0, None)]),
        ("降息25个基点", [("25个基点", 25.0, 0, "bp", 0, None)]),
        ("下降四个基点", [("四个基点", 4.0, 0, "bp", 0, None)]),
        ("上升十二个基点", [("十二个基点", 12.0, 0, "bp", 0, None)]),
        ("收窄两个百分点", [("两个百分点", 2.0, 0, "pp", 0, None)]),
        ("下调0.25个百分点", [("0.25个百分点", 0.25, 2, "pp", 0, None)]),
        ("下调零点五个百分点", [("零点五个百分点", 0.5, 1, "pp", 0, None)]),
        ("上涨百分之三点五", [("百分之三点五", 3.5, 1, "%", 0, None)]),
        ("上涨百分之十", [("百分之十", 10.0, 0, "%", 0, None)]),
        ("下跌１.５１％", [("１.５１％", 1.51, 2, "%", 0, None)]),
        ("涨幅为-1.5%", [("-1.5%", 1.5, 1, "%", -1, None)]),
        ("收于6,827.41点", [("6,827.41点", 6827.41, 2, "pts", 0, None)]),
        ("道指下跌两百点", [("两百点", 200.0, 0, "pts", 0, None)]),
        ("道指站上四万点", [("四万点", 40000.0, 0, "pts", 0, None)]),
        ("收于278.28美元", [("278.28美元", 278.28, 2, "$", 0, None)]),
        ("下调至3.75%-4.00%", [("3.75%-4.00%", 4.0, 2, "range", 0, None)]),
        ("维持在3.5%至3.75%", [("3.5%至3.75%", 3.75, 2, "range", 0, None)]),
        ("第三次降息", [("第三", 3.0, 0, "ord", 0, None)]),
    ],
)
def test_each_shape_is_read_exactly(text: str, want: list[tuple]) -> None:
    assert _read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "2025年11月28日",  # a date
        "11月份",
        "12月10日（周三）",
        "10年期美债收益率",  # a tenor
        "标普500指数和罗素2000指数",  # names
        "纳斯达克100",
        "下午4点",  # clock times
        "美东时间16:00",
        "上涨了一点",  # "a little"
        "十二",  # a numeral with no unit is a word
        "过去3个月",  # a span of time
    ],
)
def test_what_is_not_a_quantity(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("numeral", "want"),
    [
        ("一", (1.0, 0)), ("两", (2.0, 0)), ("十", (10.0, 0)), ("十五", (15.0, 0)),
        ("二十五", (25.0, 0)), ("一百零五", (105.0, 0)), ("三百", (300.0, 0)),
        ("两千三百", (2300.0, 0)), ("一万二千", (12000.0, 0)), ("三亿五千万", (350000000.0, 0)),
        ("一万亿", (1e12, 0)), ("三点五", (3.5, 1)), ("零点二五", (0.25, 2)),
        ("二五", None), ("点", None),
    ],
)  # fmt: skip
def test_numerals(numeral: str, want: tuple[float, int] | None) -> None:
    assert read_numeral(numeral) == want


def test_a_chinese_scale_keeps_its_precision_in_english() -> None:
    assert english_scale(1.2, 1, "万亿") == (1.2, 1, "trillion")
    assert english_scale(3.5, 1, "亿") == (0.35, 2, "billion")
    assert english_scale(5, 0, "万") == (0.05, 2, "million")


def test_mostly_chinese() -> None:
    assert mostly_chinese("英伟达（NVDA）周五下跌3.27%。")
    assert not mostly_chinese("The S&P 500 fell 1.1% on Friday; 标普500 is its Chinese name.")
    assert not mostly_chinese("1.07% 6,827.41")
