"""Regular expressions and word lists for numeric claims. Data, no logic."""

from __future__ import annotations

import re

from assistant.text.times import DATE_RE

I = re.IGNORECASE  # noqa: E741

# a number starts at the first digit of a run (no quadratic rescans of long digit runs)
NUM = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
PCT = rf"(?P<num>[+-]?(?:{NUM}))\s?(?:%|percent\b|per\s+cent\b)"

# direction words: verbs, then the nouns of a change ("a 1.1% decline")
UP_WORDS = (
    "gained gains gain gaining rose rises rise risen rising climbed climbs climb climbing "
    "advanced advances advance advancing added adds adding jumped jumps jump jumping rallied "
    "rallies rally rallying surged surges surge surging soared soars soaring increased increases "
    "rebounded rebounds rebounding firmed up higher boosted lifted popped spiked rocketed "
    "ticked edged crept inched recovered recovering returned returning eked bounced bounces "
    "bouncing regained regains zoomed surged vaulted leapt leaped tacked"
).split()
DOWN_WORDS = (
    "fell falls fall fallen falling dropped drops drop dropping declined declines decline "
    "declining slid slides slide sliding lost loses lose losing sank sinks sink sinking sunk tumbled "
    "tumbles tumbling plunged plunges plunging slipped slips slip slipping down lower retreated "
    "retreats retreating decreased decreases shed sheds shedding skidded sagged slumped slumping "
    "dipped dips dipping eased easing tanked tanking cratered gave giving given erased erasing pared "
    "paring trimming trimmed stumbled stumbles sputtered skidding plummeted plummets sagging "
    "slumps"
).split()
UP_NOUNS = (
    "gain gains rise rally advance increase surge rebound climb jump pop upswing leap bounce "
    "spike run-up"
).split()
DOWN_NOUNS = (
    "drop decline fall loss losses slide plunge slump retreat decrease selloff sell-off "
    "tumble dip pullback downturn skid rout slip"
).split()

# every verb of change, longest first (an alternation that prefers "climbed" to "climb")
MOVE_WORDS = "|".join(sorted(set(UP_WORDS + DOWN_WORDS), key=len, reverse=True))
DIRECTION_BEFORE = re.compile(
    r"\b(?P<word>" + MOVE_WORDS + r")\b"
    r"(?:\s+(?:by|about|around|roughly|nearly|almost|some|more\s+than|over|just|a|an|"
    r"another|a\s+further|an\s+additional|close\s+to|approximately|\w+ly))*\s*[~+-]?$",
    I,
)

HEDGES = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|approximately|some|close\s+to|more\s+than|over|"
    r"just\s+(?:over|under|shy\s+of)|less\s+than|under|upwards\s+of)\s*$|~\s*$",
    I,
)
FORECAST = re.compile(
    r"\b(?:expects?|expected|expecting|expectations?\s+(?:of|for|that)|lean(?:s|ed|ing)?\s+towards?|forecasts?|forecasting|projects?|projected|predicts?|"
    r"predicted|could|(?-i:may)(?!\.?\s+\d)|might|will|would|should|(?<!funds\s)(?<!policy\s)target(?:s|ing)?(?!\s+(?:range|rate|by|to\s+\d))|outlook|estimates?|"
    r"anticipates?|pencil(?:s|l?ed|l?ing)?\s+in|sees?|seeing|seen\s+(?:rising|falling|at)|likely|plans?\s+to|on\s+track\s+to|implying|imply|"
    r"look(?:s|ing)?\s+for|surveyed|polled|room\s+for|brac(?:e|es|ing)\s+for|(?:we|i|they|you|he|she)['\u2019]d|"
    r"implies|implied|upside|downside|potential|scenario|if\b|unless|price\s+(?:target|objective)|"
    r"consensus|priced|pricing|probability|odds|chances?|bets?|betting|wagers?|(?:i|we)\s+think|next\s+(?:year|quarter|"
    r"month|week)|by\s+year[-\s]end|in\s+20\d\d\s+and\s+beyond)\b",
    I,
)

FIELD_WORDS = {
    "close": "close",
    "closed": "close",
    "closing": "close",
    "ended": "close",
    "finished": "close",
    "settled": "close",
    "high": "high",
    "peak": "high",
    "peaked": "high",
    "low": "low",
    "bottomed": "low",
    "trough": "low",
    "open": "open",
    "opened": "open",
    "opening": "open",
}
FIELD = (
    r"(?P<{g}>close|closing\s+price|low|high|open|opening\s+price|intraday\s+high|intraday\s+low)"
)


def field_re(group: str) -> str:
    return FIELD.format(g=group)


def norm_field(word: str) -> str:
    w = word.lower().split()[-1] if "intraday" in word.lower() else word.lower().split()[0]
    return FIELD_WORDS.get(w, "close")


def _move_end(word: str, prefix: str) -> str:
    return (
        rf"\b{word}\s+(?:its|the|their|a)\s+(?:"
        + DATE_RE.replace("?P<", f"?P<{prefix}_")
        + r")\s+"
        + field_re(f"{prefix}_f")
        + rf"(?:\s+(?:of|at)\s+\$?(?P<{prefix}_v>"
        + NUM
        + r"))?"
    )


MOVE_FROM = re.compile(_move_end("from", "a"), I)
MOVE_TO = re.compile(_move_end("to", "b"), I)


RATE_RANGE = re.compile(
    r"(?P<lo>\d{1,2}(?:\.\d{1,2})?)\s?%?\s?(?:-|–|—|to)\s?(?P<hi>\d{1,2}(?:\.\d{1,2})?)\s?%", I
)
RATE_CUT_WORDS = re.compile(r"\b(?:cut|cuts|cutting|lowered|lowers|lowering|reduced|reduces|reducing|reduction|"
                            r"trimmed|eased|easing|slashed)\b", I)  # fmt: skip
RATE_HIKE_WORDS = re.compile(r"\b(?:hike|hikes|hiked|hiking|raised|raises|raising|increased|increasing|lifted|lifting|"
                             r"tightened|tightening)\b", I)  # fmt: skip
FED_CONTEXT = re.compile(
    r"\b(?:fed|federal\s+reserve|fomc|central\s+bank|policy\s+rate|federal\s+funds|policymakers|"
    r"rate[-\s]setters|rate[-\s]setting\s+committee|"
    r"fed\s+funds|benchmark\s+(?:interest\s+)?rate|interest\s+rates?|target\s+range|powell)\b",
    I,
)
ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
    "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10, "11th": 11, "12th": 12,
}  # fmt: skip
COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_COUNTED = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2}"
RATE_COUNT = re.compile(
    r"\b(?P<ord>" + "|".join(ORDINALS) + r")\s+(?:straight|consecutive|successive|back-to-back|"
    r"(?:meeting|time)\s+in\s+a\s+row|in\s+a\s+row)\s*(?:(?:quarter|half)[-\s]point\s+|"
    r"\d+[-\s]basis[-\s]point\s+|rate\s+|interest[-\s]rate\s+)?(?P<what>cut|reduction|hike|"
    r"increase|meeting|time|decrease)?"
    r"|\b(?P<cnt>" + _COUNTED + r")\s+(?:straight|consecutive|successive)\s+"
    r"(?:(?:quarter|half)[-\s]point\s+|rate\s+)?(?P<what2>cuts|hikes|reductions|increases)",
    I,
)
_ORD = r"(?P<ord2>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|11th|12th)"
_CNT = r"(?P<cnt2>" + _COUNTED + ")"
_RATES = (
    r"(?:(?:its|their|the)\s+(?:(?:key|benchmark|policy|overnight|main|short-term)\s+){0,2}"
    r"(?:interest\s+)?rate\s+|rates\s+|interest\s+rates\s+|borrowing\s+costs\s+)?"
)
# "the third reduction in a row", "its first cut since 2020", "the second rate cut this year",
# "cut three times", "a total of three cuts"
RATE_COUNT2 = re.compile(
    r"\b" + _ORD + r"\s+(?:(?:quarter|half)[-\s](?:percentage[-\s])?point\s+|rate\s+|"
    r"interest[-\s]rate\s+|straight\s+|consecutive\s+)?(?P<what3>cut|reduction|hike|increase|"
    r"decrease|move)s?\b(?P<tail>\s+(?:in\s+a\s+row|of\s+(?:the|a|this)\s+(?:new\s+)?(?:easing\s+|"
    r"tightening\s+)?(?:cycle|year)|since|this\s+year|of\s+the\s+year|(?:in|of)\s+(?:19|20)\d\d))?"
    r"|\b(?P<verb>cut|cutting|lowered|lowering|reduced|reducing|trimmed|trimming|raised|raising|"
    r"hiked|hiking|lifted|lifting|increased)\s+"
    + _RATES
    + r"(?:"
    + _CNT.replace("cnt2", "cnt3")
    + r"\s+times|(?P<twice>twice))\b"
    # "cut at three consecutive meetings": a run
    r"|\b(?P<mverb>cut|lowered|reduced|trimmed|raised|hiked|lifted|increased)\s+"
    + _RATES
    + r"(?:at|in)\s+"
    + _CNT.replace("cnt2", "cnt5")
    + r"\s+(?:straight|consecutive|successive)\s+meetings\b"
    r"|\b(?:total\s+of\s+|made\s+|delivered\s+)"
    + _CNT
    + r"\s+(?:rate\s+)?(?P<what4>cuts|hikes|reductions|increases)\b"
    # "the last of three cuts in a row", "after a run of 10 consecutive increases": a run
    r"|\b(?:(?:the\s+)?(?:last|final|latest)\s+of|(?:run|string|streak|series)\s+of)\s+"
    + _CNT.replace("cnt2", "cnt6")
    + r"\s+(?:straight\s+|consecutive\s+|successive\s+)?(?:(?:quarter|half)[-\s]point\s+|"
    r"rate\s+|interest[-\s]rate\s+)?(?P<what6>cuts|hikes|reductions|increases)\b",
    I,
)
# the noun left out, "July's increase, the fourth of the year", "the 10th in a row", or told
# as a time, "raised its key rate for the fourth time this year"
RATE_COUNT_ELLIPSIS = re.compile(
    r"\b(?:(?:its|the|their)\s+|for\s+the\s+)" + _ORD + r"(?P<time>\s+time)?"
    r"(?P<tail>\s+(?:in\s+a\s+row|of\s+(?:the|this)\s+year|this\s+year|of\s+(?:19|20)\d\d|"
    r"in\s+(?:19|20)\d\d|since(?=\s+(?:the\s+(?:start|end|beginning)\s+of\s+)?[A-Z])))\b",
    I,
)
# "a quarter-point cut, its first since December"
RATE_COUNT3 = re.compile(
    r"\b(?P<ord2>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?P<tail>since|"
    r"in\s+(?:more\s+than\s+|nearly\s+|almost\s+)?(?:a|an|\w+)\s+(?:year|years|months))\b",
    I,
)
PE = re.compile(
    r"(?:(?P<fwd>forward|12-month\s+forward|trailing)\s+)?(?:p/e|pe|price[-/\s]to[-/\s]earnings|"
    r"price/earnings|earnings\s+multiple)(?:\s+ratio)?(?:\s+(?:of|at|near|around|about|roughly|is|"
    r"was|stands|stood|close\s+to|just|under|over|above|below|to))*\s+(?P<num>\d+(?:\.\d+)?)"
    r"(?:x|\s+times)?"
    r"|(?<![\d.])(?P<num2>\d+(?:\.\d+)?)\s*(?:x|times)\s+(?P<fwd2>forward\s+)?(?:earnings|profits)",
    I,
)
VOL = re.compile(
    r"(?:(?:(?:annualized|annualised|realized|historical|one-year|1-year|daily)\s+)*volatility|"
    r"(?:daily|realized)\s+(?:swings|moves)\b)"
    r"[^.%]{0,40}?(?:of|at|was|is|near|around|to|hit|reached|touched|stands\s+at|stood\s+at|came\s+to|"
    r"ran\s+at|run\s+at|running\s+at)\s+(?:an\s+annuali[sz]ed\s+(?:volatility\s+of\s+)?)?"
    r"(?:a\s+volatility\s+of\s+)?(?:about\s+|roughly\s+|around\s+|nearly\s+|just\s+|only\s+)?"
    r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s?%"
    r"|(?<![\d.])(?P<num2>\d+(?:\.\d+)?)\s?%\s+(?:annualized\s+|annualised\s+)?(?:volatility|swing)",
    I,
)
DRAWDOWN = re.compile(
    PCT + r"\s+(?P<rel>below|off|from|under|beneath|shy\s+of|short\s+of|away\s+from)\s+"
    r"(?:its|their|the|a|(?P<that>that|this))\s+(?P<what>(?:[\w.,'-]+\s+){0,3}?(?:high|peak|record|top)s?|"
    r"(?:best|highest|record|peak)\s+(?:close|closing\s+(?:level|mark)|finish))\b"
    r"|\bwithin\s+(?P<within>about\s+|roughly\s+)?(?<![\d.])(?P<num2>\d+(?:\.\d+)?)\s?(?:%|percent\b)\s+of\s+"
    r"(?:its|their|the|a)\s+(?P<what2>(?:[\w.'-]+\s+){0,3}?(?:high|peak|record|top)s?)\b",
    I,
)
DRAWDOWN2 = re.compile(r"\bdrawdown\s+of\s+(?:about\s+)?" + PCT, I)
PRONOUN_START = re.compile(
    r"^\s*(?:it|its|they|their|the\s+(?:index|fund|etf|benchmark|gauge|small-cap\s+index)|shares|that)\b",
    I,
)
