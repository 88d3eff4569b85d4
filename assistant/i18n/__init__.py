"""The reader's language: gettext catalogs (managed with Babel) and the active language.

    lang = parse_language("zh")          # BadInputError for a code that is no language tag
    with using(lang):
        print(_("Key figures"))          # 关键数据

Every label, heading and message finnews writes goes through `_`, `ngettext` or
`pgettext`; `N_` marks a string for extraction where it is defined and `_` translates
it where it is shown. Catalogs live in `locales/<code>/LC_MESSAGES/finnews.po` with
their compiled `.mo` beside them (`python -m assistant.i18n.catalogs` re-extracts,
updates and compiles them). Dates and numbers are formatted by Babel with the same
locale (`assistant.i18n.formats`).

A language without a catalog (`fr`, `ja`) is still the language an LLM is asked to
write in; its labels, dates and numbers are English (`Language.fallback` says so).
The active language is a context variable: the command layer sets it once with
`using`, library calls that write text take a `lang` argument and set it themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.support import NullTranslations, Translations

from assistant.errors import BadInputError

LOCALES = Path(__file__).resolve().parent / "locales"
DOMAIN = "finnews"
CATALOGS = ("en", "zh")  # the languages with a complete catalog; en is the source
DEFAULT = "en"
_TAG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
# How a prompt names the language, where the CLDR's English name is not precise enough.
_PROMPT_NAMES = {"zh": "Simplified Chinese (zh-Hans)"}


@dataclass(frozen=True)
class Language:
    """A reader's language: `code` as asked, `catalog` the one its labels come from."""

    code: str
    catalog: str
    name: str = "English"

    @property
    def fallback(self) -> bool:
        """True when the labels are English because no catalog exists for `code`."""
        return self.catalog != self.code.split("-")[0].lower()

    @property
    def locale(self) -> Locale:
        """The Babel locale for dates and numbers: the catalog's."""
        return Locale.parse(self.catalog)

    @property
    def html_lang(self) -> str:
        """The page's `lang` attribute: the language its labels are written in."""
        return "zh-Hans" if self.catalog == "zh" else self.catalog

    def notice(self) -> str | None:
        """The one line a command prints when labels fall back to English."""
        if not self.fallback:
            return None
        return (
            f"finnews: no catalog for language {self.code!r}; labels are in English, "
            f"text an LLM writes is in {self.name}"
        )


ENGLISH = Language(DEFAULT, DEFAULT)


def parse_language(code: str | None) -> Language:
    """The language for a `--lang`/`FINNEWS_LANG` code (None or "" for English).

    A code that is no language tag ("12", "en us") is a BadInputError; a well-formed one
    without a catalog gets English labels."""
    if not code:
        return ENGLISH
    code = code.strip()
    if not _TAG_RE.match(code):
        raise BadInputError(f"{code!r} is not a language code; use one like en, zh or fr")
    primary = code.replace("_", "-").split("-")[0].lower()
    catalog = primary if primary in CATALOGS else DEFAULT
    return Language(code.replace("_", "-"), catalog, _english_name(code.replace("-", "_")))


def _english_name(tag: str) -> str:
    primary = tag.split("_")[0].lower()
    if primary in _PROMPT_NAMES:
        return _PROMPT_NAMES[primary]
    try:
        name = Locale.parse(tag).get_display_name("en")
    except (UnknownLocaleError, ValueError):
        try:
            name = Locale.parse(primary).get_display_name("en")
        except (UnknownLocaleError, ValueError):
            name = None
    return name or f"the language with code {tag.replace('_', '-')}"


def resolve(lang: Language | str | None) -> Language:
    """`lang` as a Language; None is the active one."""
    if lang is None:
        return current()
    return lang if isinstance(lang, Language) else parse_language(lang)


_active: ContextVar[Language] = ContextVar("finnews_language", default=ENGLISH)


def current() -> Language:
    return _active.get()


@contextmanager
def using(lang: Language | str | None) -> Iterator[Language]:
    """Make `lang` the active language inside the block."""
    chosen = resolve(lang)
    token = _active.set(chosen)
    try:
        yield chosen
    finally:
        _active.reset(token)


@cache
def translations(catalog: str) -> NullTranslations:
    """The compiled catalog of `catalog` (a NullTranslations when it has none)."""
    return Translations.load(str(LOCALES), [catalog], domain=DOMAIN)


def _t() -> NullTranslations:
    return translations(current().catalog)


def gettext(message: str) -> str:
    return _t().gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    return _t().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return str(_t().pgettext(context, message))


def N_(message: str) -> str:
    """Mark `message` for extraction; it is translated where it is shown."""
    return message
