"""An afspraak as a document tells it (the geschil dossier, the publication): its title, looptijd,
goal, status, ambition and the year's jaarschijf, the same in both."""
from __future__ import annotations

from dashboard.afspraken import STATUS_LABELS, AfspraakInfo
from dashboard.cyclus import document


def blokken(info: AfspraakInfo, jaar: int, kop: str = "") -> list[document.Blok]:
    regel = (f"Looptijd {info.van_jaar}–{info.tot_jaar} · status volgens de partijen: {STATUS_LABELS[info.status]}"
             + (f" · dient het doel: {info.doel[1]}" if info.doel else ""))
    found: list[document.Blok] = [document.Kop(f"{kop}{info.nummer} {info.titel}", 2), document.Alinea(regel)]
    found += [document.Alinea(info.ambitie.strip())] if info.ambitie.strip() else []
    stappen = info.activiteiten[info.activiteiten["jaar"] == jaar]["omschrijving"].tolist()
    found += [document.Alinea(f"Jaarschijf {jaar}:"), document.Lijst(stappen)] if stappen else []
    return found
