"""Export -> import reads back as unchanged, for any values the catalogue allows."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import export, queries
from dashboard.ingest import import_file

from ingest_helpers import snapshot

ROWS = st.lists(
    st.tuples(st.sampled_from(["sloop", "woningvoorraad_totaal", "aandeel_sociale_huur"]),
              st.sampled_from(["GM9901", "WK990101", "WK990108"]),
              st.sampled_from(["", "Woonstichting Denkbeeld Wonen", "Stichting Nergenshuis"]),
              st.sampled_from(["2031", "2031-K2", "2031-07", "2032"]),
              st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda v: round(v, 3))),
    min_size=1, max_size=30, unique_by=lambda row: row[:4])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ROWS)
def test_export_then_import_is_unchanged(demo_db, rows):
    data = "indicator;gebied;partij;periode;waarde\n" + "".join(
        f"{i};{g};{p};{t};{str(v).replace('.', ',')}\n" for i, g, p, t, v in rows)
    import_file(demo_db, data.encode("utf-8"))
    with demo_db.make_session() as session:
        exported = export.csv_bytes(queries.long_format(session))
    assert exported.startswith(b"\xef\xbb\xbf")
    before = snapshot(demo_db)
    report = import_file(demo_db, exported, filename="export.csv")
    assert (report.status, report.rows_new, report.rows_changed) == ("unchanged", 0, 0)
    assert report.rows_unchanged == len(before["observaties"])
    assert snapshot(demo_db) == before


def test_a_count_exports_without_a_decimal_and_reads_back_unchanged(demo_db):
    import_file(demo_db, b"indicator;gebied;partij;periode;waarde\n"
                         b"woningvoorraad_totaal;GM9901;;2031;474866\naandeel_sociale_huur;GM9901;;2031;33,25\n")
    with demo_db.make_session() as session:
        exported = export.csv_bytes(queries.long_format(session, ["woningvoorraad_totaal", "aandeel_sociale_huur"],
                                                        ["GM9901"], 2031, 2031))
    lines = exported.decode("utf-8-sig").splitlines()
    assert "woningvoorraad_totaal;GM9901;;2031;474866" in lines  # not 474866,0
    assert "aandeel_sociale_huur;GM9901;;2031;33,25" in lines
    before = snapshot(demo_db)
    report = import_file(demo_db, exported, filename="export.csv")
    assert (report.status, report.rows_unchanged) == ("unchanged", 2)
    assert snapshot(demo_db) == before
