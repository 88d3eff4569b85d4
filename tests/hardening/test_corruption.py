"""Damaged stores (issue 10, item 6): a damaged market-data cache is set aside and rebuilt,
said once; a damaged news index is found before Chroma opens it, named, with the way back.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import retrieval.health as health
from assistant.config import Settings, get_settings
from assistant.errors import IndexDamagedError
from assistant.market.base import Bar
from assistant.market.cache import PriceCache
from assistant.models import Article
from assistant.sqlite_files import sqlite_damage
from retrieval.chroma_index import CHUNKS
from retrieval.chunks import Chunk
from retrieval.embed import MINILM_DIM, MINILM_NAME
from retrieval.health import check_embedded_index, set_aside_damaged_vectors
from retrieval.index import StoredArticle, open_index
from tests.support_cli import run_cli

WHEN = datetime(2025, 12, 1, 12, 0, tzinfo=timezone.utc)
BARS = [
    Bar(date(2024, 11, 22), 235.64, 239.24, 235.33, 238.77, 234.997711, 22693100),
    Bar(date(2024, 11, 25), 241.49, 244.98, 241.39, 242.4, 238.570358, 33534000),
]
ASIDE = "market.sqlite.damaged-????????-??????"  # the damaged file, not its WAL beside it
ARTICLE = "---\ntitle: IWM\npublished: 2025-12-12T21:00:00Z\n---\nIWM rose 1.0% in November.\n"


def overwrite(path: Path, start: int, length: int, seed: int = 7) -> None:
    """Random bytes over `length` bytes of `path` from `start` (a damaged disk block)."""
    rng = random.Random(seed)
    with path.open("r+b") as fh:
        fh.seek(start)
        fh.write(bytes(rng.getrandbits(8) for _ in range(length)))


def zero(path: Path, start: int, length: int) -> None:
    with path.open("r+b") as fh:
        fh.seek(start)
        fh.write(bytes(length))


# -- the market-data cache -------------------------------------------------------------
def test_a_file_that_is_not_a_database_is_set_aside_and_replaced(tmp_path: Path) -> None:
    path = tmp_path / "market.sqlite"
    garbage = bytes(random.Random(1).getrandbits(8) for _ in range(8192))
    path.write_bytes(garbage)
    notes: list[str] = []
    cache = PriceCache(path, notify=notes.append)
    [aside] = tmp_path.glob(ASIDE)
    assert notes == [
        f"The market-data cache {path} was damaged (not an SQLite database); it was moved to "
        f"{aside.name} and an empty cache replaces it (prices are fetched again)."
    ]
    assert aside.read_bytes() == garbage
    cache.put("IWM", BARS, date(2024, 11, 22), date(2024, 11, 25), fetched_at=WHEN)
    assert cache.get("IWM", date(2024, 11, 22), date(2024, 11, 25)).bars == BARS  # type: ignore[union-attr]
    PriceCache(path, notify=notes.append)
    assert len(notes) == 1  # said once: the new cache is sound


def filled_cache(path: Path) -> PriceCache:
    """A cache of a few hundred rows (several pages, so a damaged page is not the header)."""
    cache = PriceCache(path)
    for n in range(40):
        cache.put(f"T{n}", BARS, date(2024, 11, 22), date(2024, 11, 25), fetched_at=WHEN)
    return cache


def test_damaged_pages_are_found_by_the_integrity_check(tmp_path: Path) -> None:
    path = tmp_path / "market.sqlite"
    filled_cache(path)
    with sqlite3.connect(path) as conn:  # fold the WAL in, so the damage is in the file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    assert size >= 4 * 4096
    overwrite(path, 4096, size - 2 * 4096)
    problem = sqlite_damage(path)
    assert problem is not None  # SQLite's own words ("database disk image is malformed")
    notes: list[str] = []
    cache = PriceCache(path, notify=notes.append)
    [aside] = tmp_path.glob(ASIDE)
    assert notes == [
        f"The market-data cache {path} was damaged ({problem}); it was moved to {aside.name} "
        "and an empty cache replaces it (prices are fetched again)."
    ]
    assert cache.ranges("T1") == []
    assert sqlite_damage(path) is None


def test_damage_met_after_opening_is_repaired_then(tmp_path: Path) -> None:
    path = tmp_path / "market.sqlite"
    notes: list[str] = []
    cache = PriceCache(path, notify=notes.append)
    cache.put("IWM", BARS, date(2024, 11, 22), date(2024, 11, 25), fetched_at=WHEN)
    for side in tmp_path.glob("market.sqlite-*"):
        side.unlink()
    path.write_bytes(b"\0" * 4096)  # damaged while in use
    assert cache.get("IWM", date(2024, 11, 22), date(2024, 11, 25)) is None  # a miss, refetched
    assert len(notes) == 1 and "was damaged (file is not a database)" in notes[0]
    cache.put("IWM", BARS, date(2024, 11, 22), date(2024, 11, 25), fetched_at=WHEN)
    assert cache.bars("IWM", date(2024, 11, 22), date(2024, 11, 25)) == BARS
    assert len(notes) == 1


def test_a_locked_database_is_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        assert sqlite_damage(path) is None
    finally:
        holder.close()


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    """Online settings, with a network that answers nothing."""

    def no_network(ticker: str, start: date, end: date) -> Any:
        raise ConnectionError("network is unreachable")

    monkeypatch.setenv("FINNEWS_OFFLINE", "0")
    monkeypatch.setattr("assistant.market.yahoo.yfinance_fetch", no_network)
    get_settings.cache_clear()


def test_check_online_with_a_damaged_cache_says_so_once_and_goes_on(
    online: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    home = get_settings().data_dir
    cache = home / "market.sqlite"
    cache.write_bytes(b"this is no database, it is a text file" * 100)
    story = tmp_path / "iwm.md"
    story.write_text(ARTICLE, encoding="utf-8")
    first = run_cli(["check", str(story)], capsys, monkeypatch)
    [aside] = home.glob(ASIDE)
    assert first.exit_code in (0, 1), first.err  # a verdict, not "unexpected DatabaseError"
    assert first.err.splitlines()[0] == (
        f"finnews: The market-data cache {cache} was damaged (not an SQLite database); it was "
        f"moved to {aside.name} and an empty cache replaces it (prices are fetched again)."
    )
    assert "unexpected" not in first.err and "bug" not in first.err
    again = run_cli(["check", str(story)], capsys, monkeypatch)
    assert again.exit_code == first.exit_code
    assert "market-data cache" not in again.err


# -- the news index ----------------------------------------------------------------------
N_ARTICLES = 1200  # past Chroma's sync threshold, so the vectors are on disk


@pytest.fixture(scope="module")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding an embedded index of synthetic articles with unit vectors."""
    home = tmp_path_factory.mktemp("damage") / "home"
    rng = np.random.default_rng(7)
    stored, chunks = [], []
    for i in range(N_ARTICLES):
        text = f"Article {i} says IWM rose {i % 50}.5% on the day."
        article = Article(id=f"a{i}", title=f"T{i}", source="S", text=text, tickers=["IWM"],
                          published=WHEN)  # fmt: skip
        stored.append(StoredArticle(article, f"h{i}", 1))
        chunks.append(Chunk(article.id, 0, 0, len(text), text))
    vectors = rng.normal(size=(N_ARTICLES, MINILM_DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    with open_index(Settings(FINNEWS_HOME=home)) as index:
        index.write(stored, chunks, vectors, model=(MINILM_NAME, MINILM_DIM))
    return home


@pytest.fixture
def chroma(built_index: Path, tmp_path: Path) -> Path:
    """This test's copy of the built index's chroma directory."""
    home = tmp_path / "home"
    shutil.copytree(built_index, home)
    (home / "chroma" / health.STAMP_FILE).unlink(missing_ok=True)
    return home / "chroma"


def segment(chroma: Path, collection: str) -> Path:
    with sqlite3.connect(chroma / "chroma.sqlite3") as conn:
        (seg_id,) = conn.execute(
            "SELECT s.id FROM segments s JOIN collections c ON s.collection = c.id "
            "WHERE s.scope = 'VECTOR' AND c.name = ?",
            (collection,),
        ).fetchone()
    return chroma / str(seg_id)


def vectors_message(path: Path, what: str) -> str:
    return (
        f"The news index is damaged: {path} {what}. The articles are intact: run `finnews "
        "reindex` to rebuild the vectors."
    )


def sqlite_message(chroma: Path, what: str) -> str:
    return (
        f"The news index is damaged: {chroma / 'chroma.sqlite3'} {what}. It also holds the "
        f"articles, so `finnews reindex` cannot rebuild it: move {chroma} aside (or delete it) "
        "and ingest your sources again."
    )


def test_a_sound_index_passes_and_is_opened_on_trial_once(
    chroma: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seg = segment(chroma, CHUNKS)
    assert (seg / "data_level0.bin").stat().st_size >= 1000 * (MINILM_DIM * 4 + 140)
    check_embedded_index(chroma)
    assert (chroma / health.STAMP_FILE).exists()  # the trial open found it sound

    def no_second_trial(path: Path) -> list[str]:
        raise AssertionError("the vector files did not change: no trial open")

    monkeypatch.setattr(health, "probe_command", no_second_trial)
    check_embedded_index(chroma)


def test_a_missing_directory_is_a_new_index(tmp_path: Path) -> None:
    check_embedded_index(tmp_path / "chroma")
    assert set_aside_damaged_vectors(tmp_path / "chroma") == []


def _truncate_half(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)


def _zero_middle(path: Path) -> None:
    size = path.stat().st_size
    zero(path, size // 3, size // 3)


def _random_middle(path: Path) -> None:
    size = path.stat().st_size
    overwrite(path, size // 3, size // 3)


def _zero_all(path: Path) -> None:
    zero(path, 0, path.stat().st_size)


@pytest.mark.parametrize(
    ("name", "damage", "what"),
    [
        # before: search lost about half of its results, silently
        (
            "data_level0.bin",
            _truncate_half,
            "has {half} bytes, which is not room for {n} vectors of 1676 bytes",
        ),  # fmt: skip
        ("data_level0.bin", _zero_middle, "holds vectors that are not of unit length"),
        # before: search crashed with SIGSEGV (exit 139)
        ("data_level0.bin", _random_middle, "holds neighbour lists longer than the index allows"),
        ("link_lists.bin", _zero_middle, "holds more than the neighbour lists of its vectors"),
        ("link_lists.bin", _truncate_half, "ends before the neighbour lists of every vector"),
        ("length.bin", _random_middle, "does not hold the length of every vector"),
        # before: an internal error, exit 70
        ("header.bin", _zero_all, "does not describe a valid vector index"),
        ("header.bin", _truncate_half, "has 50 bytes instead of 100"),
    ],
)
def test_damaged_vector_files_are_named(chroma: Path, name: str, damage: Any, what: str) -> None:
    path = segment(chroma, CHUNKS) / name
    size = path.stat().st_size
    damage(path)
    with pytest.raises(IndexDamagedError) as err:
        check_embedded_index(chroma)
    n = size // 1676
    assert str(err.value) == vectors_message(path, what.format(half=size // 2, n=n))


def test_the_articles_vectors_are_checked_too(chroma: Path) -> None:
    path = segment(chroma, "finnews-articles") / "data_level0.bin"
    _random_middle(path)
    with pytest.raises(IndexDamagedError) as err:
        check_embedded_index(chroma)
    assert str(err.value) == vectors_message(
        path, "holds neighbour lists longer than the index allows"
    )


def test_a_crash_of_the_trial_open_becomes_a_message(
    chroma: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damage the checks cannot see still never reaches the user as a bare segfault."""
    crash = (
        "import os, signal\n"
        f"print('open', flush=True)\nprint('query {CHUNKS}', flush=True)\n"
        "os.kill(os.getpid(), signal.SIGSEGV)\n"
    )
    monkeypatch.setattr(health, "probe_command", lambda path: [sys.executable, "-c", crash])
    with pytest.raises(IndexDamagedError) as err:
        check_embedded_index(chroma)
    assert str(err.value) == vectors_message(
        segment(chroma, CHUNKS), "crashed a trial open of the index (SIGSEGV)"
    )
    assert not (chroma / health.STAMP_FILE).exists()


def test_a_real_crash_in_the_trial_open_is_caught(
    chroma: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the file checks switched off, Chroma itself crashes on the damage, in the child."""
    _random_middle(segment(chroma, CHUNKS) / "data_level0.bin")
    checked = health._vector_damage
    monkeypatch.setattr(health, "_vector_damage", lambda seg: checked(seg) and None)
    with pytest.raises(IndexDamagedError) as err:
        check_embedded_index(chroma)
    assert str(err.value).startswith(f"The news index is damaged: {segment(chroma, CHUNKS)} ")
    assert "crashed a trial open of the index (SIG" in str(err.value)


def test_an_empty_sqlite_file_is_not_an_empty_index(chroma: Path) -> None:
    (chroma / "chroma.sqlite3").write_bytes(b"")
    with pytest.raises(IndexDamagedError) as err:
        check_embedded_index(chroma)
    assert str(err.value) == sqlite_message(chroma, "is empty (0 bytes)")


def test_a_damaged_sqlite_file_is_named(chroma: Path) -> None:
    db = chroma / "chroma.sqlite3"
    size = db.stat().st_size
    overwrite(db, size // 3, size // 3)
    problem = sqlite_damage(db)
    assert problem is not None and problem.startswith("SQLite's integrity check: ")
    with pytest.raises(IndexDamagedError) as err:
        check_embedded_index(chroma)
    assert str(err.value) == sqlite_message(chroma, f"is damaged ({problem})")


def test_a_sqlite_file_that_is_not_a_database(chroma: Path) -> None:
    overwrite(chroma / "chroma.sqlite3", 0, 100)
    with pytest.raises(IndexDamagedError) as err:
        check_embedded_index(chroma)
    assert str(err.value) == sqlite_message(chroma, "is damaged (not an SQLite database)")


def test_a_missing_sqlite_file_beside_vector_files(chroma: Path) -> None:
    (chroma / "chroma.sqlite3").unlink()
    with pytest.raises(IndexDamagedError) as err:
        check_embedded_index(chroma)
    assert str(err.value) == sqlite_message(chroma, "is missing")


def test_reindex_sets_damaged_vectors_aside_and_then_opens(
    chroma: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chunks_dir = segment(chroma, CHUNKS)
    articles_dir = segment(chroma, "finnews-articles")
    _random_middle(chunks_dir / "data_level0.bin")
    [note] = set_aside_damaged_vectors(chroma)
    [aside] = chroma.parent.glob("chroma-damaged-*")
    assert note == (
        f"The news index is damaged: {chunks_dir / 'data_level0.bin'} holds neighbour lists "
        f"longer than the index allows; moved the vector files to {aside} (delete it once the "
        "reindex is done); the reindex rebuilds them from the stored articles."
    )
    assert sorted(p.name for p in aside.iterdir()) == sorted([chunks_dir.name, articles_dir.name])
    check_embedded_index(chroma)  # nothing left in Chroma's way
    with open_index(Settings(FINNEWS_HOME=chroma.parent)) as index:
        assert sum(1 for _ in index.articles()) == N_ARTICLES  # the articles are all there
    assert set_aside_damaged_vectors(chroma) == []


def test_reindex_cannot_help_a_damaged_sqlite_file(chroma: Path) -> None:
    (chroma / "chroma.sqlite3").write_bytes(b"")
    with pytest.raises(IndexDamagedError):
        set_aside_damaged_vectors(chroma)
