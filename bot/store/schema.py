"""The tables the store writes and the rows it hands back to the maintainer's report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Column, DateTime, MetaData, SmallInteger, String, Table, Text

SCHEMA_VERSION = "2"  # 2: chats keyed by HMAC with a key outside the database

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
contexts = Table(
    "contexts",
    metadata,
    Column("chat", String(64), primary_key=True),
    Column("intent", String(64), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
settings_table = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


@dataclass(frozen=True, slots=True)
class UnansweredRow:
    created_at: datetime
    question: str | None
    normalized: str | None
    outcome: str
    intent: str | None
    candidates: list[tuple[str, float]]


@dataclass(frozen=True, slots=True)
class VoteRow:
    created_at: datetime
    intent: str
    vote: int
