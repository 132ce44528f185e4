"""Database URLs: DATABASE_URL as platforms hand it out → a SQLAlchemy URL (or the SQLite file it
names, for sqlite3), and back to a log line."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

SQLITE_FILE = "hoi-dap.sqlite3"
_SECRET_PARAMS = ("password", "passwd", "pwd", "sslpassword", "token", "secret", "key")
_SQLITE_URL = re.compile(
    r"sqlite(?:\+pysqlite)?://(?P<host>[^/?]*)(?:/(?P<path>[^?]*))?(?:\?(?P<query>.*))?"
)
SQLITE_TIMEOUT_S = 5.0  # a lock held by another process: waited for this long at most


@dataclass(slots=True, frozen=True)
class SQLiteTarget:
    """What sqlite3.connect needs to open the file a `sqlite://` URL names."""

    database: str
    uri: bool = False
    timeout: float = SQLITE_TIMEOUT_S


def database_url(raw: str | None, data_dir: Path | None = None) -> str:
    """A SQLAlchemy URL from DATABASE_URL, or the SQLite file in `data_dir` when unset.

    Platforms hand out `postgres://…` (refused by SQLAlchemy) and libpq's `sslmode=`; both are
    translated for asyncpg. `sqlite:///path` is kept: the standard library's sqlite3 driver, run
    on a thread of its own (bot/store/engines.py). Creating `data_dir` may raise OSError (an
    unwritable directory).
    """
    raw = (raw or "").strip()
    if not raw:
        if data_dir is None:
            raise ValueError("no DATABASE_URL and no data directory")
        data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{data_dir / SQLITE_FILE}"
    scheme, rest = raw.split("://", 1) if "://" in raw else (raw, "")
    scheme = scheme.lower()
    if scheme in ("postgres", "postgresql", "postgresql+psycopg2", "postgresql+psycopg"):
        parts = urlsplit(f"postgresql+asyncpg://{rest}")
        query = dict(parse_qsl(parts.query))
        if "sslmode" in query:
            query["ssl"] = query.pop("sslmode")
        return urlunsplit(parts._replace(query=urlencode(query)))
    if scheme == "sqlite":
        return f"sqlite://{rest}"
    return raw


def redacted(url: str) -> str:
    """The URL without its password (in the authority or the query), for log lines."""
    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    query = [
        (k, "***" if any(s in k.lower() for s in _SECRET_PARAMS) else v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
    ]
    return urlunsplit(parts._replace(query=urlencode(query, safe="*")))


def sqlite_target(url: str) -> SQLiteTarget:
    """The file a `sqlite:///path` URL names, read as SQLAlchemy read it: a relative path from
    the current directory, `sqlite://` in memory, `?uri=true` a SQLite URI (the other query
    arguments its own), `?timeout=` the lock wait. ValueError for a URL that names a host."""
    match = _SQLITE_URL.fullmatch(url)
    if match is None or match["host"]:
        raise ValueError("a SQLite URL is sqlite:///relative/path or sqlite:////absolute/path")
    database = unquote(match["path"] or "") or ":memory:"
    query = dict(parse_qsl(match["query"] or ""))
    timeout = float(query.pop("timeout", SQLITE_TIMEOUT_S))
    uri = query.pop("uri", "").lower() in ("true", "1", "yes")
    if uri:
        database += "?" + "&".join(f"{k}={v}" for k, v in sorted(query.items())) if query else ""
    elif database != ":memory:":
        database = os.path.abspath(database)
    if query and not uri:
        logging.getLogger("bot.store").warning(
            "store: SQLite URL arguments ignored without uri=true: %s", ", ".join(sorted(query))
        )
    return SQLiteTarget(database, uri, timeout)
