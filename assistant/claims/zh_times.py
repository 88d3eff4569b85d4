"""Chinese time expressions resolved against the article's date, as `Window`s of
`assistant.text.times` (the English reader's): 2025年11月28日, 11月28日, 周五, 上周五,
11月 / 11月份, 2025年, 年初至今, 今年, 本月, 上月, 本周, 上周, 去年, 第三季度, 今天, 昨天.

当天 / 当日 ("that day") refer back to the day named before, 前一天 / 此前一天 / 前一交易日
to the session before it: `is_relative` tells them apart, and the reader takes them as
carried, not explicit, dates. Pure functions.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from assistant.text.times import Window, last_day, last_named, month_window, resolve_month_day
from assistant.text.zh_numbers import normalize, read_numeral

_WD = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "1": 0, "2": 1, "3": 2, "4": 3, "5": 4}
_N = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
# "自11月20日收盘以来": from that close to now
_SINCE_TAIL = r"(?:的)?(?:收盘(?:价|水平|点位)?|低点|高点)?\s*(?:以来|至今|到现在)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(p))
    for name, p in (
        (
            "since_md",
            rf"(?:自从|自|从)\s*(?:(?P<y>(?:19|20)\d\d)\s*年\s*)?(?P<m>{_N})\s*月\s*(?P<d>\d{{1,2}})\s*[日号]\s*{_SINCE_TAIL}",
        ),
        (
            "since_wd",
            rf"(?:自从|自|从)\s*(?P<last>上)?(?:周|星期|礼拜)(?P<wd>[一二三四五1-5])\s*{_SINCE_TAIL}",
        ),
        ("ymd", rf"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>{_N})\s*月\s*(?P<d>\d{{1,2}})\s*[日号]"),
        ("md", rf"(?<![\d年])(?P<m>{_N})\s*月\s*(?P<d>\d{{1,2}})\s*[日号]"),
        ("ym", rf"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>{_N})\s*月(?:份)?"),
        ("last_wd", r"上(?:周|星期|礼拜)(?P<wd>[一二三四五1-5])"),
        ("wd", r"(?:周|星期|礼拜)(?P<wd>[一二三四五1-5])"),
        ("quarter", r"(?:(?P<y>(?:19|20)\d\d)\s*年\s*)?第?\s*(?P<q>[一二三四1-4])\s*季度"),
        ("m", rf"(?<![\d年])(?P<m>{_N})\s*月(?:份)?(?![\d日号])"),
        ("ytd", r"年初至今|年初以来|今年以来|今年迄今|年内迄今|本年迄今|今年至今|今年"),
        ("year", r"(?P<y>(?:19|20)\d\d)\s*年(?:全年|以来)?(?!\s*\d)"),
        ("mtd", r"本月(?:至今|以来)?|月初至今|月初以来|这个月"),
        ("last_month", r"上个?月"),
        ("this_week", r"本周(?:至今|以来)?|这周|这一周|周内|全周|当周"),
        ("last_week", r"上一?周"),
        ("last_year", r"去年|上一?年"),
        ("today", r"今天|今日|本交易日"),
        ("yesterday", r"昨天|昨日"),
        ("that_day", r"当天|当日"),
    )
]
_THAT_DAY = re.compile(r"当天|当日")
# the session before the day named last ("周五下跌1.07%，此前一天上涨0.88%")
_DAY_BEFORE = re.compile(
    r"(?:此前|之前)?前?一(?:个)?交易日|(?:此前|之前)一天|前一天|前一日|上一?个?交易日"
)


def is_relative(w: Window) -> bool:
    """A day named relative to another (当天, 前一天): a carried date, never an explicit one."""
    return bool(
        _THAT_DAY.fullmatch(normalize(w.label)) or _DAY_BEFORE.fullmatch(normalize(w.label))
    )


def _int(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    got = read_numeral(raw)
    return int(got[0]) if got else None


def _weekday_back(d: date) -> date:
    d -= timedelta(days=1)
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def find_zh_windows(text: str, as_of: date, anchor: date | None = None) -> list[Window]:
    """Every Chinese time expression of `text` in order; the first pattern wins overlaps.
    `anchor` is the day 当天 refers to (default as_of)."""
    norm = normalize(text)
    found: list[Window] = []
    taken: list[tuple[int, int]] = []
    for name, rx in _PATTERNS:
        for m in rx.finditer(norm):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            w = _resolve(name, m, as_of, anchor or as_of)
            if w is not None:
                found.append(Window(w.start, w.end, w.kind, text[s:e], (s, e)))
                taken.append((s, e))
    for m in _DAY_BEFORE.finditer(norm):
        if any(m.start() < te and ts < m.end() for ts, te in taken):
            continue
        named = [w.end for w in found if w.kind == "day" and w.span[1] <= m.start()]
        d = _weekday_back(named[-1] if named else anchor or as_of)
        found.append(Window(d, d, "day", text[m.start() : m.end()], m.span()))
    return sorted(found, key=lambda w: w.span)


def _resolve(name: str, m: re.Match[str], as_of: date, anchor: date) -> Window | None:  # noqa: C901
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    month = _int(g["m"]) if g.get("m") else None
    if month is not None and not 1 <= month <= 12:
        return None
    label, span = m.group(0), m.span()
    if name == "since_md":
        assert month is not None
        d = resolve_month_day(month, int(g["d"]), year, as_of)
        return Window(d, as_of, "since", label, span) if d and d < as_of else None
    if name == "since_wd":
        wd = _WD[g["wd"]]
        d = last_named(as_of, wd, before=True)
        if g.get("last"):
            d = as_of - timedelta(days=as_of.weekday() + 7 - wd)
        return Window(d, as_of, "since", label, span)
    if name in ("ymd", "md"):
        assert month is not None
        d = resolve_month_day(month, int(g["d"]), year, as_of)
        return Window(d, d, "day", label, span) if d else None
    if name in ("ym", "m"):
        assert month is not None
        start, end = month_window(month, year, as_of)
        return Window(start, end, "window", label, span)
    if name in ("wd", "last_wd"):
        wd = _WD[g["wd"]]
        d = last_named(as_of, wd)
        if name == "last_wd":
            d = as_of - timedelta(days=as_of.weekday() + 7 - wd)
        return Window(d, d, "day", label, span)
    if name == "quarter":
        q = _int(g["q"]) or 0
        first = 3 * (q - 1) + 1
        y = year or (as_of.year if date(as_of.year, first, 1) <= as_of else as_of.year - 1)
        return Window(date(y, first, 1), min(last_day(y, first + 2), as_of), "window", label, span)
    if name == "ytd":
        return Window(date(as_of.year, 1, 1), as_of, "window", label, span)
    if name == "year":
        assert year is not None
        start, end = date(year, 1, 1), date(year, 12, 31)
        return Window(start, min(end, as_of) if start <= as_of else end, "window", label, span)
    if name == "mtd":
        return Window(as_of.replace(day=1), as_of, "window", label, span)
    if name == "last_month":
        prev = as_of.replace(day=1) - timedelta(days=1)
        return Window(prev.replace(day=1), prev, "window", label, span)
    if name == "this_week":
        return Window(as_of - timedelta(days=as_of.weekday()), as_of, "window", label, span)
    if name == "last_week":
        monday = as_of - timedelta(days=as_of.weekday() + 7)
        return Window(monday, monday + timedelta(days=4), "window", label, span)
    if name == "last_year":
        y = as_of.year - 1
        return Window(date(y, 1, 1), date(y, 12, 31), "window", label, span)
    if name == "today":
        return Window(as_of, as_of, "day", label, span)
    if name == "yesterday":
        d = _weekday_back(as_of)
        return Window(d, d, "day", label, span)
    if name == "that_day":
        return Window(anchor, anchor, "day", label, span)
    return None
