"""FINNEWS_EMBEDDER=openai through the real `openai` client against the local test server."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.cli import main
from assistant.config import Settings, get_settings
from assistant.errors import ConfigError, IndexMismatchError, ProviderError
from retrieval.embed import MINILM_NAME, MiniLMEmbedder
from retrieval.embed_openai import OpenAIEmbedder
from retrieval.index import open_index
from retrieval.ingest import IngestReport, ingest, reindex
from retrieval.search import search
from tests.conftest import FIXTURES
from tests.support.openai_server import OpenAIServer, _fake_embedding, server_settings

KEY = "sk-test-Secret-0123456789"
SOURCES = [str(FIXTURES / "articles"), str(FIXTURES / "feeds")]


def openai_settings(server: OpenAIServer, **env: object) -> Settings:
    values: dict[str, object] = {
        "FINNEWS_EMBEDDER": "openai",
        "FINNEWS_EMBEDDING_MODEL": "test-embed",
        "OPENAI_API_KEY": KEY,
        "FINNEWS_LLM_RETRIES": 2,
    }
    values.update(env)
    return server_settings(server, **values)


def counts(report: IngestReport) -> tuple[int, int, int, int]:
    return report.new, report.updated, report.unchanged, report.failed


def mismatch(settings: Settings, built: str, now: str) -> str:
    return (
        f"the news index at {settings.data_dir / 'chroma'} was built with {built} but the "
        f"configured embedder is {now}; run `finnews reindex` to rebuild it, or set "
        "FINNEWS_EMBEDDER back"
    )


def test_ingest_and_search_with_openai_embeddings(openai_server: OpenAIServer) -> None:
    settings = openai_settings(openai_server)
    report = ingest(SOURCES, settings=settings)
    assert counts(report) == (9, 0, 1, 1)
    assert (report.chunks, report.embedding_model) == (9, "openai:test-embed")
    with open_index(settings) as index:
        stats = index.stats()
        assert (stats.embedding_model, stats.embedding_dim) == ("openai:test-embed", 8)
        assert index.embedding_model == ("openai:test-embed", 8)

    [request] = openai_server.embedding_requests  # one batch for all 9 passages
    assert request.body["model"] == "test-embed"
    assert len(request.body["input"]) == 9
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert KEY not in str(request.body)

    hits = search("oil barrel supply", settings=settings, k=3)
    assert hits[0].title == "Oil tops $80 a barrel on supply worries"
    assert len(openai_server.embedding_requests) == 2
    # The similarity is the cosine of the server's own vectors for the query and passage.
    expected = float(np.dot(_fake_embedding("oil barrel supply"), _fake_embedding(hits[0].text)))
    assert hits[0].similarity == pytest.approx(expected, abs=1e-5)

    again = ingest(SOURCES, settings=settings)
    assert counts(again) == (0, 0, 10, 1)
    assert len(openai_server.embedding_requests) == 2  # nothing was embedded again


def test_default_model_name_on_another_server_keeps_the_served_dimension(
    openai_server: OpenAIServer,
) -> None:
    # text-embedding-3-small has 1536 dims at OpenAI, but this server answers with 8.
    settings = openai_settings(openai_server, FINNEWS_EMBEDDING_MODEL="text-embedding-3-small")
    assert counts(ingest(SOURCES, settings=settings)) == (9, 0, 1, 1)
    assert counts(ingest(SOURCES, settings=settings)) == (0, 0, 10, 1)
    assert search("oil", settings=settings, k=1)[0].title.startswith("Oil tops")
    with open_index(settings) as index:
        assert index.embedding_model == ("openai:text-embedding-3-small", 8)
    assert OpenAIEmbedder(Settings(OPENAI_API_KEY=KEY, FINNEWS_OFFLINE=False)).dim == 1536


def test_switching_embedders_needs_reindex(
    openai_server: OpenAIServer, embedder: MiniLMEmbedder
) -> None:
    settings = openai_settings(openai_server)
    ingest(SOURCES, settings=settings)
    minilm = Settings(FINNEWS_OFFLINE=False)
    expected = mismatch(minilm, "openai:test-embed (8 dims)", f"{MINILM_NAME} (384 dims)")
    with pytest.raises(IndexMismatchError) as err:
        search("oil", settings=minilm, embedder=embedder)
    assert str(err.value) == expected
    with pytest.raises(IndexMismatchError) as err:
        ingest([str(FIXTURES / "articles")], settings=minilm, embedder=embedder)
    assert str(err.value) == expected

    report = reindex(settings=minilm, embedder=embedder)
    assert (report.new, report.chunks, report.embedding_model) == (9, 9, MINILM_NAME)
    with open_index(minilm) as index:
        assert index.embedding_model == (MINILM_NAME, 384)
    assert search("oil", settings=minilm, embedder=embedder, k=1)[0].title.startswith("Oil tops")

    # And back: the openai embedder refuses the MiniLM index until it is rebuilt.
    with pytest.raises(IndexMismatchError) as err:
        search("oil", settings=settings)
    assert str(err.value) == mismatch(settings, f"{MINILM_NAME} (384 dims)", "openai:test-embed")
    requests = len(openai_server.embedding_requests)
    report = reindex(settings=settings)
    assert (report.new, report.embedding_model) == (9, "openai:test-embed")
    assert len(openai_server.embedding_requests) == requests + 1
    assert search("oil", settings=settings, k=1)[0].title.startswith("Oil tops")


def test_a_changed_dimension_is_a_mismatch(openai_server: OpenAIServer, tmp_path: Path) -> None:
    settings = openai_settings(openai_server)
    ingest(SOURCES, settings=settings)
    openai_server.embedding_dims = 12  # e.g. the server now serves another model revision
    with pytest.raises(IndexMismatchError) as err:
        search("oil", settings=settings)
    assert str(err.value) == mismatch(
        settings, "openai:test-embed (8 dims)", "openai:test-embed (12 dims)"
    )
    note = tmp_path / "note.md"
    note.write_text("# Gold slips\n\nGold fell 1% on Monday.\n", encoding="utf-8")
    with pytest.raises(IndexMismatchError) as err:
        ingest([str(note)], settings=settings)
    assert "(12 dims); run `finnews reindex`" in str(err.value)
    with open_index(settings) as index:
        assert (index.stats().articles, index.embedding_model) == (9, ("openai:test-embed", 8))


def test_rate_limits_and_server_errors_are_retried(openai_server: OpenAIServer) -> None:
    settings = openai_settings(openai_server)  # FINNEWS_LLM_RETRIES=2
    openai_server.enqueue_embedding(status=429, retry_after="0.01")
    openai_server.enqueue_embedding(status=503, retry_after="0.01")
    assert counts(ingest(SOURCES, settings=settings)) == (9, 0, 1, 1)
    assert len(openai_server.embedding_requests) == 3


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (429, "is rate limiting us (HTTP 429); gave up after 2 retries (FINNEWS_LLM_RETRIES); "
              "wait and run it again"),
        (500, "failed (HTTP 500); gave up after 2 retries (FINNEWS_LLM_RETRIES); try again later"),
    ],
)  # fmt: skip
def test_persistent_failures_give_up_after_the_retries(
    openai_server: OpenAIServer, status: int, reason: str
) -> None:
    settings = openai_settings(openai_server)
    for _ in range(3):
        openai_server.enqueue_embedding(status=status, retry_after="0.01")
    with pytest.raises(ProviderError) as err:
        ingest(SOURCES, settings=settings)
    assert str(err.value) == f"the embeddings server at {openai_server.base_url} {reason}"
    assert err.value.retryable is True
    assert len(openai_server.embedding_requests) == 3
    with open_index(settings) as index:
        assert index.count() == 0


def test_errors_name_the_fix_and_never_hold_the_key(openai_server: OpenAIServer) -> None:
    echo = {"error": {"message": f"Incorrect API key provided: {KEY}", "type": "auth"}}
    where = f"the embeddings server at {openai_server.base_url}"
    cases: list[tuple[dict[str, object], type[Exception], str]] = [
        (
            {"status": 401, "error_body": echo},
            ConfigError,
            f"{where} rejected the API key (HTTP 401); set OPENAI_API_KEY to a valid key",
        ),
        (
            {"status": 404},
            ConfigError,
            f"{where} does not serve embedding model 'test-embed' (HTTP 404); set "
            "FINNEWS_EMBEDDING_MODEL to a model it serves, or check OPENAI_BASE_URL",
        ),
        (
            {"status": 400, "error_body": {"error": {"message": f"bad input from {KEY}"}}},
            ProviderError,
            f"{where} refused the request (HTTP 400): bad input from ***",
        ),
        (
            {"malformed": True},
            ProviderError,
            f"{where} sent an answer that is not valid embeddings: Unterminated string "
            "starting at: line 1 column 30 (char 29)",
        ),
        (
            {"drop": True},
            ProviderError,
            f"cannot reach {where}; gave up after 0 retries (FINNEWS_LLM_RETRIES); "
            "check OPENAI_BASE_URL",
        ),
        (
            {"latency": 1.0},
            ProviderError,
            f"{where} did not answer within 0.2 s (FINNEWS_LLM_TIMEOUT); "
            "gave up after 0 retries (FINNEWS_LLM_RETRIES)",
        ),
    ]
    settings = openai_settings(openai_server, FINNEWS_LLM_RETRIES=0, FINNEWS_LLM_TIMEOUT=0.2)
    for fault, kind, message in cases:
        openai_server.enqueue_embedding(**fault)
        with pytest.raises(kind) as err:
            OpenAIEmbedder(settings).embed(["IWM rose 2%"])
        assert type(err.value) is kind
        assert str(err.value) == message
        assert KEY not in repr(err.value) and err.value.__cause__ is None
    assert len(openai_server.embedding_requests) == len(cases)


def test_cli_reports_the_mismatch_and_reindexes(
    openai_server: OpenAIServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def finnews(*args: str, **env: str) -> tuple[int, str, str]:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        with pytest.raises(SystemExit) as exit_:
            main(list(args))
        out, err = capsys.readouterr()
        return int(exit_.value.code or 0), out, err

    code, out, err = finnews(
        "ingest", "-q", *SOURCES,
        FINNEWS_OFFLINE="0", FINNEWS_EMBEDDER="openai", FINNEWS_EMBEDDING_MODEL="test-embed",
        OPENAI_BASE_URL=openai_server.base_url, OPENAI_API_KEY=KEY, FINNEWS_LLM_RETRIES="0",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.startswith("11 items: 9 new, 0 updated, 1 unchanged, 1 failed (9 passages")

    code, out, err = finnews("search", "oil", FINNEWS_EMBEDDER="minilm")
    home = get_settings().data_dir
    assert (code, out) == (2, "")
    built, now = "openai:test-embed (8 dims)", f"{MINILM_NAME} (384 dims)"
    assert err == f"Error: {mismatch(get_settings(), built, now)}\n"
    assert str(home) in err

    code, out, err = finnews("reindex", "-q")
    assert (code, err) == (0, "")
    assert out.startswith(f"reindexed 9 articles (9 passages) with {MINILM_NAME} in ")

    openai_server.enqueue_embedding(status=401)
    code, out, err = finnews("reindex", "-q", FINNEWS_EMBEDDER="openai")
    assert code == 2
    assert err == (
        f"Error: the embeddings server at {openai_server.base_url} rejected the API key "
        "(HTTP 401); set OPENAI_API_KEY to a valid key\n"
    )
    assert KEY not in out + err
