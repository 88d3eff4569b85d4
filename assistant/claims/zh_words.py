"""The Chinese lexicon of the claim reader (`assistant.claims.zh`): names of markets and the
words around a number. A new phrasing adds a word here, not a pattern in the reader.

Names map to the tickers of `assistant.market.symbols.SYMBOLS` (the English table), so a
Chinese claim is checked against the same series as its English twin.
"""

from __future__ import annotations

import re

# name -> ticker; the longest name wins where two overlap ("纳斯达克100指数" over "纳斯达克")
SUBJECTS: dict[str, str] = {
    "标普500指数": "^GSPC", "标普500": "^GSPC", "标准普尔500指数": "^GSPC",
    "标准普尔500": "^GSPC", "标普指数": "^GSPC",
    "道琼斯工业平均指数": "^DJI", "道琼斯工业指数": "^DJI", "道琼斯指数": "^DJI",
    "道琼斯工业平均": "^DJI", "道指": "^DJI", "道琼斯": "^DJI",
    "纳斯达克综合指数": "^IXIC", "纳斯达克综指": "^IXIC", "纳斯达克指数": "^IXIC",
    "纳指": "^IXIC", "纳斯达克": "^IXIC",
    "纳斯达克100指数": "^NDX", "纳斯达克100": "^NDX", "纳指100": "^NDX",
    "罗素2000指数": "^RUT", "罗素2000": "^RUT", "罗素小盘股指数": "^RUT",
    "标普600指数": "^SML", "标普600": "^SML", "标普小盘600指数": "^SML",
    "标普400指数": "^MID", "标普400": "^MID", "标普中盘400指数": "^MID",
    "VIX指数": "^VIX", "恐慌指数": "^VIX", "波动率指数": "^VIX",
    "苹果公司": "AAPL", "苹果": "AAPL", "微软": "MSFT", "英伟达": "NVDA", "亚马逊": "AMZN",
    "特斯拉": "TSLA", "谷歌": "GOOGL", "摩根大通": "JPM",
    # markets with no bundled series: named so a claim about them is never pinned elsewhere
    "国际金价": "GC=F", "金价": "GC=F", "黄金": "GC=F", "现货黄金": "GC=F",
    "国际油价": "CL=F", "油价": "CL=F", "原油": "CL=F", "布伦特原油": "BZ=F",
    "白银": "SI=F", "比特币": "BTC-USD", "美元指数": "DX-Y.NYB",
    "日经225指数": "^N225", "日经指数": "^N225", "恒生指数": "^HSI", "上证综指": "000001.SS",
    "上证指数": "000001.SS", "富时100指数": "^FTSE", "斯托克600指数": "^STOXX",
}  # fmt: skip
# 10年期美债收益率, 美国10年期国债收益率, 2年期美债收益率 ...
TENORS = {"2": "DGS2", "两": "DGS2", "二": "DGS2", "5": "^FVX", "五": "^FVX", "10": "DGS10",
          "十": "DGS10", "30": "DGS30", "三十": "DGS30"}  # fmt: skip
YIELD = re.compile(
    r"(?:美国)?(?P<n>30|三十|10|十|5|五|2|两|二)\s*年期\s*(?:美国)?(?:美债|国债|公债|美国国债)"
    r"(?:基准)?(?:收益率|利率)?"
)
# a name followed by these is not the market ("苹果手机" is a phone)
NOT_AFTER = re.compile(r"^(?:手机|产品|公司的?(?:营收|收入|利润)|营收|收入|利润|市值|销量|财报)")

UP = ("上涨", "走高", "攀升", "上升", "上扬", "上行", "收涨", "收高", "反弹", "大涨", "飙升",
      "劲升", "跳涨", "回升", "走强", "涨", "升")  # fmt: skip
DOWN = ("下跌", "走低", "下滑", "下降", "下挫", "下行", "回落", "收跌", "收低", "大跌", "暴跌",
        "重挫", "走弱", "跳水", "挫", "跌", "降")  # fmt: skip
UP_NOUNS = ("涨幅", "升幅", "增幅")
DOWN_NOUNS = ("跌幅", "降幅")
LEVEL_CUES = ("收于", "收报", "收在", "报收", "收盘报", "升至", "涨至", "跌至", "降至", "回落至",
              "攀升至", "下滑至", "上涨至", "下跌至", "回升至", "走高至", "走低至", "上升至",
              "下降至", "位于", "达到", "报")  # fmt: skip
CLOSE_CUES = ("收于", "收报", "收在", "报收", "收盘报")
BOUND_CUES = {"站上": "above", "突破": "above", "站稳": "above", "跌破": "below"}
HEDGES = ("大约", "接近", "将近", "约", "近")
BOUNDS_BEFORE = {"超过": "above", "逾": "above", "超": "above", "不到": "below", "不足": "below"}
# words that may stand between a cue and its number ("上涨了约", "涨幅为")
BETWEEN = r"(?:了|为|达|达到|高达|仅|约为|约|大约|近|接近|将近|逾|超过|超|不到|不足)*"

_alt = "|".join
DIRECTION_BEFORE = re.compile(
    rf"(?P<w>{_alt(sorted(UP + DOWN, key=len, reverse=True))})\s*{BETWEEN}\s*$"
)
NOUN_BEFORE = re.compile(rf"(?P<w>{_alt(UP_NOUNS + DOWN_NOUNS)})\s*{BETWEEN}\s*$")
LEVEL_BEFORE = re.compile(
    rf"(?P<w>{_alt(sorted(LEVEL_CUES + tuple(BOUND_CUES), key=len, reverse=True))})\s*{BETWEEN}\s*$"
)
# a direction word right before a level cue's 至 is part of the cue ("升至"), never a change
# The words of a clause that name nothing: what is left once subjects, times and these go is
# an unknown subject ("科技股", "油价期货").
FILLER = re.compile(
    r"[\s，,、（）()“”\"'：:]|该股|该指数|该基准指数|该指标|其|它|此|已|累计|逆势|继续|再度|"
    r"进一步|大幅|小幅|微幅|微|则|而|也|亦|均|都|双双|同样|最终|随后|分别|合计|仍|还|更|又|"
    r"同期|期间|股价|股票|收盘|尾盘|周线|月线|以来|至今|迄今|全周|全月|当周|当月|"
    r"美股|此外|与此同时|同时|方面|其中|个股|指数|上周五|周[一二三四五]"
)
PRONOUN = re.compile(r"^\s*(?:该股|该指数|该基准指数|其|它|此)")
INTRADAY = re.compile(r"盘中|一度|日内高点|日内低点|盘中高点|盘中低点|最高|最低")
FORECAST = re.compile(
    r"预计|预期|预测|料将|料|有望|或将|将会|将要|可能|估计|目标价|目标位|展望|明年|下周|下个月|"
    r"将(?=上涨|下跌|升|跌|涨|降|回落|攀升|突破|跌破|达到)"
)
TOTALS = re.compile(r"累计|总共|合计|一共|共计")

FED = re.compile(r"美联储|联储|联邦公开市场委员会|FOMC|联邦基金利率|鲍威尔")
OTHER_BANKS = re.compile(
    r"欧洲央行|欧央行|英国央行|英格兰银行|日本央行|日银|中国人民银行|央行(?!.*美联储)"
)
CUT = re.compile(r"降息|减息|下调|调降|削减|降低|下调利率")
HIKE = re.compile(r"加息|升息|上调|调升|提高|上调利率")
FED_RANGE = re.compile(r"目标区间|目标范围|利率区间|联邦基金利率|基准利率|政策利率")
PRIOR = re.compile(r"此前|原先|原来|之前|从(?=\s*\d)")
RATE_COUNT = re.compile(
    r"(?P<run>连续)?\s*第\s*(?P<n>[一二两三四五六七八九十]+|\d{1,2})\s*次\s*"
    r"(?:(?P<cut>降息|减息|下调利率|下调)|(?P<hike>加息|升息|上调利率|上调))"
)
YEAR_SCOPE = re.compile(r"(?:今年|年内|本年度|本年|(?:19|20)\d\d\s*年)(?:以来)?(?:的)?\s*$")
