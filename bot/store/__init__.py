"""What conversations leave behind, for the maintainer: unanswered questions, votes, contexts.

SQLAlchemy 2 (async): a SQLite file in the user's data directory by default, or whatever
DATABASE_URL names (PostgreSQL on a platform whose disk is wiped at every restart). `schema`
holds the tables and rows, `urls` turns DATABASE_URL into a driver URL, `queries` the SQL,
`writer` the Store: a thread of its own, so replies never wait on the database, and `reads` its
calls that do wait, each with a limit.
"""

from bot.store.schema import UnansweredRow, VoteRow
from bot.store.urls import database_url, redacted
from bot.store.writer import Store, StoreUnavailable

__all__ = ["Store", "StoreUnavailable", "UnansweredRow", "VoteRow", "database_url", "redacted"]
