"""Item 7: reading commands work on a read-only FINNEWS_HOME; writers say what is not
writable.

The home is made really read-only: for root (who may write anyway) a read-only bind mount
in a private mount namespace (`unshare`), for anyone else its write bits are taken away.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.models import Article
from retrieval.chroma_index import ChromaIndex
from retrieval.ingest import _reindex, ingest_articles
from tests.conftest import ROOT
from tests.hardening.conftest import (
    READ_ONLY_REASON,
    finnews,
    finnews_argv,
    finnews_env,
    run_read_only,
)
from tests.retrieval.conftest import HashEmbedder

SAMPLE = str(ROOT / "assistant" / "data" / "articles" / "small_caps_rally.md")
FED = str(ROOT / "fixtures" / "articles" / "fed_cut_2025-12-10.md")
REASON = READ_ONLY_REASON


def _run_read_only(home: Path, args: Sequence[str], env: dict[str, str]) -> tuple[int, str, str]:
    run = run_read_only(home, finnews_argv(*args), env)
    return run.returncode, run.stdout, run.stderr


def _tree(home: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(home)): (p.stat().st_size, p.stat().st_mtime_ns) for p in home.rglob("*")
    }


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """An index of two articles; the environment that points at it."""
    temp = tmp_path / "temp"
    temp.mkdir()
    env = finnews_env(TMPDIR=str(temp))
    assert finnews("ingest", SAMPLE, FED, env=env).returncode == 0
    return Settings().data_dir, env


def test_search_and_stats_work_on_a_read_only_home(built: tuple[Path, dict[str, str]]) -> None:
    home, env = built
    search = ("search", "rate cut", "-k", "2", "--ticker", "IWM", "--json")
    expected = {
        args: finnews(*args, env=env).stdout
        for args in (("index", "stats", "--json"), search, ("check", SAMPLE, "--offline"))
    }
    before = _tree(home)
    stats = _run_read_only(home, ("index", "stats", "--json"), env)
    assert stats == (0, expected[("index", "stats", "--json")], "")
    assert json.loads(stats[1])["articles"] == 2
    found = _run_read_only(home, search, env)
    assert found == (0, expected[search], "")
    assert len(json.loads(found[1])) == 2
    checked = _run_read_only(home, ("check", SAMPLE, "--offline"), env)
    assert checked == (1, expected[("check", SAMPLE, "--offline")], "")
    assert _tree(home) == before  # nothing written to the home
    assert not list(Path(env["TMPDIR"]).glob("finnews-index-*"))  # the copies are gone


@pytest.mark.parametrize(
    "command", [("ingest", SAMPLE), ("reindex",), ("summarize", "--offline", "--jobs", "1")]
)
def test_writers_say_what_is_not_writable(
    command: tuple[str, ...], built: tuple[Path, dict[str, str]]
) -> None:
    home, env = built
    assert _run_read_only(home, command, env) == (
        2,
        "",
        f"Error: {home} is not writable ({REASON}): `finnews {command[0]}` writes there; "
        "make it writable or set FINNEWS_HOME to a directory you can write (reading commands "
        "such as `search` and `index stats` work on a read-only one)\n",
    )


def test_an_index_read_from_a_copy_refuses_writes_and_leaves_nothing_pending(
    tmp_path: Path,
) -> None:
    import chromadb

    index = ChromaIndex(
        chromadb.EphemeralClient(), "/srv/news/chroma", read_only="Read-only file system"
    )
    refused = (
        "/srv/news/chroma is not writable (Read-only file system): `finnews {}` writes there; "
        "make it writable or set FINNEWS_HOME to a directory you can write (reading commands "
        "such as `search` and `index stats` work on a read-only one)"
    )
    pending = tmp_path / "reindex-pending.jsonl"
    with pytest.raises(ConfigError) as exc:
        _reindex(index, pending=pending, progress=None, embedder=HashEmbedder())
    assert str(exc.value) == refused.format("reindex")
    assert not pending.exists()  # no reindex to finish later
    article = Article(id="a1", text="IWM rose 1%.")
    with pytest.raises(ConfigError) as exc:
        ingest_articles([article], settings=Settings(), index=index, embedder=HashEmbedder())
    assert str(exc.value) == refused.format("ingest")
