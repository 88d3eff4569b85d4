"""The pages: News (list, search, filters), Article (analysis, marked text, chart, ask),
Check (paste, upload or URL) and Chat. Jinja2 templates with autoescape: every value
from an article, a feed or a model is escaped, and links go only to http(s) URLs."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from assistant.errors import BadInputError, FinnewsError
from assistant.i18n import Language, ngettext, using
from assistant.i18n.claims import verdict_name
from assistant.i18n.errors import error_text
from assistant.i18n.notes import quoted, series_name
from assistant.i18n.search import no_hits_text
from assistant.render.templating import make_environment
from assistant.safety import printable, web_url
from assistant.serve.api import PAGE_SIZE, plausible, summaries, warm_of
from assistant.serve.highlight import cited_runs
from assistant.serve.security import too_large
from assistant.serve.views import article_view, check_view, shown_day, shown_value
from assistant.serve.words import language, page_words, script_words
from assistant.text.citations import anchor_of

router = APIRouter(include_in_schema=False)


@cache
def templates() -> Jinja2Templates:
    env = make_environment("assistant.serve")
    env.filters.update(web_url=web_url, anchor=anchor_of, cited=cited_runs, day=shown_day,
                       value=shown_value, verdict=verdict_name, quoted=quoted,
                       series=series_name)  # fmt: skip
    return Jinja2Templates(env=env)


def language_of(request: Request) -> Language:
    """The pages' language: `finnews serve --lang`, else FINNEWS_LANG (the settings')."""
    return language(warm_of(request).settings.lang or "")


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    warm = warm_of(request)
    context.setdefault("offline", warm.offline)
    context.setdefault("max_body", request.app.state.max_body)
    with using(language_of(request)):
        context.setdefault("w", page_words())
        context.setdefault("script_words", script_words())
        return templates().TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """The page of a failed request; a finnews error's message in the pages' language."""
    with using(language_of(request)):
        shown = error_text(message)
    return render(request, "error.html", status, message=shown, status_code=status)


def _day(value: str | None, what: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInputError(f"{what} {value!r} is not a date; use YYYY-MM-DD") from None


@router.get("/", response_class=HTMLResponse)
def news(
    request: Request,
    q: str = "",
    ticker: str = "",
    source: str = "",
    since: str = "",
    until: str = "",
    page: int = Query(1, ge=1),
) -> HTMLResponse:
    """Indexed articles, newest first; with a query, the passages the hybrid search finds."""
    warm = warm_of(request)
    start, end = _day(since, "since"), _day(until, "until")
    filters = {"q": q, "ticker": ticker, "source": source, "since": since, "until": until}
    context: dict[str, Any] = {"filters": filters, "hits": None, "items": [], "page": page}
    if q.strip():
        from retrieval.search import explain_no_hits, search

        hits = search(q, settings=warm.settings, k=PAGE_SIZE, ticker=ticker or None,
                      source=source or None, since=start, until=end, index=warm.index,
                      embedder=warm.embedder)  # fmt: skip
        context["hits"] = hits
        if not hits:
            why = explain_no_hits(settings=warm.settings, ticker=ticker or None,
                                  source=source or None, since=start, until=end)  # fmt: skip
            with using(language_of(request)):
                context["why"] = no_hits_text(why)
    else:
        chosen = _filtered(warm.stored(), ticker, source, start, end)
        offset = (page - 1) * PAGE_SIZE
        shown = chosen[offset : offset + PAGE_SIZE]
        context["items"] = summaries(warm, [s.article for s in shown])
        context["total"] = len(chosen)
        with using(language_of(request)):
            line = ngettext(
                "{n} article, newest first.", "{n} articles, newest first.", len(chosen)
            )
        context["count_line"] = line.format(n=len(chosen))
        keep = {k: v for k, v in filters.items() if v}
        if offset + PAGE_SIZE < len(chosen):
            context["next"] = "/?" + urlencode({**keep, "page": page + 1})
        if page > 1:
            context["prev"] = "/?" + urlencode({**keep, "page": page - 1})
    return render(request, "news.html", **context)


def _filtered(items: list[Any], ticker: str, source: str, since: date | None,
              until: date | None) -> list[Any]:  # fmt: skip
    from retrieval.index import source_matches

    want = ticker.strip().upper()
    out = []
    for s in items:
        a = s.article
        day = a.published.date() if a.published else None
        if want and want not in (t.upper() for t in a.tickers):
            continue
        if source.strip() and not source_matches(source.strip(), a.source):
            continue
        if (since or until) and day is None:
            continue
        if (since and day and day < since) or (until and day and day > until):
            continue
        out.append(s)
    return out


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article(article_id: str, request: Request) -> HTMLResponse:
    """One article's analysis. The LLM gets a bounded time; then the offline engine."""
    from assistant.render.chart import build_chart

    warm = warm_of(request)
    lang = language_of(request)

    def build() -> dict[str, Any]:
        with using(lang):
            report = warm.analysis(warm.article(article_id))
            return article_view(report, build_chart(report, warm.market))

    return render(request, "article.html", **await run_in_threadpool(build))


@router.get("/check", response_class=HTMLResponse)
def check_form(request: Request) -> HTMLResponse:
    return render(request, "check.html", result=None, form={})


@router.post("/check", response_class=HTMLResponse)
async def check_submit(
    request: Request,
    text: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    date_: Annotated[str, Form(alias="date")] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Check pasted text, an uploaded file or (online) a page's URL; verdicts inline."""
    from assistant.check import verify_article
    from retrieval.articles import load_article_bytes

    warm = warm_of(request)
    form = {"text": text, "url": url, "date": date_}
    limit = request.app.state.max_body
    try:
        day = plausible(_day(date_, "date"))
        data = await file.read(limit + 1) if file is not None and file.filename else b""
        if len(data) > limit:
            return Response(too_large(limit), status_code=413, media_type="text/plain")
        if data:
            name = file.filename if file is not None and file.filename else "<upload>"
            article = load_article_bytes(data, name)
        elif text.strip():
            article = load_article_bytes(text.encode("utf-8"), "<text>")
        elif url.strip():
            article = await run_in_threadpool(_from_url, warm, url.strip())
        else:
            raise BadInputError("paste an article, choose a file, or give a URL")
        report = await run_in_threadpool(verify_article, article, warm.market, as_of=day)
    except FinnewsError as exc:
        with using(language_of(request)):
            message = error_text(str(exc))
        return render(request, "check.html", 400, result=None, form=form,
                      error=printable(message))  # fmt: skip
    with using(language_of(request)):
        result = check_view(report)
    return render(request, "check.html", result=result, form=form)


def _from_url(warm: Any, url: str) -> Any:
    from retrieval.sources import load_sources

    if warm.offline:
        raise BadInputError("offline: URLs are not fetched; paste the article or upload it")
    if not web_url(url):
        raise BadInputError("give an http(s) URL")
    for item in load_sources([url], offline=False, timeout=warm.settings.fetch_timeout):
        if item.article is not None:
            return item.article
        raise BadInputError(f"{url}: {item.error}")
    raise BadInputError(f"{url}: no article found")


@router.get("/chat", response_class=HTMLResponse)
def chat(request: Request) -> HTMLResponse:
    return render(request, "chat.html", engine=warm_of(request).model.name)
