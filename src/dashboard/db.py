"""The database: engine with SQLite pragmas, schema migrations on first use, Dutch errors.

Every entry point (app, CLI, tests) goes through `open_database`, so the schema is always
created or upgraded before anything reads it, and a bad URL, an unreachable server or a damaged
file becomes one `DatabaseUnavailable` with a message a user can act on. A write that fails
(`Database.session`, `import_session`) is rolled back and raised as a `DatabaseProblem`; both
carry the Dutch diagnosis of dashboard/diagnosis.py.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, exc, inspect, make_url, select
from sqlalchemy.orm import Session, sessionmaker

from dashboard.diagnosis import DatabaseProblem, Diagnosis, describe, diagnose

MIGRATIONS = Path(__file__).with_name("migrations")
# Streamlit runs every session's script in a thread of its own, and a run holds a connection only
# for one query (ui/reads.py), so 10 kept and 20 more cover a room of viewers asking at once; a run
# that still finds none after 10 s gets the Dutch message of ui/runtime.py.
POOL = {"pool_size": 10, "max_overflow": 20, "pool_timeout": 10}


class DatabaseUnavailable(DatabaseProblem):
    """The database cannot be opened at all; the message is Dutch and safe to show to anyone (no
    host, user or file: those are in `diagnosis.detail`, for the log and the command line)."""


@dataclass
class Database:
    engine: Engine
    # `with db.make_session() as session:` for reads, or when the caller decides itself whether to commit
    make_session: sessionmaker[Session]

    # `with db.session() as session:` for a write: one transaction, committed when the block ends
    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends cleanly and rolls back otherwise.

        A database or disk failure (full, read-only, locked, gone, a clash) is rolled back and
        raised as a DatabaseProblem with its Dutch diagnosis."""
        with self.diagnosed(), self.make_session() as session, session.begin():
            yield session

    @contextmanager
    def diagnosed(self) -> Iterator[None]:
        """Around reads or writes: an error of the database (or of the disk under it) becomes a
        DatabaseProblem; other errors pass unchanged."""
        try:
            yield
        except (exc.DBAPIError, exc.TimeoutError) as error:
            raise DatabaseProblem(diagnose(error, self.engine.url)) from error

    @contextmanager
    def import_session(self) -> Iterator[Session]:
        """A session for one import, committed when the block ends cleanly.

        It holds the write lock from the first read to the commit, so nothing changes between
        validating a file and writing it: BEGIN IMMEDIATE on SQLite, a lock on the value tables
        that other writers wait for (readers do not) on PostgreSQL. On SQLite the per-row
        foreign-key checks are off for this transaction: the ids were just looked up under the
        same lock, and the checks cost a third of a bulk write. The pool turns them back on when
        the connection is returned (`_foreign_keys_on`).
        """
        with self.diagnosed(), self.make_session() as session, session.begin():
            connection = session.connection()
            if self.engine.dialect.name == "sqlite":
                connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # only outside a transaction
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                connection.exec_driver_sql("LOCK TABLE observaties, streefwaarden IN SHARE ROW EXCLUSIVE MODE")
            yield session

    def is_empty(self) -> bool:
        """True when there are no observations and no afspraken (the demo data may be loaded)."""
        from dashboard.models import Afspraak, Observatie

        with self.make_session() as session:
            return (session.scalar(select(Observatie.id).limit(1)) is None
                    and session.scalar(select(Afspraak.id).limit(1)) is None)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _foreign_keys_on(dbapi_connection, _record) -> None:
    """Every connection goes back into the pool with foreign-key checks on (an import turns them off)."""
    if dbapi_connection is not None:
        dbapi_connection.execute("PRAGMA foreign_keys=ON")


def create_database_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except exc.ArgumentError as error:
        raise DatabaseUnavailable(Diagnosis(
            "instelling", "DASHBOARD_DATABASE_URL is geen geldige database-URL.",
            "De beheerder zet er bijvoorbeeld sqlite:///data/dashboard.db of "
            "postgresql+psycopg://gebruiker@host/db in.", f"Gelezen: {error}")) from error
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        try:
            Path(parsed.database.removeprefix("file:").split("?")[0]).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # a read-only disk, no right to make the folder
            raise DatabaseUnavailable(diagnose(error, url)) from error
    in_memory = parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")
    try:
        engine = create_engine(parsed, pool_pre_ping=True, **({} if in_memory else POOL))
    except (ImportError, exc.NoSuchModuleError) as error:
        raise DatabaseUnavailable(Diagnosis(
            "instelling", "Het databasestuurprogramma ontbreekt.",
            "De beheerder installeert het, bijvoorbeeld `pip install psycopg[binary]` voor PostgreSQL.",
            f"Database: {describe(url)}. Melding: {error}")) from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "checkin", _foreign_keys_on)
    return engine


def alembic_config(connection):
    """Alembic pointed at our revisions, running on `connection` (the app's, or a test's).

    Alembic is imported here, not with the module: it costs a tenth of a second that only a
    migration needs."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration (alembic, batch mode on SQLite)."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def open_database(url: str) -> Database:
    """Connect, check the file is a database, migrate. Raises DatabaseUnavailable with the Dutch
    diagnosis (diagnosis.py: damaged only when the file really is), never resets data."""
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            inspect(connection).get_table_names()
        migrate(engine)
    except (exc.DBAPIError, exc.TimeoutError, OSError) as error:
        engine.dispose()
        raise DatabaseUnavailable(diagnose(error, url)) from error
    return Database(engine=engine, make_session=sessionmaker(engine, expire_on_commit=False))
