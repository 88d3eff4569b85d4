"""Which article a file is (issue 9, item 2): a changed file replaces its old passages.

The identity of an article, first found wins: its front matter `id`, its URL (front
matter `url`, or the page's canonical link), the file's path; text with none of these
(stdin, a string) is known by its title and text.
"""

from __future__ import annotations

import io
from pathlib import Path

from assistant.config import Settings
from retrieval.articles import article_id, load_article
from retrieval.index import open_index
from retrieval.ingest import ingest
from retrieval.search import search
from tests.retrieval.conftest import HashEmbedder


def test_a_file_without_id_or_url_is_known_by_its_path(tmp_path: Path) -> None:
    path = tmp_path / "notes" / "oil.md"
    path.parent.mkdir()
    path.write_text("# Oil\n\nCrude rose 2% on Monday.\n", encoding="utf-8")
    first = load_article(path)
    path.write_text("# Oil\n\nCrude rose 3% on Monday.\n", encoding="utf-8")
    edited = load_article(path)
    assert first.id == edited.id == article_id("", "", "", key=f"path:{path.resolve()}")
    assert first.text != edited.text
    twin = tmp_path / "oil.md"
    twin.write_bytes(path.read_bytes())
    assert load_article(twin).id != edited.id
    assert load_article(tmp_path / "notes" / ".." / "notes" / "oil.md").id == edited.id


def test_front_matter_id_then_url_then_path(tmp_path: Path) -> None:
    by_id = tmp_path / "a.md"
    by_id.write_text("---\nid: desk-0042\nurl: https://x.example/a\n---\nText one.\n")
    moved = tmp_path / "b.md"
    moved.write_text("---\nid: desk-0042\n---\nText two.\n")
    own = article_id("", "", "", key="id:desk-0042")
    assert load_article(by_id).id == load_article(moved).id == own
    by_url = tmp_path / "c.md"
    by_url.write_text("---\nurl: https://x.example/c?utm_source=rss\n---\nText three.\n")
    assert load_article(by_url).id == article_id("https://x.example/c", "", "")
    text = "Rates\n\nThe Fed held rates steady.\n"
    assert load_article(text).id == article_id("", "Rates", "The Fed held rates steady.")


def test_editing_a_file_and_ingesting_again_replaces_it(settings: Settings, tmp_path: Path) -> None:
    embedder = HashEmbedder()
    path = tmp_path / "desk-note.md"
    path.write_text("# Desk note\n\nSmall caps rose 1.1% on Monday.\n", encoding="utf-8")
    first = ingest([path], settings=settings, embedder=embedder)
    assert (first.new, first.updated, first.unchanged) == (1, 0, 0)
    path.write_text("# Desk note\n\nSmall caps rose 1.4% on Monday, a correction.\n")
    second = ingest([path], settings=settings, embedder=embedder)
    assert (second.new, second.updated, second.unchanged) == (0, 1, 0)
    again = ingest([path], settings=settings, embedder=embedder)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 1)
    with open_index(settings) as index:
        texts = [s.article.text for s in index.articles()]
        passages = [c.text for c in index.passages()]
    assert texts == ["Small caps rose 1.4% on Monday, a correction."]
    assert passages == texts
    hits = search("small caps", settings=settings, embedder=embedder, k=5)
    assert [h.text for h in hits] == texts


def test_stdin_is_known_by_its_content(settings: Settings) -> None:
    embedder = HashEmbedder()
    one = ingest(["-"], settings=settings, embedder=embedder, stdin=io.BytesIO(b"Oil rose 2%.\n"))
    two = ingest(["-"], settings=settings, embedder=embedder, stdin=io.BytesIO(b"Oil rose 3%.\n"))
    same = ingest(["-"], settings=settings, embedder=embedder, stdin=io.BytesIO(b"Oil rose 3%.\n"))
    assert [(r.new, r.updated, r.unchanged) for r in (one, two, same)] == [
        (1, 0, 0),
        (1, 0, 0),
        (0, 0, 1),
    ]
