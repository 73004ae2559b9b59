"""The stuurgroep's deck, built from the data and never typed: a list of slides (`Dia`).

A title slide with the shared story; per opgave an overview of its afspraken by status; per agenda
item the key figure (the linked KPI against its target, or the jaarschijf's activities) beside the
best photo of a linked story and a quote, with one line of what is asked of the board, and that
figure told "in gewone taal" on the slide after it; a closing
slide with the decisions asked and the decisions made.

Every slide must be readable from the back of the room, so text is never shrunk to fit: text that
does not fit its slide moves on to a next slide ("vervolg"). What fits is estimated in characters
per line and lines per slide at the sizes the presenter view and the export use (body text 28 px on
a 1280 x 720 slide, headings 48 px); the browser test checks the estimate at 1280 x 720 and 1920 x 1080.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd
from sqlalchemy.orm import Session

from dashboard import afspraken, charts, formatting, queries
from dashboard.afspraken import STATUS_LABELS
from dashboard.gewone_taal import zinnen
from dashboard.toegang import scope as scopes
from dashboard.vergadering import agenda, besluiten
from dashboard.vergadering.besluiten import UITKOMST_LABELS
from dashboard.verhalen import toestemming, verhalen

FULL, HALF = 96, 34  # characters per line of body text across the slide (about 100 fit), and in one of two columns
TITLE_CHARS, TITLE_LINES = 50, 2
TEXT_LINES = 11  # body lines on a text slide below a one-line title (about 12 fit at 1280 x 720)
QUOTE_LINES = 4  # a quote beside the photo
FIGURE_LINES = 6  # the jaarschijf's activities beside the photo, when there is no KPI
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+")
# a status or outcome in its colour, the same on the projector, in the PPTX and in the PDF (with its word: never colour alone)
LABEL_COLOURS = {"op_koers": "#0b5394", "aandacht": "#8a4b00", "achter": "#a4161a", "afgerond": "#1b6b2f",
                 "niet_gestart": "#4a4a4a", "aangenomen": "#1b6b2f", "aangehouden": "#8a4b00"}


@dataclass(frozen=True)
class Regel:
    """A paragraph of a slide: plain text, with an optional status or outcome shown before it, or a subheading."""

    tekst: str
    label: str = ""  # a key of STATUS_LABELS or UITKOMST_LABELS
    kop: bool = False


@dataclass(frozen=True)
class Kerncijfer:
    """The key figure of an agenda item: a KPI against its target, or the year's activities."""

    tekst: str = ""  # the figure, large: "84 woningen"
    toelichting: str = ""  # "Nieuwbouw sociale huur 2025 · streefwaarde 120 woningen"
    naam: str = ""
    eenheid: str = ""
    # (label, waarde, streefwaarde, deels) for the chart; deels: what a partial period lacks, else None
    reeks: tuple[tuple[str, float | None, float | None, str | None], ...] = ()
    activiteiten: tuple[Regel, ...] = ()
    titel: str = ""  # the chart's: "Nieuwbouw sociale huur, opgeteld sinds 2024"; else "<naam> per jaar"

    @property
    def grafiek_titel(self) -> str:
        return self.titel or f"{self.naam} per jaar"


@dataclass(frozen=True)
class Foto:
    """A story's photo on a slide, or a video's poster frame with what the video offers beside it."""

    bestand: str
    alt: str
    video: bool = False
    ondertitels: bool = False
    transcript: str = ""

    @property
    def onderschrift(self) -> str:
        """For a video's poster: what it is and whether captions and a transcript exist; "" for a photo."""
        if not self.video:
            return ""
        return "Beeld uit de video in het verhaal · " + ("Ondertitels beschikbaar" if self.ondertitels
                                                         else "Nog zonder ondertitels")


@dataclass(frozen=True)
class Dia:
    soort: str  # titel, opgave, agendapunt, kpi, tekst, besluiten
    titel: str
    ondertitel: str = ""
    regels: tuple[Regel, ...] = ()
    status: str | None = None
    cijfers: str | None = None  # the figures' own status, only where it differs from the partners' (status)
    dilemma: bool = False
    kerncijfer: Kerncijfer | None = None
    foto: Foto | None = None
    citaat: str = ""
    citaat_van: str = ""
    gevraagd: str = ""
    notities: str = ""  # speaker notes in the PPTX: what the parties reported


@dataclass(frozen=True)
class Deck:
    vergadering_id: int
    titel: str
    datum: date
    demo: bool
    dias: tuple[Dia, ...]
    besluiten: tuple[besluiten.BesluitInfo, ...]  # this meeting's, in agenda order: the besluitenlijst


# ---------------------------------------------------------------- fitting text

def lines(text: str, chars: int) -> int:
    """How many lines a paragraph takes at `chars` characters per line (at least one)."""
    return max(1, len(textwrap.wrap(text, chars, break_long_words=True)))


def _regel_lines(regel: Regel, chars: int) -> int:
    if regel.kop:
        return lines(regel.tekst, int(chars * 0.8)) + 1  # larger type, and room above it
    word = (STATUS_LABELS | UITKOMST_LABELS).get(regel.label, "")
    return lines((word + " · " if word else "") + regel.tekst, chars)


def _pieces(regel: Regel, chars: int, budget: int) -> list[Regel]:
    """A paragraph too long for one slide, cut at sentence ends (or, for one endless sentence, at words)."""
    parts, current = [], ""
    for sentence in _SENTENCE.split(regel.tekst):
        candidate = f"{current} {sentence}".strip()
        if current and _regel_lines(replace(regel, tekst=candidate), chars) > budget:
            parts.append(current)
            current = sentence
        else:
            current = candidate
    parts.append(current)
    pieces = []
    for part in parts:
        if _regel_lines(replace(regel, tekst=part), chars) <= budget:
            pieces.append(part)
        else:
            wrapped = textwrap.wrap(part, chars)
            step = max(1, budget - 1)
            pieces += [" ".join(wrapped[i:i + step]) for i in range(0, len(wrapped), step)]
    return [replace(regel, tekst=p, label=regel.label if i == 0 else "") for i, p in enumerate(pieces)]


def split(regels: tuple[Regel, ...] | list[Regel], chars: int = FULL, budget: int = TEXT_LINES) -> list[tuple[Regel, ...]]:
    """The paragraphs spread over as many slides as they need, in order, each within `budget` lines.

    Nothing is dropped or shortened; a subheading never ends a slide.
    """
    pages: list[list[Regel]] = [[]]
    used = 0
    for regel in regels:
        # a paragraph longer than a slide is cut into pieces that leave room for a heading above them
        for piece in _pieces(regel, chars, max(1, budget - 2)) if _regel_lines(regel, chars) > budget else [regel]:
            need = _regel_lines(piece, chars)
            if pages[-1] and used + need > budget:
                carry = [pages[-1].pop()] if pages[-1][-1].kop else []
                if pages[-1]:
                    pages.append(carry)
                else:
                    pages[-1] = carry
                used = sum(_regel_lines(r, chars) for r in carry)
            pages[-1].append(piece)
            used += need
    return [tuple(page) for page in pages]


def _title(text: str) -> tuple[str, str]:
    """A title that fits its two lines, and the rest of it (to go on the next slide), if any."""
    if lines(text, TITLE_CHARS) <= TITLE_LINES:
        return text, ""
    return textwrap.shorten(text, TITLE_CHARS * TITLE_LINES - 4, placeholder=" …"), text


def _text_slides(dia: Dia, regels: tuple[Regel, ...] | list[Regel], budget: int = TEXT_LINES) -> list[Dia]:
    budget -= (lines(dia.ondertitel, FULL) if dia.ondertitel else 0) + 2 * (lines(dia.titel, TITLE_CHARS) - 1)
    pages = split(regels, FULL, budget)
    return [replace(dia, regels=page, titel=dia.titel if i == 0 else f"{dia.titel} (vervolg)",
                    ondertitel=dia.ondertitel if i == 0 else "") for i, page in enumerate(pages)]


# ---------------------------------------------------------------- the slides

def _title_slides(deze_vergadering: agenda.VergaderingInfo, demo: bool) -> list[Dia]:
    verhaal = afspraken.SHARED_STORY[demo].replace("**", "")
    ondertitel = f"{formatting.day(deze_vergadering.datum)} · Tellen & Vertellen" + (" · demodata, fictief" if demo else "")
    return _text_slides(Dia("titel", deze_vergadering.titel, ondertitel=ondertitel), [Regel(verhaal)])


def _opgave_slides(session: Session) -> list[Dia]:
    overview = afspraken.overview(session)
    opgaven = afspraken.opgaven(session)
    beschrijving = dict(zip(opgaven["naam"], opgaven["omschrijving"]))
    slides = []
    for groep, rows in overview.groupby("groep", sort=False):
        regels = [Regel(beschrijving.get(groep, ""))] if beschrijving.get(groep) else []
        regels += [Regel(f"{r['nummer']} {r['titel']}" + (" · dilemma voor het bestuur" if r["dilemma"] else ""),
                         label=r["status"]) for r in rows.to_dict("records")]
        slides += _text_slides(Dia("opgave", groep), regels)
    return slides


def _best_verhaal(verhaallijst: list[verhalen.VerhaalInfo], shown: set[int],
                  elsewhere: set[int]) -> tuple[dict | None, verhalen.VerhaalInfo | None]:
    """(story with its photo, story with its quote): preferably one story with both, newest first.

    Before that: a story not yet on an earlier slide, then one not linked to another agenda item's
    afspraak (`elsewhere`), then one of fewer afspraken; so a story shared by two agenda items is
    told once, and an afspraak with a story of its own shows that one."""
    def photo(verhaal):  # a video's poster when there is no photo: a picture, not a blank
        return next((m for m in verhaal.media if m.soort == "foto" and m.bestand and m.alt_tekst), None) or next(
            (m for m in verhaal.media if m.soort == "video" and m.poster), None)

    verhaallijst = sorted(verhaallijst, key=lambda s: (s.id in shown, sum(a.id in elsewhere for a in s.afspraken),
                                                       len(s.afspraken)))  # a stable sort: newest first within
    both = next((s for s in verhaallijst if photo(s) and s.citaat), None)
    pictured = both or next((s for s in verhaallijst if photo(s)), None)
    quoted = both or next((s for s in verhaallijst if s.citaat), None)
    return (None if pictured is None else {"verhaal": pictured, "photo": photo(pictured)}), quoted


def _foto(item: verhalen.VerhaalMedia, verhaal: verhalen.VerhaalInfo) -> Foto:
    if item.soort == "foto":
        return Foto(item.bestand, item.alt_tekst)
    return Foto(item.poster, f"Beeld uit de video: {item.bijschrift or verhaal.titel}", video=True,
                ondertitels=item.ondertitels is not None, transcript=item.transcript)


def _reeks(trend: pd.DataFrame) -> tuple[tuple[str, float | None, float | None, str | None], ...]:
    return tuple((str(r["label"]), None if r["waarde"] != r["waarde"] else float(r["waarde"]),
                  None if r["streefwaarde"] != r["streefwaarde"] else float(r["streefwaarde"]),
                  r["deels"] if isinstance(r.get("deels"), str) else None)
                 for r in trend.to_dict("records"))


def _afspraak_figure(cijfer: afspraken.Cijfer) -> Kerncijfer:
    """The afspraak page's own figure (afspraken.cijfer): key figure, sentence and chart series."""
    return Kerncijfer(cijfer.kop, cijfer.grondslag, cijfer.naam, cijfer.eenheid, _reeks(cijfer.reeks),
                      titel=cijfer.reeks_titel)


def _kpi_figure(trend, naam: str, eenheid: str) -> Kerncijfer:
    reeks = _reeks(trend)
    known = queries.known(trend)
    if known.empty:
        return Kerncijfer("geen cijfers", f"{naam}: nog geen waarde", naam, eenheid, reeks)
    last = known.iloc[-1]
    doel = last["streefwaarde"]
    target = "geen streefwaarde" if doel != doel else f"streefwaarde {formatting.value(doel, eenheid)}"
    periode = formatting.periode(last["label"], bool(last["voorlopig"]))
    return Kerncijfer(formatting.value(last["waarde"], eenheid), f"{naam} {periode} · {target}", naam, eenheid, reeks)


def _jaarschijf(info: afspraken.AfspraakInfo, jaar: int, status: str | None) -> tuple[int | None, tuple[Regel, ...]]:
    """The activities of the meeting's year (else the latest year before it), each with its status at the
    meeting: "niet gestart" says nothing once its year has begun (nobody sets it back), so an activity
    still marked so then shows the parties' latest status of the afspraak as a whole, `status`."""
    activiteiten = info.activiteiten
    if activiteiten.empty:
        return None, ()
    jaren = sorted(activiteiten["jaar"].unique().tolist())
    chosen = jaar if jaar in jaren else max([j for j in jaren if j <= jaar] or jaren[:1])
    rows = activiteiten[activiteiten["jaar"] == chosen].to_dict("records")
    begun = chosen <= jaar and status is not None
    return chosen, tuple(Regel(r["omschrijving"], label=status if begun and r["status"] == "niet_gestart" else r["status"])
                         for r in rows)


def _item_slides(session: Session, punt: agenda.AgendapuntInfo, jaar: int, scope: str | None,
                 shown: set[int], agendapunten: list[agenda.AgendapuntInfo],
                 zicht: toestemming.Zicht | None) -> list[Dia]:
    if punt.vervallen:
        return [Dia("tekst", punt.naam or "Vervallen agendapunt", gevraagd=punt.vraag, regels=(Regel(
            "Deze afspraak is verwijderd. Het agendapunt blijft staan, zodat de besluitenlijst klopt."),))]
    if punt.soort == "kpi":
        if punt.indicator is None:
            return [Dia("tekst", punt.naam or "Indicator", gevraagd=punt.vraag,
                        regels=(Regel("Deze indicator staat niet meer in de catalogus."),))]
        return [_kpi_slide(session, punt, jaar, scope)]
    info = afspraken.detail(session, punt.afspraak_id)
    cijfer = afspraken.figures(session, punt.afspraak_id, scope)
    afgeleid = cijfer.afgeleid if cijfer else None
    titel, rest = _title(punt.naam)
    extra: list[Regel] = [Regel(rest)] if rest else []
    uitleg: list[str] = []  # the key figure in gewone taal, for the slide after it
    if cijfer is not None:
        figuur = _afspraak_figure(cijfer)
        uitleg = zinnen.afspraak(info, cijfer)
    else:
        gekozen, activiteiten = _jaarschijf(info, jaar, punt.status)
        pages = split(activiteiten, HALF, FIGURE_LINES)
        figuur = Kerncijfer(tekst=f"Jaarschijf {gekozen}" if gekozen else "Nog geen jaarschijf",
                            activiteiten=pages[0])
        for page in pages[1:]:
            extra += list(page)
    elsewhere = {p.afspraak_id for p in agendapunten if p.afspraak_id != punt.afspraak_id}
    photo, quoted = _best_verhaal(verhalen.for_afspraak(session, punt.afspraak_id, scope, zicht), shown,
                                    elsewhere)
    shown |= {s.id for s in (photo and photo["verhaal"], quoted) if s}
    citaat, citaat_van = (quoted.citaat, quoted.citaat_van) if quoted else ("", "")
    if citaat and lines(f"“{citaat}”", HALF) > QUOTE_LINES:
        extra.append(Regel(f"“{citaat}”" + (f" — {citaat_van}" if citaat_van else "")))
        citaat, citaat_van = "", ""
    if uitleg:
        extra += [Regel("In gewone taal", kop=True), Regel(" ".join(uitleg))]
    if (waarom := afspraken.verschil_uitleg(info, afgeleid)):
        extra += [Regel(afspraken.twee_statussen(info.status, afgeleid), kop=True), Regel(waarom)]
    laatste = info.voortgang.iloc[0] if not info.voortgang.empty else None
    notities = "" if laatste is None else " ".join(x for x in (
        f"Gemeld op {formatting.day(laatste['datum'])}: {laatste['toelichting']}",
        f"Wat we leerden: {laatste['geleerd']}" if laatste["geleerd"] else "") if x)
    cijfers = afgeleid.status if afspraken.twee_statussen(punt.status, afgeleid) else None
    dia = Dia("agendapunt", titel, status=punt.status, cijfers=cijfers, dilemma=punt.dilemma, kerncijfer=figuur,
              foto=None if photo is None else _foto(photo["photo"], photo["verhaal"]),
              citaat=citaat, citaat_van=citaat_van, gevraagd=punt.vraag, notities=notities)
    vervolg = _text_slides(Dia("tekst", titel), extra) if extra else []
    return [dia] + [replace(more, titel=f"{titel} (vervolg)") for more in vervolg]


def _kpi_slide(session: Session, punt: agenda.AgendapuntInfo, jaar: int, scope: str | None) -> Dia:
    gebied = afspraken.default_gebied(session)
    if gebied and not scopes.read(session, scope).shows_figure(gebied):
        gebied = None  # the gemeente's figure is not the link's: no figures, as on the afspraak's own slide
    catalogue = queries.options(session)
    indicator = catalogue.per_sleutel.loc[punt.indicator] if catalogue else None
    naam = indicator["naam"] if indicator is not None else punt.naam
    eenheid = indicator["eenheid"] if indicator is not None else ""
    trend = queries.trend(session, queries.View(gebied=gebied, indicator=punt.indicator, soort="jaar",
                                                van=jaar - 6, tot=jaar)) if gebied else None
    figuur = _kpi_figure(trend, naam, eenheid) if trend is not None else Kerncijfer("geen cijfers", naam, naam, eenheid)
    return Dia("kpi", _title(naam)[0], kerncijfer=figuur, gevraagd=punt.vraag)


def _closing_slides(deze_vergadering: agenda.VergaderingInfo, genomen: list[besluiten.BesluitInfo]) -> list[Dia]:
    """Per agenda item what was asked of the board, or, once taken, what it decided."""
    besloten = {b.agendapunt_id for b in genomen}
    open_vragen = [Regel(f"{p.naam}: {p.vraag}" if p.vraag else p.naam)
                   for p in deze_vergadering.punten if p.id not in besloten]
    regels = ([Regel("Gevraagd", kop=True)] + open_vragen) if open_vragen else []
    if genomen:
        regels.append(Regel("Besloten", kop=True))
    for besluit in genomen:
        tekst = f"{besluit.afspraak or besluit.afspraak_titel}: {besluit.voorstel}"
        if besluiten.change_text(besluit):
            tekst += f" Wijziging: {besluiten.change_text(besluit)}."
        if besluit.vervolgstap:
            tekst += f" Volgende stap: {besluit.vervolgstap}"
        regels.append(Regel(tekst + f" Evaluatie: {formatting.day(besluit.evaluatie)}.", label=besluit.uitkomst))
    return _text_slides(Dia("besluiten", "Besluiten"), regels or [Regel("Er staan geen punten op de agenda.")])


def in_agenda_order(deze_vergadering: agenda.VergaderingInfo,
                    genomen: list[besluiten.BesluitInfo]) -> list[besluiten.BesluitInfo]:
    order = {p.id: i for i, p in enumerate(deze_vergadering.punten)}
    return sorted(genomen, key=lambda b: (order.get(b.agendapunt_id, len(order)), b.datum, b.id))


def build(session: Session, vergadering_id: int, scope: str | None = None,
          zicht: toestemming.Zicht | None = None) -> Deck | None:
    """The whole deck of one meeting from today's data, or None when the meeting does not exist.

    `scope`: a share link's gebied (toegang/scope.py). Its slides, and so its PPTX and PDF, then
    carry only the photos and quotes of stories within that gebied and only the figures it may see.
    `zicht`: where the deck is shown (toestemming.Zicht): the live deck its visitor's, a PPTX or PDF
    openbaar (None, the default): only photos whose consent reaches that far."""
    deze_vergadering = agenda.detail(session, vergadering_id)
    if deze_vergadering is None:
        return None
    demo = queries.demo_loaded(session)
    jaar = deze_vergadering.datum.year
    genomen = in_agenda_order(deze_vergadering, besluiten.list_besluiten(session, vergadering_id=vergadering_id))
    dias = _title_slides(deze_vergadering, demo)
    if deze_vergadering.overzicht:
        dias += _opgave_slides(session)
    shown: set[int] = set()  # stories already on a slide
    for punt in deze_vergadering.punten:
        dias += _item_slides(session, punt, jaar, scope, shown, deze_vergadering.punten, zicht)
    dias += _closing_slides(deze_vergadering, genomen)
    return Deck(deze_vergadering.id, deze_vergadering.titel, deze_vergadering.datum, demo, tuple(dias), tuple(genomen))


SENTENCE_CHARS = 48  # characters per line of the key figure's sentence on the screen's left half
CHART_PX, CHART_MIN_PX, LINE_PX = 220, 140, 40


def status_runs(dia: Dia) -> list[tuple[str, str | None]]:
    """'Loopt achter', or 'Partijen: Loopt achter · Cijfers: Op koers' where the figures say otherwise,
    and '· dilemma voor het bestuur', as (text, status key or None) pieces: each status in its colour."""
    if not dia.status:
        return []
    label = (STATUS_LABELS | UITKOMST_LABELS).get
    runs = ([("Partijen: ", None), (label(dia.status, ""), dia.status), (" · Cijfers: ", None),
             (label(dia.cijfers, ""), dia.cijfers)] if dia.cijfers else [(label(dia.status, ""), dia.status)])
    return runs + ([(" · dilemma voor het bestuur", None)] if dia.dilemma else [])


def chart_height(dia: Dia) -> int:
    """The live slide's chart height: a title, a status line and a key-figure sentence of five lines
    together leave it 220 px; every line more takes one line's height off, so the slide stays one screen."""
    status = "".join(text for text, _ in status_runs(dia))
    regels = (lines(dia.titel, TITLE_CHARS) + (lines(status, SENTENCE_CHARS) if status else 0)
              + (lines(dia.kerncijfer.toelichting, SENTENCE_CHARS) if dia.kerncijfer and dia.kerncijfer.toelichting else 0))
    return max(CHART_MIN_PX, CHART_PX - LINE_PX * max(0, regels - 5))


def figure(kerncijfer: Kerncijfer | None, height: int = CHART_PX):
    """The key figure's chart for the slide and the export (None without a series): large labels, few lines."""
    if kerncijfer is None or not kerncijfer.reeks:
        return None
    data = pd.DataFrame(list(kerncijfer.reeks), columns=["label", "waarde", "streefwaarde", "deels"])
    return charts.for_slide(charts.trend(data, kerncijfer.naam, kerncijfer.eenheid, kerncijfer.grafiek_titel), height)


def chart_table(kerncijfer: Kerncijfer) -> list[tuple[str, str, str]]:
    """The chart's numbers as text (jaar, gerealiseerd, streefwaarde): its table alternative; a partial
    period says what it lacks beside its value."""
    show = lambda v: formatting.value(v, kerncijfer.eenheid) if v is not None else formatting.GEEN_WAARDE  # noqa: E731
    return [(label, show(waarde) + (f" (nog niet compleet: {deels})" if deels else ""), show(doel))
            for label, waarde, doel, deels in kerncijfer.reeks]
