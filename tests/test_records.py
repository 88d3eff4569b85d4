"""One record, one home, per concept (issue 11): one strict base, one receipt, one passage
numbered as a citation, one citation marker, one set of disclaimers, one record format."""

from __future__ import annotations

import inspect
from datetime import date, datetime, timezone

from pydantic import BaseModel

from assistant import disclaimers
from assistant.analysis import models as analysis_models
from assistant.chat import models as chat_models
from assistant.chat.ledger import to_citation
from assistant.chat.passages import Passage, relevant
from assistant.i18n import using
from assistant.llm import schemas
from assistant.market.base import Bar, SeriesPoint
from assistant.market.metrics import dated_on, dated_on_or_before
from assistant.models import Strict
from assistant.receipts import AnswerReceipt, Receipt, ReportReceipt
from assistant.summarize import records
from assistant.text.citations import CITATION, anchor_of, citations_in, marker_ids


def test_every_record_has_the_one_strict_base() -> None:
    for module in (analysis_models, chat_models, schemas, records):
        models = [
            obj
            for _, obj in inspect.getmembers(module, inspect.isclass)
            if issubclass(obj, BaseModel) and obj.__module__ == module.__name__
        ]
        assert models, module.__name__
        for model in models:
            assert issubclass(model, Strict), model.__name__
            assert model.model_config.get("extra") == "forbid"
        assert not hasattr(module, "_Strict"), module.__name__


def test_both_receipts_are_one_receipt_with_their_json_fields_in_order() -> None:
    assert issubclass(ReportReceipt, Receipt) and issubclass(AnswerReceipt, Receipt)
    assert list(ReportReceipt.model_fields) == ["id", "label", "claim_id", "unit", "evidence"]
    assert list(AnswerReceipt.model_fields) == [
        "id", "label", "statement", "value", "unit", "start", "end", "evidence", "passage",
    ]  # fmt: skip
    assert analysis_models.AnalysisReport.model_fields["receipts"].annotation == list[ReportReceipt]
    assert chat_models.Answer.model_fields["receipts"].annotation == list[AnswerReceipt]


class _Hit:
    """A search hit: the passage's fields and more."""

    article_id, chunk_id, title, source, url = "a1", "a1:0", "Title", "Desk", "https://x.example"
    published = datetime(2025, 12, 1, tzinfo=timezone.utc)
    text, start, end, fused = "IWM rose 1%.", 10, 22, 0.5

    def __init__(self, score: float) -> None:
        self.score = score


def test_a_passage_is_read_from_a_hit_and_numbered_as_a_citation() -> None:
    kept = relevant([_Hit(0.9), _Hit(0.1)])
    assert kept == [
        Passage("a1", "Title", _Hit.published, "Desk", "https://x.example", "IWM rose 1%.", 10, 22,
                0.9)
    ]  # fmt: skip
    cite = to_citation(3, kept[0], ["D2"])
    assert cite.model_dump() == {
        "n": 3, "article_id": "a1", "title": "Title", "published": _Hit.published,
        "source": "Desk", "url": "https://x.example", "text": "IWM rose 1%.", "start": 10,
        "end": 22, "score": 0.9, "checks": ["D2"],
    }  # fmt: skip


def test_one_citation_marker_and_its_ids_and_anchors() -> None:
    text = "Up 2% [1]. Down [D2, 3; 3]. Not [x] nor [D]."
    assert [m.group(0) for m in CITATION.finditer(text)] == ["[1]", "[D2, 3; 3]"]
    assert marker_ids("[D2, 3; 3]") == ["D2", "3", "3"]
    assert citations_in(text) == ["1", "D2", "3"]
    assert [anchor_of(i) for i in ("3", "D2")] == ["p3", "d2"]


def test_disclaimers_live_in_one_place_in_the_readers_language() -> None:
    assert analysis_models.AnalysisReport.model_fields["disclaimer"].default == disclaimers.REPORT
    assert disclaimers.disclaimer("check") == "Historical market data; not investment advice."
    assert disclaimers.disclaimer("digest") == (
        "Historical market data and news; not investment advice."
    )
    with using("zh"):
        assert disclaimers.disclaimer("report") != disclaimers.REPORT  # translated


def test_bars_and_series_points_are_looked_up_by_date_alike() -> None:
    bars = [Bar(date(2025, 1, d), 1, 1, 1, float(d), float(d)) for d in (2, 3, 6)]
    points = [SeriesPoint(date(2025, 1, d), float(d)) for d in (2, 3, 6)]
    for items in (bars, points):
        assert dated_on(items, date(2025, 1, 3)) is items[1]
        assert dated_on(items, date(2025, 1, 4)) is None
        assert dated_on_or_before(items, date(2025, 1, 5)) is items[1]
        assert dated_on_or_before(items, date(2025, 1, 1)) is None
