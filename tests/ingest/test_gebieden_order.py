"""Any order of gebieden imports gives the same tree, from CSV or from GeoJSON as CBS and PDOK publish it."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from dashboard.cli import main
from dashboard.db import open_database
from dashboard.ingest import import_file
from dashboard.models import Gebied

# Two wijken of Amsterdam as small squares: in WGS84 and in RD New (EPSG:28992, metres).
WGS84 = {"WK036300": [[4.89, 52.37], [4.90, 52.37], [4.90, 52.38], [4.89, 52.37]],
         "WK036301": [[4.88, 52.36], [4.89, 52.36], [4.89, 52.37], [4.88, 52.36]]}
RD = {"WK036300": [[121500, 487500], [122200, 487500], [122200, 488600], [121500, 487500]],
      "WK036301": [[120800, 486400], [121500, 486400], [121500, 487500], [120800, 486400]]}
NAMEN = {"WK036300": "Burgwallen-Oude Zijde", "WK036301": "Burgwallen-Nieuwe Zijde"}


def collection(features: list[dict]) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def feature(properties: dict, ring: list) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": {"type": "Polygon", "coordinates": [ring]}}


def pdok_wijken() -> bytes:
    """As the PDOK OGC API (CBS wijken en buurten) writes them: camelCase properties."""
    return collection([feature({"wijkCode": code, "wijkNaam": NAMEN[code], "gemeenteCode": "GM0363",
                                "gemeenteNaam": "Amsterdam"}, WGS84[code]) for code in NAMEN])


def cbs_wijken_rd() -> bytes:
    """As the CBS wijk- en buurtkaart writes them: lower-case properties, coordinates in RD New."""
    return json.dumps({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
                       "features": [feature({"WIJKCODE": code, "WIJKNAAM": NAMEN[code], "GEMEENTECODE": "GM0363"}, RD[code])
                                    for code in NAMEN]}).encode()


def gemeente() -> bytes:
    return collection([feature({"statcode": "GM0363", "statnaam": "Amsterdam"},
                               [[4.75, 52.28], [5.07, 52.28], [5.07, 52.43], [4.75, 52.28]])])


def tree(db) -> dict[str, str | None]:
    with db.make_session() as session:
        return {g.code: g.ouder.code if g.ouder else None for g in session.scalars(select(Gebied))}


AMSTERDAM = {"NL01": None, "PV27": "NL01", "GM0363": "PV27", "WK036300": "GM0363", "WK036301": "GM0363"}


def test_wijken_before_their_gemeente_are_linked_when_it_arrives(db):
    report = import_file(db, pdok_wijken(), filename="wijken.json")
    assert (report.status, report.rows_new) == ("committed", 2)
    assert tree(db) == {"WK036300": None, "WK036301": None}
    report = import_file(db, gemeente(), filename="gemeenten.geojson")
    assert (report.rows_new, report.rows_changed) == (3, 2)  # Amsterdam, Noord-Holland, Nederland; two wijken linked
    assert tree(db) == AMSTERDAM
    assert (import_file(db, pdok_wijken()).status, import_file(db, gemeente()).status) == ("unchanged", "unchanged")


def test_the_same_tree_whatever_the_order(db, tmp_path):
    import_file(db, gemeente())
    import_file(db, pdok_wijken())
    assert tree(db) == AMSTERDAM


def test_csv_buurten_before_wijken_before_gemeente(db):
    import_file(db, b"code;naam;niveau;ouder\nBU03630000;Kop Zeedijk;buurt;\n")
    import_file(db, b"code;naam;niveau;ouder\nWK036300;Burgwallen-Oude Zijde;wijk;\n")
    report = import_file(db, b"code;naam;niveau;ouder\nGM0363;Amsterdam;gemeente;\n")
    assert report.rows_changed == 1  # the wijk; the buurt found its wijk when that came
    assert tree(db) == {"NL01": None, "PV27": "NL01", "GM0363": "PV27", "WK036300": "GM0363",
                        "BU03630000": "WK036300"}


def test_a_cbs_wijken_file_in_rd_new_is_read_in_degrees(db):
    report = import_file(db, cbs_wijken_rd(), filename="wijken_2024.geojson")
    assert (report.status, report.rows_new) == ("committed", 2)
    with db.make_session() as session:
        wijk = session.scalar(select(Gebied).where(Gebied.code == "WK036300"))
        ring = json.loads(wijk.geometrie)["coordinates"][0]
    assert wijk.naam == "Burgwallen-Oude Zijde"
    assert 52.36 < wijk.lat < 52.39 and 4.88 < wijk.lon < 4.91  # central Amsterdam
    assert all(4.8 < lon < 5.0 and 52.3 < lat < 52.4 for lon, lat in ring)


@pytest.mark.parametrize("properties, ring, words", [
    ({"naam": "Ergens"}, WGS84["WK036300"], "geen gebiedscode; verwacht een van de eigenschappen statcode"),
    ({"wijkcode": "WK036300"}, [[9e6, 9e6], [9e6 + 1, 9e6], [9e6, 9e6 + 1], [9e6, 9e6]], "RD New (EPSG:28992)"),
])
def test_a_feature_without_code_or_with_unknown_coordinates_is_refused_in_dutch(db, properties, ring, words):
    from dashboard.ingest import ImportRejected

    with pytest.raises(ImportRejected) as refused:
        import_file(db, collection([feature(properties, ring)]))
    [problem] = refused.value.problems
    assert words in problem.message and problem.message.startswith("feature 1")
    assert tree(db) == {}


def test_cli_wijken_then_gemeente(monkeypatch, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
    (tmp_path / "wijken.geojson").write_bytes(cbs_wijken_rd())
    (tmp_path / "gemeenten.geojson").write_bytes(gemeente())
    assert main(["import", str(tmp_path / "wijken.geojson"), "--json"]) == 0
    assert main(["import", str(tmp_path / "gemeenten.geojson"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (report["status"], report["rows_new"], report["rows_changed"]) == ("committed", 3, 2)
    assert tree(open_database(url)) == AMSTERDAM


def test_a_gemeente_added_from_a_figures_file_gets_its_cbs_name_and_provincie(db):
    report = import_file(db, b"indicator;gebied;partij;periode;waarde\nwoningvoorraad_totaal;GM0888;;2024;7400\n",
                         add_missing=True)
    assert report.added == ["land Nederland (NL01) toegevoegd uit de CBS-gebiedsindeling",
                            "provincie Limburg (PV31) toegevoegd uit de CBS-gebiedsindeling", "gebied GM0888 (Beek (L.))"]
    with db.make_session() as session:
        beek = session.scalar(select(Gebied).where(Gebied.code == "GM0888"))
        assert (beek.naam, beek.ouder.code, beek.ouder.ouder.code) == ("Beek (L.)", "PV31", "NL01")
