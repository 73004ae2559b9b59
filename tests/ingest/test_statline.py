"""StatLine exports as a data officer downloads them: title, blank line, headers over several rows
with units, regions by name, CBS symbols, "2022*", a footer; through the core, the CLI and the page."""
from __future__ import annotations

import json

import pytest

from dashboard.cli import main
from dashboard.ingest import ImportRejected, import_file

from ingest_helpers import snapshot, value

# Periods in a header row, the last one voorlopig; the onderwerp over two columns each.
PERIODS_IN_HEADER = """\ufeff"Woningvoorraad; eigendom, regio"

;"Onderwerp";"Totale woningvoorraad";"Totale woningvoorraad";"Eigendom woningcorporatie";"Eigendom woningcorporatie"
;"Perioden";"2021";"2022*";"2021";"2022*"
"Regio's";"";"aantal";"aantal";"aantal";"aantal"
"Nederland";;"8000000";"8100000";"2300000";"2310000"
"Groningen (gemeente)";;"120000";"121000";"x";"?"
"'s-Gravenhage (gemeente)";;"260000";"262000";"80000";"."
"Bergen (NH.)";;"15000";"-";"3000";"3100"
"Hengelo (O.)";;"37000";"37500";"12000";""
"Werkendam";;"";"";"";""
"Gemeenten; niet in te delen";;"";"";"";""

"Bron: CBS"
"""

# Periods in a column, a further column dimension, a unit to scale, Windows-1252, the period "2023**".
PERIODS_IN_COLUMN = """"Woningwaarde; regio"
;;"Onderwerp";"Gemiddelde WOZ-waarde van woningen";"Nieuw onderwerp"
;;"Woningtype";"Totaal woningen";"Totaal woningen"
"Regio's";"Perioden";"";"x 1 000 euro";"aantal"
"Beek (L.)";"2022";;"250";"4"
"Beek (L.)";"2023**";;"262,5";"5"
"Súdwest-Fryslân";"2023**";;"200";"3"
"Bron: Centraal Bureau voor de Statistiek, Kadaster"
"""

# The period only in the title.
PERIOD_IN_TITLE = """"Woningvoorraad 2022*"
""
;"Onderwerp";"Totale woningvoorraad"
"Regio's";"";"aantal"
"Hengelo (O.)";;"37500"
"Bron: CBS"
"""


def _write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_periods_in_the_header_symbols_and_names_as_statline_writes_them(db, tmp_path):
    report = import_file(db, _write(tmp_path, "statline.csv", PERIODS_IN_HEADER), add_missing=True)
    assert (report.status, report.format) == ("committed", "statline")
    assert "tekenset UTF-8 met BOM" in report.dialect
    assert value(db, "woningvoorraad_totaal", "NL01", "2022") == 8_100_000
    assert value(db, "woningvoorraad_totaal", "GM0014", "2021") == 120_000  # Groningen (gemeente)
    assert value(db, "woningvoorraad_corporatie", "GM0518", "2021") == 80_000  # 's-Gravenhage
    assert value(db, "woningvoorraad_totaal", "GM0373", "2022") == 0  # Bergen (NH.): '-' is nihil
    assert value(db, "woningvoorraad_totaal", "GM0164", "2022") == 37_500  # Hengelo (O.)
    assert value(db, "woningvoorraad_corporatie", "GM0014", "2021") is None  # 'x' is no value
    assert report.rows_new == 16 and report.rows_skipped_empty == 4
    notes = "\n".join(report.notes)
    assert "1 waarde 'x' (geheim), 1 '?' (onbetrouwbaar), 1 '.' (onbekend), 1 leeg" in notes
    assert "Overgeslagen, geen gebied: Gemeenten; niet in te delen." in notes
    assert "Werkendam: opgeheven in 2019, opgegaan in Altena: geen waarden" in notes
    assert "Voorlopige cijfers (CBS): 2022*" in notes
    assert "GM0505" not in snapshot(db)["gebieden"]


def test_periods_in_a_column_with_a_unit_to_scale_and_a_mapping(db, tmp_path):
    path = _write(tmp_path, "woz.csv", PERIODS_IN_COLUMN, "cp1252")
    with pytest.raises(ImportRejected) as refused:
        import_file(db, path, add_missing=True)
    [problem] = refused.value.problems
    assert problem.line == 2 and problem.value == "Nieuw onderwerp"
    assert '--koppel "Nieuw onderwerp=sleutel"' in problem.message
    report = import_file(db, path, add_missing=True, mapping={"Nieuw onderwerp": ""})
    assert report.ignored_columns == ["Nieuw onderwerp"] and "Windows-1252" in report.dialect
    assert value(db, "woz_waarde", "GM0888", "2022") == 250_000  # x 1 000 euro, as euro
    assert value(db, "woz_waarde", "GM0888", "2023") == 262_500
    assert value(db, "woz_waarde", "GM1900", "2023") == 200_000
    assert "2023**" in "\n".join(report.notes)


def test_period_from_the_title_and_an_unknown_name_with_the_nearest(db, tmp_path):
    report = import_file(db, _write(tmp_path, "titel.csv", PERIOD_IN_TITLE.replace("\n", "\r\n")), add_missing=True)
    assert report.status == "committed" and "regeleinde CRLF" in report.dialect
    assert value(db, "woningvoorraad_totaal", "GM0164", "2022") == 37_500
    before = snapshot(db)
    with pytest.raises(ImportRejected) as refused:
        import_file(db, _write(tmp_path, "fout.csv", PERIOD_IN_TITLE.replace("Hengelo (O.)", "Hengeloo (O.)")))
    [problem] = refused.value.problems
    assert (problem.line, problem.column) == (5, "Regio's") and "Bedoelt u 'Hengelo'" in problem.message
    assert snapshot(db) == before


def test_cli_reports_and_maps_with_koppel(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("DASHBOARD_DEMO", "0")
    path = _write(tmp_path, "woz.csv", PERIODS_IN_COLUMN, "cp1252")

    def run(*args):
        code = main(["import", str(path), *args])
        return code, *capsys.readouterr()

    code, _, err = run("--add-missing")
    assert code == 1 and '--koppel "Nieuw onderwerp=sleutel"' in err and "Traceback" not in err
    code, out, _ = run("--add-missing", "--koppel", "Nieuw onderwerp=nieuwbouw_opgeleverd", "--json")
    report = json.loads(out)
    assert (code, report["status"], report["format"], report["rows_new"]) == (0, "committed", "statline", 6)
    assert any("2023**" in note for note in report["notes"])
    with pytest.raises(SystemExit) as usage:
        run("--koppel", "zonder-is-teken")
    assert usage.value.code == 2 and "Onderwerp=sleutel" in capsys.readouterr().err
