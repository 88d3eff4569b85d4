""" "The month" right after a sentence that names the month just ended is that month, not the
new month so far: a shape from a Saturday bond column in blind batch h264_ ("The week built
on a July that ... Over the month the 2-year yield fell ..."). The passage is our own;
values are computed from the bundled data."""

from __future__ import annotations

from datetime import date, datetime

from tests.check.passages import EDT, alarms, at

# October 2023: DGS10 4.59% -> 4.88% (+29 bp), ^TNX +30.2 bp; DGS2 5.03% -> 5.07% (+4 bp).
# November so far (to Nov. 3): the 10-year fell 31 bp.
TEXT = (
    "Yields tumbled this week after the Fed's meeting. The slide undid much of an October "
    "in which the 10-year note came within a whisker of 5%. Over the month the 10-year yield "
    "rose 29 basis points and the 2-year yield 4 basis points."
)
SATURDAY = datetime(2023, 11, 4, 9, 0, tzinfo=EDT)


def test_the_month_after_a_sentence_naming_the_month_just_ended() -> None:
    claims = [c for c in at(TEXT, SATURDAY, "Bond Watch") if c.claim.kind == "yield_change"]
    assert [(c.claim.value, c.verdict, c.claim.start, c.claim.end) for c in claims] == [
        (29.0, "supported", date(2023, 10, 1), date(2023, 10, 31)),
        (4.0, "supported", date(2023, 10, 1), date(2023, 10, 31)),
    ]


def test_the_month_with_no_month_named_before_is_the_month_so_far() -> None:
    text = "Yields tumbled this week. Over the month the 10-year yield has fallen 31 basis points."
    claims = [c for c in at(text, SATURDAY, "Bond Watch") if c.claim.kind == "yield_change"]
    assert [(c.claim.value, c.verdict, c.claim.start) for c in claims] == [
        (-31.0, "supported", date(2023, 11, 1))
    ]
    assert alarms(claims) == []
