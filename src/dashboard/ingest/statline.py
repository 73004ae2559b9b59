"""A CBS StatLine export as a data officer downloads it ('CSV volgens tabelindeling'), read as it is.

Such a file is no plain table: a title line (that may name the period, "Woningvoorraad 2022*"),
blank lines, headers over several rows (an Onderwerp row, rows of other column dimensions such as
Woningtype, a Perioden row, a units row such as "aantal"), then one row per region (by name:
"Groningen (gemeente)", "Bergen (NH.)"), and a footer "Bron: CBS". This module finds those parts
and turns them into the long shape (indicator, gebied, partij, periode, waarde), each value with
its file line and column, before the values are checked as any other import's.

CBS's symbols are read as CBS defines them: '.' (onbekend), 'x' (geheim), '?' (onbetrouwbaar) and
an empty cell are no value, counted per symbol; '-' (nihil) is 0. "2022*" and "2022**" are
voorlopige and nader voorlopige cijfers of 2022.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

import pandas as pd

from dashboard import bronnen, periods
from dashboard.formatting import count
from dashboard.ingest import areas, gebiedsindeling
from dashboard.ingest.problems import Problem
from dashboard.ingest.reader import Dialect, decimal_mark, decode, parse_numbers

SYMBOLS = {".": "onbekend", "x": "geheim", "?": "onbetrouwbaar", "": "leeg"}
NIHIL = "-"
ONDERWERP = {"onderwerp", "onderwerpen"}
PERIODEN = {"perioden", "periode"}
# Names StatLine gives a row dimension in the header: a column so named holds regions or periods.
ROW_NAMES = PERIODEN | {"regio's", "regios", "regio", "gemeenten", "gemeente", "wijken en buurten"}
_PERIOD = re.compile(r"^(\d{4}(?:JJ00|KW0[1-4]|MM(?:0[1-9]|1[0-2]))?)(\*{0,2})$", re.IGNORECASE)
_TITLE_PERIOD = re.compile(r"\b(\d{4})(\*{0,2})(?!\d)")
_VALUE = re.compile(r"^-?[\d.,\s]+$|^[.x?-]$", re.IGNORECASE)
_NOT_AN_AREA = re.compile(r"niet in te delen|^buitenland|^onbekend|^overig", re.IGNORECASE)
_FACTOR = re.compile(r"^x\s*(1[ .]?000(?:[ .]?000)?)\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\s*\([^()]*\)\s*$")


def recognise(head: bytes) -> bool:
    """Whether the start of a file is a StatLine export: a title line, then a header with an
    Onderwerp or Perioden row, or a footer 'Bron:' (not a one-line header as the other shapes have)."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    rows = [_cells(line) for line in text.splitlines()[:30]]
    rows = [r for r in rows if any(r)]
    if len(rows) < 2 or sum(1 for c in rows[0] if c) != 1:
        return False  # a normal header has a name above every column
    return any(c.lower() in ONDERWERP | PERIODEN for r in rows[1:] for c in r[:4]) or \
        any(r[0].lower().startswith("bron:") for r in rows)


def _cells(line: str) -> list[str]:
    separator = max((";", ",", "\t"), key=line.count)
    return [c.strip() for c in next(csv.reader([line], delimiter=separator), [])]


@dataclass
class Column:
    """One value column: what it holds, as its header rows say."""

    index: int
    onderwerp: str  # with the other column dimensions: "Totale woningvoorraad, Eengezinswoning"
    eenheid: str
    periode: str | None  # as written, "2022*"; None when the periods are in a column


@dataclass
class Export:
    """A StatLine export read: its columns, its data rows (file line, cells) and what was noted."""

    dialect: Dialect
    columns: list[Column]
    rows: list[tuple[int, list[str]]]
    region_column: int
    period_column: int | None
    title_period: str | None
    header_line: int  # the line of the Onderwerp row, where an unknown onderwerp is reported
    notes: list[str] = field(default_factory=list)

    @property
    def onderwerpen(self) -> list[str]:
        return list(dict.fromkeys(c.onderwerp for c in self.columns))


def read(data: bytes) -> tuple[Export | None, list[Problem]]:
    """The export's parts, or the problems that stop it being read (said per line)."""
    text, encoding = decode(data)
    separator = max((";", ",", "\t"), key=text[:65536].count)
    rows, reader = [], csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    previous = 0
    for cells in reader:
        if any(c.strip() for c in cells):
            rows.append((previous + 1, [c.strip() for c in cells]))
        previous = reader.line_num
    footer = next((i for i, (_, cells) in enumerate(rows) if cells[0].lower().startswith("bron:")), len(rows))
    rows = rows[:footer]
    title = []
    while rows and sum(1 for c in rows[0][1] if c) <= 1 and not _is_header(rows[0][1]):
        title.append(rows.pop(0)[1][0])
    start = next((i for i, (_, cells) in enumerate(rows) if cells[0] and not _is_header(cells)
                  and any(_VALUE.match(c) for c in cells[1:])), None)
    if start is None or start == 0:
        return None, [Problem(1, "", "", (
            "dit lijkt een StatLine-export, maar er is geen kop met onderwerpen boven regels met cijfers "
            "gevonden. Download de tabel opnieuw als 'CSV' met de onderwerpen in de kolommen."))]
    header, body = rows[:start], rows[start:]
    width = max(len(cells) for _, cells in rows)
    header = [(line, cells + [""] * (width - len(cells))) for line, cells in header]
    body = [(line, cells + [""] * (width - len(cells))) for line, cells in body]
    onderwerp_at = next((i for _, cells in header for i, c in enumerate(cells) if c.lower() in ONDERWERP), None)
    if onderwerp_at is None:
        return None, [Problem(header[0][0], "", "", (
            "geen rij 'Onderwerp' in de kop van deze StatLine-export. Download de tabel met de onderwerpen "
            "in de kolommen."))]
    labels = onderwerp_at + 1  # the values start right after the cell that names the onderwerp row
    named = next((cells for _, cells in header if cells[0].lower() in ROW_NAMES), [""] * width)
    names = [named[i].lower() for i in range(labels)]
    period_column = next((i for i, name in enumerate(names) if name in PERIODEN), None)
    if period_column is None:
        period_column = next((i for i in range(labels) if all(_PERIOD.match(cells[i]) for _, cells in body)), None)
    region_column = next((i for i, name in enumerate(names) if name in ROW_NAMES - PERIODEN), None)
    if region_column is None:
        region_column = next((i for i in range(labels) if i != period_column and any(c[i] for _, c in body)), None)
    if region_column is None:
        return None, [Problem(header[-1][0], "", "", "geen kolom met regio's gevonden in deze StatLine-export.")]
    columns, onderwerp_line = _columns(header, labels, width)
    problems = [] if columns else [Problem(onderwerp_line, "", "", "de rij 'Onderwerp' noemt geen onderwerpen.")]
    title_period = None
    if period_column is None and all(c.periode is None for c in columns):
        found = [m for line in title for m in _TITLE_PERIOD.finditer(line)]
        if not found:
            problems.append(Problem(1, "", title[0] if title else "", (
                "geen perioden gevonden: niet in een kopregel, niet in een kolom en niet in de titel. Neem bij "
                "het downloaden de Perioden op in de tabel.")))
        else:
            title_period = found[-1].group(1) + found[-1].group(2)
    extra = [i for i in range(labels) if i not in (region_column, period_column) and any(c[i] for _, c in body)]
    if extra:  # a further row dimension (Woningtype in the rows): its values would have no onderwerp to go to
        problems.append(Problem(header[-1][0], "", ", ".join(header[-1][1][i] for i in extra), (
            "deze StatLine-export heeft meer dimensies in de rijen dan regio en periode. Zet bij het "
            "downloaden die dimensie in de kolommen.")))
    values = pd.Series([c for _, cells in body for c in cells[labels:] if c], dtype="str").head(20_000)
    dialect = Dialect(encoding, separator, decimal_mark(values, separator), "CRLF" if "\r\n" in text[:65536] else "LF")
    return (None if problems else Export(dialect, columns, body, region_column, period_column, title_period,
                                         onderwerp_line)), problems


def _is_header(cells: list[str]) -> bool:
    return any(c.lower() in ONDERWERP | ROW_NAMES for c in cells[:4])


def _columns(header, labels: int, width: int) -> tuple[list[Column], int]:
    """Per value column its onderwerp (with further column dimensions), unit and period."""
    onderwerp, periode, eenheid, dimensions = [""] * width, None, None, []
    onderwerp_line = header[0][0]
    for line, cells in header:
        name, values = cells[labels - 1].lower(), cells[labels:]
        if not any(values):
            continue
        if name in ONDERWERP:
            onderwerp, onderwerp_line = _filled(values), line
        elif name in PERIODEN or (not name and all(_PERIOD.match(v) for v in values if v)):
            periode = _filled(values)
        elif name and name not in ROW_NAMES:
            dimensions.append(_filled(values))
        else:
            eenheid = values
    columns = []
    for k in range(width - labels):
        parts = [onderwerp[k]] + [d[k] for d in dimensions if d[k] and not d[k].lower().startswith("totaal")]
        columns.append(Column(labels + k, ", ".join(parts), eenheid[k] if eenheid else "",
                              periode[k] if periode else None))
    return [c for c in columns if c.onderwerp], onderwerp_line


def _filled(values: list[str]) -> list[str]:
    """A header row whose cells StatLine left empty after the first of a group: each takes the one before."""
    out, last = [], ""
    for value in values:
        last = value or last
        out.append(last)
    return out


def indicators(export: Export, catalogue: pd.DataFrame,
               mapping: dict[str, str]) -> tuple[dict[str, str], list[Problem]]:
    """Onderwerp -> indicator key ("" = not imported): the mapping chosen, else the catalogue's CBS
    source, matched case-insensitively, with or without the unit; an onderwerp neither knows is a problem."""
    known = {onderwerp.lower(): key for (_, onderwerp), key in bronnen.cbs_onderwerpen(catalogue).items()}
    known.update({key.lower(): key for key in catalogue["sleutel"]})
    chosen = {k.strip().lower(): v for k, v in mapping.items()}
    found, problems = {}, []
    for column in export.columns:
        if column.onderwerp in found:
            continue
        forms = [column.onderwerp, _BRACKETS.sub("", column.onderwerp),
                 f"{column.onderwerp} ({column.eenheid})" if column.eenheid else column.onderwerp]
        forms = [f.lower() for f in forms]
        key = next((chosen[f] for f in forms if f in chosen), None)
        key = key if key is not None else next((known[f] for f in forms if f in known), None)
        if key is None:
            problems.append(Problem(export.header_line, column.onderwerp, column.onderwerp, (
                f"onderwerp '{column.onderwerp}' hoort bij geen indicator uit de catalogus. Kies op de pagina "
                f"Gegevens bij welke indicator het hoort (of 'niet importeren'), of geef op de opdrachtregel "
                f"--koppel \"{column.onderwerp}=sleutel\".")))
        found[column.onderwerp] = key or ""
    return found, problems


def to_long(export: Export, keys: dict[str, str]) -> tuple[pd.DataFrame, list[Problem]]:
    """The long frame (indicator, gebied, partij, periode, waarde, _line, _kolom, _voorlopig) and
    the regions that match nothing; `_voorlopig` keeps a period's star with each value. Symbols
    become no value (counted in the notes), '-' becomes 0, rows that are no area and dissolved
    gemeenten without values are left out with a note."""
    wanted = [c for c in export.columns if keys.get(c.onderwerp)]
    records, problems, symbols, voorlopig = [], [], {}, set()
    skipped, opgeheven, unknown = [], [], {}
    region_header = "Regio's"
    regions: dict[tuple[str, int | None], tuple[str | None, str]] = {}
    for line, cells in export.rows:
        name = cells[export.region_column]
        raw_period = cells[export.period_column] if export.period_column is not None else None
        for column in wanted:
            value = cells[column.index]
            periode, mark = _period(raw_period or column.periode or export.title_period or "")
            jaar = _year(periode)
            if (name, jaar) not in regions:
                regions[name, jaar] = _region(name, jaar)
            code, why = regions[name, jaar]
            text = value.lower()
            if why == "skip":
                skipped.append(name)
                continue
            if code is None:
                unknown.setdefault(name, line)
                continue
            if why and text in SYMBOLS:  # dissolved before this period, and no value for it: as CBS means it
                opgeheven.append(f"{name}: {why}: geen waarden")
                continue
            if mark:
                voorlopig.add(periode + mark)
            if text in SYMBOLS:
                symbols[text] = symbols.get(text, 0) + 1
                value = ""
            elif text == NIHIL:
                value = "0"
            else:
                value = _scaled(value, column.eenheid, export.dialect.decimal)
            label = column.onderwerp + (f" {column.periode}" if column.periode else "")
            records.append((keys[column.onderwerp], code, periode, value, line, label, bool(mark)))
    for name, line in unknown.items():
        close = gebiedsindeling.nearest(name)
        hint = " Bedoelt u " + " of ".join(f"'{c}'" for c in close) + "?" if close else ""
        problems.append(Problem(line, region_header, name, (
            f"'{name}' is geen gemeente, provincie of land die CBS kent.{hint} Gebruik de naam zoals StatLine "
            "hem schrijft, of de CBS-code (GM0363).")))
    frame = pd.DataFrame(records, columns=["indicator", "gebied", "periode", "waarde", "_line", "_kolom", "_voorlopig"],
                         dtype="str")
    frame["_line"] = frame["_line"].astype("int64")
    frame["_voorlopig"] = frame["_voorlopig"] == "True"
    frame["partij"] = ""
    export.notes += _notes(symbols, skipped, opgeheven, voorlopig)
    return frame, problems


def _period(text: str) -> tuple[str, str]:
    """'2022*' -> ('2022', '*'); a period StatLine writes (2022JJ00, 2022KW01) as it is."""
    match = _PERIOD.match(text.strip())
    return (match.group(1), match.group(2)) if match else (text.strip(), "")


def _year(periode: str) -> int | None:
    try:
        return periods.parse(periode).jaar
    except periods.InvalidPeriod:
        return None


def _region(name: str, jaar: int | None) -> tuple[str | None, str]:
    """(code, "") for an area; (None, "skip") for a row that is no area; (code, why) for a
    gemeente dissolved before `jaar`; (None, "") for a name that matches nothing."""
    code = areas.normalise(name)
    if areas.level(code):
        return code, ""
    if name.lower() in ("nederland", "nederland (land)"):
        return areas.LAND, ""
    if _NOT_AN_AREA.search(name):
        return None, "skip"
    base, _, suffix = name.rpartition(" (")
    if suffix.rstrip(")").upper() == "PV":
        code = _provincies().get(base.lower())
        return (code, "") if code else (None, "")
    if suffix.rstrip(")").upper() in ("LD", "CR"):
        return None, "skip"
    gemeente = gebiedsindeling.resolve(name, jaar)
    if gemeente is None:
        return None, ""
    if gemeente.einde and jaar is not None and not gemeente.bestaat_in(jaar):
        return gemeente.code, gemeente.toelichting
    return gemeente.code, ""


def _provincies() -> dict[str, str]:
    return {g.provincienaam.lower(): g.provincie for g in gebiedsindeling.gemeenten().values()}


def _scaled(value: str, eenheid: str, decimal: str) -> str:
    """A value in 'x 1 000 euro' as euro: StatLine's unit says by what to multiply."""
    factor = _FACTOR.match(eenheid)
    if not factor:
        return value
    number = parse_numbers(pd.Series([value]), decimal)[0]
    if number != number:  # not a number: left for the check to report
        return value
    scaled = number * (1_000_000 if factor.group(1).count("000") == 2 else 1_000)
    return f"{scaled:.12g}".replace(".", decimal)


def _notes(symbols: dict[str, int], skipped: list[str], opgeheven: list[str], voorlopig: set[str]) -> list[str]:
    notes = []
    if symbols:
        parts = [f"{count(n, 'waarde', 'waarden') if i == 0 else n} " + (f"'{s}' ({SYMBOLS[s]})" if s else 'leeg')
                 for i, (s, n) in enumerate(sorted(symbols.items(), key=lambda item: -item[1]))]
        notes.append("Geen waarde (CBS-symbolen): " + ", ".join(parts) + ".")
    if skipped:
        notes.append("Overgeslagen, geen gebied: " + ", ".join(dict.fromkeys(skipped)) + ".")
    for line in dict.fromkeys(opgeheven):
        notes.append(f"Opgeheven gemeente {line}.")
    if voorlopig:
        notes.append("Voorlopige cijfers (CBS): " + ", ".join(sorted(voorlopig)) + ".")
    return notes
