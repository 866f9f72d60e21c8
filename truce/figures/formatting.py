"""How a number is written on the site. One place, so a figure reads the same everywhere.

Each format is a name (``pct``, ``pp``, ``usd_bn`` …) mapped to a function of the value and
the number of decimals. A figure declares its format and, optionally, alternative spellings
that readers use for the same value (``pct_word`` for "145 percent"); alternatives are
formats too, so they are always derived from the data, never typed.
"""

from __future__ import annotations

import datetime as dt
import math

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


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


def format_value(value, kind: str, decimals: int = 0) -> str:
    """``format_value(145.0, "pct") == "145%"``; unknown formats raise ``KeyError``."""
    if kind not in FORMATS:
        raise KeyError(f'unknown format "{kind}" (known: {", ".join(sorted(FORMATS))})')
    return FORMATS[kind](value, decimals)
