"""The offline engine: deterministic, extractive, and honest that it is not a language model.

It writes nothing of its own: it picks sentences verbatim (with their character spans,
so callers can cite them) scored by numbers, tickers, market names and position. As a
ChatModel it really answers: `complete` quotes the sentences of the conversation that
share words with the last user message. It writes no JSON, so `complete(schema=...)`
fails the way a model's unusable answer fails (ModelOutputError), and `is_offline`
tells callers to ask `summarize`/`answer` directly instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar, overload

from pydantic import BaseModel

from assistant.errors import ModelOutputError
from assistant.llm.base import Message
from assistant.numbers import find_numbers, sentence_spans

T = TypeVar("T", bound=BaseModel)

OFFLINE_NOTE = "offline mode: extractive sentences quoted from the sources, no language model"

_TICKER_RE = re.compile(
    r"\((?:(?:NYSE|NASDAQ|Nasdaq|AMEX|NYSEARCA)\s?:\s?)?[A-Z]{1,5}(?:\.[A-Z])?\)"
    r"|\$[A-Z]{1,5}\b"
    r"|\b(?:S&P 500|Russell 2000|Nasdaq|Dow Jones|Dow|Treasury|Treasuries|Federal Reserve|Fed"
    r"|[A-Z]{2,5}(?= (?:shares|stock|ETF|fund)))\b"
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9&'-]+")
_STOPWORDS = frozenset(
    "the and for with that this from what when which who how why was were are is did does "
    "has have had its it's into over about than then them they their there been will would "
    "could should can may might also just more most much many some any all not but our your "
    "you his her him she he".split()
)


@dataclass(frozen=True)
class Extract:
    """A sentence quoted verbatim: `span` indexes into passage `source` (0 for summarize)."""

    text: str
    span: tuple[int, int]
    score: float
    source: int = 0


class OfflineEngine:
    """A ChatModel that quotes instead of writing; `summarize` and `answer` keep the spans."""

    name = "offline"
    is_offline = True
    note = OFFLINE_NOTE

    def summarize(self, text: str, max_sentences: int = 3) -> list[Extract]:
        """The `max_sentences` most informative sentences of `text`, in text order."""
        candidates = [
            Extract(text[s:e], (s, e), _informative(text[s:e], i))
            for i, (s, e) in enumerate(sentence_spans(text))
            if not _TABLE_ROW.match(text[s:e])
        ]
        return _top(candidates, max_sentences)

    def answer(
        self, question: str, passages: Sequence[str], max_sentences: int = 3
    ) -> list[Extract]:
        """Sentences of `passages` that share words with `question`; [] when none do."""
        terms = _terms(question)
        candidates = []
        for source, passage in enumerate(passages):
            for i, (s, e) in enumerate(sentence_spans(passage)):
                sentence = passage[s:e]
                if _TABLE_ROW.match(sentence):
                    continue
                overlap = len(terms & _terms(sentence))
                if overlap:
                    score = 2.0 * overlap + 0.5 * _informative(sentence, i)
                    candidates.append(Extract(sentence, (s, e), round(score, 4), source))
        return _top(candidates, max_sentences)

    @overload
    def complete(self, messages: Sequence[Message], *, schema: None = None) -> str: ...

    @overload
    def complete(self, messages: Sequence[Message], *, schema: type[T]) -> T: ...

    def complete(self, messages: Sequence[Message], *, schema: type[T] | None = None) -> str | T:
        """Sentences quoted from the earlier messages that answer the last user message,
        else the most informative sentences of that message; "" when there is nothing."""
        if schema is not None:
            raise ModelOutputError(
                f"The offline engine quotes sentences; it cannot answer as {schema.__name__}."
            )
        users = [i for i, m in enumerate(messages) if m.role == "user"]
        if not users:
            return ""
        question = messages[users[-1]].content
        sources = [m.content for i, m in enumerate(messages) if i != users[-1]]
        extracts = self.answer(question, sources) or self.summarize(question)
        return " ".join(x.text for x in extracts)

    def stream(self, messages: Sequence[Message]) -> Iterator[str]:
        """`complete(messages)` in one piece."""
        text = self.complete(messages)
        if text:
            yield text


# "| S&P 500 | 5,088.80 | +1.7% |": a table's row is no sentence to quote
_TABLE_ROW = re.compile(r"\s*\|.*\|\s*$", re.DOTALL)


def _informative(sentence: str, position: int) -> float:
    """Numbers, tickers and market names count; early sentences count more; stubs less."""
    numbers = min(3, len(find_numbers(sentence)))
    names = min(2, len(_TICKER_RE.findall(sentence)))
    score = 1.0 * numbers + 0.75 * names + 1.0 / (1 + position)
    words = len(sentence.split())
    if words < 6:
        score *= 0.5
    elif words > 60:
        score *= 0.7
    return round(score, 4)


STEM = 5  # "rally", "rallied" and "rallying" share a stem; so do "small" and "smaller"


def _terms(text: str) -> set[str]:
    """Content words cut to a short stem, so inflected forms of a word match."""
    words = (w.lower().strip("'-") for w in _WORD_RE.findall(text))
    kept = {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words if len(w) > 2}
    return {w[:STEM] for w in kept - _STOPWORDS}


def _top(candidates: list[Extract], limit: int) -> list[Extract]:
    ranked = sorted(candidates, key=lambda x: (-x.score, x.source, x.span[0]))[: max(0, limit)]
    return sorted(ranked, key=lambda x: (x.source, x.span[0]))
