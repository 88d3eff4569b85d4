""" "Ask about this news": a chat answer streamed to the browser as server-sent events.

The chat session answers in a worker thread (it blocks on the LLM); each piece of text
it is ready to show (already through the chat's number check) becomes a `text` event,
and the finished `Answer` an `answer` event. A failure is an `error` event with a
one-line message, never a traceback.

    event: session   data: "<conversation id>"
    event: text      data: "<a piece of the answer, JSON string>"
    event: answer    data: {Answer JSON}
    event: error     data: "<message>"
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

from pydantic import Field

from assistant.chat.models import Answer
from assistant.errors import FinnewsError
from assistant.models import Strict
from assistant.safety import printable
from assistant.serve.state import ChatSlot, Warm

log = logging.getLogger("finnews.serve")

MAX_QUESTION = 2000  # characters


class AskRequest(Strict):
    """A question for the chat: about one indexed article, or about all the news."""

    question: str = Field(min_length=1, max_length=MAX_QUESTION)
    article_id: str | None = Field(
        default=None, description="Scope the answer to this indexed article."
    )
    session: str | None = Field(
        default=None, description="The conversation to continue (from an earlier answer)."
    )


def slot_for(warm: Warm, request: AskRequest) -> tuple[str, ChatSlot]:
    """The conversation to answer in: the one named (when it has the same scope), else a
    new one."""
    if request.session:
        slot = warm.sessions.get(request.session)
        scope = slot.session.article.id if slot and slot.session.article else None
        if slot is not None and scope == request.article_id:
            return request.session, slot
    article = warm.article(request.article_id) if request.article_id else None
    return warm.new_session(article)


def answer(
    warm: Warm, request: AskRequest, on_text: Callable[[str], None] | None = None
) -> tuple[str, Answer]:
    """The conversation's id and its answer to the question."""
    ident, slot = slot_for(warm, request)
    with slot.lock:
        return ident, slot.session.ask(request.question, on_text=on_text)


def sse(event: str, data: Any) -> str:
    text = data if isinstance(data, str) and event == "answer" else json.dumps(data)
    return f"event: {event}\ndata: {text}\n\n"


async def stream(warm: Warm, request: AskRequest) -> AsyncIterator[str]:
    """The answer as server-sent events (see the module docstring)."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()

    def put(kind: str, value: Any) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, (kind, value))

    def work() -> None:
        try:
            ident, slot = slot_for(warm, request)
            put("session", ident)
            with slot.lock:
                done = slot.session.ask(request.question, on_text=lambda p: put("text", p))
            put("answer", done.model_dump_json())
        except FinnewsError as exc:
            put("error", printable(str(exc)))
        except Exception as exc:  # noqa: BLE001 - the page gets a line, the log the rest
            log.exception("ask failed")
            put("error", f"unexpected {type(exc).__name__}: the answer could not be made")

    threading.Thread(target=work, name="finnews-ask", daemon=True).start()
    while True:
        kind, value = await queue.get()
        yield sse(kind, value)
        if kind in ("answer", "error"):
            return
