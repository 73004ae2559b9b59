"""The year's afspraken for the gemeente's website: the signed afspraken, the besluitenlijst and
the progress, as an accessible PDF and as CSV files, with their metadata in a Frictionless Data
Package (datapackage.json: title, date, parties, licence), all in one ZIP.

The CSV files are written for Dutch Excel (semicolons, decimal comma, UTF-8 with BOM), as every
download of the product is (export.csv_bytes); the data package says so in each file's dialect.
"""
from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import afspraken, export, formatting
from dashboard.afspraken import STATUS_LABELS
from dashboard.cyclus import afspraaktekst, document
from dashboard.cyclus.fasen import jaar as cyclus_jaar
from dashboard.cyclus.termijnen import Termijnen
from dashboard.models import Afspraak, Voortgang
from dashboard.vergadering.besluiten import UITKOMST_LABELS, list_besluiten

# DASHBOARD_LICENTIE: the licence the gemeente publishes under (an SPDX id this table knows).
LICENTIES = {
    "CC-BY-4.0": ("Creative Commons Naamsvermelding 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": ("Creative Commons Zero 1.0 (publiek domein)", "https://creativecommons.org/publicdomain/zero/1.0/"),
}


class LicentieFout(ValueError):
    """DASHBOARD_LICENTIE names no licence this table knows; the message is Dutch."""


def licentie() -> str:
    chosen = os.environ.get("DASHBOARD_LICENTIE", "").strip() or "CC-BY-4.0"
    if chosen not in LICENTIES:
        raise LicentieFout(f"DASHBOARD_LICENTIE={chosen!r} is geen licentie die de monitor kent; kies "
                           f"{' of '.join(LICENTIES)}.")
    return chosen


@dataclass(frozen=True)
class Publicatie:
    titel: str
    blokken: list[document.Blok]
    tabellen: dict[str, pd.DataFrame]  # file name -> rows
    metadata: dict  # the data package descriptor

    def zip(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("publicatie.pdf", document.pdf(self.titel, self.metadata["description"], self.blokken))
            for name, frame in self.tabellen.items():
                archive.writestr(name, export.csv_bytes(frame))
            archive.writestr("datapackage.json", json.dumps(self.metadata, ensure_ascii=False, indent=2))
        return out.getvalue()


def _afspraken(session: Session, jaar: int) -> list[afspraken.AfspraakInfo]:
    ids = session.scalars(select(Afspraak.id).where(Afspraak.van_jaar <= jaar, Afspraak.tot_jaar >= jaar)
                          .order_by(Afspraak.nummer))
    return [afspraken.detail(session, i) for i in ids]


def _voortgang(session: Session, jaar: int) -> dict[int, Voortgang]:
    """Per afspraak its latest update dated in `jaar`."""
    rows = session.scalars(select(Voortgang).where(Voortgang.datum.between(date(jaar, 1, 1), date(jaar, 12, 31)))
                           .order_by(Voortgang.datum, Voortgang.id))
    return {v.afspraak_id: v for v in rows}


def samenstellen(session: Session, jaar: int, termijnen: Termijnen, vandaag: date, licentie_id: str) -> Publicatie:
    cyclus = cyclus_jaar(session, jaar, termijnen, vandaag)
    getekend = [h for h in cyclus.handtekeningen if h.datum]
    alle = bool(cyclus.handtekeningen) and len(getekend) == len(cyclus.handtekeningen)
    infos, voortgang = _afspraken(session, jaar), _voortgang(session, jaar)
    ids = {info.id for info in infos}
    besluiten = [b for b in list_besluiten(session) if b.afspraak_id in ids]  # every besluit on these afspraken
    naam, url = LICENTIES[licentie_id]
    titel = f"Prestatieafspraken {jaar}"
    blokken: list[document.Blok] = [
        document.Kop(titel),
        document.Alinea(f"De afspraken die de gemeente, de corporaties en de huurdersorganisaties maakten voor {jaar}, "
                        f"de besluiten van de stuurgroep erover en de voortgang. Gepubliceerd op "
                        f"{formatting.day(vandaag)} onder de licentie {naam} ({url})."),
        document.Alinea("Getekend door alle partijen." if alle else
                        "Let op: nog niet door alle partijen getekend. Dit is een concept."),
        document.Tabel(["Partij", "Getekend op", "Door", "Als"],
                       [[h.partij, formatting.day(h.datum) if h.datum else "nog niet", h.naam, h.functie]
                        for h in cyclus.handtekeningen], [0.34, 0.2, 0.22, 0.24]),
        document.Kop("De afspraken"),
    ]
    for info in infos:
        blokken += afspraaktekst.blokken(info, jaar)
    blokken.append(document.Kop("Besluitenlijst"))
    blokken.append(document.Tabel(["Datum", "Afspraak", "Voorstel", "Uitkomst"],
                                  [[formatting.day(b.datum), b.afspraak or "", b.voorstel, UITKOMST_LABELS[b.uitkomst]]
                                   for b in reversed(besluiten)], [0.16, 0.12, 0.56, 0.16])
                   if besluiten else document.Alinea("De stuurgroep nam over deze afspraken nog geen besluiten."))
    blokken.append(document.Kop(f"Voortgang {jaar}"))
    for info in infos:
        update = voortgang.get(info.id)
        cijfer = afspraken.figures(session, info.id)
        line = (f"{STATUS_LABELS[update.status]} ({formatting.day(update.datum)}): {update.toelichting}" if update
                else f"Nog geen voortgang gemeld in {jaar}.")
        blokken.append(document.Alinea(f"{info.nummer} {info.titel}. {line}"
                                       + (f" Cijfers: {cijfer.kop}." if cijfer is not None else "")))
    tabellen = {
        "afspraken.csv": pd.DataFrame([{
            "nummer": i.nummer, "titel": i.titel, "opgave": i.opgave, "van_jaar": i.van_jaar, "tot_jaar": i.tot_jaar,
            "trekker": next(iter(i.partijen[i.partijen["rol"] == "trekker"]["partij"]), ""),
            "streefwaarde": i.streefwaarde, "doel": i.doel[0] if i.doel else "",
            "jaarschijf": " | ".join(i.activiteiten[i.activiteiten["jaar"] == jaar]["omschrijving"])} for i in infos]),
        "besluiten.csv": pd.DataFrame([{
            "datum": b.datum.isoformat(), "afspraak": b.afspraak or "", "vergadering": b.vergadering,
            "voorstel": b.voorstel, "uitkomst": b.uitkomst} for b in reversed(besluiten)],
            columns=["datum", "afspraak", "vergadering", "voorstel", "uitkomst"]),
        "voortgang.csv": pd.DataFrame([{
            "afspraak": i.nummer, "datum": voortgang[i.id].datum.isoformat(), "status": voortgang[i.id].status,
            "toelichting": voortgang[i.id].toelichting} for i in infos if i.id in voortgang],
            columns=["afspraak", "datum", "status", "toelichting"]),
    }
    metadata = {
        "name": f"prestatieafspraken-{jaar}",
        "title": titel,
        "description": f"Prestatieafspraken {jaar}: de afspraken, de besluitenlijst en de voortgang.",
        "created": vandaag.isoformat(),
        "licenses": [{"name": licentie_id, "title": naam, "path": url}],
        "contributors": [{"title": h.partij, "role": h.soort, "organization": h.partij} for h in cyclus.handtekeningen],
        "keywords": ["prestatieafspraken", "Woningwet", str(jaar)],
        "resources": [{"name": name.removesuffix(".csv"), "path": name, "format": "csv", "mediatype": "text/csv",
                       "encoding": "utf-8-sig", "dialect": {"delimiter": ";", "lineTerminator": "\r\n"}}
                      for name in tabellen] + [{"name": "publicatie", "path": "publicatie.pdf", "format": "pdf",
                                                "mediatype": "application/pdf"}],
    }
    return Publicatie(titel, blokken, tabellen, metadata)
