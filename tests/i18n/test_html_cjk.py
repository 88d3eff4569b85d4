"""HTML in Chinese: the page declares its language, its fonts fall back to CJK ones, and
headless Chromium draws Chinese labels as glyphs, not tofu boxes.

A missing glyph is drawn as the same empty box whatever the character: a rendering of
labels whose Chinese characters are swapped for private-use characters (which no font
has) is the tofu picture. The real labels must differ from it, while two different
private-use swaps must match each other (the control: tofu looks the same)."""

from __future__ import annotations

import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from assistant.analysis import AnalysisReport, analyze_article
from assistant.config import Settings
from assistant.i18n import using
from assistant.llm import OfflineEngine
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from assistant.render.chart import build_chart, chart_svg
from assistant.render.digest import render_html as digest_html
from assistant.render.report import render_html
from assistant.summarize import SummarizeReport

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def zh_report(sample: Article, market: SnapshotMarketData) -> AnalysisReport:
    return analyze_article(
        sample, settings=Settings(), market=market, model=OfflineEngine(), lang="zh"
    )


def test_page_declares_its_language_and_cjk_fonts(
    zh_report: AnalysisReport, market: SnapshotMarketData
) -> None:
    with using("zh"):
        page = render_html(zh_report, build_chart(zh_report, market))
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">')
    assert 'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",' in page
    assert '"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC"' in page
    assert '"Microsoft YaHei","WenQuanYi Micro Hei"' in page
    assert "<h2>价格走势图</h2>" in page and "<h2>逐项核查</h2>" in page
    assert '<td class="verdict contradicted">与数据不符</td>' in page
    assert '"lang":"zh-Hans"' in page
    assert '"words":{"claimed":"文中数字","data":"数据","close":"收盘价"}' in page
    assert '"verdict":"contradicted"' in page and '"verdict_label":"与数据不符"' in page
    with using("en"):
        english = render_html(zh_report, None)
    assert english.startswith('<!DOCTYPE html>\n<html lang="en">')


def test_digest_page_declares_its_language() -> None:
    with using("zh"):
        page = digest_html(SummarizeReport(records=[]))
    assert '<html lang="zh-Hans">' in page and '"Noto Sans CJK SC"' in page


def _swap(text: str, base: int) -> str:
    """`text` with every CJK character replaced by a private-use one (no font has it)."""
    out = []
    for ch in text:
        code = ord(ch)
        cjk = 0x3000 <= code <= 0x9FFF or 0xFF00 <= code <= 0xFFEF
        out.append(chr(base + code % 0x400) if cjk else ch)
    return "".join(out)


def _shot(html: str, tmp_path: Path, name: str, size: str = "800,600") -> Image.Image:
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    png = tmp_path / f"{name}.png"
    subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={size}",
            f"--screenshot={png}", page.as_uri(),
        ],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return Image.open(BytesIO(png.read_bytes())).convert("RGB")


def _same(a: Image.Image, b: Image.Image) -> bool:
    return a.size == b.size and ImageChops.difference(a, b).getbbox() is None


def test_a_cjk_font_is_installed() -> None:
    fonts = subprocess.run(
        ["fc-list", ":lang=zh", "family"], check=True, capture_output=True, text=True
    ).stdout
    assert fonts.strip(), "no CJK font: .ci/run installs fonts-wqy-microhei"


def test_chart_labels_are_drawn_as_cjk_glyphs(
    zh_report: AnalysisReport, market: SnapshotMarketData, tmp_path: Path
) -> None:
    with using("zh"):
        chart = build_chart(zh_report, market)
        assert chart is not None
        svg = chart_svg(chart)
    assert ">属实</text>" in svg and ">与数据不符</text>" in svg  # the legend's verdicts
    wrap = '<!DOCTYPE html><html lang="zh-Hans"><body style="margin:0">{}</body></html>'
    real = _shot(wrap.format(svg), tmp_path, "real")
    tofu = _shot(wrap.format(_swap(svg, 0xE000)), tmp_path, "tofu")
    other = _shot(wrap.format(_swap(svg, 0xE800)), tmp_path, "other")
    assert _same(tofu, other)  # the control: missing glyphs all look alike
    assert not _same(real, tofu)  # the labels are real glyphs


def test_report_headings_are_drawn_as_cjk_glyphs(zh_report: AnalysisReport, tmp_path: Path) -> None:
    with using("zh"):
        page = render_html(zh_report, None)
    real = _shot(page, tmp_path, "page", "900,700")
    tofu = _shot(_swap(page, 0xE000), tmp_path, "page-tofu", "900,700")
    other = _shot(_swap(page, 0xE800), tmp_path, "page-other", "900,700")
    assert _same(tofu, other)
    assert not _same(real, tofu)
