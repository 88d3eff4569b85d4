"""The thin command layer: parse options, call one library function, render.

Domain errors become one-line messages and exit codes here and nowhere else:
0 ok, 1 the checked text has contradicted or misdated claims, 2 usage or input
errors (also output that cannot be written: a `-o` file or stdout), 3 an outside
service or data source failed (or the data directory stayed busy).
"""

from __future__ import annotations

import io
import os
import sys
from typing import Any

import click

from assistant import __version__
from assistant.errors import FinnewsError
from assistant.safety import printable


class _Group(click.Group):
    """The root group: its help ends by saying where the data lives."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a domain error carries the command's language (`--lang`) to
        `main`, which says it in that language."""
        try:
            return super().invoke(ctx)
        except FinnewsError as exc:
            language = (ctx.obj or {}).get("language")
            exc.language = language.code if language is not None else None
            raise

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        formatter.write_paragraph()
        formatter.write_text(  # \b: the path stays on one line, unwrapped
            "\b\nData (market-data cache, news index, summaries, chat history) lives in\n"
            f"  {_data_home()}\nSet FINNEWS_HOME to keep it elsewhere."
        )


def _data_home() -> str:
    from pydantic import ValidationError

    from assistant.config import data_location, default_data_dir, get_settings

    try:
        return str(data_location(get_settings()))
    except ValidationError:  # a bad setting elsewhere; the command itself will name it
        return f"FINNEWS_HOME, else {default_data_dir()}"


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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
    _watch_stdout()
    try:
        rv = cli.main(args=argv, prog_name="finnews", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        _show_usage_error(exc, sys.argv[1:] if argv is None else argv)
        sys.exit(exc.exit_code)
    except FinnewsError as exc:
        from assistant.i18n import using
        from assistant.i18n.errors import error_line

        with using(exc.language):
            click.echo(printable(error_line(str(exc))), err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        _drop_stdout()
        sys.exit(0)
    except OSError as exc:
        if not _stdout_failed():
            _unexpected(exc)
        click.echo(f"Error: cannot write the output to stdout: {exc.strerror or exc}", err=True)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - last line of defence, no traceback
        _unexpected(exc)
    sys.exit(rv if isinstance(rv, int) else 0)


def _show_usage_error(exc: click.ClickException, argv: list[str]) -> None:
    """click's own error (an unknown option, a bad choice) in the language `--lang` or
    FINNEWS_LANG asks for; English as click writes it."""
    from assistant.i18n import _, current, using
    from assistant.i18n.errors import error_line

    asked = next(
        (
            a.split("=", 1)[1] if "=" in a else (argv[i + 1] if i + 1 < len(argv) else None)
            for i, a in enumerate(argv)
            if a == "--lang" or a.startswith("--lang=")
        ),
        None,
    )
    try:
        with using(asked or os.environ.get("FINNEWS_LANG") or None):
            if current().catalog == "en":
                exc.show()
                return
            ctx = getattr(exc, "ctx", None)
            if ctx is not None:
                click.echo(ctx.get_usage(), err=True)
                click.echo(
                    _("Try '{command} --help' for help.").format(command=ctx.command_path),
                    err=True,
                )
                click.echo("", err=True)
            click.echo(printable(error_line(exc.format_message())), err=True)
    except FinnewsError:  # an unknown --lang: click's English
        exc.show()


def _unexpected(exc: BaseException) -> None:
    click.echo(printable(f"Error: unexpected {type(exc).__name__}: {exc}"), err=True)
    click.echo("This is a bug in finnews; please report it.", err=True)
    sys.exit(70)


class _Stdout(io.FileIO):
    """The process's stdout file descriptor, remembering when a write to it failed."""

    failed = False

    def write(self, data: Any) -> int:
        try:
            return super().write(data)
        except OSError:
            _Stdout.failed = True
            raise


def _watch_stdout() -> None:
    """Route stdout through `_Stdout`, so a failed write (full device, I/O error) is known
    to be the output's and not some file's. Only the real stdout; tests' captures stay."""
    _Stdout.failed = False
    out = sys.stdout
    if out is None or out is not sys.__stdout__ or not isinstance(out, io.TextIOWrapper):
        return
    try:
        fd = out.fileno()
        out.flush()
    except (OSError, ValueError):
        return
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_Stdout(fd, "w", closefd=False)),
        encoding=out.encoding,
        errors=out.errors,
        line_buffering=out.line_buffering,
        write_through=out.write_through,
    )


def _stdout_failed() -> bool:
    """Whether stdout could not take the output; then it is dropped, so the interpreter's
    own flush at exit has nothing more to say."""
    if _Stdout.failed:
        _drop_stdout()
    return _Stdout.failed


def _drop_stdout() -> None:
    """Point stdout at the null device (what is still buffered goes nowhere)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (tests capture it): nothing is flushed at exit


from assistant.cli import analyze as _analyze  # noqa: E402,F401
from assistant.cli import chat as _chat  # noqa: E402,F401
from assistant.cli import check as _check  # noqa: E402,F401  (registers commands)
from assistant.cli import logs as _logs  # noqa: E402,F401
from assistant.cli import news as _news  # noqa: E402,F401
from assistant.cli import serve as _serve  # noqa: E402,F401
