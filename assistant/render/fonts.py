"""The font stack of finnews's HTML pages: Latin fonts first, then the CJK fonts each
platform ships, then the generic family, so Chinese text never falls to tofu boxes
where any CJK font is installed."""

from __future__ import annotations

FONT_STACK = (
    'system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",'
    '"Noto Sans SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB",'
    '"Microsoft YaHei","WenQuanYi Micro Hei","WenQuanYi Zen Hei","Droid Sans Fallback",'
    "sans-serif"
)
