"""Answering: one answer per account per year, for the account's own partij; answering again updates it.

Nobody reads another's answer: `own` gives an account its own answer back (to change it), and
everything else only leaves this package as results per party (uitslag.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import audit, clock
from dashboard.afspraken import Invalid
from dashboard.models import Inzending, Score
from dashboard.samenwerking.vragenlijst import BY_KEY, SCHAAL
from dashboard.toegang import access

MAX_OPMERKING = 2000


@dataclass
class Antwoord:
    jaar: int
    scores: dict[str, int | None] = field(default_factory=dict)  # None: "weet ik niet", not counted
    opmerking: str = ""


def _check(antwoord: Antwoord) -> dict[str, int]:
    problems, scores = {}, {}
    if not isinstance(antwoord.jaar, int) or not 2000 <= antwoord.jaar <= clock.today().year:
        problems["jaar"] = f"Kies een jaar tot en met {clock.today().year}."
    for key, score in antwoord.scores.items():
        if key not in BY_KEY:
            problems[key] = "Deze stelling staat niet in de vragenlijst. Vernieuw de pagina."
        elif score is not None and score not in SCHAAL:
            problems[key] = "Kies een score van 1 (helemaal oneens) tot 5 (helemaal eens), of 'weet ik niet'."
        elif score is not None:
            scores[key] = int(score)
    if not scores and not problems:
        problems["_"] = "Geef bij minstens één stelling een score; 'weet ik niet' mag bij de rest."
    if len(antwoord.opmerking or "") > MAX_OPMERKING:
        problems["opmerking"] = f"Houd de opmerkingen onder {MAX_OPMERKING} tekens."
    if problems:
        raise Invalid(problems)
    return scores


def save(session: Session, visitor: access.Visitor, antwoord: Antwoord) -> int:
    """Store the visitor's answer for the year, for its own partij (read from the session, never the form).
    A second answer in the same year replaces the first: one account counts once."""
    access.require(visitor, "samenwerking_invullen")
    if visitor.gebruiker_id is None:
        raise access.NotAllowed("Alleen een account van een partij kan de vragenlijst invullen.")
    scores = _check(antwoord)
    inzending = session.scalar(select(Inzending).where(Inzending.gebruiker_id == visitor.gebruiker_id,
                                                       Inzending.jaar == antwoord.jaar))
    nieuw = inzending is None
    if nieuw:
        inzending = Inzending(gebruiker_id=visitor.gebruiker_id, jaar=antwoord.jaar)
        session.add(inzending)
    inzending.partij_id, inzending.opmerking, inzending.bijgewerkt = visitor.partij_id, (antwoord.opmerking or "").strip(), clock.now()
    inzending.scores.clear()  # the old scores go first: a new score for the same statement has the same key
    session.flush()
    inzending.scores.extend(Score(stelling=key, score=score) for key, score in scores.items())
    session.flush()
    # the audit line says that someone answered, not what: answers are not shown to anyone
    audit.record(session, visitor.name, "samenwerking_ingevuld" if nieuw else "samenwerking_bijgewerkt",
                 f"samenwerkingsmonitor {antwoord.jaar}")
    return inzending.id


def own(session: Session, gebruiker_id: int | None, jaar: int) -> Antwoord | None:
    """This account's own answer for the year (to show it back and change it), or None."""
    if gebruiker_id is None:
        return None
    inzending = session.scalar(select(Inzending).where(Inzending.gebruiker_id == gebruiker_id, Inzending.jaar == jaar))
    if inzending is None:
        return None
    return Antwoord(jaar=jaar, scores={s.stelling: s.score for s in inzending.scores}, opmerking=inzending.opmerking)
