"""The knowledge base: typed model, the YAML source with line numbers, loading and `kb check`.

The loaders are imported on first use: a process whose KB comes from the cache (bot/cache.py)
needs only the model, never the YAML reader and its checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.kb.model import (
    ConversationSettings,
    Derived,
    Group,
    Intent,
    KnowledgeBase,
    KnowledgeError,
    MatchSettings,
    Weights,
)
from bot.kb.source import Problem
from bot.kb.texts import Messages

if TYPE_CHECKING:
    from bot.kb.load import check_knowledge, load_knowledge
    from bot.kb.tables import load_tables

_LAZY = {
    "check_knowledge": "bot.kb.load",
    "load_knowledge": "bot.kb.load",
    "load_tables": "bot.kb.tables",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'bot.kb' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module), name)


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
