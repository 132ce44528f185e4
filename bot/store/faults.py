"""What a failed write proves: the database is unwell for now (keep the row), or refuses the row.

A lost connection, a full disk, a read-only file system, a lock held too long or privileges
revoked at a plan's row limit (OperationalError, ProgrammingError, InterfaceError…) are outages:
the row waits. Only an IntegrityError or DataError (this row's values), or a value the driver
(or SQLAlchemy) could not even bind, condemns the row, and then only that row. SQLite's errors
come from sqlite3 itself; PostgreSQL's are wrapped by SQLAlchemy (in a DBAPIError, itself a
StatementError, so "StatementError" says nothing), whose classes are looked at only when it is
loaded: a SQLite store never imports it.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import time

log = logging.getLogger("bot.store")

STALL_WARN_S = 3.0  # a write or connect that has not answered in this long is worth a warning
CONTENT_CLASSES = ("22", "23")  # SQLSTATE classes: data exception, integrity constraint


class StoreUnavailable(Exception):
    """The database did not answer in time (reads and /forget: rows wait in the queue)."""


def database_errors() -> tuple[type[BaseException], ...]:
    """The classes of every error a database call raises, for `except` clauses."""
    sqlalchemy = sys.modules.get("sqlalchemy.exc")  # (none of its errors exists before that)
    return (sqlite3.Error, sqlalchemy.SQLAlchemyError) if sqlalchemy else (sqlite3.Error,)


def startup_races() -> tuple[type[BaseException], ...]:
    """What processes making the same tables at once may raise: tried again after a pause."""
    races = (sqlite3.IntegrityError, sqlite3.OperationalError, sqlite3.ProgrammingError)
    sqlalchemy = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy is None:
        return races
    return (
        *races,
        sqlalchemy.IntegrityError,
        sqlalchemy.OperationalError,
        sqlalchemy.ProgrammingError,
    )


def refused_for_content(error: BaseException) -> bool:
    """True when the database (or the binding of values) refused the row for what it holds."""
    if isinstance(error, sqlite3.Error):
        return isinstance(error, sqlite3.IntegrityError | sqlite3.DataError) or _unbindable(error)
    sqlalchemy = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy and isinstance(error, sqlalchemy.SQLAlchemyError):
        if isinstance(error, sqlalchemy.IntegrityError | sqlalchemy.DataError):
            return True
        if isinstance(error, sqlalchemy.DBAPIError):
            # a bare DBAPIError (asyncpg's "value too long"…): the SQLSTATE class says what it is
            return (
                type(error) is sqlalchemy.DBAPIError
                and _sqlstate(error.orig)[:2] in CONTENT_CLASSES
            )
        if isinstance(error, sqlalchemy.StatementError):
            return not isinstance(error.orig, OSError)  # a value SQLAlchemy could not bind
        return False
    return isinstance(error, ValueError | TypeError) and not isinstance(error, OSError)


def _unbindable(error: sqlite3.Error) -> bool:
    """sqlite3's "Error binding parameter …" (a value of a type it cannot store)."""
    binding = isinstance(error, sqlite3.ProgrammingError | sqlite3.InterfaceError)
    return binding and str(error).startswith("Error binding parameter")


def _sqlstate(orig: BaseException | None) -> str:
    """The SQLSTATE of a driver error (asyncpg: sqlstate, psycopg: pgcode), else ''."""
    for attribute in ("sqlstate", "pgcode"):
        value = getattr(orig, attribute, None)
        if isinstance(value, str):
            return value
    cause = getattr(orig, "__cause__", None)
    return _sqlstate(cause) if cause is not None and cause is not orig else ""


def outage(error: BaseException) -> bool:
    """True when the write may succeed later without changing the row."""
    if refused_for_content(error):
        return False
    return isinstance(error, (*database_errors(), OSError, ConnectionError, TimeoutError))


def describe(error: BaseException) -> str:
    """One line naming the error and the driver's first line (never a parameter or a row)."""
    orig = getattr(error, "orig", None)
    detail = str(orig if orig is not None else error).splitlines()[0] if str(error) else ""
    detail = detail.split("[SQL:")[0].strip()
    return f"{type(error).__name__}: {detail[:200]}" if detail else type(error).__name__


def reason(error: BaseException) -> str:
    """A driver's error in one line, named by the driver's class (for start-up's refusal line)."""
    inner = getattr(error, "orig", None) or error
    text = (str(inner).strip().splitlines() or [""])[0]
    return f"{type(inner).__name__}: {text}" if text else type(inner).__name__


class Watch:
    """Notices a database that takes connections but never answers, within STALL_WARN_S."""

    def __init__(self, stall_warn: float = STALL_WARN_S) -> None:
        self.stall_warn = stall_warn
        self.since: float | None = None  # when the call in progress started
        self.stalled = False

    def begin(self) -> None:
        self.since = time.monotonic()

    def end(self) -> None:
        self.since = None
        if self.stalled:
            self.stalled = False
            log.warning("store: the database answers again")

    def check(self, waiting: int) -> None:
        """Called about every second by the store's thread while it waits on the database."""
        if self.since is None or self.stalled:
            return
        waited = time.monotonic() - self.since
        if waited >= self.stall_warn:
            self.stalled = True
            log.warning(
                "store: the database has not answered for %.0f s; %d row(s) waiting in memory",
                waited,
                waiting,
            )
