"""Statements: SUBJECT + direction + quantities -> claims, over the mentions of one sentence.

A sentence is read as mentions: subjects (series finnews knows, and series it knows it
lacks), quantities (the number reader), time expressions and cue words. Each quantity
then takes a role from its unit and the words right around it:

- a percent after a direction word ("rose", "slid", "up") or before/after a change noun
  ("a 1.1% decline", "a gain of 0.8%") is a percentage change; after "or" it repeats the
  direction of the points change it restates ("fell 878.82 points, or 1.9%");
- "N points" with a direction is a points change;
- a bare number or a dollar figure after a level cue ("to", "at", "closed at", "a high
  of") is a level; after a bound cue ("above", "topped", "more than") it is a bound;
- a percent after a level cue is a yield level when the subject is a yield;
- basis points (or percentage points) of a yield are a yield change.

The subject is the nearest subject mention before the quantity in the sentence (a
quantity owned by a non-market noun such as "revenue" or "payrolls" is skipped), else
the one after it, else the subject carried from earlier sentences when the sentence
refers back ("the index", "it", "shares"). Coordinated subjects with "respectively"
are paired with the quantities in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Literal

from assistant.claims import patterns as P
from assistant.market.symbols import Symbol
from assistant.models import Claim
from assistant.text.quantities import Quantity, to_float
from assistant.text.times import Window

I = re.IGNORECASE  # noqa: E741

UP, DOWN, UP_NOUNS, DOWN_NOUNS = P.UP_WORDS, P.DOWN_WORDS, P.UP_NOUNS, P.DOWN_NOUNS
_DOWN_PHRASE = re.compile(
    r"\b(?:gave\s+up|giving\s+up|pared|erased|wiped\s+out|pulled\s+back|pulling\s+back)\b", I
)
_VERB = re.compile(
    r"\b(?P<w>" + "|".join(sorted(set(UP + DOWN), key=len, reverse=True)) + r")\b"
    r"(?P<tail>(?:\s+(?:up|down|higher|lower|back|out|(?<=tacked\s)on|by|about|around|roughly|nearly|almost|some|"
    r"just|a|an|another|further|additional|close\s+to|approximately|as\s+much\s+as|as\s+many\s+as|more|less|"
    r"modest|slim|slight|mere|hefty|steep|sharp|solid|healthy|robust|whopping|scant|fresh|small|"
    r"big|large|huge|sizable|respectable|"
    r"more\s+than|less\s+than|over|under|at\s+least|\w+ly))*)\s*[~+\-\u2212]?\s*$",
    I,
)
_NOUN_BEFORE = re.compile(
    r"\b(?P<n>" + "|".join(UP_NOUNS + DOWN_NOUNS) + r")s?\s+(?:of\s+|to\s+|came\s+to\s+|was\s+|"
    r"totaled\s+|totalled\s+|amounted\s+to\s+|reached\s+)?(?:about\s+|around\s+|"
    r"roughly\s+|nearly\s+|almost\s+|more\s+than\s+|less\s+than\s+|under\s+|at\s+least\s+|"
    r"just\s+|some\s+)?[+\-\u2212]?\s*$",
    I,
)
_NOUN_AFTER = re.compile(  # (and "a 1.1% hit", a loss only after its figure)
    r"^\s*(?:[\w'-]+\s+){0,3}?(?P<n>" + "|".join(UP_NOUNS + DOWN_NOUNS) + r"|hit)\b", I
)
_DOWN_PHRASE_BEFORE = re.compile(
    _DOWN_PHRASE.pattern + r"(?:\s+(?:about|nearly|some|just|roughly|another|a\s+further))*\s*$", I
)
_TOTAL_TO = re.compile(  # "... its gain for the year to 16.1%", "the Nasdaq's 2023 gain stands at"
    r"(?:\b(?:its|their|the)|['\u2019]s)\s+(?:[\w-]+\s+){0,2}?(?P<n>"
    + "|".join(UP_NOUNS + DOWN_NOUNS)
    + r")\b(?:(?!\b(?:"  # (the last such noun: "Monday's loss shaved Tesla's gain ... to")
    + "|".join(UP_NOUNS + DOWN_NOUNS)
    + r")\b)[^%;.]){0,30}?\b(?:to|(?:now\s+)?(?:stands?|stood|sits?|sat)\s+at|comes?\s+to|came\s+to|"
    r"totals?|totaled)\s+(?:about\s+|nearly\s+|roughly\s+|almost\s+|some\s+)?$",
    I,
)
_TOTAL_AT = re.compile(  # "..., putting its gain for the year at 18.8%" (the subject's own)
    r"\b(?:putting|leaving|lifting|pushing|bringing|taking)\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<n>" + "|".join(UP_NOUNS + DOWN_NOUNS) + r")\b[^%;.\d]{0,30}?\bat\s+"
    r"(?:about\s+|nearly\s+|roughly\s+|almost\s+|some\s+)?$",
    I,
)
_SIGN_AFTER = re.compile(r"^\s*(?P<w>higher|lower|up|down|weaker|stronger|firmer)\b", I)
# "closed 76.85 points, or 0.2%, lower at 34,440.88": the sign after both figures
_OR_PART = r"\s*,\s*or\s+(?:about\s+|nearly\s+|roughly\s+)?[+\-]?\d[\d.,]*\s*(?:%|percent|points?)"
_SIGN_AFTER_OR = re.compile(
    r"^\s*(?:(?:basis\s+)?points?\b)?" + _OR_PART + r"\s*,\s*(?P<w>higher|lower|up|down)\b", I
)
_OR_PART_BEFORE = re.compile(_OR_PART + r"$", I)
# "3.4% above last Friday's close", "2% below its Oct. 27 close": a change from that close
_FROM_A_CLOSE_AFTER = re.compile(
    r"^\s*(?P<w>above|below|under|beneath)\s+(?:its\s+|the\s+|their\s+)?(?:last\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri)day['\u2019]s|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:['\u2019]s)?)"
    r"\s+(?:close|finish|closing\s+level|settle)\b|"
    r"^\s*(?P<w2>above|below|under)\s+where\s+(?:it|they|the\s+[\w-]+)\s+(?:began|started|entered|"
    r"ended|finished|closed)\s+(?:the\s+|last\s+)?(?:year|month|quarter|(?:19|20)\d\d|jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|oct|nov|dec)",  # "4.1% below where it ended July"
    I,
)
_UPDOWN_BEFORE = re.compile(
    r"\b(?P<w>up|down|higher|lower|off|ahead|behind)\s+(?:(?:by|about|nearly|just|only|roughly|"
    r"some|almost|more\s+than|less\s+than|another|a\s+further)\s+)*[+\-\u2212]?$",
    I,
)
# verbs by which something else moves the figure's subject ("lifted the S&P 500 by 1.5%")
_MOVERS = (
    r"lifted|lifting|boosted|boosting|pushed|pushing|sent|sending|drove|driving|dragged|"
    r"dragging|pulled|pulling|knocked|knocking"
)
_MOVED_BY = re.compile(
    r"\b(?P<w>" + _MOVERS + r"|weighed\s+on|cut|cutting|trimmed|trimming)\b"
    r"[^.;%]{0,45}?\b(?P<d>up|down|higher|lower)?\s*by\s+(?:about\s+|nearly\s+|roughly\s+)?$",
    I,
)
# "month-end buying lifted it 0.8%": the pronoun object moved by the figure
_MOVED_IT = re.compile(
    r"\b(?P<w>" + _MOVERS + r")\s+(?:it|them|the\s+index|the\s+stock|shares)\s+"
    r"(?P<d>up|down|higher|lower)?\s*(?:about\s+|nearly\s+|roughly\s+|another\s+)?$",
    I,
)
_EKED = re.compile(
    r"\b(?:managed|manages|managing|posted|posts|notched|logged|booked|delivered|eked\s+out|"
    r"returned|returns|tacked\s+on)\s+(?:(?:about|roughly|nearly|around|almost|only|just)\s+)?$",
    I,
)
_COMPARED = re.compile(
    r"(?:\b(?:compar(?:ed|es|ing)\s+(?:with|to)|versus|vs\.?|against|while)\s+(?:a|an)?\s*"
    r"|\b(?:compar(?:ed|es|ing)\s+(?:with|to)|versus|vs\.?|against)\s+(?:(?:an?\s+)?(?:gains?|"
    r"losses|loss|declines?|drops?|advances?|rises?|returns?|increases?|decreases?)\s+of\s+)?"
    r"(?:(?:about|roughly|nearly|around|almost)\s+)?[~+]?\d[\d.]*%\s+(?:for|in)\s+"
    r"(?:the\s+)?[^,;%]{1,30}?\s+and\s+)"  # "against 18.2% for IWM and 14.9% for IJR"
    r"(?:(?:about|roughly|nearly|around|almost)\s+)?$",
    I,
)
# "well behind the 43.4% for the Nasdaq": the other series' figure, its name after it
_BEHIND_THE = re.compile(
    r"\b(?:behind|short\s+of|ahead\s+of|trailing|lagging|outpacing|beating|topping)\s+the\s+"
    r"(?:(?:about|roughly|nearly|around|almost)\s+)?$",
    I,
)
_OR_PCT_AFTER = re.compile(r",?\s+or\s+(?:about\s+|nearly\s+|roughly\s+)?[+\-]?\d[\d.]*\s*%", I)
_OR = re.compile(
    r"(?:,?\s*\bor\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|(?:just\s+)?(?:less|more)\s+"
    r"than\s+|(?:just\s+)?(?:under|over)\s+)?|\s*\(\s*)[+\-\u2212]?$",
    I,
)  # "412.30 points, or 0.9%", "51.93 points (0.8%)", "9.44 points, or less than 0.1%"
_HEDGE = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|approximately|some|close\s+to|near|"
    r"just\s+(?:over|under|shy\s+of)|upwards\s+of)\s*[~$]?\s*$|~\s*$",
    I,
)
_BOUND_BEFORE = re.compile(
    r"\b(?P<b>more\s+than|over|above|at\s+least|upwards\s+of|north\s+of|topp(?:ed|ing)|tops|"
    r"surpass(?:ed|ing)|exceed(?:ed|ing)|crossed|cleared|beyond|less\s+than|under|below|"
    r"beneath|south\s+of|shy\s+of|at\s+most|"
    r"within\s+(?:striking\s+)?(?:reach|sight|range|distance)\s+of)\s+(?:the\s+)?[$]?\s*$",
    I,
)
_A_CLOSE_AFTER = re.compile(
    r"\s+(?:record\s+|closing\s+)?(?:close|closing\s+high|high|record|peak)\b", I
)
# "never managed a close above 7,000", "failed to close below", "did not top"
_NEGATION = re.compile(
    r"\b(?:never|not|n['\u2019]t|failed\s+to|fails\s+to|unable\s+to|no\s+longer|without)\b", I
)
_ABOVE = ("more", "over", "above", "at least", "upwards", "north", "top", "surpass", "exceed",
          "crossed", "cleared", "beyond")  # fmt: skip
_LEVEL_BEFORE = re.compile(
    r"\b(?P<cue>to|at|of|near|around|hit|hits|hitting|reached|reaching|reach|reaches|touched|touching|"
    r"yielded|yielding|yields|yield|"
    r"was|is|stood|stands|sat|sits|from|as\s+high\s+as|as\s+low\s+as)\s+"
    r"(?:(?:a|an|its|their|the|fresh|new|record|all-time|session|intraday|closing|high|low|"
    r"about|around|roughly|nearly|almost|level|of|just|some|another|yet)\s+)*[$]?\s*$|"
    # "rose 0.3% to another record, 6,711.20", "ended the half at an all-time high, 20,369.73"
    r"\b(?:to|at|hit|reached|set)\s+(?:yet\s+)?(?:a|an|another|its|their|the|fresh|new)\s+"
    r"(?:(?:fresh|new|all-time|closing|record)\s+)*(?:record|high|peak)\s*,\s+[$]?$",
    I,
)
# a distance to a round number: a threshold, not the index's level
_DISTANCE_TO = re.compile(
    r"[\d.,]+\s*(?:%|percent|points?)\s+(?:of|from|short\s+of|shy\s+of|away\s+from|below|above|"
    r"under|over)\s+(?:the\s+)?[$]?$",
    I,
)
# "gained 33.66 points, or 0.54%, to end the session at 6,297.36 points": a level in points
_LEVEL_IN_POINTS = re.compile(
    r"\b(?:to|at|hit|reached|topped|crossed)\s+(?:(?:a|an|its|record|fresh|new|all-time|closing|"
    r"high|low|about|around|roughly|nearly)\s+)*$",
    I,
)
_FROM_BEFORE = re.compile(
    r"\b(?:from|versus|vs\.?|compared\s+with)\s+(?:about\s+|around\s+|above\s+|below\s+|more\s+than\s+|less\s+than\s+|a\s+close\s+of\s+|an?\s+\w+\s+of\s+|(?:its|their|the)\s+(?:close|closing\s+level|finish)\s+of\s+)?[$]?\s*$",
    I,
)
_ONE_DAY = re.compile(
    r"\b(?:one|single|a\s+single)[-\s](?:day|session|trading\s+day)\b"
    r"(?!\s+(?:left|remaining|to\s+go|later|earlier|before|after|turned|made|put|pushed|sent|"
    r"lifted|dragged)\b)|"  # ("That single session turned Amazon's week into a gain of 8.9%")
    r"\b(?:best|worst|biggest|largest|steepest|sharpest|"
    r"strongest|weakest)\s+(?:one-day\s+|single-day\s+|daily\s+)?(?:day|session|daily|one-day|"
    r"single-day)\b|\b(?:day|session)['\u2019]s\s+(?:best|worst)\b|"
    r"\bno\s+(?:session|day)\b[^.;]{0,40}\b(?:bigger|larger|better|worse|steeper)\b",
    I,
)
# "sank 6.5% after its forecast disappointed, its worst day of the year": the figure's day
_ITS_DAY_AFTER = re.compile(
    r"[^\d;.]{0,70},\s+(?:its|their)\s+(?:best|worst|biggest|largest|steepest|sharpest|"
    r"strongest|weakest)\s+(?:day|session|single\s+day|one-day\s+\w+)\b",
    I,
)
_BRIEFLY = re.compile(r"\b(?:briefly|at\s+one\s+point|for\s+a\s+(?:moment|time|while)|intraday|in\s+intraday\s+trading|"
                      r"during\s+the\s+session|earlier\s+in\s+the\s+session)\b", I)  # fmt: skip
_TOUCHED = re.compile(
    r"\b(?:touch(?:ed|ing)|(?:rose|climbed|jumped|fell|dropped|sank|got)\s+"
    r"as\s+(?:high|low)\s+as|as\s+(?:high|low)\s+as)\s+(?:about\s+|nearly\s+|almost\s+)?$",
    I,
)
_DOWN_TOUCH = re.compile(r"\b(?:as\s+low\s+as|fell|falling|dropped|dropping|sank|sinking|slid|"
                         r"sliding|declin\w+|lowest|low)\b", I)  # fmt: skip
_NON_MARKET = re.compile(
    r"(?<![\w-])(?:revenues?|sales|earnings|profits?|income|margins?|eps|per\s+share|guidance|"
    r"outlook|forecasts?|estimates?|targets?|objectives?|ratings?|upgrades?|downgrades?|gdp|economy|inflation|cpi|pce|prices?\s+paid|"
    r"consumer\s+prices|producer\s+prices|(?:consumer|producer)[-\s]price\s+(?:index|report|data|"
    r"reading|figures)|prices\s+(?:rising|falling|climbing|dropping|rose|fell|up|down)|payrolls?|jobs|unemployment|jobless|wages?|"
    r"earnings\s+growth|pmi|index\s+of|sentiment|confidence|retail|housing|home\s+sales|starts|"
    r"mortgage|dividends?|buybacks?|repurchases?|deliveries|shipments|subscribers|users|orders|"
    r"bookings|backlog|capex|spending|workforce|headcount|staff|employees|stake|share\s+of|"
    r"market\s+share|respondents|poll|survey|probability|odds|chance|traders\s+priced|"
    r"volume|shares\s+outstanding|debt|deficit|auction|bills|notes\s+sold|cash|funding|"
    r"valuation|market\s+value|market\s+cap(?:italization)?|net\s+worth|tariffs?|tax|"
    r"ratio|price[-\s]earnings|price-to-earnings|p/e|cape|"
    r"vote|voted|members|officials|dots?|projections?|median|breadth|advancers|decliners|"
    r"issues|new\s+highs|new\s+lows|weight|weighting|exposure|allocation|inflows?|outflows?|"
    r"subscribers?|delivered\s+(?:\d|more|fewer|a\s+record)|vehicles|customers|said\s+(?:its|it|that)|reported|sold(?!\s+off)|hired|"
    r"companies|constituents|members|wholesale\s+prices|import\s+prices|home\s+prices|fees?|"
    r"subscriptions?|prices\s+on|price\s+tags?|(?:long-run|long-term|historical|typical)\s+average|"
    r"moving\s+average|sectors?|information\s+technology)(?![\w-])",
    I,
)
_YEAR_ON_YEAR = re.compile(
    r"\b(?:from|than|over|versus|vs\.?)\s+(?:a|the)\s+year\s+(?:earlier|ago|before)|"
    r"\byear[-\s]over[-\s]year\b|\bfrom\s+the\s+(?:same|prior[-\s]year|year-earlier)\s+"
    r"(?:period|quarter|month)|\bon\s+an\s+annual(?:ized)?\s+basis\b|\bannual\s+rate\b",
    I,
)
_AMOUNT_AFTER = re.compile(
    r"^\s*(?:of\s+(?:[\w&.-]+['\u2019]s\s+|its\s+|their\s+|the\s+)?(?:(?:roughly|about|nearly|some|"
    r"around)\s+)?[\d,]+\s+)?"  # "more than 700 of OpenAI's roughly 770 employees"
    r"(?:(?:consecutive|straight|up|down|winning|losing|trading|record|new|separate|more|"
    r"fewer|of\s+the)\s+){0,3}(?:analysts|economists|strategists|traders|investors|shares|contracts|jobs|people|workers|employees|units|vehicles|cars|barrels|ounces|"
    r"stores|customers|users|votes|members|companies|stocks|issues|times|days|weeks|months|"
    r"years|sessions|hours|minutes|basis|percentage|per\s+share|a\s+share|cents|million|"
    r"billion|trillion|year-old|-year-old|seats|points?\s+of\s+view|records?|record\s+closes|"
    r"closing\s+highs|highs|lows|gains|losses|advances|declines)\b",
    I,
)
_GAP = re.compile(
    r"\b(?:outpac\w*|outperform\w*|beat(?:ing)?|trail\w*|lagg?\w*|underperform\w*|"
    r"outrun|outran|outrunning|ahead\s+of|behind|spread|gap|lead|edge|margin)\b",
    I,
)
_ANAPHOR = re.compile(
    r"^\W*(?:(?:and|but|while|meanwhile|still|by\s+contrast|in\s+contrast)\s*,?\s+)?"
    r"(?P<a>it|its|the\s+(?:index|indexes|indices|average|gauge|benchmark|measure|fund|etf|"
    r"stock|shares|company's\s+shares|yield|note|bond|blue-chip\s+(?:gauge|index|average)|"
    r"tech-heavy\s+(?:index|gauge|composite)|small-cap\s+(?:index|gauge|benchmark)|"
    r"broad\s+(?:index|gauge|benchmark)|composite|(?:\w+-\w+|\w+)\s+(?:index|gauge|benchmark|average))|"
    r"shares(?!\s+of\b)|the\s+stock|its\s+shares)\b",  # "Shares of ASML": a name follows
    I,
)
# a list line with no subject of its own, under a subhead naming one: "- Ended the week at ..."
VERB_FIRST = re.compile(
    r"^\W{0,4}(?:(?:still|also|now|then)\s+)?(?:" + "|".join(UP + DOWN) + r"|ended|closed|"
    r"finished|traded|trading|up|down|remains?|remained|sits|sat|stands|stood|has|had|is|was|"
    r"added|set|hit|touched|notched|posted)\b",
    I,
)
# "UnitedHealth, the Dow's priciest health insurer, lost 7%": the Dow names a member
# "Taiwan Semiconductor's shares", "Intel's stock": a capitalized name owns the noun after it
_NAME_OWNS = re.compile(r"\b[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['\u2019]s\s+$")
_OWNS_OTHER = re.compile(
    r"['\u2019]s\s+(?!(?:[\d.,+\-]|(?:[\w-]+\s+)?(?:gain|loss|advance|decline|rally|drop|rise|fall|"
    r"slide|surge|jump|climb|rebound|return|move|close|level|record|high|low|peak|yield)s?\b))"
    r"(?:[a-z][\w-]*\s+){0,3}(?:insurer|member|component|stock|company|maker|bank|lender|"
    r"retailer|constituent|name|heavyweight|laggard|leader|winner|loser|giant|report|results|"
    r"earnings|forecast|guidance|outlook|announcement|event|deal|statement|decision)s?\b",
    I,
)
# "The VIX, which measures expected swings in the S&P 500, has fallen": not the S&P's
# an aside describing the subject: "The Nasdaq composite, packed with technology stocks that
# benefit when rates ease, gained 1.2%": the stocks are not the subject
_HOLDS = (
    r"packed\s+with|heav(?:y|ier)\s+(?:in|with|on)|home\s+to|dominated\s+by|"
    r"(?:over)?weighted\s+(?:toward|towards|to|in)|loaded\s+with|full\s+of|made\s+up\s+of|"
    r"crowded\s+with|filled\s+with|rich\s+in|thick\s+with"
)
WHICH_ASIDE = re.compile(
    r",\s+(?:(?:" + _HOLDS + r")\b(?:[^,;\d]{1,40},\s+){1,3}?[^,;\d]{1,40}\band\s+[^,;\d]{1,40}|"
    r"(?:which|who|whose|where|the\s+(?:day|session)\s+(?!before\b|after\b)|"
    + _HOLDS
    + r")\b[^,]*),",
    I,  # (what it holds may be a list: ", heavier in banks, health care and industrials,")
)
# "erased a 2.4% plunge after a hot inflation report and ended 2.6% higher": an event that
# frames the move, not a noun that owns the figure after it
_EVENT_ADJUNCT = re.compile(
    r"\b(?:after|following|on|amid|despite)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:report|"
    r"reading|data|release|print|figures?|numbers?)(?=\s*,?\s+(?:and|but)\s)",
    I,
)
# "held up best, with its heavier weighting in old-economy companies; it lost 8.8%", "The Dow,
# with fewer technology names, shed 0.4%": a description of the subject, not a noun that owns
# the figure
_WITH_ASIDE = re.compile(
    r",\s+with\s+(?:(?:its|their)\s+[^,;\d]{3,80}(?=[,;])|[^,;\d]{3,80}(?=,))", I
)
# "closed at $144.70 on April 8, the low point of the tariff sell-off, and has gained": what
# the day was, not a noun that owns the figure after it
_DAY_ASIDE = re.compile(
    r"(?<=\d),\s+(?:the|during|at|amid|in)\s+[^,;\d]{3,80},(?=\s+(?:and|but)\s)", I
)
# "the Russell 2000, many of them regional banks, jumped": who the members are, not a subject
_MEMBERS_ASIDE = re.compile(
    r",\s+(?:many|most|some|all|several|half|nearly\s+all)\s+of\s+(?:them|which|whose)\b"
    r"[^,;\d]{3,70},",
    I,
)
# a capitalized name (up to four words) and a verb of a move, for names finnews lacks
_A_NAME = r"[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}"
_MOVED = r"(?:" + "|".join(UP + DOWN) + r")\b"
# "dropping 0.9% as First Republic Bank lost another 30%": a clause of a name finnews lacks
_NAMED_CLAUSE = re.compile(
    r"\b(?:as|while|after|when|because|since|and|but|though|whereas)\s+"
    r"(?!(?:The|A|An|It|Its|They|Shares|Stocks|Investors|Traders|Wall|Treasury|Treasuries|"
    r"Yields|Bonds|Markets)\b)" + _A_NAME + r"\s+" + _MOVED
)
# "Amazon slid 1.5%, Intel, seen as a laggard, sank 5.5%": the next name in a list owns its own
_LISTED_NAME = re.compile(
    r",\s+(?:and\s+)?(?!(?:The|A|An|It|Its|They|Shares|Stocks|Investors|Traders)\b)"
    + _A_NAME
    + r"(?:,\s+[^,;]{3,60},)?\s+"
    + _MOVED
)
# "The standout is Splunk, which soared about 21%": a name finnews lacks owns its figure
_NAMED_WHICH = re.compile(
    r"\b(?!(?:The|It|Its|They|Shares|Stocks)\b)" + _A_NAME + r",\s+which\s+"
    r"(?:[a-z]+\s+){0,2}" + _MOVED + r"[^,;]*$"
)
# a noun phrase set off after a clause's subject: "The two-year yield, the maturity most
# sensitive to the Fed's outlook, climbed": what it names is not the subject
# ", the maturity most tied to the Fed,", ", most sensitive to the outlook for Fed policy,"
_APPOSITIVE = re.compile(  # (", in a correction since last Thursday," too)
    r",\s+(?:the|a|an|one\s+of|most|more|highly|especially|particularly|often|usually|in|"
    r"still|already|once|now)\s+"
    r"(?P<np>[^,;:\d]{3,120}),(?=\s+[a-z])",
    I,
)
_IT_SET = re.compile(r"(?i)\b(?:it|they)\s+(?:had\s+)?(?:set|reached|hit|touched|notched|marked)\b")
# "the Nasdaq-100, home of Nvidia, Apple and Microsoft, managed 1.9%": names the subject holds
_HOME_OF = re.compile(
    r",\s+(?P<np>(?:home\s+(?:of|to)|parent\s+of|owner\s+of|led\s+by|dominated\s+by)\s+"
    r"(?-i:[A-Z])[^;:\d]{2,120}?),(?=\s+(?-i:[a-z]))",
    I,
)
# "Apple, hit hard on Friday, has gained 2.4%": a participle's time is the aside's
_PARTICIPLE = re.compile(
    r",\s+(?P<np>(?:[a-z]+ed|hit|hurt|beaten|struck|caught|stung|shaken|driven|fresh\s+off|"
    r"coming\s+off)\s+[^,;:\d]{3,80}),(?=\s+(?:has|have|is|are|was|were|had)\b)|"
    # "The Nasdaq composite, crushed in 2022, jumped 43.4%": what befell it, another time's
    r",\s+(?P<hurt>(?:crushed|battered|pummeled|hammered|hit\s+hard|beaten\s+down)\s+"
    r"(?:[^,;:\d]|(?:19|20)\d\d){3,80}),(?=\s+(?:" + "|".join(UP + DOWN) + r")\b)|"
    # "Amazon, added to the average in February, gained 0.6%": the aside's time, not the move's
    r",\s+(?P<listed>(?:added|named|included|listed|promoted|moved|removed|dropped|spun\s+off|"
    r"acquired|founded|based)\s+(?:to|from|in|into|as|by|off|on)\s+[^,;:\d]{3,80}),"
    r"(?=\s+(?:ended|finished|closed|" + "|".join(UP + DOWN) + r")\b)",
    I,
)
_CLAUSE_START = re.compile(
    r"(?:^(?:(?:on|by|in|at|for|after|before)\s+[^,;:]{1,30},\s+)?|[;:]|,\s+(?:and|but|while)\s+|"
    r"[\d%]\s+(?=and\s|but\s|while\s))\W*"
    r"(?:(?:and|but|while|meanwhile)\s+)?(?:the\s+)?$",
    I,
)  # (also "The S&P 500 gained 1% and the Nasdaq 100, ..., climbed": a clause after a figure,
# and "On Friday, Nvidia, added to the Dow in November, fell": after an opening time)
_FINITE = re.compile(
    r"\b(?:had|has|have|was|were|is|are|did|set|" + "|".join(UP + DOWN) + r")\b", I
)


def asides(text: str, symbols: Iterable[tuple[int, int, Symbol]]) -> list[tuple[int, int]]:
    """Spans of asides about a subject ("The Nasdaq, which ...,", "Nvidia, the chipmaker whose
    forecast set off the frenzy last week,"): their names and periods are not the clause's."""
    out = [a.span() for a in WHICH_ASIDE.finditer(text)]
    symbols = list(symbols)
    named = text  # names' digits are no numbers: "the biggest fund following the S&P 600"
    for s, e, _ in symbols:
        named = named[:s] + re.sub(r"\d", "n", named[s:e]) + named[e:]
    for s, e, _ in symbols:
        paren = re.match(r"\s*\([A-Z.^]{1,6}\)", named[e:])  # "... Small-Cap ETF (IJR), the ..."
        e += paren.end() if paren else 0
        noun = re.match(  # "the Russell 2000 index of smaller companies, still nursing ..., is"
            r"(?:\s+(?:index|gauge|benchmark|average))?(?:\s+of\s+(?:[a-z-]+\s+){0,2}[a-z-]+)?(?=,)",
            named[e:],
        )
        e += noun.end() if noun else 0
        m = _APPOSITIVE.match(named, e) or _HOME_OF.match(named, e)
        if not _CLAUSE_START.search(text[:s]):
            continue
        if m is None:
            m = _PARTICIPLE.match(named, e)
            if m is not None:
                out.append(m.span())
            continue
        own = re.split(r"\b(?:whose|which|that|who|where|when)\b", m.group("np"), maxsplit=1)[0]
        own = _IT_SET.sub("", own)  # ", a hair under the high it set last week,": no clause
        if not _FINITE.search(own):
            out.append(m.span())
    return out


# capitalized words that open a sentence without being a name
_NOT_A_NAME = r"The|A|An|It|Its|Shares|Stocks|Yields|Treasury|Treasuries|Meanwhile|Still|And|But"
_UNKNOWN_NAME_FIRST = re.compile(
    r"^\W*(?!(?:"
    + _NOT_A_NAME
    + r")\b)"
    + _A_NAME
    + r"\s+(?:(?:shares|stock)\s+)?(?:(?:is|are|was|were|has|have|had)\s+(?:been\s+)?)?"
    + _MOVED  # ("Coinbase Global is up more than 20%")
)
# a sentence led by a name finnews does not know, then a verb: "Home Depot was the heaviest drag"
_LED_BY_A_NAME = re.compile(
    r"^\W*(?!(?:" + _NOT_A_NAME + r"|On|In|For|At|By|After|Before|Since|As|With|While|That|This|"
    r"These|Those|There|Here|What|Which|Who|Some|All|Both|Each|Many|Most|Such|Nothing|"
    r"Everything)\b)"
    + _A_NAME
    + r"\s+(?:was|is|were|are|became|has\s+been|had\s+been|led|paced|topped|dragged|weighed)\b"
)
# a sentence whose subject is a pronoun: "It closed at ...", "They have since ..."
_PRONOUN_OPENS = re.compile(r"\W*(?:it|they)\s+(?:(?:has|have|had|is|was|were|are)\s+)?[a-z]", I)
# "the S&P 500's record", "the Nasdaq's July 10 peak": a name that owns a mark, not a figure
_MARK_OWNER = re.compile(
    r"['\u2019]s\s+(?:[\w.-]+\s+){0,2}?(?:all-time\s+|closing\s+|intraday\s+)?"
    r"(?:record|peak|high|low|top|bottom|trough)s?\b(?!\s+(?:of|at)\s+[$\d])"
)
_PRONOUN_SUBJECT = re.compile(r"\b(?:it|they)\s+(?:(?:has|have|had|is|was|were|are)\s+)?\w+", I)
_NO_SUBJECT_WORDS = re.compile(
    r"\b(?:stocks|equities|shares|the\s+market|wall\s+street|the\s+sector|futures|the\s+group|"
    r"the\s+company|the\s+firm|the\s+bank)\b",
    I,
)

Role = Literal["pct", "pts", "level", "yield_level", "yield_bp", "gap"]
Source = Literal["explicit", "carried", "none"]

# Phrases that name an earlier subject by its type: (pattern, tickers it may refer to,
# the ticker it means when none of those was mentioned yet).
_TYPED: list[tuple[re.Pattern[str], tuple[str, ...], str | None]] = [
    (
        re.compile(
            r"\bblue[-\s]chip\s+(?:index|gauge|average|benchmark|barometer)\b|"
            r"\bthe\s+(?:30-stock|industrial)\s+average\b",
            I,
        ),
        ("^DJI",),
        "^DJI",
    ),
    (re.compile(r"\bthe\s+blue[-\s]chips\b(?!\s+(?:that|which|in|of)\b)", I), ("^DJI",), None),
    (re.compile(r"\bthe\s+composite\b", I), ("^IXIC",), "^IXIC"),
    (
        re.compile(r"\bthe\s+(?:big|large)[-\s]cap\s+(?:index|benchmark|gauge)\b", I),
        ("^GSPC", "SPY"),
        "^GSPC",
    ),
    (
        re.compile(
            r"\btech(?:nology)?[-\s](?:heavy|laden|focused)\s+(?:index|gauge|benchmark|"
            r"composite)\b|\bthe\s+tech\s+(?:gauge|benchmark)\b",
            I,
        ),
        ("^IXIC", "^NDX"),
        "^IXIC",
    ),
    (
        re.compile(
            r"\bsmall[-\s]caps?\b(?:\s+(?:index|gauge|benchmark|stocks|shares|companies))?|"
            r"\bsmaller\s+companies\b",
            I,
        ),
        ("^RUT", "IWM", "^SML", "IJR", "VIOO"),
        "^SML",
    ),
    (
        re.compile(r"\b(?:mid[-\s]caps?|midcap)\b(?:\s+(?:index|gauge|benchmark|stocks))?", I),
        ("^MID", "IJH"),
        None,
    ),
    (
        re.compile(
            r"(?<!regional\s)(?<!European\s)(?<!Asian\s)(?<!global\s)(?<!main\s)"
            r"\b(?:the\s+)?(?:large[-\s]cap\s+)?benchmark(?:\s+(?:index|gauge|S&P))?\b"
            r"(?!\s+(?:\d[\d.,%\s-]*(?:range|rate)|\w+[-\s]year|interest|rate|yield|treasury|note|"
            r"bond|lending|policy|"
            r"federal|fed|borrowing|overnight))|"
            r"\bthe\s+broad(?:er)?[-\s]market\s+(?:index|gauge)\b|\bthe\s+broad(?:er)?\s+market\b|"
            r"\bthe\s+broad(?:er)?\s+(?:index|gauge|benchmark)\b|"
            r"\blarge[-\s]caps?\b",
            I,
        ),
        ("^GSPC", "SPY"),
        "^GSPC",
    ),
    (
        re.compile(r"\bthe\s+(?:index|gauge|average)\b(?!\s+(?:of|for))", I),
        ("^GSPC", "SPY", "^DJI", "^IXIC", "^NDX", "^RUT", "^VIX", "^SML", "^MID"),
        None,
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?:stock|shares|company's\s+shares|its\s+shares)\b(?!\s+of\b)", I
        ),
        ("stock", "etf"),
        None,
    ),
    (re.compile(r"\bthe\s+(?:fund|etf)\b", I), ("etf",), None),
    # "The yield fell 62 basis points in November": the Treasury yield the passage is about
    (re.compile(r"\bthe\s+yield\b(?!\s+(?:on|of|curve|spread|gap)\b)", I), ("yield",), None),
    (
        re.compile(
            r"\bthe\s+(?:(?:world|country|nation|industry|sector)['\u2019]s\s+)?"  # "the country's
            r"(?:(?:biggest|largest|most\s+valuable|top|leading)\s+)?"  # biggest bank"
            r"(?:[A-Z][\w.&'-]*\s+|[a-z]+(?:-[a-z]+)+\s+|(?:chip|iPhone|EV|software|"
            r"search|online|e-commerce|social\s+media|tech|technology|electric-vehicle|"
            r"electric-car|cloud|streaming|retail)\s+)?(?:chip\s*maker|automaker|car\s*maker|maker|designer|giant|"
            r"retailer|bank|lender|company|firm|parent|conglomerate)\b",
            I,
        ),
        ("stock",),
        None,
    ),
]


_FOREIGN_BEFORE = re.compile(
    r"\b(?:pan-European|European|Europe['\u2019]s|Asian|Asia['\u2019]s|Japan(?:ese|['\u2019]s)?|"
    r"China['\u2019]s|Chinese|Hong\s+Kong|German|Germany['\u2019]s|French|France['\u2019]s|British|"
    r"Britain['\u2019]s|London['\u2019]s|U\.K\.|Canadian|Canada['\u2019]s|Indian|Korean|Australian|"
    r"Brazilian|Mexican|emerging[-\s]markets?|global|world|STOXX|Stoxx|FTSE|DAX|CAC|Nikkei|Hang\s+Seng|"
    r"Kospi|TSX|Sensex|Nifty)\b[^,;.]{0,25}$"
)


@dataclass
class Reading:
    """What the statement reader knows about one sentence."""

    text: str
    offset: int
    symbols: list[tuple[int, int, Symbol]]
    windows: list[Window]
    quantities: list[Quantity]
    carried: tuple[str, Symbol] | None
    carried_window: Window | None  # a section header's window, else None
    taken: list[tuple[int, int]] = field(default_factory=list)
    guessed: set[tuple[int, int]] = field(default_factory=set)  # "the stock": from context

    def free(self, s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in self.taken)

    @cached_property
    def asides(self) -> list[tuple[int, int]]:
        return asides(self.text, self.symbols)


@dataclass
class Statement:
    """One quantity read as a claim frame, before windows and kinds are filled in."""

    q: Quantity
    role: Role
    sign: int
    subject: tuple[str, Symbol] | None
    subject_source: Source
    approximate: bool = False
    bound: Literal["above", "below"] | None = None
    field: str = "close"
    field_explicit: bool = False
    other: Symbol | None = None  # the second series of a gap
    one_day: bool = False  # "the year's best day, a 9.5% surge", "a 17% one-day plunge"
    extreme: bool = False  # "rose as much as 6.4%": the session's high (low), not its close
    extreme_field: str | None = None  # "at its best was down 0.2%": the high, whatever the sign
    base: bool = False  # "fell to 4.05% from 4.14%": the level the change started from
    gapped: bool = False  # "... and the Nasdaq roughly 19%": the verb (and period) left out
    negated: bool = False  # "failed to close above 7,000": the bound the words deny


_FED_WORDS = re.compile(
    r"\bFed\b|Federal\s+Reserve|\bFOMC\b|central\s+bank|policymakers|interest\s+rates?", I
)


# what a description names a company by: the companies of ours in that trade
_TRADES = (
    (re.compile(r"(?i)\bchip|semiconductor"), {"NVDA"}),
    (re.compile(r"(?i)\biphone"), {"AAPL"}),
    (re.compile(r"(?i)\b(?:ev|electric-(?:vehicle|car)|auto|car)\s*maker|\bautomaker"), {"TSLA"}),
    (re.compile(r"(?i)\bsoftware"), {"MSFT"}),
    (re.compile(r"(?i)\bsearch"), {"GOOGL"}),
    (re.compile(r"(?i)\bsocial\s+media"), {"META"}),
    (re.compile(r"(?i)\be-commerce|\bonline|\bretail"), {"AMZN"}),
    (re.compile(r"(?i)\bcloud"), {"AMZN", "MSFT", "GOOGL"}),
    (re.compile(r"(?i)\bbank\b|\blender\b"), {"JPM"}),
)


def _of_its_trade(words: str, sym: Symbol) -> bool:
    """ "the chipmaker" can be Nvidia, not Apple; a description with no trade, any company."""
    if sym.kind != "stock":
        return True
    trades = [names for rx, names in _TRADES if rx.search(words)]
    return not trades or any(sym.ticker in names for names in trades)


def typed_mentions(
    text: str,
    symbols: list[tuple[int, int, Symbol]],
    recent: list[Symbol],
    lookup: dict[str, Symbol],
    guessed: set[tuple[int, int]] | None = None,
    focus: Symbol | None = None,
    topic: Symbol | None = None,
) -> list[tuple[int, int, Symbol]]:
    """Mentions of earlier subjects by type ("the blue-chip gauge", "small caps", "shares").
    The spans of those only the context resolves ("the stock", "the index", "the fund":
    no default) go into `guessed`. One that opens the sentence is first the topic, the
    subject of the sentence before ("The S&P 500 ..., against 17.4% for the Nasdaq. The
    index's best day ...": the S&P 500's)."""
    out: list[tuple[int, int, Symbol]] = []
    taken = [(s, e) for s, e, _ in symbols]
    fed = bool(_FED_WORDS.search(text))
    for rx, allowed, default in _TYPED:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if any(0 <= s - m.end() <= 1 for s, _ in taken):
                continue  # "the small-cap Russell 2000": a word on the name, not a mention
            if fed and "^GSPC" in allowed and "benchmark" in m.group(0).lower():
                continue  # "the Fed cut its benchmark by half a point": the policy rate
            if _FOREIGN_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "the pan-European STOXX benchmark", "Japan's Nikkei gauge"
            if re.search(r"(?i)\bamong\s+(?:the\s+)?$", text[max(0, m.start() - 12) : m.start()]):
                continue  # "Broadcom is the standout among large caps": the group it is in
            if _NAME_OWNS.search(text[max(0, m.start() - 40) : m.start()]) and not any(
                e == m.start() - 2 or e == m.start() - 3 for _, e, _ in symbols
            ):
                continue  # "Taiwan Semiconductor's shares": a company finnews does not know
            earlier = [sym for s, e, sym in symbols if e <= m.start()]
            pick = None
            index_only = bool(re.search(r"(?i)benchmark|index|gauge|average", m.group(0)))
            later = [*reversed(recent)]
            if (
                focus is not None
                and set(allowed) <= {"stock", "etf"}
                and _of_its_trade(m.group(0), focus)  # (not "the carmaker" in Nvidia's story)
            ):
                later = [focus, *later]  # "the stock" in a story about one company: that one
            if index_only and topic is not None and not text[: m.start()].strip():
                later = [topic, *later]
            for sym in [*reversed(earlier), *later]:
                if index_only and sym.kind != "index":
                    continue  # "the small-cap benchmark" is the index, not a fund tracking it
                if sym.ticker in allowed or sym.kind in allowed:
                    pick = sym
                    break
            by_default = pick is None
            if pick is None and default:
                pick = lookup.get(default)
            if pick is not None and not _of_its_trade(m.group(0), pick):
                continue  # "the chipmaker's forecast" after Apple: another company
            if pick is not None:
                out.append((m.start(), m.end(), pick))
                taken.append(m.span())
                other = default is not None and pick.ticker != default and pick not in earlier
                if (default is None or by_default or other) and guessed is not None:
                    # "small caps" with no index named before: which? "the tech-heavy index"
                    # taken for the Nasdaq-100 an earlier sentence named: the composite?
                    guessed.add(m.span())
    return sorted(out, key=lambda t: t[0])


def _direction_before(text: str, pos: int) -> int | None:
    before = text[max(0, pos - 70) : pos]
    m = _VERB.search(before)
    m5 = _TOTAL_TO.search(before) or _TOTAL_AT.search(before)
    if m5 and (m is None or m.start() < m5.start()):
        # "Monday's loss shaved Tesla's gain for 2025 to 8.9%": the total is a gain
        return -1 if m5.group("n").lower() in DOWN_NOUNS else 1
    if m:
        word = m.group("w").lower()
        tail = (m.group("tail") or "").lower()
        if word in ("gave", "giving", "given"):
            return -1 if re.match(r"\s*(?:up|back)\b", tail) else None
        if re.search(r"\bdown\b|\blower\b", tail):
            return -1
        if re.search(r"\bup\b|\bhigher\b", tail):
            return 1
        if word in ("gave", "giving", "given", "pared", "paring", "erased", "erasing"):
            return -1
        if word in ("ticked", "edged", "crept", "inched"):
            return None
        return -1 if word in DOWN else 1
    m0 = _DOWN_PHRASE_BEFORE.search(before)
    if m0:
        return -1
    m2 = _NOUN_BEFORE.search(before)
    if m2:
        return -1 if m2.group("n").lower() in DOWN_NOUNS else 1
    m3 = _UPDOWN_BEFORE.search(before)
    if m3:
        return -1 if m3.group("w").lower() in ("down", "lower", "off", "behind") else 1
    m4 = _MOVED_BY.search(before) or _MOVED_IT.search(before)
    if m4:
        word, d = m4.group("w").lower(), (m4.group("d") or "").lower()
        if d:
            return -1 if d in ("down", "lower") else 1
        return -1 if word.startswith(("dragg", "pull", "knock", "weigh", "cut", "trim")) else 1
    return None


def _direction_after(text: str, end: int) -> int | None:
    after = text[end : end + 40]
    m = _NOUN_AFTER.search(after)
    if m and not re.search(r"[,;]", after[: m.start("n")]):
        return -1 if m.group("n").lower() in (*DOWN_NOUNS, "hit") else 1
    m2 = _SIGN_AFTER.search(after)
    if m2:
        return -1 if m2.group("w").lower() in ("lower", "down", "weaker") else 1
    m3 = _FROM_A_CLOSE_AFTER.match(text[end : end + 60])
    if m3:
        return 1 if (m3.group("w") or m3.group("w2")).lower() == "above" else -1
    m4 = _SIGN_AFTER_OR.match(text[end : end + 60])
    if m4 is None and _OR_PART_BEFORE.search(text[max(0, end - 40) : end]):
        m4 = re.match(r"\s*,\s*(?P<w>higher|lower|up|down)\b", after, I)
    if m4:
        return -1 if m4.group("w").lower() in ("lower", "down") else 1
    return None


def direction(text: str, q: Quantity) -> int | None:
    """+1 / -1 from the words around a number (a verb, a change noun, a sign), or None."""
    return direction_at(text, q.start, q.end, q.signed)


def direction_at(text: str, start: int, end: int, signed: int = 0) -> int | None:
    d = _direction_before(text, start)
    if d is None:
        d = _direction_after(text, end)
    if signed and d in (None, 1):
        return signed
    return d


# the figure's clause, after another, has a pronoun for its subject: "..., but it still ended"
_PRONOUN_AGAIN = re.compile(
    r"(?:,\s+(?:and|but|while|yet)|;)\s+(?:(?:still|then|later)\s+)?(?:it|they)\s+[^,;]*$", I
)
# a name inside a clause that sets the scene of the move: "after an Apple executive testified"
_IN_AN_ADJUNCT = re.compile(
    r"\b(?:after|as|when|following|amid|despite|before|because|once|until)\b[^,;]*$", I
)
# the set a mover is ranked in: "the top gainer in the S&P 500", "the standout among S&P
# 500 stocks" (the index is the field, not the one that moved)
_RANKED_IN = re.compile(
    r"(?:\b(?:performers?|gainers?|losers?|decliners?|advancers?|stocks?|names?|members?|"
    r"components?|constituents?|laggards?|leaders?|winners?|standouts?)\s+(?:in|of|across)|"
    r"\bamong)\s+(?:the\s+)?$",
    I,
)


# the index a stock weighs on: "Tesla was the heaviest weight on the Nasdaq, down 8.3%", "a
# drag on the S&P 500, falling 8.3%" (but ", which fell 3.2%" after it is the index's)
_WEIGHS_ON = re.compile(
    r"\b(?:weights?|weightings?|holdings?|drags?|anchors?|contributors?)\s+(?:in|on|of|to)\s+"
    r"(?:the\s+)?$",
    I,
)


# "Apple was the heaviest weight on the Nasdaq, sliding 3.2%": what the subject was to the
# index, not a weight that moved
_WEIGHT_PREDICATE = re.compile(
    r"\b(?:is|was|were|are)\s+(?:among\s+)?(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:weights?|"
    r"drags?|anchors?|contributors?)\s+(?:in|on|to|of)\s+[^,;\d]{2,40},",
    I,
)


def _weighed_on(r: Reading, m: tuple[int, int, Symbol], pos: int) -> bool:
    return bool(_WEIGHS_ON.search(r.text[max(0, m[0] - 40) : m[0]])) and not re.search(
        r"\b(?:which|that|whose|where|it|its)\b", r.text[m[1] : pos], I
    )


# a name finnews does not know, coordinated with the subject it knows: which one's figure?
_AND_AN_UNKNOWN = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][\w.&'\u2019-]*\s*){1,3},")


def _nearest_subject(r: Reading, pos: int) -> tuple[tuple[str, Symbol] | None, Source, int]:
    """The subject a quantity at pos talks about, how it was found, and where it ends."""
    aside = [(a, b) for a, b in r.asides if b <= pos]
    before = [
        m
        for m in r.symbols
        if m[1] <= pos
        and not _OWNS_OTHER.match(r.text[m[1] :])
        and not _RANKED_IN.search(r.text[max(0, m[0] - 40) : m[0]])
        and not _weighed_on(r, m, pos)
        and not any(a <= m[0] and m[1] <= b for a, b in aside)
    ]
    before = not_compared(r.text, before, pos)
    if (
        len(before) > 1
        and re.match(r"['\u2019]s\s", r.text[before[-1][1] :])
        and re.search(r"\b(?:its|their)\s+own\b", r.text[before[-1][1] : pos], I)
    ):  # "the Nasdaq has climbed 77.6% since the S&P 500's bottom and 81% from its own low
        before = before[:-1]  # of 10,213.29": the Nasdaq's own, not the S&P 500's
    if before and _LED_BY_A_NAME.match(r.text) and before[0][0] > 0:
        lead = re.split(r",\s*", r.text[:pos])[-1]  # "Home Depot was the heaviest drag on the
        if re.match(r"\s*(?:\w+ly\s+)?\w+ing\b", lead):  # Dow, tumbling 8.8%": Home Depot's
            return None, "none", 0
    if (
        before
        and r.carried is not None
        and _PRONOUN_OPENS.match(r.text)
        and all(_MARK_OWNER.match(r.text, e) for _, e, _ in before)
        and not re.search(r"[;:]|,\s+(?:and|but|while)\s", r.text[:pos])
    ):  # "It was in the low teens on the day of the S&P 500's record and ended Monday at
        return r.carried, "carried", 0  # 38.57": the pronoun's, the index only dates a mark
    if (
        before
        and r.carried is not None
        and _PRONOUN_OPENS.match(r.text)
        and _PRONOUN_AGAIN.search(r.text[:pos])
        and all(_IN_AN_ADJUNCT.search(r.text[:s]) for s, _, _ in before)
    ):  # "It tumbled 7.3% on May 7 after an Apple executive testified ..., but it still ended
        return r.carried, "carried", 0  # the month up 8.1%": the first "it", not Apple
    clause_at = max((m.end() for m in _CLAUSE_JOINS.finditer(r.text, 0, pos)), default=0)
    if (
        before
        and r.carried is not None
        and before[-1][1] <= clause_at
        and re.match(r"\s*(?:it|they)\b", r.text[clause_at:], I)
        and _PRONOUN_SUBJECT_FIRST.search(r.text[: before[0][0]])
        and all(sym is not r.carried[1] for _, _, sym in before)
    ):  # "For the week it gained 5.7%, against a 2.2% loss for the Nasdaq-100, and it is now
        return r.carried, "carried", 0  # up 29%": both pronouns are the sentence's subject
    last_end = before[-1][1] if before else 0
    if (
        _OTHER_NAMED.search(r.text[last_end:pos])
        or re.search(r"\bfutures\b", r.text[last_end:pos], I)  # "and S&P 500 futures flipped to"
        or _NAMED_CLAUSE.search(r.text[last_end:pos])
        or _NAMED_WHICH.search(r.text[last_end:pos])
        or _LISTED_NAME.search(r.text[last_end:pos])
        or _AND_AN_UNKNOWN.match(r.text[last_end:pos])  # "with Apple and Amgen, up nearly 12%"
    ):
        return None, "none", 0  # "after server maker Super Micro Computer ... fell about 23%"
    if before:
        s, e, sym = before[-1]
        return (r.text[s:e], sym), "carried" if (s, e) in r.guessed else "explicit", e
    head = r.text[:pos]
    clause = r.text[clause_at:pos]
    if _UNKNOWN_NAME_FIRST.match(clause) and (
        not VERB_FIRST.match(clause) or _TWO_CAPITALS.match(clause)
    ):  # ("Advanced Micro Devices climbed": a name, though "Advanced" is a verb too)
        return None, "none", 0  # "Oracle soared 36% ... , Tesla gained": Oracle's, not Tesla's
    if r.carried and _PRONOUN_SUBJECT.search(head):
        return r.carried, "carried", 0  # "Over the six months it has advanced 610.88 points"
    if r.carried and _ANAPHOR.search(head) and not _NO_SUBJECT_WORDS.search(head[:12]):
        return r.carried, "carried", 0
    if _PRONOUN_SUBJECT.search(clause):
        return None, "none", 0  # "it finished the week down 4.5%, double the S&P 500's 2%"
    after = [  # not what the figure is compared with: "a gain of 11.1%, which outpaced the S&P"
        m
        for m in r.symbols
        if m[0] >= pos and not _COMPARED_WITH.search(r.text[max(0, m[0] - 25) : m[0]])
    ]
    if (
        after
        and r.carried
        and after[0][2] is not r.carried[1]
        and _APPOSITIVE_AFTER.search(r.text, pos, after[0][0])
        and not re.match(r"['\u2019]s\s", r.text[after[0][1] :])  # (", which remains the
    ):  # benchmark's biggest one-day gain": the benchmark's own)
        return r.carried, "carried", 0  # "a 1.6% slide on Jan. 31, a wobble the VIX shrugged off"
    own_verb = bool(_VERB.search(r.text[max(0, pos - 40) : pos]))  # "... gained only about 4%"
    if after and not re.search(
        r"[;:]|,\s+(?:and|but|while)\b|\brespectively\b" if own_verb else r"[;:]|\brespectively\b",
        r.text[pos : after[0][0]],
    ):  # (not "..., gained only about 4%, and by some estimates Nvidia ...": Nvidia's?; nor
        # "the two gained 5.9% and 4.1%, respectively, which left the Nasdaq-100 ahead")
        s, e, sym = after[0]
        return (r.text[s:e], sym), "explicit", -1
    if r.carried and (
        _ANAPHOR.search(head)
        or re.search(r"\b(?:it|its)\b", head, I)
        or (VERB_FIRST.match(r.text) and not _TWO_CAPITALS.match(r.text))
    ):  # (not "Advanced Micro Devices flagged a hit and is off 7%": a name, not a verb)
        return r.carried, "carried", 0
    return None, "none", 0


_TWO_CAPITALS = re.compile(r"\W*[A-Z]\w*\s+[A-Z]")
_CLAUSE_JOINS = re.compile(r"[;:]|,\s+(?:and|while|but)\s+")
# "It ...", "For the week it gained": a pronoun for the sentence's subject (not "Behind it")
_PRONOUN_SUBJECT_FIRST = re.compile(
    r"(?:^\W*|,\s*|\b(?:week|month|year|quarter|session|day|monday|tuesday|wednesday|thursday|"
    r"friday)\s+)(?:it|they)\s+(?!\W)",
    I,
)
# a noun phrase or relative clause set off after a figure: a subject named in it is not the
# figure's ("a 1.6% slide on Jan. 31, a wobble the VIX shrugged off")
_APPOSITIVE_AFTER = re.compile(r"(?i),\s+(?:a|an|one|which|that|when)\s")
# what a subject is measured against: the object of a comparison, not a subject
_COMPARED_WITH = re.compile(
    r"\b(?:trail(?:s|ed|ing)?|lag(?:s|ged|ging)?|behind|ahead\s+of|outpac(?:es|ed|ing)|"
    r"beat(?:s|ing)?|outperform(?:s|ed|ing)?|underperform(?:s|ed|ing)?|than|versus|vs\.?|"
    r"against|compared\s+(?:with|to)|twice|double|triple|"  # "four times the Nasdaq-100's"
    r"(?:two|three|four|five|ten|\d+)\s+times)\s+(?:the\s+)?$",
    I,
)
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|yet)\s+|;")
_TOPPED = re.compile(
    r"(?i)\b(?:topped|led|paced|headed|outpaced|outperformed|outran|outdid|bested|beat)\s+(?:the\s+)?$"
)


def not_compared(
    text: str, before: list[tuple[int, int, Symbol]], pos: int
) -> list[tuple[int, int, Symbol]]:
    """The mentions before pos less the last ones that are only what an earlier subject
    was measured against, in a clause before the one at pos ("..., trailing the S&P 500 by
    15 points, and remain 17% below the October peak": not the S&P's)."""
    out = list(before)
    pronoun = bool(re.match(r"\W*(?:it|they)\b", text, I))  # "It is up 21.5%, ahead of the S&P"
    while (
        (len(out) > 1 or (out and pronoun))
        and _COMPARED_WITH.search(text[max(0, out[-1][0] - 25) : out[-1][0]])
        and _NEXT_CLAUSE.search(text[out[-1][1] : pos])
    ):
        out.pop()
    beaten = text[max(0, out[-1][0] - 25) : out[-1][0]] if out else ""
    if (  # "Nvidia topped the S&P 500, soaring 189.5%": the participle is Nvidia's; in
        out  # "Gold had a better quarter than the Nasdaq, rising 17%", not the Nasdaq's
        and (_TOPPED.search(beaten) or _COMPARED_WITH.search(beaten))
        and re.match(  # (", soaring", " in the quarter, rising")
            r"(?:\s+(?:in|for|over|during|on|this|last)\s+[^,;]{0,25})?,\s+(?:\w+ly\s+)?\w+ing\b",
            text[out[-1][1] :],
        )
        and not re.search(r"[;]|,\s+(?:and|but|while)\b", text[out[-1][1] : pos])
    ):
        out.pop()
    return out


# a company described and named, which finnews has no data for: "server maker Super Micro"
_OTHER_NAMED = re.compile(
    r"\b(?i:maker|company|firm|retailer|lender|rival|peer|supplier|designer|operator|provider|"
    r"developer|manufacturer)\s+(?:[A-Z][\w&.'-]*\s+){1,3}"
)
_IN_SUBJECT = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:" + "|".join(UP_NOUNS + DOWN_NOUNS) + r")s?\s+(?:in|for|by|at)\s+"
    r"(?:the\s+)?$",
    I,
)


# "against 17.1% for the S&P 500", "compared with a loss of 3.5% for the Nasdaq", and the
# next in a list: "compared with gains of 1.7% for the S&P 500 and 2.8% for the Nasdaq"
COMPARED_BEFORE = re.compile(
    r"\b(?:against|versus|vs\.?|compared\s+(?:with|to))\s+(?:a\s+|an\s+)?(?:(?:[\w-]+\s+)?(?:"
    + "|".join(UP_NOUNS + DOWN_NOUNS)
    + r")s?\s+of\s+)?(?:(?:about\s+|roughly\s+|nearly\s+|just\s+)?[~+]?\d[\d.]*%\s+(?:for|in)\s+"
    r"(?:the\s+)?[^,;%]{1,30}?(?:,\s+|,?\s+and\s+))?(?:about\s+|roughly\s+|nearly\s+|just\s+)?$",
    I,
)


# "a close of 3.65% on the 10-year": a level whose subject follows it
_LEVEL_OF = re.compile(r"\b(?:an?)\s+(?:close|finish|level|reading)\s+of\s+(?:about\s+)?[$]?$", I)


def _subject_after(r: Reading, q: Quantity) -> tuple[str, Symbol] | None:
    """The subject named right after a noun-first move: 'a 12.2% leap in the Nasdaq', or
    after a compared figure: 'against 17.1% for the S&P 500'."""
    compared = bool(COMPARED_BEFORE.search(r.text[max(0, q.start - 90) : q.start]))
    level_of = bool(_LEVEL_OF.search(r.text[max(0, q.start - 30) : q.start]))
    for s, e, sym in r.symbols:
        between = r.text[q.end : s]
        if (
            s >= q.end
            and s - q.end <= 40
            and (
                _IN_SUBJECT.match(between)
                or (compared and re.fullmatch(r"\s+(?:for|in)\s+(?:the\s+)?", between, I))
                or (level_of and re.fullmatch(r"\s+(?:on|for|in)\s+(?:the\s+)?", between, I))
            )
        ):
            return r.text[s:e], sym
    return None


# "The Russell 2000 index of small companies sank 5.4%": what the index holds describes it
_MADE_OF = re.compile(
    r"^\s*(?:index\s+|gauge\s+|benchmark\s+)?of\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}?"
    r"(?:companies|stocks|firms|names|blue[\s-]chips)\b",
    I,
)


# a later clause whose subject is the pronoun: what came before it is another clause's
_IT_OPENS = re.compile(r"(?:,\s+(?:and|but|while|yet)\s+|;\s*)(?=(?:it|they)\s)", I)


def _owned_by_other_noun(r: Reading, subject_end: int, q: Quantity) -> bool:
    """True when a non-market noun sits between the subject and the number (or owns it)."""
    lo = subject_end if subject_end > 0 else max(0, q.start - 60)
    between = WHICH_ASIDE.sub(",", r.text[lo : q.start])
    for a, b in r.asides:
        if a == subject_end and b <= q.start:  # "The two-year yield, the maturity most ...,"
            between = r.text[b : q.start]
    between = _MEMBERS_ASIDE.sub(",", _DAY_ASIDE.sub(",", between))
    between = _EVENT_ADJUNCT.sub(" ", _WITH_ASIDE.sub(",", between))
    between = _MADE_OF.sub("", between) if subject_end > 0 else between
    between = _WEIGHT_PREDICATE.sub(",", between)
    between = _IT_OPENS.split(between)[-1]  # "..., at the depth of the tariff sell-off, but it"
    if _NON_MARKET.search(between) or _OTHER_CLAUSE_SUBJECT.search(between):
        return True
    if _YEAR_ON_YEAR.search(r.text[q.end : q.end + 45]):
        return True
    if re.match(r"^\s*of\s+(?:the|its|their)\s+(?:index|benchmark|gauge|market|fund|portfolio|"
                r"S&P|Russell|Nasdaq|Dow)", r.text[q.end : q.end + 30], I):  # fmt: skip
        return True
    after = r.text[q.end : q.end + 30]
    if re.match(
        r"^\s*(?:a|an|per)\s+(?:barrel|ounce|troy\s+ounce|bushel|ton|tonne|gallon|mmbtu)\b",
        after,
        I,
    ):
        return True  # "settling near $110 a barrel": a commodity, not a stock or an index
    return bool(re.match(r"^\s*(?:of|in)\s+(?:its\s+|their\s+|the\s+)?(?:revenue|sales|"
                         r"portfolio|assets|respondents|the\s+vote|workforce)", after, I))  # fmt: skip


def _respectively(r: Reading) -> dict[int, tuple[str, Symbol]]:
    """Quantity start -> subject for "A and B rose x% and y%, respectively"."""
    stop = re.search(r"\brespectively\b", r.text, I)
    if stop is None:  # "the S&P 500 and the Dow fell 4.2% and 5%": two and two, in order
        two = [
            (a, b)
            for a, b in zip(r.quantities, r.quantities[1:], strict=False)
            if a.unit == b.unit and re.fullmatch(r",?\s+and\s+", r.text[a.end : b.start], I)
        ]
        return _coordinated(r, list(two[0])) if len(two) == 1 and len(r.quantities) == 2 else {}
    qs = [
        q
        for q in r.quantities
        if q.unit in ("%", "pts", "num", "$", "bp") and q.end <= stop.start()
    ]
    if not qs:
        return {}
    # the figures from the first, or from the first after the last name before them ("JPMorgan
    # gained 11.5% ..., and Amazon and Alphabet rose 8.3% and 7.8%, respectively")
    firsts = [0]
    named = [m for m in r.symbols if m[1] <= qs[-1].start]
    if named:
        firsts += [i for i, q in enumerate(qs) if q.start >= named[-1][1]][:1]
    for first in firsts:
        out = _coordinated(r, qs[first:])
        if out:
            return out
    return _they_respectively(r, stop.start())


def _coordinated(r: Reading, qs: list[Quantity]) -> dict[int, tuple[str, Symbol]]:
    """The figures `qs` paired in order with the run of subjects named right before them."""
    subs = [m for m in r.symbols if m[1] <= qs[0].start]
    # the coordinated run: the last subjects before the first quantity joined by , / and
    run: list[tuple[int, int, Symbol]] = []
    for m in reversed(subs):
        if run and not re.fullmatch(
            r"[\s,]*(?:and|&|as\s+well\s+as)?[\s,]*(?:the\s+)?", r.text[m[1] : run[0][0]], I
        ):
            break
        run.insert(0, m)
    out: dict[int, tuple[str, Symbol]] = {}
    for unit in ("%", "pts", "num", "$", "bp"):
        same = [q for q in qs if q.unit == unit]
        if len(run) >= 2 and len(same) == len(run):
            for q, (s, e, sym) in zip(same, run, strict=True):
                out[q.start] = (r.text[s:e], sym)
    return out


def _they_respectively(r: Reading, limit: int) -> dict[int, tuple[str, Symbol]]:
    """ "the 10-year yielded 3.79% and the 2-year 4.56%; since then they have risen 27 and 38
    basis points, respectively": a clause of its own whose "they" are the series named before
    it, in their order."""
    cut = r.text.rfind(";", 0, limit)
    if cut < 0 or not re.search(r"\b(?:they|both)\b", r.text[cut:limit], I):
        return {}
    qs = [q for q in r.quantities if cut < q.start and q.end <= limit]
    if any(m[0] > cut and m[0] < limit for m in r.symbols) or not qs:
        return {}
    named: list[tuple[int, int, Symbol]] = []
    for m in r.symbols:
        if m[1] <= cut and all(m[2].ticker != n[2].ticker for n in named):
            named.append(m)
    same = [q for q in qs if q.unit == qs[0].unit]
    if len(named) < 2 or len(same) != len(named) or len(same) != len(qs):
        return {}
    return {q.start: (r.text[s:e], sym) for q, (s, e, sym) in zip(same, named, strict=True)}


_RANGE_ENDS = re.compile(
    r"\b(?:swinging|swung|swings|trading|traded|trades|ranging|ranged|moving|moved|fluctuat\w+|"
    r"oscillat\w+|whipsaw\w*)\s+between\s+[$]?(?P<a>[\d,]+(?:\.\d+)?)%?\s+and\s+[$]?"
    r"(?P<b>[\d,]+(?:\.\d+)?)",
    I,
)
_CLOSING_AFTER = re.compile(
    r"[$]?(?P<here>[\d,]+(?:\.\d+)?)%?[^.;]{0,40}?\b(?:before|then|and|but)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:clos|end|finish|settl)\w*\s+(?:the\s+(?:day|session)\s+)?at\s+[$]?"
    r"(?P<then>[\d,]+(?:\.\d+)?)",
    I,
)
# "dropped 5.6% to $127.40, after touching $136.15": the close came first
_CLOSE_BEFORE = re.compile(
    r"\b(?:to|at)\s+[$]?(?P<then>[\d,]+(?:\.\d+)?)%?\s*,?\s+(?:after|having)\s+(?:touching|hitting|"
    r"reaching|trading\s+as\s+(?:high|low)\s+as)\s+[$]?$",
    I,
)


# a time, not the field: "up 1.3% shortly after the open, was down 1.2% at 29,680.51"
_AFTER_THE_OPEN = re.compile(r"(?:after|before|since)\s+the\s+open\b")


def _field_words(text: str, pos: int) -> tuple[str, bool]:
    """The price field a level names, and whether it is named explicitly."""
    head = text[max(0, pos - 60) : pos].lower()
    if re.match(r"(?i)[$]?[\d,.]+%?\s+(?:at\s+the\s+close|on\s+a\s+closing\s+basis)\b", text[pos:]):
        return "close", True  # "as low as 14.77 at the close on Feb. 14": a close, however low
    if re.search(r"\b(?:clos(?:e|ed|ing)|finish|settle(?:d|ment)?)\s+(?:of|at)\s+(?:about\s+)?[$]?$",
                 head[-30:]):  # fmt: skip
        return "close", True  # "the session low, well above Monday's close of 3,678.43"
    if re.search(r"\b(?:intraday|session|all-time\s+intraday)\s+high\b|\bhigh\s+of\s+the\s+"
                 r"(?:day|session)\b|\btraded\s+as\s+high\s+as|\brose\s+as\s+(?:much|high)\s+as", head):  # fmt: skip
        return "high", True
    if re.search(r"\b(?:peak(?:ed|ing)?\s+at|top(?:ped|ping)\s+out\s+at|a\s+peak\s+of)\s+"
                 r"(?:about\s+|nearly\s+)?[$]?$", head):  # fmt: skip
        return "high", True
    span = _RANGE_ENDS.search(text[max(0, pos - 90) : pos + 40])
    if span:  # "after swinging between 18.83 and 23.76 during the session"
        lo, hi = to_float(span.group("a")), to_float(span.group("b"))
        at = re.match(r"[$]?([\d,]+(?:\.\d+)?)", text[pos:])
        if at and lo != hi and to_float(at.group(1)) in (lo, hi):
            value = to_float(at.group(1))
            return ("high" if value == max(lo, hi) else "low"), True
    if re.search(r"\b(?:touched|touching|hit|hitting)\s+(?:about\s+|nearly\s+)?[$]?$", head):
        close = _CLOSING_AFTER.match(text[pos:]) or _CLOSE_BEFORE.search(
            text[max(0, pos - 80) : pos]
        )
        num = re.match(r"[$]?([\d,]+(?:\.\d+)?)", text[pos:])
        if close and num:  # "touched 28.97 on Friday before closing at 24.80"
            here, then = to_float(num.group(1)), to_float(close.group("then"))
            if here != then:
                return ("high" if here > then else "low"), True
    if re.search(r"\b(?:intraday|session)\s+low\b|\blow\s+of\s+the\s+(?:day|session)\b|"
                 r"\bas\s+low\s+as\b|\bfell\s+as\s+(?:much|low)\s+as", head):  # fmt: skip
        return "low", True
    if re.search(r"(?<!after\sthe\s)(?<!before\sthe\s)(?<!since\sthe\s)\bopen(?:ed|ing)?\b|"
                 r"\b(?:began|started)\s+(?:the\s+)?(?:session|day|trading)\s+at\s+"
                 r"[$]?$", "" if _AFTER_THE_OPEN.search(head) else head[-30:]):  # fmt: skip
        return "open", True  # "began the session at 5,726.01"
    if re.search(r"\b(?:clos(?:e|ed|ing)|ended|end|finish(?:ed)?|settled|settle)\b", head[-45:]):
        return "close", True
    if re.search(r"\bhigh\b", head[-25:]):
        return "high", False
    if re.search(r"\blow\b", head[-25:]):
        return "low", False
    return "close", False


_ON_N_SESSIONS = re.compile(
    r"\s+(?:or\s+more\s+)?on\s+(?:\d+|[a-z]+)\s+(?:(?:[\w-]+\s+){0,2})?(?:sessions|days|"
    r"occasions)\b",
    I,
)
_POINTS_APART = re.compile(r"\s+(?:better|worse|ahead|behind|short|in\s+front)\b", I)


def read_statements(r: Reading) -> list[Statement]:  # noqa: C901
    """Every quantity of the sentence that reads as a market statement."""
    pairs = _respectively(r)
    out: list[Statement] = []
    last_dir: int | None = None
    last_pts: Statement | None = None
    for q in r.quantities:
        if not r.free(*q.span) or q.unit in ("ord", "range") or q.scale:
            continue
        if q.unit == "num" and re.match(
            r"(?i)\s*(?:x|times)\s+(?:[\w-]+\s+){0,2}?(?:earnings|profits|sales|book)\b",
            r.text[q.end :],
        ):
            continue  # "trading near 22.5 times expected earnings": a valuation, not a level
        if q.unit == "num" and q.decimals == 0 and _AMOUNT_AFTER.match(r.text[q.end : q.end + 50]):
            continue
        if q.unit == "num" and re.match(r"-[a-z]", r.text[q.end : q.end + 2]):
            continue  # "a 90-day pause", "its 200-day average": a compound word, not a level
        if (
            q.unit == "%"
            and _ON_N_SESSIONS.match(r.text, q.end)
            and re.search(r"\b(?:at\s+least|more\s+than|or\s+more)\s+$", r.text[: q.start], I)
        ):
            continue  # "closed up or down at least 1% on 55 sessions this year": a threshold
        if (
            q.unit == "pts"
            and _POINTS_APART.match(r.text, q.end)
            and any(o.unit == "%" and o.end <= q.start for o in r.quantities)
        ):
            continue  # "up 28.6%, roughly 5 points better than the Nasdaq-100's": a gap
        source: Source
        subject: tuple[str, Symbol] | None
        if q.start in pairs:
            subject, source = pairs[q.start], "explicit"
            sub_end = max((e for _, e, _ in r.symbols if e <= q.start), default=0)
        else:
            subject, source, sub_end = _nearest_subject(r, q.start)
        later = _subject_after(r, q)
        if later is not None:
            subject, source, sub_end = later, "explicit", 0  # "a 12.2% leap in the Nasdaq"
        if _owned_by_other_noun(r, sub_end, q):
            continue
        text = r.text
        head = text[max(0, q.start - 40) : q.start]
        hedged = bool(_HEDGE.search(head))
        bound_m = _BOUND_BEFORE.search(head)
        bound: Literal["above", "below"] | None = None
        negated = False
        named_mark = bool(
            bound_m
            and re.search(r"(?i)\bthe\s+[$]?\s*$", bound_m.group(0))
            and _A_CLOSE_AFTER.match(text, q.end)
        )  # "about $39 below the $467.56 close the stock reached on July 8": that close itself
        if bound_m and not named_mark:
            word = bound_m.group("b").lower()
            bound = "above" if word.startswith(_ABOVE) else "below"
            clause = re.split(r"[,;:]", text[max(0, q.start - 60) : q.start])[-1]
            negated = bool(_NEGATION.search(clause))  # "failed to close above 7,000"
        sym = subject[1] if subject else None
        kind = sym.kind if sym else None
        st: Statement | None = None
        if q.unit == "%":
            if kind == "rate":
                continue
            if kind == "yield":
                elided = (
                    sub_end > 0
                    and not text[sub_end : q.start].strip()
                    and any(o.role == "yield_level" and o.subject != subject for o in out)
                )  # "the 2-year yielded 3.03%, the 10-year 3.01% and the 30-year 3.12%"
                listed = bool(
                    q.start in pairs
                    and out
                    and out[-1].role == "yield_level"
                    and re.fullmatch(
                        r"\s*(?:,\s*(?:and\s+)?|and\s+)", text[out[-1].q.end : q.start]
                    )
                )  # "the 10-year and two-year notes ended at 4.39% and 4.73%, respectively"
                if (
                    _LEVEL_BEFORE.search(head)
                    or bound
                    or _FROM_BEFORE.search(head)
                    or elided
                    or listed
                ):
                    st = Statement(q, "yield_level", 1, subject, source, hedged, bound)
                    fld, explicit = _field_words(text, q.start)
                    if explicit and fld in ("high", "low"):  # "peaked at 4.996% on Thursday"
                        st.field, st.field_explicit = fld, True
                    elif bound and _BRIEFLY.search(text[max(0, q.start - 60) : q.end + 40]):
                        st.field = "high" if bound == "above" else "low"  # "below 4% for a moment"
                        st.field_explicit = True
                    elif _TOUCHED.search(text[max(0, q.start - 45) : q.start]):
                        # "by mid-morning it had touched 4.89%": the session's high (or low)
                        down = _DOWN_TOUCH.search(text[max(0, q.start - 80) : q.start])
                        st.field = "low" if down else "high"  # a guess: the close may be meant
                    st.base = bool(_FROM_BEFORE.search(head))
                else:
                    continue
            else:
                d = direction(text, q)
                if d is None and _OR.search(text[max(0, q.start - 24) : q.start]) and last_pts:
                    d = last_pts.sign
                if d is None and re.search(r"\breturns?\b[^%.;]{0,30}$", head, I):
                    d = q.signed or 1  # "a total return of 11.4%", "its return for 2024 was"
                if (
                    d is None
                    and _EKED.search(head)
                    and not _NOUN_AFTER.search(text[q.end : q.end + 25])
                ):
                    d = q.signed or 1  # "while the mid-cap fund has managed 5.6%"
                gapped = False
                if d is None and last_dir is not None and (pairs.get(q.start) or _glued(r, q, out)):
                    d, gapped = last_dir, not pairs.get(q.start)
                if d is None and last_dir is not None:
                    after = [m for m in r.symbols if m[0] >= q.end and m[0] - q.end < 25]
                    compared = bool(
                        _COMPARED.search(text[max(0, q.start - 70) : q.start])
                        or (_BEHIND_THE.search(head) and after)
                    )
                    if compared or re.search(r"['\u2019]s\s*$", head):
                        d = last_dir  # "compared with 8.5% for the S&P 500", "the S&P 500's 0.6%"
                        if compared and after:
                            subject = (text[after[0][0] : after[0][1]], after[0][2])
                if d is None:
                    continue
                if _GAP.search(text[max(0, q.start - 60) : q.start]) and " point" in q.raw:
                    continue
                if re.search(r"volatil", text[: q.start], I) and (
                    _COMPARED.search(head) or re.search(r"\bfrom\s+[~$]?$", head, I)
                ):
                    continue  # "volatility of 8.7%, against 30.1% in ...": not a price change
                st = Statement(q, "pct", d, subject, source, hedged and not bound, bound)
                st.extreme_field = _at_its_peak(text, q) or _above_from_a_touch(text, q)
                st.extreme = st.extreme_field in ("high", "low") or _told_at_an_extreme(head)
                st.gapped = gapped
                before = text[max(0, q.start - 80) : q.start]
                before = re.split(r"[;]|\band\b", before)[-1]
                tail = re.split(r"[\d;]", text[q.end : q.end + 25])[0]  # not the next clause's
                whole = (
                    tail + re.split(r"[\d;,.]", text[q.end + len(tail) : q.end + len(tail) + 20])[0]
                )
                st.one_day = (
                    bool(
                        (_ONE_DAY.search(tail) and _ONE_DAY.search(whole))  # (to the word's end:
                        # "with one trading day left" is no one-day move)
                        or _ONE_DAY.search(before)
                        or _ITS_DAY_AFTER.match(text, q.end)  # "..., its worst day of the year"
                    )
                    and not (
                        re.search(
                            r"\b(?:week|month|quarter|year)(?:ly)?\s+(?:gain|loss|drop|decline|"
                            r"advance)",
                            before,
                            I,
                        )  # fmt: skip
                        or re.match(
                            r"\s+(?:weekly|monthly|quarterly|annual|yearly)\s+(?:gain|loss|"
                            r"drop|decline|advance|rise|climb|rally|slide)",
                            text[q.end :],
                            I,
                        )
                    )
                )  # ("That one day accounts for almost all of Meta's 20.5% weekly advance")
                last_dir = d
        elif q.unit == "pts" and (gap := _gap_of(r, q, out, subject, source, hedged, bound)):
            st = gap  # "trailed SPY's by 2.7 points" after percent changes: percentage points
        elif (
            q.unit == "pts"
            and _LEVEL_IN_POINTS.search(head)
            and not _TOTAL_TO.search(head)  # "brought its weekly loss to 1,217.67 points"
            and abs(q.value) >= 1000
        ):
            st = Statement(
                q, "level", 1, subject, source, hedged, None
            )  # "to end at 6,297.36 points"
        elif q.unit == "pts":
            d = direction(text, q)
            if (
                d is None
                and last_dir is not None
                and (_glued(r, q, out) or _OR.search(text[max(0, q.start - 24) : q.start]))
            ):
                d = last_dir  # "down just 0.8%, or 42.79 points"
            if d is None:
                continue
            st = Statement(q, "pts", d, subject, source, hedged and not bound, bound)
            st.extreme_field = _at_its_peak(text, q)
            st.extreme = bool(st.extreme_field) or _told_at_an_extreme(head)
            st.one_day = bool(_ONE_DAY.search(re.split(r"[.;]", text[q.end : q.end + 60])[0]))
            last_pts, last_dir = st, d
        elif q.unit in ("bp", "pp"):
            if kind == "yield":
                d = direction(text, q)
                gapped = d is None and _gapped_bp(r, q, out)
                if gapped:
                    d = out[-1].sign  # "the 2-year fell 17 basis points and the 30-year 30"
                if d is None:
                    continue
                st = Statement(q, "yield_bp", d, subject, source, hedged and not bound, bound)
                st.gapped = gapped
                # ("... 10 basis points and the 30-year 12, the largest one-day rises since")
                st.one_day = bool(_ONE_DAY.search(re.split(r"[.;]", text[q.end : q.end + 90])[0]))
            elif q.unit == "pp" and (gap := _gap_of(r, q, out, subject, source, hedged, bound)):
                st = gap  # "about 1.5 percentage points better than the tech-heavy index"
            elif q.unit == "pp" and _GAP.search(text[max(0, q.start - 90) : q.start]):
                verbs = list(_GAP.finditer(text[: q.start]))
                v = verbs[-1]
                mine = [m for m in r.symbols if m[1] <= v.start()]
                other = _after_the_last_figure(r, v.end() - 1, q)
                if mine and re.search(
                    r"\b(?:it|they|its|their)\b", text[mine[-1][1] : v.start()], I
                ):
                    continue  # "..., and it lagged SPY by 11.4 points": who "it" is, is a guess
                if mine and other and mine[-1][2].ticker != other[0][2].ticker:
                    sign = -1 if re.match(r"trail|lag|behind|underperform", v.group(0), I) else 1
                    st = Statement(q, "gap", sign, (text[mine[-1][0] : mine[-1][1]], mine[-1][2]),
                                   "explicit", hedged, bound, other=other[0][2])  # fmt: skip
            else:
                continue
        elif q.unit in ("num", "$"):
            if kind in (None, "rate", "other") and sym is None:
                continue
            if (
                q.unit == "num"
                and last_pts is not None
                and out
                and out[-1] is last_pts
                and re.match(r"\s+more\b", text[q.end : q.end + 6])
                and _glued(r, q, out)
            ):  # "shed 411.32 points on Wednesday and 330.06 more on Thursday"
                st = Statement(q, "pts", last_pts.sign, subject, source, hedged, None)
                st.gapped = True
                out.append(st)
                continue
            if kind == "yield" and q.unit == "num" and _gapped_bp(r, q, out):
                st = Statement(q, "yield_bp", out[-1].sign, subject, source, hedged, None)
                st.gapped = True  # "the five-year has shed 31 basis points and the 10-year 22"
                out.append(st)
                continue
            if kind == "yield" or (
                q.unit == "$" and kind == "index" and re.search(r"\bof\s+$", head)
            ):
                continue  # (an index is not quoted in dollars: "its record close of $148.88")
            if q.unit == "num" and q.value < 10 and q.decimals == 0:
                continue
            if is_year(q):
                continue
            noun = _CHANGE_OF.search(head)
            moved = P.DIRECTION_BEFORE.search(head) if q.unit == "$" else None
            dollars: int | None = None  # a stock's move in dollars, and its direction
            if q.unit == "$" and kind in ("stock", "etf"):
                if (
                    out
                    and out[-1].role == "pct"
                    and out[-1].subject == subject
                    and _OR.search(text[max(0, q.start - 24) : q.start])
                ):
                    dollars = out[-1].sign  # "sank 11.3%, or $85.20, to close at $666.47"
                elif moved and not _LEVEL_BEFORE.search(head):
                    dollars = direction(text, q) or 1  # "up $21.36, or 9.6%"
                elif noun:  # "a loss of $24.20 a share"
                    dollars = -1 if noun.group("n").lower() in DOWN_NOUNS else 1
            if (
                dollars is None
                and q.unit == "num"
                and kind in ("index", "stock", "etf")
                and _OR_PCT_AFTER.match(text, q.end)
                and P.DIRECTION_BEFORE.search(head)
                and not _LEVEL_BEFORE.search(head)
            ):
                dollars = direction(text, q)  # "The VIX rose 2.45, or 13.5%, to 20.66": points
            if dollars is not None:
                st = Statement(q, "pts", dollars, subject, source, hedged, None)
                last_pts, last_dir = st, dollars
                out.append(st)
                continue
            if q.unit == "$" and noun:
                continue  # "Thursday's loss of $31.88 a share", of whom we cannot tell: no price
            line = _bulletin(r, q, kind)
            if line is not None:  # "Dow -1153.20 at 51594.10", "S&P 500: 6,012.28, down 88.96"
                if line:
                    st = Statement(q, "pts", line, subject, source, hedged, None)
                    last_pts, last_dir = st, line
                else:
                    st = Statement(q, "level", 1, subject, source, hedged, None)
                out.append(st)
                continue
            if _DISTANCE_TO.search(text[max(0, q.start - 50) : q.start]) and q.value % 100 == 0:
                continue  # "within 1% of 5,400", "about 100 points from the 5,400 mark"
            if q.unit == "$" and re.match(
                r"(?i)\s+(?:below|above|under|beneath|short\s+of|off|shy\s+of)\s+(?:the|its|their)\b",
                text[q.end :],
            ):
                continue  # "about $39 below the $466.24 close": a distance, not a price
            level = _LEVEL_BEFORE.search(head) or _RANGE_ENDS.search(
                text[max(0, q.start - 90) : q.end + 40]
            )  # "swinging between 18.83 and 23.76": the session's low and high
            if not (level or bound or named_mark):
                continue
            if level and (level.groupdict().get("cue") or "").lower() == "from" and not bound:
                pass  # "from 4,100" is a start level: checked like any level with its date
            fld, explicit = _field_words(text, q.start)
            if bound and not explicit and _BRIEFLY.search(text[max(0, q.start - 60) : q.start]):
                fld, explicit = ("high" if bound == "above" else "low"), True
            st = Statement(q, "level", 1, subject, source, hedged and not bound, bound, fld,
                           explicit)  # fmt: skip
            st.base = bool(_FROM_BEFORE.search(head))
        if st is not None:
            if (
                q.signed
                and direction(text, q) == q.signed
                and len(re.findall(r"\b[a-z]{3,}\b", text)) < 3
                and ":" not in text
                and not re.search(
                    r"[A-Za-z]\s*\(\s*[-+\u2212][\d.,]+%\s*\)", text
                )  # "Meta (+46.2%)"
            ):
                continue  # "NASDAQ 23,593 -0.3%": a quote line, not a statement
            st.negated = negated and st.bound is not None
            out.append(st)
            out.extend(_each(r, st))
    return out


_AS_MUCH = re.compile(
    r"\bas\s+(?:much|many|far|high|low)\s+as\s+[$]?$|"
    # "erased a 2.4% plunge", "recovering from an early 3% drop": the move to the day's extreme
    r"\b(?:erased?|erasing|reversed?|reversing|recover(?:ed|ing)?\s+from|c[ao]me\s+back\s+from|"
    r"coming\s+back\s+from|overc[ao]me|shook\s+off|shaking\s+off)\s+"
    r"(?:a|an)\s+(?:early\s+|intraday\s+|morning\s+)?(?:about\s+|nearly\s+)?$",
    I,
)
# "ahead by 259 points at its peak", "at its best, the index was down 0.2%": the session's
# extreme, told next to the figure
_PEAK_WORD = r"(?P<x>peak|best|high|highs|strongest|worst|low|lows|weakest)"
_AT_ITS_PEAK_AFTER = re.compile(
    r"^(?:\s*(?:points?|percent))?\s*,?\s+at\s+(?:its|their|the\s+(?:day|session)['\u2019]s)\s+"
    r"(?:(?:midday|morning|afternoon|early|late|intraday|session)\s+)?" + _PEAK_WORD + r"\b",
    I,
)
_AT_ITS_PEAK_BEFORE = re.compile(  # ("At the session's peak, reached as Powell spoke, the Dow
    r"\bat\s+(?:its|their|the\s+(?:day|session)['\u2019]s)\s+"  # was up 195 points and
    r"(?:(?:midday|morning|afternoon|early|late|intraday|session)\s+)?"  # the S&P 500 had
    + _PEAK_WORD  # gained 0.3%")
    + r"(?:\s+point)?(?:\s+of\s+the\s+(?:day|session))?(?:\s+so\s+far)?"
    r"(?:\s*,\s+[^,;\d]{3,60}(?=,))?\s*,?\s+"
    r"(?:(?:(?!\b(?:but|yet|then|later|clos\w*|end\w*|finish\w*|settl\w*)\b)[^;]){0,110}?\s+and\s+)?"
    r"(?:[\w&-]+\s+){0,4}?"
    r"(?:(?:was|were|had\s+been|stood|is|are)\s+(?:up|down|ahead|behind|higher|lower|off)\s+"
    r"(?:by\s+)?|had\s+(?:gained|risen|climbed|added|jumped|rallied|lost|fallen|dropped|shed|"
    r"slid)\s+)(?:about\s+|roughly\s+|nearly\s+)?$",
    I,
)


# "ran to a high of $348.55, at which point it was ahead 8.7%": the move to that extreme
_AT_WHICH_POINT = re.compile(
    r"(?:\b(?:a|an|its|their|the\s+(?:day|session)['\u2019]s)\s+(?:intraday\s+|session\s+)?"
    + _PEAK_WORD
    + r"\s+of|\bas\s+(?P<x2>high|low)\s+as)"  # "trade as high as $208.53, where it was ahead"
    r"\s+[$]?\d[\d,.]*(?:\s+[^,;.\d]{1,30})?\s*,?\s+(?:at\s+which\s+point|where|when)\s+"
    r"(?:it|they|the\s+[\w-]+)\s+"
    r"(?:was|were|stood|had\s+been)\s+(?:up|ahead|higher|down|lower|off|behind)\s+"
    r"(?:by\s+)?(?:about\s+|roughly\s+|nearly\s+|almost\s+)?$",
    I,
)
# "ended a couple of points above its low, where it had been down 524.24 points"
_AT_ITS_EXTREME_WHERE = re.compile(
    r"\b(?:its|their|the\s+(?:day|session)['\u2019]s)\s+(?:intraday\s+|session\s+)?"
    r"(?P<x>high|low|peak|best|worst)\s*,\s+(?:at\s+which\s+point|where|when)\s+"
    r"(?:it|they|the\s+[\w-]+)\s+(?:was|were|stood|had\s+been)\s+"
    r"(?:up|ahead|higher|down|lower|off|behind)\s+(?:by\s+)?(?:about\s+|roughly\s+|nearly\s+)?$",
    I,
)
_A_TOUCH = re.compile(
    r"(?i)\b(?:touched|touching|hit|reached|spiked\s+to|sank\s+to|dipped\s+to|"
    r"[a-z]+ed\s+as\s+(?:high|low)\s+as|slid\s+as\s+low\s+as|"
    r"rose\s+as\s+high\s+as|fell\s+as\s+low\s+as)\s+[$]?\d[\d,.]*\b[^;]*$"
)
_OPENED_AT = re.compile(
    r"(?i)\b(?:opened|opening)\s+at\s+[$]?\d[\d,.]*(?:\s+(?:on\s+)?[a-z]+day)?\s*,\s*"
    r"(?:(?:about|roughly|nearly|almost|some|more\s+than|only|just|a\s+mere)\s+)?$"
)
# "slid as low as 6,551.15, a drop of 0.8% from Tuesday's finish": the low against that close
_A_MOVE_OF = re.compile(
    r"(?i)\b(?:a|an)\s+(?:(?P<down>drop|decline|fall|loss|slide|dip)|gain|rise|jump|climb|advance)"
    r"\s+of\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+)?$"
)
# "the Dow briefly slipped about 70 points into the red": the furthest it went
_BRIEFLY_MOVED = re.compile(
    r"(?i)\bbriefly\s+(?:rose|fell|slipped|dipped|dropped|climbed|jumped|sank|slid|gained|lost|"
    r"added|shed|was\s+(?:up|down))\s+(?:about\s+|roughly\s+|nearly\s+|more\s+than\s+)?$"
)


def _told_at_an_extreme(head: str) -> bool:
    """ "up as much as 2%", "briefly slipped about 70 points": the move to the session's
    furthest point, told in the words before the figure."""
    return bool(_AS_MUCH.search(head) or _BRIEFLY_MOVED.search(head[-60:]))


def _above_from_a_touch(text: str, q: Quantity) -> str | None:
    """ "touched $325.35 within minutes, roughly 9% above Wednesday's close", "slid as low
    as 6,551.15, a drop of 0.8% from Tuesday's finish": the session's high (or low) against
    that close."""
    side = re.match(r"\s*(?:%|percent)?\s+(above|below|over|under)\b", text[q.end :], I)
    if side is not None and _OPENED_AT.search(text[max(0, q.start - 60) : q.start]):
        return "open"  # "opened at $202.92, roughly 16% above Wednesday's close": the open
    if not _A_TOUCH.search(text[max(0, q.start - 80) : q.start]):
        return None
    if side is not None:
        return "high" if side.group(1).lower() in ("above", "over") else "low"
    if not re.match(r"(?:\s*(?:%|percent))?\s+from\b", text[q.end :], I):
        return None
    noun = _A_MOVE_OF.search(text[max(0, q.start - 30) : q.start])
    return None if noun is None else "low" if noun.group("down") else "high"


def _at_its_peak(text: str, q: Quantity) -> str | None:
    """ "high" or "low" for a figure told at the session's best or worst point, else None."""
    m = _AT_ITS_PEAK_AFTER.match(text[q.end :])
    if m is None:
        m = _AT_WHICH_POINT.search(text[max(0, q.start - 90) : q.start])
    if m is None:
        m = _AT_ITS_EXTREME_WHERE.search(text[max(0, q.start - 90) : q.start])
    if m is None:
        head = text[max(0, q.start - 150) : q.start]
        m = _AT_ITS_PEAK_BEFORE.search(head)
        if (
            m is not None
            and not re.search(  # (not "the Dow, down 1.1% at its worst, is off 0.6%")
                r"(?:^|[,;:]\s*|\b(?:and|but|while|then)\s+)$",
                text[: q.start - len(head) + m.start()],
            )
        ):
            return None
    if m is None:
        return None
    x = m.groupdict().get("x2") or m.group("x")
    return "high" if x.lower() in ("peak", "best", "high", "highs", "strongest") else "low"


_CHANGE_OF = re.compile(
    r"\b(?:a|an|its|their|the|\w+day['\u2019]s)\s+(?:[\w-]+\s+)?(?P<n>"
    + "|".join(UP_NOUNS + DOWN_NOUNS)
    + r")\s+of\s+"
    r"(?:about\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+)?[$]?\s*$",
    I,
)
# "..., and regional bank funds rallied 13%": a new subject the text has no symbol for
_OTHER_CLAUSE_SUBJECT = re.compile(
    r"(?:,|\band\b|\bwhile\b|\bbut\b|\bwhereas\b)\s+(?:the\s+|other\s+|many\s+)*"
    r"(?!its\b|their\b|the\b)(?:[a-z][\w-]*\s+){0,3}(?:funds|stocks|shares|names|banks|lenders|"
    r"ETFs|sectors?|groups?|companies|peers|rivals|futures|bonds|markets|miners|retailers|"
    r"airlines|automakers|chipmakers|insurers|utilities)\b",
    I,
)


def is_year(q: Quantity) -> bool:
    """A plain number that reads as a year ("2025"), not a quantity."""
    return q.unit == "num" and q.decimals == 0 and 1900 <= q.value <= 2100 and "," not in q.raw


def _bulletin(r: Reading, q: Quantity, kind: str | None) -> int | None:
    """A figure in a closing bulletin's shorthand, right after its index or stock: a signed
    change ("Dow -1153.20 at 51594.10" gives -1), the level after a colon ("S&P 500:
    6,012.28" gives 0) or a change after it ("S&P 500: 6,012.28, down 88.96" gives -1)."""
    if kind not in ("index", "stock", "etf"):
        return None
    before = [m for m in r.symbols if m[1] <= q.start]
    if not before:
        return None
    gap = r.text[before[-1][1] : q.start]
    if q.signed and re.fullmatch(r"\s*:?\s*", gap) and re.match(r"\s+at\s+[$]?\d", r.text[q.end :]):
        return q.signed
    quote = r.text[: before[-1][0]].endswith("(")  # "(JPM 344.71, -12.60, -3.5%)"
    if quote and not q.signed and re.fullmatch(r"\s+[$]?", gap):
        return 0
    if quote and q.signed and re.fullmatch(r"\s+[$]?[\d,]+(?:\.\d+)?,\s*", gap):
        return q.signed
    if not q.signed and re.fullmatch(r"\s*:\s*[$]?", gap):
        return 0
    m = re.fullmatch(r"\s*:\s*[$]?[\d,]+(?:\.\d+)?\s*,\s*(?P<d>up|down)\s+[$]?", gap, I)
    if m and not q.signed:
        return 1 if m.group("d").lower() == "up" else -1
    return None


def _each(r: Reading, st: Statement) -> list[Statement]:
    """'The S&P 500 and the Dow each rose 0.4%': one number, a claim for every subject."""
    if st.role not in ("pct", "pts") or st.subject is None or st.subject_source != "explicit":
        return []
    head = r.text[: st.q.start]
    if not re.search(r"\b(?:each|both|all)\b[^,;]{0,30}$", head, I):
        return []
    subjects = [m for m in r.symbols if m[1] <= st.q.start]
    run = [subjects[-1]] if subjects else []
    for m in reversed(subjects[:-1]):
        if not re.fullmatch(r"[\s,]*(?:and|&)?[\s,]*(?:the\s+)?", r.text[m[1] : run[0][0]], I):
            break
        run.insert(0, m)
    return [
        Statement(st.q, st.role, st.sign, (r.text[s:e], sym), "explicit", st.approximate, st.bound)
        for s, e, sym in run[:-1]
    ]


def _sym_start(r: Reading, pos: int) -> int | None:
    before = [m for m in r.symbols if m[1] <= pos]
    return before[-1][0] if before else None


_GAP_AFTER = re.compile(
    r"\s+(?P<w>behind|ahead\s+of|better\s+than|worse\s+than|short\s+of|more\s+than|"
    r"less\s+than)\s+(?:that\s+of\s+)?",
    I,
)
# "a lead of about 148 percentage points over the S&P 500"
_LEAD_OF = re.compile(
    r"\b(?:a|an|its|their|the)\s+(?:lead|advantage|edge)\s+of\s+(?:about\s+|roughly\s+|"
    r"nearly\s+|almost\s+|some\s+|around\s+|more\s+than\s+)?$",
    I,
)
_GAP_BY = re.compile(
    r"\b(?P<w>outpac\w*|outperform\w*|beat|beating|trail\w*|lagg?\w*|underperform\w*)\b"
    r"[^,;.%]{1,60}?\bby\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+)?$",
    I,
)


# "..., a gap of almost 6 points": the difference of the two changes just named
_GAP_NOUN = re.compile(
    r"\b(?:a|the)\s+(?:gap|spread|difference|shortfall|margin)\s+of\s+(?:about\s+|roughly\s+|"
    r"nearly\s+|almost\s+|some\s+|around\s+|just\s+)?$",
    I,
)


def _after_the_last_figure(r: Reading, at: int, q: Quantity) -> list[tuple[int, int, Symbol]]:
    """The series a gap at q is told against, named after `at`: past any figure between
    ("beat the Nasdaq by nearly 11 points and the S&P 500 by 9.0": the S&P 500's)."""
    between = [p.end for p in r.quantities if at < p.start and p.end <= q.start]
    since = max(between, default=at)
    return [m for m in r.symbols if since < m[0] < q.start] or [
        m for m in r.symbols if at < m[0] < q.start
    ]


def _gap_of(
    r: Reading,
    q: Quantity,
    done: list[Statement],
    subject: tuple[str, Symbol] | None,
    source: Source,
    hedged: bool,
    bound: Literal["above", "below"] | None,
) -> Statement | None:
    """A gap between two series' changes named around its number: "1.5 percentage points
    better than the tech-heavy index", "trailed SPY's by 2.7 points" (after percent changes)."""
    named = [(s, s.subject) for s in done if s.role == "pct" and s.subject is not None]
    if (
        (
            _GAP_NOUN.search(r.text[max(0, q.start - 40) : q.start])
            or re.match(r"\s+of\s+ground\b", r.text[q.end :], I)  # "lost 2.8 points of ground"
        )
        and len(named) >= 2
        and named[-2][1][1].ticker != named[-1][1][1].ticker
    ):  # "IWM has given up 2.6% while SPY has added 3.3%, a gap of almost 6 points"
        (first, one), (second, two) = named[-2], named[-1]
        diff = first.sign * first.q.value - second.sign * second.q.value
        return Statement(q, "gap", 1 if diff >= 0 else -1, one, first.subject_source,
                         hedged, bound, other=two[1])  # fmt: skip
    if subject is None or not any(s.role == "pct" for s in done):
        return None
    text = r.text
    after = _GAP_AFTER.match(text[q.end :])
    over = re.match(r"\s+over\s+", text[q.end :]) if _LEAD_OF.search(text[: q.start]) else None
    series = {m[2].ticker for m in r.symbols if m[0] < q.start}  # the series named before it
    if q.unit == "pp" and after is not None:
        at = q.end + after.end()
        other = [m for m in r.symbols if at <= m[0] <= at + 4]
        sign = -1 if re.match(r"behind|worse|short|less", after.group("w"), I) else 1
        if re.match(r"more|less", after.group("w"), I) and len(series) > 1:
            return None  # (whose figure is "more than the S&P 500", among several?)
    elif q.unit == "pp" and over is not None:
        at = q.end + over.end()
        other = [m for m in r.symbols if at <= m[0] <= at + 4]
        sign = 1
        if len(series) > 1:  # "up 23.6%, against 19% for the Nasdaq-100 and 13.7% for the S&P
            return None  # 500, a lead of 4.6 points over the tech-heavy gauge": whose lead?
    else:
        by = _GAP_BY.search(text[max(0, q.start - 80) : q.start])
        if by is None:
            return None
        at = max(0, q.start - 80) + by.start()
        other = _after_the_last_figure(r, at, q)
        mine = [m for m in r.symbols if m[1] <= at]
        if mine:  # the subject of the verb, not the series after it
            subject, source = (text[mine[-1][0] : mine[-1][1]], mine[-1][2]), "explicit"
        sign = -1 if re.match(r"trail|lag|underperform", by.group("w"), I) else 1
    if not other or other[0][2].ticker == subject[1].ticker:
        return None
    return Statement(q, "gap", sign, subject, source, hedged, bound, other=other[0][2])


def _gapped_bp(r: Reading, q: Quantity, done: list[Statement]) -> bool:
    """A yield's change in basis points (or a bare number) right after another yield's
    change, its verb left out: "the 2-year 17 basis points", "the 10-year 22"."""
    if not done or done[-1].role != "yield_bp" or not _glued(r, q, done):
        return False
    if q.unit == "num" and (q.decimals > 1 or q.value >= 100 or "." in q.raw and q.value < 10):
        return False  # "the 2-year 4.24": a level, not a change
    return not re.match(r"\s*%", r.text[q.end : q.end + 3])


def _glued(r: Reading, q: Quantity, done: Iterable[Statement]) -> bool:
    """An elided verb: 'IWM added 1.2% and IJR 0.8%', 'lost 1.7% on the day and 0.9% for
    the week', 'the S&P 500 is up 26.5%, the Nasdaq 28% and the Dow 19.2%'."""
    prev = [s for s in done if s.q.end <= q.start]
    if not prev:
        return False
    a, b = prev[-1].q.end, q.start
    keep = [True] * (b - a)
    for w in r.windows:
        for i in range(max(a, w.span[0]), min(b, w.span[1])):
            keep[i - a] = False
    for s, e, _ in r.symbols:
        for i in range(max(a, s), min(b, e)):
            keep[i - a] = False
    rest = "".join(ch if k else " " for ch, k in zip(r.text[a:b], keep, strict=True))
    return bool(
        re.fullmatch(
            r"[\s,]*(?:(?:higher|lower|weaker|stronger)\s+)?(?:since\s+(?:19|20)\d\d\s*,)?"
            r"(?:\s*of\s+(?:its|their)\s+(?:market\s+)?value\b)?"  # "lost 53% of its value"
            r"[\s,]*(?:and|while|with|as\s+well\s+as|but)?"
            r"[\s,]*(?:the|its|their|another|a\s+further|"
            r"an\s+additional)?[\s,]*"
            r"(?:and|while)?[\s,]*(?:the|a|an)?\s*(?:(?:about|roughly|nearly|almost|around|"
            r"approximately|some|just|only)\s+)?",
            rest,
            I,
        )
    )


def as_claim(
    st: Statement, r: Reading, window: Window | None, window_source: str, as_of: date
) -> Claim:
    """Turn a statement into a Claim (kinds and units the verifier knows)."""
    q = st.q
    sym = st.subject[1] if st.subject else None
    raw_subject = st.subject[0] if st.subject else noun_phrase(r.text[: q.start])
    ticker = sym.ticker if sym else None
    common: dict[str, Any] = {
        "text": r.text,
        "span": (r.offset + q.start, r.offset + q.end),
        "subject": raw_subject,
        "ticker": ticker,
        "approximate": st.approximate,
        "bound": st.bound,
        "window_source": window_source,
        "subject_source": st.subject_source,
    }
    if st.role == "pct":
        total = bool(re.search(r"\btotal[-\s]return|\bincluding\s+dividends|\bwith\s+dividends",
                               r.text, I))  # fmt: skip
        return Claim(
            kind="pct_change",
            value=st.sign * q.value,
            unit="%",
            decimals=q.decimals,
            field="one_day"
            if st.one_day and window and window.kind != "day"
            else _extreme_field(st) or ("adj_close" if total else "close"),
            unsettled=_extreme_unsettled(st, window),
            **_window_fields(window),
            **common,  # type: ignore[arg-type]
        )
    if st.role == "pts":
        return Claim(
            kind="point_change",
            value=st.sign * q.value,
            unit="pts",
            decimals=q.decimals,
            field=_extreme_field(st) or "close",
            unsettled=_extreme_unsettled(st, window),
            **_window_fields(window),
            **common,  # type: ignore[arg-type]
        )
    if st.role == "gap":
        assert st.other is not None
        return Claim(
            kind="gap",
            value=st.sign * q.value,
            unit="%",
            decimals=q.decimals,
            field=st.other.ticker,
            **_window_fields(window),
            **common,  # type: ignore[arg-type]
        )
    if st.role == "yield_level":
        return Claim(
            kind="yield_level",
            value=q.value,
            unit="%",
            decimals=q.decimals,
            field=st.field,
            field_explicit=st.field_explicit,
            **_day_fields(window),
            **common,  # type: ignore[arg-type]
        )
    if st.role == "yield_bp":
        value = q.value * (100 if q.unit == "pp" else 1)
        return Claim(
            kind="yield_change",
            value=st.sign * value,
            unit="bp",
            decimals=max(0, q.decimals - (2 if q.unit == "pp" else 0)),
            **_window_fields(window),
            **common,  # type: ignore[arg-type]
        )
    is_index = sym is not None and sym.kind == "index"
    return Claim(
        kind="index_level" if is_index and q.unit != "$" else "price",
        value=q.value,
        unit="pts" if is_index and q.unit != "$" else "$",
        decimals=q.decimals,
        field=st.field,
        field_explicit=st.field_explicit,
        **_day_fields(window),
        **common,  # type: ignore[arg-type]
    )


def _extreme_field(st: Statement) -> str | None:
    """ "Up as much as 419 points": the session's high against the close before (a fall's
    low)."""
    if st.extreme_field is not None:
        return st.extreme_field
    return ("high" if st.sign > 0 else "low") if st.extreme else None


def _extreme_unsettled(st: Statement, window: Window | None) -> str | None:
    if st.extreme and (window is None or window.kind != "day"):
        return "the furthest point of a move within a period: daily closes do not settle it"
    return None


_VERBISH = set(UP + DOWN) | {"was", "is", "were", "are", "has", "have", "had", "by", "of", "a"}


def noun_phrase(head: str) -> str | None:
    """The words before the verb: what a sentence with no known subject talks about."""
    words = re.findall(r"[A-Za-z&'-]+", head)
    while words and words[-1].lower() in _VERBISH:
        words.pop()
    return " ".join(words[-4:]) or None


def _day_fields(w: Window | None) -> dict[str, Any]:
    return {"end": w.end, "period": w.label} if w else {}


def _window_fields(w: Window | None) -> dict[str, Any]:
    if w is None:
        return {}
    return {"start": w.start, "end": w.end, "period": w.label, "window": w.kind}
