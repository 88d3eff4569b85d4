"""Tables read by their columns (assistant/claims/tables.py): the header says what each
column's numbers are and over which period; a caption can date the whole table."""

from __future__ import annotations

from datetime import date

from assistant.claims import extract_claims
from assistant.claims.tables import column_phrase, find_tables
from retrieval.text import html_to_page

D = date.fromisoformat

WEEKLY = """The week in numbers.

| Index | Friday close | Week | Points | 2024 to date |
|---|---|---|---|---|
| S&P 500 | 5,088.80 | +1.7% | +83.23 | +6.7% |
| Russell 2000 | 2,016.69 | -1.4% | -28.45 | -0.5% |
"""


def _read(text: str, as_of: str) -> list[tuple[str | None, str, float, str | None, date | None]]:
    return [
        (c.ticker, c.kind, c.value, c.window_source, c.end)
        for c in extract_claims(text, D(as_of))
        if "|" in c.text
    ]


def test_each_column_is_read_over_the_period_its_header_names() -> None:
    got = _read(WEEKLY, "2024-02-24")
    assert got == [
        ("^GSPC", "index_level", 5088.8, "explicit", D("2024-02-23")),
        ("^GSPC", "pct_change", 1.7, "explicit", D("2024-02-24")),
        ("^GSPC", "point_change", 83.23, "carried", D("2024-02-23")),
        ("^GSPC", "pct_change", 6.7, "explicit", D("2024-02-24")),
        ("^RUT", "index_level", 2016.69, "explicit", D("2024-02-23")),
        ("^RUT", "pct_change", -1.4, "explicit", D("2024-02-24")),
        ("^RUT", "point_change", -28.45, "carried", D("2024-02-23")),
        ("^RUT", "pct_change", -0.5, "explicit", D("2024-02-24")),
    ]


def test_a_caption_dates_the_table() -> None:
    text = (
        "How the funds did.\n\nPrice returns through April 30, 2026.\n\n"
        "| Fund | Ticker | April | One year |\n|---|---|---|---|\n"
        "| Vanguard S&P Small-Cap 600 ETF | VIOO | 10.35% | 37.25% |\n"
    )
    got = [
        (c.ticker, c.value, c.start, c.end, c.intraday)
        for c in extract_claims(text, D("2026-05-05"))
    ]
    assert got == [
        ("VIOO", 10.35, D("2026-04-01"), D("2026-04-30"), False),
        ("VIOO", 37.25, D("2025-04-30"), D("2026-04-30"), False),
    ]


def test_html_table_rows_become_pipe_rows() -> None:
    page = html_to_page(
        "<table><tr><th>Index</th><th>Close</th></tr>"
        "<tr><td>S&amp;P 500</td><td>5,815.26</td></tr></table>"
    )
    assert page.text == "| Index | Close |\n\n| S&P 500 | 5,815.26 |"
    (table,) = find_tables(page.text)
    assert [c.text for c in table.header] == ["Index", "Close"]


def test_headers_name_periods() -> None:
    as_of = D("2025-10-01")
    assert [
        column_phrase(h, as_of)
        for h in ("Q3 change", "2025 to date", "Week", "Three years", "April", "Close", "% chg")
    ] == [
        "in the third quarter",
        "so far this year",
        "for the week",
        "over the past three years",
        "in april",
        None,
        None,
    ]


def test_a_row_with_no_known_name_and_a_table_with_no_header_give_nothing() -> None:
    text = "| Widget Corp | 12.5% |\n| Gadget Inc | 3.1% |\n\n| Name | Week |\n| Acme | +2% |\n"
    assert extract_claims(text, D("2025-10-01")) == []
