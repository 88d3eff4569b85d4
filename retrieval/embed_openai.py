"""OpenAI (or OpenAI-compatible) embeddings behind the Embedder seam."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.errors import ConfigError, ProviderError

if TYPE_CHECKING:
    from assistant.config import Settings

KNOWN_DIMS = {"text-embedding-3-small": 1536, "text-embedding-3-large": 3072}


class OpenAIEmbedder:
    """Embeddings from the OpenAI API; the dimension is learned from the first answer."""

    def __init__(self, settings: Settings, *, batch_size: int = 256) -> None:
        if settings.offline:
            raise ConfigError(
                "FINNEWS_EMBEDDER=openai needs the network; unset it or drop --offline"
            )
        if not settings.llm_configured:
            raise ConfigError(
                "FINNEWS_EMBEDDER=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL) to be set"
            )
        import openai

        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "none"
        self._client = openai.OpenAI(
            api_key=key,
            base_url=settings.openai_base_url,
            timeout=settings.llm_timeout,
            max_retries=settings.llm_retries,
        )
        self._errors = (openai.OpenAIError,)
        self.model = settings.openai_embedding_model
        self.name = f"openai:{self.model}"
        self.dim = KNOWN_DIMS.get(self.model, 0)
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows: list[list[float]] = []
        for lo in range(0, len(texts), self.batch_size):
            batch = [t or " " for t in texts[lo : lo + self.batch_size]]
            try:
                answer = self._client.embeddings.create(model=self.model, input=batch)
            except self._errors as exc:
                raise ProviderError(f"OpenAI embeddings failed: {exc}", retryable=True) from None
            rows.extend(item.embedding for item in sorted(answer.data, key=lambda d: d.index))
        out = np.asarray(rows, dtype=np.float32).reshape(len(rows), -1)
        if out.size:
            self.dim = int(out.shape[1])
            out /= np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)
        return out
