"""The thin command layer: parse options, call one library function, render.

Domain errors become one-line messages and exit codes here and nowhere else:
0 ok, 1 the checked text has contradicted or misdated claims, 2 usage or input
errors, 3 an outside service or data source failed.
"""

from __future__ import annotations

import sys

import click

from assistant import __version__
from assistant.errors import FinnewsError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="finnews")
@click.option(
    "--offline",
    is_flag=True,
    default=False,
    help="Never touch the network (bundled market data, offline engine).",
)
@click.pass_context
def cli(ctx: click.Context, offline: bool) -> None:
    """finnews: read financial news critically. Every number is computed and checked."""
    ctx.ensure_object(dict)
    ctx.obj["offline"] = offline


def main(argv: list[str] | None = None) -> None:
    """Console entry point: never shows a traceback to the user."""
    try:
        rv = cli.main(args=argv, prog_name="finnews", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except FinnewsError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # noqa: BLE001 - last line of defence, no traceback
        click.echo(f"Error: unexpected {type(exc).__name__}: {exc}", err=True)
        click.echo("This is a bug in finnews; please report it.", err=True)
        sys.exit(70)
    sys.exit(rv if isinstance(rv, int) else 0)


from assistant.cli import analyze as _analyze  # noqa: E402,F401
from assistant.cli import chat as _chat  # noqa: E402,F401
from assistant.cli import check as _check  # noqa: E402,F401  (registers commands)
from assistant.cli import news as _news  # noqa: E402,F401
