"""Item 2: reindex killed, then ingest, then reindex: the articles ingested between stay."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.models import Article
from retrieval.index import Filters, open_index
from retrieval.ingest import _read_pending, ingest, reindex
from tests.hardening.conftest import finnews_env
from tests.retrieval.conftest import HashEmbedder, write_articles

N = 100  # two batches: the child is killed after the first one is re-embedded

CHILD = textwrap.dedent(
    """
    import sys
    from assistant.config import Settings
    from retrieval.ingest import reindex
    from tests.retrieval.conftest import HashEmbedder

    def progress(done, total):
        if done >= 64:
            print("READY", flush=True)
            sys.stdin.readline()  # killed here

    reindex(settings=Settings(), progress=progress, embedder=HashEmbedder())
    print("FINISHED", flush=True)
    """
)
NOTE = (
    "finnews: a `finnews reindex` was interrupted and the index still lacks some of its "
    "articles: run `finnews reindex` to finish it (the articles ingested now are kept)\n"
)


def _ids(settings: Settings) -> set[str]:
    with open_index(settings) as index:
        return {a.article.id for a in index.articles()}


def test_ingest_after_a_killed_reindex_is_kept_by_the_next_reindex(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings, embedder = Settings(), HashEmbedder()
    write_articles(tmp_path / "old", N)
    assert ingest([tmp_path / "old"], settings=settings, embedder=embedder).new == N
    before = _ids(settings)

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        env=finnews_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline() == "READY\n"
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    child.stdout.close()
    child.stdin.close()
    assert len(_ids(settings)) == 64  # the index is half refilled

    new = tmp_path / "new"
    new.mkdir()
    for i in range(3):
        (new / f"late_{i}.md").write_text(
            f"---\ntitle: Late {i}\npublished: 2025-12-0{i + 1}\nsource: Late Desk\n---\n"
            f"Late note {i}: QQQ rose {i}.5% on the day.\n",
            encoding="utf-8",
        )
    capsys.readouterr()
    report = ingest([new], settings=settings, embedder=embedder)
    assert (report.new, report.failed) == (3, 0)
    late = _ids(settings) - before
    assert len(late) == 3

    report = reindex(settings=settings, embedder=embedder)
    assert _ids(settings) == before | late  # nothing ingested in between is lost
    assert report.articles == N + 3
    assert not (settings.data_dir / "reindex-pending.jsonl").exists()
    with open_index(settings) as index:
        hits = index.containing("Late note", 10, Filters(sources=("late desk",)))
        assert sorted(h.title for h in hits) == ["Late 0", "Late 1", "Late 2"]

    err = capsys.readouterr().err
    assert err == NOTE  # said once, by the ingest in between; the reindex says nothing


def test_ingest_with_no_reindex_pending_says_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings()
    (Path.cwd() / "a.md").write_text("---\ntitle: A\n---\nIWM rose 1%.\n", encoding="utf-8")
    report = ingest(["a.md"], settings=settings, embedder=HashEmbedder())
    assert (report.new, report.notes) == (1, [])
    assert capsys.readouterr().err == ""


def test_a_line_cut_short_by_a_crash_is_skipped_and_the_last_version_wins(
    tmp_path: Path,
) -> None:
    def line(text: str) -> str:
        return Article(id="a1", text=text).model_dump_json() + "\n"

    pending = tmp_path / "reindex-pending.jsonl"
    other = Article(id="b2", text="other").model_dump_json() + "\n"
    pending.write_text(line("first") + other + line("second") + '{"id": "c3", "te', "utf-8")
    assert [(a.id, a.text) for a in _read_pending(pending)] == [("b2", "other"), ("a1", "second")]
