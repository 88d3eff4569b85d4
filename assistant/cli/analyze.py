"""`finnews analyze` (one article, full report) and `finnews summarize` (a batch digest)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.cli import cli
from assistant.cli.common import (
    Day,
    article_argument,
    date_option,
    is_offline,
    lang_option,
    market,
    offline_option,
    read_article,
    settings,
    use_language,
    write_output,
)
from assistant.config import Settings
from assistant.errors import BadInputError
from assistant.i18n import _
from assistant.llm import ChatModel, get_chat_model
from assistant.market.base import MarketData
from assistant.safety import printable

if TYPE_CHECKING:
    from assistant.analysis.models import AnalysisReport

unchecked_option = click.option(
    "--unchecked",
    type=click.Choice(["flag", "remove"]),
    default=None,
    help="Numbers that trace to no source: flag them or remove their sentence "
    "(default: FINNEWS_UNCHECKED_NUMBERS, else flag).",
)


def _model(ctx: click.Context, offline: bool, s: Settings, quiet: bool = False) -> ChatModel:
    return get_chat_model(s, offline=is_offline(ctx, offline), quiet=quiet)


def _write(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    write_output(text, output)  # whole or not at all: the old file survives a failure
    click.echo(_("Wrote {path}").format(path=output), err=True)


@cli.command()
@article_argument
@date_option
@click.option("--json", "as_json", is_flag=True, help="The report as one JSON object.")
@click.option("--markdown", is_flag=True, help="The report as Markdown.")
@click.option("--html", "as_html", is_flag=True, help="One self-contained HTML page with a chart.")
@click.option("--output", "-o", metavar="FILE", help="Write the report to FILE.")
@unchecked_option
@lang_option
@offline_option
@click.pass_context
def analyze(
    ctx: click.Context,
    article: str | None,
    date_: date | None,
    as_json: bool,
    markdown: bool,
    as_html: bool,
    output: str | None,
    unchecked: Literal["flag", "remove"] | None,
    lang: str | None,
    offline: bool,
) -> int:
    """The full report for one article: related tickers, a cited analysis, key figures and
    every claim checked. Without FILE, analyzes the bundled sample article.

    Every number the engine writes is traced to a cited passage [n] or data receipt [Dn]
    and every claim in it re-checked before it is shown. Exit code 0 when the report is
    written (use `finnews check` to gate on verdicts).
    """
    from assistant.analysis import analyze_article
    from assistant.analysis.provenance import traced

    if sum((as_json, markdown, as_html)) > 1:
        raise click.UsageError("choose one of --json, --markdown and --html")
    use_language(ctx, lang)
    s = settings()
    art = read_article(article)
    data, sources = traced(market(ctx, offline))
    report = analyze_article(
        art,
        settings=s,
        market=data,
        model=_model(ctx, offline, s, quiet=as_json),
        as_of=date_,
        unchecked=unchecked,
    )
    if as_json:
        from assistant.render.report import render_json

        _write(render_json(report), output)
    elif markdown:
        from assistant.render.report import render_markdown

        image = _chart_image(report, data, output) if output is not None else None
        _write(render_markdown(report, image), output)
    elif as_html:
        from assistant.render.chart import build_chart
        from assistant.render.report import render_html

        _write(render_html(report, build_chart(report, data)), output)
    else:
        from assistant.render.report import render_terminal

        if output is None:
            render_terminal(report, Console(soft_wrap=False))
        else:
            console = Console(record=True, width=110, file=io.StringIO())
            render_terminal(report, console)
            _write(console.export_text(), output)
    _say_sources(ctx, offline, sources.message())
    return 0


def _chart_image(report: AnalysisReport, data: MarketData, output: str) -> str | None:
    """Write the static chart beside a Markdown report; its name relative to the report."""
    from assistant.render.chart import build_chart, chart_svg

    chart = build_chart(report, data)
    if chart is None:
        return None
    path = Path(output).with_suffix(".chart.svg")
    _write(chart_svg(chart), str(path))
    return path.name


def _say_sources(ctx: click.Context, offline: bool, message: str | None) -> None:
    """Online, say once where the prices came from (and why, after a fallback)."""
    from assistant.i18n.sources import sources_line

    if message and not is_offline(ctx, offline):
        click.echo(sources_line(message), err=True)


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        yield None
        return
    columns = (TextColumn(_("Summarizing")), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("summarize", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@cli.command()
@click.option("--since", type=Day(), metavar="YYYY-MM-DD",
              help="Only articles published on or after it.")  # fmt: skip
@click.option("--source", metavar="NAME", help="Only articles whose source contains NAME.")
@click.option("--ticker", metavar="TICKER", help="Only articles that mention TICKER.")
@click.option(
    "--feed", metavar="URL|FILE", help="Ingest this feed first, then summarize its articles."
)
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Articles summarized at the same time.")  # fmt: skip
@click.option("--force", is_flag=True, help="Redo articles already summarized.")
@click.option(
    "--format", "fmt", type=click.Choice(["md", "jsonl", "html"]), default="md", show_default=True
)
@click.option("--output", "-o", metavar="PATH", help="Write the digest to PATH.")
@unchecked_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no failure list.")
@lang_option
@offline_option
@click.pass_context
def summarize(
    ctx: click.Context,
    since: date | None,
    source: str | None,
    ticker: str | None,
    feed: str | None,
    jobs: int,
    force: bool,
    fmt: str,
    output: str | None,
    unchecked: Literal["flag", "remove"] | None,
    quiet: bool,
    lang: str | None,
    offline: bool,
) -> int:
    """Checked summaries of ingested articles (or of --feed), as a digest grouped by ticker.

    Articles already summarized with the same settings are skipped (--force redoes them);
    an article that fails is reported at the end and never stops the batch.
    """
    from assistant import summarize as lib
    from assistant.analysis.provenance import traced
    from assistant.render import digest

    use_language(ctx, lang)
    s = settings()
    if is_offline(ctx, offline):
        s = s.model_copy(update={"offline": True})
    pool = lib.feed_articles(feed, settings=s) if feed else lib.indexed_articles(s)
    articles = lib.select_articles(pool, since=since, source=source, ticker=ticker)
    if not articles:
        where = f"in {feed}" if feed else "in the index (run `finnews ingest FEED` first)"
        raise BadInputError(f"no articles {where} match the filters")
    data, sources = traced(market(ctx, offline))
    with _progress(quiet) as progress:
        report = lib.summarize_articles(
            articles,
            settings=s,
            market=data,
            model=_model(ctx, offline, s, quiet=quiet),
            jobs=jobs,
            force=force,
            unchecked=unchecked,
            progress=progress,
        )
    render = {
        "md": digest.render_markdown,
        "jsonl": digest.render_jsonl,
        "html": digest.render_html,
    }
    _write(render[fmt](report), output)
    if not quiet:
        seconds = _(" in {seconds}s").format(seconds=f"{report.seconds:.1f}")
        click.echo(digest.footer(report) + seconds, err=True)
        for failure in report.failures:
            click.echo(
                printable(f"  failed: {failure.title or failure.id}: {failure.reason}"), err=True
            )
        _say_sources(ctx, offline, sources.message())
    return 2 if report.failed and not report.records else 0
