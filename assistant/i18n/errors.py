"""What the command line says when a command fails, in the reader's language.

The library raises its errors with English messages (`assistant.errors`); the command
layer shows them as `Error: <message>`. Outside English the line is `错误：<message>`
with the message read through `ERRORS` (bad input, missing files, the snapshot's
coverage, the index's damage) and, for data a check or an answer needed, through the
verifier's reasons (`assistant.i18n.reasons`). A message no template reads stays
English."""

from __future__ import annotations

from assistant.i18n import N_, _, current
from assistant.i18n.reasons import reason_text
from assistant.i18n.templates import Templates, plain_value

ERRORS = Templates(
    [
        # the market-data snapshot
        N_(
            "no bars for {ticker} in the bundled snapshot (it holds {held}); run online "
            "(without --offline / FINNEWS_OFFLINE) to fetch it from Yahoo"
        ),
        N_("the snapshot file for {ticker} is empty"),
        N_("no Treasury series {series} in the snapshot"),
        N_("no quoted forward P/E for {ticker} in the snapshot"),
        # options and dates
        N_("{option} {value} is not a date; use YYYY-MM-DD"),
        N_(
            "{option} {value} is not a plausible date; use one from {earliest} to {latest}, "
            "e.g. 2025-12-10"
        ),
        N_("cannot write {output}: {reason}"),
        # articles
        N_("{name}: no such file"),
        N_("{name}: is a directory; give an article file"),
        N_("{name}: {suffix} files are not supported; save the article as .md, .txt or .html"),
        N_("{name}: file is empty"),
        N_("{name}: looks like a binary file (NUL bytes); give a .md, .txt or .html article"),
        N_(
            "{name}: not UTF-8 text (byte {byte} at offset {offset}); convert it, e.g. "
            "`iconv -f latin1 -t utf-8`"
        ),
        N_("{name}: no article text found (empty body)"),
        N_("{name}: front matter must be `key: value` lines"),
        N_("{name}: published {value} is not a date; use e.g. 2025-12-10"),
        N_(
            "{name}: published {value} is not a plausible date; use one from {earliest} to "
            "{latest}, e.g. 2025-12-10"
        ),
        # chat
        N_("ask a question, or /help for the commands"),
        N_("give the text to check: /verify TEXT"),
        N_("{symbol} is not a ticker finnews can price"),
        N_(
            "cannot read the period {text}; use 1m, 3m, 6m, ytd, 1y, 3y, 5y or a phrase "
            "such as 'November 2025' or 'Q1 2026'"
        ),
        # the news index
        N_(
            "The news index is damaged: {path} {what}. It also holds the articles, so "
            "`finnews reindex` cannot rebuild it: move {folder} aside (or delete it) and "
            "ingest your sources again."
        ),
        N_(
            "The news index is damaged: {path} {what}. The articles are intact: run "
            "`finnews reindex` to rebuild the vectors."
        ),
    ],
    free=("reason",),
)
# What is wrong with an index file (`retrieval.health`).
DAMAGE = Templates([N_("is missing"), N_("is empty (0 bytes)"), N_("is damaged ({problem})")])


def _fill(key: str, value: str) -> str:
    if key == "what":
        return DAMAGE.show(value) or value
    return plain_value(key, value)


def error_text(message: str) -> str:
    """An error's message in the active language (a message no template reads as it is)."""
    if current().catalog == "en":
        return message
    return ERRORS.show(message, _fill) or reason_text(message)


def error_line(message: str) -> str:
    """The line the command line prints for a failed command: `Error: <message>`."""
    return _("Error: {message}").format(message=error_text(message))
