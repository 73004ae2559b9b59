"""Dry runs write nothing, the same file twice changes nothing, and undo puts back what was there."""
from __future__ import annotations

import pytest

from dashboard import queries
from dashboard.ingest import import_file
from dashboard.ingest.undo import UndoRefused, history, undo

from ingest_helpers import snapshot, value

HEADER = "indicator;gebied;partij;periode;waarde\n"
CHANGE = (HEADER + "aandeel_sociale_huur;GM9901;;2024;44\n"
                   "sloop;GM9901;Woonstichting Denkbeeld Wonen;2040;7\n").encode()


def test_dry_run_reports_old_and_new_and_writes_nothing(demo_db):
    before = snapshot(demo_db)
    old = value(demo_db, "aandeel_sociale_huur", "GM9901", "2024")
    report = import_file(demo_db, CHANGE, dry_run=True)
    assert (report.status, report.rows_new, report.rows_changed, report.batch_id) == ("valid", 1, 1, None)
    changed = [row for row in report.sample if row["status"] == "changed"]
    assert changed == [{"line": 2, "indicator": "aandeel_sociale_huur", "gebied": "GM9901", "partij": "",
                        "periode": "2024", "status": "changed", "old": old, "new": 44.0}]
    assert snapshot(demo_db) == before


def test_same_content_twice_is_unchanged_and_writes_no_batch(demo_db):
    first = import_file(demo_db, CHANGE)
    assert first.status == "committed"
    before = snapshot(demo_db)
    again = import_file(demo_db, CHANGE.replace(b"\n", b"\r\n"))
    assert (again.status, again.rows_unchanged, again.batch_id) == ("unchanged", 2, None)
    assert snapshot(demo_db) == before


def test_undo_restores_overwritten_values_and_removes_added_ones(demo_db):
    before = snapshot(demo_db)
    report = import_file(demo_db, CHANGE, user="tester")
    assert value(demo_db, "aandeel_sociale_huur", "GM9901", "2024") == 44
    batch = history(demo_db).iloc[0]
    assert (batch["batch_id"], batch["gebruiker"], batch["rows_new"], batch["rows_changed"]) == (
        report.batch_id, "tester", 1, 1)
    assert len(batch["sha256"]) == 64
    undo(demo_db, report.batch_id)
    after = snapshot(demo_db)
    assert after["observaties"] == before["observaties"]
    assert history(demo_db).iloc[0]["status"] == "ongedaan"
    with pytest.raises(UndoRefused, match="al ongedaan"):
        undo(demo_db, report.batch_id)


def test_undo_of_a_batch_a_later_one_overwrote_keeps_the_later_values(demo_db):
    original = value(demo_db, "aandeel_sociale_huur", "GM9901", "2024")
    first = import_file(demo_db, CHANGE, filename="eerste.csv")
    second = import_file(demo_db, CHANGE.replace(b";44", b";45"), filename="tweede.csv")
    undo(demo_db, first.batch_id)  # the second batch's 45 stays, its unchanged 7 too
    assert value(demo_db, "aandeel_sociale_huur", "GM9901", "2024") == 45
    assert value(demo_db, "sloop", "GM9901", "2040", "Woonstichting Denkbeeld Wonen") == 7
    undo(demo_db, second.batch_id)
    assert value(demo_db, "aandeel_sociale_huur", "GM9901", "2024") == original
    assert value(demo_db, "sloop", "GM9901", "2040", "Woonstichting Denkbeeld Wonen") is None


def test_undo_of_reference_data_is_explained(demo_db):
    report = import_file(demo_db, b"naam;soort\nStichting Nieuw;welzijn\n")
    with pytest.raises(UndoRefused, match="alleen imports van observaties en streefwaarden"):
        undo(demo_db, report.batch_id)


def _stored(db) -> dict:
    with db.make_session() as session:
        rows = queries.long_format(session)
    return {(r.gebied, r.partij, r.periode): r.waarde for r in rows.itertuples()}


def test_a_file_of_many_statements_is_written_whole_and_undone_whole(db):
    """1,234 rows: twelve full multi-row statements and a remainder, on every database."""
    import_file(db, b"code;naam;niveau;ouder\nGM0505;Dordrecht;gemeente;\nWK050501;Binnenstad;wijk;GM0505\n")
    import_file(db, b"naam;soort\nWoonstichting Een;corporatie\n")
    keys = [(gebied, partij, f"{1950 + m // 12}-{m % 12 + 1:02d}")
            for m in range(309) for gebied in ("GM0505", "WK050501") for partij in ("", "Woonstichting Een")][:1234]

    def file(values) -> bytes:
        lines = [f"sloop;{g};{p};{periode};{str(v).replace('.', ',')}" for (g, p, periode), v in zip(keys, values)]
        return ("indicator;gebied;partij;periode;waarde\n" + "\n".join(lines) + "\n").encode()

    first = [i / 2 for i in range(len(keys))]
    assert import_file(db, file(first)).rows_new == 1234
    assert _stored(db) == dict(zip(keys, first))
    second = [v + 1 if i % 8 == 0 else v for i, v in enumerate(first)]
    report = import_file(db, file(second))
    assert (report.rows_changed, report.rows_unchanged) == (155, 1079)
    assert _stored(db) == dict(zip(keys, second))
    undo(db, report.batch_id)
    assert _stored(db) == dict(zip(keys, first))


def test_an_undo_is_in_the_audit_log_with_who_and_from_where(demo_db):
    from sqlalchemy import select

    from dashboard.models import AuditLog

    report = import_file(demo_db, CHANGE, user="tester")
    undo(demo_db, report.batch_id, gebruiker="gegevens", adres="192.0.2.7")
    with demo_db.make_session() as session:
        line = session.scalars(select(AuditLog).where(AuditLog.actie == "import_ongedaan")).one()
    assert (line.gebruiker, line.object, line.adres) == ("gegevens", f"import {report.batch_id}", "192.0.2.7")
    assert line.tijdstip is not None and "observaties" in line.details
