"""What went wrong with the database or the disk under it, said in Dutch: one diagnosis for the
command line, the pages and the log.

`diagnose(error, url)` reads a driver's error (SQLite's result code, PostgreSQL's SQLSTATE) or the
operating system's errno and answers with a `Diagnosis`: a headline and advice that anyone may read
(no host, user, file or URL in them), and the details for a beheerder and the log: which database,
and the driver's own words. Every write is one transaction that is rolled back when it fails, so
each diagnosis of a write also says that nothing was saved.

Only a real corruption ("file is not a database", "database disk image is malformed") is called a
damaged file with the advice to restore a backup; a read-only folder, a full disk or a busy
database never is, for a restored backup would overwrite good data.
"""
from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, exc, make_url

NOTHING_SAVED = "Er is niets opgeslagen: de wijziging is teruggedraaid."
ASK_BEHEERDER = "Blijft dit zo, meld het dan aan de beheerder; die vindt de details in het serverlog."


@dataclass(frozen=True)
class Diagnosis:
    kind: str      # vol, alleen_lezen, bezet, onbereikbaar, botsing, beschadigd, schijffout, instelling, onbekend
    headline: str  # one short sentence: what is the matter
    advice: str    # what it means for the user and what to do; safe for anyone to read
    detail: str = ""  # which database and what the driver said: for a beheerder and the log only

    @property
    def message(self) -> str:
        """For anyone: a share-link visitor, a lezer, the page before anyone is known."""
        return f"{self.headline} {self.advice}"

    @property
    def for_beheerder(self) -> str:
        """The message with the details: for the command line, the log and a beheerder's page."""
        return f"{self.message} {self.detail}".strip()


class DatabaseProblem(Exception):
    """The database or the disk refused; nothing was written. Carries the Dutch diagnosis."""

    def __init__(self, diagnosis: Diagnosis):
        self.diagnosis = diagnosis
        super().__init__(diagnosis.message)


def describe(url: str | URL | None) -> str:
    """Which database, for a beheerder: the file, or the URL without its password."""
    if url is None:
        return "de database"
    try:
        parsed = make_url(url)
    except exc.ArgumentError:
        return "(ongeldige URL)"
    if parsed.get_backend_name() == "sqlite":
        return f"het bestand {_sqlite_file(parsed) or '(in het geheugen)'}"
    return parsed.render_as_string(hide_password=True)


def _sqlite_file(url: URL) -> str | None:
    database = url.database or ""
    if database in ("", ":memory:"):
        return None
    return database.removeprefix("file:").split("?", 1)[0]


def diagnose(error: BaseException, url: str | URL | None = None) -> Diagnosis:
    """The Dutch diagnosis of a database or disk failure (a SQLAlchemy, driver or OS error)."""
    where = describe(url)
    if isinstance(error, DatabaseProblem):
        return error.diagnosis
    if isinstance(error, exc.TimeoutError):  # no connection free in the pool within its timeout
        return _busy(f"{where}: geen verbinding vrij binnen de wachttijd ({error}).")
    original = getattr(error, "orig", None) or error
    words = _words(original)
    if isinstance(original, OSError) and original.errno is not None and not _is_driver_error(original):
        return _os_error(original, where)
    if getattr(original, "sqlite_errorname", None) or type(original).__module__ == "sqlite3":
        return _sqlite(original, error, url, where, words)
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate or type(original).__module__.startswith("psycopg"):
        return _postgres(original, sqlstate, where, words)
    if isinstance(error, (exc.IntegrityError,)):
        return _clash(words, where)
    if isinstance(error, (exc.OperationalError, exc.InterfaceError, exc.DisconnectionError)):
        return _unreachable(where, words)
    return _unknown(where, words)


def _is_driver_error(error: BaseException) -> bool:
    return type(error).__module__.split(".")[0] in ("sqlite3", "psycopg", "psycopg2")


def _words(error: BaseException) -> str:
    """The driver's own message on one line (never the statement or its parameters)."""
    return " ".join(str(error).split())[:400]


# ------------------------------------------------------------------ the diagnoses themselves

def _full(where: str, words: str) -> Diagnosis:
    return Diagnosis("vol", "De schijf van de database is vol.",
                     f"{NOTHING_SAVED} Lezen gaat gewoon door. Maak ruimte vrij op de schijf van de databaseserver "
                     f"(of laat de beheerder dat doen) en probeer het daarna opnieuw. {ASK_BEHEERDER}",
                     f"Database: {where}. Melding: {words}")


def _read_only(where: str, words: str, folder: str | None = None) -> Diagnosis:
    what = f"De map {folder} is alleen-lezen voor dit proces. " if folder else ""
    return Diagnosis("alleen_lezen", "De database kan nu alleen gelezen worden, niet beschreven.",
                     f"{NOTHING_SAVED} Het bestand is niet beschadigd: zet géén reservekopie terug. Het proces "
                     f"van de app heeft schrijfrecht nodig op de database (en op de map waarin het bestand staat). "
                     f"{ASK_BEHEERDER}",
                     f"Database: {where}. {what}Melding: {words}")


def _busy(detail: str) -> Diagnosis:
    return Diagnosis("bezet", "De database is nu te druk of bezet door een andere schrijver (bijvoorbeeld een grote import).",
                     f"{NOTHING_SAVED} Probeer het over een ogenblik opnieuw. {ASK_BEHEERDER}", detail)


def _unreachable(where: str, words: str, why: str = "") -> Diagnosis:
    return Diagnosis("onbereikbaar", "De database is niet bereikbaar.",
                     f"Er is niets gewijzigd. Probeer het over een ogenblik opnieuw. {ASK_BEHEERDER}",
                     f"Database: {where}. {why or 'Controleer DASHBOARD_DATABASE_URL, of de server draait en of gebruikersnaam en wachtwoord kloppen.'} "
                     f"Melding: {words}")


def _damaged(where: str, words: str) -> Diagnosis:
    return Diagnosis("beschadigd", "Het databasebestand is beschadigd of geen SQLite-database.",
                     "Er is niets overschreven. De beheerder zet een reservekopie terug of wijst met "
                     "DASHBOARD_DATABASE_URL een ander bestand aan.",
                     f"Database: {where}. Melding: {words}")


def _disk_error(where: str, words: str) -> Diagnosis:
    return Diagnosis("schijffout", "De schijf onder de database gaf een fout bij lezen of schrijven.",
                     f"{NOTHING_SAVED} Zet niet zomaar een reservekopie terug: laat de beheerder eerst de schijf "
                     f"controleren. {ASK_BEHEERDER}",
                     f"Database: {where}. Melding: {words}")


def _unknown(where: str, words: str) -> Diagnosis:
    return Diagnosis("onbekend", "De database gaf een onverwachte fout.",
                     f"{NOTHING_SAVED} Probeer het opnieuw. {ASK_BEHEERDER}",
                     f"Database: {where}. Melding: {words}")


_UNIQUE_SQLITE = re.compile(r"UNIQUE constraint failed: (?P<columns>[\w., ]+)")
_UNIQUE_POSTGRES = re.compile(r"Key \((?P<columns>[^)]*)\)=\((?P<value>.*)\) already exists")


def clash(table: str, column: str, value: str | None) -> Diagnosis:
    """Two rows may not share this value (a unique constraint)."""
    what = f"De {column} '{value}'" if value is not None else f"Deze {column}"
    return Diagnosis("botsing", f"{what} bestaat al in {table}.",
                     f"{NOTHING_SAVED} Elke {column} mag maar één keer voorkomen: kies een andere, of pas de "
                     "bestaande aan.", "")


def _clash(words: str, where: str, table: str | None = None, detail: str = "", error: BaseException | None = None) -> Diagnosis:
    if match := _UNIQUE_SQLITE.search(words):
        first = match["columns"].split(",")[0].strip()
        table, _, column = first.rpartition(".")
        found = clash(table or "de database", column, _written_value(error, column))
    elif match := _UNIQUE_POSTGRES.search(detail or words):
        found = clash(table or "de database", match["columns"].split(",")[0].strip(), match["value"])
    elif "FOREIGN KEY" in words or "foreign key" in words:
        found = Diagnosis("botsing", "De wijziging verwijst naar iets dat niet (meer) bestaat.",
                          f"{NOTHING_SAVED} Laad de pagina opnieuw: misschien heeft iemand anders het net verwijderd.")
    elif "NOT NULL" in words or "null value" in words:
        found = Diagnosis("botsing", "Een verplichte waarde ontbreekt.", f"{NOTHING_SAVED} Vul alle verplichte velden in.")
    else:
        found = Diagnosis("botsing", "De wijziging botst met wat er al staat.", f"{NOTHING_SAVED} Laad de pagina opnieuw "
                          "en probeer het nog eens.")
    return Diagnosis(found.kind, found.headline, found.advice, f"Database: {where}. Melding: {words}")


_INSERT = re.compile(r"\s*INSERT INTO \S+ \(([^)]*)\) VALUES \(([^)]*)\)", re.I)
_UPDATE = re.compile(r"\s*UPDATE \S+ SET (.*?) WHERE", re.I | re.S)


def _written_value(error: BaseException | None, column: str) -> str | None:
    """The value the failed statement wrote into `column` (SQLite names the column, not the value):
    taken from a single-row INSERT or UPDATE and its parameters, never shown with the statement."""
    statement, params = getattr(error, "statement", None) or "", getattr(error, "params", None)
    if not isinstance(params, (tuple, list)) or any(isinstance(p, (tuple, list, dict)) for p in params):
        return None
    if match := _INSERT.match(statement):
        names = [name.strip().strip('"') for name in match[1].split(",")]
    elif match := _UPDATE.match(statement):
        names = re.findall(r'"?(\w+)"?\s*=\s*\?', match[1])
    else:
        return None
    if column not in names or names.index(column) >= len(params):
        return None
    return str(params[names.index(column)])


# ------------------------------------------------------------------ per source

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def _os_error(error: OSError, where: str) -> Diagnosis:
    words = f"{error.strerror}" + (f" ({error.filename})" if error.filename else "")
    if error.errno in _FULL_ERRNOS:
        return Diagnosis("vol", "De schijf is vol.", f"{NOTHING_SAVED} Maak ruimte vrij op de schijf en probeer het "
                         f"opnieuw. {ASK_BEHEERDER}", f"Melding: {words}")
    if error.errno in _READ_ONLY_ERRNOS:
        return Diagnosis("alleen_lezen", "Er mag hier niet worden geschreven.",
                         f"{NOTHING_SAVED} De map of het bestand is alleen-lezen voor dit proces. {ASK_BEHEERDER}",
                         f"Melding: {words}")
    if error.errno == errno.EIO:
        return _disk_error(str(error.filename or where), words)
    return Diagnosis("onbekend", "Het besturingssysteem weigerde de opdracht.", f"{NOTHING_SAVED} {ASK_BEHEERDER}",
                     f"Melding: {words}")


def _sqlite(original: BaseException, error: BaseException, url, where: str, words: str) -> Diagnosis:
    name = getattr(original, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_FULL") or "database or disk is full" in words:
        return _full(where, words)
    if name.startswith("SQLITE_READONLY") or "readonly database" in words:
        folder = _sqlite_folder(url) if name == "SQLITE_READONLY_DIRECTORY" or _folder_read_only(url) else None
        return _read_only(where, words, folder)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in words:
        return _busy(f"Database: {where}. Een andere verbinding houdt de database vast. Melding: {words}")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "not a database" in words or "malformed" in words:
        return _damaged(where, words)
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database file" in words:
        if _folder_read_only(url):
            return _read_only(where, words, _sqlite_folder(url))
        return _unreachable(where, words, "Het bestand kan niet worden geopend: bestaat de map, en mag het proces "
                                          "erin lezen en schrijven?")
    if name.startswith("SQLITE_IOERR"):
        return _disk_error(where, words)
    if name.startswith("SQLITE_CONSTRAINT") or isinstance(error, exc.IntegrityError):
        return _clash(words, where, error=error)
    return _unknown(where, words)


def _sqlite_folder(url) -> str | None:
    try:
        file = _sqlite_file(make_url(url)) if url is not None else None
    except exc.ArgumentError:
        return None
    return str(Path(file).resolve().parent) if file else None


def _folder_read_only(url) -> bool:
    """The SQLite file's folder exists but this process may not write in it (or the file is read-only)."""
    folder = _sqlite_folder(url)
    if folder is None or not os.path.isdir(folder):
        return False
    file = Path(folder) / Path(_sqlite_file(make_url(url)) or "").name
    return not os.access(folder, os.W_OK) or (file.exists() and not os.access(file, os.W_OK))


def _postgres(original: BaseException, sqlstate: str | None, where: str, words: str) -> Diagnosis:
    state = sqlstate or ""
    diag = getattr(original, "diag", None)
    if state == "53100":
        return _full(where, words)
    if state == "25006":
        return _read_only(where, words)
    if state in ("53300", "40001", "40P01", "55P03", "57014", "55006"):
        return _busy(f"Database: {where}. Melding: {words}")
    if state.startswith("23"):
        return _clash(words, where, getattr(diag, "table_name", None), getattr(diag, "message_detail", None) or "")
    if state.startswith("28"):
        return _unreachable(where, words, "De server weigert de aanmelding: klopt de gebruikersnaam en het "
                                          "wachtwoord in DASHBOARD_DATABASE_URL?")
    if state == "3D000":
        return _unreachable(where, words, "De database in DASHBOARD_DATABASE_URL bestaat niet op die server.")
    if state.startswith(("XX001", "XX002")):
        return _damaged(where, words)
    if state.startswith("58") or state == "53000":
        return _disk_error(where, words)
    if not state or state.startswith(("08", "57P")):
        return _unreachable(where, words)
    return _unknown(where, words)
