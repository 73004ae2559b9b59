"""Rebuild data/gebiedsindeling/gemeenten.csv from the sources vendored in data/gebiedsindeling/bron/.

    python scripts/gebiedsindeling.py

Sources (see data/gebiedsindeling/README.md for where each came from):
- gemeentelijke-indeling.xml: CBS's "Gemeentelijke indeling op 1 januari" per year, as kept by
  NLExtract: per year, per provincie, every gemeente with its code, name, start and end date.
- rvig-tabel33-gemeenten-2020.csv: RvIG Landelijke tabel 33 (2020), the code each dissolved
  gemeente went into ("Nieuwe code").
- herindelingen-2021-2023.csv: the same for the herindelingen after that table, one line per law.

One row per gemeente code that ever appears: its latest name, its provincie, when it began and
ended, what it went into, and every other name it had or that CBS prints for it in exports.
"""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "data" / "gebiedsindeling"
SOURCES = FOLDER / "bron"
NS = {"n": "http://nlextract.nl"}
# StatLine's region names for a gemeente that shares its name with a provincie or a larger region
# (as in CBS's own exports, e.g. table 82900NED); the other suffixes ("Beek (L.)", "Bergen (NH.)")
# are the gemeenten's official CBS names and come with the XML.
CBS_EXPORT_NAMES = {"GM0014": "Groningen (gemeente)", "GM0344": "Utrecht (gemeente)",
                    "GM0518": "'s-Gravenhage (gemeente)"}
COLUMNS = ("code", "naam", "provincie", "provincienaam", "begin", "einde", "opgegaan_in", "namen")


def gm(number: str | int) -> str:
    return f"GM{int(number):04d}"


def read_indeling(path: Path) -> dict[str, dict]:
    """Per code: names by year, latest provincie, first start and last end date."""
    gemeenten: dict[str, dict] = {}
    provincies: dict[str, str] = {}
    for indeling in sorted(ET.parse(path).getroot().findall("n:indeling", NS), key=lambda e: int(e.get("jaar"))):
        jaar = int(indeling.get("jaar"))
        for provincie in indeling.findall("n:provincie", NS):
            pv = f"PV{int(provincie.get('code')):02d}"
            provincies[pv] = provincie.get("naam")
            for element in provincie.findall("n:gemeente", NS):
                row = gemeenten.setdefault(gm(element.get("code")), {"names": {}, "begin": element.get("begindatum"),
                                                                     "einde": ""})
                row["names"][element.get("naam")] = jaar
                row["provincie"] = pv
                row["begin"] = min(row["begin"], element.get("begindatum"))
                row["einde"] = max(row["einde"], element.get("einddatum") or "")
    for row in gemeenten.values():
        row["provincienaam"] = provincies[row["provincie"]]
    return gemeenten


def read_successors() -> dict[str, str]:
    """{code of a dissolved gemeente: the code(s) it went into, space-separated}."""
    successors = {}
    text = (SOURCES / "rvig-tabel33-gemeenten-2020.csv").read_bytes().decode("utf-16")
    for row in csv.reader(io.StringIO(text)):
        if row and row[0].isdigit() and len(row) > 2 and row[2].strip():
            successors[gm(row[0])] = gm(row[2])
    lines = (SOURCES / "herindelingen-2021-2023.csv").read_text(encoding="utf-8").splitlines()
    for row in csv.DictReader((line for line in lines if not line.startswith("#")), delimiter=";"):
        successors[gm(row["gemeentecode"])] = " ".join(gm(code) for code in row["opgegaan_in"].split())
    return successors


def build() -> list[dict]:
    gemeenten = read_indeling(SOURCES / "gemeentelijke-indeling.xml")
    successors = read_successors()
    rows = []
    for code, row in sorted(gemeenten.items()):
        names = sorted(row["names"], key=lambda name: row["names"][name])
        naam = names[-1]  # the name of the latest year it appears in
        others = list(names[:-1]) + ([CBS_EXPORT_NAMES[code]] if code in CBS_EXPORT_NAMES else [])
        opgegaan_in = successors.get(code, "") if row["einde"] else ""
        if row["einde"] and not opgegaan_in:
            print(f"{code} {naam}: opgeheven op {row['einde']}, geen opvolger in de bronnen")
        rows.append({"code": code, "naam": naam, "provincie": row["provincie"], "provincienaam": row["provincienaam"],
                     "begin": row["begin"], "einde": row["einde"], "opgegaan_in": opgegaan_in,
                     "namen": "|".join(others)})
    return rows


def main() -> None:
    rows = build()
    with (FOLDER / "gemeenten.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS, delimiter=";", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} gemeenten geschreven naar {FOLDER / 'gemeenten.csv'}")


if __name__ == "__main__":
    main()
