"""Prompts are versioned data: one YAML file per prompt, loaded by name.

    prompt = load_prompt("summarize_article")
    messages = prompt.messages(title=..., source=..., published=..., article=..., max_sentences=3)

A template's `{variables}` must equal its declared `variables:` list; rendering
names any missing or unknown variable. Values of `untrusted:` variables (article
text, passages) cannot close the prompt's <tags>: their tag openers are defused.
"""

from __future__ import annotations

import re
import string
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import ConfigError
from assistant.llm.base import Message

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_TAGS = ("article", "passages", "data", "question", "history")
_TAG_RE = re.compile(r"<(\s*/?\s*(?:" + "|".join(_TAGS) + r")\b)", re.IGNORECASE)


class PromptError(ConfigError):
    """A prompt file is invalid, or a render got the wrong variables."""


class RenderedPrompt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    system: str
    user: str

    def messages(self) -> list[Message]:
        return [Message.system(self.system), Message.user(self.user)]


class Prompt(BaseModel):
    """One prompt file: a system message and a user template with `{variables}`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    version: int = Field(ge=1)
    description: str
    variables: list[str] = Field(description="Every {variable} the template uses.")
    untrusted: list[str] = Field(
        default_factory=list, description="Variables holding outside text (prompt injection)."
    )
    output: str | None = Field(default=None, description="The schema the answer must fit.")
    system: str
    template: str

    @model_validator(mode="after")
    def _check_variables(self) -> Prompt:
        used = template_variables(self.template)
        if re.search(r"\{[A-Za-z_]\w*\}", self.system):
            raise ValueError("the system message is sent as is; it cannot hold {variables}")
        declared = set(self.variables)
        if used != declared:
            raise ValueError(
                f"template variables {sorted(used)} differ from declared {sorted(declared)}"
            )
        if not set(self.untrusted) <= declared:
            raise ValueError(f"untrusted {sorted(set(self.untrusted) - declared)} not declared")
        return self

    def render(self, **values: object) -> RenderedPrompt:
        """Fill the template; raises PromptError naming missing and unknown variables."""
        missing = sorted(set(self.variables) - set(values))
        unknown = sorted(set(values) - set(self.variables))
        if missing or unknown:
            parts = []
            if missing:
                parts.append(f"missing {', '.join(missing)}")
            if unknown:
                parts.append(f"unknown {', '.join(unknown)}")
            raise PromptError(f"Prompt {self.name!r}: {'; '.join(parts)}.")
        filled = {
            key: defuse(str(value)) if key in self.untrusted else str(value)
            for key, value in values.items()
        }
        return RenderedPrompt(system=self.system.strip(), user=self.template.format(**filled))

    def messages(self, **values: object) -> list[Message]:
        return self.render(**values).messages()


def template_variables(template: str) -> set[str]:
    """The `{names}` in a str.format template; only plain identifiers are allowed."""
    names = set()
    for _, field, spec, conversion in string.Formatter().parse(template):
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            raise ValueError(f"unsupported template field {{{field}}}; use plain {{name}}")
        names.add(field)
    return names


def defuse(text: str) -> str:
    """Make '<article>', '</data>' ... in outside text harmless: '‹/article>'."""
    return _TAG_RE.sub(lambda m: "‹" + m.group(1), text)


def available_prompts() -> list[str]:
    return sorted(
        entry.name.removesuffix(".yaml")
        for entry in resources.files(__package__).iterdir()
        if entry.name.endswith(".yaml")
    )


@cache
def load_prompt(name: str) -> Prompt:
    """The prompt `prompts/<name>.yaml`, validated."""
    if not _NAME_RE.match(name) or name not in available_prompts():
        raise PromptError(f"No prompt {name!r}; available: {', '.join(available_prompts())}.")
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
        prompt = Prompt.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise PromptError(f"Prompt file {name}.yaml is invalid: {exc}") from exc
    if prompt.name != name:
        raise PromptError(f"Prompt file {name}.yaml names itself {prompt.name!r}.")
    return prompt
