"""The history: a SQLite file with a row per session and a row per set, each set committed as it ends.

WAL mode and a busy timeout let several backfit processes write at once without corrupting or
blocking each other. An existing file is checked, read-only, before anything is written to it; an
older one is migrated forward on open, while a newer one, a damaged one and a file that is not a
database are refused and left alone. Every SQLite error on the way becomes a HistoryUnavailable that
says, in words, what is wrong with which file.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ...core.records import SetRecord
from ..errors import HistoryUnavailable
from ..files import NotARegularFile, regular_or_absent
from ..locations import ensure_dir
from .database import (
    BUSY_TIMEOUT,
    MIGRATIONS,
    SCHEMA_VERSION,
    cannot_write,
    check_writable,
    closed_on_failure,
    connect_read_only,
    damage,
    immediate_transaction,
    is_busy,
    is_full,
    other_programs_tables,
    read_only_problem,
    unreadable,
    use_wal,
    version,
)

WRITE_WAIT = 0.02  # seconds a write during a session waits for the lock: the guide is never held up longer
SESSION_COLUMNS = (
    "id, routine_id, routine_name, started_at, ended_at, finished, planned_active_seconds, pain_before, pain_after"
)
HOW_TO_RECOVER = ", and `backfit history --check` says how to start a new one"


class HistoryLocked(HistoryUnavailable):
    """Another process held the history's lock longer than the write would wait."""


class HistoryFull(HistoryUnavailable):
    """The disk is full: a write that may succeed when there is space again."""


class _ReadOnly(HistoryUnavailable):
    """The history, or the folder it is in, can only be read."""


def _in_words(method: Callable) -> Callable:
    """A HistoryStore method whose SQLite errors say, in words, what is wrong with the file."""

    @functools.wraps(method)
    def said(self: HistoryStore, *args, **kwargs):
        with self._said():
            return method(self, *args, **kwargs)

    return said


@dataclass(frozen=True)
class StoredSet:
    ended_at: float
    record: SetRecord


@dataclass(frozen=True)
class StoredSession:
    id: int
    routine_id: str
    routine_name: str
    started_at: float
    ended_at: float | None
    finished: bool
    planned_active_seconds: float | None  # None: saved before it was kept
    sets: tuple[StoredSet, ...]
    pain_before: int | None = None  # how the back was, 0 to 10; None: not asked, or skipped
    pain_after: int | None = None


@dataclass(frozen=True)
class SessionFigures:
    """What the weekly goal asks of a session: when it started, and how much of its plan was done."""

    id: int
    started_at: float
    finished: bool
    planned_active_seconds: float | None
    work_done_seconds: float
    sets_done: int


class HistoryStore:
    """The history database at `path`, checked, then opened (created, migrated) and ready to write; with
    `read_only`, checked and opened only to read (an older file is migrated first, as a session would)."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        if problem := unreadable(path):
            raise HistoryUnavailable(problem)
        try:
            fresh = not regular_or_absent(path)  # SQLite would wait forever on a named pipe, or read a device
            self.db = self._open(fresh, read_only)
        except sqlite3.DatabaseError as err:
            if cannot_write(err, path):
                raise _ReadOnly(read_only_problem(path, migrating=read_only)) from None
            if fresh and not is_busy(err):  # what the failed creation made: a full disk left empty files
                for made in ("", "-wal", "-shm", "-journal"):
                    Path(f"{path}{made}").unlink(missing_ok=True)
            raise HistoryUnavailable(self._problem(err)) from None
        except NotARegularFile as err:
            raise HistoryUnavailable(f"{path} is {err.kind}, not a history file; it is left untouched") from None
        except OSError as err:
            if err.errno in (errno.EACCES, errno.EROFS):  # its folder could not be made
                raise _ReadOnly(read_only_problem(path, migrating=read_only)) from None
            raise HistoryUnavailable(f"{path} cannot be used as the history ({err}); it is left untouched") from None

    def _open(self, fresh: bool, read_only: bool) -> sqlite3.Connection:
        """A connection to the checked history at this version; closed again if anything on the way fails."""
        if not fresh:  # checked read-only first: a damaged file is never written to, not even by a checkpoint
            with closed_on_failure(connect_read_only(self.path)) as db:
                checked = self._checked_version(db)
            if read_only and checked == SCHEMA_VERSION:
                return db
            db.close()
        ensure_dir(self.path.parent)
        with closed_on_failure(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)) as db:
            use_wal(db)
            self._migrate(db)
            if not read_only:
                check_writable(db)
        if not read_only:
            return db
        db.close()
        return connect_read_only(self.path)

    def _checked_version(self, db: sqlite3.Connection) -> int:
        """The schema version of a history that is neither newer than this backfit nor damaged."""
        found = self._not_newer(db)
        if tables := other_programs_tables(db):
            raise HistoryUnavailable(f"{self.path} is another program's database (its tables: {tables}), not a backfit"
                                     f" history; it is left untouched{HOW_TO_RECOVER}")  # fmt: skip
        if wrong := damage(db):
            raise HistoryUnavailable(f"{self.path} is damaged ({wrong}); it is left untouched{HOW_TO_RECOVER}")
        return found

    def _not_newer(self, db: sqlite3.Connection) -> int:
        found = version(db)
        if found > SCHEMA_VERSION:
            raise HistoryUnavailable(
                f"{self.path} was written by a newer backfit (history version {found}, this one reads up to"
                f" {SCHEMA_VERSION}); it is left untouched. Update backfit to use it."
            )
        return found

    def _migrate(self, db: sqlite3.Connection) -> None:
        for target in range(self._not_newer(db) + 1, SCHEMA_VERSION + 1):
            with immediate_transaction(db, BUSY_TIMEOUT):
                if version(db) >= target:  # another process did it
                    continue
                for statement in MIGRATIONS[target].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {target}")

    def _problem(self, err: sqlite3.DatabaseError) -> str:
        """What is wrong, in words, naming the file."""
        code = getattr(err, "sqlite_errorcode", 0) & 0xFF
        if code == sqlite3.SQLITE_CORRUPT:
            return f"{self.path} is damaged ({err}); it is left untouched{HOW_TO_RECOVER}"
        recover = HOW_TO_RECOVER if code == sqlite3.SQLITE_NOTADB else ""
        return f"{self.path} cannot be used as the history ({err}); it is left untouched{recover}"

    @contextlib.contextmanager
    def _said(self) -> Iterator[None]:
        """Turn a SQLite error into a HistoryUnavailable that says what is wrong with the file."""
        try:
            yield
        except sqlite3.DatabaseError as err:
            kind = HistoryLocked if is_busy(err) else HistoryFull if is_full(err) else HistoryUnavailable
            raise kind(self._problem(err)) from None

    @contextlib.contextmanager
    def transaction(self, wait: float) -> Iterator[None]:
        """Write the block's statements together or not at all, waiting at most `wait` seconds for another
        process's write lock."""
        with self._said(), immediate_transaction(self.db, wait):
            yield

    def close(self) -> None:
        self.db.close()

    # --- writing -------------------------------------------------------------------------------

    @_in_words
    def begin(
        self, routine_id: str, routine_name: str, started_at: float, planned_active_seconds: float,
        pain_before: int | None = None,
    ) -> int:  # fmt: skip
        """Record a session as started, with how the back was before it if asked; returns its id."""
        cursor = self.db.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_at, planned_active_seconds, pain_before)"
            " VALUES (?, ?, ?, ?, ?)",
            (routine_id, routine_name, started_at, planned_active_seconds, pain_before),
        )
        return cursor.lastrowid

    @_in_words
    def rate_after(self, session_id: int, rating: int) -> None:
        """Keep how the back was after the session, 0 to 10."""
        self.db.execute("UPDATE sessions SET pain_after = ? WHERE id = ?", (rating, session_id))

    @_in_words
    def add_set(self, session_id: int, record: SetRecord, ended_at: float) -> None:
        """Record one finished, skipped or partial set, replacing its earlier record if it was done again; committed
        before this returns, or with the transaction it is written in."""
        self.db.execute(
            "INSERT OR REPLACE INTO sets (session_id, ended_at, step_index, exercise_id, exercise_name, set_number,"
            " side, unit, planned, achieved, skipped, active_seconds, work_done_seconds, partial)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, ended_at, record.step_index, record.exercise_id, record.exercise_name, record.set_number,
             record.side, record.unit, record.planned, record.achieved, int(record.skipped), record.active_seconds,
             record.work_done_seconds, int(record.partial)),
        )  # fmt: skip

    @_in_words
    def end(self, session_id: int, ended_at: float, finished: bool) -> None:
        self.db.execute("UPDATE sessions SET ended_at = ?, finished = ? WHERE id = ?", (ended_at, finished, session_id))

    # --- reading -------------------------------------------------------------------------------

    @_in_words
    def sessions(self, limit: int | None = None, since: float | None = None) -> list[StoredSession]:
        """Sessions, newest first, each with its sets in the order they ended."""
        return self._with_sets(self.db.execute(
            f"SELECT {SESSION_COLUMNS} FROM sessions WHERE started_at >= ? ORDER BY started_at DESC, id DESC LIMIT ?",
            (since if since is not None else float("-inf"), limit if limit is not None else -1),
        ).fetchall())  # fmt: skip

    @_in_words
    def with_previous(self, session_id: int) -> tuple[StoredSession, StoredSession | None]:
        """A session, and the last session of the same routine started before it (None if there was none)."""
        rows = self.db.execute(
            f"SELECT {SESSION_COLUMNS} FROM sessions WHERE routine_id = (SELECT routine_id FROM sessions WHERE id = ?1)"
            " AND (started_at, id) <= (SELECT started_at, id FROM sessions WHERE id = ?1)"
            " ORDER BY started_at DESC, id DESC LIMIT 2",
            (session_id,),
        ).fetchall()
        session, *previous = self._with_sets(rows)
        return session, next(iter(previous), None)

    @_in_words
    def routine_sessions(self, routine_id: str, limit: int) -> list[StoredSession]:
        """The last `limit` sessions of one routine, newest first, each with its sets."""
        return self._with_sets(self.db.execute(
            f"SELECT {SESSION_COLUMNS} FROM sessions WHERE routine_id = ? ORDER BY started_at DESC, id DESC LIMIT ?",
            (routine_id, limit),
        ).fetchall())  # fmt: skip

    def _with_sets(self, rows: list[tuple]) -> list[StoredSession]:
        """The sessions of `rows` (as SESSION_COLUMNS reads them), each with its sets in the order they ended."""
        if not rows:
            return []
        sets: dict[int, list[StoredSet]] = {row[0]: [] for row in rows}
        marks = ",".join("?" * len(sets))
        for row in self.db.execute(
            "SELECT session_id, ended_at, step_index, exercise_id, exercise_name, set_number, side, unit, planned,"
            " achieved, skipped, active_seconds, work_done_seconds, partial"
            f" FROM sets WHERE session_id IN ({marks}) ORDER BY id",
            list(sets),
        ):
            record = SetRecord(*row[2:10], bool(row[10]), *row[11:13], bool(row[13]))
            sets[row[0]].append(StoredSet(row[1], record))
        return [StoredSession(*r[:5], bool(r[5]), r[6], tuple(sets[r[0]]), *r[7:9]) for r in rows]

    @_in_words
    def session_figures(self, since: float = float("-inf")) -> list[SessionFigures]:
        """Every session (from `since` on) with its planned active time, the work done and sets done, oldest first."""
        return [SessionFigures(row[0], row[1], bool(row[2]), row[3], row[4], int(row[5])) for row in self.db.execute(
            "SELECT s.id, s.started_at, s.finished, s.planned_active_seconds, TOTAL(t.work_done_seconds),"
            " TOTAL(t.skipped = 0 AND t.partial = 0) FROM sessions s LEFT JOIN sets t ON t.session_id = s.id"
            " WHERE s.started_at >= ? GROUP BY s.id ORDER BY s.started_at", (since,),
        )]  # fmt: skip

    @_in_words
    def pain_ratings(self, since: float = float("-inf")) -> list[tuple[float, int]]:
        """(when its session started, rating) of every rating of the back from `since` on, oldest first: a session's
        rating before it, then after it."""
        rows = self.db.execute(
            "SELECT started_at, pain_before, pain_after FROM sessions WHERE started_at >= ?"
            " AND (pain_before IS NOT NULL OR pain_after IS NOT NULL) ORDER BY started_at, id",
            (since,),
        )
        return [(started, rating) for started, *ratings in rows for rating in ratings if rating is not None]

    @_in_words
    def bests(self) -> list[tuple[str, str, str, float]]:
        """(exercise id, exercise name, unit, best achieved) for every exercise's timed holds and reps."""
        return self.db.execute(
            "SELECT exercise_id, exercise_name, unit, MAX(achieved) FROM sets"
            " WHERE skipped = 0 AND unit IN ('seconds', 'reps') GROUP BY exercise_id, unit ORDER BY exercise_name"
        ).fetchall()

    @_in_words
    def recent_bests(self, exercise_id: str, unit: str, sessions: int) -> list[float]:
        """Each of the last `sessions` sessions' best of one exercise, oldest first."""
        newest_first = self.db.execute(
            "SELECT MAX(t.achieved) FROM sets t JOIN sessions s ON s.id = t.session_id"
            " WHERE t.exercise_id = ? AND t.unit = ? AND t.skipped = 0 GROUP BY s.id"
            " ORDER BY s.started_at DESC LIMIT ?",
            (exercise_id, unit, sessions),
        ).fetchall()
        return [best for (best,) in reversed(newest_first)]

    @_in_words
    def session_bests(self, session_id: int) -> list[tuple[str, str, str, float]]:
        """(exercise id, name, unit, best) of one session's timed holds and reps."""
        return self.db.execute(
            "SELECT exercise_id, exercise_name, unit, MAX(achieved) FROM sets WHERE session_id = ? AND skipped = 0"
            " AND unit IN ('seconds', 'reps') GROUP BY exercise_id, unit ORDER BY exercise_name",
            (session_id,),
        ).fetchall()

    @_in_words
    def best_before(self, exercise_id: str, unit: str, session_id: int) -> float | None:
        """The best of one exercise in every session but `session_id`; None if there was none."""
        return self.db.execute(
            "SELECT MAX(achieved) FROM sets WHERE exercise_id = ? AND unit = ? AND skipped = 0 AND session_id != ?",
            (exercise_id, unit, session_id),
        ).fetchone()[0]


def open_to_read(path: Path) -> HistoryStore:
    """The history at `path`, opened only to read: with no history yet, an empty one, and no file is made for it."""
    if problem := unreadable(path):  # before looking for it: a folder that cannot be read hides whether it is there
        raise HistoryUnavailable(problem)
    return HistoryStore(path, read_only=True) if path.exists() else HistoryStore(Path(":memory:"))


def open_to_keep(path: Path) -> tuple[HistoryStore | None, str | None]:
    """The history at `path` opened to keep sessions, or why it cannot be used (and None). One that can only be
    read is opened to read, for the menu and the history screen, with why sessions are not kept."""
    try:
        return HistoryStore(path), None
    except _ReadOnly as err:
        problem = str(err)
    except HistoryUnavailable as err:
        return None, str(err)
    try:
        store = open_to_read(path)
    except HistoryUnavailable as err:
        return None, str(err)
    store.read_only = True  # with no history yet, the one read is empty and in memory: it keeps no session either
    return store, problem
