"""The int8 ONNX embedder against fp32 reference vectors (bench/embedding_reference.py)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.config import Settings
from assistant.errors import ConfigError
from retrieval.embed import MINILM_DIM, MiniLMEmbedder, make_embedder
from tests.conftest import FIXTURES

REFERENCE = json.loads((FIXTURES / "embeddings" / "reference_fp32.json").read_text())


@pytest.fixture(scope="module")
def embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()


def test_cosine_to_fp32_reference(embedder: MiniLMEmbedder) -> None:
    texts = REFERENCE["sentences"] + REFERENCE["queries"]
    ref = np.array(REFERENCE["embeddings"] + REFERENCE["query_embeddings"], dtype=np.float32)
    ours = embedder.embed(texts)
    assert ours.shape == (12, MINILM_DIM)
    cosines = (ours * ref).sum(axis=1)
    assert all(c >= 0.99 for c in cosines), cosines
    assert REFERENCE["measured_int8"]["cosine_min"] == 0.9995


def test_top3_identical_to_fp32(embedder: MiniLMEmbedder) -> None:
    docs = embedder.embed(REFERENCE["sentences"])
    queries = embedder.embed(REFERENCE["queries"])
    top3 = [list(map(int, np.argsort(-(docs @ q))[:3])) for q in queries]
    assert top3 == REFERENCE["top3"] == [[0, 1, 2], [6, 2, 0], [4, 2, 0], [7, 3, 0]]


def test_unit_length_and_order_independent_of_batching(embedder: MiniLMEmbedder) -> None:
    texts = ["short", "a much longer sentence about the bond market and yields", "IJR"] * 4
    together = embedder.embed(texts)
    alone = np.vstack([embedder.embed([t]) for t in texts])
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert np.allclose(together, alone, atol=1e-4)
    assert embedder.embed([]).shape == (0, MINILM_DIM)


def test_make_embedder_choices() -> None:
    assert make_embedder(Settings(FINNEWS_EMBEDDER="minilm")).name == "all-MiniLM-L6-v2 (onnx-int8)"
    with pytest.raises(ConfigError) as info:
        make_embedder(Settings(FINNEWS_EMBEDDER="bert"))
    assert str(info.value) == "FINNEWS_EMBEDDER='bert' is unknown; use 'minilm' or 'openai'"
    with pytest.raises(ConfigError) as info:
        make_embedder(Settings(FINNEWS_EMBEDDER="openai", FINNEWS_OFFLINE=True))
    assert str(info.value) == (
        "FINNEWS_EMBEDDER=openai needs the network; unset it or drop --offline"
    )
    with pytest.raises(ConfigError) as info:
        make_embedder(Settings(FINNEWS_EMBEDDER="openai", FINNEWS_OFFLINE=False))
    assert "needs OPENAI_API_KEY" in str(info.value)
