"""The cycle's deadlines, as settings: the law and the minister's letter set them today, but a
date that policy may move is configuration, not a constant.

- DASHBOARD_BOD_VOOR (default 07-01): each corporation sends its bod before 1 July of the year
  before the afspraken (art. 44 Woningwet).
- DASHBOARD_AFSPRAKEN_VOOR (default 12-01): the afspraken are made by 1 December of that year
  (letter of 16 June 2023, Kamerstuk 29453-561).
- DASHBOARD_EVALUATIE_VOOR (default 07-01): the year is evaluated before 1 July after it.
- DASHBOARD_GESCHIL_MAANDEN (default 6): months of talks without afspraken after which a party
  may bring a geschil to the minister (art. 44 lid 4 Woningwet).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date

_DAG = re.compile(r"^(\d{2})-(\d{2})$")


class TermijnFout(ValueError):
    """A deadline setting that is no date; the message is Dutch and names the setting."""


@dataclass(frozen=True)
class Termijnen:
    bod: tuple[int, int] = (7, 1)
    afspraken: tuple[int, int] = (12, 1)
    evaluatie: tuple[int, int] = (7, 1)
    geschil_maanden: int = 6

    def bod_voor(self, jaar: int) -> date:
        """For the afspraken of `jaar`: in the year before."""
        return date(jaar - 1, *self.bod)

    def afspraken_voor(self, jaar: int) -> date:
        return date(jaar - 1, *self.afspraken)

    def evaluatie_voor(self, jaar: int) -> date:
        return date(jaar + 1, *self.evaluatie)

    def geschil_vanaf(self, jaar: int) -> date:
        """Six months (the setting) after the bods were due, talks count as not leading anywhere."""
        start = self.bod_voor(jaar)
        month = start.month - 1 + self.geschil_maanden
        return date(start.year + month // 12, month % 12 + 1, min(start.day, 28))


def _dag(name: str, default: tuple[int, int]) -> tuple[int, int]:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    found = _DAG.match(raw)
    try:
        if not found:
            raise ValueError
        date(2024, int(found[1]), int(found[2]))  # a leap year: 02-29 is allowed
    except ValueError:
        raise TermijnFout(f"{name}={raw!r} is geen dag van het jaar; schrijf MM-DD, bijvoorbeeld 07-01 voor "
                          "1 juli.") from None
    return int(found[1]), int(found[2])


def load() -> Termijnen:
    """Read the settings now; a wrong one raises TermijnFout with a Dutch message."""
    maanden = os.environ.get("DASHBOARD_GESCHIL_MAANDEN", "").strip() or "6"
    if not maanden.isdigit() or not 1 <= int(maanden) <= 24:
        raise TermijnFout(f"DASHBOARD_GESCHIL_MAANDEN={maanden!r} is geen aantal maanden van 1 tot 24.")
    return Termijnen(_dag("DASHBOARD_BOD_VOOR", (7, 1)), _dag("DASHBOARD_AFSPRAKEN_VOOR", (12, 1)),
                     _dag("DASHBOARD_EVALUATIE_VOOR", (7, 1)), int(maanden))
