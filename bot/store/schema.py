"""The tables the store writes, as SQL both databases take, and the rows it hands back.

The DDL is what SQLAlchemy's `metadata.create_all` made before the store spoke SQL itself (the
same names, columns, keys and `ix_<table>_<column>` indexes), with IF NOT EXISTS: databases made
then open unchanged. Only the timestamp type differs: PostgreSQL keeps time zones; SQLite keeps
naive UTC text, 'YYYY-MM-DD HH:MM:SS.ffffff' as SQLAlchemy wrote it (bot/store/engines.py binds
it), so that text comparisons order old and new rows alike.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.values import value_class

SCHEMA_VERSION = "5"  # 2: chats keyed by HMAC with a key outside the database; 3: shared state;
# 4: a chat's state names the slots its user named, and `ask --conversation` keeps its context in
# that state (the table `contexts`, one intent per chat, is gone); 5: a chat's state keeps the
# facts of the answer before the last ("hai số này trùng nhau à" sets them side by side)
# Tables an older schema made that are dropped, not altered, on upgrade: short-lived rows only
# (a chat's context lives minutes), so nothing a maintainer reads is lost.
DROPPED_ON_UPGRADE = ("contexts", "chat_states")

TIMESTAMP = {"sqlite": "DATETIME", "postgresql": "TIMESTAMP WITH TIME ZONE"}
TABLE_NAMES = {  # the tables of the schema in use, as a column `name`
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table'",
    "postgresql": "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()",
}

# {ts}: the dialect's timestamp type. "key" is quoted: SQLite counts it a keyword.
_TABLES = {
    "unanswered": """
        id VARCHAR(32) NOT NULL,
        created_at {ts} NOT NULL,
        chat VARCHAR(64) NOT NULL,
        front_end VARCHAR(16) NOT NULL,
        question TEXT,  -- null for a down-vote whose question was forgotten
        normalized TEXT,
        outcome VARCHAR(16) NOT NULL,  -- fallback / clarify / downvoted
        intent VARCHAR(64),  -- the answer voted down
        candidates TEXT NOT NULL,  -- JSON: [[intent, score], ...] best first
        PRIMARY KEY (id)""",
    "votes": """
        id VARCHAR(32) NOT NULL,
        created_at {ts} NOT NULL,
        chat VARCHAR(64) NOT NULL,
        intent VARCHAR(64) NOT NULL,
        vote SMALLINT NOT NULL,  -- +1 / -1
        PRIMARY KEY (id)""",
    # What processes share so that any of them can take the next update (short-lived, purged
    # often). A chat's context: conversation.ChatState.
    "chat_states": """
        chat VARCHAR(64) NOT NULL,
        intents TEXT NOT NULL,  -- JSON list of intent ids
        offered TEXT NOT NULL,  -- JSON list: what the last clarification offered
        source_shown BOOLEAN NOT NULL,
        named TEXT NOT NULL,  -- JSON list: the slots the user named ("level")
        earlier_intents TEXT NOT NULL,  -- JSON list: the answer before the last's
        updated_at {ts} NOT NULL,
        PRIMARY KEY (chat)""",
    # The answers under vote buttons: a vote counts only on one of them.
    "exchanges": """
        id VARCHAR(16) NOT NULL,
        chat VARCHAR(64) NOT NULL,  -- the asker
        question TEXT NOT NULL,  -- masked (bot/privacy.py)
        normalized TEXT NOT NULL,
        candidates TEXT NOT NULL,  -- JSON: [[intent, score], ...]
        intents TEXT NOT NULL,  -- JSON: the facts the answer gave (votes name one)
        created_at {ts} NOT NULL,
        PRIMARY KEY (id, chat)""",
    # Telegram update_ids claimed by a process: each is answered once.
    "handled_updates": """
        update_id BIGINT NOT NULL,
        claimed_at {ts} NOT NULL,
        done BOOLEAN NOT NULL,
        PRIMARY KEY (update_id)""",
    "settings": """
        "key" VARCHAR(64) NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY ("key")""",
}
_INDEXED = {
    "unanswered": ("chat", "created_at"),
    "votes": ("chat", "created_at"),
    "chat_states": ("updated_at",),
    "exchanges": ("chat", "created_at"),
    "handled_updates": ("claimed_at",),
}


def create_statements(dialect: str, existing: set[str]) -> list[str]:
    """The tables not in `existing`, with their indexes (as `create_all` did: CREATE INDEX locks
    its table even when the index is there, and two processes starting at once then deadlock).
    IF NOT EXISTS for the race of two processes that both found a table missing."""
    statements = []
    for table, columns in _TABLES.items():
        if table in existing:
            continue
        body = columns.format(ts=TIMESTAMP[dialect])
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({body}\n)")
        statements += [
            f"CREATE INDEX IF NOT EXISTS ix_{table}_{column} ON {table} ({column})"
            for column in _INDEXED.get(table, ())
        ]
    return statements


def aware(value: datetime | str) -> datetime:
    """A stored timestamp as an aware datetime: SQLite hands back naive UTC text."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@value_class
class UnansweredRow:
    created_at: datetime
    question: str | None
    normalized: str | None
    outcome: str
    intent: str | None
    candidates: list[tuple[str, float]]


@value_class
class VoteRow:
    created_at: datetime
    intent: str
    vote: int
