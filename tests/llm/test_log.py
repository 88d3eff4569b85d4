"""The audit trail: every LLM call in `<data dir>/logs.db`, shown by `finnews logs`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.config import Settings, data_location
from assistant.llm import Message
from assistant.llm.log import CallLog, LoggedCall, log_path, record_number_check
from assistant.llm.openai_chat import LangChainChatModel
from assistant.llm.tool_calling import Turn
from prompts import load_prompt
from tests.support.openai_server import OpenAIServer
from tests.support_cli import run_cli

MakeModel = Callable[..., LangChainChatModel]
KEY = "sk-test-0123456789abcdefSECRET"


def logged(settings: Settings | None = None) -> list[LoggedCall]:
    return CallLog(log_path(data_location(settings or Settings()))).recent(50)


def test_a_call_is_logged_with_its_prompt_tokens_and_check(
    openai_server: OpenAIServer, make_model: MakeModel
) -> None:
    prompt = load_prompt("summarize_article")
    messages = prompt.messages(
        title="T", source="S", published="2025-11-26", article="IWM rose 4%.",
        max_sentences=2, language="English",
    )  # fmt: skip
    openai_server.enqueue("IWM rose 4%.")
    assert make_model().complete(messages) == "IWM rose 4%."
    record_number_check({"policy": "flag", "untraced": 0})
    [call] = logged()
    assert (call.id, call.model, call.kind, call.endpoint) == (
        1, "test-model", "complete", openai_server.base_url,
    )  # fmt: skip
    assert (call.prompt, call.prompt_version) == ("summarize_article", prompt.version)
    assert call.messages == [{"role": m.role, "content": m.content} for m in messages]
    assert (call.response, call.error) == ("IWM rose 4%.", None)
    assert (call.input_tokens, call.output_tokens) == (1, 1)
    assert call.number_check == {"policy": "flag", "untraced": 0}
    assert call.latency_ms >= 0


def test_secrets_never_reach_the_log(openai_server: OpenAIServer, make_model: MakeModel) -> None:
    openai_server.enqueue(f"the key is {KEY}")
    model = make_model(OPENAI_API_KEY=KEY)
    assert model.complete([Message.user(f"repeat {KEY}")]) == "the key is ***"
    [call] = logged()
    assert call.messages == [{"role": "user", "content": "repeat ***"}]
    assert call.response == "the key is ***"
    assert KEY not in log_path(data_location(Settings())).read_bytes().decode("latin-1")


def test_streams_tool_calls_and_failures_are_logged(
    openai_server: OpenAIServer, make_model: MakeModel
) -> None:
    model = make_model(FINNEWS_LLM_RETRIES=0)
    openai_server.enqueue("Small caps rallied.", chunk_size=5)
    assert "".join(model.stream([Message.user("Why?")])) == "Small caps rallied."
    openai_server.enqueue("Let me look.", tool_calls=[{"name": "f", "arguments": {"q": "IWM"}}])
    list(model.stream_tools([Turn("user", "IWM?")], []))
    openai_server.enqueue(status=400)
    with pytest.raises(Exception, match="refused the request"):
        model.complete([Message.user("bad")])
    failed, tools, stream = logged()
    assert (stream.kind, stream.response, stream.prompt) == ("stream", "Small caps rallied.", None)
    assert (tools.kind, tools.response) == ("tools", 'Let me look.\n[tool call f {"q": "IWM"}]')
    assert tools.messages == [{"role": "user", "content": "IWM?"}]
    assert failed.kind == "complete" and failed.response == ""
    assert failed.error is not None and "refused the request (HTTP 400)" in failed.error


def test_an_unwritable_log_does_not_break_the_call_and_is_said_once(
    openai_server: OpenAIServer, make_model: MakeModel, capsys: pytest.CaptureFixture[str]
) -> None:
    """Root may write anywhere, so the log file is made unusable: a directory in its place."""
    path = log_path(data_location(Settings()))
    path.mkdir(parents=True)
    model = make_model()
    for answer in ("one", "two"):
        openai_server.enqueue(answer)
        assert model.complete([Message.user("?")]) == answer
    err = capsys.readouterr().err
    assert err == (
        f"finnews: LLM calls are not logged: cannot write {path} (unable to open database file)\n"
    )


def _fill(home: Path) -> None:
    log = CallLog(log_path(home))
    base = LoggedCall(
        at="2025-11-26T12:00:00+00:00", model="test-model", endpoint="http://127.0.0.1:9/v1",
        kind="complete", messages=[{"role": "system", "content": "Be terse."},
                                   {"role": "user", "content": "Why?\nSay it."}],
        response="Because.", latency_ms=42, prompt="chat_answer", prompt_version=2,
        input_tokens=10, output_tokens=3,
    )  # fmt: skip
    log.add(base)
    log.add(LoggedCall(**{**base.as_dict(), "response": "Second.", "input_tokens": None}))
    log.attach_check(2, {"flagged": []})


def test_finnews_logs_shows_the_latest_calls(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = run_cli(["logs"], capsys, monkeypatch)
    path = log_path(data_location(Settings()))
    assert (empty.exit_code, empty.out) == (0, f"No LLM calls logged yet ({path}).\n")
    _fill(data_location(Settings()))
    result = run_cli(["logs", "-n", "1"], capsys, monkeypatch)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == (
        "#2  2025-11-26T12:00:00+00:00  test-model (complete, chat_answer v2)\n"
        "  42 ms, tokens not reported\n"
        '  number check: {"flagged": []}\n'
        "  [system] Be terse.\n"
        "  [user] Why?\n"
        "    Say it.\n"
        "  [response] Second.\n"
    )
    as_json = run_cli(["logs", "--json"], capsys, monkeypatch)
    calls = json.loads(as_json.out)
    assert [(c["id"], c["response"], c["number_check"]) for c in calls] == [
        (2, "Second.", {"flagged": []}),
        (1, "Because.", None),
    ]
    assert set(calls[0]) == {
        "id", "at", "model", "endpoint", "kind", "prompt", "prompt_version", "messages",
        "response", "error", "number_check", "input_tokens", "output_tokens", "latency_ms",
    }  # fmt: skip


def test_a_summary_call_carries_its_number_check(
    openai_server: OpenAIServer, make_model: MakeModel
) -> None:
    from assistant.market.snapshot import SnapshotMarketData
    from assistant.summarize import summarize_articles
    from tests.analyze.test_summarize import make_articles

    openai_server.enqueue("IWM rose 1.0% in November and 9.9% in a week.")
    report = summarize_articles(
        make_articles(1), settings=Settings(), market=SnapshotMarketData(), model=make_model(),
        jobs=1,
    )  # fmt: skip
    assert report.records[0].unchecked_numbers == 1
    [call] = logged()
    assert (call.prompt, call.number_check) == (
        "summarize_article", {"policy": "flag", "untraced": 1},
    )  # fmt: skip
