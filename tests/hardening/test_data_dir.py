"""Item 3: with FINNEWS_HOME unset the data goes to the platform's user data directory,
not into $HOME itself, and `finnews --help` says where it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from platformdirs import user_data_path

from assistant.config import Settings, get_settings
from tests.conftest import ROOT
from tests.hardening.conftest import finnews, finnews_env
from tests.support_cli import run_cli

SAMPLE = str(ROOT / "assistant" / "data" / "articles" / "small_caps_rally.md")


@pytest.fixture
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh $HOME, FINNEWS_HOME unset, the platform's defaults in force."""
    home = tmp_path / "user"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("FINNEWS_HOME", "XDG_DATA_HOME", "USERPROFILE", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    return home


def test_the_default_data_dir_is_the_user_data_dir_not_home(user_home: Path) -> None:
    expected = user_data_path("finnews", appauthor=False)
    assert expected.is_relative_to(user_home) and expected != user_home
    assert Settings().data_dir == expected
    assert expected.is_dir()


def test_an_empty_finnews_home_counts_as_unset(
    user_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FINNEWS_HOME", "")
    assert Settings().data_dir == user_data_path("finnews", appauthor=False)


def test_finnews_home_still_wins_and_its_tilde_is_expanded(
    user_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FINNEWS_HOME", "~/news-data")
    assert Settings().data_dir == user_home / "news-data"


def test_settings_are_read_from_their_own_names_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FINNEWS_OFFLINE")
    monkeypatch.setenv("OFFLINE", "1")  # a field's bare name is no setting
    monkeypatch.setenv("EMBEDDER", "openai")
    settings = Settings()
    assert (settings.offline, settings.embedder) == (False, "minilm")


def test_an_ingest_with_no_finnews_home_leaves_home_itself_alone(user_home: Path) -> None:
    run = finnews("ingest", SAMPLE, env=finnews_env(HOME=str(user_home), FINNEWS_HOME=None))
    assert (run.returncode, run.stderr) == (0, "")
    data = user_data_path("finnews", appauthor=False)
    written = sorted(p.name for p in data.iterdir())
    assert written == ["chroma", "finnews.lock", "finnews.lock.owner"]
    in_home = {p.name for p in user_home.iterdir()}  # onnxruntime keeps its own ~/.cache
    assert ".local" in in_home and not in_home & {"chroma", "finnews.lock", "market.sqlite"}


def _help_tail(data: object) -> list[str]:
    return [
        "Data (market-data cache, news index, summaries, chat history) lives in",
        f"  {data}",
        "Set FINNEWS_HOME to keep it elsewhere.",
    ]


def test_help_says_where_the_data_lives(
    user_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_cli(["--help"], capsys, monkeypatch)
    assert result.exit_code == 0
    data = user_data_path("finnews", appauthor=False)
    assert result.out.splitlines()[-3:] == _help_tail(data)
    assert not data.exists()  # asking for help creates nothing


def test_help_names_finnews_home_when_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_cli(["--help"], capsys, monkeypatch)
    assert result.out.splitlines()[-3:] == _help_tail(tmp_path / "finnews-home")
