"""Fixtures for LLM tests: a live scripted OpenAI-compatible server and models pointed at it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import pytest

from assistant.llm.openai_chat import LangChainChatModel
from assistant.llm.retry import RetryPolicy
from tests.support.openai_server import OpenAIServer, server_settings

NOW = datetime(2025, 11, 26, 12, 0, 0, tzinfo=timezone.utc)


@pytest.fixture
def make_model(
    openai_server: OpenAIServer, sleeps: list[float]
) -> Callable[..., LangChainChatModel]:
    """make_model(**settings_env, structured_method=...) -> a model on the test server.

    Backoff jitter is fixed (random() == 0.5), so delays are exact: 0.375, 0.75, 1.5 ...
    """

    def make(structured_method: Any = "json_schema", **env: Any) -> LangChainChatModel:
        settings = server_settings(openai_server, **env)
        policy = RetryPolicy(retries=settings.llm_retries, random=lambda: 0.5)
        return LangChainChatModel(
            settings,
            policy=policy,
            sleep=sleeps.append,
            now=lambda: NOW,
            structured_method=structured_method,
        )

    return make
