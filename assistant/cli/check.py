"""`finnews check`: the claims in one article, checked against computed market data."""

from __future__ import annotations

from datetime import date

import click
from rich.console import Console

from assistant.check import verify_article
from assistant.cli import cli
from assistant.cli.common import (
    article_argument,
    date_option,
    is_offline,
    lang_option,
    market,
    offline_option,
    read_article,
    settings,
    use_language,
)
from assistant.errors import BadInputError
from assistant.i18n.errors import error_text
from assistant.llm import get_chat_model
from assistant.render.checks import render_markdown, render_terminal
from assistant.safety import printable, printable_json


@cli.command()
@article_argument
@date_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (article, claims).")
@click.option("--markdown", is_flag=True, help="Print a Markdown report.")
@click.option(
    "--llm-claims",
    is_flag=True,
    help="Also let the configured LLM find claims (merged with the deterministic ones).",
)
@lang_option
@offline_option
@click.pass_context
def check(
    ctx: click.Context,
    article: str | None,
    date_: date | None,
    as_json: bool,
    markdown: bool,
    llm_claims: bool,
    lang: str | None,
    offline: bool,
) -> int:
    """Check every numeric claim in an article (Markdown, text or HTML; '-' reads stdin).

    Without FILE, checks the bundled sample article. Exit code 0 when nothing is
    contradicted or misdated, 1 when something is, 2 for bad input.
    """
    if as_json and markdown:
        raise click.UsageError("choose one of --json and --markdown")
    use_language(ctx, lang)
    art = read_article(article)
    model = None
    if llm_claims:
        if is_offline(ctx, offline) or not settings().llm_configured:
            raise BadInputError(
                "--llm-claims needs an LLM: set OPENAI_API_KEY or OPENAI_BASE_URL, "
                "and do not run offline"
            )
        model = get_chat_model(settings(), quiet=as_json)
    report = verify_article(art, market(ctx, offline), as_of=date_, model=model)
    for note in report.notes:
        if note.startswith("stopped at"):
            click.echo(printable(f"finnews: {error_text(note)}"), err=True)
    if as_json:
        click.echo(printable_json(report.model_dump_json(indent=2)))
    elif markdown:
        click.echo(printable(render_markdown(report)))
    else:
        render_terminal(report, Console(soft_wrap=False))
    return 1 if report.has_errors else 0
