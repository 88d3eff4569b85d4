"""Keep the catalogs in step with the code, with Babel: extract, update, compile, check.

    python -m assistant.i18n.catalogs update   # after changing any user-facing string
    python -m assistant.i18n.catalogs check    # what the test suite runs: lists problems

`update` extracts every `_()`/`ngettext()`/`pgettext()`/`N_()` string of `assistant/`
into `locales/finnews.pot`, merges it into each language's `.po` (English gets each
message as its own translation; a new Chinese message stays empty until translated)
and compiles the `.mo` files shipped beside them.
"""

from __future__ import annotations

import copy
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from assistant.i18n import CATALOGS, DEFAULT, DOMAIN, LOCALES

SOURCE = Path(__file__).resolve().parent.parent  # the assistant package
TEMPLATE = LOCALES / f"{DOMAIN}.pot"


def po_path(code: str) -> Path:
    return LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(code: str) -> Path:
    return po_path(code).with_suffix(".mo")


def extract() -> Catalog:
    """Every translatable message in the code."""
    template = Catalog(project="finnews", domain=DOMAIN, charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        SOURCE, comment_tags=("Translators:",), strip_comment_tags=True
    ):
        template.add(
            message,
            None,
            [(str(Path("assistant") / filename), lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def read(code: str) -> Catalog:
    with po_path(code).open("rb") as fh:
        return read_po(fh, locale=code, domain=DOMAIN)


def _po_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=True, include_lineno=False, omit_header=False)
    return buf.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog)
    return buf.getvalue()


def update() -> None:
    """Extract, merge into every catalog, fill English, compile."""
    template = extract()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(_po_bytes(template))
    for code in CATALOGS:
        path = po_path(code)
        catalog = read(code) if path.exists() else _new_catalog(code)
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
        catalog.obsolete.clear()
        if code == DEFAULT:
            for m in catalog:
                if m.id:
                    m.string = m.id  # English: each message is its own translation
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_po_bytes(catalog))
        compile_catalog(code)


def _new_catalog(code: str) -> Catalog:
    return Catalog(
        locale=code,
        domain=DOMAIN,
        project="finnews",
        version="",
        copyright_holder="the finnews authors",
        fuzzy=False,
    )


def compile_catalog(code: str) -> None:
    mo_path(code).write_bytes(_mo_bytes(read(code)))


def problems() -> list[str]:
    """What is out of step: messages missing from a catalog or left over in it, messages
    without a translation, and `.mo` files older than their `.po`."""
    found: list[str] = []
    wanted = {(m.context, _key(m.id)) for m in extract() if m.id}
    for code in CATALOGS:
        if not po_path(code).exists() or not mo_path(code).exists():
            found.append(f"{code}: no catalog; run `python -m assistant.i18n.catalogs update`")
            continue
        catalog = read(code)
        have = {(m.context, _key(m.id)) for m in catalog if m.id}
        found += [f"{code}: missing {k[1]!r}" for k in sorted(wanted - have, key=str)]
        found += [f"{code}: unused {k[1]!r}" for k in sorted(have - wanted, key=str)]
        for m in catalog:
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            if m.id and (m.fuzzy or not all(strings)):
                found.append(f"{code}: no translation of {_key(m.id)!r}")
        if mo_path(code).read_bytes() != _mo_bytes(catalog):
            found.append(f"{code}: {mo_path(code).name} is not compiled from the .po")
    return found


def _key(msgid: str | tuple[str, ...] | list[str] | None) -> str:
    """A message's id: its singular for a plural message."""
    if isinstance(msgid, (tuple, list)):
        return msgid[0]
    return msgid or ""


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
    found = problems()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
