"""Symbol resolution: tickers, index names and aliases, and ETF proxies for missing indexes."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Kind = Literal["etf", "index", "rate", "yield", "stock", "other"]


@dataclass(frozen=True)
class Symbol:
    ticker: str
    name: str
    kind: Kind
    proxy: str | None = None  # ETF standing in for an index series we cannot get


SYMBOLS: dict[str, Symbol] = {
    s.ticker: s
    for s in (
        Symbol("IJR", "iShares Core S&P Small-Cap ETF", "etf"),
        Symbol("VIOO", "Vanguard S&P Small-Cap 600 ETF", "etf"),
        Symbol("IWM", "iShares Russell 2000 ETF", "etf"),
        Symbol("SPY", "SPDR S&P 500 ETF Trust", "etf"),
        Symbol("IVV", "iShares Core S&P 500 ETF", "etf"),
        Symbol("VOO", "Vanguard S&P 500 ETF", "etf"),
        Symbol("QQQ", "Invesco QQQ Trust", "etf"),
        Symbol("DIA", "SPDR Dow Jones Industrial Average ETF Trust", "etf"),
        Symbol("IJH", "iShares Core S&P Mid-Cap ETF", "etf"),
        Symbol("^SML", "S&P SmallCap 600", "index", proxy="IJR"),
        Symbol("^MID", "S&P MidCap 400", "index", proxy="IJH"),
        Symbol("^GSPC", "S&P 500", "index"),
        Symbol("^RUT", "Russell 2000", "index"),
        Symbol("^NDX", "Nasdaq-100", "index"),
        Symbol("^IXIC", "Nasdaq Composite", "index"),
        Symbol("^DJI", "Dow Jones Industrial Average", "index"),
        Symbol("^VIX", "Cboe Volatility Index", "index"),
        Symbol("^TNX", "CBOE 10-Year Treasury Yield Index", "yield"),
        Symbol("^FVX", "5-year Treasury yield", "yield"),
        Symbol("DGS2", "2-year Treasury yield", "yield"),
        Symbol("DGS10", "10-year Treasury yield", "yield"),
        Symbol("DGS30", "30-year Treasury yield", "yield"),
        Symbol("FEDFUNDS", "Fed funds target range", "rate"),
        Symbol("AAPL", "Apple", "stock"),
        Symbol("MSFT", "Microsoft", "stock"),
        Symbol("NVDA", "Nvidia", "stock"),
        Symbol("AMZN", "Amazon", "stock"),
        Symbol("TSLA", "Tesla", "stock"),
        Symbol("GOOGL", "Alphabet", "stock"),
        Symbol("META", "Meta Platforms", "stock"),
        Symbol("JPM", "JPMorgan Chase", "stock"),
        # Markets finnews has no bundled series for: named so that a claim about them is
        # never pinned on a nearby index (online, Yahoo may still have the ticker).
        Symbol("CL=F", "crude oil", "other"),
        Symbol("BZ=F", "Brent crude", "other"),
        Symbol("GC=F", "gold", "other"),
        Symbol("SI=F", "silver", "other"),
        Symbol("HG=F", "copper", "other"),
        Symbol("NG=F", "natural gas", "other"),
        Symbol("BTC-USD", "bitcoin", "other"),
        Symbol("ETH-USD", "ether", "other"),
        Symbol("DX-Y.NYB", "U.S. dollar index", "other"),
        Symbol("^STOXX", "STOXX Europe 600", "index"),
        Symbol("^FTSE", "FTSE 100", "index"),
        Symbol("^GDAXI", "DAX", "index"),
        Symbol("^FCHI", "CAC 40", "index"),
        Symbol("^N225", "Nikkei 225", "index"),
        Symbol("^HSI", "Hang Seng", "index"),
        Symbol("000001.SS", "Shanghai Composite", "index"),
        Symbol("^DJT", "Dow Jones Transportation Average", "index"),
        Symbol("^IRX", "13-week Treasury bill yield", "yield"),
        Symbol("DGS3MO", "3-month Treasury yield", "yield"),
        Symbol("MORTGAGE30US", "30-year mortgage rate", "other"),
        Symbol("SECTOR", "a market sector", "other"),
        Symbol("GOVT-FOREIGN", "another country's government bond yield", "other"),
        Symbol("REAL-YIELD", "an inflation-protected (real) Treasury yield", "other"),
    )
}

# Bare all-caps words taken as tickers: only these (plus $XYZ / exchange forms).
KNOWN_TICKERS = frozenset(t for t, s in SYMBOLS.items() if s.kind in ("etf", "stock"))

# Index abbreviations recognized as bare all-caps words (case-sensitive).
_BARE_ALIASES = {
    "SPX": "^GSPC",
    "RUT": "^RUT",
    "NDX": "^NDX",
    "DJIA": "^DJI",
    "VIX": "^VIX",
    "WTI": "CL=F",
    "DAX": "^GDAXI",
    "FTSE": "^FTSE",
    "BTC": "BTC-USD",
}

# All-caps words that are never tickers when a caller resolves a lone word.
_NOT_TICKERS = frozenset(
    "A I IT US USA UK EU AI CEO CFO COO CTO GDP CPI PPI PCE FED FOMC ETF ETFS EPS PE IPO "
    "SEC NYSE NASDAQ AMEX OTC YTD QOQ YOY MOM ET EST EDT PM AM AND OR THE TO OF IN ON AT "
    "BY FOR BUT NOT NO OK NEW UPDATE NEWS USD EUR FX OPEC IMF ECB BOJ BOE".split()
)


_NATIONS = (
    r"(?:German|Germany['\u2019]s|Japanese|Japan['\u2019]s|British|Britain['\u2019]s|"
    r"U\.?K\.?(?:['\u2019]s)?|French|France['\u2019]s|Italian|Italy['\u2019]s|Spanish|Spain['\u2019]s|"
    r"Chinese|China['\u2019]s|Canadian|Canada['\u2019]s|Australian|Australia['\u2019]s|Swiss|"
    r"European|euro[\s\-]zone|Greek|Greece['\u2019]s)"
)


def _lit(text: str) -> str:
    """A literal alias as a forgiving regex: spaces match runs of space or hyphen,
    hyphens are optional, apostrophes match curly ones."""
    out = []
    for ch in text:
        if ch == " ":
            out.append(r"[\s\-]+")
        elif ch == "-":
            out.append(r"[\s\-]?")
        elif ch == "'":
            out.append(r"['\u2019]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


_NO_SUFFIX = r"(?![\s\-]*(?:\d|small|mid|global|composite|equal|/))"
# "the Nasdaq 28%" is the composite; "the Nasdaq 100" is not
# "the 10-year slipped 6 basis points": a maturity alone, as the subject of a move
# "the 30-year bond ended at 3.96%", "the 10-year Treasury note rose"
_BOND = r"(?:\s+(?:bond|note|Treasury(?:\s+(?:note|bond))?|T-note|T-bond))?"
# "the two-year", "the policy-sensitive two-year", "the benchmark 10-year", "the 10-year's
# highest close"
_THE = r"(?:(?<=the\s)|(?<=sensitive\s)|(?<=benchmark\s))"
_BARE_MATURITY = (
    r"(?=['\u2019]s\s+(?:yield|(?:highest|lowest|best|worst)\s+close|closing\s+(?:high|low|level)|"
    r"peak|record|high|low|rise|jump|drop|fall|decline|climb|move|close|finish|level)\b|\s*[.;,)]|\s+(?:(?:[a-z]+ly|also|still|then|now)\s+)?(?:at|up|down|yields|near|around|edged|ticked|inched|crept|moved|held|hovered|traded|rose|fell|slipped|slipping|climbed|climbing|jumped|jumping|"
    r"dropped|dropping|eased|easing|added|adding|rising|falling|rose|ended|finished|closed|"
    r"touched|hovered|stood|sat|was|is|crossed|topped|breached|broke|surged|soared|sank|slid|"
    r"hit|reached|pushed|settled|yielded|yielding|has|had|and|or|while|lagged|lagging|trailed|"
    r"gained|lost|declined|advanced|rallied|tumbled|retreated|rebounded|spiked|plunged)\b"
    r"|\s+(?:by|to|from)\s+(?:about\s+|nearly\s+|roughly\s+|almost\s+)?[\d.]+\s*(?:%|percent|"
    r"basis\s+points?|bps?\b)"  # "lifted the two-year by 11 basis points"
    # "... fell 33 basis points, the 2-year 17 and the 30-year 30": a change, its verb left out
    r"|\s+(?:about\s+|nearly\s+|roughly\s+|almost\s+|just\s+)?\d+(?:\.\d+)?"
    # ("the 10-year stood at 3.79% and the 2-year 4.56%;": a level, its verb left out)
    r"(?:\s*(?:basis\s+points?|bps?\b)|%?(?=\s*(?:[,;]|\.(?!\d)|and\b|$))))"
)
# bulletin shorthand: "Dow -1153.20 at 51594.10", "S&P: 7,316.15", "S&P fell 1.5%"
_SHORT_MOVE = (
    r"(?=\s*[-+\u2212]\s*\d|\s*:\s*[-+\u2212]?[\d$]|\s+(?:rose|rises|fell|falls|gained|gains|lost|loses|"
    r"added|adds|dropped|drops|slipped|slips|climbed|climbs|jumped|jumps|sank|sinks|sheds|shed|"
    r"slides|slid|tumbles|tumbled|closed|closes|ended|ends|finished|finishes|edged|edges|advanced|"
    r"advances|declined|declines|was|is)\b)"
)
# (not Dow Inc., the chemical maker, nor the Dow Jones averages of transports or utilities)
_BARE_DOW = r"\b(?![\s\-]*(?:Jones|Inc|Chemical|Transport|Utilit|Composite|Corning)\b)"
# "the iPhone maker" is Apple; "the iPhone maker's suppliers" and "iPhone maker Foxconn" are not
_NOT_ITS_TRADE = r"(?!['\u2019]s[\s\-]+(?:suppliers?|rivals?|partners?|peers?)|[\s\-]+(?-i:[A-Z]))"
_NASDAQ_SUFFIX = (
    r"(?![\s\-]*(?:100\b|small|mid|global|composite|equal|/|bank|biotech|financial|insurance|"
    r"transportation|industrial|computer|telecom))"
)

# ticker -> alias regexes (matched case-insensitively at word boundaries)
_ALIASES: dict[str, list[str]] = {
    "^SML": [
        _lit("S&P 600"),
        _lit("S&P SmallCap 600"),
        _lit("S&P Small Cap 600"),
        _lit("SmallCap 600"),
    ],
    "^GSPC": [
        _lit("S&P 500"),
        _lit("S&P 500 index"),
        _lit("Standard & Poor's 500"),
        _lit("the S&P") + _NO_SUFFIX,
        r"(?-i:S&P)" + _SHORT_MOVE,
        _lit("broad market"),
        _lit("broader market"),
    ],
    "^RUT": [
        _lit("Russell 2000"),
        _lit("Russell 2000 index"),
        _lit("the Russell") + _NO_SUFFIX,
    ],
    "^NDX": [
        _lit("Nasdaq-100"),
        _lit("Nasdaq 100"),
        _lit("Nasdaq-100 index"),
        r"(?:the\s+)?(?:index|gauge)\s+of\s+the\s+(?:100\s+)?largest\s+(?:non-?financial\s+)?"
        r"(?:companies|stocks)\s+(?:listed\s+)?on\s+the\s+Nasdaq",
    ],
    "^IXIC": [
        _lit("Nasdaq Composite"),
        _lit("Nasdaq Composite index"),
        _lit("the Nasdaq") + _NASDAQ_SUFFIX,
        _lit("tech-heavy Nasdaq") + _NASDAQ_SUFFIX,
        r"(?<!KBW\s)"
        + _lit("Nasdaq")
        + r"(?![\s\-]*(?:100\b|listed|exchange|Inc|OMX|stock\s+market|"
        r"composite|bank|biotech|financial|insurance|transportation|industrial|computer|telecom))",
    ],
    "^VIX": [
        _lit("Cboe Volatility Index"),
        _lit("CBOE volatility index"),
        _lit("volatility index"),
        _lit("fear gauge"),
        _lit("fear index"),
        _lit("the VIX"),
    ],
    "^MID": [
        _lit("S&P MidCap 400"),
        _lit("S&P Midcap 400"),
        _lit("S&P Mid-Cap 400"),
        _lit("S&P 400"),
        _lit("MidCap 400"),
    ],
    "AAPL": [
        _lit("Apple") + r"(?![\s\-]*(?:Music|TV|Pay|Watch|Vision|Intelligence|Store))",
        _lit("iPhone maker") + _NOT_ITS_TRADE,
    ],
    "MSFT": [_lit("Microsoft"), r"(?:Windows|Xbox)[\s\-]+(?:maker|owner)" + _NOT_ITS_TRADE],
    "NVDA": [_lit("Nvidia"), _lit("NVIDIA")],
    "AMZN": [
        _lit("Amazon") + r"(?![\s\-]*(?:Web\s+Services|Prime|rainforest))",
        _lit("Amazon.com"),
    ],
    "TSLA": [_lit("Tesla")],
    "GOOGL": [
        _lit("Alphabet"),
        _lit("Google") + r"['\u2019]s\s+parent(?:\s+company)?",  # the company that owns Google
        _lit("Google") + r"(?![\s\-]*(?:Cloud|search\s+results|Play))",
    ],
    "META": [
        _lit("Meta Platforms"),
        _lit("Meta") + r"(?![\s\-]*(?:data|analysis))",
        r"(?:Facebook|Instagram)(?:['\u2019]s)?[\s\-]+(?:parent|owner)(?:[\s\-]+company)?"
        + _NOT_ITS_TRADE,
    ],
    "JPM": [_lit("JPMorgan Chase"), _lit("JPMorgan"), _lit("JP Morgan"), _lit("J.P. Morgan")],
    "CL=F": [
        r"(?:U\.?S\.?[\s\-]+)?(?:crude(?:[\s\-]+oil)?|oil)(?:[\s\-]+(?:prices?|futures))?",
        _lit("West Texas Intermediate"),
    ],
    "BZ=F": [_lit("Brent crude"), _lit("Brent")],
    "GC=F": [r"gold(?:[\s\-]+(?:prices?|futures))?", _lit("bullion")],
    "SI=F": [r"silver(?:[\s\-]+(?:prices?|futures))?"],
    "HG=F": [r"copper(?:[\s\-]+(?:prices?|futures))?"],
    "NG=F": [_lit("natural gas")],
    "BTC-USD": [_lit("bitcoin")],
    "ETH-USD": [_lit("ether"), _lit("ethereum")],
    "DX-Y.NYB": [_lit("dollar index"), _lit("the dollar"), _lit("the euro"), _lit("the yen")],
    "^STOXX": [_lit("STOXX 600"), _lit("STOXX Europe 600"), _lit("pan-European STOXX 600")],
    "^FTSE": [_lit("FTSE 100"), _lit("FTSE")],
    "^GDAXI": [_lit("DAX"), _lit("Germany's DAX")],
    "^FCHI": [_lit("CAC 40"), _lit("CAC")],
    "^N225": [_lit("Nikkei 225"), _lit("Nikkei")],
    "^HSI": [_lit("Hang Seng")],
    "000001.SS": [_lit("Shanghai Composite")],
    "^DJT": [_lit("Dow Jones Transportation Average"), _lit("Dow transports")],
    "^IRX": [r"(?:3|three)[\s\-]?month[\s\-]+(?:Treasury[\s\-]+)?(?:bill[\s\-]+)?yields?"],
    "MORTGAGE30US": [
        r"(?:30|thirty)[\s\-]?year(?:[\s\-]+fixed)?[\s\-]+mortgage(?:[\s\-]+rates?)?",
        _lit("mortgage rates"),
    ],
    "GOVT-FOREIGN": [  # "Germany's 10-year yield", "the UK's 10-year gilt", "Bund yields"
        r"(?:the[\s\-]+yields?[\s\-]+on[\s\-]+(?:the[\s\-]+)?)?" + _NATIONS + r"[\s\-]+"
        r"(?:(?:benchmark|government)[\s\-]+)?(?:(?:\d{1,2}|two|five|ten|thirty)[\s\-]?year"
        r"[\s\-]+)?(?:(?:government[\s\-]+)?bond|Bund|gilt|JGB|note)?[\s\-]*yields?",
        r"(?:the[\s\-]+yields?[\s\-]+on[\s\-]+(?:the[\s\-]+)?)?" + _NATIONS + r"[\s\-]+"
        r"(?:(?:\d{1,2}|two|five|ten|thirty)[\s\-]?year[\s\-]+)?(?:Bund|gilt|JGB)s?",
        r"(?:Bund|gilt|JGB)[\s\-]+yields?",
    ],
    "REAL-YIELD": [  # "the real yield on 10-year inflation-protected Treasuries", "TIPS yields"
        r"real[\s\-]+yields?(?:[\s\-]+on[\s\-]+(?:the[\s\-]+)?(?:(?:\d{1,2}|five|ten|thirty)"
        r"[\s\-]?year[\s\-]+)?(?:inflation[\s\-]+(?:protected|indexed|linked)[\s\-]+)?"
        r"(?:Treasur(?:y|ies)|securities|TIPS|notes?|bonds?))?",
        r"(?:(?:\d{1,2}|five|ten|thirty)[\s\-]?year[\s\-]+)?(?:TIPS|inflation[\s\-]+"
        r"(?:protected|indexed|linked)[\s\-]+(?:Treasur(?:y|ies)|securities|notes?|bonds?))"
        r"(?:[\s\-]+yields?)?",
    ],
    "SECTOR": [
        r"(?:S&P[\s\-]+500[\s\-]+)?(?:energy|technology|tech|financials?|health[\s\-]?care|"
        r"utilities|industrials|materials|real[\s\-]+estate|consumer[\s\-]+(?:discretionary|staples)|"
        r"communication[\s\-]+services)[\s\-]+(?:sector|index|stocks|shares|group)",
        r"equal[\s\-]weight(?:ed)?[\s\-]+S&P[\s\-]+500",
        # "Energy was the weakest S&P 500 sector": a sector, not the index
        r"S&P[\s\-]+500[\s\-]+(?:sectors?|groups?|industry|industries)\b",
        # "the S&P 500 banks index", "the S&P 500 regional banks index": an index of an
        # industry (not "the S&P 500 stock index", the benchmark itself)
        r"S&P[\s\-]+500[\s\-]+(?!(?:stock|equity|benchmark|composite|index)\b)[A-Za-z]+"
        r"(?:[\s\-]+[A-Za-z]+)?[\s\-]+(?:sub-?)?(?:index|sector)\b",
    ],
    "DGS2": [
        _THE + r"(?:2|two)-year" + _BOND + _BARE_MATURITY,
        r"(?:2|two)[\s\-]?(?:year|yr\.?)[\s\-]+(?:U\.?S\.?[\s\-]+)?(?:Treasury[\s\-]+)?(?:note|T-note)s?(?![\s\-]+yields?\b)",
        r"(?:2|two)[\s\-]?(?:year|yr\.?)[\s\-]+(?:U\.?S\.?[\s\-]+)?(?:Treasury[\s\-]+)?(?:note[\s\-]+)?yields?",
        r"(?<=the\s)(?:2|two)[\s\-]?year[\s\-]+(?:Treasury[\s\-]+)?rate\b",  # "the two-year rate"
        r"yields?[\s\-]+on[\s\-]+(?:the[\s\-]+)?(?:2|two)[\s\-]?year(?:[\s\-]+(?:U\.?S\.?[\s\-]+)?(?:Treasury|note|T-note)(?:[\s\-]+note)?s?)?",
        r"(?:2|two)[\s\-]?year[\s\-]+(?:Treasury|note|T-note)s?",
    ],
    "^FVX": [
        _THE + r"(?:5|five)-year" + _BOND + _BARE_MATURITY,
        r"(?:5|five)[\s\-]?(?:year|yr\.?)[\s\-]+(?:U\.?S\.?[\s\-]+)?(?:Treasury[\s\-]+)?(?:note|T-note)s?(?![\s\-]+yields?\b)",
        r"(?:5|five)[\s\-]?(?:year|yr\.?)[\s\-]+(?:U\.?S\.?[\s\-]+)?(?:Treasury[\s\-]+)?(?:note[\s\-]+)?yields?",
        r"yields?[\s\-]+on[\s\-]+(?:the[\s\-]+)?(?:5|five)[\s\-]?year(?:[\s\-]+(?:U\.?S\.?[\s\-]+)?(?:Treasury|note|T-note)(?:[\s\-]+note)?s?)?",
    ],
    "DGS30": [
        _THE + r"(?:30|thirty)-year" + _BOND + _BARE_MATURITY,
        r"(?:30|thirty)[\s\-]?(?:year|yr\.?)[\s\-]+(?:U\.?S\.?[\s\-]+)?(?:Treasury[\s\-]+)?(?:bond(?:['\u2019]s)?[\s\-]+)?yields?",
        r"yields?[\s\-]+on[\s\-]+(?:the[\s\-]+)?(?:30|thirty)[\s\-]?year(?:[\s\-]+(?:U\.?S\.?[\s\-]+)?(?:Treasury|bond|T-bond)(?:[\s\-]+bond)?s?)?",
        r"(?:long|30-year)[\s\-]+bond(?:['\u2019]s)?[\s\-]+yields?",
        r"(?<=the\s)long[\s\-]+bond" + _BARE_MATURITY,  # "the long bond finished at 5.01%"
    ],
    "^DJI": [
        _lit("the Dow") + r"(?![\s\-]*(?:Jones[\s\-]+)?(?:Transport|Utilit|Composite|Inc))",
        _lit("Dow Jones")  # (not "S&P Dow Jones Indices", the company that keeps the index)
        + r"(?![\s\-]*(?:Transport|Utilit|Composite|Newswires|Market|Indices|&))",
        _lit("Dow Jones Industrial Average"),
        r"(?-i:Dow)" + _SHORT_MOVE,
        # a bare "Dow" in a list of indexes: "the S&P 500 and Dow were down 1.3% and 2.2%"
        r"(?<=\band\s)(?-i:Dow)" + _BARE_DOW,
        r"(?<=,\s)(?-i:Dow)" + _BARE_DOW,
        _lit("Dow Jones industrials"),
        _lit("Dow industrials"),
        _lit("blue-chip Dow"),
        _lit("the blue-chip Dow"),
    ],
    "DGS10": [
        r"(?:benchmark[\s\-]+)?(?:10|ten)[\s\-]?(?:year|yr\.?)[\s\-]+(?:U\.?S\.?[\s\-]+)?"
        r"(?:Treasury[\s\-]+)?(?:note[\s\-]+)?yields?",
        r"yields?[\s\-]+on[\s\-]+(?:the[\s\-]+)?(?:benchmark[\s\-]+)?(?:10|ten)[\s\-]?year"
        r"(?:[\s\-]+(?:U\.?S\.?[\s\-]+)?(?:Treasury|note|T-note)(?:[\s\-]+note)?s?)?"
        r"(?![\s\-]+(?:Japanese|Japan|German|Germany|British|UK|U\.K\.|Italian|French|Chinese|"
        r"Canadian|Australian|gilts?|bunds?|JGBs?|government|sovereign|euro))",
        _lit("benchmark yield"),
        _lit("benchmark Treasury yield"),
        _THE + r"(?:10|ten)-year" + _BOND + _BARE_MATURITY,
    ],
    "FEDFUNDS": [
        r"fed(?:eral)?[\s\-]+funds(?:[\s\-]+target)?(?:[\s\-]+(?:rate|range))?",
        r"(?:the[\s\-]+)?Fed['\u2019]s[\s\-]+(?:benchmark[\s\-]+|key[\s\-]+|policy[\s\-]+)?"
        r"(?:interest[\s\-]+)?(?:target[\s\-]+range|rate)",
        _lit("policy rate"),
        _lit("benchmark interest rate"),
        _lit("key interest rate"),
    ],
    "IJR": [
        _lit("iShares Core S&P Small-Cap ETF"),
        _lit("iShares Core S&P SmallCap ETF"),
        _lit("iShares Core S&P Small Cap ETF"),
        _lit("iShares Core S&P Small-Cap 600 ETF"),
    ],
    "VIOO": [r"Vanguard[\s\-]+S&P[\s\-]+Small[\s\-]?Cap[\s\-]+600[\s\-]+ETF"],
    "IWM": [_lit("iShares Russell 2000 ETF"), _lit("Russell 2000 ETF")],
    "IJH": [_lit("iShares Core S&P Mid-Cap ETF"), _lit("iShares Core S&P MidCap ETF")],
    "SPY": [_lit("SPDR S&P 500 ETF Trust"), _lit("SPDR S&P 500 ETF"), _lit("SPDR S&P 500")],
    "IVV": [_lit("iShares Core S&P 500 ETF")],
    "VOO": [_lit("Vanguard S&P 500 ETF")],
    "QQQ": [_lit("Invesco QQQ Trust"), _lit("Invesco QQQ")],
    "DIA": [_lit("SPDR Dow Jones Industrial Average ETF Trust"), _lit("SPDR Dow Jones ETF")],
}

_EXCHANGES = r"(?:NYSE(?:[\s\-]?(?:Arca|American|MKT))?|NASDAQ(?:GS|GM|CM)?|Nasdaq|AMEX|BATS|Cboe)"
_TICKER_FORMS = [
    re.compile(r"(?<![\w$])\$([A-Z]{1,5}(?:\.[A-Z])?)(?![\w])"),
    re.compile(r"\(\s*" + _EXCHANGES + r"\s*:\s*([A-Z]{1,5}(?:\.[A-Z])?)\s*\)"),
    re.compile(r"(?<![\w^])(\^[A-Z]{2,6})(?![\w])"),
]
_BARE = re.compile(r"(?<![\w$^&.\-])([A-Z]{2,5})(?![\w&]|\.[A-Za-z])")

# Company names are proper nouns: "Apple" is a company, "apple" is a fruit.
_CASED = frozenset(t for t, s in SYMBOLS.items() if s.kind == "stock") | {"BZ=F", "^GDAXI"}


def _hint(pattern: str) -> str:
    """The literal word an alias pattern starts with, lowercased ('' when it has none): a text
    without it cannot match, so the scan is skipped."""
    m = re.match(r"[A-Za-z]{3,}(?![A-Za-z]*[?*+{])", pattern)
    return m.group(0).lower() if m else ""


_ALIAS_PATTERNS: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(r"(?<![\w&])" + pat + r"(?![\w&])", 0 if ticker in _CASED else re.IGNORECASE),
        ticker,
        _hint(pat),
    )
    for ticker, pats in _ALIASES.items()
    for pat in pats
]


def _symbol_for(ticker: str) -> Symbol:
    t = ticker.upper()
    if t in SYMBOLS:
        return SYMBOLS[t]
    return Symbol(t, t, "index" if t.startswith("^") else "stock")


def find_symbols(text: str) -> list[tuple[int, int, Symbol]]:
    """Every mention (start, end, Symbol) in text order; longest match wins, no overlaps."""
    return list(_find_symbols(text))


@lru_cache(maxsize=2048)
def _find_symbols(text: str) -> tuple[tuple[int, int, Symbol], ...]:
    found: list[tuple[int, int, Symbol]] = []
    lowered = text.lower()
    for pattern, ticker, hint in _ALIAS_PATTERNS:
        if hint and hint not in lowered:
            continue
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), SYMBOLS[ticker]))
    for form in _TICKER_FORMS:
        for m in form.finditer(text):
            found.append((m.start(), m.end(), _symbol_for(m.group(1))))
    for m in _BARE.finditer(text):
        word = m.group(1)
        if word in KNOWN_TICKERS or word in _BARE_ALIASES:
            found.append((m.start(), m.end(), SYMBOLS[_BARE_ALIASES.get(word, word)]))
    # longest first; a sweep over the kept spans (sorted by start) keeps this n log n
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    starts: list[int] = []
    kept: list[tuple[int, int, Symbol]] = []
    for s, e, sym in found:
        i = bisect.bisect_left(starts, s)
        if i > 0 and kept[i - 1][1] > s:
            continue
        if i < len(kept) and kept[i][0] < e:
            continue
        starts.insert(i, s)
        kept.insert(i, (s, e, sym))
    return tuple(kept)


# Phrases that name a market by its kind; in running text they refer back to the index an
# article named (claims/statements.py), asked on their own they mean these.
_GENERIC = {
    "small caps": "^SML",
    "small cap stocks": "^SML",
    "small cap shares": "^SML",
    "small cap index": "^SML",
    "small cap benchmark": "^SML",
    "mid caps": "^MID",
    "large caps": "^GSPC",
}


def find_tickers(text: str) -> list[str]:
    """Distinct tickers in order of first mention."""
    out: list[str] = []
    for _, _, sym in find_symbols(text):
        if sym.ticker not in out:
            out.append(sym.ticker)
    return out


def resolve(text: str) -> Symbol | None:
    """The symbol a whole phrase or ticker names (`IJR`, `$IJR`, `^GSPC`, `the Dow`), or None."""
    phrase = text.strip().strip(".,;:!?\"'").strip()
    if not phrase:
        return None
    variants = [phrase]
    if phrase.lower().startswith("the "):
        variants.append(phrase[4:].strip())
    for v in variants:
        hits = find_symbols(v)
        if len(hits) == 1 and hits[0][0] == 0 and hits[0][1] == len(v):
            return hits[0][2]
    generic = re.sub(r"[\s\-]+", " ", phrase.lower()).removeprefix("the ")
    if generic in _GENERIC:
        return SYMBOLS[_GENERIC[generic]]
    upper = phrase.upper()
    if upper in SYMBOLS:
        return SYMBOLS[upper]
    if re.fullmatch(r"\^[A-Z]{2,6}", upper):
        return _symbol_for(upper)
    if re.fullmatch(r"[A-Z]{1,5}(?:\.[A-Z])?", phrase) and phrase not in _NOT_TICKERS:
        return _symbol_for(phrase)
    return None
