"""What Telegram accepts of the environment's URLs and secret, checked apart from the settings.

config.py reads the variables; these rules (the API base URL's form, a webhook URL that leaks
neither the token nor the health-check path, the secret's alphabet) come from the Bot API.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

HEALTH_PATH = "/healthz"

# Bot.set_webhook: "1-256 characters. Only characters A-Z, a-z, 0-9, _ and - are allowed."
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")


def normalize_base_url(url: str) -> tuple[str, str | None]:
    """Check TELEGRAM_API_BASE_URL and bring it to python-telegram-bot's `base_url` form.

    The token is appended to it (`…/bot` + token), so a trailing slash is dropped and a bare
    `http://host:port` gets Telegram's `/bot` prefix; `{token}` placeholders are left to PTB.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return url, (
            "TELEGRAM_API_BASE_URL must be an http(s) URL such as http://127.0.0.1:8081/bot "
            f"(got {redact_url(url)!r})"
        )
    path = parts.path.rstrip("/")
    if not path and "{token}" not in url:
        path = "/bot"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, "")), None


def webhook_url_problems(url: str, token: str | None) -> list[str]:
    """Why Telegram could not call WEBHOOK_URL, or why it must not; empty when it will do."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return [
            "WEBHOOK_URL must be an https URL such as https://app.example.com/tg-hook "
            f"(got {redact_url(url)!r})"
        ]
    problems = []
    if token and token in url:
        problems.append("WEBHOOK_URL must not contain the bot token: pick another path")
    if (parts.path or "/").rstrip("/") == HEALTH_PATH:
        problems.append(f"WEBHOOK_URL must not use {HEALTH_PATH}, the health-check path")
    return problems


def redact_url(url: str) -> str:
    """Scheme and host only: a URL given by mistake might carry a token in its path."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/…" if parts.netloc else "<not a URL>"


def telegram_secret_token(secret: str) -> str:
    """WEBHOOK_SECRET in Telegram's alphabet: itself if allowed, else its SHA-256 in hex.

    Platforms generate secrets in other alphabets (Render's generateValue is base64, with + / =);
    Telegram refuses those in setWebhook, so the bot registers and checks a hash instead.
    """
    if _SECRET_RE.fullmatch(secret):
        return secret
    import hashlib  # here: loading OpenSSL's hashes was ~7 ms of every start, `ask` included

    return hashlib.sha256(secret.encode()).hexdigest()
