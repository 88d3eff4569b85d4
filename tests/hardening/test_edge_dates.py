"""Item 5: dates at the edges are refused with a message naming the file; one bad file
never stops a directory ingest."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from retrieval.articles import is_plausible_date, parse_date
from tests.support_cli import run_cli


def _latest() -> date:
    today = datetime.now(timezone.utc).date()
    return date(today.year + 1, today.month, min(today.day, 28 if today.month == 2 else 31))


def _refused(shown: str) -> str:
    return (
        f"{shown} is not a plausible date; use one from 1900-01-01 to {_latest()}, e.g. 2025-12-10"
    )


def _article(path: Path, published: str) -> Path:
    path.write_text(
        f"---\ntitle: Edge\npublished: {published}\n---\nIWM rose 2% on the day.\n",
        encoding="utf-8",
    )
    return path


# the front-matter value and how the message shows it (YAML reads some as datetimes)
EDGES = [
    ("9999-12-31", "'9999-12-31'"),
    ("0001-01-01", "'0001-01-01'"),
    ("9999-12-31T23:00:00-05:00", "'9999-12-31 23:00:00-05:00'"),
    ("0001-01-01T00:00:00+05:00", "'0001-01-01 00:00:00+05:00'"),
    ("'Dec 31, 9999 10:00 EST'", "'Dec 31, 9999 10:00 EST'"),
    ("1850-03-01", "'1850-03-01'"),
]


@pytest.mark.parametrize(("published", "shown"), EDGES)
def test_check_refuses_a_published_date_at_the_edges(
    published: str,
    shown: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _article(tmp_path / "edge.md", published)
    result = run_cli(["check", str(path), "--offline"], capsys, monkeypatch)
    assert (result.exit_code, result.out) == (2, "")
    assert result.err == f"Error: {path}: published {_refused(shown)}\n"


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "1899-12-31"])
@pytest.mark.parametrize("command", ["check", "analyze"])
def test_date_option_at_the_edges_is_refused(
    value: str, command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_cli([command, "--offline", "--date", value], capsys, monkeypatch)
    assert (result.exit_code, result.out) == (2, "")
    assert result.err == f"Error: --date {_refused(repr(value))}\n"


def test_one_bad_date_never_stops_a_directory_ingest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    _article(folder / "a_future.md", "9999-12-31")
    _article(folder / "b_past.md", "0001-01-01T00:00:00+05:00")
    (folder / "c_good.md").write_text(
        "---\ntitle: Good one\npublished: 2025-12-01\n---\nIWM rose 2% on the day.\n",
        encoding="utf-8",
    )
    result = run_cli(["ingest", str(folder)], capsys, monkeypatch)
    assert result.exit_code == 0
    assert re.sub(r" in \d+\.\ds\)", ")", result.out) == (
        "3 items: 1 new, 0 updated, 0 unchanged, 2 failed (1 passages embedded)\n"
    )
    assert result.err == (
        f"  failed: {folder / 'a_future.md'}: published {_refused(repr('9999-12-31'))}\n"
        f"  failed: {folder / 'b_past.md'}: published "
        f"{_refused(repr('0001-01-01 00:00:00+05:00'))}\n"
    )
    found = run_cli(["search", "IWM", "--json", "--since", "2025-11-01"], capsys, monkeypatch)
    assert found.exit_code == 0 and '"title": "Good one"' in found.out


def test_the_plausible_range_and_its_bounds() -> None:
    today = date(2026, 3, 10)
    assert [
        is_plausible_date(d, today)
        for d in (date(1899, 12, 31), date(1900, 1, 1), date(2027, 3, 10), date(2027, 3, 11))
    ] == [False, True, True, False]
    assert is_plausible_date(date(2029, 2, 28), date(2028, 2, 29))  # a leap day's next year
    assert not is_plausible_date(date(2029, 3, 1), date(2028, 2, 29))


def test_lenient_dates_at_the_edges_count_as_no_date() -> None:
    # HTML meta and feed dates are read leniently: a placeholder is no date, not an error
    assert parse_date("9999-12-31T23:00:00-05:00") is None
    assert parse_date("0001-01-01") is None
    assert parse_date("2025-12-10T16:30:00-05:00") == datetime(
        2025, 12, 10, 21, 30, tzinfo=timezone.utc
    )


def test_a_feed_item_dated_9999_is_kept_without_a_date() -> None:
    """Issue 10, item 5: a feed's parsed date out of range neither crashes nor dates the item."""
    from retrieval.feeds import parse_feed

    xml = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Odd date</title><link>https://example.com/a</link>"
        b"<description>The S&amp;P 500 rose 1%.</description>"
        b"<pubDate>Fri, 31 Dec 9999 12:00:00 GMT</pubDate></item></channel></rss>"
    )
    result = parse_feed(xml, "odd.xml")
    assert result.failures == []
    assert [(a.title, a.published) for a in result.articles] == [("Odd date", None)]
