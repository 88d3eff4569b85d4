"""The chat session: questions in, grounded answers out, with memory of the conversation.

    session = Session.open(settings)
    answer = session.ask("How did IJR do in November 2025?")   # Answer(text, receipts ...)

Data questions are answered by computation (also offline); news questions from
retrieved passages, quoted offline or written by an LLM that may call tools. Every
number an LLM writes passes the number check before it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property, partial
from pathlib import Path
from typing import NamedTuple

from assistant import i18n
from assistant.chat.checked import CheckedStream, Sink, mark
from assistant.chat.compute import compute
from assistant.chat.ledger import Ledger, receipts_text
from assistant.chat.models import Answer, AnswerKind, AnswerReceipt
from assistant.chat.passages import IndexNews, NewsSource, Passage, article_passages
from assistant.chat.passages import passages_text as render_passages
from assistant.chat.questions import (
    DataQuery,
    Period,
    describe,
    is_follow_up,
    parse_period,
    parse_question,
    search_terms,
    wants_news,
)
from assistant.chat.tools import ChatTools
from assistant.check import verify_text
from assistant.config import Settings, get_settings
from assistant.errors import (
    BadInputError,
    FinnewsError,
    MarketDataUnavailable,
    ModelOutputError,
    ProviderError,
)
from assistant.i18n import N_, _
from assistant.i18n.answers import answer_statement, query_label
from assistant.i18n.claims import explanation, verdict_name
from assistant.i18n.errors import error_text
from assistant.i18n.formats import fmt_day
from assistant.llm import OfflineEngine
from assistant.llm.log import record_number_check
from assistant.llm.tool_calling import ToolCall, ToolStreamer, Turn
from assistant.market.base import MarketData
from assistant.market.providers import get_market_data
from assistant.market.snapshot import SnapshotMarketData
from assistant.market.symbols import SYMBOLS, resolve
from assistant.models import Article, CheckedClaim
from assistant.numbers import FLAG, Policy
from assistant.receipts import check_receipt
from assistant.verify.lookup import Lookup
from prompts import load_prompt

PASSAGES_K = 5
MAX_QUOTES = 3
MAX_TOOL_ROUNDS = 4
HISTORY_TURNS = 4
OFFLINE_LABEL = N_("From the indexed news (offline mode: quoted sentences, no language model):")
OFFLINE_LABEL_ARTICLE = N_("From this article (offline mode: quoted sentences, no language model):")
NO_ANSWER = N_("The indexed news and market data do not answer this.")
NO_ANSWER_ARTICLE = N_("This article and the market data do not answer this.")
_PERIODS = {
    "1d": ("past_days", 1), "5d": ("past_days", 7), "1w": ("past_days", 7),
    "1m": ("months", 1), "3m": ("months", 3), "6m": ("months", 6),
    "1y": ("months", 12), "3y": ("months", 36), "5y": ("months", 60),
}  # fmt: skip


class Session:
    """One conversation: its memory, its article scope and the engines it answers with."""

    def __init__(
        self,
        *,
        settings: Settings,
        market: MarketData,
        news: NewsSource | None = None,
        streamer: ToolStreamer | None = None,
        as_of: date | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.settings = settings
        self.market = market
        self.news: NewsSource = news or IndexNews(settings)
        self.streamer = streamer
        self.fixed_as_of = as_of
        self.today = today
        self.article: Article | None = None
        self.history: list[Answer] = []
        self._last_query: DataQuery | None = None
        self._passage_checks: dict[tuple[str, int, int], list[CheckedClaim]] = {}

    @classmethod
    def open(
        cls,
        settings: Settings | None = None,
        *,
        offline: bool = False,
        snapshot: bool = False,
        as_of: date | None = None,
        quiet: bool = False,
    ) -> Session:
        """A session with the configured LLM (unless offline) and market data.

        `snapshot` keeps market data on the bundled snapshot even with an LLM online.
        """
        from assistant.llm import get_tool_streamer

        settings = settings or get_settings()
        offline = offline or settings.offline
        market = SnapshotMarketData() if snapshot else get_market_data(settings, offline=offline)
        streamer = get_tool_streamer(settings, offline=offline, quiet=quiet)
        return cls(settings=settings, market=market, streamer=streamer, as_of=as_of)

    # -- state -----------------------------------------------------------------------------
    @property
    def engine(self) -> str:
        return self.streamer.name if self.streamer else "offline"

    @property
    def as_of(self) -> date:
        """Point in time: the fixed date, else the scoped article's date, else today, or the
        last day of the bundled data when that is earlier (no later day has data)."""
        if self.fixed_as_of:
            return self.fixed_as_of
        if self.article is not None and self.article.published_date:
            return self.article.published_date
        today = self.today()
        return min(today, self.data_through) if self.data_through else today

    @cached_property
    def data_through(self) -> date | None:
        """The last day the bundled snapshot holds; None for live market data."""
        market = self.market
        if not isinstance(market, SnapshotMarketData):
            return None
        ends = []
        for ticker in market.tickers():
            try:
                ends.append(market.coverage(ticker)[1])
            except MarketDataUnavailable:
                continue
        return max(ends, default=None)

    @property
    def last(self) -> Answer | None:
        return self.history[-1] if self.history else None

    def clear(self) -> None:
        """Forget the conversation (the article scope stays)."""
        self.history.clear()
        self._last_query = None

    def scope(self, ident: str | None) -> Article | None:
        """Scope the chat to one indexed article (id, id prefix or [n] of the last answer)."""
        if ident is None or not ident.strip():
            self.article = None
            return None
        ident = ident.strip().strip("[]")
        last = self.last
        if ident.isdigit() and last and 1 <= int(ident) <= len(last.citations):
            ident = last.citations[int(ident) - 1].article_id
        self.article = self.news.find_article(ident)
        return self.article

    def open_article(self, path: str | Path) -> Article:
        """Load an article file, add it to the index, and scope the chat to it."""
        from retrieval.articles import load_article

        article = load_article(Path(path))
        self.news.add_article(article)
        self.article = article
        return article

    # -- answering -----------------------------------------------------------------------
    def ask(self, question: str, on_text: Sink | None = None) -> Answer:
        """Answer one question; `on_text` receives the text as it is ready to show."""
        question = question.strip()
        if not question:
            raise BadInputError("ask a question, or /help for the commands")
        as_of = self.as_of
        lookup = Lookup(self.market, as_of)
        ledger = Ledger()
        scoped = self.article is not None
        query = parse_question(question, as_of, self._last_query, explicit=scoped)
        data_error = None
        if query is not None:
            try:
                ledger.add_receipts(lambda first: compute(query, lookup, first))
            except MarketDataUnavailable as exc:
                data_error = DataGap(f"({describe(query)}): {exc}", _gap_text(query, str(exc)))
        terms = self._search_text(question, query)
        if query is None or scoped or wants_news(question) or data_error:
            ledger.add_passages(self._passages(terms))
        if self.streamer is not None:
            answer = self._llm_answer(question, ledger, as_of, data_error, on_text, terms)
        else:
            answer = self._offline_answer(question, ledger, as_of, data_error, terms=terms)
            if on_text:
                on_text(answer.text)
        # the memory a follow-up draws on: this question's subject, or none when it
        # named a subject of its own that market data does not cover
        if query is not None:
            self._last_query = query
        elif not is_follow_up(question, as_of):
            self._last_query = None
        self.history.append(answer)
        return answer

    @staticmethod
    def _search_text(question: str, query: DataQuery | None) -> str:
        """What to look for in the news: the question's terms, and a follow-up's subject."""
        words = [search_terms(question)]
        for ticker in query.tickers if query else ():
            if ticker not in question.upper():
                sym = SYMBOLS.get(ticker)
                words += [ticker, sym.name] if sym else [ticker]
        return " ".join(words)

    def _checked_passage(self, passage: Passage) -> list[CheckedClaim]:
        """The passage's numeric claims, checked as of its article's date (cached)."""
        key = (passage.article_id, passage.start, passage.end)
        if key not in self._passage_checks:
            claims: list[CheckedClaim] = []
            if passage.published is not None:
                try:
                    claims = verify_text(passage.text, passage.published.date(), self.market)
                except FinnewsError:
                    claims = []
            self._passage_checks[key] = claims
        return self._passage_checks[key]

    def _check_passages(self, ledger: Ledger) -> list[AnswerReceipt]:
        out = []
        for n, p in enumerate(ledger.passages, start=1):
            out += ledger.add_checks(n, p.text, self._checked_passage(p))
        return out

    def _passages(self, question: str) -> list[Passage]:
        if self.article is not None:
            return article_passages(self.article, question, PASSAGES_K)
        return self.news.search(question, PASSAGES_K)

    def _offline_answer(
        self, question: str, ledger: Ledger, as_of: date, data_error: DataGap | None,
        note: str | None = None, terms: str | None = None,
    ) -> Answer:  # fmt: skip
        """Computed data first, then sentences quoted from the passages that share words
        with `terms` (default: the question's search terms)."""
        data = [r for r in ledger.receipts if r.passage is None]
        parts: list[str] = [_cite(r) for r in data]
        if data_error and not data:
            reason = data_error.shown
            parts.append(_("Market data cannot answer this {reason}.").format(reason=reason))
        extracts = OfflineEngine().answer(
            terms or search_terms(question), [p.text for p in ledger.passages], MAX_QUOTES
        )
        # what the answer cites: its data, then the quoted passages numbered [1], [2] ...
        quoted = Ledger()
        quoted.receipts = list(data)
        for e in extracts:
            quoted.add_passages([ledger.passages[e.source]])
        self._check_passages(quoted)
        citations = quoted.citations()
        if extracts:
            quotes = []
            for e in extracts:
                n = quoted.add_passages([ledger.passages[e.source]])[0][0]
                inside = [
                    ((d.span[0] - e.span[0], d.span[1] - e.span[0]), d.verdict)
                    for d in quoted.disputes
                    if d.passage == n and e.span[0] <= d.span[0] and d.span[1] <= e.span[1]
                ]
                quote = _('"{text}"').format(text=mark(e.text, inside))
                quotes.append(f"- {quote} [{n}]")
            quotes += [f"{FLAG} {_cite(r)}" for r in quoted.receipts if r.passage is not None]
            label = _(OFFLINE_LABEL_ARTICLE if self.article else OFFLINE_LABEL)
            parts.append("\n".join([label, *quotes]))
        kind: AnswerKind = "data"
        if extracts:
            kind = "mixed" if data else "news"
        if not extracts and not data:
            kind = "none"
            parts.append(_(NO_ANSWER_ARTICLE if self.article else NO_ANSWER))
        text = "\n\n".join(parts)
        sources = quoted.sources()
        stream = CheckedStream(lambda: sources, None, _policy(self.settings))
        stream.feed(text)
        stream.close()
        return Answer(
            question=question,
            text=stream.text,
            kind=kind,
            engine="offline",
            as_of=as_of,
            citations=citations,
            receipts=quoted.receipts,
            flagged=stream.flagged,
            article_id=self.article.id if self.article else None,
            note=note or ("offline mode: no language model" if extracts else None),
        )

    def _llm_answer(
        self, question: str, ledger: Ledger, as_of: date, data_error: DataGap | None,
        on_text: Sink | None, terms: str,
    ) -> Answer:  # fmt: skip
        assert self.streamer is not None
        self._check_passages(ledger)
        data = receipts_text(ledger.receipts) or "(no computed data)"
        if data_error:
            data += f"\n(market data could not answer {data_error.english})"
        prompt = load_prompt("chat_answer").render(
            question=question,
            history=self._history_text() or "(none)",
            passages=render_passages(ledger.passages) or "(no relevant passages)",
            data=data,
            language=i18n.current().name,
        )
        turns = [Turn("system", prompt.system), Turn("user", prompt.user)]
        tools = ChatTools(
            self.market, as_of, self._tool_search, ledger, lambda: self._check_passages(ledger)
        )
        stream = CheckedStream(
            ledger.sources, on_text, _policy(self.settings), ledger.disputed_numbers
        )
        try:
            for round_ in range(MAX_TOOL_ROUNDS + 1):
                specs = tools.specs if round_ < MAX_TOOL_ROUNDS else []
                calls: list[ToolCall] = []
                said = ""
                for item in self.streamer.stream(turns, specs):
                    if isinstance(item, ToolCall):
                        calls.append(item)
                    else:
                        said += item
                        stream.feed(item)
                if not calls:
                    break
                if said.strip():
                    stream.feed(" ")
                turns.append(Turn("assistant", said, tuple(calls)))
                turns += [Turn("tool", tools.run(c), tool_call_id=c.id) for c in calls]
            stream.close()
            record_number_check(
                {"policy": stream.policy, "flagged": [f.model_dump() for f in stream.flagged]}
            )
        except (ProviderError, ModelOutputError) as exc:
            stream.close()
            reason = _("{engine} failed ({error}); answered in offline mode").format(
                engine=self.engine, error=error_text(str(exc))
            )
            fallback = self._offline_answer(
                question, ledger, as_of, data_error, note=reason, terms=terms
            )
            if on_text:
                on_text(("\n" if stream.text else "") + f"[{reason}]\n" + fallback.text)
            return fallback
        text = stream.text.strip()
        return Answer(
            question=question,
            text=text,
            kind="llm" if text else "none",
            engine=self.engine,
            as_of=as_of,
            citations=ledger.citations(),
            receipts=ledger.receipts,
            flagged=stream.flagged,
            article_id=self.article.id if self.article else None,
        )

    def _tool_search(self, query: str, k: int, ticker: str | None) -> list[Passage]:
        if self.article is not None:
            return article_passages(self.article, query, k)
        return self.news.search(query, k, ticker=ticker)

    def _history_text(self) -> str:
        lines = []
        for a in self.history[-HISTORY_TURNS:]:
            if a.kind != "verify":
                lines.append(f"User: {a.question}\nfinnews: {a.text}")
        return "\n\n".join(lines)

    # -- slash-command helpers ------------------------------------------------------------
    def verify(self, text: str) -> Answer:
        """Check the numeric claims in pasted text; each verdict's receipt becomes [Dn]."""
        if not text.strip():
            raise BadInputError("give the text to check: /verify TEXT")
        as_of = self.as_of
        checked = verify_text(text, as_of, self.market)
        receipts: list[AnswerReceipt] = []
        lines = []
        for n, c in enumerate(checked, start=1):
            receipts.append(check_receipt(n, c, f"{c.verdict}: {c.text}", c.explanation))
            lines.append(
                _("- {verdict}: {quote}: {explanation} [{id}]").format(
                    verdict=verdict_name(c.verdict),
                    quote=_('"{text}"').format(text=c.text),
                    explanation=explanation(c),
                    id=f"D{n}",
                )
            )
        text_out = "\n".join(lines) or _("No numeric claim found in this text.")
        header = (
            _("{n} claim(s) checked with data up to {day}:").format(
                n=len(checked), day=fmt_day(as_of)
            )
            if checked
            else ""
        )
        answer = Answer(
            question=f"/verify {text}",
            text=f"{header}\n{text_out}".strip(),
            kind="verify",
            engine="offline",
            as_of=as_of,
            receipts=receipts,
            article_id=self.article.id if self.article else None,
        )
        self.history.append(answer)
        return answer

    def ticker(self, symbol: str, period: str | None = None) -> Answer:
        """Quote and performance of one ticker: the last close and returns over periods."""
        sym = resolve(symbol)
        if sym is None or sym.kind in ("rate", "yield"):
            raise BadInputError(f"{symbol!r} is not a ticker finnews can price")
        as_of = self.as_of
        lookup = Lookup(self.market, as_of)
        queries = [DataQuery("price", (sym.ticker,), Period(as_of, as_of, "day", "latest"))]
        periods = [self._ticker_period(period, as_of)] if period else [
            self._ticker_period(p, as_of) for p in ("1m", "ytd", "1y")
        ]  # fmt: skip
        queries += [DataQuery("return", (sym.ticker,), p) for p in periods]
        ledger = Ledger()
        for q in queries:
            try:
                ledger.add_receipts(partial(_compute_from, q, lookup))
            except MarketDataUnavailable:
                if q.metric == "price":
                    raise
        text = "\n".join(_cite(r) for r in ledger.receipts)
        answer = Answer(
            question=f"/ticker {symbol} {period or ''}".strip(),
            text=text,
            kind="data",
            engine="offline",
            as_of=as_of,
            receipts=ledger.receipts,
            article_id=self.article.id if self.article else None,
        )
        self.history.append(answer)
        return answer

    @staticmethod
    def _ticker_period(text: str, as_of: date) -> Period:
        key = text.strip().lower()
        if key == "ytd":
            return Period(date(as_of.year, 1, 1), as_of, "window", f"{as_of.year} to date")
        if key in _PERIODS:
            unit, n = _PERIODS[key]
            phrase = f"the past {n} days" if unit == "past_days" else f"the past {n} months"
            found = parse_period(f"over {phrase}", as_of)
            assert found is not None
            label = {"1d": "the last trading day", "5d": "the past week", "1w": "the past week",
                     "1m": "the past month", "1y": "the past year"}.get(
                key, f"the past {n // 12} years" if n >= 24 else f"the past {n} months"
            )  # fmt: skip
            return Period(found.start, found.end, found.kind, label)
        phrase = (
            text if text.split()[0].lower() in ("in", "over", "since", "during") else (f"in {text}")
        )
        found = parse_period(phrase, as_of) or parse_period(text, as_of)
        if found is None:
            raise BadInputError(
                f"cannot read the period {text!r}; use 1m, 3m, 6m, ytd, 1y, 3y, 5y or a "
                "phrase such as 'November 2025' or 'Q1 2026'"
            )
        return found


class DataGap(NamedTuple):
    """Why market data could not answer: in English for the prompt, `shown` to the reader."""

    english: str
    shown: str


def _gap_text(query: DataQuery, message: str) -> str:
    """`(IJR return, 1999): no bar before ...` in the active language."""
    metric = query.extreme.phrase if query.extreme else query.metric
    what = query_label(list(query.tickers), metric, query.period.label if query.period else None)
    return _("({query}): {message}").format(query=what, message=error_text(message))


def _compute_from(query: DataQuery, lookup: Lookup, first: int) -> list[AnswerReceipt]:
    return compute(query, lookup, first)


def _cite(r: AnswerReceipt) -> str:
    body = answer_statement(r).rstrip()
    if body.endswith("."):
        body = body[:-1]
    return _("{statement} [{id}].").format(statement=body, id=r.id)


def _policy(settings: Settings) -> Policy:
    return "remove" if settings.unchecked_numbers == "remove" else "flag"
