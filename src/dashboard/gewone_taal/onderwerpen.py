"""Per indicator: how a person says its value, what it is about, and what it counts.

A sentence template knows these marks:
  {P}    the period: "In 2025" or, for a stock counted at the end, "Eind 2025"
  {n}    the value as a plain number (1.234)         {x}   the value with its unit (28,4%, € 652 per maand)
  {a|b}  a when the value is 1, else b (kwam|kwamen)  {+a|b} a when the value is 0 or more, else b
  {xa}   the value without its sign, with its unit
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Onderwerp:
    zin: str  # the value sentence
    wat: str  # what it is about, for "Over ... is er nog geen cijfer"
    ding: tuple[str, str] | None = None  # what is counted (one, several); None: a rate or an average
    eind: bool = False  # a stock, counted at the end of the period

    @property
    def telbaar(self) -> bool:
        """Counts of things: a difference is said as '17 meer'; otherwise as the value before."""
        return self.ding is not None


WONING = ("woning", "woningen")
HUISHOUDEN = ("huishouden", "huishoudens")

ONDERWERPEN: dict[str, Onderwerp] = {
    "woningvoorraad_totaal": Onderwerp("{P} {was|waren} er {n} {woning|woningen}.", "het aantal woningen", WONING, True),
    "woningvoorraad_corporatie": Onderwerp("{P} hadden de corporaties {n} {huurwoning|huurwoningen}.",
                                           "de huurwoningen van corporaties", ("huurwoning", "huurwoningen"), True),
    "aandeel_sociale_huur": Onderwerp("{P} was {x} van alle woningen een sociale huurwoning.",
                                      "het deel sociale huurwoningen"),
    "nieuwbouw_opgeleverd": Onderwerp("{P} bouwden de corporaties {n} {nieuwe woning|nieuwe woningen}.",
                                      "nieuwe woningen", ("nieuwe woning", "nieuwe woningen")),
    "nieuwbouw_sociaal": Onderwerp("{P} {kwam|kwamen} er {n} {sociale huurwoning|sociale huurwoningen} bij.",
                                   "nieuwe sociale huurwoningen", ("sociale huurwoning", "sociale huurwoningen")),
    "sloop": Onderwerp("{P} {werd|werden} {n} {woning|woningen} gesloopt.", "gesloopte woningen", WONING),
    "verkoop": Onderwerp("{P} verkochten de corporaties {n} {woning|woningen}.", "verkochte huurwoningen", WONING),
    "transformatie": Onderwerp("{P} {kwam|kwamen} er {n} {woning|woningen} bij door verbouwen of splitsen.",
                               "woningen uit verbouw of splitsing", WONING),
    "plancapaciteit": Onderwerp("{P} {stond|stonden} er {n} {woning|woningen} in de bouwplannen.",
                                "woningen in de bouwplannen", WONING, True),
    "verhuringen": Onderwerp("{P} {kreeg|kregen} {n} {huishouden|huishoudens} een huurwoning van een corporatie.",
                             "verhuurde huurwoningen", HUISHOUDEN),
    "passend_toewijzen": Onderwerp("{P} kreeg {x} van de huurders met huurtoeslag een betaalbare huur.",
                                   "betaalbare huur bij huurtoeslag"),
    "toewijzingen_urgent": Onderwerp("{P} {kreeg|kregen} {n} {huishouden|huishoudens} met voorrang een woning.",
                                     "woningen voor mensen met voorrang", HUISHOUDEN),
    "statushouders_gehuisvest": Onderwerp(
        "{P} {kreeg|kregen} {n} {vluchteling|vluchtelingen} met een verblijfsvergunning een woning.",
        "woningen voor vluchtelingen met een verblijfsvergunning",
        ("vluchteling met een verblijfsvergunning", "vluchtelingen met een verblijfsvergunning")),
    "inschrijfduur": Onderwerp("{P} stonden nieuwe huurders gemiddeld {x} ingeschreven.",
                               "hoe lang nieuwe huurders ingeschreven stonden"),
    "zoekduur": Onderwerp("{P} zochten nieuwe huurders gemiddeld {x} actief naar een woning.",
                          "hoe lang nieuwe huurders zochten"),
    "slaagkans": Onderwerp("{P} vond {x} van de woningzoekenden een woning.", "hoeveel woningzoekenden slaagden"),
    "reacties_per_woning": Onderwerp("{P} reageerden gemiddeld {n} mensen op elke vrije huurwoning.",
                                     "reacties op vrije huurwoningen"),
    "mutatiegraad": Onderwerp("{P} kreeg {x} van de huurwoningen een nieuwe huurder.",
                              "huurwoningen met een nieuwe huurder"),
    "leegstand": Onderwerp("{P} stond {x} van de huurwoningen leeg.", "lege huurwoningen"),
    "gemiddelde_huur": Onderwerp("{P} was de gemiddelde kale huur {x}.", "de gemiddelde huur"),
    "huursomstijging": Onderwerp("{P} {+steeg|daalde} de huur van zittende huurders gemiddeld {xa}.",
                                 "de huurstijging"),
    "betaalrisico": Onderwerp("{P} kwam {x} van de huishoudens niet rond.", "huishoudens die niet rondkomen"),
    "huurachterstand": Onderwerp("{P} {had|hadden} {n} {huurder|huurders} een achterstand met de huur.",
                                 "huurders met een achterstand", ("huurder", "huurders"), True),
    "ontruimingen": Onderwerp("{P} {werd|werden} {n} {huishouden|huishoudens} uit huis gezet om huurschuld.",
                              "huishoudens die uit huis zijn gezet", HUISHOUDEN),
    "label_efg": Onderwerp("{P} {had|hadden} {n} {woning|woningen} een slecht energielabel (E, F of G).",
                           "woningen met een slecht energielabel",
                           ("woning met een slecht energielabel", "woningen met een slecht energielabel"), True),
    "aardgasvrij": Onderwerp("{P} {was|waren} {n} {woning|woningen} van het aardgas af.", "woningen zonder aardgas",
                             ("woning zonder aardgas", "woningen zonder aardgas"), True),
    "energie_index": Onderwerp("{P} gebruikte een huurwoning gemiddeld {n} kWh energie per vierkante meter.",
                               "het energiegebruik van huurwoningen"),
    "conditie_slecht": Onderwerp("{P} {was|waren} {n} {woning|woningen} in slechte staat van onderhoud.",
                                 "woningen in slechte staat",
                                 ("woning in slechte staat", "woningen in slechte staat"), True),
    "leefbaarheid_uitgaven": Onderwerp("{P} gaven corporaties {x} per woning uit aan een prettige buurt.",
                                       "geld voor een prettige buurt"),
    "huurdersoordeel": Onderwerp("{P} gaven huurders hun corporatie gemiddeld een {x}.", "het cijfer van huurders"),
    "ouderenwoningen": Onderwerp("{P} {was|waren} {n} {woning|woningen} geschikt voor ouderen.",
                                 "woningen voor ouderen", ("woning voor ouderen", "woningen voor ouderen"), True),
    "woningtekort": Onderwerp("{P} was het tekort aan woningen {x} van alle woningen.", "het tekort aan woningen"),
}


def onderwerp(sleutel: str, naam: str, eenheid: str, aggregatie: str) -> Onderwerp:
    """The catalogue's own indicators have their sentence; another one gets a plain general one."""
    if sleutel in ONDERWERPEN:
        return ONDERWERPEN[sleutel]
    telbaar = eenheid in ("woningen", "aantal")
    return Onderwerp(f"{naam}: {{x}} ({{p}}).", naam.lower(), ("", "") if telbaar else None, aggregatie == "laatste")
