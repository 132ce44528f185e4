"""What a conversation asks of the store (bot.store.Store implements it): the one way the core
reaches it, so the core never imports the store (and its drivers) itself."""

from __future__ import annotations

from typing import Any, Protocol


class ChatLog(Protocol):
    """All a conversation asks of the store (bot.store.Store): the one way the core reaches it."""

    def log_unanswered(
        self,
        chat: str,
        front_end: str,
        question: str | None,
        normalized: str | None,
        outcome: str,
        candidates: list[tuple[str, float]],
        intent: str | None = None,
    ) -> None: ...

    def log_vote(
        self,
        chat: str,
        intent: str,
        vote: int,
        exchange: str = "",
        asked: tuple[str | None, str | None, tuple[tuple[str, float], ...]] | None = None,
        front_end: str = "",
    ) -> None:
        """One vote per chat and `exchange`; a down-vote logs `asked` (question, normalized,
        candidates) as well."""
        ...

    def forget(self, chat: str) -> int:
        """Raises bot.store.StoreUnavailable when the database does not answer in time."""
        ...


class SharedLog(ChatLog, Protocol):
    """What processes that share chats need besides (bot.store.shared.SharedState)."""

    def load_state(self, chat: str, timeout: float) -> Any: ...

    def save_state(
        self,
        chat: str,
        intents: tuple[str, ...],
        offered: tuple[str, ...],
        source_shown: bool,
        exchange: dict[str, Any] | None = None,
        wait: float = 0.0,
        named: tuple[str, ...] = (),
        earlier: tuple[str, ...] = (),
    ) -> bool: ...

    def load_exchange(self, chat: str, exchange_id: str, timeout: float) -> Any: ...
