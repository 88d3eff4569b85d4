"""`GET /api/search` writes the hits' JSON once, typed in the schema by `SearchHit`."""

from __future__ import annotations

from typing import Any

from retrieval.search import search


def test_search_answers_with_the_hits_json(client: Any) -> None:
    warm = client.app.state.warm
    response = client.get("/api/search", params={"q": "Fed quarter point cut", "k": 3})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    hits = search("Fed quarter point cut", settings=warm.settings, k=3, index=warm.index,
                  embedder=warm.embedder)  # fmt: skip
    assert response.json() == [h.model_dump(mode="json") for h in hits]


def test_search_schema_names_the_hit_model(client: Any) -> None:
    schema = client.get("/api/openapi.json").json()
    ok = schema["paths"]["/api/search"]["get"]["responses"]["200"]["content"]
    assert ok["application/json"]["schema"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/SearchHit"},
        "title": "Response Api Search Api Search Get",
    }
