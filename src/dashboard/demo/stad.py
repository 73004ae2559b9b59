"""The fictional demo town "Denkbeeldstad": areas, parties, observations and targets.

Everything comes from fixed seeds and fixed formatting, so `python -m dashboard.demo.stad` writes
byte-identical files every time and the committed data/demo/ never drifts from this code.
Numbers are generated at the finest level (wijk x corporatie x kwartaal) and added up from
there, so totals, wijken, corporations, quarters and years always agree with each other.
"""
from __future__ import annotations

import csv
import json
import math
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from dashboard import formatting
from dashboard.config import DATA_DIR
from dashboard.demo import afspraken, cyclus

DEMO_FOLDER = DATA_DIR / "demo"
CATALOGUS = DATA_DIR / "indicatoren.csv"
SEED = 2026
FILES = {"partijen": "partijen.csv", "gebieden": "gebieden.csv", "geometrie": "gebieden.geojson",
         "observaties": "observaties.csv", "streefwaarden": "streefwaarden.csv"}

GEMEENTE_CODE, GEMEENTE_NAAM = "GM9901", "Denkbeeldstad (fictief)"
MIDDEN = (52.10, 5.50)  # lat, lon: somewhere plausible in the middle of the country
WIJKEN = ["Centrum", "Havenkwartier", "De Akkers", "Molenkamp",
          "Vogelzang", "Het Broek", "Oosterveld", "Nieuw-Denkbeeld"]
WIJK_CODES = [f"WK9901{i:02d}" for i in range(1, len(WIJKEN) + 1)]
CORPORATIES = ["Woonstichting Denkbeeld Wonen", "Wooncorporatie Thuisbaak", "Stichting Nergenshuis"]
PARTIJEN = [
    ("Gemeente Denkbeeldstad", "gemeente", "GM9901"),
    *[(naam, "corporatie", f"L900{i}") for i, naam in enumerate(CORPORATIES, start=1)],
    ("Huurdersvereniging Samen Sterk", "huurdersorganisatie", "HV9901"),
    ("Zorggroep De Denkbeeldhof", "zorg", "ZG9901"),
    ("Stichting Welzijn Denkbeeldstad", "welzijn", "WZ9901"),
]

JAREN = np.arange(2016, 2026)
EERSTE_KWARTAALJAAR = 2023  # quarters are published from here on

# Wijk profiles (order of WIJKEN): size, corporation share, where building happens, how
# vulnerable the population is, and how old the homes are (drives labels and maintenance).
VOORRAAD_2016 = np.array([4200, 6100, 7400, 5200, 6900, 4300, 5800, 5100])
CORP_AANDEEL = np.array([0.22, 0.38, 0.20, 0.45, 0.26, 0.18, 0.40, 0.30])
BOUWLOCATIE = np.array([0.05, 0.30, 0.25, 0.05, 0.05, 0.02, 0.08, 0.20])
TRANSFORMATIE = np.array([0.40, 0.20, 0.05, 0.05, 0.10, 0.10, 0.05, 0.05])
KWETSBAAR = np.array([0.5, 0.6, 0.2, 0.9, 0.3, 0.1, 0.8, 0.4])
OUDERDOM = np.array([1.3, 0.6, 0.4, 1.4, 0.9, 1.0, 1.3, 0.3])
# Corporation profiles (order of CORPORATIES).
BOUW_AANDEEL = np.array([0.45, 0.35, 0.20])
HUUR_VERSCHIL = np.array([0.0, 25.0, -15.0])
OORDEEL = np.array([7.4, 7.1, 7.6])
VERDUURZAAMTEMPO = np.array([1.0, 0.8, 1.2])

ALLEEN_GEMEENTE = {"inschrijfduur", "zoekduur", "slaagkans", "reacties_per_woning", "woningtekort", "huursomstijging",
                   "verkoopprijs"}
PER_KWARTAAL = {"nieuwbouw_opgeleverd", "verhuringen", "reacties_per_woning", "huurachterstand"}
STATUSHOUDERS_TAAKSTELLING = [150, 120, 75, 70, 72, 95, 120, 160, 150, 130, 125, 120]  # 2016-2027
HUURSOM = [1.6, 1.4, 1.6, 2.6, 2.4, 0.1, 2.3, 3.1, 5.5, 4.8]  # national rent rises, 2016-2025
WONINGTEKORT = [2.6, 2.5, 2.8, 3.1, 3.4, 3.7, 3.9, 4.0, 3.9, 3.8]
WOZ = [209, 216, 230, 251, 270, 290, 316, 363, 373, 400]  # thousands of euros, about the national mean, 2016-2025
VERKOOPPRIJS = [260, 274, 298, 316, 339, 384, 429, 416, 451, 480]  # the same for a house sold


@dataclass(frozen=True, eq=False)
class Gemeente:
    """What every series of one gemeente is drawn from: its wijken and corporations with their
    profiles (arrays per wijk and per corporation, in the order of the codes and names), the years
    and a seed. The demo town is one; the national set draws 342 of them."""

    code: str
    wijken: list[str]
    corporaties: list[str]
    voorraad: np.ndarray  # homes per wijk in the first year
    corp_aandeel: np.ndarray  # the corporations' share of those homes
    bouwlocatie: np.ndarray  # each wijk's share of the new build (adds up to 1)
    transformatie: np.ndarray  # each wijk's share of the conversions (adds up to 1)
    kwetsbaar: np.ndarray  # 0-1
    ouderdom: np.ndarray  # about 0.3-1.4
    marktaandeel: np.ndarray  # Dirichlet weights of each corporation's stock in a wijk
    bouw_aandeel: np.ndarray  # each corporation's share of the new build (adds up to 1)
    huur_verschil: np.ndarray  # EUR/month above or below the usual rent
    oordeel: np.ndarray  # tenants' mark
    verduurzaamtempo: np.ndarray  # 1 = the usual pace of insulating E/F/G homes
    passend: np.ndarray  # percentage points above or below the usual passend toewijzen
    leefbaarheid: np.ndarray  # EUR/home above or below the usual liveability spending
    jaren: np.ndarray = field(default_factory=lambda: JAREN)
    zaad: tuple[int, ...] = ()  # extra seed; () for the demo town

    @property
    def schaal(self) -> float:
        """Size relative to the demo town: absolute flows (new build, demolition, ...) scale with it."""
        return float(self.voorraad.sum() / VOORRAAD_2016.sum())


DENKBEELDSTAD = Gemeente(
    GEMEENTE_CODE, WIJK_CODES, CORPORATIES, VOORRAAD_2016, CORP_AANDEEL, BOUWLOCATIE, TRANSFORMATIE,
    KWETSBAAR, OUDERDOM, marktaandeel=np.array([20, 12, 8]), bouw_aandeel=BOUW_AANDEEL,
    huur_verschil=HUUR_VERSCHIL, oordeel=OORDEEL, verduurzaamtempo=VERDUURZAAMTEMPO,
    passend=np.array([0.6, -0.8, 0.3]), leefbaarheid=np.array([10.0, -5.0, 0.0]))


def _rng(naam: str, *zaad: int) -> np.random.Generator:
    """One stream per series (and gemeente), so changing one series leaves all others unchanged."""
    return np.random.default_rng([SEED, zlib.crc32(naam.encode()), *zaad])


def lees_catalogus(pad: Path = CATALOGUS) -> dict[str, dict[str, str]]:
    """The indicator catalogue keyed by sleutel (the generator follows its aggregation rules)."""
    with pad.open(encoding="utf-8", newline="") as f:
        return {rij["sleutel"]: rij for rij in csv.DictReader(f, delimiter=";")}


def _per_jaar(x: np.ndarray) -> np.ndarray:
    """Quarter axis (last) -> (..., year, quarter)."""
    return x.reshape(*x.shape[:-1], x.shape[-1] // 4, 4)


def _reeksen(g: Gemeente = DENKBEELDSTAD) -> dict[str, np.ndarray]:
    """Every series at its finest level, shape (wijk|gemeente, corporatie|totaal, jaar|kwartaal).

    The trends run over the demo's ten years (2016-2025); a longer span stretches them, so forty
    years of a gemeente stay within the same plausible ranges.
    """
    w3 = lambda a: a[:, None, None]  # noqa: E731  wijk profile -> (W, 1, 1)
    c3 = lambda a: a[None, :, None]  # noqa: E731  corporation profile -> (1, C, 1)
    rng = lambda naam: _rng(naam, *g.zaad)  # noqa: E731
    T = len(g.jaren)
    stap = 9 / (T - 1)
    TJ = np.arange(T) * stap  # "years since 2016" on the demo's ten-year scale
    TQ = np.arange(4 * T) / 4 * stap  # the same, per quarter
    per_jaar = lambda reeks: np.interp(TJ, np.arange(len(reeks)), reeks)  # noqa: E731  2016-2025 -> T years
    jaar = g.jaren[None, None, :]
    W, C = len(g.wijken), len(g.corporaties)
    schaal = g.schaal

    verdeling = rng("verdeling").dirichlet(g.marktaandeel, size=W)
    basis = np.round(g.voorraad[:, None] * g.corp_aandeel[:, None] * verdeling)

    r = rng("nieuwbouw_opgeleverd")  # projects of 6-16 homes, delivered in one quarter
    lam = (150 + 10 * TQ) / 4 * w3(g.bouwlocatie) * c3(g.bouw_aandeel) * schaal
    nieuwbouw = r.poisson(lam / 11) * r.integers(6, 17, size=lam.shape)
    nieuwbouw_jaar = _per_jaar(nieuwbouw).sum(-1)
    r = rng("sloop")
    gewicht = g.ouderdom * g.kwetsbaar / (g.ouderdom * g.kwetsbaar).sum()
    lam = 30 * schaal * w3(gewicht) * (basis / basis.sum(1, keepdims=True))[:, :, None] * np.ones(T)
    sloop = r.poisson(lam / 12) * r.integers(6, 19, size=lam.shape)
    verkoop = rng("verkoop").poisson((40 - 3 * TJ) * schaal * (basis / basis.sum())[:, :, None])
    transformatie = rng("transformatie").poisson((12 + 2.5 * TJ) * schaal * g.transformatie[:, None])[:, None, :]

    corp = np.maximum(basis[:, :, None] + np.cumsum(nieuwbouw_jaar - sloop - verkoop, axis=-1), 0)
    particulier = np.round(g.voorraad * (1 - g.corp_aandeel))[:, None] * (
        1 + (0.002 + 0.04 * g.bouwlocatie)[:, None] * (TJ + 1))
    totaal = np.round(particulier)[:, None, :] + np.cumsum(transformatie, axis=-1) + corp.sum(1, keepdims=True)
    overige_verhuur = np.round(particulier * (0.22 + 0.2 * g.kwetsbaar)[:, None])[:, None, :]
    waarde = 0.75 + 0.5 * (1 - g.kwetsbaar)  # a wijk's homes against the town's

    r = rng("verhuringen")
    seizoen = np.tile([0.95, 1.0, 1.1, 0.95], T)
    verhuringen = r.poisson(np.repeat(corp, 4, axis=-1) * (0.078 - 0.0022 * TQ) / 4 * seizoen
                            * w3(0.9 + 0.25 * g.kwetsbaar))
    verhuringen_jaar = _per_jaar(verhuringen).sum(-1)

    r = rng("huursomstijging")
    huursom = per_jaar(HUURSOM) + r.normal(0, 0.25, (1, C, T))
    groei = np.cumprod(np.concatenate([np.ones((1, C, 1)), 1 + huursom[:, :, 1:] / 100], axis=-1), axis=-1)
    starthuur = 560 + 40 * (0.5 - g.kwetsbaar)[:, None] + g.huur_verschil + 50 * g.bouwlocatie[:, None]

    r = rng("huurachterstand")
    crisis = np.isin(np.repeat(g.jaren, 4), [2022, 2023])
    achterstand_kans = (0.028 * w3(0.6 + 0.9 * g.kwetsbaar) * (1 - 0.025 * TQ) * (1 + 0.18 * crisis)
                        * np.tile([1.12, 1.0, 0.95, 1.0], T))

    r_label = rng("label_efg")
    label = np.round(corp * 0.2 * w3(g.ouderdom) * np.clip(1 - c3(g.verduurzaamtempo) * TJ / 11.8, 0.02, 1)
                     * (1 + r_label.normal(0, 0.04, corp.shape)))
    r_gas = rng("aardgasvrij")
    gasloos = (np.round(basis * 0.015)[:, :, None] + np.cumsum(nieuwbouw_jaar * (jaar >= 2018), axis=-1)
               + np.round(corp * 0.0045 * TJ * (1 + r_gas.normal(0, 0.1, corp.shape))))
    r_conditie = rng("conditie_slecht")
    slecht = np.round(corp * 0.014 * w3(g.ouderdom) * np.clip(1 - TJ / 10, 0.03, 1)
                      * (1 + r_conditie.normal(0, 0.08, corp.shape)))
    corp_vorm = corp.shape

    r_sh = rng("statushouders_gehuisvest")
    gehuisvest = per_jaar(STATUSHOUDERS_TAAKSTELLING[:10]) * schaal * r_sh.uniform(0.85, 1.08, T)
    with np.errstate(divide="ignore", invalid="ignore"):  # a corporation can sell its last home in a wijk
        mutatiegraad = np.where(corp > 0, np.minimum(100 * verhuringen_jaar / corp, 100), np.nan)
    reeksen = {
        "woningvoorraad_totaal": totaal,
        "woningvoorraad_corporatie": corp,
        "woningvoorraad_overige_verhuur": overige_verhuur,
        "woningvoorraad_koop": totaal - corp.sum(1, keepdims=True) - overige_verhuur,
        "aandeel_sociale_huur": 100 * 1.08 * corp.sum(1, keepdims=True) / totaal,
        "nieuwbouw_opgeleverd": nieuwbouw,
        "nieuwbouw_sociaal": rng("nieuwbouw_sociaal").binomial(nieuwbouw_jaar.astype(int), 0.65),
        "sloop": sloop,
        "verkoop": verkoop,
        "transformatie": transformatie,
        "plancapaciteit": (1800 + 170 * TJ + rng("plancapaciteit").normal(0, 80, T))
        * schaal * (0.025 + 0.8 * g.bouwlocatie)[:, None, None],
        "verhuringen": verhuringen,
        "passend_toewijzen": np.clip(96.6 + c3(g.passend)
                                     + rng("passend_toewijzen").normal(0, 1.0, corp_vorm), 92.5, 99.9),
        "toewijzingen_urgent": rng("toewijzingen_urgent").binomial(verhuringen_jaar, 0.05 + 0.003 * TJ),
        "statushouders_gehuisvest": r_sh.poisson(gehuisvest * (basis.sum(1) / basis.sum())[:, None, None]),
        "inschrijfduur": (62 + 4.6 * TJ + rng("inschrijfduur").normal(0, 1.2, T))[None, None, :],
        "zoekduur": (14 + 1.8 * TJ + rng("zoekduur").normal(0, 0.6, T))[None, None, :],
        "slaagkans": np.clip(20 - 1.35 * TJ + rng("slaagkans").normal(0, 0.5, T), 5, 25)[None, None, :],
        "reacties_per_woning": (125 + 19 * TQ) * np.tile([1.05, 1.0, 0.95, 1.0], T)
        + rng("reacties_per_woning").normal(0, 6, (1, 1, 4 * T)),
        "mutatiegraad": mutatiegraad,
        "leegstand": np.clip(0.7 + w3(0.9 * g.kwetsbaar) + 0.4 * (jaar < 2018)
                             + rng("leegstand").normal(0, 0.25, corp_vorm), 0.1, 4),
        "gemiddelde_huur": starthuur[:, :, None] * groei + rng("gemiddelde_huur").normal(0, 4, corp_vorm),
        "huursomstijging": huursom,
        "woz_waarde": 1000 * per_jaar(WOZ) * w3(waarde) * (1 + rng("woz_waarde").normal(0, 0.01, (W, 1, T))),
        "verkoopprijs": (1000 * per_jaar(VERKOOPPRIJS) * (1 + rng("verkoopprijs").normal(0, 0.02, T)))[None, None, :],
        "betaalrisico": (5.5 + w3(9 * g.kwetsbaar) - 0.15 * TJ + 1.6 * np.isin(jaar, [2022, 2023])
                         + rng("betaalrisico").normal(0, 0.35, (W, 1, T))),
        "huurachterstand": r.poisson(np.repeat(corp, 4, axis=-1) * achterstand_kans),
        "ontruimingen": rng("ontruimingen").poisson(
            (14 - 1.1 * TJ) * schaal
            * ((basis * g.kwetsbaar[:, None]) / (basis * g.kwetsbaar[:, None]).sum())[:, :, None]),
        "label_efg": np.minimum.accumulate(label, axis=-1),
        "aardgasvrij": np.maximum.accumulate(gasloos, axis=-1),
        "energie_index": (200 * w3(g.ouderdom ** 0.25) - 4.5 * c3(g.verduurzaamtempo) * TJ
                          + rng("energie_index").normal(0, 3, corp_vorm)),
        "conditie_slecht": np.minimum.accumulate(slecht, axis=-1),
        "leefbaarheid_uitgaven": np.clip(40 + w3(85 * g.kwetsbaar) + c3(g.leefbaarheid) + 1.5 * TJ
                                         + rng("leefbaarheid_uitgaven").normal(0, 6, corp_vorm), 5, None),
        "huurdersoordeel": np.clip(c3(g.oordeel) + w3(0.25 * (0.5 - g.kwetsbaar)) + 0.02 * TJ
                                   + rng("huurdersoordeel").normal(0, 0.12, corp_vorm), 6.5, 8.3),
        "ouderenwoningen": np.maximum.accumulate(np.round(totaal * (0.075 + 0.003 * TJ)), axis=-1),
        "woningtekort": (per_jaar(WONINGTEKORT) + rng("woningtekort").normal(0, 0.08, T))[None, None, :],
    }
    return {k: np.asarray(v, dtype=float) for k, v in reeksen.items()}


def _met_gaten(reeksen: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Real monitors have holes: a wijk survey skipped, a corporation not yet in the benchmark, late data."""
    reeksen["betaalrisico"][WIJKEN.index("Het Broek"), :, [2, 3]] = np.nan  # 2018-2019
    reeksen["huurdersoordeel"][:, 2, :2] = np.nan  # Stichting Nergenshuis 2016-2017
    reeksen["woningtekort"][..., -1] = np.nan  # 2025 not yet published
    reeksen["leefbaarheid_uitgaven"][..., -1] = np.nan
    return reeksen


def _samen(x: np.ndarray, aggregatie: str, as_: int, gewicht: np.ndarray | None = None) -> np.ndarray:
    """Combine areas or parties: stocks and flows add up, rates average (weighted when a weight is
    given, as the catalogue's `gewicht` says); NaN means missing."""
    aantal = (~np.isnan(x)).sum(axis=as_, keepdims=True)
    som = np.nansum(x, axis=as_, keepdims=True)
    waarde = som if aggregatie in ("som", "laatste") else som / np.maximum(aantal, 1)
    if aggregatie == "gemiddelde" and gewicht is not None:
        w = np.where(np.isnan(x), 0, gewicht)
        totaal = w.sum(axis=as_, keepdims=True)
        waarde = np.where(totaal > 0, np.nansum(x * w, axis=as_, keepdims=True) / np.where(totaal > 0, totaal, 1),
                          waarde)
    return np.where(aantal > 0, waarde, np.nan)


def _over_tijd(x: np.ndarray, aggregatie: str) -> np.ndarray:
    """Quarters -> years: flows add up, stocks take the last quarter, rates average."""
    q = _per_jaar(x)
    return {"som": q.sum(-1), "laatste": q[..., -1], "gemiddelde": q.mean(-1)}[aggregatie]


def _cellen(sleutel: str, x: np.ndarray, aggregatie: str, decimalen: int, g: Gemeente = DENKBEELDSTAD,
            fijnste: bool = True, gewicht: np.ndarray | None = None):
    """Yield (indicator, gebied, partij, periode, waarde) for a finest-level series and all its totals.

    `fijnste=False` leaves out the wijk x corporatie cells (the national set stores those totals only);
    `gewicht` (x's shape) weighs a mean when wijken or corporations are combined.
    """
    x = np.round(x, decimalen)
    jaren = [str(j) for j in g.jaren]
    reeksen = [(jaren, x, gewicht)]
    if sleutel in PER_KWARTAAL:
        kwartalen = [f"{j}-K{k}" for j in g.jaren for k in range(1, 5)]
        eerste = max(0, 4 * (EERSTE_KWARTAALJAAR - int(g.jaren[0])))  # quarters from 2023 on
        reeksen = [(jaren, np.round(_over_tijd(x, aggregatie), decimalen), None),
                   (kwartalen[eerste:], x[..., eerste:], None)]
    gebieden = g.wijken if x.shape[0] > 1 else [g.code]
    partijen = g.corporaties if x.shape[1] > 1 else [""]
    for perioden, y, w in reeksen:
        gs, ps = list(gebieden), list(partijen)
        if len(gs) > 1:  # wijken first, so every total (partij empty) comes straight from its corporations
            y = np.concatenate([y, np.round(_samen(y, aggregatie, 0, w), decimalen)], axis=0)
            w = None if w is None else np.concatenate([w, np.where(np.isnan(y[:-1]), 0, w).sum(0, keepdims=True)])
            gs.append(g.code)
        if len(ps) > 1:
            y = np.concatenate([y, np.round(_samen(y, aggregatie, 1, w), decimalen)], axis=1)
            ps.append("")
        keep = np.ones(y.shape, dtype=bool)
        if not fijnste and len(gebieden) > 1 and len(partijen) > 1:
            keep[:-1, :-1] = False  # wijk x corporatie: only its totals stay
        a, b, c = np.nonzero(keep & ~np.isnan(y))
        for i, j, k, waarde in zip(a.tolist(), b.tolist(), c.tolist(), y[a, b, c].tolist()):
            yield sleutel, gs[i], ps[j], perioden[k], _getal(waarde, decimalen)


def _getal(waarde: float, decimalen: int) -> str:
    """Fixed formatting with '.' as decimal point (and never '-0.0')."""
    return f"{round(float(waarde), decimalen) + 0.0:.{decimalen}f}"


def observaties(catalogus: dict[str, dict[str, str]] | None = None) -> list[tuple[str, ...]]:
    """All observation rows, sorted, in the canonical long format."""
    catalogus = catalogus or lees_catalogus()
    reeksen = _met_gaten(_reeksen())
    if set(reeksen) != set(catalogus):
        raise ValueError(f"demo en catalogus verschillen: {sorted(set(reeksen) ^ set(catalogus))}")
    rijen = []
    for sleutel, x in reeksen.items():
        indicator = catalogus[sleutel]
        if sleutel in ALLEEN_GEMEENTE and x.shape[0] > 1:
            raise ValueError(f"{sleutel} hoort alleen op gemeenteniveau")
        rijen += _cellen(sleutel, x, indicator["aggregatie"], formatting.decimals(indicator["eenheid"]))
    return sorted(rijen)


def streefwaarden(obs: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Gemeente targets 2022-2027 as a typical set of agreements would fix them."""
    jaren = range(2022, 2028)
    doelen = {
        "nieuwbouw_sociaal": [120] * 6,
        "nieuwbouw_opgeleverd": [200] * 6,
        "passend_toewijzen": [95] * 6,
        "label_efg": [1250, 1050, 850, 650, 300, 0],
        "ontruimingen": [3] * 6,
        "statushouders_gehuisvest": STATUSHOUDERS_TAAKSTELLING[-6:],
        "huurdersoordeel": [7.5] * 6,
        "conditie_slecht": [100, 75, 50, 25, 0, 0],
        "aardgasvrij": [1100, 1350, 1600, 1900, 2200, 2500],
        "inschrijfduur": [84, 84, 84, 84, 80, 78],
        "plancapaciteit": [2700, 2900, 3100, 3300, 3500, 3700],
        "aandeel_sociale_huur": [30] * 6,
    }
    rijen = [(k, GEMEENTE_CODE, "", str(j), _getal(v, 1 if isinstance(v, float) else 0))
             for k, reeks in doelen.items() for j, v in zip(jaren, reeks)]
    # Each corporation's share of the label target follows its share of the E/F/G homes in 2021.
    label_2021 = {p: float(w) for k, g, p, j, w in obs if (k, g, j) == ("label_efg", GEMEENTE_CODE, "2021")}
    for corporatie in CORPORATIES:
        aandeel = label_2021[corporatie] / label_2021[""]
        rijen += [("label_efg", GEMEENTE_CODE, corporatie, str(j), _getal(v * aandeel, 0))
                  for j, v in zip(jaren, doelen["label_efg"])]
    return sorted(rijen)


def _naar_xy(r_km: float, hoek: float) -> tuple[float, float]:
    """Polar kilometres around the centre -> (lon, lat), rounded so shared edges match exactly."""
    lat0, lon0 = MIDDEN
    per_km_lat = 1 / 111.32
    per_km_lon = per_km_lat / math.cos(math.radians(lat0))
    return (round(lon0 + r_km * math.cos(hoek) * per_km_lon, 6), round(lat0 + r_km * math.sin(hoek) * per_km_lat, 6))


def geometrie() -> dict[str, tuple[list[list[float]], tuple[float, float]]]:
    """Centrum as an inner ring, the other wijken as sectors around it: code -> (ring, (lat, lon))."""
    sectoren, stap = len(WIJKEN) - 1, 6
    n = sectoren * stap
    hoek = lambda k: 0.3 + 2 * math.pi * (k % n) / n  # noqa: E731
    binnen = lambda k: 0.9 + 0.12 * math.cos(2 * hoek(k) + 0.5)  # noqa: E731
    buiten = lambda k: 2.7 + 0.35 * math.sin(3 * hoek(k)) + 0.15 * math.cos(5 * hoek(k))  # noqa: E731
    punt = lambda r, k: list(_naar_xy(r, hoek(k)))  # noqa: E731
    uit = {WIJK_CODES[0]: ([punt(binnen(k), k) for k in range(n + 1)], MIDDEN)}
    for i in range(sectoren):
        ks = range(i * stap, (i + 1) * stap + 1)
        ring = [punt(buiten(k), k) for k in ks] + [punt(binnen(k), k) for k in reversed(ks)]
        m = i * stap + stap // 2
        lon, lat = _naar_xy((binnen(m) + buiten(m)) / 2, hoek(m))
        uit[WIJK_CODES[i + 1]] = (ring + [ring[0]], (round(lat, 5), round(lon, 5)))
    uit[GEMEENTE_CODE] = ([punt(buiten(k), k) for k in range(n + 1)], MIDDEN)
    return uit


def _schrijf_csv(pad: Path, kop: list[str], rijen: list) -> None:
    with pad.open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.writer(f, delimiter=";", lineterminator="\n")
        schrijver.writerow(kop)
        schrijver.writerows(rijen)


def _schrijf_geojson(pad: Path, vormen: dict) -> None:
    """One feature per line: small diffs when the shapes change."""
    namen = dict(zip(WIJK_CODES, WIJKEN)) | {GEMEENTE_CODE: GEMEENTE_NAAM}
    features = [
        json.dumps({"type": "Feature", "properties": {"statcode": code, "statnaam": namen[code]},
                    "geometry": {"type": "Polygon", "coordinates": [ring]}}, ensure_ascii=False)
        for code, (ring, _) in sorted(vormen.items())
    ]
    pad.write_text('{"type": "FeatureCollection", "features": [\n' + ",\n".join(features) + "\n]}\n",
                   encoding="utf-8")


def write_demo_files(folder: Path) -> dict[str, Path]:
    """Write the complete demo data set into `folder`; returns the files by kind."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vormen = geometrie()
    paden = {soort: folder / naam for soort, naam in FILES.items()}
    _schrijf_csv(paden["partijen"], ["naam", "soort", "code"], PARTIJEN)
    gebieden = [(GEMEENTE_CODE, GEMEENTE_NAAM, "gemeente", "", *vormen[GEMEENTE_CODE][1])]
    gebieden += [(c, n, "wijk", GEMEENTE_CODE, *vormen[c][1]) for c, n in zip(WIJK_CODES, WIJKEN)]
    _schrijf_csv(paden["gebieden"], ["code", "naam", "niveau", "ouder", "lat", "lon"],
                 [(*g[:4], f"{g[4]:.5f}", f"{g[5]:.5f}") for g in gebieden])
    _schrijf_geojson(paden["geometrie"], vormen)
    obs = observaties()
    _schrijf_csv(paden["observaties"], ["indicator", "gebied", "partij", "periode", "waarde"], obs)
    _schrijf_csv(paden["streefwaarden"], ["indicator", "gebied", "partij", "periode", "streefwaarde"],
                 streefwaarden(obs))
    return paden


def load(db) -> None:
    """Load the committed demo files through the importer users have, marked as the demo's batches."""
    from dashboard.ingest import import_file

    for naam in FILES.values():  # in dependency order: parties and areas before values
        import_file(db, DEMO_FOLDER / naam, user="demo")
    afspraken.load(db)  # the told side: afspraken, voortgang, verhalen and their media
    with db.session() as session:
        cyclus.load(session)  # the Woningwet's yearly cycle: bods, signatures, a slapend geschil


def main() -> None:
    """Regenerate data/demo/ (commit the result)."""
    for soort, pad in write_demo_files(DEMO_FOLDER).items():
        print(f"{soort:14} {pad}")


if __name__ == "__main__":
    main()
