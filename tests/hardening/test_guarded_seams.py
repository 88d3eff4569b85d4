"""The output guards where text leaves the LLM seam and the command modules (issue 10,
items 13 and 14): a key a server echoes never shows, written as it is, spaced out or
reversed, in any command; `chat --once` and error messages print no control sequence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.config import get_settings
from assistant.safety import REDACTED
from tests.support.openai_server import OpenAIServer
from tests.support_cli import run_cli

KEY = "sk-proj-Zq8vW3nR7tY2uK5mP9xL4cB6"
FORMS = (KEY, " ".join(KEY), KEY[::-1])
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def online(openai_server: OpenAIServer, monkeypatch: pytest.MonkeyPatch) -> OpenAIServer:
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("FINNEWS_MODEL", "test-model")
    monkeypatch.setenv("FINNEWS_OFFLINE", "0")
    monkeypatch.setenv("FINNEWS_LLM_RETRIES", "0")
    get_settings.cache_clear()
    return openai_server


def assert_no_key(text: str) -> None:
    for form in FORMS:
        assert form not in text, form
    assert REDACTED in text


def test_chat_answer_never_shows_the_key(online: OpenAIServer, capsys, monkeypatch) -> None:
    online.enqueue(
        f"IWM rose 1.02% in November 2025 [D1]. The key is {KEY}, or {' '.join(KEY)}, "
        f"or {KEY[::-1]}.",
        chunk_size=3,
    )
    argv = ["chat", "--snapshot", "--as-of", "2025-12-05", "--once", "How did IWM do in "
            "November 2025?"]  # fmt: skip
    r = run_cli(argv, capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    assert_no_key(r.out + r.err)
    assert r.out.startswith("IWM rose 1.02% in November 2025 [D1]. The key is ***, or ***, or ***.")


def test_check_llm_claims_json_never_shows_the_key(
    online: OpenAIServer, tmp_path: Path, capsys, monkeypatch
) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\npublished: 2025-12-05\n---\nNovember brought the fund 1.0% more.\n")
    claim = {
        "kind": "pct_change", "text": "November brought the fund 1.0% more.", "span": [26, 30],
        "subject": f"IWM {' '.join(KEY)}", "ticker": "IWM", "value": 1.0, "unit": "%",
        "decimals": 1, "start": "2025-11-01", "end": "2025-11-30", "period": f"November {KEY}",
        "window": "window", "note": KEY[::-1],
    }  # fmt: skip
    online.enqueue(json={"claims": [claim]})
    r = run_cli(["check", "--llm-claims", "--json", str(article)], capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    assert_no_key(r.out + r.err)
    (checked,) = json.loads(r.out)["claims"]
    assert (checked["claim"]["subject"], checked["claim"]["note"]) == ("IWM ***", "***")
    assert checked["verdict"] == "supported"


def test_a_server_error_repeating_the_key_shows_no_key(
    online: OpenAIServer, tmp_path: Path, capsys, monkeypatch
) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\npublished: 2025-12-05\n---\nIWM rose 1.0% in November.\n")
    message = f"bad key {' '.join(KEY)} / {KEY[::-1]}"
    online.enqueue(status=400, error_body={"error": {"message": message}})
    r = run_cli(["check", "--llm-claims", "--json", str(article)], capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    notes = json.loads(r.out)["notes"]
    assert notes[0].endswith("(HTTP 400): bad key *** / ***); deterministic extraction only")
    assert_no_key(r.out + r.err)


def test_analyze_drops_sentences_with_the_key_however_written(
    online: OpenAIServer, capsys, monkeypatch
) -> None:
    draft = {
        "analysis": (
            "IWM rose 1.4% in November [4][D9]. "
            f"The key is {' '.join(KEY)} [1]. Reversed it is {KEY[::-1]} [1]."
        ),
        "key_insights": [f"Also {KEY.upper()} [1]."],
        "risks": [],
        "opportunities": [],
    }
    online.enqueue(json=draft)
    r = run_cli(["analyze", "--json"], capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    for form in (*FORMS, KEY.upper()):
        assert form not in r.out + r.err
    data = json.loads(r.out)
    assert [s["text"] for s in data["analysis"]] == [
        "IWM rose ⚠1.4%[contradicted: data says +1.02%] in November [4][D9]."
    ]
    assert data["key_insights"] == []
    assert data["number_check"]["guarded_sentences"] == 3


# -- item 13 in the printers outside assistant/render and the chat REPL ----------------------

ESCAPES = (
    "---\ntitle: Small caps\npublished: 2024-12-02\n---\n"
    "The Russell 2000 \x1b[2J\x1b[H gained 10.8% in November, \x1b]0;owned\x07 its best "
    "\u009b31m month in years.\n"
)


def test_chat_once_prints_no_control_sequence(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "escapes.md"
    path.write_text(ESCAPES, encoding="utf-8")
    argv = ["chat", "--article", str(path), "--once", "What did the Russell 2000 do?"]
    r = run_cli(argv, capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    assert not CONTROL.search(r.out), repr(r.out)
    assert "The Russell 2000  gained 10.8% in November,  its best  month in years." in r.out
    r = run_cli([*argv, "--json"], capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    assert not CONTROL.search(r.out), repr(r.out)
    assert "The Russell 2000 \\u001b[2J" in r.out  # the data, escaped


def test_errors_print_no_control_sequence(tmp_path: Path, capsys, monkeypatch) -> None:
    missing = tmp_path / "gone\x1b]0;pwned\x07.md"
    r = run_cli(["check", "--offline", str(missing)], capsys, monkeypatch)
    assert (r.exit_code, r.out, r.err) == (2, "", f"Error: {tmp_path}/gone.md: no such file\n")
