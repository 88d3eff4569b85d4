"""One Settings object, read at the edge. Nothing else reads os.environ."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every finnews setting; env vars win over `.env`, which wins over defaults."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    home: Path | None = Field(
        default=None,
        alias="FINNEWS_HOME",
        description="Data directory (cache, index, history). Default: ~/.finnews",
    )
    offline: bool = Field(
        default=False,
        alias="FINNEWS_OFFLINE",
        description="Never touch the network: bundled market data, offline engine.",
    )
    chroma_url: str | None = Field(
        default=None,
        alias="FINNEWS_CHROMA_URL",
        description="Use a Chroma server (http://host:port) instead of the embedded index.",
    )
    embedder: str = Field(
        default="minilm",
        alias="FINNEWS_EMBEDDER",
        description="'minilm' (local ONNX, default) or 'openai'.",
    )
    openai_api_key: SecretStr | None = Field(default=None, alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, alias="OPENAI_BASE_URL")
    openai_model: str = Field(default="gpt-4o-mini", alias="FINNEWS_MODEL")
    openai_embedding_model: str = Field(
        default="text-embedding-3-small", alias="FINNEWS_EMBEDDING_MODEL"
    )
    llm_timeout: float = Field(default=60.0, alias="FINNEWS_LLM_TIMEOUT", gt=0)
    fetch_timeout: float = Field(
        default=30.0,
        alias="FINNEWS_FETCH_TIMEOUT",
        gt=0,
        description="Seconds to wait for each connect/read when fetching a feed or page URL.",
    )
    llm_retries: int = Field(default=3, alias="FINNEWS_LLM_RETRIES", ge=0)
    unchecked_numbers: str = Field(
        default="flag",
        alias="FINNEWS_UNCHECKED_NUMBERS",
        pattern="^(flag|remove)$",
        description="What to do with an LLM number that traces to no source: flag or remove.",
    )

    @property
    def data_dir(self) -> Path:
        return data_dir(self)

    @property
    def llm_configured(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)


def data_dir(settings: Settings) -> Path:
    """The one place that decides where finnews keeps its state."""
    path = settings.home if settings.home else Path.home() / ".finnews"
    path = path.expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
