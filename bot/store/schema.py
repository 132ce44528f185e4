"""The tables the store writes and the rows it hands back to the maintainer's report."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)

from bot.values import value_class

SCHEMA_VERSION = "5"  # 2: chats keyed by HMAC with a key outside the database; 3: shared state;
# 4: a chat's state names the slots its user named, and `ask --conversation` keeps its context in
# that state (the table `contexts`, one intent per chat, is gone); 5: a chat's state keeps the
# facts of the answer before the last ("hai số này trùng nhau à" sets them side by side)
# Tables an older schema made that are dropped, not altered, on upgrade: short-lived rows only
# (a chat's context lives minutes), so nothing a maintainer reads is lost.
DROPPED_ON_UPGRADE = ("contexts", "chat_states")

metadata = MetaData()
unanswered = Table(
    "unanswered",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("chat", String(64), nullable=False, index=True),
    Column("front_end", String(16), nullable=False),
    Column("question", Text, nullable=True),  # null for a down-vote whose question was forgotten
    Column("normalized", Text, nullable=True),
    Column("outcome", String(16), nullable=False),  # fallback / clarify / downvoted
    Column("intent", String(64), nullable=True),  # the answer voted down
    Column("candidates", Text, nullable=False),  # JSON: [[intent, score], ...] best first
)
votes = Table(
    "votes",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("chat", String(64), nullable=False, index=True),
    Column("intent", String(64), nullable=False),
    Column("vote", SmallInteger, nullable=False),  # +1 / -1
)
# What processes share so that any of them can take the next update (short-lived, purged often):
chat_states = Table(  # a chat's context: conversation.ChatState
    "chat_states",
    metadata,
    Column("chat", String(64), primary_key=True),
    Column("intents", Text, nullable=False),  # JSON list of intent ids
    Column("offered", Text, nullable=False),  # JSON list: what the last clarification offered
    Column("source_shown", Boolean, nullable=False),
    Column("named", Text, nullable=False),  # JSON list: the slots the user named ("level")
    Column("earlier_intents", Text, nullable=False),  # JSON list: the answer before the last's
    Column("updated_at", DateTime(timezone=True), nullable=False, index=True),
)
exchanges = Table(  # the answers under vote buttons: a vote counts only on one of them
    "exchanges",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("chat", String(64), primary_key=True, index=True),  # the asker
    Column("question", Text, nullable=False),  # masked (bot/privacy.py)
    Column("normalized", Text, nullable=False),
    Column("candidates", Text, nullable=False),  # JSON: [[intent, score], ...]
    Column("intents", Text, nullable=False),  # JSON: the facts the answer gave (votes name one)
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
)
handled_updates = Table(  # Telegram update_ids claimed by a process: each is answered once
    "handled_updates",
    metadata,
    Column("update_id", BigInteger, primary_key=True, autoincrement=False),
    Column("claimed_at", DateTime(timezone=True), nullable=False, index=True),
    Column("done", Boolean, nullable=False),
)
settings_table = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


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
