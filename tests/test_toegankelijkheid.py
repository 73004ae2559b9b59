"""The toegankelijkheidsverklaring is read from the file the beheerder edits: the shipped file is
complete, a wrong field is named with its line while the rest still shows, a missing file says so."""
from datetime import date

from dashboard import config, toegankelijkheid


def test_the_shipped_statement_is_complete_with_dated_known_limits():
    verklaring = toegankelijkheid.read(config.load().toegankelijkheid)
    assert verklaring.problemen == ()
    assert verklaring.status in toegankelijkheid.STATUSSEN
    assert verklaring.onderzoek_datum and verklaring.ondertekend and verklaring.email and verklaring.reactietermijn
    assert "axe-core" in verklaring.onderzoek_methode
    assert len(verklaring.beperkingen) >= 3
    assert all(beperking.opgelost > verklaring.ondertekend for beperking in verklaring.beperkingen)


def test_a_wrong_field_is_named_with_its_line_and_the_rest_still_shows(tmp_path):
    shipped = config.load().toegankelijkheid.read_text(encoding="utf-8")
    wrong = tmp_path / "verklaring.toml"
    wrong.write_text(shipped.replace('status = "voldoet gedeeltelijk"', 'status = "bijna klaar"')
                     .replace("opgelost = 2027-03-31", 'opgelost = "maart"'), encoding="utf-8")
    lines = wrong.read_text(encoding="utf-8").splitlines()
    verklaring = toegankelijkheid.read(wrong)
    assert [(p.regel, p.veld) for p in verklaring.problemen] == [
        (lines.index('status = "bijna klaar"') + 1, "status"),
        (lines.index('opgelost = "maart"') + 1, "beperking.opgelost"),
    ]
    assert "Kies uit: voldoet volledig" in str(verklaring.problemen[0])
    assert verklaring.status is None
    assert verklaring.organisatie == "Gemeente Denkbeeldstad"
    assert len(verklaring.beperkingen) == shipped.count("[[beperking]]") - 1  # the one with the wrong date is left out


def test_a_file_that_is_no_toml_names_the_line(tmp_path):
    broken = tmp_path / "verklaring.toml"
    broken.write_text('organisatie = "Gemeente Denkbeeldstad"\nstatus = voldoet volledig\n', encoding="utf-8")
    verklaring = toegankelijkheid.read(broken)
    assert [(p.regel, p.veld) for p in verklaring.problemen] == [(2, "bestand")]
    assert verklaring.organisatie is None


def test_a_missing_field_points_at_its_block(tmp_path):
    path = tmp_path / "verklaring.toml"
    path.write_text('organisatie = "X"\nwebsite = "Y"\nstatus = "voldoet volledig"\nondertekend = 2026-12-01\n'
                    "[onderzoek]\ndatum = 2026-12-01\nmethode = \"axe-core\"\n[contact]\nemail = \"a@b.example\"\n"
                    'reactietermijn = "binnen een week"\n', encoding="utf-8")
    verklaring = toegankelijkheid.read(path)
    assert [str(p) for p in verklaring.problemen] == [
        "Regel 8, veld contact.telefoon: ontbreekt of is leeg; vul een tekst in tussen aanhalingstekens."]
    assert verklaring.ondertekend == date(2026, 12, 1) and verklaring.beperkingen == ()


def test_a_missing_file_says_which_and_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_TOEGANKELIJKHEID", str(tmp_path / "weg.toml"))
    verklaring = toegankelijkheid.read(config.load().toegankelijkheid)
    assert [p.veld for p in verklaring.problemen] == ["bestand"]
    assert "weg.toml bestaat niet" in str(verklaring.problemen[0])
    assert "DASHBOARD_TOEGANKELIJKHEID" in str(verklaring.problemen[0])
