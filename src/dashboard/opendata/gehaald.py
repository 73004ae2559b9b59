"""What a sync fetched, in the shape the importer reads: CBS rows as the CBS open-data CSV
(ID;RegioS;Perioden;one column per indicator), PDOK features as GeoJSON, each under the batch
name that is its provenance."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Gehaald:
    """A fetched source as the importer takes it: the batch name, the bytes, how to read them."""

    naam: str
    data: bytes
    kind: str | None = None
    format: str | None = None


def getal(value, scale: int) -> str:
    """An OData number as the CBS CSV writes it ('.' for CBS's empty cell), in whole units."""
    if value is None:
        return "."
    number = float(value) * scale
    return str(int(number)) if number.is_integer() else str(number).replace(".", ",")


def schaal(unit: str | None) -> int:
    """1000 for StatLine's units "1 000 euro" and "x 1 000 euro", else 1."""
    return 1000 if "1 000" in (unit or "").replace("\u00a0", " ") else 1


def cbs_csv(naam: str, kolommen: list[str], rijen: list[list[str]]) -> Gehaald:
    """Rows of (RegioS, Perioden, values in the order of `kolommen`, indicator keys) as one CBS CSV."""
    lines = [";".join(["ID", "RegioS", "Perioden", *kolommen])]
    lines += [";".join([str(number), *rij]) for number, rij in enumerate(rijen)]
    return Gehaald(naam, ("\n".join(lines) + "\n").encode(), "observaties", "cbs")
