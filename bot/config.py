"""Every setting from the environment, read once and validated up front into frozen objects.

`load_settings` for the Telegram front end, `load_store_settings` for the store (every front end),
`load_log_level` for any process. A bad value stops the program before it talks to anyone, with
one line per problem that names the variable and never echoes a secret.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from bot.telegram_env import HEALTH_PATH as HEALTH_PATH  # where callers import it from
from bot.telegram_env import normalize_base_url, telegram_secret_token, webhook_url_problems
from bot.values import value_class

Mode = Literal["polling", "webhook"]

DEFAULT_PORT = 8080
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
DEFAULT_RETENTION_DAYS = 90
# seconds to wait for a Bot API answer (python-telegram-bot's default); a reply unanswered by then
# may have arrived, so it is never sent again (bot/telegram/send.py)
DEFAULT_READ_TIMEOUT = 5.0
MAX_RETENTION_DAYS = 36_500
MIN_HASH_KEY = 16

# Characters that would break the /bot<token>/method URL the token is pasted into.
_TOKEN_BAD_CHARS = re.compile(r"[\s/?#]")


class ConfigError(ValueError):
    """Invalid or missing configuration; `problems` holds one sentence per problem."""

    def __init__(self, problems: list[str] | tuple[str, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(self.problems))


@value_class
class Settings:
    """Everything the Telegram front end needs to know about its environment."""

    token: str = field(repr=False)
    mode: Mode = "polling"
    base_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    port: int = DEFAULT_PORT
    log_level: str = "INFO"
    read_timeout: float = DEFAULT_READ_TIMEOUT
    # fairness between chats (bot/telegram/fairness.py): messages a chat may get, and its backlog
    chat_per_minute: float = 60.0
    group_per_minute: float = 20.0
    chat_burst: int = 5
    chat_backlog: int = 10

    @property
    def webhook_path(self) -> str:
        """The path the webhook is served at: the path of WEBHOOK_URL, `/` when it has none."""
        if self.webhook_url is None:
            return "/"
        return urlsplit(self.webhook_url).path or "/"

    @property
    def secret_token(self) -> str | None:
        """What Telegram sends in X-Telegram-Bot-Api-Secret-Token: WEBHOOK_SECRET itself when
        Telegram's alphabet allows it, else a hash of it (see `telegram_secret_token`)."""
        return None if self.webhook_secret is None else telegram_secret_token(self.webhook_secret)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Values that must never reach a log line (the token, the secrets, URL passwords)."""
        found = [self.token, self.webhook_secret, self.secret_token]
        if self.base_url:
            parts = urlsplit(self.base_url)
            found += [parts.password, parts.username if parts.password else None]
        return tuple(s for s in found if s)


def load_settings(env: Mapping[str, str] | None = None, *, mode: Mode | None = None) -> Settings:
    """Read and validate the environment; `mode=None` means webhook if WEBHOOK_URL is set, else polling.

    Raises ConfigError listing every problem found, so one run shows them all.
    """
    env = os.environ if env is None else env
    problems: list[str] = []

    token = _get(env, "TELEGRAM_BOT_TOKEN")
    if token is None:
        problems.append("TELEGRAM_BOT_TOKEN is not set (ask @BotFather for a token)")
    elif _TOKEN_BAD_CHARS.search(token):
        problems.append(
            "TELEGRAM_BOT_TOKEN looks malformed: it must not contain spaces, '/', '?' or '#'"
        )

    base_url = _get(env, "TELEGRAM_API_BASE_URL")
    if base_url is not None:
        base_url, problem = normalize_base_url(base_url)
        if problem:
            problems.append(problem)

    webhook_url = _get(env, "WEBHOOK_URL")
    if mode is None:
        mode = "webhook" if webhook_url else "polling"

    webhook_secret = _get(env, "WEBHOOK_SECRET")
    if mode == "webhook":
        if webhook_url is None:
            problems.append(
                "WEBHOOK_URL is required in webhook mode (the public https URL Telegram should "
                "call, e.g. https://app.example.com/tg-hook)"
            )
        else:
            problems.extend(webhook_url_problems(webhook_url, token))
        if webhook_secret is None:
            problems.append(
                "WEBHOOK_SECRET is required in webhook mode (any random string, e.g. "
                "python -c 'import secrets; print(secrets.token_urlsafe(32))')"
            )
    else:
        webhook_url = webhook_secret = None

    port = DEFAULT_PORT
    raw_port = _get(env, "PORT")
    if raw_port is not None:
        if raw_port.isdigit() and 1 <= int(raw_port) <= 65535:
            port = int(raw_port)
        else:
            problems.append(f"PORT must be a whole number from 1 to 65535 (got {raw_port!r})")

    log_level, problem = _log_level(env)
    if problem:
        problems.append(problem)
    read_timeout = _number(env, "TELEGRAM_READ_TIMEOUT", DEFAULT_READ_TIMEOUT, 1, 300, problems)
    fairness = {
        "chat_per_minute": _number(env, "HOIDAP_CHAT_PER_MINUTE", 60.0, 1, 600, problems),
        "group_per_minute": _number(env, "HOIDAP_GROUP_PER_MINUTE", 20.0, 1, 600, problems),
        "chat_burst": int(_number(env, "HOIDAP_CHAT_BURST", 5, 1, 100, problems, whole=True)),
        "chat_backlog": int(_number(env, "HOIDAP_CHAT_BACKLOG", 10, 1, 1000, problems, whole=True)),
    }

    if problems:
        raise ConfigError(problems)
    assert token is not None
    return Settings(
        token=token,
        mode=mode,
        base_url=base_url,
        webhook_url=webhook_url,
        webhook_secret=webhook_secret,
        port=port,
        log_level=log_level,
        read_timeout=read_timeout,
        **fairness,  # type: ignore[arg-type]
    )


@value_class
class StoreSettings:
    """Where the maintainer's store lives and how long it keeps rows."""

    data_dir: Path
    database_url: str | None = field(default=None, repr=False)  # None: a SQLite file in data_dir
    retention_days: int = DEFAULT_RETENTION_DAYS
    # the key of chat hashes; None: a key file beside the user's settings (bot/startup.py)
    hash_key: bytes | None = field(default=None, repr=False)


def load_store_settings(env: Mapping[str, str] | None = None) -> StoreSettings:
    """DATABASE_URL, HOIDAP_DATA_DIR, HOIDAP_RETENTION_DAYS and the hash key; ConfigError if bad.

    The key of chat hashes is HOIDAP_HASH_KEY (HOIDAP_HASH_SALT, its old name, is read too), else
    derived from TELEGRAM_BOT_TOKEN: a secret of the environment, never one kept in the database.
    """
    from bot.privacy import derive_key

    env = os.environ if env is None else env
    problems: list[str] = []
    hash_key = None
    secret = _get(env, "HOIDAP_HASH_KEY") or _get(env, "HOIDAP_HASH_SALT")
    if secret is not None:
        if len(secret) < MIN_HASH_KEY:
            problems.append(
                f"HOIDAP_HASH_KEY must be at least {MIN_HASH_KEY} characters "
                "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))')"
            )
        hash_key = derive_key(secret)
    elif token := _get(env, "TELEGRAM_BOT_TOKEN"):
        hash_key = derive_key(token)
    retention = DEFAULT_RETENTION_DAYS
    raw = _get(env, "HOIDAP_RETENTION_DAYS")
    if raw is not None:
        try:
            retention = int(raw)
        except ValueError:
            problems.append(f"HOIDAP_RETENTION_DAYS must be a whole number of days, not {raw!r}")
        else:
            if not 1 <= retention <= MAX_RETENTION_DAYS:
                problems.append(
                    f"HOIDAP_RETENTION_DAYS must be from 1 to {MAX_RETENTION_DAYS} (got {retention})"
                )
    if problems:
        raise ConfigError(problems)
    data_dir = _get(env, "HOIDAP_DATA_DIR")
    return StoreSettings(
        data_dir=Path(data_dir) if data_dir else _default_data_dir(),
        database_url=_get(env, "DATABASE_URL"),
        retention_days=retention,
        hash_key=hash_key,
    )


def load_log_level(env: Mapping[str, str] | None = None, default: str = "INFO") -> str:
    """LOG_LEVEL for a process that needs nothing else from the environment; ConfigError if bad."""
    level, problem = _log_level(os.environ if env is None else env, default)
    if problem:
        raise ConfigError([problem])
    return level


def _log_level(env: Mapping[str, str], default: str = "INFO") -> tuple[str, str | None]:
    level = (_get(env, "LOG_LEVEL") or default).upper()
    if level == "WARN":
        level = "WARNING"
    if level not in LOG_LEVELS:
        return level, f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)} (got {level!r})"
    return level, None


def _number(
    env: Mapping[str, str],
    name: str,
    default: float,
    low: float,
    high: float,
    problems: list[str],
    whole: bool = False,
) -> float:
    raw = _get(env, name)
    if raw is None:
        return default
    try:
        value = int(raw) if whole else float(raw)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        kind = "a whole number" if whole else "a number"
        problems.append(f"{name} must be {kind} from {low:g} to {high:g} (got {raw!r})")
        return default
    return value


def _default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("hoi-dap", appauthor=False)


def _get(env: Mapping[str, str], name: str) -> str | None:
    """A variable's value without surrounding whitespace; unset and blank are the same."""
    value = env.get(name, "").strip()
    return value or None


# Variables a platform sets on every instance whose disk is wiped when it restarts.
_EPHEMERAL = (("DYNO", "Heroku"), ("RENDER", "Render"), ("FLY_APP_NAME", "Fly.io"),
              ("RAILWAY_ENVIRONMENT", "Railway"))  # fmt: skip


def ephemeral_platform(env: Mapping[str, str] | None = None) -> str | None:
    """The platform's name when this runs where local files do not survive a restart."""
    env = os.environ if env is None else env
    return next((name for var, name in _EPHEMERAL if env.get(var)), None)


def telegram_token_set(env: Mapping[str, str] | None = None) -> bool:
    """Whether `python -m bot` without a command should start the Telegram bot."""
    return bool((os.environ if env is None else env).get("TELEGRAM_BOT_TOKEN"))
