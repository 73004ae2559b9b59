"""A CBS or PDOK boundary feature as the gebieden import reads it: code, name, geometry in WGS84.

CBS and PDOK name the code after the level and write it in any case: `statcode`/`statnaam`
(gebiedsindelingen), `buurtcode`/`buurtnaam`, `wijkcode`/`wijknaam`, `gemeentecode`/`gemeentenaam`
(wijk- en buurtkaart, PDOK OGC API: `wijkCode`/`wijkNaam`), `bu_code`/`bu_naam` and their kin
(the shapefiles' columns). A feature of a wijk also names its gemeente, so the most precise code
is the feature's own. Coordinates come in WGS84 or in RD New (EPSG:28992, the Dutch grid in
metres, which CBS and PDOK also publish); the map needs WGS84, so RD New is transformed with pyproj.
"""
from __future__ import annotations

from functools import cache

# Most precise first: a buurt's feature carries its wijk's and gemeente's code too.
CODE_AND_NAME = (("statcode", "statnaam"), ("buurtcode", "buurtnaam"), ("bu_code", "bu_naam"),
                 ("wijkcode", "wijknaam"), ("wk_code", "wk_naam"), ("gemeentecode", "gemeentenaam"),
                 ("gm_code", "gm_naam"))
CODE_PROPERTIES = ", ".join(code for code, _ in CODE_AND_NAME)
# RD New covers the Netherlands within these bounds (metres); WGS84 stays within ±180 degrees.
_RD_X, _RD_Y = (-7_000, 300_000), (289_000, 629_000)


def code_and_name(properties: dict) -> tuple[str, str]:
    """('WK036300', 'Burgwallen-Oude Zijde') from a feature's properties, any case; ('', '') when none."""
    lowered = {str(key).lower(): value for key, value in (properties or {}).items()}
    for code, naam in CODE_AND_NAME:
        if str(lowered.get(code) or "").strip():
            return str(lowered[code]), str(lowered.get(naam) or "").strip()
    return "", ""


def _points(coordinates) -> list[list[float]]:
    """Every [x, y] of a Polygon's or MultiPolygon's nested coordinates."""
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [coordinates]
    return [point for part in coordinates or [] for point in _points(part)]


def system(geometry: dict) -> str | None:
    """'wgs84', 'rd' or None (neither) for a geometry's coordinates."""
    points = _points(geometry.get("coordinates"))
    if all(abs(p[0]) <= 180 and abs(p[1]) <= 90 for p in points):
        return "wgs84"
    if all(_RD_X[0] <= p[0] <= _RD_X[1] and _RD_Y[0] <= p[1] <= _RD_Y[1] for p in points):
        return "rd"
    return None


@cache
def _rd_to_wgs84():
    from pyproj import Transformer  # loaded only when a file in RD New arrives

    return Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)


def to_wgs84(geometry: dict) -> dict:
    """The geometry with RD New coordinates replaced by longitude/latitude (6 decimals, 0.1 m)."""
    transform = _rd_to_wgs84().transform

    def convert(coordinates):
        if coordinates and isinstance(coordinates[0], (int, float)):
            return coordinates
        if coordinates and isinstance(coordinates[0][0], (int, float)):  # a ring: all its points at once
            lons, lats = transform([p[0] for p in coordinates], [p[1] for p in coordinates])
            return [[round(lon, 6), round(lat, 6)] for lon, lat in zip(lons, lats)]
        return [convert(part) for part in coordinates]

    return {**geometry, "coordinates": convert(geometry.get("coordinates") or [])}
