"""Template files a data officer can download, fill in Dutch Excel and import back: one per kind."""
from __future__ import annotations

import pandas as pd

from dashboard import export

EXAMPLES = {
    "observaties (lang)": pd.DataFrame(
        [["woningvoorraad_totaal", "GM0505", "", "2024", 1234.0],
         ["verhuringen", "WK050501", "Woonstichting Eén", "2024-K1", 56.0]],
        columns=["indicator", "gebied", "partij", "periode", "waarde"]),
    "observaties (breed)": pd.DataFrame(
        [["GM0505", "2024", "", 1234.0, 28.5]],
        columns=["gebied", "periode", "partij", "woningvoorraad_totaal", "aandeel_sociale_huur"]),
    "streefwaarden": pd.DataFrame(
        [["nieuwbouw_sociaal", "GM0505", "", "2025", 150.0]],
        columns=["indicator", "gebied", "partij", "periode", "streefwaarde"]),
    "gebieden": pd.DataFrame(
        [["NL01", "Nederland", "land", "", "", ""],
         ["PV28", "Zuid-Holland", "provincie", "NL01", "", ""],
         ["GM0505", "Dordrecht", "gemeente", "PV28", 51.81, 4.67],
         ["WK050501", "Binnenstad", "wijk", "GM0505", "", ""]],
        columns=["code", "naam", "niveau", "ouder", "lat", "lon"]),
    "partijen": pd.DataFrame([["Woonstichting Eén", "corporatie", "L1234"]], columns=["naam", "soort", "code"]),
    "indicatoren": pd.DataFrame(
        [["wachtlijst", "Woningzoekenden op de wachtlijst", "aantal", "lager", "laatste", "Woningzoekenden",
          "Ingeschreven woningzoekenden aan het eind van de periode.", "Woonruimteverdeling", 0.0, "", ""],
         ["wachttijd", "Gemiddelde wachttijd", "maanden", "lager", "gemiddelde", "Woningzoekenden",
          "Hoe lang woningzoekenden gemiddeld wachten.", "Woonruimteverdeling", 0.0, "", "wachtlijst"]],
        columns=["sleutel", "naam", "eenheid", "richting", "aggregatie", "categorie", "omschrijving",
                 "bron", "min", "max", "gewicht"]),
}


def template(name: str) -> bytes:
    """The example as Dutch Excel CSV (UTF-8 with BOM, `;`, decimal comma)."""
    return export.csv_bytes(EXAMPLES[name])
