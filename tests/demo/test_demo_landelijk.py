"""The national data set: the country's shape, parents one level up, plausible values, and it imports."""
from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import func, select

from dashboard.cli import main
from dashboard.demo import landelijk, stad
from dashboard.ingest import import_file
from dashboard.models import Gebied, Observatie


@pytest.fixture(scope="module")
def bestanden(tmp_path_factory):
    folder = tmp_path_factory.mktemp("landelijk")
    assert main(["demo", "--scale", "national", "--out", str(folder)]) == 0
    return {soort: folder / f"{soort}.csv" for soort in ("gebieden", "partijen", "observaties")}


def _lees(pad) -> pd.DataFrame:
    return pd.read_csv(pad, sep=";", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def obs(bestanden) -> pd.DataFrame:
    frame = _lees(bestanden["observaties"])
    return frame.assign(waarde=frame["waarde"].astype(float))


def test_the_country_from_land_to_buurt(bestanden):
    gebieden = _lees(bestanden["gebieden"])
    niveaus = gebieden["niveau"].value_counts().to_dict()
    assert (niveaus["land"], niveaus["provincie"], niveaus["gemeente"]) == (1, 12, 342)
    assert 3_000 <= niveaus["wijk"] <= 3_400 and 13_000 <= niveaus["buurt"] <= 15_000
    assert sorted(gebieden.loc[gebieden["niveau"] == "provincie", "code"]) == [f"PV{n}" for n in range(20, 32)]
    niveau = dict(zip(gebieden["code"], gebieden["niveau"]))
    boven = {"provincie": "land", "gemeente": "provincie", "wijk": "gemeente", "buurt": "wijk"}
    for code, soort, ouder in zip(gebieden["code"], gebieden["niveau"], gebieden["ouder"]):
        assert niveau.get(ouder) == boven.get(soort), code
    partijen = _lees(bestanden["partijen"])["soort"].value_counts().to_dict()
    assert (partijen["corporatie"], partijen["gemeente"]) == (275, 342)


def test_observations_per_wijk_and_gemeente_within_the_catalogue(obs):
    assert 1_000_000 <= len(obs) <= 3_000_000
    assert set(obs["gebied"].str[:2]) == {"GM", "WK"}  # provincie and land are computed, not stored
    assert not obs.duplicated(["indicator", "gebied", "partij", "periode"]).any()
    catalogus = stad.lees_catalogus()
    assert set(obs["indicator"]) == set(catalogus)
    for sleutel, rijen in obs.groupby("indicator"):
        grens = catalogus[sleutel]
        procent = grens["eenheid"] == "%"
        laag = float(grens["min"]) if grens["min"] else (0 if procent else None)
        hoog = float(grens["max"]) if grens["max"] else (100 if procent else None)
        assert laag is None or rijen["waarde"].min() >= laag, sleutel
        assert hoog is None or rijen["waarde"].max() <= hoog, sleutel
    perioden = obs["periode"].unique()
    assert {p for p in perioden if "-K" not in p} == {str(j) for j in range(2016, 2026)}
    assert len([p for p in perioden if "-K" in p]) == 12


def test_wijk_stocks_add_up_to_their_gemeente(obs):
    voorraad = obs[(obs["indicator"] == "woningvoorraad_totaal") & (obs["periode"] == "2025")]
    wijken = voorraad[voorraad["gebied"].str.startswith("WK")]
    som = wijken.groupby("GM" + wijken["gebied"].str[2:6])["waarde"].sum()
    gemeenten = voorraad[voorraad["gebied"].str.startswith("GM")].set_index("gebied")["waarde"]
    assert len(som) == 342
    assert (som == gemeenten[som.index]).all()
    assert 7_000_000 < gemeenten.sum() < 10_000_000  # about the country's 8.1 million homes


def test_the_same_seed_gives_the_same_country():
    eerste, tweede = landelijk.land(), landelijk.land()
    assert eerste[:2] == tweede[:2]
    catalogus = stad.lees_catalogus()
    assert list(landelijk.observaties(eerste[2][0], catalogus)) == list(
        landelijk.observaties(tweede[2][0], catalogus))


def test_more_years_for_a_bigger_file():
    gemeente = landelijk.land(jaren=40)[2][7]
    rijen = list(landelijk.observaties(gemeente, stad.lees_catalogus()))
    assert min(r[3] for r in rijen) == "1986"
    assert all(float(r[4]) >= 0 for r in rijen if r[0] != "huursomstijging")


def test_the_national_set_imports(db, bestanden, obs, tmp_path):
    assert import_file(db, bestanden["gebieden"]).rows_new == len(_lees(bestanden["gebieden"]))
    import_file(db, bestanden["partijen"])
    een_gemeente = obs[obs["gebied"].str[2:6] == "0001"]
    pad = tmp_path / "gm0001.csv"
    een_gemeente.to_csv(pad, sep=";", index=False)
    report = import_file(db, pad)
    assert (report.status, report.rows_new) == ("committed", len(een_gemeente))
    with db.make_session() as session:
        assert session.scalar(select(func.count()).select_from(Observatie)) == len(een_gemeente)
        gemeente = session.scalar(select(Gebied).where(Gebied.code == "GM0001"))
        assert gemeente.ouder.niveau == "provincie" and gemeente.ouder.ouder.code == "NL01"
