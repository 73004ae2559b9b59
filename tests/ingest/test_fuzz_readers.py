"""Property-based tests over the readers, for each format the importer reads (issue 19, item 12).

Any bytes, and any text under a valid header, either import or are refused with the product's own
Dutch refusal (ImportRejected, of which UnreadableFile is one); a refusal stores nothing. Valid
generated files come back as they went in. Kept small (few examples, no deadline) so the whole
module runs in seconds on both databases.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from dashboard import export, queries
from dashboard.ingest import ImportRejected, import_file
from dashboard.ingest.importer import inspect
from dashboard.models import Gebied, Partij

from ingest_helpers import snapshot

FUZZ = settings(max_examples=15, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

HEADERS = {
    "lang": "indicator;gebied;partij;periode;waarde",
    "breed": "gebied;periode;partij;sloop;woningvoorraad_totaal",
    "cbs": '"ID";"RegioS";"Perioden";"sloop"',
    "streefwaarden": "indicator;gebied;partij;periode;streefwaarde",
    "gebieden": "code;naam;niveau;ouder;lat;lon",
    "partijen": "naam;soort;code",
    "indicatoren": "sleutel;naam;eenheid;richting;aggregatie;categorie;omschrijving;bron;min;max;gewicht",
}
# Cells that mean something somewhere (a code, a period, a number, a kind) and cells that do not.
MEANINGFUL = ["sloop", "woningvoorraad_totaal", "GM0505", "WK050501", "NL01", "2024", "2024-K1", "2024-13",
              "31-12-2026", "1.234,5", "1,234.5", "-0", "1e308", "nan", "inf", "", ".", "n.v.t.",
              "Woonstichting Een", "gemeente", "wijk", "corporatie", "som", "gemiddelde", "hoger", "%", "x" * 201]
ODD = st.text(alphabet=st.sampled_from(list("0123456789,.;-\" \t\r\nabzGMWK") + ["é", "€", "\u2028", "\ufeff",
                                                                                 "\x00", "\x1a", "😀"]),
              max_size=12)
CELL = st.one_of(st.sampled_from(MEANINGFUL), ODD)


@pytest.fixture
def ready(db):
    import_file(db, b"code;naam;niveau;ouder\nGM0505;Dordrecht;gemeente;\nWK050501;Binnenstad;wijk;GM0505\n")
    import_file(db, b"naam;soort\nWoonstichting Een;corporatie\n")
    return db


def _text_file(header: str, rows: list[list[str]], separator: str, encoding: str, crlf: bool) -> bytes:
    end = "\r\n" if crlf else "\n"
    text = header.replace(";", separator) + end + end.join(separator.join(row) for row in rows) + end
    return text.encode(encoding, errors="replace")


def _survives(db, data: bytes) -> None:
    """Imported, or refused with ImportRejected and nothing stored; inspect() the same."""
    before = snapshot(db)
    try:
        inspect(db, data)
    except ImportRejected as refused:
        assert refused.problems and all(isinstance(p.message, str) and p.message for p in refused.problems)
    try:
        import_file(db, data, filename="fuzz.csv")
    except ImportRejected as refused:
        assert refused.problems
        assert snapshot(db) == before


def _rows(width: int):
    return st.lists(st.lists(CELL, min_size=max(width - 1, 0), max_size=width + 1), max_size=6)


@settings(FUZZ, max_examples=40)
@given(data=st.data())
def test_any_text_under_a_valid_header_is_imported_or_refused_in_dutch(ready, data):
    header = HEADERS[data.draw(st.sampled_from(list(HEADERS)), label="format")]
    rows = data.draw(_rows(header.count(";") + 1), label="rows")
    separator = data.draw(st.sampled_from([";", ",", "\t"]), label="separator")
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]), label="encoding")
    _survives(ready, _text_file(header, rows, separator, encoding, data.draw(st.booleans(), label="crlf")))


@FUZZ
@given(data=st.one_of(st.binary(max_size=3000),
                      st.tuples(st.sampled_from([h.encode() + b"\n" for h in HEADERS.values()] + [b"{"]),
                                st.binary(max_size=3000)).map(b"".join)))
def test_any_bytes_are_imported_or_refused_in_dutch(ready, data):
    _survives(ready, data)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=20)
FEATURE = st.fixed_dictionaries({
    "type": st.just("Feature"),
    "properties": st.one_of(JSON, st.fixed_dictionaries({"statcode": st.one_of(st.sampled_from(["GM0505", "WK050502",
                                                                                                "BU05050201"]), JSON),
                                                          "statnaam": st.one_of(st.text(max_size=300), JSON)})),
    "geometry": st.one_of(JSON, st.fixed_dictionaries({"type": st.sampled_from(["Polygon", "MultiPolygon", "Point"]),
                                                        "coordinates": JSON})),
})


@FUZZ
@given(document=st.one_of(JSON, st.fixed_dictionaries({"type": st.just("FeatureCollection"),
                                                        "features": st.one_of(st.lists(FEATURE, max_size=3), JSON)})))
def test_any_json_is_imported_or_refused_in_dutch(ready, document):
    _survives(ready, ("{" if not isinstance(document, dict) else "").encode()
              + json.dumps(document, allow_nan=True).encode())


def test_deeply_nested_json_is_refused(ready):
    _survives(ready, b'{"type": "FeatureCollection", "features": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")


# --- round trips: what goes in valid comes back the same -------------------------------------------

KEYS = [(i, g, p, t) for i in ("sloop", "woningvoorraad_totaal") for g in ("GM0505", "WK050501")
        for p in ("", "Woonstichting Een") for t in ("2023", "2024-K2", "2024-05")]
VALUE = st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False).map(float)  # both count: min 0


@settings(FUZZ, max_examples=10)
@given(values=st.dictionaries(st.sampled_from(KEYS), VALUE, min_size=1, max_size=12),
       dutch=st.booleans(), crlf=st.booleans())
def test_valid_observaties_round_trip_through_import_and_export(ready, values, dutch, crlf):
    with ready.import_session() as session:  # each example from nothing stored
        for table in ("observaties", "import_wijzigingen"):
            session.connection().exec_driver_sql(f"DELETE FROM {table}")

    def number(v: float) -> str:
        return f"{v:.3f}".replace(".", ",") if dutch else f"{v:.3f}"

    rows = [[i, g, p, t, number(v)] for (i, g, p, t), v in values.items()]
    data = _text_file(HEADERS["lang"], rows, ";" if dutch else ",", "utf-8", crlf)
    report = import_file(ready, data)
    assert (report.status, report.rows_new) == ("committed", len(values))
    with ready.make_session() as session:
        stored = queries.long_format(session)
    normal = {"2024-K2": "2024-K2", "2024-05": "2024-05", "2023": "2023"}
    assert {(r.indicator, r.gebied, r.partij, r.periode): r.waarde for r in stored.itertuples()} == pytest.approx(
        {(i, g, p, normal[t]): v for (i, g, p, t), v in values.items()})
    again = import_file(ready, export.csv_bytes(stored))  # what export writes, import reads back unchanged
    assert (again.status, again.rows_unchanged) == ("unchanged", len(values))


NAME = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters='";,\t'),
               min_size=1, max_size=40).map(str.strip).filter(bool)


@settings(FUZZ, max_examples=10)
@given(names=st.lists(NAME, min_size=1, max_size=5, unique_by=str.lower))
def test_valid_partijen_and_gebieden_round_trip(ready, names):
    partijen = "naam;soort\n" + "".join(f"{n};welzijn\n" for n in names)
    import_file(ready, partijen.encode())
    gebieden = "code;naam;niveau;ouder\n" + "".join(f"WK0505{k:02d};{n};wijk;GM0505\n" for k, n in enumerate(names))
    import_file(ready, gebieden.encode("utf-8"))
    with ready.make_session() as session:
        stored = {p.naam.lower(): p.soort for p in session.scalars(select(Partij))}
        wijken = {g.code: g.naam for g in session.scalars(select(Gebied).where(Gebied.niveau == "wijk"))}
    assert all(stored[n.lower()] == "welzijn" for n in names)
    assert all(wijken[f"WK0505{k:02d}"] == n for k, n in enumerate(names))
