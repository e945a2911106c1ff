"""The history file: its schema and how each version of it migrates to the next, opening it to write or only to
read, telling a sound file from a damaged one, and saying what keeps this user from reading or writing it.

The schema's version is `PRAGMA user_version`. A file is sound when SQLite finds its pages in order
and, at this version, it holds every table, column and index the migrations make.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shlex
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from ..files import NotARegularFile, regular_or_absent

SCHEMA_VERSION = 6
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
    5: """
        ALTER TABLE sets ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;  -- under way when the session was left
    """,
    6: """
        ALTER TABLE sessions ADD COLUMN pain_before INTEGER;  -- 0 to 10, how the back was (NULL: not asked, or skipped)
        ALTER TABLE sessions ADD COLUMN pain_after INTEGER;
    """,
}


def version(db: sqlite3.Connection) -> int:
    """The schema version of an open history (0 for a new, empty file)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def is_busy(err: sqlite3.Error) -> bool:
    """Whether another connection holds the lock: a passing state, not a broken file."""
    return _primary(err) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def is_full(err: sqlite3.Error) -> bool:
    """Whether the disk is full: a passing state too, when space is made."""
    return _primary(err) == sqlite3.SQLITE_FULL


def connect_read_only(path: Path) -> sqlite3.Connection:
    """`path` opened only to read, so that nothing is ever written to it, not even by a checkpoint.

    SQLite reads a WAL file beside its -wal and -shm files, making them if they are not there. Where it
    cannot (a read-only folder, a file it cannot open to write) and the -wal holds nothing, no process can
    be changing the file, so it is then read as immutable.
    """
    uri = path.absolute().as_uri() + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
    try:
        version(db)
    except sqlite3.OperationalError as err:
        db.close()
        if _primary(err) not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY) or _holds_writes(path):
            raise
        db = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
    return db


def _holds_writes(path: Path) -> bool:
    """Whether the history's -wal file holds writes not yet in the file itself."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except FileNotFoundError:
        return False


def _primary(err: sqlite3.Error) -> int:
    """SQLite's primary result code of an error (SQLITE_READONLY for SQLITE_READONLY_DIRECTORY)."""
    return getattr(err, "sqlite_errorcode", 0) & 0xFF


def unreadable(path: Path) -> str | None:
    """Why this user cannot read the history at `path` (its folder, the file, its -wal or -shm file), and how to
    mend it; None when every one that is there can be read."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    for where, needed, mode in ((path.parent, os.X_OK, "u+rwx"), (path, os.R_OK, "u+rw"), (wal, os.R_OK, "u+rw"),
                                (shm, os.R_OK, "u+rw")):  # fmt: skip
        if os.path.lexists(where) and not os.access(where, needed):
            mend = f"As its owner, `chmod {mode} {shlex.quote(str(where))}` lets backfit use it again"
            mend += "." if where == path.parent else (
                f", or move the history aside to start a new one: {move_aside(path, 'unreadable')}")  # fmt: skip
            return f"{where} cannot be read (permission denied), and the history is left as it is. {mend}"
    return None


def move_aside(path: Path, why: str = "damaged") -> str:
    """The shell command that renames the history, with its -wal and -shm files, to the first free name ending in
    `.damaged` (or `why`)."""
    aside, n = path.with_name(f"{path.name}.{why}"), 2
    while aside.exists():
        aside, n = path.with_name(f"{path.name}.{why}-{n}"), n + 1
    moves = [(f"{path}{part}", f"{aside}{part}") for part in ("", "-wal", "-shm") if Path(f"{path}{part}").exists()]
    return " && ".join(f"mv {shlex.quote(old)} {shlex.quote(new)}" for old, new in moves)


def check_writable(db: sqlite3.Connection) -> None:
    """Fail now, with SQLite's read-only error, if nothing can be written: a read-only file in a writable folder
    opens and reads without a word, and would only fail at a session's first set. Nothing is written, and a lock
    another process holds is not waited for: SQLite says a file is read-only before it asks for the lock."""
    db.execute("PRAGMA busy_timeout = 0")
    try:
        db.execute("BEGIN")
        db.execute(f"PRAGMA user_version = {version(db)}")
    except sqlite3.OperationalError as err:
        if not is_busy(err):
            raise
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")
        db.execute(f"PRAGMA busy_timeout = {round(BUSY_TIMEOUT * 1000)}")


def cannot_write(err: sqlite3.DatabaseError, path: Path) -> bool:
    """Whether `err` says the history, or its folder, can only be read (where SQLite cannot make the history, or its
    -wal and -shm files, it says it cannot open it)."""
    if _primary(err) == sqlite3.SQLITE_READONLY:
        return True
    return _primary(err) == sqlite3.SQLITE_CANTOPEN and not os.access(path.parent, os.W_OK)


def read_only_problem(path: Path, migrating: bool) -> str:
    """That the history at `path` cannot be written (brought up to date, when `migrating`), which of its files and
    folders are read-only, and how to mend it."""
    lead = f"{path} is from an older backfit and cannot be brought up to date" if migrating else (
        f"{path} can only be read" if path.exists() else f"{path} cannot be made")  # fmt: skip
    folder = next(where for where in (path.parent, *path.parents) if os.path.lexists(where))  # the one to make it in
    held = [where for where in (folder, path, Path(f"{path}-wal"), Path(f"{path}-shm"))
            if os.path.lexists(where) and not os.access(where, os.W_OK)]  # fmt: skip
    if not held:
        return f"{lead}: it cannot be written."
    if os.statvfs(held[0]).f_flag & os.ST_RDONLY:
        return f"{lead}: {held[0]} is on a read-only file system."
    names = " ".join(shlex.quote(str(where)) for where in held)
    verb, owner = ("is", "its") if len(held) == 1 else ("are", "their")
    keep = "bring it up to date" if migrating else "keep your sessions"
    said = " and ".join(filter(None, (", ".join(map(str, held[:-1])), str(held[-1]))))
    return f"{lead}: {said} {verb} read-only. As {owner} owner, `chmod u+w {names}` lets backfit {keep}."


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


@contextlib.contextmanager
def closed_on_failure(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    try:
        yield db
    except BaseException:
        db.close()
        raise


def use_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL mode, once for all. While another process holds the file (creating it too), SQLite answers
    "locked" at once, without the busy timeout, so this tries again until the same deadline."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if not is_busy(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


@contextlib.contextmanager
def immediate_transaction(db: sqlite3.Connection, wait: float) -> Iterator[None]:
    db.execute(f"PRAGMA busy_timeout = {round(wait * 1000)}")
    try:
        db.execute("BEGIN IMMEDIATE")
    finally:
        db.execute(f"PRAGMA busy_timeout = {round(BUSY_TIMEOUT * 1000)}")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:  # after some errors SQLite has rolled back already
            with contextlib.suppress(sqlite3.Error):  # the error to report is the one that stopped the block
                db.execute("ROLLBACK")
        raise
