"""Undo in any order: afterwards the values are what the remaining batches, imported in their order,
would have made them. A later batch that delivered a value already stored (counted "ongewijzigd")
owns it too, so undoing the batch that first wrote it keeps it (issue 19, item 5)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqlalchemy import func, select

from dashboard import queries
from dashboard.ingest import import_file
from dashboard.ingest.undo import UndoRefused, undo
from dashboard.models import Gebied

GEBIEDEN = ("GM0505", "WK050501")
PARTIJEN = ("", "Woonstichting Een")
PERIODEN = ("2022", "2023", "2024")
KEYS = [(g, p, t) for g in GEBIEDEN for p in PARTIJEN for t in PERIODEN]


def _areas(db) -> None:
    import_file(db, b"code;naam;niveau;ouder\nGM0505;Dordrecht;gemeente;\nWK050501;Binnenstad;wijk;GM0505\n")
    import_file(db, b"naam;soort\nWoonstichting Een;corporatie\n")


def _file(values: dict) -> bytes:
    lines = [f"sloop;{g};{p};{t};{str(v).replace('.', ',')}" for (g, p, t), v in values.items()]
    return ("indicator;gebied;partij;periode;waarde\n" + "\n".join(lines) + "\n").encode()


def _stored(db) -> dict:
    with db.make_session() as session:
        rows = queries.long_format(session)
    return {(r.gebied, r.partij, r.periode): r.waarde for r in rows.itertuples()}


def _replay(batches: list[dict]) -> dict:
    """What importing these files in this order into an empty database stores."""
    state: dict = {}
    for values in batches:
        state.update(values)
    return state


A, B, C, D, E = KEYS[:5]
W = {A: 10, B: 20, C: 30, E: 50}  # before X
X = {A: 1, B: 2, C: 3}  # overwrites all it delivers
Y = {B: 2, C: 33, D: 4}  # B as X left it (ongewijzigd), C changed, D new


@pytest.fixture
def history(db):
    """W, X and Y imported in that order; their batch ids."""
    _areas(db)
    ids = {}
    for name, values in (("W", W), ("X", X), ("Y", Y)):
        report = import_file(db, _file(values), filename=f"{name}.csv")
        assert report.status == "committed"
        ids[name] = report.batch_id
    y = import_file(db, _file(Y), dry_run=True)
    assert (y.rows_unchanged, y.rows_changed, y.rows_new) == (3, 0, 0)
    return ids


def test_undo_of_the_first_writer_keeps_what_a_later_batch_confirmed_and_changed(db, history):
    assert _stored(db) == _replay([W, X, Y])
    undo(db, history["X"])
    assert _stored(db) == _replay([W, Y]) == {A: 10, B: 2, C: 33, D: 4, E: 50}
    undo(db, history["Y"])
    assert _stored(db) == _replay([W]) == W
    undo(db, history["W"])
    assert _stored(db) == {}


def test_undo_newest_first_restores_every_value(db, history):
    undo(db, history["Y"])
    assert _stored(db) == _replay([W, X]) == {A: 1, B: 2, C: 3, E: 50}
    undo(db, history["X"])
    assert _stored(db) == W
    undo(db, history["W"])
    assert _stored(db) == {}


def test_undo_of_the_oldest_under_two_later_batches(db, history):
    undo(db, history["W"])
    assert _stored(db) == _replay([X, Y]) == {A: 1, B: 2, C: 33, D: 4}
    undo(db, history["Y"])
    assert _stored(db) == X
    undo(db, history["X"])
    assert _stored(db) == {}


def test_a_value_only_confirmed_still_counts_after_the_undo_of_its_writer(db):
    """The case of the issue: X writes a value, Y delivers it again beside a change, undo X."""
    _areas(db)
    x = import_file(db, _file({A: 7}), filename="x.csv")
    y = import_file(db, _file({A: 7, B: 8}), filename="y.csv")
    assert (y.rows_unchanged, y.rows_new) == (1, 1)
    undo(db, x.batch_id)
    assert _stored(db) == {A: 7, B: 8}
    undo(db, y.batch_id)
    assert _stored(db) == {}


def _reset(db) -> None:
    with db.import_session() as session:
        for table in ("observaties", "import_wijzigingen", "import_batches"):
            session.connection().exec_driver_sql(f"DELETE FROM {table}")


_IMPORT = st.dictionaries(st.sampled_from(KEYS), st.sampled_from([1, 2, 3.5]), min_size=1, max_size=6)
_STEPS = st.lists(st.one_of(_IMPORT, st.integers(min_value=0, max_value=7)), min_size=1, max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=_STEPS)
def test_any_sequence_of_imports_and_undos_equals_replaying_the_remaining_batches(db, steps):
    """Imports (a dict of values) and undos (an integer picks one of the batches so far)."""
    with db.make_session() as session:  # the gebieden and partij once per database, not per example
        if not session.scalar(select(func.count()).select_from(Gebied)):
            _areas(db)
    _reset(db)
    batches: list[tuple[int, dict]] = []  # every committed batch, in order
    undone: set[int] = set()
    for step in steps:
        if isinstance(step, dict):
            report = import_file(db, _file(step))
            if report.status == "committed":
                batches.append((report.batch_id, step))
            else:  # it changed nothing, so no batch was kept
                assert all(_stored(db).get(k) == v for k, v in step.items())
        elif batches:
            batch_id = batches[step % len(batches)][0]
            if batch_id in undone:
                with pytest.raises(UndoRefused, match="al ongedaan"):
                    undo(db, batch_id)
            else:
                undo(db, batch_id)
                undone.add(batch_id)
        assert _stored(db) == _replay([values for id_, values in batches if id_ not in undone])
    for batch_id, _ in reversed(batches):  # and everything undone, newest first, leaves nothing
        if batch_id not in undone:
            undo(db, batch_id)
    assert _stored(db) == {}
