"""Is the news index sound? Looked at before Chroma opens it.

The embedded index is one SQLite file, `chroma.sqlite3` (records, metadata and the
articles' full text), and per collection a directory named by a segment UUID holding
an HNSW graph of the vectors (`header.bin`, `data_level0.bin`, `length.bin`,
`link_lists.bin`). Chroma trusts them: a damaged SQLite file ends in an internal
error, an empty one reads as an empty index, and damaged vector files crash the
process (SIGSEGV) or quietly lose search results.

`check_embedded_index()` looks first: SQLite's quick_check, then each vector file
against its header (sizes, neighbour ids, finite unit vectors, distinct labels), then,
when the vector files changed since they were last found sound, a trial open in a
child process, so that a crash becomes a message. A problem is an `IndexDamagedError`
naming the damaged file and the way back: `finnews reindex` rebuilds the vectors from
the articles in `chroma.sqlite3` (`set_aside_damaged_vectors()` first moves the bad
ones out of its way); when that file is damaged, only ingesting the sources again can.

`check_chroma_server()` asks a Chroma server for its heartbeat within a deadline, so
that a frozen server is an error, not a hang.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import time
import uuid
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np

from assistant.errors import IndexDamagedError, ProviderError
from assistant.sqlite_files import read_only_uri, sqlite_damage

SQLITE_FILE = "chroma.sqlite3"
VECTOR_FILES = ("header.bin", "data_level0.bin", "length.bin", "link_lists.bin")
STAMP_FILE = "finnews-verified.json"  # fingerprint of the vector files last found sound
PROBE_TIMEOUT = 60.0  # seconds for the trial open; longer means busy, not damaged

# header.bin of Chroma's hnswlib (format 1): version, offset_level0, max_elements,
# cur_element_count, size_data_per_element, label_offset, offset_data, max_level,
# enterpoint_node, max_m, max_m0, m, mult, ef_construction.
_HEADER = struct.Struct("<iqqqqqqiIqqqdq")
_KNOWN_FORMAT = 1
_NORM_TOLERANCE = 1e-3  # finnews stores unit vectors only (every embedder normalizes)

_probing = False  # True inside the trial process: it must not start another


@dataclass
class _Segment:
    """One collection's vector directory, as its files describe it."""

    path: Path
    collection: str  # name from chroma.sqlite3, "" when unknown
    cosine: bool  # vectors are stored normalized
    elements: int = 0


# -- the checks --------------------------------------------------------------------------
def check_embedded_index(chroma_dir: Path) -> None:
    """Raise IndexDamagedError when the embedded index in `chroma_dir` is damaged.

    Nothing to say about a directory that does not exist yet (a new index).
    """
    if _probing or not chroma_dir.is_dir():
        return
    segments = _sqlite_checked(chroma_dir)
    for segment in segments:
        problem = _vector_damage(segment)
        if problem:
            raise IndexDamagedError(_vectors_message(*problem))
    crash = _trial_open(chroma_dir, segments)
    if crash:
        raise IndexDamagedError(_vectors_message(*crash))


def set_aside_damaged_vectors(chroma_dir: Path) -> list[str]:
    """Before a reindex: when vector files are damaged, move every vector directory out of
    Chroma's way (the reindex rebuilds them all) and say where they went.

    A damaged `chroma.sqlite3` is still an IndexDamagedError: the articles are in it.
    """
    if not chroma_dir.is_dir():
        return []
    segments = _sqlite_checked(chroma_dir)
    problem = next((p for p in map(_vector_damage, segments) if p), None)
    problem = problem or _trial_open(chroma_dir, segments)
    if problem is None:
        return []
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = chroma_dir.with_name(f"{chroma_dir.name}-damaged-{stamp}")
    aside.mkdir(parents=True, exist_ok=True)
    for segment in segments:
        if segment.path.exists():
            segment.path.rename(aside / segment.path.name)
    return [
        f"{_damage_text(*problem)}; moved the vector files to {aside} (delete it once the "
        "reindex is done); the reindex rebuilds them from the stored articles."
    ]


def _sqlite_checked(chroma_dir: Path) -> list[_Segment]:
    """The vector segments, once chroma.sqlite3 is known sound (else IndexDamagedError)."""
    db = chroma_dir / SQLITE_FILE
    dirs = _segment_dirs(chroma_dir)
    if not db.exists():
        if dirs:
            raise IndexDamagedError(_sqlite_message(db, "is missing"))
        return []
    if db.stat().st_size == 0:
        raise IndexDamagedError(_sqlite_message(db, "is empty (0 bytes)"))
    problem = sqlite_damage(db)
    if problem:
        raise IndexDamagedError(_sqlite_message(db, f"is damaged ({problem})"))
    known = _segments_in_sqlite(db)
    out = []
    for path in dirs:
        collection, cosine = known.get(path.name, ("", False))
        out.append(_Segment(path, collection, cosine))
    return out


def _segment_dirs(chroma_dir: Path) -> list[Path]:
    out = []
    for path in sorted(chroma_dir.iterdir()):
        if not path.is_dir():
            continue
        try:
            uuid.UUID(path.name)
        except ValueError:
            continue
        out.append(path)
    return out


def _segments_in_sqlite(db: Path) -> dict[str, tuple[str, bool]]:
    """Segment id -> (collection name, stored normalized) as chroma.sqlite3 records them;
    empty when its tables are not what this code knows (the checks then skip norms)."""
    try:
        with closing(sqlite3.connect(read_only_uri(db), uri=True)) as conn:
            rows = conn.execute(
                "SELECT s.id, c.name, c.schema_str FROM segments s "
                "JOIN collections c ON s.collection = c.id WHERE s.scope = 'VECTOR'"
            ).fetchall()
    except sqlite3.Error:
        return {}
    out = {}
    for seg_id, name, schema in rows:
        cosine = '"space":"cosine"' in (schema or "").replace(" ", "")
        out[str(seg_id)] = (str(name), cosine)
    return out


def _vector_damage(segment: _Segment) -> tuple[Path, str] | None:
    """(file, what is wrong) for the first damaged vector file of a segment, else None."""
    files = {name: segment.path / name for name in VECTOR_FILES}
    present = [name for name, path in files.items() if path.exists()]
    if not present:
        return None  # a collection whose vectors were never written
    for name in VECTOR_FILES:
        if name not in present:
            return files[name], "is missing"
    raw = files["header.bin"].read_bytes()
    if len(raw) != _HEADER.size:
        return files["header.bin"], f"has {len(raw)} bytes instead of {_HEADER.size}"
    (version, _, max_el, cur, size, label_off, data_off, max_level, entry, max_m, max_m0, m,
     mult, ef) = _HEADER.unpack(raw)  # fmt: skip
    if 1 < version <= 100:
        return None  # a newer Chroma's format: the trial open judges it
    header_ok = (
        version == _KNOWN_FORMAT
        and 0 <= cur <= max_el < 2**40
        and 1 <= m <= max_m <= max_m0 <= 4096
        and data_off == 4 + 4 * max_m0
        and label_off > data_off
        and (label_off - data_off) % 4 == 0
        and size == label_off + 8
        and -1 <= max_level < 64
        and np.isfinite(mult)
        and mult > 0
        and ef > 0
        and (cur == 0 or (entry < cur and max_level >= 0))
    )
    if not header_ok:
        return files["header.bin"], "does not describe a valid vector index"
    segment.elements = cur
    if cur == 0:
        return None
    dim = (label_off - data_off) // 4
    problem = _level0_damage(files["data_level0.bin"], cur, size, max_m0, data_off, dim,
                             label_off, segment.cosine)  # fmt: skip
    if problem:
        return files["data_level0.bin"], problem
    if segment.cosine:  # the original vectors' lengths (other spaces leave it unused)
        norms = np.fromfile(files["length.bin"], dtype="<f4")
        if len(norms) < cur or not _all_unit(norms[:cur]):
            return files["length.bin"], "does not hold the length of every vector"
    problem = _links_damage(files["link_lists.bin"], cur, max_m, max_level)
    if problem:
        return files["link_lists.bin"], problem
    return None


def _level0_damage(
    path: Path,
    cur: int,
    size: int,
    max_m0: int,
    data_off: int,
    dim: int,
    label_off: int,
    cosine: bool,
) -> str | None:
    have = path.stat().st_size
    if have < cur * size or have % size:
        return f"has {have} bytes, which is not room for {cur} vectors of {size} bytes"
    rows = np.fromfile(path, dtype=np.uint8, count=cur * size).reshape(cur, size)
    counts = rows[:, 0:2].copy().view("<u2")[:, 0]
    if np.any(counts > max_m0) or np.any(rows[:, 2] > 1) or np.any(rows[:, 3] != 0):
        return "holds neighbour lists longer than the index allows"
    links = rows[:, 4:data_off].copy().view("<u4")
    used = np.arange(max_m0)[None, :] < counts[:, None]
    if np.any(links[used] >= cur):
        return "holds neighbours that do not exist"
    vectors = rows[:, data_off:label_off].copy().view("<f4").reshape(cur, dim)
    if not np.all(np.isfinite(vectors)):
        return "holds vectors that are not numbers"
    if cosine and not _all_unit(np.linalg.norm(vectors.astype(np.float64), axis=1)):
        return "holds vectors that are not of unit length"
    labels = rows[:, label_off : label_off + 8].copy().view("<u8")[:, 0]
    if len(np.unique(labels)) != cur or np.any(labels >= 2**48):
        return "holds labels that are not distinct record numbers"
    return None


def _all_unit(lengths: np.ndarray) -> bool:
    """Every length within tolerance of 1 (NaN is not)."""
    with np.errstate(invalid="ignore", over="ignore"):
        return bool(np.all(np.abs(lengths - 1.0) <= _NORM_TOLERANCE))


def _links_damage(path: Path, cur: int, max_m: int, max_level: int) -> str | None:
    data = path.read_bytes()
    per_level = 4 + 4 * max_m
    pos = 0
    for _ in range(cur):
        if pos + 4 > len(data):
            return "ends before the neighbour lists of every vector"
        (length,) = struct.unpack_from("<I", data, pos)
        pos += 4
        if length % per_level or length // per_level > max(max_level, 0):
            return "holds a neighbour list of an impossible size"
        if pos + length > len(data):
            return "ends before the neighbour lists of every vector"
        if length:
            levels = np.frombuffer(data, dtype="<u4", count=length // 4, offset=pos)
            levels = levels.reshape(-1, 1 + max_m)
            counts = levels[:, 0] & 0xFFFF
            if np.any(counts > max_m):
                return "holds neighbour lists longer than the index allows"
            used = np.arange(max_m)[None, :] < counts[:, None]
            if np.any(levels[:, 1:][used] >= cur):
                return "holds neighbours that do not exist"
        pos += length
    if pos != len(data):
        return "holds more than the neighbour lists of its vectors"
    return None


# -- the trial open ----------------------------------------------------------------------
def _trial_open(chroma_dir: Path, segments: list[_Segment]) -> tuple[Path, str] | None:
    """Open the index in a child process when its vector files are new to us; (directory,
    what happened) when the child crashed. Busy, slow or read-only: no verdict."""
    if not any(s.elements for s in segments):
        return None  # no vectors on disk yet: nothing that can crash
    fingerprint = _fingerprint(segments)
    stamp = chroma_dir / STAMP_FILE
    try:
        if json.loads(stamp.read_text(encoding="utf-8")).get("vectors") == fingerprint:
            return None
    except (OSError, ValueError, AttributeError):
        pass
    try:
        proc = subprocess.run(
            probe_command(chroma_dir),
            env=_child_env(),
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode < 0:
        reached = (proc.stdout.strip().splitlines() or [""])[-1]
        crashed = next((s for s in segments if s.collection and s.collection in reached), None)
        where = crashed.path if crashed else chroma_dir
        return where, f"crashed a trial open of the index ({_signal_name(-proc.returncode)})"
    if proc.returncode == 0 and fingerprint == _fingerprint(segments):
        _write_stamp(stamp, fingerprint)
    return None


def probe_command(chroma_dir: Path) -> list[str]:
    """The child process that opens the index on trial (see `_probe`)."""
    return [sys.executable, "-m", "retrieval.health", str(chroma_dir)]


def _child_env() -> dict[str, str]:
    """This environment, with this copy of finnews first on the child's import path (the
    child must run this code, wherever it was started from)."""
    code_root = str(Path(__file__).resolve().parent.parent)
    paths = [code_root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def _fingerprint(segments: list[_Segment]) -> str:
    digest = hashlib.sha256()
    for segment in segments:
        for name in VECTOR_FILES:
            try:
                st = (segment.path / name).stat()
            except OSError:
                continue
            digest.update(f"{segment.path.name}/{name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return digest.hexdigest()


def _write_stamp(stamp: Path, fingerprint: str) -> None:
    tmp = stamp.with_name(f"{stamp.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps({"vectors": fingerprint}), encoding="utf-8")
        os.replace(tmp, stamp)
    except OSError:  # a read-only data dir: the next open checks again
        tmp.unlink(missing_ok=True)


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _probe(chroma_dir: Path) -> None:
    """The child's side: open the index as finnews does and read through the vectors,
    saying on stdout what it is about to touch (the last line names what crashed)."""
    global _probing
    _probing = True
    from assistant.config import Settings
    from retrieval.chroma_index import CHUNKS
    from retrieval.index import Filters, open_index

    settings = Settings(FINNEWS_HOME=chroma_dir.parent, FINNEWS_CHROMA_URL=None)
    print("open", flush=True)
    with open_index(settings) as index:
        model = index.embedding_model
        print(f"query {CHUNKS}", flush=True)
        if model and model[1] and index.count():
            vector = np.zeros(model[1], dtype=np.float32)
            vector[0] = 1.0
            index.query(vector, 1, Filters())
        print("stats", flush=True)
        index.stats()
    print("ok", flush=True)


# -- messages ----------------------------------------------------------------------------
def _sqlite_message(db: Path, what: str) -> str:
    return (
        f"The news index is damaged: {db} {what}. It also holds the articles, so `finnews "
        f"reindex` cannot rebuild it: move {db.parent} aside (or delete it) and ingest your "
        "sources again."
    )


def _damage_text(path: Path, what: str) -> str:
    return f"The news index is damaged: {path} {what}"


def _vectors_message(path: Path, what: str) -> str:
    return (
        f"{_damage_text(path, what)}. The articles are intact: run `finnews reindex` to "
        "rebuild the vectors."
    )


# -- a Chroma server ---------------------------------------------------------------------
def check_chroma_server(url: str, timeout: float) -> None:
    """ProviderError unless the Chroma server at `url` answers (any HTTP answer) within
    `timeout` seconds in total."""
    import httpx

    from assistant.deadlines import DeadlineClient

    base = url if "://" in url else f"http://{url}"
    end = time.monotonic() + timeout
    try:
        with DeadlineClient(lambda: end, timeout=timeout) as client:
            client.get(f"{base.rstrip('/')}/api/v2/heartbeat")
    except httpx.TimeoutException:
        raise server_silent(url, timeout) from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise server_unreachable(url, exc) from None


_SERVER_HELP = "start it (`chroma run --path DIR`) or unset FINNEWS_CHROMA_URL"


def server_silent(url: str, timeout: float) -> ProviderError:
    """The error for a Chroma server that did not answer in time (frozen, or overloaded)."""
    return ProviderError(
        f"the Chroma server at {url} did not answer within {timeout:g} s "
        f"(FINNEWS_FETCH_TIMEOUT); {_SERVER_HELP}",
        retryable=True,
    )


def server_unreachable(url: str, exc: BaseException) -> ProviderError:
    """The error for a Chroma server that cannot be reached (or hung up)."""
    return ProviderError(
        f"cannot reach the Chroma server at {url} ({type(exc).__name__}); {_SERVER_HELP}",
        retryable=True,
    )


if __name__ == "__main__":
    # `python -m` runs a second copy of this module as __main__; the flag that stops the
    # index's own check (and another trial) lives in the importable one.
    from retrieval.health import _probe as probe

    probe(Path(sys.argv[1]))
