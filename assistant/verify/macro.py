"""Checkers for the Fed funds target, Treasury yields and quoted valuation figures."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from assistant.errors import MarketDataUnavailable
from assistant.i18n.formats import record_date as fmt_date
from assistant.market import metrics as M
from assistant.market.base import SeriesPoint
from assistant.models import Claim, Evidence, VerdictName
from assistant.receipts import FED_SOURCE, rate_change_evidence, rate_range_evidence
from assistant.verify.grading import Outcome, grade, matches, tolerance_text
from assistant.verify.lookup import Lookup
from assistant.verify.windows import shifted_windows

NEARBY_DAYS = 14  # "misdated" means off by days, not by another meeting


def _describe(c: M.RateChange) -> str:
    verb = "cut" if c.bp < 0 else "raised"
    return (
        f"the Fed {verb} by {abs(c.bp)} bp on {fmt_date(c.announced)} "
        f"({c.old_lower:.2f}-{c.old_upper:.2f}% to {c.new_lower:.2f}-{c.new_upper:.2f}%)"
    )


def _change_for(claim: Claim, lookup: Lookup) -> M.RateChange:
    """The move a claim talks about: the one announced on its date, else the latest."""
    changes = [c for c in lookup.fed_changes() if c.announced <= lookup.as_of]
    if not changes:
        raise MarketDataUnavailable(f"no change of the Fed's target range before {lookup.as_of}")
    if claim.start and claim.end:
        slack = timedelta(days=1 if claim.window == "day" else 0)
        inside = [c for c in changes if claim.start - slack <= c.announced <= claim.end + slack]
        if not inside:
            raise LookupError(claim.end)
        return inside[-1]
    return changes[-1]


def _check_total(claim: Claim, lookup: Lookup, tol: str) -> Outcome:
    """ "brings the total since September to 100 basis points": the moves announced in the
    window, added up."""
    assert claim.start and claim.end
    moves = [
        c
        for c in lookup.fed_changes()
        if claim.start <= c.announced <= min(claim.end, lookup.as_of)
    ]
    total = sum(c.bp for c in moves)
    ev = [rate_change_evidence(c, tol) for c in moves]
    if not moves:
        why = f"no change of the target range {claim.period or ''}".rstrip()
        return Outcome("contradicted", 0.0, why, ev)
    listed = ", ".join(f"{c.bp:+d} bp on {fmt_date(c.announced)}" for c in moves)
    why = f"the Fed moved {len(moves)} time(s) {claim.period}: {total:+d} bp in all ({listed})"
    return Outcome(grade(claim.value, total, claim) or "contradicted", float(total), why, ev)


def check_rate_change(claim: Claim, lookup: Lookup) -> Outcome:
    tol = tolerance_text(claim)
    if claim.field == "total" and claim.start and claim.end:
        return _check_total(claim, lookup, tol)
    try:
        change = _change_for(claim, lookup)
    except LookupError:
        assert claim.end
        before = [c for c in lookup.fed_changes() if c.announced <= lookup.as_of]
        nearest = min(before, key=lambda c: abs((c.announced - claim.end).days))  # type: ignore[operator]
        ev = [rate_change_evidence(nearest, tol)]
        near = abs((nearest.announced - claim.end).days) <= NEARBY_DAYS
        if near and matches(claim.value, nearest.bp, claim):
            return Outcome(
                "misdated",
                None,
                f"no change on {fmt_date(claim.end)}; {_describe(nearest)}",
                ev,
            )
        where = claim.period or fmt_date(claim.end)
        return Outcome("contradicted", None, f"no change {where}; {_describe(nearest)}", ev)
    ev = [rate_change_evidence(change, tol)]
    verdict = grade(claim.value, change.bp, claim)
    if verdict:
        return Outcome(verdict, float(change.bp), _describe(change), ev)
    for other in lookup.fed_changes():
        if other.announced <= lookup.as_of and other is not change:
            close_by = abs((other.date - change.date).days) <= NEARBY_DAYS
            if close_by and matches(claim.value, other.bp, claim):
                ev.append(rate_change_evidence(other, tol))
                return Outcome(
                    "misdated",
                    float(change.bp),
                    f"{_describe(other)}; the move in question was {change.bp:+d} bp",
                    ev,
                )
    return Outcome("contradicted", float(change.bp), _describe(change), ev)


EARLIER_MOVE_DAYS = 550  # how far back a range "down from" may reach: a run of moves


def check_rate_level(claim: Claim, lookup: Lookup) -> Outcome:
    day = claim.end or lookup.as_of
    lower = claim.start_value if claim.start_value is not None else claim.value - 0.25
    then = M.target_on(lookup.fed(), day, announced=True) if claim.field == "prior" else None
    if (
        then is not None
        and day < lookup.as_of
        and matches(claim.value, then.upper, claim)
        and (matches(lower, then.lower, claim))
    ):  # "up from the 4.25%-4.50% range officials settled on in December": December's own
        ev = [rate_range_evidence(then, day, tolerance_text(claim))]
        return Outcome(
            "supported",
            then.upper,
            f"the target range on {fmt_date(day)} was {then.lower:.2f}%-{then.upper:.2f}%",
            ev,
        )
    if claim.field == "prior":  # "down from 5.25%-5.50%": the range before the last move
        before = [c for c in lookup.fed_changes() if c.announced <= day]
        _, _, run = M.consecutive_moves(lookup.fed_changes(), day, max_gap_days=None)
        if run and run[0] is not (before[-1] if before else None):
            # "raised rates seven times this year, lifting it from 0%-0.25% to ...": the
            # range before the run of moves began may be meant instead
            first = run[0]
            if matches(claim.value, first.old_upper, claim) and matches(
                lower, first.old_lower, claim
            ):
                day = first.announced - timedelta(days=1)
                before = []
        if before:
            day = before[-1].announced - timedelta(days=1)
    point = M.target_on(lookup.fed(), day, announced=True)
    if point is None:
        raise MarketDataUnavailable(f"no Fed target range on {day} in the data")
    ev = [rate_range_evidence(point, day, tolerance_text(claim))]
    text = f"the target range on {fmt_date(day)} was {point.lower:.2f}%-{point.upper:.2f}%"
    if matches(claim.value, point.upper, claim) and matches(lower, point.lower, claim):
        return Outcome("supported", point.upper, text, ev)
    for c in reversed(lookup.fed_changes()):
        if abs((c.announced - day).days) > NEARBY_DAYS:
            continue
        if matches(claim.value, c.new_upper, claim) or matches(claim.value, c.old_upper, claim):
            if matches(lower, c.new_lower, claim) or matches(lower, c.old_lower, claim):
                return Outcome(
                    "misdated",
                    point.upper,
                    f"the range changed on {fmt_date(c.announced)} "
                    f"(effective {fmt_date(c.date)}); {text}",
                    ev,
                )
    if claim.field == "prior":  # "cut at each of its last three meetings, bringing it down
        # from 4.25%-4.50%": the range before an earlier move of the run, not the last
        told = claim.end or lookup.as_of
        for c in reversed([c for c in lookup.fed_changes() if c.announced <= told]):
            if (told - c.announced).days > EARLIER_MOVE_DAYS:
                break
            if matches(claim.value, c.old_upper, claim) and matches(lower, c.old_lower, claim):
                why = (
                    f"the range before the move of {fmt_date(c.announced)} was "
                    f"{c.old_lower:.2f}%-{c.old_upper:.2f}%: an earlier move than the last may "
                    f"be meant; {text}"
                )
                return Outcome("unverifiable", point.upper, why, ev)
    return Outcome("contradicted", point.upper, text, ev)


def _moves_evidence(moves: list[M.RateChange], formula: str, tolerance: str) -> Evidence:
    """The receipt of a count of Fed moves: each move's announcement day and size."""
    return Evidence(
        ticker="FEDFUNDS",
        source=FED_SOURCE,
        dates=[c.announced for c in moves],
        fields=["bp"] * len(moves),
        values=[float(c.bp) for c in moves],
        formula=formula,
        result=float(len(moves)),
        tolerance=tolerance,
    )


def _counted(
    claim: Claim, lookup: Lookup, wanted: str, start: date, end: date, formula: str, span: str
) -> Outcome:
    """Moves of one direction announced from start to end, against the claimed count."""
    moves = [
        c for c in lookup.fed_changes() if start <= c.announced <= end and c.direction == wanted
    ]
    ev = [_moves_evidence(moves, formula, "exact count")]
    dates = ", ".join(fmt_date(c.announced) for c in moves) or "none"
    text = f"{len(moves)} {wanted}(s) {span} ({dates})"
    if len(moves) == claim.value:
        return Outcome("supported", float(len(moves)), text, ev)
    return Outcome("contradicted", float(len(moves)), text, ev)


def _year_count(claim: Claim, lookup: Lookup, wanted: str) -> Outcome:
    upto = claim.end or lookup.as_of
    return _counted(claim, lookup, wanted, date(upto.year, 1, 1), upto,
                    f"{wanted}s announced in {upto.year} up to {upto}",
                    f"in {upto.year} up to {fmt_date(upto)}")  # fmt: skip


def _window_count(claim: Claim, lookup: Lookup, wanted: str) -> Outcome:
    """Moves of one direction announced within the claim's span ("three cuts last fall")."""
    assert claim.start is not None and claim.end is not None
    start, end = claim.start, claim.end
    return _counted(claim, lookup, wanted, start, end,
                    f"{wanted}s announced from {start} to {end}",
                    f"from {fmt_date(start)} to {fmt_date(end)}")  # fmt: skip


def check_rate_count(claim: Claim, lookup: Lookup) -> Outcome:
    field = claim.field or "cut"
    wanted = field.split("_")[0]
    if field.endswith("_window") and claim.start is not None:
        return _window_count(claim, lookup, wanted)
    if field.endswith("_year"):
        return _year_count(claim, lookup, wanted)
    if field.endswith("_any"):
        in_year = _year_count(claim, lookup, wanted)
        if in_year.verdict == "supported":
            return in_year
    upto = claim.end or lookup.as_of
    count, direction, run = M.consecutive_moves(lookup.fed_changes(), upto)
    if field.endswith("_before") and run and not (direction == wanted and count == claim.value):
        # "held after three straight cuts", "cut again after two straight cuts": the run
        # before the time told may end at the last move or at the one before it
        earlier = M.consecutive_moves(lookup.fed_changes(), run[-1].announced - timedelta(1))
        if earlier[1] == wanted and earlier[0] == claim.value:
            upto = run[-1].announced - timedelta(1)
            count, direction, run = earlier
    ev = [
        _moves_evidence(
            run,
            f"run of same-direction moves ending on or before {upto}",
            "exact count, same direction",
        )
    ]
    dates = ", ".join(fmt_date(c.announced) for c in run)
    text = f"{count} consecutive {direction or 'move'}s up to {fmt_date(upto)} ({dates})"
    if direction == wanted and count == claim.value:
        return Outcome("supported", float(count), text, ev)
    if direction is not None and direction != wanted:
        text = f"the last move was a {direction}, not a {wanted}; {text}"
    return Outcome("contradicted", float(count), text, ev)


# A yield claim is read against every source of its maturity: FRED's constant-maturity
# series and Cboe's yield index at the market close differ by a few basis points.
YIELD_SOURCES: dict[str, tuple[str, ...]] = {
    "DGS2": ("DGS2",),
    "^FVX": ("^FVX",),
    "DGS10": ("DGS10", "^TNX"),
    "^TNX": ("DGS10", "^TNX"),
    "DGS30": ("DGS30",),
}
_MATURITY = {"DGS2": "2-year", "^FVX": "5-year", "DGS10": "10-year", "^TNX": "10-year",
             "DGS30": "30-year"}  # fmt: skip


def _series(lookup: Lookup, source: str) -> Sequence[SeriesPoint]:
    """Readings of one yield source, ascending (an index's daily closes, or a FRED series)."""
    if source.startswith("^"):
        return lookup.closes(source, date(2000, 1, 1))
    return lookup.treasury(source)


def _source_name(source: str) -> str:
    return f"Cboe {source} close" if source.startswith("^") else f"FRED {source}"


def _yield_evidence(
    source: str, points: list[tuple[date, float]], formula: str, result: float, tol: str
) -> Evidence:
    return Evidence(
        ticker=source,
        source="snapshot" if source.startswith("^") else f"snapshot (FRED {source})",
        dates=[p[0] for p in points],
        fields=["close" if source.startswith("^") else "value"] * len(points),
        values=[p[1] for p in points],
        formula=formula,
        result=round(result, 4),
        tolerance=tol,
    )


def _sources(claim: Claim, lookup: Lookup) -> list[tuple[str, Sequence[SeriesPoint]]]:
    out = []
    reasons = []
    for source in YIELD_SOURCES.get(claim.ticker or "DGS10", ("DGS10",)):
        try:
            out.append((source, _series(lookup, source)))
        except MarketDataUnavailable as exc:
            reasons.append(str(exc))
    if not out:
        raise MarketDataUnavailable("; ".join(reasons) or "no yield data")
    return out


def _grade_sources(
    claim: Claim, readings: list[tuple[str, float, Evidence, str]]
) -> Outcome | None:
    """supported/approximate against any source, or between two sources; else None."""
    order: tuple[VerdictName, VerdictName] = ("supported", "approximate")
    best: tuple[int, str, float, Evidence, str] | None = None
    for source, value, ev, text in readings:
        verdict = grade(claim.value, value, claim)
        if verdict and (best is None or order.index(verdict) < best[0]):
            best = (order.index(verdict), source, value, ev, text)
    evs = [r[2] for r in readings]
    if best is not None:
        _, source, value, _, text = best
        return Outcome(order[best[0]], value, f"{text} ({_source_name(source)})", evs)
    values = [r[1] for r in readings]
    if len(values) > 1 and min(values) <= claim.value <= max(values):
        text = "; ".join(f"{r[3]} ({_source_name(r[0])})" for r in readings)
        return Outcome("approximate", readings[0][1], f"between the sources: {text}", evs)
    return None


def _yield_extreme(claim: Claim, lookup: Lookup, day: date, maturity: str) -> Outcome:
    """ "Peaked at 4.996%": the session's high (or low) of the Cboe yield index; the
    FRED series have one reading a day and cannot say."""
    field = claim.field or "close"
    for source in YIELD_SOURCES.get(claim.ticker or "DGS10", ()):
        if not source.startswith("^"):
            continue
        bar = next((b for b in lookup.bars(source, day) if b.date == day), None)
        if bar is None:
            break
        value = bar.high if field == "high" else bar.low
        ev = Evidence(ticker=source, source="snapshot", dates=[day], fields=[field],
                      values=[value], formula=f"{source} {field} on {day}", result=value,
                      tolerance=tolerance_text(claim))  # fmt: skip
        text = f"the {maturity} yield's {field} on {fmt_date(day)} was {value:.3f}% (Cboe {source})"
        verdict = grade(claim.value, value, claim)
        return Outcome(verdict or "contradicted", value, text, [ev])
    raise MarketDataUnavailable(f"no intraday {field} of the {maturity} yield on {day} in the data")


def check_yield_level(claim: Claim, lookup: Lookup) -> Outcome:
    day = claim.end or lookup.as_of
    maturity = _MATURITY.get(claim.ticker or "DGS10", "")
    if claim.field in ("high", "low") and claim.field_explicit:
        return _yield_extreme(claim, lookup, day, maturity)
    tol = tolerance_text(claim)
    readings = []
    nearest: list[tuple[str, Sequence[SeriesPoint], int]] = []
    for source, series in _sources(claim, lookup):
        i = M.dated_index(series, day)
        if i is None:
            continue
        point = series[i]
        nearest.append((source, series, i))
        ev = _yield_evidence(source, [(point.date, point.value)], f"{source} on {point.date}",
                             point.value, tol)  # fmt: skip
        text = f"the {maturity} yield was {point.value:.2f}% on {fmt_date(point.date)}"
        readings.append((source, point.value, ev, text))
    if not readings:
        raise MarketDataUnavailable(f"no {maturity} yield on {day} in the data")
    found = _grade_sources(claim, readings)
    if found:
        return found
    evs = [r[2] for r in readings]
    text = "; ".join(f"{r[3]} ({_source_name(r[0])})" for r in readings)
    for source, series, i in nearest:
        for k in range(1, 6):
            for j in (i - k, i + k):
                if (
                    0 <= j < len(series)
                    and series[j].date <= lookup.as_of
                    and matches(claim.value, series[j].value, claim)
                ):
                    return Outcome(
                        "misdated",
                        readings[0][1],
                        f"{claim.value:.2f}% was the {maturity} yield on "
                        f"{fmt_date(series[j].date)} ({_source_name(source)}); {text}",
                        evs,
                    )
    return Outcome("contradicted", readings[0][1], text, evs)


def _yield_move(
    series: Sequence[SeriesPoint], kind: str | None, start: date, end: date
) -> tuple[SeriesPoint, SeriesPoint] | None:
    """The two readings a yield change over a window runs between."""
    if kind in ("since", "trailing"):
        first = M.value_on_or_before(series, start)
        last = M.value_on_or_before(series, end)
    else:
        first = M.dated_before(series, start)
        last = M.value_on(series, end) if kind == "day" else M.value_on_or_before(series, end)
    if first is None or last is None or last.date < start:
        return None
    return first, last


def _nearby_windows(
    claim: Claim, series: Sequence[SeriesPoint], as_of: date
) -> Iterator[tuple[str, date, date]]:
    """Windows of the same shape near the claimed one: for one day's change, the readings of
    the days around it (nearest first, up to two weeks off), else `shifted_windows`."""
    if claim.window != "day":
        yield from shifted_windows(claim, as_of)
        return
    assert claim.end
    day = claim.end
    near = [p.date for p in series if p.date != day and abs((p.date - day).days) <= NEARBY_DAYS]
    for d in sorted((d for d in near if d <= as_of), key=lambda d: (abs((d - day).days), d)):
        yield f"on {fmt_date(d)}", d, d


def check_yield_change(claim: Claim, lookup: Lookup) -> Outcome:
    if not (claim.start and claim.end):
        raise MarketDataUnavailable("no window for the yield change")
    maturity = _MATURITY.get(claim.ticker or "DGS10", "")
    tol = tolerance_text(claim)
    readings = []
    all_series = _sources(claim, lookup)
    for source, series in all_series:
        pair = _yield_move(series, claim.window, claim.start, claim.end)
        if pair is None:
            continue
        a, b = pair
        bp = round((b.value - a.value) * 100, 4)
        ev = _yield_evidence(source, [(a.date, a.value), (b.date, b.value)],
                             f"({b.value:g} - {a.value:g}) * 100", bp, tol)  # fmt: skip
        text = (
            f"the {maturity} yield went from {a.value:.2f}% ({fmt_date(a.date)}) to "
            f"{b.value:.2f}% ({fmt_date(b.date)}): {bp:+.0f} bp"
        )
        readings.append((source, bp, ev, text))
    if not readings:
        raise MarketDataUnavailable(
            f"no {maturity} yields for {claim.start}..{claim.end} in the data"
        )
    found = _grade_sources(claim, readings)
    if found:
        return found
    evs = [r[2] for r in readings]
    text = "; ".join(f"{r[3]} ({_source_name(r[0])})" for r in readings)
    for _, series in all_series:
        for where, s, e in _nearby_windows(claim, series, lookup.as_of):
            other = _yield_move(series, claim.window, s, e)
            if other and matches(claim.value, (other[1].value - other[0].value) * 100, claim):
                moved = (other[1].value - other[0].value) * 100
                return Outcome(
                    "misdated",
                    readings[0][1],
                    f"{moved:+.0f} bp was the change {where}; {text}",
                    evs,
                )
    return Outcome("contradicted", readings[0][1], text, evs)


def check_ratio(claim: Claim, lookup: Lookup) -> Outcome:
    if claim.ticker not in ("^SML", "IJR", "VIOO") or claim.field != "forward_pe":
        raise MarketDataUnavailable(
            "no valuation data for this subject (only quoted S&P 600 forward P/E figures)"
        )
    quotes = [q for q in lookup.market.forward_pe("^SML") if q.as_of <= lookup.as_of]
    if not quotes:
        raise MarketDataUnavailable(f"no quoted S&P 600 forward P/E on or before {lookup.as_of}")
    day = claim.end or lookup.as_of
    nearest = min(quotes, key=lambda q: abs((q.as_of - day).days))
    tol = tolerance_text(claim)

    def ev(q):
        return Evidence(
            ticker="^SML",
            source=f"quoted figure: {q.source}",
            dates=[q.as_of],
            fields=["forward_pe"],
            values=[q.value],
            formula="quoted, not computed",
            result=q.value,
            tolerance=tol,
        )

    if abs((nearest.as_of - day).days) > 14:
        for q in quotes:
            if matches(claim.value, q.value, claim):
                return Outcome(
                    "misdated",
                    None,
                    f"{q.value:g} was the quoted S&P 600 forward P/E on {fmt_date(q.as_of)}",
                    [ev(q)],
                )
        raise MarketDataUnavailable(
            f"no quoted S&P 600 forward P/E within two weeks of {day} "
            f"(nearest: {nearest.value:g} on {fmt_date(nearest.as_of)})"
        )
    text = f"the S&P 600 forward P/E was quoted at {nearest.value:g} on {fmt_date(nearest.as_of)}"
    verdict = grade(claim.value, nearest.value, claim)
    if verdict:
        return Outcome(verdict, nearest.value, text, [ev(nearest)])
    for q in quotes:
        if q is not nearest and matches(claim.value, q.value, claim):
            return Outcome(
                "misdated",
                nearest.value,
                f"{q.value:g} was quoted on {fmt_date(q.as_of)}; {text}",
                [ev(nearest), ev(q)],
            )
    return Outcome("contradicted", nearest.value, text, [ev(nearest)])
