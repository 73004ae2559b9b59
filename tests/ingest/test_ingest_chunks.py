"""A file read in chunks behaves as one: all or nothing, every problem, keys unique across chunks."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dashboard.ingest import ImportRejected, import_file
from dashboard.ingest.undo import undo
from dashboard.models import ImportWijziging

from ingest_helpers import snapshot, value

HEADER = "indicator;gebied;partij;periode;waarde\n"
WIJKEN = [f"WK0505{w:02d}" for w in range(1, 11)]


@pytest.fixture
def area_db(db):
    import_file(db, ("code;naam;niveau;ouder\nGM0505;Dordrecht;gemeente;\n"
                     + "".join(f"{w};Wijk {w[-2:]};wijk;GM0505\n" for w in WIJKEN)).encode())
    import_file(db, b"naam;soort\nWoonstichting Een;corporatie\n")
    return db


def rows(count: int, offset: float = 0.0) -> list[str]:
    """`count` distinct keys (10 wijken x months x total/corporation), values 1 to 99."""
    out = []
    for i in range(count):
        wijk, month, partij = WIJKEN[i % 10], (i // 10) // 2, "Woonstichting Een" if (i // 10) % 2 else ""
        out.append(f"aandeel_sociale_huur;{wijk};{partij};{2000 + month // 12}-{month % 12 + 1:02d};"
                   f"{(i % 97 + 1 + offset):.1f}".replace(".", ","))
    return out


def data(lines: list[str]) -> bytes:
    return (HEADER + "\n".join(lines) + "\n").encode()


def refused(db, content: bytes, **options) -> list[tuple[int, str, str]]:
    before = snapshot(db)
    with pytest.raises(ImportRejected) as refusal:
        import_file(db, content, **options)
    assert snapshot(db) == before
    return [(p.line, p.column, p.message) for p in refusal.value.problems]


def test_many_chunks_give_what_one_chunk_gives(area_db, tmp_path):
    content = data(rows(1000))
    whole = import_file(area_db, content, dry_run=True)
    chunked = import_file(area_db, content, dry_run=True, chunk_rows=64)
    assert (chunked.status, chunked.rows_new, chunked.sample) == (whole.status, whole.rows_new, whole.sample)
    assert chunked.changes.equals(whole.changes)
    report = import_file(area_db, content, chunk_rows=64)
    assert (report.status, report.rows_new) == ("committed", 1000)
    written = snapshot(area_db)["observaties"]
    again = import_file(area_db, content, chunk_rows=64)
    assert (again.status, again.rows_unchanged) == ("unchanged", 1000)
    undo(area_db, report.batch_id)
    import_file(area_db, content)  # in one chunk
    assert snapshot(area_db)["observaties"] == written


def test_a_problem_in_a_later_chunk_rejects_the_whole_file_and_every_chunk_reports(area_db):
    lines = rows(1000)
    lines[10] = lines[10].replace("aandeel_sociale_huur", "aandeel_socale_huur")  # chunk 1, line 12
    lines[500] = lines[500].rsplit(";", 1)[0] + ";veel"  # chunk 8, line 502
    lines[-1] = lines[-1].rsplit(";", 1)[0] + ";140"  # the last line, 1001
    problems = refused(area_db, data(lines), chunk_rows=64)
    assert [(line, column) for line, column, _ in problems] == [(12, "indicator"), (502, "waarde"), (1001, "waarde")]
    assert "buiten het bereik" in problems[-1][2]


def test_a_key_in_an_early_and_a_late_chunk(area_db):
    lines = rows(300)
    twice = lines[3].rsplit(";", 1)[0]  # line 5
    clash = refused(area_db, data(lines + [twice + ";55,5"]), chunk_rows=50)
    assert clash == [(302, "waarde", "dezelfde indicator, gebied, partij en periode staan ook op regel 5 met "
                                      "een andere waarde.")]
    report = import_file(area_db, data(lines + [lines[3]]), chunk_rows=50)  # the same value again: harmless
    assert (report.status, report.rows_new) == ("committed", 300)


def test_keys_beyond_what_memory_holds_are_checked_from_a_file(area_db, monkeypatch):
    """A file of more keys than memory holds (millions; here 100) keeps each key once all the same,
    and names the line a key was first on, whether that key moved to the file or went there."""
    from dashboard.ingest import values

    monkeypatch.setattr(values, "SEEN_IN_MEMORY", 100)
    held = []
    add = values._SeenKeys.add
    monkeypatch.setattr(values._SeenKeys, "add", lambda self, *a: (add(self, *a), held.append(self.held))[0])
    lines = rows(300)
    early, late = lines[3].rsplit(";", 1)[0], lines[250].rsplit(";", 1)[0]  # lines 5 and 252
    clash = refused(area_db, data(lines + [early + ";55,5", late + ";55,5"]), chunk_rows=50)
    assert clash == [(line, "waarde", f"dezelfde indicator, gebied, partij en periode staan ook op regel {first} "
                                      "met een andere waarde.") for line, first in ((302, 5), (303, 252))]
    assert max(held) <= 100
    report = import_file(area_db, data(lines + [lines[3], lines[250]]), chunk_rows=50)  # the same values: harmless
    assert (report.status, report.rows_new) == ("committed", 300)


def test_changed_values_over_several_chunks_undo_exactly(area_db):
    first = import_file(area_db, data(rows(400)), chunk_rows=50)
    old = value(area_db, "aandeel_sociale_huur", "WK050501", "2000-01")
    changed = rows(400, offset=0.5)
    preview = import_file(area_db, data(changed + rows(450)[400:]), dry_run=True, chunk_rows=50)
    assert (preview.status, preview.rows_changed, preview.rows_new) == ("valid", 400, 50)
    assert preview.sample[0]["status"] == "changed"  # changed rows lead the sample, wherever they are
    second = import_file(area_db, data(changed + rows(450)[400:]), chunk_rows=50)
    assert (second.rows_changed, second.rows_new) == (400, 50)
    assert value(area_db, "aandeel_sociale_huur", "WK050501", "2000-01") == old + 0.5
    with area_db.make_session() as session:
        assert session.scalar(select(func.count()).select_from(ImportWijziging)
                              .where(ImportWijziging.batch_id == second.batch_id)) == 400
    undo(area_db, second.batch_id)
    assert value(area_db, "aandeel_sociale_huur", "WK050501", "2000-01") == old
    assert snapshot(area_db)["batches"] == 5 and first.rows_new == 400  # catalogue, gebieden, partijen, both


def test_a_quoted_file_reads_in_chunks_too(area_db):
    lines = ['"' + line.replace(";", '";"') + '"' for line in rows(200)]
    lines[150] = lines[150].replace("WK05", "WK99")  # line 152, chunk 4
    problems = refused(area_db, data(lines), chunk_rows=40)
    assert [(line, column) for line, column, _ in problems] == [(152, "gebied")]


def indexes(db) -> list[str]:
    """The indexes of the observaties table, as the database itself lists them."""
    with db.make_session() as session:
        if db.engine.dialect.name == "sqlite":
            query = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observaties'"
        else:
            query = "SELECT indexname FROM pg_indexes WHERE tablename = 'observaties'"
        return sorted(session.connection().exec_driver_sql(query).scalars())


def test_the_first_file_into_an_empty_table_leaves_its_indexes_and_key(area_db):
    """An empty table is filled without its indexes, which are built after the last chunk (SQLite):
    they are all back, the key still holds (a second file updates the rows), and a refused first
    file leaves them as they were."""
    before = indexes(area_db)
    lines = rows(300)
    refused(area_db, data(lines[:-1] + [lines[-1].rsplit(";", 1)[0] + ";veel"]), chunk_rows=64)
    assert indexes(area_db) == before
    assert import_file(area_db, data(lines), chunk_rows=64).rows_new == 300
    assert indexes(area_db) == before
    second = import_file(area_db, data(rows(300, offset=0.5)), chunk_rows=64)
    assert (second.status, second.rows_changed, second.rows_new) == ("committed", 300, 0)
    assert len(snapshot(area_db)["observaties"]) == 300
    assert value(area_db, "aandeel_sociale_huur", "WK050501", "2000-01") == 1.5


def stored(db) -> list[tuple]:
    """Every stored observation with the columns a period and a partij fill in."""
    from dashboard.models import Observatie

    with db.make_session() as session:
        return sorted(session.execute(select(
            Observatie.gebied_id, Observatie.partij_id, Observatie.periode, Observatie.jaar,
            Observatie.periode_soort, Observatie.volgnummer, Observatie.waarde)).all(), key=repr)


def test_periods_first_met_in_a_later_chunk_are_stored_whole_new_and_changed(area_db):
    """Years in the first chunk, quarters first in the second, months first in the third; with and
    without a partij: each row keeps its period's year, kind and number, its partij or none, and
    its value, whether written as new or as changed, file after file on the same database."""
    periods = ["2023", "2024", "2023-K2", "2024KW04", "2024-03", "2024MM11"]
    lines = [f"aandeel_sociale_huur;{wijk};{partij};{periode};{i % 90 + 1},5"
             for i, (periode, wijk, partij) in enumerate((p, w, partij) for p in periods for w in WIJKEN
                                                        for partij in ("", "Woonstichting Een"))]
    first = import_file(area_db, data(lines), chunk_rows=40)
    assert (first.status, first.rows_new) == ("committed", 120)
    rows = stored(area_db)
    assert {(r.periode, r.jaar, r.periode_soort, r.volgnummer) for r in rows} == {
        ("2023", 2023, "jaar", 0), ("2024", 2024, "jaar", 0), ("2023-K2", 2023, "kwartaal", 2),
        ("2024-K4", 2024, "kwartaal", 4), ("2024-03", 2024, "maand", 3), ("2024-11", 2024, "maand", 11)}
    assert sum(r.partij_id is None for r in rows) == 60 and len(rows) == 120
    assert sorted(r.waarde for r in rows) == sorted(float(line.rsplit(";", 1)[1].replace(",", ".")) for line in lines)
    changed = [line.rsplit(";", 1)[0] + ";7" for line in lines[::-1][:50]]  # the months first now
    second = import_file(area_db, data(changed + [lines[0]]), chunk_rows=16)
    assert (second.status, second.rows_changed, second.rows_unchanged) == ("committed", 50, 1)
    assert value(area_db, "aandeel_sociale_huur", WIJKEN[-1], "2024-11", "Woonstichting Een") == 7
    assert {(r.periode, r.jaar, r.periode_soort, r.volgnummer) for r in stored(area_db)} == {
        (r.periode, r.jaar, r.periode_soort, r.volgnummer) for r in rows}
    assert len(stored(area_db)) == 120


def test_problems_past_the_cap_are_counted_after_a_clean_chunk(area_db, monkeypatch):
    """The first chunk is clean and compared, a later one is wrong past the cap: the report still ends
    with how many more there were, in Dutch ('en nog 3 problemen.')."""
    from dashboard.ingest import importer

    monkeypatch.setattr(importer, "MAX_PROBLEMS", 2)
    wrong = [f"aandeel_sociale_huur;{WIJKEN[0]};;2001-0{m};140" for m in range(1, 6)]  # 140% is out of range
    before = snapshot(area_db)
    with pytest.raises(ImportRejected) as rejected:
        import_file(area_db, data(rows(20) + wrong), chunk_rows=20)
    assert [p.message for p in rejected.value.problems][-1] == "en nog 3 problemen."
    assert snapshot(area_db) == before
