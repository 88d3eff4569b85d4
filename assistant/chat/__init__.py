"""finnews chat: grounded answers over the indexed news and computed market data.

    from assistant.chat import Session
    session = Session.open(settings, offline=True)
    answer = session.ask("How did IJR do in November 2025?")
    answer.text, answer.receipts, answer.citations, answer.flagged

The REPL lives in `assistant.chat.repl` (prompt_toolkit is imported only there).
"""

from __future__ import annotations

from assistant.chat.models import Answer, AnswerReceipt, Citation, FlaggedNumber
from assistant.chat.questions import DataQuery, Period, parse_question
from assistant.chat.session import Session

__all__ = [
    "Answer",
    "Citation",
    "DataQuery",
    "AnswerReceipt",
    "FlaggedNumber",
    "Period",
    "Session",
    "parse_question",
]
