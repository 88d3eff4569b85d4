"""Fixtures for the reader's-language tests: no ambient FINNEWS_LANG, the analyze fixtures."""

from __future__ import annotations

import pytest

from tests.analyze.conftest import llm_settings, make_model, market, sample

__all__ = ["llm_settings", "make_model", "market", "sample"]


@pytest.fixture(autouse=True)
def _no_ambient_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FINNEWS_LANG", raising=False)
