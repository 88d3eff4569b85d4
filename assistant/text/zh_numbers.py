"""The number reader for Chinese: "上涨10.7%", "1.2万亿美元", "四分之一个百分点", "25个基点",
"百分之三点五", "第三次", full-width "１０.７％", read as the quantities of the English reader
(`assistant.text.quantities.Quantity`), so a Chinese number and its English twin compare equal.

A scale (万, 亿, 万亿) becomes the English scale word at or above it with the written
precision kept: "1.2万亿" is 1.2 trillion, "3.5亿" is 0.35 billion to two decimals (one unit
of the last digit stays 0.01亿). Dates (2025年11月28日, 11月份), clock times (下午4点),
tenors (10年期) and the numbers inside names (标普500, 罗素2000) are not quantities.
Chinese numerals are read only with a unit (百分之十, 两个百分点, 四个基点): alone they are
words ("一度", "之一") more often than figures. Pure functions.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from assistant.text.quantities import Quantity, QUnit, decimals_of, to_float

# Full-width digits and signs, one character for one, so spans stay the same.
_WIDE = str.maketrans("０１２３４５６７８９％．＋－，", "0123456789%.+-,")
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}  # fmt: skip
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
SCALES = {"千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8, "十亿": 1e9,
          "百亿": 1e10, "千亿": 1e11, "万亿": 1e12}  # fmt: skip
# the English scale words of assistant.text.figures.SCALES, smallest first
_ENGLISH = ((1e3, "thousand"), (1e6, "million"), (1e9, "billion"), (1e12, "trillion"))
CURRENCIES = {"美元": "$", "美金": "$", "元": "num", "人民币": "num", "港元": "num",
              "欧元": "num", "日元": "num", "英镑": "num"}  # fmt: skip

_ZH = "[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
_DIG = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM = rf"(?P<d>{_DIG})|(?P<z>{_ZH})"
_SCALE = "(?P<scale>" + "|".join(sorted(SCALES, key=len, reverse=True)) + ")"
_LEAD = r"(?<![A-Za-z\d.,_])(?P<sign>[+\-\u2212](?=\d))?"
_CURRENCY = "(?P<cur>" + "|".join(sorted(CURRENCIES, key=len, reverse=True)) + ")"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 3.50%-3.75%, 3.50%至3.75%, 3.5-3.75%
    ("range", re.compile(
        r"(?<![\d.])(?P<lo>\d{1,2}(?:\.\d{1,3})?)\s*%?\s*(?:-|~|\u2013|\u2014|\uff5e|至|到)\s*"
        r"(?P<hi>\d{1,2}(?:\.\d{1,3})?)\s*%")),
    # 四分之一个百分点, 四分之三个百分点, 半个百分点
    ("frac", re.compile(
        r"(?P<den>[二两三四五六七八九十]|\d+)分之(?P<num>[一二两三四五六七八九]|\d+)\s*个?\s*百分点"
        r"|(?P<half>半)个百分点")),
    ("bp", re.compile(_LEAD + rf"(?:{_NUM})\s*个?\s*基点")),
    ("pp", re.compile(_LEAD + rf"(?:{_NUM})\s*个\s*百分点|(?<![\d.,])(?P<d2>{_DIG})\s*百分点")),
    ("pct", re.compile(r"百分之\s*(?:" + _NUM + ")")),
    ("%", re.compile(_LEAD + rf"(?P<d>{_DIG})\s*%")),
    ("ord", re.compile(r"第\s*(?:" + _NUM + ")")),
    ("money", re.compile(_LEAD + rf"(?:{_NUM})\s*{_SCALE}?\s*{_CURRENCY}")),
    ("pts", re.compile(_LEAD + rf"(?:{_NUM})\s*点(?![零〇一二三四五六七八九\d半])")),
    ("scaled", re.compile(_LEAD + rf"(?P<d>{_DIG})\s*{_SCALE}")),
    ("num", re.compile(_LEAD + rf"(?P<d>{_DIG})(?![\d.,]*\d)")),
]  # fmt: skip

# Numbers that are not quantities: dates, clock times, tenors and spans of time, names.
NOT_QUANTITIES = re.compile(
    "|".join(
        (
            r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:份)?(?:\s*\d{1,2}\s*[日号])?)?",
            r"(?<![\d.])\d{1,2}\s*月(?:份)?(?:\s*\d{1,2}\s*[日号])?",
            r"(?<![\d.])\d{1,2}\s*[日号](?![元圆])",
            r"(?:上午|下午|凌晨|晚间|晚上|早上|中午|午间|盘中|美东时间|北京时间)?\s*"
            r"\d{1,2}\s*(?:[:：]\s*\d{2}|点\s*\d{1,2}\s*分|点(?:半|钟)|时)",
            r"(?:上午|下午|凌晨|晚间|晚上|早上|中午)\s*\d{1,2}\s*点",
            r"\d+\s*(?:年期|个月|个交易日|交易日|周|天|年(?!\d))",
            r"(?:标普|标准普尔|罗素|纳斯达克|纳指|日经|富时|沪深|上证|中证|深证|创业板|科创|"
            r"恒生|斯托克|道琼斯|道指|S&P|Russell|Nasdaq)\s*\d+",
        )
    )
)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def normalize(text: str) -> str:
    """Full-width digits and signs as ASCII, one character for one (spans do not move)."""
    return text.translate(_WIDE)


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def mostly_chinese(text: str) -> bool:
    """True when Chinese characters are at least a third of the letters."""
    letters = _LETTER.findall(text)
    return bool(letters) and 3 * sum(1 for ch in letters if _CJK.match(ch)) >= len(letters)


def _small(s: str) -> int | None:
    """A numeral under 万: "二十五", "一百零五", "十", "三"."""
    total, digit = 0, None
    for ch in s:
        if ch in ("零", "〇"):
            if digit is not None:
                return None
            continue
        if ch in DIGITS:
            if digit is not None:
                return None  # "二五": not a numeral we read
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def _integer(s: str) -> int | None:
    for unit, factor in (("亿", 10**8), ("万", 10**4)):
        if unit in s:
            head, tail = s.split(unit, 1)
            high = _integer(head) if head else None
            low = _integer(tail) if tail else 0
            return None if high is None or low is None else high * factor + low
    return _small(s) if s else None


def read_numeral(s: str) -> tuple[float, int] | None:
    """A Chinese numeral's value and decimals: "三点五" (3.5, 1), "二十五" (25, 0)."""
    whole, _, frac = s.partition("点")
    value = _integer(whole)
    if value is None or any(ch not in DIGITS for ch in frac):
        return None
    if frac:
        return float(f"{value}.{''.join(str(DIGITS[ch]) for ch in frac)}"), len(frac)
    return float(value), 0


def _number(d: str | None, z: str | None) -> tuple[float, int, str | None] | None:
    """(value, decimals, trailing scale) of digits or a numeral; a numeral ending in 万/亿
    gives its scale back ("三千亿": 3000 and 亿)."""
    if d:
        return to_float(d), decimals_of(d), None
    if not z:
        return None
    for scale in ("万亿", "亿", "万"):
        if z.endswith(scale) and len(z) > len(scale) and "点" not in z:
            got = read_numeral(z[: -len(scale)])
            return None if got is None else (got[0], got[1], scale)
    got = read_numeral(z)
    return None if got is None else (got[0], got[1], None)


def english_scale(value: float, decimals: int, scale: str) -> tuple[float, int, str]:
    """A value with a Chinese scale as one with the English scale at or above it, precise to
    the same amount: (1.2, 1, "万亿") -> (1.2, 1, "trillion"); (3.5, 1, "亿") -> (0.35, 2,
    "billion")."""
    factor = SCALES[scale]
    size, word = next((s, w) for s, w in _ENGLISH if s >= factor)
    shift = round(math.log10(size / factor))
    return round(value * factor / size, decimals + shift), decimals + shift, word


def _build(kind: str, m: re.Match[str], text: str) -> Quantity | None:
    g = m.groupdict()
    span, raw = m.span(), text[m.start() : m.end()]
    sign = {"+": 1, "-": -1, "\u2212": -1}.get(g.get("sign") or "", 0)
    if kind == "range":
        lo, hi = to_float(g["lo"]), to_float(g["hi"])
        dec = max(decimals_of(g["lo"]), decimals_of(g["hi"]))
        return Quantity(span, hi, dec, "range", raw, low=lo) if lo < hi else None
    if kind == "frac":
        if g.get("half"):
            return Quantity(span, 50.0, 0, "bp", raw)
        den, num = (_number(x, None) if x.isdigit() else _number(None, x)
                    for x in (g["den"], g["num"]))  # fmt: skip
        if den is None or num is None or not den[0] or num[0] >= den[0]:
            return None
        return Quantity(span, round(100 * num[0] / den[0], 6), 0, "bp", raw)
    got = _number(g.get("d") or g.get("d2"), g.get("z"))
    if got is None:
        return None
    value, dec, scale = got
    scale = g.get("scale") or scale
    unit: QUnit = {"bp": "bp", "pp": "pp", "pct": "%", "%": "%", "ord": "ord", "pts": "pts",
                   "scaled": "num", "num": "num"}.get(kind, "num")  # type: ignore[assignment]  # fmt: skip
    if kind == "pts" and g.get("z") and not any(ch in "十百千万" for ch in g["z"]):
        return None  # "上涨了一点" is a little, "两点" a clock time
    if kind == "money":
        unit = "$" if CURRENCIES[g["cur"]] == "$" else "num"
    elif scale and kind == "pts":  # "四万点"
        value, dec, scale = value * SCALES[scale], 0, None
    elif scale and kind != "scaled":
        return None  # "三千亿个基点" is no figure
    english = None
    if scale:
        value, dec, english = english_scale(value, dec, scale)
    return Quantity(span, value, dec, unit, raw, sign, english)


def find_zh_quantities(text: str) -> list[Quantity]:
    """Every quantity of a Chinese text in text order; earlier patterns win overlaps."""
    return list(_find(text))


@lru_cache(maxsize=1024)
def _find(text: str) -> tuple[Quantity, ...]:
    norm = normalize(text)
    taken = [m.span() for m in NOT_QUANTITIES.finditer(norm)]
    found: list[Quantity] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(norm):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            q = _build(kind, m, text)
            if q is not None:
                found.append(q)
                taken.append((s, e))
    return tuple(sorted(found, key=lambda q: q.span))


def not_quantity_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates, clock times, tenors and names with numbers in a Chinese text."""
    return [m.span() for m in NOT_QUANTITIES.finditer(normalize(text))]


def with_chinese(text: str, found: list[Quantity]) -> list[Quantity]:
    """`found` (the English reader's quantities) with the Chinese ones of `text` added: a
    Chinese reading wins where the two overlap, and a number inside a Chinese date, time,
    tenor or name is dropped. Text with no Chinese comes back as it was."""
    if not has_cjk(text):
        return found
    zh = find_zh_quantities(text)
    blocked = [q.span for q in zh] + not_quantity_spans(text)
    kept = [q for q in found if not any(q.start < e and s < q.end for s, e in blocked)]
    return sorted(zh + kept, key=lambda q: q.span)
