"""`finnews chat`: the REPL, or one answer with --once (for scripts, with --json)."""

from __future__ import annotations

from datetime import date

import click

from assistant.cli import cli
from assistant.cli.common import is_offline, offline_option, settings
from assistant.errors import BadInputError
from assistant.safety import printable, printable_json


def _as_of(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInputError(f"--as-of {value!r} is not a date; use YYYY-MM-DD") from None


@cli.command()
@click.option("--article", "article", metavar="FILE", help="Ingest this article file and scope "
              "the chat to it.")  # fmt: skip
@click.option("--once", "once", metavar="QUESTION", help="Answer one question and exit.")
@click.option("--json", "as_json", is_flag=True, help="With --once: print the answer as JSON.")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Use no market data after this day.")
@click.option(
    "--snapshot",
    is_flag=True,
    help="Market data from the bundled snapshot only, even when online.",
)
@offline_option
@click.pass_context
def chat(ctx: click.Context, article: str | None, once: str | None, as_json: bool,
         as_of: str | None, snapshot: bool, offline: bool) -> int:  # fmt: skip
    """Ask about the indexed news and market data; answers cite [n] passages and [Dn] data.

    Without an LLM (no OPENAI_API_KEY / OPENAI_BASE_URL, or --offline), data questions
    are computed and news questions answered with quoted passages.
    """
    from assistant.chat import render
    from assistant.chat.repl import Repl
    from assistant.chat.session import Session

    if as_json and once is None:
        raise click.UsageError("--json needs --once QUESTION")
    session = Session.open(
        settings(), offline=is_offline(ctx, offline), snapshot=snapshot, as_of=_as_of(as_of)
    )
    if article:
        session.open_article(article)
    if once is None:
        return Repl(session).run()
    if as_json:
        click.echo(printable_json(session.ask(once).model_dump_json(indent=2)))
        return 0

    def stream(piece: str) -> None:
        click.echo(printable(piece), nl=False)

    answer = session.ask(once, on_text=stream)
    click.echo("")
    foot = render.footer(answer)
    if foot:
        click.echo(foot)
    return 0
