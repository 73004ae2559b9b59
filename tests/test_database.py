"""Database trouble becomes a Dutch message; a damaged file is never overwritten or reset."""
import pytest
from sqlalchemy import inspect

from dashboard import cli
from dashboard.db import DatabaseUnavailable, open_database


def test_first_use_creates_the_schema_with_sqlite_pragmas(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'nieuw.db'}")
    tables = set(inspect(database.engine).get_table_names())
    assert {"gebieden", "partijen", "indicatoren", "observaties", "streefwaarden", "import_batches"} <= tables
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_a_corrupt_file_is_reported_in_dutch_and_left_untouched(tmp_path):
    damaged = tmp_path / "kapot.db"
    content = b"dit is geen database" * 500
    damaged.write_bytes(content)
    with pytest.raises(DatabaseUnavailable, match="beschadigd of geen SQLite-database") as error:
        open_database(f"sqlite:///{damaged}")
    assert error.value.diagnosis.kind == "beschadigd"
    assert damaged.read_bytes() == content


def test_an_unreachable_server_is_reported_without_its_password(tmp_path):
    url = "postgresql+psycopg://beheer:geheim@127.0.0.1:1/monitor"
    with pytest.raises(DatabaseUnavailable) as error:
        open_database(url)
    assert "geheim" not in str(error.value) and "geheim" not in error.value.diagnosis.detail
    assert "niet bereikbaar" in str(error.value) and "127.0.0.1" not in str(error.value)  # for anyone
    assert "127.0.0.1:1/monitor" in error.value.diagnosis.detail  # for the log and the command line


def test_a_missing_driver_says_what_to_install():
    with pytest.raises(DatabaseUnavailable, match="stuurprogramma"):
        open_database("mysql+nietbestaand://gebruiker@localhost/db")


def test_the_cli_says_so_in_one_line_and_exits_2(tmp_path, monkeypatch, capsys):
    damaged = tmp_path / "kapot.db"
    damaged.write_bytes(b"\x00garbage" * 100)
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{damaged}")
    assert cli.main(["init"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: Het databasebestand is beschadigd") and "Traceback" not in err


def test_init_with_demo_loads_the_fictional_town_once(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DASHBOARD_DATABASE_URL", f"sqlite:///{tmp_path / 'demo.db'}")
    assert cli.main(["init", "--demo", "--json"]) == 0
    assert '"demo": true' in capsys.readouterr().out
    assert cli.main(["init"]) == 0
    assert "met demodata" in capsys.readouterr().out


def test_the_migrations_build_exactly_the_models(db):
    """Every model change comes with its migration (and back): autogenerate finds nothing to do."""
    import warnings

    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from dashboard.models import Base

    with db.engine.connect() as connection, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # expression indexes cannot be reflected; their own test covers them
        diff = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    assert diff == []
