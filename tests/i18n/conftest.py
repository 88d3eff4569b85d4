"""Fixtures for the reader's-language tests: no ambient FINNEWS_LANG, the analyze fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.analyze.conftest import llm_settings, make_model, market, sample
from tests.support_cli import run_cli

__all__ = ["llm_settings", "make_model", "market", "sample"]


@pytest.fixture(autouse=True)
def _no_ambient_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FINNEWS_LANG", raising=False)


@pytest.fixture
def report_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """The sample article's `analyze --offline --html` page in Chinese and in English."""
    pages = {}
    for lang in ("zh", "en"):
        out = tmp_path / f"{lang}.html"
        r = run_cli(
            ["analyze", "--offline", "--lang", lang, "--html", "-o", str(out)], capsys, monkeypatch
        )
        assert r.exit_code == 0, r.err
        pages[lang] = out.read_text(encoding="utf-8")
    return pages
