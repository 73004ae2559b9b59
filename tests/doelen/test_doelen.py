"""The library of targets: shipped with its sources, listed by the CLI, edited as an import, and a
gemeente's own figures set against it (the Wet regie share, the EFG countdown)."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from dashboard.cli import main
from dashboard.doelen import bibliotheek, stand
from dashboard.ingest import ImportRejected, import_file
from dashboard.models import Doel

from reader import texts

HEADER = "code;naam;niveau;thema;soort;waarde;eenheid;vanaf;peiljaar;indicator;gebied;bron;bron_datum;vervangen_door;toelichting\n"


@pytest.fixture
def library(db):
    bibliotheek.load(db)
    return db


def test_the_cli_lists_the_national_targets_and_the_wet_regie_shares_with_their_source(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{tmp_path / 'nieuw.db'}")
    assert main(["doelen", "list", "--json"]) == 0
    doelen = {d["code"]: d for d in json.loads(capsys.readouterr().out)}
    assert all({"code", "naam", "niveau", "waarde", "eenheid", "peiljaar", "bron"} <= d.keys() for d in doelen.values())
    picked = {code: (d["niveau"], d["waarde"], d["peiljaar"]) for code, d in doelen.items()}
    assert picked["npa2022_woningbouw"] == ("nationaal", 900_000, 2030)
    assert picked["npa2022_sociale_huur"] == ("nationaal", 250_000, 2030)
    assert picked["npa2024_sociale_huur"] == ("nationaal", 30_000, 2035)
    assert picked["npa2022_efg"] == ("nationaal", 0, 2028)
    assert picked["wet_regie_sociale_huur"][:2] == ("regio", 30)
    assert doelen["npa2024_sociale_huur"]["bron_datum"] == "2024-12-11"
    assert doelen["npa2022_sociale_huur"]["vervangen_door"] == "npa2024_sociale_huur"
    assert "36512" in doelen["wet_regie_betaalbaar"]["bron"]


def test_a_beheerder_edits_a_target_as_an_import_and_a_second_start_keeps_the_edit(library):
    edited = HEADER + ("wet_regie_sociale_huur;Minstens 35% van de nieuwbouw sociale huur;regio;Beschikbaarheid;aandeel;"
                       "35,0;%;2026;2030;nieuwbouw_sociaal/nieuwbouw_opgeleverd;Regio Denkbeeld;Woondeal regio "
                       "Denkbeeld;15-03-2026;;Strenger dan de wet.\n")
    report = import_file(library, edited.encode("cp1252"), filename="doelen.csv", user="beheerder")
    assert report.kind == "doelen" and report.rows_changed == 1
    bibliotheek.load(library)
    with library.make_session() as session:
        doel = session.scalar(select(Doel).where(Doel.code == "wet_regie_sociale_huur"))
        assert (doel.waarde, doel.gebied, doel.bron_datum) == (35.0, "Regio Denkbeeld", date(2026, 3, 15))


def test_a_wrong_target_file_is_refused_in_dutch_naming_line_and_column(library):
    wrong = HEADER + ("gemeente_bouw;Bouwen;stad;;aantal;1000;woningen;2031;2030;nieuwbouw_opgeleverd;;Woonvisie;"
                      "2025-01-01;;\nefg;Geen EFG;gemeente;;nul;0;woningen;;2028;label_efh;;Woonvisie;morgen;;\n")
    with pytest.raises(ImportRejected) as refused:
        import_file(library, wrong.encode(), filename="doelen.csv")
    said = {(p.line, p.column): p.message for p in refused.value.problems}
    assert "geen geldige niveau" in said[(2, "niveau")]
    assert "ligt na het peiljaar 2030" in said[(2, "vanaf")]
    assert "onbekende indicator 'label_efh'" in said[(3, "indicator")] and "label_efg" in said[(3, "indicator")]
    assert "geen datum" in said[(3, "bron_datum")]
    with library.make_session() as session:
        assert session.scalar(select(Doel).where(Doel.code == "efg")) is None


def _figures(db, lines: str) -> None:
    import_file(db, b"code;naam;niveau;ouder\nGM0999;Voorbeeldstad;gemeente;\n")
    import_file(db, b"naam;soort\nWoonstichting Oost;corporatie\nStichting Dak;corporatie\n")
    import_file(db, ("indicator;gebied;partij;periode;waarde\n" + lines).encode(), add_missing=True)


def test_the_gemeente_s_share_of_social_rent_in_new_homes_is_set_against_the_wet_regie_share(library):
    _figures(library, "nieuwbouw_opgeleverd;GM0999;;2024;80\nnieuwbouw_sociaal;GM0999;;2024;40\n"
                      "nieuwbouw_opgeleverd;GM0999;;2025;250\nnieuwbouw_sociaal;GM0999;;2025;60\n")
    with library.make_session() as session:
        found = {s.code: s for s in stand.tegen_doelen(session, "GM0999", "Voorbeeldstad", 2025, date(2026, 3, 1))}
    share = found["wet_regie_sociale_huur"]
    assert share.zin == "Aandeel sociale huur in nieuwbouw 2025: 24% · doel 30%" and share.gehaald is False
    assert found["npa2024_sociale_huur"].zin.startswith("Nieuwbouw sociale huur 2025: 60 · landelijk doel 30.000")


def test_the_efg_countdown_names_the_gemeente_and_each_corporation_with_the_pace_it_needs(library):
    _figures(library, "label_efg;GM0999;;2025;300\nlabel_efg;GM0999;Woonstichting Oost;2025;120\n"
                      "label_efg;GM0999;Stichting Dak;2024;0\n")
    with library.make_session() as session:
        efg = session.scalar(select(Doel).where(Doel.code == "npa2022_efg"))
        rows = stand.aftellen(session, efg, "GM0999", "Voorbeeldstad", date(2026, 3, 1))
    said = [row.zin(efg.naam, efg.peiljaar) for row in rows]
    assert said[0] == ("Voorbeeldstad: nog 300 woningen in 2025; eind 2028 moet het 0 zijn: nog 3 jaar, "
                       "100 woningen per jaar.")
    assert said[1] == "Stichting Dak: geen meer over in 2024. Doel gehaald."
    assert "Woonstichting Oost: nog 120 woningen in 2025" in said[2] and "40 woningen per jaar" in said[2]


def test_the_kompas_sets_the_demo_town_against_the_national_targets(app_as):
    at = app_as("lezer")
    assert not at.exception
    assert "Tegen de landelijke doelen" in [h.value for h in at.header]
    lines = texts(at, "markdown")
    assert "Aandeel sociale huur in nieuwbouw 2025:" in lines and "doel 30%" in lines
    assert "eind 2028 moet het 0 zijn" in lines
    assert "bron: Nationale Prestatieafspraken" in lines  # under each target, in the same markdown
