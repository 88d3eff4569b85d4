"""The pieces the pages mark claims with: they join back to the text, overlapping claims
share one mark coloured by the most serious verdict, anchors sit where passages start."""

from __future__ import annotations

from assistant.models import CheckedClaim, Claim
from assistant.serve.highlight import Cited, cited_runs, pieces, verdict_counts

TEXT = "IWM rose 1.0% in November. QQQ fell 2% on Friday."


def claimed(ident: str, span: tuple[int, int], verdict: str) -> CheckedClaim:
    claim = Claim(kind="pct_change", text=TEXT, span=span, value=1.0, unit="%")
    return CheckedClaim(id=ident, text=TEXT, span=span, kind="pct_change", verdict=verdict,
                        claimed=1.0, unit="%", explanation="", claim=claim)  # type: ignore[arg-type]  # fmt: skip


def test_pieces_join_back_and_mark_each_claim_once() -> None:
    claims = [
        claimed("c1", (9, 13), "supported"),
        claimed("c2", (4, 13), "misdated"),  # overlaps c1: one mark, the worse verdict
        claimed("c3", (36, 38), "contradicted"),
    ]
    got = pieces(TEXT, claims, {27: "text-p2", 10: "inside"})
    assert "".join(p.text for p in got) == TEXT
    assert [(p.text, [c.id for c in p.claims], p.verdict, p.anchor) for p in got] == [
        ("IWM ", [], None, None),
        ("rose 1.0%", ["c2", "c1"], "misdated", "inside"),  # an anchor inside moves to its start
        (" in November. ", [], None, None),
        ("QQQ fell ", [], None, "text-p2"),
        ("2%", ["c3"], "contradicted", None),
        (" on Friday.", [], None, None),
    ]
    assert verdict_counts(claims) == {"contradicted": 1, "misdated": 1, "supported": 1}


def test_citation_markers_become_ids() -> None:
    assert cited_runs("Up 2% [1][D2, 3]. Done.") == [
        Cited("Up 2% "), Cited("[1]", ("1",)), Cited("[D2, 3]", ("D2", "3")), Cited(". Done."),
    ]  # fmt: skip
