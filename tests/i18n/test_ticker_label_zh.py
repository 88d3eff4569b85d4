"""The engine's own sentences name an index in the reader's language (`notes.ticker_label`),
and in English exactly as `verify.lookup.label` does."""

from __future__ import annotations

import pytest

from assistant.analysis import analyze_article
from assistant.config import Settings
from assistant.i18n import using
from assistant.i18n.notes import ticker_label
from assistant.llm import get_chat_model
from assistant.market.snapshot import SnapshotMarketData
from assistant.models import Article
from assistant.render.chart import plan_chart
from assistant.verify.lookup import label


@pytest.mark.parametrize(
    ("ticker", "chinese"),
    [
        ("^RUT", "罗素2000指数（^RUT）"),
        ("^IXIC", "纳斯达克综合指数（^IXIC）"),
        ("^SML", "标普小盘600指数（经由 IJR）"),  # an index read through the fund tracking it
        ("^MID", "标普中盘400指数（经由 IJH）"),
        ("IWM", "IWM"),  # a fund or company by its ticker
        ("CL=F", "CL=F"),
    ],
)
def test_ticker_labels(ticker: str, chinese: str) -> None:
    with using("zh"):
        assert ticker_label(ticker) == chinese
    with using("en"):
        assert ticker_label(ticker) == label(ticker)


@pytest.mark.parametrize(
    ("lang", "why"),
    [
        ("zh", "没有 芝加哥期权交易所波动率指数（^VIX） 的图表序列"),
        ("en", "no chart series for Cboe Volatility Index (^VIX)"),
    ],
)
def test_a_claim_off_the_chart_names_its_index(
    lang: str, why: str, sample: Article, market: SnapshotMarketData
) -> None:
    settings = Settings()
    model = get_chat_model(settings, offline=True)
    with using(lang):
        report = analyze_article(sample, settings=settings, market=market, model=model)
        first = report.check.claims[0]
        moved = first.model_copy(
            update={"claim": first.claim.model_copy(update={"ticker": "^VIX"})}
        )
        claims = [moved, *report.check.claims[1:]]
        report = report.model_copy(
            update={"check": report.check.model_copy(update={"claims": claims})}
        )
        plan = plan_chart(report)
    assert plan is not None
    assert plan.unplaced[first.id] == why
