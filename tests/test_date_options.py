"""Every date option is parsed by click (`click.DateTime`), with the messages and exit
code the hand-written parsers had."""

from __future__ import annotations

from datetime import date

import click
import pytest

from assistant.cli import cli
from tests.support_cli import run_cli

DATE_OPTIONS = [
    ("check", "--date"),
    ("analyze", "--date"),
    ("summarize", "--since"),
    ("chat", "--as-of"),
    ("search", "--since"),
    ("search", "--until"),
]


def _option(command: str, name: str) -> click.Parameter:
    group = cli.commands[command]
    return next(p for p in group.params if name in getattr(p, "opts", []))


@pytest.mark.parametrize(("command", "name"), DATE_OPTIONS)
def test_date_options_are_click_datetimes_giving_dates(command: str, name: str) -> None:
    """Before: plain strings, parsed by four hand-written functions."""
    param = _option(command, name)
    assert isinstance(param.type, click.DateTime)
    assert param.type.convert("2025-12-02", param, None) == date(2025, 12, 2)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "--date", "12/10/2025"], "--date '12/10/2025' is not a date; use YYYY-MM-DD"),
        (["analyze", "--date", "2025-02-30"], "--date '2025-02-30' is not a date; use YYYY-MM-DD"),
        (["summarize", "--since", "soon"], "--since 'soon' is not a date; use YYYY-MM-DD"),
        (["chat", "--as-of", "2025-13-01", "--once", "hi"],
         "--as-of '2025-13-01' is not a date; use YYYY-MM-DD"),
        (["search", "x", "--until", "x"], "--until 'x' is not a date; use YYYY-MM-DD"),
    ],
)  # fmt: skip
def test_a_bad_date_exits_2_naming_the_option(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    result = run_cli(["--offline", *argv], capsys, monkeypatch)
    assert (result.exit_code, result.out, result.err) == (2, "", f"Error: {message}\n")


def test_an_implausible_publication_date_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_cli(["--offline", "check", "--date", "1899-12-31"], capsys, monkeypatch)
    assert result.exit_code == 2
    assert result.err.startswith("Error: --date '1899-12-31' is not a plausible date; use one from")
