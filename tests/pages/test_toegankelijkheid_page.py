"""The statement page opens before anyone signs in, and a wrong file shows a repair notice, never a traceback."""
from app_runs import fresh_app, titles
from dashboard import config
from dashboard.toegang import accounts
from dashboard.ui.tekst import escaped


def test_the_statement_opens_without_signing_in(database):
    accounts.add_user(database, "anna", "redacteur", "een-goed-wachtwoord", door="test")
    at = fresh_app().run()
    assert titles(at) == ["Inloggen"]
    at.switch_page("pages/toegankelijkheid.py").run()
    assert not at.exception and titles(at) == ["Toegankelijkheidsverklaring"]
    assert [h.value for h in at.header] == ["Status", "Onderzoek", "Bekende beperkingen", "Contact",
                                            "Handhaving en klachten"]
    assert any("voldoet gedeeltelijk aan de eisen van WCAG 2.1 niveau AA" in m.value for m in at.markdown)
    assert at.warning.len == 0


def test_a_wrong_file_shows_what_is_valid_and_asks_for_repair(app_env, tmp_path, monkeypatch):
    wrong = tmp_path / "verklaring.toml"
    wrong.write_text(config.load().toegankelijkheid.read_text(encoding="utf-8")
                     .replace('organisatie = "Gemeente Denkbeeldstad"', 'organisatie = "**Gemeente** Nergens"')
                     .replace("ondertekend = 2026-12-05", 'ondertekend = "gisteren"'), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_TOEGANKELIJKHEID", str(wrong))
    at = fresh_app().run()
    at.switch_page("pages/toegankelijkheid.py").run()
    assert not at.exception and titles(at) == ["Toegankelijkheidsverklaring"]
    assert "moet worden hersteld" in at.warning[0].value and escaped("Regel 12, veld ondertekend") in at.warning[0].value
    assert at.markdown[0].value.startswith(r"\*\*Gemeente\*\* Nergens wil dat iedereen")  # the file's text is text
    assert [h.value for h in at.header][:3] == ["Status", "Onderzoek", "Bekende beperkingen"]
