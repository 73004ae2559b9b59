"""The data version rises with every committed import, undo and edit, and only then: it keys the shared caches."""
from __future__ import annotations

import pytest

from dashboard import afspraken, data_version
from dashboard.ingest import import_file
from dashboard.ingest.undo import undo
from dashboard.toegang import access

CHANGE = ("indicator;gebied;partij;periode;waarde\n"
          "aandeel_sociale_huur;GM9901;;2024;44\n").encode()
REDACTIE = access.Visitor("redactie", "redacteur")


def version(db) -> int:
    with db.make_session() as session:
        return data_version.current(session)


def test_import_and_undo_each_raise_the_version(demo_db):
    start = version(demo_db)
    report = import_file(demo_db, CHANGE)
    assert version(demo_db) == start + 1
    undo(demo_db, report.batch_id)
    assert version(demo_db) == start + 2


def test_dry_run_unchanged_file_and_rejected_file_leave_it(demo_db):
    import_file(demo_db, CHANGE)
    start = version(demo_db)
    import_file(demo_db, CHANGE, dry_run=True)
    import_file(demo_db, CHANGE)  # the same content again: unchanged
    with pytest.raises(Exception):
        import_file(demo_db, CHANGE.replace(b"44", b"140"))  # a share above 100: rejected
    assert version(demo_db) == start


def test_an_edit_raises_it_and_a_refused_edit_does_not(demo_db):
    start = version(demo_db)
    with pytest.raises(access.NotAllowed), demo_db.session() as session:
        afspraken.add_voortgang(session, access.Visitor("raadslid", "lezer"),
                                afspraken.VoortgangInvoer(afspraak_id=1, status="op_koers"))
    assert version(demo_db) == start
    with demo_db.session() as session:
        afspraken.add_voortgang(session, REDACTIE, afspraken.VoortgangInvoer(afspraak_id=1, status="op_koers"))
    assert version(demo_db) == start + 1
