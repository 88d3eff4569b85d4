"""The Jinja2 environment of the HTML pages finnews writes (templates in `templates/`).

Autoescape is on: whatever an article, a feed or a model wrote is escaped where the page
shows it, so a forgotten escape cannot inject markup, and every value loses its terminal
control characters first. Python works out the words (translated, formatted); the
templates hold only markup. Markup made in Python (a cited sentence's links, the chart's
inlined scripts) is passed as `Markup` and shown as it is.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from assistant.render.fonts import FONT_STACK
from assistant.safety import printable


def _finalize(value: Any) -> Any:
    """Text as the page shows it: no control characters (markup is left as it is)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return printable(value)
    return value


def make_environment(package: str) -> Environment:
    """An autoescaping environment over `package`'s templates/ (values lose control
    characters first): the one way finnews builds HTML, for reports and the web app."""
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["font_stack"] = Markup(FONT_STACK)  # a constant with CSS quotes in it
    return env


@cache
def environment() -> Environment:
    return make_environment("assistant.render")


def render_page(name: str, **context: Any) -> str:
    """The template `name` filled in with `context`."""
    return environment().get_template(name).render(**context)
