"""Every accepted shape and dialect of an observaties file lands as the same numbers."""
from __future__ import annotations

import json

import pytest

from dashboard.ingest import import_file, templates
from dashboard.ingest.importer import inspect

from ingest_helpers import snapshot, value

LANG = "indicator;gebied;partij;periode;waarde\nwoningvoorraad_totaal;GM9901;;2024;1.234,5\n"


@pytest.mark.parametrize("text, encoding, expected_dialect", [
    (LANG, "utf-8", "tekenset UTF-8, scheidingsteken puntkomma, decimaalteken komma"),
    (LANG, "utf-8-sig", "tekenset UTF-8 met BOM"),
    (LANG.replace("GM9901;;", "GM9901;Woonstichting Denkbeeld Wonen;").replace("\n", "\r\n"), "cp1252",
     "regeleinde CRLF"),
    ("indicator,gebied,partij,periode,waarde\nwoningvoorraad_totaal,GM9901,,2024,\"1,234.5\"\n", "utf-8",
     "scheidingsteken komma, decimaalteken punt, duizendtalscheiding komma"),
    ("indicator\tgebied\tpartij\tperiode\twaarde\nwoningvoorraad_totaal\tGM9901\t\t2024\t1234.5\n", "utf-8",
     "scheidingsteken tab, decimaalteken punt"),
    ("indicator;gebied;partij;periode;waarde\nwoningvoorraad_totaal;GM9901;;2024;1234,5\n", "utf-8",
     "decimaalteken komma"),
])
def test_dialects_give_the_same_number(demo_db, text, encoding, expected_dialect):
    report = import_file(demo_db, text.encode(encoding), filename="x.csv")
    assert report.status == "committed"
    assert expected_dialect in report.dialect
    partij = "Woonstichting Denkbeeld Wonen" if "Wonen" in text else ""
    assert value(demo_db, "woningvoorraad_totaal", "GM9901", "2024", partij) == 1234.5


def test_windows_1252_name_with_accent_is_read(demo_db):
    data = ("naam;soort;code\nWoonstichting Eén;corporatie;L9999\n").encode("cp1252")
    report = import_file(demo_db, data, filename="partijen.csv")
    assert (report.kind, report.rows_new) == ("partijen", 1)
    assert "Windows-1252" in report.dialect
    assert "Woonstichting Eén" in snapshot(demo_db)["partijen"]


def test_breed_melts_every_indicator_column(demo_db):
    data = ("gebied;periode;partij;aandeel_sociale_huur;woningvoorraad_totaal\n"
            "WK990101;2024;;30,5;1.234\nGM9901;2024-K1;;31;\n")
    report = import_file(demo_db, data.encode(), filename="breed.csv")
    assert (report.format, report.status, report.rows_skipped_empty) == ("breed", "committed", 1)
    assert report.rows_new + report.rows_changed == 3
    assert value(demo_db, "aandeel_sociale_huur", "WK990101", "2024") == 30.5
    assert value(demo_db, "woningvoorraad_totaal", "WK990101", "2024") == 1234
    assert value(demo_db, "aandeel_sociale_huur", "GM9901", "2024-K1") == 31


CBS = ('"ID";"RegioS";"Perioden";"aandeel_sociale_huur";"Bevolking_1"\r\n'
       '"0";"GM9901    ";"2024JJ00";"    12.5";"   100"\r\n'
       '"1";"WK990101  ";"2024KW01";"       .";"   100"\r\n'
       '"2";"WK990102  ";"2024MM03";"    40.0";"   100"\r\n')


def test_cbs_open_data_with_padded_codes_and_cbs_periods(demo_db):
    report = import_file(demo_db, CBS.encode(), filename="cbs.csv")
    assert (report.format, report.status) == ("cbs", "committed")
    assert report.rows_skipped_empty == 1
    assert report.ignored_columns == ["bevolking_1"]
    assert value(demo_db, "aandeel_sociale_huur", "GM9901", "2024") == 12.5
    assert value(demo_db, "aandeel_sociale_huur", "WK990102", "2024-03") == 40.0


def test_cbs_column_mapped_once_is_remembered_for_the_same_layout(demo_db):
    assert "bevolking_1" in inspect(demo_db, CBS.encode()).unknown_headers
    first = import_file(demo_db, CBS.encode(), mapping={"Bevolking_1": "woningvoorraad_totaal"}, filename="a.csv")
    assert first.ignored_columns == []
    assert value(demo_db, "woningvoorraad_totaal", "GM9901", "2024") == 100
    later = CBS.replace("   100", "   200")
    import_file(demo_db, later.encode(), filename="b.csv")  # no mapping given: the remembered one applies
    assert value(demo_db, "woningvoorraad_totaal", "GM9901", "2024") == 200
    assert inspect(demo_db, later.encode()).unknown_headers == []


@pytest.mark.parametrize("periode, code", [
    ("2024", "2024"), ("2024JJ00", "2024"), ("2024-K2", "2024-K2"), ("2024Q2", "2024-K2"),
    ("2024KW02", "2024-K2"), ("2024-03", "2024-03"), ("2024MM03", "2024-03"),
])
def test_period_spellings(demo_db, periode, code):
    import_file(demo_db, f"indicator;gebied;partij;periode;waarde\nsloop;GM9901;;{periode};7\n".encode())
    assert value(demo_db, "sloop", "GM9901", code) == 7


def test_no_value_markers_are_skipped_and_counted(demo_db):
    data = "indicator;gebied;partij;periode;waarde\n" + "".join(
        f"sloop;GM9901;;{2030 + i};{empty}\n" for i, empty in enumerate(["", ".", "-", "n.v.t."]))
    data += "sloop;GM9901;;2035;3\n"
    report = import_file(demo_db, data.encode())
    assert (report.rows_skipped_empty, report.rows_new) == (4, 1)


def test_kind_and_format_can_be_forced(demo_db):
    data = "gebied;periode;sloop\nGM9901;2031;4\n"
    report = import_file(demo_db, data.encode(), kind="observaties", format="breed")
    assert (report.kind, report.format, report.rows_new) == ("observaties", "breed", 1)


def test_reference_kinds(db):
    import_file(db, b"naam;soort;code\nWoonstichting Een;corporatie;L1\n")
    import_file(db, b"code;naam;niveau;ouder;lat;lon\nGM0505;Dordrecht;gemeente;;51,8;4,67\n"
                    b"WK050501;Binnenstad;wijk;GM0505;;\n")
    geojson = {"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"statcode": "BU05050101", "statnaam": "Oude stad"},
        "geometry": {"type": "Polygon", "coordinates": [[[4.6, 51.8], [4.7, 51.8], [4.7, 51.9], [4.6, 51.8]]]}}]}
    report = import_file(db, json.dumps(geojson).encode(), filename="buurten.geojson")
    assert (report.kind, report.format, report.rows_new) == ("gebieden", "geojson", 1)
    report = import_file(db, b"sleutel;naam;eenheid;richting;aggregatie;min;max\n"
                             b"wachtlijst;Wachtlijst;aantal;lager;laatste;0;\n")
    assert (report.kind, report.rows_new) == ("indicatoren", 1)
    state = snapshot(db)
    assert state["gebieden"] == ["BU05050101", "GM0505", "NL01", "PV28", "WK050501"]  # Dordrecht's provincie
    assert state["partijen"] == ["Woonstichting Een"]


@pytest.mark.parametrize("name", list(templates.EXAMPLES))
def test_every_template_is_a_valid_file_of_its_kind(demo_db, name):
    before = snapshot(demo_db)
    report = import_file(demo_db, templates.template(name), dry_run=True, add_missing=True)
    assert (report.status, report.kind) == ("valid", name.split(" ")[0])
    assert snapshot(demo_db) == before


def test_lang_without_a_partij_column_is_the_total_of_all_parties(demo_db):
    report = import_file(demo_db, b"indicator;gebied;periode;waarde\nsloop;GM9901;2040;12\n")
    assert (report.status, report.rows_new) == ("committed", 1)
    assert value(demo_db, "sloop", "GM9901", "2040") == 12
