"""Deterministic extraction of numeric claims from text (no LLM).

Each sentence is scanned by claim shape, most specific first (a dated move,
rate ranges, basis points, counts, ratios, volatility, drawdowns, percentage
changes, price levels). A span used by one shape is not reused by another.
The subject is the nearest symbol mention in the sentence (or the previous
sentence's subject for "it"/"the index"), the window the nearest time
expression after the number (else before it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.claims import patterns as P
from assistant.claims.sentences import split_sentences
from assistant.claims.timeexpr import Window, find_windows, parse_date_match
from assistant.market.symbols import Symbol, find_symbols
from assistant.models import Claim

MAX_CLAIMS = 2000
_HAS_NUMBER = re.compile(
    r"\d|quarter[-\s]point|half[-\s]point|\b(?:" + "|".join(P.ORDINALS) + r"|two|three|four|"
    r"five|six|seven|eight)\s+(?:straight|consecutive|successive|back-to-back)",
    re.IGNORECASE,
)
_RETURN_NOUN = re.compile(r"\breturns?\b[^%]*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|while|whereas)\b")
_VERBS = set(P.UP_WORDS + P.DOWN_WORDS) | {"was", "is", "were", "are", "has", "have", "had"}


def decimals_of(raw: str) -> int:
    raw = raw.replace(",", "")
    return len(raw.split(".")[1]) if "." in raw else 0


def to_float(raw: str) -> float:
    return float(raw.replace(",", ""))


@dataclass
class _Sentence:
    text: str
    offset: int
    as_of: date
    symbols: list[tuple[int, int, Symbol]]
    windows: list[Window]
    fallback_subject: tuple[str, Symbol] | None
    taken: list[tuple[int, int]] = field(default_factory=list)

    def free(self, s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in self.taken)

    def take(self, s: int, e: int) -> None:
        self.taken.append((s, e))

    def subject(self, pos: int) -> tuple[str | None, Symbol | None]:
        """Nearest symbol before pos in the sentence, else after, else the carried subject."""
        before = [m for m in self.symbols if m[1] <= pos]
        if before:
            s, e, sym = before[-1]
            return self.text[s:e], sym
        after = [m for m in self.symbols if m[0] >= pos]
        if after:
            s, e, sym = after[0]
            return self.text[s:e], sym
        if self.fallback_subject and P.PRONOUN_START.search(self.text):
            return self.fallback_subject
        return _noun_phrase(self.text[:pos]), None

    def window(self, pos: int, end: int) -> Window | None:
        """The closest time expression, counting a clause boundary as a long way."""
        best: tuple[int, int, Window] | None = None
        for w in self.windows:
            if w.span[0] >= end:
                gap, between, side = w.span[0] - end, self.text[end : w.span[0]], 0
            elif w.span[1] <= pos:
                gap, between, side = pos - w.span[1], self.text[w.span[1] : pos], 1
            else:  # inside the claim's own words ("volatility over the past year is 23%")
                gap, between, side = 0, "", 0
            if _CLAUSE_BREAK.search(between):
                gap += 60
            if best is None or (gap, side) < best[:2]:
                best = (gap, side, w)
        return best[2] if best else None

    def hedged(self, pos: int) -> bool:
        return bool(P.HEDGES.search(self.text[max(0, pos - 25) : pos]))

    def forecast(self, pos: int) -> bool:
        clause_start = max(self.text.rfind(",", 0, pos), self.text.rfind(";", 0, pos), 0)
        return bool(P.FORECAST.search(self.text[clause_start:pos]))


def _noun_phrase(head: str) -> str | None:
    """The words before the verb: what the sentence talks about."""
    words = re.findall(r"[A-Za-z&'-]+", head)
    while words and words[-1].lower() in _VERBS:
        words.pop()
    return " ".join(words[-4:]) or None


def extract_claims(text: str, as_of: date) -> list[Claim]:
    """Every numeric claim in `text`, with subject and window resolved against as_of."""
    claims: list[Claim] = []
    carried: tuple[str, Symbol] | None = None
    for s, e in split_sentences(text):
        sentence = text[s:e]
        if not _HAS_NUMBER.search(sentence):
            syms = find_symbols(sentence)
            if syms:
                carried = (sentence[syms[-1][0] : syms[-1][1]], syms[-1][2])
            continue
        sent = _Sentence(
            text=sentence,
            offset=s,
            as_of=as_of,
            symbols=find_symbols(sentence),
            windows=find_windows(sentence, as_of),
            fallback_subject=carried,
        )
        for finder in _FINDERS:
            claims.extend(finder(sent))
        if sent.symbols:
            last = sent.symbols[-1]
            carried = (sentence[last[0] : last[1]], last[2])
        if len(claims) >= MAX_CLAIMS:
            break
    claims.sort(key=lambda c: c.span)
    return claims[:MAX_CLAIMS]


def _claim(sent: _Sentence, span: tuple[int, int], **kw: object) -> Claim:
    return Claim(
        text=sent.text,
        span=(sent.offset + span[0], sent.offset + span[1]),
        **kw,  # type: ignore[arg-type]
    )


def _direction(sent: _Sentence, start: int, end: int) -> int | None:
    """+1/-1 from the verb before the number or the noun after it; None when absent."""
    before = sent.text[max(0, start - 60) : start]
    m = P.DIRECTION_BEFORE.search(before)
    if m:
        return -1 if m.group("word").lower() in P.DOWN_WORDS else 1
    m2 = P.NOUN_AFTER.search(sent.text[end : end + 20])
    if m2:
        return -1 if m2.group("noun").lower() in P.DOWN_NOUNS else 1
    m3 = P.SIGNED_BEFORE.search(before)
    if m3:
        return -1 if m3.group("word").lower() in ("down", "lower", "losing") else 1
    return None


def _subject_fields(sent: _Sentence, pos: int) -> dict[str, object]:
    raw, sym = sent.subject(pos)
    return {"subject": raw, "ticker": sym.ticker if sym else None}


FED: dict[str, object] = {"subject": "fed funds target range", "ticker": "FEDFUNDS"}
DGS10: dict[str, object] = {"subject": "10-year Treasury yield", "ticker": "DGS10"}


def _day_fields(w: Window | None) -> dict[str, object]:
    """A level's date: the last day of the nearest time expression."""
    return {"end": w.end, "period": w.label} if w else {}


def _window_fields(w: Window | None) -> dict[str, object]:
    if w is None:
        return {}
    return {"start": w.start, "end": w.end, "period": w.label, "window": w.kind}


def find_moves(sent: _Sentence) -> list[Claim]:
    """'rose X% from its D1 close (of $A) to its D2 high (of $B)', in any order."""
    out = []
    for fm in P.MOVE_FROM.finditer(sent.text):
        tm = P.MOVE_TO.search(sent.text, fm.end())
        if tm is None:
            continue
        pcts = [
            m
            for m in re.finditer(P.PCT, sent.text, re.IGNORECASE)
            if sent.free(*m.span()) and _direction(sent, m.start(), m.end()) is not None
        ]
        if not pcts:
            continue
        pm = min(pcts, key=lambda m: min(abs(m.start() - fm.start()), abs(m.start() - tm.end())))
        span = (min(pm.start(), fm.start()), max(pm.end(), tm.end()))
        if not sent.free(*span):
            continue
        sign = _direction(sent, pm.start(), pm.end()) or 1
        d1 = parse_date_match(fm, sent.as_of, prefix="a_")
        d2 = parse_date_match(tm, sent.as_of, prefix="b_")
        if d1 and d2 and d2 < d1 and d2.replace(year=d2.year + 1) <= sent.as_of:
            d2 = d2.replace(year=d2.year + 1)
        raw = pm.group("num").lstrip("+-")
        verb = P.DIRECTION_BEFORE.search(sent.text[max(0, pm.start() - 60) : pm.start()])
        if verb and fm.start() > pm.start():
            span = (min(span[0], pm.start() - len(verb.group(0))), span[1])
        sent.take(*span)
        out.append(
            _claim(
                sent,
                span,
                kind="move",
                value=sign * abs(to_float(raw)),
                unit="%",
                decimals=decimals_of(raw),
                approximate=sent.hedged(pm.start()),
                start=d1,
                end=d2,
                period=f"{fm.group(0).strip()} {tm.group(0).strip()}",
                window="since",
                start_field=P.norm_field(fm.group("a_f")),
                end_field=P.norm_field(tm.group("b_f")),
                start_value=to_float(fm.group("a_v")) if fm.group("a_v") else None,
                end_value=to_float(tm.group("b_v")) if tm.group("b_v") else None,
                forecast=sent.forecast(span[0]),
                **_subject_fields(sent, span[0]),
            )
        )
    return out


def find_rate_levels(sent: _Sentence) -> list[Claim]:
    if not P.FED_CONTEXT.search(sent.text):
        return []
    out = []
    for m in P.RATE_RANGE.finditer(sent.text):
        if not sent.free(*m.span()):
            continue
        lo, hi = to_float(m.group("lo")), to_float(m.group("hi"))
        if not 0 <= lo < hi <= 25:
            continue
        sent.take(*m.span())
        w = sent.window(m.start(), m.end())
        out.append(
            _claim(
                sent,
                m.span(),
                kind="rate_level",
                **FED,
                value=hi,
                start_value=lo,
                unit="%",
                decimals=max(decimals_of(m.group("lo")), decimals_of(m.group("hi"))),
                **_day_fields(w),
                forecast=sent.forecast(m.start()),
            )
        )
    return out


def _bp_value(m: re.Match[str]) -> tuple[float, int]:
    if m.group("num"):
        return to_float(m.group("num")), decimals_of(m.group("num"))
    if m.group("pp"):
        return to_float(m.group("pp")) * 100, max(0, decimals_of(m.group("pp")) - 2)
    word = m.group("word").lower()
    return (25.0 if word == "quarter" else 50.0 if word == "half" else 75.0), 0


def find_basis_points(sent: _Sentence) -> list[Claim]:
    out = []
    is_yield = bool(P.YIELD_CONTEXT.search(sent.text))
    is_fed = bool(P.FED_CONTEXT.search(sent.text))
    for m in P.BP.finditer(sent.text):
        if not sent.free(*m.span()):
            continue
        value, dec = _bp_value(m)
        near = sent.text[max(0, m.start() - 80) : m.end() + 40]
        following = sent.text[m.end() : m.end() + 40]
        if is_yield and not (is_fed and P.RATE_CUT_WORDS.search(following)):
            kind, subject, sign = "yield_change", DGS10, _direction(sent, m.start(), m.end())
        elif not is_fed:
            continue
        elif P.RATE_CUT_WORDS.search(near):
            kind, subject, sign = "rate_change", FED, -1
        elif P.RATE_HIKE_WORDS.search(near):
            kind, subject, sign = "rate_change", FED, 1
        else:
            continue
        if sign is None:
            continue
        sent.take(*m.span())
        out.append(
            _claim(
                sent,
                m.span(),
                kind=kind,
                **subject,
                value=sign * value,
                unit="bp",
                decimals=dec,
                approximate=sent.hedged(m.start()),
                forecast=sent.forecast(m.start()),
                **_window_fields(sent.window(m.start(), m.end())),
            )
        )
    return out


def find_rate_counts(sent: _Sentence) -> list[Claim]:
    if not P.FED_CONTEXT.search(sent.text) and not re.search(r"\bcuts?\b|\bhikes?\b", sent.text):
        return []
    out = []
    for m in P.RATE_COUNT.finditer(sent.text):
        if not sent.free(*m.span()):
            continue
        if m.group("ord"):
            count = P.ORDINALS[m.group("ord").lower()]
        else:
            raw = m.group("cnt").lower()
            count = int(raw) if raw.isdigit() else P.COUNT_WORDS[raw]
        what = (m.group("what") or m.group("what2") or "").lower()
        context = sent.text[max(0, m.start() - 60) : m.end() + 40]
        if what.startswith(("hike", "increase")) or (
            not what.startswith(("cut", "reduction", "decrease"))
            and P.RATE_HIKE_WORDS.search(context)
            and not P.RATE_CUT_WORDS.search(context)
        ):
            sign = 1
        elif what.startswith(("cut", "reduction", "decrease")) or P.RATE_CUT_WORDS.search(context):
            sign = -1
        else:
            continue
        sent.take(*m.span())
        w = sent.window(m.start(), m.end())
        out.append(
            _claim(
                sent,
                m.span(),
                kind="rate_count",
                **FED,
                value=float(count),
                field="cut" if sign < 0 else "hike",
                unit="count",
                **_day_fields(w),
                forecast=sent.forecast(m.start()),
            )
        )
    return out


def find_ratios(sent: _Sentence) -> list[Claim]:
    out = []
    for m in P.PE.finditer(sent.text):
        raw = m.group("num") or m.group("num2")
        if not raw or not sent.free(*m.span()):
            continue
        sent.take(*m.span())
        forward = bool(m.group("fwd") or m.group("fwd2"))
        w = sent.window(m.start(), m.end())
        out.append(
            _claim(
                sent,
                m.span(),
                kind="ratio",
                value=to_float(raw),
                unit="x",
                decimals=decimals_of(raw),
                approximate=sent.hedged(m.start()) or "about" in m.group(0).lower(),
                field="forward_pe" if forward else "pe",
                **_day_fields(w),
                forecast=sent.forecast(m.start()),
                **_subject_fields(sent, m.start()),
            )
        )
    return out


def find_volatility(sent: _Sentence) -> list[Claim]:
    out = []
    for m in P.VOL.finditer(sent.text):
        key = "num" if m.group("num") else "num2"
        if not sent.free(*m.span()):
            continue
        sent.take(*m.span())
        w = sent.window(m.start(), m.end())
        out.append(
            _claim(
                sent,
                m.span(),
                kind="volatility",
                value=to_float(m.group(key)),
                unit="%",
                decimals=decimals_of(m.group(key)),
                approximate=sent.hedged(m.start(key))
                or bool(re.search(r"about|roughly|around", m.group(0), re.IGNORECASE)),
                field="monthly" if "monthly" in sent.text.lower() else "daily",
                forecast=sent.forecast(m.start()),
                **_window_fields(w),
                **_subject_fields(sent, m.start()),
            )
        )
    return out


def find_drawdowns(sent: _Sentence) -> list[Claim]:
    out = []
    for rx in (P.DRAWDOWN, P.DRAWDOWN2):
        for m in rx.finditer(sent.text):
            if not sent.free(*m.span()):
                continue
            sent.take(*m.span())
            raw = m.group("num").lstrip("+-")
            what = m.groupdict().get("what") or "peak"
            w = sent.window(m.start(), m.end())
            month_window = None
            month_m = re.match(r"([a-z]+)\.?\s+(?:high|peak)", what, re.IGNORECASE)
            if month_m and month_m.group(1).lower()[:3] in (
                "jan feb mar apr may jun jul aug sep oct nov dec".split()
            ):
                found = find_windows("in " + month_m.group(1), sent.as_of)
                month_window = found[0] if found else None
            out.append(
                _claim(
                    sent,
                    m.span(),
                    kind="drawdown",
                    value=-abs(to_float(raw)),
                    unit="%",
                    decimals=decimals_of(raw),
                    approximate=sent.hedged(m.start()),
                    field=what.lower(),
                    start=month_window.start if month_window else None,
                    end=(w.end if w and w.kind == "day" else None),
                    period=month_window.label if month_window else (w.label if w else None),
                    forecast=sent.forecast(m.start()),
                    **_subject_fields(sent, m.start()),
                )
            )
    return out


def find_percent_changes(sent: _Sentence) -> list[Claim]:
    out = []
    is_yield = bool(P.YIELD_CONTEXT.search(sent.text))
    for m in re.finditer(P.PCT, sent.text, re.IGNORECASE):
        if not sent.free(*m.span()):
            continue
        raw = m.group("num")
        if is_yield:
            level = P.YIELD_LEVEL.search(sent.text[max(0, m.start() - 20) : m.end()])
            if level:
                sent.take(*m.span())
                w = sent.window(m.start(), m.end())
                out.append(
                    _claim(
                        sent,
                        m.span(),
                        kind="yield_level",
                        **DGS10,
                        value=to_float(raw.lstrip("+")),
                        unit="%",
                        decimals=decimals_of(raw),
                        approximate=sent.hedged(m.start()),
                        **_day_fields(w),
                        forecast=sent.forecast(m.start()),
                    )
                )
                continue
        direction = _direction(sent, m.start(), m.end())
        if direction is None and _RETURN_NOUN.search(sent.text[max(0, m.start() - 45) : m.start()]):
            direction = 1  # "a total return of 11.4%", "its return for 2024 was 24.89%"
        if raw.startswith(("+", "-")) and direction in (None, 1):
            direction = -1 if raw.startswith("-") else 1
        if direction is None:
            continue
        sent.take(*m.span())
        w = sent.window(m.start(), m.end())
        subject = _subject_fields(sent, m.start())
        out.append(
            _claim(
                sent,
                m.span(),
                kind="pct_change",
                value=direction * abs(to_float(raw)),
                unit="%",
                decimals=decimals_of(raw),
                approximate=sent.hedged(m.start()),
                field="adj_close" if P.TOTAL_RETURN.search(sent.text) else "close",
                forecast=sent.forecast(m.start()),
                **_window_fields(w),
                **subject,
            )
        )
    return out


def find_prices(sent: _Sentence) -> list[Claim]:
    out = []
    for rx, unit in ((P.PRICE, "$"), (P.LEVEL, "pts")):
        for m in rx.finditer(sent.text):
            span = (m.start("num") - (1 if unit == "$" else 0), m.end("num"))
            if not sent.free(*span):
                continue
            lead = m.group("lead").lower()
            words = re.findall(r"[a-z]+", lead)
            fields = [P.FIELD_WORDS[w] for w in words if w in P.FIELD_WORDS]
            fld = fields[-1] if fields else "close"
            raw_subject, sym = sent.subject(m.start())
            if unit == "pts" and (sym is None or sym.kind != "index"):
                continue
            sent.take(*span)
            w = sent.window(m.start("num"), m.end("num"))
            out.append(
                _claim(
                    sent,
                    span,
                    kind="price" if unit == "$" else "index_level",
                    value=to_float(m.group("num")),
                    unit=unit,
                    decimals=decimals_of(m.group("num")),
                    approximate=sent.hedged(m.start("num") - (1 if unit == "$" else 0)),
                    field=fld,
                    subject=raw_subject,
                    ticker=sym.ticker if sym else None,
                    forecast=sent.forecast(m.start()),
                    **_window_fields(w),
                )
            )
    return out


_FINDERS = (
    find_moves,
    find_rate_levels,
    find_rate_counts,
    find_basis_points,
    find_ratios,
    find_volatility,
    find_drawdowns,
    find_percent_changes,
    find_prices,
)
