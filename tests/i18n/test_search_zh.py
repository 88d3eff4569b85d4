"""Why a search found nothing (`retrieval.search.explain_no_hits`), in Chinese; English
as it is."""

from __future__ import annotations

import pytest

from assistant.i18n import using
from assistant.i18n.search import no_hits_text


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        (
            "No passages: the news index is empty; add news with "
            "`finnews ingest FEED|DIR|FILE|URL`.",
            "没有段落：新闻索引为空；请用 `finnews ingest FEED|DIR|FILE|URL` 添加新闻。",
        ),
        (
            "No passages: no indexed article mentions ZZZ (5 articles indexed); no source name "
            "contains 'Foo' (the sources are Example Wire, Market Notes).",
            "没有段落：没有已收录文章提到 ZZZ（已收录 5 篇文章）；没有来源名称包含 'Foo'（来源有 "
            "Example Wire, Market Notes）。",
        ),
        (
            "No passages: no indexed article is dated on or after 2030-01-01 (dated articles run "
            "from 2025-11-20 to 2025-12-10).",
            "没有段落：没有已收录文章的日期在2030年1月1日或之后（有日期的文章从2025年11月20日到"
            "2025年12月10日）。",
        ),
        ("No passages matched.", "没有匹配的段落。"),
        (
            "No passages match --ticker IWM and --source 'Wire' together, though each matches "
            "some on its own.",
            "没有同时符合 --ticker IWM and --source 'Wire' 的段落，尽管各条件单独都有匹配。",
        ),
        ("Something else entirely.", "Something else entirely."),
    ],
)
def test_no_hits_in_chinese(english: str, chinese: str) -> None:
    with using("zh"):
        assert no_hits_text(english) == chinese
    with using("en"):
        assert no_hits_text(english) == english
