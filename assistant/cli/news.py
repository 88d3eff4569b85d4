"""`finnews ingest`, `search`, `index stats` and `reindex`: the news index commands."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.cli import cli
from assistant.cli.common import Day, is_offline, offline_option, settings, use_language
from assistant.config import Settings
from assistant.lock import say
from assistant.safety import printable, printable_json


def _echo(text: str, *, err: bool = False) -> None:
    """Print what the index holds (titles, passages, source names, failures): as text,
    never as terminal control sequences."""
    click.echo(printable(text), err=err)


def _settings(ctx: click.Context, offline: bool = False) -> Settings:
    s = settings()
    return s.model_copy(update={"offline": True}) if is_offline(ctx, offline) else s


@contextmanager
def _progress(quiet: bool, label: str) -> Iterator[Callable[[int, int], None] | None]:
    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        yield None
        return
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="FEED|DIR|FILE|URL|-...")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no failure list.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@offline_option
@click.pass_context
def ingest(ctx: click.Context, sources: tuple[str, ...], quiet: bool, as_json: bool,
           offline: bool) -> int:  # fmt: skip
    """Add feeds (file or URL), article files, directories or stdin ('-') to the news index.

    Running it again adds nothing new; changed articles replace their old passages. A file
    is the same article while it keeps its front-matter `id` or `url`, else its path.
    """
    from assistant.i18n import _, ngettext
    from assistant.i18n.errors import error_text
    from retrieval.ingest import ingest as run_ingest

    use_language(ctx, None)  # FINNEWS_LANG: its lines and its errors
    with _progress(quiet or as_json, _("Ingesting")) as progress:
        report = run_ingest(
            list(sources),
            settings=_settings(ctx, offline),
            progress=progress,
            notice=None if quiet or as_json else say,
        )
    if as_json:
        click.echo(printable_json(report.model_dump_json(indent=2)))
    else:
        items = report.articles + report.failed
        line = ngettext(
            "{n} item: {new} new, {updated} updated, {unchanged} unchanged, {failed} failed "
            "({chunks} passages embedded in {seconds}s)",
            "{n} items: {new} new, {updated} updated, {unchanged} unchanged, {failed} failed "
            "({chunks} passages embedded in {seconds}s)",
            items,
        )
        _echo(line.format(n=items, new=report.new, updated=report.updated,
                          unchanged=report.unchanged, failed=report.failed, chunks=report.chunks,
                          seconds=f"{report.seconds:.1f}"))  # fmt: skip
        if not quiet:
            for failure in report.failures:
                item = error_text(f"{failure.source}: {failure.reason}")
                _echo("  " + _("failed: {item}").format(item=item), err=True)
    return 2 if report.failed and not report.articles else 0


@cli.command()
@click.argument("query")
@click.option("-k", "k", default=5, show_default=True, help="Number of passages.")
@click.option("--ticker", help="Only articles that mention this ticker (or name: 'Russell 2000').")
@click.option("--source", help="Only sources whose name contains this (any case).")
@click.option("--since", type=Day(), metavar="YYYY-MM-DD",
              help="Published on or after this day (UTC).")  # fmt: skip
@click.option("--until", type=Day(), metavar="YYYY-MM-DD",
              help="Published on or before this day (UTC).")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the hits as a JSON list.")
@click.pass_context
def search(ctx: click.Context, query: str, k: int, ticker: str | None, source: str | None,
           since: date | None, until: date | None, as_json: bool) -> int:  # fmt: skip
    """Find the passages in the indexed news that best match QUERY."""
    from retrieval.search import explain_no_hits
    from retrieval.search import search as run_search

    s = _settings(ctx)
    hits = run_search(
        query, settings=s, k=k, ticker=ticker, source=source, since=since, until=until
    )
    if as_json:
        click.echo(printable_json(json.dumps([h.model_dump(mode="json") for h in hits], indent=2)))
    if not hits:  # say which filter matched nothing (on stderr under --json)
        why = explain_no_hits(settings=s, ticker=ticker, source=source, since=since, until=until)
        _echo(why, err=as_json)
    if as_json or not hits:
        return 0
    for n, hit in enumerate(hits, start=1):
        when = hit.published.date().isoformat() if hit.published else "date unknown"
        _echo(f"{n}. {hit.title or '(untitled)'}  [score {hit.score:.3f}]")
        meta = " · ".join(x for x in (when, hit.source or "source unknown", hit.url) if x)
        _echo(f"   {meta}")
        _echo(f"   chars {hit.start}-{hit.end} of article {hit.article_id}:")
        for line in textwrap.wrap(" ".join(hit.text.split()), width=96):
            _echo(f"   | {line}")
        _echo("")
    return 0


@cli.group()
def index() -> None:
    """Inspect the news index."""


@index.command()
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> int:
    """Articles, passages, sources, date range and embedding model of the index."""
    from retrieval.index import open_index

    with open_index(_settings(ctx)) as idx:
        st = idx.stats()
    if as_json:
        data = {
            "location": st.location,
            "articles": st.articles,
            "chunks": st.chunks,
            "sources": st.sources,
            "first_published": st.first_published.isoformat() if st.first_published else None,
            "last_published": st.last_published.isoformat() if st.last_published else None,
            "undated": st.undated,
            "embedding_model": st.embedding_model,
            "embedding_dim": st.embedding_dim,
        }
        click.echo(printable_json(json.dumps(data, indent=2)))
        return 0
    first = st.first_published.date().isoformat() if st.first_published else "-"
    last = st.last_published.date().isoformat() if st.last_published else "-"
    model = f"{st.embedding_model} ({st.embedding_dim} dims)" if st.embedding_model else "-"
    _echo(f"index:     {st.location}")
    _echo(f"articles:  {st.articles}")
    _echo(f"passages:  {st.chunks}")
    _echo(f"dates:     {first} .. {last}" + (f" ({st.undated} undated)" if st.undated else ""))
    _echo(f"embedding: {model}")
    _echo(f"sources:   {len(st.sources)}")
    for name, count in st.sources.items():
        _echo(f"  {count:6d}  {name}")
    return 0


@cli.command()
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def reindex(ctx: click.Context, quiet: bool) -> int:
    """Re-embed every indexed article with the configured embedder (FINNEWS_EMBEDDER)."""
    from retrieval.ingest import reindex as run_reindex

    with _progress(quiet, "Reindexing") as progress:
        report = run_reindex(
            settings=_settings(ctx), progress=progress, notice=None if quiet else say
        )
    _echo(
        f"reindexed {report.articles} articles ({report.chunks} passages) with "
        f"{report.embedding_model} in {report.seconds:.1f}s"
    )
    return 0
