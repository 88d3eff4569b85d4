"""The sentence splitter keeps offsets and knows where sentences end, in English and Chinese."""

from __future__ import annotations

from assistant.text.sentences import split_sentences


def _pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "The index rose 1.2% on Dec. 10 to a record. It fell the next day."
    assert _pieces(text) == ["The index rose 1.2% on Dec. 10 to a record.", "It fell the next day."]


def test_chinese_full_stops_end_sentences_without_a_space() -> None:
    text = "标普500指数上涨1.2%。纳斯达克综合指数下跌0.5%！The Dow rose."
    assert _pieces(text) == ["标普500指数上涨1.2%。", "纳斯达克综合指数下跌0.5%！", "The Dow rose."]


def test_a_possessive_ends_a_sentence_but_initials_and_clock_times_do_not() -> None:
    text = (
        "The Nasdaq is off 7.2% since New Year's. Apple rose. J. P. Morgan wrote it at "
        "10:05 a.m. Eastern. Stocks fell at 2 p.m. Then they recovered."
    )
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "The Nasdaq is off 7.2% since New Year's.",
        "Apple rose.",
        "J. P. Morgan wrote it at 10:05 a.m. Eastern.",
        "Stocks fell at 2 p.m. Then they recovered.",
    ]
