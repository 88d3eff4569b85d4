"""Chinese market news read into the same `Claim` records as the English reader, so the one
verifier checks both: "标普500指数周五下跌1.07%，收于6,827.41点", "道指下跌245.96点",
"11月份纳指下跌1.51%", "年初至今上涨16.08%", "10年期美债收益率升至4.19%，本周上升5个基点",
"美联储降息25个基点 / 四分之一个百分点，将联邦基金利率目标区间下调至3.50%-3.75%",
"连续第三次降息", "今年第三次降息".

A sentence is read as mentions (names from `zh_words`, quantities from
`assistant.text.zh_numbers`, time expressions from `zh_times`); a quantity takes its role from
the cue right before it (a direction word or noun: a change; 收于/升至: a level). Its subject
is the nearest name before it in the sentence; its window the nearest time expression in its
own clause, else one framing the sentence or its subject's clause. Anything else the reader
inferred is recorded as such (`window_source`, `subject_source`), so the verifier never calls
a claim wrong on a guess; a clause naming a market it does not know gets a claim with no
ticker (unverifiable, with the reason), never the nearest index. Sentences with no Chinese
go to the English reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from assistant.claims import zh_words as W
from assistant.claims.zh_times import find_zh_windows, is_relative
from assistant.market.symbols import SYMBOLS, Symbol, find_symbols
from assistant.models import Claim
from assistant.text.quantities import Quantity, find_quantities
from assistant.text.times import Window
from assistant.text.zh_numbers import has_cjk, normalize, read_numeral, with_chinese

_SENTENCE_END = re.compile(r"[。！？!?]+|\n+|\.(?=\s)")
_CLAUSE_END = re.compile(r"[，,；;：:]")
_NAMES = re.compile(
    "|".join(re.escape(n) for n in sorted(W.SUBJECTS, key=len, reverse=True))
)  # fmt: skip
_RELATIVE = re.compile(
    r"此前|之前|前一天|前一日|前一交易日|上一交易日|次日|随后|早些时候|稍早|一天|"
    r"月初(?!至今|以来)|月底|月末|年底|年末|"
    r"近期|最近|近日|近来|日前|过去|近\d|近[一二两三四五六七八九十]"
)
_VAGUE = re.compile(r"近期|最近|近日|近来|日前|过去|近\d|近[一二两三四五六七八九十]")
_CHANGE_KINDS = ("pct_change", "point_change", "index_level", "price", "yield_level")


@dataclass
class _Context:
    """What carries from sentence to sentence within a paragraph."""

    subject: tuple[str, Symbol] | None = None
    window: Window | None = None
    day: Window | None = None
    fed_seen: int = -1


@dataclass
class _Sentence:
    text: str  # as written
    norm: str  # full-width digits as ASCII, same length
    offset: int
    as_of: date
    ctx: _Context
    subjects: list[tuple[int, int, Symbol]] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    clauses: list[tuple[int, int]] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)

    def clause(self, pos: int) -> tuple[int, int]:
        return next((c for c in self.clauses if c[0] <= pos < c[1]), (0, len(self.text)))

    def free(self, s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in self.taken)

    def claim(self, span: tuple[int, int], **kw: Any) -> Claim:
        return Claim(text=self.text, span=(self.offset + span[0], self.offset + span[1]), **kw)


def extract_zh_claims(
    text: str, as_of: date, published: datetime | None = None, title: str = ""
) -> list[Claim]:
    """Every numeric claim of a (mostly) Chinese text, with subject and window resolved."""
    from assistant.claims.extract import MAX_CLAIMS, extract_claims, in_session

    intraday = in_session(published)
    claims: list[Claim] = []
    ctx = _Context()
    prev_end = 0
    for s, e in _sentences(text):
        if "\n" in text[prev_end:s]:
            ctx = _Context()  # a new paragraph
        prev_end = e
        sentence = text[s:e]
        if not has_cjk(sentence):
            for c in extract_claims(sentence, as_of, published, title):
                claims.append(c.model_copy(update={"span": (c.span[0] + s, c.span[1] + s)}))
            continue
        claims += _read(sentence, s, as_of, ctx)
        if len(claims) >= MAX_CLAIMS:
            break
    if intraday:
        claims = [
            c.model_copy(update={"intraday": True})
            if c.kind in _CHANGE_KINDS and c.end == as_of
            else c
            for c in claims
        ]
    return sorted(claims, key=lambda c: c.span)[:MAX_CLAIMS]


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.end()].strip():
            out.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def find_zh_subjects(text: str) -> list[tuple[int, int, Symbol]]:
    """Names of markets in a Chinese text (and the English names and tickers in it), in
    order; the longest wins where two overlap."""
    norm = normalize(text)
    found = [(s, e, sym) for s, e, sym in find_symbols(norm)]
    for m in _NAMES.finditer(norm):
        if not W.NOT_AFTER.match(norm[m.end() :]):
            found.append((m.start(), m.end(), SYMBOLS[W.SUBJECTS[m.group(0)]]))
    for m in W.YIELD.finditer(norm):
        found.append((m.start(), m.end(), SYMBOLS[W.TENORS[m.group("n")]]))
    kept: list[tuple[int, int, Symbol]] = []
    for s, e, sym in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(e <= ks or ke <= s for ks, ke, _ in kept):
            kept.append((s, e, sym))
    return sorted(kept, key=lambda f: f[0])


def _read(text: str, offset: int, as_of: date, ctx: _Context) -> list[Claim]:
    norm = normalize(text)
    sent = _Sentence(text, norm, offset, as_of, ctx)
    sent.subjects = find_zh_subjects(text)
    sent.windows = find_zh_windows(text, as_of, ctx.day.end if ctx.day else None)
    names = [(s, e) for s, e, _ in sent.subjects] + [w.span for w in sent.windows]
    sent.quantities = [
        q
        for q in with_chinese(text, find_quantities(text))
        if not any(q.start < e and s < q.end for s, e in names)
    ]
    start = 0
    for m in _CLAUSE_END.finditer(norm):
        sent.clauses.append((start, m.end()))
        start = m.end()
    sent.clauses.append((start, len(norm)))
    fed_here = bool(W.FED.search(norm))
    out: list[Claim] = []
    if (fed_here or ctx.fed_seen >= 0) and not W.OTHER_BANKS.search(norm):
        out += _fed(sent)
    out += _statements(sent)
    ctx.fed_seen = 2 if fed_here else ctx.fed_seen - 1
    if sent.subjects:
        s, e, sym = sent.subjects[-1]
        ctx.subject = (text[s:e], sym)
    days = [w for w in sent.windows if w.kind == "day" and not is_relative(w)]
    if days:
        ctx.day = days[-1]
    named = [w for w in sent.windows if not is_relative(w)]
    if named:
        ctx.window = named[-1]
    return out


# -- the Fed ---------------------------------------------------------------------------------
def _fed_day(sent: _Sentence) -> tuple[Window | None, str]:
    days = [w for w in sent.windows if w.kind == "day" and not is_relative(w)]
    if days:
        return days[0], "explicit"
    if sent.ctx.day is not None:
        return sent.ctx.day, "carried"
    return None, "default"


def _fed(sent: _Sentence) -> list[Claim]:
    out = []
    day, source = _fed_day(sent)
    fed: dict[str, Any] = {"subject": "联邦基金利率目标区间", "ticker": "FEDFUNDS"}
    end = day.end if day else sent.as_of
    period = day.label if day else "the latest decision"
    for m in W.RATE_COUNT.finditer(sent.norm):
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else int((read_numeral(raw) or (0.0, 0))[0])
        if not n:
            continue
        scope = ""
        if not m.group("run"):
            scope = "_year" if W.YEAR_SCOPE.search(sent.norm[: m.start()]) else "_any"
        upto, upto_source = end, source
        if scope == "_year":
            year = re.search(r"((?:19|20)\d\d)\s*年", sent.norm[max(0, m.start() - 8) : m.start()])
            upto = date(int(year.group(1)), 12, 31) if year else sent.as_of
            upto, upto_source = min(upto, sent.as_of), "explicit"
        sent.taken.append(m.span())
        out.append(
            sent.claim(
                m.span(),
                kind="rate_count",
                **fed,
                value=float(n),
                unit="count",
                field=("cut" if m.group("cut") else "hike") + scope,
                end=upto,
                period=period,
                window_source=upto_source,
                forecast=_forecast(sent, m.start()),
            )
        )
    for q in sent.quantities:
        if not sent.free(*q.span):
            continue
        c0, _ = sent.clause(q.start)
        before = sent.norm[c0 : q.start]
        if q.unit == "range" and W.FED_RANGE.search(sent.norm):
            prior = bool(W.PRIOR.search(before[-6:]))
            sent.taken.append(q.span)
            out.append(
                sent.claim(
                    q.span,
                    kind="rate_level",
                    **fed,
                    value=q.value,
                    start_value=q.low,
                    unit="%",
                    decimals=q.decimals,
                    field="prior" if prior else None,
                    end=end,
                    period=period,
                    window_source=source,
                    forecast=_forecast(sent, q.start) and not prior,
                )
            )
        elif q.unit in ("bp", "pp"):
            owner = [sym for s, e, sym in sent.subjects if c0 <= s and e <= q.start]
            if owner and owner[-1].ticker != "FEDFUNDS":
                continue  # a yield's or a stock's move
            after = sent.norm[q.end : q.end + 4]
            near = before[-8:] + after
            sign = -1 if W.CUT.search(near) else 1 if W.HIKE.search(near) else 0
            if not sign or W.TOTALS.search(before):
                continue  # no move named, or a total over several meetings
            value = q.value * (100 if q.unit == "pp" else 1)
            sent.taken.append(q.span)
            window: dict[str, Any] = {}
            if day is not None:
                window = {"start": day.start, "end": day.end, "period": day.label,
                          "window": "day"}  # fmt: skip
            out.append(
                sent.claim(
                    q.span,
                    kind="rate_change",
                    **fed,
                    value=sign * value,
                    unit="bp",
                    decimals=max(0, q.decimals - (2 if q.unit == "pp" else 0)),
                    approximate=_hedged(before),
                    window_source=source,
                    forecast=_forecast(sent, q.start),
                    **window,
                )
            )
    return out


# -- statements: changes and levels -------------------------------------------------------
def _statements(sent: _Sentence) -> list[Claim]:
    out = []
    for q in sent.quantities:
        if not sent.free(*q.span) or q.unit in ("ord", "range") or q.scale:
            continue
        claim = _statement(sent, q)
        if claim is not None:
            sent.taken.append(q.span)
            out.append(claim)
    return out


def _cue(sent: _Sentence, q: Quantity) -> tuple[str, re.Match[str]] | None:
    """The cue right before a quantity: ("change", m) or ("level", m); None when none."""
    c0, _ = sent.clause(q.start)
    before = sent.norm[c0 : q.start]
    for role, rx in (("change", W.DIRECTION_BEFORE), ("noun", W.NOUN_BEFORE),
                     ("level", W.LEVEL_BEFORE)):  # fmt: skip
        m = rx.search(before)
        if m:
            return role, m
    respectively = sent.norm.rfind("分别", c0, q.start)
    if respectively >= 0:  # "分别上涨1%和2%": the cue after 分别 serves every number
        for role, rx in (("change", W.DIRECTION_BEFORE), ("level", W.LEVEL_BEFORE)):
            first = next((x for x in sent.quantities if respectively < x.start < q.start), None)
            if first is not None:
                m = rx.search(sent.norm[c0 : first.start])
                if m:
                    return role, m
    return None


def _statement(sent: _Sentence, q: Quantity) -> Claim | None:  # noqa: C901
    got = _cue(sent, q)
    if got is None:
        return None
    role, m = got
    c0, c1 = sent.clause(q.start)
    cue_at = c0 + m.start()
    if W.INTRADAY.search(sent.norm[c0:c1]):
        return None  # an intraday high or low: not a close we can check
    word = m.group("w")
    subject = _subject(sent, q, cue_at)
    if subject is None:
        return None
    raw, sym, subject_source = subject
    ticker = sym.ticker if sym else None
    kind_of = sym.kind if sym else None
    if ticker == "FEDFUNDS":
        return None
    window, window_source = _window(sent, q, cue_at)
    common: dict[str, Any] = {
        "subject": raw,
        "ticker": ticker,
        "approximate": _hedged(sent.norm[c0 : q.start]) or _hedged_after(sent, q),
        "bound": _bound(sent, q, role, word),
        "window_source": window_source,
        "subject_source": subject_source,
        "forecast": _forecast(sent, q.end),
    }
    if _VAGUE.search(sent.norm[c0 : q.start]):
        common["note"] = "the text names no definite period"
    fields = {"start": window.start, "end": window.end, "period": window.label,
              "window": window.kind}  # fmt: skip
    day = {"end": window.end, "period": window.label}
    if role in ("change", "noun"):
        sign = 1 if word in W.UP or word in W.UP_NOUNS else -1
        if kind_of == "yield":
            if q.unit not in ("bp", "pp"):
                return None  # "收益率上升0.5%": a percent of a yield is ambiguous
            return sent.claim(
                q.span,
                kind="yield_change",
                value=sign * q.value * (100 if q.unit == "pp" else 1),
                unit="bp",
                decimals=max(0, q.decimals - (2 if q.unit == "pp" else 0)),
                **fields,
                **common,
            )
        if q.unit == "%":
            return sent.claim(q.span, kind="pct_change", value=sign * q.value, unit="%",
                              decimals=q.decimals, field="close", **fields, **common)  # fmt: skip
        if q.unit == "pts" and kind_of in ("index", None):
            return sent.claim(q.span, kind="point_change", value=sign * q.value, unit="pts",
                              decimals=q.decimals, field="close", **fields, **common)  # fmt: skip
        return None
    if kind_of == "yield":
        if q.unit != "%":
            return None
        return sent.claim(q.span, kind="yield_level", value=q.value, unit="%",
                          decimals=q.decimals, **day, **common)  # fmt: skip
    if q.unit not in ("pts", "num", "$") or sym is None:
        return None
    close = word in W.CLOSE_CUES
    if kind_of == "index" and q.unit != "$":
        kind, unit = "index_level", "pts"
    elif kind_of in ("stock", "etf") and q.unit in ("$", "num"):
        kind, unit = "price", "$"
    else:
        return None
    return sent.claim(q.span, kind=kind, value=q.value, unit=unit, decimals=q.decimals,
                      field="close", field_explicit=close or word in W.BOUND_CUES,
                      **day, **common)  # fmt: skip


def _subject(
    sent: _Sentence, q: Quantity, cue_at: int
) -> tuple[str | None, Symbol | None, str] | None:
    """(as written, symbol, source) of the market a quantity is about; symbol None for a
    market the text names that finnews does not know; None when the sentence is no claim."""
    c0, _ = sent.clause(q.start)
    respectively = sent.norm.rfind("分别", c0, q.start)
    if respectively >= 0:
        named = [x for x in sent.subjects if c0 <= x[0] and x[1] <= respectively]
        numbers = [x for x in sent.quantities if respectively < x.start and x.unit == q.unit]
        if len(named) != len(numbers) or q not in numbers:
            return None
        s, e, sym = named[numbers.index(q)]
        return sent.text[s:e], sym, "explicit"
    own = [x for x in sent.subjects if c0 <= x[0] and x[1] <= cue_at]
    gap_from = own[-1][1] if own else c0
    rest = _leftover(sent, gap_from, cue_at)
    if len(rest) >= 2:
        return rest, None, "explicit"  # "科技股下跌2%": a market finnews does not know
    if own:
        s, e, sym = own[-1]
        return sent.text[s:e], sym, "explicit"
    earlier = [x for x in sent.subjects if x[1] <= c0]
    if earlier:
        s, e, sym = earlier[-1]
        return sent.text[s:e], sym, "explicit"
    if sent.ctx.subject is not None:
        raw, sym = sent.ctx.subject
        return raw, sym, "carried"
    return None


def _leftover(sent: _Sentence, start: int, end: int) -> str:
    """The words between start and end that are neither a time, a name nor filler."""
    chars = list(sent.norm[start:end])
    for w in sent.windows:
        for i in range(max(w.span[0], start), min(w.span[1], end)):
            chars[i - start] = " "
    rest = W.FORECAST.sub("", _RELATIVE.sub("", "".join(chars)))
    return W.FILLER.sub("", rest).strip()


def _window(sent: _Sentence, q: Quantity, cue_at: int) -> tuple[Window, str]:
    """The window a quantity is read over, and where it came from (Claim.window_source)."""
    c0, _ = sent.clause(q.start)
    own = [w for w in sent.windows if c0 <= w.span[0] and w.span[1] <= q.start]
    weak = bool(_RELATIVE.search(sent.norm[c0 : q.start]))
    if own:
        w = own[-1]
        return w, "carried" if weak or is_relative(w) else "explicit"
    earlier = [w for w in sent.windows if w.span[1] <= c0]
    if earlier and not weak:
        w = earlier[-1]
        clause = sent.clause(w.span[0])
        frames = not any(clause[0] <= x.start < clause[1] for x in sent.quantities)
        subject_there = [x for x in sent.subjects if x[1] <= c0]
        same = subject_there and clause[0] <= subject_there[-1][0] < clause[1]
        if (frames or same) and not is_relative(w):
            return w, "explicit"
        return w, "carried"
    if sent.ctx.window is not None:
        return sent.ctx.window, "carried"
    day = sent.as_of
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return Window(day, day, "day", "the day of publication", (0, 0)), "default"


def _hedged(before: str) -> bool:
    tail = before[-4:]
    return any(h in tail for h in W.HEDGES)


def _hedged_after(sent: _Sentence, q: Quantity) -> bool:
    return bool(re.match(r"\s*(?:左右|上下)", sent.norm[q.end :]))


def _bound(sent: _Sentence, q: Quantity, role: str, word: str) -> str | None:
    if role == "level" and word in W.BOUND_CUES:
        return W.BOUND_CUES[word]
    tail = sent.norm[max(0, q.start - 3) : q.start]
    for w, side in W.BOUNDS_BEFORE.items():
        if tail.endswith(w):
            return side
    after = re.match(r"\s*(以上|以下)", sent.norm[q.end :])
    if after:
        return "above" if after.group(1) == "以上" else "below"
    return None


def _forecast(sent: _Sentence, pos: int) -> bool:
    """A forecast word anywhere before pos in the sentence, or in pos's clause."""
    _, c1 = sent.clause(min(pos, len(sent.norm) - 1))
    return bool(W.FORECAST.search(sent.norm[:c1]))
