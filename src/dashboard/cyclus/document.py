"""A plain document as PDF: headings, paragraphs, lists and tables, made to be read by everyone.

What reportlab can give is given: real text in an embedded font (Bitstream Vera), the document's
language (nl-NL), its title shown instead of the file name, and every heading a bookmark, so a
reader jumps through it and a screen reader finds the structure of the outline. reportlab writes
no tag tree (PDF/UA); a document the gemeente publishes as PDF/UA goes through its own
toegankelijkheidscheck once more.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Kop:
    tekst: str
    niveau: int = 1


@dataclass(frozen=True)
class Alinea:
    tekst: str


@dataclass(frozen=True)
class Lijst:
    items: list[str]


@dataclass(frozen=True)
class Tabel:
    kop: list[str]
    rijen: list[list[str]]
    breedtes: list[float] = field(default_factory=list)  # parts of the page width; equal without


Blok = Kop | Alinea | Lijst | Tabel


def tekst(blokken: list[Blok]) -> str:
    """The document as plain text, in reading order (what a screen reader or a search reads)."""
    lines = []
    for blok in blokken:
        if isinstance(blok, (Kop, Alinea)):
            lines.append(blok.tekst)
        elif isinstance(blok, Lijst):
            lines += [f"- {item}" for item in blok.items]
        else:
            lines += [" | ".join(blok.kop)] + [" | ".join(rij) for rij in blok.rijen]
    return "\n".join(lines)


def pdf(titel: str, onderwerp: str, blokken: list[Blok], auteur: str = "Tellen & Vertellen") -> bytes:
    """An A4 PDF of the blocks, with the metadata and outline described above."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from dashboard.vergadering.export import vera_fonts

    fonts = vera_fonts()
    style = lambda name, pt, bold=False: ParagraphStyle(  # noqa: E731  a heading stays with what follows it
        name, fontName=fonts["bold" if bold else "regular"], fontSize=pt, leading=pt * 1.3, spaceBefore=pt * 0.4,
        spaceAfter=pt * 0.4, keepWithNext=int(bold and pt > 10))
    koppen = {1: style("h1", 18, True), 2: style("h2", 14, True), 3: style("h3", 12, True)}
    body, cell, th = style("p", 11), style("td", 9.5), style("th", 9.5, True)
    width = A4[0] - 4 * cm

    class Heading(Paragraph):
        """A heading paragraph that becomes a bookmark at its level."""

        def __init__(self, text: str, niveau: int):
            super().__init__(escape(text), koppen[min(niveau, 3)])
            self.niveau = niveau

    class Doc(SimpleDocTemplate):
        def afterFlowable(self, flowable):
            if isinstance(flowable, Heading):
                key = f"kop{id(flowable)}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(flowable.getPlainText(), key, level=flowable.niveau - 1, closed=False)

    flow = []
    for blok in blokken:
        if isinstance(blok, Kop):
            flow.append(Heading(blok.tekst, blok.niveau))
        elif isinstance(blok, Alinea):
            flow.append(Paragraph(escape(blok.tekst).replace("\n", "<br/>"), body))
        elif isinstance(blok, Lijst):
            flow.append(ListFlowable([ListItem(Paragraph(escape(item), body)) for item in blok.items],
                                     bulletType="bullet", start="•", leftIndent=14))
        else:
            parts = blok.breedtes or [1 / len(blok.kop)] * len(blok.kop)
            table = Table([[Paragraph(escape(h), th) for h in blok.kop]]
                          + [[Paragraph(escape(v), cell) for v in rij] for rij in blok.rijen],
                          colWidths=[width * p for p in parts], repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5"))]))
            flow += [table, Spacer(1, 6)]
    out = io.BytesIO()
    doc = Doc(out, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm,
              title=titel, author=auteur, subject=onderwerp, lang="nl-NL", displayDocTitle=True)
    doc.build(flow, onFirstPage=lambda canvas, _doc: canvas.showOutline())
    return out.getvalue()
