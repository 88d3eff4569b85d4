"""Fixtures for analyze/summarize tests: the sample article, snapshot data, a scripted server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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

NOW = datetime(2025, 12, 13, 12, 0, 0, tzinfo=timezone.utc)
SECRET = "sk-test-SECRET-do-not-leak-123"


@pytest.fixture
def sample() -> Article:
    return load_article(SAMPLE_ARTICLE)


@pytest.fixture(scope="session")
def market() -> SnapshotMarketData:
    return SnapshotMarketData()


@pytest.fixture
def openai_server() -> Iterator[OpenAIServer]:
    with OpenAIServer() as server:
        yield server


@pytest.fixture
def sleeps() -> list[float]:
    return []


def server_settings(server: OpenAIServer, **env: Any) -> Settings:
    values: dict[str, Any] = {
        "OPENAI_BASE_URL": server.base_url,
        "OPENAI_API_KEY": SECRET,
        "FINNEWS_OFFLINE": False,
        "FINNEWS_MODEL": "test-model",
        "FINNEWS_LLM_TIMEOUT": 5.0,
        "FINNEWS_LLM_RETRIES": 2,
    }
    values.update(env)
    return Settings(**values)


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
