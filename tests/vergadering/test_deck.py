"""The deck is built from the data: its slide list, the demo meetings, and long text split over slides."""
import re

from sqlalchemy import select

from dashboard.gewone_taal import leesbaarheid
from dashboard.models import Afspraak, Opgave
from dashboard.vergadering import agenda, besluiten, deck, export
from dashboard.vergadering.deck import Regel


def demo_deck(demo_db, titel: str) -> deck.Deck:
    with demo_db.make_session() as session:
        vergadering = next(m.id for m in agenda.list_vergaderingen(session) if m.titel == titel)
        return deck.build(session, vergadering)


def test_the_demo_has_a_past_vergadering_with_its_besluiten_and_a_coming_one_with_the_default_agenda(demo_db):
    with demo_db.make_session() as session:
        coming, past = agenda.list_vergaderingen(session)
        default = [p.afspraak_id for p in agenda.default_items(session)]
        assert [p.afspraak_id for p in agenda.detail(session, coming.id).punten] == default
        genomen = besluiten.list_besluiten(session, vergadering_id=past.id)
    assert coming.datum > past.datum and coming.besluiten == 0
    aangenomen = next(b for b in genomen if b.uitkomst == "aangenomen")
    assert [b.uitkomst for b in genomen].count("aangehouden") >= 1 and aangenomen.afspraak == "2.1"
    assert aangenomen.bezwaren[0].partij == "Huurdersvereniging Samen Sterk"
    assert aangenomen.bezwaren[0].verwerking.startswith("Voorstel aangepast")
    assert besluiten.change_text(aangenomen) == "eindjaar van 2027 naar 2028"


def test_slide_list_title_opgaven_items_and_closing(demo_db):
    built = demo_deck(demo_db, "Stuurgroep najaar 2025")
    soorten = [d.soort for d in built.dias]
    assert soorten[0] == "titel" and "kompas" in built.dias[0].regels[0].tekst
    with demo_db.make_session() as session:
        opgaven = list(session.scalars(select(Opgave.naam).order_by(Opgave.volgorde)))
    assert [d.titel for d in built.dias if d.soort == "opgave" and "(vervolg)" not in d.titel] == opgaven
    items = [d for d in built.dias if d.soort == "agendapunt"]
    assert [d.titel.split()[0] for d in items] == ["2.1", "3.3", "1.2"]
    nieuwbouw = items[0]
    assert nieuwbouw.status == "achter" and nieuwbouw.dilemma
    assert nieuwbouw.kerncijfer.reeks and "gelijk tempo" in nieuwbouw.kerncijfer.toelichting  # total against its pace
    assert nieuwbouw.foto.alt and nieuwbouw.citaat and nieuwbouw.gevraagd.startswith("Weeg het dilemma")
    assert items[1].kerncijfer.activiteiten  # no KPI: the jaarschijf's activities
    closing = [d for d in built.dias if d.soort == "besluiten"]
    assert built.dias[-1].soort == "besluiten"
    labels = [r.label for d in closing for r in d.regels]
    assert labels.count("aangenomen") == 1 and labels.count("aangehouden") == 1
    assert any("1.2" in r.tekst and "wijkverpleging" in r.tekst for d in closing for r in d.regels)  # still asked


def test_an_item_whose_afspraak_was_removed_is_shown_as_such(demo_db):
    with demo_db.session() as session:
        session.delete(session.scalar(select(Afspraak).where(Afspraak.nummer == "1.2")))
    built = demo_deck(demo_db, "Stuurgroep najaar 2025")
    vervallen = next(d for d in built.dias if d.titel.startswith("1.2"))
    assert vervallen.soort == "tekst" and "verwijderd" in vervallen.regels[0].tekst


def test_long_text_is_split_over_slides_never_shortened():
    regels = [Regel(f"Punt {i}: " + "een zin met woorden. " * 6) for i in range(12)]
    pages = deck.split(regels, chars=80, budget=9)
    assert len(pages) > 1
    assert all(sum(deck._regel_lines(r, 80) for r in page) <= 9 for page in pages)
    assert [r for page in pages for r in page] == regels


def test_one_endless_paragraph_is_cut_at_sentence_ends_and_a_heading_never_ends_a_slide():
    text = " ".join(f"Zin {i} van het voorstel gaat over wonen en zorg in de wijk." for i in range(40))
    pages = deck.split([Regel("Besloten", kop=True), Regel(text, label="aangenomen")], chars=80, budget=9)
    assert len(pages) >= 3 and pages[0][0].kop
    assert " ".join(r.tekst for page in pages for r in page if not r.kop) == text
    assert all(not page[-1].kop for page in pages)
    assert pages[0][1].label == "aangenomen" and all(r.label == "" for page in pages[1:] for r in page)


def test_a_long_quote_moves_to_its_own_slide(demo_db):
    with demo_db.session() as session:
        from dashboard.models import Verhaal

        verhaal = session.scalar(select(Verhaal).where(Verhaal.titel == "Bouwen aan de Havenkade"))
        verhaal.citaat = "We willen 450 woningen bouwen, " * 12
    built = demo_deck(demo_db, "Stuurgroep najaar 2025")
    index = next(i for i, d in enumerate(built.dias) if d.titel.startswith("2.1"))
    assert built.dias[index].citaat == ""
    assert built.dias[index + 1].titel.endswith("(vervolg)") and "450 woningen" in built.dias[index + 1].regels[0].tekst


def test_an_item_with_figures_is_told_in_gewone_taal_on_the_slide_after_it(demo_db):
    built = demo_deck(demo_db, "Stuurgroep najaar 2025")
    at = next(i for i, d in enumerate(built.dias) if d.titel.startswith("2.1"))
    volgende = built.dias[at + 1]
    kop = volgende.regels.index(Regel("In gewone taal", kop=True))
    assert volgende.titel.endswith("(vervolg)")
    uitleg = volgende.regels[kop + 1].tekst
    assert "450" in uitleg  # the afspraak's own target over its looptijd, in words
    assert all(not leesbaarheid.problemen(zin) for zin in re.split(r"(?<=[.!?])\s+", uitleg))
    activiteiten = next(d for d in built.dias if d.titel.startswith("3.3"))
    assert not any(r.tekst == "In gewone taal" for r in activiteiten.regels)  # no figures, nothing to tell


def test_the_2_1_slide_says_what_the_page_says(demo_db):
    """One sentence for the figure's status on page and slide: the looptijd's total against an even
    pace (not one year's figure against a yearly target), and both statuses where they differ."""
    built = demo_deck(demo_db, "Stuurgroep najaar 2025")
    slide = next(d for d in built.dias if d.soort == "agendapunt" and d.titel.startswith("2.1"))
    assert slide.kerncijfer.tekst == "302 van 450 woningen"
    assert slide.kerncijfer.toelichting == (
        "Nieuwbouw sociale huur: 302 van 450 woningen sinds 2024 (2024–2025 opgeteld); bij een gelijk tempo tot 2028 "
        "hoort daar nu 180 woningen bij.")
    # the chart beside it counts the same way: the total since 2024 against an even pace, not 137 a year against 120
    assert slide.kerncijfer.reeks[:2] == (("2024", 165.0, 90.0, None), ("2025", 302.0, 180.0, None))
    assert slide.kerncijfer.grafiek_titel == "Nieuwbouw sociale huur, opgeteld sinds 2024"
    assert (slide.status, slide.cijfers) == ("achter", "op_koers")  # the slide shows "Partijen: ... · Cijfers: ..."
    assert "".join(text for text, _ in export._status_runs(slide)) == \
        "Partijen: Loopt achter · Cijfers: Op koers · dilemma voor het bestuur"
    assert "streefwaarde 180" not in slide.kerncijfer.toelichting


def test_each_agenda_item_shows_its_own_story_not_one_it_shares_with_another_item(demo_db):
    for titel in ("Stuurgroep najaar 2025", "Stuurgroep Denkbeeldstad"):
        items = {d.titel.split()[0]: d for d in demo_deck(demo_db, titel).dias if d.soort == "agendapunt"}
        assert items["1.2"].citaat.startswith("Bij twee maanden achterstand")  # "Op tijd aan de keukentafel"
        assert items["3.3"].citaat.startswith("Mijn eigen sleutel")  # 3.3's own, not "Spreiden of clusteren?"
        fotos = [d.foto.bestand for d in items.values() if d.foto]
        assert len(fotos) == len(set(fotos)), titel


def test_the_jaarschijf_is_judged_at_the_meeting_not_left_at_niet_gestart(demo_db):
    coming = demo_deck(demo_db, "Stuurgroep Denkbeeldstad")  # 19 December 2026: the 2026 jaarschijf has run all year
    activiteiten = [(d.titel.split()[0], d.status, r.label) for d in coming.dias if d.soort == "agendapunt"
                    for r in d.kerncijfer.activiteiten]
    assert activiteiten
    assert all(label == status != "niet_gestart" for _, status, label in activiteiten), activiteiten


def test_the_besluiten_slide_holds_what_fits_on_the_screen(demo_db):
    coming = demo_deck(demo_db, "Stuurgroep Denkbeeldstad")  # seven questions, each a line or two at 1280 x 720
    besluiten_dias = [d for d in coming.dias if d.soort == "besluiten"]
    assert len(besluiten_dias) == 1 and len(besluiten_dias[0].regels) == 8


def test_a_voorlopig_figure_is_starred_on_the_slide_its_chart_and_its_table(db):
    """As on the dashboard: the key figure's line says "2024 (voorlopig)", the chart and its table
    "2024*"; the PPTX and the PDF draw these same texts and this chart."""
    from dashboard import queries
    from dashboard.ingest import import_file
    import_file(db, b"code;naam;niveau;ouder\nGM0363;Amsterdam;gemeente;\n", filename="gebieden.csv")
    import_file(db, ('"Woningvoorraad"\n\n;"Onderwerp";"Totale woningvoorraad";"Totale woningvoorraad"\n'
                     ';"Perioden";"2023";"2024*"\n"Regio\'s";"";"aantal";"aantal"\n"Amsterdam";;"468520";"474866"\n'
                     '"Bron: CBS"\n').encode(), filename="statline.csv")
    with db.make_session() as session:
        trend = queries.trend(session, queries.View(gebied="GM0363", indicator="woningvoorraad_totaal",
                                                    van=2023, tot=2024))
    figuur = deck._kpi_figure(trend, "Totale woningvoorraad", "woningen")
    assert figuur.toelichting == "Totale woningvoorraad 2024 (voorlopig) · geen streefwaarde"
    assert [label for label, *_ in deck.chart_table(figuur)] == ["2023", "2024*"]
    assert list(deck.figure(figuur).data[0].x) == ["2023", "2024*"]
