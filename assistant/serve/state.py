"""What one warm `finnews serve` process keeps open: settings, market data, the news index,
the embedder, the LLM, and small caches of the checks and analyses it has made.

Everything heavy is opened once, on first use, and shared by every request; the caches
are bounded and keyed by what their result depends on. The index keeps its passages in
memory (`open_index(resident=True)`), and pasted texts are checked by worker processes
(`assistant.serve.workers`) when the app warms up with them.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Generic, TypeVar

from assistant.config import Settings
from assistant.errors import BadInputError
from assistant.llm import ChatModel, get_chat_model
from assistant.market.base import MarketData
from assistant.market.providers import get_market_data
from assistant.models import Article, CheckReport

if TYPE_CHECKING:
    from assistant.analysis.models import AnalysisReport
    from assistant.chat.passages import Passage
    from assistant.chat.session import Session
    from assistant.llm.tool_calling import ToolStreamer
    from assistant.serve.workers import CheckPool
    from retrieval.embed import Embedder
    from retrieval.index import NewsIndex, StoredArticle

K = TypeVar("K")
V = TypeVar("V")

# A page waits at most this long for the LLM's analysis before it shows the offline one.
PAGE_LLM_SECONDS = 10.0
MAX_SESSIONS = 64
MAX_CACHED = 256


class ArticleNotFound(BadInputError):
    """No indexed article has the id asked for."""


class Bounded(Generic[K, V]):
    """A small thread-safe LRU map."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: K, value: V) -> V:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        found = self.get(key)
        return found if found is not None else self.put(key, make())


@dataclass
class ChatSlot:
    """One browser conversation: its session and a lock (one question at a time)."""

    session: Session
    lock: threading.Lock = field(default_factory=threading.Lock)


class Warm:
    """The resources one serve process shares between requests."""

    def __init__(
        self,
        settings: Settings,
        *,
        offline: bool = False,
        page_llm_seconds: float = PAGE_LLM_SECONDS,
        market: MarketData | None = None,
        check_workers: int = 0,
    ) -> None:
        self.offline = offline or settings.offline
        self.settings = settings.model_copy(update={"offline": True}) if offline else settings
        self.page_llm_seconds = page_llm_seconds
        self._market = market
        self._index: NewsIndex | None = None
        self._embedder: Embedder | None = None
        self._model: ChatModel | None = None
        self._page_model: ChatModel | None = None
        self._streamer: ToolStreamer | None = None
        self._open = threading.Lock()
        self.checks: Bounded[tuple[str, str, date | None], CheckReport] = Bounded(MAX_CACHED)
        self.analyses: Bounded[tuple[str, str], AnalysisReport] = Bounded(MAX_CACHED)
        self.sessions: Bounded[str, ChatSlot] = Bounded(MAX_SESSIONS)
        self.check_workers = check_workers  # processes for /api/check (0: none)
        self.pool: CheckPool | None = None  # started by warm_up

    # -- the shared resources, opened on first use ------------------------------------------
    @property
    def market(self) -> MarketData:
        if self._market is None:
            with self._open:
                if self._market is None:
                    self._market = get_market_data(self.settings, offline=self.offline)
        return self._market

    @property
    def index(self) -> NewsIndex:
        if self._index is None:
            with self._open:
                if self._index is None:
                    from retrieval.index import open_index

                    self._index = open_index(self.settings, resident=True)
        return self._index

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            with self._open:
                if self._embedder is None:
                    from retrieval.embed import make_embedder

                    # one query at a time: one thread each is quickest, and requests
                    # running side by side use the other core
                    self._embedder = make_embedder(self.settings, threads=1)
        return self._embedder

    @property
    def model(self) -> ChatModel:
        """The chat's LLM (or the offline engine)."""
        if self._model is None:
            self._model = get_chat_model(self.settings, offline=self.offline)
        return self._model

    @property
    def page_model(self) -> ChatModel:
        """The LLM for page analyses: its whole wait ends within `page_llm_seconds` (the
        LLM's own deadline machinery), after which the page shows the offline analysis."""
        if self._page_model is None:
            seconds = min(self.settings.llm_timeout, self.page_llm_seconds)
            quick = self.settings.model_copy(update={"llm_timeout": seconds, "llm_retries": 0})
            self._page_model = get_chat_model(quick, offline=self.offline)
        return self._page_model

    def warm_up(self) -> None:
        """Open what the first request would otherwise wait for, the check workers too."""
        if self.check_workers > 0 and self.pool is None:
            from assistant.serve.workers import CheckPool

            self.pool = CheckPool(self.settings, offline=self.offline, workers=self.check_workers)
            self.pool.warm_up()
        _ = self.market, self.index, self.embedder, self.model

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        if self._index is not None:
            self._index.close()
            self._index = None

    # -- articles ---------------------------------------------------------------------------
    def stored(self) -> list[StoredArticle]:
        """Every indexed article, newest first (undated last)."""
        items = list(self.index.articles())
        items.sort(key=lambda s: s.article.id)
        items.sort(key=lambda s: s.article.published.timestamp() if s.article.published else 0.0,
                   reverse=True)  # fmt: skip
        return items

    def article(self, article_id: str) -> Article:
        for s in self.index.articles():
            if s.article.id == article_id:
                return s.article
        raise ArticleNotFound(f"no indexed article has the id {article_id!r}")

    def check(self, article: Article, as_of: date | None = None) -> CheckReport:
        from assistant.check import verify_article
        from retrieval.articles import content_hash

        key = (article.id, content_hash(article), as_of)
        return self.checks.get_or_make(
            key, lambda: verify_article(article, self.market, as_of=as_of)
        )

    def analysis(self, article: Article) -> AnalysisReport:
        """The article's analysis as `finnews analyze` builds it (cached). An LLM analysis
        that fails or runs out of time is finished by the offline engine, which says so;
        such a fallback is not cached, so a later visit tries the LLM again."""
        from assistant.analysis import analyze_article
        from retrieval.articles import content_hash

        key = (article.id, content_hash(article))
        found = self.analyses.get(key)
        if found is not None:
            return found
        report = analyze_article(
            article, settings=self.settings, market=self.market, model=self.page_model
        )
        if report.fallback_reason is None:
            self.analyses.put(key, report)
        return report

    # -- chat -------------------------------------------------------------------------------
    def streamer(self) -> ToolStreamer | None:
        """The chat's tool-calling LLM (one for the process), None offline."""
        if self._streamer is None and not self.model.is_offline:
            from assistant.llm import get_tool_streamer

            self._streamer = get_tool_streamer(self.settings, offline=self.offline)
        return self._streamer

    def new_session(self, article: Article | None = None) -> tuple[str, ChatSlot]:
        from assistant.chat.session import Session

        session = Session(
            settings=self.settings,
            market=self.market,
            news=WarmNews(self),
            streamer=self.streamer(),
        )
        session.article = article
        ident = secrets.token_urlsafe(12)
        return ident, self.sessions.put(ident, ChatSlot(session))


class WarmNews:
    """The chat's `NewsSource` over the warm index and embedder (the chat's own
    `IndexNews` opens both for every search)."""

    def __init__(self, warm: Warm) -> None:
        self.warm = warm

    def search(self, query: str, k: int, *, ticker: str | None = None) -> list[Passage]:
        from assistant.chat.passages import relevant
        from retrieval.search import search

        w = self.warm
        hits = search(query, settings=w.settings, k=k, ticker=ticker, index=w.index,
                      embedder=w.embedder)  # fmt: skip
        return relevant(hits)

    def find_article(self, ident: str) -> Article:
        return self.warm.article(ident)

    def add_article(self, article: Article) -> None:
        raise BadInputError("the web app does not add articles; use `finnews ingest`")
