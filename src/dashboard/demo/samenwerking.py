"""Three years of the samenwerkingsmonitor for the demo town, generated deterministically.

Five parties answer with enough people to be shown; the zorggroep with two, so the page shows
what happens below three. The tenants' association trusts the others about two points less than
the gemeente does, and feels less of a full partner: the gap the stuurgroep should talk about.
The respondents are demo accounts without a password: they cannot log in.

`write(folder)` writes samenwerking.json (through `python -m dashboard.demo.afspraken`);
`load(session)` creates the accounts and stores the answers through the write function the page uses.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.models import Partij
from dashboard.samenwerking import antwoorden
from dashboard.samenwerking.vragenlijst import STELLINGEN
from dashboard.toegang import access, accounts

FILE = "samenwerking.json"
JAREN = (2023, 2024, 2025)
SEED = 2026
# partij, code for the account names, respondents per year, mean score, and what differs per statement
PARTIJEN = [
    ("Gemeente Denkbeeldstad", "gemeente", 4, 3.8, {"vertrouwen": 0.6, "huurders": 0.2}),
    ("Woonstichting Denkbeeld Wonen", "denkbeeldwonen", 4, 3.7, {"vertrouwen": 0.3, "wederkerigheid": -0.3}),
    ("Wooncorporatie Thuisbaak", "thuisbaak", 3, 3.7, {"informatie": -0.3}),
    ("Huurdersvereniging Samen Sterk", "samensterk", 5, 3.7, {"vertrouwen": -1.5, "huurders": -1.3, "informatie": -0.5}),
    ("Stichting Welzijn Denkbeeldstad", "welzijn", 3, 3.7, {"kring": -0.7, "energie": 0.3}),
    ("Zorggroep De Denkbeeldhof", "denkbeeldhof", 2, 3.5, {"kring": -0.8}),
]
OPMERKINGEN = {
    2023: ["Het overleg is vooral een vergadering met de bestuurders; in de wijk merken we er weinig van.",
           "We horen het conceptbod pas als het al vastligt.",
           "Fijn dat zorg en welzijn dit jaar aan tafel zaten."],
    2024: ["De werksessies in de wijken gaven energie. Meer daarvan.",
           "Informatie over de nieuwbouwplanning komt laat en in stukjes.",
           "Huurders worden vaker gevraagd, maar nog te vaak als laatste."],
    2025: ["Het gesprek over de duurdere aanbesteding was open: zo moet het.",
           "Wij willen eerder weten welke woningen worden verkocht.",
           "De keukentafelteams laten zien wat samenwerken oplevert.",
           "Vertrouwen groeit, maar langzaam; spreek elkaar vaker aan buiten de vergadering."],
}


def account_name(code: str, number: int) -> str:
    return f"demo.{code}.{number}"


def generate() -> dict:
    """Respondents and their answers; the same every time (seeded)."""
    r = random.Random(SEED)
    respondenten, antwoorden_ = [], []
    for partij, code, aantal, basis, extra in PARTIJEN:
        respondenten += [{"naam": account_name(code, i), "partij": partij} for i in range(1, aantal + 1)]
    for offset, jaar in enumerate(JAREN):
        remarks = list(OPMERKINGEN[jaar])
        for partij, code, aantal, basis, extra in PARTIJEN:
            for i in range(1, aantal + 1):
                scores = {}
                for stelling in STELLINGEN:
                    if r.random() < 0.06:
                        scores[stelling.key] = None  # "weet ik niet"
                        continue
                    # a slow improvement for everyone, a little faster on trust for the tenants
                    gemiddeld = basis + extra.get(stelling.key, 0) + 0.1 * offset
                    if code == "samensterk" and stelling.key == "vertrouwen":
                        gemiddeld += 0.05 * offset
                    scores[stelling.key] = max(1, min(5, round(gemiddeld + r.gauss(0, 0.4))))
                opmerking = remarks.pop(0) if remarks and r.random() < 0.35 else ""
                antwoorden_.append({"naam": account_name(code, i), "jaar": jaar, "scores": scores, "opmerking": opmerking})
    return {"respondenten": respondenten, "antwoorden": antwoorden_}


def write(folder: Path) -> Path:
    target = folder / FILE
    target.write_text(json.dumps(generate(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


def load(session: Session, folder: Path) -> dict[str, access.Visitor]:
    """Create the respondents (no password) and store their answers. Returns, per partij, a visitor for
    its first demo account: the demo's voortgang and stories are written in that name."""
    data = json.loads((folder / FILE).read_text(encoding="utf-8"))
    partijen = dict(session.execute(select(Partij.naam, Partij.id)).all())
    visitors: dict[str, access.Visitor] = {}
    per_naam = {}
    for respondent in data["respondenten"]:
        partij_id = partijen[respondent["partij"]]
        user = accounts.new_account(session, respondent["naam"], "partner", None, partij_id, door="demo")
        per_naam[user.naam] = access.Visitor(name=user.naam, role="partner", partij_id=partij_id,
                                             partij=respondent["partij"], gebruiker_id=user.id)
        visitors.setdefault(respondent["partij"], per_naam[user.naam])
    for answer in data["antwoorden"]:
        antwoorden.save(session, per_naam[answer["naam"]], antwoorden.Antwoord(
            jaar=answer["jaar"], scores=answer["scores"], opmerking=answer["opmerking"]))
    return visitors
