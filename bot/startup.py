"""What every front end does before its first reply: settings, logging, the KB and the store.

A bad setting or a bad knowledge base stops any command the same way: one line per problem on
stderr, and exit code 2. A store that cannot be opened costs only the maintainer's log, except
for `report`, which has nothing else to do.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.config import ConfigError, StoreSettings, load_log_level, load_store_settings
from bot.logs import TOOL_FORMAT, configure_logging
from bot.paths import PROJECT_DIR

if TYPE_CHECKING:  # the store (SQLAlchemy, for PostgreSQL), the whole KB: loaded on demand
    from bot.answer import Responder
    from bot.store import Store

EXIT_CODE = 2
log = logging.getLogger("bot.startup")


class StartupError(Exception):
    """Why a command cannot start: `lines` for stderr, each one complete."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = tuple(lines)
        super().__init__("\n".join(self.lines))


def refuse(error: StartupError | ConfigError) -> int:
    """Print why the command cannot start; the exit code to return."""
    if isinstance(error, ConfigError):
        error = config_error(error)
    for line in error.lines:
        print(line, file=sys.stderr)
    return EXIT_CODE


def config_error(error: ConfigError) -> StartupError:
    return StartupError([f"error: {error}"])


def tool_logging() -> None:
    """Logging for the command-line tools: what goes wrong, bare (LOG_LEVEL may ask for more)."""
    try:
        level = load_log_level(default="WARNING")
    except ConfigError as error:
        raise config_error(error) from None
    configure_logging(level, fmt=TOOL_FORMAT)


def hold_collection() -> None:
    """No cyclic garbage collection while a server starts: see collect_again()."""
    gc.disable()


def collect_again() -> None:
    """Start-up is over: what it allocated (the modules, the KB and its index) lives as long as
    the process, so each pass of the collector over it was wasted (~70 ms of the bot's start, a
    full pass while the cached KB is read). Frozen, no later pass walks it either. Nothing is
    done unless hold_collection() came first (a test running the bot in its own process)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def load_responder() -> Responder:
    """The core over the knowledge base, or StartupError with each problem as file:line."""
    from bot.answer import Responder
    from bot.kb import KnowledgeError

    try:
        return Responder.load()
    except KnowledgeError as error:
        lines = [problem.format(PROJECT_DIR) for problem in error.problems]
        lines.append(
            f"error: the knowledge base is invalid ({len(error.problems)} problem(s)); "
            "refusing to start. Run `python -m bot kb check`."
        )
        raise StartupError(lines) from None


def store_settings() -> StoreSettings:
    try:
        return load_store_settings()
    except ConfigError as error:
        raise config_error(error) from None


def open_store(settings: StoreSettings, required: bool = False) -> Store | None:
    """The maintainer's store; without it the front ends still answer (`required`: StartupError)."""
    from bot.store import Store

    try:
        return Store.from_settings(settings, hash_key=settings.hash_key or local_hash_key())
    except (
        ValueError,
        OSError,
    ) as error:  # a database URL no driver takes, an unusable data directory
        if required:
            raise StartupError([f"error: cannot open the store: {error}"]) from None
        log.error("hỏi đáp: cannot open the store (%s); running without it.", error)
        return None


def local_hash_key() -> bytes:
    """The hash key of a process with no secret in its environment (the console, `ask`): a random
    key in a file of the user's configuration directory, created once, never in the database."""
    import secrets

    from platformdirs import user_config_path

    path = user_config_path("hoi-dap", appauthor=False) / "hash-key"
    try:
        return bytes.fromhex(path.read_text().strip())
    except (OSError, ValueError):
        pass
    key = secrets.token_bytes(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(key.hex())
    return key
