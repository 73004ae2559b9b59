"""The Gegevens page under AppTest: upload, preview, commit, history with undo, templates."""
from __future__ import annotations

import reader
from sqlalchemy import text

from dashboard.db import open_database


DUTCH = "indicator;gebied;partij;periode;waarde\r\naandeel_sociale_huur;GM9901;;2024;33,3\r\n".encode("cp1252")


def _value(path) -> float:
    db = open_database(f"sqlite:///{path}")
    with db.make_session() as session:
        return session.execute(text(
            "SELECT o.waarde FROM observaties o JOIN indicatoren i ON i.id = o.indicator_id "
            "JOIN gebieden g ON g.id = o.gebied_id WHERE i.sleutel = 'aandeel_sociale_huur' "
            "AND g.code = 'GM9901' AND o.periode = '2024' AND o.partij_id IS NULL")).scalar_one()


def _open(app):
    app.switch_page("pages/gegevens.py").run()
    assert not app.exception
    return app


def test_upload_previews_then_commits(app, app_env):
    before = _value(app_env)
    at = _open(app)
    at.file_uploader(key="bestand").set_value(("cijfers.csv", DUTCH, "text/csv")).run()
    assert not at.exception
    assert any("decimaalteken komma" in info.value for info in at.info)
    assert _value(app_env) == before  # the preview writes nothing
    assert [m.value for m in at.metric][:2] == ["0", "1"]
    at.button(key="vastleggen").click().run()
    assert not at.exception
    assert any("Vastgelegd als import" in s.value for s in at.success)
    assert _value(app_env) == 33.3


def test_rejected_upload_shows_every_problem_and_writes_nothing(app, app_env):
    before = _value(app_env)
    at = _open(app)
    bad = b"indicator;gebied;partij;periode;waarde\nleegstand;GM9901;;2024;140\nonbekend;GM9901;;2024;1\n"
    at.file_uploader(key="bestand").set_value(("fout.csv", bad, "text/csv")).run()
    assert not at.exception
    assert any("2 problemen" in e.value for e in at.error)
    table = at.table[0].value  # st.table: the reason wraps instead of being cut off
    assert table["regel"].tolist() == ["2", "3"]
    assert _value(app_env) == before


def _flat(node) -> list:
    """The page's elements in the order they are shown."""
    children = getattr(node, "children", None)
    if not children:
        return [node]
    return [leaf for child in children.values() for leaf in _flat(child)]


def test_unknown_partij_is_added_only_when_ticked(app, app_env):
    at = _open(app)
    data = "indicator;gebied;partij;periode;waarde\nverhuringen;GM9901;Woonstichting Eén;2024;12\n".encode("cp1252")
    at.file_uploader(key="bestand").set_value(("nieuw.csv", data, "text/csv")).run()
    assert any("Windows-1252" in info.value for info in at.info)
    assert at.button(key="ontbrekend").disabled  # nothing chosen yet
    elements = _flat(at.main)
    assert elements.index(at.button(key="ontbrekend")) < elements.index(at.table[0])  # the button before the list
    [new] = [c for c in at.checkbox if "Woonstichting Eén" in c.label]
    assert new.label == "Nieuwe partij 'Woonstichting Eén' toevoegen (soort overig)"
    new.check().run()
    at.button(key="ontbrekend").click().run()
    assert not at.exception
    assert any("partij Woonstichting Eén" in c.value for c in at.caption)
    at.button(key="vastleggen").click().run()
    assert any("Vastgelegd" in s.value for s in at.success)


def test_history_undo_through_the_dialog(app, app_env):
    before = _value(app_env)
    at = _open(app)
    at.file_uploader(key="bestand").set_value(("cijfers.csv", DUTCH, "text/csv")).run()
    at.button(key="vastleggen").click().run()
    assert _value(app_env) == 33.3
    assert "cijfers.csv" in at.selectbox(key="undo_keuze").options[0]  # newest first
    newest = int(at.selectbox(key="undo_keuze").options[0].split(":")[0])
    at.selectbox(key="undo_keuze").set_value(newest).run()
    at.button(key="undo").click().run()
    at.button(key="undo_ja").click().run()
    assert not at.exception
    assert _value(app_env) == before


def test_unknown_breed_header_is_mapped_on_the_page(app, app_env):
    at = _open(app)
    data = b"gebied;periode;Percentage SH;Sociale huur\nGM9901;2024;33,3;\n"
    at.file_uploader(key="bestand").set_value(("breed.csv", data, "text/csv")).run()
    assert at.selectbox(key="map_sociale huur").value == "aandeel_sociale_huur"  # the nearest key is offered
    mapping = at.selectbox(key="map_percentage sh")
    assert mapping.value == "(kolom negeren)"
    mapping.set_value("aandeel_sociale_huur").run()
    assert [m.value for m in at.metric][:2] == ["0", "1"]
    at.button(key="vastleggen").click().run()
    assert _value(app_env) == 33.3


def test_file_over_the_cap_is_refused_on_the_page(app, app_env, monkeypatch):
    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", "1")
    at = _open(app)
    big = b"indicator;gebied;partij;periode;waarde\n" + b"sloop;GM9901;;2030;1\n" * 60_000
    at.file_uploader(key="bestand").set_value(("groot.csv", big, "text/csv")).run()
    assert not at.exception
    assert any("groter dan 1 MB" in e.value for e in at.error)


def test_templates_and_export_are_offered(app):
    from dashboard.ingest import templates

    at = _open(app)
    labels = [b.label for b in at.get("download_button")]
    assert [f"Sjabloon {name}" for name in templates.EXAMPLES] == [l for l in labels if l.startswith("Sjabloon")]
    assert "Download alle observaties (CSV)" in labels


def test_a_near_duplicate_partij_is_proposed_not_added(app, app_env):
    at = _open(app)
    data = "indicator;gebied;partij;periode;waarde\nverhuringen;GM9901;Woonstichting Denkbeeld Wonén;2031;12\n"
    at.file_uploader(key="bestand").set_value(("typo.csv", data.encode("cp1252"), "text/csv")).run()
    assert any("Bedoelt u **Woonstichting Denkbeeld Wonen**?" in m.value for m in at.markdown)
    assert not [c for c in at.checkbox if c.label.startswith("Nieuwe partij")]  # it cannot be added as new
    [same] = [c for c in at.checkbox if c.label.startswith("Ja, lees")]
    same.check().run()
    at.button(key="ontbrekend").click().run()
    assert not at.exception
    assert any("gelezen als 'Woonstichting Denkbeeld Wonen'" in reader.text(i.value) for i in at.info)
    at.button(key="vastleggen").click().run()
    assert any("Vastgelegd" in s.value for s in at.success)
    db = open_database(f"sqlite:///{app_env}")
    with db.make_session() as session:
        assert session.execute(text("SELECT count(*) FROM partijen WHERE naam LIKE 'Woonstichting Denkbeeld%'")).scalar() == 1


DUTCH_EXCEL = ("indicator;gebied;partij;periode;waarde\r\n"
               "gemiddelde_huur;GM9901;;2024;771,35\r\n"
               "woningvoorraad_totaal;GM9901;;31-12-2031;4.812\r\n").encode("cp1252")


def test_the_preview_writes_values_the_dutch_way(app, app_env):
    at = _open(app)
    at.file_uploader(key="bestand").set_value(("excel.csv", DUTCH_EXCEL, "text/csv")).run()
    assert not at.exception
    preview = at.dataframe[0].value
    rows = preview.set_index("indicator")[["periode", "oude waarde", "nieuwe waarde"]].to_dict("index")
    assert rows["gemiddelde_huur"] == {"periode": "2024", "oude waarde": "687,00", "nieuwe waarde": "771,35"}
    assert rows["woningvoorraad_totaal"] == {"periode": "2031", "oude waarde": "–", "nieuwe waarde": "4.812"}
    assert any("31-12-2031 gelezen als 2031 (peildatum" in reader.text(i.value) for i in at.info)


STATLINE = """\ufeff"Woningvoorraad; eigendom, regio"

;"Onderwerp";"Nieuw onderwerp";"Nieuw onderwerp"
;"Perioden";"2023";"2024*"
"Regio's";"";"aantal";"aantal"
"GM9901";;"12";"x"
"Gemeenten; niet in te delen";;"";""
"Bron: CBS"
""".encode()


def test_a_statline_export_imports_as_downloaded_with_its_onderwerp_chosen_on_the_page(app, app_env):
    at = _open(app)
    at.file_uploader(key="bestand").set_value(("statline.csv", STATLINE, "text/csv")).run()
    assert not at.exception
    assert any("vorm statline" in info.value for info in at.info)
    at.selectbox(key="map_Nieuw onderwerp").set_value("aandeel_sociale_huur").run()
    read = next(info.value for info in at.info if "Gelezen" in info.value).replace("\\", "")
    assert "1 waarde 'x' (geheim)" in read and "Gemeenten; niet in te delen" in read and "2024*" in read
    assert [m.value for m in at.metric][:2] == ["0", "1"]
    at.button(key="vastleggen").click().run()
    assert any("Vastgelegd als import" in s.value for s in at.success)
    db = open_database(f"sqlite:///{app_env}")
    with db.make_session() as session:
        assert session.execute(text(
            "SELECT o.waarde FROM observaties o JOIN indicatoren i ON i.id = o.indicator_id "
            "JOIN gebieden g ON g.id = o.gebied_id WHERE i.sleutel = 'aandeel_sociale_huur' "
            "AND g.code = 'GM9901' AND o.periode = '2023'")).scalar_one() == 12
