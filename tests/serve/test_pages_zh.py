"""The web app in the reader's language (`finnews serve --lang zh`, or FINNEWS_LANG): the
pages' frame, receipts and error messages in Chinese; in English the pages read as
they always have."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.cli.common import SAMPLE_ARTICLE
from assistant.config import get_settings
from tests.serve.conftest import LOCAL, sample_id
from tests.support_cli import run_cli

SAMPLE = SAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def zh(make_app: Callable[..., Any]) -> Iterator[Any]:
    settings = get_settings().model_copy(update={"lang": "zh"})
    with TestClient(make_app(settings), base_url=LOCAL) as c:
        yield c


def test_article_page_in_chinese(zh: Any) -> None:
    html = zh.get(f"/articles/{sample_id(zh)}").text
    assert '<html lang="zh-Hans">' in html
    assert '<a href="/">新闻</a>' in html and '<a href="/check">核查</a>' in html
    for heading in ("相关代码", "综合分析", "核心要点", "价格走势图", "原文，逐项核查", "关键数据",
                    "逐项核查", "参考来源", "就这篇新闻提问"):  # fmt: skip
        assert f"<h2>{heading}</h2>" in html
    assert '<span class="meta">罗素2000指数</span>' in html
    assert '<span class="badge v-contradicted">2 与数据不符</span>' in html
    assert (
        '<span class="receipt-claim"><b class="v-supported">#1 属实</b>：文中 +10.70%，数据 '
        "+10.69%。 数据计算结果为 +10.69%，与文章一致（^RUT，2025年11月20日 至 2025年12月12日）。"
        '<span class="receipt-evidence">^RUT，2025年11月20日 至 2025年12月12日：(2551.46 / '
        "2305.11 - 1) * 100；容差：在 ±0.05个百分点 以内判为属实（文中数字的舍入精度）；在 "
        "±0.1个百分点 以内判为大致属实（快照）</span>"
    ) in html
    assert (
        '<li id="d16">[D16] IJR：2025年11月20日 收盘价 112.05 → US$112.05 <span class="meta">'
        '（快照；2025年11月20日 收盘价） <a href="#claim-c8">陈述 #8</a></span></li>'
    ) in html
    assert '<p class="disclaimer">本报告描述历史市场数据与新闻，不构成投资建议。' in html
    assert '<footer class="meta">历史市场数据与新闻，不构成投资建议。</footer>' in html
    words = html.split('<script type="application/json" id="finnews-words">')[1]
    assert json.loads(words.split("</script>")[0])["failed"] == "回答失败：{error}"  # app.js's
    for english in ("Related tickers", "Key figures", "claimed ", "tolerance", "close on",
                    "(snapshot", "Ask about this news", "in the text"):  # fmt: skip
        assert english not in html


def test_error_messages_in_chinese(zh: Any) -> None:
    missing = zh.get("/articles/nope")
    assert missing.status_code == 404
    assert "<h1>出错了（404）</h1>" in missing.text
    assert '<p class="error">没有 id 为 &#39;nope&#39; 的已收录文章</p>' in missing.text
    empty = zh.post("/check", data={"text": ""})
    assert empty.status_code == 400
    assert '<p class="error" role="alert">请粘贴文章、选择文件或给出网址</p>' in empty.text
    bad_day = zh.get("/?since=2025-13-01")
    assert "since &#39;2025-13-01&#39; 不是日期；请使用 YYYY-MM-DD 格式" in bad_day.text


def test_news_and_check_pages_in_chinese(zh: Any) -> None:
    news = zh.get("/").text
    assert '<p class="meta">共 5 篇文章，最新的在前。</p>' in news
    assert "<tr><th>文章</th><th>来源</th><th>日期</th><th>代码</th><th>结论</th></tr>" in news
    none = zh.get("/", params={"q": "small caps", "ticker": "ZZZ"}).text
    assert '<p class="empty">没有段落：没有已收录文章提到 ZZZ（已收录 5 篇文章）。</p>' in none
    checked = zh.post("/check", data={"text": SAMPLE, "date": "2025-12-12"}).text
    assert "<h1>核查一篇文章</h1>" in checked
    assert '<span class="badge v-misdated">4 日期错配</span>' in checked
    assert "<code>published:</code>" in checked


def test_the_pages_in_english_as_before(client: Any) -> None:
    html = client.get(f"/articles/{sample_id(client)}").text
    assert '<html lang="en">' in html
    assert (
        '<span class="receipt-claim"><b class="v-supported">#1 supported</b>: claimed +10.70%, '
        "data +10.69%. Russell 2000 (^RUT) since its Nov 20: +10.69% (Nov 20, 2025 close 2305.11 "
        'to Dec 12, 2025 2551.46)<span class="receipt-evidence">'
    ) in html
    assert (
        '<span class="receipt-evidence">^RUT, Nov 20, 2025 to Dec 12, 2025: (2551.46 / 2305.11 '
        "- 1) * 100; tolerance supported within ±0.05 pt (the claim&#39;s rounding); "
        "approximate within ±0.1 pt (snapshot)</span>"
    ) in html
    assert (
        '<li id="d16">[D16] IJR close Nov 20, 2025 112.05 -&gt; $112.05 <span class="meta">'
        '(snapshot; close on 2025-11-20) <a href="#claim-c8">claim #8</a></span></li>'
    ) in html
    footer = "Historical market data and news; not investment advice."
    assert f'<footer class="meta">{footer}</footer>' in html
    missing = client.get("/articles/nope").text
    assert "<h1>Something is wrong (404)</h1>" in missing
    assert "no indexed article has the id &#39;nope&#39;" in missing


@pytest.mark.parametrize(
    ("args", "env", "lang"),
    [
        (["serve", "--lang", "zh"], None, "zh"),
        (["serve"], "zh", "zh"),
        (["serve", "--lang", "en"], "zh", "en"),
        (["serve"], None, "en"),
    ],
)
def test_serve_takes_the_language(
    args: list[str],
    env: str | None,
    lang: str,
    home: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: started.update(kw, app=app))
    if env:
        monkeypatch.setenv("FINNEWS_LANG", env)
    else:
        monkeypatch.delenv("FINNEWS_LANG", raising=False)
    get_settings.cache_clear()
    r = run_cli(["--offline", *args, "--port", "8123"], capsys, monkeypatch)
    assert r.exit_code == 0, r.err
    assert r.err == (
        "finnews serve：http://127.0.0.1:8123/（按 Ctrl-C 停止）\n"
        if lang == "zh"
        else "finnews serve: http://127.0.0.1:8123/ (Ctrl-C stops it)\n"
    )
    with TestClient(started["app"], base_url=LOCAL) as c:
        page = c.get("/chat").text
    assert f'<html lang="{"zh-Hans" if lang == "zh" else "en"}">' in page
    assert ("<h1>对话</h1>" if lang == "zh" else "<h1>Chat</h1>") in page


def test_serve_refuses_a_bad_language(
    home: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    r = run_cli(["serve", "--offline", "--lang", "12"], capsys, monkeypatch)
    assert r.exit_code == 2
    assert "'12' is not a language code; use one like en, zh or fr" in r.err
