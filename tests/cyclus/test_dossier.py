"""The geschil dossier and the publication: every field the request to the minister needs, read back
from the PDF as a reader gets it; the ZIP for the website with its CSV files and metadata."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pandas as pd
import pypdfium2 as pdfium
import pytest

from dashboard.cli import main
from dashboard.cyclus import dossier, publicatie, termijnen

TODAY = date(2026, 12, 5)


def read_pdf(data: bytes) -> tuple[str, list[str], dict]:
    """The text of every page, the outline's headings and the metadata, as a PDF reader finds them."""
    pdf = pdfium.PdfDocument(data)
    try:
        text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
        return " ".join(text.replace("\r", "").split()), [b.get_title() for b in pdf.get_toc()], pdf.get_metadata_dict()
    finally:
        pdf.close()


def test_the_dossier_holds_every_field_of_the_request_and_the_afspraken_behind_it(demo_db):
    with demo_db.make_session() as session:
        made = dossier.samenstellen(session, 2027, termijnen.Termijnen(), TODAY)
    text, outline, meta = read_pdf(made.pdf())
    assert meta["Title"] == "Geschildossier prestatieafspraken 2027"
    assert [kop for _, kop in dossier.VELDEN] == [k for k in outline if k in dict(dossier.VELDEN).values()]
    assert "Dagtekening van het verzoek 5 december 2026" in text
    assert "Gemeente Denkbeeldstad (gemeente)" in text and "Adres: In te vullen" in text
    for partij in ("Stichting Nergenshuis", "Wooncorporatie Thuisbaak", "Woonstichting Denkbeeld Wonen",
                   "Huurdersvereniging Samen Sterk"):
        assert any(line.startswith(partij) for line in made.velden["partijen"]) and partij in text
    assert "Geen afspraken binnen de termijn" in text and "De bods komen samen op 75" in text
    assert "Thuisbaak: met de stijgende bouwkosten" in text
    assert "Woonvisie Denkbeeldstad 2024–2030" in text
    assert "Wooncorporatie Thuisbaak: ontvangen op 14 augustus 2026, 44 dagen na de termijn" in text
    assert "Een geschil kan worden voorgelegd vanaf 1 januari 2027" in text
    assert "Afspraak 2.1 450 sociale huurwoningen erbij in vijf jaar" in text and "Cijfers: 302 van 450 woningen" in text
    assert made.ontbreekt == ["Adres van de verzoeker"]


def test_the_cli_writes_the_dossier_and_says_what_to_complete(monkeypatch, demo_db_path, tmp_path, capsys):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{demo_db_path}")
    out = tmp_path / "dossier.pdf"
    assert main(["geschil", "--jaar", "2027", "--afspraak", "2.1", "--out", str(out)]) == 1
    assert "geen geschil over 2027 vastgelegd voor deze afspraak" in capsys.readouterr().err
    assert main(["geschil", "--jaar", "2027", "--out", str(out)]) == 0
    assert "Nog aan te vullen: Adres van de verzoeker" in capsys.readouterr().out
    assert "Het geschilpunt" in read_pdf(out.read_bytes())[1]
    assert main(["geschil", "--jaar", "2026", "--out", str(out)]) == 1
    assert "Er is geen geschil over 2026 vastgelegd" in capsys.readouterr().err
    assert main(["geschil", "--jaar", "2027", "--out", str(tmp_path / "dossier.docx")]) == 2


def test_the_publication_is_a_pdf_with_csv_files_and_their_metadata(demo_db, monkeypatch):
    with demo_db.make_session() as session:
        made = publicatie.samenstellen(session, 2026, termijnen.Termijnen(), TODAY, publicatie.licentie())
        draft = publicatie.samenstellen(session, 2027, termijnen.Termijnen(), TODAY, "CC0-1.0")
    archive = zipfile.ZipFile(io.BytesIO(made.zip()))
    assert sorted(archive.namelist()) == ["afspraken.csv", "besluiten.csv", "datapackage.json", "publicatie.pdf",
                                          "voortgang.csv"]
    meta = json.loads(archive.read("datapackage.json"))
    assert meta["title"] == "Prestatieafspraken 2026" and meta["created"] == "2026-12-05"
    assert meta["licenses"][0]["name"] == "CC-BY-4.0"
    assert len(meta["contributors"]) == 5 and {"role": "gemeente", "title": "Gemeente Denkbeeldstad",
                                                "organization": "Gemeente Denkbeeldstad"} in meta["contributors"]
    afspraken = pd.read_csv(io.BytesIO(archive.read("afspraken.csv")), sep=";", encoding="utf-8-sig", dtype=str)
    assert "2.1" in afspraken["nummer"].tolist() and len(afspraken) == 15
    besluiten = pd.read_csv(io.BytesIO(archive.read("besluiten.csv")), sep=";", encoding="utf-8-sig")
    assert set(besluiten["uitkomst"]) <= {"aangenomen", "aangehouden"} and len(besluiten) >= 2
    text, outline, pdf_meta = read_pdf(archive.read("publicatie.pdf"))
    assert "Getekend door alle partijen" in text and "A. Jansen" in text and pdf_meta["Title"] == made.titel
    assert outline[:2] == ["Prestatieafspraken 2026", "De afspraken"] and "Besluitenlijst" in outline
    assert "nog niet door alle partijen getekend. Dit is een concept" in read_pdf(
        zipfile.ZipFile(io.BytesIO(draft.zip())).read("publicatie.pdf"))[0]
    monkeypatch.setenv("DASHBOARD_LICENTIE", "alle rechten voorbehouden")
    with pytest.raises(publicatie.LicentieFout, match="kies CC-BY-4.0 of CC0-1.0"):
        publicatie.licentie()


def test_a_redacteur_finds_both_documents_on_the_cycle_page_and_a_reader_neither(app_as):
    at = app_as("redacteur")
    at.query_params["cyclusjaar"] = "2027"
    at.switch_page("pages/cyclus.py").run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Geschildossier voor de minister (PDF)" in labels
    assert "Publicatie voor de website (PDF en CSV in een ZIP)" in labels
    lezer = app_as("lezer")
    lezer.query_params["cyclusjaar"] = "2027"
    lezer.switch_page("pages/cyclus.py").run()
    assert not [b for b in lezer.get("download_button") if "Geschildossier" in b.proto.label]
