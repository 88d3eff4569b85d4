"""`finnews ingest` under FINNEWS_LANG=zh: its summary line and each item it could not
read in Chinese; in English the lines are as they always were."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.support_cli import run_cli

FEEDS = FIXTURES / "feeds"


def _sources(tmp_path: Path) -> list[str]:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.md").write_text("---\npublished: notadate\n---\nIWM rose 2%.\n", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "empty").mkdir()
    return [str(folder), str(tmp_path / "b.pdf"), str(tmp_path / "empty"), str(tmp_path / "nope"),
            str(FEEDS / "wire_markets.xml")]  # fmt: skip


def _ingest(
    tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch
) -> tuple[str, str]:
    mp.setenv("FINNEWS_LANG", lang)
    r = run_cli(["ingest", *_sources(tmp_path)], capsys, mp)
    assert r.exit_code == 0, r.err
    return re.sub(r"\d+\.\d", "T", r.out), r.err


def test_ingest_lines_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, err = _ingest(tmp_path, "zh", capsys, monkeypatch)
    assert out == "10 项：新增 4，更新 0，未变 1，失败 5（嵌入 4 个段落，用时 T 秒）\n"
    news = tmp_path / "news"
    assert err.splitlines() == [
        f"  失败：{news / 'a.md'}：发布日期 'notadate' 不是日期；请使用 2025-12-10 这样的格式",
        f"  失败：{tmp_path / 'b.pdf'}：不支持 .pdf 文件；请把文章存为 .md、.txt 或 .html",
        f"  失败：{tmp_path / 'empty'}：此目录中没有文章或订阅源文件（查找的扩展名：.atom, .htm, "
        ".html, .markdown, .md, .rss, .text, .txt, .xhtml, .xml）",
        f"  失败：{tmp_path / 'nope'}：没有这个文件或目录",
        f"  失败：{FEEDS / 'wire_markets.xml'} item 5：该条目既没有标题也没有正文",
    ]


def test_ingest_lines_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, err = _ingest(tmp_path, "en", capsys, monkeypatch)
    assert out == "10 items: 4 new, 0 updated, 1 unchanged, 5 failed (4 passages embedded in Ts)\n"
    news = tmp_path / "news"
    assert err.splitlines() == [
        f"  failed: {news / 'a.md'}: published 'notadate' is not a date; use e.g. 2025-12-10",
        f"  failed: {tmp_path / 'b.pdf'}: .pdf files are not supported; save the article as .md, "
        ".txt or .html",
        f"  failed: {tmp_path / 'empty'}: no article or feed files in this directory (looked "
        "for .atom, .htm, .html, .markdown, .md, .rss, .text, .txt, .xhtml, .xml)",
        f"  failed: {tmp_path / 'nope'}: no such file or directory",
        f"  failed: {FEEDS / 'wire_markets.xml'} item 5: item has no title and no text",
    ]


def test_an_ingest_with_nothing_read_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FINNEWS_LANG", "zh")
    r = run_cli(["ingest", "https://example.com/feed.xml", "--offline"], capsys, monkeypatch)
    assert r.exit_code == 2
    assert re.sub(r"\d+\.\d", "T", r.out) == (
        "1 项：新增 0，更新 0，未变 0，失败 1（嵌入 0 个段落，用时 T 秒）\n"
    )
    assert r.err == (
        "  失败：https://example.com/feed.xml：离线模式，不抓取；请保存为文件后再导入\n"
    )
