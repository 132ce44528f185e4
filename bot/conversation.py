"""Chats with a memory: the previous answer as context for follow-ups, votes, and the log.

The one place front ends (console, `ask --conversation`, Telegram) turn a message into a reply,
so that they behave alike: the core answers, this remembers the chat's last intent for a few
minutes and hands the maintainer's rows (unanswered questions, votes) to the store.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from bot.answer import Responder
from bot.chatlog import ChatLog, SharedLog
from bot.group_facts import given_together
from bot.normalize import Tables, normalize
from bot.privacy import mask_personal
from bot.reply import Reply
from bot.values import value_class

MAX_CHATS = 100_000  # contexts kept in memory (least recently used go first)
MAX_RECENT = 10_000  # answers kept in memory for a vote to name their question
# Shared state (several processes): how long a reply may wait on the database before it is
# answered from this process's memory instead (the database is down: context degrades).
READ_WAIT = 1.0
WRITE_WAIT = 1.0


@value_class
class Exchange:
    """A reply, the short id a vote on it names, and the text this chat is shown: the source
    line only with the chat's first answer from the article (`/about` names it any time)."""

    id: str
    reply: Reply
    shown: str = ""

    @property
    def text(self) -> str:
        return self.shown or self.reply.full_text


@value_class
class ChatState:
    """What a chat's next message is read against, for `ttl` seconds."""

    intents: tuple[str, ...] = ()  # the facts of the last answer
    offered: tuple[str, ...] = ()  # the intents the last clarification suggested
    source_shown: bool = False
    at: float = 0.0
    # the slots the user named for those facts ("cấp huyện"): what "còn trung cấp?" keeps
    named: tuple[str, ...] = ()
    # the facts of the answer before the last: "hai số này trùng nhau à" sets the two side by side
    earlier: tuple[str, ...] = ()


@value_class
class _Asked:
    chat: str
    question: str
    normalized: str
    candidates: tuple[tuple[str, float], ...]
    intents: tuple[str, ...] = ()


class Conversations:
    """Per-chat context and logging around a Responder; thread-safe."""

    def __init__(
        self,
        responder: Responder,
        store: ChatLog | SharedLog | None,
        front_end: str,
        clock: Callable[[], float] = time.monotonic,
        shared: bool = False,
        votes: bool = True,
    ) -> None:
        """`shared`: the store holds every chat's state (processes that take turns: Telegram;
        a process per question: `ask --conversation`); memory is only the fallback while the
        database does not answer. The console keeps it all here. `votes`: the front end shows
        vote buttons, so the store keeps what a vote on an answer names (shared chats only)."""
        self.responder = responder
        self.store = store
        self.front_end = front_end
        self.shared = shared and store is not None
        self.votes = votes
        self.ttl = responder.kb.conversation.context_minutes * 60
        self._clock = clock
        self._lock = threading.Lock()
        self._states: OrderedDict[str, ChatState] = OrderedDict()
        self._recent: OrderedDict[str, _Asked] = OrderedDict()

    # ------------------------------------------------------------ asking

    def state(self, chat: str) -> ChatState:
        """The chat's state, while it is recent enough to be a context (else a fresh one)."""
        if self.shared:
            self._load_shared(chat)
        with self._lock:
            found = self._states.get(chat)
            if found is None:
                return ChatState()
            if self._clock() - found.at > self.ttl:
                # the context expires; having seen the source does not
                fresh = ChatState(source_shown=found.source_shown, at=found.at)
                self._states[chat] = fresh
                return fresh
            return found

    def _load_shared(self, chat: str) -> None:
        """The store's state for `chat` replaces ours unless ours is newer (a write still queued)."""
        from bot.store import StoreUnavailable

        try:
            stored = self.store.load_state(chat, READ_WAIT)
        except StoreUnavailable:
            return  # the database is down: this process's memory is the best there is
        with self._lock:
            if stored is None:
                self._states.pop(chat, None)  # forgotten, expired, or never seen
                return
            age = (datetime.now(UTC) - stored.updated_at).total_seconds()
            at = self._clock() - max(0.0, age)
            mine = self._states.get(chat)
            if mine is None or mine.at < at:
                self._states[chat] = ChatState(
                    stored.intents,
                    stored.offered,
                    stored.source_shown,
                    at,
                    stored.named,
                    stored.earlier,
                )

    def previous(self, chat: str) -> tuple[str, ...]:
        """The facts of the chat's last answer, while recent enough to be a context."""
        return self.state(chat).intents

    def ask(self, chat: str, text: str) -> Exchange:
        state = self.state(chat)
        reply = self.responder.respond(
            text,
            previous=state.intents,
            offered=state.offered,
            named=state.named,
            before=state.earlier,
        )
        return self._record(chat, text, reply)

    def tapped(self, chat: str, intent_id: str) -> Exchange | None:
        """A suggestion button: answer that intent, as if the user had asked its question."""
        reply = self.responder.answer_intent(intent_id)
        if reply is None:
            return None
        if self.shared:
            self._load_shared(chat)  # whether this chat has seen the source line
        return self._record(chat, reply.question, reply)

    def _record(self, chat: str, text: str, reply: Reply) -> Exchange:
        exchange_id = secrets.token_hex(4)
        with self._lock:
            before = self._states.get(chat) or ChatState()
            shown = reply.full_text if reply.source and not before.source_shown else reply.text
            if reply.status == "answer" and reply.intents:
                # what "cộng lại" would sum: the facts given side by side so far, in a row
                groups = (*self.responder.groups, *self.responder.differences)
                context = given_together(groups, before.intents, reply.context or reply.intents)
                shown_now = before.source_shown or bool(reply.source)
                # the answer before this one, unless this one gives its facts again
                kept = before.earlier if set(before.intents) <= set(context) else before.intents
                state = ChatState(context, (), shown_now, named=reply.named, earlier=kept)
            else:
                offered: tuple[str, ...] = ()
                if reply.status == "clarify" and reply.suggestions:
                    offered = tuple(s.intent_id for s in reply.suggestions)
                elif reply.status == "fallback" and reply.context:
                    # refused, with the article's own answer offered ("vậy Điện Biên Đông thì sao?")
                    offered = reply.context
                state = replace(before, offered=offered)
            self._states[chat] = replace(state, at=self._clock())
            self._states.move_to_end(chat)
            while len(self._states) > MAX_CHATS:
                self._states.popitem(last=False)
            asked = None
            if reply.status == "answer":
                question, normalized = private_forms(
                    text, reply.normalized, self.responder.kb.tables
                )
                asked = _Asked(chat, question, normalized, reply.candidates, reply.intents)
                self._recent[exchange_id] = asked
                while len(self._recent) > MAX_RECENT:
                    self._recent.popitem(last=False)
        if self.shared:
            exchange = None
            if asked is not None and self.votes:  # what a vote on it needs, in another process
                exchange = {
                    "id": exchange_id,
                    "question": asked.question[:4000],
                    "normalized": asked.normalized[:4000],
                    "candidates": [[i, round(s, 1)] for i, s in asked.candidates[:5]],
                    "intents": list(asked.intents),
                }
            self.store.save_state(
                chat,
                state.intents,
                state.offered,
                state.source_shown,
                exchange,
                WRITE_WAIT,
                state.named,
                state.earlier,
            )
        if reply.status in ("fallback", "clarify") and text.strip() and self.store is not None:
            question, normalized = private_forms(text, reply.normalized, self.responder.kb.tables)
            self.store.log_unanswered(
                chat, self.front_end, question, normalized, reply.status, list(reply.candidates)
            )
        return Exchange(exchange_id, reply, shown)

    # ------------------------------------------------------------ feedback and privacy

    def vote(self, chat: str, exchange_id: str | None, intent: str, up: bool) -> bool:
        """👍/👎 on an answer the bot gave (`exchange_id`, naming `intent`; with shared state, any
        process of it): False for any other. One vote per chat and answer, a later one replacing the earlier; a 👎 also puts
        its question in the maintainer's log (only when the voter asked it)."""
        with self._lock:
            asked = self._recent.get(exchange_id or "")
        if asked is None and exchange_id and self.shared:
            asked = self._stored_exchange(chat, exchange_id)
        if asked is None or intent not in asked.intents:
            return False
        if self.store is None:
            return True
        mine = (asked.question, asked.normalized, asked.candidates) if asked.chat == chat else None
        self.store.log_vote(
            chat, intent, 1 if up else -1, exchange_id or "", mine, front_end=self.front_end
        )
        return True

    def _stored_exchange(self, chat: str, exchange_id: str) -> _Asked | None:
        """The answer a vote names, when another process (or an earlier run) gave it; its
        question only when `chat` asked it (a group's other members vote on it too)."""
        from bot.store import StoreUnavailable

        try:
            found = self.store.load_exchange(chat, exchange_id, READ_WAIT)
        except StoreUnavailable:
            return None
        if found is None:
            return None
        asker = chat if found.mine else ""
        return _Asked(asker, found.question, found.normalized, found.candidates, found.intents)

    def forget(self, chat: str) -> int:
        """Delete what is kept about `chat`: its context here, its rows in the store."""
        with self._lock:
            self._states.pop(chat, None)
            for key in [k for k, a in self._recent.items() if a.chat == chat]:
                del self._recent[key]
        return self.store.forget(chat) if self.store is not None else 0


def private_forms(question: str, normalized: str, tables: Tables) -> tuple[str, str]:
    """The question and its normalized form as the store may keep them: personal data masked
    (normalized anew when masking changed the question, since normalizing hides an e-mail's @)."""
    masked = mask_personal(question)
    if masked == question:
        return question, mask_personal(normalized)
    return masked, mask_personal(normalize(masked, tables).text)
