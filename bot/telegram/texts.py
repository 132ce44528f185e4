"""The Telegram bot's own words (knowledge/telegram.yaml) as one immutable, validated object.

Texts are data so that rewording the bot never touches code; they are checked at start-up so a typo
in a {field} fails loudly with file:line instead of in front of a user.
"""

from __future__ import annotations

import re
import string
from dataclasses import fields
from pathlib import Path
from typing import Any

from bot.cache import cache_dir
from bot.kb.saved_parse import read_saved
from bot.paths import KNOWLEDGE_DIR
from bot.values import value_class

DEFAULT_PATH = KNOWLEDGE_DIR / "telegram.yaml"

# The {fields} each text may use; the bot fills in exactly these.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "greeting": frozenset({"title", "source", "published"}),
    "help": frozenset({"title", "bot_username"}),
    "about": frozenset({"title", "source", "published", "author", "views"}),
    "topics_intro": frozenset(),
    "topic_questions": frozenset({"topic"}),
    "no_topics": frozenset(),
    "try_these": frozenset(),
    "non_text": frozenset(),
    "apology": frozenset(),
    "stale_button": frozenset(),
    "invalid_button": frozenset(),
    "empty_question": frozenset({"example", "bot_username"}),
    "unknown_command": frozenset({"command"}),
    "vote_up_button": frozenset(),
    "vote_down_button": frozenset(),
    "voted_up": frozenset(),
    "voted_down": frozenset(),
    "forgot": frozenset({"count"}),
    "forget_failed": frozenset(),
    "slow_down": frozenset(),
}

# Bot API setMyCommands: command 1-32 of [a-z0-9_], description 1-256 characters.
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")


class TextsError(ValueError):
    """telegram.yaml is missing a text or has one the bot cannot fill in."""


@value_class
class TelegramTexts:
    """User-facing Telegram texts: plain-text templates with {fields}, escaped when rendered."""

    greeting: str
    help: str
    about: str
    topics_intro: str
    topic_questions: str
    no_topics: str
    try_these: str
    non_text: str
    apology: str
    stale_button: str
    invalid_button: str
    empty_question: str
    unknown_command: str
    vote_up_button: str
    vote_down_button: str
    voted_up: str
    voted_down: str
    forgot: str
    forget_failed: str
    slow_down: str
    commands: tuple[tuple[str, str], ...]


def load_texts(path: Path = DEFAULT_PATH) -> TelegramTexts:
    """Load and validate telegram.yaml; errors read `path:line: key: problem`. Its parse is kept
    (bot/kb/saved_parse.py): a start from the cached core then loads no YAML parser at all."""
    doc = read_saved(path, cache_dir())
    if doc.problems:
        raise TextsError(doc.problems[0].format())
    data, lines = doc.data, getattr(doc.data, "key_lines", {})
    if not isinstance(data, dict):
        raise TextsError(f"{path}:1: expected a mapping of text names to texts")

    def fail(key: str, problem: str) -> TextsError:
        return TextsError(f"{path}:{lines.get(key, 1)}: {key}: {problem}")

    known = {f.name for f in fields(TelegramTexts)}
    for key in data:
        if key not in known:
            raise fail(str(key), f"unknown text (known: {', '.join(sorted(known))})")

    values: dict[str, Any] = {}
    for key, allowed in PLACEHOLDERS.items():
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise fail(key, "missing or empty")
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as exc:
            raise fail(
                key, f"bad {{field}} syntax ({exc}); write {{{{ and }}}} for braces"
            ) from exc
        unknown = used - allowed
        if unknown:
            allowed_text = ", ".join(f"{{{a}}}" for a in sorted(allowed)) or "none"
            raise fail(
                key,
                f"unknown field {', '.join(f'{{{u}}}' for u in sorted(unknown))} "
                f"(allowed: {allowed_text})",
            )
        values[key] = value.strip()

    commands = data.get("commands")
    if not isinstance(commands, dict) or not commands:
        raise fail("commands", "missing: a mapping of command to menu description")
    for command, description in commands.items():
        if not isinstance(command, str) or not _COMMAND_RE.fullmatch(command):
            raise fail("commands", f"{command!r}: commands are 1-32 of a-z, 0-9 and _")
        if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
            raise fail("commands", f"{command}: description must be 1-256 characters")
    values["commands"] = tuple((c, d.strip()) for c, d in commands.items())
    return TelegramTexts(**values)
