"""`finnews chat`: the REPL, or one answer with --once (for scripts, with --json)."""

from __future__ import annotations

from datetime import date

import click

from assistant.cli import cli
from assistant.cli.common import (
    Day,
    is_offline,
    lang_option,
    offline_option,
    settings,
    use_language,
)
from assistant.safety import printable, printable_json


@cli.command()
@click.option("--article", "article", metavar="FILE", help="Ingest this article file and scope "
              "the chat to it.")  # fmt: skip
@click.option("--once", "once", metavar="QUESTION", help="Answer one question and exit.")
@click.option("--json", "as_json", is_flag=True, help="With --once: print the answer as JSON.")
@click.option("--as-of", "as_of", type=Day(), metavar="YYYY-MM-DD",
              help="Use no market data after this day.")  # fmt: skip
@click.option(
    "--snapshot",
    is_flag=True,
    help="Market data from the bundled snapshot only, even when online.",
)
@lang_option
@offline_option
@click.pass_context
def chat(ctx: click.Context, article: str | None, once: str | None, as_json: bool,
         as_of: date | None, snapshot: bool, lang: str | None, offline: bool) -> int:  # fmt: skip
    """Ask about the indexed news and market data; answers cite [n] passages and [Dn] data.

    Without an LLM (no OPENAI_API_KEY / OPENAI_BASE_URL, or --offline), data questions
    are computed and news questions answered with quoted passages.
    """
    from assistant.chat import render
    from assistant.chat.repl import Repl
    from assistant.chat.session import Session
    from assistant.i18n.markers import marked_text

    if as_json and once is None:
        raise click.UsageError("--json needs --once QUESTION")
    use_language(ctx, lang)
    session = Session.open(
        settings(), offline=is_offline(ctx, offline), snapshot=snapshot, as_of=as_of, quiet=as_json
    )
    if article:
        session.open_article(article)
    if once is None:
        return Repl(session).run()
    if as_json:
        click.echo(printable_json(session.ask(once).model_dump_json(indent=2)))
        return 0

    def stream(piece: str) -> None:
        click.echo(printable(marked_text(piece)), nl=False)

    answer = session.ask(once, on_text=stream)
    click.echo("")
    foot = render.footer(answer)
    if foot:
        click.echo(foot)
    return 0
