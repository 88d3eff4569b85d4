"""Helpers shared by the command modules: reading input, the offline switch."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from assistant.config import Settings, get_settings
from assistant.errors import BadInputError
from assistant.market.base import MarketData
from assistant.market.providers import get_market_data
from assistant.models import Article

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLE_ARTICLE = DATA / "articles" / "small_caps_rally.md"

article_argument = click.argument("article", required=False, metavar="[FILE|-]")
date_option = click.option(
    "--date", "date_", metavar="YYYY-MM-DD", help="Publication date (overrides front matter)."
)
offline_option = click.option(
    "--offline",
    is_flag=True,
    default=False,
    help="Use only bundled market data and the offline engine (also FINNEWS_OFFLINE=1).",
)


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


def parse_date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInputError(f"--date {value!r} is not a date; use YYYY-MM-DD") from None
