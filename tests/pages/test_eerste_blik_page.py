"""A real gemeente's first view while only CBS's woningvoorraad is in: one tile with its figure, the
indicators without figures named in one place with where they come from, two years as values."""
import os

import pytest

from dashboard.db import open_database
from dashboard.ingest import import_file
import reader

GEBIEDEN = b"code;naam;niveau;ouder\nGM0363;Amsterdam;gemeente;\n"
VOORRAAD = (b"indicator;gebied;partij;periode;waarde\n"
            b"woningvoorraad_totaal;GM0363;;2023;468520\n"
            b"woningvoorraad_totaal;GM0363;;2024;474866\n")


@pytest.fixture
def sparse(empty_app):
    database = open_database(os.environ["DASHBOARD_DATABASE_URL"])
    import_file(database, GEBIEDEN, filename="gebieden.csv")
    import_file(database, VOORRAAD, filename="voorraad.csv")
    database.engine.dispose()
    return empty_app.switch_page("pages/dashboard.py").run()


def test_only_figures_are_tiles_and_the_rest_is_named_once_with_its_source(sparse):
    assert not sparse.exception
    assert [(m.label, m.value) for m in sparse.metric] == [("Totale woningvoorraad", "474.866")]
    assert any(m.proto.help and reader.text(m.proto.help).endswith("Bron: CBS-tabel 82900NED, Totale woningvoorraad.") for m in sparse.get("metric"))
    missing = [e for e in sparse.expander if e.label.endswith("Nog geen cijfers voor 11 indicatoren: waar ze vandaan komen")]
    assert len(missing) == 1
    text = missing[0].markdown[0].value
    assert "**Uit CBS-tabel 81955NED** (StatLine, importeren op de pagina Gegevens): Nieuwbouw opgeleverd en Sloop." in text
    assert ("**Uit CBS-tabel 82900NED** (StatLine, importeren op de pagina Gegevens): Aandeel sociale huur in "
            "voorraad, Huurwoningen in bezit van corporaties, Huurwoningen van overige verhuurders en Koopwoningen.") in text
    assert ("**Aan te leveren door de gemeente** met het sjabloon ‘observaties (lang)’ van de pagina Gegevens: "
            "Plancapaciteit, Transformatie/splitsing en Woningtekort.") in text


def test_two_years_are_shown_as_their_values_not_as_a_line(sparse):
    assert sparse.get("plotly_chart") == []  # no partij or wijk has figures either: no chart at all
    assert any("te weinig voor een lijn" in c.value for c in sparse.caption)
    table = sparse.table[0].value
    assert list(table.index) == ["2023", "2024"] and [reader.text(v) for v in table["Waarde"]] == ["468.520", "474.866"]
