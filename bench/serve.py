"""`finnews serve` under load: p50/p95 of /api/check and /api/search from a warm server.

    python bench/serve.py [--chunks 10000] [--requests 200] [--clients 8] [--home DIR]

Builds an index of --chunks passages in a temporary FINNEWS_HOME (template articles and
filler passages, as bench/retrieval.py does), starts `finnews --offline serve` on a free
port of 127.0.0.1 in its own process, warms it up, then sends --requests requests per
endpoint from --clients concurrent clients (threads, one HTTP connection each):
POST /api/check with the bundled sample article, GET /api/search with the retrieval
bench's queries. Latency is each request's wall time at the client. Prints a Markdown
table; the target is p95 under 50 ms for both. With --home, the index is built in DIR
the first time and reused by later runs (a FINNEWS_HOME of its own: never your news).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.cli.common import SAMPLE_ARTICLE  # noqa: E402
from assistant.config import Settings  # noqa: E402
from retrieval.embed import MiniLMEmbedder  # noqa: E402
from retrieval.index import open_index  # noqa: E402
from retrieval.ingest import ingest_articles  # noqa: E402


def _retrieval_bench():  # type: ignore[no-untyped-def]
    """bench/retrieval.py (its template articles, filler and queries), loaded by path: its
    name is the `retrieval` package's."""
    spec = importlib.util.spec_from_file_location(
        "bench_retrieval", ROOT / "bench" / "retrieval.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_index(home: Path, chunks: int) -> int:
    bench = _retrieval_bench()
    rng = random.Random(7)
    settings = Settings(FINNEWS_HOME=home, FINNEWS_OFFLINE=True)  # type: ignore[call-arg]
    embedder = MiniLMEmbedder()
    with open_index(settings) as index:
        ingest_articles(bench.make_articles(100, rng), settings=settings, index=index,
                        embedder=embedder)  # fmt: skip
        return int(bench.fill(index, embedder, chunks, rng))


def reuse_index(home: Path, chunks: int) -> int:
    """The passages of an index that an earlier run built in `home` for --chunks (0: none)."""
    if not (home / "chroma").is_dir():
        return 0
    settings = Settings(FINNEWS_HOME=home, FINNEWS_OFFLINE=True)  # type: ignore[call-arg]
    with open_index(settings) as index:
        count = index.count()
    if count < chunks:
        raise SystemExit(f"{home} holds {count} passages, fewer than --chunks {chunks}")
    return count


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(home: Path, port: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "FINNEWS_"))}
    env.update(FINNEWS_HOME=str(home), FINNEWS_OFFLINE="1", PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "assistant", "--offline", "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api/articles?limit=1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        if proc.poll() is not None:
            raise SystemExit("the server stopped before it answered")
        time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not answer within 120 s")


def load(base: str, request: Callable[[httpx.Client, int], httpx.Response], total: int,
         clients: int) -> list[float]:  # fmt: skip
    """`total` requests from `clients` threads; each request's latency in ms."""
    latencies: list[float] = []
    lock = threading.Lock()
    counter = iter(range(total))

    def work() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                t0 = time.perf_counter()
                response = request(client, i)
                took = (time.perf_counter() - t0) * 1000
                assert response.status_code == 200, response.text
                with lock:
                    latencies.append(took)

    threads = [threading.Thread(target=work) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(latencies)


def p95(values: list[float]) -> float:
    return values[min(len(values) - 1, int(0.95 * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument(
        "--home", type=Path, default=None, help="build the index in this folder, reuse it later"
    )
    args = parser.parse_args()
    queries = _retrieval_bench().QUERIES
    sample = SAMPLE_ARTICLE.read_text(encoding="utf-8")

    def check(client: httpx.Client, i: int) -> httpx.Response:
        return client.post("/api/check", json={"text": sample})

    def search(client: httpx.Client, i: int) -> httpx.Response:
        return client.get("/api/search", params={"q": queries[i % len(queries)], "k": 5})

    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp) / "home"
        total = reuse_index(home, args.chunks) or build_index(home, args.chunks)
        port = free_port()
        server = start_server(home, port)
        base = f"http://127.0.0.1:{port}"
        try:
            rows = []
            for name, request in (("POST /api/check (sample article)", check),
                                  (f"GET /api/search ({total:,} chunks)", search)):  # fmt: skip
                for clients in dict.fromkeys((1, args.clients)):
                    load(base, request, 2 * clients, clients)  # warm-up
                    t0 = time.perf_counter()
                    ms = load(base, request, args.requests, clients)
                    rate = len(ms) / (time.perf_counter() - t0)
                    rows.append((name, clients, statistics.median(ms), p95(ms), rate))
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"| endpoint ({args.requests} requests) | clients | p50 ms | p95 ms | requests/s |")
    print("|---|---:|---:|---:|---:|")
    for name, clients, p50, p95_ms, rate in rows:
        print(f"| {name} | {clients} | {p50:.1f} | {p95_ms:.1f} | {rate:.1f} |")


if __name__ == "__main__":
    main()
