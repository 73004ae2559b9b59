"""Every gebied under its parent, whatever order the files came in.

A wijk's gemeente and a buurt's wijk follow from the code; a gemeente's provincie from the CBS
gebiedsindeling (gebiedsindeling.py), and a provincie lies in the land. A gemeente imported
without one gets its provincie, and the provincie the land, made from the indeling when they are
not there yet. A gebied whose parent was not there when it came (wijken before their gemeente) is
linked as soon as the parent arrives, by whichever gebieden import brings it.
"""
from __future__ import annotations

from collections import Counter

from sqlalchemy.orm import Session

from dashboard.ingest import areas, gebiedsindeling
from dashboard.models import Gebied


def implied(code: str, naam: str) -> str | None:
    """The parent's code as the code or the indeling gives it: WK050501 -> GM0505, GM0505 Dordrecht
    -> PV28. A gemeente whose name is not the one CBS gives its code (a made-up town, 'GM0001
    Proefstad') gets no provincie from the indeling."""
    if areas.level(code) == "gemeente":
        gemeente = gebiedsindeling.resolve(code)
        return gemeente.provincie if gemeente and gemeente.heet(naam) else None
    return areas.parent(code)


def make_above(session: Session, existing: dict[str, Gebied], code: str, naam: str, counts: Counter,
               notes: list[str], in_file: frozenset[str] = frozenset()) -> None:
    """The provincie and land above a gemeente or provincie `code`, made from the indeling when
    neither the database nor the file (`in_file`) has them, each with a line for the report; a
    wijk's gemeente or a buurt's wijk is never made up, it comes with its own file."""
    ouder = implied(code, naam)
    if ouder is None or ouder in existing or ouder in in_file or areas.level(ouder) not in ("land", "provincie"):
        return
    naam = gebiedsindeling.LAND_NAAM if ouder == areas.LAND else gebiedsindeling.provincie_naam(ouder)
    make_above(session, existing, ouder, naam, counts, notes, in_file)
    gebied = existing[ouder] = Gebied(code=ouder, naam=naam, niveau=areas.level(ouder),
                                      ouder=existing.get(areas.parent(ouder) or ""))
    session.add(gebied)
    counts["new"] += 1
    notes.append(f"{gebied.niveau} {naam} ({ouder}) toegevoegd uit de CBS-gebiedsindeling")


def adopt(existing: dict[str, Gebied], counts: Counter, in_file: set[str]) -> None:
    """Link every gebied of an earlier import that has no parent to its parent, if that is there
    now (the file's own gebieden have theirs already); each one linked counts as changed."""
    for code, gebied in existing.items():
        if code in in_file or gebied.ouder_id is not None or gebied.ouder is not None:
            continue
        if ouder := existing.get(implied(code, gebied.naam) or ""):
            gebied.ouder = ouder
            counts["changed"] += 1
