"""Every demo afspraak tells one story: the key figure, its sentence, the chart's series, the status
"volgens de cijfers" and the sentences in gewone taal are the same on the afspraak page, on its
slide, in the PPTX and in the PDF; where the partners' status differs from the figures', page and
slide say both and when each was measured; no title or ambitie names a looptijd the afspraak no
longer has."""
import io
import re
from datetime import date

import pytest
import reader
from pptx import Presentation
from pypdf import PdfReader

from dashboard import afspraken
from dashboard.gewone_taal import zinnen
from dashboard.gewone_taal.zinnen import SCHEMA
from dashboard.toegang import access
from dashboard.vergadering import agenda, deck, export

REDACTEUR = access.Visitor(name="redactie", role="redacteur")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def walk(demo_db):
    """Every demo afspraak: (nummer, info, cijfer), and a deck with each of them on the agenda."""
    with demo_db.make_session() as session:
        ids = dict(zip(afspraken.overview(session)["nummer"], afspraken.overview(session)["id"]))
    with demo_db.session() as session:
        vergadering = agenda.create_vergadering(
            session, REDACTEUR, agenda.VergaderingInvoer(date(2026, 12, 19), "Alle afspraken"),
            [agenda.PuntInvoer(afspraak_id=int(i), vraag="Hoe staat het ervoor?") for i in ids.values()])
    with demo_db.make_session() as session:
        rows = [(nummer, afspraken.detail(session, int(i)), afspraken.figures(session, int(i))) for nummer, i in ids.items()]
        return rows, deck.build(session, vergadering)


def slides_of(built: deck.Deck, nummer: str) -> tuple[deck.Dia, str]:
    """The item's slide, and the text of the slides that follow it ("(vervolg)")."""
    eigen = [d for d in built.dias if d.titel.startswith(f"{nummer} ")]
    return eigen[0], " ".join(r.tekst for d in eigen[1:] for r in d.regels)


def test_figures_sentences_and_slides_agree_for_every_demo_afspraak(walk):
    rows, built = walk
    met_cijfers = 0
    for nummer, info, cijfer in rows:
        assert afspraken.titel_en_looptijd(info.titel, info.van_jaar, info.tot_jaar, info.ambitie) is None, nummer
        slide, vervolg = slides_of(built, nummer)
        if cijfer is None:
            assert not slide.kerncijfer.reeks, nummer
            continue
        met_cijfers += 1
        figuur = slide.kerncijfer
        assert (figuur.tekst, figuur.toelichting, figuur.grafiek_titel) == (cijfer.kop, cijfer.grondslag,
                                                                           cijfer.reeks_titel), nummer
        assert [r[0] for r in figuur.reeks] == cijfer.reeks["label"].tolist(), nummer
        zin = zinnen.afspraak(info, cijfer)
        assert " ".join(zin) in vervolg, nummer
        oordeel = [z for z in zin if z in SCHEMA.values()]
        afgeleid = cijfer.afgeleid
        if afgeleid is not None and not (cijfer.traject and cijfer.traject.ontbrekend):
            assert oordeel == [SCHEMA[afgeleid.status]], nummer  # the sentences' verdict is the figures' status
        beide = afspraken.twee_statussen(info.status, afgeleid)
        assert slide.status == info.status and slide.cijfers == (afgeleid.status if beide else None), nummer
        if beide:
            assert beide in vervolg and afspraken.verschil_uitleg(info, afgeleid) in vervolg, nummer
    assert met_cijfers >= 6


def test_the_pptx_and_pdf_carry_the_same_key_figures(walk, demo_db_path):
    rows, built = walk
    media_dir = demo_db_path.parent / "media"
    slides = list(Presentation(io.BytesIO(export.pptx_bytes(built, media_dir, {}))).slides)
    pdf = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(export.pdf_bytes(built, media_dir, {}))).pages))
    for nummer, _, cijfer in rows:
        if cijfer is None:
            continue
        index = next(i for i, d in enumerate(built.dias) if d.titel.startswith(f"{nummer} "))
        text = flat(" ".join(s.text_frame.text for s in slides[index].shapes if s.has_text_frame))
        assert cijfer.kop in text and flat(cijfer.grondslag) in text, nummer
        assert flat(cijfer.grondslag) in pdf, nummer


def test_the_afspraak_page_shows_what_the_slide_shows(walk, app_as):
    rows, _ = walk
    at = app_as("lezer")
    for nummer, info, cijfer in rows:
        if cijfer is None:
            continue
        at.query_params["afspraak"] = str(info.id)
        at.switch_page("pages/afspraken.py").run()
        assert not at.exception, nummer
        assert [m.value for m in at.metric] == [cijfer.kop], nummer
        captions = [reader.text(c.value) for c in at.caption]  # user text (the indicator's name) comes escaped
        assert cijfer.grondslag in captions, nummer
        panel = next(e for e in at.expander if e.label == "In gewone taal")
        assert reader.text(panel.markdown[0].value).split("\n\n")[0] == " ".join(zinnen.afspraak(info, cijfer)), nummer
        if (waarom := afspraken.verschil_uitleg(info, cijfer.afgeleid)):
            assert waarom in captions, nummer
