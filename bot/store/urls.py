"""Database URLs: DATABASE_URL as platforms hand it out → a SQLAlchemy URL, and back to a log line."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SQLITE_FILE = "hoi-dap.sqlite3"
_SECRET_PARAMS = ("password", "passwd", "pwd", "sslpassword", "token", "secret", "key")


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
