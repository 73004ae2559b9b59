"""Periods as users write them (2024, 2024-K1, 2024Q1, 2024KW01, 2024-03, 2024MM03, 2024JJ00).

Stored canonically as `2024`, `2024-K1` or `2024-03`, with year, kind and number beside it so
queries can filter and sort without parsing strings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERNS = (
    (re.compile(r"^(\d{4})(?:JJ00)?$"), "jaar"),
    (re.compile(r"^(\d{4})\s*(?:-\s*)?(?:K|Q|KW)0?(\d)$"), "kwartaal"),
    (re.compile(r"^(\d{4})(?:-|MM)(\d{1,2})$"), "maand"),
)
_MAX = {"jaar": 0, "kwartaal": 4, "maand": 12}
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


class InvalidPeriod(ValueError):
    """A period that does not exist; the message is Dutch and says how to write it."""


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


def parse(text: str) -> Periode:
    """Read a period in any accepted spelling; raise InvalidPeriod with an example otherwise."""
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
