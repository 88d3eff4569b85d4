"""Issue 9.4: a quoted passage whose number the claim check disputes is marked, offline and
in an LLM's answer, with the check's receipt."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from assistant.chat.passages import Passage
from assistant.chat.session import Session
from assistant.config import get_settings
from assistant.errors import BadInputError
from assistant.llm.tool_calling import ToolCall, ToolSpec, Turn
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from tests.chat.conftest import DATA
from tests.chat.expected import period_return
from tests.support.openai_server import OpenAIServer
from tests.support_cli import run_cli

ARTICLE = DATA / "small_caps_misreported.md"
WRONG = "IJR, the iShares small-cap fund, rose 7.6% over the month, while QQQ slipped 1.6%."
PUBLISHED = datetime(2025, 12, 1, 9, tzinfo=timezone(timedelta(hours=-5)))


class OnePassage:
    def __init__(self, passage: Passage) -> None:
        self.passage = passage

    def search(self, query: str, k: int, *, ticker: str | None = None) -> list[Passage]:
        return [self.passage]

    def find_article(self, ident: str) -> Article:
        raise BadInputError(f"no article {ident}")

    def add_article(self, article: Article) -> None:
        pass


def _passage(published: datetime | None) -> Passage:
    return Passage("a1", "Small caps soar", published, "Test Desk", "", WRONG, 0, len(WRONG))


def test_offline_quote_marks_a_contradicted_number() -> None:
    pct, *_ = period_return("IJR", date(2025, 11, 1), date(2025, 11, 30))
    assert f"{pct:+.2f}" == "+2.61"  # the month IJR really had
    session = Session(settings=get_settings(), market=SnapshotMarketData(),
                      news=OnePassage(_passage(PUBLISHED)), as_of=date(2026, 1, 5))  # fmt: skip
    answer = session.ask("What did the news say about the small-cap fund?")
    assert answer.kind == "news"
    assert answer.text == (
        "From the indexed news (offline mode: quoted sentences, no language model):\n"
        '- "IJR, the iShares small-cap fund, rose ⚠7.6%[contradicted] over the month, while '
        'QQQ slipped 1.6%." [1]\n'
        "⚠ The claim check calls 7.6% in passage [1] contradicted: IJR over the month was "
        "+2.61% [D1]."
    )
    (receipt,) = answer.receipts
    assert (receipt.id, receipt.passage, receipt.value, receipt.label) == (
        "D1", 1, round(pct, 4), "passage [1]: 7.6% contradicted",
    )  # fmt: skip
    assert receipt.evidence.dates == [date(2025, 10, 31), date(2025, 11, 28)]
    assert [c.checks for c in answer.citations] == [["D1"]]
    assert answer.flagged == []


def test_an_undated_passage_is_not_checked() -> None:
    session = Session(settings=get_settings(), market=SnapshotMarketData(),
                      news=OnePassage(_passage(None)), as_of=date(2026, 1, 5))  # fmt: skip
    answer = session.ask("What did the news say about the small-cap fund?")
    assert answer.text.endswith(f'- "{WRONG}" [1]')
    assert answer.receipts == []


def test_llm_answer_repeating_a_contradicted_number_is_marked(
    home: Path, llm_env: OpenAIServer, capsys, monkeypatch
) -> None:
    llm_env.enqueue("The article says IJR rose 7.6% over the month [1]. The data says 2.61% [D1].")
    args = ["chat", "--article", str(ARTICLE), "--snapshot", "--json", "--once",
            "What does the article say about IJR?"]  # fmt: skip
    r = run_cli(args, capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    data = json.loads(r.out)
    assert data["text"] == (
        "The article says IJR rose ⚠7.6%[contradicted] over the month [1]. "
        "The data says 2.61% [D1]."
    )
    assert data["flagged"] == []
    assert [(c["n"], c["checks"]) for c in data["citations"]] == [(1, ["D1"])]
    prompt = llm_env.completion_requests[0].messages[1]["content"]
    assert (
        "<data>\n[D1] The claim check calls 7.6% in passage [1] contradicted: IJR over the month "
        "was +2.61%. (formula: (120.87 / 117.8 - 1) * 100; source: snapshot)\n</data>"
    ) in prompt


def test_offline_article_answer_marks_it_too(home: Path, capsys, monkeypatch) -> None:
    args = ["chat", "--article", str(ARTICLE), "--once", "What does the article say about IJR?"]
    r = run_cli(args, capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    assert r.out == (
        "From this article (offline mode: quoted sentences, no language model):\n"
        '- "Small-cap stocks rallied in November as investors bet on lower borrowing costs." '
        "[1]\n"
        '- "IJR, the iShares small-cap fund, rose ⚠7.6%[contradicted] over the month, while '
        'QQQ slipped 1.6%." [1]\n'
        "⚠ The claim check calls 7.6% in passage [1] contradicted: IJR over the month was "
        "+2.61% [D1].\n"
        "  [1] Small caps soar in November · Test Desk · 2025-12-01\n"
        "  [D1] passage [1]: 7.6% contradicted · snapshot\n"
    )


class Scripted:
    """A tool-calling model that searches the news, then answers; it keeps what it was sent."""

    name = "scripted"

    def __init__(self) -> None:
        self.sent: list[list[Turn]] = []

    def stream(self, turns: Sequence[Turn], tools: Sequence[ToolSpec]) -> Iterator[str | ToolCall]:
        self.sent.append(list(turns))
        if len(self.sent) == 1:
            yield ToolCall("c1", "search_news", {"query": "small-cap fund"})
        else:
            yield "IJR rose 7.6% over the month [1]."


class SearchOnly(OnePassage):
    def search(self, query: str, k: int, *, ticker: str | None = None) -> list[Passage]:
        return [self.passage] if query == "small-cap fund" else []


def test_passages_a_tool_finds_are_checked_too() -> None:
    model = Scripted()
    session = Session(settings=get_settings(), market=SnapshotMarketData(),
                      news=SearchOnly(_passage(PUBLISHED)), streamer=model,
                      as_of=date(2026, 1, 5))  # fmt: skip
    answer = session.ask("Tell me about the market.")
    assert answer.text == "IJR rose ⚠7.6%[contradicted] over the month [1]."
    tool_turn = model.sent[1][-1]
    assert (tool_turn.role, tool_turn.content.split("\n\n")[-1]) == (
        "tool",
        "Checked against market data:\n[D1] The claim check calls 7.6% in passage [1] "
        "contradicted: IJR over the month was +2.61%. (formula: (120.87 / 117.8 - 1) * 100; "
        "source: snapshot)",
    )
    assert [c.checks for c in answer.citations] == [["D1"]]
