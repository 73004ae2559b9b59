"""The demo data set: what a user would notice if it were wrong (drift, gaps, totals that don't add up)."""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from dashboard.demo.stad import CATALOGUS, DEMO_FOLDER, write_demo_files


def _rijen(pad: Path) -> list[dict[str, str]]:
    with pad.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


@pytest.fixture(scope="module")
def bestanden(tmp_path_factory) -> dict[str, Path]:
    return write_demo_files(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def obs(bestanden) -> list[dict[str, str]]:
    return _rijen(bestanden["observaties"])


@pytest.fixture(scope="module")
def catalogus() -> dict[str, dict[str, str]]:
    return {r["sleutel"]: r for r in _rijen(CATALOGUS)}


def test_generator_is_deterministic(bestanden, tmp_path):
    opnieuw = write_demo_files(tmp_path)
    assert opnieuw.keys() == bestanden.keys()
    for soort, pad in bestanden.items():
        assert opnieuw[soort].read_bytes() == pad.read_bytes(), soort


def test_committed_demo_files_are_current(bestanden):
    for soort, pad in bestanden.items():
        vastgelegd = DEMO_FOLDER / pad.name
        assert vastgelegd.exists(), f"run `python -m dashboard.demo.stad`: {vastgelegd} is missing"
        assert vastgelegd.read_bytes() == pad.read_bytes(), f"run `python -m dashboard.demo.stad`: {soort} is stale"


def test_catalogue_has_36_indicators_with_valid_codes(catalogus):
    assert len(catalogus) == 36  # the booklet's 32 and what CBS publishes per gemeente: eigendom, WOZ, verkoopprijs
    for r in catalogus.values():
        assert r["richting"] in {"hoger", "lager", "neutraal"}
        assert r["aggregatie"] in {"som", "gemiddelde", "laatste"}
        assert r["categorie"] in {"Beschikbaarheid", "Betaalbaarheid", "Woningzoekenden en toewijzing",
                                  "Kwaliteit en duurzaamheid", "Leefbaarheid", "Wonen en zorg"}


def test_every_indicator_has_demo_data_and_vice_versa(obs, bestanden, catalogus):
    assert {r["indicator"] for r in obs} == set(catalogus)
    assert {r["indicator"] for r in _rijen(bestanden["streefwaarden"])} <= set(catalogus)


def test_codes_names_and_periods_are_known(obs, bestanden):
    gebieden = {r["code"] for r in _rijen(bestanden["gebieden"])}
    partijen = {r["naam"] for r in _rijen(bestanden["partijen"])} | {""}
    for r in obs:
        assert r["gebied"] in gebieden and r["partij"] in partijen
        assert re.fullmatch(r"20(1[6-9]|2[0-5])(-K[1-4])?", r["periode"]), r


def test_values_respect_catalogue_bounds(obs, bestanden, catalogus):
    streef = [{**r, "waarde": r["streefwaarde"]} for r in _rijen(bestanden["streefwaarden"])]
    for r in obs + streef:
        waarde, grens = float(r["waarde"]), catalogus[r["indicator"]]
        procent = grens["eenheid"] == "%"  # the design's rule: % means 0-100 unless the catalogue says otherwise
        laag = float(grens["min"]) if grens["min"] else (0 if procent else None)
        hoog = float(grens["max"]) if grens["max"] else (100 if procent else None)
        assert (laag is None or waarde >= laag) and (hoog is None or waarde <= hoog), r


def _in_veelhoek(x: float, y: float, ring: list[list[float]]) -> bool:
    """Ray casting: count crossings of a ray to the east."""
    binnen = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            binnen = not binnen
    return binnen


def test_geojson_polygons_are_closed_and_hold_their_centroid(bestanden):
    gebieden = {r["code"]: r for r in _rijen(bestanden["gebieden"])}
    features = json.loads(bestanden["geometrie"].read_text(encoding="utf-8"))["features"]
    wijken = {c for c, r in gebieden.items() if r["niveau"] == "wijk"}
    assert wijken <= {f["properties"]["statcode"] for f in features}
    for f in features:
        gebied = gebieden[f["properties"]["statcode"]]
        assert f["properties"]["statnaam"] == gebied["naam"]
        ring = f["geometry"]["coordinates"][0]
        assert f["geometry"]["type"] == "Polygon" and ring[0] == ring[-1] and len(ring) >= 4
        assert _in_veelhoek(float(gebied["lon"]), float(gebied["lat"]), ring), gebied["code"]


def _optellen(obs, catalogus, deel, geheel):
    """Group summed indicators by everything except the part that should add up to the whole."""
    delen, gehelen = defaultdict(int), {}
    for r in obs:
        if catalogus[r["indicator"]]["aggregatie"] == "gemiddelde":
            continue
        sleutel = (r["indicator"], r["periode"], r[geheel[0]])
        if geheel[1](r):
            gehelen[sleutel] = float(r["waarde"])
        elif deel(r):
            delen[sleutel] += float(r["waarde"])
    return delen, gehelen


def test_gemeente_equals_sum_of_wijken(obs, catalogus):
    a_2024 = {r["gebied"]: float(r["waarde"]) for r in obs
              if (r["indicator"], r["partij"], r["periode"]) == ("nieuwbouw_opgeleverd", "", "2024")}
    assert a_2024["GM9901"] == sum(v for g, v in a_2024.items() if g.startswith("WK")) > 0
    wijken, gemeente = _optellen(obs, catalogus, lambda r: r["gebied"].startswith("WK"),
                                 ("partij", lambda r: r["gebied"].startswith("GM")))
    assert wijken and all(gemeente[k] == v for k, v in wijken.items())


def test_totals_equal_sum_of_corporations(obs, catalogus):
    corporaties, totaal = _optellen(obs, catalogus, lambda r: r["partij"] != "",
                                    ("gebied", lambda r: r["partij"] == ""))
    assert corporaties and all(totaal[k] == v for k, v in corporaties.items())


def test_years_agree_with_their_quarters(obs):
    waarden = {(r["indicator"], r["gebied"], r["partij"], r["periode"]): float(r["waarde"]) for r in obs}
    kwartalen = {k[0] for k in waarden if "-K" in k[3]}
    assert kwartalen == {"nieuwbouw_opgeleverd", "verhuringen", "reacties_per_woning", "huurachterstand"}
    sleutel = ("verhuringen", "GM9901", "")
    assert waarden[(*sleutel, "2024")] == sum(waarden[(*sleutel, f"2024-K{k}")] for k in range(1, 5))
    sleutel = ("huurachterstand", "WK990104", "")
    assert waarden[(*sleutel, "2023")] == waarden[(*sleutel, "2023-K4")]
