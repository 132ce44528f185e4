"""Whom "người như tôi" means: the role the asker said first ("tôi là bí thư xã, huyện có cho
người như tôi đi bồi dưỡng chức danh không" asks of commune party secretaries)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import message_memo
from bot.normalize import clean

if TYPE_CHECKING:
    from bot.reading import Reader

ROLE_WORDS = 6  # a role said in a few words ("bí thư xã", "công chức địa chính xã")


def with_own_role(reader: Reader, text: str) -> str | None:
    """`text` with "người như tôi" put as the role the asker said before it, when that role
    names something the article counts or trains; else None."""
    reading, tables = reader.reading, reader.kb.tables
    cleaned = clean(text, tables)
    folded = message_memo.folded_text(cleaned, tables)  # one letter for one: positions hold
    pointer = next((m for p in reading.like_me if (m := p.search(folded))), None)
    if pointer is None:
        return None
    said = [m for p in reading.own_role for m in p.finditer(folded[: pointer.start()])]
    if not said:
        return None
    last = max(said, key=lambda m: m.start())
    role = cleaned[last.start("role") : last.end("role")].strip()
    words = message_memo.words(reader.responder.matcher, role)
    if (
        not role
        or len(role.split()) > ROLE_WORDS
        or not reader.responder.matcher.names_a_value(words)
    ):
        return None
    return f"{cleaned[: pointer.start()]}{role}{cleaned[pointer.end() :]}"
