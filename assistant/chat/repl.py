"""The chat REPL on prompt_toolkit: history file, multi-line input, completion, Ctrl-C.

`Repl.handle(line)` does the work for one input line (a question or a slash command)
and is what tests drive directly; `Repl.run()` adds the terminal around it. When
stdin is not a terminal, lines are read plainly (a trailing backslash continues).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from assistant.chat import render
from assistant.chat.commands import COMMANDS, help_text, matching_commands, parse_command
from assistant.chat.models import Answer
from assistant.chat.session import Session
from assistant.errors import FinnewsError
from assistant.i18n import N_, _
from assistant.i18n.errors import error_line
from assistant.i18n.formats import fmt_date, fmt_day
from assistant.i18n.markers import marked_text
from assistant.i18n.notes import source_name
from assistant.market.symbols import KNOWN_TICKERS, SYMBOLS
from assistant.safety import printable

if TYPE_CHECKING:
    from prompt_toolkit.completion import Completion
    from prompt_toolkit.document import Document

HISTORY_FILE = "chat_history"
CANCELLED = N_("[answer cancelled]")


def ticker_words() -> list[str]:
    """Tickers offered by completion: known symbols and the snapshot's files."""
    from assistant.market.snapshot import SnapshotMarketData

    names = set(KNOWN_TICKERS) | {t for t in SYMBOLS if t.startswith("^")}
    names |= set(SnapshotMarketData().tickers())
    return sorted(names)


def completions_for(text: str, tickers: Iterable[str]) -> list[tuple[str, int]]:
    """(completion, start offset from the cursor) for the text before the cursor."""
    if text.startswith("/") and not any(ch.isspace() for ch in text):
        return [(name, -len(text)) for name in matching_commands(text)]
    word = text.split()[-1] if text and not text[-1].isspace() else ""
    bare = word.lstrip("$").upper()
    if not bare or not all(ch.isalpha() or ch == "^" for ch in bare):
        return []
    return [(t, -len(word)) for t in tickers if t.startswith(bare) and t != bare]


class Repl:
    """A chat session behind a prompt."""

    def __init__(self, session: Session, out: TextIO | None = None) -> None:
        self.session = session
        self.out = out or sys.stdout

    # -- output ---------------------------------------------------------------------
    def write(self, text: str) -> None:
        """Everything the REPL shows goes through here: as text, never as control codes."""
        self.out.write(printable(text))
        self.out.flush()

    def say(self, text: str) -> None:
        self.write(text.rstrip("\n") + "\n")

    def banner(self) -> str:
        s = self.session
        engine = (
            _("offline engine (no language model: computed data and quoted passages)")
            if s.engine == "offline"
            else _("LLM {model}").format(model=s.engine)
        )
        lines = [
            _("finnews chat · {engine} · market data: {market} · as of {day}").format(
                engine=engine, market=source_name(s.market.name), day=fmt_date(s.as_of)
            )
        ]
        if s.article is not None:
            lines.append(
                _("Scoped to article {id}: {title}").format(
                    id=s.article.id, title=s.article.title or _("(untitled)")
                )
            )
        lines.append(_("Type /help for commands; Ctrl-D or /exit leaves."))
        return "\n".join(lines)

    def prompt_text(self) -> str:
        scope = f" [{self.session.article.id[:8]}]" if self.session.article else ""
        return f"finnews{scope}> "

    # -- one line ---------------------------------------------------------------------
    def handle(self, line: str) -> bool:
        """Answer a question or run a command; False when the user wants to leave."""
        if not line.strip():
            return True
        command = parse_command(line)
        try:
            if command is None:
                self._ask(line)
                return True
            return self._command(command.name, command.arg)
        except KeyboardInterrupt:
            self.write(f"\n{_(CANCELLED)}\n")
            return True
        except FinnewsError as exc:
            self.say(error_line(str(exc)))
            return True

    def _ask(self, question: str) -> None:
        started = False

        def stream(piece: str) -> None:
            nonlocal started
            started = True
            self.write(marked_text(piece))

        answer = self.session.ask(question, on_text=stream)
        if started:
            self.write("\n")
        self._footer(answer)

    def _footer(self, answer: Answer) -> None:
        foot = render.footer(answer)
        if foot:
            self.say(foot)

    def _command(self, name: str, arg: str) -> bool:
        s = self.session
        if name in ("/exit", "/quit"):
            return False
        if name == "/help":
            self.say(help_text())
        elif name == "/sources":
            self.say(render.sources(s.last))
        elif name == "/clear":
            s.clear()
            self.say(_("Conversation cleared."))
        elif name == "/verify":
            answer = s.verify(arg)
            self.say(answer.text)
            self._footer(answer)
        elif name == "/ticker":
            parts = arg.split(maxsplit=1)
            if not parts:
                self.say(_("Usage: /ticker SYMBOL [PERIOD]"))
                return True
            answer = s.ticker(parts[0], parts[1] if len(parts) > 1 else None)
            self.say(answer.text)
            self._footer(answer)
        elif name == "/article":
            article = s.scope(arg or None)
            if article is None:
                self.say(_("Article scope cleared: questions go to all indexed news."))
            else:
                day = article.published_date
                self.say(
                    _(
                        "Scoped to article {id}: {title} ({source}, {day}). /article alone "
                        "clears it."
                    ).format(
                        id=article.id,
                        title=article.title or _("(untitled)"),
                        source=article.source or _("source unknown"),
                        day=fmt_day(day) if day else _("undated"),
                    )
                )
        else:
            known = _(", ").join(COMMANDS)
            self.say(
                _("Unknown command {name}; the commands are {known}.").format(
                    name=name, known=known
                )
            )
        return True

    # -- loops --------------------------------------------------------------------------
    def run(self, stdin: TextIO | None = None) -> int:
        stdin = stdin or sys.stdin
        self.say(self.banner())
        if stdin.isatty() and self.out.isatty():
            self._run_terminal()
        else:
            for line in _logical_lines(stdin):
                if not self.handle(line):
                    break
        return 0

    def _run_terminal(self) -> None:
        prompt = _prompt_session(self.session.settings.data_dir / HISTORY_FILE)
        while True:
            try:
                line = prompt.prompt(self.prompt_text)
            except KeyboardInterrupt:
                continue  # Ctrl-C at the prompt drops the line, not the session
            except EOFError:
                break
            if not self.handle(line):
                break
        self.say(_("Bye."))


def _logical_lines(stream: TextIO) -> Iterator[str]:
    pending = ""
    for raw in stream:
        line = raw.rstrip("\n")
        if line.endswith("\\"):
            pending += line[:-1] + "\n"
            continue
        yield pending + line
        pending = ""
    if pending:
        yield pending


def _prompt_session(history: Path) -> Any:
    from prompt_toolkit import PromptSession
    from prompt_toolkit.completion import Completer
    from prompt_toolkit.history import FileHistory
    from prompt_toolkit.key_binding import KeyBindings

    tickers = ticker_words()

    class ChatCompleter(Completer):
        def get_completions(
            self, document: Document, complete_event: object
        ) -> Iterator[Completion]:
            from prompt_toolkit.completion import Completion

            for text, start in completions_for(document.text_before_cursor, tickers):
                yield Completion(text, start_position=start)

    keys = KeyBindings()

    @keys.add("enter", eager=True)
    def _enter(event: Any) -> None:
        buffer = event.current_buffer
        buffer.complete_state = None  # Enter takes the completion shown and sends the line
        if buffer.document.text_before_cursor.endswith("\\"):
            buffer.delete_before_cursor(1)
            buffer.insert_text("\n")
        else:
            buffer.validate_and_handle()

    @keys.add("escape", "enter")
    def _newline(event: Any) -> None:
        event.current_buffer.insert_text("\n")

    history.parent.mkdir(parents=True, exist_ok=True)
    continuation: Callable[[int, int, int], str] = lambda width, n, wrap: "... ".rjust(width)  # noqa: E731
    return PromptSession(
        history=FileHistory(str(history)),
        multiline=True,
        key_bindings=keys,
        completer=ChatCompleter(),
        complete_while_typing=False,
        prompt_continuation=continuation,
    )
