"""Slash commands of the chat REPL: parsing and help text (in the active language). Pure."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.i18n import N_, _

COMMANDS: dict[str, str] = {
    "/help": N_("show this help"),
    "/sources": N_("the passages and data receipts behind the last answer"),
    "/verify": N_("/verify TEXT: check the numeric claims in pasted text"),
    "/ticker": N_(
        "/ticker SYMBOL [PERIOD]: last close and returns (PERIOD: 1m 3m 6m ytd 1y 3y 5y "
        "or 'November 2025')"
    ),
    "/article": N_(
        "/article ID: scope the chat to one article (ID, id prefix or [n] of the last "
        "answer); /article alone clears the scope"
    ),
    "/clear": N_("forget the conversation so far"),
    "/exit": N_("leave (or Ctrl-D)"),
}


@dataclass(frozen=True)
class Command:
    name: str
    arg: str


def parse_command(line: str) -> Command | None:
    """'/ticker IJR 1y' -> Command('/ticker', 'IJR 1y'); None for a question."""
    text = line.strip()
    if not text.startswith("/"):
        return None
    head, _, rest = text.partition(" ")
    if "\n" in head:
        head, _, more = head.partition("\n")
        rest = f"{more}\n{rest}".strip()
    return Command(head.lower(), rest.strip())


def help_text() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = [
        _(
            "Ask about the indexed news or market data, e.g. 'How did IJR do in November "
            "2025?', 'And QQQ?', 'What was SPY's biggest one-day drop in 2025?'"
        )
    ]
    lines += [f"  {name.ljust(width)}  {_(text)}" for name, text in COMMANDS.items()]
    lines.append(_("Enter sends; end a line with \\ or press Esc then Enter for a new line."))
    lines.append(_("Ctrl-C cancels the answer in progress; Ctrl-D or /exit leaves."))
    return "\n".join(lines)


def matching_commands(prefix: str) -> list[str]:
    return [name for name in COMMANDS if name.startswith(prefix.lower())]
