"""A fictional national data set in the import formats: land, 12 provincies, 342 gemeenten, about
3,200 wijken and 14,000 buurten, about 275 corporations, and some 1.4 million observations.

Each gemeente is a demo town of its own size, drawn from a fixed seed: its series come from the
demo's generator (`stad._reeksen`), so the national figures follow the same rules as the demo's
(wijk stocks add up to the gemeente, rates stay within their bounds). Figures are stored per wijk
and per gemeente (x corporatie); provincie and land are left to be computed from the level below.
Files are written gemeente by gemeente, so 46 years (5.7 million rows) need no more memory than ten.
"""
from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np

from dashboard import formatting
from dashboard.demo import stad
from dashboard.ingest.areas import LAND

# CBS provincie codes with the number of gemeenten in each (2023: 342 together).
PROVINCIES = [
    ("PV20", "Groningen", 10, 53.22, 6.74), ("PV21", "Fryslân", 18, 53.11, 5.85),
    ("PV22", "Drenthe", 12, 52.86, 6.62), ("PV23", "Overijssel", 25, 52.44, 6.44),
    ("PV24", "Flevoland", 6, 52.53, 5.60), ("PV25", "Gelderland", 51, 52.06, 5.94),
    ("PV26", "Utrecht", 26, 52.08, 5.17), ("PV27", "Noord-Holland", 44, 52.58, 4.87),
    ("PV28", "Zuid-Holland", 50, 51.99, 4.48), ("PV29", "Zeeland", 13, 51.45, 3.84),
    ("PV30", "Noord-Brabant", 56, 51.56, 5.20), ("PV31", "Limburg", 31, 51.21, 5.94),
]
CORPORATIES = 275
WONINGEN_2016 = 7_700_000  # homes in the country in the first year
WIJKEN = 3_200
DEEL_A = ["Aa", "Beek", "Berg", "Bos", "Brug", "Dal", "Dijk", "Donk", "Eem", "Hof", "Holt", "Horst",
          "Hout", "Kamp", "Laar", "Loo", "Meer", "Oord", "Rade", "Veen", "Vliet", "Wold", "Zand", "Zijl"]
DEEL_B = ["broek", "dam", "dorp", "drecht", "em", "gaarde", "haven", "heim", "hoven", "huizen", "kerk",
          "land", "lo", "mond", "rode", "sel", "stede", "veld", "voort", "waard", "wijk", "zijl"]
WIJKNAMEN = ["Centrum", "Noord", "Oost", "Zuid", "West", "De Hoven", "Het Veld", "Buitengebied",
             "Molenwijk", "Bloemenbuurt", "Vogelwijk", "Stationskwartier", "De Akkers", "Kerkbuurt"]
CORP_VORMEN = ["Woonstichting {}", "Wooncorporatie {}", "{} Wonen", "Woongoed {}", "Stichting Woonbelang {}"]


def _naam(i: int) -> str:
    """Deterministic fictional place names, each different: Veenhoven, Dijkstede, ..."""
    a, b = divmod(i, len(DEEL_B))
    return DEEL_A[a % len(DEEL_A)] + DEEL_B[(b + 7 * a) % len(DEEL_B)] + ("" if a < len(DEEL_A) else " II")


def land(jaren: int = 10) -> tuple[list[tuple], list[tuple], list[stad.Gemeente]]:
    """(gebieden rows, partijen rows, gemeenten with their profiles), all from the seed."""
    rng = stad._rng("landelijk")
    provincie = np.repeat(np.arange(len(PROVINCIES)), [p[2] for p in PROVINCIES])
    n = len(provincie)
    grootte = rng.lognormal(0, 0.85, n)
    voorraad = grootte / grootte.sum() * WONINGEN_2016
    aantal_wijken = np.clip(np.round(voorraad / (WONINGEN_2016 / WIJKEN)), 2, 99).astype(int)  # a gemeente of one wijk would store no wijk
    # Corporations belong to a provincie; the bigger provincies have more of them.
    corp_provincie = np.sort(np.concatenate([  # at least one in every provincie
        np.arange(len(PROVINCIES)), rng.choice(len(PROVINCIES), CORPORATIES - len(PROVINCIES), p=np.bincount(provincie) / n)]))
    corp_grootte = rng.pareto(2.5, CORPORATIES) + 0.3
    corp_namen = [CORP_VORMEN[i % len(CORP_VORMEN)].format(_naam(500 + i)) for i in range(CORPORATIES)]

    gebieden = [(LAND, "Nederland (fictief)", "land", "", "52.20000", "5.30000")]
    gebieden += [(code, naam, "provincie", LAND, f"{lat:.5f}", f"{lon:.5f}") for code, naam, _, lat, lon in PROVINCIES]
    partijen = [(naam, "corporatie", f"L{1001 + i}") for i, naam in enumerate(corp_namen)]
    partijen += [(f"Huurdersvereniging {naam.split()[-1]} {i + 1}", "huurdersorganisatie", f"HO{1001 + i}")
                 for i, naam in enumerate(corp_namen)]
    gemeenten = []
    gebruikt = np.zeros(CORPORATIES, dtype=bool)
    for i in range(n):
        code, naam = f"GM{i + 1:04d}", _naam(i)
        pv, lat0, lon0 = PROVINCIES[provincie[i]][0], *PROVINCIES[provincie[i]][3:]
        lat, lon = lat0 + rng.normal(0, 0.18), lon0 + rng.normal(0, 0.25)
        gebieden.append((code, naam, "gemeente", pv, f"{lat:.5f}", f"{lon:.5f}"))
        partijen.append((f"Gemeente {naam}", "gemeente", code))
        W = int(aantal_wijken[i])
        wijken = [f"WK{i + 1:04d}{w + 1:02d}" for w in range(W)]
        for w, wijk in enumerate(wijken):
            wlat, wlon = lat + rng.normal(0, 0.02), lon + rng.normal(0, 0.03)
            wnaam = WIJKNAMEN[w] if w < len(WIJKNAMEN) else f"Wijk {w + 1}"
            gebieden.append((wijk, f"{naam} {wnaam}", "wijk", code, f"{wlat:.5f}", f"{wlon:.5f}"))
            for b in range(min(1 + rng.poisson(3.4), 99)):
                gebieden.append((f"BU{i + 1:04d}{w + 1:02d}{b + 1:02d}", f"{wnaam} {b + 1}", "buurt", wijk,
                                 f"{wlat + rng.normal(0, 0.004):.5f}", f"{wlon + rng.normal(0, 0.006):.5f}"))
        # One to six corporations of the provincie, the bigger gemeenten with more; unused ones first.
        pool = np.flatnonzero(corp_provincie == provincie[i])
        C = int(min(len(pool), np.clip(1 + rng.poisson(1.3 + voorraad[i] / 12_000), 1, 6)))
        kans = corp_grootte[pool] * np.where(gebruikt[pool], 1, 25)
        gekozen = np.sort(rng.choice(pool, C, replace=False, p=kans / kans.sum()))
        gebruikt[gekozen] = True
        gemeenten.append(_profiel(rng, code, wijken, [corp_namen[c] for c in gekozen], voorraad[i], jaren, i + 1))
    return gebieden, partijen, gemeenten


def _profiel(rng, code: str, wijken: list[str], corporaties: list[str], voorraad: float, jaren: int,
             zaad: int) -> stad.Gemeente:
    W, C = len(wijken), len(corporaties)
    aandeel = lambda concentratie: rng.dirichlet(np.full(W, concentratie))  # noqa: E731  shares adding up to 1
    return stad.Gemeente(
        code, wijken, corporaties,
        voorraad=np.round(voorraad * aandeel(4.0)), corp_aandeel=np.clip(rng.beta(3, 7, W), 0.05, 0.7),
        bouwlocatie=aandeel(0.8), transformatie=aandeel(1.0), kwetsbaar=rng.uniform(0.05, 0.95, W),
        ouderdom=rng.uniform(0.3, 1.4, W), marktaandeel=rng.uniform(6, 20, C), bouw_aandeel=rng.dirichlet(np.full(C, 3.0)),
        huur_verschil=rng.normal(0, 20, C), oordeel=rng.uniform(6.9, 7.8, C), verduurzaamtempo=rng.uniform(0.7, 1.3, C),
        passend=rng.normal(0, 0.8, C), leefbaarheid=rng.normal(0, 8, C),
        jaren=np.arange(2026 - jaren, 2026), zaad=(zaad,))


def _gewicht(x: np.ndarray, w: np.ndarray, aggregatie: str) -> np.ndarray:
    """The weighting series on x's grid: years from quarters, summed over what x does not split."""
    if w.shape[-1] != x.shape[-1]:
        w = stad._over_tijd(w, aggregatie)
    for as_ in (0, 1):
        if x.shape[as_] == 1 and w.shape[as_] > 1:
            w = w.sum(axis=as_, keepdims=True)
    return w


def observaties(g: stad.Gemeente, catalogus: dict[str, dict[str, str]]):
    """Every row of one gemeente: per wijk, per gemeente x corporatie and per gemeente."""
    reeksen = stad._reeksen(g)
    for sleutel, x in reeksen.items():
        indicator = catalogus[sleutel]
        weger = indicator.get("gewicht")
        gewicht = None
        if weger and sleutel not in stad.PER_KWARTAAL:
            gewicht = _gewicht(x, reeksen[weger], catalogus[weger]["aggregatie"])
        yield from stad._cellen(sleutel, x, indicator["aggregatie"], formatting.decimals(indicator["eenheid"]),
                                g, fijnste=False, gewicht=gewicht)


def write(folder: Path, jaren: int = 10) -> dict[str, Path]:
    """gebieden.csv, partijen.csv and observaties.csv in `folder`; returns them by kind."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    catalogus = stad.lees_catalogus()
    gebieden, partijen, gemeenten = land(jaren)
    paden = {soort: folder / f"{soort}.csv" for soort in ("gebieden", "partijen", "observaties")}
    stad._schrijf_csv(paden["gebieden"], ["code", "naam", "niveau", "ouder", "lat", "lon"], gebieden)
    stad._schrijf_csv(paden["partijen"], ["naam", "soort", "code"], partijen)
    rijen = itertools.chain.from_iterable(observaties(g, catalogus) for g in gemeenten)
    stad._schrijf_csv(paden["observaties"], ["indicator", "gebied", "partij", "periode", "waarde"], rijen)
    return paden

