"""Gebieden and partijen a file names but the database lacks: which of them look like one that is
there (the import proposes that one), which may be added as new, and what the user chose.

A new gebied or partij is only made on request, one by one on the page (`NameChoices.add`) or all
at once with the command line's `--add-missing` (`NameChoices.add_all`), and never one that looks
like a gebied or partij already there (`lookalikes`): 'Woonstichting Eén' is read as the existing
'Woonstichting Een' when the user says so (`NameChoices.same_as`), or the file is corrected.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.ingest import areas, gebiedsindeling, ouders
from dashboard.ingest.lookalikes import Lookalikes
from dashboard.ingest.problems import Problem
from dashboard.models import Gebied, Partij

SOORTEN = ("gebied", "partij")


@dataclass(frozen=True)
class NameChoices:
    """What to do with names the database lacks. `add`: (soort, naam) pairs to add as new;
    `same_as`: (soort, naam in the file, the existing partij naam or gebied code it means);
    `add_all`: add every new one that looks like none already there (--add-missing)."""

    add: frozenset[tuple[str, str]] = frozenset()
    same_as: frozenset[tuple[str, str, str]] = frozenset()
    add_all: bool = False

    @classmethod
    def of(cls, add_missing) -> NameChoices:
        """The import's `add_missing`: False (nothing), True (--add-missing) or a NameChoices."""
        if isinstance(add_missing, NameChoices):
            return add_missing
        return cls(add_all=bool(add_missing))

    def wants(self, soort: str, naam: str) -> bool:
        return self.add_all or (soort, naam) in self.add

    def mapping(self, soort: str) -> dict[str, str]:
        """{naam in the file: existing naam or code} for one column."""
        return {naam: existing for kind, naam, existing in self.same_as if kind == soort}

    def notes(self) -> list[str]:
        """For the report: how names were read."""
        return [f"{soort} '{naam}' gelezen als '{existing}'" for soort, naam, existing in sorted(self.same_as)]


@dataclass(frozen=True)
class UnknownName:
    """A gebied or partij of the file that the database lacks, as the page offers it."""

    soort: str  # gebied or partij
    naam: str  # as written in the file
    lookalikes: tuple[str, ...]  # existing ones it nearly duplicates: partij names, gebied codes
    may_add: bool  # can be added as new: a well-formed code, or a partij that looks like none


def unknown_names(problems: list[Problem]) -> list[UnknownName]:
    """The distinct unknown gebieden and partijen among a refused file's problems, in file order."""
    seen: dict[tuple[str, str], UnknownName] = {}
    for problem in problems:
        naam = problem.value
        if problem.missing == "gebied" and areas.level(areas.normalise(naam)):
            naam = areas.normalise(naam)  # a code as it is stored ('gm0505  ' is GM0505)
        if problem.missing in SOORTEN and (problem.missing, naam) not in seen:
            may_add = not problem.lookalikes and (problem.missing == "partij" or naam != problem.value
                                                  or areas.level(naam) is not None)
            seen[problem.missing, naam] = UnknownName(problem.missing, naam, problem.lookalikes, may_add)
    return list(seen.values())


def partij_ids(session: Session) -> dict[str, int]:
    """Partijen by lower-cased name and by code, as a file may use either."""
    ids = {}
    for partij in session.scalars(select(Partij)):
        ids[partij.naam.lower()] = partij.id
        if partij.code:
            ids[partij.code.lower()] = partij.id
    return ids


def add(session: Session, frame: pd.DataFrame, choices: NameChoices) -> list[str]:
    """The deliberate step: add the gebieden (well-formed CBS codes) and partijen the file names,
    the database lacks and `choices` asks for, never one that looks like one already there. A
    gebied is named after its code, a partij gets soort 'overig'; both can be corrected later with
    a gebieden- or partijenbestand; a gemeente of the CBS indeling gets its CBS name, and its
    provincie and the land. Returns what was added, for the report."""
    added = []
    known = set(session.scalars(select(Gebied.code)))
    renamed = choices.mapping("gebied")
    codes = {areas.normalise(renamed.get(c, c)) for c in frame["gebied"].unique()} - known
    wanted = sorted((c for c in codes if areas.level(c) and choices.wants("gebied", c)),
                    key=lambda c: (areas.rank(areas.level(c)), c))
    existing = {g.code: g for g in session.scalars(select(Gebied))} if wanted else {}
    for code in wanted:
        gemeente = gebiedsindeling.resolve(code) if areas.level(code) == "gemeente" else None
        naam = gemeente.naam if gemeente else code
        ouders.make_above(session, existing, code, naam, Counter(), added)
        existing[code] = Gebied(code=code, naam=naam, niveau=areas.level(code),
                                ouder=existing.get(ouders.implied(code, naam) or ""))
        session.add(existing[code])
        session.flush()
        added.append(f"gebied {code}" + (f" ({naam})" if gemeente else ""))
    if "partij" in frame:
        ids = partij_ids(session)
        existing = Lookalikes(session.scalars(select(Partij.naam)))
        renamed = choices.mapping("partij")
        for naam in [n for n in frame["partij"].unique() if n]:  # in file order: a later spelling is the lookalike
            naam = renamed.get(naam, naam)
            if naam.lower() in ids or not choices.wants("partij", naam) or existing.of(naam):
                continue
            session.add(Partij(naam=naam[:200], soort="overig"))
            ids[naam.lower()] = -1
            existing.add(naam)  # a second spelling of it in the same file is not added too
            added.append(f"partij {naam}")
    session.flush()
    return added
