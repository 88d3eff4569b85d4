"""`finnews logs`: the LLM calls finnews made, newest first (the audit trail)."""

from __future__ import annotations

import json

import click

from assistant.cli import cli
from assistant.cli.common import settings
from assistant.config import data_location
from assistant.llm.log import CallLog, LoggedCall, log_path
from assistant.safety import printable, printable_json


@cli.command()
@click.option("-n", "count", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many of the latest calls to show.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the calls as one JSON array.")
def logs(count: int, as_json: bool) -> None:
    """Show the latest LLM calls: prompt, model, messages, answer, number check, tokens,
    latency. Offline runs make no LLM calls and log nothing."""
    path = log_path(data_location(settings()))
    calls = CallLog(path).recent(count)
    if as_json:
        click.echo(printable_json(json.dumps([c.as_dict() for c in calls], indent=2)))
        return
    if not calls:
        click.echo(printable(f"No LLM calls logged yet ({path})."))
        return
    click.echo(printable("\n\n".join(_text(c) for c in calls)))


def _text(call: LoggedCall) -> str:
    prompt = f"{call.prompt} v{call.prompt_version}" if call.prompt else "no prompt file"
    tokens = (
        f"{call.input_tokens} in / {call.output_tokens} out tokens"
        if call.input_tokens is not None
        else "tokens not reported"
    )
    lines = [
        f"#{call.id}  {call.at}  {call.model} ({call.kind}, {prompt})",
        f"  {call.latency_ms} ms, {tokens}",
    ]
    if call.number_check is not None:
        lines.append(f"  number check: {json.dumps(call.number_check, ensure_ascii=False)}")
    for message in call.messages:
        lines.append(f"  [{message.get('role')}] {_indent(str(message.get('content', '')))}")
    if call.error:
        lines.append(f"  [error] {_indent(call.error)}")
    lines.append(f"  [response] {_indent(call.response)}")
    return "\n".join(lines)


def _indent(text: str) -> str:
    return text.replace("\n", "\n    ")
