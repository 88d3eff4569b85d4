"""The README's usage block and `--help` say the same: the same commands, and each option
the block shows for a command is one its `--help` lists, and the other way round."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.support_cli import run_cli

_OPTION = re.compile(r"(?<![\w-])(--?[a-zA-Z][\w-]*)")
_HELP_OPTION = re.compile(r"^  (--?\w[\w-]*(?:, --?\w[\w-]*)*)", re.M)
EVERYWHERE = {"-h", "--help", "--offline"}  # every command takes them


def usage_block(readme: str) -> str:
    (block,) = re.findall(r"## Usage\n\n```sh\n(.*?)```", readme, re.S)
    return block


def usage(block: str) -> dict[str, set[str]]:
    """Command -> the options the block shows for it (a line starting with spaces goes on
    the line before; `analyze|check ...` shows its options for each command named)."""
    lines: list[str] = []
    for line in block.splitlines():
        line = line.split("#", 1)[0]
        if line.startswith(" ") and lines:
            lines[-1] += line
        else:
            lines.append(line)
    out: dict[str, set[str]] = {}
    for line in lines:
        for part in line.split("finnews ")[1:]:
            words = part.split()
            name = words[0] if words[0] != "index" else "index " + words[1]
            options = set(_OPTION.findall(part.replace(name, "", 1)))
            for command in name.split("|"):
                out.setdefault(command, set()).update(options)
    return out


def help_options(text: str) -> list[set[str]]:
    """Each option `--help` lists, as its spellings: {'-o', '--output'}, {'--json'}."""
    return [set(spellings.split(", ")) for spellings in _HELP_OPTION.findall(text)]


def commands(capsys, monkeypatch) -> list[str]:
    top = run_cli(["--help"], capsys, monkeypatch).out
    names = re.findall(r"^  (\w+)  ", top.split("Commands:")[1], re.M)
    out = []
    for name in names:
        sub = run_cli([name, "--help"], capsys, monkeypatch).out
        if "Commands:" in sub:
            out += [
                f"{name} {s}" for s in re.findall(r"^  (\w+)  ", sub.split("Commands:")[1], re.M)
            ]
        else:
            out.append(name)
    return out


def test_usage_reads_each_command_and_its_options() -> None:
    block = (
        "finnews a [FILE|-] [--date YYYY-MM-DD] [-o FILE]\n"
        "finnews index stats        finnews reindex\n"
        "finnews s [--feed URL]\n"
        "          [--format md|jsonl] [-o PATH]\n"
        "finnews a|s ... [--lang zh]  # a comment --not-an-option\n"
    )
    assert usage(block) == {
        "a": {"--date", "-o", "--lang"},
        "index stats": set(),
        "reindex": set(),
        "s": {"--feed", "--format", "-o", "--lang"},
    }


def test_readme_usage_matches_every_commands_help(capsys, monkeypatch) -> None:
    shown = usage(usage_block((ROOT / "README.md").read_text(encoding="utf-8")))
    names = commands(capsys, monkeypatch)
    assert sorted(shown) == sorted(names)
    for name in names:
        helped = help_options(run_cli([*name.split(), "--help"], capsys, monkeypatch).out)
        unknown = shown[name] - set().union(*helped)
        assert unknown == set(), f"the README shows options {name} does not take"
        left_out = [sorted(o) for o in helped if not o & (shown[name] | EVERYWHERE)]
        assert left_out == [], f"the README's usage of {name} leaves out options"


@pytest.mark.parametrize(
    "text", ["  -o, --output FILE  Where.\n  -k INTEGER  How many.\n  --json  Print JSON, -x.\n"]
)
def test_help_options_are_read_from_the_options_column(text: str) -> None:
    assert help_options(text) == [{"-o", "--output"}, {"-k"}, {"--json"}]
