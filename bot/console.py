"""The console front end: an interactive REPL, its piped form, and `ask` (plain and JSON lines)."""

from __future__ import annotations

import contextlib
import json
import signal
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot import startup
from bot.answer import Responder

if TYPE_CHECKING:  # `ask` without --conversation keeps no context: no need to load it
    from bot.conversation import Conversations
    from bot.reply import Reply


def read_lines(stream: TextIO) -> Iterator[str]:
    """Lines of a byte stream as text: split on newline only, undecodable bytes replaced."""
    raw = getattr(stream, "buffer", None)
    if raw is None:
        for line in stream:
            yield line.rstrip("\n").rstrip("\r")
        return
    for chunk in raw:
        yield chunk.decode("utf-8", errors="replace").rstrip("\n").rstrip("\r")


# Characters str.splitlines() breaks on although JSON leaves them raw: escaped, so a reader that
# splits our output into lines by any rule gets exactly one line per question.
_LINE_BREAKS = {ch: f"\\u{ord(ch):04x}" for ch in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def _json_line(data: dict[str, object]) -> str:
    text = json.dumps(data, ensure_ascii=False)
    return text.translate(str.maketrans(_LINE_BREAKS))


def one_line(text: str) -> str:
    """What a user sees, on one line (ask prints exactly one line per question)."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def replied(
    responder: Responder, question: str, conversation: tuple[Conversations, str] | None
) -> tuple[Reply, str]:
    """The reply to `question` and the text the user is shown (in the chat, when given one)."""
    if conversation is None:  # every question a conversation of its own
        reply = responder.respond(question)
        return reply, reply.full_text
    conversations, chat = conversation
    exchange = conversations.ask(chat, question)
    return exchange.reply, exchange.text


def ask(
    responder: Responder,
    questions: Iterable[str],
    out: TextIO,
    as_json: bool,
    conversation: tuple[Conversations, str] | None = None,
) -> None:
    """One output line per question; with `conversation` (conversations, chat id) follow-ups
    carry over."""
    for question in questions:
        reply, shown = replied(responder, question, conversation)
        if as_json:
            out.write(_json_line(reply.as_json(shown)) + "\n")
        else:
            out.write(one_line(shown) + "\n")
        out.flush()


class Console:
    """The REPL: Vietnamese prompts, /help, /topics, /quit, Ctrl-D and Ctrl-C end it cleanly."""

    def __init__(
        self,
        responder: Responder,
        out: TextIO = sys.stdout,
        conversations: Conversations | None = None,
        chat: str = "console",
    ) -> None:
        self.responder = responder
        self.out = out
        self.texts = responder.messages["console"]
        if conversations is None:
            from bot.conversation import Conversations

            conversations = Conversations(responder, None, "console")
        self.conversations = conversations
        self.chat = chat
        self._last_answer: tuple[str, str] | None = None  # (exchange id, intent)

    def _say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def banner(self) -> str:
        a = self.responder.article
        return self.texts["banner"].format(title=a.title, source=a.source, published=a.published)

    def help_text(self) -> str:
        examples = "\n".join(f"  • {s.question}" for s in self.responder.examples())
        return self.texts["help"].format(examples=examples)

    def topics_text(self) -> str:
        lines = [self.texts["topics_header"]]
        for topic in self.responder.topics():
            lines.append(f"{topic.label}:")
            lines += [f"  • {s.question}" for s in topic.suggestions]
        return "\n".join(lines)

    def handle(self, line: str) -> bool:
        """Answer one line; False when the user asked to quit."""
        command = line.strip().split(maxsplit=1)[0].lower() if line.strip() else ""
        if command in ("/quit", "/exit", "/q", "/thoat"):
            self._say(self.texts["goodbye"])
            return False
        if command in ("/help", "/start", "/h"):
            self._say(self.help_text())
        elif command == "/topics":
            self._say(self.topics_text())
        elif command in ("/good", "/bad"):
            self._vote(up=command == "/good")
        elif command == "/forget":
            self._forget()
        elif command.startswith("/") and len(command) > 1:
            self._say(self.texts["unknown_command"].format(command=command))
        else:
            exchange = self.conversations.ask(self.chat, line)
            reply = exchange.reply
            if reply.status == "answer" and reply.intent:
                self._last_answer = (exchange.id, reply.intent)
            self._say(exchange.text)
        return True

    def _vote(self, up: bool) -> None:
        if self._last_answer is None:
            self._say(self.texts["nothing_to_vote"])
            return
        exchange_id, intent = self._last_answer
        self.conversations.vote(self.chat, exchange_id, intent, up)
        self._last_answer = None
        self._say(self.texts["voted_up" if up else "voted_down"])

    def _forget(self) -> None:
        from bot.store import StoreUnavailable

        try:
            count = self.conversations.forget(self.chat)
        except StoreUnavailable:
            self._say(self.texts["forget_failed"])
            return
        self._last_answer = None
        _forget_history()
        self._say(self.texts["forgot"].format(count=count))

    def run_piped(self, lines: Iterable[str]) -> int:
        for line in lines:
            if not self.handle(line):
                break
            self._say("")
        return 0

    def run_interactive(self) -> int:
        _enable_history()
        self._say(self.banner())
        while True:
            try:
                line = input(self.texts["prompt"])
            except EOFError:
                self._say("")
                self._say(self.texts["goodbye"])
                return 0
            except KeyboardInterrupt:
                self._say("")
                self._say(self.texts["goodbye"])
                return 0
            if not line.strip():
                continue
            if not self.handle(line):
                return 0


def _history_path() -> Path:
    """$XDG_STATE_HOME/hoi-dap/history (~/.local/state/… on Linux), the platform's place elsewhere."""
    from platformdirs import user_state_path

    return user_state_path("hoi-dap", appauthor=False) / "history"


def _enable_history() -> None:
    """readline history across sessions; silently absent where readline is not available."""
    try:
        import atexit
        import readline
    except ImportError:
        return
    path = _history_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            readline.read_history_file(path)
    except OSError:
        return
    readline.set_history_length(1000)

    def save() -> None:
        with contextlib.suppress(OSError):
            readline.write_history_file(path)

    atexit.register(save)


def _forget_history() -> None:
    """/forget: the console's history file goes too, in memory and on disk (nothing written
    after /forget keeps what came before it)."""
    with contextlib.suppress(ImportError):
        import readline

        readline.clear_history()
    with contextlib.suppress(OSError):
        _history_path().unlink(missing_ok=True)


def run_ask(
    questions: list[str], as_json: bool, conversation_id: str | None = None, chats: bool = False
) -> int:
    """`python -m bot ask`: the arguments, else stdin; with an id (or `--chats`, an id per
    line), context kept in the store."""
    responder = startup.load_responder()
    startup.collect_again()
    lines = questions or read_lines(sys.stdin)
    if not conversation_id and not chats:
        ask(responder, lines, sys.stdout, as_json=as_json)
        return 0
    from bot.conversation import Conversations

    store = startup.open_store(startup.store_settings())
    # a process per question: the chat's whole state (its context, a clarification's offers,
    # the slots named) is kept in the store between them, as Telegram's processes share it
    conversations = Conversations(responder, store, "ask", shared=True, votes=False)
    try:
        if chats:
            from bot.chat_lines import answer_chat_lines

            def reply_in_chat(chat: str, question: str) -> dict[str, object]:
                reply, shown = replied(responder, question, (conversations, f"ask:{chat}"))
                return reply.as_json(shown)

            answer_chat_lines(lines, sys.stdout, reply_in_chat, _json_line)
        else:
            chat = f"ask:{conversation_id}"
            ask(responder, lines, sys.stdout, as_json=as_json, conversation=(conversations, chat))
    finally:
        if store is not None:
            store.close(timeout=5)
    return 0


def run_console(stdin: TextIO = sys.stdin) -> int:
    """`python -m bot console`: the REPL on a terminal, one reply per line when piped."""
    from bot.conversation import Conversations

    responder = startup.load_responder()
    store = startup.open_store(startup.store_settings())
    startup.collect_again()
    try:
        console = Console(responder, conversations=Conversations(responder, store, "console"))
        if stdin.isatty():
            # Ctrl-C ends the console even when it was started by something that ignores
            # SIGINT (a background job, nohup): Python then installs no handler of its own
            signal.signal(signal.SIGINT, signal.default_int_handler)
            return console.run_interactive()
        return console.run_piped(read_lines(stdin))
    finally:
        if store is not None:
            store.close(timeout=2)
