"""The words of the web app's frame (navigation, headings, labels, buttons), in the
language `finnews serve` was started with (`--lang`, else FINNEWS_LANG).

The templates hold markup and take every word from `page_words()`; the app's script
takes its own from `script_words()`, written into the page as JSON. English is the
source text, so an English page reads as it always has.
"""

from __future__ import annotations

from functools import cache

from markupsafe import Markup, escape

from assistant.disclaimers import disclaimer
from assistant.i18n import Language, _, current, parse_language


@cache
def language(code: str) -> Language:
    """The app's language for a `--lang`/FINNEWS_LANG code (checked when the app starts)."""
    return parse_language(code)


def _with_code(text: str, code: str) -> Markup:
    """`text` escaped, with `{code}` shown as a <code> element."""
    return Markup(escape(text)).format(code=Markup("<code>{}</code>").format(code))


def page_words() -> dict[str, object]:
    """Every fixed word the pages show, in the active language."""
    return {
        "lang": current().html_lang,
        "news": _("News"),
        "check": _("Check"),
        "chat": _("Chat"),
        "offline": _("offline"),
        "footer": disclaimer("digest"),
        "untitled": _("(untitled)"),
        "original": _("original"),
        "colon": _(": "),
        "no_claims": _("no numeric claims"),
        "claim_heads": ["#", _("claim"), _("verdict"), _("claimed"), _("computed")],
        "ask": _("Ask"),
        "ask_example": _("e.g. How did IWM do in November 2025?"),
        # the article page
        "tickers": _("Related tickers"),
        "ticker_heads": [_("ticker"), _("from"), _("to"), _("change"), _("receipt")],
        "analysis": _("Analysis"),
        "nothing_left": _("(nothing left)"),
        "none_supported": _("none the sources support"),
        "chart": _("Price chart"),
        "chart_lines": _(
            "Lines: {lines}. Dots: each checked claim, numbered as in the claims table and "
            "coloured by verdict; point at one to read its receipt."
        ),
        "chart_credit": _(
            "Chart drawn with TradingView Lightweight Charts™ (Apache-2.0): {notice}"
        ),
        "claim_n": _("claim #{n}"),
        "marked_text": _("The article, every claim checked"),
        "point_at": _("Point at or tab to a marked figure to read its receipt."),
        "figures": _("Key figures"),
        "figure_heads": [_("figure"), _("claimed"), _("actual"), _("verdict"), _("sources")],
        "claims": _("Every claim, checked"),
        "references": _("References"),
        "in_text": _("in the text"),
        "ask_news": _("Ask about this news"),
        "ask_article": _(
            "A question about this article (answers cite its passages and computed data)"
        ),
        # the check page
        "check_title": _("Check an article"),
        "paste": _with_code(
            _(
                "Paste the article (Markdown, text or HTML; YAML front matter with {code} sets "
                "its date)"
            ),
            "published:",
        ),
        "or_file": _("or a file"),
        "or_url": _("or a URL"),
        "date": _("date"),
        "at_most": _("At most {kb} kB."),
        "unknown_source": _("unknown source"),
        "date_assumed": _("(no date in the text: today assumed; give a date)"),
        # the chat page
        "your_question": _("Your question"),
        "chat_intro": _(
            "Ask about the indexed news and the market data. Answers cite passages [n] and "
            "computed data [Dn]; every number is checked before it is shown. Engine: {engine}."
        ),
        # the news page
        "search_news": _("Search the news (words, tickers, numbers)"),
        "search": _("Search"),
        "ticker": _("ticker"),
        "ticker_label": _("Ticker"),
        "source": _("source"),
        "source_label": _("Source"),
        "since": _("from"),
        "until": _("to"),
        "go": _("Go"),
        "results": _("Search results"),
        "source_unknown": _("source unknown"),
        "date_unknown": _("date unknown"),
        "score": _("score {score}"),
        "empty_page": _("No article on this page."),
        "no_articles": _with_code(
            _("No articles match. Add some with {code}."), "finnews ingest FEED|DIR|FILE"
        ),
        "news_heads": [_("article"), _("source"), _("date"), _("tickers"), _("verdicts")],
        "previous": _("previous"),
        "next": _("next"),
        "page_n": _("page {n}"),
        # the error page
        "error_title": _("Error {status}"),
        "error_heading": _("Something is wrong ({status})"),
        "back": _("Back to the news"),
    }


def script_words() -> dict[str, str]:
    """The words `static/app.js` writes into a page (`{n}` placeholders filled there)."""
    return {
        "too_large": _("Too large: at most {limit} kB can be checked at once (this is {size} kB)."),
        "untitled": _("(untitled)"),
        "date_unknown": _("date unknown"),
        "original": _("original"),
        "engine": _("Engine: {engine} · data up to {day}"),
        "failed": _("The answer failed: {error}"),
    }
