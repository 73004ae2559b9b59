"""The rules that turn figures into sentences: what the value is, how it moved, how it stands
against the afspraak, and what is missing or not yet final. Numbers go through formatting.py.

Every function returns a list of sentences (each ends with a full stop), so a page can join them
into a paragraph and a slide can put them on lines of their own.
"""
from __future__ import annotations

import math
import re
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from dashboard import clock, formatting, queries
from dashboard.gewone_taal.onderwerpen import Onderwerp, onderwerp

if TYPE_CHECKING:
    from dashboard.afspraken import AfspraakInfo, Cijfer

_KEUZE = re.compile(r"\{(\+?)([^{}|]*)\|([^{}]*)\}")
_KWARTAAL = re.compile(r"^K(\d) (\d{4})$")
VORIGE = {"jaar": "het jaar ervoor", "kwartaal": "het kwartaal ervoor"}
LOPEND = {"jaar": "het jaar", "kwartaal": "het kwartaal"}
OORDEEL = {True: "Dat is goed nieuws.", False: "Dat is de verkeerde kant op."}
SCHEMA = {"op_koers": "Dat ligt op schema.", "aandacht": "Dat ligt net niet op schema.",
          "achter": "Dat ligt achter op schema."}


def _leeg(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _zin(template: str, waarde: float, eenheid: str, periode: str = "", eind: bool = False) -> str:
    """Fill a template (see onderwerpen.py) for one value."""
    def kies(match: re.Match) -> str:
        teken, een, meer = match.groups()
        if teken:
            return een if waarde >= 0 else meer
        return een if abs(waarde) == 1 else meer

    tekst = _KEUZE.sub(kies, template)
    return (tekst.replace("{P}", _moment(periode, eind)).replace("{p}", periode)
            .replace("{n}", formatting.number(waarde)).replace("{xa}", formatting.value(abs(waarde), eenheid))
            .replace("{x}", formatting.value(waarde, eenheid)))


def _moment(periode: str, eind: bool) -> str:
    """'In 2025', 'Eind 2025', 'In kwartaal 3 van 2025'."""
    kwartaal = _KWARTAAL.match(periode)
    tijd = f"kwartaal {kwartaal.group(1)} van {kwartaal.group(2)}" if kwartaal else periode
    return ("Eind " if eind else "In ") + tijd


def _voorlopig(periode: str, vandaag: date) -> bool:
    """A period that is not over yet gives a provisional figure."""
    kwartaal = _KWARTAAL.match(periode)
    if kwartaal:
        return (int(kwartaal.group(2)), int(kwartaal.group(1))) >= (vandaag.year, (vandaag.month - 1) // 3 + 1)
    return periode.isdigit() and int(periode) >= vandaag.year


def _aantal(n: float, ding: tuple[str, str]) -> str:
    return formatting.count(n, *ding).rstrip()


def verschil(o: Onderwerp, waarde: float, vorige: float | None, eenheid: str, soort: str,
             beter: bool | None) -> list[str]:
    """How the value moved against the period before, and whether that is good news."""
    tegen = VORIGE.get(soort, "de periode ervoor")
    if _leeg(vorige):
        return [f"Van {tegen} is er geen cijfer om mee te vergelijken."]
    delta = waarde - vorige
    if delta == 0:
        return [f"Dat is evenveel als {tegen}."]
    if o.telbaar:
        zinnen = [_zin(f"Dat {{is|zijn}} er {{n}} {'meer' if delta > 0 else 'minder'} dan {tegen}.", abs(delta), "")]
    else:
        zinnen = [f"{tegen[0].upper()}{tegen[1:]} was dat {formatting.value(vorige, eenheid)}."]
    return zinnen + ([OORDEEL[beter]] if beter is not None else [])


def doel(o: Onderwerp, waarde: float, streef: float, eenheid: str, richting: str, voor: str = "") -> list[str]:
    """The value against what was agreed: '17 meer dan afgesproken', 'De afspraak is: niet meer dan 3'.

    `voor` names the year of the target where the sentences around it speak of several years.
    """
    delta = waarde - streef
    if o.telbaar:
        if richting == "lager":
            zinnen = [f"De afspraak{voor} is: niet meer dan {formatting.number(streef)}."]
            return zinnen + ([_zin("Dat {is|zijn} er {n} te veel.", delta, "")] if delta > 0
                             else ["Dat is binnen de afspraak."])
        if richting == "neutraal":
            return [f"Het doel{voor} was {formatting.number(streef)}."]
        if delta == 0:
            return ["Dat is precies wat is afgesproken."]
        return [_zin(f"Dat {{is|zijn}} er {{n}} {'meer' if delta > 0 else 'minder'} dan afgesproken.", abs(delta), "")]
    target = formatting.value(streef, eenheid)
    if richting == "neutraal":
        return [f"Het doel{voor} is {target}."]
    gehaald = delta >= 0 if richting == "hoger" else delta <= 0
    return [f"De afspraak{voor} is: {'minstens' if richting == 'hoger' else 'hoogstens'} {target}.",
            "Dat is gehaald." if gehaald else "Dat is nog niet gehaald."]


def tegel(tile: dict, soort: str = "jaar", vandaag: date | None = None) -> list[str]:
    """A dashboard tile (a row of queries.tile_values) in plain sentences."""
    vandaag = vandaag or clock.today()
    o = onderwerp(tile["sleutel"], tile["naam"], tile["eenheid"], tile["aggregatie"])
    if _leeg(tile["waarde"]):
        return [f"Over {o.wat} is er in deze periode nog geen cijfer."]
    waarde, eenheid, periode = float(tile["waarde"]), tile["eenheid"], str(tile["periode"])
    zinnen = [_zin(o.zin, waarde, eenheid, periode, o.eind)]
    if not _leeg(tile["streefwaarde"]) and not (soort != "jaar" and tile["aggregatie"] == "som"):
        # targets are set per year: a quarter's flow is not held against a whole year's target
        zinnen += doel(o, waarde, float(tile["streefwaarde"]), eenheid, tile["richting"])
    zinnen += verschil(o, waarde, None if _leeg(tile["vorige"]) else float(tile["vorige"]), eenheid, soort,
                       tile["beter"] if isinstance(tile["beter"], bool) else None)
    if _voorlopig(periode, vandaag):
        zinnen.append(f"Dit cijfer is voorlopig: {LOPEND.get(soort, 'de periode')} is nog niet voorbij.")
    if not _leeg(tile.get("deels")):
        zinnen.append(f"Een nieuwere periode is nog niet compleet ({tile['deels']}); daarom staat hier {periode}.")
    return zinnen


def tegels(tiles: pd.DataFrame, soort: str = "jaar", vandaag: date | None = None) -> list[list[str]]:
    """The sentences of every tile, in the tiles' order: one paragraph each."""
    return [tegel(tile, soort, vandaag) for tile in tiles.to_dict("records")]


def _procent(aandeel: float) -> str:
    return f"{formatting.number(round(aandeel * 100))}%"


def afspraak(info: AfspraakInfo, cijfer: Cijfer | None, vandaag: date | None = None) -> list[str]:
    """An afspraak with figures (afspraken.detail and afspraken.cijfer) in plain sentences.

    Empty for an afspraak without a linked indicator: then there are no figures to tell.
    """
    indicator = info.indicator
    if indicator is None:
        return []
    trend, afgeleid, traject = (None, None, None) if cijfer is None else (cijfer.trend, cijfer.afgeleid, cijfer.traject)
    vandaag = vandaag or clock.today()
    eenheid, richting = indicator.eenheid, indicator.richting
    o = onderwerp(indicator.sleutel, indicator.naam, eenheid, indicator.aggregatie)
    waarden = pd.DataFrame(columns=["jaar", "waarde"]) if trend is None else queries.known(trend)
    waarden = waarden[waarden["jaar"] <= info.tot_jaar].sort_values("jaar")
    if waarden.empty:
        return [f"Er zijn nog geen cijfers over {o.wat}."]
    van, tot = info.van_jaar, info.tot_jaar
    laatste = waarden.iloc[-1]
    nu = _zin(o.zin, float(laatste["waarde"]), eenheid, str(int(laatste["jaar"])), o.eind)
    if traject is not None and traject.soort == "opgeteld":
        ding = o.ding or ("", "")
        zinnen = [f"De afspraak is: niet meer dan {_aantal(traject.doel, ding)} in {van} tot en met {tot}."
                  if richting == "lager" else f"Het doel is {_aantal(traject.doel, ding)} in {van} tot en met {tot}.",
                  _zin(f"Na {traject.geteld} van de {traject.jaren} jaar {{is|zijn}} het er {{n}}.", traject.stand, "")]
        zinnen += _onderweg(traject, "van het doel")
        if not traject.ontbrekend and afgeleid is not None:
            zinnen.append(SCHEMA[afgeleid.status])
    elif traject is not None:
        zinnen = [f"Het doel voor eind {tot} is {_aantal(traject.doel, o.ding)}." if o.telbaar
                  else f"Voor {o.wat} is het doel eind {tot}: {formatting.value(traject.doel, eenheid)}.", nu]
        zinnen += _onderweg(traject, "van de weg") + _jaardoel(o, afgeleid, eenheid, richting)
    elif afgeleid is not None:
        zinnen = [_zin(o.zin, afgeleid.waarde, eenheid, str(afgeleid.jaar), o.eind)]
        zinnen += _jaardoel(o, afgeleid, eenheid, richting)
    else:
        zinnen = [nu, "Er is geen doel om dit cijfer mee te vergelijken."]
    if int(laatste["jaar"]) >= vandaag.year:
        zinnen.append(f"Het cijfer over {int(laatste['jaar'])} is voorlopig.")
    return zinnen


def _onderweg(traject, weg: str) -> list[str]:
    """How far along against how much time has passed, and the years without a figure."""
    zinnen = []
    if traject.aandeel is not None:
        zinnen.append(f"Dat is {_procent(traject.aandeel)} {weg}, na {_procent(traject.aandeel_tijd)} van de tijd.")
    if traject.ontbrekend:
        jaren = " en ".join(str(j) for j in traject.ontbrekend)
        zinnen += [f"Voor {jaren} is er geen cijfer.", "Daarom is niet te zeggen of het op schema ligt."]
    return zinnen


def _jaardoel(o: Onderwerp, afgeleid, eenheid: str, richting: str) -> list[str]:
    """The year's value against the year's target, whether that target is an estimate, and the verdict."""
    if afgeleid is None:
        return []
    voor = " voor elk jaar" if afgeleid.per_jaar else f" voor {afgeleid.jaar}"
    zinnen = doel(o, afgeleid.waarde, afgeleid.streefwaarde, eenheid, richting, voor=voor)
    if afgeleid.per_jaar and o.telbaar and richting == "hoger":  # a count's sentence names no target
        zinnen.insert(0, f"De afspraak is minstens {formatting.number(afgeleid.streefwaarde)} per jaar.")
    if afgeleid.geschat:
        zinnen.append(f"Het doel voor {afgeleid.jaar} is geschat: een gelijk tempo naar het einddoel.")
    return zinnen + [SCHEMA[afgeleid.status]]
