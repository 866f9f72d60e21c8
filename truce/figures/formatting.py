"""How a number is written on the site. One place, so a figure reads the same everywhere.

Both editions read from here: :data:`FORMATS` writes English ("$4.5 billion", "12 April 2025"),
:data:`FORMATS_ZH` writes the same value the Chinese way ("45亿美元", "2025年4月12日",
"24个百分点", "1200万吨"); :func:`format_value` takes the language.

Each format is a name (``pct``, ``pp``, ``usd_bn`` …) mapped to a function of the value and
the number of decimals. A figure declares its format and, optionally, alternative spellings
that readers use for the same value (``pct_word`` for "145 percent"); alternatives are
formats too, so they are always derived from the data, never typed.
"""

from __future__ import annotations

import datetime as dt
import math

from truce.i18n import MONTHS_EN as MONTHS  # one list of month names


def _num(value: float, decimals: int) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"cannot format {value!r}")
    text = f"{value:,.{decimals}f}"
    return "0" if text in ("-0", "-0.0") and decimals == 0 else text


def _date(value: dt.date, decimals: int = 0) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _month(value: dt.date, decimals: int = 0) -> str:
    return f"{MONTHS[value.month - 1]} {value.year}"


FORMATS = {
    "pct": lambda v, d: f"{_num(v, d)}%",
    "pct_word": lambda v, d: f"{_num(v, d)} percent",
    "pp": lambda v, d: f"{_num(v, d)} percentage points",
    "pp_short": lambda v, d: f"{_num(v, d)} pp",
    "usd_bn": lambda v, d: f"${_num(v, d)} billion",
    "usd_m": lambda v, d: f"${_num(v, d)} million",
    "tonnes": lambda v, d: f"{_num(v, d)} tonnes",
    "mmt": lambda v, d: f"{_num(v, d)} million tonnes",
    "count": lambda v, d: _num(v, 0),
    "number": lambda v, d: _num(v, d),
    "times": lambda v, d: f"{_num(v, d)}×",
    "date": _date,
    "month": _month,
}


def _num_zh(value: float, decimals: int) -> str:
    """Chinese texts group digits only from five digits up: 6357吨, 332,000."""
    text = _num(value, decimals)
    return text.replace(",", "") if abs(value) < 10000 else text


def _trim(value: float, decimals: int) -> str:
    """A number after a change of unit (billions to 亿): at most ``decimals`` places, no trailing zeros."""
    text = _num_zh(value, decimals)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _usd_zh(billions: float, decimals: int) -> str:
    """US dollars given in billions, the Chinese way: 亿 (10^8) or 万亿 (10^12)."""
    if abs(billions) >= 1000:
        return f"{_trim(billions / 1000, decimals + 3)}万亿美元"
    return f"{_trim(billions * 10, max(decimals - 1, 0))}亿美元"


def _usd_m_zh(millions: float, decimals: int) -> str:
    if abs(millions) >= 100:
        return _usd_zh(millions / 1000, decimals + 3)
    return f"{_trim(millions * 100, max(decimals - 2, 0))}万美元"


def _tonnes_zh(tonnes: float, decimals: int) -> str:
    """Tonnes the Chinese way: 6357吨; a round figure from ten thousand up in 万吨 (332,000 ->
    33.2万吨), an exact count in 吨 (57,392吨)."""
    if abs(tonnes) >= 10000 and round(tonnes) % 100 == 0:
        return f"{_trim(tonnes / 10000, decimals + 4)}万吨"
    return f"{_num_zh(tonnes, decimals)}吨"


def _date_zh(value: dt.date, decimals: int = 0) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


FORMATS_ZH = {
    "pct": lambda v, d: f"{_num_zh(v, d)}%",
    "pct_word": lambda v, d: f"{_num_zh(v, d)}%",
    "pp": lambda v, d: f"{_num_zh(v, d)}个百分点",
    "pp_short": lambda v, d: f"{_num_zh(v, d)}个百分点",
    "usd_bn": _usd_zh,
    "usd_m": _usd_m_zh,
    "tonnes": _tonnes_zh,
    "mmt": lambda v, d: f"{_trim(v * 100, max(d - 2, 0))}万吨",
    "count": lambda v, d: _num_zh(v, 0),
    "number": lambda v, d: _num_zh(v, d),
    "times": lambda v, d: f"{_num_zh(v, d)}倍",
    "date": _date_zh,
    "month": lambda v, d=0: f"{v.year}年{v.month}月",
}
LANGUAGES = {"en": FORMATS, "zh": FORMATS_ZH}


def format_value(value, kind: str, decimals: int = 0, lang: str = "en") -> str:
    """``format_value(145.0, "pct") == "145%"``, ``format_value(4.5, "usd_bn", 1, "zh") == "45亿美元"``;
    unknown formats and languages raise ``KeyError``."""
    formats = LANGUAGES[lang]
    if kind not in formats:
        raise KeyError(f'unknown format "{kind}" (known: {", ".join(sorted(formats))})')
    return formats[kind](value, decimals)
