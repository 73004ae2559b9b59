"""The growing circle: who took part, year by year, in one afspraak or in the whole set.

Taking part is writing: a voortgang update or a story, for a partij, by an account. Per year the
parties that did so (with their number of updates and stories) and the number of people who wrote;
a party is new in the first year it took part in what is looked at.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.models import Partij, Verhaal, Voortgang
from dashboard.models.afspraken import verhaal_afspraken

PARTIJ_COLUMNS = ["jaar", "partij", "soort", "voortgang", "verhalen", "nieuw"]
JAAR_COLUMNS = ["jaar", "partijen", "nieuwe_partijen", "schrijvers", "bijdragen"]


def _contributions(session: Session, afspraak_id: int | None) -> pd.DataFrame:
    updates = select(Voortgang.datum, Voortgang.auteur_id, Voortgang.gebruiker)
    verhalen = select(Verhaal.datum, Verhaal.partij_id, Verhaal.gebruiker)
    if afspraak_id is not None:
        updates = updates.where(Voortgang.afspraak_id == afspraak_id)
        verhalen = verhalen.where(Verhaal.id.in_(
            select(verhaal_afspraken.c.verhaal_id).where(verhaal_afspraken.c.afspraak_id == afspraak_id)))
    rows = [(d.year, p, g, "voortgang") for d, p, g in session.execute(updates)]
    rows += [(d.year, p, g, "verhalen") for d, p, g in session.execute(verhalen)]
    return pd.DataFrame(rows, columns=["jaar", "partij_id", "gebruiker", "soort_bijdrage"])


def per_jaar(session: Session, afspraak_id: int | None = None) -> dict[str, pd.DataFrame]:
    """{"partijen": jaar, partij, soort, voortgang, verhalen, nieuw; "jaren": jaar, partijen,
    nieuwe_partijen (names), schrijvers, bijdragen}, oldest year first."""
    bijdragen = _contributions(session, afspraak_id)
    if bijdragen.empty:
        return {"partijen": pd.DataFrame(columns=PARTIJ_COLUMNS), "jaren": pd.DataFrame(columns=JAAR_COLUMNS)}
    namen = {i: (n, s) for i, n, s in session.execute(select(Partij.id, Partij.naam, Partij.soort))}
    bekend = bijdragen.dropna(subset=["partij_id"]).astype({"partij_id": int})
    partijen = (bekend.groupby(["jaar", "partij_id", "soort_bijdrage"]).size().unstack(fill_value=0)
                .reindex(columns=["voortgang", "verhalen"], fill_value=0).rename_axis(columns=None).reset_index())
    eerste = partijen.groupby("partij_id")["jaar"].transform("min")
    partijen = partijen.assign(partij=partijen["partij_id"].map(lambda i: namen[i][0]),
                               soort=partijen["partij_id"].map(lambda i: namen[i][1]),
                               nieuw=partijen["jaar"] == eerste)
    partijen = partijen.sort_values(["jaar", "partij"])[PARTIJ_COLUMNS].reset_index(drop=True)
    jaren = []
    for jaar, group in bijdragen.groupby("jaar"):
        in_jaar = partijen[partijen["jaar"] == jaar]
        jaren.append({"jaar": int(jaar), "partijen": len(in_jaar), "nieuwe_partijen": in_jaar[in_jaar["nieuw"]]["partij"].tolist(),
                      "schrijvers": group["gebruiker"].replace("", pd.NA).dropna().nunique(), "bijdragen": len(group)})
    return {"partijen": partijen, "jaren": pd.DataFrame(jaren, columns=JAAR_COLUMNS)}
