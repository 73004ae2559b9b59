"""The one formatter for Dutch numbers, dates and units on screen (babel, nl_NL); moments in Dutch time."""
from __future__ import annotations

import decimal
import math
from datetime import date, datetime
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_datetime as _format_datetime
from babel.numbers import parse_pattern

from dashboard import clock

LOCALE = "nl_NL"
GEEN_WAARDE = "–"
# The unit decides the decimals, everywhere a figure is written (tiles, tables, charts, the demo data):
# a percentage, a report mark and a duration in months get one; counts, euros and the rest none.
DECIMALS = {"%": 1, "cijfer": 1, "maanden": 1}
_SINGULAR = {"woningen": "woning", "maanden": "maand", "partijen": "partij"}  # "1 woning", "1 maand"
MOST_DECIMALS = 6  # an exact column shows no more than this (a float's noise lies beyond)
BARE_DECIMALS = 2  # a column of numbers without a unit: no more than this
_NL = Locale.parse(LOCALE)


@lru_cache(maxsize=8)
def _pattern(decimals: int):
    """Parsed once: babel's format_decimal parses locale and pattern on every call (~3x slower)."""
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))


def _missing(amount: float | None) -> bool:
    return amount is None or (isinstance(amount, float) and math.isnan(amount))


def number(amount: float | None, decimals: int = 0) -> str:
    """1234.5 -> '1.234,5'; None/NaN -> a dash."""
    if _missing(amount):
        return GEEN_WAARDE
    with decimal.localcontext() as context:
        context.rounding = decimal.ROUND_HALF_UP  # 2,5 -> 3, as readers expect; babel's default is half-even
        return _pattern(decimals).apply(decimal.Decimal(str(amount)), _NL)


def decimals(eenheid: str) -> int:
    """How many decimals a figure in this unit is written with (the catalogue gives each indicator its unit)."""
    return DECIMALS.get(eenheid, 0)


def whole(eenheid: str) -> bool:
    """Written without decimals: a chart axis in this unit has whole ticks (no '0,2 woningen')."""
    return decimals(eenheid) == 0


def needed(values, at_least: int = 0, at_most: int = MOST_DECIMALS) -> int:
    """The fewest decimals (from `at_least` up to `at_most`) that write every value exactly."""
    shown = [float(v) for v in values if not _missing(v)]
    for places in range(at_least, at_most):
        if all(abs(v - round(v, places)) < 1e-9 * max(1.0, abs(v)) for v in shown):
            return places
    return max(at_least, at_most)


def column(values, eenheid=None, exact: bool = False) -> list[str]:
    """A table column, every value with the same number of decimals, so '32' never stands above '32,1'.

    `eenheid`: one unit for the column, or one per row (a table of several indicators: each unit's
    rows share their decimals), or None for bare numbers (as many decimals as the values need).
    With `exact`, a value is never rounded away: at least the unit's decimals, more where the
    values have them (an import preview shows what will be stored).
    """
    values = list(values)
    units = [eenheid] * len(values) if eenheid is None or isinstance(eenheid, str) else list(eenheid)
    places = {}
    for unit in set(units):
        mine = [v for v, u in zip(values, units) if u == unit]
        if unit is None:
            places[unit] = needed(mine, 0, MOST_DECIMALS if exact else BARE_DECIMALS)
        else:
            places[unit] = needed(mine, decimals(unit)) if exact else decimals(unit)
    return [number(v, places[u]) for v, u in zip(values, units)]


def capital(text: str) -> str:
    """A phrase as the start of a sentence: 'sociale huurwoningen' -> 'Sociale huurwoningen'."""
    return text[:1].upper() + text[1:]


def count(n: float | None, een: str, meer: str) -> str:
    """A number with its noun in the right form: '1 bijdrage', '2 bijdragen', '1.234 woningen'."""
    if _missing(n):
        return f"{GEEN_WAARDE} {meer}"
    return f"{number(n)} {een if n == 1 else meer}"


def short(amount: float | None, eenheid: str) -> str:
    """A tile's big number: a symbol stays (28,4% · € 652), a word unit goes to the caption."""
    if _missing(amount):
        return GEEN_WAARDE
    if eenheid == "%":
        return f"{number(amount, 1)}%"
    if eenheid.startswith("EUR"):
        return f"€ {number(amount)}"
    return number(amount, decimals(eenheid))


def value(amount: float | None, eenheid: str) -> str:
    """A value with its unit as a reader expects it: '28,4%', '€ 652 per maand', '1.234 woningen'."""
    text = short(amount, eenheid)
    if _missing(amount) or eenheid in ("%", "EUR", "cijfer", "aantal", ""):
        return text
    if eenheid == "EUR/maand":
        return f"{text} per maand"
    return f"{text} {_SINGULAR.get(eenheid, eenheid) if text == '1' else eenheid}"


def d3(placeholder: str, eenheid: str) -> str:
    """The shape of value() as a plotly hover template ("%{x:,.1f}%", "€ %{y:,.0f} per maand"), so
    a chart with thousands of points writes its numbers in the browser; the figure's layout sets
    the Dutch separators (",.")."""
    number = f"%{{{placeholder}:,.{decimals(eenheid)}f}}"
    if eenheid == "%":
        return f"{number}%"
    if eenheid.startswith("EUR"):
        return f"€ {number}" + (" per maand" if eenheid == "EUR/maand" else "")
    return f"{number} {eenheid}" if eenheid not in ("cijfer", "aantal", "") else number


def periode(label: str, voorlopig: bool) -> str:
    """"2024 (voorlopig)" for a figure CBS may still revise (the trend's "2024*"), else the period as it is."""
    return f"{label.removesuffix('*')} (voorlopig)" if voorlopig else label


def unit_word(eenheid: str) -> str:
    """The unit as a caption under a tile's number: 'woningen', 'per maand'; empty for % and €."""
    return {"%": "", "EUR": "", "EUR/maand": "per maand", "cijfer": "rapportcijfer"}.get(eenheid, eenheid)


def change(delta: float | None, eenheid: str) -> str | None:
    """A signed change: '+12 woningen', '-1,3 procentpunt'. None when there is nothing to compare."""
    if _missing(delta):
        return None
    sign = "+" if delta > 0 else ("-" if delta < 0 else "±")
    if eenheid == "%":
        return f"{sign}{number(abs(delta), 1)} procentpunt"
    return f"{sign}{value(abs(delta), eenheid)}"


def day(moment: date | datetime) -> str:
    """7 maart 2025. A datetime (stored in UTC) gives its day in Amsterdam: 23:30 UTC on the 31st
    of January is 1 februari."""
    if isinstance(moment, datetime):
        moment = clock.local(moment).date()
    return _format_date(moment, format="d MMMM y", locale=LOCALE)


def _zone(text: str, zone: bool) -> str:
    return f"{text} ({clock.ZONE_NAME})" if zone else text


def moment(when: datetime, zone: bool = False) -> str:
    """A stored moment in Amsterdam time: '7 maart 2025 14:05'; with `zone`, '(Nederlandse tijd)'
    after it, for where a reader could take it for another zone (a link's expiry)."""
    return _zone(_format_datetime(clock.local(when), format="d MMMM y HH:mm", locale=LOCALE), zone)


def stamp(when: datetime, zone: bool = False) -> str:
    """A stored moment in Amsterdam time for columns that sort: '2025-03-07 14:05' (the CLI)."""
    return _zone(f"{clock.local(when):%Y-%m-%d %H:%M}", zone)
