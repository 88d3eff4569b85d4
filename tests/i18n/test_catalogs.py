"""The catalogs: in step with the code, complete in Chinese, compiled; languages parsed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from assistant import i18n
from assistant.errors import BadInputError
from assistant.i18n import _, catalogs, ngettext, parse_language, using
from assistant.i18n.formats import fmt_date, fmt_day, fmt_value, value_text


def test_catalogs_hold_every_message_translated_and_compiled() -> None:
    assert catalogs.problems() == []


def test_every_message_has_a_chinese_translation() -> None:
    zh = catalogs.read("zh")
    messages = [m for m in zh if m.id]
    assert len(messages) > 100
    strings = {m.id: m.string if isinstance(m.string, tuple) else (m.string,) for m in messages}
    untranslated = [k for k, v in strings.items() if not all(v)]
    assert [m.id for m in messages if m.fuzzy] == []
    assert untranslated == []
    # the compiled catalog is what is loaded: a heading comes back in Chinese
    with using("zh"):
        assert _("Key figures") == "关键数据"
        assert ngettext("{n} article", "{n} articles", 3).format(n=3) == "3 篇文章"


def _copy_locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, target)
    monkeypatch.setattr(catalogs, "LOCALES", target)
    return target


def test_a_stale_mo_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locales = _copy_locales(tmp_path, monkeypatch)
    po = locales / "zh" / "LC_MESSAGES" / "finnews.po"
    text = po.read_text(encoding="utf-8")
    assert 'msgstr "关键数据"' in text
    po.write_text(text.replace('msgstr "关键数据"', 'msgstr "要点数据"'), encoding="utf-8")
    assert catalogs.problems() == ["zh: finnews.mo is not compiled from the .po"]


def test_an_untranslated_message_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locales = _copy_locales(tmp_path, monkeypatch)
    po = locales / "zh" / "LC_MESSAGES" / "finnews.po"
    text = po.read_text(encoding="utf-8").replace('msgstr "关键数据"', 'msgstr ""')
    po.write_text(text, encoding="utf-8")
    catalogs.compile_catalog("zh")
    assert catalogs.problems() == ["zh: no translation of 'Key figures'"]


def test_a_message_missing_from_a_catalog_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locales = _copy_locales(tmp_path, monkeypatch)
    po = locales / "en" / "LC_MESSAGES" / "finnews.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgid "Key figures"\nmsgstr "Key figures"\n', "")
    po.write_text(text, encoding="utf-8")
    catalogs.compile_catalog("en")
    assert catalogs.problems() == ["en: missing 'Key figures'"]


@pytest.mark.parametrize(
    ("code", "catalog", "name", "fallback"),
    [
        ("en", "en", "English", False),
        ("zh", "zh", "Simplified Chinese (zh-Hans)", False),
        ("zh-CN", "zh", "Simplified Chinese (zh-Hans)", False),
        ("zh_Hans", "zh", "Simplified Chinese (zh-Hans)", False),
        ("fr", "en", "French", True),
        ("pt-BR", "en", "Portuguese (Brazil)", True),
        ("tlh", "en", "the language with code tlh", True),
    ],
)
def test_language_codes(code: str, catalog: str, name: str, fallback: bool) -> None:
    lang = parse_language(code)
    assert (lang.catalog, lang.name, lang.fallback) == (catalog, name, fallback)


def test_fallback_notice_names_the_language() -> None:
    assert parse_language("fr").notice() == (
        "finnews: no catalog for language 'fr'; labels are in English, text an LLM writes "
        "is in French"
    )
    assert parse_language("zh").notice() is None


@pytest.mark.parametrize("code", ["12", "en us", "e", "zh-", "english!", "-zh"])
def test_malformed_codes_are_bad_input(code: str) -> None:
    with pytest.raises(BadInputError, match="is not a language code"):
        parse_language(code)


def test_dates_and_numbers_in_english_and_chinese() -> None:
    d = date(2025, 12, 11)
    with using("en"):
        got = [fmt_date(d), fmt_day(d), fmt_value(10.8345, "%"), fmt_value(244.98, "$")]
        got += [fmt_value(-25, "bp"), fmt_value(6765.875, "pts"), fmt_value(14.8, "x", 1)]
        got += [value_text(3.75, "%", "rate_level", 2, 3.5), fmt_value(None, "%")]
        assert got == [
            "Dec 11, 2025", "2025-12-11", "+10.83%", "$244.98", "-25 bp", "6,765.88", "14.8x",
            "3.50%-3.75%", "n/a",
        ]  # fmt: skip
    with using("zh"):
        got = [fmt_date(d), fmt_day(d), fmt_value(10.8345, "%"), fmt_value(244.98, "$")]
        got += [fmt_value(-25, "bp"), fmt_value(6765.875, "pts"), fmt_value(14.8, "x", 1)]
        got += [value_text(3.75, "%", "rate_level", 2, 3.5), fmt_value(None, "%")]
        assert got == [
            "2025年12月11日", "2025年12月11日", "+10.83%", "US$244.98", "-25个基点", "6,765.88",
            "14.8倍", "3.50%-3.75%", "无",
        ]  # fmt: skip


def test_english_values_read_as_they_always_did() -> None:
    """The Babel formats give, in English, what the record forms write by hand."""
    from assistant.i18n.formats import record_date as old_date
    from assistant.i18n.formats import record_value as old_value

    values = [0.0, -0.004, 0.125, 2.675, 4.905, -12.3456, 1234567.891, 99.995]
    with using("en"):
        for unit in ("%", "$", "bp", "x", "count", "pts"):
            for v in values:
                for decimals in (0, 1, 2):
                    assert fmt_value(v, unit, decimals) == old_value(v, unit, decimals)
        for day in (date(2025, 1, 2), date(2025, 9, 30), date(2026, 12, 31)):
            assert fmt_date(day) == old_date(day)
