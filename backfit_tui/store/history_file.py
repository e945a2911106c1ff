"""The history file: its schema and how each version of it migrates to the next, opening it only to read, and
telling a sound file from a damaged one.

The schema's version is `PRAGMA user_version`. A file is sound when SQLite finds its pages in order
and, at this version, it holds every table, column and index the migrations make.
"""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path

from .files import NotARegularFile, regular_or_absent

SCHEMA_VERSION = 4
BUSY_TIMEOUT = 5.0  # seconds to wait for another process's lock when opening, migrating or closing a session

# Each entry takes the schema from the version before it to its own; never edit a released one.
MIGRATIONS: dict[int, str] = {
    1: """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            routine_id TEXT NOT NULL,
            routine_name TEXT NOT NULL,
            started_at REAL NOT NULL,          -- Unix time, seconds
            ended_at REAL,                     -- NULL while under way, or if the process died
            finished INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE sets (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            ended_at REAL NOT NULL,
            step_index INTEGER NOT NULL,
            exercise_id TEXT NOT NULL,
            exercise_name TEXT NOT NULL,
            set_number INTEGER NOT NULL,
            side TEXT,
            unit TEXT NOT NULL,
            planned REAL NOT NULL,
            achieved REAL NOT NULL,
            skipped INTEGER NOT NULL
        );
    """,
    2: """
        ALTER TABLE sets ADD COLUMN active_seconds REAL NOT NULL DEFAULT 0;
        CREATE INDEX sets_by_session ON sets(session_id);
        CREATE INDEX sets_by_exercise ON sets(exercise_id, unit, achieved);
        CREATE INDEX sessions_by_start ON sessions(started_at);
    """,
    3: """
        DELETE FROM sets WHERE EXISTS (
            SELECT 1 FROM sets AS redone WHERE redone.session_id = sets.session_id AND redone.id > sets.id
            AND redone.step_index = sets.step_index AND redone.set_number = sets.set_number AND redone.side IS sets.side
        );
        DROP INDEX sets_by_session;
        CREATE UNIQUE INDEX one_record_per_set ON sets(session_id, step_index, set_number, IFNULL(side, ''));
        ALTER TABLE sessions ADD COLUMN planned_active_seconds REAL;  -- NULL: saved before it was kept
        ALTER TABLE sets ADD COLUMN work_done_seconds REAL NOT NULL DEFAULT 0;
        DELETE FROM sessions WHERE NOT EXISTS (SELECT 1 FROM sets WHERE sets.session_id = sessions.id);
        UPDATE sets SET planned = planned / 2, achieved = CAST(achieved AS INTEGER) / 2 WHERE side = 'both';
    """,
    4: """
        CREATE TABLE break_answers (           -- what was done about each break `backfit remind` called
            id INTEGER PRIMARY KEY,
            answered_at REAL NOT NULL,         -- Unix time, seconds
            answer TEXT NOT NULL               -- taken, snoozed or skipped
        );
        CREATE INDEX break_answers_by_time ON break_answers(answered_at);
    """,
}


def version(db: sqlite3.Connection) -> int:
    """The schema version of an open history (0 for a new, empty file)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def is_busy(err: sqlite3.Error) -> bool:
    """Whether another connection holds the lock: a passing state, not a broken file."""
    return getattr(err, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """`path` opened only to read, so that nothing is ever written to it, not even by a checkpoint.

    In a folder it cannot write, SQLite opens a WAL file read-only only if its -wal and -shm files are
    there. With no -wal file no process can be changing it, so it is then read as immutable.
    """
    uri = path.absolute().as_uri() + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
    try:
        version(db)
    except sqlite3.OperationalError as err:
        db.close()
        if err.sqlite_errorcode != sqlite3.SQLITE_CANTOPEN or Path(f"{path}-wal").exists():
            raise
        db = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
    return db


def damage(db: sqlite3.Connection) -> str | None:
    """What is wrong with an open history, in one line, or None if it is sound. SQLite's quick check reads each
    page once and stops at the first problem."""
    if db.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
        return "database disk image is malformed"  # SQLite's words for it, as a read of a broken page says
    return next(iter(_schema_problems(db)), None)


def integrity_problems(path: Path) -> list[str]:
    """Everything SQLite's thorough integrity check finds wrong with the history at `path` (up to a hundred), or
    why it cannot read it, and what it lacks of the schema; [] for a sound one."""
    try:
        regular_or_absent(path)  # SQLite would wait forever on a named pipe, or read a device
    except NotARegularFile as err:
        return [f"it is {err.kind}, not a history file"]
    try:
        db = connect_read_only(path)
        try:
            found = [row for (row,) in db.execute("PRAGMA integrity_check")]
            if found != ["ok"]:
                return [line for row in found for line in row.splitlines() if line != "*** in database main ***"]
            return _schema_problems(db)
        finally:
            db.close()
    except sqlite3.DatabaseError as err:
        return [str(err)]


def other_programs_tables(db: sqlite3.Connection) -> str:
    """The tables of an open database that no backfit made, named ("" for a history): each migration sets the
    version in the transaction that makes its tables, so a history at version 0 has none."""
    if version(db) != 0:
        return ""
    names = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


def _schema_problems(db: sqlite3.Connection) -> list[str]:
    if tables := other_programs_tables(db):
        return [f"it is another program's database (its tables: {tables}), not a backfit history"]
    lacking = _missing(db) if version(db) == SCHEMA_VERSION else []
    return [f"it lacks {', '.join(lacking)}"] if lacking else []


def _missing(db: sqlite3.Connection) -> list[str]:
    """What an open history lacks of the schema, in words: `table sets`, `column sets.active_seconds`, `index …`
    (a missing table's columns and indexes go without saying)."""
    lacking = _expected_schema() - _schema(db)
    gone = {table for kind, table, _ in lacking if kind == "table"}
    order = ("table", "column", "index")
    return [
        f"column {table}.{name}" if kind == "column" else f"{kind} {name}"
        for kind, table, name in sorted(lacking, key=lambda item: (order.index(item[0]), item[1], item[2]))
        if kind == "table" or table not in gone
    ]


def _schema(db: sqlite3.Connection) -> set[tuple[str, str, str]]:
    """(kind, table, name) of every table, column and index."""
    items = set()
    for kind, table, name, column in db.execute(
        "SELECT m.type, m.tbl_name, m.name, c.name FROM sqlite_master m LEFT JOIN pragma_table_info(m.name) c"
        " WHERE m.type IN ('table', 'index')"
    ):
        items.add((kind, table, name))
        if column is not None:
            items.add(("column", table, column))
    return items


@functools.cache
def _expected_schema() -> frozenset[tuple[str, str, str]]:
    """What the migrations make, read from a database they made in memory."""
    db = sqlite3.connect(":memory:")
    try:
        for target in range(1, SCHEMA_VERSION + 1):
            db.executescript(MIGRATIONS[target])
        return frozenset(_schema(db))
    finally:
        db.close()
