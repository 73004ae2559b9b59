"""The minutes to take home: the deck as an editable PPTX (python-pptx) and as a PDF (reportlab),
each with the besluitenlijst at the end.

Charts become PNG images drawn offline by kaleido in the system's Chromium (found as kaleido does:
BROWSER_PATH, else chromium/chrome on the PATH); all charts of a deck share one browser start.
Without Chromium the export stops with `ExportUnavailable`, a Dutch sentence saying what is missing.
Slides use the presenter view's sizes: a 1280 px wide slide is 13.33 inch, so 28 px body text is
21 pt and a 48 px heading 36 pt. A chart's image is CHART_PX in plotly's pixels with 22 px labels and
is printed at least CHART_MIN_IN wide, so its labels are never under 14 pt; a status has its
colour and its word (deck.LABEL_COLOURS), as on the projector.
"""
from __future__ import annotations

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dashboard import formatting
from dashboard.afspraken import STATUS_LABELS
from dashboard.vergadering import deck as decks
from dashboard.vergadering.besluiten import UITKOMST_LABELS, change_text
from dashboard.vergadering.deck import Deck, Dia
from dashboard.verhalen import media

FORMATS = ("pptx", "pdf")
CHART_PX = (480, 240)  # drawn at twice the resolution; 22 px labels over 480 px at 6.2 inch are 20 pt
CHART_IN = (6.2, 3.1)  # its print size on the slide's left half
CHART_MIN_IN = 4.4  # the narrowest print where its labels are still 14 pt (22 px x 4.4 x 72 / 480 ≈ 14.5 pt)
BODY_PT, HEAD_PT, SMALL_PT, LIST_PT = 21, 36, 17, 11
MISSING = ("Voor de grafieken in de export is Chromium nodig, maar dat is op deze computer niet gevonden. "
           "Installeer het (Debian/Ubuntu: apt-get install chromium) of wijs het aan met de omgevingsvariabele "
           "BROWSER_PATH=/pad/naar/chromium.")


class ExportUnavailable(RuntimeError):
    """The export cannot be made here; the message is Dutch and says what is missing."""


def chromium() -> str | None:
    """The browser kaleido will use, or None."""
    from choreographer.browsers.chromium import Chromium

    found = Chromium.find_browser(skip_local=False)
    return found if found and Path(found).is_file() else None


def missing() -> str | None:
    """What the export lacks on this machine, in Dutch; None when it can run."""
    return None if chromium() else MISSING


def chart_images(deck: Deck) -> dict[int, bytes]:
    """PNG per slide index that has a chart, drawn in one Chromium session."""
    figures = {i: decks.figure(dia.kerncijfer, CHART_PX[1]) for i, dia in enumerate(deck.dias)}
    figures = {i: fig for i, fig in figures.items() if fig is not None}
    if not figures:
        return {}
    if missing():
        raise ExportUnavailable(MISSING)
    import kaleido

    async def draw() -> dict[int, bytes]:
        async with kaleido.Kaleido(n=1, mathjax=False, timeout=60) as renderer:
            return {i: await renderer.calc_fig(fig, opts={"format": "png", "width": CHART_PX[0], "height": CHART_PX[1],
                                                          "scale": 2})
                    for i, fig in figures.items()}

    try:  # in a thread of its own: the caller may be inside an event loop (a Streamlit download)
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, draw()).result()
    except Exception as error:  # kaleido/choreographer raise many kinds; the user needs one sentence
        raise ExportUnavailable(f"Chromium kon de grafieken niet tekenen ({type(error).__name__}). {MISSING}") from error


def _label(key: str) -> str:
    return (STATUS_LABELS | UITKOMST_LABELS).get(key, "")


def _colour(key: str) -> str:
    """A status's or outcome's own colour; any other lead word ("Gevraagd") in the heading blue."""
    return decks.LABEL_COLOURS.get(key, "#0b5394")


def _status_runs(dia: Dia) -> list[tuple[str, str | None]]:
    """The status line (deck.status_runs) as (text, colour) pieces."""
    return [(text, _colour(key) if key else None) for text, key in decks.status_runs(dia)]


def _photo(dia: Dia, media_dir: Path) -> Path | None:
    return media.path(dia.foto.bestand, media_dir) if dia.foto else None


def _chart_alt(dia: Dia) -> str:
    figuur = dia.kerncijfer
    numbers = "; ".join(f"{j}: {w} (streefwaarde {d})" for j, w, d in decks.chart_table(figuur))
    return f"Lijngrafiek van {figuur.grafiek_titel} met de streefwaarde gestippeld. {numbers}"


def _besluit_rows(deck: Deck) -> list[list[str]]:
    rows = []
    for b in deck.besluiten:
        bezwaren = "; ".join(f"{x.partij}: {x.reden}" + (f" ({x.verwerking})" if x.verwerking else
                                                          " (bezwaar staat)") for x in b.bezwaren)
        instemming = ", ".join(p.partij for p in b.posities if p.positie == "instemming")
        uitkomst = UITKOMST_LABELS[b.uitkomst] + (f". Volgende stap: {b.vervolgstap}" if b.vervolgstap else "")
        wijziging = change_text(b)
        rows.append([f"{b.afspraak or ''} {b.afspraak_titel}".strip(),
                     b.voorstel + (f" Wijziging: {wijziging}." if wijziging else ""),
                     f"Instemming: {instemming or 'niemand'}." + (f" Bezwaar: {bezwaren}." if bezwaren else ""),
                     uitkomst, formatting.day(b.evaluatie)])
    return rows


BESLUIT_HEADER = ["Afspraak", "Voorstel", "Posities", "Uitkomst", "Evaluatie"]


# ---------------------------------------------------------------- PPTX

def pptx_bytes(deck: Deck, media_dir: Path, images: dict[int, bytes] | None = None) -> bytes:
    """An editable PowerPoint file: real titles, text boxes, pictures with alt text, notes, a table."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    images = chart_images(deck) if images is None else images
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    layout = prs.slide_layouts[5]  # title only

    def text_box(slide, left, top, width, height, paragraphs, size=BODY_PT):
        frame = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height)).text_frame
        frame.word_wrap = True
        for n, (label, text, bold, pt) in enumerate(paragraphs):
            para = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            para.space_after = Pt(6)
            pieces = [(f"{_label(label) or label} · ", _colour(label))] if label else []
            for piece, colour in pieces + (text if isinstance(text, list) else [(text, None)]):
                run = para.add_run()
                run.text, run.font.bold, run.font.size = piece, bold or colour is not None, Pt(pt or size)
                if colour:
                    run.font.color.rgb = RGBColor.from_string(colour[1:])
        return frame

    def alt(picture, text):
        picture._element.nvPicPr.cNvPr.set("descr", text)

    def new_slide(title: str):
        slide = prs.slides.add_slide(layout)
        shape = slide.shapes.title
        shape.left, shape.top, shape.width, shape.height = Inches(0.45), Inches(0.25), Inches(12.4), Inches(1.35)
        shape.text = title
        for para in shape.text_frame.paragraphs:
            para.alignment = 1  # left
            for run in para.runs:
                run.font.size, run.font.bold = Pt(HEAD_PT), True
        return slide

    for i, dia in enumerate(deck.dias):
        slide = new_slide(dia.titel)
        notes = [dia.notities] + ([f"Transcript van de video: {dia.foto.transcript}"] if dia.foto and dia.foto.transcript else [])
        if any(notes):
            slide.notes_slide.notes_text_frame.text = "\n\n".join(note for note in notes if note)
        body = [("", dia.ondertitel, False, SMALL_PT)] if dia.ondertitel else []
        if dia.kerncijfer is None:
            body += [("", r.tekst, True, BODY_PT + 3) if r.kop else (r.label, r.tekst, False, None)
                     for r in dia.regels]
            text_box(slide, 0.45, 1.7, 12.4, 4.8, body)
        else:
            figuur = dia.kerncijfer
            status = [("", _status_runs(dia), False, SMALL_PT)] if dia.status else []
            width = 6.6 if dia.soort == "agendapunt" else 12.4
            text_box(slide, 0.45, 1.6, width, 1.3, status + [("", figuur.tekst, True, 32)]
                     + ([("", figuur.toelichting, False, SMALL_PT)] if figuur.toelichting else [])
                     + [(r.label, r.tekst, False, None) for r in figuur.activiteiten])
            if i in images:
                picture = slide.shapes.add_picture(io.BytesIO(images[i]), Inches(0.45), Inches(3.25),
                                                   width=Inches(CHART_IN[0]))
                alt(picture, _chart_alt(dia))
            if dia.soort == "agendapunt":
                top = 1.6
                if (found := _photo(dia, media_dir)) is not None:
                    picture = slide.shapes.add_picture(str(found), Inches(7.3), Inches(top), height=Inches(2.6))
                    alt(picture, dia.foto.alt)
                    top += 2.75
                    if dia.foto.onderschrift:
                        text_box(slide, 7.3, top - 0.1, 5.6, 0.4, [("", dia.foto.onderschrift, False, SMALL_PT)])
                        top += 0.45
                if dia.citaat:
                    text_box(slide, 7.3, top, 5.6, 2.0, [("", f"“{dia.citaat}”", False, None)]
                             + ([("", f"— {dia.citaat_van}", False, SMALL_PT)] if dia.citaat_van else []))
        if dia.gevraagd:
            text_box(slide, 0.45, 6.5, 12.4, 0.8, [("Gevraagd", dia.gevraagd, False, None)])

    rows = _besluit_rows(deck)
    for start in range(0, max(len(rows), 1), 3):
        slide = new_slide("Besluitenlijst" + (" (vervolg)" if start else ""))
        chunk = rows[start:start + 3] or [["", "Nog geen besluiten vastgelegd.", "", "", ""]]
        table = slide.shapes.add_table(len(chunk) + 1, 5, Inches(0.45), Inches(1.6), Inches(12.4),
                                       Inches(0.5 + 1.5 * len(chunk))).table
        for col, (header, width) in enumerate(zip(BESLUIT_HEADER, (1.8, 4.2, 3.6, 1.6, 1.2))):
            table.columns[col].width = Inches(width)
            table.cell(0, col).text = header
        for r, row in enumerate(chunk, start=1):
            for col, value in enumerate(row):
                table.cell(r, col).text = value
        for cell in (table.cell(r, c) for r in range(len(chunk) + 1) for c in range(5)):
            for para in cell.text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(LIST_PT)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- PDF

def pdf_bytes(deck: Deck, media_dir: Path, images: dict[int, bytes] | None = None) -> bytes:
    """A PDF for the council (raadsinformatiebrief): one page per slide, then the besluitenlijst."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import inch
    from reportlab.platypus import Image, KeepInFrame, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape

    images = chart_images(deck) if images is None else images
    fonts = vera_fonts()
    size = (13.333 * inch, 7.5 * inch)
    style = lambda name, pt, bold=False, italic=False: ParagraphStyle(  # noqa: E731
        name, fontName=fonts["bold" if bold else "italic" if italic else "regular"], fontSize=pt, leading=pt * 1.25,
        spaceAfter=pt * 0.3)
    head, body, small, kop = style("kop", HEAD_PT, bold=True), style("body", BODY_PT), style("small", SMALL_PT), \
        style("sub", BODY_PT + 3, bold=True)
    quote, cell = style("quote", BODY_PT, italic=True), style("cell", LIST_PT)
    page_w = size[0] - 0.9 * inch

    frame_h = size[1] - 0.65 * inch - 12  # the page less its margins and the frame's padding
    fitted = [("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
              ("LEFTPADDING", (0, 0), (0, 0), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]

    def runs(pieces: list[tuple[str, str | None]]) -> str:
        return "".join(f'<font name="{fonts["bold"]}" color="{colour}">{escape(text)}</font>' if colour else escape(text)
                       for text, colour in pieces)

    def para(text: str, st, label: str = "") -> Paragraph:
        """`label`: a status or outcome (its word in its colour) or a lead word such as "Gevraagd"."""
        return Paragraph(runs(([(f"{_label(label) or label} · ", _colour(label))] if label else []) + [(text, None)]), st)

    def tall(flows: list, width: float) -> float:
        return sum(f.wrap(width, frame_h)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flows)

    verhaal = []
    for i, dia in enumerate(deck.dias):
        # one page per slide, always: the title and the ask are set first, the body gets the room between
        top = [para(dia.titel, head)] + ([para(dia.ondertitel, small)] if dia.ondertitel else []) + [Spacer(1, 0.1 * inch)]
        foot = [para(dia.gevraagd, body, "Gevraagd")] if dia.gevraagd else []
        room = frame_h - tall(top, page_w) - tall(foot, page_w) - 2
        if dia.kerncijfer is None:
            main = [KeepInFrame(page_w, room, [para(r.tekst, kop) if r.kop else para(r.tekst, body, r.label)
                                               for r in dia.regels])]
        else:
            figuur = dia.kerncijfer
            left = [Paragraph(runs(_status_runs(dia)), small)] if dia.status else []
            left += [para(figuur.tekst, style("cijfer", 32, bold=True))]
            left += [para(figuur.toelichting, small)] if figuur.toelichting else []
            left += [para(r.tekst, body, r.label) for r in figuur.activiteiten]
            if i in images:  # as tall as the room allows, never so small that its labels drop under 14 pt
                width = max(CHART_MIN_IN * inch, min(CHART_IN[0] * inch, 2 * (room - tall(left, 6.5 * inch))))
                left.append(Image(io.BytesIO(images[i]), width=width, height=width / 2))
            right = []
            if dia.soort == "agendapunt" and (found := _photo(dia, media_dir)) is not None:
                right.append(Image(str(found), width=4.16 * inch, height=2.6 * inch, kind="proportional"))
                right += [para(dia.foto.onderschrift, small)] if dia.foto.onderschrift else []
                right += [para(f"Transcript: {dia.foto.transcript}", small)] if dia.foto.transcript else []
            if dia.citaat:
                right.append(para(f"“{dia.citaat}”", quote))
                right += [para(f"— {dia.citaat_van}", small)] if dia.citaat_van else []
            columns = [[KeepInFrame(6.5 * inch, room, left)], [KeepInFrame(5.6 * inch, room, right)]] \
                if right else [[KeepInFrame(page_w, room, left)]]
            main = [Table([columns], colWidths=[6.7 * inch, 5.7 * inch] if right else [page_w], style=fitted)]
        verhaal += top + main + foot + [PageBreak()]
    verhaal.append(para("Besluitenlijst", head))
    rows = _besluit_rows(deck)
    if rows:
        table = Table([[para(h, style("th", LIST_PT, bold=True)) for h in BESLUIT_HEADER]]
                      + [[para(v, cell) for v in row] for row in rows],
                      colWidths=[w * inch for w in (1.8, 4.2, 3.6, 1.6, 1.2)], repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5"))]))
        verhaal.append(table)
    else:
        verhaal.append(para("Nog geen besluiten vastgelegd.", body))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=size, leftMargin=0.45 * inch, rightMargin=0.45 * inch, topMargin=0.35 * inch,
                      bottomMargin=0.3 * inch, title=deck.titel, author="Tellen & Vertellen",
                      subject=f"Stuurgroep {formatting.day(deck.datum)}").build(verhaal)
    return out.getvalue()


def vera_fonts() -> dict[str, str]:
    """Bitstream Vera, shipped with reportlab: embedded, so every reader shows (and finds) the same text."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(reportlab.__file__).parent / "fonts"
    names = {"regular": ("TV-Vera", "Vera.ttf"), "bold": ("TV-Vera-Bold", "VeraBd.ttf"),
             "italic": ("TV-Vera-Italic", "VeraIt.ttf")}
    for name, file in names.values():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    return {kind: name for kind, (name, _) in names.items()}


def render(deck: Deck, fmt: str, media_dir: Path) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Kies pptx of pdf, niet {fmt!r}.")
    return (pptx_bytes if fmt == "pptx" else pdf_bytes)(deck, media_dir)
