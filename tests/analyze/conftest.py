"""Fixtures for analyze/summarize tests: the sample article, snapshot data, a scripted server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import pytest

from assistant.cli.common import SAMPLE_ARTICLE
from assistant.config import Settings
from assistant.llm.openai_chat import LangChainChatModel
from assistant.llm.retry import RetryPolicy
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from retrieval.articles import load_article
from tests.support.openai_server import OpenAIServer
from tests.support.openai_server import server_settings as shared_server_settings

NOW = datetime(2025, 12, 13, 12, 0, 0, tzinfo=timezone.utc)
SECRET = "sk-test-SECRET-do-not-leak-123"


@pytest.fixture
def sample() -> Article:
    return load_article(SAMPLE_ARTICLE)


@pytest.fixture(scope="session")
def market() -> SnapshotMarketData:
    return SnapshotMarketData()


def server_settings(server: OpenAIServer, **env: Any) -> Settings:
    """The shared server settings with a secret key (it must never leak) and 2 retries."""
    values: dict[str, Any] = {"OPENAI_API_KEY": SECRET, "FINNEWS_LLM_RETRIES": 2, **env}
    return shared_server_settings(server, **values)


@pytest.fixture
def llm_settings(openai_server: OpenAIServer) -> Settings:
    return server_settings(openai_server)


@pytest.fixture
def make_model(
    openai_server: OpenAIServer, sleeps: list[float]
) -> Callable[..., LangChainChatModel]:
    """A model on the test server; retries sleep into `sleeps` instead of waiting."""

    def make(settings: Settings | None = None, **kwargs: Any) -> LangChainChatModel:
        s = settings or server_settings(openai_server)
        policy = RetryPolicy(retries=s.llm_retries, random=lambda: 0.5)
        return LangChainChatModel(s, policy=policy, sleep=sleeps.append, now=lambda: NOW, **kwargs)

    return make
