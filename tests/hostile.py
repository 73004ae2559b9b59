"""User text that tries to be more than text: Markdown images (a tracking pixel every reader's browser
would fetch), links, raw HTML and Streamlit's own directives, planted where each page shows it.
Shared by the page tests and the browser test (a plain module: test files must not import conftest)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update

from dashboard import afspraken, data_version
from dashboard.db import Database
from dashboard.models import Afspraak, Partij, Verhaal, Vergadering, Voortgang
from dashboard.verhalen import verhalen

HOST = "evil.invalid"  # never resolves; a request for it is what must not happen
TITEL = f"![x](http://{HOST}/titel.png) [klik](http://{HOST}/t)"
VERTELLER = f"**Ria** <img src=http://{HOST}/verteller.png>"
CITAAT = f"Kijk ![c](http://{HOST}/citaat.png) :red[rood]"
TEKST = f"Een verhaal met ![b](http://{HOST}/tekst.png) en <img src=http://{HOST}/tekst2.png>."
TOELICHTING = f"![p](http://{HOST}/toelichting.png) <b>vet</b> [link](http://{HOST}/l) :material/home:"
AFSPRAAK = f"Wonen ![a](http://{HOST}/afspraak.png)"
PARTIJ = f"Samen ![s](http://{HOST}/partij.png) Sterk"
VERGADERING = f"Stuurgroep ![v](http://{HOST}/vergadering.png)"


@dataclass(frozen=True)
class Planted:
    verhaal_id: int  # the newest story: on the Kompas, and told for `afspraak_id`
    afspraak_id: int  # on the Kompas's attention list, its newest voortgang with TOELICHTING
    vergadering_id: int  # with this afspraak on its agenda


def plant(db: Database) -> Planted:
    """Put the hostile texts in the demo data (as a partner, a redacteur or an import could) and raise
    the data version, so a running server reads them at once."""
    with db.make_session() as session:
        nieuwste = verhalen.gallery(session)[0]
        afspraak_id = next(a.id for a in nieuwste.afspraken)
        eerste = int(afspraken.attention(session)["id"].iloc[0])
    with db.session() as session:
        session.execute(update(Verhaal).where(Verhaal.id == nieuwste.id).values(
            titel=TITEL, verteller=VERTELLER, citaat=CITAAT, citaat_van=VERTELLER, tekst=TEKST))
        for which in {afspraak_id, eerste}:
            newest = session.scalar(select(func.max(Voortgang.id)).where(Voortgang.afspraak_id == which))
            session.execute(update(Voortgang).where(Voortgang.id == newest).values(toelichting=TOELICHTING))
        session.execute(update(Afspraak).where(Afspraak.id == afspraak_id).values(titel=AFSPRAAK))
        partij_id = session.scalar(select(Partij.id).where(Partij.id == nieuwste.partij_id)) or session.scalar(
            select(Partij.id).order_by(Partij.id).limit(1))
        session.execute(update(Partij).where(Partij.id == partij_id).values(naam=PARTIJ))
        vergadering_id = session.scalar(select(Vergadering.id).order_by(Vergadering.datum.desc()).limit(1))
        session.execute(update(Vergadering).where(Vergadering.id == vergadering_id).values(titel=VERGADERING))
        data_version.bump(session)
    return Planted(nieuwste.id, afspraak_id, vergadering_id)
