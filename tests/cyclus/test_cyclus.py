"""The Woningwet's yearly cycle: phases with deadlines from settings, bods beside the afspraken,
signatures per party, what is due on the Kompas, and the page for a reader and a redacteur."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from dashboard.afspraken import Invalid
from dashboard.cyclus import bod, fasen, ondertekening, termijnen
from dashboard.demo.afspraken import DEMO
from dashboard.ingest import import_file
from dashboard.models import AuditLog, Bod

from reader import texts

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_demo_year_2027_has_three_bods_one_late_and_no_signatures_past_the_deadline(demo_db):
    with demo_db.make_session() as session:
        cyclus = fasen.jaar(session, 2027, termijnen.Termijnen(), date(2026, 12, 5))
        signed = fasen.jaar(session, 2026, termijnen.Termijnen(), date(2026, 12, 5))
    status = {f.fase: (f.status, f.termijn) for f in cyclus.fasen}
    assert status["bod"] == ("klaar", date(2026, 7, 1)) and "te laat: Wooncorporatie Thuisbaak" in cyclus.fasen[0].uitleg
    assert [b.dagen_te_laat for b in cyclus.bods if b.partij == "Wooncorporatie Thuisbaak"] == [44]
    assert status["ondertekening"] == ("te_laat", date(2026, 12, 1))
    assert "geschil" in cyclus.fasen[1].uitleg and cyclus.geschillen[0][1] == "slapend"
    assert [f.status for f in signed.fasen[:3]] == ["klaar"] * 3
    assert {(h.partij, h.functie) for h in signed.handtekeningen} >= {("Gemeente Denkbeeldstad", "wethouder Wonen"),
                                                                    ("Huurdersvereniging Samen Sterk", "voorzitter")}


def test_a_bod_not_yet_received_is_due_on_the_kompas_until_it_arrives(db, tmp_path):
    import_file(db, "naam;soort\nWoonstichting Oost;corporatie\nGemeente Oost;gemeente\n".encode())
    with db.make_session() as session:
        due = fasen.te_doen(session, termijnen.Termijnen(), date(2026, 5, 5))
    assert "Bod van Woonstichting Oost voor 2027 verwacht voor 1 juli 2026: nog niet ontvangen." in due
    with db.session() as session:
        bod.opslaan(session, DEMO, bod.BodInvoer("Woonstichting Oost", 2027, date(2026, 5, 1), document=PDF,
                                                 document_naam="bod.pdf"), tmp_path, 10_000)
    with db.make_session() as session:
        due = fasen.te_doen(session, termijnen.Termijnen(), date(2026, 5, 5))
    assert not [line for line in due if line.startswith("Bod van")]


def test_deadlines_are_settings_and_a_wrong_one_is_named_in_dutch(monkeypatch):
    monkeypatch.setenv("DASHBOARD_BOD_VOOR", "06-15")
    monkeypatch.setenv("DASHBOARD_GESCHIL_MAANDEN", "4")
    termijn = termijnen.load()
    assert termijn.bod_voor(2027) == date(2026, 6, 15) and termijn.geschil_vanaf(2027) == date(2026, 10, 15)
    monkeypatch.setenv("DASHBOARD_AFSPRAKEN_VOOR", "1 december")
    with pytest.raises(termijnen.TermijnFout, match="DASHBOARD_AFSPRAKEN_VOOR='1 december' is geen dag van het jaar"):
        termijnen.load()


def test_a_bod_must_be_a_whole_pdf_and_a_new_one_replaces_the_old_file(demo_db, tmp_path):
    invoer = bod.BodInvoer("Stichting Nergenshuis", 2028, date(2026, 12, 1), document=b"\x89PNG\r\n\x1a\n",
                           document_naam="bod.pdf")
    with pytest.raises(Invalid) as refused, demo_db.session() as session:
        bod.opslaan(session, DEMO, invoer, tmp_path, 10_000)
    assert "geen (volledige) PDF" in refused.value.problems["document"]
    for content in (PDF, PDF.replace(b"1.4", b"1.7")):
        invoer.document = content
        with demo_db.session() as session:
            bod.opslaan(session, DEMO, invoer, tmp_path, 10_000)
    with demo_db.make_session() as session:
        stored = session.scalar(select(Bod).where(Bod.jaar == 2028))
        assert session.scalar(select(AuditLog).where(AuditLog.actie == "bod_vastgelegd").order_by(AuditLog.id.desc()))
    assert [p.name for p in (tmp_path / bod.MAP).iterdir()] == [stored.document]
    assert bod.document(stored.document, tmp_path).read_bytes().startswith(b"%PDF-1.7")


def test_the_bods_are_set_beside_the_afspraken_they_bear_on(demo_db):
    with demo_db.make_session() as session:
        lines = bod.naast(session, 2027)
    assert ("Sociale huurwoningen nieuwbouw: bod samen 75 woningen (Stichting Nergenshuis 15, Wooncorporatie "
            "Thuisbaak 20, Woonstichting Denkbeeld Wonen 40) · afspraak 2.1: 90 woningen per jaar (450 woningen in "
            "2024–2028)") in lines


def test_a_signature_needs_who_and_as_whom(demo_db):
    with pytest.raises(Invalid) as refused, demo_db.session() as session:
        ondertekening.tekenen(session, DEMO, ondertekening.TekenInvoer("Gemeente Denkbeeldstad", 2027,
                                                                       date(2026, 12, 3), "A. Jansen", " "))
    assert "als wie" in refused.value.problems["functie"]
    with pytest.raises(Invalid) as refused, demo_db.session() as session:
        ondertekening.tekenen(session, DEMO, ondertekening.TekenInvoer("Zorggroep De Denkbeeldhof", 2027,
                                                                       date(2026, 12, 3), "F. Bakker", "directeur"))
    assert "huurdersorganisatie" in refused.value.problems["partij"]


def _cyclus_page(at, jaar=2027):
    at.query_params["cyclusjaar"] = str(jaar)
    return at.switch_page("pages/cyclus.py").run()


def test_a_reader_sees_the_phases_the_late_bod_and_who_has_not_signed(app_as):
    at = _cyclus_page(app_as("lezer"))
    assert not at.exception
    assert [m.value for m in at.markdown if m.value.startswith("**")][:5] == [
        "**Bod**", "**Overleg**", "**Ondertekening**", "**Uitvoering**", "**Evaluatie**"]
    words = texts(at, "markdown")
    assert "Wooncorporatie Thuisbaak** · ontvangen op 14 augustus 2026" in words and "44 dagen te laat" in words
    assert "bod samen 75 woningen" in words
    assert not at.expander, "a lezer gets no forms"


def test_a_redacteur_records_a_signature_and_the_table_shows_it(app_as):
    at = _cyclus_page(app_as("redacteur"))
    at.selectbox(key="teken2027_partij").set_value("Huurdersvereniging Samen Sterk")
    at.date_input(key="teken2027_datum").set_value(date(2026, 12, 3))
    at.text_input(key="teken2027_naam").input("E. Visser")
    at.text_input(key="teken2027_functie").input("voorzitter")
    at.button(key="FormSubmitter:teken2027-Ondertekening opslaan").click().run()
    assert not at.exception
    assert any("Huurdersvereniging Samen Sterk voor 2027 is opgeslagen" in t.value for t in at.toast)
    assert ("Huurdersvereniging Samen Sterk** (huurdersorganisatie): getekend op 3 december 2026 door E. Visser, "
            "voorzitter") in texts(at, "markdown")


def test_the_kompas_says_what_the_cycle_asks_and_groups_afspraken_by_goal(app_as):
    at = app_as("lezer")
    assert "Wat de cyclus nu vraagt" in [h.value for h in at.header]
    at.segmented_control(key="lens").set_value("doel").run()
    assert "Doelen die de afspraken dienen" in [h.value for h in at.header]
    assert "### Minstens 30% van de nieuwbouw sociale huur\n" in texts(at, "markdown")  # a card's heading
