"""The tools an LLM may call in the chat: search news, price history, a metric, a claim check.

Each tool adds what it found to the answer's `Ledger` (so the answer can cite it as
[n] or [Dn]) and returns that as text for the model. Failures come back as text too:
the model should say the data is missing, not stop the chat.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from assistant.chat.compute import compute, name_of
from assistant.chat.ledger import Ledger, receipts_text
from assistant.chat.models import AnswerReceipt
from assistant.chat.passages import Passage, passages_text
from assistant.chat.questions import (
    EXTREME_METRICS,
    METRICS,
    DataQuery,
    Extreme,
    Metric,
    Period,
    parse_period,
)
from assistant.check import verify_text
from assistant.errors import FinnewsError
from assistant.i18n.formats import record_date
from assistant.llm.tool_calling import ToolCall, ToolSpec
from assistant.market.base import MarketData
from assistant.market.symbols import resolve
from assistant.receipts import check_receipt, closes_evidence
from assistant.verify.lookup import Lookup

if TYPE_CHECKING:
    MetricName = str
else:  # the tool schema lists the metrics as an enum
    MetricName = Literal[METRICS]

Search = Callable[[str, int, str | None], list[Passage]]
Check = Callable[[], list[AnswerReceipt]]
_RANGE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})\s*(?:to|\.\.|-|–|until|through)\s*(\d{4}-\d{2}-\d{2})")


class ChatTools:
    """Runs tool calls against point-in-time market data and the news."""

    def __init__(
        self,
        market: MarketData,
        as_of: date,
        search: Search,
        ledger: Ledger,
        check: Check | None = None,
    ) -> None:
        """`check` checks the numbers of passages new to the ledger, returning receipts for
        those the claim check disputes."""
        self.market = market
        self.as_of = as_of
        self.lookup = Lookup(market, as_of)
        self.search = search
        self.ledger = ledger
        self.check = check

    @property
    def specs(self) -> list[ToolSpec]:
        """The tools, as typed functions: their signatures and docstrings are the schemas."""
        return [
            ToolSpec(f)
            for f in (self.search_news, self.price_history, self.compute_metric, self.verify_claim)
        ]

    def run(self, call: ToolCall) -> str:
        handlers = {spec.name: spec.function for spec in self.specs}
        handler = handlers.get(call.name)
        if handler is None:
            return f"error: no tool named {call.name!r}"
        try:
            return handler(**call.arguments)
        except TypeError as exc:
            return f"error: bad arguments for {call.name}: {exc}"
        except FinnewsError as exc:
            return f"error: {exc}"

    def search_news(self, query: str, ticker: str | None = None, **_: Any) -> str:
        """Search the indexed news for passages about a topic. Returns numbered passages [n].

        Args:
            query: What to search for.
            ticker: Optional filter.
        """
        found = self.ledger.add_passages(self.search(query, 5, ticker or None))
        if not found:
            return "No indexed passage is relevant to this query."
        out = "\n\n".join(passages_text([p], first=n) for n, p in found)
        disputed = self.check() if self.check else []
        if disputed:
            out += "\n\nChecked against market data:\n" + receipts_text(disputed)
        return out

    def price_history(self, ticker: str, start: str, end: str, **_: Any) -> str:
        """Daily closes of a ticker between two dates (YYYY-MM-DD). Returns a receipt [Dn]."""
        t = _ticker(ticker)
        d0, d1 = _date(start), min(_date(end), self.as_of)
        hist, data_ticker, proxy_for = self.lookup.history(t, d0)
        bars = [b for b in hist.bars if d0 <= b.date <= d1]
        if not bars:
            return f"error: no {data_ticker} bars between {d0} and {d1}"
        hi = max(bars, key=lambda b: b.close)
        lo = min(bars, key=lambda b: b.close)
        statement = (
            f"{name_of(t)} had {len(bars)} daily closes from {record_date(bars[0].date)} to "
            f"{record_date(bars[-1].date)}: first {bars[0].close:,.2f}, "
            f"last {bars[-1].close:,.2f}, "
            f"highest {hi.close:,.2f} on {record_date(hi.date)}, lowest {lo.close:,.2f} on "
            f"{record_date(lo.date)}."
        )
        ev = closes_evidence(
            hist,
            data_ticker,
            proxy_for,
            [(b.date, b.close) for b in (bars[0], hi, lo, bars[-1])],
            f"closes {bars[0].date}..{bars[-1].date}",
            bars[-1].close,
        )

        def make(first: int) -> list[AnswerReceipt]:
            return [
                AnswerReceipt(
                    id=f"D{first}",
                    label=f"{t} closes, {bars[0].date}..{bars[-1].date}",
                    statement=statement,
                    value=bars[-1].close,
                    unit="$",
                    start=bars[0].date,
                    end=bars[-1].date,
                    evidence=ev,
                )
            ]

        return receipts_text(self.ledger.add_receipts(make))

    def compute_metric(
        self,
        metric: MetricName,
        tickers: list[str] | None = None,
        period: str | None = None,
        **_: Any,
    ) -> str:
        """Compute a market metric over a period ('November 2025', 'Q1 2026', 'the past
        year', '2025-11-03 to 2025-11-28'), including extremes such as the biggest daily
        drop or the best month. Returns receipts [Dn].
        """
        if metric not in METRICS:
            return f"error: unknown metric {metric!r}; use one of {', '.join(METRICS)}"
        total = metric == "total_return"
        extreme = Extreme(*EXTREME_METRICS[metric]) if metric in EXTREME_METRICS else None
        name: Metric = (
            "return" if total else "extreme" if extreme else metric  # type: ignore[assignment]
        )
        query = DataQuery(
            metric=name,
            tickers=tuple(_ticker(t) for t in tickers or ()),
            period=self._period(period, name),
            total_return=total,
            extreme=extreme,
        )
        if name in ("fed_move", "fed_level"):
            query = DataQuery(name, ("FEDFUNDS",), query.period)
        elif name in ("yield_level", "yield_change"):
            query = DataQuery(name, ("DGS10",), query.period)
        elif not query.tickers:
            return "error: give at least one ticker"
        new = self.ledger.add_receipts(lambda first: compute(query, self.lookup, first))
        return receipts_text(new)

    def verify_claim(self, text: str, **_: Any) -> str:
        """Check the numeric claims in a sentence against market data. Returns receipts [Dn]."""
        checked = verify_text(text, self.as_of, self.market)
        if not checked:
            return "No numeric claim found in this text."

        def make(first: int) -> list[AnswerReceipt]:
            return [
                check_receipt(
                    n,
                    c,
                    f"claim check: {c.verdict}",
                    f'The claim "{c.text}" is {c.verdict}: {c.explanation}.',
                    window=False,
                    no_data="none",
                )
                for n, c in enumerate(checked, start=first)
            ]

        return receipts_text(self.ledger.add_receipts(make))

    def _period(self, text: str | None, metric: Metric) -> Period | None:
        if not text or not text.strip():
            if metric in ("fed_move", "fed_level", "yield_level"):
                return None
            text = (
                "the past year" if metric in ("volatility", "drawdown", "extreme") else "this year"
            )
        m = _RANGE_RE.search(text)
        if m:
            d0, d1 = _date(m.group(1)), _date(m.group(2))
            return Period(d0, min(d1, self.as_of), "window", f"{d0} to {d1}")
        phrase = text.strip()
        if not re.match(r"(?i)(in|during|for|over|since|on|at|as of|between)\b", phrase):
            phrase = f"in {phrase}"
        period = parse_period(phrase, self.as_of) or parse_period(text, self.as_of)
        if period is None:
            raise _bad(f"cannot read the period {text!r}; try 'November 2025' or "
                       "'2025-11-01 to 2025-11-30'")  # fmt: skip
        return period


def _ticker(text: str) -> str:
    sym = resolve(text)
    if sym is None:
        raise _bad(f"unknown ticker {text!r}")
    return sym.ticker


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise _bad(f"{text!r} is not a date; use YYYY-MM-DD") from None


def _bad(message: str) -> FinnewsError:
    from assistant.errors import BadInputError

    return BadInputError(message)


__all__ = ["ChatTools"]
