"""What conversations leave behind, for the maintainer: unanswered questions, votes, contexts.

A SQLite file in the user's data directory by default, through the standard library's sqlite3
alone; or whatever DATABASE_URL names (PostgreSQL on a platform whose disk is wiped at every
restart), through SQLAlchemy 2's asyncio engine and asyncpg. `schema` holds the tables and rows,
`urls` turns DATABASE_URL into a driver URL, `engines` gives both databases the same calls,
`queries` the SQL (the same text for both), `writer` the Store: a thread of its own, so replies
never wait on the database, and `reads` its calls that do wait, each with a limit.
"""

from bot.store.schema import UnansweredRow, VoteRow
from bot.store.urls import database_url, redacted
from bot.store.writer import Store, StoreUnavailable

__all__ = ["Store", "StoreUnavailable", "UnansweredRow", "VoteRow", "database_url", "redacted"]
