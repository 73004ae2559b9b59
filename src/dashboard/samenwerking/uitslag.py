"""Results of the samenwerkingsmonitor: per party, per statement and over the years, never per person.

A party's figure is shown only when at least three of its accounts scored that statement that year
(MIN_RESPONDENTEN); with fewer, the party is named with its count and no figure. The statements on
which the shown parties differ by a point or more are flagged, largest gap first, in words: that
is the conversation the stuurgroep should have. Open remarks are listed without names or parties.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard import formatting
from dashboard.models import Inzending, Partij, Score
from dashboard.samenwerking.vragenlijst import BY_KEY, STELLINGEN

MIN_RESPONDENTEN = 3
VERSCHIL = 1.0  # a gap of a whole point on a five-point scale is worth a conversation


def years(session: Session) -> list[int]:
    """Years with answers, newest first."""
    return sorted(session.scalars(select(Inzending.jaar).distinct()), reverse=True)


def _scores(session: Session, jaar: int | None = None) -> pd.DataFrame:
    query = (select(Inzending.jaar, Partij.naam, Partij.soort, Score.stelling, Score.score, Inzending.id)
             .join(Score, Score.inzending_id == Inzending.id).join(Partij, Partij.id == Inzending.partij_id))
    if jaar is not None:
        query = query.where(Inzending.jaar == jaar)
    return pd.DataFrame(session.execute(query).all(), columns=["jaar", "partij", "soort", "stelling", "score", "inzending"])


def _means(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Mean and number of respondents per group, kept only where at least MIN_RESPONDENTEN answered."""
    grouped = frame.groupby(by, sort=False).agg(gemiddelde=("score", "mean"), respondenten=("inzending", "nunique"))
    return grouped[grouped["respondenten"] >= MIN_RESPONDENTEN].reset_index()


def _gap_text(row: dict) -> str:
    return (f"{row['kort']}: {row['laagst']} scoort gemiddeld {formatting.number(row['verschil'], 1)} punt lager dan "
            f"{row['hoogst']} ({formatting.number(row['laag'], 1)} tegen {formatting.number(row['hoog'], 1)}).")


def results(session: Session, jaar: int) -> dict:
    """One year's results: respondents per party, mean per party and statement, the flagged gaps, the remarks."""
    frame = _scores(session, jaar)
    order = {s.key: i for i, s in enumerate(STELLINGEN)}
    respondenten = (pd.DataFrame(session.execute(
        select(Partij.naam, Partij.soort, func.count(Inzending.id)).join(Inzending, Inzending.partij_id == Partij.id)
        .where(Inzending.jaar == jaar).group_by(Partij.naam, Partij.soort).order_by(Partij.soort, Partij.naam)).all(),
        columns=["partij", "soort", "respondenten"]))
    per_partij = _means(frame, ["partij", "stelling"]) if not frame.empty else pd.DataFrame(
        columns=["partij", "stelling", "gemiddelde", "respondenten"])
    per_partij = per_partij.assign(kort=per_partij["stelling"].map(lambda k: BY_KEY[k].kort),
                                   volgorde=per_partij["stelling"].map(order)).sort_values(["volgorde", "partij"])
    getoond = set(per_partij["partij"])
    gaps = []
    for key, group in per_partij.groupby("stelling", sort=False):
        if len(group) < 2:
            continue
        hoog, laag = group.loc[group["gemiddelde"].idxmax()], group.loc[group["gemiddelde"].idxmin()]
        verschil = float(hoog["gemiddelde"] - laag["gemiddelde"])
        if verschil >= VERSCHIL - 1e-9:
            row = {"stelling": key, "kort": BY_KEY[key].kort, "hoogst": hoog["partij"], "hoog": float(hoog["gemiddelde"]),
                   "laagst": laag["partij"], "laag": float(laag["gemiddelde"]), "verschil": round(verschil, 2)}
            gaps.append({**row, "tekst": _gap_text(row)})
    gaps.sort(key=lambda g: (-g["verschil"], order[g["stelling"]]))
    totaal = int(respondenten["respondenten"].sum()) if not respondenten.empty else 0
    opmerkingen = sorted(t for t in session.scalars(select(Inzending.opmerking).where(Inzending.jaar == jaar)) if t.strip())
    return {
        "jaar": jaar, "respondenten": totaal,
        "partijen": respondenten.assign(getoond=respondenten["partij"].isin(getoond)),
        "scores": per_partij.drop(columns=["volgorde"]).reset_index(drop=True),
        "verschillen": gaps,
        # remarks without names or parties, and only where enough people answered that one voice is not singled out
        "opmerkingen": opmerkingen if totaal >= MIN_RESPONDENTEN else [],
    }


def over_the_years(session: Session) -> pd.DataFrame:
    """jaar, partij, gemiddelde over all statements, respondenten: only party-years with enough respondents."""
    frame = _scores(session)
    if frame.empty:
        return pd.DataFrame(columns=["jaar", "partij", "gemiddelde", "respondenten"])
    return _means(frame, ["jaar", "partij"]).sort_values(["jaar", "partij"]).reset_index(drop=True)


def statement_over_the_years(session: Session, stelling: str) -> pd.DataFrame:
    """jaar, partij, gemiddelde, respondenten for one statement (the flagged one, to see if the gap closes)."""
    frame = _scores(session)
    frame = frame[frame["stelling"] == stelling]
    if frame.empty:
        return pd.DataFrame(columns=["jaar", "partij", "gemiddelde", "respondenten"])
    return _means(frame, ["jaar", "partij"]).sort_values(["jaar", "partij"]).reset_index(drop=True)
