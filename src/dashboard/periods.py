"""Periods as users write them (2024, 2024-K1, 2024Q1, 2024KW01, 2024-03, 2024MM03, 2024JJ00).

Stored canonically as `2024`, `2024-K1` or `2024-03`, with year, kind and number beside it so
queries can filter and sort without parsing strings.

A date (`31-12-2026`, `1-4-2026`, `31/12/2026`, `2026-12-31`), as Dutch Excel writes a peildatum,
is the period of a given kind that it falls in: `31-12-2026` is 2026 for yearly figures, 2026-K4
for quarterly ones and 2026-12 for monthly ones. Which kind is meant the caller decides (the
import: from the indicator's other periods); without one a date is refused with what it could mean.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_PATTERNS = (
    (re.compile(r"^(\d{4})(?:JJ00)?$"), "jaar"),
    (re.compile(r"^(\d{4})\s*(?:-\s*)?(?:K|Q|KW)0?(\d)$"), "kwartaal"),
    (re.compile(r"^(\d{4})(?:-|MM)(\d{1,2})$"), "maand"),
)
_DATES = (re.compile(r"^(?P<d>\d{1,2})[-/](?P<m>\d{1,2})[-/](?P<y>\d{4})$"),  # 31-12-2026, 1/4/2026
          re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"))  # 2026-12-31
_MAX = {"jaar": 0, "kwartaal": 4, "maand": 12}
SOORTEN = ("jaar", "kwartaal", "maand")
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


class InvalidPeriod(ValueError):
    """A period that does not exist; the message is Dutch and says how to write it."""


class DateWithoutKind(InvalidPeriod):
    """A date where a period is expected, and nothing said whether a year, quarter or month is meant."""

    def __init__(self, text: str, day: date):
        self.text, self.day = text, day
        super().__init__(f"'{text}' is een datum; als periode kan dat {options(day)} zijn. Schrijf de periode "
                         f"zelf, bijvoorbeeld {day.year}.")


@dataclass(frozen=True, order=True)
class Periode:
    jaar: int
    soort: str  # jaar, kwartaal, maand
    nummer: int  # 0 for a year

    @property
    def code(self) -> str:
        if self.soort == "jaar":
            return str(self.jaar)
        if self.soort == "kwartaal":
            return f"{self.jaar}-K{self.nummer}"
        return f"{self.jaar}-{self.nummer:02d}"

    @property
    def ordinal(self) -> int:
        """One number per period, distinct across kinds: year * 17, + quarter, or + 4 + month."""
        return self.jaar * 17 + self.nummer + (4 if self.soort == "maand" else 0)

    @property
    def label(self) -> str:
        """How a period reads on screen: 2024, K1 2024, maart 2024."""
        if self.soort == "jaar":
            return str(self.jaar)
        if self.soort == "kwartaal":
            return f"K{self.nummer} {self.jaar}"
        return f"{MAANDEN[self.nummer - 1]} {self.jaar}"

    def previous(self) -> Periode:
        if self.soort == "jaar":
            return Periode(self.jaar - 1, "jaar", 0)
        if self.nummer == 1:
            return Periode(self.jaar - 1, self.soort, _MAX[self.soort])
        return Periode(self.jaar, self.soort, self.nummer - 1)


def as_date(text: str) -> date | None:
    """The date a text writes (day first, as in Dutch), None when it is not written as a date;
    InvalidPeriod for a date that does not exist (31-02-2026)."""
    cleaned = str(text).strip()
    for pattern in _DATES:
        match = pattern.match(cleaned)
        if match:
            try:
                day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                raise InvalidPeriod(f"'{text}' is geen bestaande datum (dag-maand-jaar).") from None
            if not 1900 <= day.year <= 2100:
                raise InvalidPeriod(f"'{text}': jaar {day.year} ligt buiten 1900-2100.")
            return day
    return None


def containing(day: date, soort: str) -> Periode:
    """The period of kind `soort` that a day falls in: 31-12-2026 -> 2026, 2026-K4 or 2026-12."""
    nummer = {"jaar": 0, "kwartaal": (day.month - 1) // 3 + 1, "maand": day.month}[soort]
    return Periode(day.year, soort, nummer)


def options(day: date, soorten=SOORTEN) -> str:
    """What a date could mean as a period, in words: 'het jaar 2026, kwartaal 2026-K4 of maand 2026-12'."""
    words = {"jaar": "het jaar", "kwartaal": "kwartaal", "maand": "maand"}
    parts = [f"{words[s]} {containing(day, s).code}" for s in SOORTEN if s in soorten]
    return (", ".join(parts[:-1]) + " of " + parts[-1]) if len(parts) > 1 else parts[0]


def parse(text: str, soort: str | None = None) -> Periode:
    """Read a period in any accepted spelling; raise InvalidPeriod with an example otherwise.

    A date is the period of kind `soort` it falls in; without `soort` it raises DateWithoutKind."""
    day = as_date(text)
    if day is not None:
        if soort is None:
            raise DateWithoutKind(str(text).strip(), day)
        return containing(day, soort)
    cleaned = str(text).strip().upper()
    for pattern, soort in _PATTERNS:
        match = pattern.match(cleaned)
        if match:
            jaar = int(match.group(1))
            nummer = int(match.group(2)) if soort != "jaar" else 0
            if soort != "jaar" and not 1 <= nummer <= _MAX[soort]:
                wat, voorbeeld = (("geldig kwartaal", "2024-K1") if soort == "kwartaal"
                                  else ("geldige maand", "2024-03"))
                raise InvalidPeriod(f"'{text}' is geen {wat}. Gebruik bijvoorbeeld {voorbeeld}.")
            if not 1900 <= jaar <= 2100:
                raise InvalidPeriod(f"'{text}': jaar {jaar} ligt buiten 1900-2100.")
            return Periode(jaar, soort, nummer)
    raise InvalidPeriod(
        f"'{text}' is geen periode. Gebruik een jaar (2024), kwartaal (2024-K1) of maand (2024-03)."
    )
