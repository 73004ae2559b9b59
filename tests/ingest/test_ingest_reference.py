"""Gebieden from land to buurt with their parents, and the weight of an averaged indicator."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from dashboard.ingest import ImportRejected, import_file
from dashboard.models import Gebied, Indicator

from ingest_helpers import snapshot, value

GEBIEDEN = "code;naam;niveau;ouder\n"
INDICATOREN = "sleutel;naam;eenheid;richting;aggregatie;gewicht\n"


def parents(db) -> dict[str, tuple[str, str | None]]:
    with db.make_session() as session:
        return {g.code: (g.niveau, g.ouder.code if g.ouder else None) for g in session.scalars(select(Gebied))}


def refused(db, text: str) -> list[tuple[int, str, str, str]]:
    before = snapshot(db)
    with pytest.raises(ImportRejected) as refusal:
        import_file(db, text.encode())
    assert snapshot(db) == before
    return [(p.line, p.column, p.value, p.message) for p in refusal.value.problems]


def test_land_provincie_gemeente_wijk_buurt_with_their_parents(db):
    # Children before parents in the file: the import orders them itself.
    report = import_file(db, (GEBIEDEN + "BU05050101;Oude stad;buurt;\nWK050501;Binnenstad;wijk;GM0505\n"
                                         "GM0505;Dordrecht;gemeente;PV28\nPV28;Zuid-Holland;provincie;NL01\n"
                                         "NL01;Nederland;land;\n").encode())
    assert (report.status, report.rows_new) == ("committed", 5)
    assert parents(db) == {"NL01": ("land", None), "PV28": ("provincie", "NL01"),
                           "GM0505": ("gemeente", "PV28"), "WK050501": ("wijk", "GM0505"),
                           "BU05050101": ("buurt", "WK050501")}  # the buurt's wijk follows from its code


def test_a_gemeente_moves_to_a_provincie_in_a_later_file(db):
    # A made-up town: the CBS indeling knows no provincie for it.
    import_file(db, (GEBIEDEN + "GM9901;Denkbeeldstad;gemeente;\n").encode())
    assert parents(db) == {"GM9901": ("gemeente", None)}
    report = import_file(db, (GEBIEDEN + "NL01;Nederland;land;\nPV28;Zuid-Holland;provincie;\n"
                                         "GM9901;Denkbeeldstad;gemeente;PV28\n").encode())
    assert (report.rows_new, report.rows_changed) == (2, 1)
    assert parents(db)["GM9901"] == ("gemeente", "PV28")
    assert parents(db)["PV28"] == ("provincie", "NL01")  # a provincie lies in the land


def test_a_gemeente_gets_its_provincie_and_land_from_the_cbs_indeling(db):
    report = import_file(db, (GEBIEDEN + "GM0888;Beek (L.);gemeente;\nGM0505;Dordrecht;gemeente;\n").encode())
    assert (report.status, report.rows_new) == ("committed", 5)
    assert parents(db) == {"NL01": ("land", None), "PV31": ("provincie", "NL01"), "PV28": ("provincie", "NL01"),
                           "GM0888": ("gemeente", "PV31"), "GM0505": ("gemeente", "PV28")}
    assert {"provincie Limburg (PV31) toegevoegd uit de CBS-gebiedsindeling",
            "land Nederland (NL01) toegevoegd uit de CBS-gebiedsindeling"} <= set(report.notes)
    with db.make_session() as session:
        assert session.scalar(select(Gebied.naam).where(Gebied.code == "PV28")) == "Zuid-Holland"


def test_a_dissolved_gemeente_stays_with_its_own_figures(db):
    report = import_file(db, (GEBIEDEN + "GM0870;Werkendam;gemeente;\nGM1959;Altena;gemeente;\n").encode())
    assert parents(db)["GM0870"] == ("gemeente", "PV30")  # not under Altena: a gemeente of its own
    assert "GM0870 Werkendam: opgeheven in 2019, opgegaan in Altena; blijft een eigen gebied met zijn eigen " \
           "cijfers" in report.notes
    import_file(db, b"indicator;gebied;partij;periode;waarde\nwoningvoorraad_totaal;GM0870;;2018;11000\n"
                    b"woningvoorraad_totaal;GM1959;;2019;24000\n")
    assert value(db, "woningvoorraad_totaal", "GM0870", "2018") == 11000


@pytest.mark.parametrize("rows, line, column, value, words", [
    ("PV28;Zuid-Holland;provincie;\nWK050501;Binnenstad;wijk;PV28\n", 3, "ouder", "PV28",
     "PV28 is een provincie; het bovenliggende gebied van een wijk is een gemeente"),
    ("NL01;Nederland;land;\nGM0505;Dordrecht;gemeente;NL01\n", 3, "ouder", "NL01",
     "het bovenliggende gebied van een gemeente is een provincie"),
    ("PV28;Zuid-Holland;provincie;\nNL01;Nederland;land;PV28\n", 3, "ouder", "PV28",
     "een land heeft geen bovenliggend gebied"),
    ("GM0505;Dordrecht;gemeente;PV99\n", 2, "ouder", "PV99", "onbekend bovenliggend gebied"),
    ("GM0505;Dordrecht;gemeente;\nGM0600;Elders;gemeente;\nWK050501;Binnenstad;wijk;GM0600\n", 4, "ouder",
     "GM0600", "WK050501 ligt volgens zijn code in GM0505"),
    ("PV28;Zuid-Holland;gemeente;\n", 2, "niveau", "gemeente", "PV28 is de code van een provincie"),
    ("PV280;Zuid-Holland;provincie;\n", 2, "code", "PV280", "PV + 2 cijfers"),
    ("NL02;Nederland;land;\n", 2, "code", "NL02", "NL01 (land)"),
])
def test_a_parent_must_be_one_level_up(db, rows, line, column, value, words):
    [(at, where, shown, message)] = refused(db, GEBIEDEN + rows)
    assert (at, where, shown) == (line, column, value)
    assert words in message


def test_geojson_with_provincie_and_land(db):
    def feature(code, naam):
        return {"type": "Feature", "properties": {"statcode": code, "statnaam": naam},
                "geometry": {"type": "Polygon", "coordinates": [[[4.6, 51.8], [4.7, 51.8], [4.7, 51.9], [4.6, 51.8]]]}}

    document = {"type": "FeatureCollection", "features": [feature("PV28", "Zuid-Holland"), feature("NL01", "Nederland")]}
    report = import_file(db, json.dumps(document).encode(), filename="provincies.geojson")
    assert (report.format, report.rows_new) == ("geojson", 2)
    assert parents(db) == {"NL01": ("land", None), "PV28": ("provincie", "NL01")}


def weights(db) -> dict[str, str | None]:
    with db.make_session() as session:
        return dict(session.execute(select(Indicator.sleutel, Indicator.gewicht)).all())


def test_the_catalogue_weighs_its_means():
    from dashboard.demo.stad import lees_catalogus

    catalogus = lees_catalogus()
    for sleutel, rij in catalogus.items():
        if rij["gewicht"]:
            assert rij["aggregatie"] == "gemiddelde", sleutel
            assert catalogus[rij["gewicht"]]["aggregatie"] in ("som", "laatste"), sleutel
    assert catalogus["aandeel_sociale_huur"]["gewicht"] == "woningvoorraad_totaal"
    assert catalogus["gemiddelde_huur"]["gewicht"] == "woningvoorraad_corporatie"


def test_weight_names_an_indicator_in_the_catalogue_or_the_same_file(db):
    report = import_file(db, (INDICATOREN + "wachttijd;Wachttijd;maanden;lager;gemiddelde;wachtlijst\n"
                                            "wachtlijst;Wachtlijst;aantal;lager;laatste;\n").encode())
    assert (report.status, report.rows_new) == ("committed", 2)
    import_file(db, (INDICATOREN + "slaagkans;Slaagkans;%;hoger;gemiddelde;woningvoorraad_totaal\n").encode())
    found = weights(db)
    assert (found["wachttijd"], found["wachtlijst"], found["slaagkans"]) == ("wachtlijst", None,
                                                                             "woningvoorraad_totaal")
    # A file without the column leaves the weights alone.
    import_file(db, b"sleutel;naam;eenheid;richting;aggregatie\nslaagkans;Slaagkans;%;hoger;gemiddelde\n")
    assert weights(db)["slaagkans"] == "woningvoorraad_totaal"


@pytest.mark.parametrize("row, words", [
    ("sloop;Sloop;woningen;neutraal;som;woningvoorraad_totaal", "alleen een indicator met aggregatie gemiddelde"),
    ("leegstand;Leegstand;%;lager;gemiddelde;woningvoorraad_corporatei", "Bedoelt u 'woningvoorraad_corporatie'?"),
    ("leegstand;Leegstand;%;lager;gemiddelde;mutatiegraad", "mutatiegraad is zelf een gemiddelde"),
    ("leegstand;Leegstand;%;lager;gemiddelde;leegstand", "niet zijn eigen gewicht"),
])
def test_a_weight_that_cannot_weigh_is_refused(db, row, words):
    [(line, column, value, message)] = refused(db, INDICATOREN + row + "\n")
    assert (line, column, value) == (2, "gewicht", row.rsplit(";", 1)[1])
    assert words in message
