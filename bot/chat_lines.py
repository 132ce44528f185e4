"""`ask --chats`: many conversations through one process, a JSON object per stdin line.

A script that replays logged dialogues (or a test suite) starts the bot once instead of once per
chat: each line names its chat, and each chat keeps its context in the store exactly as
`ask --conversation ID` keeps it, so a chat may go on in a later process. A line that is not such
an object gets an error line in its place; the lines after it are still answered.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

MAX_CHAT_ID = 200  # characters: an id is a name, not a document
USAGE = 'each line a JSON object {"chat": "ID", "q": "QUESTION"}'


def read_chat_line(line: str) -> tuple[str, str] | str:
    """(chat id, question) from one input line, or why the line is refused (one sentence)."""
    try:
        data = json.loads(line)
    except ValueError:
        return f"not JSON ({USAGE})"
    if not isinstance(data, dict):
        return f"not a JSON object ({USAGE})"
    chat, question = data.get("chat"), data.get("q")
    if not isinstance(chat, str) or not chat.strip():
        return f'"chat" must be a non-empty string ({USAGE})'
    if len(chat) > MAX_CHAT_ID:
        return f'"chat" is longer than {MAX_CHAT_ID} characters'
    if not isinstance(question, str):
        return f'"q" must be a string ({USAGE})'
    return chat, question


def answer_chat_lines(
    lines: Iterable[str],
    out: TextIO,
    reply_in_chat: Callable[[str, str], dict[str, Any]],
    json_line: Callable[[dict[str, Any]], str],
) -> None:
    """Exactly one output line per input line, flushed as it is written (a script may wait on
    it, and pair its lines with ours by position)."""
    for line in lines:
        read = read_chat_line(line)
        if isinstance(read, str):
            data: dict[str, Any] = {"error": read}
        else:
            chat, question = read
            data = {"chat": chat, **reply_in_chat(chat, question)}
        out.write(json_line(data) + "\n")
        out.flush()
