"""The one formatter for Dutch numbers, dates and units on screen (babel, nl_NL)."""
from __future__ import annotations

import math
from datetime import date, datetime

from babel.dates import format_date as _format_date
from babel.dates import format_datetime as _format_datetime
from babel.numbers import format_decimal, format_percent

LOCALE = "nl_NL"
GEEN_WAARDE = "–"


def _decimals(eenheid: str) -> int:
    return {"%": 1, "cijfer": 1, "maanden": 0, "kWh/m2": 0, "EUR/maand": 0, "EUR": 0}.get(eenheid, 0)


def number(value: float | None, decimals: int = 0) -> str:
    """1234.5 -> '1.234,5'; None/NaN -> a dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return GEEN_WAARDE
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def value(value: float | None, eenheid: str) -> str:
    """A value with its unit as a reader expects it: '28,4%', '€ 652', '1.234 woningen'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return GEEN_WAARDE
    decimals = _decimals(eenheid)
    if eenheid == "%":
        return format_percent(value / 100, format="#,##0.0%", locale=LOCALE)
    if eenheid.startswith("EUR"):
        suffix = " per maand" if eenheid == "EUR/maand" else ""
        return f"€ {number(value, decimals)}{suffix}"
    if eenheid == "cijfer":
        return number(value, decimals)
    return f"{number(value, decimals)} {eenheid}"


def change(delta: float | None, eenheid: str) -> str | None:
    """A signed change: '+12 woningen', '-1,3 procentpunt'. None when there is nothing to compare."""
    if delta is None or (isinstance(delta, float) and math.isnan(delta)):
        return None
    sign = "+" if delta > 0 else ("-" if delta < 0 else "±")
    magnitude = abs(delta)
    if eenheid == "%":
        return f"{sign}{number(magnitude, 1)} procentpunt"
    return f"{sign}{value(magnitude, eenheid)}"


def day(moment: date | datetime) -> str:
    """7 maart 2025."""
    return _format_date(moment, format="d MMMM y", locale=LOCALE)


def moment(when: datetime) -> str:
    """7 maart 2025 14:05."""
    return _format_datetime(when, format="d MMMM y HH:mm", locale=LOCALE)
