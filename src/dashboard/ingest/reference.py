"""Reference data: gebieden (CSV or CBS/PDOK GeoJSON), partijen and the indicator catalogue.

Small tables, so each row is compared and written through the ORM by its natural key
(gebied code, partij naam, indicator sleutel). Returns counts; raises nothing but Problems.
"""
from __future__ import annotations

import json
import math
from collections import Counter

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.ingest import areas, features, gebiedsindeling, ouders
from dashboard.ingest.problems import Problem
from dashboard.ingest.reader import EMPTY_VALUES, to_numbers
from dashboard.ingest.values import suggest
from dashboard.models import Gebied, Indicator, Partij
from dashboard.models.gegevens import AGGREGATIES, NIVEAUS, PARTIJ_SOORTEN, RICHTINGEN

Counts = Counter  # new, changed, unchanged


def _apply(obj, values: dict, counts: Counts, is_new: bool) -> None:
    changed = any(getattr(obj, k) != v for k, v in values.items())
    for k, v in values.items():
        setattr(obj, k, v)
    counts["new" if is_new else ("changed" if changed else "unchanged")] += 1


def _numbers(frame: pd.DataFrame, columns: tuple[str, ...], decimal: str, problems: list[Problem]) -> dict:
    """Optional number columns parsed at once (a Series per cell is slow for 18,000 gebieden):
    None where empty, and a problem for a cell that is not a number."""
    parsed = {}
    for column in (c for c in columns if c in frame):
        cells = frame[column]
        empty = cells.str.lower().isin(EMPTY_VALUES)
        numbers = to_numbers(cells, decimal)
        wrong = numbers.isna() & ~empty
        problems += [Problem(int(line), column, cell, "geen getal.")
                     for line, cell in zip(frame.loc[wrong, "_line"], cells[wrong])]
        parsed[column] = [None if pd.isna(n) else float(n) for n in numbers]
    return parsed


def _fits(frame: pd.DataFrame, model, columns: tuple[str, ...], problems: list[Problem]) -> None:
    """Text no longer than its column holds (PostgreSQL refuses more, SQLite would keep it)."""
    for column in (c for c in columns if c in frame):
        limit = model.__table__.c[column].type.length
        long = frame[column].str.len() > limit
        problems += [Problem(int(line), column, cell[:40] + "…", f"langer dan {limit} tekens; korter kan het wel.")
                     for line, cell in zip(frame.loc[long, "_line"], frame.loc[long, column])]


def _require(frame: pd.DataFrame, column: str, allowed: tuple[str, ...], problems: list[Problem]) -> None:
    for line, value in zip(frame["_line"], frame[column].str.lower()):
        if value not in allowed:
            problems.append(Problem(line, column, value,
                                    f"'{value}' is geen geldige {column}; kies uit {', '.join(allowed)}."))


def gebieden_csv(session: Session, frame: pd.DataFrame, decimal: str, problems: list[Problem],
                 notes: list[str]) -> Counts:
    """Gebieden from a CSV file. A gemeente without `ouder` gets its provincie (and the land) from the
    CBS gebiedsindeling; gebieden already there that waited for a parent in this file get it."""
    counts: Counts = Counter()
    frame = frame.assign(code=frame["code"].map(areas.normalise), niveau=frame["niveau"].str.lower(),
                         ouder=frame["ouder"].map(areas.normalise) if "ouder" in frame else "")
    _require(frame, "niveau", NIVEAUS, problems)
    _fits(frame, Gebied, ("naam",), problems)
    rows = list(zip(frame["_line"], frame.to_dict("records")))
    for line, row in rows:
        code, niveau = row["code"], row["niveau"]
        if areas.level(code) is None:
            problems.append(Problem(line, "code", code, f"geen CBS-code; gebruik {areas.FORMS}."))
        elif niveau in NIVEAUS and areas.level(code) != niveau:
            problems.append(Problem(line, "niveau", niveau, f"{code} is de code van een {areas.level(code)}, "
                                                            f"geen {niveau}."))
    numbers = _numbers(frame, ("lat", "lon"), decimal, problems)
    if problems:
        return counts
    existing = {g.code: g for g in session.scalars(select(Gebied))}
    in_file = frozenset(row["code"] for _, row in rows)
    for _, row in rows:
        if not row["ouder"] and row["niveau"] in ("gemeente", "provincie"):
            ouders.make_above(session, existing, row["code"], row["naam"], counts, notes, in_file)
    levels = {code: g.niveau for code, g in existing.items()} | {row["code"]: row["niveau"] for _, row in rows}
    parents = {}
    for line, row in rows:
        parents[row["code"]] = _parent(line, row, levels, problems)
    if problems:
        return counts
    # Level by level, parents first, each level flushed so its ids are there for the next: plain
    # batched INSERTs, where ORM relationships between rows of one flush cost a second per thousand.
    for niveau in NIVEAUS:
        for i, (_, row) in enumerate(rows):
            if row["niveau"] != niveau:
                continue
            gebied = existing.get(row["code"])
            is_new = gebied is None
            if is_new:
                gebied = existing[row["code"]] = Gebied(code=row["code"])
                session.add(gebied)
            ouder = parents[row["code"]]
            values = {"naam": row["naam"], "niveau": niveau, "ouder_id": existing[ouder].id if ouder else None}
            for column, parsed in numbers.items():
                if row[column]:
                    values[column] = parsed[i]
            _apply(gebied, values, counts, is_new)
        session.flush()
    ouders.adopt(existing, counts, in_file)
    session.flush()
    notes += _dissolved(existing[code] for code in sorted(in_file))
    return counts


def _dissolved(gebieden) -> list[str]:
    """A report line per dissolved gemeente: it stays as it is, with its own figures."""
    lines = []
    for gebied in gebieden:
        gemeente = gebiedsindeling.resolve(gebied.code) if gebied.niveau == "gemeente" else None
        if gemeente and gemeente.einde and gemeente.heet(gebied.naam):
            lines.append(f"{gebied.code} {gemeente.naam}: {gemeente.toelichting}; blijft een eigen gebied met "
                         "zijn eigen cijfers")
    return lines


def _parent(line: int, row: dict, levels: dict[str, str], problems: list[Problem]) -> str | None:
    """The `ouder` given, else the one the code implies when it is known; it must be one level up."""
    code, niveau, ouder = row["code"], row["niveau"], row["ouder"]
    implied = ouders.implied(code, row["naam"])
    if not ouder:
        return implied if implied in levels else None
    wanted = NIVEAUS[areas.rank(niveau) - 1] if niveau != "land" else None
    if wanted is None:
        message = "een land heeft geen bovenliggend gebied; laat ouder leeg."
    elif ouder not in levels:
        message = "onbekend bovenliggend gebied; neem het op in dit bestand of importeer het eerst."
    elif levels[ouder] != wanted:
        message = (f"{ouder} is een {levels[ouder]}; het bovenliggende gebied van een {niveau} is een {wanted} "
                   f"(land > provincie > gemeente > wijk > buurt).")
    elif areas.parent(code) and ouder != areas.parent(code):
        message = f"{code} ligt volgens zijn code in {areas.parent(code)}, niet in {ouder}."
    else:
        return ouder
    problems.append(Problem(line, "ouder", ouder, message))
    return None


def _centre(geometry: dict) -> tuple[float, float] | None:
    """The mean of the outer ring's points: good enough for a label or a map marker."""
    rings = geometry.get("coordinates") or []
    if geometry.get("type") == "MultiPolygon":
        rings = [polygon[0] for polygon in rings if polygon]
    else:
        rings = rings[:1]
    points = [point for ring in rings for point in ring]
    if not points:
        return None
    return (sum(p[1] for p in points) / len(points), sum(p[0] for p in points) / len(points))


def _is_polygon(coordinates, multi: bool) -> bool:
    """GeoJSON's shape: a Polygon is a list of rings, a ring a list of positions, a position two or
    more finite numbers; a MultiPolygon a list of Polygons."""
    def number(n) -> bool:
        return isinstance(n, (int, float)) and not isinstance(n, bool) and math.isfinite(n)

    def polygon(rings) -> bool:
        return isinstance(rings, list) and all(
            isinstance(ring, list) and all(isinstance(p, list) and len(p) >= 2 and all(map(number, p)) for p in ring)
            for ring in rings)

    return isinstance(coordinates, list) and (all(map(polygon, coordinates)) if multi else polygon(coordinates))


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def gebieden_geojson(session: Session, data: dict, problems: list[Problem], notes: list[str]) -> Counts:
    """CBS/PDOK boundaries (features.py reads their property names and RD New coordinates); adds
    missing areas under their parent, a gemeente under its provincie, and links earlier orphans."""
    counts: Counts = Counter()
    items = data.get("features") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(items, list):
        problems.append(Problem(1, "", "", "geen GeoJSON FeatureCollection."))
        return counts
    existing = {g.code: g for g in session.scalars(select(Gebied))}
    parsed = []
    limit = Gebied.__table__.c["naam"].type.length
    for number, feature in enumerate(items, start=1):
        code, naam = features.code_and_name(_mapping(_mapping(feature).get("properties")))
        code = areas.normalise(code)
        geometry = _mapping(_mapping(feature).get("geometry"))
        if not code:
            problems.append(Problem(number, "properties", "", f"feature {number}: geen gebiedscode; verwacht een van "
                                                              f"de eigenschappen {features.CODE_PROPERTIES}."))
        elif areas.level(code) is None:
            problems.append(Problem(number, "code", code[:40], f"feature {number}: geen CBS-code; gebruik {areas.FORMS}."))
        elif geometry.get("type") not in ("Polygon", "MultiPolygon"):
            problems.append(Problem(number, "geometry", str(geometry.get("type"))[:40],
                                    f"feature {number}: alleen Polygon of MultiPolygon."))
        elif not _is_polygon(geometry.get("coordinates", []), geometry["type"] == "MultiPolygon"):
            problems.append(Problem(number, "geometry", geometry["type"], (
                f"feature {number}: de coördinaten zijn geen {geometry['type']} (lijsten van punten met "
                "elk twee getallen).")))
        elif "\x00" in naam or len(naam) > limit:
            problems.append(Problem(number, "naam", naam[:40].replace("\x00", ""), (
                f"feature {number}: de naam is langer dan {limit} tekens of bevat een NUL-teken.")))
        elif (stelsel := features.system(geometry)) is None:
            problems.append(Problem(number, "geometry", code, f"feature {number}: de coördinaten zijn geen lengte- en "
                                                              "breedtegraden (WGS84) en liggen niet in Nederland in "
                                                              "RD New (EPSG:28992)."))
        else:
            parsed.append((code, naam or code, features.to_wgs84(geometry) if stelsel == "rd" else geometry))
    if problems:
        return counts
    in_file = frozenset(code for code, _, _ in parsed)
    for code, naam, _ in parsed:
        if areas.level(code) in ("gemeente", "provincie"):
            ouders.make_above(session, existing, code, naam, counts, notes, in_file)
    for code, naam, geometry in sorted(parsed, key=lambda item: areas.rank(areas.level(item[0]))):
        gebied = existing.get(code)
        is_new = gebied is None
        if is_new:
            gebied = existing[code] = Gebied(code=code, niveau=areas.level(code))
            session.add(gebied)
        centre = _centre(geometry)
        values = {"naam": naam if is_new else gebied.naam,
                  "geometrie": json.dumps(geometry, separators=(",", ":")),
                  "ouder": gebied.ouder or existing.get(ouders.implied(code, naam) or "")}
        if centre and (is_new or gebied.lat is None):
            values["lat"], values["lon"] = centre
        _apply(gebied, values, counts, is_new)
    ouders.adopt(existing, counts, in_file)
    session.flush()
    notes += _dissolved(existing[code] for code in sorted(in_file))
    return counts


def partijen(session: Session, frame: pd.DataFrame, problems: list[Problem]) -> Counts:
    counts: Counts = Counter()
    frame = frame.assign(soort=frame["soort"].str.lower())
    _require(frame, "soort", PARTIJ_SOORTEN, problems)
    _fits(frame, Partij, ("naam", "code"), problems)
    if problems:
        return counts
    existing = {p.naam.lower(): p for p in session.scalars(select(Partij))}
    _check_codes(frame, existing, problems)
    if problems:
        return counts
    for row in frame.to_dict("records"):
        partij = existing.get(row["naam"].lower())
        is_new = partij is None
        if is_new:
            partij = existing[row["naam"].lower()] = Partij(naam=row["naam"])
            session.add(partij)
        _apply(partij, {"soort": row["soort"], "code": row.get("code") or None}, counts, is_new)
    session.flush()
    return counts


def _check_codes(frame: pd.DataFrame, existing: dict[str, Partij], problems: list[Problem]) -> None:
    """A code names one partij: not one that another partij keeps in the database, nor one an
    earlier line of the file gave to another. Found before anything is written, with the line."""
    named = set(frame["naam"].str.lower())
    holders = {p.code: p.naam for key, p in existing.items() if p.code and key not in named}
    for line, row in zip(frame["_line"], frame.to_dict("records")):
        code = row.get("code") or ""
        holder = holders.setdefault(code, row["naam"]) if code else row["naam"]
        if holder.lower() != row["naam"].lower():
            problems.append(Problem(int(line), "code", code, f"code '{code}' bestaat al (partij '{holder}'). Geef "
                                                             "elke partij een eigen code, of laat code leeg."))


def indicatoren(session: Session, frame: pd.DataFrame, decimal: str, problems: list[Problem]) -> Counts:
    counts: Counts = Counter()
    frame = frame.assign(richting=frame["richting"].str.lower(), aggregatie=frame["aggregatie"].str.lower(),
                         sleutel=frame["sleutel"].str.lower())
    if "gewicht" in frame:
        frame["gewicht"] = frame["gewicht"].str.lower()
    _require(frame, "richting", RICHTINGEN, problems)
    _require(frame, "aggregatie", AGGREGATIES, problems)
    _fits(frame, Indicator, ("sleutel", "naam", "eenheid", "categorie", "bron"), problems)
    numbers = _numbers(frame, ("min", "max"), decimal, problems)
    existing = {i.sleutel: i for i in session.scalars(select(Indicator))}
    if "gewicht" in frame:
        aggregaties = {k: i.aggregatie for k, i in existing.items()} | dict(zip(frame["sleutel"], frame["aggregatie"]))
        for line, row in zip(frame["_line"], frame.to_dict("records")):
            _check_weight(line, row, aggregaties, problems)
    if problems:
        return counts
    for i, row in enumerate(frame.to_dict("records")):
        indicator = existing.get(row["sleutel"])
        is_new = indicator is None
        if is_new:
            indicator = existing[row["sleutel"]] = Indicator(sleutel=row["sleutel"])
            session.add(indicator)
        values = {
            "naam": row["naam"], "eenheid": row["eenheid"], "richting": row["richting"],
            "aggregatie": row["aggregatie"], "categorie": row.get("categorie", ""),
            "omschrijving": row.get("omschrijving", ""), "bron": row.get("bron", ""),
            "min_waarde": numbers["min"][i] if "min" in numbers else None,
            "max_waarde": numbers["max"][i] if "max" in numbers else None,
        }
        if "gewicht" in row:  # a file without the column leaves the weights as they are
            values["gewicht"] = row["gewicht"] or None
        _apply(indicator, values, counts, is_new)
    session.flush()
    return counts


def _check_weight(line: int, row: dict, aggregaties: dict[str, str], problems: list[Problem]) -> None:
    """A weight makes sense for a mean only, and only a count or a stock (som, laatste) can weigh."""
    gewicht = row["gewicht"]
    if not gewicht:
        return
    if row["aggregatie"] != "gemiddelde":
        message = (f"alleen een indicator met aggregatie gemiddelde heeft een gewicht; {row['sleutel']} wordt "
                   f"opgeteld ({row['aggregatie']}). Laat gewicht leeg.")
    elif gewicht == row["sleutel"]:
        message = "een indicator kan niet zijn eigen gewicht zijn."
    elif gewicht not in aggregaties:
        message = (f"onbekende indicator '{gewicht}'.{suggest(gewicht, list(aggregaties))} Het gewicht is de "
                   "sleutel van een indicator uit de catalogus of uit dit bestand.")
    elif aggregaties[gewicht] not in ("som", "laatste"):
        message = (f"{gewicht} is zelf een gemiddelde; een gewicht is een aantal of voorraad "
                   "(aggregatie som of laatste), zoals woningvoorraad_totaal.")
    else:
        return
    problems.append(Problem(line, "gewicht", gewicht, message))
