"""News passages for the chat: ranked search over the index, or one article's passages.

Retrieval is imported lazily (Chroma and the embedder are heavy). Passages below
MIN_SCORE are not relevant enough to answer from: the chat says so instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from assistant.config import Settings
from assistant.errors import BadInputError
from assistant.models import Article

if TYPE_CHECKING:
    from retrieval.search import SearchHit

MIN_SCORE = 0.25  # hybrid score (0.7 cosine + 0.3 keyword share) of a relevant passage
ID_PREFIX_MIN = 4


@dataclass(frozen=True)
class Passage:
    """A span of one article: article text[start:end] == text. A search hit carries these
    fields and more; a `Citation` is a passage numbered [n] in an answer."""

    article_id: str
    title: str
    published: datetime | None
    source: str
    url: str
    text: str
    start: int
    end: int
    score: float | None = None

    @classmethod
    def of(cls, record: object) -> Passage:
        """The passage a record with the same fields holds (a search hit)."""
        return cls(**{f.name: getattr(record, f.name) for f in fields(cls)})


def relevant(hits: Iterable[SearchHit], min_score: float = MIN_SCORE) -> list[Passage]:
    """The passages of ranked search hits relevant enough to answer from."""
    return [Passage.of(h) for h in hits if h.score >= min_score]


class NewsSource(Protocol):
    """Where the chat finds news: the index, or anything that answers the same calls."""

    def search(self, query: str, k: int, *, ticker: str | None = None) -> list[Passage]: ...

    def find_article(self, ident: str) -> Article: ...

    def add_article(self, article: Article) -> None: ...


class IndexNews:
    """The news index of the settings' data dir (embedded Chroma or a Chroma server)."""

    def __init__(self, settings: Settings, min_score: float = MIN_SCORE) -> None:
        self.settings = settings
        self.min_score = min_score

    def search(self, query: str, k: int, *, ticker: str | None = None) -> list[Passage]:
        from retrieval.search import search

        return relevant(search(query, settings=self.settings, k=k, ticker=ticker), self.min_score)

    def find_article(self, ident: str) -> Article:
        from retrieval.index import open_index

        wanted = ident.strip()
        if not wanted:
            raise BadInputError("give an article id (see /sources)")
        with open_index(self.settings) as index:
            found = [s.article for s in index.articles() if s.article.id.startswith(wanted)]
        exact = [a for a in found if a.id == wanted]
        if exact:
            return exact[0]
        if not found:
            raise BadInputError(
                f"no indexed article has the id {wanted!r}; /sources lists the ids of the "
                "last answer's passages, `finnews search` those of any passage"
            )
        if len(found) > 1 or len(wanted) < ID_PREFIX_MIN:
            raise BadInputError(
                f"{wanted!r} matches {len(found)} articles; give more of the id "
                f"(at least {ID_PREFIX_MIN} characters)"
            )
        return found[0]

    def add_article(self, article: Article) -> None:
        from retrieval.ingest import ingest_articles

        ingest_articles([article], settings=self.settings)


def article_passages(article: Article, question: str, k: int) -> list[Passage]:
    """The article's passages that share the most terms with the question, in text order.

    The lead passage is always kept: a question about "this article" is about it.
    """
    from retrieval.chunks import chunk_text
    from retrieval.ranking import keyword_score, query_terms

    chunks = chunk_text(article.id, article.text)
    terms = query_terms(question)
    scored = [(keyword_score(terms, c.text), c) for c in chunks]
    best = sorted(scored, key=lambda sc: (-sc[0], sc[1].index))[: max(1, k)]
    keep = {c.index for s, c in best if s > 0} | {chunks[0].index} if chunks else set()
    return [
        Passage(
            article.id,
            article.title,
            article.published,
            article.source,
            article.url,
            c.text,
            c.start,
            c.end,
            round(s, 6),
        )  # fmt: skip
        for s, c in scored
        if c.index in keep
    ]


def passages_text(passages: Sequence[Passage], first: int = 1) -> str:
    """Passages numbered for a prompt: '[1] Title (source, 2025-12-10)\\ntext'."""
    blocks = []
    for n, p in enumerate(passages, start=first):
        when = p.published.date().isoformat() if p.published else "date unknown"
        meta = ", ".join(x for x in (p.source, when) if x)
        blocks.append(f"[{n}] {p.title or '(untitled)'} ({meta})\n{p.text}")
    return "\n\n".join(blocks)
