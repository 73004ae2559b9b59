"""The minutes to take home: the PPTX opens in python-pptx and the PDF in pypdf, with every slide and the
besluitenlijst; the CLI writes them, and says in Dutch what is missing without Chromium."""
import ctypes
import io
import json
import re

from pptx import Presentation
import pypdfium2 as pdfium
from pypdf import PdfReader

from dashboard import cli
from dashboard.vergadering import agenda, deck, export

PAST = "Stuurgroep najaar 2025"


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_pptx_and_pdf_hold_every_slide_and_the_besluitenlijst(demo_db, demo_db_path):
    media_dir = demo_db_path.parent / "media"
    with demo_db.make_session() as session:
        vergadering = next(m.id for m in agenda.list_vergaderingen(session) if m.titel == PAST)
        built = deck.build(session, vergadering)
    images = export.chart_images(built)  # one Chromium start for both files
    assert images and all(png.startswith(b"\x89PNG") for png in images.values())

    slides = list(Presentation(io.BytesIO(export.pptx_bytes(built, media_dir, images))).slides)
    titles = [s.shapes.title.text for s in slides]
    assert titles[:len(built.dias)] == [d.titel for d in built.dias]
    assert titles[len(built.dias)] == "Besluitenlijst"
    table = next(shape.table for shape in slides[len(built.dias)].shapes if shape.has_table)
    cells = [table.cell(r, c).text for r in range(len(table.rows)) for c in range(len(table.columns))]
    assert "Aangenomen" in cells and any(c.startswith("Aangehouden. Volgende stap: Thuisbaak") for c in cells)
    pictures = [shape for s in slides for shape in s.shapes if shape.shape_type == 13]
    assert pictures and all(p._element.nvPicPr.cNvPr.get("descr") for p in pictures)  # alt text on every picture

    reader = PdfReader(io.BytesIO(export.pdf_bytes(built, media_dir, images)))
    pages = [flat(page.extract_text()) for page in reader.pages]
    text = " ".join(pages)
    for dia in built.dias:
        assert flat(dia.titel) in text, dia.titel
    besluitenlijst = next(i for i, page in enumerate(pages) if page.startswith("Besluitenlijst"))
    assert besluitenlijst >= len(built.dias) - 1
    assert "eindjaar van 2027 naar 2028" in " ".join(pages[besluitenlijst:])
    assert reader.metadata.title == PAST


def test_cli_writes_the_deck_and_without_chromium_says_what_is_missing(app_env, tmp_path, monkeypatch, capsys):
    assert cli.main(["vergaderingen", "list", "--json"]) == 0
    vergaderingen = json.loads(capsys.readouterr().out)
    past = next(m for m in vergaderingen if m["titel"] == PAST)
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "geen-chromium"))
    assert cli.main(["deck", "--vergadering", str(past["id"]), "--out", str(tmp_path / "deck.pdf")]) == 2
    err = capsys.readouterr().err
    assert "Chromium" in err and "BROWSER_PATH" in err and "Traceback" not in err
    assert not (tmp_path / "deck.pdf").exists()
    assert cli.main(["deck", "--vergadering", "999", "--out", str(tmp_path / "deck.pptx")]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert cli.main(["deck", "--out", str(tmp_path / "deck.odp")]) == 2


def fill_colour(obj) -> str:
    rgba = [ctypes.c_uint() for _ in range(4)]
    pdfium.raw.FPDFPageObj_GetFillColor(obj.raw, *(ctypes.byref(c) for c in rgba))
    return "#" + "".join(f"{c.value:02x}" for c in rgba[:3])


def test_every_pdf_page_is_a_whole_slide_on_the_page_with_legible_charts_and_the_pptx_says_what_the_deck_says(
        demo_db, demo_db_path):
    media_dir = demo_db_path.parent / "media"
    with demo_db.make_session() as session:
        coming = next(m.id for m in agenda.list_vergaderingen(session) if m.titel != PAST)
        built = deck.build(session, coming)
    images = export.chart_images(built)
    pdf = pdfium.PdfDocument(export.pdf_bytes(built, media_dir, images))
    assert len(pdf) == len(built.dias) + 1  # one page per slide and the besluitenlijst: no page of leftovers
    charts = 0
    for n, (page, dia) in enumerate(zip(pdf, [*built.dias, None])):
        width, height = page.get_size()
        text = page.get_textpage()
        assert flat(text.get_text_range()).startswith(flat(dia.titel) if dia else "Besluitenlijst"), n + 1
        boxes = [text.get_charbox(c) for c in range(text.count_chars())]
        assert all(0 <= left and right <= width and 0 <= bottom and top <= height
                   for left, bottom, right, top in boxes), n + 1
        if dia and dia.gevraagd:
            assert flat(f"Gevraagd · {dia.gevraagd}") in flat(text.get_text_range()), n + 1
        for image in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE]):
            left, bottom, right, top = image.get_bounds()
            if abs((right - left) / (top - bottom) - 2) < 0.01:  # a chart (2:1), drawn at scale 2 with 22 px labels
                charts += 1
                assert 2 * 22 * (right - left) / image.get_px_size()[0] >= 14, (n + 1, "grafieklabels onder 14 pt")
        assert page.render(scale=0.2).to_pil().getbbox(), n + 1  # it renders
    assert charts == len(images)
    status_colours = {deck.LABEL_COLOURS[k] for k in ("achter", "aandacht", "op_koers")}
    drawn = {fill_colour(obj) for page in pdf for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_TEXT])}
    assert status_colours <= drawn  # each status in its own colour, as on the projector

    slides = list(Presentation(io.BytesIO(export.pptx_bytes(built, media_dir, images))).slides)
    for slide, dia in zip(slides, built.dias):
        said = flat(" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame))
        for regel in [*dia.regels, *(dia.kerncijfer.activiteiten if dia.kerncijfer else ())]:
            assert flat(regel.tekst) in said, (dia.titel, regel.tekst)
        for part in (dia.titel, dia.gevraagd, dia.citaat, dia.kerncijfer.tekst if dia.kerncijfer else ""):
            assert flat(part) in said, (dia.titel, part)
