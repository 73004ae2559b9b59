"""Observations and targets in the long format: validate every row, then upsert in bulk.

A file arrives in chunks of rows. Each chunk is validated in vectorised passes (every problem in
it is reported), compared with the database and written inside the import's one transaction, so a
file of any length needs the memory of a few chunks. What must hold across chunks (the same key
twice in one file) is kept as one integer per key seen, in memory up to a limit, beyond it in a
temporary file.
"""
from __future__ import annotations

import difflib
import io
import json
import sqlite3
from dataclasses import replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import formatting, periods
from dashboard.ingest import areas
from dashboard.ingest.lookalikes import Lookalikes
from dashboard.ingest.missing import partij_ids
from dashboard.ingest.problems import Problem
from dashboard.ingest.reader import CHUNK_ROWS, EMPTY_VALUES, parse_numbers
from dashboard.models import Gebied, Indicator, Observatie, Partij

KEY = ["indicator_id", "gebied_id", "partij_id", "periode"]
# The key index counts a NULL partij (all parties together) as 0; the conflict target names it.
UPSERT = ("ON CONFLICT (indicator_id, gebied_id, (coalesce(partij_id, 0)), periode) "
          "DO UPDATE SET waarde = excluded.waarde, batch_id = excluded.batch_id")
MARK = ", voorlopig = excluded.voorlopig"  # on observaties only
SQLITE_CACHE_KB = 131072  # 128 MB page cache while writing
STATUSES = pd.Index(["changed", "new", "unchanged"], dtype="str")  # in the order the report sorts them
_ID_BITS = 21  # an indicator, gebied or partij id below two million packs into one integer
_PERIOD_BITS = 18  # year * 17 + quarter (1-4) or 4 + month (5-16)
SEEN_IN_MEMORY = 2_000_000  # keys of the rows before (24 bytes each) kept in memory; more go to a file
SEEN_CACHE_KB = 16384  # the page cache of that file
FUZZY_NAMES = 100  # unknown names per file compared by edit distance; beyond, only by `lookalikes.comparable`


def _problems(mask: pd.Series, frame: pd.DataFrame, column: str, message, missing: str = "") -> list[Problem]:
    """One Problem per marked row; a melted (breed/cbs) value is reported under its own file column."""
    if not mask.any():
        return []
    shown = frame.loc[mask, "_kolom"] if "_kolom" in frame and column in ("waarde", "indicator") \
        else [column] * int(mask.sum())
    return [
        Problem(int(line), str(where), str(value), message(value), missing)
        for line, where, value in zip(frame.loc[mask, "_line"], shown, frame.loc[mask, column])
    ]


def nearest(key: str, known: list[str]) -> str | None:
    """The known key closest to a misspelt one, if any is close."""
    close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(key: str, known: list[str]) -> str:
    """' Bedoelt u 'x'?' for the nearest known key, or nothing when none is close."""
    close = nearest(key, known)
    return f" Bedoelt u '{close}'?" if close else ""


class Checker:
    """Validates an import chunk by chunk against the catalogue, areas, parties and periods, and
    against the keys of the chunks before (the same key twice with another value is an error).

    Lookups run on the distinct values of a column and are mapped back, and the key is one integer
    per row, so a million rows cost a handful of vectorised passes, not a million Python calls.
    Needs the session only when created: checking runs beside the writing, in another thread.

    A period written as a date (31-12-2026) is read as the period of its indicator's kind that the
    date falls in: the kind of the indicator's other periods in the file, else of those stored for
    it (`stored_kinds(indicator_id)`, which reads on a connection of its own); with no kind or more
    than one it is a problem that says what the date could mean. What was read is kept in `readings`.
    """

    def __init__(self, session: Session, decimal: str, value_column: str, stored_kinds=None,
                 same_as: dict[str, dict[str, str]] | None = None):
        self.decimal, self.value_column = decimal, value_column
        self.indicators = {i.sleutel: i for i in session.scalars(select(Indicator))}
        self.ids = {k: i.id for k, i in self.indicators.items()}
        self.bounds = _bounds(self.indicators)
        rows = session.execute(select(Gebied.code, Gebied.id, Gebied.naam)).all()
        self.gebieden = {code: id_ for code, id_, _ in rows}
        self._gebied_names = [(naam, code) for code, _, naam in rows]
        self._gebied_lookalikes: Lookalikes | None = None  # made when a file names a gebied instead of its code
        self.partijen = partij_ids(session)
        self._partij_lookalikes = Lookalikes(session.scalars(select(Partij.naam)))
        self.same_as = {column: names for column, names in (same_as or {}).items() if names}
        self._fuzzy_left = FUZZY_NAMES
        self.periods: dict[str, periods.Periode | periods.InvalidPeriod] = {}
        self.stored_kinds = stored_kinds
        self.readings: dict[tuple[str, str], periods.Periode] = {}  # (date as written, indicator) -> period
        self._names = {i.id: k for k, i in self.indicators.items()}
        self._kinds_in_file: dict[int, set[str]] = {}  # indicator id -> kinds of its periods written as periods
        self._kinds_stored: dict[int, set[str]] = {}
        self._dates: dict[tuple[str, int], periods.Periode | periods.InvalidPeriod] = {}
        self.skipped = 0
        self._triples = pd.Index([], dtype="int64")  # (indicator, gebied, partij) -> a dense number
        self._seen = _SeenKeys()  # keys of the rows before, with their first value and line

    def check(self, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
        """The chunk's rows to compare and write (a key repeated with its value only once), and its problems.

        Every column is numbered by its distinct texts once (`_Distinct`); each check then runs on
        those few texts, and the rows take their results by number.
        """
        value_column = self.value_column
        if self.same_as:  # names the user said mean an existing partij or gebied
            frame = frame.assign(**{c: frame[c].replace(names) for c, names in self.same_as.items() if c in frame})
        texts = _Distinct(frame[value_column])
        empty = texts.per_row(pd.Series(texts.values, dtype="str").str.lower().isin(EMPTY_VALUES).to_numpy())
        self.skipped += int(empty.sum())
        if empty.any():
            frame = frame[~empty].reset_index(drop=True)
            texts = _Distinct(frame[value_column])
        problems: list[Problem] = []

        indicators = _Distinct(frame["indicator"])
        indicator_id = indicators.per_row(np.array([self.ids.get(k.lower(), -1) for k in indicators.values],
                                                   dtype=np.int64))
        unknown = indicator_id < 0
        problems += _problems(unknown, frame, "indicator", lambda v: (
            f"onbekende indicator '{v}'.{suggest(v, list(self.indicators))}"))

        gebieden = _Distinct(frame["gebied"])
        codes = [areas.normalise(c) for c in gebieden.values]
        gebied_id = gebieden.per_row(np.array([self.gebieden.get(c, -1) for c in codes], dtype=np.int64))
        missing = gebied_id < 0
        malformed = missing & gebieden.per_row(np.array([areas.level(c) is None for c in codes], dtype=bool))
        problems += _problems(missing & ~malformed, frame, "gebied", lambda v: (
            f"onbekend gebied '{v}'. Voeg het toe met een gebiedenbestand, of kies 'toevoegen' bij de onbekende "
            "namen (--add-missing)."), missing="gebied")
        problems += self._named_gebieden(malformed, frame, gebieden)

        if "partij" in frame:  # optional column; 0 is no partij (the total), -1 an unknown one
            partijen = _Distinct(frame["partij"])
            partij_id = partijen.per_row(np.array([self.partijen.get(n.lower(), -1) if n else 0
                                                   for n in partijen.values], dtype=np.int64))
            problems += self._unknown_partijen(partij_id < 0, frame, partijen)
        else:
            partij_id = np.zeros(len(frame), dtype=np.int64)

        periodes = _Distinct(frame["periode"])
        parsed = [self.periods[raw] if raw in self.periods else self.periods.setdefault(raw, _period(raw))
                  for raw in periodes.values]
        self._note_kinds(periodes, parsed, indicator_id)
        dates = np.array([isinstance(p, periods.DateWithoutKind) for p in parsed], dtype=bool)
        at_date = periodes.per_row(dates) if dates.any() else np.zeros(len(frame), dtype=bool)
        if dates.any():
            periodes, parsed, more = self._read_dates(frame, periodes, at_date, indicator_id)
            problems += more
        bad_period = periodes.per_row(np.array([isinstance(p, Exception) for p in parsed], dtype=bool))
        problems += _problems(bad_period & ~at_date, frame, "periode", lambda raw: str(self.periods[raw]))

        getal = texts.per_row(parse_numbers(pd.Series(texts.values, dtype="str"), self.decimal))
        unreadable = np.isnan(getal)
        mark = "komma" if self.decimal == "," else "punt"
        problems += _problems(unreadable, frame, value_column, lambda v: (
            f"'{v}' is geen getal (dit bestand gebruikt een {mark} als decimaalteken)."))
        problems += _range_problems(frame, getal, indicator_id, self.bounds, value_column)

        ok = ~(unknown | unreadable | bad_period | missing | (partij_id < 0))

        def period(attribute: str, fill) -> list:
            return [fill if isinstance(p, Exception) else getattr(p, attribute) for p in parsed]

        def number(attribute: str) -> np.ndarray:
            return periodes.per_row(np.array(period(attribute, 0), dtype=np.int64))

        columns = {
            "indicator_id": indicator_id, "gebied_id": gebied_id,
            "partij_id": pd.arrays.IntegerArray(partij_id, partij_id <= 0),
            "periode": periodes.categorical(period("code", "")), "jaar": number("jaar"),
            "periode_soort": periodes.categorical(period("soort", "jaar")), "volgnummer": number("nummer"),
            "waarde": getal, "_ordinal": number("ordinal"),
            "_line": frame["_line"].to_numpy(np.int64), "indicator": indicators.categorical(),
            "gebied": gebieden.categorical(codes),
            **({"partij": partijen.categorical()} if "partij" in frame else {}),
            **({"_kolom": frame["_kolom"].to_numpy()} if "_kolom" in frame else {}),
            "voorlopig": frame["_voorlopig"].to_numpy(bool) if "_voorlopig" in frame else np.zeros(len(frame), bool),
            "_tekst": texts.codes,
        }
        rows = pd.DataFrame(columns, copy=False)
        if not ok.all():
            rows = rows[ok]
        rows, more = self._once(rows, texts)
        problems += more
        return rows.drop(columns=[c for c in ("_kolom", "_tekst", "_ordinal") if c in rows]), problems

    def _unknown_partijen(self, unknown: np.ndarray, frame: pd.DataFrame, partijen: _Distinct) -> list[Problem]:
        """A problem per row with an unknown partij; one that looks like a known one proposes it."""
        problems = []
        for naam in partijen.values[np.unique(partijen.codes[unknown])] if unknown.any() else []:
            self._fuzzy_left -= 1
            alike = tuple(self._partij_lookalikes.of(naam, fuzzy=self._fuzzy_left >= 0)[:5])
            if alike:
                message = (f"onbekende partij '{naam}'. Bedoelt u {_or(alike)}? Een partij met bijna dezelfde naam "
                           "wordt niet nieuw gemaakt: kies de bestaande (pagina Gegevens) of verbeter het bestand.")
            else:
                message = (f"onbekende partij '{naam}'. Laat leeg voor het totaal van alle partijen, voeg haar toe met "
                           "een partijenbestand of kies 'toevoegen' bij de onbekende namen (--add-missing).")
            problems += [replace(p, lookalikes=alike) for p in _problems(
                unknown & partijen.per_row(partijen.values == naam), frame, "partij", lambda _, m=message: m,
                missing="partij")]
        return problems

    def _named_gebieden(self, malformed: np.ndarray, frame: pd.DataFrame, gebieden: _Distinct) -> list[Problem]:
        """A problem per row whose gebied is not a CBS code; a name that looks like a known gebied's
        proposes its code (the page can then read it as that gebied)."""
        problems = []
        for text in gebieden.values[np.unique(gebieden.codes[malformed])] if malformed.any() else []:
            if self._gebied_lookalikes is None:
                self._gebied_lookalikes = Lookalikes(naam for naam, _ in self._gebied_names)
                self._codes_by_name = {}
                for naam, code in self._gebied_names:
                    self._codes_by_name.setdefault(naam, []).append(code)
            self._fuzzy_left -= 1
            codes = tuple(c for naam in self._gebied_lookalikes.of(text, fuzzy=self._fuzzy_left >= 0)
                          for c in self._codes_by_name[naam])[:5]
            names = {code: naam for naam, code in self._gebied_names if code in codes}
            message = f"'{text}' is geen CBS-gebiedscode; gebruik {areas.FORMS} (bijvoorbeeld GM0505)."
            if codes:
                message = (f"'{text}' is geen CBS-gebiedscode. Bedoelt u "
                           f"{_or([f'{c} ({names[c]})' for c in codes], quote=False)}? Gebruik de code.")
            problems += [replace(p, lookalikes=codes) for p in _problems(
                malformed & gebieden.per_row(gebieden.values == text), frame, "gebied", lambda _, m=message: m,
                missing="gebied" if codes else "")]
        return problems

    def _note_kinds(self, periodes: _Distinct, parsed: list, indicator_id: np.ndarray) -> None:
        """Remember which kinds of period each indicator has in the file (written as periods, not dates)."""
        kind = np.array([periods.SOORTEN.index(p.soort) if isinstance(p, periods.Periode) else -1 for p in parsed],
                        dtype=np.int64)
        per_row = periodes.per_row(kind)
        known = (per_row >= 0) & (indicator_id >= 0)
        for combined in pd.unique(indicator_id[known] * 4 + per_row[known]):
            self._kinds_in_file.setdefault(int(combined) // 4, set()).add(periods.SOORTEN[int(combined) % 4])

    def _read_dates(self, frame: pd.DataFrame, periodes: _Distinct, at_date: np.ndarray,
                    indicator_id: np.ndarray) -> tuple[_Distinct, list, list[Problem]]:
        """The chunk's periods again, a date now read per indicator (its text and indicator as one
        key), and a problem per date that cannot be read."""
        keys = frame["periode"].to_numpy(dtype=object).copy()
        keys[at_date] = [f"{raw}\x00{i}" for raw, i in zip(keys[at_date], indicator_id[at_date])]
        distinct = _Distinct(pd.Series(keys, dtype=object))
        resolved, problems = [], []
        for key in distinct.values:
            if "\x00" not in key:
                resolved.append(self.periods[key])
                continue
            raw, id_ = key.split("\x00")
            if (raw, int(id_)) not in self._dates:
                self._dates[raw, int(id_)] = self._date(raw, int(id_))
            read = self._dates[raw, int(id_)]
            resolved.append(read)
            if isinstance(read, Exception) and int(id_) >= 0:  # an unknown indicator is its own problem
                problems += _problems(distinct.per_row(distinct.values == key), frame, "periode",
                                      lambda _, error=read: str(error))
        return distinct, resolved, problems

    def _date(self, raw: str, id_: int) -> periods.Periode | periods.InvalidPeriod:
        """The period a date means for one indicator, or why that cannot be said."""
        day = self.periods[raw].day
        if id_ < 0:
            return periods.InvalidPeriod(raw)
        kinds = self._kinds_in_file.get(id_) or self._stored(id_)
        name = self._names[id_]
        if len(kinds) == 1:
            read = self.readings[raw, name] = periods.containing(day, next(iter(kinds)))
            return read
        if not kinds:
            return periods.InvalidPeriod(
                f"'{raw}' is een datum, en voor {name} staan in dit bestand en in de database geen perioden "
                f"waaruit blijkt wat bedoeld is: {periods.options(day)}. Schrijf de periode zelf, "
                f"bijvoorbeeld {day.year}.")
        per = " en ".join(f"per {k}" for k in periods.SOORTEN if k in kinds)
        return periods.InvalidPeriod(
            f"'{raw}' is een datum, en {name} heeft cijfers {per}: bedoelt u {periods.options(day, kinds)}? "
            "Schrijf de periode zelf.")

    def _stored(self, id_: int) -> set[str]:
        if id_ not in self._kinds_stored:
            self._kinds_stored[id_] = set(self.stored_kinds(id_)) if self.stored_kinds else set()
        return self._kinds_stored[id_]

    def notes(self) -> list[str]:
        """What the dates in the file were read as, one line per date and period, for the report."""
        read: dict[tuple[str, periods.Periode], list[str]] = {}
        for (raw, name), periode in sorted(self.readings.items()):
            read.setdefault((raw, periode), []).append(name)
        return [f"{raw} gelezen als {periode.label} (peildatum; {', '.join(names)} "
                f"{'staat' if len(names) == 1 else 'staan'} per {periode.soort})"
                for (raw, periode), names in read.items()]

    def close(self) -> None:
        """Lets go of the keys seen (and the temporary file they may have moved to)."""
        self._seen.close()

    def _key(self, rows: pd.DataFrame) -> np.ndarray:
        """One integer per natural key (a NULL partij counts as 0, as in the key index), the same in every chunk."""
        ids = [rows[c].fillna(0).to_numpy("int64") for c in ("indicator_id", "gebied_id", "partij_id")]
        if max((int(i.max()) for i in ids if len(i)), default=0) >= 1 << _ID_BITS:
            raise ValueError("ids boven de twee miljoen passen niet in de importsleutel")
        triple = (ids[0] << 2 * _ID_BITS) | (ids[1] << _ID_BITS) | ids[2]
        number = self._triples.get_indexer(triple)
        if (number < 0).any():
            self._triples = self._triples.append(pd.Index(np.unique(triple[number < 0])))
            number = self._triples.get_indexer(triple)
        return (number.astype(np.int64) << _PERIOD_BITS) | rows["_ordinal"].to_numpy("int64")

    def _once(self, rows: pd.DataFrame, texts: _Distinct) -> tuple[pd.DataFrame, list[Problem]]:
        """Keep each key once. The same key again with another value than its first is a problem,
        whether the first was in this chunk or in one before; with the same value it is harmless."""
        key, value, line = self._key(rows), rows["waarde"].to_numpy("float64"), rows["_line"].to_numpy("int64")
        order = np.lexsort((line, key))  # per key, its first line first
        key, value, line = key[order], value[order], line[order]
        first = np.concatenate([[True], key[1:] != key[:-1]]) if len(key) else np.zeros(0, dtype=bool)
        group = np.cumsum(first) - 1
        keys, first_value, first_line = key[first], value[first], line[first]
        seen, earlier_value, earlier_line = self._seen.find(keys)
        self._seen.add(keys[~seen], first_value[~seen], first_line[~seen])
        first_value = np.where(seen, earlier_value, first_value)
        first_line = np.where(seen, earlier_line, first_line)
        clash = np.abs(value - first_value[group]) > 1e-9
        problems = []
        if clash.any():
            clashing = rows.iloc[order[clash]]
            shown = clashing["_kolom"] if "_kolom" in clashing else [self.value_column] * len(clashing)
            problems = [
                Problem(int(at_line), str(where), str(texts.values[text]),
                        f"dezelfde indicator, gebied, partij en periode staan ook op regel {int(first_at)} "
                        "met een andere waarde.")
                for at_line, where, text, first_at in zip(clashing["_line"], shown, clashing["_tekst"],
                                                          first_line[group][clash])]
        keep = np.zeros(len(key), dtype=bool)
        keep[order[np.flatnonzero(first)[~seen]]] = True
        return (rows if keep.all() else rows[keep]), problems


class _Distinct:
    """A column's distinct texts and, per row, the number of its text: what is worked out for the
    texts (a lookup, a parse) reaches the rows by number, in one numpy step."""

    def __init__(self, cells: pd.Series):
        self.codes, uniques = pd.factorize(cells, use_na_sentinel=False)
        self.values = np.asarray(uniques, dtype=object)

    def per_row(self, per_value: np.ndarray) -> np.ndarray:
        return per_value[self.codes]

    def categorical(self, values: list[str] | None = None) -> pd.Categorical:
        """The column as a Categorical (text without a Python object per row); `values` replace the texts."""
        if values is None:
            return pd.Categorical.from_codes(self.codes, categories=pd.Index(self.values, dtype="str"))
        numbers, distinct = pd.factorize(pd.Index(values, dtype="str"))  # values that became equal share one
        return pd.Categorical.from_codes(numbers[self.codes], categories=distinct)


class _SeenKeys:
    """The keys of the chunks before, with the value and line each had first.

    Up to SEEN_IN_MEMORY keys as sorted runs in memory, merged when a newer one grows as large as an
    older one (as a log-structured merge does), so adding a chunk costs about its own size, not the
    size of everything before it. Beyond that (a file of some millions of rows) they move to a
    private temporary SQLite file, which holds no more than SEEN_CACHE_KB of it in memory, so that
    memory stays the same however long the file: 24 bytes per key would be 720 MB for 30 million rows.
    """

    def __init__(self):
        self.runs: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.spilled: sqlite3.Connection | None = None

    @property
    def held(self) -> int:
        """Keys in memory."""
        return sum(len(run[0]) for run in self.runs)

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For each of `keys` (distinct, ascending): seen before, and if so its first value and line."""
        seen = np.zeros(len(keys), dtype=bool)
        values, lines = np.zeros(len(keys)), np.zeros(len(keys), dtype=np.int64)
        for run_keys, run_values, run_lines in self.runs:
            at = np.minimum(np.searchsorted(run_keys, keys), len(run_keys) - 1)
            hit = run_keys[at] == keys
            seen |= hit
            values[hit], lines[hit] = run_values[at[hit]], run_lines[at[hit]]
        if self.spilled is not None and len(keys):
            found = self.spilled.execute("SELECT s.key, s.value, s.line FROM json_each(?) AS k "
                                         "CROSS JOIN seen AS s ON s.key = k.value", (json.dumps(keys.tolist()),)
                                         ).fetchall()
            if found:
                found_keys, found_values, found_lines = (np.array(column) for column in zip(*found))
                at = np.searchsorted(keys, found_keys)
                seen[at], values[at], lines[at] = True, found_values, found_lines
        return seen, values, lines

    def add(self, keys: np.ndarray, values: np.ndarray, lines: np.ndarray) -> None:
        """Keys not seen before, with their first value and line."""
        if not len(keys):
            return
        if self.spilled is None and self.held + len(keys) > SEEN_IN_MEMORY:
            self.spilled = sqlite3.connect("", check_same_thread=False)  # "": deleted when closed
            self.spilled.executescript(f"PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                                       f"PRAGMA cache_size=-{SEEN_CACHE_KB}; "
                                       "CREATE TABLE seen (key INTEGER PRIMARY KEY, value REAL, line INTEGER)")
            for run in self.runs:
                self._store(*run)
            self.runs = []
        if self.spilled is not None:
            self._store(keys, values, lines)
            return
        order = np.argsort(keys, kind="stable")
        run = (keys[order], values[order], lines[order])
        while self.runs and len(self.runs[-1][0]) <= len(run[0]):
            run = _merge(list(self.runs.pop()), run)
        self.runs.append(run)

    def _store(self, keys: np.ndarray, values: np.ndarray, lines: np.ndarray) -> None:
        """Into the file, a chunk's worth at a time, so that moving the runs there needs no copy of them."""
        cursor = self.spilled.cursor()
        for start in range(0, len(keys), CHUNK_ROWS):
            part = slice(start, start + CHUNK_ROWS)
            grid = np.empty((len(keys[part]), 3), dtype=object)
            grid[:, 0], grid[:, 1], grid[:, 2] = keys[part].tolist(), values[part].tolist(), lines[part].tolist()
            _insert_sqlite(cursor, "INSERT INTO seen VALUES {values}", grid)
        self.spilled.commit()
        cursor.close()

    def close(self) -> None:
        if self.spilled is not None:
            self.spilled.close()
            self.spilled = None


def _merge(older: list[np.ndarray], newer: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
    """Two sorted runs (keys, then what goes with them) as one, by placing the newer rows among the
    older ones: no sort, and each older array is let go as soon as its merged one is made."""
    at = np.searchsorted(older[0], newer[0]) + np.arange(len(newer[0]))
    from_older = np.ones(len(older[0]) + len(newer[0]), dtype=bool)
    from_older[at] = False
    merged = []
    for i, cells in enumerate(newer):
        out = np.empty(len(from_older), dtype=cells.dtype)
        out[at], out[from_older] = cells, older[i]
        older[i] = None
        merged.append(out)
    return tuple(merged)


def _or(names, quote: bool = True) -> str:
    """'a', 'a' of 'b', 'a', 'b' of 'c'."""
    shown = [f"'{n}'" if quote else n for n in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " of " + shown[-1]


def _period(raw: str) -> periods.Periode | periods.InvalidPeriod:
    try:
        return periods.parse(raw)
    except periods.InvalidPeriod as error:
        return error


def stored_kinds(db, id_: int) -> set[str]:
    """The kinds of period stored for an indicator (jaar, kwartaal, maand), as figures or targets,
    read on a connection of the database's own, not the import's: the checking thread runs beside
    the writing. A database that cannot be read that way (SQLite in memory) gives none."""
    from sqlalchemy.exc import SQLAlchemyError

    from dashboard.models import Streefwaarde

    try:
        with db.make_session() as session:
            return {kind for model in (Observatie, Streefwaarde) for kind in session.scalars(
                select(model.periode_soort).where(model.indicator_id == id_).distinct())}
    except SQLAlchemyError:
        return set()


def _bounds(indicators: dict) -> dict[int, tuple]:
    """Per indicator id: (key, min, max, unit); a percentage is 0-100 unless the catalogue says otherwise."""
    bounds = {}
    for key, indicator in indicators.items():
        percent = indicator.eenheid == "%"
        low = indicator.min_waarde if indicator.min_waarde is not None else (0 if percent else None)
        high = indicator.max_waarde if indicator.max_waarde is not None else (100 if percent else None)
        if low is not None or high is not None:
            bounds[indicator.id] = (key, low, high, indicator.eenheid)
    return bounds


def _range_problems(frame: pd.DataFrame, getal: np.ndarray, indicator_id: np.ndarray, bounds: dict,
                    value_column: str) -> list[Problem]:
    """Values outside the indicator's min/max."""
    if not bounds:
        return []
    low, high = np.full(max(bounds) + 2, np.nan), np.full(max(bounds) + 2, np.nan)  # the last: no indicator
    for id_, (_, lowest, highest, _) in bounds.items():
        low[id_] = np.nan if lowest is None else lowest
        high[id_] = np.nan if highest is None else highest
    ids = np.where((indicator_id >= 0) & (indicator_id < len(low) - 1), indicator_id, len(low) - 1)
    outside = (getal < low[ids]) | (getal > high[ids])
    problems = []
    for id_ in pd.unique(ids[outside]):
        key, low, high, unit = bounds[id_]
        if low is not None and high is not None:
            span = f"van {_fmt(low)} tot en met {_fmt(high)}"
        else:
            span = f"minimaal {_fmt(low)}" if low is not None else f"maximaal {_fmt(high)}"
        problems += _problems(outside & (ids == id_), frame, value_column, lambda v, k=key, s=span, u=unit: (
            f"{v} ligt buiten het bereik van {k} ({s} {u})."))
    return problems


def _fmt(number: float) -> str:
    """A bound written the Dutch way with the decimals it has: 100, 0,5, 1.000."""
    return formatting.number(number, formatting.needed([number]))


def is_empty(session: Session, model) -> bool:
    """Nothing stored yet: every row of an import is then new, and comparing can be skipped."""
    return session.scalar(select(model.id).limit(1)) is None


def compare(session: Session, rows: pd.DataFrame, model, nothing_stored: bool = False) -> pd.DataFrame:
    """Mark each row new, changed or unchanged against what the database holds for its key: only
    those rows are read back, each as its position in `rows` with the stored value and batch, so a
    chunk costs the same however much is stored. A value that loses or gains its voorlopig mark
    is changed even when the number is the same."""
    rows = rows.astype({"indicator_id": "int64", "gebied_id": "int64"})
    oud = np.full(len(rows), np.nan)
    oud_voorlopig = np.zeros(len(rows), dtype=bool)
    batches = pd.arrays.IntegerArray(np.zeros(len(rows), dtype="int64"), np.ones(len(rows), dtype=bool))
    if not nothing_stored and len(rows):
        keys = [rows["indicator_id"].tolist(), rows["gebied_id"].tolist(),
                rows["partij_id"].fillna(0).astype("int64").tolist(), rows["periode"].tolist()]
        table = model.__table__.name
        mark = "o.voorlopig" if _marked(model) else "false"
        key = "o.indicator_id = k.i AND o.gebied_id = k.g AND coalesce(o.partij_id, 0) = k.p AND o.periode = k.t"
        cursor = session.connection().connection.cursor()  # the DBAPI cursor: plain tuples, no Row objects
        if session.get_bind().dialect.name == "postgresql":
            cursor.execute(f"SELECT k.n - 1, o.waarde, o.batch_id, {mark} FROM unnest(%s::integer[], %s::integer[], "
                           f"%s::integer[], %s::text[]) WITH ORDINALITY AS k(i, g, p, t, n) JOIN {table} o ON {key}",
                           keys)
        else:  # CROSS JOIN keeps the chunk's keys outside: the key index is probed once per row
            cursor.execute(f"SELECT k.key, o.waarde, o.batch_id, {mark} FROM (SELECT key, value ->> 0 AS i, "
                           f"value ->> 1 AS g, value ->> 2 AS p, value ->> 3 AS t FROM json_each(?)) AS k CROSS JOIN {table} o "
                           f"WHERE {key}", (json.dumps(list(zip(*keys))),))
        found = cursor.fetchall()
        cursor.close()
        if found:
            at, values, batch_ids, marks = zip(*found)
            at = np.fromiter(at, dtype=np.int64, count=len(found))
            oud[at] = values
            oud_voorlopig[at] = np.array(marks, dtype=bool)
            batches[at] = pd.array(batch_ids, dtype="Int64")
    waarde = rows["waarde"].to_numpy("float64")
    same = (np.abs(oud - waarde) <= 1e-9) & (oud_voorlopig == rows["voorlopig"].to_numpy(bool))
    state = np.where(np.isnan(oud), 1, np.where(same, 2, 0))
    status = pd.Categorical.from_codes(state, categories=STATUSES)  # no Python str per row
    return rows.assign(oud=oud, oude_batch_id=batches, oud_voorlopig=oud_voorlopig, status=status)


def _marked(model) -> bool:
    """Observations carry a voorlopig mark (CBS's "2023*"); targets do not."""
    return "voorlopig" in model.__table__.c


def _key_order(frame: pd.DataFrame) -> np.ndarray:
    """Positions that put the rows in the key index's order (NULL partij as 0), sorted as integers."""
    periode = pd.factorize(frame["periode"], sort=True)[0]
    return np.lexsort((periode, frame["partij_id"].fillna(0).to_numpy("int64"),
                       frame["gebied_id"].to_numpy("int64"), frame["indicator_id"].to_numpy("int64")))


def _insert_sqlite(cursor, head: str, grid: np.ndarray) -> None:
    """`head` (a statement whose `{values}` takes the rows) for the rows of `grid`, many per statement:
    as many as SQLite's limit on parameters allows (999 in old builds, 32766 since 3.32) up to a
    thousand, so SQLite steps once per statement, not once per row."""
    width = grid.shape[1]
    per_statement = min(1000, cursor.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width)
    row = f"({', '.join(['?'] * width)})"
    full = len(grid) // per_statement * per_statement
    if full:
        cursor.executemany(head.format(values=", ".join([row] * per_statement)),
                           grid[:full].reshape(-1, width * per_statement).tolist())
    if full < len(grid):
        cursor.executemany(head.format(values=row), grid[full:].tolist())


_LOW = (1 << 32) - 1  # the lower half of a packed integer
_NUMBER = (1 << 31) - 1  # a period's number in the lower half; the bit above it is the voorlopig mark


def _packed(rows: pd.DataFrame, numbers: dict[str, int]) -> tuple[np.ndarray, list[tuple]]:
    """The rows as three plain values each for SQLite: indicator and gebied id in one integer,
    partij id (0: none), the voorlopig mark and the period's number in another, and the value; and
    the periods not numbered before, as rows for the periods table. The statement unpacks them (`Writer`); the
    checker's key already refuses ids of two million and more, so each fits in its half."""
    codes, distinct = pd.factorize(rows["periode"])
    first = np.zeros(len(distinct), dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)  # each period's first row
    new = []
    for code, at in zip(distinct, first.tolist()):
        if code not in numbers:
            numbers[code] = len(numbers)
            new.append((numbers[code], str(code), int(rows["jaar"].iat[at]), str(rows["periode_soort"].iat[at]),
                        int(rows["volgnummer"].iat[at])))
    period = np.array([numbers[code] for code in distinct], dtype=np.int64)[codes] if len(codes) else codes
    grid = np.empty((len(rows), 3), dtype=object)
    grid[:, 0] = ((rows["indicator_id"].to_numpy("int64") << 32) | rows["gebied_id"].to_numpy("int64")).tolist()
    grid[:, 1] = ((rows["partij_id"].fillna(0).to_numpy("int64") << 32) | (rows["voorlopig"].to_numpy("int64") << 31)
                  | period).tolist()
    grid[:, 2] = rows["waarde"].to_numpy("float64").tolist()
    return grid, new


VALUES = KEY + ["jaar", "periode_soort", "volgnummer", "waarde"]
CHANGES = ["indicator_id", "gebied_id", "partij_id", "periode", "oud", "oude_batch_id", "oud_voorlopig"]
WIJZIGINGEN = ("INSERT INTO import_wijzigingen (indicator_id, gebied_id, partij_id, periode, oude_waarde, "
               "oude_batch_id, oude_voorlopig, batch_id, tabel)")


class Writer:
    """Writes chunk after chunk inside the caller's transaction and remembers what each overwrote
    or confirmed (ImportWijziging, for undo). New rows (compare found no stored key, and the import's
    lock keeps it so) are plainly inserted; changed and unchanged ones go through one INSERT ... ON
    CONFLICT on the key index, the same statement text on both databases: an unchanged value is
    confirmed, the batch becomes its owner, so undoing the batch that wrote it first leaves it in
    place (undo.py). On SQLite multi-row VALUES through the driver's cursor, in key order; on
    PostgreSQL new rows by COPY into the table itself, the others by COPY into a staging table with
    the values they overwrite."""

    def __init__(self, session: Session, model, batch_id: int, empty: bool = False):
        self.table, self.batch_id = model.__table__.name, batch_id
        self.dropped: list[tuple[str, str]] = []
        self.postgres = session.get_bind().dialect.name == "postgresql"
        self.cursor = session.connection().connection.cursor()  # the driver's own: plain lists, no statement cache
        self.marked = _marked(model)
        self.values = VALUES + ["voorlopig"] if self.marked else VALUES
        self.insert = f"INSERT INTO {self.table} ({', '.join(self.values)}, batch_id) {{rows}}"
        self.upsert = f"{self.insert} {UPSERT}{MARK if self.marked else ''}"
        self.periods: dict[str, int] = {}  # period code -> its number in temp._import_periodes (SQLite)
        if self.postgres:
            self.cursor.execute(
                "CREATE TEMP TABLE _import_rows (indicator_id integer, gebied_id integer, partij_id integer, "
                "periode varchar(10), jaar integer, periode_soort varchar(10), volgnummer integer, "
                "waarde double precision, voorlopig boolean, oud double precision, oude_batch_id integer, "
                "oud_voorlopig boolean) ON COMMIT DROP")
        else:
            self.cursor.execute("CREATE TEMP TABLE _import_periodes (n INTEGER PRIMARY KEY, periode TEXT, jaar INTEGER, "
                                "periode_soort TEXT, volgnummer INTEGER)")
            self.cache = self.cursor.execute("PRAGMA cache_size").fetchone()[0]
            self.cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KB}")  # the key index stays in memory
            if empty:  # an empty table is filled faster without its indexes, built once at the end by sorting
                self.dropped = self.cursor.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                    (self.table,)).fetchall()
                for name, _ in self.dropped:
                    self.cursor.execute(f'DROP INDEX "{name}"')

    def prepare(self, rows: pd.DataFrame) -> tuple[np.ndarray, list[tuple]] | None:
        """The rows as SQLite's statement takes them (`_packed`), made without the connection, so
        the checking thread makes them beside the writing of the chunk before (one thread at a time)."""
        return None if self.postgres else _packed(rows, self.periods)

    def write(self, rows: pd.DataFrame, prepared: tuple[np.ndarray, list[tuple]] | None = None) -> None:
        """`rows` as compare() marked them; `prepared`: what prepare() made of them before.

        On SQLite each row is bound as three values (ids packed two to an integer, the value) and
        unpacked by the statement, its period's columns joined from a small temporary table: the
        driver binds a third of the values, none of them text, and SQLite does the rest without
        Python's lock, beside the checking of the next chunk."""
        if self.postgres:
            self._copy(rows)
            return
        grid, periods = prepared if prepared is not None else _packed(rows, self.periods)
        if periods:
            self.cursor.executemany("INSERT INTO temp._import_periodes VALUES (?, ?, ?, ?, ?)", periods)
        values = f"FROM (VALUES {{values}}) AS v CROSS JOIN temp._import_periodes AS p ON p.n = (v.column2 & {_NUMBER})"
        key = f"v.column1 >> 32, v.column1 & {_LOW}, nullif(v.column2 >> 32, 0), p.periode"
        mark = ", (v.column2 >> 31) & 1" if self.marked else ""
        select = (f"SELECT {key}, p.jaar, p.periode_soort, p.volgnummer, v.column3{mark}, {int(self.batch_id)} "
                  f"{values} WHERE true")
        new = rows["status"].to_numpy() == "new"
        for at, head in ((np.flatnonzero(new), self.insert), (np.flatnonzero(~new), self.upsert)):
            if len(at):  # a new row cannot conflict
                if not self.dropped:  # in the key index's order
                    at = at[_key_order(rows.iloc[at])]
                _insert_sqlite(self.cursor, head.format(rows=select), grid[at])
        at = np.flatnonzero(~new)
        if len(at):  # what each changed or confirmed value overwrote, the same way: ids packed, no text bound
            kept = np.empty((len(at), 5), dtype=object)
            kept[:, :2] = grid[at, :2]
            kept[:, 2] = rows["oud"].to_numpy("float64")[at].tolist()
            kept[:, 3] = rows["oude_batch_id"].iloc[at].astype(object).where(
                rows["oude_batch_id"].iloc[at].notna(), None).tolist()
            kept[:, 4] = rows["oud_voorlopig"].to_numpy("int64")[at].tolist()
            _insert_sqlite(self.cursor, (
                f"{WIJZIGINGEN} SELECT {key}, v.column3, v.column4, v.column5, {int(self.batch_id)}, "
                f"'{self.table}' {values}"), kept)

    def _copy(self, todo: pd.DataFrame) -> None:
        """New rows by COPY straight into the table (the import's lock keeps their keys free); changed
        and confirmed ones by COPY into the staging table, then the overwritten values and one upsert
        from there."""
        new = todo["status"] == "new"
        new, changed = todo[new], todo[~new]
        if len(new):
            self._copy_in(new[self.values].assign(batch_id=self.batch_id), self.table)
        if len(changed):
            self._copy_in(changed[VALUES + ["voorlopig", "oud", "oude_batch_id", "oud_voorlopig"]], "_import_rows")
            self.cursor.execute(f"{WIJZIGINGEN} SELECT {', '.join(CHANGES)}, %s, %s FROM _import_rows",
                                (self.batch_id, self.table))
            self.cursor.execute(self.upsert.format(rows=f"SELECT {', '.join(self.values)}, %s FROM _import_rows"),
                                (self.batch_id,))
            self.cursor.execute("TRUNCATE _import_rows")

    def _copy_in(self, frame: pd.DataFrame, table: str) -> None:
        """COPY a frame into `table` as CSV that pyarrow writes (no Python object per cell)."""
        buffer = io.BytesIO()
        pacsv.write_csv(pa.Table.from_pandas(frame, preserve_index=False), buffer,
                        pacsv.WriteOptions(include_header=False, quoting_style="none"))
        with self.cursor.copy(f"COPY {table} ({', '.join(frame.columns)}) FROM STDIN (FORMAT csv)") as copy:
            copy.write(buffer.getbuffer())

    def close(self, complete: bool = True) -> None:
        """After the last chunk: the dropped indexes back (not for a refused file, which rolls back)."""
        if not self.postgres:
            if complete:
                for _, sql in self.dropped:
                    self.cursor.execute(sql)
            self.cursor.execute(f"PRAGMA cache_size={int(self.cache)}")
            self.cursor.execute("DROP TABLE temp._import_periodes")
        self.cursor.close()
