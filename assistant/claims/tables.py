"""Tables read by their columns: "| S&P 500 | 5,088.80 | +1.7% | +6.7% |" under
"| Index | Friday close | Week | 2024 to date |".

A table row states nothing in words; its header does. Each column's header says what its
numbers are (a close, a change in points, a percent change) and over which period (a
named day, the week, the month, a quarter, the year to date, the past N years). A column
whose header names no period ("Close", "Change", "% chg") is read over the period the
article reports, as a guess: such a cell can be supported, never contradicted. Each cell
is read by restating it as a plain sentence for the statement reader ("S&P 500 rose 1.7%
for the week."), so a table means exactly what the same words would.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from assistant.market.calendar import last_session
from assistant.market.symbols import Symbol, find_symbols
from assistant.models import Claim
from assistant.text.times import Window, find_windows

MAX_CELLS = 300  # a page of quotes is not a story's table

_ROW = re.compile(r"^[ \t]*\|(?P<body>.*)\|[ \t]*$", re.MULTILINE)
_SEPARATOR = re.compile(r"^[\s|:-]*-{2,}[\s|:-]*$")
_NUMBER = re.compile(
    r"^(?P<sign>[+\-\u2212]?)(?P<dollar>\$?)(?P<num>\d[\d,]*(?:\.\d+)?)(?P<pct>%?)$"
)
_ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_LEVEL = re.compile(r"\b(?:close|closing|price|last|level|settle|finish|value|yield)\b", re.I)
_CHANGE = re.compile(r"\b(?:change|chg|points|pts|net|move|return|gain|loss|pct)\b|%", re.I)
_EXTREME_HEAD = re.compile(r"\b(?:best|worst|biggest|largest|high|low|peak|record)\b", re.I)
_N_YEARS = {"1": "year", "one": "year", "12": "year", "2": "two years", "two": "two years",
            "3": "three years", "three": "three years", "5": "five years", "five": "five years",
            "10": "10 years", "ten": "10 years"}  # fmt: skip


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Table:
    header: list[Cell]
    rows: list[tuple[tuple[int, int], list[Cell]]]  # (the row's span, its cells)
    start: int  # where the header row starts

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.rows[-1][0][1]


def _cells(text: str, m: re.Match[str]) -> list[Cell]:
    out = []
    pos = m.start("body")
    for piece in m.group("body").split("|"):
        stripped = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        out.append(Cell(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(piece) + 1
    return out


def find_tables(text: str) -> list[Table]:
    """Pipe tables: rows of `| a | b |` lines (blank lines between rows allowed), the first
    row the header (a `|---|` line under it is skipped)."""
    blocks: list[list[re.Match[str]]] = []
    last_end = -1
    for m in _ROW.finditer(text):
        if blocks and not text[last_end : m.start()].strip():
            blocks[-1].append(m)
        else:
            blocks.append([m])
        last_end = m.end()
    tables = []
    for block in blocks:
        rows = [m for m in block if not _SEPARATOR.match(m.group("body"))]
        if len(rows) < 2:
            continue
        header = _cells(text, rows[0])
        if any(_NUMBER.match(c.text) for c in header):
            continue  # no header: what the columns mean is not said
        body = [((m.start(), m.end()), _cells(text, m)) for m in rows[1:]]
        tables.append(Table(header, body, rows[0].start()))
    return tables


def _day_phrase(d: date) -> str:
    return f"on {d:%B} {d.day}, {d.year}"


def story_phrase(story: Window | None, as_of: date) -> str | None:
    """The period the article reports, said in words the statement reader knows."""
    if story is None:
        return _day_phrase(last_session(as_of))
    if story.kind == "day":
        return _day_phrase(story.end)
    days = (story.end - story.start).days
    if days <= 6 and story.start.weekday() == 0:
        return f"in the week ended {story.end:%B} {story.end.day}, {story.end.year}"
    if story.start.day == 1 and 27 <= days <= 30:
        return f"in {story.start:%B} {story.start.year}"
    if story.start.month == 1 and story.start.day == 1 and days >= 300:
        return f"in {story.start.year}"
    return None


def column_phrase(header: str, as_of: date) -> str | None:
    """The period a column's header names, in words, or None when it names none."""
    h = header.lower()
    year = re.search(r"\b(?:19|20)\d\d\b", h)
    if re.search(r"\b(?:ytd|year[-\s]to[-\s]date)\b", h) or re.search(
        r"\b(?:19|20)\d\d\s+to\s+date\b", h
    ):
        if year and int(year.group(0)) != as_of.year:
            return f"in {year.group(0)}"
        return "so far this year"
    if re.search(r"\b(?:mtd|month[-\s]to[-\s]date)\b", h):
        return "month to date"
    if re.search(r"\b(?:week|wk|weekly|1-week|5-day|five-day)\b", h):
        return "for the week"
    n_years = re.search(r"\b(one|two|three|five|ten|1|2|3|5|10|12)[-\s](?:years?|yrs?|months)\b", h)
    if n_years and n_years.group(1) in _N_YEARS:
        return f"over the past {_N_YEARS[n_years.group(1)]}"
    half = re.search(r"\b(?:(first|second)[-\s]half|h([12]))\b", h)
    if half:  # "First half", "First-half change", "H1"
        which = half.group(1) or ("first" if half.group(2) == "1" else "second")
        return f"in the {which} half" + (f" of {year.group(0)}" if year else "")
    quarter = re.search(r"\bq([1-4])\b|\b([1-4])q\b|\b(first|second|third|fourth)[-\s]quarter\b", h)
    if quarter:
        ordinal = _ORDINALS.get(quarter.group(1) or quarter.group(2) or "") or quarter.group(3)
        return f"in the {ordinal} quarter" + (f" of {year.group(0)}" if year else "")
    month = re.search(rf"\b({_MONTHS})\b\.?(?!\s*\d)", h)
    if month and not _LEVEL.search(h):
        return f"in {month.group(1)}" + (f" {year.group(0)}" if year else "")
    if year and not _LEVEL.search(h):
        return f"in {year.group(0)}"
    days = [w for w in find_windows(header, as_of) if w.kind == "day"]
    if days:
        return _day_phrase(days[0].end)
    return None


_AS_OF = re.compile(r"\b(?:through|as\s+of|as\s+at|at\s+the\s+close\s+(?:on|of))\s+$", re.I)


def caption_day(text: str, table: Table, as_of: date) -> date | None:
    """The day a caption right above or below the table dates its figures ("Price returns
    through April 30, 2026.", "Data as of Dec. 31, 2024.")."""
    start, end = table.span
    above = text[max(0, start - 300) : start].rstrip().rsplit("\n\n", 1)[-1]
    below = text[end : end + 300].lstrip().split("\n\n", 1)[0]
    for caption in (above, below):
        for w in find_windows(caption, as_of):
            if w.kind == "day" and _AS_OF.search(caption[: w.span[0]]):
                return w.end
    return None


def _subject(cells: list[Cell]) -> tuple[Cell, Symbol] | None:
    for cell in cells:
        if _NUMBER.match(cell.text):
            continue
        found = find_symbols(cell.text)
        if found:
            return cell, found[0][2]
    return None


def _restated(name: str, header: str, m: re.Match[str], phrase: str) -> tuple[str, int] | None:
    """A plain sentence saying what the cell says, and where its number sits in it."""
    number = m.group("dollar") + m.group("num") + m.group("pct")
    negative = m.group("sign") in ("-", "\u2212")
    if m.group("pct"):
        if _LEVEL.search(header) and not _CHANGE.search(header):
            head = f"{name} stood at "
        else:
            head = f"{name} {'fell' if negative else 'rose'} "
        return f"{head}{number} {phrase}.", len(head)
    if _LEVEL.search(header) and not _CHANGE.search(header) and not m.group("sign"):
        head = f"{name} closed at "
        return f"{head}{number} {phrase}.", len(head)
    if _CHANGE.search(header) or m.group("sign"):
        head = f"{name} {'fell' if negative else 'rose'} "
        return f"{head}{number} points {phrase}.", len(head)
    return None


def table_claims(
    text: str,
    table: Table,
    as_of: date,
    story: Window | None,
    read: Callable[[str, date | None], list[Claim]],
) -> list[Claim]:
    """The claims of a table's cells; `read(sentence, day)` is the statement reader for one
    sentence, written on the article's date (day None) or after the close of `day`."""
    out: list[Claim] = []
    cells = 0
    day = caption_day(text, table, as_of)
    if day is not None:  # the table's own date: its figures are as of that close
        as_of, story = day, Window(day, day, "day", "", (0, 0))
    default = story_phrase(story, as_of)
    for (row_start, row_end), row in table.rows:
        found = _subject(row)
        if found is None:
            continue
        name_cell, symbol = found
        for col, cell in enumerate(row):
            m = _NUMBER.match(cell.text)
            if m is None or col >= len(table.header) or cell is name_cell:
                continue
            cells += 1
            if cells > MAX_CELLS:
                return out
            header = table.header[col].text
            phrase = column_phrase(header, as_of)
            if phrase is None and _EXTREME_HEAD.search(header):
                continue  # "Best day", "52-week high": not a change over the story's period
            guessed = phrase is None
            phrase = phrase or default
            if phrase is None:
                continue
            restated = _restated(name_cell.text, header, m, phrase)
            if restated is None:
                continue
            sentence, at = restated
            for c in read(sentence, day):
                if c.span[0] <= at < c.span[1] and c.ticker == symbol.ticker:
                    update: dict[str, object] = {
                        "text": text[row_start:row_end],
                        "span": (cell.start, cell.end),
                        "subject": name_cell.text,
                    }
                    if guessed and c.window_source == "explicit":
                        update["window_source"] = "carried"  # the column names no period
                    out.append(c.model_copy(update=update))
                    break
    return out
