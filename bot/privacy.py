"""What the bot keeps about people, kept small: keyed chat hashes and personal data masked out.

Chats are stored only as HMAC-SHA256(key, chat): the key comes from the environment (or is derived
from another secret, such as the bot token) and is never written to the database, so the hashes
cannot be reversed by someone who holds only the database. Phone numbers, e-mail addresses and
long digit runs are replaced by placeholders before a question is queued for the store; the
placeholders keep the report's grouping ("số của tôi là ‹phone›" groups with its kind).
"""

from __future__ import annotations

import hashlib
import hmac
import re

EMAIL = "‹email›"
PHONE = "‹phone›"
NUMBER = "‹number›"
# Long enough that no figure of the article (at most 4 digits, "1.999") is ever masked.
LONG_DIGITS = 7
_DERIVATION_LABEL = b"hoi-dap chat hash key v1"

_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Vietnamese (0xx… or +84…) and international numbers, with spaces, dots or dashes between digits.
_PHONE_RE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[ .-]?|0)\d(?:[ .-]?\d){7,11}(?!\d)")
_DIGITS_RE = re.compile(rf"\d{{{LONG_DIGITS},}}")


def mask_personal(text: str) -> str:
    """`text` with e-mail addresses, phone numbers and runs of ≥ 7 digits replaced by placeholders."""
    text = _EMAIL_RE.sub(EMAIL, text)
    text = _PHONE_RE.sub(PHONE, text)
    return _DIGITS_RE.sub(NUMBER, text)


def derive_key(secret: str) -> bytes:
    """A hash key from another secret (the bot token): HMAC, so the secret cannot be recovered."""
    return hmac.new(secret.encode(), _DERIVATION_LABEL, hashlib.sha256).digest()


def chat_hash(key: bytes, chat: str) -> str:
    """The only form in which a chat is stored: 64 hex digits, unlinkable without `key`."""
    return hmac.new(key, chat.encode(), hashlib.sha256).hexdigest()
