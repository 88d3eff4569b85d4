"""The HTML pages come from Jinja2 templates with autoescape: a value a template shows is
escaped (and loses control characters) without the renderer having to remember to."""

from __future__ import annotations

from importlib import resources

from assistant.i18n import using
from assistant.render.digest import render_html as digest_html
from assistant.render.templating import environment
from assistant.summarize import SummarizeReport, SummaryRecord


def test_a_template_escapes_what_it_shows_and_drops_control_characters() -> None:
    page = environment().from_string("<p title='{{ v }}'>{{ v }}</p>").render(v="<b>'\x1b[31m&")
    assert page == "<p title='&lt;b&gt;&#39;&amp;'>&lt;b&gt;&#39;&amp;</p>"


def test_no_template_turns_escaping_off() -> None:
    folder = resources.files("assistant.render").joinpath("templates")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".html"))
    assert names == ["chart.html", "digest.html", "report.html"]
    for name in names:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", "") and "autoescape" not in text


def _record(**values: object) -> SummaryRecord:
    base: dict[str, object] = {
        "id": "a",
        "title": "Story <b>bold</b>",
        "url": "javascript:alert(1)",
        "source": "<i>desk</i>",
        "published": None,
        "tickers": [],
        "summary": "x < y & z",
        "engine": "llm",
        "unchecked_numbers": 0,
        "unchecked_policy": "flag",
        "claims": [],
        "content_hash": "h",
        "fingerprint": "f",
    }
    return SummaryRecord.model_validate(base | values)


def test_digest_article_fields_are_text_and_links_only_web() -> None:
    report = SummarizeReport(
        records=[_record(), _record(id="b", url="https://x.example/?a=1&b=<c>")]
    )
    page = digest_html(report)
    assert "<article><h3>Story &lt;b&gt;bold&lt;/b&gt;</h3>" in page  # no javascript: link
    assert '<a href="https://x.example/?a=1&amp;b=%3Cc%3E" rel="noopener noreferrer">' in page
    assert '<p class="meta">&lt;i&gt;desk&lt;/i&gt; · undated · no numeric claims</p>' in page
    assert "<p>x &lt; y &amp; z</p>" in page


def test_page_titles_are_in_the_readers_language() -> None:
    with using("zh"):
        page = digest_html(SummarizeReport(records=[]))
    assert "<title>finnews 新闻摘要</title>" in page
