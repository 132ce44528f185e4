"""The knowledge base: typed model, the YAML source with line numbers, loading and `kb check`."""

from bot.kb.load import check_knowledge, load_knowledge
from bot.kb.model import (
    ConversationSettings,
    Derived,
    Group,
    Intent,
    KnowledgeBase,
    KnowledgeError,
    MatchSettings,
    Messages,
    Weights,
)
from bot.kb.source import Problem
from bot.kb.tables import load_tables

__all__ = [
    "ConversationSettings",
    "Derived",
    "Group",
    "Intent",
    "KnowledgeBase",
    "KnowledgeError",
    "MatchSettings",
    "Messages",
    "Problem",
    "Weights",
    "check_knowledge",
    "load_knowledge",
    "load_tables",
]
