"""The chat REPL in Chinese, driven line by line from stdin: its banner, /help, /verify,
/ticker, /article, /clear, its error lines and answers market data cannot give; English
stays as it was."""

from __future__ import annotations

import io
from datetime import date

import pytest

from assistant.chat.repl import Repl
from assistant.chat.session import Session
from assistant.config import get_settings
from assistant.i18n import using
from assistant.market.snapshot import SnapshotMarketData
from tests.chat.test_followups import NoNews

SCRIPT = """\
/help
/verify IWM rose 1.0% in November 2025. QQQ rose 1.6% in November 2025.
/verify
/verify The weather was fine.
/ticker
/ticker ZZZZ
/ticker IJR someday
/foo
/article
/clear
What was SPY's best month in 2025?
What was QQQ's biggest one-day drop since March 2025?
How did IJR do since 1999?
What happened to oil prices in March 2026?
What was SPY's closing price in November?
/exit
never read
"""

HELD = (
    "AAPL, AMZN, GOOGL, IJH, IJR, IWM, JPM, META, MSFT, NVDA, QQQ, SPY, TSLA, VIOO, ^DJI, "
    "^FVX, ^GSPC, ^IXIC, ^NDX, ^RUT, ^TNX, ^VIX"
)
NO_ANSWER = "已索引的新闻和市场数据无法回答这个问题。"

CHINESE = [
    "finnews 对话 · 离线引擎（未使用语言模型：计算数据并引用原文） · 市场数据：快照 · "
    "截至 2026年12月1日",
    "输入 /help 查看命令；Ctrl-D 或 /exit 退出。",
    "可以询问已索引的新闻或市场数据，例如 'How did IJR do in November 2025?'、'And QQQ?'、"
    "'What was SPY's biggest one-day drop in 2025?'",
    "  /help     显示本帮助",
    "  /sources  上一个回答所依据的原文段落和数据凭据",
    "  /verify   /verify 文本：核查粘贴文本中的数字陈述",
    "  /ticker   /ticker 代码 [期间]：最近收盘价和回报率（期间：1m 3m 6m ytd 1y 3y 5y 或 "
    "'November 2025'）",
    "  /article  /article ID：把对话限定在一篇文章（ID、ID 前缀或上一个回答中的 [n]）；"
    "单独输入 /article 取消限定",
    "  /clear    清空目前的对话",
    "  /exit     退出（或按 Ctrl-D）",
    "Enter 发送；行末加 \\ 或先按 Esc 再按 Enter 可换行。",
    "Ctrl-C 取消正在生成的回答；Ctrl-D 或 /exit 退出。",
    "已用截至 2026年12月1日 的数据核查 2 项陈述：",
    "- 属实：“IWM rose 1.0% in November 2025.”：数据计算结果为 +1.02%，与文章一致"
    "（IWM，2025年10月31日 至 2025年11月28日）。 [D1]",
    "- 与数据不符：“QQQ rose 1.6% in November 2025.”：数据计算结果为 -1.56%，而非文章所说的 "
    "+1.60%（QQQ，2025年10月31日 至 2025年11月28日）。 [D2]",
    "  [D1] 属实：“IWM rose 1.0% in November 2025.” · 快照",
    "  [D2] 与数据不符：“QQQ rose 1.6% in November 2025.” · 快照",
    "错误：请给出要核查的文本：/verify TEXT",
    "这段文本中没有找到数字陈述。",
    "用法：/ticker 代码 [期间]",
    f"错误：内置快照中没有 ZZZZ 的行情数据（快照包含 {HELD}）；请联网运行（不加 --offline / "
    "FINNEWS_OFFLINE），从 Yahoo 获取",
    "错误：无法识别时间段 'someday'；请使用 1m、3m、6m、ytd、1y、3y、5y，或“November 2025”"
    "“Q1 2026”这样的说法",
    "未知命令 /foo；可用命令为 /help，/sources，/verify，/ticker，/article，/clear，/exit。",
    "已取消文章限定：问题将面向所有已索引的新闻。",
    "对话已清空。",
    "SPY 最佳月份，2025年：+6.28%（2025年4月30日 收盘价 554.54，2025年5月30日 收盘价 589.39） "
    "[D1]。",
    "  [D1] SPY 最佳月份，2025年 · 快照",
    "QQQ 最大单日跌幅，2025年3月以来：-6.21%（2025年4月3日 收盘价 450.66，2025年4月4日 收盘价 "
    "422.67） [D1]。",
    "  [D1] QQQ 最大单日跌幅，2025年3月以来 · 快照",
    "市场数据无法回答这个问题（IJR 回报率，1999年）：1999年1月1日之前没有可作为区间起点的"
    "行情数据。",
    "",
    NO_ANSWER,
    "市场数据无法回答这个问题（CL=F 回报率，2026年3月）：没有内置的原油（CL=F）数据序列。",
    "",
    NO_ANSWER,
    "市场数据无法回答这个问题（SPY 价格，2026年11月）：2026年11月没有 SPY 的收盘价：数据止于"
    "2026年5月1日。",
    "",
    NO_ANSWER,
]

# The English REPL, as it always read (lines that the Chinese one translates).
ENGLISH = {
    0: "finnews chat · offline engine (no language model: computed data and quoted passages) "
    "· market data: snapshot · as of Dec 1, 2026",
    1: "Type /help for commands; Ctrl-D or /exit leaves.",
    12: "2 claim(s) checked with data up to 2026-12-01:",
    13: '- supported: "IWM rose 1.0% in November 2025.": IWM in November 2025: +1.02% (Oct 31, '
    "2025 close 246.23 to Nov 28, 2025 248.75) [D1]",
    15: "  [D1] supported: IWM rose 1.0% in November 2025. · snapshot",
    17: "Error: give the text to check: /verify TEXT",
    18: "No numeric claim found in this text.",
    19: "Usage: /ticker SYMBOL [PERIOD]",
    22: "Unknown command /foo; the commands are /help, /sources, /verify, /ticker, /article, "
    "/clear, /exit.",
    23: "Article scope cleared: questions go to all indexed news.",
    24: "Conversation cleared.",
    28: "  [D1] QQQ biggest one-day drop, since March 2025 · snapshot",
    29: "Market data cannot answer this (IJR return, 1999): no bar before 1999-01-01 to start the "
    "window from.",
    32: "Market data cannot answer this (CL=F return, March 2026): no bundled series for crude oil "
    "(CL=F).",
    35: "Market data cannot answer this (SPY price, November 2026): no SPY close in November "
    "2026: the data ends May 1, 2026.",
}


def _transcript(lang: str) -> list[str]:
    with using(lang):
        session = Session(
            settings=get_settings(),
            market=SnapshotMarketData(),
            news=NoNews(),
            as_of=date(2026, 12, 1),
        )
        out = io.StringIO()
        assert Repl(session, out).run(io.StringIO(SCRIPT)) == 0
    return out.getvalue().splitlines()


def test_the_repl_in_chinese() -> None:
    assert _transcript("zh") == CHINESE


def test_the_repl_in_english_is_unchanged() -> None:
    lines = _transcript("en")
    assert len(lines) == len(CHINESE)
    assert {n: lines[n] for n in ENGLISH} == ENGLISH


@pytest.mark.parametrize(
    ("label", "chinese"),
    [
        (
            "SPY price return, the 3 months to Oct 8, 2026",
            "SPY 价格回报，截至2026年10月8日的 3 个月",
        ),
        ("SPY price return, the year to Dec 31, 2025", "SPY 价格回报，截至2025年12月31日的一年"),
        ("SPY price return, 2025 through Dec 31, 2025", "SPY 价格回报，2025年初至2025年12月31日"),
        ("SPY price return, October 2026 to date", "SPY 价格回报，2026年10月至今"),
        ("SPY price return, from Jan 5 to Feb 3, 2026", "SPY 价格回报，2026年1月5日至2026年2月3日"),
        ("SPY price return, the first half of 2025", "SPY 价格回报，2025年上半年"),
        ("SPY price return, last week", "SPY 价格回报，上周"),
        ("SPY price return, since March", "SPY 价格回报，三月以来"),
        ("SPY close, December 10, 2025", "SPY 收盘价，2025年12月10日"),
        ("SPY worst week, the past 3 months", "SPY 最差一周，过去 3 个月"),
        ("SPY highest close, early 2025", "SPY 最高收盘价，2025年初"),
        ("SPY nicest month, 2025", "SPY nicest month, 2025"),  # no such extreme: as it is
    ],
)
def test_chat_labels_in_chinese(label: str, chinese: str) -> None:
    from assistant.i18n.answers import answer_label
    from assistant.models import Evidence
    from assistant.receipts import AnswerReceipt

    receipt = AnswerReceipt(
        id="D1",
        label=label,
        statement="",
        evidence=Evidence(ticker="SPY", source="snapshot"),
    )
    with using("zh"):
        assert answer_label(receipt) == chinese
    with using("en"):
        assert answer_label(receipt) == label
