"""`POST /api/check` in worker processes (every core): the same bytes as `finnews check
--json`, the same errors, and checks go on in the app's process when the workers die."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from assistant.cli.common import SAMPLE_ARTICLE
from assistant.config import Settings
from assistant.serve import create_app
from tests.serve.conftest import LOCAL
from tests.support_cli import run_cli

SAMPLE = SAMPLE_ARTICLE.read_text(encoding="utf-8")


def test_checks_in_worker_processes(make_app: Callable[..., Any], capsys, monkeypatch) -> None:
    cli = run_cli(["check", "-", "--json", "--offline"], capsys, monkeypatch, SAMPLE.encode())
    dated = run_cli(["check", "-", "--json", "--offline", "--date", "2025-12-10"], capsys,
                    monkeypatch, SAMPLE.encode())  # fmt: skip
    app = make_app(warm={"check_workers": 1}, warm_up=True)
    warm = app.state.warm
    with TestClient(app, base_url=LOCAL) as client:
        pool = warm.pool
        assert pool is not None and pool.workers == 1
        (worker,) = pool._pool._processes.values()
        assert worker.is_alive()
        response = client.post("/api/check", json={"text": SAMPLE})
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert response.text == cli.out.rstrip("\n")
        again = client.post("/api/check", json={"text": SAMPLE, "date": "2025-12-10"})
        assert again.text == dated.out.rstrip("\n")
        far = client.post("/api/check", json={"text": SAMPLE, "date": "1850-01-02"})
        assert far.status_code == 400
        assert far.json()["detail"].startswith("date '1850-01-02' ")
        empty = client.post("/api/check", json={"text": "   "})
        assert (empty.status_code, empty.json()) == (400, {"detail": "<text>: file is empty"})

        worker.kill()  # the workers are gone: the check runs here, with the same answer
        worker.join()
        after = client.post("/api/check", json={"text": SAMPLE})
        assert after.status_code == 200
        assert after.text == cli.out.rstrip("\n")
        assert pool._pool is None
    assert warm.pool is None  # closed with the app
    assert not worker.is_alive()


def test_serving_starts_one_check_worker_per_cpu(monkeypatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 3)
    settings = Settings()
    assert create_app(settings, offline=True, warm_up=True).state.warm.check_workers == 3
    assert create_app(settings, offline=True).state.warm.check_workers == 0
    assert create_app(settings, offline=True, check_workers=2).state.warm.check_workers == 2
    assert create_app(settings, warm_up=True, check_workers=0).state.warm.check_workers == 0


PARENT = """
import os, sys
from assistant.config import Settings
from assistant.serve.workers import CheckPool
pool = CheckPool(Settings(), offline=True, workers=1)
pool.warm_up()
print(*pool._pool._processes, flush=True)
os._exit(9)  # killed outright: no shutdown of the pool
"""


def test_workers_end_when_the_app_is_killed(tmp_path) -> None:
    import subprocess
    import sys
    import time

    done = subprocess.run([sys.executable, "-c", PARENT], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 9, done.stderr
    (pid,) = map(int, done.stdout.split())
    deadline = time.monotonic() + 60
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(pid)


def _running(pid: int) -> bool:
    """Whether the process runs (a zombie waiting for its reaper does not)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
