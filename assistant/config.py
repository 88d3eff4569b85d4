"""One Settings object, read at the edge. Nothing else reads os.environ."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import ConfigError

APP_NAME = "finnews"


class Settings(BaseSettings):
    """Every finnews setting; env vars win over `.env`, which wins over defaults."""

    # Only the FINNEWS_*/OPENAI_* names are read: reading fields by their own names too
    # (populate_by_name) made $HOME the data directory. An empty variable counts as unset.
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    home: Path | None = Field(
        default=None,
        alias="FINNEWS_HOME",
        description="Data directory (cache, index, history). Default: the platform's user data "
        "directory for finnews (see `default_data_dir`).",
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
    llm_timeout: float = Field(
        default=60.0,
        alias="FINNEWS_LLM_TIMEOUT",
        gt=0,
        description="Total deadline, in seconds, of one LLM or embeddings request (connecting "
        "and the whole answer, however slowly it arrives); the requests of one call, its "
        "retries included, may take twice this together.",
    )
    fetch_timeout: float = Field(
        default=30.0,
        alias="FINNEWS_FETCH_TIMEOUT",
        gt=0,
        description="Total deadline, in seconds, of one feed or page fetch, Yahoo Finance "
        "request or Chroma server request (connecting and the whole answer, not each read).",
    )
    llm_retries: int = Field(default=3, alias="FINNEWS_LLM_RETRIES", ge=0)
    lock_timeout: float = Field(
        default=600.0,
        alias="FINNEWS_LOCK_TIMEOUT",
        ge=0,
        description="Seconds a command that writes to the data directory waits for another one "
        "to finish before it gives up.",
    )
    lang: str = Field(
        default="en",
        alias="FINNEWS_LANG",
        description="The reader's language (en, zh, or any code an LLM can write in); "
        "`--lang` overrides it.",
    )
    unchecked_numbers: str = Field(
        default="flag",
        alias="FINNEWS_UNCHECKED_NUMBERS",
        pattern="^(flag|remove)$",
        description="What to do with an LLM number that traces to no source: flag or remove.",
    )
    serve_token: SecretStr | None = Field(
        default=None,
        alias="FINNEWS_SERVE_TOKEN",
        description="`finnews serve` on an address other than 127.0.0.1: the token every "
        "request must carry.",
    )

    @property
    def data_dir(self) -> Path:
        return data_dir(self)

    @property
    def llm_configured(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)


def default_data_dir() -> Path:
    """Where finnews keeps its state when FINNEWS_HOME is not set: the platform's user data
    directory (`~/.local/share/finnews` on Linux, `~/Library/Application Support/finnews` on
    macOS, `%LOCALAPPDATA%\\finnews` on Windows)."""
    return user_data_path(APP_NAME, appauthor=False)


def data_location(settings: Settings) -> Path:
    """The data directory, without creating it."""
    return settings.home.expanduser() if settings.home else default_data_dir()


def data_dir(settings: Settings) -> Path:
    """The one place that decides where finnews keeps its state (created when missing)."""
    path = data_location(settings)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"cannot create the data directory {path} ({exc.strerror or exc}); "
            "set FINNEWS_HOME to a directory you can write"
        ) from None
    return path


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
