"""kill -9 in the middle of an ingest leaves a usable index; a re-run completes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from assistant.config import Settings
from retrieval.embed import MiniLMEmbedder
from retrieval.index import open_index
from retrieval.ingest import ingest
from retrieval.search import search
from tests.conftest import ROOT
from tests.retrieval.conftest import chunk_counts, write_articles

N = 200

CHILD = textwrap.dedent(
    """
    import sys
    from assistant.config import Settings
    from retrieval.ingest import ingest

    def progress(done, total):
        if done >= 128:  # two batches are written; the third is being embedded or written
            print("READY", flush=True)

    ingest([sys.argv[1]], settings=Settings(), progress=progress)
    print("FINISHED", flush=True)
    """
)


def test_kill_9_mid_ingest_then_resume(tmp_path: Path, embedder: MiniLMEmbedder) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, N)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(corpus)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "READY"
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    child.stdout.close()

    settings = Settings()
    with open_index(settings) as index:
        articles, chunks = chunk_counts(index)
        assert 128 <= articles < N
        assert index.count() >= chunks  # a half-written batch may leave chunks without records
        hits = search("IJR moved", settings=settings, embedder=embedder, index=index, k=3)
        assert len(hits) == 3

    report = ingest([corpus], settings=settings, embedder=embedder)
    assert (report.new, report.unchanged, report.failed) == (N - articles, articles, 0)
    with open_index(settings) as index:
        articles_after, chunks_after = chunk_counts(index)
        assert articles_after == N
        assert index.count() == chunks_after  # no duplicates, no orphans
        assert len({a.article.id for a in index.articles()}) == N
