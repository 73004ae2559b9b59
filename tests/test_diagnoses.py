"""Every database or disk failure becomes the right Dutch diagnosis, with nothing written, no traceback
and no connection details for whoever may not see them. Each fault is produced for real:

- disk full: SQLite's own `PRAGMA max_page_count` makes SQLite answer "database or disk is full"
  (SQLITE_FULL) the moment the file must grow; /dev/full gives the operating system's ENOSPC;
  PostgreSQL's SQLSTATE 53100 is raised by the server itself in a DO block;
- read-only: a SQLite file opened with `mode=ro` (a URL a beheerder may well use), SQLite's
  `PRAGMA query_only` under a running app, PostgreSQL's read-only transaction (25006), and a
  folder without write permission (chmod). chmod stops no one running as root (CI does), so there
  the command runs in a user namespace as uid 65534 (`unshare --user`), where root's powers are gone;
- locked: a second connection holds SQLite's write lock while the command waits out its busy timeout;
- unreachable: a PostgreSQL URL on a closed port;
- a clash: the real importer, on SQLite and PostgreSQL, and a raw unique violation in a transaction.
"""
from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.pool import Pool

from dashboard import cli, startup
from dashboard.db import DatabaseUnavailable, open_database
from dashboard.diagnosis import DatabaseProblem
from dashboard.ingest import ImportRejected, import_file
from dashboard.models import Partij

ROOT = Path(__file__).resolve().parents[1]
CLOSED_PORT = "postgresql+psycopg://beheer:geheim@127.0.0.1:1/monitor"
DAMAGED = "Het databasebestand is beschadigd"
PARTIJEN = "naam;soort;code\nWoonstichting De Haven;corporatie;WDH\nHuurdersraad Haven;huurdersorganisatie;HRH\n"


@contextmanager
def every_sqlite_connection(*pragmas: str, on: str = "connect"):
    """Each SQLite connection of this process (the app's and the command's too) runs these pragmas
    when it is made ("connect") or every time it is taken from a pool ("checkout")."""
    def apply(dbapi_connection, *_):
        for pragma in pragmas:
            dbapi_connection.execute(pragma)

    event.listen(Pool, on, apply)
    try:
        yield
    finally:
        event.remove(Pool, on, apply)


def pages(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA page_count").fetchone()[0]


def partijen_in(db) -> list[str]:
    with db.make_session() as session:
        return sorted(session.scalars(select(Partij.naam)))


@pytest.fixture
def sqlite_file(tmp_path, monkeypatch) -> Path:
    """A migrated SQLite database with its catalogue, and the command line pointed at it."""
    path = tmp_path / "monitor.db"
    database = open_database(f"sqlite:///{path}")
    startup.load_catalogue(database)
    database.engine.dispose()
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("DASHBOARD_DEMO", "0")
    return path


def run_cli(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    err = capsys.readouterr().err
    assert "Traceback" not in err and "sqlalchemy" not in err.lower() and "INSERT" not in err, err
    return code, err


# ------------------------------------------------------------------ disk full

def test_a_full_sqlite_disk_is_said_so_and_nothing_is_written(sqlite_file, tmp_path, capsys):
    partijen = tmp_path / "partijen.csv"
    partijen.write_text(PARTIJEN + "".join(f"Partij {n};overig;P{n}\n" for n in range(3000)))
    with every_sqlite_connection(f"PRAGMA max_page_count={pages(sqlite_file)}"):
        code, err = run_cli(capsys, "import", str(partijen))
    assert code == 2
    assert err.startswith("Fout: De schijf van de database is vol. Er is niets opgeslagen")
    assert str(sqlite_file) in err  # the details, for whoever runs the command line
    assert DAMAGED not in err and "reservekopie terug" not in err
    assert partijen_in(open_database(f"sqlite:///{sqlite_file}")) == []


def test_a_full_disk_under_an_export_is_said_so(sqlite_file, capsys):
    code, err = run_cli(capsys, "export", "--out", "/dev/full")  # the kernel's own ENOSPC
    assert code == 2
    assert err.startswith("Fout: /dev/full kan niet worden geschreven. De schijf is vol. Er is niets opgeslagen")


def test_a_full_postgresql_disk_53100_is_said_so(postgres):
    from dashboard.testing.postgres import postgres_database

    with postgres_database(postgres) as url:
        db = open_database(url)
        with pytest.raises(DatabaseProblem) as raised, db.session() as session:
            session.add(Partij(naam="Woonstichting De Haven", soort="corporatie"))
            session.flush()
            session.execute(text("DO $$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100'; END $$"))
        assert raised.value.diagnosis.kind == "vol"
        assert raised.value.diagnosis.headline == "De schijf van de database is vol."
        assert partijen_in(db) == []  # rolled back
        db.engine.dispose()


# ------------------------------------------------------------------ read-only

def test_a_read_only_sqlite_file_is_not_called_damaged(sqlite_file, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("een-lang-wachtwoord\n"))
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///file:{sqlite_file}?mode=ro&uri=true")
    before = sqlite_file.read_bytes()
    code, err = run_cli(capsys, "users", "add", "anna", "--role", "beheerder", "--password-stdin")
    assert code == 2
    assert err.startswith("Fout: De database kan nu alleen gelezen worden, niet beschreven.")
    assert "zet géén reservekopie terug" in err and DAMAGED not in err
    assert sqlite_file.read_bytes() == before
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{sqlite_file}")
    assert cli.main(["users", "list", "--json"]) == 0 and capsys.readouterr().out.strip() == "[]"


def test_a_read_only_postgresql_transaction_25006_is_said_so(postgres):
    from dashboard.testing.postgres import postgres_database

    with postgres_database(postgres) as url:
        db = open_database(url)
        with pytest.raises(DatabaseProblem) as raised, db.session() as session:
            session.execute(text("SET TRANSACTION READ ONLY"))
            session.add(Partij(naam="Woonstichting De Haven", soort="corporatie"))
        assert raised.value.diagnosis.kind == "alleen_lezen"
        assert "25006" not in raised.value.diagnosis.message
        assert partijen_in(db) == []
        db.engine.dispose()


def without_root() -> list[str]:
    """The command prefix that makes a folder's permission bits count. Root writes through any of
    them (CI runs as root), so root runs the command in a user namespace of its own as uid 65534:
    the kernel then checks root's files as their owner's, without the powers of root. Anyone else
    needs nothing."""
    if os.geteuid() != 0:
        return []
    return ["unshare", "--user", "--map-user=65534", "--map-group=65534"]


def test_a_read_only_folder_is_said_so_and_never_called_damaged(tmp_path):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    try:
        path = folder / "monitor.db"
        database = open_database(f"sqlite:///{path}")
        startup.load_catalogue(database)
        database.engine.dispose()
        for part in folder.iterdir():
            part.chmod(0o444)
        folder.chmod(0o555)
        before = path.read_bytes()
        env = {**os.environ, "DASHBOARD_DATABASE_URL": f"sqlite:///{path}", "DASHBOARD_DEMO": "0",
               "PYTHONPATH": str(ROOT / "src"), "HOME": str(folder)}
        done = subprocess.run([*without_root(), sys.executable, "-m", "dashboard", "users", "add", "anna", "--role",
                               "beheerder", "--password-stdin"], input="een-lang-wachtwoord\n", capture_output=True,
                              text=True, env=env, cwd=folder, timeout=120)
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith("Fout: De database kan nu alleen gelezen worden, niet beschreven."), done.stderr
        assert "Traceback" not in done.stderr and DAMAGED not in done.stderr
        assert f"De map {folder}" in done.stderr  # the detail names the folder
        assert path.read_bytes() == before

        new = subprocess.run([*without_root(), sys.executable, "-m", "dashboard", "init"], capture_output=True, text=True,
                             env={**env, "DASHBOARD_DATABASE_URL": f"sqlite:///{folder / 'nieuw.db'}"}, cwd=folder,
                             timeout=120)
        assert new.returncode == 2, new.stderr
        assert new.stderr.startswith("Fout: De database kan nu alleen gelezen worden"), new.stderr
        assert not (folder / "nieuw.db").exists()
    finally:
        folder.chmod(0o755)


# ------------------------------------------------------------------ locked

def test_a_locked_sqlite_database_is_busy_not_damaged(sqlite_file, capsys):
    holder = sqlite3.connect(sqlite_file, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another writer holds the lock past the command's busy timeout
    try:
        code, err = run_cli(capsys, "share", "create", "--label", "Gemeenteraad")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2
    assert err.startswith("Fout: De database is nu te druk of bezet door een andere schrijver")
    assert "Probeer het over een ogenblik opnieuw" in err and DAMAGED not in err
    assert cli.main(["share", "list", "--json"]) == 0 and capsys.readouterr().out.strip() == "[]"


# ------------------------------------------------------------------ unreachable

def test_an_unreachable_server_shows_its_address_only_in_the_details():
    with pytest.raises(DatabaseUnavailable) as raised:
        open_database(CLOSED_PORT)
    found = raised.value.diagnosis
    assert found.kind == "onbereikbaar" and found.headline == "De database is niet bereikbaar."
    for secret in ("geheim", "beheer@", "127.0.0.1", "monitor"):
        assert secret not in found.message
    assert "127.0.0.1:1/monitor" in found.detail and "geheim" not in found.detail


def test_the_cli_names_the_unreachable_server_without_its_password(monkeypatch, capsys):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", CLOSED_PORT)
    code, err = run_cli(capsys, "users", "list")
    assert code == 2
    assert err.startswith("Fout: De database is niet bereikbaar.")
    assert "127.0.0.1:1/monitor" in err and "geheim" not in err


# ------------------------------------------------------------------ a value that exists already

def test_an_import_reusing_a_partij_code_names_the_line_and_the_holder(db, tmp_path):
    first = tmp_path / "partijen.csv"
    first.write_text(PARTIJEN)
    import_file(db, first)
    again = tmp_path / "meer-partijen.csv"
    again.write_text("naam;soort;code\nBuurtvereniging Kade;overig;BVK\nZorgpartner Oost;zorg;WDH\n")
    with pytest.raises(ImportRejected) as rejected:
        import_file(db, again)
    (problem,) = rejected.value.problems
    assert (problem.line, problem.column, problem.value) == (3, "code", "WDH")
    assert str(problem).startswith("Regel 3, kolom code: code 'WDH' bestaat al (partij 'Woonstichting De Haven').")
    assert partijen_in(db) == ["Huurdersraad Haven", "Woonstichting De Haven"]


def test_a_code_twice_in_one_file_and_a_code_moved_between_partijen(db, tmp_path):
    twice = tmp_path / "twee-keer.csv"
    twice.write_text("naam;soort;code\nA-partij;overig;X1\nB-partij;overig;X1\n")
    with pytest.raises(ImportRejected) as rejected:
        import_file(db, twice)
    assert [str(p) for p in rejected.value.problems] == [
        "Regel 3, kolom code: code 'X1' bestaat al (partij 'A-partij'). Geef elke partij een eigen code, of laat code leeg."]
    once = tmp_path / "een-keer.csv"
    once.write_text("naam;soort;code\nA-partij;overig;X1\n")
    import_file(db, once)
    moved = tmp_path / "verhuisd.csv"  # A gives up X1 in the same file that gives it to B: allowed
    moved.write_text("naam;soort;code\nA-partij;overig;X2\nB-partij;overig;X1\n")
    assert import_file(db, moved).status == "committed"


def test_the_cli_rejects_a_reused_code_in_dutch_and_exits_1(sqlite_file, tmp_path, capsys):
    first = tmp_path / "partijen.csv"
    first.write_text(PARTIJEN)
    assert cli.main(["import", str(first)]) == 0
    again = tmp_path / "meer.csv"
    again.write_text("naam;soort;code\nBuurtvereniging Kade;overig;BVK\nZorgpartner Oost;zorg;WDH\n")
    capsys.readouterr()
    code, err = run_cli(capsys, "import", str(again))
    assert code == 1
    assert "Regel 3, kolom code: code 'WDH' bestaat al (partij 'Woonstichting De Haven')." in err
    assert "IntegrityError" not in err and "UNIQUE" not in err


def test_a_raw_unique_violation_is_a_dutch_clash_and_rolled_back(db):
    with db.session() as session:
        session.add(Partij(naam="Woonstichting De Haven", soort="corporatie", code="WDH"))
    with pytest.raises(DatabaseProblem) as raised, db.session() as session:
        session.add(Partij(naam="Buurtvereniging Kade", soort="overig"))
        session.flush()
        session.add(Partij(naam="Zorgpartner Oost", soort="zorg", code="WDH"))
    found = raised.value.diagnosis
    assert found.kind == "botsing"
    assert found.headline == "De code 'WDH' bestaat al in partijen."
    assert "INSERT" not in found.for_beheerder
    assert partijen_in(db) == ["Woonstichting De Haven"]


# ------------------------------------------------------------------ damaged: only a real corruption

def test_only_a_real_corruption_is_called_damaged(tmp_path):
    damaged = tmp_path / "kapot.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8192)  # a header, then nonsense
    with pytest.raises(DatabaseUnavailable) as raised:
        open_database(f"sqlite:///{damaged}")
    assert raised.value.diagnosis.kind == "beschadigd"
    assert raised.value.diagnosis.headline == "Het databasebestand is beschadigd of geen SQLite-database."


def test_a_missing_folder_that_cannot_be_made_is_not_damaged(tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    with pytest.raises(DatabaseUnavailable) as raised:
        open_database(f"sqlite:///{blocker / 'monitor.db'}")
    assert raised.value.diagnosis.kind != "beschadigd"
    assert "Traceback" not in str(raised.value)


# ------------------------------------------------------------------ on the pages

def test_anonymous_visitors_see_no_host_or_user_when_postgresql_is_down(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DASHBOARD_DATABASE_URL", CLOSED_PORT)
    monkeypatch.setenv("DASHBOARD_MEDIA_DIR", str(tmp_path / "media"))
    monkeypatch.setenv("DASHBOARD_SECRET_KEY", "onbereikbaar")
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    shown = " ".join(e.value for e in at.error) + " ".join(c.value for c in at.caption)
    assert "De database is niet bereikbaar." in shown
    for secret in ("127.0.0.1", "beheer:", "beheer@", "geheim", "monitor", "postgresql"):
        assert secret not in shown


def test_a_form_on_a_read_only_database_says_so_in_dutch(app_as):
    at = app_as("redacteur").switch_page("pages/presentatie.py").run()
    with every_sqlite_connection("PRAGMA query_only=ON", on="checkout"):
        at.text_input(key="nieuwe_vergadering_titel").input("Extra stuurgroep")
        at.button(key="FormSubmitter:nieuwe_vergadering-Vergadering aanmaken").click().run()
    assert not at.exception
    shown = [e.value for e in at.error]
    assert any(text.startswith("**De database kan nu alleen gelezen worden, niet beschreven.** Er is niets opgeslagen")
               for text in shown), shown
    assert not any(".db" in text for text in shown + [c.value for c in at.caption])
    assert not any("De vergadering staat klaar" in s.value for s in at.toast)


def _failing_run():
    """A run whose write fails for real (the test turns on PRAGMA query_only), for this visitor."""
    import streamlit as st
    from sqlalchemy import text

    from dashboard.toegang.access import Visitor
    from dashboard.ui import runtime, visitor

    role, share = st.session_state["rol"], st.session_state["deellink"]
    visitor._THIS_RUN.visitor = (Visitor(name="test", role=role, share_pages=frozenset({"dashboard"}) if share else None)
                                 if role else None)  # as visitor.establish() leaves it
    with runtime.database_errors():
        with runtime.database().session() as session:
            session.execute(text("INSERT INTO partijen (naam, soort) VALUES ('Buurtvereniging Kade', 'overig')"))


@pytest.mark.parametrize("role, share, details", [("beheerder", False, True), ("redacteur", False, False),
                                                  ("lezer", True, False), (None, False, False)])
def test_a_failed_run_shows_the_details_to_a_beheerder_only(app_env, role, share, details):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_failing_run, default_timeout=60)
    at.session_state["rol"], at.session_state["deellink"] = role, share
    with every_sqlite_connection("PRAGMA query_only=ON", on="checkout"):
        at.run()
    assert not at.exception
    assert [e.value.split("**")[1] for e in at.error] == ["De database kan nu alleen gelezen worden, niet beschreven."]
    captions = [c.value for c in at.caption]
    if details:
        assert captions == [f"Voor de beheerder: Database: het bestand {app_env}. Melding: attempt to write a readonly database"]
    else:
        assert captions == [] and str(app_env) not in " ".join(e.value for e in at.error)
