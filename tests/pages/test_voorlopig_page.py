"""A figure CBS still calls voorlopig ("2024*") says so on the dashboard: in its tile, in the trend's
table and in the table's download."""
import os

import pytest

from dashboard import export, queries
from dashboard.db import open_database
from dashboard.ingest import import_file

GEBIEDEN = b"code;naam;niveau;ouder\nGM0363;Amsterdam;gemeente;\n"
STATLINE = """"Woningvoorraad; eigendom, regio"

;"Onderwerp";"Totale woningvoorraad";"Totale woningvoorraad";"Totale woningvoorraad"
;"Perioden";"2022";"2023";"2024*"
"Regio's";"";"aantal";"aantal";"aantal"
"Amsterdam";;"460000";"468520";"474866"
"Bron: CBS"
""".encode()


@pytest.fixture
def dashboard(empty_app):
    database = open_database(os.environ["DASHBOARD_DATABASE_URL"])
    import_file(database, GEBIEDEN, filename="gebieden.csv")
    import_file(database, STATLINE, filename="statline.csv")
    with database.make_session() as session:
        table = queries.group_figures(session, queries.View(gebied="GM0363", indicator="woningvoorraad_totaal",
                                                            van=2022, tot=2024)).table
    database.engine.dispose()
    return empty_app.switch_page("pages/dashboard.py").run(), table


def test_the_tile_the_trend_table_and_the_download_say_voorlopig(dashboard):
    at, table = dashboard
    assert not at.exception
    assert any("2024 (voorlopig)" in m.proto.delta_description for m in at.get("metric"))  # under the tile's value
    at.session_state["trend_tabs"] = "Tabel"  # the trend's tab 'Tabel', as a reader opens it
    at.run()
    [trend] = [t.value for t in at.table if t.value.index.name == "Periode"]
    assert trend.index.str.replace("\\", "").tolist() == ["2022", "2023", "2024*"]  # as markdown, escaped
    download = export.csv_bytes(table).decode("utf-8-sig")
    assert "voorlopig" in download.splitlines()[0]
    assert [line.split(";")[-1] for line in download.splitlines()[1:]] == ["", "", "ja"]


def test_verkennen_says_which_figure_is_voorlopig(dashboard):
    at, _ = dashboard
    database = open_database(os.environ["DASHBOARD_DATABASE_URL"])  # a second gemeente to set beside it
    import_file(database, b"code;naam;niveau;ouder\nGM0014;Groningen;gemeente;\n", filename="groningen.csv")
    import_file(database, b"indicator;gebied;partij;periode;waarde\nwoningvoorraad_totaal;GM0014;;2024;118000\n",
                filename="groningen-waarden.csv")
    database.engine.dispose()
    for name, value in {"binnen": "gemeenten", "x": "woningvoorraad_totaal", "y": "woningvoorraad_totaal",
                        "jaar": "2024"}.items():
        at.query_params[name] = value
    at.switch_page("pages/verkennen.py").run()
    assert not at.exception
    assert any("1 gemeente met een voorlopig cijfer (2024*) voor Totale woningvoorraad" in c.value for c in at.caption)
    ranking = at.dataframe[0].value.set_index("Naam")
    assert ranking.loc["Amsterdam"].iloc[1:3].tolist() == ["474.866 woningen (voorlopig)"] * 2
    assert ranking.loc["Groningen"].iloc[1:3].tolist() == ["118.000 woningen"] * 2
