"""The damaged-index and frozen-server probes through the real `finnews` (issue 10, items 6
and 9): a message naming the damaged file and the way back, never a crash or a hang.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hardening.conftest import SilentServer, finnews, finnews_env
from tests.support.openai_server import OpenAIServer

N_FILLER = 1100  # past Chroma's sync threshold: the vectors are written to their own files


@pytest.fixture(scope="module")
def embeddings() -> Iterator[OpenAIServer]:
    """Toy embeddings from the local OpenAI-compatible server: ingest and reindex are quick."""
    with OpenAIServer() as server:
        yield server


def env_for(home: Path, server: OpenAIServer, **more: str) -> dict[str, str]:
    return finnews_env(FINNEWS_HOME=str(home), FINNEWS_EMBEDDER="openai", FINNEWS_OFFLINE="0",
                       OPENAI_BASE_URL=server.base_url, FINNEWS_EMBEDDING_MODEL="toy",
                       **more)  # fmt: skip


@pytest.fixture(scope="module")
def built_home(tmp_path_factory: pytest.TempPathFactory, embeddings: OpenAIServer) -> Path:
    """A data dir with an index big enough to have vector files, built by the real CLI."""
    root = tmp_path_factory.mktemp("damaged-cli")
    home = root / "home"
    notes = root / "notes"
    notes.mkdir()
    for i in range(N_FILLER):
        (notes / f"n{i:04d}.md").write_text(
            f"---\ntitle: Note {i}\npublished: 2025-12-01\n---\nNote {i}: IWM rose {i % 9}.1% "
            f"on the day, said desk {i}.\n",
            encoding="utf-8",
        )
    done = finnews("ingest", "-q", str(notes), env=env_for(home, embeddings))
    assert done.returncode == 0, done.stderr
    return home


@pytest.fixture
def home(built_home: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "home"
    shutil.copytree(built_home, target)
    return target


def chunk_vectors(home: Path) -> Path:
    chroma = home / "chroma"
    with sqlite3.connect(chroma / "chroma.sqlite3") as conn:
        (seg_id,) = conn.execute(
            "SELECT s.id FROM segments s JOIN collections c ON s.collection = c.id "
            "WHERE s.scope = 'VECTOR' AND c.name = 'finnews-chunks'"
        ).fetchone()
    return chroma / str(seg_id)


def scramble(path: Path) -> None:
    size = path.stat().st_size
    rng = random.Random(7)
    with path.open("r+b") as fh:
        fh.seek(size // 3)
        fh.write(bytes(rng.getrandbits(8) for _ in range(size // 3)))


def test_search_on_damaged_vectors_names_the_file_instead_of_crashing(
    home: Path, embeddings: OpenAIServer
) -> None:
    """Before: exit 139 (SIGSEGV), nothing said."""
    data = chunk_vectors(home) / "data_level0.bin"
    scramble(data)
    env = env_for(home, embeddings)
    result = finnews("search", "IWM rose", env=env)
    assert result.returncode == 3
    assert result.stderr == (
        f"Error: The news index is damaged: {data} holds neighbour lists longer than the index "
        "allows. The articles are intact: run `finnews reindex` to rebuild the vectors.\n"
    )
    fixed = finnews("reindex", "-q", env=env)
    assert fixed.returncode == 0, fixed.stderr
    assert "moved the vector files to" in fixed.stderr
    found = finnews("search", "IWM rose", env=env)
    assert found.returncode == 0, found.stderr
    assert "Note " in found.stdout


def test_an_empty_sqlite_file_is_not_shown_as_an_empty_index(home: Path) -> None:
    """Before: `index stats` said 0 articles, exit 0."""
    (home / "chroma" / "chroma.sqlite3").write_bytes(b"")
    result = finnews("index", "stats", env=finnews_env(FINNEWS_HOME=str(home)))
    assert result.returncode == 3
    assert result.stderr == (
        f"Error: The news index is damaged: {home / 'chroma' / 'chroma.sqlite3'} is empty "
        f"(0 bytes). It also holds the articles, so `finnews reindex` cannot rebuild it: move "
        f"{home / 'chroma'} aside (or delete it) and ingest your sources again.\n"
    )


def test_a_damaged_sqlite_file_is_not_a_bug(home: Path) -> None:
    """Before: exit 70, "unexpected InternalError ... This is a bug"."""
    db = home / "chroma" / "chroma.sqlite3"
    scramble(db)
    result = finnews("index", "stats", env=finnews_env(FINNEWS_HOME=str(home)))
    assert result.returncode == 3
    assert result.stderr.startswith(f"Error: The news index is damaged: {db} is damaged (")
    assert "bug" not in result.stderr


def test_search_against_a_frozen_chroma_server_ends(silent: SilentServer, tmp_path: Path) -> None:
    """Before: `search` waited for ever."""
    env = finnews_env(FINNEWS_CHROMA_URL=silent.url, FINNEWS_FETCH_TIMEOUT="1",
                      FINNEWS_HOME=str(tmp_path / "home"))  # fmt: skip
    start = time.monotonic()
    result = finnews("search", "IWM", env=env, timeout=60)
    assert time.monotonic() - start < 3 * 1 + 10  # the deadline, plus starting Python twice
    assert result.returncode == 3
    assert result.stderr == (
        f"Error: the Chroma server at {silent.url} did not answer within 1 s "
        "(FINNEWS_FETCH_TIMEOUT); start it (`chroma run --path DIR`) or unset FINNEWS_CHROMA_URL\n"
    )
