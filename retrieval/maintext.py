"""The main content of a full HTML page, through trafilatura (the only module that imports it).

A news page carries much besides its story: ticker strips, cookie banners, "most read"
lists, related links, newsletters, footers with phone numbers. trafilatura picks the story
and returns it as simplified HTML (paragraphs, headings, lists, tables), which
`retrieval.articles` reads with `retrieval.text.html_to_page` like any other markup.
"""

from __future__ import annotations

import re

_TIME_TAG = re.compile(r"(?is)<time\b[^>]*>(.*?)</time>")
_CAPTION = re.compile(r"(?is)<figcaption\b[^>]*>(.*?)</figcaption>\s*</figure>")


def main_content(markup: str) -> str | None:
    """The page's main content as simplified HTML, or None when trafilatura finds none.

    Precision over recall: a paragraph of page furniture in the text is worse than a
    missed one (its numbers would be checked as the article's claims).
    """
    import trafilatura

    # a live blog stamps each entry "<time>11:05 a.m. ET</time>": the stamp dates its figures
    markup = _TIME_TAG.sub(r"\1", markup)
    markup = _CAPTION.sub(r"</figure><p>\1</p>", markup)  # a chart's caption is read like text
    found = trafilatura.extract(
        markup,
        output_format="html",
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
    )
    return found or None
