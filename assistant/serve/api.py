"""The JSON API under /api/: the same library calls as the commands, typed by their models.

POST /api/check                   {"text", "date"?} -> CheckReport (as `check --json`)
GET  /api/search?q=...            -> [SearchHit] (hybrid search, filters as `search`)
GET  /api/articles                -> [ArticleSummary] (newest first)
GET  /api/articles/{id}           -> Article
GET  /api/articles/{id}/analysis  -> AnalysisReport (as `analyze --json`)
POST /api/ask                     {"question", "article_id"?, "session"?} -> Answer
POST /api/ask/stream              the same, as server-sent events (see `ask`)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from datetime import date, datetime

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import Field, TypeAdapter

from assistant.analysis.models import AnalysisReport
from assistant.chat.models import Answer
from assistant.errors import BadInputError
from assistant.market.base import MarketData
from assistant.models import Article, CheckReport, Strict
from assistant.safety import printable_json
from assistant.serve import ask
from assistant.serve.highlight import verdict_counts
from assistant.serve.state import Warm
from retrieval.search import SearchHit

router = APIRouter(prefix="/api", tags=["api"])
_HITS = TypeAdapter(list[SearchHit])
PAGE_SIZE = 20
MAX_K = 50


class CheckRequest(Strict):
    """Text to check, as `finnews check` reads a file: Markdown, text or HTML, with
    optional YAML front matter (title, published, source, url, id)."""

    text: str = Field(min_length=1, description="The article.")
    date: dt.date | None = Field(
        default=None, description="Publication date YYYY-MM-DD (overrides front matter)."
    )


class ArticleSummary(Strict):
    """An indexed article as the news list shows it."""

    id: str
    title: str
    source: str
    published: datetime | None
    url: str
    tickers: list[str]
    verdicts: dict[str, int] = Field(description="Checked claims per verdict.")


def warm_of(request: Request) -> Warm:
    warm: Warm = request.app.state.warm
    return warm


def plausible(day: date | None, what: str = "date") -> date | None:
    """The same rule as the commands' --date: no day far before or after today."""
    from retrieval.articles import implausible_date, is_plausible_date

    if day is not None and not is_plausible_date(day):
        raise BadInputError(f"{what} {day.isoformat()!r} {implausible_date()}")
    return day


def check_text(
    market: MarketData, text: str, day: date | None, name: str = "<text>"
) -> CheckReport:
    """`finnews check` on pasted text (or an uploaded file's bytes under its name)."""
    from assistant.check import verify_article
    from retrieval.articles import load_article_bytes

    article = load_article_bytes(text.encode("utf-8"), name)
    return verify_article(article, market, as_of=plausible(day))  # checked anew each time


def check_json(market: MarketData, text: str, day: date | None) -> str:
    """The JSON text `finnews check --json` prints for pasted text."""
    return printable_json(check_text(market, text, day).model_dump_json(indent=2))


def summaries(warm: Warm, articles: Iterable[Article]) -> list[ArticleSummary]:
    """The articles as the news list shows them, with the verdicts of their claims."""
    out = []
    for a in articles:
        counts = verdict_counts(warm.check(a).claims)
        out.append(
            ArticleSummary(
                id=a.id,
                title=a.title,
                source=a.source,
                published=a.published,
                url=a.url,
                tickers=a.tickers,
                verdicts=counts,
            )  # fmt: skip
        )
    return out


@router.post("/check", response_model=CheckReport)
async def api_check(body: CheckRequest, request: Request) -> Response:
    """Every numeric claim in the text, checked: the JSON `finnews check --json` prints."""
    warm = warm_of(request)
    text = await warm.pool.check_json(body.text, body.date) if warm.pool else None
    if text is None:  # no worker processes: in a thread of this one
        text = await run_in_threadpool(check_json, warm.market, body.text, body.date)
    return Response(text, media_type="application/json")


@router.get("/search", response_model=list[SearchHit])
def api_search(
    request: Request,
    q: str = Query(min_length=1, description="What to look for."),
    k: int = Query(5, ge=1, le=MAX_K),
    ticker: str | None = None,
    source: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Response:
    """The passages that best match `q` (at most one per article), best first."""
    from retrieval.search import search

    warm = warm_of(request)
    hits = search(q, settings=warm.settings, k=k, ticker=ticker or None, source=source or None,
                  since=since, until=until, index=warm.index, embedder=warm.embedder)  # fmt: skip
    # written once, as the hits' own JSON (FastAPI would check them and write them again)
    return Response(_HITS.dump_json(hits), media_type="application/json")


@router.get("/articles", response_model=list[ArticleSummary])
def api_articles(
    request: Request,
    offset: int = Query(0, ge=0),
    limit: int = Query(PAGE_SIZE, ge=1, le=100),
) -> list[ArticleSummary]:
    """Indexed articles, newest first, with their verdict counts."""
    warm = warm_of(request)
    return summaries(warm, [s.article for s in warm.stored()[offset : offset + limit]])


@router.get("/articles/{article_id}", response_model=Article)
def api_article(article_id: str, request: Request) -> Article:
    return warm_of(request).article(article_id)


@router.get("/articles/{article_id}/analysis", response_model=AnalysisReport)
def api_analysis(article_id: str, request: Request) -> AnalysisReport:
    """The article's analysis as `finnews analyze --json` builds it."""
    warm = warm_of(request)
    return warm.analysis(warm.article(article_id))


@router.post("/ask", response_model=Answer)
def api_ask(body: ask.AskRequest, request: Request, response: Response) -> Answer:
    """One answer; the `X-Finnews-Session` header names the conversation to continue."""
    ident, answer = ask.answer(warm_of(request), body)
    response.headers["X-Finnews-Session"] = ident
    return answer


@router.post(
    "/ask/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def api_ask_stream(body: ask.AskRequest, request: Request) -> StreamingResponse:
    """The answer as server-sent events: session, text pieces, then the whole answer."""
    return StreamingResponse(
        ask.stream(warm_of(request), body),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
