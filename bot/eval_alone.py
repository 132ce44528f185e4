"""Standalone eval questions, answered once however many sets ask them.

A reply in no chat depends on its text only, and so do its golden-file row and the figures it
states beyond the article: of ~84,000 standalone questions in the sets, ~22,000 repeat one
another set's, and each repeat re-read its text for the row's candidates.
"""

from __future__ import annotations

from dataclasses import replace

from bot import message_memo
from bot.answer import Responder
from bot.eval_replies import reply_row
from bot.kb.evidence import figures_beyond
from bot.reply import Reply
from bot.values import value_class


@value_class
class Alone:
    """A standalone question's reply, its golden-file row (once asked for) and the figures it
    states that the article does not have."""

    reply: Reply
    beyond: tuple[str, ...]
    row: dict | None = None


def beyond(reply: Reply, allowed: frozenset[str]) -> tuple[str, ...]:
    """The figures `reply` states that are neither the article's nor a declared derivation."""
    return tuple(figures_beyond(reply.full_text, allowed, reply.status == "clarify"))


def answered(
    responder: Responder,
    question: str,
    kept: dict[str, Alone],
    allowed: frozenset[str],
    with_row: bool,
) -> Alone:
    """`question` answered alone, from `kept` when asked before (with its row when `with_row`)."""
    found = kept.get(question)
    if found is None:
        with message_memo.matches_left() as matched:  # the row's candidates: the same match
            reply = responder.respond(question)
        row = reply_row(responder, question, reply, matched) if with_row else None
        found = Alone(reply, beyond(reply, allowed), row)
    elif with_row and found.row is None:
        found = replace(found, row=reply_row(responder, question, found.reply))
    kept[question] = found
    return found
