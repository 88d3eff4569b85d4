"""Hostile text (issue 10, items 10, 12, 13, 14): a YAML alias bomb in front matter, HTML
and links in every output format, terminal control sequences, a secret a server echoes.

Whatever an article, a feed or a model writes reaches the reader as text: escaped for the
format that renders it, with no control sequence for the terminal, links only to http(s).
"""

from __future__ import annotations

import io
import json
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pydantic import BaseModel, Field

from assistant.errors import BadInputError, ModelOutputError
from assistant.llm.schemas import ExtractedClaims
from assistant.render.digest import render_html as digest_html
from assistant.render.digest import render_markdown as digest_markdown
from assistant.render.markdown import md_cell, md_link, md_text
from assistant.safety import REDACTED, SecretGuard, printable, printable_json, web_url
from assistant.summarize import SummarizeReport, SummaryRecord
from retrieval.articles import split_front_matter
from tests.support_cli import run_cli

# -- item 10: front matter that expands without bound ---------------------------------------


def _alias_bomb() -> str:
    """Nine levels of nine aliases: 387 bytes that read as 9**9 strings."""
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines += ["title: *i", "---", "IWM rose 1.0% in November.", ""]
    return "\n".join(lines)


def test_front_matter_with_aliases_is_refused_saying_where_and_why() -> None:
    bomb = _alias_bomb()
    assert len(bomb.encode()) == 387
    with pytest.raises(BadInputError) as info:
        split_front_matter(bomb, "bomb.md")
    assert str(info.value) == (
        "bomb.md: front matter uses the YAML anchor &a (line 2); anchors and aliases are "
        "refused because they can expand without bound: write the value out"
    )
    lone_alias = "---\ntitle: Fine\nsource: *nowhere\n---\nText.\n"
    with pytest.raises(BadInputError) as info:
        split_front_matter(lone_alias, "alias.md")
    assert str(info.value) == (
        "alias.md: front matter uses the YAML alias *nowhere (line 3); aliases are refused "
        "because they can expand without bound: write the value out"
    )


def test_front_matter_nesting_is_bounded() -> None:
    deep = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nText.\n"
    with pytest.raises(BadInputError) as info:
        split_front_matter(deep, "deep.md")
    assert str(info.value) == "deep.md: front matter nests more than 20 levels deep (line 2)"
    meta, body = split_front_matter("---\ntitle: [[a, b], c]\n---\nText.\n", "ok.md")
    assert (meta, body) == ({"title": [["a", "b"], "c"]}, "Text.\n")


def test_check_names_the_file_and_exits_2_on_a_bomb(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "bomb.md"
    path.write_text(_alias_bomb(), encoding="utf-8")
    r = run_cli(["check", "--offline", str(path)], capsys, monkeypatch)
    assert (r.exit_code, r.out) == (2, "")
    assert r.err == (
        f"Error: {path}: front matter uses the YAML anchor &a (line 2); anchors and aliases "
        "are refused because they can expand without bound: write the value out\n"
    )


# -- item 12: HTML and links, escaped for what renders them ----------------------------------

HOSTILE = """---
title: "IWM <script>alert(1)</script> rally <img src=x onerror=alert(2)>"
published: 2024-12-02
source: "Wire [x](javascript:alert(3))"
url: "javascript:alert(4)"
---
The Russell 2000 <img src=x onerror=alert(5)> gained 10.8% in November, its best month in a year.
See [more](javascript:alert(6)) and ![pic](data:text/html,x).
"""
RAW_TAG = re.compile(r"<[A-Za-z/!?]")
SAFE_TAGS = {
    "p", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "hr", "br",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


def rendered_tags(markdown: str) -> set[str]:
    """The HTML elements a CommonMark renderer that passes raw HTML makes of `markdown`."""
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    return set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))


def test_check_markdown_shows_html_as_text(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE, encoding="utf-8")
    r = run_cli(["check", "--offline", "--markdown", str(path)], capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    lines = r.out.splitlines()
    assert lines[0] == (
        "# Claim check: IWM &lt;script>alert(1)&lt;/script> rally &lt;img src=x onerror=alert(2)>"
    )
    assert lines[2] == (
        "IWM &lt;script>alert(1)&lt;/script> rally &lt;img src=x onerror=alert(2)> | "
        "Wire [x]\\(javascript:alert(3)) | as of 2024-12-02  "
    )
    assert lines[7].startswith(
        "| 1 | The Russell 2000 &lt;img src=x onerror=alert(5)> gained 10.8% in November | "
    )
    assert not RAW_TAG.search(r.out)
    assert rendered_tags(r.out) <= SAFE_TAGS


def test_markdown_text_never_becomes_markup() -> None:
    assert md_text("a <b>tag</b>, <!-- note -->, &amp; and 3 < 4, S&P > 6,800") == (
        "a &lt;b>tag&lt;/b>, &lt;!-- note -->, &amp;amp; and 3 < 4, S&P > 6,800"
    )
    assert md_text("[click](javascript:alert(1)) ![i](data:x) [1][D2] [3] (x)") == (
        "[click]\\(javascript:alert(1)) ![i]\\(data:x) [1][D2] [3] (x)"
    )
    assert md_text("> [x]: javascript:alert(1)\nthen [x]") == (
        "> \\[x]: javascript:alert(1)\nthen [x]"
    )
    assert md_cell("<script>x</script> | y") == "&lt;script>x&lt;/script> \\| y"
    assert md_link("Title [1]", "https://x.example/a(b)") == (
        "[Title \\[1\\]](<https://x.example/a(b)>)"
    )
    assert md_link("Title", "javascript:alert(1)") == "Title"


MARKUP = st.text(
    alphabet=st.sampled_from(list("<>&[]()!:/\\#*`|-=\"' \n") + list("ajvscriptdhimgx1;")),
    max_size=60,
)


@given(MARKUP)
@settings(max_examples=300, deadline=None)
def test_any_text_renders_as_text(text: str) -> None:
    """Prose, list items and table cells make no element but text formatting."""
    assert rendered_tags(md_text(text)) <= SAFE_TAGS
    assert rendered_tags(f"- {md_text(text)}\n") <= SAFE_TAGS
    assert rendered_tags(f"| a |\n|---|\n| {md_cell(text)} |\n") <= SAFE_TAGS


def _record(url: str, n: int, summary: str = "A summary.") -> SummaryRecord:
    return SummaryRecord(
        id=f"a{n}",
        title=f"Story {n} <b>bold</b>",
        url=url,
        source="Wire",
        published=datetime(2025, 12, 1, tzinfo=timezone.utc),
        tickers=[],
        summary=summary,
        engine="offline",
        unchecked_numbers=0,
        unchecked_policy="flag",
        claims=[],
        content_hash="h",
        fingerprint="f",
    )


def test_digests_link_only_to_the_web() -> None:
    report = SummarizeReport(
        records=[
            _record("javascript:alert(1)", 1, "Read [this](javascript:alert(2)) <img src=x>."),
            _record("data:text/html,<script>alert(3)</script>", 2),
            _record("https://news.example/story?id=3&x=<y>", 3),
        ]
    )
    md = digest_markdown(report)
    assert "### Story 1 &lt;b>bold&lt;/b>\n" in md
    assert "### Story 2 &lt;b>bold&lt;/b>\n" in md
    assert "### [Story 3 &lt;b>bold&lt;/b>](https://news.example/story?id=3&x=%3Cy%3E)\n" in md
    assert "Read [this]\\(javascript:alert(2)) &lt;img src=x>." in md
    assert not RAW_TAG.search(md)
    assert rendered_tags(md) <= SAFE_TAGS | {"a"}
    html = digest_html(report)
    assert re.findall(r'href="([^"#][^"]*)"', html) == [
        "https://news.example/story?id=3&amp;x=%3Cy%3E"
    ]
    assert "<h3>Story 1 &lt;b&gt;bold&lt;/b&gt;</h3>" in html
    assert "javascript:alert(2)" in html  # the summary's words, as text
    assert "<script" not in html.lower() and "<img" not in html


def test_web_url_takes_only_http_and_https() -> None:
    assert web_url("https://x.example/a?b=1#c") == "https://x.example/a?b=1#c"
    assert web_url("HTTP://X.example/") == "HTTP://X.example/"
    assert web_url('https://x.example/"><script>') == "https://x.example/%22%3E%3Cscript%3E"
    for bad in (
        "javascript:alert(1)", " JaVa\tScRiPt:alert(1)", "java\nscript:alert(1)",
        "data:text/html,x", "file:///etc/passwd", "//evil.example/x", "http:no-host",
        "vbscript:x", "", None,
    ):  # fmt: skip
        assert web_url(bad) == "", bad


# -- item 13: no terminal control sequence reaches the terminal ------------------------------

ESCAPES = (
    '---\ntitle: "Small caps \\e]0;pwned\\a rally \\e[2J"\npublished: 2024-12-02\n'
    'source: "Desk\\e[31m Red"\n---\n'
    "The Russell 2000 \x1b[2J\x1b[H gained 10.8% in November, \x1b]0;owned\x07 its best "
    "\u009b31m month \u202ein years.\r\n"
)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def escapes(tmp_path: Path) -> Path:
    path = tmp_path / "escapes.md"
    path.write_bytes(ESCAPES.encode("utf-8"))
    return path


def test_printable_strips_sequences_keeps_lines() -> None:
    assert printable("a\x1b[2Jb\x1b]0;title\x07c\u009b31md\re\r\nf\tg\u202eh\x1b(B") == (
        "abcde\nf\tgh"
    )
    assert printable("plain text, S&P 500 ±0.5 pt — “quoted” 日本") == (
        "plain text, S&P 500 ±0.5 pt — “quoted” 日本"
    )
    assert printable_json(json.dumps({"t": "a\u009bb\x1bc"}, ensure_ascii=False)) == (
        '{"t": "a\\u009bb\\u001bc"}'
    )
    assert json.loads(printable_json('{"t": "a\u009bb"}')) == {"t": "a\u009bb"}


@pytest.mark.parametrize("fmt", [[], ["--markdown"], ["--json"]])
def test_check_prints_no_control_sequence(
    escapes: Path, fmt: list[str], capsys, monkeypatch
) -> None:
    r = run_cli(["check", "--offline", *fmt, str(escapes)], capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    assert not CONTROL.search(r.out), repr(r.out)
    if fmt == ["--json"]:
        article = json.loads(r.out)["article"]
        assert article["title"] == "Small caps \x1b]0;pwned\x07 rally \x1b[2J"  # data kept
    else:
        assert "Small caps  rally  | Desk Red | as of 2024-12-02" in r.out
        assert re.search(r"The Russell 2000 +gained 10\.8% in", r.out)


@pytest.mark.parametrize("fmt", [[], ["--markdown"], ["--html"], ["--json"]])
def test_analyze_prints_no_control_sequence(
    escapes: Path, fmt: list[str], capsys, monkeypatch
) -> None:
    r = run_cli(["analyze", "--offline", *fmt, str(escapes)], capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    assert not CONTROL.search(r.out), repr(r.out[:2000])
    assert "Small caps" in r.out


def test_search_and_ingest_print_no_control_sequence(escapes: Path, capsys, monkeypatch) -> None:
    r = run_cli(["ingest", str(escapes)], capsys, monkeypatch)
    assert (r.exit_code, r.out) == (0, r.out)
    assert r.out.startswith("1 item: 1 new, 0 updated, 0 unchanged, 0 failed")
    r = run_cli(["search", "Russell 2000 best month"], capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    assert not CONTROL.search(r.out), repr(r.out)
    assert r.out.splitlines()[0].startswith("1. Small caps  rally   [score ")
    assert "Desk Red" in r.out.splitlines()[1]
    r = run_cli(["index", "stats"], capsys, monkeypatch)
    assert "       1  Desk Red\n" in r.out and not CONTROL.search(r.out)


def test_chat_repl_prints_no_control_sequence(escapes: Path, capsys, monkeypatch) -> None:
    from assistant.chat.repl import Repl
    from assistant.chat.session import Session

    session = Session.open(offline=True)
    session.open_article(escapes)
    out = io.StringIO()
    repl = Repl(session, out=out)
    repl.say(repl.banner())
    repl.handle("What did the Russell 2000 do in its best month?")
    repl.handle("/sources")
    shown = out.getvalue()
    assert not CONTROL.search(shown), repr(shown)
    assert "Small caps  rally " in shown and "The Russell 2000  gained 10.8%" in shown


# -- item 14: one guard for secrets ---------------------------------------------------------

KEY = "sk-proj-Zq8vW3nR7tY2uK5mP9xL4cB6"


@pytest.mark.parametrize(
    "written",
    [
        KEY,
        " ".join(KEY),
        KEY[::-1],
        KEY.upper(),
        ".".join(KEY),
        "\u200b".join(KEY),
        KEY.replace("-", "\n"),
        "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in KEY),  # fullwidth
        KEY[3:20],  # any 16 of its letters and digits in a row
    ],
)
def test_secret_guard_finds_a_key_however_written(written: str) -> None:
    guard = SecretGuard([KEY])
    text = f"The answer [1]. Key: {written} (done)."
    assert guard.leaks(text)
    assert guard.redact(text) == f"The answer [1]. Key: {REDACTED} (done)."


def test_secret_guard_leaves_other_text_alone() -> None:
    guard = SecretGuard([KEY, "short-1", None, ""])
    text = "IWM rose 10.8% in November [1]; sk-proj keys and project Zq8 are not the key."
    assert not guard.leaks(text) and guard.redact(text) == text
    assert guard.redact("a short-1 b SHORT-1") == f"a {REDACTED} b SHORT-1"  # short: as written
    assert not SecretGuard([]) and SecretGuard([]).redact(KEY) == KEY


def test_secret_guard_streams_a_key_split_anywhere() -> None:
    guard = SecretGuard([KEY])
    text = f"Up 1% [D1]. {' '.join(KEY)} and {KEY[::-1]}, then {KEY}. End."
    whole = guard.redact(text)
    assert whole == f"Up 1% [D1]. {REDACTED} and {REDACTED}, then {REDACTED}. End."
    for i in range(len(text) + 1):
        for j in range(i, len(text) + 1, 7):
            pieces = [text[:i], text[i:j], text[j:]]
            shown = list(guard.stream(pieces))
            assert "".join(shown) == whole, (i, j)
    call = object()  # a tool call: passed on in its place, after the text before it
    items = list(guard.stream(["Key ", KEY[:10], KEY[10:], call, " end"]))
    at = items.index(call)
    assert ("".join(items[:at]), "".join(items[at + 1 :])) == (f"Key {REDACTED}", " end")


def test_secret_guard_redacts_model_output() -> None:
    guard = SecretGuard([KEY])
    claims = ExtractedClaims.model_validate(
        {
            "claims": [
                {
                    "kind": "pct_change",
                    "text": "IWM rose 1.0%.",
                    "span": [9, 13],
                    "subject": f"IWM {' '.join(KEY)}",
                    "ticker": "IWM",
                    "value": 1.0,
                    "unit": "%",
                    "decimals": 1,
                    "note": KEY[::-1],
                }  # fmt: skip
            ]
        }
    )
    clean = guard.redact_model(claims)
    assert (clean.claims[0].subject, clean.claims[0].note) == (f"IWM {REDACTED}", REDACTED)
    assert clean.claims[0].text == "IWM rose 1.0%."
    same = ExtractedClaims(claims=[])
    assert guard.redact_model(same) is same
    with pytest.raises(ModelOutputError):  # a field that cannot hold the marker: not used
        guard.redact_model(_Code(code=KEY))


class _Code(BaseModel):
    code: str = Field(pattern=r"^[a-zA-Z0-9-]+$")
