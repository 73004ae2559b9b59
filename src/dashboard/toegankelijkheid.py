"""The toegankelijkheidsverklaring (accessibility statement) from the TOML file the beheerder edits.

Dutch public bodies publish one in the structure of the model statement of digitoegankelijk.nl:
who and which website, the status, how and when it was checked, the known limits (each with
why and a date by which it is fixed), contact, complaints, and the date of signing. The file is
data/toegankelijkheid.toml unless DASHBOARD_TOEGANKELIJKHEID names another.

Reading is forgiving: a wrong field is left out and named, with its line, in a Dutch problem;
the rest of the statement is still shown, so a typo never takes the page down.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

# The four statuses of the model statement, with the sentence each stands for.
STATUSSEN = {
    "voldoet volledig": "voldoet volledig aan",
    "voldoet gedeeltelijk": "voldoet gedeeltelijk aan",
    "eerste maatregelen": "heeft de eerste maatregelen genomen om te voldoen aan",
    "voldoet niet": "voldoet nog niet aan",
}
_TEKST = ("organisatie", "website")
_CONTACT = ("email", "telefoon", "reactietermijn")


@dataclass(frozen=True)
class Probleem:
    """One thing wrong in the file: where (line, field) and what to do."""
    regel: int | None
    veld: str
    melding: str

    def __str__(self) -> str:
        waar = f"Regel {self.regel}, veld {self.veld}" if self.regel else f"Veld {self.veld}"
        return f"{waar}: {self.melding}"


@dataclass(frozen=True)
class Beperking:
    """A known limit: what does not meet WCAG yet, why, and the date by which it is fixed."""
    wat: str
    waarom: str
    opgelost: date


@dataclass(frozen=True)
class Verklaring:
    """What the file holds that is valid; a field that was wrong or missing is None (see `problemen`)."""
    bestand: Path
    organisatie: str | None = None
    website: str | None = None
    status: str | None = None
    onderzoek_datum: date | None = None
    onderzoek_methode: str | None = None
    email: str | None = None
    telefoon: str | None = None
    reactietermijn: str | None = None
    ondertekend: date | None = None
    beperkingen: tuple[Beperking, ...] = ()
    problemen: tuple[Probleem, ...] = ()


def read(path: Path) -> Verklaring:
    """The statement in `path`: every valid field, and a Dutch problem for each wrong one."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Verklaring(path, problemen=(Probleem(None, "bestand", f"het bestand {path} bestaat niet. Zet het terug "
                                                    "of wijs met DASHBOARD_TOEGANKELIJKHEID een ander bestand aan."),))
    except (OSError, UnicodeDecodeError) as error:
        return Verklaring(path, problemen=(Probleem(None, "bestand", f"het bestand {path} is niet te lezen als "
                                                    f"UTF-8-tekst ({error.__class__.__name__})."),))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"at line (\d+)", str(error))
        return Verklaring(path, problemen=(Probleem(int(where.group(1)) if where else None, "bestand",
                                                    "dit is geen geldige TOML (let op aanhalingstekens rond tekst "
                                                    "en een = tussen naam en waarde)."),))
    return _Reader(text, path).statement(data)


class _Reader:
    """Checks one parsed file field by field, noting each problem with the line it is on."""

    def __init__(self, text: str, path: Path):
        self.lines = text.splitlines()
        self.path = path
        self.problemen: list[Probleem] = []

    def statement(self, data: dict) -> Verklaring:
        fields = {name: self.text(data, name) for name in _TEKST}
        status = self.text(data, "status")
        if status is not None and status not in STATUSSEN:
            self.wrong("status", f"'{status}' is geen status van de modelverklaring. Kies uit: "
                       + ", ".join(STATUSSEN) + ".")
            status = None
        onderzoek = self.table(data, "onderzoek")
        contact = self.table(data, "contact")
        return Verklaring(
            self.path, **fields, status=status,
            onderzoek_datum=self.day(onderzoek, "datum", "onderzoek"),
            onderzoek_methode=self.text(onderzoek, "methode", "onderzoek"),
            **{name: self.text(contact, name, "contact") for name in _CONTACT},
            ondertekend=self.day(data, "ondertekend"),
            beperkingen=self.limits(data),
            problemen=tuple(self.problemen),
        )

    def limits(self, data: dict) -> tuple[Beperking, ...]:
        found = data.get("beperking", [])
        if not isinstance(found, list) or not all(isinstance(item, dict) for item in found):
            self.wrong("beperking", "schrijf elke bekende beperking als een eigen blok [[beperking]].")
            return ()
        limits = []
        for number, item in enumerate(found, start=1):
            wat, waarom = self.text(item, "wat", "beperking", number), self.text(item, "waarom", "beperking", number)
            opgelost = self.day(item, "opgelost", "beperking", number)
            if wat and waarom and opgelost:
                limits.append(Beperking(wat, waarom, opgelost))
        return tuple(limits)

    def table(self, data: dict, name: str) -> dict:
        found = data.get(name, {})
        if isinstance(found, dict):
            return found
        self.wrong(name, f"hoort een blok [{name}] te zijn.")
        return {}

    def text(self, data: dict, name: str, table: str = "", number: int = 0) -> str | None:
        value = data.get(name)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
        self.wrong(name, "ontbreekt of is leeg; vul een tekst in tussen aanhalingstekens." if value is None or
                   isinstance(value, str) else "hoort tekst te zijn, tussen aanhalingstekens.", table, number)
        return None

    def day(self, data: dict, name: str, table: str = "", number: int = 0) -> date | None:
        value = data.get(name)
        if isinstance(value, date) and not hasattr(value, "hour"):
            return value
        self.wrong(name, "hoort een datum te zijn zonder aanhalingstekens, bijvoorbeeld 2027-06-30." if value is not None
                   else "ontbreekt; vul een datum in, bijvoorbeeld 2027-06-30.", table, number)
        return None

    def wrong(self, key: str, melding: str, table: str = "", number: int = 0) -> None:
        veld = f"{table}.{key}" if table else key
        self.problemen.append(Probleem(self.line(key, table, number), veld, melding))

    def line(self, key: str, table: str = "", number: int = 0) -> int | None:
        """The line where `key` is set: at the top of the file, in the [table] block, or in the number-th
        [[table]] block; for a key that is missing, the line of its block."""
        blocks = [i for i, line in enumerate(self.lines) if line.lstrip().startswith("[")]
        start = -1  # the top of the file, before the first block
        if table:
            header = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}\s*\]\]?\s*(#.*)?$")
            starts = [i for i in blocks if header.match(self.lines[i])]
            if len(starts) < max(number, 1):
                return None
            start = starts[max(number, 1) - 1]
        end = next((i for i in blocks if i > start), len(self.lines))
        setting = re.compile(rf"^\s*{re.escape(key)}\s*=")
        found = next((i for i in range(start + 1, end) if setting.match(self.lines[i])), None)
        if found is not None:
            return found + 1
        return start + 1 if table else None
