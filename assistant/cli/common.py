"""Helpers shared by the command modules: reading input, writing `-o` files, the offline
switch."""

from __future__ import annotations

import os
import secrets
import stat
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from assistant.config import Settings, get_settings
from assistant.errors import BadInputError
from assistant.market.base import MarketData
from assistant.market.providers import get_market_data
from assistant.models import Article

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLE_ARTICLE = DATA / "articles" / "small_caps_rally.md"

article_argument = click.argument("article", required=False, metavar="[FILE|-]")


class Day(click.DateTime):
    """A YYYY-MM-DD option, parsed by click into a `date`. A bad value is a BadInputError
    naming the option (exit 2); with `plausible`, so is a date outside `plausible_dates()`."""

    name = "date"

    def __init__(self, *, plausible: bool = False) -> None:
        super().__init__(formats=["%Y-%m-%d"])
        self.plausible = plausible

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        option = param.opts[0] if param is not None and param.opts else "date"
        try:
            day = super().convert(value, param, ctx).date()
        except click.BadParameter:
            raise BadInputError(f"{option} {value!r} is not a date; use YYYY-MM-DD") from None
        if self.plausible:
            from retrieval.articles import implausible_date, is_plausible_date

            if not is_plausible_date(day):
                raise BadInputError(f"{option} {value!r} {implausible_date()}")
        return day


date_option = click.option(
    "--date",
    "date_",
    type=Day(plausible=True),
    metavar="YYYY-MM-DD",
    help="Publication date (overrides front matter).",
)
offline_option = click.option(
    "--offline",
    is_flag=True,
    default=False,
    help="Use only bundled market data and the offline engine (also FINNEWS_OFFLINE=1).",
)


def _check_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from assistant.i18n import parse_language

    try:
        parse_language(value)
    except BadInputError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None
    return value


lang_option = click.option(
    "--lang",
    metavar="CODE",
    callback=_check_lang,
    help="The reader's language: en (default), zh, or any code an LLM can write in "
    "(labels then in English). Also FINNEWS_LANG.",
)


def use_language(ctx: click.Context, lang: str | None) -> None:
    """Make `--lang` (else FINNEWS_LANG) the language of everything the command writes;
    say once on stderr when its labels fall back to English."""
    from assistant.i18n import parse_language, using

    try:
        language = parse_language(lang or settings().lang)
    except BadInputError as exc:
        raise BadInputError(f"FINNEWS_LANG: {exc}") from None
    ctx.with_resource(using(language))
    ctx.find_root().ensure_object(dict)["language"] = language  # its errors' language too
    notice = language.notice()
    if notice:
        click.echo(notice, err=True)


def is_offline(ctx: click.Context, offline: bool) -> bool:
    root = ctx.find_root().obj or {}
    return bool(offline or root.get("offline"))


def settings() -> Settings:
    return get_settings()


def market(ctx: click.Context, offline: bool) -> MarketData:
    return get_market_data(settings(), offline=is_offline(ctx, offline))


def read_article(source: str | None) -> Article:
    """An article from a path, '-' for stdin, or the bundled sample when None."""
    from retrieval.articles import MAX_BYTES, load_article, load_article_bytes

    if source is None:
        return load_article(SAMPLE_ARTICLE)
    if source == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return load_article_bytes(data, "<stdin>")
    return load_article(Path(source))


def parse_date_option(value: str | None, option: str = "--date") -> date | None:
    """A YYYY-MM-DD value's date as `--date` reads it (for callers outside click)."""
    if value is None:
        return None
    param = click.Option([option])
    day: date = Day(plausible=True).convert(value, param, None)
    return day


def write_output(text: str, output: str | Path) -> None:
    """Write a command's output file (`-o FILE`) whole or not at all.

    The text goes to a new file beside FILE, which then replaces FILE in one step
    (`os.replace`): a full disk or any other failure leaves the old FILE as it was and no
    partial file behind. A FILE that is no regular file (/dev/stdout, a pipe) is written
    in place. Errors become a BadInputError naming FILE.
    """
    target = Path(output)
    try:
        if target.is_symlink():
            target = target.resolve()  # replace the file it points to, not the link
        old = target.stat() if target.exists() else None
        if old is not None and not stat.S_ISREG(old.st_mode):
            with target.open("w", encoding="utf-8") as fh:
                fh.write(text)
            return
        _replace_with(target, text, None if old is None else stat.S_IMODE(old.st_mode))
    except OSError as exc:
        raise BadInputError(f"cannot write {output}: {exc.strerror or exc}") from None


def _replace_with(target: Path, text: str, mode: int | None) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if mode is None else mode)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)  # the old file's mode, whatever the umask
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
