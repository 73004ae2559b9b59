"""Denkbeeldstad's Woningwet cycle: 2026 signed by all five parties, 2027 with three bods (one
late) and no signatures yet past 1 December 2026, and a slapend geschil about the numbers."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import select

from dashboard import config
from dashboard.cyclus import bod, geschil, ondertekening
from dashboard.demo.afspraken import DEMO, DW, GEM, HV, NH, TB
from dashboard.models import Afspraak

# corporation, received, summary, key figures (onderwerp, waarde, eenheid, afspraak nummer)
BODS = {
    2026: [
        (DW, date(2025, 6, 26), "Denkbeeld Wonen bouwt door in Havenkwartier en verduurzaamt De Akkers.",
         [("sociale huurwoningen nieuwbouw", 60, "woningen", "2.1"), ("woningen van label E, F of G af", 90, "woningen", "5.1")]),
        (TB, date(2025, 6, 30), "Thuisbaak zet in op Molenkamp: kleine woningen voor senioren.",
         [("sociale huurwoningen nieuwbouw", 40, "woningen", "2.1"), ("woningen van label E, F of G af", 80, "woningen", "5.1")]),
        (NH, date(2025, 6, 20), "Nergenshuis houdt het bezit op peil en kijkt naar splitsen.",
         [("sociale huurwoningen nieuwbouw", 15, "woningen", "2.1")]),
    ],
    2027: [
        (DW, date(2026, 6, 24), "Denkbeeld Wonen: de tender in Havenkwartier kwam 18% duurder uit; minder nieuwbouw, "
                                "meer verduurzaming.",
         [("sociale huurwoningen nieuwbouw", 40, "woningen", "2.1"), ("woningen van label E, F of G af", 110, "woningen", "5.1")]),
        (NH, date(2026, 6, 30), "Nergenshuis: vijftien woningen erbij door splitsing.",
         [("sociale huurwoningen nieuwbouw", 15, "woningen", "2.1")]),
        (TB, date(2026, 8, 14), "Thuisbaak: bod zes weken na de termijn, na herziening van de meerjarenbegroting.",
         [("sociale huurwoningen nieuwbouw", 20, "woningen", "2.1"), ("woningen van label E, F of G af", 70, "woningen", "5.1")]),
    ],
}
TEKENAARS_2026 = [
    (GEM, "A. Jansen", "wethouder Wonen"), (DW, "B. de Boer", "directeur-bestuurder"),
    (TB, "C. Yilmaz", "directeur-bestuurder"), (NH, "D. Smit", "bestuurder"), (HV, "E. Visser", "voorzitter"),
]
GESCHIL = geschil.GeschilInvoer(
    jaar=2027, verzoeker=GEM, onderwerp="totstandkoming",
    geschilpunt="De gemeente vraagt voor 2027 het tempo van afspraak 2.1: 90 sociale huurwoningen erbij (450 in "
                "2024–2028). De bods komen samen op 75. Thuisbaak wil de verduurzaming voorrang geven.",
    standpunten="Gemeente: de woonvisie vraagt 30% sociale huur in de nieuwbouw en het tempo van 2.1. Thuisbaak: met "
                "de stijgende bouwkosten gaat verduurzaming van het bestaande bezit voor. Huurdersvereniging: steunt "
                "meer nieuwbouw, maar niet ten koste van de aanpak van vocht en schimmel.",
    beleid="Woonvisie Denkbeeldstad 2024–2030 (vastgesteld door de raad, 12 december 2023)",
    status="slapend",
    toelichting="Nog in overleg. Besproken in de stuurgroep; voorleggen aan de minister pas als het overleg vastloopt.")


def _pdf(titel: str, tekst: str) -> bytes:
    """A one-page bod as a corporation would send it (a fictional letter)."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setTitle(titel)
    page.setFont("Helvetica-Bold", 14)
    page.drawString(72, 770, titel)
    page.setFont("Helvetica", 11)
    for i, line in enumerate(["Fictief voorbeeld (demodata).", "", tekst]):
        page.drawString(72, 740 - 16 * i, line[:95])
    page.save()
    return out.getvalue()


def load(session, media_dir: Path | None = None) -> None:
    media_dir = media_dir or config.load().media_dir
    nummers = dict(session.execute(select(Afspraak.nummer, Afspraak.id)).all())
    for jaar, bods in BODS.items():
        for partij, ontvangen, samenvatting, cijfers in bods:
            bod.opslaan(session, DEMO, bod.BodInvoer(
                partij=partij, jaar=jaar, ontvangen_op=ontvangen, samenvatting=samenvatting,
                document=_pdf(f"Bod {partij} voor {jaar}", samenvatting), document_naam=f"bod-{jaar}.pdf",
                cijfers=[bod.Cijfer(o, w, e, nummers.get(n)) for o, w, e, n in cijfers]),
                media_dir, max_bytes=10_000_000)
    for partij, naam, functie in TEKENAARS_2026:
        ondertekening.tekenen(session, DEMO, ondertekening.TekenInvoer(partij, 2026, date(2025, 11, 27), naam, functie))
    geschil.vastleggen(session, DEMO, GESCHIL)
