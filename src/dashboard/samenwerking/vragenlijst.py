"""The questionnaire: about ten statements on the cooperation, each answered 1 (helemaal oneens) to 5
(helemaal eens), taken from the booklet's picture of a tripartite process that learns together."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stelling:
    key: str
    kort: str  # for charts and tables
    tekst: str  # as the respondent reads it


STELLINGEN = (
    Stelling("vertrouwen", "Vertrouwen", "Ik vertrouw erop dat de andere partijen open zijn over wat ze willen en kunnen."),
    Stelling("wederkerigheid", "Wederkerigheid", "Het is geven en nemen: niet één partij die vraagt, een ander die "
                                                  "levert en een derde die schikt."),
    Stelling("informatie", "Informatie delen", "Partijen delen informatie op tijd en uit zichzelf, zodat we niet langs "
                                               "elkaar heen werken."),
    Stelling("huurders", "Huurders volwaardig", "Huurders praten als volwaardige partner mee, vanaf het begin en niet "
                                                "pas als alles al vastligt."),
    Stelling("energie", "Energie en inspiratie", "Het samen maken en uitvoeren van de afspraken geeft mij energie en "
                                                 "inspiratie."),
    Stelling("opgave", "De opgave voorop", "We vertrekken bij de maatschappelijke opgave in de wijken, niet bij het "
                                           "belang van de eigen organisatie."),
    Stelling("nakomen", "Afspraken nakomen", "Partijen komen hun afspraken na, en zeggen het op tijd als iets niet lukt."),
    Stelling("leren", "Samen leren", "We bespreken de voortgang om samen te leren en bij te sturen, niet om af te rekenen."),
    Stelling("aanspreken", "Aanspreken en steunen", "We spreken elkaar aan als het stroef gaat, en steunen elkaar als "
                                                    "het moeilijk wordt."),
    Stelling("kring", "Een groeiende kring", "Ook partijen buiten de driehoek, zoals zorg, welzijn en bewoners, doen "
                                             "echt mee."),
)
BY_KEY = {s.key: s for s in STELLINGEN}
SCHAAL = {1: "helemaal oneens", 2: "oneens", 3: "neutraal", 4: "eens", 5: "helemaal eens"}
