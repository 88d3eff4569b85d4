"""Item 1: writers take turns on FINNEWS_HOME; readers never wait for them.

The test holds the write lock itself while the children start, so both children are
known to be waiting at once (no sleeps, no luck): each says so on stderr before it waits.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys

import pytest

from assistant.config import Settings
from assistant.errors import HomeBusyError
from assistant.lock import writing
from retrieval.index import open_index
from tests.conftest import ROOT, SHARED_DATA
from tests.hardening.conftest import finnews, finnews_env, popen

NYT = str(SHARED_DATA / "feeds" / "nyt_business_2026-03-09.xml")
AAPL = str(SHARED_DATA / "feeds" / "seekingalpha_AAPL_2026-03-08.xml")
SEEKING_ALPHA = "AAPL - News and Analysis from Seeking Alpha"
SAMPLE = str(ROOT / "assistant" / "data" / "articles" / "small_caps_rally.md")


def _waiting(home: object, limit: str = "600") -> str:
    return (
        f"finnews: waiting for another finnews command (pid {os.getpid()}, test) to finish "
        f"writing to {home}; giving up after {limit} s (FINNEWS_LOCK_TIMEOUT)\n"
    )


def _summary(out: str) -> str:
    """An ingest's summary line without its (varying) time."""
    assert re.fullmatch(r".* in \d+\.\ds\)\n", out), out
    return re.sub(r" in \d+\.\ds\)\n$", ")", out)


def test_two_ingests_at_once_take_turns_and_leave_a_sound_index() -> None:
    settings = Settings()
    with writing(settings, "test") as home:
        first, second = popen("ingest", NYT), popen("ingest", AAPL)
        for child in (first, second):
            assert child.stderr is not None
            assert child.stderr.readline() == _waiting(home)
    results = [child.communicate(timeout=300) for child in (first, second)]
    assert [child.returncode for child in (first, second)] == [0, 0]
    assert [err for _, err in results] == ["", ""]
    assert [_summary(out) for out, _ in results] == [
        "50 items: 50 new, 0 updated, 0 unchanged, 0 failed (50 passages embedded)",
        "20 items: 20 new, 0 updated, 0 unchanged, 0 failed (20 passages embedded)",
    ]

    with open_index(settings) as index:
        articles = list(index.articles())
        assert len(articles) == 70
        assert index.count() == sum(a.n_chunks for a in articles) == 70
    stats = json.loads(finnews("index", "stats", "--json").stdout)
    assert (stats["articles"], stats["chunks"], stats["sources"]) == (
        70,
        70,
        {"NYT > Business": 50, SEEKING_ALPHA: 20},
    )
    # filtered searches (the broken index failed them with "Error finding id")
    for filters, source in (
        (["--ticker", "AAPL", "--source", "seeking"], SEEKING_ALPHA),
        (["--source", "nyt"], "NYT > Business"),
        (["--source", "seeking", "--since", "2026-03-01"], SEEKING_ALPHA),
    ):
        run = finnews("search", "Apple iPhone sales", "-k", "3", "--json", *filters)
        assert (run.returncode, run.stderr) == (0, ""), filters
        hits = json.loads(run.stdout)
        assert len(hits) == 3, filters
        assert {h["source"] for h in hits} == {source}, filters


@pytest.mark.parametrize("command", [["ingest", SAMPLE], ["reindex"]])
def test_a_writer_gives_up_after_the_wait_limit_with_a_clear_error(command: list[str]) -> None:
    env = finnews_env(FINNEWS_LOCK_TIMEOUT="0.2")
    with writing(Settings(), "test") as home:
        run = finnews(*command, env=env)
    assert run.returncode == 3
    assert run.stdout == ""
    assert run.stderr == _waiting(home, "0.2") + (
        f"Error: another finnews command (pid {os.getpid()}, test) is still writing to {home} "
        "after 0.2 s; let it finish and try again (FINNEWS_LOCK_TIMEOUT sets how long to "
        "wait)\n"
    )


@pytest.mark.parametrize(
    "command", [["ingest", "-q", SAMPLE], ["ingest", "--json", SAMPLE], ["reindex", "-q"]]
)
def test_quiet_and_json_writers_wait_without_a_word(command: list[str]) -> None:
    env = finnews_env(FINNEWS_LOCK_TIMEOUT="0.2")
    with writing(Settings(), "test") as home:
        run = finnews(*command, env=env)
    assert (run.returncode, run.stdout) == (3, "")
    assert run.stderr == (
        f"Error: another finnews command (pid {os.getpid()}, test) is still writing to {home} "
        "after 0.2 s; let it finish and try again (FINNEWS_LOCK_TIMEOUT sets how long to "
        "wait)\n"
    )


def test_readers_do_not_wait_for_a_writer() -> None:
    assert finnews("ingest", SAMPLE).returncode == 0
    with writing(Settings(), "test"):
        stats = finnews("index", "stats", "--json", timeout=120)
        found = finnews("search", "small caps", "-k", "1", "--ticker", "IWM", "--json", timeout=120)
    assert (stats.returncode, stats.stderr) == (0, "")
    assert json.loads(stats.stdout)["articles"] == 1
    assert (found.returncode, found.stderr) == (0, "")
    assert [h["title"] for h in json.loads(found.stdout)] == [
        "Small caps sprint ahead as the Fed delivers a third cut"
    ]


HOLDER = """
import sys
from assistant.config import Settings
from assistant.errors import HomeBusyError
from assistant.lock import writing
with writing(Settings(), "holder"):
    print("HOLDING", flush=True)
    sys.stdin.readline()
"""


def _holder() -> subprocess.Popen[str]:
    """Another process holding the write lock (it says HOLDING, then waits for stdin)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER],
        env=finnews_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "HOLDING\n"
    return holder


def test_the_lock_is_reentrant_and_released_when_a_writer_is_killed() -> None:
    settings = Settings()
    with writing(settings, "outer"), writing(settings, "inner"):
        pass  # a writer calling another writer (summarize --feed) does not wait for itself
    holder = _holder()
    assert holder.stdout is not None and holder.stdin is not None
    holder.kill()
    assert holder.wait(timeout=30) == -signal.SIGKILL
    holder.stdout.close()
    holder.stdin.close()
    run = finnews("ingest", SAMPLE, env=finnews_env(FINNEWS_LOCK_TIMEOUT="0"))
    assert (run.returncode, run.stderr) == (0, "")


def test_a_quiet_writer_waits_without_a_word(capsys: pytest.CaptureFixture[str]) -> None:
    """`notice=None` (what --quiet and --json runs pass) prints nothing while it waits."""
    holder = _holder()
    assert holder.stdin is not None
    try:
        settings = Settings(FINNEWS_LOCK_TIMEOUT=0.1)
        heard: list[str] = []
        for notice in (None, heard.append):
            with pytest.raises(HomeBusyError), writing(settings, "test", notice=notice):
                pass
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
    assert capsys.readouterr() == ("", "")
    assert heard == [
        f"waiting for another finnews command (pid {holder.pid}, holder) to finish writing "
        f"to {settings.data_dir}; giving up after 0.1 s (FINNEWS_LOCK_TIMEOUT)"
    ]
