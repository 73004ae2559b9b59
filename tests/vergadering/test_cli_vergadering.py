"""`vergaderingen list/create` and `besluiten list` on the demo: the shapes other tools rely on."""
import json

from dashboard import cli


def test_besluiten_list_json_has_the_agreed_fields(app_env, capsys):
    assert cli.main(["besluiten", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2
    for row in rows:
        assert {"id", "afspraak", "datum", "voorstel", "uitkomst", "bezwaren", "evaluatie"} <= set(row)
        assert all(set(b) >= {"partij", "reden", "verwerking"} for b in row["bezwaren"])
    by_outcome = {row["uitkomst"]: row for row in rows}
    assert by_outcome["aangenomen"]["afspraak"] == "2.1" and by_outcome["aangenomen"]["evaluatie"] == "2026-06-11"
    assert by_outcome["aangehouden"]["bezwaren"][0]["verwerking"] is None  # the objection stands


def test_vergaderingen_create_takes_the_default_agenda(app_env, capsys):
    assert cli.main(["vergaderingen", "create", "--datum", "2027-03-11", "--titel", "Stuurgroep voorjaar", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["datum"] == "2027-03-11" and [p["afspraak"] for p in made["punten"]][:2] == ["2.1", "3.3"]
    assert cli.main(["vergaderingen", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["titel"] == "Stuurgroep voorjaar"
    assert cli.main(["vergaderingen", "create", "--datum", "11-03-2027", "--titel", "x"]) == 1
    assert "JJJJ-MM-DD" in capsys.readouterr().err
